"""Other content and layouts: many models, French, one model, splitting, refusing, 4:3, identity."""

from __future__ import annotations

import hashlib
import zipfile

import pytest
from pptx.util import Emu

from deck_reading import deck_text, fold, open_deck, slide_texts, tables, title_of
from deckgen.content import load_workshop
from deckgen.errors import DoesNotFit
from deckgen.layout import load_layout
from slides_samples import (
    check_slides,
    french_content,
    impossible_content,
    long_model_content,
    small_content,
    write_layout,
    write_slides,
)


def build(workshop, layout, path):
    write_slides(workshop, layout, path)
    return open_deck(path)


def test_twelve_english_models_continue_the_overview(write_content, default_layout, tmp_path, english_content):
    workshop = load_workshop(write_content(english_content(12)))
    deck = build(workshop, default_layout, tmp_path / "en.pptx")
    titles = [title_of(s) for s in deck.slides]
    overview = [t for t in titles if t.startswith("12 work models")]
    assert len(overview) >= 2 and overview[1] == "12 work models (continued)"
    assert sum(len(tables(s)) for s in deck.slides) == 12
    text = deck_text(deck)
    for number in range(1, 13):
        assert f"{number} Model number {number} for building networks" in text
    header = [fold(c.text_frame.text) for c in tables(deck.slides[len(overview) + 1])[0].rows[0].cells]
    assert "Strengths and opportunities" in header[0] and "Weaknesses and threats" in header[1]
    assert "PRECONDITIONS: Good coaching; Recognition of volunteers" in text
    assert titles[-1] == "Sources"
    assert check_slides(workshop, default_layout) == []


def test_french_long_text_builds_with_notes_and_language(write_content, default_layout, tmp_path):
    workshop = load_workshop(write_content(french_content()))
    deck = build(workshop, default_layout, tmp_path / "fr.pptx")
    text = deck_text(deck)
    assert "1er octobre 2023" in text
    assert "CONDITIONS PRÉALABLES :" in text  # French punctuation: a non-breaking space before ':' and ';'
    assert "Élodie Lefèvre, François Dubœuf, Chloé Nguyễn" in text
    analysis = [s for s in deck.slides if tables(s)]
    assert len(analysis) == 5
    rows = tables(analysis[0])[0].rows
    preconditions = rows[len(rows) - 1].cells[0].text_frame.text
    assert preconditions.startswith("CONDITIONS PRÉALABLES\u00a0: ")
    assert "\u00a0; reconnaissance des bénévoles\u00a0; remboursement des frais" in preconditions
    assert all(s.notes_slide.notes_text_frame.text == "Rappeler les exemples du matin." for s in analysis)
    run = analysis[0].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run._r.rPr.get("lang") == "fr-FR"


def test_one_model_and_a_model_without_analysis(write_content, default_layout, tmp_path):
    workshop = load_workshop(write_content(small_content()))
    deck = build(workshop, default_layout, tmp_path / "small.pptx")
    titles = [title_of(s) for s in deck.slides]
    assert titles == ["Small", "2 work models", "2 With analysis"]  # no sources: no closing slide
    (table,) = tables(deck.slides[2])
    assert len(table.rows) == 2  # header and lists, no preconditions row
    assert deck.slides[2].notes_slide.notes_text_frame.text == "Say something nice."
    assert "Only a summary" in " ".join(slide_texts(deck.slides[1]))


def test_a_long_analysis_continues_on_further_slides(write_content, default_layout, tmp_path):
    workshop = load_workshop(write_content(long_model_content(30)))
    (note,) = check_slides(workshop, default_layout)  # no error, and one note that says what was shrunk
    assert note.level == "note" and note.key_path == "models[0].weaknesses"  # the list with more text
    assert note.message.startswith("slide 3 'Een model met heel veel punten': set at ")
    assert note.message.endswith(" pt instead of 22 pt so that the analysis fits 4 slides")
    deck = build(workshop, default_layout, tmp_path / "long.pptx")
    analysis = [s for s in deck.slides if tables(s)]
    assert len(analysis) >= 2
    assert title_of(analysis[1]).endswith("Een model met heel veel punten (vervolg)")
    text = deck_text(deck)
    for i in range(30):
        assert f"Sterkte nummer {i} met" in text and f"Zwakte nummer {i} met" in text
    assert text.count("RANDVOORWAARDEN:") == 1
    assert all(s.notes_slide.notes_text_frame.text == "Neem je tijd." for s in analysis)


def test_text_that_cannot_fit_is_refused_naming_the_slide(write_content, default_layout, tmp_path):
    workshop = load_workshop(write_content(impossible_content()))
    (problem,) = check_slides(workshop, default_layout)
    assert problem.key_path == "models[0].strengths"
    assert problem.message.startswith("slide 3 'Het model': the analysis table needs")
    assert "12 pt" in problem.message and " cm but " in problem.message
    target = tmp_path / "never.pptx"
    with pytest.raises(DoesNotFit, match=r"model 1 'Het model', strengths: slide 3 'Het model'"):
        write_slides(workshop, default_layout, target)
    assert not target.exists()


def test_4_3_layout(example, tmp_path):
    layout = load_layout(str(write_layout(tmp_path / "square", 'slides:\n  size: "4:3"\n')))
    deck = build(example, layout, tmp_path / "square.pptx")
    assert (Emu(deck.slide_width).inches, Emu(deck.slide_height).inches) == pytest.approx((10, 7.5))
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left + shape.width <= deck.slide_width
    assert sum(len(tables(s)) for s in deck.slides) == 7


def test_colours_and_fonts_come_only_from_the_layout(example, tmp_path):
    layout = load_layout(str(write_layout(tmp_path / "house", """\
        colors:
          primary: "#123456"
          accent: "#654321"
          text: "#010203"
          background: "#FEFEFE"
          strengths: "#00FF00"
          weaknesses: "#FF00FF"
        fonts:
          heading: Kop Sans
          body: Romp Serif
        footer: Buurtwerk Noord
        """)))
    target = tmp_path / "house.pptx"
    write_slides(example, layout, target)
    with zipfile.ZipFile(target) as package:
        slides = "".join(package.read(n).decode() for n in package.namelist()
                         if n.startswith("ppt/slides/slide"))
    assert "1F4E79" not in slides and "BD5610" not in slides and "Calibri" not in slides
    assert 'typeface="Kop Sans"' in slides and 'typeface="Romp Serif"' in slides
    assert "00FF00" in slides and "FF00FF" in slides and "123456" in slides
    deck = open_deck(target)
    assert all("Buurtwerk Noord" in slide_texts(slide) for slide in deck.slides)


def test_two_builds_are_byte_identical(example, default_layout, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    write_slides(example, default_layout, first)
    write_slides(example, default_layout, second)
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1526515200")  # 2018-05-17
    third = tmp_path / "c.pptx"
    write_slides(example, default_layout, third)
    assert open_deck(third).core_properties.modified.date().isoformat() == "2018-05-17"
    with zipfile.ZipFile(third) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2018, 5, 17)}
        assert package.namelist()[0] == "[Content_Types].xml"
