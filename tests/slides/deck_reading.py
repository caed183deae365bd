"""Reading a built deck back with python-pptx, as a user's script would: texts, tables, runs."""

from __future__ import annotations

import re

from pptx import Presentation
from pptx.oxml.ns import qn


def open_deck(path):
    return Presentation(str(path))


def slide_texts(slide) -> list[str]:
    """Every text on the slide: shapes' paragraphs and every table cell."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    texts.append(cell.text_frame.text)
    return texts


def deck_text(prs) -> str:
    """All the deck's text, whitespace folded, with speaker notes."""
    parts = []
    for slide in prs.slides:
        parts += slide_texts(slide)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return fold(" \n ".join(parts))


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def title_of(slide) -> str:
    shape = slide.shapes.title
    if shape is not None:
        return shape.text_frame.text
    return slide.shapes[0].text_frame.text


def tables(slide):
    return [shape.table for shape in slide.shapes if shape.has_table]


def slide_number_field(slide) -> str | None:
    for field in slide.shapes._spTree.iter(qn("a:fld")):
        if field.get("type") == "slidenum":
            return "".join(t.text for t in field.iter(qn("a:t")))
    return None
