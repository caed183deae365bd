"""A layout takes effect on both outputs: colours, logo, footer, fonts and labels in the .pptx and the cards."""

from __future__ import annotations

import zipfile

import pdfplumber
import pytest
from pptx import Presentation

from deckgen.build import build, check
from deckgen.project import Request
from deckgen.resources import bundled

BUURTWERK_PRIMARY = "00666F"


@pytest.fixture(scope="module")
def buurtwerk_build(tmp_path_factory, example_path):
    out = tmp_path_factory.mktemp("buurtwerk")
    build(Request(content=example_path, out_dir=out, layout="buurtwerk"))
    return out


def slide_xml(deck) -> str:
    with zipfile.ZipFile(deck) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.startswith("ppt/slides/slide"))


def embedded_font_programs(pdf_path) -> set[str]:
    """The families of the font files embedded in a PDF, read from the files themselves."""
    import io

    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    families = set()
    for page in PdfReader(pdf_path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            program = descriptor.get_object().get("/FontFile2")
            assert program is not None, f"{font['/BaseFont']} is not embedded"
            families.add(TTFont(io.BytesIO(program.get_object().get_data()))["name"].getBestFamilyName())
    return families


def test_colours_fonts_and_label_in_the_pptx(buurtwerk_build):
    xml = slide_xml(buurtwerk_build / "netwerkversterking.pptx")
    assert f'<a:srgbClr val="{BUURTWERK_PRIMARY}"/>' in xml
    assert 'typeface="Arial"' in xml and 'typeface="Calibri"' not in xml
    assert "VOORWAARDEN:" in xml and "RANDVOORWAARDEN" not in xml


def test_logo_and_footer_on_the_slides(buurtwerk_build):
    deck = Presentation(str(buurtwerk_build / "netwerkversterking.pptx"))
    title_slide = deck.slides[0]
    pictures = [shape for shape in title_slide.shapes if shape.shape_type == 13]
    assert pictures and pictures[0]._element.xpath(".//p:cNvPr/@descr")[0] == "Logo Buurtwerk Noord"
    for slide in list(deck.slides)[1:]:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert "Buurtwerk Noord" in texts


def test_master_shapes_carried_and_template_slides_dropped(buurtwerk_build):
    deck = Presentation(str(buurtwerk_build / "netwerkversterking.pptx"))
    master_names = {shape.name for shape in deck.slide_master.shapes}
    assert {"Buurtwerk band", "Buurtwerk logo"} <= master_names
    first, last = deck.slides[0], deck.slides[len(deck.slides) - 1]
    assert "Studie- en vormingsdag" in first.shapes.title.text_frame.text
    assert "Bronnen" in last.shapes.title.text_frame.text
    assert all("Voorbeeld" not in shape.text_frame.text for slide in deck.slides
               for shape in slide.shapes if shape.has_text_frame)


def test_cards_carry_colours_logo_font_footer_and_label(buurtwerk_build):
    with pdfplumber.open(buurtwerk_build / "netwerkversterking-cards-single.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fronts = pdf.pages[2::2]  # model fronts follow the cover's two sides
        assert all(page.images for page in fronts[:7]), "every model front shows the logo"
        fills = {tuple(round(c, 2) for c in rect["non_stroking_color"])
                 for page in pdf.pages for rect in page.rects if rect.get("non_stroking_color")}
    assert (0.0, 0.4, 0.44) in fills  # #00666F
    assert embedded_font_programs(buurtwerk_build / "netwerkversterking-cards-single.pdf") == {"Liberation Sans"}
    assert "Voorwaarden".upper() in text.upper() and "Randvoorwaarden".upper() not in text.upper()
    assert text.count("Buurtwerk Noord") >= 7


def test_content_labels_win_over_the_layout(tmp_path, write_content):
    content = write_content("""\
        title: Labels
        models:
          - name: Model
            strengths: [Sterk]
            weaknesses: [Zwak]
            preconditions: [Iets]
        labels:
          preconditions: Nodig
        """)
    build(Request(content=content, out_dir=tmp_path / "out", layout="buurtwerk"))
    assert "NODIG:" in slide_xml(tmp_path / "out" / "workshop.pptx")
    with pdfplumber.open(tmp_path / "out" / "workshop-cards.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages).upper()
    assert "NODIG" in text and "VOORWAARDEN" not in text


def test_logo_has_alternative_text_on_the_tagged_cards(buurtwerk_build):
    from pypdf import PdfReader

    reader = PdfReader(buurtwerk_build / "netwerkversterking-cards-single.pdf")
    found, stack, seen = [], [reader.trailer["/Root"]["/StructTreeRoot"]], set()
    while stack:
        node = stack.pop()
        if hasattr(node, "idnum"):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
        node = node.get_object()
        if isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            stack.extend(value for key, value in node.items() if key in ("/K", "/StructTreeRoot"))
        elif isinstance(node, list):
            stack.extend(node)
    assert found and set(found) == {"Logo Buurtwerk Noord"}


@pytest.mark.parametrize("layout", sorted(p.parent.name for p in bundled("layouts").glob("*/layout.yaml")))
def test_the_example_fits_in_every_shipped_layout(example_path, layout):
    assert check(Request(content=example_path, layout=layout)) == []
