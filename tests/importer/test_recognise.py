"""Slide kinds told by their structure: numbers with or without a dot or none at all, headings the other
way round, the deck's own words, the language from whatever the deck says, notes kept or reported."""

from __future__ import annotations

import datetime

from importer_samples import add_paragraphs, add_table, add_text_box
from pptx import Presentation
from pptx.util import Inches

from deckgen.content import load_workshop
from deckgen.importer import import_deck


def _deck(path, slides, size=(13.333, 7.5)):
    """``slides``: (title, [("table", rows) | ("text", lines) | ("body", lines)], notes) each."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(size[0]), Inches(size[1])
    for title, parts, notes in slides:
        layout = prs.slide_layouts[1] if any(kind == "body" for kind, _ in parts) else prs.slide_layouts[5]
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        for kind, content in parts:
            if kind == "table":
                add_table(slide, len(content), 2, content, merge_last=content[-1][1] is None)
            elif kind == "body":
                add_paragraphs(slide.placeholders[1].text_frame, content)
            else:
                add_text_box(slide, 0.5, 1.6, 9, 4, content)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    prs.save(str(path))
    return path


def _import(tmp_path, slides, **options):
    imported = import_deck(_deck(tmp_path / "deck.pptx", slides, **options), tmp_path / "deck.yaml")
    return load_workshop(imported.target), imported.report.lines(), imported.target.read_text(encoding="utf-8")


TITLE = ("Community day", [("text", ["Ann Smith", "Town Hall, Leeds", "Thursday 17 May 2018"])], "Welcome all")
OVERVIEW = ("Three ways", [("text", ["1 Buddy", "• Pairs", "E.g. Tandem, Duo", "2 Peers", "• Groups",
                                     "3 Family", "• Kin"])], None)


def test_numbers_with_a_dot_without_or_none_and_headings_the_other_way_round(tmp_path):
    workshop, report, _ = _import(tmp_path, [
        TITLE, OVERVIEW,
        ("1. Buddy", [("table", [[["Weaknesses and threats"], ["Strengths and opportunities"]],
                                 [["- Waiting lists"], ["- Close by", "- Cheap"]]])], None),
        ("Peers", [("text", ["Strengths", "- Support", "Weaknesses", "- High threshold"])], "About peers"),
        ("Kin and family", [("text", ["Strengths", "- Known people", "Weaknesses", "- Old quarrels",
                                      "Preconditions: time; trust"])], None),
    ])
    assert workshop.language == "en"  # "May", "E.g.", the column headings
    assert workshop.date == datetime.date(2018, 5, 17)  # a weekday before the date
    assert workshop.authors == ("Ann Smith",) and workshop.venue.plain == "Town Hall, Leeds"
    assert workshop.overview == "Three ways"
    buddy, peers, family = workshop.models
    assert [t.plain for t in buddy.strengths] == ["Close by", "Cheap"]  # the columns were swapped
    assert [t.plain for t in buddy.weaknesses] == ["Waiting lists"]
    assert [t.plain for t in buddy.examples] == ["Tandem", "Duo"]
    assert peers.title == peers.name and peers.notes == "About peers"  # matched by name
    assert family.title.plain == "Kin and family"  # no number, another title: the next model, said so
    assert [t.plain for t in family.preconditions] == ["time", "trust"]
    assert workshop.labels == {}  # the first slide's words are the language's: later other words are said
    assert ("slide 4 'Peers': 'Strengths' differs from 'Strengths and opportunities' on an earlier slide; a "
            "workshop has one word for its strengths label: 'Strengths and opportunities' is kept") in report
    assert "slide 1 'Community day': speaker notes (only a model's slides keep notes)" in report
    assert any(line.startswith("slide 5 'Kin and family': read as the analysis of model 3 'Family'")
               for line in report)


def test_a_dutch_deck_in_4_3_with_powerpoint_bullets_and_sub_bullets(tmp_path):
    workshop, report, text = _import(tmp_path, [
        ("Vormingsdag", [("text", ["Werken aan netwerken", "Kristien Nys, Soumia Tourbi",
                                   "Campus Schaarbeek", "17 mei 2018"])], None),
        ("2 werkmodellen", [("body", ["Persoonlijke vriend", (1, "Buddywerking"), (1, "Bv. ArmenTeKort"),
                                      "Lotgenoten", (1, "Peer support")])], None),
        ("1 Persoonlijke vriend", [("table", [[["+ Sterktes en kansen"], ["− Zwaktes en bedreigingen"]],
                                              [["Horizon verruimen"], ["Wachtlijsten"]],
                                              [["Voorwaarden: presentie; tijd"], None]])], None),
        ("1 Persoonlijke vriend (vervolg)", [("table", [[["Sterktes en kansen"], ["Zwaktes en bedreigingen"]],
                                                        [["Gelijkwaardig"], ["Afhaken"]]])], None),
        ("Bronnen", [("body", [[("Kostet, I. (2018). ", False, False), ("Netwerken", False, True)]])], None),
    ], size=(10, 7.5))
    assert workshop.language == "nl"
    assert workshop.subtitle.plain == "Werken aan netwerken"
    assert workshop.authors == ("Kristien Nys", "Soumia Tourbi")
    vriend, lotgenoten = workshop.models
    assert [t.plain for t in vriend.summary] == ["Buddywerking"]
    assert [t.plain for t in vriend.examples] == ["ArmenTeKort"]
    assert [t.plain for t in vriend.strengths] == ["Horizon verruimen", "Gelijkwaardig"]  # (vervolg) merged
    assert [t.plain for t in vriend.weaknesses] == ["Wachtlijsten", "Afhaken"]
    assert lotgenoten.name.plain == "Lotgenoten" and not lotgenoten.strengths
    assert workshop.sources[0].spans[-1].italic
    assert report == []
    assert workshop.labels == {"preconditions": "Voorwaarden"}  # the merged row's own word
    assert [t.plain for t in vriend.preconditions] == ["presentie", "tijd"]
    assert "overview:" not in text


def test_a_model_slide_without_an_overview(tmp_path):
    workshop, report, _ = _import(tmp_path, [
        ("Conditions", [("text", ["Forces et opportunités", "- Proche", "Faiblesses et menaces", "- Cher"])], None),
    ])
    assert workshop.language == "fr" and workshop.title.plain == "deck"  # no title slide: the file's name
    assert [m.name.plain for m in workshop.models] == ["Conditions"]
    assert any("no title slide found" in line for line in report)
