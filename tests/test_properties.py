"""Property-based tests: any valid content loads and builds; any mutation of it builds or fails cleanly."""

from __future__ import annotations

import io
import os

from hypothesis import HealthCheck, given, settings, strategies as st
from ruamel.yaml import YAML

from deckgen.content import load_workshop
from deckgen.errors import DeckgenError

EXAMPLES = int(os.environ.get("DECKGEN_PROPERTY_EXAMPLES", "150"))

# Printable text in the three languages, with the characters that tempt escaping bugs.
_alphabet = st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S"),
                          exclude_characters="\u2028\u2029\x85")
text = st.text(_alphabet, min_size=1, max_size=60).filter(lambda s: s.strip())
texts = st.lists(text, max_size=5)

model = st.fixed_dictionaries(
    {"name": text},
    optional={
        "title": text, "summary": texts, "examples": texts, "strengths": texts, "weaknesses": texts,
        "preconditions": st.one_of(text, st.lists(text, min_size=1, max_size=4)), "questions": texts,
        "notes": text,
    },
)
content = st.fixed_dictionaries(
    {"title": text, "models": st.lists(model, min_size=1, max_size=8)},
    optional={
        "language": st.sampled_from(["nl", "en", "fr"]), "subtitle": text, "authors": texts, "venue": text,
        "date": st.dates().map(lambda d: d.isoformat()), "questions": texts, "sources": texts,
    },
)


def dump(data) -> str:
    stream = io.StringIO()
    yaml = YAML()
    yaml.width = 4096
    yaml.dump(data, stream)
    return stream.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content)
def test_valid_content_always_loads(tmp_path, data):
    path = tmp_path / "generated.yaml"
    path.write_text(dump(data), encoding="utf-8")
    workshop = load_workshop(path)
    assert len(workshop.models) == len(data["models"])
    name = " ".join(data["models"][0]["name"].split())
    assert workshop.models[0].name.plain.replace("*", "") == name.replace("*", "")


def _mutations(draw, source: str) -> str:
    if not source:
        return draw(st.sampled_from(["", ":", "- x", "title:"]))
    kind = draw(st.sampled_from(["delete", "insert", "replace", "truncate", "indent", "duplicate"]))
    position = draw(st.integers(0, max(0, len(source) - 1)))
    if kind == "delete":
        return source[:position] + source[position + 1:]
    if kind == "insert":
        inserted = draw(st.sampled_from([":", "-", " ", "\t", "[", "{", "*", "&a", "!!x", "\n", "'", '"', "\x00", "ü"]))
        return source[:position] + inserted + source[position:]
    if kind == "replace":
        return source[:position] + draw(text) + source[position + 5:]
    if kind == "truncate":
        return source[:position]
    if kind == "indent":
        lines = source.splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = draw(st.sampled_from(["  ", "    ", " "])) + lines[index]
        return "".join(lines)
    lines = source.splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    return "".join(lines[: index + 1] + [lines[index]] + lines[index + 1:])


@st.composite
def mutated_content(draw):
    source = dump(draw(content))
    for _ in range(draw(st.integers(1, 3))):
        source = _mutations(draw, source)
    return source


@settings(max_examples=EXAMPLES * 2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_content())
def test_mutated_content_loads_or_fails_with_a_located_message(tmp_path, source):
    path = tmp_path / "mutated.yaml"
    path.write_text(source, encoding="utf-8", errors="surrogatepass")
    try:
        load_workshop(path)
    except DeckgenError as error:
        message = str(error)
        assert message.startswith(str(path)), message
        assert "Traceback" not in message


@settings(max_examples=max(5, EXAMPLES // 10), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(content)
def test_valid_content_always_builds(tmp_path_factory, data):
    """Both writers take any valid content: it builds, or a card or slide is refused by name."""
    from deckgen.build import build
    from deckgen.errors import DoesNotFit
    from deckgen.project import Request

    folder = tmp_path_factory.mktemp("built")
    path = folder / "generated.yaml"
    path.write_text(dump(data), encoding="utf-8")
    try:
        written = build(Request(content=path, out_dir=folder / "out"))
    except DoesNotFit as error:  # random words can be longer than a card is wide: refused, located, by name
        for problem in error.problems:
            assert problem.file == path and problem.line is not None and problem.key_path, str(problem)
            assert problem.message.startswith(("slide ", "card ")), str(problem)
        assert not (folder / "out").exists() or not any((folder / "out").iterdir())
        return
    assert sorted(p.name for p in written) == ["generated-cards-single.pdf", "generated-cards.html",
                                               "generated-cards.pdf", "generated-guide.pdf",
                                               "generated-handout.pdf", "generated.pptx"]
