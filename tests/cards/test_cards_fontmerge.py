"""One font program per face in the card PDFs (cards/fontmerge.py): the sides' subsets replaced by one
subset of the layout's font file, with the text and its rendering unchanged."""

from __future__ import annotations

import io
from collections import defaultdict

import pypdfium2
import pytest
from pypdf import PdfReader

from cards_helpers import page_text
from deckgen.cards.fontmerge import share_fonts, widths_gids
from deckgen.cards.imposition import impose
from deckgen.cards.sheets import build_sheets, build_singles
from deckgen.cards.sides import lay_out
from deckgen.project import assemble


@pytest.fixture(scope="module")
def sides(example, default_layout):
    laid_out = lay_out(assemble(example, default_layout))
    assert not laid_out.misfits
    return laid_out, laid_out.pdfs


def singles(sides, fonts=()) -> bytes:
    laid_out, pdfs = sides
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in pdfs]
    return build_singles(readers, laid_out.seed, "Title", "nl", fonts=fonts)


def sheets(sides, fonts=()) -> bytes:
    laid_out, pdfs = sides
    grid, plan = impose(len(laid_out.cards), "A4", "long-edge", (0.0, 0.0))
    pages = [PdfReader(io.BytesIO(pdf)).pages[0] for pdf in pdfs]
    return build_sheets(pages, grid, plan, "Title", "nl", seed=laid_out.seed, fonts=fonts)


@pytest.fixture(scope="module")
def pdfs(sides, default_layout, tmp_path_factory):
    """Both card PDFs without and with merged fonts, as files."""
    folder = tmp_path_factory.mktemp("fontmerge")
    files = {}
    for kind, build in (("single", singles), ("sheets", sheets)):
        for merged, fonts in ((False, ()), (True, default_layout.fonts.files)):
            path = folder / f"{kind}-{'merged' if merged else 'plain'}.pdf"
            path.write_bytes(build(sides, fonts))
            files[kind, merged] = path
    return files


def programs_by_face(path) -> dict[str, set[int]]:
    """Each /FontName's embedded program streams (object numbers)."""
    reader = PdfReader(path)
    found = defaultdict(set)
    for number in range(1, reader.trailer["/Size"]):
        obj = reader.get_object(number)
        if isinstance(obj, dict) and obj.get("/Type") == "/FontDescriptor":
            found[str(obj["/FontName"])].add(obj.raw_get("/FontFile2").idnum)
    return found


@pytest.mark.parametrize("kind", ["single", "sheets"])
def test_each_face_is_embedded_once(pdfs, kind):
    plain, merged = programs_by_face(pdfs[kind, False]), programs_by_face(pdfs[kind, True])
    assert set(plain) == set(merged) and len(merged) >= 3  # regular, bold, italic
    assert all(len(programs) > 1 for programs in plain.values())  # one a side before
    assert all(len(programs) == 1 for programs in merged.values())


@pytest.mark.parametrize("kind", ["single", "sheets"])
def test_text_is_unchanged(pdfs, kind):
    text = page_text(pdfs[kind, True])
    assert text == page_text(pdfs[kind, False])
    assert all(letter in " ".join(text) for letter in "éëï")  # composite glyphs: their accents kept


@pytest.mark.parametrize("kind", ["single", "sheets"])
def test_rendering_is_unchanged(pdfs, kind):
    plain, merged = (pypdfium2.PdfDocument(pdfs[kind, flag]) for flag in (False, True))
    for index in range(len(plain)):
        before = plain[index].render(scale=1.5).to_pil().tobytes()
        assert merged[index].render(scale=1.5).to_pil().tobytes() == before, f"page {index + 1}"


@pytest.mark.parametrize("kind", ["single", "sheets"])
def test_file_is_much_smaller(pdfs, kind):
    assert pdfs[kind, True].stat().st_size < 0.7 * pdfs[kind, False].stat().st_size


def test_every_drawn_glyph_is_in_the_shared_program(pdfs):
    from fontTools.ttLib import TTFont

    reader = PdfReader(pdfs["sheets", True])
    for number in range(1, reader.trailer["/Size"]):
        font = reader.get_object(number)
        if isinstance(font, dict) and font.get("/Subtype") == "/CIDFontType2":
            program = TTFont(io.BytesIO(font["/FontDescriptor"]["/FontFile2"].get_data()))
            order, glyf = program.getGlyphOrder(), program["glyf"]
            for gid in widths_gids(font["/W"]) - {0}:
                glyph = glyf[order[gid]]
                assert glyph.numberOfContours != 0 or program["hmtx"][order[gid]][0] > 0


def test_merged_builds_are_byte_identical(sides, default_layout):
    fonts = default_layout.fonts.files
    assert singles(sides, fonts) == singles(sides, fonts)
    assert sheets(sides, fonts) == sheets(sides, fonts)


def test_singles_keep_their_tags(pdfs):
    root = PdfReader(pdfs["single", True]).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and len(root["/StructTreeRoot"]["/K"][0]["/K"]) > 1


def test_faces_without_their_font_file_keep_their_subsets(sides, default_layout):
    regular = [path for path in default_layout.fonts.files if "Regular" in str(path)]
    assert len(regular) == 1
    programs = programs_by_face(io.BytesIO(singles(sides, regular)))
    merged = {name for name, numbers in programs.items() if len(numbers) == 1}
    assert merged == {name for name in programs if name.endswith("+Calibri")}


def test_no_font_files_change_nothing(sides):
    from pypdf import PdfWriter

    def written(writer) -> bytes:
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue()

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(singles(sides))))
    before = written(writer)
    share_fonts(writer, ())
    assert written(writer) == before
