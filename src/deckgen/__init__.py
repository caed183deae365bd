"""deckgen: one workshop content file in, an editable deck and printable discussion cards out.

How the package is laid out, in the order a build runs:

- ``content`` (with ``schema``, ``yamlsource``, ``sourcemap``, ``inline``) reads a content file into the plain
  ``model.Workshop``; ``layout/`` resolves an organisation's layout; ``labels``, ``languages`` and ``printing``
  hold the facts both depend on.
- ``project`` resolves all of that once into a ``Project``: every command starts there.
- ``builders`` registers the outputs. Each is a package with a ``builder.py`` that implements the ``Builder``
  protocol (``outputs``, ``check``, ``write``): ``slides/`` (python-pptx), ``cards/`` and ``handout/``
  (Jinja2 and WeasyPrint, sharing ``htmlpdf``). Another output is one such module plus one line in
  ``builders.REGISTRY``.
- ``importer/`` reads a deck back into a content file; ``workbook`` reads an Excel workbook as content;
  ``contrast`` and ``colors`` judge the layout's colours.
- ``build`` runs builders over a project, and ``outputs`` lands their files together or not at all;
  ``batch``, ``watch`` and ``preview`` drive builds; ``cli`` parses options and shows failures as messages.
"""

__version__ = "0.1.0"
