"""The slides writer: one workshop and one layout in, an editable .pptx out.

Title slide, overview tiles, one analysis slide (a native table) per model with an analysis, and
the sources; every text measured with the layout's real font metrics and shrunk, split or refused
so that nothing runs off a slide.
"""

from __future__ import annotations

from pathlib import Path

from deckgen.layout import Layout
from deckgen.model import Workshop
from deckgen.slides.context import raise_problems
from deckgen.slides.deck import draw_deck, plan_deck
from deckgen.slides.reproducible import save, set_properties

__all__ = ["write_slides", "check_slides"]


def write_slides(workshop: Workshop, layout: Layout, target: Path) -> None:
    """Write the deck to ``target``; raises DoesNotFit, naming the slide, when text cannot fit."""
    deck = plan_deck(workshop, layout)
    raise_problems(deck.ctx.problems)
    draw_deck(deck)
    set_properties(deck.prs, workshop.title.plain, ", ".join(workshop.authors), deck.ctx.style.lang)
    save(deck.prs, Path(target))


def check_slides(workshop: Workshop, layout: Layout) -> list[str]:
    """Problems of text that does not fit, each naming its slide; [] when everything fits."""
    return list(plan_deck(workshop, layout).ctx.problems)
