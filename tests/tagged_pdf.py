"""Checks of tagged PDFs, read back with pikepdf and pdfplumber: the machine-checkable rules of PDF/UA-1
that the ``pdfua`` package does not run, as a screen reader and an auditor meet them.

- ``structure_problems``: the catalog (structure tree, /MarkInfo, /Lang, title shown, PDF/UA in the XMP),
  the parent tree resolving from every page's and form's /StructParents and every MCID, marked content
  pointing back at its element, painted content that is neither tagged nor an artifact, heading levels,
  figures without alternative text, fonts not embedded;
- ``reading_blocks``: the text a screen reader reads, block by block, in the structure tree's order
  (marked content's /ActualText in place of its glyphs);
- ``elements``: the structure elements in reading order, with their tag and page.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pdfplumber
import pikepdf

PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Tj", "TJ", "'", '"'}
BLOCKS = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "Lbl", "LBody", "Caption", "TD", "TH", "Figure"}


def _number_tree(node, found=None) -> dict[int, object]:
    found = {} if found is None else found
    if "/Nums" in node:
        nums = node.Nums
        for index in range(0, len(nums), 2):
            found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", []):
        _number_tree(kid, found)
    return found


def _key(obj) -> tuple:
    return obj.objgen


def _marked_content(stream_owner, resources) -> tuple[set[int], list[str], list]:
    """The MCIDs of a content stream, what it paints outside any marked content, and the form XObjects it
    draws (each with its resources)."""
    mcids, untagged, forms = set(), [], []
    depth = 0
    for operands, operator in pikepdf.parse_content_stream(stream_owner):
        op = str(operator)
        if op in ("BDC", "BMC"):
            depth += 1
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcids.add(int(operands[1].MCID))
        elif op == "EMC":
            depth -= 1
        elif op == "Do":
            xobject = resources.get("/XObject", {}).get(str(operands[0]))
            if xobject is not None and xobject.get("/Subtype") == "/Form":
                forms.append(xobject)
            elif depth == 0:
                untagged.append(f"image {operands[0]}")
        elif op in PAINTING and depth == 0:
            untagged.append(op)
    return mcids, untagged, forms


def _elements(pdf) -> list:
    """Every structure element, depth first in /K order (the reading order), with its depth."""
    out = []

    def walk(node, depth):
        kids = node.get("/K")
        if kids is None:
            return
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type", "/StructElem") == "/StructElem" \
                    and "/S" in kid:
                out.append((kid, depth))
                walk(kid, depth + 1)

    walk(pdf.Root.StructTreeRoot, 0)
    return out


def elements(path) -> list[tuple[str, int | None]]:
    """(tag, 0-based page number or None) of every structure element in reading order."""
    with pikepdf.open(path) as pdf:
        pages = {_key(page.obj): number for number, page in enumerate(pdf.pages)}
        return [(str(element.S)[1:], pages.get(_key(element.Pg)) if "/Pg" in element else None)
                for element, _ in _elements(pdf)]


def structure_problems(path) -> list[str]:
    """What a PDF/UA-1 checker would find in ``path`` among the rules described in the module docstring."""
    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if "/StructTreeRoot" not in root:
            return ["no /StructTreeRoot: the PDF is not tagged"]
        if not root.get("/MarkInfo", {}).get("/Marked", False):
            problems.append("/MarkInfo /Marked is not true")
        if not str(root.get("/Lang", "")):
            problems.append("no /Lang in the catalog")
        if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
            problems.append("/ViewerPreferences /DisplayDocTitle is not true")
        if not str(pdf.docinfo.get("/Title", "")):
            problems.append("no /Title in the document information")
        with pdf.open_metadata() as meta:
            if not meta.get("dc:title"):
                problems.append("no dc:title in the XMP metadata")
            if meta.get("pdfuaid:part") != "1":
                problems.append("the XMP metadata does not say PDF/UA-1 (pdfuaid:part)")
        tree = _number_tree(root.StructTreeRoot.ParentTree)
        next_key = int(root.StructTreeRoot.get("/ParentTreeNextKey", 0))
        if "/ParentTreeNextKey" in root.StructTreeRoot and tree and max(tree) >= next_key:
            problems.append(f"/ParentTreeNextKey {next_key} is not past the parent tree's largest key {max(tree)}")

        # content -> structure: every MCID of a page or form resolves through the parent tree
        owners = {}  # objgen of a page or form: (label, its MCIDs)
        for number, page in enumerate(pdf.pages, 1):
            mcids, untagged, forms = _marked_content(page, page.obj.get("/Resources", {}))
            if untagged:
                problems.append(f"page {number}: {len(untagged)} painting operators neither tagged nor "
                                f"artifacts ({', '.join(sorted(set(untagged)))})")
            owners[_key(page.obj)] = (f"page {number}", mcids, page.obj)
            seen = set()
            while forms:
                form = forms.pop()
                if _key(form) in seen:
                    continue
                seen.add(_key(form))
                form_mcids, form_untagged, more = _marked_content(form, form.get("/Resources", {}))
                label = f"page {number} form {form.objgen[0]}"
                if form_untagged:
                    problems.append(f"{label}: {len(form_untagged)} painting operators neither tagged nor "
                                    f"artifacts ({', '.join(sorted(set(form_untagged)))})")
                owners[_key(form)] = (label, form_mcids, form)
                forms.extend(more)
        for label, mcids, owner in owners.values():
            if not mcids:
                continue
            if "/StructParents" not in owner:
                problems.append(f"{label}: marked content but no /StructParents")
                continue
            entry = tree.get(int(owner.StructParents))
            if not isinstance(entry, pikepdf.Array):
                problems.append(f"{label}: /StructParents {int(owner.StructParents)} is not in the parent tree")
                continue
            for mcid in sorted(mcids):
                if mcid >= len(entry) or not isinstance(entry[mcid], pikepdf.Dictionary):
                    problems.append(f"{label}: MCID {mcid} has no element in the parent tree")
                elif not _holds(entry[mcid], mcid, owner):
                    problems.append(f"{label}: MCID {mcid}'s element in the parent tree does not hold it")

        # structure -> content: every marked-content reference names content that exists
        pages = {_key(page.obj) for page in pdf.pages}
        headings, figures_without_alt = [], 0
        for element, _ in _elements(pdf):
            tag = str(element.S)[1:]
            for mcid, owner in _references(element):
                if owner is None or _key(owner) not in owners:
                    if owner is None or _key(owner) not in pages:
                        problems.append(f"{tag}: marked content {mcid} on no page or form of the document")
                    else:
                        problems.append(f"{tag}: MCID {mcid} of a page without marked content")
                elif mcid not in owners[_key(owner)][1]:
                    problems.append(f"{tag}: MCID {mcid} is not in {owners[_key(owner)][0]}")
            if re.fullmatch(r"H[1-6]", tag):
                headings.append((int(tag[1]), element))
            if tag == "Figure" and not str(element.get("/Alt", "")) and "/ActualText" not in element:
                figures_without_alt += 1
        if figures_without_alt:
            problems.append(f"{figures_without_alt} Figure elements without /Alt")
        problems += _heading_problems(headings)
        problems += _font_problems(pdf)
    return problems


def _holds(element, mcid: int, owner) -> bool:
    return any(found == mcid and (where is None or _key(where) == _key(owner))
               for found, where in _references(element, loose=True))


def _references(element, loose: bool = False):
    """(MCID, page or form it is in) of each marked-content reference among ``element``'s kids; with
    ``loose`` the owner may be None where only the element's /Pg would say."""
    kids = element.get("/K")
    if kids is None:
        return
    page = element.get("/Pg")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, int):
            yield int(kid), page
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            yield int(kid.MCID), kid.get("/Stm", kid.get("/Pg", page))


def _heading_problems(headings) -> list[str]:
    problems = []
    previous = 0
    for level, _ in headings:
        if level > previous + 1:
            problems.append(f"H{level} follows H{previous}" if previous else f"the first heading is H{level}")
        previous = level
    ids = {_key(element) for _, element in headings}
    for _, element in headings:
        parent = element.get("/P")
        while isinstance(parent, pikepdf.Dictionary) and parent.get("/Type") != "/StructTreeRoot":
            if _key(parent) in ids:
                problems.append(f"{element.S} inside {parent.S}")
                break
            parent = parent.get("/P")
    return problems


def _font_problems(pdf) -> list[str]:
    missing = set()
    for page in pdf.pages:
        stack = [page.obj.get("/Resources", {})]
        seen = set()
        while stack:
            resources = stack.pop()
            for font in resources.get("/Font", {}).values():
                if font.get("/Subtype") == "/Type3":
                    continue
                described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = described.get("/FontDescriptor", {})
                if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(font.get("/BaseFont", "?")))
            for xobject in resources.get("/XObject", {}).values():
                if xobject.get("/Subtype") == "/Form" and _key(xobject) not in seen:
                    seen.add(_key(xobject))
                    stack.append(xobject.get("/Resources", {}))
    return [f"font {name} is not embedded" for name in sorted(missing)]


def reading_blocks(path) -> list[str]:
    """The text a screen reader reads, one string per block element (P, Hn, LI, ...), in reading order:
    each marked-content sequence's glyphs, or its /ActualText, joined as they are."""
    texts: dict[tuple[int, int], str] = defaultdict(str)
    with pdfplumber.open(path) as document:
        for number, page in enumerate(document.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    texts[number, char["mcid"]] += char["text"]
    actual: dict[tuple[int, int], str] = {}
    blocks = []
    with pikepdf.open(path) as pdf:
        pages = {_key(page.obj): number for number, page in enumerate(pdf.pages)}
        for number, page in enumerate(pdf.pages):
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    props = operands[1]
                    if "/MCID" in props and "/ActualText" in props:
                        actual[number, int(props.MCID)] = str(props.ActualText)

        def text_of(element) -> str:
            if "/ActualText" in element:
                return str(element.ActualText)
            parts = []
            kids = element.get("/K")
            page = element.get("/Pg")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                if isinstance(kid, int):
                    key = (pages.get(_key(page)), int(kid))
                    parts.append(actual.get(key, texts.get(key, "")))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    key = (pages.get(_key(kid.get("/Pg", page))), int(kid.MCID))
                    parts.append(actual.get(key, texts.get(key, "")))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    parts.append(text_of(kid))
            return "".join(parts)

        def walk(node):
            kids = node.get("/K")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if str(kid.S)[1:] in BLOCKS and not any(
                            str(inner.S)[1:] in BLOCKS for inner, _ in _descendants(kid)):
                        blocks.append(text_of(kid))
                    else:
                        walk(kid)

        walk(pdf.Root.StructTreeRoot)
    return blocks


def _descendants(element):
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid, 0
            yield from _descendants(kid)
