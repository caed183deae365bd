"""The cards writer: A6 discussion cards as print sheets, single cards with bleed, and an HTML preview.

Each card side is laid out once, as one A6 page, by WeasyPrint (shrunk step by step where its text
overflows); the single-card PDF is those pages, and the sheets PDF places the same pages with pypdf."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deckgen.cards.cardset import all_sides, build_cards
from deckgen.cards.fit import fit
from deckgen.cards.imposition import impose
from deckgen.cards.theme import PageSetup
from deckgen.errors import DoesNotFit

__all__ = ["PrintOptions", "write_cards", "write_calibration", "check_cards"]


@dataclass(frozen=True)
class PrintOptions:
    paper: str | None = None  # "A4" | "A3"; None -> layout.cards.paper
    duplex: str | None = None  # "long-edge" | "short-edge" | "none"; None -> layout.cards.duplex
    back_offset: tuple[float, float] = (0.0, 0.0)  # mm, shifts the backs on sheets (x right, y down)


def write_cards(workshop, layout, sheets: Path, single: Path, html: Path,
                options: PrintOptions = PrintOptions()) -> None:
    """Write the sheets PDF, the single-card PDF and the HTML preview; DoesNotFit names every card whose
    text overflows at the layout's smallest size (and nothing is written then)."""
    from deckgen.cards import pdf
    from deckgen.cards.htmldoc import html_page
    from deckgen.cards.sheets import build_sheets

    paper, duplex = _print_form(layout, options)
    laid_out = _lay_out(workshop, layout)
    if laid_out.problems:
        raise DoesNotFit("\n".join(laid_out.problems))
    singles = pdf.write(laid_out.ordered_pages(), laid_out.first_document,
                        identifier=laid_out.html_seed)
    grid, plan = impose(len(laid_out.cards), paper, duplex, options.back_offset)
    sheet_bytes = build_sheets(singles, grid, plan, workshop.title.plain, workshop.language)
    preview = html_page(workshop, layout, laid_out.cards, laid_out.sizes, "preview",
                        PageSetup(0.0, False), meta=_meta())
    Path(sheets).write_bytes(sheet_bytes)
    Path(single).write_bytes(singles)
    Path(html).write_text(preview, encoding="utf-8")


def check_cards(workshop, layout) -> list[str]:
    """The overflow problems of the cards, each naming its card; [] when everything fits. Writes nothing."""
    return _lay_out(workshop, layout).problems


def write_calibration(layout, target: Path, options: PrintOptions = PrintOptions()) -> None:
    """One duplex sheet (front and back) with crosshairs at every card's corners and rulers, to read
    how far a printer's backs land from their fronts."""
    from deckgen.cards.calibration import calibration_pdf

    paper, duplex = _print_form(layout, options)
    Path(target).write_bytes(calibration_pdf(paper, duplex, options.back_offset))


def _print_form(layout, options: PrintOptions) -> tuple[str, str]:
    """Paper and duplex of this build, checked before anything is laid out."""
    from deckgen.cards.imposition import DUPLEX, PAPERS
    from deckgen.errors import DeckgenError

    paper = options.paper or layout.cards.paper
    duplex = options.duplex or layout.cards.duplex
    if paper not in PAPERS:
        raise DeckgenError(f"cards: paper {paper!r} is not one of {', '.join(PAPERS)}")
    if duplex not in DUPLEX:
        raise DeckgenError(f"cards: duplex {duplex!r} is not one of {', '.join(DUPLEX)}")
    if len(options.back_offset) != 2 or any(abs(float(v)) > 20 for v in options.back_offset):
        raise DeckgenError(f"cards: back offset {options.back_offset!r}: expected two numbers of mm within ±20")
    return paper, duplex


@dataclass
class _LaidOut:
    cards: list
    pages: dict
    sizes: dict
    problems: list[str]
    first_document: object
    html_seed: bytes

    def ordered_pages(self):
        return [self.pages[index] for index in sorted(self.pages)]


def _meta():
    from deckgen.cards.pdf import source_date

    date = source_date()
    return (("generator", "deckgen"),) + ((("dcterms.created", date), ("dcterms.modified", date)) if date else ())


def _lay_out(workshop, layout) -> _LaidOut:
    """Every side laid out once at the largest size that fits; the overflowing ones named."""
    from deckgen.cards import pdf
    from deckgen.cards.fetcher import safe_fetcher
    from deckgen.cards.htmldoc import html_page

    cards = build_cards(workshop, layout)
    sides = all_sides(cards)
    page = PageSetup(layout.cards.bleed, layout.cards.crop_marks)
    roots = tuple(layout.folders) + (Path(workshop.source).resolve().parent,)
    fetcher = safe_fetcher(roots)
    base_url = (Path(workshop.source).resolve().parent / "cards.html").as_uri()
    documents = []
    seeds = []
    meta = _meta()

    def lay_out_sides(sizes):
        html = html_page(workshop, layout, cards, sizes, "print", page, only=set(sizes), meta=meta)
        seeds.append(html.encode())
        document = pdf.render(html, base_url, fetcher)
        documents.append(document)
        return pdf.measure(document)

    base = {index: side.base_size for index, side in enumerate(sides)}
    pages, sizes, refused = fit(base, layout.cards.min_font_size, lay_out_sides)
    problems = [f"{sides[item.side].title}: overflows by {item.overflow:.1f} mm at {item.size:g} pt"
                for item in refused]
    import hashlib

    seed = hashlib.sha256(b"\0".join(seeds)).digest()
    return _LaidOut(cards, pages, sizes, problems, documents[0] if documents else None, seed)
