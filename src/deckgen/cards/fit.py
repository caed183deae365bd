"""Shrink to fit: lay out every side at its starting size (the layout's, see stylevars), then again only
the sides that overflowed, smaller, until each fits or overflows at the layout's minimum size."""

from __future__ import annotations

import math
from dataclasses import dataclass

from deckgen.errors import DeckgenError

STEP = 0.5  # pt: a side's next size is at least this much smaller


@dataclass(frozen=True)
class Overflow:
    side: int
    overflow: float  # mm
    size: float  # pt, the smallest size tried


def not_one_page(side, reason: str, label: str | None = None) -> DeckgenError:
    """The message for a side that the layout's templates do not make one A6 page (a stylesheet that
    replaces the default's without its side rules, a card template without its section, ...)."""
    name = f"card side {side}" + (f" ({label})" if label else "")
    return DeckgenError(f"the layout's templates (cards.css / card templates) do not lay out {name} "
                        f"as one A6 page: {reason}")


def next_size(size: float, room: float, used: float, minimum: float) -> float:
    """A smaller size, estimated from how much room the text had and used: one STEP down, or the
    estimate rounded down to a multiple of STEP when that is smaller; never below ``minimum``. One STEP
    down when room or use is not positive.

    The estimate is ``size * sqrt(room / used)``: exact when the text's height grows with the square of its size
    (wrapped text: lines both shorter and fewer), too large when it grows more slowly (one line: only shorter).
    Between the two (fixed margins added or not) it never undershoots the largest size that fits, so the first
    size that fits is the largest; text whose height jumps faster (a line break that moves a whole block) can be
    estimated too small."""
    estimate = size * math.sqrt(room / used) if used > 0 and room > 0 else size - STEP
    estimate = math.floor(estimate / STEP + 1e-9) * STEP
    return max(minimum, min(size - STEP, estimate))


def fit(base_sizes: dict[int, float], minimum: float, layout_sides):
    """The pages of every side, at the first size tried that fits: the starting size, then smaller ones
    from next_size. For a starting size that is a multiple of STEP that is the largest multiple of
    STEP that fits, as long as the text's height grows at most with the square of its size (see
    next_size).

    ``layout_sides(sizes)`` lays out the sides in ``sizes`` (index to pt) in one render and returns
    {index: Measure}. Returns ({index: page}, {index: size}, [Overflow]) -- overflows refused at ``minimum``."""
    sizes = dict(base_sizes)
    pending = dict(base_sizes)
    pages: dict = {}
    refused: list[Overflow] = []
    while pending:
        measures = layout_sides(pending)
        retry: dict[int, float] = {}
        for index, size in pending.items():
            measure = measures.get(index)
            if measure is None or not measure.pages:
                raise not_one_page(index, f"no page of the laid-out cards holds it (its <section "
                                          f"data-side=\"{index}\"> is missing or not a page of its own)")
            if measure.overflow <= 0:
                pages[index] = measure.pages[0]
            elif size <= minimum:
                refused.append(Overflow(index, measure.overflow, size))
            else:
                retry[index] = sizes[index] = next_size(size, measure.room, measure.room + measure.overflow,
                                                         minimum)
        pending = retry
    return pages, sizes, sorted(refused, key=lambda item: item.side)
