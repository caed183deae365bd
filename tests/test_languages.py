"""Languages: the labels, dates and punctuation of each, and a content language with a region."""

from __future__ import annotations

import datetime

import pytest
from pptx import Presentation

from deckgen.build import build
from deckgen.content import load_workshop
from deckgen.errors import InvalidInput
from deckgen.labels import LABEL_KEYS
from deckgen.languages import LANGUAGES, document_tag, language
from deckgen.project import Request


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_language_has_every_label_and_twelve_months(code):
    spoken = language(code)
    assert set(spoken.labels) == set(LABEL_KEYS)
    assert len(spoken.months) == 12 and len(set(spoken.months)) == 12
    assert spoken.long_date(datetime.date(2018, 5, 17)).endswith("2018")


def test_french_sets_a_non_breaking_space_before_colon_and_semicolon():
    assert language("fr").colon == "\u00a0:" and language("fr").semicolon == "\u00a0; "
    assert language("nl").colon == ":" and language("en").semicolon == "; "


@pytest.mark.parametrize("written, stored, tag", [("nl", "nl", "nl-NL"), ("nl-BE", "nl-BE", "nl-BE"),
                                                  ("fr_be", "fr-BE", "fr-BE"), ("en", "en", "en-GB")])
def test_a_content_language_may_carry_a_region(write_content, written, stored, tag):
    workshop = load_workshop(write_content(f"language: {written}\ntitle: T\nmodels: [{{name: A}}]\n"))
    assert workshop.language == stored and document_tag(workshop.language) == tag
    assert language(workshop.language).code == stored[:2]


@pytest.mark.parametrize("written", ["es", "nl-Belgium", "dutch"])
def test_a_language_deckgen_does_not_speak_is_refused_where_it_stands(write_content, written):
    path = write_content(f"title: T\nlanguage: {written}\nmodels: [{{name: A}}]\n")
    with pytest.raises(InvalidInput) as caught:
        load_workshop(path)
    assert str(caught.value).startswith(f"{path}:2:11: language: expected one of nl, en, fr, de")


def test_the_region_is_the_deck_s_language(write_content, tmp_path):
    content = write_content("language: fr-BE\ntitle: Atelier\nmodels: [{name: Modèle, strengths: [Force]}]\n")
    (deck,) = build(Request(content=content, out_dir=tmp_path / "out", only=("slides",)))
    presentation = Presentation(str(deck))
    assert presentation.core_properties.language == "fr-BE"
    runs = [run for slide in presentation.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    assert runs and {run.font._rPr.get("lang") for run in runs} == {"fr-BE"}


def test_the_region_is_the_card_pdfs_language(write_content, tmp_path):
    from pypdf import PdfReader

    content = write_content("language: nl-BE\ntitle: Dag\nmodels: [{name: Model, strengths: [Sterk]}]\n")
    written = build(Request(content=content, out_dir=tmp_path / "out", only=("cards",)))
    for path in written:
        if path.suffix == ".pdf":
            assert PdfReader(path).trailer["/Root"]["/Lang"] == "nl-BE", path.name
        else:
            assert '<html lang="nl-BE"' in path.read_text(encoding="utf-8")
