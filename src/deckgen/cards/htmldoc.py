"""The context of the cards template, and the HTML page of some card sides for print or for the browser."""

from __future__ import annotations

import base64
import mimetypes
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

from deckgen.cards.cardset import card_labels
from deckgen.cards.render import read_stylesheet, render_template
from deckgen.cards.theme import PageSetup, theme_css
from deckgen.errors import DeckgenError
from deckgen.fonts import layout_faces

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
        lang=workshop.language,
        title=workshop.title.plain,
        meta=tuple(meta),
        mode=mode,
        theme_css=Markup(theme_css(layout, page, font_urls)),
        stylesheet=Markup(stylesheet(layout, cards)),
        labels=labels,
        logo=logo,
        logo_alt=layout.logo_alt,
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


# Elements and attributes that run code or embed another document in a browser. Content is always
# escaped, so any of them in the page comes from a layout's templates; the preview is served to a browser.
ACTIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "cite", "longdesc", "lowsrc", "dynsrc", "ping", "codebase", "manifest", "from", "to", "values"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_MARKUP = re.compile(r"<[A-Za-z!/?]")


class _ActiveContent(HTMLParser):
    """Finds the first thing in a page that a browser would run: what it is, and the side it is in."""

    def __init__(self):
        super().__init__(convert_charrefs=False)  # text arrives as written: a '<' in it is never content
        self.found: tuple[str, int | None] | None = None
        self.side: int | None = None
        self._side_tag: str | None = None
        self._depth = 0  # open elements named like the current side's, the side's own included
        self._cdata: str | None = None

    def _report(self, what: str) -> None:
        if self.found is None:
            self.found = (what, self.side)

    def _start(self, tag: str, attrs, closed: bool) -> None:
        if tag in ACTIVE_ELEMENTS:
            self._report(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self._report(f"the event attribute {name}= on <{tag}>")
            elif name == "srcdoc":
                self._report(f"srcdoc= on <{tag}>")
            elif name in URL_ATTRIBUTES and value and _IGNORED_IN_URL.sub("", value).lower().startswith(
                    SCRIPT_SCHEMES):
                self._report(f"a {_IGNORED_IN_URL.sub('', value).split(':')[0].lower()}: URL in {name}= of <{tag}>")
            elif tag == "meta" and name == "http-equiv" and (value or "").strip().lower() == "refresh":
                self._report('<meta http-equiv="refresh">')
        if self.side is None:
            index = dict(attrs).get("data-side")
            if index is not None and not closed:
                self.side = int(index) if index.strip().isdigit() else None
                self._side_tag, self._depth = tag, 1
        elif tag == self._side_tag and not closed:
            self._depth += 1

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)
        if tag in self.CDATA_CONTENT_ELEMENTS:
            self._cdata = tag

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag == self._cdata:
            self._cdata = None
        if self.side is not None and tag == self._side_tag:
            self._depth -= 1
            if self._depth <= 0:
                self.side = self._side_tag = None

    def handle_data(self, data):
        if self._cdata is not None:
            # a <style> inside <svg> or <math> is markup to a browser: read it as such too
            if _MARKUP.search(data):
                self._check_inside(data)
        elif _MARKUP.search(data):
            self._report("markup the checker cannot read as HTML")

    def _check_inside(self, text: str) -> None:
        inner = _ActiveContent()
        inner.feed(text)
        inner.close()
        if inner.found is not None:
            self._report(inner.found[0])

    def handle_comment(self, data):
        # browsers end a comment at '<!-->' and '--!>' too: what a browser may read as markup is checked
        if _MARKUP.search(data) or ">" in data:
            self._check_inside(data.lstrip(">"))

    def unknown_decl(self, data):  # '<![CDATA[...]]>' is a bogus comment that ends at the first '>' in HTML
        if _MARKUP.search(data) or ">" in data:
            self._check_inside(data.split(">", 1)[-1])


def check_inactive(html: str, layout, sides: dict) -> None:
    """Refuse a page that holds anything a browser would run (see ACTIVE_ELEMENTS): it comes from a layout's
    templates, never from the content, and the HTML preview is opened in (and served to) a browser."""
    parser = _ActiveContent()
    parser.feed(html)
    parser.close()
    if parser.found is None:
        return
    what, index = parser.found
    side = sides.get(index) if index is not None else None
    name = side.template if side is not None else "cards.html.j2"
    owner = next((layer for layer, folder in layout.template_dirs if (folder / name).is_file()), layout.name)
    where = f", on {side.label}" if side is not None else ""
    raise DeckgenError(f"layout {owner!r}: layout templates may not contain scripts: {what} in {name} "
                       f"(or a template it includes){where}")
