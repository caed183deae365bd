"""From runs back to content text: italic and bold become ``*...*`` and ``**...**`` (docs/content-format.md,
"Text: italic, bold and everything else"), whitespace is folded as the content loader folds it, and every
text is checked to read back as the same runs; one that does not (a literal ``*word*`` on a slide) is kept
as typed and said so."""

from __future__ import annotations

import re

from deckgen.inline import Span, parse_inline
from deckgen.schema import _UNPRINTABLE


class Marked(str):
    """Content text made from runs; ``lost`` says why its emphasis did not survive (empty when it did)."""

    lost: str = ""


def normalise(spans, style_bold: bool = False) -> list[Span]:
    """``spans`` as the content loader would leave their text: whitespace folded to single spaces, the ends
    trimmed, unprintable characters dropped; spaces carry no emphasis, and neighbours of the same emphasis
    are merged. With ``style_bold``, bold that covers every word is the style of the place (a heading), not
    emphasis, and is dropped."""
    spans = [Span(_UNPRINTABLE.sub("", span.text.replace("\u00a0", " ")), span.bold, span.italic)
             for span in spans]
    if style_bold and all(span.bold for span in spans if span.text.strip()):
        spans = [Span(span.text, False, span.italic) for span in spans]
    chars: list[tuple[str, bool, bool]] = []
    for span in spans:
        for char in span.text:
            if char.isspace():
                if chars and chars[-1][0] != " ":
                    chars.append((" ", span.bold, span.italic))
            else:
                chars.append((char, span.bold, span.italic))
    while chars and chars[-1][0] == " ":
        chars.pop()
    grouped: list[Span] = []
    for char, bold, italic in chars:
        if grouped and (grouped[-1].bold, grouped[-1].italic) == (bold, italic):
            grouped[-1] = Span(grouped[-1].text + char, bold, italic)
        else:
            grouped.append(Span(char, bold, italic))
    out: list[Span] = []
    for span in grouped:  # a space at either end of an emphasised run belongs to no emphasis
        if not (span.bold or span.italic):
            out.append(span)
            continue
        core = span.text.strip(" ")
        if span.text.startswith(" "):
            out.append(Span(" "))
        if core:
            out.append(Span(core, span.bold, span.italic))
        if span.text.endswith(" ") and core:
            out.append(Span(" "))
    return _merge(out)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if span.text and merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        elif span.text:
            merged.append(span)
    return merged


def plain_text(spans) -> str:
    """The folded text of ``spans`` without any emphasis (names, authors, notes' single lines)."""
    return "".join(span.text for span in normalise(spans))


def to_markup(spans, style_bold: bool = False) -> Marked:
    """Content text for ``spans``: the text with its emphasis as ``*``/``**`` marks. When the marks would
    not read back as the same runs, the text is returned without marks and ``lost`` says why."""
    spans = normalise(spans, style_bold)
    pieces = []
    for span in spans:
        marks = ("**" if span.bold else "") + ("*" if span.italic else "")
        if not marks:
            pieces.append(span.text)
            continue
        pieces.append(f"{marks}{span.text}{marks[::-1]}")
    text = "".join(pieces)
    plain = "".join(span.text for span in spans)
    if _reads_as(text, spans):
        return Marked(text)
    result = Marked(plain)
    if _reads_as(plain, [Span(plain)]):
        result.lost = ("its italic or bold could not be written with * marks, so it is imported without them"
                       if any(span.bold or span.italic for span in spans) else "")
    else:
        result.lost = ("it contains '*' that deckgen reads as italic or bold marks; check that the text reads "
                       "as you meant")
    return result


def _reads_as(text: str, spans) -> bool:
    wanted = [(span.text, span.bold, span.italic) for span in _merge(list(spans))]
    got = [(span.text, span.bold, span.italic) for span in parse_inline(text).spans]
    return wanted == got


def split_spans(spans, separator: re.Pattern) -> list[list[Span]]:
    """``spans`` cut into pieces wherever ``separator`` matches their text (each piece keeps its emphasis)."""
    spans = list(spans)
    text = "".join(span.text for span in spans)
    cuts = [(match.start(), match.end()) for match in separator.finditer(text)]
    pieces: list[list[Span]] = []
    start = 0
    for begin, end in cuts + [(len(text), len(text))]:
        pieces.append(slice_spans(spans, start, begin))
        start = end
    return [piece for piece in pieces if "".join(span.text for span in piece).strip()]


def slice_spans(spans, start: int, end: int) -> list[Span]:
    """The characters ``start:end`` of the text of ``spans``, with their emphasis."""
    out, position = [], 0
    for span in spans:
        left, right = max(start, position), min(end, position + len(span.text))
        if left < right:
            out.append(Span(span.text[left - position : right - position], span.bold, span.italic))
        position += len(span.text)
    return out
