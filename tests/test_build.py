"""Whole builds: reproducible to the byte, and content text shown literally on every output."""

from __future__ import annotations

import hashlib
import types

import pdfplumber
import pytest
from pptx import Presentation

from deckgen.build import build
from deckgen.project import OutputNames, Request

HOSTILE = ["<b>not bold</b>", "{{ x }}", "&amp;", "{% raw %}", "<script>alert(1)</script>"]


def digests(folder) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


def test_two_builds_are_byte_identical(example_path, example_build, tmp_path):
    """The run's shared build (by the command line) and one more (by the library) are the same bytes."""
    build(Request(content=example_path, out_dir=tmp_path / "two"))
    first, second = digests(example_build.folder), digests(tmp_path / "two")
    assert len(first) == 6 and first == second


def test_source_date_epoch_is_honoured(example_path, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    build(Request(content=example_path, out_dir=tmp_path / "a"))
    deck = Presentation(str(tmp_path / "a" / "netwerkversterking.pptx"))
    assert deck.core_properties.modified.year == 2023
    build(Request(content=example_path, out_dir=tmp_path / "b"))
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    build(Request(content=example_path, out_dir=tmp_path / "c"))
    assert digests(tmp_path / "a")["netwerkversterking.pptx"] != digests(tmp_path / "c")["netwerkversterking.pptx"]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    content = folder / "hostile.yaml"
    quoted = [f"'{text}'" for text in HOSTILE]
    content.write_text(
        f"title: {quoted[0]}\n"
        "models:\n"
        f"  - name: {quoted[1]}\n"
        f"    summary: [{', '.join(quoted)}]\n"
        f"    strengths: [{quoted[2]}]\n"
        f"    weaknesses: [{quoted[3]}]\n"
        f"    questions: [{quoted[4]}]\n",
        encoding="utf-8",
    )
    build(Request(content=content, out_dir=folder / "out"))
    names = OutputNames(folder / "out", "hostile")
    return types.SimpleNamespace(slides=names.path(".pptx"), single=names.path("-cards-single.pdf"),
                                 html=names.path("-cards.html"))


def test_markup_in_content_is_text_on_the_slides(hostile_build):
    deck = Presentation(str(hostile_build.slides))
    text = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                     if shape.has_text_frame)
    text += "\n".join(cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
                      for row in shape.table.rows for cell in row.cells)
    for literal in HOSTILE:
        assert literal in text


def test_markup_in_content_is_text_on_the_cards(hostile_build):
    with pdfplumber.open(hostile_build.single) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    for literal in HOSTILE:
        assert literal in text


def test_markup_in_content_is_escaped_in_the_preview(hostile_build):
    html = hostile_build.html.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html
    assert "{{ x }}" in html and "&amp;amp;" in html


def test_an_edited_card_template_is_used_by_the_next_build_in_the_same_process(tmp_path, write_content):
    """``deckgen watch`` builds many times in one process: template edits must not be cached away."""
    import pdfplumber

    layout = tmp_path / "org"
    (layout / "templates").mkdir(parents=True)
    (layout / "layout.yaml").write_text("extends: default\n", encoding="utf-8")
    override = layout / "templates" / "card-questions-front.html.j2"
    content = write_content("title: T\nmodels: [{name: A}]\nquestions: [Why?]\n")

    def question_front_text() -> str:
        build(Request(content=content, out_dir=tmp_path / "out", layout=str(layout), only=("cards",), cache=True))
        with pdfplumber.open(tmp_path / "out" / "workshop-cards-single.pdf") as pdf:
            return pdf.pages[-2].extract_text()

    override.write_text('{% extends "default/card-questions-front.html.j2" %}', encoding="utf-8")
    assert "FIRST EDIT" not in question_front_text()
    override.write_text("<p>FIRST EDIT</p>", encoding="utf-8")
    assert "FIRST EDIT" in question_front_text()
    override.write_text("<p>SECOND EDIT</p>", encoding="utf-8")
    assert "SECOND EDIT" in question_front_text()
