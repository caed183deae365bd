"""Labels per language with their precedence, and long dates."""

import datetime

from deckgen.labels import long_date, resolve_labels


def test_language_labels():
    assert resolve_labels("nl").strengths == "Sterktes en kansen"
    assert resolve_labels("en").weaknesses == "Weaknesses and threats"
    assert resolve_labels("fr").examples == "P. ex."


def test_precedence_language_then_layout_then_content():
    labels = resolve_labels("nl", {"preconditions": "Voorwaarden", "sources": "Literatuur"}, {"sources": "Lees meer"})
    assert labels.preconditions == "Voorwaarden"
    assert labels.sources == "Lees meer"
    assert labels.strengths == "Sterktes en kansen"


def test_overview_heading_counts():
    assert resolve_labels("fr").overview_heading(7) == "7 modèles de travail"


def test_long_dates():
    day = datetime.date(2018, 5, 17)
    assert long_date(day, "nl") == "17 mei 2018"
    assert long_date(day, "en") == "17 May 2018"
    assert long_date(datetime.date(2018, 8, 1), "fr") == "1er août 2018"
