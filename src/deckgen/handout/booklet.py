"""Writing long handouts and guides in parts (deckgen.handout.parts), each part laid out once.

1. The parts that show no page number (the front, the models a few at a time, the back with the last)
   are taken from the cache or laid out in the workers: the fronts on their own (the guide's run sheet
   takes the memory of several parts), then the handout's and the guide's parts of models side by side.
   Meanwhile this process finds where the overview breaks into pages (deckgen.handout.pagination), with
   stand-in page numbers as wide as the real ones (or from the cache: stand-ins do not change when a
   part's length does). The handout's and the guide's overviews are alike.
2. With every other part's length known, the overview's pieces are laid out with their real page numbers,
   and the page layer LAYER_PAGES pages at a time (or taken from the cache). Should a piece come out
   longer or shorter than its stand-in, the overview is paginated again with the real numbers (until it
   is as long as they assume) and laid out again.
3. The workers stop, and the parts and the page layer are merged (deckgen.handout.assemble) in this
   process, one document after the other; or the merged document is taken from the cache when none of
   its parts changed.

A part's PDF does not depend on where it stands in the document (its footer is the page layer's), so an
edit of one model lays out its part again and, only when the part's length changed, the overview and the
page layer. No piece of work holds more than a few dozen pages, whatever the document's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.handout.cache import document_key, fetched_files
from deckgen.handout.document import Laid, html_document, page_layer_html, setting, skipped_layer_pages
from deckgen.handout.pagination import Piece, paginate
from deckgen.handout.parts import PART_LINK, fixed_parts, model_pages, overview
from deckgen.handout.workers import Workers, lay_out_task

ATTEMPTS = 3  # paginations of an overview with its page numbers before its length is taken as it comes
LAYER_PAGES = 100  # pages of the page layer laid out at a time
STAGE = "writing the handout and the guide"


@dataclass
class Booklet:
    """One document in parts while it is written."""

    kind: str
    fixed: list  # the Parts that show no page number: the front, then the models parts
    keys: list[str]
    laid: list[Laid | None]
    htmls: list[str] = field(default_factory=list, repr=False)  # of the fixed parts, until laid out
    pieces: list[Piece] = field(default_factory=list)  # where the overview breaks into pages
    overview_keys: list[str] = field(default_factory=list)
    overview: list[Laid] = field(default_factory=list)  # its pieces laid out
    layer_keys: list[str] = field(default_factory=list)
    layer: list[Laid] = field(default_factory=list)  # its pieces

    def slot(self, name: str) -> str:
        return f"{self.kind}-{name}"

    @property
    def overview_pages(self) -> int:
        return sum(piece.pages for piece in self.pieces)

    def numbers(self) -> dict[str, int]:
        front, *models = self.laid
        return model_pages(front.pages + self.overview_pages, [(laid.pages, laid.anchors) for laid in models])

    def total(self) -> int:
        return self.overview_pages + sum(laid.pages for laid in self.laid)

    def parts(self) -> list[Laid]:
        """In the document's order."""
        return [self.laid[0], *self.overview, *self.laid[1:]]

    def merged_key(self) -> str:
        return document_key(self.kind, repr((self.keys[0], self.overview_keys, self.keys[1:], self.layer_keys)))


def write_in_parts(project, view, targets: dict, cache) -> None:
    """The ``kind`` documents of ``targets`` (kind: path) written in parts, through ``cache``."""
    where = setting(project)
    booklets = [_plan(project, view, kind, cache) for kind in targets]
    with Workers(project.workers) as workers:
        _lay_out_fixed(project, view, booklets, cache, workers, where)
        project.report(STAGE, 1, 3)
        _lay_out_numbered(project, view, booklets, cache, workers, where)
    project.report(STAGE, 2, 3)
    for booklet in booklets:
        targets[booklet.kind].write_bytes(_merged(booklet, cache))


def _plan(project, view, kind: str, cache) -> Booklet:
    fixed = fixed_parts(view)
    htmls = [html_document(project, view, kind, part) for part in fixed]
    keys = [document_key(kind, html) for html in htmls]
    laid = [cache.get(f"{kind}-{part.slot}", key) for part, key in zip(fixed, keys)]
    return Booklet(kind, fixed, keys, laid, htmls=htmls)


def _lay_out_fixed(project, view, booklets, cache, workers, where) -> None:
    """The fronts first, on their own: the guide's run sheet, a table with a row for every model, takes as much
    memory as several parts of models, and is not laid out beside one. Then the parts of models, while this
    process paginates the overview."""
    missing = [(booklet, index) for booklet in booklets for index, laid in enumerate(booklet.laid) if laid is None]

    def paginate_overview():
        pieces = _stand_in_pieces(project, view, booklets[0], cache, where)
        for booklet in booklets:
            booklet.pieces = pieces

    fronts = [owner for owner in missing if owner[1] == 0]
    models = [owner for owner in missing if owner[1] != 0]
    for owners, meanwhile in ((fronts, None), (models, paginate_overview)):
        tasks = [(booklet.htmls[index], where, True, 0) for booklet, index in owners]
        for (booklet, index), laid in zip(owners, workers.run(lay_out_task, tasks, meanwhile=meanwhile)):
            booklet.laid[index] = laid
            cache.put(booklet.slot(booklet.fixed[index].slot), booklet.keys[index], laid, fetched_files(laid.fetched))
    for booklet in booklets:
        booklet.htmls = []


def _paginated(project, view, kind: str, numbers: dict[str, int], where) -> tuple[list[Piece], tuple[str, ...]]:
    """The pieces of the ``kind`` document's overview showing page ``numbers``, and the URLs it read."""
    lines = {f"{PART_LINK}{item.anchor}": line for line, item in enumerate(view.models)}

    def render(start: int, stop: int) -> str:
        return html_document(project, view, kind, overview(numbers, (start, stop)))

    return paginate(render, lines, where)


def _stand_in_pieces(project, view, booklet: Booklet, cache, where) -> list[Piece]:
    """The pieces of the overview with stand-in page numbers, from the cache when it paginated the very
    same overview."""
    stand_in = 10 ** len(str(len(view.models))) - 1  # as many digits as the real numbers, likely
    numbers = {item.anchor: stand_in for item in view.models}
    key = document_key(booklet.kind, html_document(project, view, booklet.kind, overview(numbers)))
    kept = _kept_pieces(cache.get_note(booklet.slot("overview"), key), len(view.models))
    if kept:
        return kept
    pieces, read = _paginated(project, view, booklet.kind, numbers, where)
    cache.put_note(booklet.slot("overview"), key, {"pieces": [[p.start, p.stop, p.pages] for p in pieces]},
                   fetched_files(read))
    return pieces


def _kept_pieces(note: dict | None, lines: int) -> list[Piece] | None:
    """The pieces a cache note tells of, when they are pieces of an overview of ``lines`` lines (nothing
    in the cache is trusted)."""
    try:
        pieces = [Piece(int(start), int(stop), int(pages)) for start, stop, pages in note["pieces"]]
    except (KeyError, TypeError, ValueError):
        return None
    starts = [0] + [piece.stop for piece in pieces]
    whole = starts[-1] == lines and all(piece.start == start < piece.stop and piece.pages > 0
                                        for piece, start in zip(pieces, starts))
    return pieces if whole else None


def _settle(project, view, booklet: Booklet, where) -> None:
    """Paginate ``booklet``'s overview with its real page numbers until it is as long as they assume."""
    for _ in range(ATTEMPTS):
        assumed = booklet.overview_pages
        booklet.pieces = _paginated(project, view, booklet.kind, booklet.numbers(), where)[0]
        if booklet.overview_pages == assumed:
            return


def _numbered_tasks(project, view, booklet: Booklet, cache, where) -> list[tuple]:
    """The overview's pieces and the page layer's, each taken from the cache or, when it is not there, given
    as (task, (slot, found, keys, index)): its PDF goes into ``found[index]``, its key is ``keys[index]``."""
    tasks, numbers = [], booklet.numbers()
    booklet.overview_keys, booklet.overview = [], []
    for number, piece in enumerate(booklet.pieces, start=1):
        part = overview(numbers, (piece.start, piece.stop), number)
        html = html_document(project, view, booklet.kind, part)
        _kept_or_task(booklet, part.slot, html, (True, 0), booklet.overview, booklet.overview_keys, cache, where,
                      tasks)
    total = booklet.total()
    booklet.layer_keys, booklet.layer = [], []
    for number, first in enumerate(range(1, total + 1, LAYER_PAGES), start=1):
        html = page_layer_html(project, view, booklet.kind, total, first, min(LAYER_PAGES, total - first + 1))
        _kept_or_task(booklet, f"pages-{number}", html, (False, skipped_layer_pages(first)), booklet.layer,
                      booklet.layer_keys, cache, where, tasks)
    return tasks


def _kept_or_task(booklet: Booklet, slot: str, html: str, options: tuple, found: list, keys: list, cache, where,
                  tasks: list) -> None:
    """The document of ``html`` appended to ``found`` (its key to ``keys``) from the cache, or None there and
    its task (laid out with ``options``: tagged, pages to skip) appended to ``tasks``."""
    keys.append(document_key(booklet.kind, html))
    found.append(cache.get(booklet.slot(slot), keys[-1]))
    if found[-1] is None:
        tasks.append(((html, where, *options), (slot, found, keys, len(found) - 1)))


def _lay_out_numbered(project, view, booklets, cache, workers, where) -> None:
    """The overviews' pieces with their page numbers and the page layers; an overview whose pieces do not
    come out as long as paginated with stand-ins is paginated with its own numbers and laid out again."""
    pending = list(booklets)
    for attempt in range(ATTEMPTS):
        owned = [(booklet, task, owner) for booklet in pending
                 for task, owner in _numbered_tasks(project, view, booklet, cache, where)]
        results = workers.run(lay_out_task, [task for _, task, _ in owned])
        for (booklet, _, (slot, found, keys, index)), laid in zip(owned, results):
            found[index] = laid
            cache.put(booklet.slot(slot), keys[index], laid, fetched_files(laid.fetched))
        last = attempt == ATTEMPTS - 1
        pending = [booklet for booklet in pending if not last and
                   [laid.pages for laid in booklet.overview] != [piece.pages for piece in booklet.pieces]]
        for booklet in pending:
            _settle(project, view, booklet, where)
        if not pending:
            return


def _merged(booklet: Booklet, cache) -> bytes:
    """The merged document, from the cache when none of its parts changed; kept only while every file a
    part read is unchanged, as each part is."""
    from deckgen.handout.assemble import merge

    key = booklet.merged_key()
    kept = cache.get(booklet.kind, key)
    if kept is not None:
        return kept.pdf
    parts = booklet.parts()
    pdf = merge([laid.pdf for laid in parts], [laid.pdf for laid in booklet.layer])
    read = [url for laid in (*parts, *booklet.layer) for url in laid.fetched]
    cache.put(booklet.kind, key, Laid(pdf, booklet.total(), {}, ()), fetched_files(read))
    return pdf
