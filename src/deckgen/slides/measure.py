"""How much room text takes: paragraphs wrapped word by word with the advance widths and line heights
of the layout's font files.

The drawing modules write the very ``Para`` values measured here (the slide number aside: a few digits
in a box four spacing units wide), so what is measured is what is written. Office suites wrap with
their own engines, a little differently: WIDTH_SLACK keeps the measurement on the safe side of theirs.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
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
    """Measures paragraphs with the layout's heading and body families.

    A paragraph's words are measured once per size, and its line count once per line width: planners try
    many sizes, splits and widths of the same texts, and ask again for each. Both are kept in ``_texts``,
    by the paragraph's text key: its words' widths as an array of doubles and its line counts by width.
    At 700 models that is 35 000 texts and 100 000 line counts; as lists of floats and a dict by (text key,
    width) they took 37 MB of small objects instead of 20, and left the building process's heap that much
    more fragmented once the deck was written (the later builders' workers are forked from it)."""

    heading: Family
    body: Family
    _texts: dict = field(default_factory=dict)  # text key: (word widths, space width, {line width: lines})

    @classmethod
    def for_layout(cls, layout: Layout) -> Measurer:
        return cls(family_for(layout.fonts.heading, layout.fonts.files),
                   family_for(layout.fonts.body, layout.fonts.files))

    def family(self, role: str) -> Family:
        return self.heading if role == "heading" else self.body

    def lines(self, para: Para, width: float) -> int:
        """Number of lines ``para`` wraps to in a line ``width`` points wide (its indent excluded)."""
        widths, space, counts = self._measured(para)
        key = round(width - para.indent, 2)
        count = counts.get(key)
        if count is None:
            count = counts[key] = _count_lines(widths, space, (width - para.indent) * WIDTH_SLACK)
        return count

    def word_widths(self, para: Para) -> tuple[Sequence[float], float]:
        """The advance width of every word of ``para`` and of the space between words, at its size."""
        widths, space, _ = self._measured(para)
        return widths, space

    def _measured(self, para: Para) -> tuple[array, float, dict]:
        key = _text_key(para)
        measured = self._texts.get(key)
        if measured is None:
            widths, space = _word_widths(self.family(para.role), para.spans(), para.size)
            measured = self._texts[key] = (array("d", widths), space, {})
        return measured

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

    def unbreakable(self, paras, width: float, insets: Insets | None = None) -> str | None:
        """The first word of ``paras`` wider than its line in a frame ``width`` wide, or None. Such a word
        makes ``height`` enormous (UNBREAKABLE lines): this says why, where that number would not."""
        insets = insets or Insets(0, 0, 0, 0)
        for para in paras:
            line = (width - insets.left - insets.right - para.indent) * WIDTH_SLACK
            family = self.family(para.role)
            for word in _words(para.spans()):
                if sum(family.face(s.bold, s.italic).width(s.text, para.size) for s in word) > line:
                    return "".join(s.text for s in word)
        return None

    def one_line_width(self, para: Para) -> float:
        """The narrowest line (its indent included) on which ``para`` stays on one line: for every
        wider ``width``, ``lines(para, width) == 1`` (to within the 0.01 pt ``lines`` rounds widths to)."""
        widths, space = self.word_widths(para)
        return (sum(widths) + space * max(len(widths) - 1, 0)) / WIDTH_SLACK + para.indent


def _word_widths(family: Family, spans: tuple[Span, ...], size: float) -> tuple[list[float], float]:
    """The advance width of every word of a paragraph at ``size``, and of the space between words."""
    widths = [sum(family.face(s.bold, s.italic).width(s.text, size) for s in word) for word in _words(spans)]
    return widths, family.face().width(" ", size)


def _text_key(para: Para) -> tuple:
    """What a paragraph's measure depends on: its text with its label and weight, its size and font."""
    return para.text, para.label, para.bold, para.size, para.role


def _count_lines(widths: Sequence[float], space: float, width: float) -> int:
    """Lines of greedy word wrapping of words ``widths`` wide in a line ``width`` wide; UNBREAKABLE when a
    word is wider."""
    if width <= 0:
        return UNBREAKABLE
    if not widths:
        return 1
    lines, current = 1, 0.0
    for w in widths:
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

