"""Allows ``python -m deckgen``."""

from deckgen.cli import main

main()
