"""The card PDFs of an untagged deck assembled in blocks with pikepdf (qpdf): memory that does not grow
with the deck, and after an edit only the block holding the changed card is assembled again.

The deck is cut into blocks of about BLOCK_CARDS cards, whole sheets each. A block is two PDFs: its
sides' pages one after the other (singles), and its sheets: each side's page as a form XObject clipped
to its trim box, placed as deckgen.cards.sheets places it, the same cut marks over them. Its fonts are
gathered (deckgen.cards.blockfonts): a block is a piece of the documents, never one to show. The side
cache keeps each block under a key of its sides' PDFs and everything else it shows (deckgen.cards.cache).

The two documents are then put together from the blocks' pages in order (duplex "none": every front
sheet, then every back sheet), each face's fonts merged as far as they agree, over one font program
(deckgen.cards.blockfonts), the title, language and dates set.
qpdf copies the objects in C++ and reads the blocks' streams only to write them: the parent process
never holds thousands of parsed pages, and the result is the same bytes whichever blocks were cached.
Tagged decks (up to deckgen.cards.sides.TAG_LIMIT sides) and PDF/X for print shops are assembled
whole, with pypdf (deckgen.cards.sheets), which merges structure trees and converts colours.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import pikepdf

from deckgen.cards import blockfonts
from deckgen.cards.imposition import Grid, Sheet
from deckgen.cards.sheets import cut_marks, draw_card, mm

BLOCK_CARDS = 32  # cards a block: a few hundred kB of PDF, assembled in a fraction of a second


@dataclass(frozen=True)
class Block:
    sides: range  # the sides it holds (card i: front 2i, back 2i + 1)
    sheets: tuple[int, ...]  # the indices of its sheets in the imposition's plan


def cut_into_blocks(cards: int, grid: Grid, plan: list[Sheet]) -> list[Block]:
    """The blocks of a deck of ``cards`` cards, each of whole sheets (``plan`` fills a sheet card by card)."""
    size = grid.per_sheet * math.ceil(BLOCK_CARDS / grid.per_sheet)
    blocks = []
    for first in range(0, cards, size):
        sides = range(2 * first, 2 * min(cards, first + size))
        blocks.append(Block(sides, tuple(number for number, sheet in enumerate(plan)
                                         if sheet.placements[0].side in sides)))
    return blocks


def relative_sheets(block: Block, plan: list[Sheet]) -> list[Sheet]:
    """The block's sheets with their sides counted from the block's first: what its key holds."""
    start = block.sides.start
    return [Sheet(sheet.back, tuple(type(placement)(placement.side - start, placement.x, placement.y,
                                                    placement.back) for placement in sheet.placements),
                  sheet.offset)
            for sheet in (plan[number] for number in block.sheets)]


def build_block(pdfs: list[bytes], grid: Grid, sheets: list[Sheet], originals: list) -> tuple[bytes, bytes]:
    """The singles and sheets pieces of a block: ``pdfs`` its sides' one-page PDFs, ``sheets`` its sheets
    (sides counted from the block's first), ``originals`` the layout's fonts (blockfonts.originals_of)."""
    singles = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(data)) for data in pdfs]
    try:
        for number, source in enumerate(sources):
            if len(source.pages) != 1:  # WeasyPrint writes one page a side; this guards the merge all the same
                raise RuntimeError(f"card side {number}: its laid-out page is not a one-page PDF")
            singles.pages.append(source.pages[0])
        blockfonts.gather(singles, originals)
        singles_piece = _save(singles)
    finally:
        for source in sources:
            source.close()
    with pikepdf.open(io.BytesIO(singles_piece)) as laid:
        sheets_piece = _save(_sheets(laid, grid, sheets))
    return singles_piece, sheets_piece


def _sheets(singles: pikepdf.Pdf, grid: Grid, sheets: list[Sheet]) -> pikepdf.Pdf:
    """The sheets of a block, their cards the pages of its singles piece drawn as forms."""
    pdf = pikepdf.new()
    forms = {}
    for sheet in sheets:
        operators, xobjects = [], pikepdf.Dictionary()
        for number, placement in enumerate(sheet.placements):
            card = singles.pages[placement.side]
            if placement.side not in forms:
                forms[placement.side] = pdf.copy_foreign(_form(singles, card))
            left, bottom = (float(value) for value in card.trimbox[:2])
            name = f"/Card{number}"
            xobjects[name] = forms[placement.side]
            operators.append(draw_card(name, placement, left, bottom, grid))
        operators.append(cut_marks(grid, *sheet.offset))  # over the cards, which cover the whole sheet
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, mm(grid.width), mm(grid.height)],
                                  Resources=pikepdf.Dictionary(XObject=xobjects),
                                  Contents=pdf.make_stream(b"\n".join(operators)))
        pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))
    return pdf


def _form(owner: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Object:
    """``page`` as a form XObject, clipped to its trim box."""
    form = page.as_form_xobject(handle_transformations=False)
    form.BBox = pikepdf.Array([float(value) for value in page.trimbox])
    return owner.make_indirect(form)  # copy_foreign copies indirect objects


def combine(pieces: list[bytes], order: list[tuple[int, int]], originals: list, title: str, lang: str,
            date: str | None) -> bytes:
    """One document of the pages ``order`` ((piece, page) pairs) of the block ``pieces``, its fonts
    installed (blockfonts.install); ``date`` the source date (W3C), when the build has one."""
    pdf = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(piece)) for piece in pieces]
    try:
        for piece, page in order:
            pdf.pages.append(sources[piece].pages[page])
        blockfonts.install(pdf, originals)
        info = {"/Title": pikepdf.String(title), "/Producer": pikepdf.String("deckgen")}
        if date:  # "2023-11-14T22:13:20Z" -> "D:20231114221320Z"
            info["/CreationDate"] = info["/ModDate"] = pikepdf.String(
                "D:" + "".join(ch for ch in date if ch.isdigit()) + "Z")
        pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(info))
        pdf.Root.Lang = pikepdf.String(lang)
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)  # the title, not the file name
        return _save(pdf)
    finally:
        for source in sources:
            source.close()


def _save(pdf: pikepdf.Pdf) -> bytes:
    """The bytes of ``pdf``: its identifier derived from its content (equal input, equal bytes), streams
    passed through as they are compressed, new ones compressed, small objects packed into object streams."""
    output = io.BytesIO()
    pdf.save(output, deterministic_id=True, compress_streams=True,
             stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.generate, min_version="1.7")
    return output.getvalue()


def assemble(pdfs, grid: Grid, plan: list[Sheet], fonts, title: str, lang: str, date: str | None,
             block_piece) -> tuple[bytes, bytes]:
    """The single-card PDF and the sheets PDF of the sides ``pdfs`` (one-page PDFs in side order) placed by
    ``plan``, ``fonts`` the layout's font files. ``block_piece(block, sheets, build)`` returns the
    block's (singles, sheets) pieces: ``build()``, or what the cache kept of the same block."""
    originals = blockfonts.originals_of(fonts)
    blocks = cut_into_blocks(len(pdfs) // 2, grid, plan)
    singles, sheets = [], []
    sheet_at: dict[int, tuple[int, int]] = {}
    for number, block in enumerate(blocks):
        relative = relative_sheets(block, plan)
        piece = block_piece(block, relative, lambda block=block, relative=relative: build_block(
            [pdfs[index] for index in block.sides], grid, relative, originals))
        singles.append(piece[0])
        sheets.append(piece[1])
        sheet_at.update((sheet, (number, page)) for page, sheet in enumerate(block.sheets))
    single_order = [(number, page) for number, block in enumerate(blocks) for page in range(len(block.sides))]
    singles_pdf = combine(singles, single_order, originals, title, lang, date)
    del singles
    sheets_pdf = combine(sheets, [sheet_at[sheet] for sheet in range(len(plan))], originals, title, lang, date)
    return singles_pdf, sheets_pdf
