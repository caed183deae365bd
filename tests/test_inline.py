"""Inline emphasis: only *italic* and **bold**; everything else is literal."""

from deckgen.inline import Span, join, parse_inline


def test_italic_and_bold():
    assert parse_inline("a *b* **c**").spans == (Span("a "), Span("b", italic=True), Span(" "), Span("c", bold=True))


def test_nested_emphasis():
    assert parse_inline("**x *y* z**").spans == (Span("x ", bold=True), Span("y", bold=True, italic=True),
                                                 Span(" z", bold=True))


def test_lone_asterisks_and_markup_are_literal():
    for text in ["5 * 3 * 2", "a * b", "<b>x</b>", "{{ x }}", "&amp;", "__x__", "`code`", "*"]:
        assert parse_inline(text).spans == (Span(text),)


def test_join_keeps_emphasis():
    joined = join([parse_inline("*a*"), parse_inline("b")], "; ")
    assert joined.plain == "a; b"
    assert joined.spans[0] == Span("a", italic=True)
