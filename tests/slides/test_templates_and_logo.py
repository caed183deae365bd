"""Building on an organisation's own PowerPoint template, and its logo."""

from __future__ import annotations

import warnings

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deck_reading import deck_text, open_deck, tables
from deckgen.layout import load_layout
from deckgen.slides.template import TemplateWarning
from slides_samples import write_layout, write_slides

DUTCH_NAMES = {"Title Slide": "Titeldia", "Title Only": "Alleen titel", "Title and Content": "Titel en object"}


def make_template(path, drop=(), slide_text="OUDE DIA"):
    """A 16:9 template from Dutch PowerPoint (layouts named in Dutch) with an example slide in it."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = slide_text
    for layout in list(prs.slide_layouts):
        if layout.name in drop:
            prs.slide_layouts.remove(layout)
        else:
            layout.name = DUTCH_NAMES.get(layout.name, layout.name)
    prs.save(path)
    return path


def template_layout(tmp_path, name="house", drop=()):
    folder = tmp_path / name
    folder.mkdir()
    make_template(folder / "huisstijl.pptx", drop=drop)
    return load_layout(str(write_layout(folder, "slides:\n  template: huisstijl.pptx\n")))


def test_template_slides_are_dropped_and_layouts_chosen_by_placeholders(example, tmp_path):
    layout = template_layout(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TemplateWarning)
        write_slides(example, layout, tmp_path / "deck.pptx")
    deck = open_deck(tmp_path / "deck.pptx")
    assert len(deck.slides) >= 10  # the overview may continue: the template gives less room
    assert "OUDE DIA" not in deck_text(deck)
    assert deck.slides[0].slide_layout.name == "Titeldia"
    analysis = [slide for slide in deck.slides if tables(slide)]
    assert all(slide.slide_layout.name == "Alleen titel" for slide in analysis)
    first_kinds = {ph.placeholder_format.type for ph in deck.slides[0].placeholders}
    assert first_kinds == {PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE}
    assert analysis[0].shapes.title.text_frame.text.endswith("Persoonlijke competentieversterking")
    assert deck.slide_width == 12192000  # the template keeps its own size
    assert sum(len(tables(s)) for s in deck.slides) == 7


def test_missing_layout_kinds_fall_back_with_a_warning(example, tmp_path):
    layout = template_layout(tmp_path, drop=("Title Slide", "Title Only"))
    with pytest.warns(TemplateWarning) as caught:
        write_slides(example, layout, tmp_path / "deck.pptx")
    messages = " ".join(str(w.message) for w in caught)
    assert "title slide" in messages and "title only" in messages
    deck = open_deck(tmp_path / "deck.pptx")
    assert len(deck.slides) >= 10  # the overview may continue: the template gives less room
    assert deck.slides[0].shapes.title is not None  # the title still goes into a title placeholder
    assert deck.slides[0].shapes.title.text_frame.text == example.title.plain
    # the body placeholder of the 'title and content' layout is not left empty on the slides
    for slide in deck.slides:
        kinds = {ph.placeholder_format.type for ph in slide.placeholders}
        assert not kinds & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}


def test_logo_on_the_title_slide_with_alt_text(example, tmp_path):
    folder = tmp_path / "withlogo"
    folder.mkdir()
    Image.new("RGB", (400, 100), (31, 78, 121)).save(folder / "logo.png")
    layout = load_layout(str(write_layout(folder, "logo: logo.png\n")))
    write_slides(example, layout, tmp_path / "deck.pptx")
    deck = open_deck(tmp_path / "deck.pptx")
    pictures = [s for s in deck.slides[0].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == "Logo"
    assert pictures[0].left + pictures[0].width <= deck.slide_width
    assert not any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for slide in list(deck.slides)[1:] for s in slide.shapes)
