"""grootletter is large type: its slides and card fronts set the example at least 1.25 times the default's size."""

from __future__ import annotations

from collections import Counter

import pdfplumber
import pytest
from pptx import Presentation

from deckgen.build import build
from deckgen.project import Request

CHROME = ("Footer", "Slide number")


def text_sizes(deck_path):
    """Each slide's text sizes in pt (footer and slide number left out), weighted by characters."""
    sizes = []
    for slide in Presentation(str(deck_path)).slides:
        counted = Counter()
        for shape in slide.shapes:
            if shape.name in CHROME:
                continue
            frames = [shape.text_frame] if shape.has_text_frame else (
                [cell.text_frame for row in shape.table.rows for cell in row.cells] if shape.has_table else [])
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        if run.font.size and run.text.strip():
                            counted[run.font.size.pt] += len(run.text)
        sizes.append(counted)
    return sizes


@pytest.fixture(scope="module")
def decks(tmp_path_factory, example_path):
    out = tmp_path_factory.mktemp("large")
    return {layout: build(Request(content=example_path, out_dir=out / layout, layout=layout))
            for layout in ("default", "grootletter")}


def test_grootletter_slides_are_at_least_a_quarter_larger(decks):
    default = text_sizes(decks["default"][0])
    large = text_sizes(decks["grootletter"][0])
    body = Counter()
    for counted in default[2:-1]:  # the analysis slides
        body.update(counted)
    default_body = body.most_common(1)[0][0]
    smallest = min(size for counted in large for size in counted)
    assert smallest >= 1.25 * default_body, (smallest, default_body)
    assert len(large) > len(default)  # the fitting that follows: more slides, not smaller type


def test_grootletter_card_fronts_start_a_quarter_larger(decks):
    def front_sizes(paths):
        single = next(path for path in paths if path.name.endswith("-cards-single.pdf"))
        with pdfplumber.open(single) as pdf:  # the model fronts (pages 3, 5, 7, ...): their heading's size,
            return [max(char["size"] for char in page.chars)  # twice the side's fitted size
                    for page in pdf.pages[2::2]]

    for default, large in zip(front_sizes(decks["default"]), front_sizes(decks["grootletter"])):
        assert large >= 1.25 * default, (large, default)


def test_grootletter_card_text_never_drops_below_its_floor(decks):
    """A long back continues on a further card rather than shrink below grootletter's 11 pt."""
    single = next(path for path in decks["grootletter"] if path.name.endswith("-cards-single.pdf"))
    with pdfplumber.open(single) as pdf:  # the body text of every side: its most common size
        body = [Counter(round(char["size"], 1) for char in page.chars if char["text"].strip()).most_common(1)[0][0]
                for page in pdf.pages[1::2]]  # the backs, where the long lists are
        pages = len(pdf.pages)
    assert min(body) >= 11 - 0.05, body
    assert pages > 16  # the example's long backs continue
