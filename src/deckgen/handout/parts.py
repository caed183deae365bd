"""A long handout or guide in parts: which parts, and what each part's template sees.

WeasyPrint holds every laid-out page of a document until it is written (about 2 MB a page here) and lays
out a document whole, so a handout of hundreds of models costs gigabytes and any edit lays it all out
again. A document of more than WHOLE_UP_TO models is therefore laid out in parts, each one WeasyPrint
document: the front (cover, and the guide's run sheet), the overview, then the models PART_MODELS at a
time, the last part with the back (questions, sources). Each part begins on a new page (the cover, the
run sheet and the overview always did). The overview, a line for every model, is laid out a few pages at a
time too, in pieces that begin where its pages break (deckgen.handout.pagination), so that it looks as it
would whole. deckgen.handout.assemble merges them into one PDF and draws the running footers over every
page from the page layer, so a part's PDF does not depend on where it stands: an edit lays out again only
the part that shows it.

Only the default layout's handout templates and stylesheet are known to draw one part when told to;
a layout with handout templates or a handout.css of its own is laid out in one piece, as it always was
(``in_parts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

WHOLE_UP_TO = 24  # models: a document with no more is laid out in one piece
PART_MODELS = 12  # models per part: a part of the benchmark's models is about 10 pages, 25 MB to lay out
PART_LINK = "deckgen-part:"  # the overview's links in a front part, made internal links when merging


@dataclass(frozen=True)
class Part:
    """One WeasyPrint document of a handout or guide: ``slot`` names it in the cache ("front",
    "overview", "models-3", or "whole" for a document in one piece)."""

    slot: str
    front: bool = False  # the cover and the guide's run sheet
    overview: bool = False
    listed: tuple[int, int] | None = None  # of the overview: the models from, to (None: all of them)
    models: tuple = ()  # the ModelViews laid out in this part
    back: bool = False  # the deck-wide questions and the sources
    pages: dict[str, int] | None = field(default=None, compare=False)  # anchor: page, for the overview

    def href(self, anchor: str) -> str:
        """The overview's link to a model: within the document in one piece, to another part otherwise."""
        return f"#{anchor}" if self.pages is None else f"{PART_LINK}{anchor}"

    def page(self, anchor: str) -> int | None:
        """The page a model begins on when the builder knows it; None when WeasyPrint counts it."""
        return None if self.pages is None else self.pages[anchor]

    @property
    def continued(self) -> bool:
        """A piece of the overview after its first: no heading, its first line at the top of a page."""
        return self.listed is not None and self.listed[0] > 0

    def listed_models(self, models):
        """The models this part's overview lists."""
        return models if self.listed is None else models[self.listed[0]:self.listed[1]]


def whole(view) -> Part:
    return Part("whole", front=True, overview=True, models=view.models, back=True)


def in_parts(view, layout) -> bool:
    """Whether the document is long enough for parts and every handout template and stylesheet of the
    layout chain is the default layout's own."""
    return len(view.models) > WHOLE_UP_TO and all(
        name == "default" or not any(folder.glob("handout*")) for name, folder in layout.template_dirs)


def fixed_parts(view) -> list[Part]:
    """The parts that show no page number, in order: the front, the models PART_MODELS at a time, the
    last with the back (the deck-wide questions and the sources, which follow the last model as in one
    piece). The overview goes after the front."""
    models = view.models
    starts = range(0, len(models), PART_MODELS)
    return [Part("front", front=True)] + [
        Part(f"models-{number}", models=models[start:start + PART_MODELS], back=number == len(starts))
        for number, start in enumerate(starts, start=1)]


def overview(pages: dict[str, int], listed: tuple[int, int] | None = None, number: int = 0) -> Part:
    """The overview, with the page each model begins on; only the models ``listed`` (from, to) in its
    piece ``number`` (from 1)."""
    return Part(f"overview-{number}" if number else "overview", overview=True, listed=listed, pages=pages)


def model_pages(before: int, body: list[tuple[int, dict[str, int]]]) -> dict[str, int]:
    """The page (from 1) each model begins on in the merged document: ``before`` pages come before the
    models, and ``body`` gives each models part's page count and the page (from 0) within it of each
    anchor it holds."""
    pages, start = {}, before + 1
    for count, anchors in body:
        for anchor, index in anchors.items():
            pages[anchor] = start + index
        start += count
    return pages
