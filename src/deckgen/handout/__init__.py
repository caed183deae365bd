"""The handout builder: the participants' handout (``NAME-handout.pdf``) and the facilitator's guide
(``NAME-guide.pdf``), drawn from the content with the layout's Jinja2 templates (``handout.html.j2`` and
the ``handout-*.html.j2`` it includes, ``handout.css``) and WeasyPrint, through the pieces the cards share
(``deckgen.htmlpdf``).

- ``words``: the few fixed words of these documents that are not content labels, per language;
- ``view``: what the templates see: the cover, the models with the slide and card each goes with, the run
  sheet, all plain data;
- ``document``: the HTML of a document, checked for anything a browser would run, and its tagged PDF;
- ``builder``: the Builder registered as ``handout``.
"""
