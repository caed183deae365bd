"""The document cache: the last handout's and guide's PDFs, under OUT/.deckgen-cache/NAME/, reused when a
build would lay out the very same document again.

WeasyPrint lays out a document as a whole (its page breaks, page numbers, bookmarks and tag tree depend
on everything before them), so the handout cannot be patched model by model as the cards are side by
side; what can be kept is each document whole. Its key is what its PDF depends on: the rendered HTML
(every text, label, number and the CSS inlined in it, the build's source date among its meta), the
deckgen and WeasyPrint versions, and, checked when the entry is read, the bytes of every file the render
fetched (fonts, logo, pictures). So a change that does not show in a document leaves it alone: an edit of
a model's notes or duration (shown in the guide only) re-lays out the guide and reuses the handout, and an
edit of the cards' templates, the deck's template or the print options re-lays out neither.

Like the side cache, nothing in an entry is trusted: it carries the SHA-256 of its PDF, which must be a
PDF; an entry that does not match is ignored and the document laid out again. One entry a document kind,
replaced atomically after it was laid out."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from deckgen.cachefile import write_cache_file

MAGIC = b"deckgen-document 1\n"


def document_key(kind: str, html: str) -> str:
    """The key of the ``kind`` document rendered from ``html``."""
    from importlib.metadata import version

    from deckgen.fingerprint import code_fingerprint

    parts = ("deckgen", code_fingerprint(), "weasyprint", version("weasyprint"), kind, html)
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def fetched_files(urls) -> list[Path]:
    """The local files among the URLs a render fetched (``data:`` URLs are in the HTML already)."""
    files = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme == "file":
            files.append(Path(unquote(parts.path)))
    return sorted(set(files))


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "<unreadable>"


class DocumentCache:
    """One entry a document kind in ``folder``; ``folder=None`` reads and writes nothing."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str) -> Path:
        return self.folder / f"{kind}.document"

    def get(self, kind: str, key: str) -> bytes | None:
        """The PDF kept for ``kind`` under ``key`` when it is whole and every file it fetched is unchanged."""
        if self.folder is None:
            return None
        try:
            data = self._path(kind).read_bytes()
        except OSError:
            data = b""
        pdf = parse_entry(data, key)
        if pdf is None:
            self.misses += 1
        else:
            self.hits += 1
        return pdf

    def put(self, kind: str, key: str, pdf: bytes, fetched: list[Path]) -> None:
        """Keep ``pdf`` as the ``kind`` document under ``key``; a cache that cannot be written only costs time."""
        if self.folder is None:
            return
        write_cache_file(self._path(kind), make_entry(key, pdf, fetched))


def make_entry(key: str, pdf: bytes, fetched: list[Path]) -> bytes:
    files = [[str(path), _digest(path)] for path in fetched]
    head = {"key": key, "pdf": hashlib.sha256(pdf).hexdigest(), "files": files}
    return MAGIC + json.dumps(head, ensure_ascii=True).encode("ascii") + b"\n" + pdf


def parse_entry(data: bytes, key: str) -> bytes | None:
    """The PDF of ``data`` when it is a whole entry under ``key`` whose fetched files are as they were."""
    if not data.startswith(MAGIC):
        return None
    head, newline, pdf = data[len(MAGIC):].partition(b"\n")
    try:
        meta = json.loads(head.decode("ascii")) if newline else None
        if (not isinstance(meta, dict) or meta.get("key") != key or not pdf.startswith(b"%PDF-")
                or hashlib.sha256(pdf).hexdigest() != meta.get("pdf")):
            return None
        unchanged = all(_digest(Path(path)) == digest for path, digest in meta.get("files", ()))
    except (UnicodeDecodeError, ValueError, TypeError):
        return None
    return pdf if unchanged else None
