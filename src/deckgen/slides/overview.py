"""The overview: every model as a numbered tile (name, summary bullets, examples) in a grid; a model's
picture stands in a strip atop its tile, and the tile's text is measured below it (a lower strip is tried
before the tiles go over more slides).

The tiles take the largest size that fits, the same on every overview slide; when they would fall
below a readable size, the overview continues on further slides with fewer tiles each, and only when
even one tile a slide is not readable do they go down to the layout's minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from deckgen.inline import join, plain
from deckgen.model import WorkModel
from deckgen.pictures import Picture
from deckgen.slides.context import Context, model_key
from deckgen.slides.drawing import text_box, titled_slide
from deckgen.slides.geometry import Box
from deckgen.slides.measure import Insets, Para, first_fit
from deckgen.slides.picture import add_picture
from deckgen.slides.template import Layouts

DESIGN_SIZE = 18
MAX_ROWS = 3
MAX_TILE_UNITS = 20  # a tile no wider than this many spacing units keeps its lines short
TILE_FILL = "primary/8"
SIZE_TOLERANCE = 2  # pt
# A tile's picture strip: one of these shares of the tile's height (the first that lets the tiles fit), at
# most this share of its width.
STRIP_SHARES, STRIP_OF_WIDTH = (0.38, 0.25), 0.5


@dataclass
class OverviewPlan:
    number: int
    heading: str
    title: list[Para]
    tiles: list[tuple[Box, list[Para]]]
    # each tile's picture in its strip, or None: one entry a tile
    pictures: list[tuple[Box, Picture] | None] = field(default_factory=list)


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


def insets(ctx: Context, strip: float = 0.0) -> Insets:
    """The tile's text insets; ``strip``: the height of a picture strip above the text."""
    u = ctx.grid.unit
    return Insets(u / 2, u / 2 + (strip + u / 3 if strip else 0), u / 2, u / 2)


def picture(ctx: Context, model: WorkModel) -> Picture | None:
    """The model's picture when the layout shows pictures on the tiles."""
    return model.image if ctx.layout.slides.pictures.overview else None


def strip(ctx: Context, model: WorkModel, w: float, h: float, share: float = STRIP_SHARES[0]) -> float:
    """The height of the picture strip of ``model``'s tile in a ``w`` by ``h`` cell, ``share`` of its height
    (0: no picture)."""
    return round(min(h * share, w * STRIP_OF_WIDTH), 1) if picture(ctx, model) else 0.0


def tile_insets(ctx: Context, model: WorkModel, w: float, h: float, share: float = STRIP_SHARES[0]) -> Insets:
    return insets(ctx, strip(ctx, model, w, h, share))


def tile_groups(items, count):
    """``items`` (the models) in ``count`` runs whose lengths differ by at most one: the tiles of each of
    ``count`` overview slides (deckgen.slides.deck numbers the models' tiles by it)."""
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


def _best(ctx: Context, models, floor: float, share: float = STRIP_SHARES[0]):
    """(size, cols, rows) of the best grid for ``models`` on one slide, or None below ``floor``."""
    options = []
    for cols, rows in _grids(ctx, len(models)):
        w, h = _cell(ctx, cols, rows)
        size = first_fit(ctx.scaled(DESIGN_SIZE), floor, lambda s, w=w, h=h: all(
            ctx.measure.height(tile_paras(ctx, m, s), w, tile_insets(ctx, m, w, h, share)) <= h for m in models))
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
    shares = STRIP_SHARES if any(picture(ctx, model) for model in models) else STRIP_SHARES[:1]
    for floor in (ctx.readable, ctx.min_size):
        for per_slide in range(len(models), 0, -1):
            groups = tile_groups(models, math.ceil(len(models) / per_slide))
            for share in shares:  # lower pictures before more slides
                fits = [_best(ctx, group, floor, share) for group in groups]
                if all(fits):
                    size = min(f[0] for f in fits)
                    choice = (groups, size)
                    break
            if choice:
                break
        if choice:
            break
    if choice is None:  # even one tile a slide does not fit: a slide each, and every tile too full named
        groups = tile_groups(models, len(models))
        size, share = ctx.min_size, shares[-1]
        for index, model in enumerate(models):
            if _best(ctx, [model], size, share) is None:
                w, h = _cell(ctx, 1, 1)
                ctx.problem(model_key(model.number), first_number + index,
                            heading if index == 0 else ctx.continued(heading),
                            ctx.too_wide(tile_paras(ctx, model, size), w, tile_insets(ctx, model, w, h, share),
                                         "its tile")
                            or f"the tile of model {model.number} does not fit the slide even alone at {size:g} pt"
                            + (" under its picture (slides.pictures.overview in the layout can leave it off)"
                               if picture(ctx, model) else ""))
    plans = []
    for index, group in enumerate(groups):
        number = first_number + index
        title = heading if index == 0 else ctx.continued(heading)
        cols, rows = _layout_for(ctx, group, size, share)
        w, cell_h = _cell(ctx, cols, rows)
        # Tiles as tall as the fullest one (in whole units), not stretched over the whole slide.
        u = ctx.grid.unit
        fullest = max(ctx.measure.height(tile_paras(ctx, m, size), w, tile_insets(ctx, m, w, cell_h, share))
                      for m in group)
        h = min(cell_h, math.ceil(fullest / u) * u)
        body = ctx.grid.body
        # Tiles kept narrow for short lines leave room at the side: centre the grid in it.
        left = body.x + (body.w - (cols * w + (cols - 1) * u)) / 2
        tiles, pictures = [], []
        for i, model in enumerate(group):
            row, col = divmod(i, cols)
            box = Box(left + col * (w + u), body.y + row * (h + u), w, h)
            tiles.append((box, tile_paras(ctx, model, size)))
            shown = picture(ctx, model)
            pictures.append((Box(box.x + u / 2, box.y + u / 2, w - u, strip(ctx, model, w, cell_h, share)), shown)
                            if shown else None)
        plans.append(OverviewPlan(number, title, ctx.title_paras(plain(title), heading_key(ctx), number),
                                  tiles, pictures))
    return plans


def _layout_for(ctx: Context, group, size: float, share: float) -> tuple[int, int]:
    """The grid that fits ``group`` at ``size`` with picture strips ``share`` of a tile's height (the one with
    most room when none does)."""
    options = list(_grids(ctx, len(group)))
    for cols, rows in sorted(options, key=lambda cr: (-cr[0], cr[1])):
        w, h = _cell(ctx, cols, rows)
        if all(ctx.measure.height(tile_paras(ctx, m, size), w, tile_insets(ctx, m, w, h, share)) <= h
               for m in group):
            return cols, rows
    return options[-1]


def draw(prs, layouts: Layouts, ctx: Context, p: OverviewPlan):
    slide = titled_slide(prs, layouts, ctx, p.title)
    for (box, paras), shown in zip(p.tiles, p.pictures or [None] * len(p.tiles)):
        text_box(slide, ctx, box, paras, insets(ctx, shown[0].h if shown else 0.0), f"Tile {paras[0].label}",
                 fill=TILE_FILL)
        if shown:  # after its tile: drawn over the tile's fill, read after the tile's text
            add_picture(slide, shown[1], shown[0], f"Picture {paras[0].label}", ctx.layout.slides.pictures.fit)
    return slide
