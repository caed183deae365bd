"""One font program per face in the card PDFs assembled in blocks with pikepdf (deckgen.cards.blocks).

The same idea as deckgen.cards.fontmerge (read its docstring first), in two steps, because a block
does not know the glyphs the other blocks draw:

- ``gather`` (in each block): every descriptor of a face that can be merged is pointed at one of its
  subsets, the *placeholder*, whose stream records the glyphs that the block's sides draw
  (``/DeckgenGlyphs``). Only font dictionaries change; no font program is made, so a block costs no
  subsetting. Its placeholder does not hold those glyphs: a block is a piece, never a document to show.
- ``install`` (in the whole document): each face's placeholders become one program, the layout's font
  file cut to the glyphs of every block (fontmerge.shared_program: the same program a cold build makes),
  and every descriptor points at it; the other placeholders are left unreferenced, so qpdf drops them.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from deckgen.cards.fontmerge import (
    FONT_FILE,
    HINTING_TABLES,
    agrees,
    matching_original,
    original_of,
    sfnt_tables,
    shared_program,
    widths_gids,
)
from deckgen.fonts import file_stamp

GLYPHS = pikepdf.Name("/DeckgenGlyphs")  # on a placeholder: the glyph ids its block draws


def originals_of(font_files) -> list:
    return [original_of(file_stamp(Path(path))) for path in font_files]


def gather(pdf: pikepdf.Pdf, originals: list) -> None:
    """Point each mergeable face's descriptors in ``pdf`` at one placeholder subset holding its glyph list."""
    for face in _faces(pdf).values():
        streams = face["streams"]
        programs = {key: stream.read_bytes() for key, stream in streams.items()}
        first = next(iter(programs.values()))
        original = matching_original(originals, first)
        if original is None or not all(agrees(original, programs[key], face["gids"][key]) for key in programs):
            continue
        placeholder = next(iter(streams.values()))
        placeholder[GLYPHS] = pikepdf.String(_glyph_text(set().union(*face["gids"].values())))
        for descriptor in face["descriptors"]:
            descriptor[FONT_FILE] = placeholder


def install(pdf: pikepdf.Pdf, originals: list) -> None:
    """Give each face in ``pdf`` whose descriptors point at placeholders one program for every glyph they list."""
    found: dict[str, dict] = {}
    for descriptor in _objects(pdf, "/FontDescriptor"):
        program = descriptor.get(FONT_FILE)
        if program is None or GLYPHS not in program:
            continue
        face = found.setdefault(str(descriptor.FontName), {"streams": {}, "descriptors": []})
        face["streams"].setdefault(program.objgen, program)
        face["descriptors"].append(descriptor)
    for name, face in found.items():
        streams = list(face["streams"].values())
        gids = set().union(*(_glyph_ids(str(stream[GLYPHS])) for stream in streams))
        sample = streams[0].read_bytes()
        original = matching_original(originals, sample)
        if original is None:  # the blocks matched it with the same layout's files
            raise RuntimeError(f"the font {name} of the assembled cards has no layout font file any more")
        program = shared_program(original.stamp, tuple(sorted(gid for gid in gids if gid < original.glyph_count)),
                                 notdef=any(gid >= original.glyph_count for gid in gids),
                                 hinting=any(tag in sfnt_tables(sample) for tag in HINTING_TABLES))
        target = streams[0]
        target.write(program)  # compressed when the document is saved
        del target[GLYPHS]
        target.Length1 = len(program)
        for descriptor in face["descriptors"]:
            descriptor[FONT_FILE] = target


def _faces(pdf: pikepdf.Pdf) -> dict[str, dict]:
    """The faces of ``pdf`` that can be merged (as fontmerge.faces judges them): for each, its subsets'
    streams, the glyphs each is drawn with and every descriptor over them."""
    found: dict[str, dict] = {}
    unmergeable = set()
    for font in _objects(pdf, "/Font"):
        if "/FontDescriptor" not in font:
            continue
        descriptor = font.FontDescriptor
        name = str(descriptor.get("/FontName"))
        program = descriptor.get(FONT_FILE)
        filters = program.get("/Filter") if program is not None else None
        if (font.get("/Subtype") != "/CIDFontType2" or font.get("/CIDToGIDMap") != "/Identity"
                or program is None or not program.is_indirect
                or filters not in (None, "/FlateDecode") and list(filters) != ["/FlateDecode"]):
            unmergeable.add(name)
            continue
        face = found.setdefault(name, {"streams": {}, "gids": {}, "descriptors": []})
        face["streams"].setdefault(program.objgen, program)
        face["gids"].setdefault(program.objgen, set()).update(widths_gids(_plain(font.get("/W", []))))
        face["descriptors"].append(descriptor)
    return {name: face for name, face in found.items() if name not in unmergeable}


def _objects(pdf: pikepdf.Pdf, kind: str):
    """The dictionaries of ``pdf`` whose /Type is ``kind``, in object order."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == kind:
            yield obj


def _plain(widths) -> list:
    """A /W array as Python ints and lists of ints."""
    return [[int(value) for value in item] if isinstance(item, pikepdf.Array) else int(item) for item in widths]


def _glyph_text(gids: set[int]) -> str:
    """Glyph ids as ranges: "3-7 9 12-13"."""
    parts, ordered = [], sorted(gids)
    start = 0
    while start < len(ordered):
        stop = start
        while stop + 1 < len(ordered) and ordered[stop + 1] == ordered[stop] + 1:
            stop += 1
        parts.append(str(ordered[start]) if stop == start else f"{ordered[start]}-{ordered[stop]}")
        start = stop + 1
    return " ".join(parts)


def _glyph_ids(text: str) -> set[int]:
    gids: set[int] = set()
    for part in text.split():
        low, _, high = part.partition("-")
        gids.update(range(int(low), int(high or low) + 1))
    return gids
