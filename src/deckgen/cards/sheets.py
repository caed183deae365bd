"""The card PDFs put together with pypdf from the laid-out one-page sides: the single-card PDF (the sides
one after the other, their tags joined) and the print sheets (the sides placed on A4/A3, clipped to their
trim box, cut marks over them, tagged as the sides are: deckgen.cards.structure); each face's font embedded
once where fontmerge can."""

from __future__ import annotations

import datetime
import hashlib
import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from deckgen.cards.fontmerge import share_fonts
from deckgen.cards.imposition import Grid, Sheet
from deckgen.cards.structure import SheetStructure, is_tagged
from deckgen.cards.theme import CARD_MM

PT_PER_MM = 72 / 25.4
MARK_MM = 12.0  # cut marks run this far in from the paper's edge: past an office printer's unprintable margin
PRINTABLE_MM = 5.0  # what no office printer prints: the marks are seen from here to MARK_MM
CROSS_MM = 3.0  # half the size of the small crosses where four cards meet
MARK_WIDTH_PT = 0.4  # the dark line
HALO_WIDTH_PT = 1.3  # the white line under it, so that the mark shows on a dark card as on a light one


def mm(value: float) -> float:
    return value * PT_PER_MM


def cut_mark_lines(layout: Grid, dx: float = 0.0, dy: float = 0.0) -> list[tuple[float, float, float, float]]:
    """The cut marks of one sheet as lines (x1, y1, x2, y2 in mm from the paper's top-left corner), for a
    sheet whose drawing is moved by dx, dy mm (backs): at both ends of every cut line, a tick along it from
    the paper's edge to MARK_MM in, and a small cross where four cards meet. Every mark lies on a cut line,
    so on the cards' trim edges and never inside a card's safe zone. Cut lines within 0.2 mm of the
    paper's edge are the edge itself and get none."""
    xs, ys = layout.cuts()
    width, height = layout.width, layout.height
    lines = []
    for x in (x + dx for x in xs):
        if 0.2 < x < width - 0.2:
            lines += [(x, 0.0, x, MARK_MM), (x, height - MARK_MM, x, height)]
    for y in (y + dy for y in ys):
        if 0.2 < y < height - 0.2:
            lines += [(0.0, y, MARK_MM, y), (width - MARK_MM, y, width, y)]
    for x in xs[1:-1]:
        for y in ys[1:-1]:
            lines += [(x + dx - CROSS_MM, y + dy, x + dx + CROSS_MM, y + dy),
                      (x + dx, y + dy - CROSS_MM, x + dx, y + dy + CROSS_MM)]
    return lines


def cut_marks(layout: Grid, dx: float = 0.0, dy: float = 0.0) -> bytes:
    """PDF drawing operators for the cut marks of one sheet (shifted by dx, dy mm for back sheets), drawn
    over the cards: black lines, each on a wider white one, so that they show on any card."""
    height = layout.height
    path = "\n".join(f"{mm(x1):.3f} {mm(height - y1):.3f} m {mm(x2):.3f} {mm(height - y2):.3f} l"
                     for x1, y1, x2, y2 in cut_mark_lines(layout, dx, dy))
    ops = ["/Artifact BMC q [] 0 d 0 J 0 j",  # not content: for a screen reader, an artifact
           f"1 G {HALO_WIDTH_PT} w", path, "S",  # every halo first: no halo covers another mark's dark line
           f"0 G {MARK_WIDTH_PT} w", path, "S",
           "Q EMC"]
    return "\n".join(ops).encode("ascii")


def _stream_page(writer: PdfWriter, width: float, height: float, operators: bytes):
    page = writer.add_blank_page(mm(width), mm(height))
    _set_contents(writer, page, operators)
    return page


def _set_contents(writer: PdfWriter, page, operators: bytes) -> None:
    content = ContentStream(None, writer)
    content.set_data(operators)
    page.replace_contents(content)


def _copy_metadata(writer: PdfWriter, root) -> None:
    """The XMP metadata of ``root`` (a side's catalog: WeasyPrint's, with the title and the PDF/UA
    identification) as the merged PDF's."""
    if "/Metadata" in root:
        writer.root_object[NameObject("/Metadata")] = root.raw_get("/Metadata").clone(writer)


def draw_card(name: str, placement, trim_left: float, trim_bottom: float, layout: Grid) -> bytes:
    """The operators drawing the card form ``name`` (a page clipped to its trim box, whose lower left corner
    is at ``trim_left``, ``trim_bottom`` pt) at ``placement`` on a sheet of ``layout``: in a marked-content
    sequence of its own (no MCID: the form's content is tagged inside it), so that checkers that do not
    look inside forms see no untagged drawing."""
    tx = mm(placement.x) - trim_left
    ty = mm(layout.height - placement.y - CARD_MM[1]) - trim_bottom
    return f"/Card BMC q 1 0 0 1 {tx:.4f} {ty:.4f} cm {name} Do Q EMC".encode("ascii")


def build_sheets(singles, layout: Grid, sheets: list[Sheet], title: str, lang: str, seed: bytes | None = None,
                 fonts=()) -> bytes:
    """The sheets PDF: every card page placed by ``sheets``, clipped to its trim box (bleed would spill
    into its neighbours), the sheet's cut marks drawn over them. ``singles`` is the single-card PDF's bytes or a
    list of pypdf pages, one per side in side order; ``seed`` the bytes the document ID is derived from
    (default: ``singles`` when bytes); ``fonts`` the layout's font files, from which each face is
    embedded once where fontmerge can.

    Each card page becomes a form XObject whose bounding box is the trim box (the clip), drawn on its
    sheet with one ``cm``/``Do``: its content stream is copied as it is, not parsed, and resources that
    pages of one PDF share are copied once."""
    if isinstance(singles, bytes):
        seed = singles if seed is None else seed
        pages = PdfReader(io.BytesIO(singles)).pages
    else:
        pages = singles
    writer = PdfWriter()
    structure = SheetStructure(writer) if pages and all(is_tagged(page) for page in pages) else None
    for sheet in sheets:
        operators = []
        xobjects = DictionaryObject()
        page = writer.add_blank_page(mm(layout.width), mm(layout.height))
        for number, placement in enumerate(sheet.placements):
            card = pages[placement.side]
            trim = card.trimbox
            name = f"/Card{number}"
            xobjects[NameObject(name)] = form = _form(writer, card)
            if structure is not None:
                structure.add(placement.side, card, form, page.indirect_reference)
            operators.append(draw_card(name, placement, float(trim.left), float(trim.bottom), layout))
        operators.append(cut_marks(layout, *sheet.offset))  # over the cards, which cover the whole sheet
        _set_contents(writer, page, b"\n".join(operators))
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    if structure is not None:
        structure.finish(writer.root_object)
        _copy_metadata(writer, pages[0].pdf.trailer["/Root"])
        writer.pdf_header = b"%PDF-1.7"  # tagged PDF/UA-1, as the sides are
    share_fonts(writer, fonts)
    return finish(writer, (seed or b"") + repr((layout, sheets)).encode(), title, lang)


def build_singles(readers, seed: bytes, title: str, lang: str, fonts=(), print_shop: bool = False) -> bytes:
    """The single-card PDF: the pages of the sides' one-page PDFs (pypdf readers), one after the other,
    each face's font embedded once from the layout's font files ``fonts`` where fontmerge can; with
    ``print_shop``, PDF/X-4 with its colours in CMYK (deckgen.cards.printshop).

    When every side is tagged (PDF/UA), their structure trees are kept: each side's top elements (its
    Document) become Parts of one Document, and the parent tree (WeasyPrint's flat /Nums) is renumbered
    so that each page's marked content keeps pointing at its own elements; the XMP metadata (title,
    PDF/UA identification) is the first side's. Otherwise the PDF has no structure tree."""
    writer = PdfWriter()
    tagged = bool(readers) and all("/StructTreeRoot" in reader.trailer["/Root"] for reader in readers)
    if tagged:
        tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        tree_ref = writer._add_object(tree)  # no public pypdf call adds an object: see the pin in pyproject.toml
        document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                     NameObject("/S"): NameObject("/Document"), NameObject("/P"): tree_ref})
        document_ref = writer._add_object(document)
        kids, nums = ArrayObject(), ArrayObject()
    for reader in readers:
        source_page = reader.pages[0]
        page = writer.add_page(source_page)
        if not tagged:
            continue
        source = reader.trailer["/Root"]["/StructTreeRoot"]
        elements = source["/K"]
        for element in (elements if isinstance(elements, list) else [elements]):
            element = element.get_object()
            if "/P" in element:
                # detached (in the side's reader), so that cloning does not copy the side's own root
                del element[NameObject("/P")]
            copy = element.clone(writer)
            copy[NameObject("/S")] = NameObject("/Part")
            copy[NameObject("/P")] = document_ref
            kids.append(copy.indirect_reference)
        pairs = source["/ParentTree"]["/Nums"]
        renumber = {}
        for key, value in zip(pairs[::2], pairs[1::2]):
            renumber[int(key)] = len(nums) // 2
            nums += [NumberObject(renumber[int(key)]), value.clone(writer)]
        if "/StructParents" in source_page:  # which pypdf's add_page leaves out
            page[NameObject("/StructParents")] = NumberObject(renumber[int(source_page["/StructParents"])])
    if tagged:
        document[NameObject("/K")] = kids
        tree[NameObject("/K")] = ArrayObject([document_ref])
        tree[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
        tree[NameObject("/ParentTreeNextKey")] = NumberObject(len(nums) // 2)
        writer.root_object[NameObject("/StructTreeRoot")] = tree_ref
        writer.root_object[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        _copy_metadata(writer, readers[0].trailer["/Root"])
    share_fonts(writer, fonts)
    if print_shop:
        from deckgen import reproducible
        from deckgen.cards.printshop import make_pdfx

        moment = reproducible.source_date() or datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        make_pdfx(writer, title, moment, seed)
    return finish(writer, seed, title, lang)


def _form(writer: PdfWriter, page) -> IndirectObject:
    """``page`` as a form XObject of ``writer``, clipped to its trim box."""
    contents = page["/Contents"].get_object()
    if isinstance(contents, StreamObject):
        form = contents.clone(writer)  # WeasyPrint writes one stream a page: copied as it is, still compressed
    else:
        form = DecodedStreamObject()
        form.set_data(page.get_contents().get_data())
        form = form.flate_encode()
    trim = page.trimbox
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(value) for value in
                                         (trim.left, trim.bottom, trim.right, trim.top)),
        NameObject("/Resources"): page["/Resources"].clone(writer),
    })
    if form.indirect_reference is not None:
        return form.indirect_reference
    return writer._add_object(form)  # no public pypdf call adds an object: see the pin in pyproject.toml


def finish(writer: PdfWriter, seed: bytes, title: str, lang: str) -> bytes:
    """Write with an ID derived from the content and no clock time, so that equal input gives equal bytes."""
    from deckgen.cards.pdf import source_date

    info = {"/Title": title, "/Producer": "deckgen"}
    date = source_date()
    if date:  # "2023-11-14T22:13:20Z" -> "D:20231114221320Z"
        info["/CreationDate"] = info["/ModDate"] = "D:" + "".join(ch for ch in date if ch.isdigit()) + "Z"
    writer.add_metadata(info)
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})  # the title, not the file name
    identifier = ByteStringObject(hashlib.sha256(seed).digest()[:16])
    writer._ID = ArrayObject((identifier, identifier))  # no public setter (see the pypdf pin); pypdf's is random
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
