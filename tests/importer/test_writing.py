"""The written YAML: quoted where YAML would misread a text, plain elsewhere, comments that stay comments."""

from __future__ import annotations

import datetime
import textwrap

import pytest
from importer_samples import built_deck, differences

from deckgen.content import load_workshop
from deckgen.importer import import_deck
from deckgen.yamlwriting import dump, needs_quotes


@pytest.mark.parametrize("text", ["#1 in de buurt", "Vraag: wat nu?", "Buddy's", 'Zeg "ja"', "yes", "no", "12",
                                  "3.5", "2018-05-17", "...", "- lijst", "*cursief* begin", "[haakjes]",
                                  "{accolade}", "& co", "! hier", "% procent", "@home", "`code`", "eindigt:",
                                  "null", "~", " rand", "rand ", "tab\there", "a #b",
                                  "C# en #hashtag", "On", "Off"])
def test_texts_yaml_would_misread_are_quoted(text):
    assert needs_quotes(text)


@pytest.mark.parametrize("text", ["Persoonlijke vriend", "Vaak familie, vrienden, burens, ...", "5 * 3 * 2",
                                  "Un **lien** durable", "Weinig initiatieven in Brussel?", "C# en C++",
                                  "100% vrijwillig", "Ja"])
def test_plain_texts_stay_plain(text):
    assert not needs_quotes(text)


def test_tricky_texts_come_back_through_a_deck(tmp_path):
    source = tmp_path / "workshop.yaml"
    source.write_text(textwrap.dedent("""\
        language: en
        title: "#1: the *best* day"
        subtitle: "yes"
        authors: ["O'Brien", Ann Smith]
        venue: "12"
        models:
          - name: "Drop-in: 'open' doors"
            title: "- dashes"
            summary: ["*Italic* first", "Ends with a colon:", "...", "null"]
            examples: ["& co", "[brackets]"]
            strengths: ["it's \\"quoted\\"", "C# and #tags", "5 * 3 * 2"]
            weaknesses: ["%percent", "@home", "~"]
            preconditions: "two: three"
            notes: |
              Line one: with colon.
                Indented line.
              # not a comment
        sources: ["**Bold** start", "Ends in *italic*"]
        """), encoding="utf-8")
    deck = built_deck(source, tmp_path / "out")
    imported = import_deck(deck, tmp_path / "back.yaml")
    assert differences(source, imported.target) == []


def test_what_a_slide_cannot_tell_apart(tmp_path):
    """Items joined on one line with "; " or ", " come back cut where the join was: the documented limit."""
    source = tmp_path / "workshop.yaml"
    source.write_text(textwrap.dedent("""\
        title: T
        authors: ["Nys, K."]
        models:
          - name: A
            examples: ["Gent, Brussel", "Tandem (Gent, Brussel)"]
            preconditions: "tijd; geduld"
        """), encoding="utf-8")
    workshop = load_workshop(import_deck(built_deck(source, tmp_path / "out"), tmp_path / "back.yaml").target)
    assert [t.plain for t in workshop.models[0].examples] == ["Gent", "Brussel", "Tandem (Gent, Brussel)"]
    assert [t.plain for t in workshop.models[0].preconditions] == ["tijd", "geduld"]
    assert workshop.authors == ("Nys", "K.")


def test_the_report_stays_a_comment_whatever_it_holds():
    header = "Not imported:\n- slide 2: \x0bvertical tab\r\ncarriage return\u2028line separator\x07bell\n# hash"
    text = dump({"title": "T", "models": [{"name": "A"}], "date": datetime.date(2024, 1, 2)}, header)
    lines = text.splitlines()
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("title")):]
    assert body[:3] == ["title: T", "models:", "  - name: A"]
    assert all(line.startswith("#") or not line.strip() for line in lines[: len(lines) - len(body)])
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(text) == {"title": "T", "models": [{"name": "A"}], "date": datetime.date(2024, 1, 2)}
