"""The card PDFs of an untagged deck assembled in blocks with pikepdf (cards/blocks.py): the same pages as
the whole assembly with pypdf draws, one font program per face, and after an edit only the changed card's
block assembled again, into the bytes a cold build writes.

Small decks are tagged and assembled whole; these tests make a small deck untagged (TAG_LIMIT 0) and cut
it into blocks of one sheet (BLOCK_CARDS 4), so that a few cards are several blocks."""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict

import pikepdf
import pypdfium2
import pytest
from pypdf import PdfReader

from cards_helpers import page_text
from deckgen.build import build
from deckgen.cards import blocks, sides
from deckgen.cards.imposition import impose
from deckgen.cards.sheets import build_sheets, build_singles
from deckgen.printing import PrintOptions
from deckgen.project import CACHE_DIR, Request, open_project
from fixtures.layout_folders import layout_folder


def content(models: int = 6, changed: int | None = None) -> str:
    lines = ["language: nl", "title: Blokken", "authors: [Ann Smith]", "date: 2024-03-01", "models:"]
    for n in range(1, models + 1):
        strength = "Gewijzigde sterkte" if n == changed else "Een sterkte"
        lines += [f"  - name: Model {n}", f"    summary: [Samenvatting van model {n}, één café]",
                  "    examples: [Een voorbeeld]", f"    strengths: [{strength}, Nog een sterkte]",
                  "    weaknesses: [Een zwakte]", "    preconditions: [Een voorwaarde]"]
    lines += ["questions: [Welke kies je?]"]
    return "\n".join(lines) + "\n"


CARDS = 1 + 6 + 1  # cover, six models, one question: two blocks of four cards


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(sides, "TAG_LIMIT", 0)
    monkeypatch.setattr(blocks, "BLOCK_CARDS", 4)


def digests(paths) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def run(source, out, **options) -> dict[str, str]:
    return digests(build(Request(content=source, out_dir=out, only=("cards",), workers=1, **options)))


@pytest.fixture
def assembled_blocks(monkeypatch):
    """The first side of every block assembled (not taken from the cache), build after build."""
    built: list[int] = []
    original = blocks.build_block

    def counting(pdfs, grid, sheets, originals):
        built.append(len(pdfs))
        return original(pdfs, grid, sheets, originals)

    monkeypatch.setattr(blocks, "build_block", counting)
    return built


def rendered(data: bytes) -> list[bytes]:
    document = pypdfium2.PdfDocument(data)
    return [document[index].render(scale=1).to_pil().tobytes() for index in range(len(document))]


@pytest.mark.parametrize("duplex", ["long-edge", "none"])
def test_blocks_draw_what_the_whole_assembly_draws(tmp_path, duplex):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    project = open_project(Request(content=source, out_dir=tmp_path))
    laid_out = sides.lay_out(project)
    assert not laid_out.tagged and len(laid_out.cards) == CARDS
    grid, plan = impose(CARDS, "A4", duplex, (1.0, -0.5))
    fonts = project.layout.fonts.files
    singles, sheets = blocks.assemble(laid_out.pdfs, grid, plan, fonts, "Blokken", "nl-NL", None,
                                      lambda block, relative, make: make())
    readers = laid_out.readers()
    whole_singles = build_singles(readers, laid_out.seed, "Blokken", "nl-NL", fonts=fonts)
    whole_sheets = build_sheets([reader.pages[0] for reader in readers], grid, plan, "Blokken", "nl-NL",
                                seed=laid_out.seed, fonts=fonts)
    assert rendered(singles) == rendered(whole_singles)
    assert rendered(sheets) == rendered(whole_sheets)
    for ours, theirs in ((singles, whole_singles), (sheets, whole_sheets)):
        ours_reader, theirs_reader = PdfReader(io.BytesIO(ours)), PdfReader(io.BytesIO(theirs))
        assert [page.extract_text() for page in ours_reader.pages] == [page.extract_text()
                                                                      for page in theirs_reader.pages]
        for box in ("mediabox", "trimbox", "bleedbox"):
            assert [list(getattr(page, box)) for page in ours_reader.pages] == \
                   [list(getattr(page, box)) for page in theirs_reader.pages]
        assert ours_reader.metadata.title == "Blokken" and ours_reader.trailer["/Root"]["/Lang"] == "nl-NL"


def test_each_face_is_one_program_holding_every_drawn_glyph(tmp_path):
    from fontTools.ttLib import TTFont

    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    run(source, tmp_path / "out")
    for name in ("w-cards-single.pdf", "w-cards.pdf"):
        with pikepdf.open(tmp_path / "out" / name) as pdf:
            programs, fonts = defaultdict(set), defaultdict(set)
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/Type0":
                    fonts[str(obj.BaseFont)].add(obj.objgen)
                if isinstance(obj, pikepdf.Stream):
                    assert "/DeckgenPlaceholder" not in obj  # a block's placeholder never reaches a document
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/CIDFontType2":
                    descriptor = obj.FontDescriptor
                    programs[str(descriptor.FontName)].add(descriptor.FontFile2.objgen)
                    font = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
                    order, glyf = font.getGlyphOrder(), font["glyf"]
                    widths = [[int(value) for value in item] if isinstance(item, pikepdf.Array) else int(item)
                              for item in obj.W]
                    from deckgen.cards.fontmerge import widths_gids

                    for gid in widths_gids(widths) - {0}:
                        assert glyf[order[gid]].numberOfContours != 0 or font["hmtx"][order[gid]][0] > 0
            assert len(programs) >= 3 and all(len(found) == 1 for found in programs.values())
            assert len(fonts) == len(programs) and all(len(found) == 1 for found in fonts.values())
    assert any("één café" in text for text in page_text(tmp_path / "out" / "w-cards-single.pdf"))


def test_an_edit_assembles_only_its_block_again_into_the_cold_builds_bytes(tmp_path, assembled_blocks):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    first = run(source, tmp_path / "out", cache=True)
    assert len(assembled_blocks) == 2
    assert run(source, tmp_path / "out", cache=True) == first and len(assembled_blocks) == 2  # copied whole
    source.write_text(content(changed=6), encoding="utf-8")  # model 6: card 7, in the second block
    edited = run(source, tmp_path / "out", cache=True)
    assert len(assembled_blocks) == 3 and edited != first
    assert any("Gewijzigde sterkte" in text for text in page_text(tmp_path / "out" / "w-cards-single.pdf"))
    assert any("Gewijzigde sterkte" in text for text in page_text(tmp_path / "out" / "w-cards.pdf"))
    assert run(source, tmp_path / "cold") == edited  # no cache: every block assembled anew
    assert len(list((tmp_path / "out" / CACHE_DIR / "w").glob("*.block"))) == 2  # the stale block pruned


def test_other_sheets_assemble_every_block_again(tmp_path, assembled_blocks):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    run(source, tmp_path / "out", cache=True)
    on_a3 = run(source, tmp_path / "out", cache=True, print_options=PrintOptions(paper="A3"))
    assert len(assembled_blocks) == 2 + 1  # eight cards a sheet: one block
    assert on_a3 == run(source, tmp_path / "cold", print_options=PrintOptions(paper="A3"))
    assert len(PdfReader(tmp_path / "out" / "w-cards.pdf").pages) == 2


def test_a_changed_layout_assembles_every_block_again(tmp_path, assembled_blocks):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    layout = layout_folder(tmp_path, "mine", 'extends: default\ncolors:\n  primary: "#112233"\n')
    run(source, tmp_path / "out", cache=True, layout=str(layout))
    (layout / "layout.yaml").write_text('extends: default\ncolors:\n  primary: "#445566"\n', encoding="utf-8")
    relaid = run(source, tmp_path / "out", cache=True, layout=str(layout))
    assert len(assembled_blocks) == 4
    assert relaid == run(source, tmp_path / "cold", layout=str(layout))


def test_a_damaged_block_is_assembled_again(tmp_path, assembled_blocks):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    first = run(source, tmp_path / "out", cache=True)
    cache = tmp_path / "out" / CACHE_DIR / "w"
    for entry in cache.glob("*.assembled"):
        entry.unlink()  # so that the blocks are looked at
    damaged = sorted(cache.glob("*.block"))[0]
    data = bytearray(damaged.read_bytes())
    data[-100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    assert run(source, tmp_path / "out", cache=True) == first
    assert len(assembled_blocks) == 3


def test_a_source_date_gives_the_same_bytes_and_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = tmp_path / "w.yaml"
    source.write_text(content(models=2), encoding="utf-8")
    first = run(source, tmp_path / "one")
    assert run(source, tmp_path / "two") == first
    for name in ("w-cards-single.pdf", "w-cards.pdf"):
        info = PdfReader(tmp_path / "one" / name).metadata
        assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"
