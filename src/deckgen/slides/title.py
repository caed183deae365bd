"""The title slide: the event's title large, the workshop below, then authors, venue and date quietly; the
workshop's picture, when it has one, at the right of them (on deckgen's own grid: a template's title slide
keeps its own design)."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Pt

from deckgen.inline import plain
from deckgen.labels import long_date
from deckgen.slides.context import TITLE_INSETS, Context
from deckgen.slides.drawing import mark_decorative, put_title, text_box
from deckgen.slides.geometry import Box
from deckgen.slides.logo import add_logo
from deckgen.slides.measure import Para, first_fit
from deckgen.slides.picture import add_picture
from deckgen.slides.template import TITLES, Layouts, TemplateFrames, new_slide

TITLE_SIZE, SUBTITLE_SIZE, INFO_SIZE = 40, 24, 18
PICTURE_SHARE = 0.36  # of the content width the workshop's picture takes at the right


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
    picture_box: Box | None = None  # the workshop's picture


def plan(ctx: Context, number: int, frames: TemplateFrames | None = None) -> TitlePlan:
    if frames is not None and frames.deck_title is not None:
        if ctx.workshop.image is not None and ctx.layout.slides.pictures.title:
            ctx.note("image", number, ctx.workshop.title.plain,
                     "the workshop's picture is not on the title slide: the layout's PowerPoint template keeps "
                     "its own title slide (the picture is on the cover card and the handout)")
        return _plan_in_template(ctx, number, frames)
    return _plan_on_grid(ctx, number)


def _info_items(ctx: Context, size: float) -> list[tuple[str, Para]]:
    """Authors, venue and date as paragraphs, each with the content key it comes from."""
    w = ctx.workshop
    items = [("authors", Para(plain(", ".join(w.authors)), size))] if w.authors else []
    if w.venue:
        items.append(("venue", Para(w.venue, size, space_before=size * 0.3)))
    if w.date:
        items.append(("date", Para(plain(long_date(w.date, w.language)), size, space_before=size * 0.3)))
    return items


def _info(ctx: Context, size: float) -> list[Para]:
    return [para for _, para in _info_items(ctx, size)]


def _tallest_info(ctx: Context, size: float, width: float) -> str:
    """The key of the info paragraph that takes the most lines (the first of equals): the one to shorten."""
    return max(_info_items(ctx, size), key=lambda item: ctx.measure.height([item[1]], width))[0]


def _plan_in_template(ctx: Context, number: int, frames: TemplateFrames) -> TitlePlan:
    """Title and subtitle where the template's title slide has them (its decoration fits them)."""
    g, m, w = ctx.grid, ctx.measure, ctx.workshop
    t_box, s_box = frames.deck_title, frames.subtitle

    def fitted(text, key_path, start, box, role_color):
        if not text:
            return []
        size = first_fit(start, ctx.min_size, lambda s: m.height(
            [Para(text, s, role="heading", color=role_color, bold=role_color == "primary")], box.w) <= box.h)
        if size is None:
            size = ctx.min_size
            paras = [Para(text, size, role="heading", color=role_color, bold=role_color == "primary")]
            ctx.problem(key_path, number, w.title.plain,
                        ctx.too_wide(paras, box.w, where="the template's placeholder")
                        or f"'{text.plain[:40]}' does not fit the template's placeholder at {size:g} pt")
        return [Para(text, size, role="heading", color=role_color, bold=role_color == "primary")]

    t = fitted(w.title, "title", ctx.scaled(TITLE_SIZE), t_box, "primary")
    sub = fitted(w.subtitle, "subtitle", ctx.scaled(SUBTITLE_SIZE), s_box, "text")
    if sub:  # the subtitle keeps the top of its placeholder and only the height it needs
        s_box = Box(s_box.x, s_box.y, s_box.w, min(s_box.h, m.height(sub, s_box.w)))
    top = (s_box if sub else t_box).bottom + g.unit
    size = first_fit(ctx.scaled(INFO_SIZE), ctx.min_size, lambda s: m.height(_info(ctx, s), g.content_width)
                     <= g.footer.y - g.unit - top)
    if size is None:
        size = ctx.min_size
        if _info(ctx, size):  # without any, there is nothing to fit
            ctx.problem(_tallest_info(ctx, size, g.content_width), number, w.title.plain,
                        ctx.too_wide(_info(ctx, size), g.content_width, where="the slide")
                        or "authors, venue and date do not fit under the subtitle")
    info = _info(ctx, size)
    info_h = m.height(info, g.content_width) if info else 0
    info_box = Box(g.side, g.footer.y - g.unit - info_h, g.content_width, info_h) if info else None
    logo_box = Box(g.width - g.side - 8 * g.unit, g.top, 8 * g.unit, 3 * g.unit)
    return TitlePlan(number, t, t_box, sub, s_box if sub else None, info, info_box, None, logo_box)


def _plan_on_grid(ctx: Context, number: int) -> TitlePlan:
    g, m, w = ctx.grid, ctx.measure, ctx.workshop
    width = g.content_width
    logo_box = Box(g.width - g.side - 8 * g.unit, g.top, 8 * g.unit, 3 * g.unit)
    picture_box = None
    if w.image is not None and ctx.layout.slides.pictures.title:
        room = round(g.content_width * PICTURE_SHARE)
        width -= room + 2 * g.unit
        picture_box = Box(g.width - g.side - room, g.top + 4 * g.unit, room, g.footer.y - g.unit - g.top - 4 * g.unit)

    info_room = 6 * g.unit  # what authors, venue and date may take; when they need more, the title has less
    info_size = first_fit(ctx.scaled(INFO_SIZE), ctx.min_size,
                          lambda s: m.height(_info(ctx, s), width) <= info_room) or ctx.min_size
    info_paras = _info(ctx, info_size)
    info_h = m.height(info_paras, width) if info_paras else 0
    info_top = g.footer.y - g.unit - info_h
    top = g.top + 4 * g.unit
    free = info_top - 2 * g.unit - top  # room for title, gap, subtitle, gap, rule

    title_size, subtitle_size = ctx.scaled(TITLE_SIZE), ctx.scaled(SUBTITLE_SIZE)

    def heads(step):
        t = [Para(w.title, max(title_size - step, ctx.min_size), role="heading", color="primary", bold=True)]
        s = [Para(w.subtitle, max(subtitle_size - step, ctx.min_size), role="heading", color="text")] \
            if w.subtitle else []
        return t, s

    def needed(step):
        t, s = heads(step)
        return m.height(t, width) + (g.unit + m.height(s, width) if s else 0)

    step = 0
    while needed(step) > free and title_size - step > ctx.min_size:
        step += 1
    t, s = heads(step)
    taken = max(info_h - info_room, 0)  # room the info took from the title block
    if needed(step) > free + taken:  # does not fit even with the info kept to its share
        taller = ("subtitle", s) if s and m.height(s, width) > m.height(t, width) else ("title", t)
        ctx.problem(taller[0], number, w.title.plain,
                    ctx.too_wide(taller[1], width, where="the slide")
                    or f"the title and subtitle need {needed(step):.0f} pt of height but {free + taken:.0f} pt "
                       f"is free at {ctx.min_size:g} pt")
    info_wide = ctx.too_wide(info_paras, width, where="the slide") if taken else None
    if needed(step) > free and taken and (info_wide or needed(step) <= free + taken):  # the info is why
        ctx.problem(_tallest_info(ctx, info_size, width), number, w.title.plain,
                    info_wide
                    or f"authors, venue and date take {info_h:.0f} pt of height, more than the {info_room:.0f} "
                       f"pt meant for them, and leave {free:.0f} pt for the title and subtitle, which need "
                       f"{needed(step):.0f} pt at {ctx.min_size:g} pt")
    t_h = m.height(t, width)
    title_box = Box(g.side, top, width, t_h)
    subtitle_box = Box(g.side, title_box.bottom + g.unit, width, m.height(s, width)) if s else None
    rule_y = (subtitle_box or title_box).bottom + g.unit
    return TitlePlan(number, t, title_box, s, subtitle_box, info_paras,
                     Box(g.side, info_top, width, info_h) if info_paras else None, rule_y, logo_box, picture_box)


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
    if p.picture_box is not None:
        add_picture(slide, ctx.workshop.image, p.picture_box, "Picture")
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
    mark_decorative(rule)


def _remove_empty(slide, kind) -> None:
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type == kind:
            ph._element.getparent().remove(ph._element)

