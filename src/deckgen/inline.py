"""Inline emphasis: ``*italic*`` and ``**bold**`` become spans; everything else stays literal text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A run of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Text:
    """A piece of content text: literal characters in emphasis spans."""

    spans: tuple[Span, ...]

    @property
    def plain(self) -> str:
        return "".join(span.text for span in self.spans)

    def __str__(self) -> str:
        return self.plain

    def __bool__(self) -> bool:
        return bool(self.plain)


# An emphasis marker opens before a non-space and closes after one, as in Markdown,
# so that "5 * 3 * 2" or a lone "*" stay literal.
_EMPHASIS = re.compile(
    r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*(?!\*)"
    r"|\*(?=[^\s*])(?P<italic>.+?)(?<=[^\s*])\*(?!\*)",
    re.DOTALL,
)


def parse_inline(source: str) -> Text:
    """Parse a content string into spans."""
    return Text(tuple(_merge(_spans(source, bold=False, italic=False))))


def join(texts, separator: str) -> Text:
    """Join several texts with a literal separator, keeping their emphasis."""
    spans: list[Span] = []
    for index, text in enumerate(texts):
        if index:
            spans.append(Span(separator))
        spans.extend(text.spans)
    return Text(tuple(_merge(spans)))


def plain(source: str) -> Text:
    """A text without emphasis parsing (names, dates, labels)."""
    return Text((Span(source),)) if source else Text(())


def _spans(source: str, bold: bool, italic: bool, depth: int = 0):
    if depth > 3 or (bold and italic):  # nothing more to switch on: the rest is literal text
        yield Span(source, bold, italic)
        return
    position = 0
    for match in _EMPHASIS.finditer(source):
        if match.start() > position:
            yield Span(source[position : match.start()], bold, italic)
        if match.group("bold") is not None:
            yield from _spans(match.group("bold"), True, italic, depth + 1)
        else:
            yield from _spans(match.group("italic"), bold, True, depth + 1)
        position = match.end()
    if position < len(source):
        yield Span(source[position:], bold, italic)


def _merge(spans):
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return merged
