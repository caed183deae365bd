"""The HTML of the handout and of the guide from the layout's templates, and their tagged PDFs.

One template, ``handout.html.j2``, draws both documents (``guide`` tells them apart) with the partials it
includes (``handout-*.html.j2``); like the cards' templates it is looked up along the layout chain, child
first, and ``"default/handout.html.j2"`` reaches the default layout's own. The stylesheet is the first
``handout.css`` along the chain. The page size, the margins, the layout's colours and fonts come in as CSS
ahead of it (``theme_css``), so a layout's ``handout.css`` may set them again."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError
from markupsafe import Markup

from deckgen import reproducible
from deckgen.errors import DeckgenError, UnsafeReference
from deckgen.fonts import layout_faces
from deckgen.htmlpdf import environment, find_active, layout_css
from deckgen.languages import document_tag, language
from deckgen.layout.types import HANDOUT_PAPERS
from deckgen.pictures import picture_urls

TEMPLATE = "handout.html.j2"
PAGE_LAYER = "handout-pages.html.j2"
STYLESHEET = "handout.css"
KINDS = ("handout", "guide")

# Margins (top, right, bottom, left) in mm and the body text size in pt, by paper: A5 is read closer.
MARGINS_MM = {"A4": (20, 20, 22, 20), "Letter": (20, 20, 22, 20), "A5": (13, 13, 16, 13)}
TEXT_PT = {"A4": 10.5, "Letter": 10.5, "A5": 9.5}


def theme_css(layout, font_urls: dict) -> str:
    """The layout as CSS: colour and font variables, @font-face for every font file, the page's size and margins."""
    paper = layout.handout.paper
    width, height = HANDOUT_PAPERS[paper]
    top, right, bottom, left = MARGINS_MM[paper]
    lines = layout_css(layout, font_urls, {"text-size": f"{TEXT_PT[paper]:g}pt"})
    lines.append(f"@page {{ size: {width:g}mm {height:g}mm; margin: {top}mm {right}mm {bottom}mm {left}mm; }}")
    return "\n".join(lines) + "\n"


def read_stylesheet(template_dirs) -> str:
    """The first ``handout.css`` along the template path: a child's replaces its parent's whole."""
    for _, folder in template_dirs:
        path = folder / STYLESHEET
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise DeckgenError(f"no {STYLESHEET} in any layout's templates folder")


def page_meta(workshop) -> tuple[tuple[str, str], ...]:
    """The HTML meta WeasyPrint writes into the PDF: authors, the generator, and the build's source date
    when SOURCE_DATE_EPOCH is set (without it the PDF carries no date at all)."""
    meta = [("author", ", ".join(workshop.authors))] if workshop.authors else []
    meta.append(("generator", "deckgen"))
    moment = reproducible.source_date()
    if moment is not None:
        date = reproducible.w3c_date(moment)
        meta += [("dcterms.created", date), ("dcterms.modified", date)]
    return tuple(meta)


# A part's own pages have nothing in their margins: the page layer draws the running footer over them.
MARGIN_BOXES = ("top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "right-top",
                "right-middle", "right-bottom", "bottom-right-corner", "bottom-right", "bottom-center",
                "bottom-left", "bottom-left-corner", "left-bottom", "left-middle", "left-top")
PART_CSS = "@page { " + " ".join(f"@{box} {{ content: none; }}" for box in MARGIN_BOXES) + " }\n"


def html_document(project, view, kind: str, part=None) -> str:
    """The HTML of the ``kind`` document ("handout" or "guide"), whole or ``part`` of it
    (deckgen.handout.parts); DeckgenError when a template breaks or holds anything a browser would run."""
    from deckgen.handout.parts import whole

    part = part or whole(view)
    stylesheet = read_stylesheet(project.layout.template_dirs)
    if part.slot != "whole":
        stylesheet += "\n" + PART_CSS
    return _render(project, view, kind, TEMPLATE, part=part, stylesheet=Markup(stylesheet))


def page_layer_html(project, view, kind: str, total: int, first: int, count: int) -> str:
    """The HTML of pages ``first`` to ``first + count - 1`` (from 1) of the page layer of a ``kind`` document
    in parts of ``total`` pages (handout-pages.html.j2). A piece after the first begins with a page to
    leave out (``lay_out(..., skip=1)``): the cover's, which sets the running strings, as in the document."""
    stylesheet = read_stylesheet(project.layout.template_dirs)
    # A piece has fewer pages than the document: its total is written out. Only the default layout's
    # stylesheet is laid out in parts (parts.in_parts), so this is the rule that shows it.
    stylesheet = stylesheet.replace("counter(pages)", f'"{total}"')
    return _render(project, view, kind, PAGE_LAYER, first=first, count=count, stylesheet=Markup(stylesheet))


def skipped_layer_pages(first: int) -> int:
    """The pages to leave out of the layout of the page layer's piece from page ``first``."""
    return 0 if first == 1 else 1


def _render(project, view, kind: str, template: str, **extra) -> str:
    workshop, layout = project.workshop, project.layout
    font_urls = {face.path: Path(face.path).resolve().as_uri() for face in layout_faces(layout.fonts.files)}
    title = workshop.title.plain
    name = view.words.guide if kind == "guide" else view.words.handout
    try:
        html = environment(tuple(layout.template_dirs)).get_template(template).render(
            lang=document_tag(workshop.language),
            title=f"{title} \u2013 {name}",
            meta=page_meta(workshop),
            kind=kind,
            guide=kind == "guide",
            theme_css=Markup(theme_css(layout, font_urls)),
            labels=project.labels,
            colon=language(workshop.language).colon,
            words=view.words,
            document_name=name,
            logo=layout.logo.resolve().as_uri() if layout.logo else None,
            logo_alt=layout.logo_alt,
            mode="print",  # a content picture without alt text is a background (picture.html.j2)
            pictures=picture_urls(workshop.pictures),
            view=view,
            cover=view.cover,
            models=view.models,
            questions=view.questions,
            sources=view.sources,
            run_sheet=view.run_sheet,
            **extra,
        )
    except TemplateError as error:
        where = f" ({error.filename}:{error.lineno})" if getattr(error, "lineno", None) else ""
        raise DeckgenError(f"handout template {template!r}: {error}{where}") from None
    found = find_active(html)
    if found is not None:
        owner = next((layer for layer, folder in layout.template_dirs
                      if any(folder.glob("handout*.j2"))), layout.name)
        raise DeckgenError(f"layout {owner!r}: layout templates may not contain scripts: {found[0]} in "
                           f"{template} (or a template it includes)")
    return html


@dataclass(frozen=True)
class Setting:
    """Where a document may read files from and what its relative URLs mean; plain data, for workers."""

    roots: tuple[Path, ...]  # the layout's folders and the content's
    base_url: str


def setting(project) -> Setting:
    source_folder = Path(project.workshop.source).resolve().parent
    return Setting(tuple(project.layout.folders) + (source_folder,), (source_folder / "handout.html").as_uri())


@dataclass(frozen=True)
class Laid:
    """A document laid out: its PDF, its number of pages, the page (from 0) of each anchor (``id``) in
    it, and the URLs the render read."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]
    fetched: tuple[str, ...]


def lay_out(html: str, where: Setting, tagged: bool = True, skip: int = 0) -> Laid:
    """``html`` as a PDF, tagged (PDF/UA-1, its tags repaired by deckgen.pdftags) unless ``tagged`` is
    false, its first ``skip`` pages left out, every resource read through the safe fetcher (``where.roots``
    only); its identifier is derived from the HTML, so the same sources give the same bytes when
    SOURCE_DATE_EPOCH is set."""
    from deckgen import pdftags
    from deckgen.htmlpdf import few_collections

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    options = {"pdf_variant": "pdf/ua-1", "finisher": pdftags.repair} if tagged else {}
    with few_collections():
        document, fetched = _render_document(html, where)
        if skip:
            document = document.copy(document.pages[skip:])
        anchors = {}
        for number, page in enumerate(document.pages):
            for anchor in page.anchors:
                anchors.setdefault(anchor, number)
        pdf = document.write_pdf(pdf_identifier=identifier, **options)
        pages = len(document.pages)
        del document  # its pages go before the collection that closes few_collections
    return Laid(pdf, pages, anchors, fetched)


def page_links(html: str, where: Setting) -> tuple[list[list[str]], tuple[str, ...]]:
    """The targets of the links on each page of ``html`` laid out (in their order, each once a page), and
    the URLs the render read; nothing is written."""
    from deckgen.htmlpdf import few_collections

    with few_collections():
        document, fetched = _render_document(html, where)
        pages = [list(dict.fromkeys(target for _, target, _, _ in page.links)) for page in document.pages]
        del document
    return pages, fetched


def _render_document(html: str, where: Setting):
    """WeasyPrint's laid-out document of ``html``, and the URLs it read."""
    from deckgen.htmlpdf import font_configuration, safe_fetcher, weasyprint

    module = weasyprint()
    fetcher = safe_fetcher(where.roots)
    try:
        document = module.HTML(string=html, base_url=where.base_url,
                               url_fetcher=fetcher).render(font_config=font_configuration())
    except fetcher.refused as error:
        raise UnsafeReference(f"handout: {error}") from None
    return document, tuple(fetcher.fetched)
