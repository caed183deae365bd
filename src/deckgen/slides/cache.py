"""The slides of the last build, cached so that a slide whose content did not change is not planned and drawn
again: a rebuild after editing one model of hundreds draws that model's slides and copies the rest.

The deck is kept as sections (deckgen.slides.deck: the title slide, the overview, each model's analysis,
the sources), each under a SHA-256 of everything its slides show (``section_key``): the section's content,
its first slide number, and what every slide shares (the layout with the bytes of its template, logo and
fonts, the labels and language, the versions of python-pptx, lxml and the picture libraries, deckgen's
own code). A section's slides are kept as their finished parts (deckgen.slides.parts): the slide's XML,
its relationships, its notes, its pictures' bytes.

They are kept in the output's cache folder: one zip of an index (JSON) and the XML files, each named by
its SHA-256, and the pictures beside it in a folder of their own (``slide-pictures/SHA-256``), each written
once (a deck of many photos is not copied into a new zip at every build). Nothing read from them is run;
a missing, damaged or foreign file is no cache at all, and a section that cannot be read back (a picture
whose bytes are not its name's) is drawn again. Only the sections and pictures a build used are kept.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import lxml.etree
import pptx

from deckgen.cachefile import file_digest, write_cache_file
from deckgen.slides.parts import EXTERNAL, MEDIA, NOTES, PART, SLIDE, Media, NotesParts, Picture, Rel, SlideParts

FILE = "slides.zip"
PICTURES = "slide-pictures"
INDEX = "index.json"
FORMAT = 1
KINDS = {PART, MEDIA, NOTES, SLIDE, EXTERNAL}
PICTURE_LIBRARIES = ("Pillow", "weasyprint", "pypdfium2")


def shared_digest(ctx) -> str:
    """What every slide of a deck shows besides its own content (see the module's docstring)."""
    from deckgen.slides.fits import context_digest  # the code, grid, fonts, labels and language of fitting

    layout = ctx.layout
    digest = hashlib.sha256(context_digest(ctx).encode("ascii"))
    digest.update(repr((layout, ctx.labels, ctx.workshop.language, ctx.workshop.labels, pptx.__version__,
                        lxml.etree.LXML_VERSION, _picture_libraries())).encode("utf-8", "surrogateescape"))
    for path in (layout.slides.template, layout.logo, *layout.fonts.files):
        if path is not None:
            digest.update(file_digest(Path(path)).encode("ascii"))
    return digest.hexdigest()


@functools.cache
def _picture_libraries() -> tuple[str, ...]:
    """The versions of what turns a photo upright and draws an SVG's fallback (deckgen.pictures), read from
    their installed metadata (nothing is imported)."""
    found = []
    for name in PICTURE_LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} none")
    return tuple(found)


def section_key(shared: str, shows: str, first_number: int) -> str:
    """The key of a section showing ``shows`` from slide ``first_number`` on, in a deck sharing ``shared``."""
    text = f"{shared}\0{first_number}\0{shows}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class SlideCache:
    """The sections of one deck: those kept by the last build, looked up, and those of this build, kept; a
    context manager that closes the file it reads from."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: dict[str, list[SlideParts]] = {}
        self.media: Media = {}  # the pictures of the used sections
        self.drawn = 0  # sections put in this build
        self._kept: dict = {}
        self._archive: zipfile.ZipFile | None = None
        if folder is not None:
            self._open(folder / FILE)

    def _open(self, path: Path) -> None:
        try:
            archive = zipfile.ZipFile(path)
            index = json.loads(archive.read(INDEX))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            return
        if isinstance(index, dict) and index.get("format") == FORMAT and isinstance(index.get("sections"), dict):
            self._archive, self._kept = archive, index
        else:
            archive.close()

    def get(self, key: str, parts: set[str]) -> list[SlideParts] | None:
        """The slides kept under ``key``; None when there are none, or they cannot be read back, or they
        point at a part (a slide layout) that is not among ``parts``, the presentation's."""
        entry = self._kept.get("sections", {}).get(key) if self._archive else None
        if entry is None:
            return None
        try:
            media: Media = {}
            slides = [self._slide(slide, media) for slide in entry]
            if any(rel.kind == PART and rel.ref not in parts for slide in slides
                   for rel in slide.rels + (slide.notes.rels if slide.notes else ())):
                return None
        except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile):
            return None
        self.media.update(media)
        self.used[key] = slides
        return slides

    def put(self, key: str, slides: list[SlideParts], media: Media) -> None:
        self.used[key] = slides
        self.media.update((rel.ref, media[rel.ref]) for slide in slides for rel in _media_rels(slide))
        self.drawn += 1

    def __enter__(self) -> SlideCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def keep(self) -> Kept | None:
        """Keep this build's pictures in the cache folder now (each named by its bytes' SHA-256: harmless
        should the build fail) and return the index and XML of the sections it used, for ``save`` once the
        deck has landed; None when there is nothing to keep or they are the ones kept."""
        if self.folder is None or (not self.drawn and set(self.used) == set(self._kept.get("sections", {}))):
            return None
        for digest, picture in self.media.items():
            if not (self.folder / PICTURES / digest).is_file():
                write_cache_file(self.folder / PICTURES / digest, picture.blob)
        blobs: dict[str, bytes] = {}
        sections = {key: [_slide_entry(slide, blobs) for slide in slides] for key, slides in self.used.items()}
        pictures = {digest: {"ext": picture.ext, "type": picture.content_type}
                    for digest, picture in self.media.items()}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr(INDEX, json.dumps({"format": FORMAT, "sections": sections, "media": pictures},
                                               sort_keys=True))
            for name, blob in blobs.items():
                archive.writestr(name, blob)
        return Kept(out.getvalue(), frozenset(self.media))

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def _slide(self, entry: dict, media: Media) -> SlideParts:
        notes = entry["notes"]
        slide = SlideParts(self._xml(entry["xml"]), _rels(entry["rels"]),
                           None if notes is None else NotesParts(self._xml(notes["xml"]), _rels(notes["rels"])))
        for rel in _media_rels(slide):
            if rel.ref not in media:
                kind = self._kept["media"][rel.ref]
                blob = (self.folder / PICTURES / rel.ref).read_bytes()
                if hashlib.sha256(blob).hexdigest() != rel.ref:
                    raise ValueError("a kept picture is not the one it is named for")
                media[rel.ref] = Picture(blob, str(kind["ext"]), str(kind["type"]))
        return slide

    def _xml(self, digest: str) -> bytes:
        return self._archive.read(f"xml/{digest}")


@dataclass(frozen=True)
class Kept:
    """What SlideCache.keep leaves to write once the deck has landed: the cache file, and the pictures it
    names (the others are removed)."""

    archive: bytes
    pictures: frozenset[str]


def save(folder: Path | None, kept: Kept | None) -> None:
    """Write ``kept`` (SlideCache.keep) in ``folder``, the project's cache folder, atomically, and remove the
    pictures no kept slide shows."""
    if folder is None or kept is None:
        return
    write_cache_file(folder / FILE, kept.archive)
    try:
        for path in (folder / PICTURES).iterdir():
            if path.name not in kept.pictures and "." not in path.name:  # not a file being written (NAME.tmp-PID)
                path.unlink(missing_ok=True)
    except OSError:
        pass


def _rels(entries: list) -> tuple[Rel, ...]:
    rels = tuple(Rel(*(str(value) for value in entry)) for entry in entries)
    if any(rel.kind not in KINDS for rel in rels):
        raise ValueError("a relationship of an unknown kind")
    return rels


def _media_rels(slide: SlideParts):
    return [rel for rel in slide.rels + (slide.notes.rels if slide.notes else ()) if rel.kind == MEDIA]


def _slide_entry(slide: SlideParts, blobs: dict[str, bytes]) -> dict:
    def stored(xml: bytes) -> str:
        digest = hashlib.sha256(xml).hexdigest()
        blobs[f"xml/{digest}"] = xml
        return digest

    def rels(rels: tuple[Rel, ...]) -> list[list[str]]:
        return [[rel.rid, rel.reltype, rel.kind, rel.ref] for rel in rels]

    notes = slide.notes
    return {"xml": stored(slide.xml), "rels": rels(slide.rels),
            "notes": None if notes is None else {"xml": stored(notes.xml), "rels": rels(notes.rels)}}
