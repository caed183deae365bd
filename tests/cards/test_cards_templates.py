"""Templates and content: escaping, a layout overriding one block, refused resources, byte-identical rebuilds."""

from __future__ import annotations

import textwrap

import pytest
from markupsafe import Markup

from cards_helpers import build, page_text
from deckgen.cards.fetcher import refusal
from deckgen.cards.render import inline
from deckgen.errors import UnsafeReference
from deckgen.inline import parse_inline
from deckgen.layout import load_layout

LITERAL = """\
language: en
title: "Literal <b>markup</b> & {{ x }}"
models:
  - name: "Tags <b>stay</b> text"
    summary: ["Use <b>bold</b> and {{ x }} and &amp; here", "This is **strong** and *slanted*"]
    strengths: ["<script>alert(1)</script>"]
"""


def test_inline_filter_escapes_and_marks_emphasis():
    html = inline(parse_inline("a <b>x</b> & **bold** and *it*"))
    assert isinstance(html, Markup)
    assert html == "a &lt;b&gt;x&lt;/b&gt; &amp; <strong>bold</strong> and <em>it</em>"


@pytest.fixture(scope="module")
def literal_cards(tmp_path_factory):
    return build(tmp_path_factory.mktemp("literal"), LITERAL)


def test_literal_markup_is_text_in_the_pdf(literal_cards):
    _, paths = literal_cards
    text = " ".join(page_text(paths["single.pdf"]))
    for string in ("Tags <b>stay</b> text", "Use <b>bold</b> and {{ x }} and &amp; here",
                   "<script>alert(1)</script>", "Literal <b>markup</b> & {{ x }}"):
        assert string in text


def test_literal_markup_is_escaped_in_the_html(literal_cards):
    _, paths = literal_cards
    html = paths["cards.html"].read_text(encoding="utf-8")
    assert "Use &lt;b&gt;bold&lt;/b&gt; and {{ x }} and &amp;amp; here" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "This is <strong>strong</strong> and <em>slanted</em>" in html


def _layout(tmp_path, templates: dict[str, str], name="child"):
    folder = tmp_path / name
    (folder / "templates").mkdir(parents=True)
    (folder / "layout.yaml").write_text("extends: default\ncolors:\n  primary: '#7A1F5C'\n", encoding="utf-8")
    for file, text in templates.items():
        (folder / "templates" / file).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_layout(str(folder))


def test_a_layout_overrides_one_block_of_the_default_template(tmp_path):
    layout = _layout(tmp_path, {"card-models-front.html.j2": """\
        {% extends "default/card-models-front.html.j2" %}
        {% block band %}<div class="band"><span class="set-name">Our own band {{ model.number }}</span></div>
        {%- endblock %}
        """})
    _, paths = build(tmp_path / "out", LITERAL, layout=layout)
    front = page_text(paths["single.pdf"])[2]
    assert "OUR OWN BAND 1" in front and "Tags <b>stay</b> text" in front
    assert "#7A1F5C" in paths["cards.html"].read_text(encoding="utf-8")


@pytest.mark.parametrize("reference", ["file:///etc/passwd", "https://example.com/logo.png", "../../secret.png"])
def test_a_layout_cannot_reach_outside_its_folders(tmp_path, reference):
    layout = _layout(tmp_path, {"card-models-front.html.j2": f"""\
        {{% extends "default/card-models-front.html.j2" %}}
        {{% block band %}}<img src="{reference}">{{% endblock %}}
        """})
    with pytest.raises(UnsafeReference) as caught:
        build(tmp_path / "deep" / "out", LITERAL, layout=layout)
    assert "refused" in str(caught.value) or "not a local file" in str(caught.value)


def test_refusal_rules(tmp_path):
    inside = tmp_path / "layout" / "logo.png"
    assert refusal(inside.as_uri(), [tmp_path / "layout"]) is None
    assert refusal("data:image/png;base64,AAAA", [tmp_path]) is None
    assert refusal("file:///etc/passwd", [tmp_path])
    assert refusal("file://otherhost/share/x.png", [tmp_path])
    assert refusal("ftp://example.com/x", [tmp_path])


def test_templates_run_sandboxed(tmp_path):
    from deckgen.errors import DeckgenError

    layout = _layout(tmp_path, {"card-models-front.html.j2": """\
        {{ card.__class__.__mro__[1].__subclasses__() }}
        """})
    with pytest.raises(DeckgenError):
        build(tmp_path / "out", LITERAL, layout=layout)


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _, first = build(tmp_path / "a", LITERAL)
    _, second = build(tmp_path / "b", LITERAL)
    for kind in first:
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    from pypdf import PdfReader

    assert PdfReader(first["single.pdf"]).metadata.creation_date.year == 2023
