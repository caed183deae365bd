"""The context of the cards template, and the HTML page of some card sides for print or for the browser."""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from deckgen.cards.cardset import card_labels, card_pictures
from deckgen.cards.render import read_stylesheet, render_template
from deckgen.cards.theme import PageSetup, theme_css
from deckgen.errors import DeckgenError
from deckgen.fonts import layout_faces
from deckgen.htmlpdf import find_active
from deckgen.languages import document_tag
from deckgen.pictures import picture_urls

MAX_INLINE_LOGO = 2 * 1024 * 1024
CONTINUED_STYLESHEET = "cards-continued.css"  # of cards that continue a model's back (deckgen.cards.continued)


@dataclass(frozen=True)
class SideView:
    """What the template sees of one side."""

    index: int
    kind: str
    face: str
    template: str
    size: str  # pt, formatted
    label: str


@dataclass(frozen=True)
class CardView:
    set: str
    number: int | None
    data: dict
    sides: tuple[SideView, ...]


def file_url(path: Path) -> str:
    return Path(path).resolve().as_uri()


def data_url(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix.lower() == ".svg":
        mime = "image/svg+xml"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def html_page(workshop, layout, cards, sizes: dict[int, float], mode: str, page: PageSetup,
              only=None, meta=()) -> str:
    """HTML of ``cards`` (the sides in ``only``, or all). ``mode`` is "print" (one A6 page per side,
    resources as file URLs for WeasyPrint) or "preview" (a browser page; the logo inline)."""
    labels = card_labels(workshop, layout)
    font_urls = {face.path: file_url(face.path) for face in layout_faces(layout.fonts.files)}
    logo = None
    if layout.logo:
        inline_logo = mode == "preview" and layout.logo.stat().st_size <= MAX_INLINE_LOGO
        logo = data_url(layout.logo) if inline_logo else file_url(layout.logo)
    views = []
    index = 0
    for card in cards:
        sides = []
        for side in card.sides:
            if only is None or index in only:
                sides.append(SideView(index, side.kind, side.face, side.template,
                                      f"{sizes[index]:g}", side.title))
            index += 1
        if sides:
            views.append(CardView(card.set, card.number, card.data, tuple(sides)))
    html = render_template(
        layout.template_dirs, "cards.html.j2",
        lang=document_tag(workshop.language),
        title=workshop.title.plain,
        meta=tuple(meta),
        mode=mode,
        theme_css=Markup(theme_css(layout, page, font_urls)),
        stylesheet=Markup(stylesheet(layout, cards)),
        labels=labels,
        logo=logo,
        logo_alt=layout.logo_alt,
        pictures=picture_urls({framed.picture for framed in card_pictures(cards)}, inline=mode == "preview"),
        crop_marks=mode == "print" and page.slug > 0,  # cards/pdf.py draws them in the slug
        cards=views,
    )
    check_inactive(html, layout, {side.index: side for view in views for side in view.sides})
    return html


def stylesheet(layout, cards) -> str:
    """The layout's cards.css, and after it its cards-continued.css when a card of ``cards`` shows part of a
    model's back that goes over several cards: the page of cards that all fit stays what it was."""
    css = read_stylesheet(layout.template_dirs)
    if any(card.split for card in cards):
        css += "\n" + read_stylesheet(layout.template_dirs, CONTINUED_STYLESHEET)
    return css


def check_inactive(html: str, layout, sides: dict) -> None:
    """Refuse a page that holds anything a browser would run (deckgen.htmlpdf.find_active): it comes from a
    layout's templates, never from the content, and the HTML preview is opened in (and served to) a browser."""
    found = find_active(html)
    if found is None:
        return
    what, index = found
    side = sides.get(index) if index is not None else None
    name = side.template if side is not None else "cards.html.j2"
    owner = next((layer for layer, folder in layout.template_dirs if (folder / name).is_file()), layout.name)
    where = f", on {side.label}" if side is not None else ""
    raise DeckgenError(f"layout {owner!r}: layout templates may not contain scripts: {what} in {name} "
                       f"(or a template it includes){where}")
