"""What the files a layout names must hold, judged while layout.yaml is validated (each function is
the ``check_contents`` of a ``schema.File`` in LAYOUT_SPEC and returns why a file does not serve, or
None): a logo is a PNG or JPEG that Pillow verifies, or a file whose first bytes look like SVG; a
font file is a .ttf or .otf that begins with a TrueType or OpenType signature (its tables are read
later, by ``deckgen.fonts``); a slide template is a zip archive whose directory says it unpacks to at
most MAX_TEMPLATE_INFLATED bytes. The size limit of each kind of file is here too."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_FONT_BYTES = 20 * 1024 * 1024
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
MAX_TEMPLATE_INFLATED = 200 * 1024 * 1024

# The first four bytes of a single TrueType or OpenType font ("ttcf", a collection, is not one).
_FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"true", b"OTTO")


def logo_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as a logo, or None: its contents must be the image its name says."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        with open(path, "rb") as handle:
            head = handle.read(1024).lstrip().lower()
        return None if head.startswith((b"<?xml", b"<svg", b"<!--")) else f"{path.name} is not an SVG file"
    if suffix not in (".png", ".jpg", ".jpeg"):
        return f"expected a PNG, JPEG or SVG file, got {path.name}"
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.verify()
            kind = image.format
    except Exception as error:  # noqa: BLE001 -- Pillow raises many kinds for broken or hostile images
        return f"{path.name} is not a readable image ({type(error).__name__}: {error})"
    if kind not in ("PNG", "JPEG"):
        return f"{path.name} is a {kind} image; expected PNG or JPEG"
    return None


def font_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as a font file, or None: a .ttf or .otf name and a font signature."""
    if path.suffix.lower() not in (".ttf", ".otf"):
        return f"expected a .ttf or .otf font file, got {path.name}"
    with open(path, "rb") as handle:
        signature = handle.read(4)
    if signature not in _FONT_SIGNATURES:
        return (f"{path.name}: not a usable TrueType/OpenType font (it begins with {signature!r}, "
                f"not a TrueType or OpenType signature)")
    return None


def template_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as a PowerPoint master, judged from its zip directory before opening it."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        return f"{path.name} is not a PowerPoint (.pptx) file ({error})"
    inflated = sum(entry.file_size for entry in entries)
    if inflated > MAX_TEMPLATE_INFLATED:
        return (f"{path.name} unpacks to {inflated / 1e6:.0f} MB; a master may unpack to at most "
                f"{MAX_TEMPLATE_INFLATED / 1e6:.0f} MB (a zip bomb?)")
    return None
