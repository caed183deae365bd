"""What slides carry besides their content: the footer and the slide number on every slide, and the
speaker notes of the slides that have them (with their notes master listed where clients look for it)."""

from __future__ import annotations

import uuid

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.inline import plain
from deckgen.slides.context import Context
from deckgen.slides.geometry import Grid, cm
from deckgen.slides.measure import Insets, Para
from deckgen.slides.style import Style
from deckgen.slides.text import setup_frame, write_paras

NO_INSETS = Insets(0, 0, 0, 0)
FOOTER_SHARE = 0.75  # of the footer band's width the footer text may take; the slide number is at the right


def footer_size(style: Style) -> float:
    """The footer and the slide number are set at the layout's minimum size."""
    return style.layout.slides.min_font_size


def footer_width(grid: Grid) -> float:
    return grid.footer.w * FOOTER_SHARE


def plan_footer(ctx: Context) -> Para | None:
    """The layout's footer as it is written on every slide, measured: a footer that does not fit on one
    line of its box is a misfit of ``footer`` (once, on slide 1, for every slide shows the same one)."""
    if not ctx.layout.footer:
        return None
    para = Para(plain(ctx.layout.footer), footer_size(ctx.style), color="primary")
    width = footer_width(ctx.grid)
    if ctx.measure.lines(para, width) > 1:
        ctx.problem("footer", 1, None, f"the layout's footer needs {cm(ctx.measure.one_line_width(para))} "
                                       f"on one line but its box is {cm(width)} wide at {para.size:g} pt "
                                       "(the footer comes from the layout, not the content)")
    return para


def add_footer(slide, grid: Grid, style: Style, footer: Para | None, number: int | None) -> None:
    """The planned footer (``plan_footer``) at the bottom left, the slide number (a live field) at the
    bottom right."""
    box = grid.footer
    size = footer_size(style)
    if footer is not None:
        shape = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(footer_width(grid)), Pt(box.h))
        shape.name = "Footer"
        setup_frame(shape.text_frame, NO_INSETS, "bottom")
        write_paras(shape.text_frame, [footer], style)
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
    field.set("id", f"{{{str(uuid.uuid5(uuid.NAMESPACE_URL, f'deckgen-slide-{number}')).upper()}}}")
    field.set("type", "slidenum")
    for child in list(run):
        field.append(child)
    run.addprevious(field)
    run.getparent().remove(run)


def add_notes(slide, notes: str) -> None:
    if notes.strip():
        slide.notes_slide.notes_text_frame.text = notes.strip()


def list_notes_master(prs) -> None:
    """Name the deck's notes master in presentation.xml, as PowerPoint does (``p:notesMasterIdLst``).

    python-pptx relates the notes master it makes for the first speaker notes to the presentation, but
    leaves it out of that list: PowerPoint and LibreOffice find it anyway, Keynote drops the notes. A
    template's own notes master is listed the same way; a deck with neither has no list."""
    rel_ids = [r_id for r_id, rel in prs.part.rels.items()
               if rel.reltype == RT.NOTES_MASTER and not rel.is_external]
    if not rel_ids:
        return
    presentation = prs.part._element
    id_list = presentation.find(qn("p:notesMasterIdLst"))
    if id_list is None:
        id_list = etree.Element(qn("p:notesMasterIdLst"))
        masters = presentation.find(qn("p:sldMasterIdLst"))  # the list comes right after it
        if masters is not None:
            masters.addnext(id_list)
        else:
            presentation.insert(0, id_list)
    for entry in list(id_list):
        id_list.remove(entry)
    # A presentation has at most one notes master.
    etree.SubElement(id_list, qn("p:notesMasterId")).set(qn("r:id"), rel_ids[0])
