"""The bundled example, built and read back as a user would check it in PowerPoint."""

from __future__ import annotations

import pytest
from pptx.util import Emu

from deck_reading import deck_text, fold, open_deck, slide_number_field, slide_texts, tables, title_of
from deckgen.labels import long_date, resolve_labels
from slides_samples import check_slides


@pytest.fixture(scope="module")
def deck(example_build):
    return open_deck(example_build.deck)


@pytest.fixture(scope="module")
def labels(example, default_layout):
    return resolve_labels(example.language, default_layout.labels, example.labels)


def test_slide_order_title_overview_seven_analyses_sources(deck, example, labels):
    slides = list(deck.slides)
    assert len(slides) == 10
    assert fold(title_of(slides[0])) == example.title.plain
    assert title_of(slides[1]) == "7 werkmodellen"
    for slide, model in zip(slides[2:9], example.models):
        assert model.title.plain in title_of(slide)
        assert title_of(slide).startswith(str(model.number))
    assert title_of(slides[9]) == labels.sources == "Bronnen"


def test_title_slide_has_authors_on_one_line_venue_and_long_date(deck, example):
    paragraphs = [fold(p.text) for s in deck.slides[0].shapes if s.has_text_frame
                  for p in s.text_frame.paragraphs]
    assert ", ".join(example.authors) in paragraphs
    assert long_date(example.date, "nl") == "17 mei 2018"
    assert "17 mei 2018" in paragraphs
    assert example.venue.plain in paragraphs
    assert example.subtitle.plain in paragraphs


def test_overview_tiles_are_numbered_with_summary_and_examples(deck, example):
    text = fold(" ".join(slide_texts(deck.slides[1])))
    for model in example.models:
        assert f"{model.number} {model.name.plain}" in text
        for item in model.summary:
            assert item.plain in text
        assert "Bv. " + ", ".join(e.plain for e in model.examples) in text


def test_seven_native_tables_with_header_labels(deck, labels):
    found = [t for slide in deck.slides for t in tables(slide)]
    assert len(found) == 7
    for table in found:
        assert len(table.columns) == 2
        header = [fold(c.text_frame.text) for c in table.rows[0].cells]
        assert labels.strengths in header[0] and labels.weaknesses in header[1]
        # a non-colour cue: the lists' symbols stand in the headers
        assert header[0].startswith("+") and header[1].startswith("\u2212")


def test_preconditions_row_is_merged_and_starts_bold_on_six_tables(deck, example):
    with_row = 0
    for slide, model in zip(list(deck.slides)[2:9], example.models):
        (table,) = tables(slide)
        last = table.rows[len(table.rows) - 1]
        first_cell = last.cells[0]
        if model.preconditions:
            with_row += 1
            assert len(table.rows) == 3
            assert first_cell.is_merge_origin and last.cells[1].is_spanned
            runs = first_cell.text_frame.paragraphs[0].runs
            assert runs[0].text.strip() == "RANDVOORWAARDEN:" and runs[0].font.bold
            assert "; ".join(p.plain for p in model.preconditions) in fold(first_cell.text_frame.text)
        else:
            assert len(table.rows) == 2
            assert not first_cell.is_merge_origin
            assert "RANDVOORWAARDEN" not in fold(" ".join(slide_texts(slide)))
    assert with_row == 6


def test_every_content_string_is_in_the_deck(deck, example):
    text = deck_text(deck)
    strings = [example.title, example.subtitle, example.venue, *example.sources]
    for model in example.models:
        strings += [model.name, model.title, *model.summary, *model.examples, *model.strengths,
                    *model.weaknesses, *model.preconditions]
    missing = [s.plain for s in strings if fold(s.plain) not in text]
    assert missing == []
    assert all(author in text for author in example.authors)


def test_slide_numbers_on_every_slide_but_the_title(deck):
    numbers = [slide_number_field(slide) for slide in deck.slides]
    assert numbers[0] is None
    assert numbers[1:] == [str(n) for n in range(2, 11)]


def test_citation_title_is_an_italic_run_with_hanging_indent(deck):
    closing = deck.slides[9]
    runs = [r for s in closing.shapes if s.has_text_frame and s != closing.shapes.title
            for p in s.text_frame.paragraphs for r in p.runs]
    italic = [r.text for r in runs if r.font.italic]
    assert any(t.startswith("Persoonlijke netwerkversterking bij mensen in armoede") for t in italic)
    assert not any(r.font.italic for r in runs if r.text.startswith("Kostet"))
    paragraph = next(p for s in closing.shapes if s.has_text_frame and s != closing.shapes.title
                     for p in s.text_frame.paragraphs if p.runs and p.runs[0].text.startswith("Kostet"))
    pPr = paragraph._p.pPr
    assert int(pPr.get("marL")) > 0 and int(pPr.get("indent")) == -int(pPr.get("marL"))


def test_size_is_16_9(deck):
    assert (Emu(deck.slide_width).inches, Emu(deck.slide_height).inches) == pytest.approx((13.333, 7.5), abs=0.01)


def test_every_run_has_the_layout_fonts_and_the_language(deck, default_layout):
    names = {default_layout.fonts.heading, default_layout.fonts.body}
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [c.text_frame for row in shape.table.rows for c in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.name in names, run.text
                        assert run._r.rPr.get("lang") == "nl-NL"
    assert deck.core_properties.language == "nl-NL"


def test_tables_fit_above_the_footer_with_explicit_row_heights(deck):
    for slide in list(deck.slides)[2:9]:
        shape = next(s for s in slide.shapes if s.has_table)
        heights = [row.height for row in shape.table.rows]
        assert all(h > 0 for h in heights)
        assert shape.top + sum(heights) <= deck.slide_height - Emu(914400 * 0.5)


def test_core_properties_name_the_workshop(deck, example):
    assert deck.core_properties.title == example.title.plain
    assert deck.core_properties.author == ", ".join(example.authors)


def test_check_finds_nothing_wrong_with_the_example(example, default_layout):
    assert check_slides(example, default_layout) == []
