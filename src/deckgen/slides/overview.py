"""The overview: every model as a numbered tile (name, summary bullets, examples) in a grid.

The tiles take the largest size that fits, the same on every overview slide; when they would fall
below a readable size, the overview continues on further slides with fewer tiles each, and only when
even one tile a slide is not readable do they go down to the layout's minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from deckgen.inline import join, plain
from deckgen.model import WorkModel
from deckgen.slides.context import Context, model_key
from deckgen.slides.drawing import text_box, titled_slide
from deckgen.slides.geometry import Box
from deckgen.slides.measure import Insets, Para, first_fit
from deckgen.slides.template import Layouts

DESIGN_SIZE = 18
MAX_ROWS = 3
MAX_TILE_UNITS = 20  # a tile no wider than this many spacing units keeps its lines short
TILE_FILL = "primary/8"
SIZE_TOLERANCE = 2  # pt


@dataclass
class OverviewPlan:
    number: int
    heading: str
    title: list[Para]
    tiles: list[tuple[Box, list[Para]]]


def tile_paras(ctx: Context, model: WorkModel, size: float) -> list[Para]:
    paras = [Para(model.name, size + 2, role="heading", color="primary", bold=True,
                  label=str(model.number), label_color="accent")]
    gap = round(size * 0.3, 1)
    for index, item in enumerate(model.summary):
        paras.append(Para(item, size, bullet="•", indent=round(size * 0.9, 1),
                          space_before=size * 0.4 if index == 0 else gap))
    if model.examples:
        paras.append(Para(join(model.examples, ", "), size, label=ctx.labels.examples,
                          space_before=size * 0.4))
    return paras


def heading_key(ctx: Context) -> str:
    """The content key that sets the overview's heading: ``overview``, or ``labels.overview`` when only
    that is set (with neither, the heading is the layout's or language's label; ``overview`` overrides it)."""
    workshop = ctx.workshop
    return "labels.overview" if workshop.overview is None and "overview" in workshop.labels else "overview"


def insets(ctx: Context) -> Insets:
    u = ctx.grid.unit
    return Insets(u / 2, u / 2, u / 2, u / 2)


def _chunks(items, count):
    """``items`` in ``count`` runs whose lengths differ by at most one."""
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def _grids(ctx: Context, count: int):
    max_cols = 4 if ctx.grid.width > 800 else 3
    for cols in range(1, max_cols + 1):
        rows = math.ceil(count / cols)
        if rows <= MAX_ROWS and cols * (rows - 1) < count and (cols - 1) * rows < count:
            yield cols, rows


def _cell(ctx: Context, cols: int, rows: int) -> tuple[float, float]:
    body, u = ctx.grid.body, ctx.grid.unit
    return min((body.w - (cols - 1) * u) / cols, MAX_TILE_UNITS * u), (body.h - (rows - 1) * u) / rows


def _best(ctx: Context, models, floor: float):
    """(size, cols, rows) of the best grid for ``models`` on one slide, or None below ``floor``."""
    options = []
    for cols, rows in _grids(ctx, len(models)):
        w, h = _cell(ctx, cols, rows)
        size = first_fit(ctx.scaled(DESIGN_SIZE), floor, lambda s, w=w, h=h: all(
            ctx.measure.height(tile_paras(ctx, m, s), w, insets(ctx)) <= h for m in models))
        if size is not None:
            options.append((size, cols, rows))
    if not options:
        return None
    # A grid that fills the slide's width beats one a little larger that leaves a column empty.
    largest = max(size for size, _, _ in options)
    return max((o for o in options if o[0] >= largest - SIZE_TOLERANCE), key=lambda o: (o[1], o[0]))


def plan(ctx: Context, first_number: int) -> list[OverviewPlan]:
    models = list(ctx.workshop.models)
    heading = ctx.workshop.overview or ctx.labels.overview_heading(len(models))
    choice = None
    for floor in (ctx.readable, ctx.min_size):
        for per_slide in range(len(models), 0, -1):
            groups = _chunks(models, math.ceil(len(models) / per_slide))
            fits = [_best(ctx, group, floor) for group in groups]
            if all(fits):
                size = min(f[0] for f in fits)
                choice = (groups, size)
                break
        if choice:
            break
    if choice is None:  # even one tile a slide does not fit: a slide each, and every tile too full named
        groups = [[m] for m in models]
        size = ctx.min_size
        for index, model in enumerate(models):
            if _best(ctx, [model], size) is None:
                ctx.problem(model_key(model.number), first_number + index,
                            heading if index == 0 else ctx.continued(heading),
                            ctx.too_wide(tile_paras(ctx, model, size), _cell(ctx, 1, 1)[0], insets(ctx), "its tile")
                            or f"the tile of model {model.number} does not fit the slide even alone at {size:g} pt")
    plans = []
    for index, group in enumerate(groups):
        number = first_number + index
        title = heading if index == 0 else ctx.continued(heading)
        cols, rows = _layout_for(ctx, group, size)
        w, h = _cell(ctx, cols, rows)
        # Tiles as tall as the fullest one (in whole units), not stretched over the whole slide.
        u = ctx.grid.unit
        fullest = max(ctx.measure.height(tile_paras(ctx, m, size), w, insets(ctx)) for m in group)
        h = min(h, math.ceil(fullest / u) * u)
        body = ctx.grid.body
        # Tiles kept narrow for short lines leave room at the side: centre the grid in it.
        left = body.x + (body.w - (cols * w + (cols - 1) * u)) / 2
        tiles = []
        for i, model in enumerate(group):
            row, col = divmod(i, cols)
            box = Box(left + col * (w + u), body.y + row * (h + u), w, h)
            tiles.append((box, tile_paras(ctx, model, size)))
        plans.append(OverviewPlan(number, title, ctx.title_paras(plain(title), heading_key(ctx), number),
                                  tiles))
    return plans


def _layout_for(ctx: Context, group, size: float) -> tuple[int, int]:
    """The grid that fits ``group`` at ``size`` (the one with most room when none does)."""
    options = list(_grids(ctx, len(group)))
    for cols, rows in sorted(options, key=lambda cr: (-cr[0], cr[1])):
        w, h = _cell(ctx, cols, rows)
        if all(ctx.measure.height(tile_paras(ctx, m, size), w, insets(ctx)) <= h for m in group):
            return cols, rows
    return options[-1]


def draw(prs, layouts: Layouts, ctx: Context, p: OverviewPlan):
    slide = titled_slide(prs, layouts, ctx, p.title)
    for box, paras in p.tiles:
        text_box(slide, ctx, box, paras, insets(ctx), f"Tile {paras[0].label}", fill=TILE_FILL)
    return slide
