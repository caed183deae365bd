"""One tagged PDF from the parts of a handout or guide and its page layer (deckgen.handout.parts), with
pikepdf: what WeasyPrint would have written for the document laid out whole.

- **Pages**: the parts' pages in order; over each page, the page layer's page of the same number as a form
  XObject marked as a pagination artifact (the running footer and "N / total" are no content a screen
  reader reads; WeasyPrint's own footers are tagged content outside the structure tree).
- **Tags**: one structure tree. The first part's /Document element takes every other part's elements in
  order; each part's parent tree keys (its pages' /StructParents, its link annotations' /StructParent)
  are moved past the keys before it, so that every marked-content reference resolves as in one document.
  The first part's catalog stays: /Lang, /MarkInfo, /ViewerPreferences (DisplayDocTitle), the XMP
  metadata (PDF/UA-1, the title) and the document information are the same in every part.
- **Bookmarks**: each part's, in order, pointing at the same places of the merged pages.
- **Links**: each part's named destinations (the models' anchors) go into one sorted name tree, and the
  overview's links to another part (``PART_LINK``: a URI to WeasyPrint) become links to those names.
"""

from __future__ import annotations

import io

from deckgen.handout.parts import PART_LINK

ARTIFACT = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"


def merge(parts: list[bytes], layers: list[bytes]) -> bytes:
    """The PDF of ``parts`` (tagged PDFs by deckgen.handout.document, the front first) with the page layer
    (untagged PDFs ``layers``, of as many pages together as the parts have) drawn over their pages."""
    import pikepdf

    out = pikepdf.open(io.BytesIO(parts[0]))
    pages_layer = [pikepdf.open(io.BytesIO(layer)) for layer in layers]
    try:
        document = out.Root.StructTreeRoot.K[0]
        numbers = _number_tree(out.Root.StructTreeRoot.ParentTree)
        destinations = _destinations(out, {page.obj.objgen: page for page in out.pages})
        bookmarks = []
        for data in parts[1:]:
            with pikepdf.open(io.BytesIO(data)) as source:
                offset, first, start = max(numbers, default=-1) + 1, len(out.pages), _next_number(out)
                numbers.update(_append(out, source, document, offset))
                mapped = {page.obj.objgen: out.pages[first + index] for index, page in enumerate(source.pages)}
                destinations.update(_destinations(source, mapped))
                bookmarks += [_bookmark(item, mapped) for item in source.open_outline().root]
                _own_streams(out, start)
        _write_tree(out, numbers, destinations)
        if bookmarks:
            with out.open_outline() as outline:
                outline.root.extend(bookmarks)
        _link_parts(out)
        _draw_layer(out, pages_layer)
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buffer.getvalue()
    finally:
        out.close()
        for layer in pages_layer:
            layer.close()


def _next_number(pdf) -> int:
    """The object number the next new object of ``pdf`` gets (a new, unreferenced object, never written)."""
    import pikepdf

    return pdf.make_indirect(pikepdf.Dictionary()).objgen[0] + 1


def _own_streams(out, start: int) -> None:
    """Give the streams copied into ``out`` from objects number ``start`` on their data of their own.

    qpdf reads a copied stream's data from its source only when the merged document is written, so
    every part would stay open, parsed, until then: about as much memory again as the merged document.
    With the data read now (as it is, still compressed), each part is closed once it is merged."""
    import pikepdf

    for number in range(start, _next_number(out) - 1):
        stream = out.get_object((number, 0))
        if isinstance(stream, pikepdf.Stream):
            stream.write(stream.read_raw_bytes(), filter=stream.get("/Filter"), decode_parms=stream.get("/DecodeParms"))


def _number_tree(node, found=None) -> dict[int, object]:
    found = {} if found is None else found
    if "/Nums" in node:
        nums = node.Nums
        for index in range(0, len(nums), 2):
            found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", ()):
        _number_tree(kid, found)
    return found


def _append(out, source, document, offset: int) -> dict[int, object]:
    """Append ``source``'s pages to ``out`` and its elements to ``document``; its parent tree's entries,
    keyed ``offset`` on, as objects of ``out``."""
    for page in source.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", ()):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    root = source.Root.StructTreeRoot
    element = root.K[0]
    del element["/P"]  # so that copying it does not copy the part's own tree root
    out.pages.extend(source.pages)
    copied = out.copy_foreign(element)
    for kid in copied.K:
        kid.P = document
        document.K.append(kid)
    tree = out.copy_foreign(root.ParentTree)
    return {key + offset: value for key, value in _number_tree(tree).items()}


def _destinations(pdf, mapped: dict) -> dict[str, list]:
    """The named destinations of ``pdf`` (WeasyPrint's: one flat name array), their pages mapped by
    ``mapped`` (objgen of a page of ``pdf``: the page of the merged document)."""
    import pikepdf

    found = {}
    names = pdf.Root.get("/Names", {}).get("/Dests", {}).get("/Names", ())
    for index in range(0, len(names), 2):
        target = names[index + 1]
        page = mapped[target[0].objgen]
        found[str(names[index])] = [page.obj, pikepdf.Name.XYZ, *(float(value) for value in target[2:])]
    return found


def _bookmark(item, mapped):
    """A copy of outline item ``item`` of a part, pointing at the merged document's page."""
    import pikepdf

    target = item.destination
    destination = pikepdf.Array([mapped[target[0].objgen].obj, target[1], *(float(v) for v in target[2:])])
    copy = pikepdf.OutlineItem(item.title, destination)
    copy.is_closed = item.is_closed
    copy.children.extend(_bookmark(child, mapped) for child in item.children)
    return copy


def _write_tree(out, numbers: dict[int, object], destinations: dict[str, list]) -> None:
    import pikepdf

    root = out.Root.StructTreeRoot
    nums = pikepdf.Array()
    for key in sorted(numbers):
        nums.append(key)
        nums.append(numbers[key])
    root.ParentTree = out.make_indirect(pikepdf.Dictionary(Nums=nums))
    root.ParentTreeNextKey = max(numbers, default=-1) + 1
    if destinations:
        names = pikepdf.Array()
        for name in sorted(destinations, key=lambda text: text.encode("utf-16-be")):
            names.append(pikepdf.String(name))
            names.append(pikepdf.Array(destinations[name]))
        if "/Names" not in out.Root:
            out.Root.Names = pikepdf.Dictionary()
        out.Root.Names.Dests = out.make_indirect(pikepdf.Dictionary(Names=names))


def _link_parts(out) -> None:
    """The overview's links to another part (a URI ``PART_LINK``anchor) as links to the named destination."""
    import pikepdf

    for page in out.pages:
        for annotation in page.obj.get("/Annots", ()):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(PART_LINK):
                name = uri[len(PART_LINK):]
                del annotation["/A"]
                annotation.Dest = pikepdf.String(name)
                annotation.Contents = pikepdf.String(name)


def _draw_layer(out, layer) -> None:
    """Each page of ``layer``, marked as a pagination artifact, drawn over the page of ``out`` of its number.

    A part's pages share one resource dictionary (WeasyPrint's), so each page's layer is named after the
    page's number in it: ``/Pagination12``."""
    import pikepdf

    save = out.make_stream(b"q\n")
    overs = (over for pdf in layer for over in pdf.pages)
    for number, (page, over) in enumerate(zip(out.pages, overs), start=1):
        over.contents_coalesce()
        over.Contents.write(ARTIFACT + over.Contents.read_bytes() + b"\nEMC\n")
        form = out.copy_foreign(over.as_form_xobject())
        resources = page.obj.Resources
        if "/XObject" not in resources:
            resources.XObject = pikepdf.Dictionary()
        name = f"/Pagination{number}"
        resources.XObject[name] = form
        page.contents_add(save, prepend=True)
        page.contents_add(out.make_stream(f"Q\nq {name} Do Q\n".encode()), prepend=False)
