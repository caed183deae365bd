"""Pictures of a deck's slides for the live preview, redrawn only where a slide changed.

A slide's fingerprint is its own XML and relationships together with every part that all slides share
(masters, layouts, theme, pictures): a slide whose fingerprint is the one already pictured keeps its
PNG, and LibreOffice is asked for the changed slides only (its PDF export's page range).
"""

from __future__ import annotations

import hashlib
import posixpath
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from deckgen.office import OfficeServer

_NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
# Parts that do not show on a slide's picture: the file's properties, speaker notes.
_UNSEEN = ("docProps/", "ppt/notesSlides/", "ppt/notesMasters/", "ppt/slides/")


def slide_fingerprints(deck: Path) -> list[str]:
    """One fingerprint per slide of ``deck``, in the deck's order."""
    with zipfile.ZipFile(deck) as package:
        names = sorted(package.namelist())
        shared = hashlib.sha256()
        for name in names:
            if not name.startswith(_UNSEEN):
                shared.update(name.encode() + b"\0" + package.read(name))
        prints = []
        for part in _slide_parts(package):
            digest = shared.copy()
            rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
            for name in (part, rels):
                digest.update(name.encode() + b"\0" + (package.read(name) if name in names else b""))
            prints.append(digest.hexdigest()[:16])
        return prints


def _slide_parts(package: zipfile.ZipFile) -> list[str]:
    """The slides' part names in the order the presentation lists them."""
    presentation = ElementTree.fromstring(package.read("ppt/presentation.xml"))
    rels = ElementTree.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("rel:Relationship", _NS)}
    ids = [slide.get(f"{{{_NS['r']}}}id") for slide in presentation.findall("p:sldIdLst/p:sldId", _NS)]
    return [_part_name(targets[rid]) for rid in ids]


def _part_name(target: str) -> str:
    """A relationship's target of ppt/presentation.xml as a name in the package."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("ppt", target))


class SlidePictures:
    """``slide-NNN.png`` for every slide of a deck in ``folder``, kept up to date by ``update``."""

    def __init__(self, folder: Path, office: OfficeServer):
        self.folder = folder
        self.office = office
        self._pictured: dict[int, str] = {}  # slide number: the fingerprint its PNG shows

    def update(self, deck: Path) -> list[tuple[Path, str]]:
        """Picture the slides of ``deck`` that changed since the last update; returns every slide's PNG
        with its fingerprint (a version for the browser)."""
        from deckgen.preview import pdf_to_pngs

        self.folder.mkdir(parents=True, exist_ok=True)
        prints = dict(enumerate(slide_fingerprints(deck), start=1))
        changed = [number for number, print_ in prints.items()
                   if self._pictured.get(number) != print_ or not self.path(number).is_file()]
        for number in [n for n in self._pictured if n not in prints]:  # slides the deck no longer has
            self.path(number).unlink(missing_ok=True)
            del self._pictured[number]
        if changed:
            with tempfile.TemporaryDirectory(prefix="deckgen-slides-") as scratch:
                pdf = self.office.convert(deck, Path(scratch) / "slides.pdf",
                                          changed if len(changed) < len(prints) else None)
                pdf_to_pngs(pdf, self.folder, "slide", numbers=changed)
            self._pictured.update((number, prints[number]) for number in changed)
        return [(self.path(number), print_) for number, print_ in prints.items()]

    def path(self, number: int) -> Path:
        return self.folder / f"slide-{number:03d}.png"
