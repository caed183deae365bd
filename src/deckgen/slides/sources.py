"""The closing slide: the sources, plain and small, each paragraph with a hanging indent.

Sources that do not fit one slide at the layout's minimum size continue on further slides.
"""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.inline import plain
from deckgen.slides.context import Context
from deckgen.slides.drawing import text_box, titled_slide
from deckgen.slides.geometry import Box, cm
from deckgen.slides.measure import Insets, Para, first_fit
from deckgen.slides.template import Layouts

DESIGN_SIZE = 18
INSETS = Insets(0, 0, 0, 0)


@dataclass
class SourcesPlan:
    number: int
    heading: str
    title: list[Para]
    box: Box
    paras: list[Para]


def _paras(ctx: Context, sources, size: float) -> list[Para]:
    indent = 2 * ctx.grid.unit
    return [Para(text, size, indent=indent, space_before=size * 0.8) for text in sources]


def plan(ctx: Context, first_number: int) -> list[SourcesPlan]:
    sources = list(ctx.workshop.sources)
    if not sources:
        return []
    heading = ctx.labels.sources
    body = ctx.grid.body
    # The text column is kept to a readable line length rather than the full width.
    box = Box(body.x, body.y, min(body.w, 46 * ctx.grid.unit), body.h)

    def fits(group, size):
        return ctx.measure.height(_paras(ctx, group, size), box.w, INSETS) <= box.h

    groups = [sources]
    size = first_fit(ctx.scaled(DESIGN_SIZE), ctx.min_size, lambda s: fits(sources, s))
    if size is None:  # one slide is not enough: fill slides in order at the smallest size
        size = ctx.min_size
        groups, firsts = [[]], [0]  # the sources of each slide, and the index of each slide's first
        for position, source in enumerate(sources):
            if groups[-1] and not fits(groups[-1] + [source], size):
                groups.append([])
                firsts.append(position)
            groups[-1].append(source)
        for index, (group, first) in enumerate(zip(groups, firsts)):
            if not fits(group, size):  # only a source alone on its slide can fail to fit
                paras = _paras(ctx, group, size)
                need = ctx.measure.height(paras, box.w, INSETS)
                ctx.problem(f"sources[{first}]", first_number + index,
                            heading if index == 0 else ctx.continued(heading),
                            ctx.too_wide(paras, box.w, INSETS, "the sources' column")
                            or f"a source needs {cm(need)} but {cm(box.h)} is free at {size:g} pt")
    plans = []
    for index, group in enumerate(groups):
        number = first_number + index
        title = heading if index == 0 else ctx.continued(heading)
        plans.append(SourcesPlan(number, title, ctx.title_paras(plain(title), "labels.sources", number), box,
                                 _paras(ctx, group, size)))
    return plans


def draw(prs, layouts: Layouts, ctx: Context, p: SourcesPlan):
    slide = titled_slide(prs, layouts, ctx, p.title)
    text_box(slide, ctx, p.box, p.paras, INSETS, "Sources")
    return slide
