"""Writing measured paragraphs into text frames and table cells: runs, bullets, indents, insets."""

from __future__ import annotations

import functools
import re

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.slides.measure import Insets, Para
from deckgen.slides.style import Style

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


# The paragraph and its runs are written as DrawingML elements directly, in the order and with the values
# python-pptx's property setters would give them (alignment, spacing, font size, bold, colour, typeface):
# those setters look up and order every child anew at each call, and were most of a large deck's time.
_ALGN = {"left": "l", "center": "ctr", "right": "r"}
_tag = functools.cache(qn)  # the Clark names ("{namespace}pPr"), looked up once
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")  # escaped in a:t as python-pptx escapes them


def write_para(paragraph, para: Para, style: Style, first: bool = False) -> None:
    """Write ``para`` into the empty ``paragraph`` (a python-pptx _Paragraph)."""
    p = paragraph._p
    pPr = etree.SubElement(p, _tag("a:pPr"))
    pPr.set("algn", _ALGN[para.align])
    pPr.set("marL", str(Pt(para.indent)))
    pPr.set("indent", str(-Pt(para.indent)))
    etree.SubElement(etree.SubElement(pPr, _tag("a:lnSpc")), _tag("a:spcPct"), val="100000")
    etree.SubElement(etree.SubElement(pPr, _tag("a:spcBef")), _tag("a:spcPts"),
                     val=str(Pt(0 if first else para.space_before).centipoints))
    etree.SubElement(etree.SubElement(pPr, _tag("a:spcAft")), _tag("a:spcPts"), val="0")
    if para.bullet:
        etree.SubElement(pPr, _tag("a:buClr")).append(_srgb(style, para.bullet_color))
        etree.SubElement(pPr, _tag("a:buSzPct"), val="100000")
        etree.SubElement(pPr, _tag("a:buFont"), typeface=style.font(para.role))
        etree.SubElement(pPr, _tag("a:buChar"), char=para.bullet)
    else:
        etree.SubElement(pPr, _tag("a:buNone"))
    if para.label:
        _run(p, para.label + " ", para, style, bold=True, italic=False, color=para.label_color)
    for span in para.text.spans:
        _run(p, span.text, para, style, bold=span.bold or para.bold, italic=span.italic, color=para.color)
    # The end-of-paragraph mark carries the size too, so an empty paragraph keeps the measured height.
    end = etree.SubElement(p, _tag("a:endParaRPr"))
    end.set("lang", style.lang)
    end.set("sz", str(round(para.size * 100)))


def _run(p, text: str, para: Para, style: Style, bold: bool, italic: bool, color: str) -> None:
    run = etree.SubElement(p, _tag("a:r"))
    rPr = etree.SubElement(run, _tag("a:rPr"))
    rPr.set("sz", str(Pt(para.size).centipoints))
    rPr.set("b", "1" if bold else "0")
    rPr.set("i", "1" if italic else "0")
    rPr.set("lang", style.lang)
    etree.SubElement(rPr, _tag("a:solidFill")).append(_srgb(style, color))
    # Latin is the run's font; the same family for other scripts, so that no theme font leaks in.
    for tag in ("a:latin", "a:ea", "a:cs"):
        etree.SubElement(rPr, _tag(tag), typeface=style.font(para.role))
    text = text.replace("\n", " ").replace("\t", " ")
    etree.SubElement(run, _tag("a:t")).text = _CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def _srgb(style: Style, key: str):
    element = etree.Element(_tag("a:srgbClr"))
    element.set("val", str(style.color(key)))
    return element
