"""WeasyPrint's rendering, imported only when cards are laid out: HTML to laid-out pages, measured
from WeasyPrint's box tree, written as PDF. (cards/fetcher.py imports WeasyPrint's URL fetcher.)"""

from __future__ import annotations

import functools
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
    (``sides``), the first box of each ``data-fit`` area by name, every ``band`` box, and the first
    box asking for crop marks (``crop-marks``)."""
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
            if element.get("data-crop-marks") is not None and "crop-marks" not in found:
                found["crop-marks"] = box
        stack.extend(reversed(getattr(box, "children", None) or ()))
    return found


def source_date() -> str | None:
    """The W3C date of the build's source date when set: reproducible builds carry no clock time otherwise."""
    moment = reproducible.source_date()
    return reproducible.w3c_date(moment) if moment else None


def write(pages, first_document, target=None, identifier: bytes = b"", variant: str | None = "pdf/ua-1"):
    """Write ``pages`` (from one or more renders sharing a font configuration) as one PDF whose
    identifier is derived from ``identifier``; ``variant`` "pdf/ua-1" makes it tagged PDF/UA-1, its tags
    repaired where WeasyPrint's would mislead a screen reader (deckgen.pdftags). A page
    whose side asks for crop marks (an element with ``data-crop-marks``, from crop-marks.html.j2) gets
    them in a slug around its bleed (``add_crop_marks``)."""
    from deckgen import pdftags

    document = first_document.copy(list(pages))
    marked = [page.bleed["left"] > 0 and "crop-marks" in _marked_boxes(page._page_box) for page in document.pages]
    finishers = [pdftags.repair] + ([functools.partial(add_crop_marks, marked)] if any(marked) else [])
    identifier = hashlib.sha256(identifier).hexdigest()[:32].encode()
    return document.write_pdf(target, pdf_identifier=identifier, pdf_variant=variant,
                              finisher=functools.partial(_finish, finishers))


def _finish(finishers, document, pdf) -> None:
    for finisher in finishers:
        finisher(document, pdf)


def crop_mark_lines(trim, bleed: float, slug: float) -> list[tuple[float, float, float, float]]:
    """The crop marks around a page whose trim box is ``trim`` (x0, y0, x1, y1 in pt) with ``bleed`` and
    ``slug`` pt around it: at each corner, one line on each trim line's extension, from CROP_MARK_GAP_MM
    outside the bleed to as far inside the page's edge, so that none reaches into the bleed."""
    from deckgen.cards.theme import CROP_MARK_GAP_MM

    gap = CROP_MARK_GAP_MM * 72 / 25.4
    near, far = bleed + gap, bleed + slug - gap
    x0, y0, x1, y1 = trim
    lines = []
    for x, out_x in ((x0, -1), (x1, 1)):
        for y, out_y in ((y0, -1), (y1, 1)):
            lines.append((x + out_x * near, y, x + out_x * far, y))  # along the horizontal trim line
            lines.append((x, y + out_y * near, x, y + out_y * far))  # along the vertical one
    return lines


def add_crop_marks(marked, document, pdf) -> None:
    """WeasyPrint's finisher: the pages in ``marked`` get a slug of SLUG_MM around their bleed (a larger
    MediaBox; the TrimBox and BleedBox stay) and black crop marks in it, drawn after the page's content
    as an artifact (they are not content, for PDF/UA)."""
    from deckgen.cards.theme import CROP_MARK_WIDTH_PT, SLUG_MM

    slug = SLUG_MM * 72 / 25.4
    for wanted, number in zip(marked, pdf.pages["Kids"][::3]):
        if not wanted:
            continue
        pdf_page = pdf.objects[number]
        media = [float(value) for value in pdf_page["MediaBox"]]
        x0, x1 = sorted(media[0::2])
        y0, y1 = sorted(media[1::2])
        pdf_page["MediaBox"] = type(pdf_page["MediaBox"])([x0 - slug, y0 - slug, x1 + slug, y1 + slug])
        trim = [float(value) for value in pdf_page["TrimBox"]]
        trim = (min(trim[0::2]), min(trim[1::2]), max(trim[0::2]), max(trim[1::2]))
        bleed = trim[0] - x0  # the page's bleed, in pt: as far as its artwork reaches
        stream = pdf.objects[int(pdf_page["Contents"].split()[0])]
        # WeasyPrint's page stream changes the coordinate system first, outside any q: bracket it
        stream.stream.insert(0, b"q")
        ops = [b"Q", b"/Artifact BMC", b"q", f"0 G {CROP_MARK_WIDTH_PT} w [] 0 d 0 J".encode("ascii")]
        for ax, ay, bx, by in crop_mark_lines(trim, bleed, slug):
            ops.append(f"{ax:.3f} {ay:.3f} m {bx:.3f} {by:.3f} l".encode("ascii"))
        ops += [b"S", b"Q", b"EMC"]
        stream.stream.extend(ops)
