"""Runs back to content text: whatever the runs, the text either reads back as the same runs, or is kept
as typed and says why."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from deckgen.importer.markup import normalise, split_spans, to_markup
from deckgen.importer.recognise import PRECONDITION_SEPARATOR
from deckgen.inline import Span, Text, parse_inline

runs = st.lists(st.builds(Span, st.text(alphabet="ab *_:;\u00a0\t\n.", max_size=8), st.booleans(), st.booleans()),
                max_size=6)


@settings(max_examples=400, deadline=None)
@given(runs, st.booleans())
def test_markup_reads_back_as_its_runs_or_says_why(spans, style_bold):
    marked = to_markup(spans, style_bold)
    wanted = normalise(spans, style_bold)
    if marked.lost:  # kept as typed, without marks, and said why
        assert marked == "".join(span.text for span in wanted)
    else:
        assert parse_inline(marked) == Text(tuple(wanted))


def test_emphasis_and_spaces():
    assert to_markup([Span("Kostet (2018). "), Span("Persoonlijke  netwerken ", italic=True), Span(". Brussel")]) \
        == "Kostet (2018). *Persoonlijke netwerken* . Brussel"
    assert to_markup([Span("1 ", bold=True), Span("Naam", bold=True, italic=True)], style_bold=True) == "1 *Naam*"
    assert to_markup([Span("x", bold=True), Span("y", bold=True, italic=True)]) == "**x*****y***" or \
        to_markup([Span("x", bold=True), Span("y", bold=True, italic=True)]).lost
    literal = to_markup([Span("a*b*c")])
    assert literal == "a*b*c" and "reads as italic or bold" in literal.lost


def test_preconditions_are_cut_at_the_languages_semicolons():
    pieces = split_spans([Span("présence\u00a0; choisir "), Span("son", italic=True), Span(" binôme; fin")],
                         PRECONDITION_SEPARATOR)
    assert [to_markup(piece) for piece in pieces] == ["présence", "choisir *son* binôme", "fin"]
