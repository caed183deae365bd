"""What screen readers and accessibility checkers read in a deck: every slide's title in a title
placeholder (the outline view and PowerPoint's checker know a title by nothing else) and first in the
slide's reading order (its shape tree), alternative text on every picture, and shapes that only
decorate marked as such."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from client_decks import DECKS
from deck_reading import open_deck
from deckgen.content import load_workshop
from deckgen.layout import load_layout
from deckgen.resources import example_content
from slides_samples import write_layout, write_slides

TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def reading_order(slide) -> list:
    """The slide's shapes as a screen reader reads them: in the order of the shape tree."""
    return list(slide.shapes)


@pytest.mark.parametrize("name", list(DECKS))
def test_every_slide_title_is_a_title_placeholder_read_first(client_deck, name):
    for number, slide in enumerate(open_deck(client_deck(name)).slides, start=1):
        title = slide.shapes.title
        assert title is not None, f"slide {number} has no title placeholder"
        assert title.placeholder_format.type in TITLES
        assert title.text_frame.text.strip(), f"slide {number}'s title is empty"
        assert reading_order(slide)[0].shape_id == title.shape_id, f"slide {number}: the title is not read first"
        # no second title drawn as a text box
        assert [shape.name for shape in slide.shapes if shape.is_placeholder is False
                and shape.name.startswith("Title")] == []


@pytest.mark.parametrize("name", list(DECKS))
def test_every_picture_has_alternative_text(client_deck, name):
    """Pictures on the slides and on the masters and layouts they are built on (the logo, a template's
    own pictures, the content's pictures) all say what they show, or are marked decorative (a content
    picture without alt text)."""
    with zipfile.ZipFile(client_deck(name)) as package:
        parts = [n for n in package.namelist() if n.startswith("ppt/") and n.endswith(".xml")]
        missing = []
        for part in parts:
            xml = package.read(part)
            for pic in etree.fromstring(xml).iter(qn("p:pic")):
                c_nv_pr = pic.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}")
                decorative = any(mark.get("val") in ("1", "true") for mark in c_nv_pr.iter(DECORATIVE))
                if not (c_nv_pr.get("descr") or "").strip() and not decorative:
                    missing.append((part, c_nv_pr.get("name")))
    assert missing == []


def test_the_logo_says_whose_it_is(client_deck):
    deck = open_deck(client_deck("example-buurtwerk"))
    (logo,) = [shape for shape in deck.slides[0].shapes if shape.name == "Logo"]
    assert logo._element.nvPicPr.cNvPr.get("descr") == load_layout("buurtwerk").logo_alt == "Logo Buurtwerk Noord"


def test_the_title_is_read_first_when_the_template_lists_the_subtitle_first(tmp_path):
    """A template's title slide layout may have its subtitle before its title: the deck's title slide
    still reads the title first."""
    folder = tmp_path / "house"
    folder.mkdir()
    prs = Presentation()
    title_slide = prs.slide_layouts[0]
    tree = title_slide.shapes._spTree
    subtitle = next(ph for ph in title_slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    tree.find(qn("p:grpSpPr")).addnext(subtitle._element)
    assert list(title_slide.placeholders)[0].placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
    prs.save(folder / "huisstijl.pptx")
    layout = load_layout(str(write_layout(folder, "slides:\n  template: huisstijl.pptx\n")))
    deck = open_deck(write_slides(load_workshop(example_content()), layout, tmp_path / "deck.pptx"))
    kinds = [shape.placeholder_format.type for shape in reading_order(deck.slides[0])[:2]]
    assert kinds == [PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE]


def test_a_template_without_title_layouts_still_gets_title_placeholders(client_deck):
    """On a template whose only slide layout is blank, every title is a placeholder of the slide's own,
    where the grid puts the title, with the title's text."""
    deck = open_deck(client_deck("blank-template"))
    assert {slide.slide_layout.name for slide in deck.slides} == {"Blank"}
    overview = deck.slides[1]
    assert overview.shapes.title.text_frame.text == "7 werkmodellen"
    assert overview.shapes.title.placeholder_format.type == PP_PLACEHOLDER.TITLE
    assert overview.shapes.title.top > 0 and overview.shapes.title.width > deck.slide_width / 2


def is_decorative(shape) -> bool:
    marks = shape._element.find(f"./*/{qn('p:cNvPr')}").iter(DECORATIVE)
    return any(mark.get("val") in ("1", "true") for mark in marks)


def has_content(shape) -> bool:
    """Text, a picture or a table: what a screen reader reads or describes."""
    if shape.has_text_frame:
        return bool(shape.text_frame.text.strip())
    return shape.shape_type == MSO_SHAPE_TYPE.PICTURE or shape.has_table


@pytest.mark.parametrize("name", list(DECKS))
def test_shapes_without_content_are_marked_decorative(client_deck, name):
    """A shape with no text, no picture and no table (the title slide's rule) is only decoration: marked
    so, an accessibility checker does not ask for its alternative text and a screen reader skips it."""
    marked, unmarked = [], []
    for number, slide in enumerate(open_deck(client_deck(name)).slides, start=1):
        for shape in slide.shapes:
            if is_decorative(shape):
                marked.append((number, shape.name))
            elif not has_content(shape):
                unmarked.append((number, shape.name))
    assert unmarked == []
    if name in ("example", "french"):  # decks with the rule under the title
        assert marked == [(1, "Rule")]
