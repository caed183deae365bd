"""The document cache: the last handout's and guide's PDFs, under OUT/.deckgen-cache/NAME/, reused when a
build would lay out the very same document again; for a long document laid out in parts
(deckgen.handout.parts), each part's PDF, its page layer and the merged document.

WeasyPrint lays out a document as a whole (its page breaks, page numbers, bookmarks and tag tree depend
on everything before them), so a document in one piece cannot be patched model by model as the cards are
side by side; what can be kept is each document whole, or each part of one in parts. An entry's key is what
its PDF depends on: the rendered HTML
(every text, label, number and the CSS inlined in it, the build's source date among its meta), the
deckgen and WeasyPrint versions, and, checked when the entry is read, the bytes of every file the render
fetched (fonts, logo, pictures). So a change that does not show in a document leaves it alone: an edit of
a model's notes or duration (shown in the guide only) re-lays out the guide and reuses the handout, and an
edit of the cards' templates, the deck's template or the print options re-lays out neither.

Like the side cache, nothing in an entry is trusted: it carries the SHA-256 of its PDF, which must be a
PDF; an entry that does not match is ignored and the document laid out again. One entry a slot (a document
kind, or a part of one: ``guide-models-3``), replaced atomically after it was laid out; with the PDF, its
number of pages and the page of each anchor in it, which the overview of a document in parts shows. A
slot may hold a note instead (``put_note``): where the overview of a document in parts breaks into pages."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from deckgen.cachefile import file_digest, write_cache_file
from deckgen.handout.document import Laid

MAGIC = b"deckgen-document 2\n"


def document_key(kind: str, html: str) -> str:
    """The key of the ``kind`` document (or part, or page layer) rendered from ``html``; of a merged
    document, ``html`` is its parts' keys."""
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


class DocumentCache:
    """One entry a slot in ``folder``; ``folder=None`` reads and writes nothing."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self.hits = 0
        self.misses = 0
        self.used: set[str] = set()  # the slots this build read or wrote

    def _path(self, slot: str) -> Path:
        self.used.add(slot)
        return self.folder / f"{slot}.document"

    def _read(self, slot: str) -> bytes:
        try:
            return self._path(slot).read_bytes()
        except OSError:
            return b""

    def get(self, slot: str, key: str) -> Laid | None:
        """The document kept in ``slot`` under ``key`` when it is whole and every file it read is unchanged."""
        if self.folder is None:
            return None
        laid = parse_entry(self._read(slot), key)
        if laid is None:
            self.misses += 1
        else:
            self.hits += 1
        return laid

    def put(self, slot: str, key: str, laid: Laid, fetched: list[Path]) -> None:
        """Keep ``laid`` in ``slot`` under ``key``; a cache that cannot be written only costs time."""
        if self.folder is None:
            return
        write_cache_file(self._path(slot), make_entry(key, laid, fetched))

    def get_note(self, slot: str, key: str) -> dict | None:
        """What ``put_note`` kept in ``slot`` under ``key``, while every file it was made from is unchanged."""
        meta = _head(self._read(slot)) if self.folder is not None else None
        if meta is None or meta.get("key") != key or not isinstance(meta.get("note"), dict):
            return None
        return meta["note"] if _files_unchanged(meta) else None

    def put_note(self, slot: str, key: str, note: dict, fetched: list[Path]) -> None:
        """Keep ``note`` (plain JSON data, no PDF: where an overview breaks into pages) in ``slot`` under
        ``key``, with the files it was made from."""
        if self.folder is None:
            return
        write_cache_file(self._path(slot), _entry({"key": key, "note": note}, fetched))

    def prune(self) -> None:
        """Remove the entries of the slots this build did not use: the parts of a document now shorter, or
        now in one piece, and the whole document of one now in parts."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.document"):
            if path.name[:-len(".document")] not in self.used:
                path.unlink(missing_ok=True)


def make_entry(key: str, laid: Laid, fetched: list[Path]) -> bytes:
    head = {"key": key, "pdf": hashlib.sha256(laid.pdf).hexdigest(), "pages": laid.pages, "anchors": laid.anchors}
    return _entry(head, fetched, laid.pdf)


def _entry(head: dict, fetched: list[Path], pdf: bytes = b"") -> bytes:
    """An entry: ``head`` with the digest of every file in ``fetched``, as one JSON line, then ``pdf``."""
    head = {**head, "files": [[str(path), file_digest(path)] for path in fetched]}
    return MAGIC + json.dumps(head, ensure_ascii=True).encode("ascii") + b"\n" + pdf


def _files_unchanged(meta: dict) -> bool:
    """Whether every file an entry's head lists still has its digest (False for a head that is not whole)."""
    try:
        return all(file_digest(Path(path)) == digest for path, digest in meta.get("files", ()))
    except (ValueError, TypeError):
        return False


def _head(data: bytes) -> dict | None:
    if not data.startswith(MAGIC):
        return None
    head, newline, _ = data[len(MAGIC):].partition(b"\n")
    try:
        meta = json.loads(head.decode("ascii")) if newline else None
    except (UnicodeDecodeError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def parse_entry(data: bytes, key: str) -> Laid | None:
    """The document of ``data`` when it is a whole entry under ``key`` whose fetched files are as they were."""
    meta = _head(data)
    if meta is None or meta.get("key") != key:
        return None
    pdf = data.partition(b"\n")[2].partition(b"\n")[2]
    try:
        anchors = {str(name): int(page) for name, page in dict(meta.get("anchors", {})).items()}
        pages = int(meta.get("pages"))
        if not pdf.startswith(b"%PDF-") or hashlib.sha256(pdf).hexdigest() != meta.get("pdf"):
            return None
    except (ValueError, TypeError):
        return None
    if not _files_unchanged(meta):
        return None
    read = tuple(Path(path).as_uri() for path, _ in meta.get("files", ()))
    return Laid(pdf, pages, anchors, read)
