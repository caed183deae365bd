"""Writing long handouts and guides in parts (deckgen.handout.parts), each part laid out once.

1. The parts that show no page number (the front, the models a few at a time, the back with the last)
   are taken from the cache or laid out in the workers, the handout's and the guide's side by side.
   When no earlier build tells how many pages the overview takes, it is laid out alongside with
   stand-in page numbers, only to count its pages (the handout's and the guide's overview are alike).
2. With every other part's length known, each overview is laid out with its real page numbers, and
   the page layer with the document's number of pages (or both taken from the cache). Should an
   overview come out longer or shorter than assumed, both are laid out again with the new count.
3. The workers stop, and the parts and the page layer are merged (deckgen.handout.assemble) in this
   process, one document after the other; or the merged document is taken from the cache when none of
   its parts changed.

A part's PDF does not depend on where it stands in the document (its footer is the page layer's), so an
edit of one model lays out its part again and, only when the part's length changed, the overview and the
page layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.handout.cache import document_key, fetched_files
from deckgen.handout.document import Laid, html_document, page_layer_html, setting
from deckgen.handout.parts import fixed_parts, model_pages, overview
from deckgen.handout.workers import Workers, lay_out_task

ATTEMPTS = 3  # layouts of an overview with its page numbers before its length is taken as it comes
STAGE = "writing the handout and the guide"


@dataclass
class Booklet:
    """One document in parts while it is written."""

    kind: str
    fixed: list  # the Parts that show no page number: the front, then the models parts
    keys: list[str]
    laid: list[Laid | None]
    overview_pages: int | None  # the overview's length, as known or assumed
    htmls: list[str] = field(default_factory=list, repr=False)  # of the fixed parts, until laid out
    overview_key: str = ""
    overview: Laid | None = None
    layer_key: str = ""
    layer: Laid | None = None

    def slot(self, name: str) -> str:
        return f"{self.kind}-{name}"

    def numbers(self) -> dict[str, int]:
        front, *models = self.laid
        return model_pages(front.pages + self.overview_pages, [(laid.pages, laid.anchors) for laid in models])

    def total(self) -> int:
        return self.overview_pages + sum(laid.pages for laid in self.laid)

    def parts(self) -> list[Laid]:
        """In the document's order."""
        return [self.laid[0], self.overview, *self.laid[1:]]

    def merged_key(self) -> str:
        return document_key(self.kind, repr((self.keys[0], self.overview_key, self.keys[1:], self.layer_key)))


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
        cache.drop_beyond(booklet.slot("models"), len(booklet.fixed) - 1)


def _plan(project, view, kind: str, cache) -> Booklet:
    fixed = fixed_parts(view)
    htmls = [html_document(project, view, kind, part) for part in fixed]
    keys = [document_key(kind, html) for html in htmls]
    laid = [cache.get(f"{kind}-{part.slot}", key) for part, key in zip(fixed, keys)]
    return Booklet(kind, fixed, keys, laid, cache.pages(f"{kind}-overview"), htmls=htmls)


def _lay_out_fixed(project, view, booklets, cache, workers, where) -> None:
    tasks, owners = [], []
    if any(booklet.overview_pages is None for booklet in booklets):
        stand_in = 10 ** len(str(len(view.models))) - 1  # as many digits as the real numbers, likely
        html = html_document(project, view, booklets[0].kind, overview({item.anchor: stand_in for item in view.models}))
        tasks.append((html, where, True))
        owners.append((None, None))
    missing = [(booklet, index) for booklet in booklets for index, laid in enumerate(booklet.laid) if laid is None]
    fronts = [owner for owner in missing if owner[1] == 0]
    models = [owner for owner in missing if owner[1] != 0]
    for booklet, index in _spread(tasks, fronts, models):
        tasks.append((booklet.htmls[index], where, True))
        owners.append((booklet, index))
    for booklet in booklets:
        booklet.htmls = []
    for (booklet, index), laid in zip(owners, workers.run(lay_out_task, tasks)):
        if booklet is None:
            for each in booklets:
                each.overview_pages = each.overview_pages or laid.pages
            continue
        booklet.laid[index] = laid
        cache.put(booklet.slot(booklet.fixed[index].slot), booklet.keys[index], laid, fetched_files(laid.fetched))


def _spread(started: list, long: list, short: list) -> list:
    """``long`` tasks (a front with a run sheet: as many pages and as much memory as several parts of models)
    among ``short`` ones, in the order the workers take them: not two long ones side by side, which would
    hold both their memory at once, nor one alone at the end with a core idle. ``started`` tasks go before
    them (the stand-in overview, long too)."""
    order, gap = [], max(1, len(short) // (len(long) + 1))
    short = list(short)
    if started and long:  # the first long one after some short ones, beside the one already started
        order += short[:gap]
        del short[:gap]
    for task in long:
        order.append(task)
        order += short[:gap]
        del short[:gap]
    return order + short


def _lay_out_numbered(project, view, booklets, cache, workers, where) -> None:
    """The overviews with their page numbers and the page layers, until each overview is as long as assumed."""
    pending = list(booklets)
    for attempt in range(ATTEMPTS):
        overviews, layers = [], []
        for booklet in pending:
            html = html_document(project, view, booklet.kind, overview(booklet.numbers()))
            booklet.overview_key = document_key(booklet.kind, html)
            booklet.overview = cache.get(booklet.slot("overview"), booklet.overview_key)
            if booklet.overview is None:
                overviews.append(((html, where, True), (booklet, "overview")))
            layer = page_layer_html(project, view, booklet.kind, booklet.total())
            booklet.layer_key = document_key(booklet.kind, layer)
            booklet.layer = cache.get(booklet.slot("pages"), booklet.layer_key)
            if booklet.layer is None:
                layers.append(((layer, where, False), (booklet, "pages")))
        order = overviews[:1] + layers + overviews[1:]  # the page layers between the two long overviews
        tasks, owners = [task for task, _ in order], [owner for _, owner in order]
        for (booklet, name), laid in zip(owners, workers.run(lay_out_task, tasks)):
            if name == "overview":
                booklet.overview = laid
                cache.put(booklet.slot(name), booklet.overview_key, laid, fetched_files(laid.fetched))
            else:
                booklet.layer = laid
                cache.put(booklet.slot(name), booklet.layer_key, laid, fetched_files(laid.fetched))
        last = attempt == ATTEMPTS - 1
        pending = [booklet for booklet in pending if booklet.overview.pages != booklet.overview_pages and not last]
        for booklet in pending:
            booklet.overview_pages = booklet.overview.pages
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
    pdf = merge([laid.pdf for laid in parts], [booklet.layer.pdf])
    read = [url for laid in (*parts, booklet.layer) for url in laid.fetched]
    cache.put(booklet.kind, key, Laid(pdf, booklet.total(), {}, ()), fetched_files(read))
    return pdf
