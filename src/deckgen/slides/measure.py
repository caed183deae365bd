"""How much room text takes: paragraphs wrapped with the layout's real font metrics.

The same ``Para`` values that are measured here are the ones the drawing modules write, so a
measurement cannot drift from what ends up in the .pptx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deckgen.fonts import Family, family_for
from deckgen.inline import Span, Text
from deckgen.layout import Layout

# Office suites wrap a few points earlier than the advance widths say (kerning, rounding, the
# caret's room at the line end); measuring against a slightly narrower line keeps us on the safe side.
WIDTH_SLACK = 0.97
# A paragraph with a word wider than its line does not fit: office suites would break it mid-word.
UNBREAKABLE = 10**6
MIN_LINE_HEIGHT = 1.2  # em


@dataclass(frozen=True)
class Para:
    """One paragraph as it is measured and written.

    ``label`` is written bold in the ``label_color`` before the text (numbers, "Bv.",
    "RANDVOORWAARDEN:"); ``indent`` is a hanging indent: every line starts there, and a bullet,
    if any, hangs in front of the first.
    """

    text: Text
    size: float
    role: str = "body"  # "heading" or "body": which of the layout's fonts
    color: str = "text"  # a key of layout.colors
    bold: bool = False
    label: str = ""
    label_color: str = "primary"
    bullet: str = ""
    bullet_color: str = "primary"
    indent: float = 0.0
    space_before: float = 0.0
    align: str = "left"

    def spans(self) -> tuple[Span, ...]:
        lead = (Span(self.label + " ", bold=True),) if self.label else ()
        body = tuple(Span(s.text, s.bold or self.bold, s.italic) for s in self.text.spans)
        return lead + body


@dataclass(frozen=True)
class Insets:
    left: float
    top: float
    right: float
    bottom: float


@dataclass
class Measurer:
    """Measures paragraphs with the layout's heading and body families."""

    heading: Family
    body: Family
    _cache: dict = field(default_factory=dict)

    @classmethod
    def for_layout(cls, layout: Layout) -> "Measurer":
        return cls(family_for(layout.fonts.heading, layout.fonts.files),
                   family_for(layout.fonts.body, layout.fonts.files))

    def family(self, role: str) -> Family:
        return self.heading if role == "heading" else self.body

    def lines(self, para: Para, width: float) -> int:
        """Number of lines ``para`` wraps to in a line ``width`` points wide (its indent excluded)."""
        key = (para.spans(), para.size, para.role, round(width - para.indent, 2))
        if key not in self._cache:
            self._cache[key] = _count_lines(self.family(para.role), key[0], para.size,
                                            (width - para.indent) * WIDTH_SLACK)
        return self._cache[key]

    def line_height(self, para: Para) -> float:
        # LibreOffice sets single spacing at no less than 1.2 em (Liberation Sans: 1.15 by its metrics).
        return max(self.family(para.role).line_height(para.size), MIN_LINE_HEIGHT * para.size)

    def height(self, paras, width: float, insets: Insets | None = None) -> float:
        """Height of a text frame ``width`` wide holding ``paras`` (space before the first is not applied)."""
        insets = insets or Insets(0, 0, 0, 0)
        inner = width - insets.left - insets.right
        total = insets.top + insets.bottom
        for index, para in enumerate(paras):
            if index:
                total += para.space_before
            total += self.lines(para, inner) * self.line_height(para)
        return total

    def width(self, para: Para) -> float:
        family = self.family(para.role)
        return sum(family.face(s.bold, s.italic).width(s.text, para.size) for s in para.spans())


def _count_lines(family: Family, spans: tuple[Span, ...], size: float, width: float) -> int:
    if width <= 0:
        return UNBREAKABLE
    words = _words(spans)
    if not words:
        return 1
    space = family.face().width(" ", size)
    lines, current = 1, 0.0
    for word in words:
        w = sum(family.face(s.bold, s.italic).width(s.text, size) for s in word)
        if current and current + space + w <= width:
            current += space + w
            continue
        if current:
            lines += 1
        if w > width:  # the word would break between letters: that is not a fit
            return UNBREAKABLE
        current = w
    return lines


def _words(spans: tuple[Span, ...]) -> list[list[Span]]:
    """The words of a paragraph, each as the styled pieces it is made of."""
    words: list[list[Span]] = []
    current: list[Span] = []
    for span in spans:
        parts = re.split(r"[ \t\n]", span.text)
        for index, part in enumerate(parts):
            if index:
                if current:
                    words.append(current)
                current = []
            if part:
                current.append(Span(part, span.bold, span.italic))
    if current:
        words.append(current)
    return words


def first_fit(start: float, floor: float, fits) -> float | None:
    """The largest size from ``start`` down to ``floor`` in 1 pt steps for which ``fits(size)``."""
    size = start
    while size >= floor - 1e-9:
        if fits(size):
            return size
        size -= 1
    return None

