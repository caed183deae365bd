"""The HTML of the handout and of the guide from the layout's templates, and their tagged PDFs.

One template, ``handout.html.j2``, draws both documents (``guide`` tells them apart) with the partials it
includes (``handout-*.html.j2``); like the cards' templates it is looked up along the layout chain, child
first, and ``"default/handout.html.j2"`` reaches the default layout's own. The stylesheet is the first
``handout.css`` along the chain. The page size, the margins, the layout's colours and fonts come in as CSS
ahead of it (``theme_css``), so a layout's ``handout.css`` may set them again."""

from __future__ import annotations

import hashlib
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


def html_document(project, view, kind: str) -> str:
    """The HTML of the ``kind`` document ("handout" or "guide"); DeckgenError when a template breaks or
    holds anything a browser would run."""
    workshop, layout = project.workshop, project.layout
    font_urls = {face.path: Path(face.path).resolve().as_uri() for face in layout_faces(layout.fonts.files)}
    title = workshop.title.plain
    name = view.words.guide if kind == "guide" else view.words.handout
    try:
        html = environment(tuple(layout.template_dirs)).get_template(TEMPLATE).render(
            lang=document_tag(workshop.language),
            title=f"{title} \u2013 {name}",
            meta=page_meta(workshop),
            kind=kind,
            guide=kind == "guide",
            theme_css=Markup(theme_css(layout, font_urls)),
            stylesheet=Markup(read_stylesheet(layout.template_dirs)),
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
        )
    except TemplateError as error:
        where = f" ({error.filename}:{error.lineno})" if getattr(error, "lineno", None) else ""
        raise DeckgenError(f"handout template {TEMPLATE!r}: {error}{where}") from None
    found = find_active(html)
    if found is not None:
        owner = next((layer for layer, folder in layout.template_dirs
                      if any(folder.glob("handout*.j2"))), layout.name)
        raise DeckgenError(f"layout {owner!r}: layout templates may not contain scripts: {found[0]} in "
                           f"{TEMPLATE} (or a template it includes)")
    return html


def write_pdf(html: str, project, target) -> list[str]:
    """``html`` as a tagged PDF (PDF/UA-1, its tags repaired by deckgen.pdftags) at ``target``, every
    resource read through the safe fetcher (the layout's and the content's folders only); its identifier
    is derived from the HTML, so the same sources give the same bytes when SOURCE_DATE_EPOCH is set.
    Returns the URLs the render read."""
    from deckgen import pdftags
    from deckgen.htmlpdf import few_collections, font_configuration, safe_fetcher, weasyprint

    module = weasyprint()
    source_folder = Path(project.workshop.source).resolve().parent
    fetcher = safe_fetcher(tuple(project.layout.folders) + (source_folder,))
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    with few_collections():
        try:
            document = module.HTML(string=html, base_url=(source_folder / "handout.html").as_uri(),
                                   url_fetcher=fetcher).render(font_config=font_configuration())
        except fetcher.refused as error:
            raise UnsafeReference(f"handout: {error}") from None
        document.write_pdf(target, pdf_identifier=identifier, pdf_variant="pdf/ua-1", finisher=pdftags.repair)
        del document  # its pages go before the collection that closes few_collections
    return list(fetcher.fetched)
