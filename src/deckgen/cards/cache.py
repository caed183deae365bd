"""The side cache: each laid-out card side's one-page PDF and fitted size, under OUT/.deckgen-cache/.

An entry's key is a SHA-256 of everything the side's page depends on: the side's own content (its card's
data), the layout's files (templates, stylesheets with the starting sizes and area gap they set, fonts,
logo), the labels and print setup, the deckgen and WeasyPrint versions. Nothing in an entry is trusted:
it carries the SHA-256 of its PDF, the PDF must parse and hold exactly one page, else the entry is ignored
and the side laid out again. Entries are written atomically (temporary file, then os.replace) and only
after a build succeeded; entries the last build did not use are removed, so a cache folder holds one
deck's sides at most.

A model card back that does not fit one card has no entry of its own: under its key the cache keeps how its
items go over several cards (a split, deckgen.cards.continued), so that the next build neither lays it out
nor searches the split again; the cards it became have their own entries, keyed by what each shows.

The single-card PDF and the sheets PDF last assembled are kept too (one ``.assembled`` entry), keyed by every
side's PDF, the part of the side keys common to all sides (layout, code, versions) and what else goes into
them (print settings, title, language, source date): a build whose pages did not change (a second build, an
edit that no card shows, such as a model's notes) copies them instead of merging every side's page again.
A deck assembled in blocks (deckgen.cards.blocks) keeps each block's two pieces (``.block`` entries), keyed
by its sides' PDFs, its sheets and the same common part: after an edit, only the changed card's block is
assembled again. Block and assembled entries have the same form: each part's length and SHA-256, then the parts.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from deckgen.cachefile import file_digest, write_cache_file

MAGIC = b"deckgen-side 1\n"
SUFFIX = ".side"
SPLIT_MAGIC = b"deckgen-split 1\n"
SPLIT_SUFFIX = ".split"
ASSEMBLED_MAGIC = b"deckgen-assembled 1\n"
ASSEMBLED_SUFFIX = ".assembled"
BLOCK_SUFFIX = ".block"


def layout_digest(layout) -> str:
    """A digest of every file in the layout's folders (any change there invalidates), and its font files."""
    digest = hashlib.sha256()
    files = set()
    for folder in layout.folders:
        files.update(path for path in Path(folder).rglob("*") if path.is_file())
    files.update(Path(path) for path in layout.fonts.files)
    if layout.logo:
        files.add(Path(layout.logo))
    for path in sorted(files):
        digest.update(f"{path}\0{file_digest(path)}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def side_keys(common: bytes, sides) -> list[str]:
    """One key per side: the common part (layout, versions, setup) and the side's own content. A side's
    starting size is not in its own part: it is the layout's for the side's kind, in the common part. The
    card's data holds what it shows, a part of a model's back included; its place among the cards that
    show one model's back is in the key too."""
    keys = []
    for side in sides:
        card = side.card
        own = repr((side.kind, side.template, card.set, card.number, card.name, card.part, card.parts, card.data))
        keys.append(hashlib.sha256(common + b"\0" + own.encode("utf-8", "surrogateescape")).hexdigest())
    return keys


class SideCache:
    """Entries by key in ``folder``; ``enabled=False`` reads nothing and writes nothing."""

    def __init__(self, folder: Path | None, enabled: bool = True):
        self.folder = Path(folder) if folder is not None else None
        self.enabled = enabled and folder is not None
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def _read(self, key: str, suffix: str) -> bytes | None:
        """The bytes of the entry ``key`` of kind ``suffix``; None when the cache is off or it cannot be read."""
        if not self.enabled:
            return None
        try:
            return (self.folder / f"{key}{suffix}").read_bytes()
        except OSError:
            return None

    def get(self, key: str):
        """(where its PDF is: a sidestore.Kept, size) of a valid entry, else None."""
        from deckgen.cards.sidestore import Kept

        if not self.enabled:
            return None
        data = self._read(key, SUFFIX)
        entry = parse_entry(data) if data is not None else None
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        pdf_bytes, size = entry
        return Kept(self._path(key), len(data) - len(pdf_bytes), len(pdf_bytes),
                    hashlib.sha256(pdf_bytes).digest()), size

    def get_split(self, key: str, total: int) -> tuple[int, ...] | None:
        """The split kept under ``key`` of a back with ``total`` items, when it is a whole, valid one."""
        data = self._read(key, SPLIT_SUFFIX)
        return parse_split(data, total) if data is not None else None

    def get_assembled(self, key: str) -> tuple[bytes, ...] | None:
        """The documents kept under ``key`` (deckgen.cards.cache's docstring) when the entry is whole and intact."""
        data = self._read(key, ASSEMBLED_SUFFIX)
        return parse_assembled(data) if data is not None else None

    def get_block(self, key: str) -> tuple[bytes, ...] | None:
        """The pieces of a block of the documents (deckgen.cards.blocks) kept under ``key``, when whole and intact."""
        data = self._read(key, BLOCK_SUFFIX)
        return parse_assembled(data) if data is not None else None

    def put_all(self, entries, keep: set[str],
                splits: dict[str, tuple[int, ...]] | None = None,
                assembled: tuple[str, tuple[bytes, ...]] | None = None,
                blocks: dict[str, tuple[bytes, ...] | None] | None = None) -> None:
        """Write the new entries ((key, pdf bytes, size) triples, read one by one), splits, assembled
        documents and blocks atomically, then remove every entry
        and split not in ``keep``; when ``assembled`` (key, documents or None for those kept under key) is
        given, every other assembled entry; when ``blocks`` (key: pieces, or None for those kept) is given,
        every other block (a build that copied its documents whole keeps the blocks it did not look at)."""
        if not self.enabled:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, pdf_bytes, size in entries:  # one at a time: at 700 models they are 40 MB
            write_cache_file(self._path(key), make_entry(pdf_bytes, size))
        files = [(self.folder / f"{key}{SPLIT_SUFFIX}", make_split(bounds)) for key, bounds in (splits or {}).items()]
        if assembled is not None:
            key, documents = assembled
            keep = keep | {key}
            if documents is not None:  # None: the entry in the folder was used as it is
                files.append((self.folder / f"{key}{ASSEMBLED_SUFFIX}", make_assembled(documents)))
        if blocks is not None:
            keep = keep | set(blocks)
            files += [(self.folder / f"{key}{BLOCK_SUFFIX}", make_assembled(pieces))
                      for key, pieces in blocks.items() if pieces is not None]
        for target, data in files:
            write_cache_file(target, data)
        for path in self.folder.iterdir():
            name = path.name
            stale_temp = ".tmp-" in name and not _own_temp(name)
            pruned = ((SUFFIX, SPLIT_SUFFIX) + ((ASSEMBLED_SUFFIX,) if assembled is not None else ())
                      + ((BLOCK_SUFFIX,) if blocks is not None else ()))
            stem = next((name[:-len(suffix)] for suffix in pruned if name.endswith(suffix)), None)
            if (stem is not None and stem not in keep) or stale_temp:
                try:
                    path.unlink()
                except OSError:
                    pass


def _own_temp(name: str) -> bool:
    pid = name.rsplit(".tmp-", 1)[-1]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return int(pid) != os.getpid()


def make_entry(pdf_bytes: bytes, size: float) -> bytes:
    return MAGIC + f"{size!r} {hashlib.sha256(pdf_bytes).hexdigest()}\n".encode("ascii") + pdf_bytes


def make_assembled(documents: tuple[bytes, ...]) -> bytes:
    """An entry of whole documents: each one's length and SHA-256 in the header, then their bytes."""
    head = " ".join(f"{len(data)}:{hashlib.sha256(data).hexdigest()}" for data in documents)
    return ASSEMBLED_MAGIC + head.encode("ascii") + b"\n" + b"".join(documents)


def parse_assembled(data: bytes) -> tuple[bytes, ...] | None:
    """The documents of a whole, intact assembled entry (each a PDF whose checksum holds); else None."""
    if not data.startswith(ASSEMBLED_MAGIC):
        return None
    head, newline, body = data[len(ASSEMBLED_MAGIC):].partition(b"\n")
    if not newline:
        return None
    documents, start = [], 0
    try:
        for part in head.decode("ascii").split(" "):
            length, digest = part.split(":")
            document = body[start:start + int(length)]
            start += int(length)
            if hashlib.sha256(document).hexdigest() != digest or not document.startswith(b"%PDF-"):
                return None
            documents.append(document)
    except (UnicodeDecodeError, ValueError):
        return None
    return tuple(documents) if start == len(body) else None


def make_split(bounds) -> bytes:
    return SPLIT_MAGIC + " ".join(str(bound) for bound in bounds).encode("ascii") + b"\n"


def parse_split(data: bytes, total: int) -> tuple[int, ...] | None:
    """The bounds of a whole split entry of a back with ``total`` items: 0, then rising, then ``total``."""
    if not data.startswith(SPLIT_MAGIC) or not data.endswith(b"\n"):
        return None
    try:
        bounds = tuple(int(part) for part in data[len(SPLIT_MAGIC):-1].decode("ascii").split(" "))
    except (UnicodeDecodeError, ValueError):
        return None
    rising = all(low < high for low, high in zip(bounds, bounds[1:]))
    if len(bounds) < 3 or bounds[0] != 0 or bounds[-1] != total or not rising:
        return None
    return bounds


def parse_entry(data: bytes):
    """(pdf bytes, size) when ``data`` is a whole, intact entry of a one-page PDF; else None."""
    if not data.startswith(MAGIC):
        return None
    head, newline, pdf_bytes = data[len(MAGIC):].partition(b"\n")
    if not newline:
        return None
    try:
        size_text, digest = head.decode("ascii").split(" ")
        size = float(size_text)
    except (UnicodeDecodeError, ValueError):
        return None
    if not (0 < size < 1000) or hashlib.sha256(pdf_bytes).hexdigest() != digest:
        return None
    if not one_page(pdf_bytes):
        return None
    return pdf_bytes, size


def one_page(pdf_bytes: bytes) -> bool:
    """Whether ``pdf_bytes`` is a PDF of exactly one readable page (checked with qpdf: a tenth of a
    millisecond, where parsing it with pypdf took four)."""
    import pikepdf

    if not pdf_bytes.startswith(b"%PDF-"):
        return False
    try:
        with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
            return len(pdf.pages) == 1 and len(pdf.pages[0].mediabox) == 4
    except Exception:  # qpdf raises several kinds of error for damaged files
        return False
