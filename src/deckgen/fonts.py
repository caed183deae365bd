"""The layout's font files as the writers need them: each file's family, weight and slant, its
advance widths and line height read from its own tables (cached per path, modification time and size),
the faces a family name resolves to, and warnings for families the layout names without shipping them.

Wrapping text into lines is the slides' work (deckgen.slides.measure); the cards set their text in these
files through @font-face rules (deckgen.cards.theme).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from deckgen.errors import DeckgenError

# fontTools warns about Carlito's old 'created' date on every load; it says nothing about the metrics.
logging.getLogger("fontTools").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Face:
    """One font file: its family name, weight and style, and its metrics."""

    path: Path
    family: str
    bold: bool
    italic: bool
    units_per_em: int
    ascent: int
    descent: int  # negative, as in the font
    line_gap: int
    stamp: tuple[str, int, int] = ("", 0, 0)  # file_stamp() of the file read: the metrics cache's key

    @property
    def css_weight(self) -> int:
        return 700 if self.bold else 400

    @property
    def css_style(self) -> str:
        return "italic" if self.italic else "normal"

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` in points at ``size`` pt: the sum of its characters' advances, without
        kerning; a character the font does not map counts as the font's .notdef glyph."""
        return _units(self.stamp, text) * size / self.units_per_em

    def line_height(self, size: float) -> float:
        """Single-spaced distance between baselines in points at ``size`` pt by the font's hhea table:
        ascent - descent + line gap (deckgen.slides.measure takes no less than 1.2 em)."""
        return (self.ascent - self.descent + self.line_gap) * size / self.units_per_em


def file_stamp(path: Path) -> tuple[str, int, int]:
    """What identifies a file's contents for a cache: its path, modification time and size, so that a
    font edited while ``deckgen watch`` runs is read again."""
    status = Path(path).stat()
    return str(path), status.st_mtime_ns, status.st_size


def read_face(path: Path) -> Face:
    """The face of the font file at ``path``, read once for each file_stamp (again when the file changes)."""
    try:
        return _read_face(file_stamp(path))
    except OSError as error:
        raise DeckgenError(f"{path}: cannot be read ({error.strerror})") from None


@functools.lru_cache(maxsize=64)
def _read_face(stamp: tuple[str, int, int]) -> Face:
    path = Path(stamp[0])
    try:
        with TTFont(path, lazy=True) as font:
            return _face_of(path, font, stamp)
    except (TTLibError, KeyError, OSError, AssertionError) as error:
        raise DeckgenError(f"{path}: not a usable TrueType/OpenType font ({error})") from None


def style_of(font: TTFont) -> tuple[str, bool, bool]:
    """Family name, bold and italic of an open font, read from its name, OS/2 and head tables."""
    os2, head = font["OS/2"], font["head"]
    return (font["name"].getBestFamilyName() or "",
            os2.usWeightClass >= 600 or bool(os2.fsSelection & 0b100000),
            bool(os2.fsSelection & 0b1) or bool(head.macStyle & 0b10))


def _face_of(path: Path, font: TTFont, stamp: tuple[str, int, int]) -> Face:
    family, bold, italic = style_of(font)
    hhea = font["hhea"]
    return Face(
        path=path,
        family=family or path.stem,
        bold=bold,
        italic=italic,
        units_per_em=font["head"].unitsPerEm,
        ascent=hhea.ascent,
        descent=hhea.descent,
        line_gap=hhea.lineGap,
        stamp=stamp,
    )


@functools.lru_cache(maxsize=65536)
def _units(stamp: tuple[str, int, int], text: str) -> int:
    """Advance width of ``text`` in font units; fitting measures the same words at many sizes."""
    advances = _advances(stamp)
    missing = advances[None]
    return sum(advances.get(ord(ch), missing) for ch in text)


@functools.lru_cache(maxsize=64)
def _advances(stamp: tuple[str, int, int]) -> dict:
    """Advance width in font units of every character the font maps, and under None that of its .notdef
    glyph (half an em when it has none), which stands in for every character it does not map."""
    with TTFont(stamp[0], lazy=True) as font:
        cmap = font.getBestCmap() or {}
        metrics = font["hmtx"].metrics
        advances = {code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics}
        advances[None] = metrics.get(".notdef", (font["head"].unitsPerEm // 2, 0))[0]
    return advances


class Family:
    """The faces a text role (headings or body) is measured with."""

    def __init__(self, name: str, faces: list[Face]):
        if not faces:
            raise DeckgenError(f"no font files to measure {name!r} with")
        self.name = name
        self.faces = faces
        self._by_style = {
            (bold, italic): min(faces, key=lambda f: 2 * (f.bold != bold) + (f.italic != italic))
            for bold in (False, True) for italic in (False, True)
        }

    def face(self, bold: bool = False, italic: bool = False) -> Face:
        """The face closest to the style asked for: weight matters more than slant."""
        return self._by_style[bool(bold), bool(italic)]

    def line_height(self, size: float) -> float:
        """The regular face's line height."""
        return self.face().line_height(size)


def layout_faces(files) -> list[Face]:
    """The face of every file, in order."""
    return [read_face(Path(path)) for path in files]


def family_for(name: str, files) -> Family:
    """The faces of ``name`` among ``files`` (``faces_for``)."""
    return Family(name, faces_for(name, layout_faces(files)))


def faces_for(name: str, faces: list[Face]) -> list[Face]:
    """The faces of the family ``name``, else of its metric-compatible open twin (Carlito for Calibri), else
    all of them: a layout that names one family and ships another's files means those files."""
    for family in (name.casefold(), OPEN_TWINS.get(name.casefold(), "").casefold()):
        matching = [face for face in faces if face.family.casefold() == family]
        if matching:
            return matching
    return faces


# Open families with exactly the glyph widths of the office suites' own fonts: LibreOffice
# substitutes them for each other, so text measured with one fits with the other.
METRIC_TWINS = {
    "carlito": "calibri", "caladea": "cambria", "liberation sans": "arial",
    "liberation serif": "times new roman", "liberation mono": "courier new",
}
# The open twin to use for an office font (Helvetica has Arial's widths, so Liberation Sans's too).
OPEN_TWINS = {office: twin.title() for twin, office in METRIC_TWINS.items()} | {"helvetica": "Liberation Sans"}


def font_warnings(heading: str, body: str, files, from_theme: tuple[str, ...] = ()) -> list[str]:
    """A warning for each role (heading, body) whose family the layout names without shipping its files
    or a metric twin's: its text is measured with a stand-in, so it may not fit where the deck is shown.
    A family the template's theme named (``from_theme`` holds "fonts.heading") says so, and the warning
    names the family's metric-compatible open twin when there is one."""
    shipped = {face.family.casefold() for face in layout_faces(files)}
    accepted = shipped | {office for office, twin in OPEN_TWINS.items() if twin.casefold() in shipped}
    stand_in = ", ".join(sorted({face.family for face in layout_faces(files)})) or "nothing"
    warnings = []
    for role, name in (("heading", heading), ("body", body)):
        if name.casefold() in accepted:
            continue
        origin = " (from the template's theme)" if f"fonts.{role}" in from_theme else ""
        message = (f"fonts.{role}{origin}: the layout ships no font file of {name!r}; slide text is measured with "
                   f"{stand_in}, so it may not fit where {name!r} has other widths, and {name!r} must be "
                   "installed where the deck is shown")
        twin = OPEN_TWINS.get(name.casefold())
        if twin:
            message += (f"; {twin} is its metric-compatible open twin: put its files in the layout's fonts/ "
                        "folder and list them under fonts.files")
        warnings.append(message)
    return warnings
