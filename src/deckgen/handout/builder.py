"""The handout builder: ``NAME-handout.pdf`` for the participants and ``NAME-guide.pdf`` for the facilitator.

Both are one flowing document each (A4, A5 or Letter portrait: the layout's ``handout.paper``): nothing in
them has a fixed size, so no text is ever refused; a long model runs over as many pages as it needs. A
document whose HTML and files did not change since the last build is taken from the document cache
(``deckgen.handout.cache``). A long document is laid out in parts, in worker processes, and merged
(``deckgen.handout.booklet``)."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import Problem


class HandoutBuilder:
    name = "handout"

    def outputs(self, names) -> dict[str, Path]:
        return {"handout": names.path("-handout.pdf"), "guide": names.path("-guide.pdf")}

    def check(self, project) -> list[Problem]:
        """Nothing can be too long for a flowing document; the templates are rendered (not laid out), so
        that a broken layout template or one with a script stops ``deckgen check`` as it stops a build."""
        from deckgen.handout.document import KINDS, html_document
        from deckgen.handout.view import build_view

        view = build_view(project.workshop, project.layout, project.labels)
        for kind in KINDS:
            html_document(project, view, kind)
        return []

    def write(self, project, outputs) -> None:
        """Each document from the document cache when its HTML and the files it reads are unchanged, else
        laid out (and kept there for the next build); a long one in parts (deckgen.handout.parts)."""
        from deckgen.handout.cache import DocumentCache
        from deckgen.handout.parts import in_parts
        from deckgen.handout.view import build_view

        view = build_view(project.workshop, project.layout, project.labels)
        files = self.outputs(project.names)
        cache = DocumentCache(project.cache_dir)
        targets = {kind: outputs.temp_for(files[kind]) for kind in ("handout", "guide")}
        if in_parts(view, project.layout):
            from deckgen.handout.booklet import write_in_parts

            write_in_parts(project, view, targets, cache)
        else:
            _write_whole(project, view, targets, cache)
        cache.prune()


def _write_whole(project, view, targets: dict, cache) -> None:
    """Each document of ``targets`` (kind: path) laid out in one piece, or taken from ``cache``."""
    from deckgen.handout import document
    from deckgen.handout.cache import document_key, fetched_files

    for done, (kind, target) in enumerate(targets.items()):
        project.report("writing the handout and the guide", done, len(targets))
        html = document.html_document(project, view, kind)
        key = document_key(kind, html)
        laid = cache.get(kind, key)
        if laid is None:
            laid = document.lay_out(html, document.setting(project))
            cache.put(kind, key, laid, fetched_files(laid.fetched))
        target.write_bytes(laid.pdf)
