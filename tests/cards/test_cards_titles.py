"""A card is headed by its model's title, as its slide is, so that participants can match the two."""

from __future__ import annotations

from cards_helpers import build, page_text

CONTENT = """\
language: en
title: Titles
models:
  - name: Strengthening networks through volunteering in an organisation
    title: Through an organisation
    summary: [People meet]
    strengths: [Strong]
    questions: [Would this work for you?]
  - name: Buddy
    summary: [Two people]
"""


def test_the_card_heading_is_the_title_and_the_full_name_stands_under_it(tmp_path):
    _, paths = build(tmp_path, CONTENT)
    pages = page_text(paths["single.pdf"])  # cover, model 1 front and back, model 2 front and back, question
    first_front, first_back, second_front = pages[2], pages[3], pages[4]
    assert first_front.index("Through an organisation") < first_front.index("Strengthening networks through")
    assert "Through an organisation" in first_back and "Strengthening" not in first_back
    assert second_front.count("Buddy") == 1  # no subtitle when the name is the title
    assert "Through an organisation" in pages[6] and "Strengthening" not in pages[6]
