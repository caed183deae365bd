"""One font per face in the card PDFs assembled in blocks with pikepdf (deckgen.cards.blocks).

Every side is its own WeasyPrint document, so every side brings its own fonts: for each face a Type 0
font, its CIDFont with the widths (/W) of the glyphs it draws, a ToUnicode map of those glyphs and a
subset of the font program. WeasyPrint keeps the original font's glyph ids (see deckgen.cards.fontmerge),
so one face's glyph has the same id and text on every side, and the same width on every side set in
the same size (WeasyPrint rounds widths at the size: 229 or 230 thousandths of an em). The sides' fonts
of a face that agree on every glyph they share therefore become one: the union of their widths and
ToUnicode entries; and every font of the face is drawn with one program, the layout's font file cut to
every glyph drawn (fontmerge.shared_program). At 700 models that is a few dozen fonts instead of 8,400,
which qpdf would otherwise hold as hundreds of thousands of objects (their widths) while assembling.
Each side keeps exactly the widths and text it was written with: the pages draw as before.

In two steps, because a block does not know the glyphs the other blocks draw:

- ``gather`` (in each block): each face's fonts become as few as agree, every page pointing at them,
  all over one program, still the first side's subset: the *placeholder*, marked
  ``/DeckgenPlaceholder``. A block is a piece, never a document to show.
- ``install`` (in the whole document): the blocks' fonts of each face are merged again as far as they
  agree, and the placeholder becomes the program for every glyph in their widths (the same program a
  cold build makes).

A face is left as it is (a font a side, as WeasyPrint wrote it) when it cannot be merged as fontmerge
judges it (no matching static layout font file, programs that disagree with it, another compression);
a font that maps text by ranges is not merged with others.
"""

from __future__ import annotations

import re
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

PLACEHOLDER = pikepdf.Name("/DeckgenPlaceholder")  # on a block's font program: not yet the real one
_PAIR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_CHAR_LIST = re.compile(rb"\d+\s+beginbfchar\b.*?endbfchar", re.S)
MAP_CHUNK = 100  # entries a bfchar list (the PDF limit is 100)


def originals_of(font_files) -> list:
    return [original_of(file_stamp(Path(path))) for path in font_files]


def gather(pdf: pikepdf.Pdf, originals: list) -> None:
    """Merge each mergeable face's fonts in ``pdf`` into as few as agree, over one placeholder program."""
    redirect = {}
    for fonts in _faces(pdf, placeholders=False).values():
        programs = {}
        for font in fonts:
            program = _descriptor(font)[FONT_FILE]
            programs.setdefault(program.objgen, (program.read_bytes(), set()))[1].update(_gids(font))
        first = next(iter(programs.values()))[0]
        original = matching_original(originals, first)
        if original is None or not all(agrees(original, data, gids) for data, gids in programs.values()):
            continue
        merged = _merge(pdf, fonts, redirect)
        placeholder = _descriptor(merged[0])[FONT_FILE]
        placeholder[PLACEHOLDER] = True
        for font in merged:
            _descriptor(font)[FONT_FILE] = placeholder
    _repoint(pdf, redirect)


def install(pdf: pikepdf.Pdf, originals: list) -> None:
    """Merge each face's gathered fonts in ``pdf`` into as few as agree, over one program cut to every glyph."""
    redirect = {}
    for name, fonts in _faces(pdf, placeholders=True).items():
        merged = _merge(pdf, fonts, redirect)
        program = _descriptor(merged[0])[FONT_FILE]
        sample = program.read_bytes()
        original = matching_original(originals, sample)
        if original is None:  # the blocks matched it with the same layout's files
            raise RuntimeError(f"the font {name} of the assembled cards has no layout font file any more")
        gids = set().union(*(_gids(font) for font in merged))
        data = shared_program(original.stamp, tuple(sorted(gid for gid in gids if gid < original.glyph_count)),
                              notdef=any(gid >= original.glyph_count for gid in gids),
                              hinting=any(tag in sfnt_tables(sample) for tag in HINTING_TABLES))
        program.write(data)  # compressed when the document is saved
        del program[PLACEHOLDER]
        program.Length1 = len(data)
        for font in merged:
            _descriptor(font)[FONT_FILE] = program
    _repoint(pdf, redirect)


def _faces(pdf: pikepdf.Pdf, placeholders: bool) -> dict[str, list]:
    """The Type 0 fonts of ``pdf`` by face (/FontName): with ``placeholders`` those over a placeholder,
    else every face's whose fonts can all be merged (as fontmerge.faces judges them)."""
    found: dict[str, list] = {}
    unmergeable = set()
    for font in pdf.objects:
        if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") != "/Type0":
            continue
        descendant = font.DescendantFonts[0]
        descriptor = descendant.get("/FontDescriptor")
        if descriptor is None:
            continue
        name = str(descriptor.get("/FontName"))
        program = descriptor.get(FONT_FILE)
        if placeholders:
            if program is not None and PLACEHOLDER in program:
                found.setdefault(name, []).append(font)
            continue
        filters = program.get("/Filter") if program is not None else None
        if (descendant.get("/Subtype") != "/CIDFontType2" or descendant.get("/CIDToGIDMap") != "/Identity"
                or font.get("/Encoding") != "/Identity-H" or program is None or not program.is_indirect
                or "/ToUnicode" not in font
                or filters not in (None, "/FlateDecode") and list(filters) != ["/FlateDecode"]):
            unmergeable.add(name)
            continue
        found.setdefault(name, []).append(font)
    return {name: fonts for name, fonts in found.items() if name not in unmergeable}


class _Group:
    """Fonts of one face that agree on every glyph's width and text: they can be one font."""

    def __init__(self, font, widths: dict, texts: dict, box, alone: bool = False):
        self.fonts, self.widths, self.texts, self.box = [font], widths, texts, box
        self.alone = alone  # a font that maps text by ranges: kept as it is

    def agrees(self, widths: dict, texts: dict) -> bool:
        return not self.alone and (all(self.widths.get(gid, width) == width for gid, width in widths.items())
                and all(self.texts.get(code, text) == text for code, text in texts.items()))

    def add(self, font, widths: dict, texts: dict, box) -> None:
        self.fonts.append(font)
        self.widths.update(widths)
        self.texts.update(texts)
        if box is not None:
            self.box = box if self.box is None else [min(self.box[0], box[0]), min(self.box[1], box[1]),
                                                     max(self.box[2], box[2]), max(self.box[3], box[3])]


def _merge(pdf: pikepdf.Pdf, fonts: list, redirect: dict) -> list:
    """``fonts`` (Type 0, one face) merged into as few as agree on every glyph's width and text (WeasyPrint
    rounds a width at the size a side is set in, so sides of other sizes may differ by a unit): each
    group's first font given the widths, text and bounding box of all, ``redirect`` told where the others
    went. Returns the fonts that remain, in order. A font that maps text by ranges stays as it is."""
    groups: list[_Group] = []
    for font in fonts:
        cmap = font.ToUnicode.read_bytes()
        if b"beginbfrange" in cmap:
            groups.append(_Group(font, {}, {}, None, alone=True))
            continue
        widths = dict(_widths(font.DescendantFonts[0].get("/W", [])))
        texts = {code.lower(): text for code, text in _PAIR.findall(b"".join(_CHAR_LIST.findall(cmap)))}
        bbox = [float(value) for value in _descriptor(font).get("/FontBBox", [])]
        box = bbox if len(bbox) == 4 else None
        group = next((group for group in groups if group.agrees(widths, texts)), None)
        if group is None:
            groups.append(_Group(font, widths, texts, box))
        else:
            group.add(font, widths, texts, box)
    for group in groups:
        if len(group.fonts) < 2:
            continue
        merged = group.fonts[0]
        merged.DescendantFonts[0].W = _widths_array(group.widths)
        merged.ToUnicode = pdf.make_stream(_cmap(merged.ToUnicode.read_bytes(), group.texts))
        if group.box is not None:
            _descriptor(merged).FontBBox = pikepdf.Array([_number(value) for value in group.box])
        redirect.update((font.objgen, merged) for font in group.fonts[1:])
    return [group.fonts[0] for group in groups]


def _repoint(pdf: pikepdf.Pdf, redirect: dict) -> None:
    """Every page's and form's font resource in ``redirect`` (object id: font) pointed at its font."""
    if not redirect:
        return
    for owner in pdf.objects:
        if not isinstance(owner, (pikepdf.Dictionary, pikepdf.Stream)) or "/Resources" not in owner:
            continue
        fonts = owner.Resources.get("/Font")
        if fonts is None:
            continue
        for key in list(fonts.keys()):
            target = redirect.get(fonts[key].objgen)
            if target is not None:
                fonts[key] = target


def _descriptor(font):
    return font.DescendantFonts[0].FontDescriptor


def _gids(font) -> set[int]:
    return widths_gids(_plain(font.DescendantFonts[0].get("/W", [])))


def _plain(widths) -> list:
    """A /W array as Python numbers and lists of numbers."""
    return [[_number(value) for value in item] if isinstance(item, pikepdf.Array) else _number(item)
            for item in widths]


def _number(value):
    number = float(value)
    return int(number) if number == int(number) else number


def _widths(widths):
    """(glyph id, width) pairs of a /W array ("c [w ...]" and "c_first c_last w")."""
    items, index = _plain(widths), 0
    while index < len(items):
        first, following = items[index], items[index + 1]
        if isinstance(following, list):
            yield from ((first + offset, width) for offset, width in enumerate(following))
            index += 2
        else:
            yield from ((gid, items[index + 2]) for gid in range(first, following + 1))
            index += 3


def _widths_array(widths: dict[int, object]) -> pikepdf.Array:
    """A /W array of ``widths``: each run of consecutive glyph ids as "first [w ...]"."""
    items: list = []
    for gid in sorted(widths):
        if items and isinstance(items[-1], list) and items[-2] + len(items[-1]) == gid:
            items[-1].append(widths[gid])
        else:
            items += [gid, [widths[gid]]]
    return pikepdf.Array([pikepdf.Array(item) if isinstance(item, list) else item for item in items])


def _cmap(template: bytes, texts: dict[bytes, bytes]) -> bytes:
    """``template`` (a ToUnicode CMap of bfchar lists) with its lists replaced by ``texts``' entries."""
    lists = list(_CHAR_LIST.finditer(template))
    entries = sorted(texts.items(), key=lambda item: int(item[0], 16))
    body = b"\n".join(
        b"%d beginbfchar\n" % len(part) + b"\n".join(b"<%s> <%s>" % pair for pair in part) + b"\nendbfchar"
        for part in (entries[start:start + MAP_CHUNK] for start in range(0, len(entries), MAP_CHUNK)))
    if not lists:
        return template
    return template[:lists[0].start()] + body + template[lists[-1].end():]
