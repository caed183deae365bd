"""deckgen.fonts against the font files themselves: every expected number is read from the file's own
tables with fontTools, never typed in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from deckgen.errors import DeckgenError
from deckgen.fonts import Family, family_for, file_stamp, font_warnings, read_face

FONTS = Path(__file__).resolve().parent.parent / "layouts" / "default" / "fonts"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FONTS / f"Carlito-{style}.ttf"
                                      for style in ("Regular", "Bold", "Italic", "BoldItalic"))
CARLITO = [REGULAR, BOLD, ITALIC, BOLD_ITALIC]
TEXTS = ["Werkmodellen", "Élodie Lefèvre, François Dubœuf", "Persoonlijk netwerk (vervolg)", "1er août 2018"]


def hmtx_width(path: Path, text: str, size: float) -> float:
    """Advance width of ``text`` at ``size`` pt straight from the font's cmap and hmtx tables."""
    with TTFont(path) as font:
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        units = sum(hmtx[cmap[ord(ch)]][0] if ord(ch) in cmap else hmtx[".notdef"][0] for ch in text)
        return units * size / font["head"].unitsPerEm


def make_font(path: Path, family: str, advances: dict[str, int], *, bold: bool = False, italic: bool = False,
              notdef: int = 600) -> Path:
    """A small TrueType font: ``advances`` per character, in 1000 units an em."""
    names = {ch: f"g{ord(ch)}" for ch in advances}
    order = [".notdef", *names.values()]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({ord(ch): name for ch, name in names.items()})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((400, 500))
    pen.closePath()
    builder.setupGlyf({name: pen.glyph() for name in order})
    metrics = {".notdef": (notdef, 0)} | {names[ch]: (advance, 0) for ch, advance in advances.items()}
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    style = ("Bold " if bold else "") + ("Italic" if italic else "") or "Regular"
    builder.setupNameTable({"familyName": family, "styleName": style.strip()})
    builder.setupOS2(usWeightClass=700 if bold else 400,
                     fsSelection=(0b100000 if bold else 0) | (0b1 if italic else 0) or 0b1000000)
    builder.setupPost()
    builder.save(str(path))
    return path


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("path", CARLITO, ids=lambda p: p.stem)
def test_advance_widths_are_the_font_s_own(path, text):
    face = read_face(path)
    assert face.width(text, 17) == pytest.approx(hmtx_width(path, text, 17))
    assert face.width(text, 34) == pytest.approx(2 * face.width(text, 17))


def test_a_character_the_font_lacks_counts_as_its_notdef_glyph():
    with TTFont(REGULAR) as font:
        assert ord("\u4e00") not in font.getBestCmap()
        notdef = font["hmtx"][".notdef"][0] / font["head"].unitsPerEm
    face = read_face(REGULAR)
    assert face.width("\u4e00\u4e00", 10) == pytest.approx(2 * notdef * 10)
    assert face.width("A\u4e00", 10) == pytest.approx(hmtx_width(REGULAR, "A", 10) + notdef * 10)


def test_bold_is_wider_than_regular_by_its_own_advances():
    family = family_for("Calibri", CARLITO)
    for text in TEXTS:
        regular, bold = family.face().width(text, 20), family.face(bold=True).width(text, 20)
        assert bold == pytest.approx(hmtx_width(BOLD, text, 20))
        assert bold > regular == pytest.approx(hmtx_width(REGULAR, text, 20))


def test_line_height_is_the_hhea_ascent_descent_and_gap():
    with TTFont(REGULAR) as font:
        hhea, upem = font["hhea"], font["head"].unitsPerEm
        expected = (hhea.ascent - hhea.descent + hhea.lineGap) / upem
    assert read_face(REGULAR).line_height(30) == pytest.approx(expected * 30)
    assert family_for("Calibri", CARLITO).line_height(30) == pytest.approx(expected * 30)


def test_each_file_s_family_weight_and_slant_come_from_its_tables():
    faces = [read_face(path) for path in CARLITO]
    assert {face.family for face in faces} == {"Carlito"}
    assert [(face.bold, face.italic) for face in faces] == [(False, False), (True, False), (False, True),
                                                            (True, True)]
    assert [(face.css_weight, face.css_style) for face in faces[1:3]] == [(700, "normal"), (400, "italic")]


def test_a_family_gives_the_closest_face_weight_before_slant():
    regular, bold, italic = (read_face(path) for path in (REGULAR, BOLD, ITALIC))
    upright = Family("Carlito", [regular, bold])
    assert upright.face(bold=True, italic=True) is bold
    assert upright.face(italic=True) is regular
    no_bold = Family("Carlito", [regular, italic])
    assert no_bold.face(bold=True, italic=True) is italic
    assert no_bold.face(bold=True) is regular
    slanted_or_bold = Family("Carlito", [bold, italic])
    assert slanted_or_bold.face() is italic  # a regular face is lacking: the upright bold is further off
    with pytest.raises(DeckgenError, match="no font files to measure 'Kop Sans' with"):
        Family("Kop Sans", [])


def test_a_family_name_without_its_file_is_measured_with_every_file(tmp_path):
    own = make_font(tmp_path / "kop.ttf", "Kop Sans", {"A": 700, " ": 250})
    files = [*CARLITO, own]
    assert [face.path for face in family_for("kop sans", files).faces] == [own]
    assert [face.path for face in family_for("Carlito", files).faces] == CARLITO
    assert [face.path for face in family_for("Calibri", files).faces] == CARLITO  # its open twin's files
    stand_in = family_for("Georgia", files)  # no file of that name nor of a twin: every file stands in
    assert [face.path for face in stand_in.faces] == files
    assert stand_in.face().path == REGULAR  # the first regular upright face
    # the same text measures differently with the shipped family and with the stand-in
    assert family_for("Kop Sans", files).face().width("AA A", 10) == pytest.approx((3 * 700 + 250) / 100)
    assert stand_in.face().width("AA A", 10) == pytest.approx(hmtx_width(REGULAR, "AA A", 10))


def test_font_warnings_name_each_role_whose_family_has_no_file(tmp_path):
    assert font_warnings("Calibri", "Carlito", CARLITO) == []  # Carlito is Calibri's metric twin
    (warning,) = font_warnings("Kop Sans", "Calibri", CARLITO)
    assert warning.startswith("fonts.heading: the layout ships no font file of 'Kop Sans'; slide text is "
                              "measured with Carlito,")
    assert [w.split(":")[0] for w in font_warnings("Kop Sans", "Kop Sans", CARLITO)] == ["fonts.heading",
                                                                                        "fonts.body"]
    liberation = make_font(tmp_path / "lib.ttf", "Liberation Sans", {"A": 667})
    assert font_warnings("Arial", "liberation sans", [liberation]) == []
    assert "measured with Carlito, Liberation Sans" in font_warnings("Kop Sans", "Arial", [liberation, REGULAR])[0]
    assert "measured with nothing" in font_warnings("Kop Sans", "Kop Sans", [])[0]


def test_metrics_are_cached_per_file_stamp_and_read_again_when_it_changes(tmp_path):
    path = make_font(tmp_path / "font.ttf", "Wisselend", {"A": 500, " ": 200})
    first = read_face(path)
    assert read_face(path) is first  # unchanged file: read once
    assert first.width("A", 10) == pytest.approx(5)
    stamp = file_stamp(path)
    make_font(tmp_path / "other.ttf", "Wisselend", {"A": 700, " ": 200}).replace(path)
    assert path.stat().st_size == stamp[2]  # same size: only the time tells the files apart
    os.utime(path, ns=(stamp[1], stamp[1]))
    assert file_stamp(path) == stamp
    assert read_face(path).width("A", 10) == pytest.approx(5)  # same stamp: the cached metrics
    os.utime(path, ns=(stamp[1] + 10**9, stamp[1] + 10**9))
    changed = read_face(path)
    assert changed is not first and changed.width("A", 10) == pytest.approx(7)


def test_a_file_that_is_no_font_or_is_missing_is_one_message(tmp_path):
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font at all")
    with pytest.raises(DeckgenError, match=r"junk.ttf: not a usable TrueType/OpenType font"):
        read_face(junk)
    with pytest.raises(DeckgenError, match=r"gone.ttf: cannot be read \(No such file or directory\)"):
        read_face(tmp_path / "gone.ttf")
