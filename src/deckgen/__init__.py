"""deckgen: one workshop content file in, an editable deck and printable discussion cards out."""

__version__ = "0.1.0"
