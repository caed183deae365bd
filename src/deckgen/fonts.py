"""The one place that knows the layout's fonts: faces, real glyph metrics, measuring and wrapping."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from deckgen.errors import DeckgenError
from deckgen.inline import Span, Text

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

    @property
    def css_weight(self) -> int:
        return 700 if self.bold else 400

    @property
    def css_style(self) -> str:
        return "italic" if self.italic else "normal"

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` in points at ``size`` pt."""
        return _units(self.path, text) * size / self.units_per_em

    def line_height(self, size: float) -> float:
        """Distance between baselines in points at ``size`` pt, as office suites set single spacing."""
        return (self.ascent - self.descent + self.line_gap) * size / self.units_per_em


@functools.lru_cache(maxsize=None)
def read_face(path: Path) -> Face:
    try:
        with TTFont(path, lazy=True) as font:
            return _face_of(path, font)
    except (TTLibError, KeyError, OSError, AssertionError) as error:
        raise DeckgenError(f"{path}: not a usable TrueType/OpenType font ({error})") from None


def _face_of(path: Path, font: TTFont) -> Face:
    os2, hhea, head = font["OS/2"], font["hhea"], font["head"]
    return Face(
        path=path,
        family=font["name"].getBestFamilyName() or path.stem,
        bold=os2.usWeightClass >= 600 or bool(os2.fsSelection & 0b100000),
        italic=bool(os2.fsSelection & 0b1) or bool(head.macStyle & 0b10),
        units_per_em=head.unitsPerEm,
        ascent=hhea.ascent,
        descent=hhea.descent,
        line_gap=hhea.lineGap,
    )


@functools.lru_cache(maxsize=65536)
def _units(path: Path, text: str) -> int:
    """Advance width of ``text`` in font units; fitting measures the same words at many sizes."""
    advances = _advances(path)
    missing = advances[None]
    return sum(advances.get(ord(ch), missing) for ch in text)


@functools.lru_cache(maxsize=None)
def _advances(path: Path) -> dict:
    with TTFont(path, lazy=True) as font:
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

    def width(self, text: Text | str, size: float, bold: bool = False) -> float:
        spans = text.spans if isinstance(text, Text) else (Span(text),)
        return sum(self.face(bold or s.bold, s.italic).width(s.text, size) for s in spans)

    def line_height(self, size: float) -> float:
        return self.face().line_height(size)

    def wrap(self, text: Text | str, max_width: float, size: float, bold: bool = False) -> list[str]:
        """Greedy word wrap as office suites do it; a word longer than the line is broken by character."""
        plain = text.plain if isinstance(text, Text) else text
        lines: list[str] = []
        for paragraph in plain.split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if self.width(candidate, size, bold) <= max_width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while self.width(line, size, bold) > max_width and len(line) > 1:
                    cut = len(line) - 1
                    while cut > 1 and self.width(line[:cut], size, bold) > max_width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        return lines

    def height(self, text: Text | str, max_width: float, size: float, bold: bool = False,
               spacing: float = 1.0) -> float:
        """Height in points that ``text`` takes when wrapped to ``max_width``."""
        return len(self.wrap(text, max_width, size, bold)) * self.line_height(size) * spacing


def layout_faces(files) -> list[Face]:
    return [read_face(Path(path)) for path in files]


def family_for(name: str, files) -> Family:
    """The faces of ``name`` among ``files``; when no file carries that family name (a metric-compatible
    substitute such as Carlito for Calibri), all the files."""
    faces = layout_faces(files)
    matching = [face for face in faces if face.family.casefold() == name.casefold()]
    return Family(name, matching or faces)


# Open families with exactly the glyph widths of the office suites' own fonts: LibreOffice
# substitutes them for each other, so text measured with one fits with the other.
METRIC_TWINS = {
    "carlito": "calibri", "caladea": "cambria", "liberation sans": "arial",
    "liberation serif": "times new roman", "liberation mono": "courier new",
}


def font_warnings(heading: str, body: str, files) -> list[str]:
    """Families the layout names without shipping their files (or a metric twin's): text is measured
    with a stand-in, so it may not fit where the deck is shown."""
    shipped = {face.family.casefold() for face in layout_faces(files)}
    accepted = shipped | {METRIC_TWINS[family] for family in shipped if family in METRIC_TWINS}
    stand_in = ", ".join(sorted({face.family for face in layout_faces(files)})) or "nothing"
    return [
        f"fonts.{role}: the layout ships no font file of {name!r}; slide text is measured with {stand_in}, "
        f"so it may not fit where {name!r} has other widths, and {name!r} must be installed where the deck is shown"
        for role, name in dict.fromkeys((("heading", heading), ("body", body)))
        if name.casefold() not in accepted
    ]
