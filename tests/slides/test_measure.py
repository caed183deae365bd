"""Wrapping and fitting with the shipped Carlito fonts: every expected number is derived from the font
files' own tables with fontTools, never typed in."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from deckgen.fonts import Family, family_for, read_face
from deckgen.inline import Span, Text, plain
from deckgen.slides.measure import (
    MIN_LINE_HEIGHT,
    UNBREAKABLE,
    WIDTH_SLACK,
    Insets,
    Measurer,
    Para,
    first_fit,
)

FONTS = Path(__file__).resolve().parents[2] / "layouts" / "default" / "fonts"
REGULAR, BOLD = FONTS / "Carlito-Regular.ttf", FONTS / "Carlito-Bold.ttf"
CARLITO = [FONTS / f"Carlito-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")]
SIZE = 18


def advance(path: Path, text: str, size: float = SIZE) -> float:
    """Advance width of ``text`` in points, from the font's cmap and hmtx tables."""
    with TTFont(path) as font:
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        return sum(hmtx[cmap[ord(ch)]][0] for ch in text) * size / font["head"].unitsPerEm


def hhea_line(path: Path, size: float = SIZE) -> float:
    with TTFont(path) as font:
        hhea = font["hhea"]
        return (hhea.ascent - hhea.descent + hhea.lineGap) * size / font["head"].unitsPerEm


def words_width(*words: str, size: float = SIZE) -> float:
    """Regular words set on one line with a regular space between each two."""
    return sum(advance(REGULAR, w, size) for w in words) + (len(words) - 1) * advance(REGULAR, " ", size)


@pytest.fixture(scope="module")
def measure() -> Measurer:
    family = family_for("Calibri", CARLITO)
    return Measurer(heading=family, body=family)


def para(text: str, size: float = SIZE, **options) -> Para:
    return Para(plain(text), size, **options)


def test_the_layout_s_measurer_uses_its_font_files(default_layout):
    measurer = Measurer.for_layout(default_layout)
    assert [face.path for face in measurer.body.faces] == [Path(p) for p in default_layout.fonts.files]
    assert [face.path.name for face in measurer.heading.faces] == [p.name for p in CARLITO]


def test_text_that_fits_takes_one_line_of_the_font_s_line_height(measure):
    line = hhea_line(REGULAR)
    assert line > MIN_LINE_HEIGHT * SIZE  # Carlito's own spacing is above the floor
    p = para("Veilige context")
    width = words_width("Veilige", "context") / WIDTH_SLACK + 1
    assert measure.lines(p, width) == 1
    assert measure.line_height(p) == pytest.approx(line)
    assert measure.height([p], width) == pytest.approx(line)


def test_line_height_never_below_1_2_em(measure):
    face = dataclasses.replace(read_face(REGULAR), ascent=1000, descent=-500, line_gap=0)  # 0.73 em
    tight = Measurer(heading=Family("Tight", [face]), body=Family("Tight", [face]))
    assert face.line_height(SIZE) < MIN_LINE_HEIGHT * SIZE
    assert tight.line_height(para("x")) == pytest.approx(MIN_LINE_HEIGHT * SIZE)


def test_one_line_width_is_where_the_second_line_starts(measure):
    p = para("Werken aan vaardigheden")
    need = words_width("Werken", "aan", "vaardigheden") / WIDTH_SLACK
    assert measure.one_line_width(p) == pytest.approx(need)
    assert measure.lines(p, need + 0.01) == 1
    assert measure.lines(p, need - 0.01) == 2


@pytest.mark.parametrize("per_line", [1, 2, 3, 5])
def test_a_longer_text_wraps_to_more_lines(measure, per_line):
    words = ["netwerk"] * 11
    width = words_width(*words[:per_line]) / WIDTH_SLACK + 0.01  # room for exactly ``per_line`` words
    p = para(" ".join(words))
    lines = math.ceil(len(words) / per_line)
    assert measure.lines(p, width) == lines
    assert measure.height([p], width) == pytest.approx(lines * hhea_line(REGULAR))


def test_a_word_wider_than_the_line_does_not_fit(measure):
    word = "Gezinswetenschappen"
    narrow = advance(REGULAR, word) / WIDTH_SLACK - 0.5
    p = para(f"de {word} van")
    assert measure.lines(p, narrow) == UNBREAKABLE
    assert measure.height([p], narrow) >= UNBREAKABLE * SIZE  # more than any slide
    assert measure.unbreakable([p], narrow) == word
    assert measure.lines(p, narrow + 1) == 3 and measure.unbreakable([p], narrow + 1) is None
    assert measure.lines(p, 0) == UNBREAKABLE


def test_a_hanging_indent_narrows_every_line_and_the_bullet_hangs_in_it(measure):
    text = "Mobiel werken in het gezin, de familie en de directe omgeving van de deelnemers"
    indent = round(SIZE * 0.9, 1)
    bulleted = para(text, bullet="•", indent=indent)
    for width in (120, 200, 333, 700):
        assert measure.lines(bulleted, width) == measure.lines(para(text), width - indent)
        assert measure.lines(bulleted, width) == measure.lines(para(text, indent=indent), width)
    assert measure.one_line_width(bulleted) == pytest.approx(measure.one_line_width(para(text)) + indent)
    # the bullet is not part of the text: a width that holds the text holds the bulleted paragraph
    assert measure.lines(bulleted, measure.one_line_width(bulleted) + 0.01) == 1


def test_a_label_is_measured_bold_before_the_text(measure):
    plain_para = para("Maisons de quartier")
    labelled = para("Maisons de quartier", label="P. ex.")
    extra = (advance(BOLD, "P.") + advance(REGULAR, " ") + advance(BOLD, "ex.") + advance(REGULAR, " "))
    assert measure.one_line_width(labelled) == pytest.approx(measure.one_line_width(plain_para) + extra / WIDTH_SLACK)


def test_bold_spans_and_heading_role_use_their_faces():
    regular, bold = read_face(REGULAR), read_face(BOLD)
    measurer = Measurer(heading=Family("Kop", [bold]), body=Family("Romp", [regular, bold]))
    emphasised = Para(Text((Span("Samen"), Span("sterk", bold=True))), SIZE)
    assert measurer.one_line_width(emphasised) == pytest.approx(
        (advance(REGULAR, "Samen") + advance(BOLD, "sterk")) / WIDTH_SLACK)  # one word of two faces
    heading = para("Samen sterk", role="heading")
    assert measurer.one_line_width(heading) == pytest.approx(
        (advance(BOLD, "Samen") + advance(BOLD, " ") + advance(BOLD, "sterk")) / WIDTH_SLACK)
    assert measurer.one_line_width(para("Samen sterk", bold=True)) == pytest.approx(
        (advance(BOLD, "Samen") + advance(REGULAR, " ") + advance(BOLD, "sterk")) / WIDTH_SLACK)


def test_height_adds_insets_and_the_space_before_every_paragraph_but_the_first(measure):
    first, second = para("Eerste alinea", space_before=50), para("Tweede alinea", space_before=7)
    insets = Insets(10, 4, 12, 6)
    width = 400
    line = hhea_line(REGULAR)
    assert measure.height([first, second], width, insets) == pytest.approx(4 + line + 7 + line + 6)
    # the insets narrow the line: a text that just fits the frame's full width wraps inside them
    p = para("Werken aan vaardigheden")
    full = measure.one_line_width(p) + 0.01
    assert measure.height([p], full) == pytest.approx(line)
    assert measure.height([p], full, insets) == pytest.approx(4 + 2 * line + 6)


def test_first_fit_returns_the_largest_size_that_fits(measure):
    p = para("Persoonlijke competentieversterking")
    width = words_width("Persoonlijke", "competentieversterking", size=17) / WIDTH_SLACK + 0.01

    def one_line(size):
        return measure.lines(dataclasses.replace(p, size=size), width) == 1

    assert not one_line(18) and one_line(17)
    assert first_fit(32, 12, one_line) == 17
    assert first_fit(17, 12, one_line) == 17
    assert first_fit(16, 12, one_line) == 16


def test_first_fit_steps_by_one_point_down_to_the_floor_and_gives_none_below():
    tried = []

    def fits(size):
        tried.append(size)
        return size <= 12

    assert first_fit(15, 12, fits) == 12  # the floor itself is tried
    assert tried == [15, 14, 13, 12]
    assert first_fit(15, 13, lambda size: size <= 12) is None
    assert first_fit(22, 12, lambda size: False) is None
