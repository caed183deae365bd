"""The presentation to build on: python-pptx's default or the layout's own template.

A template's example slides are dropped at the XML level, and its slide layouts are chosen by the
placeholders they have, never by name (PowerPoint names them in its own language).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from deckgen.errors import DeckgenError, DeckgenWarning
from deckgen.layout import Layout
from deckgen.slides.geometry import EMU_PER_PT, SIZES, Box, box_of

TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}


class TemplateWarning(DeckgenWarning):
    """The template lacks a kind of slide layout; deckgen fell back to a plainer one."""


@dataclass
class Layouts:
    """The slide layouts each slide kind is built on, with what the fallback means."""

    title: object  # title slide: a title and a subtitle placeholder
    title_only: object  # a title placeholder and no body
    blank: object
    warnings: list[str]


def open_presentation(layout: Layout):
    """The presentation, without slides, sized as the layout says (a template keeps its own size)."""
    template = layout.slides.template
    if template is None:
        prs = Presentation()
        width, height = SIZES[layout.slides.size]
        prs.slide_width, prs.slide_height = int(width * EMU_PER_PT), int(height * EMU_PER_PT)
        _set_size_type(prs, layout.slides.size)
        return prs
    try:
        prs = Presentation(str(template))
    except Exception as error:  # noqa: BLE001 -- python-pptx raises zipfile, KeyError and lxml errors alike
        raise DeckgenError(f"{template}: not a usable PowerPoint file ({error})") from None
    if not _slide_layouts(prs):
        raise DeckgenError(f"{template}: the template has no slide layouts (its slide master has none "
                           "for deckgen to build the slides on)")
    remove_slides(prs)
    return prs


def _slide_layouts(prs) -> list:
    """The first slide master's slide layouts (those python-pptx builds slides on); none without a master."""
    try:
        return list(prs.slide_layouts)
    except IndexError:  # no slide master at all
        return []


def _set_size_type(prs, size: str) -> None:
    sld_sz = prs.part._element.find(qn("p:sldSz"))
    if sld_sz is not None:
        sld_sz.set("type", "screen16x9" if size == "16:9" else "screen4x3")


def remove_slides(prs) -> None:
    """Drop every slide the template came with: its sldId entry and the relationship to its part."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.get(qn("r:id")))
        id_list.remove(sld_id)


def _kinds(slide_layout) -> set:
    return {ph.placeholder_format.type for ph in slide_layout.placeholders}


def choose_layouts(prs) -> Layouts:
    """Pick the title, title-only and blank slide layouts by their placeholders."""
    all_layouts = _slide_layouts(prs)
    if not all_layouts:
        raise DeckgenError("the template has no slide layouts")
    found_warnings: list[str] = []

    def first(test):
        return next((sl for sl in all_layouts if test(_kinds(sl))), None)

    title = first(lambda k: k & TITLES and PP_PLACEHOLDER.SUBTITLE in k)
    title_only = first(lambda k: PP_PLACEHOLDER.TITLE in k and not k & BODIES and PP_PLACEHOLDER.SUBTITLE not in k)
    with_content = first(lambda k: PP_PLACEHOLDER.TITLE in k and k & BODIES)
    blank = first(lambda k: not k & TITLES and not k & BODIES and PP_PLACEHOLDER.SUBTITLE not in k)
    if blank is None:
        blank = title_only or with_content or all_layouts[0]
        found_warnings.append("the template has no blank slide layout; deckgen removes the placeholders "
                              "it does not use from another one")
    if title_only is None:
        title_only = with_content or blank
        found_warnings.append("the template has no 'title only' slide layout (a title placeholder and no "
                              "body); deckgen uses " + ("'title and content' without its body"
                                                        if with_content else "a blank slide with its own title"))
    if title is None:
        title = title_only
        found_warnings.append("the template has no title slide layout (a title and a subtitle "
                              "placeholder); the title slide uses its own text boxes")
    for message in found_warnings:
        warnings.warn(message, TemplateWarning, stacklevel=3)
    return Layouts(title, title_only, blank, found_warnings)


def new_slide(prs, slide_layout, keep: set):
    """A slide on ``slide_layout`` with only the placeholders whose types are in ``keep``."""
    slide = prs.slides.add_slide(slide_layout)
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type not in keep:
            ph._element.getparent().remove(ph._element)
    return slide


def placeholder(slide, kinds: set):
    return next((ph for ph in slide.placeholders if ph.placeholder_format.type in kinds), None)


@dataclass
class TemplateFrames:
    """Where a template's own layouts put the titles: deckgen keeps its text there, so that the
    template's decoration (rules, bands, pictures) stays where its designer meant it."""

    title: Box | None = None  # the title of title-only slides
    deck_title: Box | None = None  # the title slide's title
    subtitle: Box | None = None  # the title slide's subtitle


def template_frames(layouts: Layouts) -> TemplateFrames:
    def box(slide_layout, kinds):
        shape = next((ph for ph in slide_layout.placeholders if ph.placeholder_format.type in kinds), None)
        return box_of(shape) if shape is not None else None

    only = box(layouts.title_only, {PP_PLACEHOLDER.TITLE})
    deck_title = box(layouts.title, TITLES)
    subtitle = box(layouts.title, {PP_PLACEHOLDER.SUBTITLE})
    if deck_title is None or subtitle is None:
        deck_title = subtitle = None
    return TemplateFrames(only, deck_title, subtitle)
