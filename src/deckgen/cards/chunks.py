"""Laying out card sides in chunks, in this process or in worker processes, each side as a one-page PDF.

WeasyPrint keeps a whole document in memory and takes about 30 ms a side; one process uses one core.
So the sides that are not cached are cut into chunks of CHUNK sides; each chunk is one WeasyPrint render
(then renders of only its overflowing sides, smaller), and every side is written as its own one-page PDF.
A worker returns only those bytes, so memory is bounded by a chunk, not by the deck, and a side's PDF does
not depend on which chunk it was laid out in: the output is the same for any chunk size and worker count.
This process lays out chunks too, beside the worker processes, and each process gives a render's freed
memory back to the system after its chunk: what the machine holds is about one chunk's render a core.

Writing one PDF a chunk instead of one a side would save about 12 ms a side (0.16 s against 0.35 s for
16 sides, measured), but a side's PDF would then carry its chunk's fonts and tags: it would depend on
which sides were laid out beside it (a rebuild after an edit would no longer give a cold build's bytes)
and a tagged side could not be merged on its own.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace

from deckgen.cards.fit import fit
from deckgen.memory import trim_heap

# Sides per render: big enough to share a render's fixed cost (16 instead of 48 costs about 7 % more
# time), small enough to keep memory low (a render of 48 sides holds about 75 MB, of 16 about 36 MB).
CHUNK = 16


@dataclass
class Context:
    """What laying out any side needs; sent once to each worker."""

    workshop: object
    layout: object
    cards: list
    page: object  # PageSetup
    base_url: str
    roots: tuple
    meta: tuple
    variant: str | None = None  # WeasyPrint's pdf_variant of each side's PDF ("pdf/ua-1": tagged)


@dataclass(frozen=True)
class SideResult:
    index: int
    pdf: object  # the PDF's bytes (or where they are kept); None when the side does not fit even at the smallest size
    size: float
    overflow: float = 0.0


_context: Context | None = None
_fetcher = None


def _install(context: Context | None) -> None:
    global _context, _fetcher
    _context, _fetcher = context, None


def lay_out_chunk(chunk: tuple[tuple[int, float], ...]) -> list[SideResult]:
    """Each side of ``chunk`` ((index, starting size) pairs) at the size fit() settles on, as a one-page
    PDF; a side that overflows even at the layout's minimum size comes back without a PDF."""
    from deckgen.cards import pdf
    from deckgen.cards.fetcher import safe_fetcher
    from deckgen.cards.htmldoc import html_page
    from deckgen.cards.stylevars import area_gap
    from deckgen.htmlpdf import few_collections

    global _fetcher
    context = _context
    if _fetcher is None:
        _fetcher = safe_fetcher(context.roots)
    documents = []
    gap = area_gap(context.layout)

    def lay_out_sides(sizes):
        html = html_page(context.workshop, context.layout, context.cards, sizes, "print", context.page,
                         only=set(sizes), meta=context.meta)
        document = pdf.render(html, context.base_url, _fetcher)
        documents.append(document)
        return pdf.measure(document, gap)

    base = dict(chunk)
    with few_collections():  # WeasyPrint's garbage is freed by reference counting (deckgen.htmlpdf)
        pages, sizes, refused = fit(base, context.layout.cards.min_font_size, lay_out_sides)
        results = [SideResult(item.side, None, item.size, item.overflow) for item in refused]
        for index in sorted(pages):
            data = pdf.write([pages[index]], documents[0], identifier=b"side", variant=context.variant)
            results.append(SideResult(index, data, sizes[index]))
        documents.clear()
        pages.clear()
    # few_collections collected on leaving: what the render freed goes back to the system, so that a process
    # that has laid out a chunk does not stay as large as its largest render
    trim_heap()
    return results


def lay_out(context: Context, todo: list[tuple[int, float]], workers: int | None = None,
            chunk_size: int = CHUNK, progress=None, keep=None) -> dict[int, SideResult]:
    """Every side of ``todo`` ((index, starting size) pairs: the starting size is the layout's for the
    side's kind, ``stylevars.side_sizes(layout)[side.kind]``) laid out, in worker processes when there
    is more than one chunk and ``workers`` (default: the available cores) allows more than one. With
    ``keep``, each result's PDF is ``keep(pdf)`` (a sidestore.Kept) as soon as it arrives."""
    chunks = [tuple(todo[start:start + chunk_size]) for start in range(0, len(todo), chunk_size)]
    results: dict[int, SideResult] = {}

    def collect(found):
        for result in found:
            if keep is not None and result.pdf is not None:
                result = replace(result, pdf=keep(result.pdf))
            results[result.index] = result
        if progress:
            progress(len(results), len(todo))

    _run(context, lay_out_chunk, chunks, workers, collect)
    return results


def _run(context: Context, function, tasks: list, workers: int | None, collect) -> None:
    """``collect(function(task))`` for every task, spread over ``workers`` processes (default: the available
    cores) when there is more than one task: this one and ``workers - 1`` worker processes, each given
    ``context`` once. This process works too, instead of waiting: one Python with WeasyPrint fewer in memory."""
    _install(context)
    try:
        _spread(context, function, tasks, max(1, min(workers or os.cpu_count() or 1, len(tasks))), collect)
    finally:
        # this process goes on to other builders, whose workers are forked from it: not with the cards
        _install(None)


def _spread(context: Context, function, tasks: list, workers: int, collect) -> None:
    if workers <= 1:
        for task in tasks:
            collect(function(task))
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # fork: the workers inherit the loaded workshop and layout instead of unpickling them
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    queue = deque(tasks)
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=multiprocessing.get_context(method),
                             initializer=_install, initargs=(context,)) as pool:
        pending: set = set()
        try:
            while queue or pending:
                while queue and len(pending) < workers:  # every worker a task ahead: it never waits for this one
                    pending.add(pool.submit(function, queue.popleft()))
                if queue:
                    collect(function(queue.pop()))  # this process takes them from the other end
                    done = {future for future in pending if future.done()}
                else:
                    done = wait(pending, return_when=FIRST_COMPLETED).done
                for future in done:
                    pending.discard(future)
                    collect(future.result())
        except BaseException:
            for future in pending:
                future.cancel()
            raise


@dataclass(frozen=True)
class Split:
    """How the back of model card ``card`` (an index into the context's cards) goes over several cards."""

    card: int
    bounds: tuple[int, ...]  # where each back's items begin, then where the last one ends (continued.split_points)
    refused: int | None = None  # the item that does not fit on a back even on its own (bounds: those before it)
    title: bool = False  # with ``refused``: not even the back's title and section headings fit
    overflow: float = 0.0  # mm, with ``refused``: how far its back runs over at ``size``
    size: float = 0.0


def split_back(task: tuple[int, float]) -> Split:
    """The split of the back of model card ``task[0]``, each back filled at the size ``task[1]`` (the
    smallest the fitter tries), each try one render of one side (deckgen.cards.continued)."""
    from deckgen.cards import continued, pdf
    from deckgen.cards.fetcher import safe_fetcher
    from deckgen.cards.htmldoc import html_page
    from deckgen.cards.stylevars import area_gap
    from deckgen.languages import language

    global _fetcher
    context = _context
    if _fetcher is None:
        _fetcher = safe_fetcher(context.roots)
    index, size = task
    card = context.cards[index]
    total = continued.item_count(card.data["model"])
    word = language(context.workshop.language).continued
    gap = area_gap(context.layout)
    overflows: dict[tuple[int, int], float] = {}

    def overflow(start: int, stop: int, part: int) -> float:
        # the back exactly as it will be laid out, but for its number of parts, which it does not show
        probe = continued.portion(card, start, stop, part, part + 1, word)
        html = html_page(context.workshop, context.layout, [probe], {1: size}, "print", context.page,
                         only={1}, meta=context.meta)
        overflows[start, stop] = pdf.measure(pdf.render(html, context.base_url, _fetcher), gap)[1].overflow
        return overflows[start, stop]

    found, refused = continued.split_points(total, lambda start, stop, part: overflow(start, stop, part) <= 0)
    if refused is None:
        return Split(index, tuple(found))
    part = len(found) - 1
    alone = overflows.get((refused, refused + 1))
    if alone is None:  # the model's only item: known not to fit from laying out the whole back
        alone = overflow(refused, refused + 1, part)
    title = overflow(refused, refused, part) > 0
    return Split(index, tuple(found), refused, title, alone, size)


def split_backs(context: Context, todo: list[tuple[int, float]], workers: int | None = None,
                progress=None) -> dict[int, Split]:
    """The split of each model card back of ``todo`` ((card index, size to fill at) pairs), one task each."""
    results: dict[int, Split] = {}

    def collect(split):
        results[split.card] = split
        if progress:
            progress(len(results), len(todo))

    _run(context, split_back, todo, workers, collect)
    return results


def common_key(context: Context, layout_files: str) -> bytes:
    """The part of every side's cache key that is the same for all sides of this build."""
    from importlib.metadata import version

    from deckgen.cards.cardset import card_labels
    from deckgen.cards.stylevars import card_style
    from deckgen.fingerprint import code_fingerprint

    layout = context.layout
    workshop = context.workshop
    parts = (
        "deckgen", code_fingerprint(), "weasyprint", version("weasyprint"), layout_files,
        repr(card_labels(workshop, layout)), repr(context.page), repr(context.meta), repr(context.variant),
        workshop.language, workshop.title.plain, repr(layout.cards), repr(layout.colors), repr(layout.fonts),
        str(layout.logo), layout.logo_alt, repr(layout.template_dirs), context.base_url,
        repr(card_style(layout.template_dirs)),
    )
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).digest()
