"""The slides: an editable .pptx drawn with python-pptx, every text measured with the layout's real font
metrics so that nothing runs off a slide.

The builder (``slides.builder``) plans the deck (``deck``: ``title``, ``overview``, ``analysis``, ``sources``
slides, each with a plan and a draw step), then draws it; ``measure`` and ``text`` share the paragraphs
that are measured and written, ``template`` opens the organisation's master, ``reproducible`` saves the
same bytes for the same sources."""
