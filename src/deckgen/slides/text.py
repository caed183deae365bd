"""Writing measured paragraphs into text frames and table cells: runs, bullets, indents, insets."""

from __future__ import annotations

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.slides.measure import Insets, Para
from deckgen.slides.style import Style

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def setup_frame(frame, insets: Insets, anchor: str = "top") -> None:
    """A frame that neither grows nor shrinks its text, wraps words, and has the measured insets."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left, frame.margin_top = Pt(insets.left), Pt(insets.top)
    frame.margin_right, frame.margin_bottom = Pt(insets.right), Pt(insets.bottom)
    frame.vertical_anchor = _ANCHOR[anchor]


def setup_cell(cell, insets: Insets, fill: str, style: Style) -> None:
    cell.margin_left, cell.margin_top = Pt(insets.left), Pt(insets.top)
    cell.margin_right, cell.margin_bottom = Pt(insets.right), Pt(insets.bottom)
    cell.vertical_anchor = MSO_ANCHOR.TOP
    cell.fill.solid()
    cell.fill.fore_color.rgb = style.color(fill)


def write_paras(frame, paras, style: Style) -> None:
    """Replace the frame's text by ``paras``."""
    frame.text = ""  # leaves one empty paragraph
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        write_para(paragraph, para, style, first=index == 0)


def write_para(paragraph, para: Para, style: Style, first: bool = False) -> None:
    paragraph.alignment = _ALIGN[para.align]
    paragraph.line_spacing = 1.0
    paragraph.space_before = Pt(0 if first else para.space_before)
    paragraph.space_after = Pt(0)
    pPr = paragraph._p.get_or_add_pPr()
    pPr.set("marL", str(Pt(para.indent)))
    pPr.set("indent", str(-Pt(para.indent)))
    if para.bullet:
        etree.SubElement(pPr, qn("a:buClr")).append(_srgb(style, para.bullet_color))
        etree.SubElement(pPr, qn("a:buSzPct"), val="100000")
        etree.SubElement(pPr, qn("a:buFont"), typeface=style.font(para.role))
        etree.SubElement(pPr, qn("a:buChar"), char=para.bullet)
    else:
        etree.SubElement(pPr, qn("a:buNone"))
    if para.label:
        _run(paragraph, para.label + " ", para, style, bold=True, italic=False, color=para.label_color)
    for span in para.text.spans:
        _run(paragraph, span.text, para, style, bold=span.bold or para.bold, italic=span.italic,
             color=para.color)
    # The end-of-paragraph mark carries the size too, so an empty paragraph keeps the measured height.
    end = paragraph._p.get_or_add_endParaRPr()
    end.set("lang", style.lang)
    end.set("sz", str(round(para.size * 100)))


def _run(paragraph, text: str, para: Para, style: Style, bold: bool, italic: bool, color: str) -> None:
    run = paragraph.add_run()
    run.text = text.replace("\n", " ").replace("\t", " ")
    font = run.font
    font.name = style.font(para.role)
    font.size = Pt(para.size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = style.color(color)
    rPr = run._r.get_or_add_rPr()
    rPr.set("lang", style.lang)
    # Latin is set by font.name; name the same family for other scripts so no theme font leaks in.
    for tag in ("a:ea", "a:cs"):
        etree.SubElement(rPr, qn(tag), typeface=style.font(para.role))


def _srgb(style: Style, key: str):
    element = etree.Element(qn("a:srgbClr"))
    element.set("val", str(style.color(key)))
    return element
