"""One embedded font program per face in the merged card PDFs, instead of one subset per side.

Every side is its own WeasyPrint document, so every side embeds its own subset of each face; merged,
the card PDFs carry the same face dozens or thousands of times. WeasyPrint subsets with the glyph ids
of the original font kept (HarfBuzz RETAIN_GIDS) and draws through an Identity CIDToGIDMap, so a
character code is the original font's glyph id, the same on every side. ``share_fonts`` therefore
subsets the layout's own font file once per face, to the union of the glyphs that the sides draw,
with the ids kept, writes that program into the stream of the face's first subset, points every font
descriptor of the face at it and drops the other subsets' streams.

A face is a font descriptor's /FontName, subset tag included: WeasyPrint derives the tag from the
whole Pango font description (family, style, weight, stretch, variations; not the size), so equal
names are the same face. The glyphs a side draws are the ids its CIDFont's /W gives widths for. The
original is the layout font file of the subset's family, bold and italic (its name and OS/2 tables,
read as ``deckgen.fonts`` reads the layout's files); before a face is merged, every glyph that a side
draws must have the same advance in the original as in the side's subset. A face without a matching,
agreeing, static original keeps its subsets, as does a face any of whose programs is compressed
otherwise than with FlateDecode, and everything when no font files are given. The fonts are found by
following references from the PDF's pages (see font_dictionaries).

The subsets themselves cannot be merged glyph by glyph instead: only the ids up to the largest one
drawn are kept; the components of composite glyphs (the accents of é, ë, ï) past it are renumbered,
differently in every subset.
"""

from __future__ import annotations

import functools
import io
import struct
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject

from deckgen import fonts
from deckgen.fonts import file_stamp

FONT_FILE = "/FontFile2"  # TrueType; CFF-based programs (/FontFile3) are left as they are
# The tables WeasyPrint drops when it subsets (weasyprint/pdf/fonts.py), and the hinting it drops
# unless asked to keep it.
DROP_TABLES = ["BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG "]
HINTING_TABLES = ("fpgm", "prep", "cvt ")


@dataclass
class Subset:
    """One embedded program of a face: its stream's object number, the glyphs its sides draw (from the
    /W widths of the CIDFonts over it) and the descriptors pointing at it."""
    idnum: int
    gids: set[int] = field(default_factory=set)
    descriptors: list = field(default_factory=list)


@dataclass(frozen=True)
class Original:
    """A layout font file as its subsets are matched against it."""
    stamp: tuple  # (path, modification time, size): a file edited in a watch session is read again
    family: str
    bold: bool
    italic: bool
    glyph_count: int
    variable: bool


def share_fonts(writer: PdfWriter, font_files=()) -> None:
    """Give every face in ``writer`` that can be merged (see the module) one font program, shared by all
    its descriptors; ``font_files`` are the layout's font files."""
    originals = [original_of(file_stamp(Path(path))) for path in font_files]
    if not originals:
        return
    for subsets in faces(writer).values():
        if len(subsets) < 2:
            continue
        programs = [writer.get_object(subset.idnum).get_data() for subset in subsets]
        original = matching_original(originals, programs[0])
        if original is None or not all(agrees(original, program, subset.gids)
                                       for program, subset in zip(programs, subsets)):
            continue
        gids = set().union(*(subset.gids for subset in subsets))
        repoint(writer, subsets, shared_program(
            original.stamp, tuple(sorted(gid for gid in gids if gid < original.glyph_count)),
            notdef=any(gid >= original.glyph_count for gid in gids),
            hinting=any(tag in sfnt_tables(programs[0]) for tag in HINTING_TABLES)))


def faces(writer: PdfWriter) -> dict[str, list[Subset]]:
    """The embedded subsets in ``writer`` by face (/FontName), in object order; a face with any
    descriptor that cannot be merged (no embedded program, no Identity CIDToGIDMap, a program
    compressed otherwise than with FlateDecode) is left out."""
    found: dict[str, dict[int, Subset]] = {}
    unmergeable = set()
    for obj in font_dictionaries(writer):
        if "/FontDescriptor" not in obj:
            continue
        descriptor = obj["/FontDescriptor"].get_object()
        name = str(descriptor.get("/FontName"))
        program = descriptor.raw_get(FONT_FILE) if FONT_FILE in descriptor else None
        if (obj.get("/Subtype") != "/CIDFontType2" or obj.get("/CIDToGIDMap") != "/Identity"
                or not isinstance(program, IndirectObject)
                or program.get_object().get("/Filter") not in (None, "/FlateDecode", ["/FlateDecode"])):
            unmergeable.add(name)
            continue
        subset = found.setdefault(name, {}).setdefault(program.idnum, Subset(program.idnum))
        subset.gids |= widths_gids(obj.get("/W", ()))
        subset.descriptors.append(descriptor)
    return {name: list(subsets.values()) for name, subsets in found.items() if name not in unmergeable}


def font_dictionaries(writer: PdfWriter) -> list[DictionaryObject]:
    """Every font dictionary that is an object of its own and reachable from a page of ``writer``
    (through resources, form XObjects, patterns, annotations, a Type 0 font's descendants), in object
    order. Found by following references with pypdf's public object API: pypdf has no public list of
    a writer's objects, and what no page reaches is not drawn."""
    fonts: dict[int, DictionaryObject] = {}
    seen = {page.indirect_reference.idnum for page in writer.pages}
    stack: list = list(writer.pages)
    while stack:
        node = stack.pop()
        values = (value for key, value in node.items() if key != "/Parent") if isinstance(node, dict) else node
        for value in values:
            if isinstance(value, IndirectObject):
                if value.idnum in seen:
                    continue
                seen.add(value.idnum)
                value = value.get_object()
                if isinstance(value, DictionaryObject) and value.get("/Type") == "/Font":
                    fonts[value.indirect_reference.idnum] = value
            if isinstance(value, (DictionaryObject, ArrayObject)):
                stack.append(value)
    return [fonts[number] for number in sorted(fonts)]


def widths_gids(widths) -> set[int]:
    """The glyph ids that a CIDFont's /W array gives widths for ("c [w ...]" and "c_first c_last w")."""
    gids, index = set(), 0
    widths = list(widths)
    while index < len(widths):
        first = int(widths[index])
        following = widths[index + 1]
        following = following.get_object() if hasattr(following, "get_object") else following  # pypdf's
        if isinstance(following, list):
            gids.update(range(first, first + len(following)))
            index += 2
        else:
            gids.update(range(first, int(following) + 1))
            index += 3
    return gids


def sfnt_tables(data: bytes) -> dict[str, bytes]:
    """The tables of a font program by tag, raw."""
    count = struct.unpack_from(">H", data, 4)[0]
    tables = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * index)
        tables[tag.decode("latin-1")] = data[offset:offset + length]
    return tables


def advances(tables: dict[str, bytes], gids) -> list[int]:
    """The hmtx advances of ``gids`` (each below the font's glyph count)."""
    long_metrics = struct.unpack_from(">H", tables["hhea"], 34)[0]
    hmtx = tables["hmtx"]
    return [struct.unpack_from(">H", hmtx, 4 * min(gid, long_metrics - 1))[0] for gid in gids]


def glyph_count(tables: dict[str, bytes]) -> int:
    return struct.unpack_from(">H", tables["maxp"], 4)[0]


@functools.lru_cache(maxsize=64)
def original_of(stamp: tuple) -> Original:
    from fontTools.ttLib import TTFont

    with TTFont(stamp[0], lazy=True) as font:
        family, bold, italic = style_of(font)
        return Original(stamp, family, bold, italic, font["maxp"].numGlyphs, "fvar" in font)


def style_of(font) -> tuple[str, bool, bool]:
    """Family (casefolded), bold and italic, judged as ``deckgen.fonts`` judges a layout's faces."""
    family, bold, italic = fonts.style_of(font)
    return family.casefold(), bold, italic


def matching_original(originals: list[Original], program: bytes) -> Original | None:
    """The first static original of ``program``'s family, bold and italic."""
    from fontTools.ttLib import TTFont

    if not originals:
        return None
    with TTFont(io.BytesIO(program), lazy=True) as font:
        family, bold, italic = style_of(font)
    return next((original for original in originals if not original.variable
                 and (original.family.casefold(), original.bold, original.italic) == (family, bold, italic)), None)


def agrees(original: Original, program: bytes, gids: set[int]) -> bool:
    """Whether the glyphs ``gids`` that a side draws have the same advances in ``program`` (its
    subset) as in the original: the subset was made from this file, its ids are the file's."""
    tables = sfnt_tables(program)
    if "hmtx" not in tables or "hhea" not in tables or "maxp" not in tables:
        return False
    drawn = sorted(gid for gid in gids if gid < min(glyph_count(tables), original.glyph_count))
    return advances(tables, drawn) == advances(original_tables(original.stamp), drawn)


@functools.lru_cache(maxsize=16)
def original_tables(stamp: tuple) -> dict[str, bytes]:
    return sfnt_tables(Path(stamp[0]).read_bytes())


@functools.lru_cache(maxsize=16)
def shared_program(stamp: tuple, gids: tuple[int, ...], notdef: bool, hinting: bool) -> bytes:
    """The font file of ``stamp`` (see file_stamp) cut to ``gids`` (and the components they are built from), every glyph
    at its own id, with the tables WeasyPrint keeps; the same bytes for the same arguments."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options(retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True,
                             hinting=hinting, desubroutinize=True, notdef_outline=notdef,
                             name_IDs=["*"], name_languages=["*"], recalc_timestamp=False)
    options.drop_tables += DROP_TABLES
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=gids)
    with TTFont(stamp[0], recalcBBoxes=False, recalcTimestamp=False, lazy=True) as font:
        subsetter.subset(font)
        output = io.BytesIO()
        font.save(output)
    return output.getvalue()


def repoint(writer: PdfWriter, subsets: list[Subset], program: bytes) -> None:
    """Put ``program`` into the stream of the first of ``subsets`` (compressed as it was), point every
    descriptor of ``subsets`` at that stream and drop the other subsets' streams."""
    stream = writer.get_object(subsets[0].idnum)
    stream.set_data(program)  # faces() let only FlateDecode or uncompressed programs through
    stream[NameObject("/Length1")] = NumberObject(len(program))
    for subset in subsets:
        for descriptor in subset.descriptors:
            descriptor[NameObject(FONT_FILE)] = stream.indirect_reference
    for subset in subsets[1:]:
        # Only font descriptors refer to a font program, and none refers to these any more. pypdf has
        # no public call that removes an object (see the pypdf pin in pyproject.toml).
        writer._objects[subset.idnum - 1] = None
