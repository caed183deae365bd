"""The brand an organisation's PowerPoint template carries: its theme's colours and fonts as layout values.

A layout with ``slides.template`` takes every colour and font family that no layout of its chain sets
(the default layout's values do not count) from the theme of the template's first slide master, so that
the cards and the handout match the deck without retyping. The mapping (docs/layout-format.md, "Colours
and fonts from the template"):

==============  ==============================================================================
``primary``     Accent 1, the theme's main colour (PowerPoint's first accent: shapes, the first chart
                series); Dark 2 instead when white text on Accent 1 would be hard to read (under 4.5:1)
``accent``      Accent 2
``text``        Dark 1, PowerPoint's own text colour
``background``  Light 1, PowerPoint's own background colour
``strengths``   Accent 1 at 20% over Light 1 (a quiet tint, as deckgen's own tints are mixed)
``weaknesses``  Accent 2 at 20% over Light 1
``heading``     the theme's heading font (major, Latin)
``body``        the theme's body font (minor, Latin)
==============  ==============================================================================

The package was judged before (``deckgen.layout.files.template_problem``: a .pptx, no zip bomb); its XML
is parsed without entities or network."""

from __future__ import annotations

import functools
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
SYSTEM_COLORS = {"windowText": "000000", "window": "FFFFFF"}  # when a sysClr has no lastClr
READABLE = 4.5  # WCAG AA for normal text: white on the primary colour
TINT = 0.2  # the share of an accent in the strengths' and weaknesses' fills


@dataclass(frozen=True)
class Theme:
    """A theme's named colours ("dk1": "#1F497D", ...) and its heading and body fonts ("" when none)."""

    colors: dict[str, str]
    major_font: str
    minor_font: str

    def layout_colors(self) -> dict[str, str]:
        """The layout's colour keys this theme gives (see the module's table); none it lacks a colour for."""
        from deckgen.colors import contrast, rgb

        given = self.colors
        paper = given.get("lt1", "#FFFFFF")
        out: dict[str, str] = {}
        if "accent1" in given:
            primary = given["accent1"]
            if contrast(rgb(primary), (255, 255, 255)) < READABLE and "dk2" in given:
                primary = given["dk2"]
            out["primary"] = primary
            out["strengths"] = tint(given["accent1"], TINT, paper)
        if "accent2" in given:
            out["accent"] = given["accent2"]
            out["weaknesses"] = tint(given["accent2"], TINT, paper)
        for key, name in (("text", "dk1"), ("background", "lt1")):
            if name in given:
                out[key] = given[name]
        return out

    def layout_fonts(self) -> dict[str, str]:
        return {key: name for key, name in (("heading", self.major_font), ("body", self.minor_font)) if name}


def tint(hex_color: str, share: float, background: str) -> str:
    """``hex_color`` at ``share`` over ``background``, mixed channel by channel as deckgen's tints are."""
    from deckgen.colors import rgb

    mixed = (round(c * share + b * (1 - share)) for c, b in zip(rgb(hex_color), rgb(background)))
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def theme_of(template: Path) -> Theme | None:
    """``read_theme``, read once for each version of the file (``deckgen watch`` loads layouts often)."""
    from deckgen.fonts import file_stamp

    try:
        return _read_theme_once(file_stamp(template))
    except OSError:
        return None


@functools.lru_cache(maxsize=16)
def _read_theme_once(stamp: tuple[str, int, int]) -> Theme | None:
    return read_theme(Path(stamp[0]))


def read_theme(template: Path) -> Theme | None:
    """The theme of ``template``'s first slide master; None when the package has none that can be read."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(template) as package:
            def xml(name: str):
                return etree.fromstring(package.read(name), parser)

            presentation = "ppt/presentation.xml"
            master_id = xml(presentation).find("p:sldMasterIdLst/p:sldMasterId", NS)
            if master_id is None:
                return None
            master = _target(xml, presentation, lambda rel: rel.get("Id") == master_id.get(f"{{{NS['r']}}}id"))
            theme = master and _target(xml, master, lambda rel: rel.get("Type", "").endswith("/theme"))
            return _theme_of(xml(theme)) if theme else None
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError, ValueError):
        return None


def _target(xml, part: str, wanted) -> str | None:
    """The part name a relationship of ``part`` that ``wanted`` picks points at."""
    folder, name = posixpath.split(part)
    for rel in xml(f"{folder}/_rels/{name}.rels").findall("rel:Relationship", NS):
        if wanted(rel):
            return posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return None


def _theme_of(root) -> Theme:
    colors = {}
    scheme = root.find("a:themeElements/a:clrScheme", NS)
    for entry in scheme if scheme is not None else ():
        name = entry.tag.rsplit("}", 1)[-1]
        value = _color(entry)
        if value:
            colors[name] = value
    fonts = root.find("a:themeElements/a:fontScheme", NS)

    def typeface(kind: str) -> str:
        latin = fonts.find(f"a:{kind}/a:latin", NS) if fonts is not None else None
        return (latin.get("typeface") or "").strip() if latin is not None else ""

    return Theme(colors, typeface("majorFont"), typeface("minorFont"))


def _color(entry) -> str | None:
    """"#RRGGBB" of a scheme colour: an sRGB value, or a system colour's last value."""
    for child in entry:
        tag = child.tag.rsplit("}", 1)[-1]
        value = child.get("val") if tag == "srgbClr" else (child.get("lastClr") or SYSTEM_COLORS.get(
            child.get("val", ""))) if tag == "sysClr" else None
        if value and len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
            return "#" + value.upper()
    return None
