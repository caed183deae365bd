"""The title slide: the event's title large, the workshop below, then authors, venue and date quietly."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Pt

from deckgen.inline import plain
from deckgen.labels import long_date
from deckgen.slides.context import TITLE_INSETS, Context
from deckgen.slides.drawing import put_title, text_box
from deckgen.slides.geometry import Box
from deckgen.slides.logo import add_logo
from deckgen.slides.measure import Para
from deckgen.slides.measure import first_fit
from deckgen.slides.template import TITLES, Layouts, TemplateFrames, new_slide

TITLE_SIZE, SUBTITLE_SIZE, INFO_SIZE = 40, 24, 18


@dataclass
class TitlePlan:
    number: int
    title: list[Para]
    title_box: Box
    subtitle: list[Para]
    subtitle_box: Box | None
    info: list[Para]
    info_box: Box | None
    rule_y: float | None  # an accent rule under the title block (not with a template's own decoration)
    logo_box: Box


def plan(ctx: Context, number: int, frames: TemplateFrames | None = None) -> TitlePlan:
    if frames is not None and frames.deck_title is not None:
        return _plan_in_template(ctx, number, frames)
    return _plan_on_grid(ctx, number)


def _info(ctx: Context, size: float) -> list[Para]:
    w = ctx.workshop
    paras = [Para(plain(", ".join(w.authors)), size)] if w.authors else []
    if w.venue:
        paras.append(Para(w.venue, size, space_before=size * 0.3))
    if w.date:
        paras.append(Para(plain(long_date(w.date, w.language)), size, space_before=size * 0.3))
    return paras


def _plan_in_template(ctx: Context, number: int, frames: TemplateFrames) -> TitlePlan:
    """Title and subtitle where the template's title slide has them (its decoration fits them)."""
    g, m, w = ctx.grid, ctx.measure, ctx.workshop
    t_box, s_box = frames.deck_title, frames.subtitle

    def fitted(text, start, box, role_color):
        if not text:
            return []
        size = first_fit(start, ctx.min_size, lambda s: m.height(
            [Para(text, s, role="heading", color=role_color, bold=role_color == "primary")], box.w) <= box.h)
        if size is None:
            ctx.problem(number, w.title.plain, f"'{text.plain[:40]}' does not fit the template's placeholder "
                                                f"at {ctx.min_size:g} pt")
            size = ctx.min_size
        return [Para(text, size, role="heading", color=role_color, bold=role_color == "primary")]

    t = fitted(w.title, TITLE_SIZE, t_box, "primary")
    sub = fitted(w.subtitle, SUBTITLE_SIZE, s_box, "text")
    if sub:  # the subtitle keeps the top of its placeholder and only the height it needs
        s_box = Box(s_box.x, s_box.y, s_box.w, min(s_box.h, m.height(sub, s_box.w)))
    top = (s_box if sub else t_box).bottom + g.unit
    size = first_fit(INFO_SIZE, ctx.min_size, lambda s: m.height(_info(ctx, s), g.content_width)
                     <= g.footer.y - g.unit - top)
    if size is None:
        ctx.problem(number, w.title.plain, "authors, venue and date do not fit under the subtitle")
        size = ctx.min_size
    info = _info(ctx, size)
    info_h = m.height(info, g.content_width) if info else 0
    info_box = Box(g.side, g.footer.y - g.unit - info_h, g.content_width, info_h) if info else None
    logo_box = Box(g.width - g.side - 8 * g.unit, g.top, 8 * g.unit, 3 * g.unit)
    return TitlePlan(number, t, t_box, sub, s_box if sub else None, info, info_box, None, logo_box)


def _plan_on_grid(ctx: Context, number: int) -> TitlePlan:
    g, m, w = ctx.grid, ctx.measure, ctx.workshop
    width = g.content_width
    logo_box = Box(g.width - g.side - 8 * g.unit, g.top, 8 * g.unit, 3 * g.unit)

    info_size = first_fit(max(INFO_SIZE, ctx.min_size), ctx.min_size,
                          lambda s: m.height(_info(ctx, s), width) <= 6 * g.unit) or ctx.min_size
    info_paras = _info(ctx, info_size)
    info_h = m.height(info_paras, width) if info_paras else 0
    info_top = g.footer.y - g.unit - info_h
    top = g.top + 4 * g.unit
    free = info_top - 2 * g.unit - top  # room for title, gap, subtitle, gap, rule

    def heads(step):
        t = [Para(w.title, max(TITLE_SIZE - step, ctx.min_size), role="heading", color="primary", bold=True)]
        s = [Para(w.subtitle, max(SUBTITLE_SIZE - step, ctx.min_size), role="heading", color="text")] \
            if w.subtitle else []
        return t, s

    def needed(step):
        t, s = heads(step)
        return m.height(t, width) + (g.unit + m.height(s, width) if s else 0)

    step = 0
    while needed(step) > free and TITLE_SIZE - step > ctx.min_size:
        step += 1
    t, s = heads(step)
    if needed(step) > free:
        ctx.problem(number, w.title.plain, f"the title and subtitle need {needed(step):.0f} pt of height "
                                            f"but {free:.0f} pt is free at {ctx.min_size:g} pt")
    t_h = m.height(t, width)
    title_box = Box(g.side, top, width, t_h)
    subtitle_box = Box(g.side, title_box.bottom + g.unit, width, m.height(s, width)) if s else None
    rule_y = (subtitle_box or title_box).bottom + g.unit
    return TitlePlan(number, t, title_box, s, subtitle_box, info_paras,
                     Box(g.side, info_top, width, info_h) if info_paras else None, rule_y, logo_box)


def draw(prs, layouts: Layouts, ctx: Context, p: TitlePlan):
    keep = TITLES | {PP_PLACEHOLDER.SUBTITLE}
    slide = new_slide(prs, layouts.title, keep=keep)
    put_title(slide, ctx, p.title, p.title_box)
    if p.subtitle:
        put_title(slide, ctx, p.subtitle, p.subtitle_box, kinds={PP_PLACEHOLDER.SUBTITLE}, name="Subtitle")
    else:
        _remove_empty(slide, PP_PLACEHOLDER.SUBTITLE)
    if p.rule_y is not None:
        _rule(slide, ctx, p.rule_y)
    if p.info:
        text_box(slide, ctx, p.info_box, p.info, TITLE_INSETS, "Authors, venue and date")
    if ctx.layout.logo is not None:
        add_logo(slide, ctx, p.logo_box)
    return slide


def _rule(slide, ctx: Context, y: float) -> None:
    g = ctx.grid
    rule = slide.shapes.add_shape(1, Pt(g.side), Pt(y), Pt(4 * g.unit), Pt(g.unit / 4))
    rule.name = "Rule"
    rule.fill.solid()
    rule.fill.fore_color.rgb = ctx.style.color("accent")
    rule.line.fill.background()
    rule.shadow.inherit = False


def _remove_empty(slide, kind) -> None:
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type == kind:
            ph._element.getparent().remove(ph._element)

