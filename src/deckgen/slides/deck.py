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
