"""HTML pages drawn into PDF, shared by the builders that draw with Jinja2 and WeasyPrint (cards, handout).

- ``environment``: the sandboxed, autoescaping Jinja2 environment over a layout's template folders (child
  layout first; ``"NAME/file"`` reaches layout NAME's own file), with the ``inline`` and ``plain`` filters;
- ``find_active``: the first thing in a page that a browser would run (layout templates may hold none);
- ``weasyprint``: the WeasyPrint module, imported once and only when used, its version checked, and
  ``font_configuration``, one for every render of the process;
- ``safe_fetcher``: the only way WeasyPrint may read a file (file URLs inside given folders, data: URIs);
- ``css_string`` and ``css_url``: values from a layout written safely into CSS.

Moved here from deckgen.cards (render, htmldoc, pdf, fetcher, theme), which re-exports them unchanged.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from deckgen.errors import DeckgenError
from deckgen.fonts import faces_for, layout_faces
from deckgen.inline import Text
from deckgen.layout import COLOR_KEYS
from deckgen.safepaths import is_inside

# --- templates ------------------------------------------------------------------------------------------


def inline(text) -> Markup:
    """A content text as HTML: each span's characters escaped, bold and italic as <strong> and <em>."""
    if text is None:
        return Markup("")
    if not isinstance(text, Text):
        return escape(str(text))
    parts = []
    for span in text.spans:
        html = str(escape(span.text))
        if span.italic:
            html = f"<em>{html}</em>"
        if span.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return Markup("".join(parts))


def plain_text(text) -> str:
    return "" if text is None else (text.plain if isinstance(text, Text) else str(text))


@functools.lru_cache(maxsize=16)
def environment(template_dirs: tuple[tuple[str, Path], ...]) -> SandboxedEnvironment:
    """Templates are looked up child layout first; ``"NAME/file"`` reaches layout NAME's own file,
    so that a child can ``{% extends "default/cards.html.j2" %}`` and override one block.
    Templates are reloaded when their file changes: ``deckgen watch`` builds many times in one process."""
    loader = ChoiceLoader([
        *(FileSystemLoader(str(folder)) for _, folder in template_dirs),
        PrefixLoader({name: FileSystemLoader(str(folder)) for name, folder in reversed(template_dirs)}),
    ])
    env = SandboxedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, auto_reload=True)
    env.filters["inline"] = inline
    env.filters["plain"] = plain_text
    return env


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


def find_active(html: str) -> tuple[str, int | None] | None:
    """What in ``html`` a browser would run (see ACTIVE_ELEMENTS), and the ``data-side`` index of the card
    side it stands in (None outside one); None when there is nothing."""
    parser = _ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.found


# --- WeasyPrint -----------------------------------------------------------------------------------------


MIN_WEASYPRINT = (69, 0)


@functools.lru_cache(maxsize=1)
def weasyprint():
    """The weasyprint module (0.6 s to import), after checking that it is at least MIN_WEASYPRINT (older
    versions let a layout's CSS or a redirect read files). The upper bound is pyproject.toml's."""
    import weasyprint as module

    version = tuple(int(part) for part in module.__version__.split(".")[:2] if part.isdigit())
    if version < MIN_WEASYPRINT:
        raise DeckgenError(
            f"cards and handouts need WeasyPrint {'.'.join(map(str, MIN_WEASYPRINT))} or newer "
            f"(found {module.__version__}): "
            "older versions let a layout's CSS or a redirect read files they must not; "
            "run: pip install --upgrade 'weasyprint>=69'")
    _remember_page_references()
    return module


def _remember_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` answer from a tuple kept until a page is added.

    pydyf (0.13) builds the tuple of every page's reference anew at each read, and WeasyPrint's tagging
    reads it once per tagged element: a document of P pages and E elements costs P x E, quadratic in the
    document's length (at 200 models 11 million steps for the handout and guide; at 700 about 130
    million). The tuple only changes when a page is added (``add_page`` appends to ``/Kids``), so it is
    kept with the length of ``/Kids`` it was made from; the answer is the same."""
    import pydyf

    built = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(built, property) or getattr(built.fget, "remembers", False):
        return

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        kept = pdf.__dict__.get("_deckgen_page_references")
        if kept is None or kept[0] != len(kids):
            kept = (len(kids), built.fget(pdf))
            pdf.__dict__["_deckgen_page_references"] = kept
        return kept[1]

    page_references.remembers = True
    pydyf.PDF.page_references = property(page_references)


@functools.lru_cache(maxsize=1)
def font_configuration():
    """One font configuration for every render in this process: the cards' ``write`` puts pages of
    different renders into one document (Document.copy), which has one configuration for all their fonts."""
    from weasyprint.text.fonts import FontConfiguration

    weasyprint()
    return FontConfiguration()


# The cyclic garbage collector's thresholds while a long document is laid out and written (see
# few_collections): a young generation 100 times as large, the oldest collected only when it has grown by
# a quarter anyway (Python's own rule, which keeps the total work linear).
LAYOUT_GC_THRESHOLD = (100_000, 50, 1_000)


@contextlib.contextmanager
def few_collections():
    """Lay out with fewer collections by Python's cyclic garbage collector.

    WeasyPrint makes millions of small objects (boxes, styles, PDF objects) that live until the document
    is written, and almost all of them are freed by reference counting, not by the collector. With the
    default thresholds the collector walks the young objects every 700 allocations and the whole heap
    again and again: a quarter of a long handout's time at 100 models, more the longer it is (measured
    in the handout's benchmark). The peak memory is the same: little of WeasyPrint's garbage is
    cyclic. The thresholds are put back afterwards and what is left collected."""
    before = gc.get_threshold()
    gc.set_threshold(*LAYOUT_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.collect()


# --- reading files ---------------------------------------------------------------------------------------


def safe_fetcher(roots):
    """A WeasyPrint URL fetcher that refuses everything outside ``roots`` (imports WeasyPrint)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class Refused(FatalURLFetchingError):
        """Stops the rendering: WeasyPrint lets BaseExceptions through instead of logging a warning."""

    class SafeFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
            self.roots = tuple(Path(root).resolve() for root in roots)
            self.refused = Refused
            self.fetched: list[str] = []  # every URL read, for a cache that must know what a render used

        def fetch(self, url, headers=None):
            reason = refusal(url, self.roots)
            if reason:
                raise Refused(reason)
            self.fetched.append(url)
            return super().fetch(url, headers)

    return SafeFetcher()


def refusal(url: str, roots) -> str | None:
    """Why ``url`` may not be read, or None when it may."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return None
    if scheme != "file":
        return f"{url!r} is not a local file; a page may only use files inside {_where(roots)}"
    if parts.netloc not in ("", "localhost"):
        return f"{url!r} names another host; a page may only use files inside {_where(roots)}"
    path = Path(unquote(parts.path))
    if not is_inside(path, roots):
        return f"{url!r} lies outside {_where(roots)}; refused"
    return None


def _where(roots) -> str:
    return "the layout and content folders (" + ", ".join(str(root) for root in roots) + ")"


# --- CSS -------------------------------------------------------------------------------------------------


def css_string(value: str) -> str:
    """A CSS string literal that no family name can break out of."""
    escaped = "".join(ch if ch.isalnum() or ch in " -_.," else f"\\{ord(ch):x} " for ch in value)
    return f'"{escaped}"'


def css_url(url: str) -> str:
    """``url("…")`` for a URL made by Path.as_uri() or a data: URI (which quote every special character)."""
    if any(ch in url for ch in '"\\\n\r()\'') :
        raise ValueError(f"unexpected character in URL {url[:80]!r}")
    return f'url("{url}")'


def layout_css(layout, font_urls: dict, variables: dict[str, str]) -> list[str]:
    """The layout as CSS lines: a ``:root`` rule with its colours, its heading and body fonts and
    ``variables`` (name without ``--``: value), then an @font-face for every font file under each family
    name; ``font_urls`` maps each font file to the URL to use. Cards and handouts add their @page."""
    lines = [":root {"]
    lines += [f"  --{key}: {getattr(layout.colors, key)};" for key in COLOR_KEYS]
    lines += [f"  --heading-font: {css_string(layout.fonts.heading)}, sans-serif;",
              f"  --body-font: {css_string(layout.fonts.body)}, sans-serif;"]
    lines += [f"  --{name}: {value};" for name, value in variables.items()]
    lines.append("}")
    faces = layout_faces(layout.fonts.files)
    for family in dict.fromkeys((layout.fonts.heading, layout.fonts.body)):
        for face in faces_for(family, faces):  # a family's own files (or its twin's), else every file
            lines.append(f"@font-face {{ font-family: {css_string(family)}; src: {css_url(font_urls[face.path])}; "
                         f"font-weight: {face.css_weight}; font-style: {face.css_style}; }}")
    return lines
