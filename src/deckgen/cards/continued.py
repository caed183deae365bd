"""A model card whose back does not fit: its items over as many cards as needed, each continuing the last.

As an analysis slide continues on a "(vervolg)" slide, a model card's back that overflows even at the
layout's ``cards.min_font_size`` continues on a further card, printed right after it. The back's items are
taken in their order on the card -- strengths, then weaknesses, then preconditions -- and never split inside
one bullet. From where the last back stopped, each back takes the most items that fit at the smallest
size (``split_points``); the fitter then lays each back out at the largest size that fits it, so the last
one, which holds what is left, is often larger. The split depends only on the items and the layout (the
same content always gives the same cards), and the backs are filled first to last: editing an item changes
what the backs before its own hold only when it is the first item of its back (the one the back before
could not take), or when all that is left then fits on the back before.

The model's own card keeps its front, and its back ends with the language's word for "continued"
("(vervolg)"). Each card that continues it has on its front the model's number and title with that word
(no summary, no examples, no full name) and on its back the next items under their section headings,
again. Only a bullet that does not fit on a back even on its own is refused: at its own key path."""

from __future__ import annotations

from dataclasses import replace

from deckgen.cards.cardset import Card, analysis_key

ITEM_LISTS = ("strengths", "weaknesses", "preconditions")  # the back's items, in their order on the card


def splittable(side) -> bool:
    """Whether ``side`` is a model card's back with items that may go onto further cards."""
    return side.kind == "models-back" and side.card.part == 0 and item_count(side.card.data["model"]) > 0


def item_count(model) -> int:
    return sum(len(getattr(model, name)) for name in ITEM_LISTS)


def item_key(model, position: int) -> str:
    """The key path of the back's item ``position`` (counted over strengths, weaknesses, preconditions)."""
    for name in ITEM_LISTS:
        count = len(getattr(model, name))
        if position < count:
            return f"models[{model.number - 1}].{name}[{position}]"
        position -= count
    raise IndexError(position)


def portion(card: Card, start: int, stop: int, part: int, parts: int, word: str) -> Card:
    """Card ``part`` (0: the model's own) of the ``parts`` cards of model card ``card``: its back holds the
    items ``start`` to ``stop`` (exclusive), and says it continues when items are left after ``stop``.
    A card that continues another has no summary, no examples and no picture on its front."""
    model = card.data["model"]
    kept, offset = {}, 0
    for name in ITEM_LISTS:
        values = getattr(model, name)
        kept[name] = values[max(0, start - offset):max(0, stop - offset)]
        offset += len(values)
    data = dict(card.data, continues=word if stop < offset else None)
    if part:
        kept.update(summary=(), examples=())
        data.update(examples=None, continued=word, picture=None)
    data["model"] = shown = replace(model, **kept)
    return replace(card, data=data, sources=(card.sources[0], analysis_key(shown)), part=part, parts=parts)


def split_points(total: int, fits) -> tuple[list[int], int | None]:
    """Where a model's backs begin and end over its ``total`` items: ``[0, b1, ..., total]``, each back
    holding from its start the most items for which ``fits(start, stop, part)`` holds (``part``: the back's
    place, 0 for the model's own card). ``fits(0, total, 0)`` is not asked (the whole back is known not to
    fit); a back that could hold the last item is tried whole first, one that stops before it (and so says
    it continues) is found by binary search over its number of items, which takes it that a back that does
    not fit does not fit with more items either.

    Returns (bounds, None), or the bounds found so far and the position of the item that does not fit on a
    back even on its own."""
    bounds = [0]
    start = 0
    while start < total:
        if start and fits(start, total, len(bounds) - 1):
            bounds.append(total)
            break
        low, high = 0, total - start - 1  # low items are known to fit (none: trivially); high+1 do not
        while low < high:
            middle = (low + high + 1) // 2
            if fits(start, start + middle, len(bounds) - 1):
                low = middle
            else:
                high = middle - 1
        if low == 0:
            return bounds, start
        start += low
        bounds.append(start)
    return bounds, None


def expand(cards: list[Card], splits: dict[int, tuple[int, ...]], word: str) -> list[tuple[Card, int | None]]:
    """The cards in print order with each split model card (``splits``: card index to its bounds) replaced
    by its parts, each card with the index in ``cards`` of the card it is (None for a new or changed one)."""
    expanded: list[tuple[Card, int | None]] = []
    for index, card in enumerate(cards):
        bounds = splits.get(index)
        if not bounds:
            expanded.append((card, index))
            continue
        parts = len(bounds) - 1
        expanded += [(portion(card, bounds[part], bounds[part + 1], part, parts, word), None)
                     for part in range(parts)]
    return expanded
