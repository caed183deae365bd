"""What every slide carries besides its content: the footer, the slide number, speaker notes."""

from __future__ import annotations

import uuid

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.inline import plain
from deckgen.slides.geometry import Grid
from deckgen.slides.measure import Insets, Para
from deckgen.slides.style import Style
from deckgen.slides.text import setup_frame, write_paras

NO_INSETS = Insets(0, 0, 0, 0)


def footer_size(style: Style) -> float:
    return style.layout.slides.min_font_size


def add_footer(slide, grid: Grid, style: Style, number: int | None) -> None:
    """The layout's footer at the bottom left, the slide number (a live field) at the bottom right."""
    box = grid.footer
    size = footer_size(style)
    if style.layout.footer:
        shape = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.w * 0.75), Pt(box.h))
        shape.name = "Footer"
        setup_frame(shape.text_frame, NO_INSETS, "bottom")
        write_paras(shape.text_frame, [Para(plain(style.layout.footer), size, color="primary")], style)
    if number is not None:
        width = 4 * grid.unit
        shape = slide.shapes.add_textbox(Pt(box.right - width), Pt(box.y), Pt(width), Pt(box.h))
        shape.name = "Slide number"
        setup_frame(shape.text_frame, NO_INSETS, "bottom")
        write_paras(shape.text_frame, [Para(plain(str(number)), size, color="primary", align="right")],
                    style)
        _make_field(shape.text_frame.paragraphs[0], number)


def _make_field(paragraph, number: int) -> None:
    """Turn the paragraph's one run into a slide-number field that office suites keep up to date."""
    run = paragraph._p.find(qn("a:r"))
    field = etree.Element(qn("a:fld"))
    field.set("id", "{%s}" % str(uuid.uuid5(uuid.NAMESPACE_URL, f"deckgen-slide-{number}")).upper())
    field.set("type", "slidenum")
    for child in list(run):
        field.append(child)
    run.addprevious(field)
    run.getparent().remove(run)


def add_notes(slide, notes: str) -> None:
    if notes.strip():
        slide.notes_slide.notes_text_frame.text = notes.strip()
