"""PDF/X-4 for print shops (issue 12, point 4): ``deckgen build --print-shop`` and the layout key
``cards.print_shop`` make the single-card PDF a PDF/X-4 file with a CMYK output intent, its colours in CMYK
and black text in black ink alone, still tagged. Checked on the file with pikepdf: the essentials of
PDF/X-4 that a preflight looks at first (veraPDF, which checks PDF/X fully, is not available here)."""

from __future__ import annotations

import pikepdf
import pytest
from click.testing import CliRunner

from cards_helpers import build, token_content
from deckgen.cards.printshop import profile_bytes
from deckgen.cli import main
from deckgen.errors import DeckgenError
from tagged_pdf import structure_problems

SOURCE_DATE = "1526544000"  # 2018-05-17


def pdfx_problems(path) -> list[str]:
    """What a PDF/X-4 preflight would raise first on ``path``."""
    problems = []
    with open(path, "rb") as file:
        if file.read(8) not in (b"%PDF-1.3", b"%PDF-1.4", b"%PDF-1.5", b"%PDF-1.6"):
            problems.append("the PDF version is above 1.6")
    with pikepdf.open(path) as pdf:
        intents = [intent for intent in pdf.Root.get("/OutputIntents", []) if intent.get("/S") == "/GTS_PDFX"]
        if len(intents) != 1:
            problems.append(f"{len(intents)} PDF/X output intents, not one")
        else:
            intent = intents[0]
            profile = intent.get("/DestOutputProfile")
            if profile is None:
                problems.append("the output intent has no DestOutputProfile")
            else:
                data = profile.read_bytes()
                if data[12:16] != b"prtr" or data[16:20] != b"CMYK" or int(profile.N) != 4:
                    problems.append("the output profile is not a CMYK printer profile")
            if not str(intent.get("/OutputConditionIdentifier", "")):
                problems.append("the output intent has no OutputConditionIdentifier")
        info = pdf.docinfo
        if str(info.get("/GTS_PDFXVersion", "")) != "PDF/X-4":
            problems.append("the document info does not say PDF/X-4")
        for key in ("/Title", "/CreationDate", "/ModDate"):
            if not str(info.get(key, "")):
                problems.append(f"no {key} in the document info")
        if info.get("/Trapped") not in (pikepdf.Name("/True"), pikepdf.Name("/False")):
            problems.append("/Trapped is not True or False")
        with pdf.open_metadata() as meta:
            if meta.get("pdfxid:GTS_PDFXVersion") != "PDF/X-4":
                problems.append("the XMP metadata does not say PDF/X-4")
            for key in ("dc:title", "xmp:CreateDate", "xmp:ModifyDate", "xmpMM:DocumentID", "xmpMM:VersionID",
                        "xmpMM:RenditionClass"):
                if not meta.get(key):
                    problems.append(f"no {key} in the XMP metadata")
        if pdf.Root.Metadata.get("/Filter") is not None:
            problems.append("the XMP metadata stream is compressed")
        for number, page in enumerate(pdf.pages, 1):
            media, bleed, trim = (_box(page.obj.get(key)) for key in ("/MediaBox", "/BleedBox", "/TrimBox"))
            if trim is None:
                problems.append(f"page {number} has no TrimBox")
            elif not (_inside(trim, bleed or media) and _inside(bleed or media, media)):
                problems.append(f"page {number}: TrimBox, BleedBox and MediaBox do not nest")
            operators = {str(op) for _, op in pikepdf.parse_content_stream(page)}
            if operators & {"rg", "RG"}:
                problems.append(f"page {number} paints in DeviceRGB")
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)) and obj.get("/ColorSpace") == "/DeviceRGB":
                problems.append(f"object {obj.objgen[0]} is in DeviceRGB")
            if isinstance(obj, pikepdf.Dictionary) and "/Encrypt" in obj:
                problems.append("the PDF is encrypted")
    return problems


def _box(value):
    return None if value is None else [float(number) for number in value]


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - 0.01 and inner[1] >= outer[1] - 0.01
            and inner[2] <= outer[2] + 0.01 and inner[3] <= outer[3] + 0.01)


def text_fills(path) -> list[tuple[str, tuple[float, ...]]]:
    """The fill colour (operator, values) each text-showing operator paints with, in content order."""
    fills = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            colour = ("g", (0.0,))
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name in ("rg", "k", "g"):
                    colour = (name, tuple(float(value) for value in operands))
                elif name in ("TJ", "Tj"):
                    fills.append(colour)
    return fills


@pytest.fixture(scope="module")
def print_shop(tmp_path_factory, example_path):
    """The example built with --print-shop by the command line, as a user runs it."""
    folder = tmp_path_factory.mktemp("print-shop")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE)
        result = CliRunner().invoke(main, ["build", str(example_path), "--out", str(folder), "--only", "cards",
                                           "--print-shop", "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    return folder / f"{example_path.stem}-cards-single.pdf", folder / f"{example_path.stem}-cards.pdf"


def test_the_single_card_pdf_is_pdf_x_4(print_shop):
    assert pdfx_problems(print_shop[0]) == []


def test_its_output_intent_is_fogra39_with_the_shipped_profile(print_shop):
    with pikepdf.open(print_shop[0]) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        assert intent.DestOutputProfile.read_bytes() == profile_bytes()


def test_it_is_still_tagged_and_dated_by_the_source_date(print_shop):
    assert structure_problems(print_shop[0]) == []
    with pikepdf.open(print_shop[0]) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20180517080000Z"
        with pdf.open_metadata() as meta:
            assert meta["xmp:CreateDate"].startswith("2018-05-17T08:00:00")


def test_black_and_grey_text_is_black_ink_alone(print_shop, example_cards):
    """Text drawn in a grey or black (R = G = B) in the office PDF is K only, as dark, in the print-shop one;
    coloured text is CMYK."""
    office, shop = text_fills(example_cards[1]["single.pdf"]), text_fills(print_shop[0])
    assert len(office) == len(shop) > 100
    greys = 0
    for (_, rgb), (operator, inks) in zip(office, shop):
        assert operator == "k"
        if len(set(rgb)) == 1:
            greys += 1
            assert inks[:3] == (0.0, 0.0, 0.0) and inks[3] == pytest.approx(1 - rgb[0], abs=1e-3)
        else:
            assert any(inks[:3])
    assert greys > 50  # the cards' body text


def test_the_office_sheets_stay_as_they_are(print_shop):
    with pikepdf.open(print_shop[1]) as pdf:
        assert "/OutputIntents" not in pdf.Root


def test_the_layout_key_asks_for_it_too(tmp_path):
    folder = tmp_path / "layouts" / "drukkerij"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("extends: default\ncards:\n  print_shop: true\n", encoding="utf-8")
    from deckgen.layout import load_layout

    _, paths = build(tmp_path / "out", token_content(2), layout=load_layout(str(folder)))
    assert pdfx_problems(paths["single.pdf"]) == []


def test_a_missing_profile_is_told_plainly():
    with pytest.raises(DeckgenError, match="missing from deckgen's installation.*reinstall"):
        profile_bytes("no-such-profile.icc")


def test_a_logo_stays_rgb_marked_as_srgb(tmp_path):
    """Pictures are not converted: the logo of buurtwerk keeps its RGB pixels, with the sRGB profile."""
    from deckgen.layout import load_layout
    from deckgen.printing import PrintOptions

    _, paths = build(tmp_path, token_content(1), layout=load_layout("buurtwerk"), options=PrintOptions(print_shop=True))
    assert pdfx_problems(paths["single.pdf"]) == []
    with pikepdf.open(paths["single.pdf"]) as pdf:
        images = [xobject for page in pdf.pages for xobject in page.Resources.get("/XObject", {}).values()
                  if xobject.get("/Subtype") == "/Image" and "/SMask" in xobject]
        assert images, "the buurtwerk cards show its logo"
        for image in images:
            space = image.ColorSpace
            assert space[0] == "/ICCBased" and int(space[1].N) == 3
