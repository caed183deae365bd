"""Every layout that ships: it loads, its colours are readable, its files are there; and the
Buurtwerk Noord template (a Dutch organisation's own) is what deckgen's slide layout choice is
tested against, rebuilt byte for byte by its script."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deckgen.layout import load_layout
from fixtures import org_nl  # tests/ is on sys.path (pytest's rootdir conftest); fixtures/ has no __init__

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(path.parent for path in (ROOT / "layouts").glob("*/layout.yaml"))
SCRIPT = ROOT / "scripts" / "make_buurtwerk_assets.py"
BUURTWERK = ROOT / "layouts" / "buurtwerk"

ENGLISH_LAYOUT_NAMES = {"Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison",
                        "Title Only", "Blank", "Content with Caption", "Picture with Caption"}


# --- WCAG 2.x contrast -------------------------------------------------------------------------------

def relative_luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG 2.x defines it, of an sRGB colour "#RRGGBB"."""
    value = hex_colour.lstrip("#")
    channels = []
    for index in (0, 2, 4):
        c = int(value[index:index + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic "just fails AA"
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


# --- every shipped layout ----------------------------------------------------------------------------

def test_the_layouts_of_the_issue_ship():
    assert {"default", "grootletter", "buurtwerk"} <= {folder.name for folder in SHIPPED}


@pytest.fixture(params=SHIPPED, ids=lambda folder: folder.name)
def shipped(request):
    return load_layout(str(request.param))


def test_loads_and_describes_itself(shipped):
    assert shipped.description
    assert shipped.folders[-1].name == "default"


# (foreground, background, minimum): body text at WCAG AA (4.5:1); white text on primary, as on
# card bands and table header rows; text on the strengths and weaknesses tints.
PAIRS = [
    ("text", "background", 4.5),
    ("#FFFFFF", "primary", 4.5),
    ("text", "strengths", 4.5),
    ("text", "weaknesses", 4.5),
    ("primary", "background", 4.5),  # titles and labels are set in primary
    ("accent", "background", 3.0),  # numbers: large text, AA for large text is 3:1
]


@pytest.mark.parametrize("foreground, background, minimum", PAIRS, ids=[f"{f}-on-{b}" for f, b, _ in PAIRS])
def test_colours_meet_wcag_aa(shipped, foreground, background, minimum):
    def colour(name: str) -> str:
        return name if name.startswith("#") else getattr(shipped.colors, name)

    ratio = contrast(colour(foreground), colour(background))
    assert ratio >= minimum, (f"{shipped.name}: {foreground} {colour(foreground)} on {background} "
                              f"{colour(background)} is {ratio:.2f}:1, needs {minimum}:1")


def test_grootletter_meets_aaa_and_sets_large_type():
    layout = load_layout("grootletter")
    colors = layout.colors
    assert contrast(colors.text, colors.background) >= 7
    assert contrast("#FFFFFF", colors.primary) >= 7
    assert contrast(colors.text, colors.strengths) >= 7
    assert contrast(colors.text, colors.weaknesses) >= 7
    default = load_layout("default")
    assert layout.slides.min_font_size >= 18 > default.slides.min_font_size
    assert layout.cards.min_font_size > default.cards.min_font_size
    assert layout.labels == {}  # labels come from the workshop's language


def test_every_file_exists_and_fonts_are_complete(shipped):
    assert shipped.fonts.files, "a layout needs font files to measure slide text and embed in cards"
    for path in shipped.fonts.files:
        assert path.is_file() and path.suffix.lower() in (".ttf", ".otf")
        assert path.stat().st_size < 2_000_000
    stems = {path.stem.rsplit("-", 1)[-1] for path in shipped.fonts.files}
    assert {"Regular", "Bold", "Italic", "BoldItalic"} <= stems
    folders = {path.parent for path in shipped.fonts.files}
    for folder in folders:
        assert any(folder.glob("OFL*")) or any(folder.glob("LICENSE*")), f"{folder}: no licence file"
    if shipped.logo is not None:
        assert shipped.logo.is_file()
    if shipped.slides.template is not None:
        assert shipped.slides.template.is_file()


# --- Buurtwerk Noord ----------------------------------------------------------------------------------

def test_buurtwerk_settings():
    layout = load_layout("buurtwerk")
    assert layout.footer == "Buurtwerk Noord"
    assert layout.labels["preconditions"] == "Voorwaarden"
    assert layout.cards.duplex == "short-edge"
    assert layout.fonts.heading == layout.fonts.body == "Arial"  # Liberation Sans has Arial's metrics
    assert layout.logo == BUURTWERK / "logo.png"
    assert layout.slides.template == BUURTWERK / "template.pptx"


def test_buurtwerk_logo_is_a_transparent_png():
    with Image.open(BUURTWERK / "logo.png") as logo:
        assert logo.format == "PNG" and logo.mode == "RGBA"
        assert logo.size == (600, 200)
        assert logo.getpixel((0, 0))[3] == 0 and logo.getpixel((599, 199))[3] == 0


def test_buurtwerk_template_is_a_dutch_16_9_template():
    prs = Presentation(str(BUURTWERK / "template.pptx"))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    names = [layout.name for layout in prs.slide_layouts]
    assert {"Titeldia", "Titel en object", "Alleen titel", "Sectiekop", "Leeg"} <= set(names)
    assert not set(names) & ENGLISH_LAYOUT_NAMES
    master_shapes = {shape.name: shape for shape in prs.slide_master.shapes}
    assert master_shapes["Buurtwerk band"].shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
    assert master_shapes["Buurtwerk logo"].shape_type == MSO_SHAPE_TYPE.PICTURE
    assert str(master_shapes["Buurtwerk band"].fill.fore_color.rgb) == "00666F"
    # The title slide layout hides the master's small logo (the title slide gets the large one) but
    # keeps the band.
    title_layout = next(layout for layout in prs.slide_layouts if layout.name == "Titeldia")
    assert title_layout._element.get("showMasterSp") == "0"
    assert "Buurtwerk band" in {shape.name for shape in title_layout.shapes}
    # The example slide the template keeps, which no deck may carry.
    assert [slide.shapes.title.text for slide in prs.slides] == ["Voorbeeld"]
    # The layouts deckgen needs exist, told apart by their placeholders.
    kinds = [{ph.placeholder_format.type for ph in layout.placeholders} for layout in prs.slide_layouts]
    assert any(PP_PLACEHOLDER.CENTER_TITLE in k and PP_PLACEHOLDER.SUBTITLE in k for k in kinds)
    assert any(k & {PP_PLACEHOLDER.TITLE} and not k & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT} for k in kinds)


def test_buurtwerk_template_master_styles_titles():
    prs = Presentation(str(BUURTWERK / "template.pptx"))
    title = prs.slide_master._element.xpath("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr")[0]
    assert title.xpath("a:solidFill/a:srgbClr/@val") == ["00666F"]
    assert title.xpath("a:latin/@typeface") == ["Arial"]


def _run_script(out: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True)


def test_asset_script_is_reproducible(tmp_path):
    _run_script(tmp_path / "one")
    _run_script(tmp_path / "two")
    for name in ("logo.png", "template.pptx"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    # The committed files are the script's output: same parts (their bytes may differ between
    # library versions, which regenerating and committing settles).
    with zipfile.ZipFile(tmp_path / "one" / "template.pptx") as fresh, \
            zipfile.ZipFile(BUURTWERK / "template.pptx") as committed:
        assert fresh.namelist() == committed.namelist()
        assert all(info.date_time == (2026, 1, 1, 12, 0, 0) for info in committed.infolist())


# --- the org-nl fixture --------------------------------------------------------------------------------

def test_org_nl_fixture_is_dutch_and_reordered():
    layout = load_layout(str(org_nl.ORG_NL))
    assert layout.slides.template == org_nl.ORG_NL / "template.pptx"
    assert layout.labels == {"preconditions": "Randvoorwaarden"}
    prs = Presentation(str(layout.slides.template))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert [sl.name for sl in prs.slide_layouts] == org_nl.DUTCH_NAMES
    assert [shape.name for shape in prs.slide_master.shapes][0] == org_nl.MASTER_SHAPE
    assert [slide.shapes.title.text for slide in prs.slides] == [org_nl.EXAMPLE_TITLE]
    first = {ph.placeholder_format.type for ph in prs.slide_layouts[0].placeholders}
    assert not first & {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}  # index 0 is the blank one


def test_org_nl_fixture_is_what_its_helper_builds():
    fresh = org_nl.build_template()
    assert fresh == org_nl.build_template()
    # The committed file is the helper's output: the same parts with the same content, XML compared in
    # canonical form (the zip's bytes may differ between library versions, as the Buurtwerk template's
    # above). If this fails, python tests/fixtures/org_nl.py rebuilds the fixture.
    with zipfile.ZipFile(io.BytesIO(fresh)) as rebuilt, zipfile.ZipFile(org_nl.ORG_NL / "template.pptx") as committed:
        assert rebuilt.namelist() == committed.namelist()
        assert all(info.date_time == (2026, 1, 1, 12, 0, 0) for info in committed.infolist())
        differ = [name for name in committed.namelist()
                  if _canonical(name, rebuilt.read(name)) != _canonical(name, committed.read(name))]
    assert differ == []


def _canonical(name: str, data: bytes) -> bytes:
    from lxml import etree

    return etree.tostring(etree.fromstring(data), method="c14n") if name.endswith((".xml", ".rels")) else data
