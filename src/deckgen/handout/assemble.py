"""One tagged PDF from the parts of a handout or guide and its page layer (deckgen.handout.parts), with
pikepdf: what WeasyPrint would have written for the document laid out whole.

- **Pages**: the parts' pages in order; over each page, the page layer's page of the same number as a form
  XObject marked as a pagination artifact (the running footer and "N / total" are no content a screen
  reader reads; WeasyPrint's own footers are tagged content outside the structure tree). The page layer may
  come in several PDFs, their pages one after the other.
- **Tags**: one structure tree. The first part's /Document element takes every other part's elements in
  order; each part's parent tree keys (its pages' /StructParents, its link annotations' /StructParent)
  are moved past the keys before it, so that every marked-content reference resolves as in one document.
  The first part's catalog stays: /Lang, /MarkInfo, /ViewerPreferences (DisplayDocTitle), the XMP
  metadata (PDF/UA-1, the title) and the document information are the same in every part.
- **Bookmarks**: each part's, in order, pointing at the same places of the merged pages.
- **Links**: each part's named destinations (the models' anchors) go into one sorted name tree, and the
  overview's links to another part (``PART_LINK``: a URI to WeasyPrint) become links to those names.

The document is written as it is read, one part at a time: a part is opened with pikepdf, changed there,
and its objects written out under new numbers (each in qpdf's own PDF syntax, its references renumbered),
packed into compressed object streams as qpdf saves them. qpdf itself would hold the whole merged document
parsed, at about 1.3 KB an object: 200 MB for the 130 000 objects (structure elements, mostly) of a guide
of 700 models; this way memory holds one part and the page layer. The objects that gather every part
(catalog, page tree, structure tree root, /Document element and parent tree, outline root and top items,
named destinations) are written last, from what each part left of them.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib
from array import array
from collections import deque
from contextlib import closing

from deckgen.handout.parts import PART_LINK

ARTIFACT = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
OBJECTS_PER_STREAM = 100  # as qpdf packs them
# In qpdf's PDF syntax of an object: a literal string (each parenthesis in it escaped), to keep as it is, or a
# reference to an indirect object (its number and generation), to renumber.
TOKENS = re.compile(rb"\((?:[^\\()]|\\.)*\)|(?<![^\s\[])(\d+) (\d+) R(?![^\s\]>])", re.DOTALL)
XREF_ROW = struct.Struct(">BIH")  # type, offset or object stream, generation or index: /W [1 4 2]


def merge(parts: list[bytes], layers: list[bytes]) -> bytes:
    """The PDF of ``parts`` (tagged PDFs by deckgen.handout.document, the front first) with the pages of
    ``layers`` (untagged PDFs, their pages together one for each page of the parts) drawn over their pages."""
    import pikepdf

    buffer = io.BytesIO()
    writer = _Writer(buffer)
    whole = _Whole(writer)
    with closing(_layer_forms(layers, writer)) as forms:
        for data in parts:
            with pikepdf.open(io.BytesIO(data)) as pdf:
                whole.add(pdf, forms)
    whole.finish()
    return buffer.getvalue()


def _layer_forms(layers: list[bytes], writer: _Writer):
    """The object number of each page of ``layers``, written by ``writer`` as a form XObject marked as a
    pagination artifact; None past the last."""
    import pikepdf

    for data in layers:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            source = _Source(pdf, writer)
            for page in pdf.pages:
                page.contents_coalesce()
                page.Contents.write(ARTIFACT + page.Contents.read_bytes() + b"\nEMC\n")
                number = source.number(page.as_form_xobject())
                source.write_out()
                yield number
    while True:
        yield None


class _Writer:
    """A PDF file written object by object: streams as they come, every other object into compressed
    object streams, and at the end a cross-reference stream."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.md5()  # of every byte before the cross-reference stream: the document's /ID
        self.kinds = bytearray(1)  # by object number: 0 free, 1 at an offset, 2 in an object stream
        self.places = array("q", [0])  # the offset, or the number of the object stream
        self.indexes = array("l", [0])  # the index in the object stream
        self.packing: list[tuple[int, bytes]] = []

    def start(self, version: str) -> None:
        self._put(b"%PDF-" + version.encode() + b"\n%\xbf\xf7\xa2\xfe\n")

    def reserve(self) -> int:
        """The number of a new object, written later."""
        self.kinds.append(0)
        self.places.append(0)
        self.indexes.append(0)
        return len(self.kinds) - 1

    def add(self, number: int, text: bytes) -> None:
        """Object ``number`` (no stream): ``text``, in PDF syntax."""
        self.packing.append((number, text))
        if len(self.packing) == OBJECTS_PER_STREAM:
            self._pack()

    def add_stream(self, number: int, dictionary: bytes, data: bytes) -> None:
        self.kinds[number], self.places[number] = 1, self.file.tell()
        self._put(b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (number, dictionary, data))

    def finish(self, root: int, info: int | None) -> None:
        if self.packing:
            self._pack()
        number = self.reserve()
        self.kinds[number], self.places[number] = 1, self.file.tell()
        rows = [XREF_ROW.pack(0, 0, 65535)]
        rows += [XREF_ROW.pack(kind, place, index)
                 for kind, place, index in zip(self.kinds[1:], self.places[1:], self.indexes[1:])]
        data = zlib.compress(b"".join(rows))
        identifier = b"<%s>" % self.digest.hexdigest().encode()
        info_key = b" /Info %d 0 R" % info if info is not None else b""
        dictionary = (b"<< /Type /XRef /Size %d /W [ 1 4 2 ] /Root %d 0 R%s /ID [ %s %s ] /Filter /FlateDecode "
                      b"/Length %d >>" % (len(self.kinds), root, info_key, identifier, identifier, len(data)))
        self.file.write(b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n"
                        % (number, dictionary, data, self.places[number]))

    def _pack(self) -> None:
        stream = self.reserve()
        offsets, position = [], 0
        for index, (number, text) in enumerate(self.packing):
            self.kinds[number], self.places[number], self.indexes[number] = 2, stream, index
            offsets.append(b"%d %d" % (number, position))
            position += len(text) + 1
        head = b" ".join(offsets) + b"\n"
        data = zlib.compress(head + b"\n".join(text for _, text in self.packing))
        self.add_stream(stream, b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
                        % (len(self.packing), len(head), len(data)), data)
        self.packing = []

    def _put(self, data: bytes) -> None:
        self.digest.update(data)
        self.file.write(data)


class _Source:
    """A PDF open with pikepdf whose objects are written to ``writer`` under numbers of their own there, each
    once it is referred to (``number``, ``unparse``) and ``write_out`` is called. Some of its objects may
    stand for objects of the whole document written elsewhere (``same_as``, ``stand_in``)."""

    def __init__(self, pdf, writer: _Writer):
        self.pdf, self.writer = pdf, writer
        self.numbers: dict[tuple[int, int], int] = {}
        self.unwritten: deque[tuple[int, int]] = deque()
        self.stand_ins: dict[int, object] = {}

    def number(self, obj) -> int:
        return self._number(obj.objgen)

    def same_as(self, obj, number: int) -> None:
        """References to ``obj`` are to object ``number`` of the whole document; ``obj`` is not written."""
        self.numbers[obj.objgen] = number

    def stand_in(self, number: int):
        """An object of this PDF that references to are references to object ``number`` of the whole document."""
        import pikepdf

        if number not in self.stand_ins:
            self.stand_ins[number] = self.pdf.make_indirect(pikepdf.Dictionary())
            self.same_as(self.stand_ins[number], number)
        return self.stand_ins[number]

    def unparse(self, obj) -> bytes:
        """``obj`` in PDF syntax, as written (an indirect object: a reference to it)."""
        return TOKENS.sub(self._renumbered, obj.unparse())

    def inside(self, dictionary, *dropped: str) -> bytes:
        """The entries of ``dictionary`` but ``dropped`` in PDF syntax, as written: what goes between << and >>."""
        import pikepdf

        kept = pikepdf.Dictionary({key: value for key, value in dictionary.items() if key not in dropped})
        return self.unparse(kept)[2:-2].strip()

    def write_out(self) -> None:
        """Every object referred to so far, and those they refer to."""
        import pikepdf

        while self.unwritten:
            objgen = self.unwritten.popleft()
            obj, number = self.pdf.get_object(objgen), self.numbers[objgen]
            if obj is None:  # a reference to no object
                self.writer.add(number, b"null")
            elif isinstance(obj, pikepdf.Stream):
                self._write_stream(number, obj)
            else:
                self.writer.add(number, TOKENS.sub(self._renumbered, obj.unparse(resolved=True)))

    def _write_stream(self, number: int, stream) -> None:
        import pikepdf

        data, dictionary = stream.read_raw_bytes(), stream.stream_dict
        if "/Filter" not in dictionary and dictionary.get("/Type") != "/Metadata":  # as qpdf saves them
            data = zlib.compress(data)
            dictionary.Filter = pikepdf.Name.FlateDecode  # of what is written only: the stream is not read again
        dictionary.Length = len(data)
        self.writer.add_stream(number, TOKENS.sub(self._renumbered, dictionary.unparse(resolved=True)), data)

    def _number(self, objgen: tuple[int, int]) -> int:
        number = self.numbers.get(objgen)
        if number is None:
            number = self.numbers[objgen] = self.writer.reserve()
            self.unwritten.append(objgen)
        return number

    def _renumbered(self, token: re.Match) -> bytes:
        if token[1] is None:
            return token[0]
        return b"%d 0 R" % self._number((int(token[1]), int(token[2])))


class _Whole:
    """The objects of the whole document that gather every part, written last from what the parts left."""

    def __init__(self, writer: _Writer):
        self.writer = writer
        self.catalog, self.pages, self.tree_root, self.document, self.parent_tree, self.save = (
            writer.reserve() for _ in range(6))
        self.outline: int | None = None  # reserved with the first bookmark
        self.kept: dict[str, bytes] | None = None  # the first part's entries of the objects above
        self.info: int | None = None
        self.page_numbers: list[int] = []
        self.elements: list[bytes] = []  # the /Document element's kids
        self.keys: list[tuple[int, bytes]] = []  # the parent tree's
        self.next_key = 0
        self.bookmarks: list[tuple[int, bytes]] = []  # the outline's top items: number, entries but the links
        self.open_bookmarks = 0
        self.destinations: dict[str, tuple[bytes, bytes]] = {}

    def add(self, pdf, forms) -> None:
        """The part ``pdf``, with the next of ``forms`` (object numbers of the page layer) over each page."""
        source = _Source(pdf, self.writer)
        root = pdf.Root
        tree = root.StructTreeRoot
        for own, number in ((root, self.catalog), (root.Pages, self.pages), (tree, self.tree_root),
                            (tree.K[0], self.document), (tree.ParentTree, self.parent_tree)):
            source.same_as(own, number)
        if self.kept is None:
            self._keep_first(source, pdf)
        offset = self.next_key
        for page in pdf.pages:
            self._add_page(source, page.obj, offset, next(forms))
        found = _number_tree(tree.ParentTree)
        self.keys += [(key + offset, source.unparse(value)) for key, value in found.items()]
        self.next_key = offset + max(found, default=-1) + 1
        self.elements += [source.unparse(kid) for kid in tree.K[0].K]
        self._add_bookmarks(source, root.get("/Outlines"))
        names = root.get("/Names", {}).get("/Dests", {}).get("/Names", ())
        for index in range(0, len(names), 2):
            self.destinations[str(names[index])] = (source.unparse(names[index]), source.unparse(names[index + 1]))
        source.write_out()

    def finish(self) -> None:
        write, kept = self.writer.add, self.kept
        pages = b" ".join(b"%d 0 R" % number for number in self.page_numbers)
        write(self.pages, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self.page_numbers), pages))
        write(self.document, b"<< %s /K [ %s ] /P %d 0 R >>"
              % (kept["document"], b" ".join(self.elements), self.tree_root))
        write(self.parent_tree, b"<< /Nums [ %s ] >>" % b" ".join(b"%d %s" % entry for entry in sorted(self.keys)))
        write(self.tree_root, b"<< %s /K [ %d 0 R ] /ParentTree %d 0 R /ParentTreeNextKey %d >>"
              % (kept["tree"], self.document, self.parent_tree, self.next_key))
        catalog = [kept["catalog"], b"/Pages %d 0 R /StructTreeRoot %d 0 R" % (self.pages, self.tree_root)]
        if self.bookmarks:
            self._write_outline()
            catalog.append(b"/Outlines %d 0 R" % self.outline)
        names = self._names()
        if names:
            catalog.append(b"/Names << %s >>" % names)
        write(self.catalog, b"<< %s >>" % b" ".join(catalog))
        self.writer.finish(self.catalog, self.info)

    def _keep_first(self, source: _Source, pdf) -> None:
        """The first part's own entries of the objects that gather every part, and its document information."""
        self.writer.start(pdf.pdf_version)
        self.writer.add_stream(self.save, b"<< /Length 2 >>", b"q\n")
        root, tree = pdf.Root, pdf.Root.StructTreeRoot
        self.kept = {
            "catalog": source.inside(root, "/Pages", "/StructTreeRoot", "/Outlines", "/Names"),
            "tree": source.inside(tree, "/K", "/ParentTree", "/ParentTreeNextKey"),
            "document": source.inside(tree.K[0], "/K", "/P"),
            "names": source.inside(root.get("/Names", {}), "/Dests"),
        }
        if "/Info" in pdf.trailer:
            self.info = source.number(pdf.trailer.Info)

    def _add_page(self, source: _Source, page, offset: int, form: int | None) -> None:
        if "/StructParents" in page:
            page.StructParents = int(page.StructParents) + offset
        for annotation in page.get("/Annots", ()):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
            _link_part(annotation)
        self.page_numbers.append(source.number(page))
        if form is not None:
            self._draw_over(source, page, form)

    def _draw_over(self, source: _Source, page, form: int) -> None:
        """Form XObject ``form`` drawn over ``page``, in a graphics state of its own.

        A part's pages share one resource dictionary (WeasyPrint's), so each page's layer is named after the
        page's number in the document: ``/Pagination12``."""
        import pikepdf

        name = f"/Pagination{len(self.page_numbers)}"
        resources = page.Resources
        if "/XObject" not in resources:
            resources.XObject = pikepdf.Dictionary()
        resources.XObject[name] = source.stand_in(form)
        contents = page.Contents if isinstance(page.Contents, pikepdf.Array) else [page.Contents]
        after = source.pdf.make_stream(f"Q\nq {name} Do Q\n".encode())
        page.Contents = pikepdf.Array([source.stand_in(self.save), *contents, after])

    def _add_bookmarks(self, source: _Source, outline) -> None:
        """The part's top outline items, kept to be linked to those before and after; what is below them is
        written with the part."""
        if outline is None or "/First" not in outline:
            return
        if self.outline is None:
            self.outline = self.writer.reserve()
            self.kept["outline"] = source.inside(outline, "/First", "/Last", "/Count")
        source.same_as(outline, self.outline)
        self.open_bookmarks += int(outline.get("/Count", 0))
        item = outline.First
        while item is not None:
            number = self.writer.reserve()
            source.same_as(item, number)
            self.bookmarks.append((number, source.inside(item, "/Parent", "/Prev", "/Next")))
            item = item.get("/Next")

    def _write_outline(self) -> None:
        numbers = [number for number, _ in self.bookmarks]
        for index, (number, entries) in enumerate(self.bookmarks):
            links = [b"/Parent %d 0 R" % self.outline]
            if index > 0:
                links.append(b"/Prev %d 0 R" % numbers[index - 1])
            if index < len(numbers) - 1:
                links.append(b"/Next %d 0 R" % numbers[index + 1])
            self.writer.add(number, b"<< %s %s >>" % (entries, b" ".join(links)))
        self.writer.add(self.outline, b"<< %s /Count %d /First %d 0 R /Last %d 0 R >>"
                        % (self.kept["outline"], self.open_bookmarks, numbers[0], numbers[-1]))

    def _names(self) -> bytes:
        """The entries of the catalog's /Names: every part's named destinations sorted in one tree."""
        entries = self.kept["names"]
        if self.destinations:
            dests = self.writer.reserve()
            pairs = (b"%s %s" % self.destinations[name]
                     for name in sorted(self.destinations, key=lambda text: text.encode("utf-16-be")))
            self.writer.add(dests, b"<< /Names [ %s ] >>" % b" ".join(pairs))
            entries += b" /Dests %d 0 R" % dests
        return entries.strip()


def _number_tree(node, found=None) -> dict[int, object]:
    found = {} if found is None else found
    if "/Nums" in node:
        nums = node.Nums
        for index in range(0, len(nums), 2):
            found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", ()):
        _number_tree(kid, found)
    return found


def _link_part(annotation) -> None:
    """An overview's link to another part (a URI ``PART_LINK``anchor) as a link to the named destination."""
    import pikepdf

    action = annotation.get("/A")
    uri = str(action.get("/URI", "")) if action is not None else ""
    if uri.startswith(PART_LINK):
        name = uri[len(PART_LINK):]
        del annotation["/A"]
        annotation.Dest = pikepdf.String(name)
        annotation.Contents = pikepdf.String(name)
