"""Shapes every slide kind uses: a slide with its title in the title placeholder, text boxes."""

from __future__ import annotations

from pptx.util import Pt

from deckgen.slides.context import TITLE_INSETS, Context
from deckgen.slides.geometry import Box
from deckgen.slides.measure import Insets, Para
from deckgen.slides.template import TITLES, Layouts, new_slide, placeholder
from deckgen.slides.text import setup_frame, write_paras


def place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h)


def titled_slide(prs, layouts: Layouts, ctx: Context, paras: list[Para]):
    """A slide on the title-only layout with ``paras`` as its title, placed on the deck's grid."""
    slide = new_slide(prs, layouts.title_only, keep=TITLES)
    put_title(slide, ctx, paras, ctx.grid.title)
    return slide


def put_title(slide, ctx: Context, paras: list[Para], box: Box, kinds=TITLES, name: str = "Title"):
    """The title placeholder (so the master styles it) when the slide has one, else a text box."""
    shape = placeholder(slide, kinds)
    if shape is None:
        shape = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
        shape.name = name
    place(shape, box)
    setup_frame(shape.text_frame, TITLE_INSETS, "middle")
    write_paras(shape.text_frame, paras, ctx.style)
    return shape


def text_box(slide, ctx: Context, box: Box, paras: list[Para], insets: Insets, name: str,
             fill: str | None = None, anchor: str = "top"):
    shape = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
    shape.name = name
    setup_frame(shape.text_frame, insets, anchor)
    if fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = ctx.style.color(fill)
    write_paras(shape.text_frame, paras, ctx.style)
    return shape
