"""The deck in order: plan every slide (sizes, splits, numbers), then draw the plans.

The deck is planned in sections (the title slide, the overview, each model's analysis, the sources), each
with what its slides show (``Section.shows``): ``build_deck`` takes a section's finished slides from the
last build's cache (deckgen.slides.cache) when nothing it shows changed, and plans and draws the others,
one slide at a time (deckgen.slides.parts)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deckgen.layout import Layout
from deckgen.model import Workshop
from deckgen.slides import analysis, logo, overview, sources, title
from deckgen.slides.cache import SlideCache, section_key, shared_digest
from deckgen.slides.chrome import add_footer, list_notes_master, plan_footer
from deckgen.slides.context import Context
from deckgen.slides.geometry import grid_for
from deckgen.slides.measure import Para
from deckgen.slides.parts import Media, SlideParts, lift
from deckgen.slides.template import (
    Layouts,
    TemplateFrames,
    choose_layouts,
    open_presentation,
    template_frames,
)

_DRAW = {
    title.TitlePlan: title.draw,
    overview.OverviewPlan: overview.draw,
    analysis.AnalysisPlan: analysis.draw,
    sources.SourcesPlan: sources.draw,
}


@dataclass
class Deck:
    prs: object
    ctx: Context
    plans: list
    layouts: Layouts
    footer: Para | None = None  # the layout's footer, measured, as every slide carries it
    frames: TemplateFrames = dataclasses.field(default_factory=TemplateFrames)


@dataclass
class Section:
    """Slides planned together: what they show besides what every slide of the deck shares (the layout,
    labels, language), as text; and their plans, numbered from a given slide number."""

    kind: str  # "title", "overview", "analysis" or "sources"
    shows: str
    plan: Callable[[int], list]
    model: int | None = None  # the number of an analysis' model


def _open(workshop: Workshop, layout: Layout) -> Deck:
    """The presentation to draw on and the context to plan in, before any slide is planned."""
    prs = open_presentation(layout)
    logo.warn_if_left_off(layout)
    layouts = choose_layouts(prs)
    frames = template_frames(layouts) if layout.slides.template is not None else TemplateFrames()
    ctx = Context.create(workshop, layout, grid_for(prs.slide_width, prs.slide_height, frames.title))
    footer = plan_footer(ctx)  # on every slide, so reported as slide 1's
    return Deck(prs, ctx, [], layouts, footer, frames)


def sections(ctx: Context, frames: TemplateFrames) -> list[Section]:
    """The deck's sections in order. What a section shows is the content its planner reads (the language and
    labels every slide shares): the workshop's title, subtitle, authors, venue, date and picture for the title
    slide, the models' tiles for the overview, the whole model for its analysis (with the size every
    single-slide table takes when the layout keeps one), the sources for theirs."""
    w = ctx.workshop
    tiles = [(model.number, model.name, model.summary, model.examples, model.image) for model in w.models]
    found = [Section("title", repr((w.title, w.subtitle, w.authors, w.venue, w.date, w.image)),
                     lambda number: [title.plan(ctx, number, frames)]),
             Section("overview", repr((w.overview, tiles)), lambda number: overview.plan(ctx, number))]
    fitted = analysis.choices(ctx, w.models)
    smallest = analysis.same_size(ctx, fitted)
    for choice in fitted:
        found.append(Section("analysis", f"{choice[0]!r} {smallest and smallest[0]}",
                             lambda number, choice=choice: analysis.plan_model(ctx, choice, smallest, number),
                             choice[0].number))
    found.append(Section("sources", repr(w.sources), lambda number: sources.plan(ctx, number)))
    return found


def plan_deck(workshop: Workshop, layout: Layout) -> Deck:
    """Every slide and the footer measured, every slide numbered; text that does not fit is in
    ``ctx.problems`` as Misfits, in slide order."""
    deck = _open(workshop, layout)
    for section in sections(deck.ctx, deck.frames):
        deck.plans += section.plan(len(deck.plans) + 1)
    return deck


@dataclass
class BuiltDeck:
    """The deck's presentation (without slides) and its slides' parts, ready for deckgen.slides.package;
    when ``ctx.problems`` is not empty, nothing was drawn."""

    prs: object
    ctx: Context
    slides: list[SlideParts]
    media: Media


def build_deck(workshop: Workshop, layout: Layout, cache: SlideCache) -> BuiltDeck:
    """The deck's slides: each section's from ``cache`` when it holds them, else planned and drawn (and
    put in ``cache``). Once a section does not fit, the rest are only planned, for their problems."""
    deck = _open(workshop, layout)
    prs, ctx = deck.prs, deck.ctx
    made_notes_master = _add_notes_master(prs)
    shared = shared_digest(ctx)
    known_parts = {str(part.partname) for part in prs.part.package.iter_parts()}
    slides: list[SlideParts] = []
    media: Media = {}
    placed: list[tuple[Section, int, int]] = []  # each section, its first slide's number, its slide count
    for section in sections(ctx, deck.frames):
        number = len(slides) + 1
        key = section_key(shared, f"{section.kind} {section.shows}", number)
        found = cache.get(key, known_parts)
        if found is None:
            plans = section.plan(number)
            if ctx.problems:
                found = [None] * len(plans)  # numbered, not drawn
            else:
                found = [draw_slide(deck, plan, media) for plan in plans]
                cache.put(key, found, media)
        placed.append((section, number, len(found)))
        slides += found
    if not ctx.problems:
        _numbered[:] = [workshop, layout, _numbers(workshop, placed)]
    if made_notes_master and not any(slide.notes for slide in slides if slide is not None):
        prs.part.drop_rel(next(rid for rid, rel in prs.part.rels.items() if rel.reltype == RT.NOTES_MASTER))
    list_notes_master(prs)
    return BuiltDeck(prs, ctx, slides, {**cache.media, **media})


def draw_slide(deck: Deck, plan, media: Media) -> SlideParts:
    """The slide of ``plan`` with its footer, drawn and lifted out of the deck's presentation."""
    slide = _DRAW[type(plan)](deck.prs, deck.layouts, deck.ctx, plan)
    add_footer(slide, deck.ctx.grid, deck.ctx.style, deck.footer, None if plan.number == 1 else plan.number)
    return lift(deck.prs, slide, media)


def _add_notes_master(prs) -> bool:
    """Give ``prs`` a notes master before any slide is drawn, so that it takes the same place in the package
    whichever slide is the first with notes, drawn or remembered; True when it was made here (a template
    may have its own)."""
    had = any(rel.reltype == RT.NOTES_MASTER and not rel.is_external for rel in prs.part.rels.values())
    prs.notes_master  # noqa: B018 -- python-pptx makes the default notes master on first use
    return not had


@dataclass(frozen=True)
class SlideNumbers:
    """Which slides of the deck show what, numbered as the deck numbers them (the title slide is 1)."""

    title: int
    overview: tuple[int, ...]
    # model number: its analysis slides (continuations included); for a model without an analysis,
    # the overview slide that shows its tile
    models: dict[int, tuple[int, ...]]
    sources: tuple[int, ...]
    count: int  # slides in the deck

    def first(self, model_number: int) -> int:
        """The slide a model goes with: the first of its analysis slides (or its overview slide)."""
        return self.models[model_number][0]


# The last deck built in this process: [workshop, layout, its SlideNumbers] (the guide, built after the
# deck, points at its slides without planning them again).
_numbered: list = []


def slide_numbers(workshop: Workshop, layout: Layout) -> SlideNumbers:
    """The numbers of the slides the slides builder writes for ``workshop`` in ``layout``, by what they show:
    other outputs (the facilitator's guide) point at slides by them. Those of the deck this process has just
    built from these very objects, else read from ``plan_deck`` (nothing is drawn)."""
    if _numbered and _numbered[0] is workshop and _numbered[1] is layout:
        return _numbered[2]
    return planned_numbers(workshop, layout)


def planned_numbers(workshop: Workshop, layout: Layout) -> SlideNumbers:
    """``slide_numbers`` from ``plan_deck``: each model is found by the number its slide title and its
    overview tile carry. Slides whose text does not fit are numbered all the same (the deck itself then
    refuses to build)."""
    plans = plan_deck(workshop, layout).plans
    analysed: dict[int, list[int]] = {}
    tiles: dict[int, int] = {}
    title_slide, overview_slides, sources_slides = 1, (), ()
    for plan in plans:
        if isinstance(plan, analysis.AnalysisPlan):
            analysed.setdefault(int(plan.title[0].label), []).append(plan.number)
        elif isinstance(plan, overview.OverviewPlan):
            overview_slides += (plan.number,)
            for _, paras in plan.tiles:
                tiles[int(paras[0].label)] = plan.number
        elif isinstance(plan, sources.SourcesPlan):
            sources_slides += (plan.number,)
        elif isinstance(plan, title.TitlePlan):
            title_slide = plan.number
    models = {model.number: tuple(analysed.get(model.number, ())) or (tiles[model.number],)
              for model in workshop.models}
    return SlideNumbers(title_slide, overview_slides, models, sources_slides, len(plans))


def _numbers(workshop: Workshop, placed: list[tuple[Section, int, int]]) -> SlideNumbers:
    """The deck's SlideNumbers from its sections' places: an analysis shows its model, the overview's slides
    show the models' tiles in the groups overview.tile_groups makes of them."""
    analysed: dict[int, tuple[int, ...]] = {}
    tiles: dict[int, int] = {}
    overview_slides: tuple[int, ...] = ()
    sources_slides: tuple[int, ...] = ()
    for section, first, count in placed:
        numbers = tuple(range(first, first + count))
        if section.kind == "overview" and count:
            overview_slides = numbers
            for number, group in zip(numbers, overview.tile_groups(list(workshop.models), count)):
                tiles.update((model.number, number) for model in group)
        elif section.kind == "analysis":
            analysed[section.model] = numbers
        elif section.kind == "sources":
            sources_slides = numbers
    models = {model.number: analysed.get(model.number) or (tiles[model.number],) for model in workshop.models}
    return SlideNumbers(1, overview_slides, models, sources_slides, sum(count for _, _, count in placed))
