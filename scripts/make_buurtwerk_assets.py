#!/usr/bin/env python3
"""Build the Buurtwerk Noord layout's logo.png and template.pptx (layouts/buurtwerk/).

Buurtwerk Noord is a fictional neighbourhood organisation; its layout shows what an organisation
brings to deckgen: its colours, its font, its logo and its own PowerPoint template. The template
is made the way PowerPoint makes them in the Netherlands: 16:9, slide layouts with Dutch names
("Titeldia", "Titel en object", ...), the organisation's band and logo on the slide master, and an
example slide left in. deckgen must choose slide layouts by their placeholders, not by their names,
and must not carry the template's own slides into a deck; the tests check both on this file.

The output is reproducible: running the script twice gives byte-identical files (fixed document
dates, fixed zip entry times), so regenerating shows no diff in git unless the design changed.

    python scripts/make_buurtwerk_assets.py            # writes into layouts/buurtwerk/
    python scripts/make_buurtwerk_assets.py --out DIR  # writes into DIR
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.picture import CT_Picture
from pptx.shapes.autoshape import Shape
from pptx.util import Emu

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = ROOT / "layouts" / "buurtwerk"
FONTS = LAYOUT / "fonts"

# The house style; the same values as layouts/buurtwerk/layout.yaml.
TEAL = "00666F"
TERRACOTTA = "B5531A"
SLATE = "1D2B2F"
SUN = "F2A65A"  # light warm tint, only in the logo mark, where it sits on teal
TEAL_TINT = "DDF0EC"
FONT = "Arial"  # named in the .pptx; Liberation Sans (shipped in fonts/) has its metrics

FIXED_TIME = dt.datetime(2026, 1, 1, 12, 0, 0)
ZIP_TIME = (2026, 1, 1, 12, 0, 0)

# 16:9 in EMU, and deckgen's grid (slides/geometry.py): unit 0.25 in, side margin 3 units, top 2 units.
WIDTH, HEIGHT = 12192000, 6858000
PT = 12700
UNIT = 18 * PT
SIDE, TOP = 3 * UNIT, 2 * UNIT

# python-pptx's default template names its layouts as an English PowerPoint does; these are the names
# a Dutch PowerPoint gives the same layouts.
DUTCH_NAMES = {
    "Title Slide": "Titeldia",
    "Title and Content": "Titel en object",
    "Section Header": "Sectiekop",
    "Two Content": "Twee objecten",
    "Comparison": "Vergelijking",
    "Title Only": "Alleen titel",
    "Blank": "Leeg",
    "Content with Caption": "Inhoud met bijschrift",
    "Picture with Caption": "Afbeelding met bijschrift",
    "Title and Vertical Text": "Titel en verticale tekst",
    "Vertical Title and Text": "Verticale titel en tekst",
}

BAND_NAME = "Buurtwerk band"
LOGO_NAME = "Buurtwerk logo"


# --- logo -------------------------------------------------------------------------------------------

def rgb(hex_colour: str, alpha: int = 255) -> tuple[int, int, int, int]:
    return (int(hex_colour[0:2], 16), int(hex_colour[2:4], 16), int(hex_colour[4:6], 16), alpha)


def make_logo() -> bytes:
    """A 600 x 200 px PNG on a transparent background: a round mark (a roof under a rising sun, on
    teal) and the wordmark "Buurtwerk" (bold, teal) over "Noord" (regular, terracotta)."""
    scale = 4  # drawn four times larger, then scaled down: smooth edges without anti-aliasing calls
    width, height = 600, 200
    image = Image.new("RGBA", (width * scale, height * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def s(*values: float) -> list[int]:
        return [round(v * scale) for v in values]

    # The mark: a teal disc; a white roof; a warm sun above its ridge; a white street line below.
    draw.ellipse(s(16, 16, 184, 184), fill=rgb(TEAL))
    draw.ellipse(s(86, 42, 114, 70), fill=rgb(SUN))
    roof = [(50, 122), (100, 78), (150, 122), (150, 140), (100, 96), (50, 140)]
    draw.polygon([tuple(round(v * scale) for v in point) for point in roof], fill=rgb("FFFFFF"))
    draw.rounded_rectangle(s(62, 146, 138, 156), radius=5 * scale, fill=rgb("FFFFFF"))

    bold = ImageFont.truetype(str(FONTS / "LiberationSans-Bold.ttf"), 70 * scale)
    regular = ImageFont.truetype(str(FONTS / "LiberationSans-Regular.ttf"), 56 * scale)
    draw.text(s(208, 96), "Buurtwerk", font=bold, fill=rgb(TEAL), anchor="ls")
    draw.text(s(210, 160), "Noord", font=regular, fill=rgb(TERRACOTTA), anchor="ls")

    image = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=9)
    return out.getvalue()


# --- template ---------------------------------------------------------------------------------------

def _scale_horizontally(element, factor: float) -> None:
    """Widen every positioned shape of a master, layout or slide from 4:3 to 16:9."""
    for off in element.iter(qn("a:off")):
        off.set("x", str(round(int(off.get("x")) * factor)))
    for ext in element.iter(qn("a:ext")):
        if ext.get("cx") is not None:
            ext.set("cx", str(round(int(ext.get("cx")) * factor)))


def _place(shape, x: int, y: int, cx: int, cy: int) -> None:
    shape.left, shape.top, shape.width, shape.height = Emu(x), Emu(y), Emu(cx), Emu(cy)


def _solid(hex_colour: str):
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=hex_colour)
    return fill


FILLS = ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")
AFTER_LATIN = ("a:ea", "a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")


def _style_text(def_rpr, hex_colour: str, bold: bool | None = None) -> None:
    """Colour and typeface of one level of the master's text styles, each child in schema order
    (ln, fill, effects, ..., latin, ea, cs, ...)."""
    if bold is not None:
        def_rpr.set("b", "1" if bold else "0")
    for old in [child for child in def_rpr if child.tag in {qn(tag) for tag in FILLS + ("a:latin",)}]:
        def_rpr.remove(old)
    line = def_rpr.find(qn("a:ln"))
    def_rpr.insert(0 if line is None else 1, _solid(hex_colour))
    latin = etree.Element(qn("a:latin"), typeface=FONT)
    following = [child for child in def_rpr if child.tag in {qn(tag) for tag in AFTER_LATIN}]
    if following:
        following[0].addprevious(latin)
    else:
        def_rpr.append(latin)


def _style_master(master) -> None:
    """The master's title and body text styles: Arial, teal bold titles, slate body text."""
    tx_styles = master._element.find(qn("p:txStyles"))
    title_lvl1 = tx_styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title_lvl1.set("algn", "l")
    _style_text(title_lvl1.find(qn("a:defRPr")), TEAL, bold=True)
    for level in tx_styles.find(qn("p:bodyStyle")):
        def_rpr = level.find(qn("a:defRPr"))
        if def_rpr is not None:
            _style_text(def_rpr, SLATE)
        bullet_colour = level.find(qn("a:buClr"))
        if bullet_colour is None and level.find(qn("a:buChar")) is not None:
            bullet_colour = etree.Element(qn("a:buClr"))
            # schema order: lnSpc, spcBef, spcAft, buClr, ...
            spacing = [child for child in level if child.tag in (qn("a:lnSpc"), qn("a:spcBef"), qn("a:spcAft"))]
            if spacing:
                spacing[-1].addnext(bullet_colour)
            else:
                level.insert(0, bullet_colour)
        if bullet_colour is not None:
            for child in list(bullet_colour):
                bullet_colour.remove(child)
            etree.SubElement(bullet_colour, qn("a:srgbClr"), val=TERRACOTTA)


def _style_theme(master) -> None:
    """The theme: named after the organisation, its colours as accents, Arial for headings and body."""
    theme_part = master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(theme_part.blob)
    theme.set("name", "Buurtwerk Noord")
    elements = theme.find(qn("a:themeElements"))
    scheme = elements.find(qn("a:clrScheme"))
    scheme.set("name", "Buurtwerk Noord")
    for slot, value in (("dk2", SLATE), ("lt2", TEAL_TINT), ("accent1", TEAL), ("accent2", TERRACOTTA)):
        holder = scheme.find(qn(f"a:{slot}"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, qn("a:srgbClr"), val=value)
    fonts = elements.find(qn("a:fontScheme"))
    fonts.set("name", "Buurtwerk Noord")
    for role in ("a:majorFont", "a:minorFont"):
        fonts.find(qn(role)).find(qn("a:latin")).set("typeface", FONT)
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _decorate_master(master, logo_png: bytes) -> None:
    """The organisation's own shapes on the master, behind the placeholders: a thin teal band along the
    top and the logo in the top right corner, both inside the margins deckgen keeps free."""
    sp_tree = master.shapes._spTree
    first_id = 1000  # clear of the ids python-pptx hands out to placeholders
    band = CT_Shape.new_autoshape_sp(first_id, BAND_NAME, "rect", 0, 0, WIDTH, 8 * PT)
    sp_tree.insert(2, band)  # after nvGrpSpPr and grpSpPr: drawn first, under everything else
    _plain_fill(Shape(band, master.shapes), TEAL)

    image_part, rel_id = master.part.get_or_add_image_part(io.BytesIO(logo_png))
    logo_height = 22 * PT
    logo_width = logo_height * 3  # the logo is 600 x 200 px
    pic = CT_Picture.new_pic(first_id + 1, LOGO_NAME, "Buurtwerk Noord", rel_id,
                             WIDTH - SIDE - logo_width, 10 * PT, logo_width, logo_height)
    sp_tree.insert(3, pic)


def _reposition_master(master) -> None:
    """The master's placeholders on deckgen's grid, so the template and the decks agree."""
    content_width = WIDTH - 2 * SIDE
    footer_y = HEIGHT - 2 * UNIT
    for placeholder in master.placeholders:
        kind = placeholder.placeholder_format.type.name
        if kind == "TITLE":
            _place(placeholder, SIDE, TOP, content_width, 4 * UNIT)
        elif kind == "BODY":
            _place(placeholder, SIDE, TOP + 5 * UNIT, content_width, footer_y - UNIT - (TOP + 5 * UNIT))
        elif kind == "DATE":
            _place(placeholder, SIDE, footer_y, 10 * UNIT, UNIT)
        elif kind == "FOOTER":
            _place(placeholder, SIDE + 11 * UNIT, footer_y, content_width - 22 * UNIT, UNIT)
        elif kind == "SLIDE_NUMBER":
            _place(placeholder, WIDTH - SIDE - 10 * UNIT, footer_y, 10 * UNIT, UNIT)


def _style_title_layout(layout) -> None:
    """The title slide layout ("Titeldia"): title and subtitle left-aligned on the grid; the master's
    shapes hidden and the band drawn on the layout itself, without the small logo, because the title
    slide carries the large one (deckgen puts the layout's logo there)."""
    content_width = WIDTH - 2 * SIDE
    inch = 914400
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type.name
        if kind == "CENTER_TITLE":
            _place(placeholder, SIDE, 2 * inch, content_width, int(1.7 * inch))
            body_pr = placeholder._element.txBody.find(qn("a:bodyPr"))
            body_pr.set("anchor", "b")
        elif kind == "SUBTITLE":
            _place(placeholder, SIDE, int(3.9 * inch), content_width, int(1.5 * inch))
            for level in placeholder._element.txBody.find(qn("a:lstStyle")):
                level.set("algn", "l")
                def_rpr = level.find(qn("a:defRPr"))
                for old in def_rpr.findall(qn("a:solidFill")):
                    def_rpr.remove(old)
                def_rpr.insert(0, _solid(SLATE))
    layout._element.set("showMasterSp", "0")
    band = CT_Shape.new_autoshape_sp(1002, BAND_NAME, "rect", 0, 0, WIDTH, 8 * PT)
    layout.shapes._spTree.insert(2, band)
    _plain_fill(Shape(band, layout.shapes), TEAL)


def _plain_fill(shape, hex_colour: str) -> None:
    """A flat shape: one colour, no outline, no theme style (no shadow, no effects)."""
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(hex_colour)
    shape.line.fill.background()
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def _dutch_language(element) -> None:
    """The sample text of masters and layouts marked as Dutch, as a Dutch PowerPoint saves it."""
    for run_properties in element.iter(qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")):
        if run_properties.get("lang") == "en-US":
            run_properties.set("lang", "nl-NL")


def make_template(logo_png: bytes) -> bytes:
    prs = Presentation()  # python-pptx's own template: a plain Office master with eleven layouts
    factor = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    sld_sz = prs.part._element.find(qn("p:sldSz"))
    sld_sz.attrib.pop("type", None)  # as PowerPoint writes "Breedbeeld (16:9)": no size type

    master = prs.slide_master
    master._element.cSld.set("name", "Buurtwerk Noord")
    _scale_horizontally(master._element.cSld, factor)
    _reposition_master(master)
    for layout in prs.slide_layouts:
        _scale_horizontally(layout._element.cSld, factor)
        layout._element.cSld.set("name", DUTCH_NAMES[layout.name])
        _dutch_language(layout._element)
    _dutch_language(master._element)
    _style_title_layout(prs.slide_layouts[0])
    _style_master(master)
    _style_theme(master)
    _decorate_master(master, logo_png)

    # One example slide, as organisations' templates have: deckgen must leave it out of every deck.
    example = prs.slides.add_slide(prs.slide_layouts[0])
    example.shapes.title.text = "Voorbeeld"
    example.placeholders[1].text = "Buurtwerk Noord – sjabloon 2026. Deze dia hoort niet in een presentatie."

    props = prs.core_properties
    props.title = "Buurtwerk Noord – sjabloon"
    props.author = props.last_modified_by = "Buurtwerk Noord"
    props.subject = "Huisstijl 2026"
    props.keywords = ""
    props.comments = "Made by scripts/make_buurtwerk_assets.py in the deckgen repository."
    props.revision = 1
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME

    out = io.BytesIO()
    prs.save(out)
    return reproducible_zip(out.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """The same zip with every entry's time and attributes fixed (python-pptx stamps the save time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():  # keep the order: [Content_Types].xml first
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(entry.filename), compresslevel=9)
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LAYOUT, help="folder to write logo.png and template.pptx to "
                                                                  "(default: layouts/buurtwerk)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    logo = make_logo()
    (args.out / "logo.png").write_bytes(logo)
    (args.out / "template.pptx").write_bytes(make_template(logo))
    print(f"wrote {args.out / 'logo.png'} and {args.out / 'template.pptx'}")


if __name__ == "__main__":
    main()
