"""deckgen: one workshop content file in, an editable deck and printable discussion cards out.

How the package is laid out, in the order a build runs:

- ``content`` (with ``schema``, ``yamlsource``, ``sourcemap``, ``inline``, ``pictures``) reads a content file
  into the plain ``model.Workshop``; ``workbook`` reads an Excel workbook as content; ``layout/`` resolves an
  organisation's layout (``layout/theme`` takes its colours and fonts from a PowerPoint template's theme);
  ``labels``, ``languages`` and ``printing`` hold the facts both depend on.
- ``project`` resolves all of that once into a ``Project``: every command starts there. ``translation/``
  makes one more project a language from the gettext PO files beside the content.
- ``builders`` registers the outputs. Each is a package with a ``builder.py`` that implements the ``Builder``
  protocol (``outputs``, ``check``, ``write``): ``slides/`` (python-pptx), ``cards/`` and ``handout/``
  (Jinja2 and WeasyPrint, sharing ``htmlpdf`` and the tag repairs of ``pdftags``). Another output is one
  such module plus one line in ``builders.REGISTRY``. Their caches are keyed on ``fingerprint``.
- ``build`` runs builders over projects, and ``outputs`` lands their files together or not at all;
  ``batch``, ``watch`` (with ``office`` and ``slide_pictures`` for the live slide pictures) and ``preview``
  drive builds; ``cli`` parses options and shows failures as messages.
- Beside the build: ``importer/`` reads a deck back into a content file, ``convert`` turns YAML into a
  workbook and back (writing through ``yamlwriting`` and ``workbook_writer``), ``scaffold`` and
  ``workbook_init`` write new workshops and layouts; ``contrast`` and ``colors`` judge the layout's colours.
"""

__version__ = "0.1.0"
