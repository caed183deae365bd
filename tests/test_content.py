"""Loading content files: the example's transcription, and every contract rule with its exact message."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from deckgen.content import load_workshop
from deckgen.errors import InvalidInput


def messages(path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_workshop(path)
    return [str(problem) for problem in caught.value.problems]


def test_example_is_the_2018_workshop(example):
    assert example.language == "nl"
    assert example.title.plain.startswith("Studie- en vormingsdag. Van 'buddy' tot 'community'")
    assert example.authors == ("Kristien Nys", "Soumia Tourbi", "Ria Széker", "Imane Kostet", "Kathleen Emmerly")
    assert example.date == datetime.date(2018, 5, 17)
    assert [m.number for m in example.models] == [1, 2, 3, 4, 5, 6, 7]
    assert example.models[5].name.plain == "Netwerkversterking via (vrijwilligerswerk in) organisatie"
    assert example.models[5].title.plain == "Netwerkversterking via organisatie"
    assert [len(m.strengths) for m in example.models] == [4, 6, 4, 6, 3, 5, 7]
    assert [len(m.weaknesses) for m in example.models] == [4, 7, 6, 6, 2, 4, 7]
    assert example.models[6].preconditions == ()
    assert all(m.preconditions for m in example.models[:6])


def test_example_transcribes_every_line_of_the_seed(example):
    """Every bullet of the seed's analysis slides appears, word for word, in the example."""
    seed = Path(__file__).resolve().parent / "fixtures" / "seed-2018.txt"  # the 2018 deck's transcript
    bullets = re.findall(r"<li>- (.*?)</li>", seed.read_text(encoding="utf-8"))
    texts = {t.plain for m in example.models for t in m.strengths + m.weaknesses}
    assert bullets and all(bullet in texts for bullet in bullets)


def test_citation_title_is_italic(example):
    italic = [span.text for span in example.sources[1].spans if span.italic]
    assert italic == ["Persoonlijke netwerkversterking bij mensen in armoede. Een overzicht van werkmodellen "
                      "en een sterkte-zwakteanalyse door ervarings- en praktijkdeskundigen"]


def test_preconditions_as_one_string_or_a_list(write_content):
    path = write_content("""\
        title: T
        models:
          - name: A
            preconditions: one, two
          - name: B
            preconditions: [one, two]
        """)
    workshop = load_workshop(path)
    assert [p.plain for p in workshop.models[0].preconditions] == ["one, two"]
    assert [p.plain for p in workshop.models[1].preconditions] == ["one", "two"]


def test_defaults(write_content):
    workshop = load_workshop(write_content("title: T\nmodels: [{name: A}]\n"))
    assert workshop.language == "nl"
    assert workshop.models[0].title == workshop.models[0].name
    assert not workshop.models[0].has_analysis


def test_english_content_with_twelve_models(write_content, english_content):
    workshop = load_workshop(write_content(english_content(12)))
    assert len(workshop.models) == 12
    assert workshop.language == "en"


def test_wrong_type_is_reported_with_line_column_and_key_path(write_content):
    path = write_content("""\
        title: T
        models:
          - name: A
          - name: B
          - name: C
            strengths: 3
        """)
    assert messages(path) == [f"{path}:6:16: model 3 'C', strengths: expected a list of strings, got a number (3)"]


def test_unknown_key_suggests_the_nearest(write_content):
    path = write_content("title: T\nmodels:\n  - name: A\n    strenghts: [x]\n")
    assert messages(path) == [f"{path}:4:5: model 1 'A', strenghts: unknown key; did you mean 'strengths'?"]


def test_unknown_key_without_a_near_one_lists_the_known_keys(write_content):
    path = write_content("title: T\nmodels: [{name: A}]\ncolour: red\n")
    (message,) = messages(path)
    assert message.startswith(f"{path}:3:1: colour: unknown key; known keys: language, layout, title")


def test_every_problem_is_reported_at_once(write_content):
    path = write_content("""\
        language: es
        title: 12
        date: 2018-02-30
        models:
          - summary: []
        """)
    assert messages(path) == [
        f"{path}:1:11: language: expected one of nl, en, fr, de, got 'es'",
        f"{path}:2:8: title: expected text, got a number (12)",
        f"{path}:3:7: date: expected a date as YYYY-MM-DD, got '2018-02-30', which is no date "
        "(day is out of range for month)",
        f"{path}:5:5: model 1, name: required; expected text, got nothing",
    ]


def test_missing_required_keys(write_content):
    path = write_content("language: en\n")
    assert messages(path) == [
        f"{path}:1:1: title: required; expected text, got nothing",
        f"{path}:1:1: models: required; expected a list of entries of keys with values, got nothing",
    ]


def test_models_may_not_be_empty(write_content):
    path = write_content("title: T\nmodels: []\n")
    assert messages(path) == [f"{path}:2:9: models: expected at least 1 item, got an empty list"]


def test_language_typo_gets_a_suggestion(write_content):
    path = write_content("language: nll\ntitle: T\nmodels: [{name: A}]\n")
    assert messages(path) == [f"{path}:1:11: language: expected one of nl, en, fr, de, got 'nll'; did you mean 'nl'?"]


def test_unknown_label_key(write_content):
    path = write_content("title: T\nmodels: [{name: A}]\nlabels:\n  strenghts: Pro\n")
    assert messages(path) == [f"{path}:4:3: labels.strenghts: unknown key; did you mean 'strengths'?"]


def test_literal_markup_stays_text(write_content):
    workshop = load_workshop(write_content('title: "<b>x</b> {{ y }} &amp;"\nmodels: [{name: A}]\n'))
    assert workshop.title.plain == "<b>x</b> {{ y }} &amp;"
    assert all(not span.bold for span in workshop.title.spans)
