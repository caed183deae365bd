"""A slide as the parts it is saved as: its XML, its relationships, its speaker notes and its pictures,
lifted out of the presentation it was drawn in.

Slides are drawn one at a time with python-pptx into a scratch presentation and lifted out at once, so
that the scratch presentation never holds more than one slide: python-pptx looks for a free slide name,
id and relationship among all slides at every ``add_slide`` (a cost that grows with the square of the
deck's length), and among few it finds one at once. The lifted parts are plain data, the same whether
drawn now or cached by the last build (deckgen.slides.cache); deckgen.slides.package writes the
deck from them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deckgen.slides.template import remove_slides

# What a relationship of a slide or of its notes points at:
PART = "part"  # a part of the presentation itself (a slide layout, the notes master): its partname
MEDIA = "media"  # a picture: the SHA-256 of its bytes (kept in Media)
NOTES = "notes"  # the slide's notes
SLIDE = "slide"  # (from the notes) their slide
EXTERNAL = "external"  # a link out of the package: its address


@dataclass(frozen=True)
class Rel:
    rid: str
    reltype: str
    kind: str  # PART, MEDIA, NOTES, SLIDE or EXTERNAL
    ref: str = ""  # the partname, the picture's digest or the address


@dataclass(frozen=True)
class NotesParts:
    xml: bytes
    rels: tuple[Rel, ...]


@dataclass(frozen=True)
class SlideParts:
    xml: bytes
    rels: tuple[Rel, ...]
    notes: NotesParts | None = None


@dataclass(frozen=True)
class Picture:
    """A picture's bytes, the extension of its part name and its content type."""

    blob: bytes
    ext: str
    content_type: str


Media = dict  # SHA-256 of a picture's bytes -> Picture


def lift(prs, slide, media: Media) -> SlideParts:
    """``slide``'s parts (its pictures added to ``media``), and the slide taken out of ``prs``, the scratch
    presentation whose only slide it is (deckgen.slides.template.remove_slides)."""
    part = slide.part
    rels = tuple(_rel(rid, rel, media) for rid, rel in part.rels.items())
    notes = None
    for rel in part.rels.values():
        if rel.reltype == RT.NOTES_SLIDE and not rel.is_external:
            notes_part = rel.target_part
            notes = NotesParts(notes_part.blob, tuple(
                Rel(rid, r.reltype, SLIDE) if not r.is_external and r.target_part is part else _rel(rid, r, media)
                for rid, r in notes_part.rels.items()))
    remove_slides(prs)
    return SlideParts(part.blob, rels, notes)


def _rel(rid: str, rel, media: Media) -> Rel:
    if rel.is_external:
        return Rel(rid, rel.reltype, EXTERNAL, rel.target_ref)
    if rel.reltype == RT.NOTES_SLIDE:
        return Rel(rid, rel.reltype, NOTES)
    target = rel.target_part
    if rel.reltype in (RT.IMAGE, RT.MEDIA, RT.VIDEO):
        blob = target.blob
        digest = hashlib.sha256(blob).hexdigest()
        media.setdefault(digest, Picture(blob, target.partname.ext, target.content_type))
        return Rel(rid, rel.reltype, MEDIA, digest)
    return Rel(rid, rel.reltype, PART, str(target.partname))
