"""The cards of real content, written and read back: page boxes, text, duplex placement, offsets, A3."""

from __future__ import annotations

from collections import Counter

import pytest
from pypdf import PdfReader

from cards_helpers import PT, boxes_mm, build, page_text, slot_texts, word_positions
from deckgen.cards.imposition import impose
from deckgen.cards.sheets import build_sheets
from deckgen.printing import PrintOptions


def _all_strings(workshop):
    texts = [workshop.title, workshop.subtitle, workshop.venue, *workshop.sources, *workshop.questions]
    for model in workshop.models:
        texts += [model.name, *model.summary, *model.examples, *model.strengths, *model.weaknesses,
                  *model.preconditions, *model.questions]
    strings = [text.plain for text in texts if text] + list(workshop.authors)
    return [" ".join(s.split()) for s in strings]


def test_single_cards_are_a6_with_bleed_and_trim_box(example_cards):
    workshop, paths = example_cards
    reader = PdfReader(paths["single.pdf"])
    assert len(reader.pages) == 2 * (1 + len(workshop.models) + len(workshop.questions))
    for index in (0, 1, len(reader.pages) - 1):
        # the page: the card, 3 mm bleed, and a 6 mm slug around it for the crop marks (test_cards_slug.py)
        assert boxes_mm(paths["single.pdf"], index) == {
            "media": (123.0, 166.0), "trim": (105.0, 148.0), "bleed": (111.0, 154.0)}
    trim, bleed = reader.pages[0].trimbox, reader.pages[0].bleedbox
    assert round(float(trim.left - bleed.left) * PT, 1) == 3.0
    assert round(float(trim.bottom - bleed.bottom) * PT, 1) == 3.0


def test_sheets_are_a4_with_four_cards_each(example_cards):
    workshop, paths = example_cards
    cards = 1 + len(workshop.models)
    reader = PdfReader(paths["sheets.pdf"])
    assert len(reader.pages) == 2 * -(-cards // 4)
    assert boxes_mm(paths["sheets.pdf"])["media"] == (210.0, 297.0)


def test_every_content_string_is_on_the_cards(example_cards):
    workshop, paths = example_cards
    singles = " ".join(page_text(paths["single.pdf"]))
    sheets = " ".join(slot_texts(paths["sheets.pdf"]))
    for string in _all_strings(workshop):
        assert string in singles, string
        assert string in sheets, string


def test_fonts_are_the_layouts_and_embedded(example_cards, default_layout):
    _, paths = example_cards
    reader = PdfReader(paths["single.pdf"])
    fonts = set()
    for page in reader.pages[:4]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(key in descriptor.get_object() for key in ("/FontFile2", "/FontFile3", "/FontFile"))
    # WeasyPrint names the embedded (Carlito) files after the layout's family, Calibri
    assert fonts and all(default_layout.fonts.body in name for name in fonts)


def test_singles_are_tagged_with_language_and_title(example_cards):
    workshop, paths = example_cards
    reader = PdfReader(paths["single.pdf"])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl-NL"  # the same tag as the deck
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == workshop.title.plain


def test_html_preview_has_every_card_and_no_scripts(example_cards):
    workshop, paths = example_cards
    html = paths["cards.html"].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert html.count('class="side ') == 2 * (1 + len(workshop.models))
    assert "@font-face" in html and 'lang="nl-NL"' in html
    assert "Persoonlijk netwerk" in html


def _slot(x: float, y: float) -> tuple[int, int]:
    return int(x // 105), int(y // 148.5)


def _front_and_back(positions, n):
    (front,) = positions[f"Summaryword{n}"]
    (back,) = positions[f"Backword{n}"]
    return front, back


def test_long_edge_backs_mirror_the_columns(token_cards):
    _, paths = token_cards
    positions = word_positions(paths["sheets.pdf"])
    for n in range(1, 6):
        front, back = _front_and_back(positions, n)
        assert back[0] == front[0] + 1  # the sheet right after
        column, row = _slot(front[1], front[2])
        assert _slot(back[1], back[2]) == (1 - column, row)


def _impose(paths, workshop, **options):
    singles = paths["single.pdf"].read_bytes()
    cards = len(PdfReader(paths["single.pdf"]).pages) // 2
    layout, sheets = impose(cards, options.get("paper", "A4"), options.get("duplex", "long-edge"),
                            options.get("back_offset", (0.0, 0.0)))
    return build_sheets(singles, layout, sheets, workshop.title.plain, workshop.language)


def test_short_edge_backs_mirror_the_rows(token_cards, tmp_path):
    workshop, paths = token_cards
    target = tmp_path / "short.pdf"
    target.write_bytes(_impose(paths, workshop, duplex="short-edge"))
    positions = word_positions(target)
    for n in range(1, 6):
        front, back = _front_and_back(positions, n)
        assert back[0] == front[0] + 1
        column, row = _slot(front[1], front[2])
        assert _slot(back[1], back[2]) == (column, 1 - row)


def test_no_duplex_prints_all_fronts_then_all_backs(token_cards, tmp_path):
    workshop, paths = token_cards
    target = tmp_path / "none.pdf"
    target.write_bytes(_impose(paths, workshop, duplex="none"))
    positions = word_positions(target)
    sheets = len(PdfReader(target).pages) // 2
    for n in range(1, 6):
        front, back = _front_and_back(positions, n)
        assert front[0] < sheets <= back[0]
        assert _slot(back[1], back[2]) == _slot(front[1], front[2])


def test_back_offset_moves_the_backs_by_millimetres(token_cards, tmp_path):
    workshop, paths = token_cards
    target = tmp_path / "offset.pdf"
    target.write_bytes(_impose(paths, workshop, back_offset=(2.0, -1.5)))
    plain, moved = word_positions(paths["sheets.pdf"]), word_positions(target)
    for n in range(1, 6):
        (front_a, back_a), (front_b, back_b) = _front_and_back(plain, n), _front_and_back(moved, n)
        assert front_a == pytest.approx(front_b, abs=0.01)
        assert back_b[1] - back_a[1] == pytest.approx(2.0, abs=0.05)
        assert back_b[2] - back_a[2] == pytest.approx(-1.5, abs=0.05)


def test_cards_are_clipped_to_their_trim_box(token_cards):
    _, paths = token_cards
    reader = PdfReader(paths["sheets.pdf"])
    page = reader.pages[0]
    for xobject in page["/Resources"]["/XObject"].values():
        bbox = [round(float(v) * PT, 1) for v in xobject.get_object()["/BBox"]]
        assert bbox[2] - bbox[0] == 105.0 and bbox[3] - bbox[1] == 148.0


def test_a3_options_through_the_cards_builder(tmp_path):
    from cards_helpers import token_content

    workshop, paths = build(tmp_path, token_content(8),
                            options=PrintOptions(paper="A3", duplex="short-edge", back_offset=(1.0, 0.0)))
    reader = PdfReader(paths["sheets.pdf"])
    assert boxes_mm(paths["sheets.pdf"])["media"] == (420.0, 297.0)
    cards = 1 + 8 + 1
    assert len(reader.pages) == 2 * -(-cards // 8)
    per_page = Counter(index for word, hits in word_positions(paths["sheets.pdf"]).items()
                       if word.startswith("Summaryword") for index, _, _ in hits)
    assert per_page[0] == 7  # the cover, then seven models on the first sheet
    positions = word_positions(paths["sheets.pdf"])
    front, back = _front_and_back(positions, 1)  # second slot of the first row
    assert int(front[1] // 105) == 1
    assert int((back[1] - 1.0) // 105) == 2  # short edge of a landscape sheet mirrors the columns
