"""Where the overview of a long document breaks into pages, so that it can be laid out a few pages at a time,
in pieces that each begin at the top of a page, as in the document laid out whole.

The overview has a line for every model: at 700 models some twenty pages of lines with leaders, which
WeasyPrint holds at about 7 MB a page until the document is written. Its page breaks are found a run of
RUN lines at a time, laid out but not written (deckgen.handout.document.page_links): every page of a run
but its last is as it would be whole, and the next run begins with the first line of that last page. Each
run's pages but its last make one piece, which deckgen.handout.booklet lays out as a PDF of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.memory import give_back

RUN = 120  # lines laid out at a time: about four pages of the benchmark's models


@dataclass(frozen=True)
class Piece:
    """The overview's lines ``start`` to ``stop`` (not included), on ``pages`` pages."""

    start: int
    stop: int
    pages: int


def paginate(render, lines: dict[str, int], where) -> tuple[list[Piece], tuple[str, ...]]:
    """The pieces of an overview of ``len(lines)`` lines, and the URLs its layout read.

    ``render(start, stop)`` gives the HTML of the overview's lines start to stop, the first line at the
    top of a page; ``lines`` tells the line (from 0) each link target of the overview stands on."""
    from deckgen.handout.document import page_links

    pieces, fetched, start, run = [], set(), 0, RUN
    while start < len(lines):
        stop = min(len(lines), start + run)
        pages, read = page_links(render(start, stop), where)
        give_back()  # this process lays out the next run, or forks workers: not with this one's heap
        fetched.update(read)
        if stop == len(lines):
            pieces.append(Piece(start, stop, len(pages)))
            break
        following = next((lines[target] for target in pages[-1] if lines.get(target, -1) > start), None)
        if len(pages) < 2 or following is None:
            run += RUN  # the run fits on one page, or one line fills its last: a longer run
            continue
        pieces.append(Piece(start, following, len(pages) - 1))
        start = following
    return pieces, tuple(sorted(fetched))
