"""The cards: A6 discussion cards, one Jinja2 HTML page per side laid out by WeasyPrint, merged with pypdf.

The builder (``cards.builder``) writes the print sheets, the single cards and the HTML preview; the
stages are modules of their own: ``cardset`` (which cards, what each side shows), ``continued`` (a
model's back too long for one card, over several), ``htmldoc`` and ``render`` (the HTML), ``sides``,
``chunks``, ``fit``, ``pdf`` and ``cache`` (laying sides out), ``imposition`` and ``sheets`` (placing
them on paper), ``calibration`` (the duplex test sheet)."""
