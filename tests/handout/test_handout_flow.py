"""Long content flows over pages with nothing refused: a page breaks between bullets, never inside one, and
never leaves a heading alone at its foot. Twelve French models with long bullets, read back page by page."""

from __future__ import annotations

import re

import pytest
from handout_helpers import (
    LONG_LISTS,
    build_handout,
    long_french_content,
    outline_titles,
    page_lines,
    plain,
    text_of,
    word_pages,
    write_content,
)

from deckgen.content import load_workshop
from deckgen.labels import resolve_labels

MODELS = 12


@pytest.fixture(scope="module")
def long_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    source = write_content(folder, long_french_content(MODELS))
    return load_workshop(source), build_handout(source, folder / "out")


def headings(workshop) -> set[str]:
    """Every line that heads something, as it reads in the PDF (the small headings are in capitals): a
    model's title, its full name and its line of slide and card, the heads of its blocks, the parts' titles."""
    labels = resolve_labels(workshop.language)
    found = {labels.overview_heading(len(workshop.models)), labels.questions, labels.sources, "Déroulé",
             labels.questions.upper(), "! " + labels.preconditions.upper(), "NOTES POUR L'ANIMATEUR",
             f"+ {labels.strengths.upper()} − {labels.weaknesses.upper()}"}
    for model in workshop.models:
        found |= {f"{model.number} {plain(model.title)}", plain(model.name)}
    return found


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_long_content_runs_over_pages_and_every_text_is_there(long_build, kind):
    workshop, files = long_build
    text = text_of(files[kind])
    for model in workshop.models:
        for value in (model.title, model.name, *model.summary, *model.examples, *model.strengths,
                      *model.weaknesses, *model.preconditions, *model.questions):
            assert value in text, plain(value)
    assert all(source in text for source in workshop.sources)
    assert len(page_lines(files[kind])) > MODELS + 2  # a model takes more than a page


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_no_page_ends_with_a_heading(long_build, kind):
    workshop, files = long_build
    heads = headings(workshop)
    pages = page_lines(files[kind])
    ends = [(number, lines[-1]) for number, lines in enumerate(pages, start=1) if lines]
    alone = [(number, line) for number, line in ends[1:]  # the cover ends with the authors
             if line in heads or re.match(r"Diapositives? \d", line)]
    assert not alone, alone
    # the check sees headings: each of them starts some line
    starts = {line for lines in pages for line in lines}
    assert {f"{model.number} {plain(model.title)}" for model in workshop.models} <= starts


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_a_bullet_never_breaks_over_two_pages(long_build, kind):
    """Each bullet's first word (Force3.5) and last word (F3.5) are on the same page; the lists themselves
    do run over pages."""
    _, files = long_build
    pages = word_pages(files[kind])
    split, lists_broken = [], 0
    for first, last, count in ((first, last, count) for _, first, last, count in LONG_LISTS):
        for model in range(1, MODELS + 1):
            seen = [(pages[f"{first}{model}.{k}"], pages[f"{last}{model}.{k}"]) for k in range(1, count + 1)]
            split += [(first, model, k) for k, (start, end) in enumerate(seen, start=1) if start != end]
            lists_broken += len({start[0] for start, _ in seen}) > 1
    assert not split, split
    assert lists_broken > 0  # long lists did break, between bullets


def test_the_run_sheet_of_twelve_models_stays_one_page(long_build):
    workshop, files = long_build
    pages = page_lines(files["guide"])
    assert pages[1][0] == "Déroulé" and pages[1][-1] == "Total 5 h"
    assert pages[2][0] == "12 modèles de travail"
    assert f"{MODELS} Modèle {MODELS} 39–41 13 48–50 32 min" in pages[1]  # slides, card, question cards, time


def test_every_model_has_one_bookmark(long_build):
    workshop, files = long_build
    titles = outline_titles(files["guide"])
    assert [title for title in titles if re.match(r"\d+ Modèle \d+$", title)] == [
        f"{model.number} Modèle {model.number}" for model in workshop.models]
