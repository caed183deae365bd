"""Opening a deck safely: what a file must be before python-pptx may unpack it.

A .pptx is a zip archive. Before it is opened its zip directory is read and judged, as
``deckgen.layout.files`` judges a layout's template: how much it would unpack to in all, and how much
more than it takes on disk (a zip bomb unpacks a small file into gigabytes). A password-protected deck or
an old .ppt is no zip but an OLE compound file; a Word or Excel file is a zip of another kind. Each of these
is one message saying what the file is and what to do, never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

from deckgen.errors import InvalidInput, Problem

MAX_DECK_BYTES = 200 * 1024 * 1024
MAX_INFLATED = 300 * 1024 * 1024
MAX_RATIO = 100  # unpacked : packed, over the whole archive and for any large entry
RATIO_FROM = 1024 * 1024  # entries smaller than this unpack to little whatever their ratio
MAX_ENTRIES = 20_000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_SAVE_AS = "open it in PowerPoint or LibreOffice Impress, save it as a .pptx file and import that"


def refuse(path: Path, message: str) -> InvalidInput:
    return InvalidInput([Problem(path, None, None, "", message)])


def open_deck(path: Path):
    """The python-pptx Presentation of ``path``; InvalidInput saying why when it is no deck to read."""
    why = deck_problem(path)
    if why:
        raise refuse(path, why)
    from pptx import Presentation

    try:
        return Presentation(str(path))
    except Exception as error:  # noqa: BLE001 -- python-pptx raises zipfile, KeyError, ValueError and lxml errors
        raise refuse(path, f"cannot be read as a PowerPoint deck ({_reason(error)}); it may be damaged: "
                           f"{_SAVE_AS}") from None


def file_head(path: Path, missing: str, noun: str, expected: str, limit: int) -> tuple[int, bytes] | str:
    """The size and first eight bytes of ``path``, or why it cannot be read: missing ("no such
    ``missing``"), a folder (``expected`` names what was expected), unreadable, or over ``limit`` bytes
    ("the ``noun`` is ... MB")."""
    if not path.exists():
        return f"no such {missing}"
    if path.is_dir():
        return f"is a folder; expected {expected}"
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if size > limit:
        return f"the {noun} is {size / 1e6:.0f} MB; at most {limit / 1e6:.0f} MB is read"
    return size, head


def deck_problem(path: Path) -> str | None:
    """Why ``path`` cannot be imported, judged without unpacking it; None when it may be opened."""
    read = file_head(path, "file", "deck", "a PowerPoint deck (.pptx)", MAX_DECK_BYTES)
    if isinstance(read, str):
        return read
    size, head = read
    if size == 0:
        return "is empty; expected a PowerPoint deck (.pptx)"
    if head == OLE_SIGNATURE:
        if is_encrypted(path):
            return ("is protected with a password (it is encrypted); open it in PowerPoint, remove the password "
                    "(File > Info > Protect Presentation) and save it, then import that copy")
        return f"is an old PowerPoint 97-2003 file (.ppt) or another Office file, not a .pptx; {_SAVE_AS}"
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            return f"is a damaged .pptx (its zip archive is cut short or broken); {_SAVE_AS}"
        return f"is not a PowerPoint deck (.pptx); {_SAVE_AS}"
    return _archive_problem(path)


def _archive_problem(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        return f"is a damaged zip file ({_reason(error)}); {_SAVE_AS}"
    names = {entry.filename for entry in entries}
    if "ppt/presentation.xml" not in names:
        kind = ("a Word document" if "word/document.xml" in names else
                "an Excel workbook" if "xl/workbook.xml" in names else
                "an OpenDocument file" if "content.xml" in names else "a zip file")
        return f"is {kind}, not a PowerPoint deck (.pptx)"
    return size_problem(entries, "a deck")


def size_problem(entries: list[zipfile.ZipInfo], what: str, max_inflated: int | None = None) -> str | None:
    """Why the zip archive whose directory lists ``entries`` must not be unpacked (encrypted parts, too
    many, too large unpacked, packed too tightly: a zip bomb), or None; ``what`` names the file in the
    message ("a deck", "a workbook"); ``max_inflated`` is the most it may unpack to (default: a deck's)."""
    max_inflated = MAX_INFLATED if max_inflated is None else max_inflated
    if len(entries) > MAX_ENTRIES:
        return f"holds {len(entries)} files; {what} may hold at most {MAX_ENTRIES} (a zip bomb?)"
    if any(entry.flag_bits & 0x1 for entry in entries):
        return "holds encrypted parts; remove the password, save it and try again with that copy"
    inflated = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if inflated > max_inflated:
        return (f"unpacks to {inflated / 1e6:.0f} MB; {what} may unpack to at most {max_inflated / 1e6:.0f} MB "
                "(a zip bomb? large videos or pictures count too: remove them and try again)")
    if inflated > RATIO_FROM and inflated > MAX_RATIO * max(packed, 1):
        return (f"unpacks to {inflated / max(packed, 1):.0f} times its size ({inflated / 1e6:.0f} MB); "
                f"no Office file packs tighter than {MAX_RATIO} to 1 (a zip bomb?)")
    for entry in entries:
        if entry.file_size > RATIO_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            return (f"its part {entry.filename} unpacks to {entry.file_size / max(entry.compress_size, 1):.0f} "
                    f"times its size; no Office file packs tighter than {MAX_RATIO} to 1 (a zip bomb?)")
    return None


def is_encrypted(path: Path) -> bool:
    """Whether an OLE compound file holds an encrypted Office package (its directory names the stream
    'EncryptedPackage'); read in chunks that overlap, so that a name across two chunks is found."""
    overlap = len(_ENCRYPTED)
    with open(path, "rb") as handle:
        previous = b""
        while chunk := handle.read(1024 * 1024):
            if _ENCRYPTED in previous[-overlap:] + chunk:
                return True
            previous = chunk
    return False


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "..."
