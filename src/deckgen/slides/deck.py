"""The deck in order: plan every slide (sizes, splits, numbers), then draw the plans."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.layout import Layout
from deckgen.model import Workshop
from deckgen.slides import analysis, overview, sources, title
from deckgen.slides.chrome import add_footer, list_notes_master, plan_footer
from deckgen.slides.context import Context
from deckgen.slides.geometry import grid_for
from deckgen.slides.measure import Para
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


def plan_deck(workshop: Workshop, layout: Layout) -> Deck:
    """Every slide and the footer measured, every slide numbered; text that does not fit is in
    ``ctx.problems`` as Misfits, in slide order."""
    prs = open_presentation(layout)
    layouts = choose_layouts(prs)
    frames = template_frames(layouts) if layout.slides.template is not None else TemplateFrames()
    ctx = Context.create(workshop, layout, grid_for(prs.slide_width, prs.slide_height, frames.title))
    footer = plan_footer(ctx)  # on every slide, so reported as slide 1's
    plans: list = [title.plan(ctx, 1, frames)]
    plans += overview.plan(ctx, len(plans) + 1)
    plans += analysis.plan(ctx, workshop.models, len(plans) + 1)
    plans += sources.plan(ctx, len(plans) + 1)
    return Deck(prs, ctx, plans, layouts, footer)


def draw_deck(deck: Deck) -> None:
    for plan in deck.plans:
        slide = _DRAW[type(plan)](deck.prs, deck.layouts, deck.ctx, plan)
        add_footer(slide, deck.ctx.grid, deck.ctx.style, deck.footer, None if plan.number == 1 else plan.number)
    list_notes_master(deck.prs)


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


def slide_numbers(workshop: Workshop, layout: Layout) -> SlideNumbers:
    """The numbers of the slides the slides builder writes for ``workshop`` in ``layout``, by what they show,
    read from ``plan_deck`` (nothing is drawn): other outputs (the facilitator's guide) point at slides by
    them. Each model is found by the number its slide title and its overview tile carry. Slides whose text
    does not fit are numbered all the same (the deck itself then refuses to build)."""
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
