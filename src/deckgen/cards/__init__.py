"""The cards writer: A6 discussion cards as print sheets, single cards with bleed, and an HTML preview.

Each card side is laid out once, as one A6 page, by WeasyPrint (shrunk step by step where its text
overflows); the single-card PDF is those pages, and the sheets PDF places the same pages with pypdf."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deckgen.cards.cardset import all_sides, build_cards
from deckgen.cards.imposition import impose
from deckgen.cards.theme import PageSetup
from deckgen.errors import DoesNotFit, Problem
from deckgen.printing import PrintOptions, resolve_print

TAG_LIMIT = 200  # sides up to which the single-card PDF is tagged PDF/UA (see write_cards)

__all__ = ["PrintOptions", "write_cards", "write_calibration", "check_cards"]


def write_cards(workshop, layout, sheets: Path, single: Path, html: Path,
                options: PrintOptions = PrintOptions(), *, cache_dir: Path | None = None,
                workers: int | None = None, chunk_size: int | None = None, progress=None) -> None:
    """Write the sheets PDF, the single-card PDF and the HTML preview; DoesNotFit names every card whose
    text overflows at the layout's smallest size (and nothing is written then).

    ``cache_dir``: where laid-out sides are kept between builds (None: no cache). ``workers``: processes
    laying out sides (None: the available cores). ``progress(stage, done, total)`` hears how far it got.

    The sides are laid out as one-page PDFs (in chunks, over the cores, or read from the cache) and put
    together with pypdf: the single-card PDF is those pages, the sheets place the same pages. The
    single-card PDF is tagged PDF/UA up to TAG_LIMIT sides; beyond, its sides are written untagged:
    pypdf reads a tagged side in about 15 ms against 4 ms untagged, so at 1400 sides merging the tags
    would take longer than laying the sides out on two cores. The sheets are never tagged."""
    from deckgen.cards.htmldoc import html_page
    from deckgen.cards.sheets import build_sheets, build_singles

    paper, duplex = _print_form(layout, options)
    laid_out = _lay_out(workshop, layout, cache_dir=cache_dir, workers=workers, chunk_size=chunk_size,
                        progress=progress)
    if laid_out.problems:
        raise DoesNotFit([Problem(workshop.source, None, None, "", problem) for problem in laid_out.problems])
    if progress:
        progress("writing single cards", 0, 1)
    pages = [reader.pages[0] for reader in laid_out.readers]
    singles = build_singles(laid_out.readers, laid_out.seed, workshop.title.plain, workshop.language,
                            fonts=layout.fonts.files)
    if progress:
        progress("writing sheets", 0, 1)
    grid, plan = impose(len(laid_out.cards), paper, duplex, options.back_offset)
    sheet_bytes = build_sheets(pages, grid, plan, workshop.title.plain, workshop.language, seed=laid_out.seed,
                               fonts=layout.fonts.files)
    preview = html_page(workshop, layout, laid_out.cards, laid_out.sizes, "preview",
                        PageSetup(0.0, False), meta=_meta())
    Path(sheets).write_bytes(sheet_bytes)
    Path(single).write_bytes(singles)
    Path(html).write_text(preview, encoding="utf-8")
    laid_out.save_cache()


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
    settings = resolve_print(options, layout.cards.paper, layout.cards.duplex)
    return settings.paper, settings.duplex


@dataclass
class _LaidOut:
    cards: list
    readers: list  # one pypdf reader of a one-page PDF per side, in order
    sizes: dict
    problems: list[str]
    seed: bytes
    cache: object = None
    new_entries: dict = None
    keys: list = None

    def save_cache(self) -> None:
        if self.cache is not None:
            self.cache.put_all(self.new_entries, set(self.keys))


def _meta():
    from deckgen.cards.pdf import source_date

    date = source_date()
    return (("generator", "deckgen"),) + ((("dcterms.created", date), ("dcterms.modified", date)) if date else ())


def _lay_out(workshop, layout, cache_dir: Path | None = None, workers: int | None = None,
             chunk_size: int | None = None, progress=None) -> _LaidOut:
    """Every side laid out once at the largest size that fits (or read from the cache); the overflowing
    ones named."""
    import hashlib

    from deckgen.cards import chunks
    from deckgen.cards.cache import SideCache, layout_digest, one_page, side_keys

    cards = build_cards(workshop, layout)
    sides = all_sides(cards)
    source_folder = Path(workshop.source).resolve().parent
    context = chunks.Context(
        workshop=workshop, layout=layout, cards=cards,
        page=PageSetup(layout.cards.bleed, layout.cards.crop_marks),
        base_url=(source_folder / "cards.html").as_uri(),
        roots=tuple(layout.folders) + (source_folder,), meta=_meta(),
        variant="pdf/ua-1" if len(sides) <= TAG_LIMIT else None)
    cache = SideCache(cache_dir, enabled=cache_dir is not None)
    keys = side_keys(chunks.common_key(context, layout_digest(layout)), sides) if cache.enabled else []
    found: dict[int, tuple] = {}  # index: (pdf bytes, size[, reader])
    for index in range(len(sides)) if cache.enabled else ():
        entry = cache.get(keys[index])
        if entry is not None:
            found[index] = entry
    todo = [(index, side.base_size) for index, side in enumerate(sides) if index not in found]
    total = len(sides)

    def report(done, _):
        if progress:
            progress("laying out cards", len(found) + done, total)

    if progress:
        report(0, len(todo))
    results = chunks.lay_out(context, todo, workers=workers, chunk_size=chunk_size or chunks.CHUNK,
                             progress=report) if todo else {}
    refused = sorted((result for result in results.values() if result.pdf is None), key=lambda r: r.index)
    problems = [f"{sides[item.index].title}: overflows by {item.overflow:.1f} mm at {item.size:g} pt"
                for item in refused]
    new_entries = {}
    for index, result in results.items():
        if result.pdf is not None:
            found[index] = (result.pdf, result.size)
            if cache.enabled:
                new_entries[keys[index]] = (result.pdf, result.size)
    readers, sizes = [], {}
    seed = hashlib.sha256()
    if not problems:
        for index in range(total):
            data, size = found[index][:2]
            reader = found[index][2] if len(found[index]) > 2 else one_page(data)
            if reader is None:  # WeasyPrint always writes one page; this guards the merge all the same
                raise RuntimeError(f"{sides[index].title}: its laid-out page is not a one-page PDF")
            readers.append(reader)
            sizes[index] = size
            seed.update(hashlib.sha256(data).digest())
    return _LaidOut(cards, readers, sizes, problems, seed.digest(), cache if cache.enabled else None,
                    new_entries, keys)
