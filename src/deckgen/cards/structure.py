"""The structure tree of the print sheets: each side's tags (from its tagged one-page PDF) carried over to
the sheet it is placed on, so that the sheets PDF is tagged as the single-card PDF is.

On a sheet, a side's page is drawn as a form XObject (deckgen.cards.sheets), so its marked content lives
in the form: each of its elements' MCIDs becomes a marked-content reference naming the form (/Stm) and the
sheet's page (/Pg), and the form gets /StructParents with its own entry in the parent tree (ISO 32000-1,
14.7.4.3). Each side is one /Part of the Document, in side order: a card's front, then its back, card by
card, whatever sheet they are printed on."""

from __future__ import annotations

from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NullObject,
    NumberObject,
)

# Keys of a structure element that are copied as they are (no references in them on WeasyPrint's tags).
_KEPT = ("/Alt", "/ActualText", "/Lang", "/E", "/T", "/A", "/ID")


def is_tagged(page) -> bool:
    """Whether the pypdf ``page`` comes from a tagged PDF whose parent tree covers it."""
    root = page.pdf.trailer["/Root"] if page.pdf is not None else {}
    return "/StructTreeRoot" in root and "/StructParents" in page


def number_tree(node) -> dict[int, object]:
    """A number tree (/Nums, /Kids) as a dict."""
    node = node.get_object()
    found = {}
    nums = node.get("/Nums", [])
    for index in range(0, len(nums), 2):
        found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", []):
        found.update(number_tree(kid))
    return found


class SheetStructure:
    """The structure tree of a sheets PDF being written by ``writer`` (pypdf), one side at a time."""

    def __init__(self, writer):
        self.writer = writer
        self.tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        self.tree_ref = writer._add_object(self.tree)  # no public pypdf call adds an object (see the pin)
        self.document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                          NameObject("/S"): NameObject("/Document"),
                                          NameObject("/P"): self.tree_ref})
        self.document_ref = writer._add_object(self.document)
        self.parts: dict[int, list] = {}  # side index: its Parts
        self.nums = ArrayObject()

    def add(self, side: int, page, form_ref, sheet_ref) -> None:
        """Carry the tags of card side ``side`` (its pypdf ``page``) over to its ``form_ref``, drawn on the
        sheet page ``sheet_ref``."""
        source = page.pdf.trailer["/Root"]["/StructTreeRoot"]
        key = len(self.nums) // 2
        form_ref.get_object()[NameObject("/StructParents")] = NumberObject(key)
        made: dict[int, object] = {}
        tops = source["/K"]
        parts = []
        for element in (tops if isinstance(tops, list) else [tops]):
            # the side's Document (WeasyPrint's one top element) becomes its Part of the sheets' Document
            part_ref = self._copy(element, self.document_ref, made, form_ref, sheet_ref)
            part_ref.get_object()[NameObject("/S")] = NameObject("/Part")
            parts.append(part_ref)
        entry = number_tree(source["/ParentTree"]).get(int(page["/StructParents"]), [])
        self.nums += [NumberObject(key), ArrayObject(
            made.get(element.idnum, NullObject()) if hasattr(element, "idnum") else NullObject()
            for element in entry.get_object())]
        self.parts[side] = parts

    def _copy(self, element, parent_ref, made, form_ref, sheet_ref):
        reference = element if hasattr(element, "idnum") else None
        element = element.get_object()
        copy = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): element["/S"],
                                 NameObject("/P"): parent_ref, NameObject("/Pg"): sheet_ref})
        for key in _KEPT:
            if key in element:
                copy[NameObject(key)] = element[key].clone(self.writer)
        copy_ref = self.writer._add_object(copy)
        if reference is not None:
            made[reference.idnum] = copy_ref
        kids = element.get("/K", [])
        copied = ArrayObject()
        for kid in (kids if isinstance(kids, list) else [kids]):
            if isinstance(kid, int):
                copied.append(DictionaryObject({
                    NameObject("/Type"): NameObject("/MCR"), NameObject("/MCID"): NumberObject(kid),
                    NameObject("/Pg"): sheet_ref, NameObject("/Stm"): form_ref}))
            elif "/S" in kid.get_object():
                copied.append(self._copy(kid, copy_ref, made, form_ref, sheet_ref))
            # link annotations (OBJR) stay behind: a card has none, and a form cannot carry them
        copy[NameObject("/K")] = copied
        return copy_ref

    def finish(self, root) -> None:
        """Put the tree into the catalog ``root``: the sides' Parts in side order."""
        self.document[NameObject("/K")] = ArrayObject(part for side in sorted(self.parts) for part in self.parts[side])
        self.tree[NameObject("/K")] = ArrayObject([self.document_ref])
        self.tree[NameObject("/ParentTree")] = self.writer._add_object(
            DictionaryObject({NameObject("/Nums"): self.nums}))
        self.tree[NameObject("/ParentTreeNextKey")] = NumberObject(len(self.nums) // 2)
        root[NameObject("/StructTreeRoot")] = self.tree_ref
        root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
