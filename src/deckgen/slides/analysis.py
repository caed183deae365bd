"""The analysis slide of a model: a native two-column table of strengths and weaknesses, and the
preconditions in a merged row under it.

Table rows only have a minimum height in PowerPoint and LibreOffice (they grow silently), so every
row is measured and its height set. The text shrinks in 1 pt steps down to a readable size; when the
table does not fit at that size, the bullets are split over continuation slides (the fewest that fit),
and only when no split fits at a readable size does the text go on down to the layout's minimum.
What does not fit even as one bullet a slide at the minimum is a misfit of the list to shorten.

A model's picture stands at the right of its table, whole, when the narrower table still fits as many
slides at a readable size as the full-width one; a smaller picture is tried next, and where even that
would squeeze the table the picture is left off the slide (a note says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.util import Pt

from deckgen.inline import Text, join, plain
from deckgen.model import WorkModel
from deckgen.pictures import Picture
from deckgen.slides.chrome import add_notes
from deckgen.slides.context import Context, model_key
from deckgen.slides.drawing import titled_slide
from deckgen.slides.geometry import Box, cm
from deckgen.slides.measure import Insets, Para, first_fit
from deckgen.slides.picture import add_picture
from deckgen.slides.template import Layouts
from deckgen.slides.text import setup_cell, write_paras

DESIGN_SIZE = 22
NOTE_BELOW = 0.8  # a table set smaller than this share of its design size is noted in check
PLUS, MINUS = "+", "\u2212"
# Shares of the width the strengths column may take: even first, then towards the fuller list.
SPLITS = (0.5, 0.55, 0.45, 0.6, 0.4)
STRENGTHS_FILL, WEAKNESSES_FILL, PRECONDITIONS_FILL = "strengths", "weaknesses", "primary/10"
PICTURE_SHARES = (0.32, 0.24)  # of the body's width a model's picture may take beside the table, largest first


@dataclass(frozen=True)
class Part:
    """What one slide of a model's analysis shows."""

    strengths: tuple[Text, ...]
    weaknesses: tuple[Text, ...]
    preconditions: Text | None

    @property
    def has_lists(self) -> bool:
        return bool(self.strengths or self.weaknesses)


@dataclass
class Row:
    height: float
    cells: list[tuple[list[Para], str]]  # (paragraphs, fill) per column; one entry for a merged row


@dataclass
class AnalysisPlan:
    number: int
    heading: str
    title: list[Para]
    rows: list[Row]
    notes: str
    size: float
    split: float = 0.5
    width: float | None = None  # of the table; None: the body's whole width
    picture: tuple[Box, Picture] | None = None  # at the table's right


def column_widths(width: float, split: float) -> tuple[float, float]:
    left = round(width * split)
    return left, width - left


def cell_insets(ctx: Context) -> Insets:
    u = ctx.grid.unit
    return Insets(u / 2, u / 3, u / 2, u / 3)


def _bullets(items, size: float, char: str, color: str) -> list[Para]:
    return [Para(item, size, bullet=char, bullet_color=color, indent=round(size * 0.9, 1),
                 space_before=round(size * 0.35, 1)) for item in items]


def rows_for(ctx: Context, part: Part, size: float, split: float = 0.5, width: float | None = None) -> list[Row]:
    """The table's rows for ``part`` at ``size``, each with its measured height; ``split`` is the
    share of the width the strengths column takes, ``width`` the table's (default: the body's)."""
    m, ins = ctx.measure, cell_insets(ctx)
    width = width or ctx.grid.body.w
    widths = column_widths(width, split)
    rows = []
    if part.has_lists:
        header = [
            ([Para(plain(ctx.labels.strengths), size, color="background", bold=True, label=PLUS,
                   label_color="background")], "primary"),
            ([Para(plain(ctx.labels.weaknesses), size, color="background", bold=True, label=MINUS,
                   label_color="background")], "primary"),
        ]
        body = [(_bullets(part.strengths, size, PLUS, "primary"), STRENGTHS_FILL),
                (_bullets(part.weaknesses, size, MINUS, "primary"), WEAKNESSES_FILL)]
        for cells in (header, body):
            height = max(m.height(paras, col_w, ins) if paras else ins.top + ins.bottom
                         + m.line_height(Para(plain(""), size)) for (paras, _), col_w in zip(cells, widths))
            rows.append(Row(height, cells))
    if part.preconditions is not None:
        paras = [Para(part.preconditions, size, label=ctx.labels.preconditions.upper() + ctx.language.colon,
                      label_color="primary")]
        rows.append(Row(m.height(paras, width, ins), [(paras, PRECONDITIONS_FILL)]))
    return rows


def parts_for(model: WorkModel, count: int, semicolon: str) -> list[list[Part]]:
    """Ways to spread the analysis over ``count`` slides: the lists in even runs, the preconditions
    (joined with the language's ``semicolon``) on the last slide with them, or (from two slides on) on a
    slide of their own."""
    pre = join(model.preconditions, semicolon) if model.preconditions else None

    def runs(items, n):
        size, extra = divmod(len(items), n)
        out, start = [], 0
        for index in range(n):
            end = start + size + (1 if index < extra else 0)
            out.append(tuple(items[start:end]))
            start = end
        return out

    options = []
    s, w = runs(model.strengths, count), runs(model.weaknesses, count)
    options.append([Part(s[i], w[i], pre if i == count - 1 else None) for i in range(count)])
    if pre is not None and count >= 2 and (model.strengths or model.weaknesses):
        s, w = runs(model.strengths, count - 1), runs(model.weaknesses, count - 1)
        options.append([Part(s[i], w[i], None) for i in range(count - 1)] + [Part((), (), pre)])
    return options


def choose(ctx: Context, model: WorkModel, width: float | None = None,
           max_slides: int | None = None) -> tuple[list[Part], float, float | None] | None:
    """The fewest slides and, for them, the largest size at which the analysis fits a table ``width`` wide:
    (parts, size, None), or the split into most parts at the minimum size with the height it would need.
    With ``max_slides``: only at a readable size on at most that many slides, else None. A model fitted
    before (this process, or the last build: deckgen.slides.fits) is not fitted again."""
    variant = (width, max_slides)
    fit = ctx.fits.get(model, variant)
    if fit is None:
        fit = _fit(ctx, model, width, max_slides)
        ctx.fits.put(model, fit, variant)
    count, option, size, need = fit
    if count == 0:
        return None
    return parts_for(model, count, ctx.language.semicolon)[option], size, need


def _fit(ctx: Context, model: WorkModel, width: float | None, max_slides: int | None) -> list:
    """choose's search, as [slide count, option of parts_for, size, height needed or None]; a count of 0
    when nothing fits within ``max_slides``."""
    longest = max(len(model.strengths), len(model.weaknesses), 1)

    def fits(parts, size):
        return all(best_split(ctx, part, size, width) is not None for part in parts)

    floors = (ctx.readable,) if max_slides else (ctx.readable, ctx.min_size)
    for floor in floors:
        for count in range(1, min(longest + 2, (max_slides or longest + 1) + 1)):
            for option, parts in enumerate(parts_for(model, count, ctx.language.semicolon)):
                size = first_fit(ctx.scaled(DESIGN_SIZE), floor, lambda s, parts=parts: fits(parts, s))
                if size is not None:
                    return [count, option, size, None]
    if max_slides:
        return [0, 0, 0.0, None]
    options = parts_for(model, longest + 1, ctx.language.semicolon)
    need = max(min(table_height(ctx, part, ctx.min_size, split, width) for split in SPLITS) for part in options[-1])
    return [longest + 1, len(options) - 1, ctx.min_size, need]


def table_height(ctx: Context, part: Part, size: float, split: float = 0.5, width: float | None = None) -> float:
    return sum(r.height for r in rows_for(ctx, part, size, split, width))


def best_split(ctx: Context, part: Part, size: float, width: float | None = None) -> float | None:
    """Even columns when they fit, else the first uneven split that gives the fuller list more room."""
    for split in SPLITS:
        if table_height(ctx, part, size, split, width) <= ctx.grid.body.h:
            return split
    return None


def with_picture(ctx: Context, model: WorkModel, parts: list[Part], size: float, need: float | None):
    """(parts, size, table width, picture box) with the model's picture at the table's right: the largest
    share of PICTURE_SHARES at which the table still fits as many slides near its design size (else at a
    readable size); None when the model has no picture to show here, or no share leaves the table readable."""
    if model.image is None or not ctx.layout.slides.pictures.analysis or need is not None or size < ctx.readable:
        return None
    body, u = ctx.grid.body, ctx.grid.unit
    placed = None
    for share in PICTURE_SHARES:  # the largest picture that leaves the table near its design size, else the
        room = round(body.w * share)  # smallest picture that leaves it readable
        width = body.w - room - u
        found = choose(ctx, model, width, max_slides=len(parts))
        if found is not None:
            placed = found[0], found[1], width, Box(body.right - room, body.y, room, body.h)
            if found[1] >= ctx.scaled(DESIGN_SIZE) * NOTE_BELOW:
                break
    return placed


Choice = tuple  # (model, parts, size, height needed or None): a model's fit (choose)


def choices(ctx: Context, models) -> list[Choice]:
    """The fit of each model that has an analysis, in order."""
    return [(model, *choose(ctx, model)) for model in models if model.has_analysis]


def same_size(ctx: Context, fitted: list[Choice]) -> tuple[float, WorkModel] | None:
    """When the layout asks for one size (``slides.same_size``): the smallest size of the tables that fit
    on one slide, and the model that sets it; else None."""
    single = [(size, model) for model, parts, size, need in fitted if len(parts) == 1 and need is None]
    return min(single, key=lambda item: item[0]) if single and ctx.layout.slides.same_size else None


def plan(ctx: Context, models, first_number: int) -> list[AnalysisPlan]:
    """The analysis slides of ``models`` (those with an analysis), numbered from ``first_number``."""
    fitted = choices(ctx, models)
    smallest = same_size(ctx, fitted)
    plans: list[AnalysisPlan] = []
    for choice in fitted:
        plans += plan_model(ctx, choice, smallest, first_number + len(plans))
    return plans


def plan_model(ctx: Context, choice: Choice, smallest: tuple[float, WorkModel] | None,
               number: int) -> list[AnalysisPlan]:
    """The analysis slides of one model (its ``choice``), numbered from ``number``.

    Each table is set at the largest size at which it fits its slides. When the layout asks for one size
    (``slides.same_size``: ``smallest``), every table that fits on one slide takes the smallest of those
    sizes, so that the type does not change from slide to slide; tables split over slides keep their own. A
    table set much smaller than designed (below NOTE_BELOW of it) is a note that says why, so that ``check``
    tells what was shrunk."""
    model, parts, size, need = choice
    designed = ctx.scaled(DESIGN_SIZE)
    heading = model.title.plain
    key = f"{model_key(model.number)}.{_fuller(model)}"
    width, picture = None, None
    placed = with_picture(ctx, model, parts, size, need)
    if placed is not None:
        parts, size, width, box = placed
        picture = (box, model.image)
    elif model.image is not None and ctx.layout.slides.pictures.analysis:
        ctx.note(model.image.key_path, number, heading,
                 "the picture is left off the analysis slide: beside it the table would be set below a "
                 "readable size or need more slides (it is on the overview tile and the card)")
    if need is not None:
        _report(ctx, model, parts, size, number)
    elif smallest is not None and len(parts) == 1 and smallest[0] < size and picture is None:
        ctx.note(key, number, heading, f"set at {smallest[0]:g} pt, the size of model {smallest[1].number}'s "
                                       f"longer analysis, because the layout keeps one size (slides.same_size); "
                                       f"on its own it would be {size:g} pt")
        size = smallest[0]
    elif size < designed * NOTE_BELOW:
        ctx.note(key, number, heading, f"set at {size:g} pt instead of {designed:g} pt so that the analysis "
                                       f"fits {'its slide' if len(parts) == 1 else f'{len(parts)} slides'}"
                                       + (" beside the model's picture" if picture else ""))
    plans = []
    for index, part in enumerate(parts):
        title = heading if index == 0 else ctx.continued(heading)
        title_paras = ctx.title_paras(plain(title), f"{model_key(model.number)}.title", number + index,
                                      label=str(model.number))
        split = best_split(ctx, part, size, width) or 0.5
        plans.append(AnalysisPlan(number + index, title, title_paras, rows_for(ctx, part, size, split, width),
                                  model.notes, size, split, width, picture))
    return plans


def _fuller(model: WorkModel) -> str:
    """The list that makes a model's analysis long: the one with more text."""
    return max(("strengths", "weaknesses", "preconditions"),
               key=lambda key: sum(len(text.plain) for text in getattr(model, key)))


def _report(ctx: Context, model: WorkModel, parts: list[Part], size: float, number: int) -> None:
    """A misfit for each list of ``model`` that overfills a slide of ``parts`` (the first such slide)."""
    reported = set()
    for index, part in enumerate(parts):
        split = min(SPLITS, key=lambda s: table_height(ctx, part, size, s))
        need = table_height(ctx, part, size, split)
        if need <= ctx.grid.body.h:
            continue
        key = f"{model_key(model.number)}.{culprit(ctx, part, size, split)}"
        if key in reported:
            continue
        reported.add(key)
        title = model.title.plain if index == 0 else ctx.continued(model.title.plain)
        ctx.problem(key, number + index, title, _too_wide(ctx, part, size, split)
                    or f"the analysis table needs {cm(need)} but {cm(ctx.grid.body.h)} is free at {size:g} pt")


def _too_wide(ctx: Context, part: Part, size: float, split: float) -> str | None:
    """Whether a word of ``part`` is wider than its cell (see Context.too_wide)."""
    widths = column_widths(ctx.grid.body.w, split)
    for row in rows_for(ctx, part, size, split):
        cell_widths = widths if len(row.cells) == 2 else (ctx.grid.body.w,)
        for (paras, _), width in zip(row.cells, cell_widths):
            message = ctx.too_wide(paras, width, cell_insets(ctx), "its cell") if paras else None
            if message:
                return message
    return None


def culprit(ctx: Context, part: Part, size: float, split: float) -> str:
    """Which list of ``part`` to shorten: the preconditions when their row is the tallest, else the
    taller column (the strengths when even): the taller column alone sets the height of its row, so
    shortening the other would not make the table any lower."""
    rows = rows_for(ctx, part, size, split)
    if part.preconditions is not None and (not part.has_lists or rows[-1].height > rows[1].height):
        return "preconditions"
    ins, widths = cell_insets(ctx), column_widths(ctx.grid.body.w, split)
    (strengths, _), (weaknesses, _) = rows[1].cells
    heights = [ctx.measure.height(paras, width, ins) if paras else 0
               for paras, width in ((strengths, widths[0]), (weaknesses, widths[1]))]
    return "weaknesses" if heights[1] > heights[0] else "strengths"


def draw(prs, layouts: Layouts, ctx: Context, p: AnalysisPlan):
    slide = titled_slide(prs, layouts, ctx, p.title)
    body = ctx.grid.body
    width = p.width or body.w
    height = sum(r.height for r in p.rows)
    shape = slide.shapes.add_table(len(p.rows), 2, Pt(body.x), Pt(body.y), Pt(width), Pt(height))
    shape.name = "Analysis"
    table = shape.table
    table.first_row = any(len(r.cells) == 2 for r in p.rows[:1])
    table.horz_banding = False
    left, _ = column_widths(width, p.split)
    table.columns[0].width = Pt(left)
    table.columns[1].width = Pt(width) - Pt(left)
    for index, row in enumerate(p.rows):
        table.rows[index].height = Pt(row.height)
        if len(row.cells) == 1:
            table.cell(index, 0).merge(table.cell(index, 1))
        for col, (paras, fill) in enumerate(row.cells):
            cell = table.cell(index, col)
            setup_cell(cell, cell_insets(ctx), fill, ctx.style)
            write_paras(cell.text_frame, paras or [Para(plain(""), p.size)], ctx.style)
    if p.picture is not None:
        box, picture = p.picture
        add_picture(slide, picture, box, "Picture", align="top")
    add_notes(slide, p.notes)
    return slide
