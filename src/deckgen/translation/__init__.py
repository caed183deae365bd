"""One workshop in several languages: a gettext PO file per other language beside the content file.

- ``texts``: the texts of a content file a translator translates, each with a context that survives
  reordering the models;
- ``catalog``: reading PO files (a syntax error is a located message) and writing them atomically;
- ``merge``: updating a PO file after the content changed, as ``msgmerge`` does;
- ``update``: ``deckgen translate``, which writes or updates the PO file of a language;
- ``markup``: the placeholders and emphasis marks a translation must keep;
- ``apply``: a translated project, built by the same builders as the source;
- ``status``: what ``deckgen check`` says about each translation.
"""

from deckgen.translation.apply import open_projects
from deckgen.translation.status import translation_problems
from deckgen.translation.update import update_translation

__all__ = ["open_projects", "translation_problems", "update_translation"]
