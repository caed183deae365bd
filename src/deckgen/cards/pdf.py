"""WeasyPrint's rendering, imported only when cards are laid out: HTML to laid-out pages, measured
from WeasyPrint's box tree, written as PDF. (cards/fetcher.py imports WeasyPrint's URL fetcher.)"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from deckgen import reproducible
from deckgen.errors import DeckgenError

# Shared with the handout (moved to deckgen.htmlpdf).
from deckgen.htmlpdf import MIN_WEASYPRINT as MIN_WEASYPRINT, font_configuration, weasyprint

PX_PER_MM = 96 / 25.4


def render(html: str, base_url: str, fetcher):
    """Lay out ``html`` into a WeasyPrint Document; a refused resource stops it with UnsafeReference."""
    module = weasyprint()
    from deckgen.cards.fetcher import unsafe

    try:
        return module.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            font_config=font_configuration())
    except fetcher.refused as error:
        raise unsafe(error) from None


@dataclass(frozen=True)
class Measure:
    """How far one side's text runs past the room it has (mm; 0 when it fits)."""

    side: int  # data-side index
    overflow: float
    room: float  # mm the flowing text may take
    pages: list  # the WeasyPrint pages of this side (one when it fits)


def measure(document, gap: float) -> dict[int, Measure]:
    """Each rendered side's overflow in mm, read from WeasyPrint's box tree.

    A side is one ``<section data-side=N>``, which the layout's stylesheet makes one A6 page. Its
    flowing text lies in an inline-block ``data-fit="top"`` (never split over pages) and its foot in
    ``data-fit="bottom"``. The top area may reach down to ``gap`` mm (the layout's --area-gap) above
    the bottom area's top, or to the safe margin above the card's foot when there is no bottom area;
    the side overflows by how far the top area's bottom passes that. Text marked ``data-fit="band"``
    may not rise past the safe margin at the top, but this counts only on a side without a top area:
    the top area's overflow replaces it (so on the shipped templates, whose banded sides all have a
    top area, band text is not checked). A side that runs onto a further page overflows by at least a
    card's height."""
    from deckgen.cards.fit import not_one_page
    from deckgen.cards.theme import CARD_MM, SAFE_MM

    results: dict[int, Measure] = {}
    for number, page in enumerate(document.pages, 1):
        # The box tree is WeasyPrint's internals: see the pin in pyproject.toml.
        found = _marked_boxes(page._page_box)
        sides = found.get("sides", [])
        if len(sides) > 1:
            other = sides[1]
            raise not_one_page(_side_index(other), f"it shares page {number} of the laid-out cards with card "
                                                   f"side {_side_index(sides[0])}", other.get("aria-label"))
        if "side" not in found:
            # a continuation page: the previous side ran over
            if not results:
                raise DeckgenError("the layout's templates (cards.css / card templates) do not lay out the card "
                                   "sides as A6 pages: the first page of the laid-out cards holds no "
                                   "<section data-side=...>")
            last = results[max(results)]
            results[last.side] = Measure(last.side, max(last.overflow, CARD_MM[1]), last.room,
                                         last.pages + [page])
            continue
        side = _side_index(found["side"].element)
        limit = (CARD_MM[1] - SAFE_MM) * PX_PER_MM
        if "bottom" in found:
            limit = min(limit, found["bottom"].position_y - gap * PX_PER_MM)
        overflow, room = 0.0, limit / PX_PER_MM
        for box in found.get("bands", ()):
            # text in the band grows upwards from its foot: it may not pass the safe margin at the top
            # (overwritten below where the side has a top area)
            overflow = max(overflow, SAFE_MM - box.position_y / PX_PER_MM)
        if "top" in found:
            box = found["top"]
            room = (limit - box.position_y) / PX_PER_MM
            overflow = max(0.0, (box.position_y + box.margin_height() - limit) / PX_PER_MM)
        results[side] = Measure(side, overflow, room, [page])
    return results


def _side_index(element) -> int:
    value = element.get("data-side")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DeckgenError(f"the layout's card templates give a side the index data-side={value!r}, "
                           "not the number deckgen put there") from None


def _marked_boxes(page_box) -> dict:
    """From a page's box tree: the first box of the side (``side``), the data-side elements on the page
    (``sides``), the first box of each ``data-fit`` area by name, and every ``band`` box."""
    found: dict = {}
    stack = [page_box]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None and getattr(box, "element_tag", None):
            if element.get("data-side") is not None:
                if "side" not in found:
                    found["side"] = box
                sides = found.setdefault("sides", [])
                if not any(other.get("data-side") == element.get("data-side") for other in sides):
                    sides.append(element)
            fit = element.get("data-fit")
            if fit == "band":
                if not any(other.element is element for other in found.setdefault("bands", [])):
                    found["bands"].append(box)
            elif fit and fit not in found:
                found[fit] = box
        stack.extend(reversed(getattr(box, "children", None) or ()))
    return found


def source_date() -> str | None:
    """The W3C date of the build's source date when set: reproducible builds carry no clock time otherwise."""
    moment = reproducible.source_date()
    return reproducible.w3c_date(moment) if moment else None


def write(pages, first_document, target=None, identifier: bytes = b"", variant: str | None = "pdf/ua-1"):
    """Write ``pages`` (from one or more renders sharing a font configuration) as one PDF whose
    identifier is derived from ``identifier``; ``variant`` "pdf/ua-1" makes it tagged PDF/UA-1."""
    document = first_document.copy(list(pages))
    identifier = hashlib.sha256(identifier).hexdigest()[:32].encode()
    return document.write_pdf(target, pdf_identifier=identifier, pdf_variant=variant)
