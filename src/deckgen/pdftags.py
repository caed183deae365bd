"""Repairs to the tagged PDF that WeasyPrint writes, so that a screen reader reads what the page says.

``repair`` is a WeasyPrint finisher (it works on the pydyf objects before they are written):

- **Words at line breaks.** WeasyPrint drops the space where it breaks a line, and every line's text is
  its own marked-content sequence, so a screen reader joins the last word of a line to the first of the
  next ("hoe" + "kwetsbare" reads "hoekwetsbare"). The sequence that ends such a line gets an
  /ActualText with the space put back.
- **Hyphens that hyphenation added.** A word broken by ``hyphens: auto`` carries the hyphenate character
  at the line's end ("competen-" + "tieversterking"). The sequence gets an /ActualText without it, so
  the word reads whole; a hyphen that the text itself has ("duo-" + "methoden") stays.

  /ActualText on the marked content is PDF's own means for "these glyphs stand for this text" (ISO
  32000-1, 14.9.4); Acrobat, NVDA and JAWS read it, and text extraction honours it. Avoiding
  hyphenation in tagged output instead would change how every card is laid out.

  Which line ends need it is decided on the element's own text (whitespace collapsed, as CSS does): the
  two lines' texts joined with a space, or without the hyphen, must stand in it, and joined as they are
  must not. The marked-content sequence of a line's last text box is found by its text matrix, which
  WeasyPrint sets at the box's position (weasyprint/draw/text.py).
- **Hidden text.** Text whose element is ``aria-hidden="true"`` (the "+" before "Sterktes") gets an empty
  /ActualText: WeasyPrint tags it as any text, and a screen reader would read it.
- **Headings inside headings.** A heading with a block-level ``::before``/``::after`` (the accent rule
  under a card's title) is laid out as an anonymous block inside the heading, which WeasyPrint tags as
  a second heading of the same level inside the first. The inner one becomes a /Span.

WeasyPrint's tag tree and box tree are its internals: see the pin in pyproject.toml.
"""

from __future__ import annotations

import re

HEADINGS = {f"/H{level}" for level in range(1, 7)}
_SPACES = re.compile(r"\s+")


def repair(document, pdf) -> None:
    """The finisher: every repair of the module on ``pdf`` (pydyf), drawn from ``document``'s pages."""
    if "StructTreeRoot" not in pdf.catalog:
        return
    _flatten_headings(pdf)
    for page, page_object in zip(document.pages, pdf.pages["Kids"][::3]):
        contents = pdf.objects[int(pdf.objects[page_object]["Contents"].split()[0])]
        _put_back_line_ends(page, contents)


def _object(pdf, reference):
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return pdf.objects[int(reference.split()[0])]
    return None


def _flatten_headings(pdf) -> None:
    for element in list(pdf.objects):
        if not isinstance(element, dict) or element.get("S") not in HEADINGS:
            continue
        for reference in element.get("K", ()):
            kid = _object(pdf, reference)
            if isinstance(kid, dict) and kid.get("S") == element["S"]:
                kid["S"] = "/Span"


def _put_back_line_ends(page, contents) -> None:
    """Give the marked content of each line end that lost its space or gained a hyphen its real text."""
    from pydyf import String

    wanted = {}
    for block in _blocks(page._page_box):
        for box, text in [*_line_ends(block), *_hidden(block)]:
            wanted[_position(box.position_x, box.position_y + box.baseline)] = text
    if not wanted:
        return
    items = contents.stream
    properties = None
    for index, item in enumerate(items):
        if item == b"BDC" and index and isinstance(items[index - 1], dict) and "MCID" in items[index - 1]:
            properties = items[index - 1]
        elif properties is not None and isinstance(item, bytes) and item.endswith(b" Tm"):
            numbers = item.split()
            text = wanted.get(_position(float(numbers[4]), float(numbers[5])))
            if text is not None:
                properties["ActualText"] = String(text)
            properties = None
        elif item == b"EMC":
            properties = None


def _position(x: float, y: float) -> tuple[float, float]:
    return round(x, 2), round(y, 2)


def _children(box):
    box = getattr(box, "_box", box)  # an absolutely positioned box's placeholder
    return getattr(box, "children", None) or ()


def _blocks(box):
    """Every box whose children are lines, in the box tree under ``box``."""
    from weasyprint.formatting_structure import boxes

    stack = [box]
    while stack:
        node = stack.pop()
        node = getattr(node, "_box", node)
        children = _children(node)
        if any(isinstance(child, boxes.LineBox) for child in children):
            yield node
        stack.extend(reversed(children))


def _line_texts(line) -> list:
    """The text boxes of a line, in order, not those inside inline blocks (which are blocks of their own)."""
    from weasyprint.formatting_structure import boxes

    found = []
    for child in _children(line):
        child = getattr(child, "_box", child)
        if isinstance(child, boxes.TextBox):
            found.append(child)
        elif isinstance(child, boxes.InlineBox):
            found += _line_texts(child)
        else:
            found.append(None)  # an image or inline block: nothing to join across
    return found


def _hidden(block):
    """(text box, "") of each text in ``block`` whose element is aria-hidden (a decorative "+" before a heading)."""
    for line in block.children:
        for box in _line_texts(line):
            if box is not None and box.element is not None and box.element.get("aria-hidden") == "true":
                yield box, ""


def _line_ends(block):
    """(text box, its real text) of each line end in ``block`` whose text a screen reader would get wrong."""
    from weasyprint.formatting_structure import boxes

    lines = [_line_texts(child) for child in block.children if isinstance(child, boxes.LineBox)]
    if len(lines) < 2 or block.element is None:
        return
    source = _SPACES.sub(" ", "".join(block.element.itertext())).casefold()
    for line, following in zip(lines, lines[1:]):
        if not line or not following or line[-1] is None or following[0] is None:
            continue
        last, first = line[-1], following[0]
        before, after = last.text.casefold(), first.text.casefold()
        if not before or not after or before + after in source:
            continue
        hyphen = (last.style["hyphenate_character"] or "").casefold()
        if hyphen and before.endswith(hyphen) and before[:-len(hyphen)] + after in source:
            yield last, last.text[:-len(hyphen)]
        elif before + " " + after in source:
            yield last, last.text + " "
