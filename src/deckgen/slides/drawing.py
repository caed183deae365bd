"""Shapes every slide kind uses: a slide with its title in a title placeholder, read first; text boxes."""

from __future__ import annotations

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.util import Pt

from deckgen.slides.context import TITLE_INSETS, Context
from deckgen.slides.geometry import Box
from deckgen.slides.measure import Insets, Para
from deckgen.slides.template import TITLES, Layouts, new_slide, placeholder
from deckgen.slides.text import setup_frame, write_paras


def place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h)


# Office's mark for a shape that only decorates (Office 2019 and later): accessibility checkers do not ask
# for its alternative text and screen readers skip it; other clients ignore the extension.
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def titled_slide(prs, layouts: Layouts, ctx: Context, paras: list[Para]):
    """A slide on the title-only layout with ``paras`` as its title, placed on the deck's grid."""
    slide = new_slide(prs, layouts.title_only, keep=TITLES)
    put_title(slide, ctx, paras, ctx.grid.title)
    return slide


def put_title(slide, ctx: Context, paras: list[Para], box: Box, kinds=TITLES, name: str = "Title"):
    """The slide's placeholder of ``kinds`` (so the master styles it), else a text box; a title always
    goes into a title placeholder (one is added when the slide layout has none: screen readers, the
    outline view and PowerPoint's accessibility checker know a slide's title only by it) and comes
    first in the slide's reading order (the order of its shape tree)."""
    shape = placeholder(slide, kinds)
    if shape is None and kinds & TITLES:
        shape = _add_title_placeholder(slide, name)
    elif shape is None:
        shape = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
        shape.name = name
    if kinds & TITLES:
        _read_first(slide, shape)
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


def _add_title_placeholder(slide, name: str):
    """A title placeholder of the slide's own, for a slide layout without one: PowerPoint and
    LibreOffice style it from the slide master's title, and deckgen sets its place and its text."""
    shapes = slide.shapes
    sp = CT_Shape.new_placeholder_sp(shapes._next_shape_id, name, PP_PLACEHOLDER.TITLE, "horz", "full", 0)
    shapes._spTree.append(sp)
    return placeholder(slide, {PP_PLACEHOLDER.TITLE})


def _read_first(slide, shape) -> None:
    """Move ``shape`` to the front of the slide's shape tree: the first shape a screen reader reads."""
    tree = slide.shapes._spTree
    tree.find(qn("p:grpSpPr")).addnext(shape._element)


def mark_decorative(shape) -> None:
    """Mark ``shape`` (a rule, a band: no content) as decorative, as PowerPoint's "Mark as decorative" does."""
    c_nv_pr = shape._element.find(f"./*/{qn('p:cNvPr')}")
    ext_list = c_nv_pr.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"), uri=DECORATIVE_EXT)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")
