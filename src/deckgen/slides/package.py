"""The deck's .pptx written from its slides' parts (deckgen.slides.parts) and the presentation they were
drawn for: the same package whether each slide was drawn now or remembered.

The presentation without slides (its masters, layouts, theme, properties) is saved by python-pptx; the
slides, their notes and their pictures are added to that package here, named in deck order (slide1.xml,
notesSlide1.xml, image1.png ...), with the presentation's slide list, its relationships and the
package's content types to match. The zip's entries have fixed times and a fixed order
(deckgen.slides.reproducible), so the same slides give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen.slides.parts import EXTERNAL, MEDIA, NOTES, PART, SLIDE, Media, Rel, SlideParts
from deckgen.slides.reproducible import write_zip

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PRESENTATION = "ppt/presentation.xml"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
FIRST_SLIDE_ID = 256  # the smallest slide id PowerPoint allows


def write_deck(prs, slides: list[SlideParts], media: Media, target: Path) -> None:
    """The package of ``prs`` (a presentation without slides) with ``slides`` in order, at ``target``."""
    len(prs.slides)  # python-pptx adds the presentation's (empty) slide list on first use of its slides
    buffer = io.BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as skeleton:
        entries = {name: skeleton.read(name) for name in skeleton.namelist()}
    media_names, added = _name_media(slides, media, entries)
    parts = set(entries)
    overrides: dict[str, str] = {}
    notes_count = 0
    for number, slide in enumerate(slides, 1):
        slide_name = f"ppt/slides/slide{number}.xml"
        notes_name = None
        if slide.notes is not None:
            notes_count += 1
            notes_name = f"ppt/notesSlides/notesSlide{notes_count}.xml"
            entries[notes_name] = slide.notes.xml
            entries[_rels_name(notes_name)] = _rels_xml(notes_name, slide.notes.rels, parts, media_names,
                                                        slide_name, None)
            overrides["/" + notes_name] = CT.PML_NOTES_SLIDE
        entries[slide_name] = slide.xml
        entries[_rels_name(slide_name)] = _rels_xml(slide_name, slide.rels, parts, media_names, None, notes_name)
        overrides["/" + slide_name] = CT.PML_SLIDE
    _list_slides(entries, len(slides))
    pictures = {"/" + name: media[digest].content_type for digest, name in added.items()}
    entries[CONTENT_TYPES] = _content_types(entries[CONTENT_TYPES], pictures, overrides)
    for digest, name in added.items():
        entries[name] = media[digest].blob
    write_zip(entries, target)


def _name_media(slides: list[SlideParts], media: Media, entries: dict[str, bytes]) -> tuple[dict, dict]:
    """Each picture's entry in the package (digest: name), and of those the ones to add: a picture the
    template has already (its logo on the master too) is pointed at, as python-pptx does; the others are
    numbered in order of first use after the template's own."""
    present = {hashlib.sha256(blob).hexdigest(): name for name, blob in sorted(entries.items(), reverse=True)
               if name.startswith("ppt/media/")}  # reversed: of equal pictures, the first name stays
    taken = [int(found.group(1)) for name in entries if (found := re.fullmatch(r"ppt/media/image(\d+)\.\w+", name))]
    first = max(taken, default=0) + 1
    names: dict[str, str] = {}
    added: dict[str, str] = {}
    for slide in slides:
        for rel in slide.rels + (slide.notes.rels if slide.notes else ()):
            if rel.kind == MEDIA and rel.ref not in names:
                names[rel.ref] = present.get(rel.ref) or f"ppt/media/image{first + len(added)}.{media[rel.ref].ext}"
                if rel.ref not in present:
                    added[rel.ref] = names[rel.ref]
    return names, added


def _rels_name(name: str) -> str:
    folder, file = posixpath.split(name)
    return f"{folder}/_rels/{file}.rels"


def _rels_xml(source: str, rels: tuple[Rel, ...], parts: set[str], media_names: dict[str, str],
              slide: str | None, notes: str | None) -> bytes:
    """The relationships of the part named ``source``, to the entries the package names (``parts``: those of
    the presentation itself)."""
    root = etree.Element(f"{{{RELS_NS}}}Relationships", nsmap={None: RELS_NS})
    folder = posixpath.dirname(source)
    for rel in sorted(rels, key=_rid_order):
        element = etree.SubElement(root, f"{{{RELS_NS}}}Relationship", Id=rel.rid, Type=rel.reltype)
        if rel.kind == EXTERNAL:
            element.set("Target", rel.ref)
            element.set("TargetMode", "External")
            continue
        entry = {PART: rel.ref.lstrip("/"), MEDIA: media_names.get(rel.ref), SLIDE: slide, NOTES: notes}[rel.kind]
        if entry is None or (rel.kind == PART and entry not in parts):  # never a relationship to nothing
            raise ValueError(f"{source}: {rel.rid} points at {rel.ref or rel.kind}, which is not in the package")
        element.set("Target", posixpath.relpath(entry, folder))
    return _xml(root)


def _rid_order(rel: Rel) -> tuple[int, str]:
    number = rel.rid[3:]
    return (int(number) if rel.rid.startswith("rId") and number.isdigit() else 0, rel.rid)


def _list_slides(entries: dict[str, bytes], count: int) -> None:
    """The presentation's slide list and its relationships to the slides, after its own relationships."""
    rels = etree.fromstring(entries[PRESENTATION_RELS])
    used = [_rid_order(Rel(element.get("Id"), "", ""))[0] for element in rels]
    first = max(used, default=0) + 1
    presentation = etree.fromstring(entries[PRESENTATION])
    slide_list = presentation.find(qn("p:sldIdLst"))
    for index in range(count):
        rid = f"rId{first + index}"
        etree.SubElement(rels, f"{{{RELS_NS}}}Relationship", Id=rid, Type=RT.SLIDE,
                         Target=f"slides/slide{index + 1}.xml")
        etree.SubElement(slide_list, qn("p:sldId"), id=str(FIRST_SLIDE_ID + index)).set(qn("r:id"), rid)
    entries[PRESENTATION_RELS] = _xml(rels)
    entries[PRESENTATION] = _xml(presentation)


def _content_types(xml: bytes, pictures: dict[str, str], overrides: dict[str, str]) -> bytes:
    """The package's content types with the ``pictures``' types (by extension) and ``overrides`` (by part)
    added; a picture whose extension already stands for another type gets an override of its own."""
    root = etree.fromstring(xml)
    known = {element.get("Extension").lower(): element.get("ContentType")
             for element in root.iter(f"{{{TYPES_NS}}}Default")}
    overrides = dict(overrides)
    for name, content_type in sorted(pictures.items()):
        ext = posixpath.splitext(name)[1][1:].lower()
        if ext not in known:
            etree.SubElement(root, f"{{{TYPES_NS}}}Default", Extension=ext, ContentType=content_type)
            known[ext] = content_type
        elif known[ext] != content_type:
            overrides[name] = content_type
    for name, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{TYPES_NS}}}Override", PartName=name, ContentType=content_type)
    # Defaults before overrides (as the Open Packaging Conventions' schema lists them), each sorted, as
    # python-pptx writes them.
    root[:] = sorted(root, key=lambda element: (element.tag != f"{{{TYPES_NS}}}Default",
                                                element.get("Extension") or element.get("PartName")))
    return _xml(root)


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
