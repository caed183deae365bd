"""Text fits its card: shrunk step by step, refused with the card's name when even the smallest size fails."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from cards_helpers import build
from deckgen.builders import builder
from deckgen.content import load_workshop
from deckgen.errors import DoesNotFit
from deckgen.layout import load_layout
from deckgen.project import assemble


def _content(strengths: int, name: str = "Crowded model") -> str:
    items = ", ".join(f"Strength number {i} that takes a full line of words" for i in range(strengths))
    return (f"language: en\ntitle: Fit test\nmodels:\n  - name: Easy model\n    strengths: [Fine]\n"
            f"  - name: {name}\n    strengths: [{items}]\n    weaknesses: [Some]\n    preconditions: [Many]\n")


def _body_size(path, page: int) -> float:
    """The most common type size on a page, in pt."""
    from collections import Counter

    with pdfplumber.open(path) as pdf:
        sizes = Counter(round(char["size"], 1) for char in pdf.pages[page].chars if char["text"].strip())
    return sizes.most_common(1)[0][0]


def test_a_crowded_side_is_shrunk_in_steps(tmp_path):
    _, paths = build(tmp_path, _content(14))
    easy, crowded = _body_size(paths["single.pdf"], 3), _body_size(paths["single.pdf"], 5)
    assert crowded < easy
    assert crowded >= load_layout("default").cards.min_font_size
    assert (crowded * 2) == pytest.approx(round(crowded * 2), abs=0.05)  # a 0.5 pt step
    assert "Strength number 13 that takes a full line of words" in " ".join(
        pdfplumber.open(paths["single.pdf"]).pages[5].extract_text().split())


def test_an_overlong_card_is_refused_at_the_line_to_shorten(tmp_path):
    with pytest.raises(DoesNotFit) as caught:
        build(tmp_path, _content(60, name="Overlong model"))
    message = str(caught.value)
    source = re.escape(str(tmp_path / "workshop.yaml"))
    assert re.search(source + r":7:5: models\[1\]\.strengths: card 'models' 2 'Overlong model' \(back\): "
                              r"does not fit at 7 pt, \d+\.\d mm over", message), message
    assert "Easy model" not in message
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.html"))


def test_check_cards_reports_without_writing(tmp_path):
    source = tmp_path / "w.yaml"
    source.write_text(_content(60, name="Overlong model"), encoding="utf-8")
    cards = builder("cards")
    problems = cards.check(assemble(load_workshop(source), load_layout("default")))
    assert len(problems) == 1 and "'Overlong model' (back)" in str(problems[0])
    source.write_text(_content(2), encoding="utf-8")
    assert cards.check(assemble(load_workshop(source), load_layout("default"))) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.yaml"]
