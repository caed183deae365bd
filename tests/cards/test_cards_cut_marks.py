"""Issue #12.1: the cut marks of the office sheets show on the printed sheet. Rendered at 300 dpi, every
cut line has a visible mark (dark, with a light edge) at both ends inside the printable area, on light
and on dark cards, fronts and moved backs alike; and no mark reaches into a card's safe zone."""

from __future__ import annotations

import pypdfium2
import pytest
from PIL import ImageChops

from cards_helpers import build, token_content
from deckgen.cards import sheets as sheets_module
from deckgen.cards.imposition import impose
from deckgen.layout import load_layout
from deckgen.printing import PrintOptions

DPI = 300
PX = DPI / 25.4  # pixels per mm
PRINTABLE = 5.0  # mm from the paper's edge that no office printer prints
SEEN_TO = 11.0  # mm from the paper's edge: the part of each mark checked runs from PRINTABLE to here
SAFE = 6.0
CARD_W, CARD_H = 105.0, 148.0
OFFSET = (1.5, -1.0)  # the backs' offset: their marks move with them

DARK = """extends: default
colors:
  primary: "#101820"
  accent: "#F2A900"
  text: "#F5F5F5"
  background: "#0A0A0A"
  strengths: "#1E2A1E"
  weaknesses: "#2A1E1E"
"""


def render(pdf: bytes | str) -> list:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[index].render(scale=DPI / 72).to_pil().convert("L") for index in range(len(document))]
    finally:
        document.close()


@pytest.fixture(scope="module", params=["light", "dark"])
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"marks-{request.param}")
    layout = "default"
    if request.param == "dark":
        (folder / "dark").mkdir()
        (folder / "dark" / "layout.yaml").write_text(DARK, encoding="utf-8")
        layout = load_layout(str(folder / "dark"))
    results = {}
    for paper in ("A4", "A3"):
        _, paths = build(folder / paper, token_content(5), layout=layout,
                         options=PrintOptions(paper=paper, duplex="long-edge", back_offset=OFFSET))
        results[paper] = paths
    return results


def _tick_windows(grid, offset):
    """Where the marks must show: (description, box in mm: x0, y0, x1, y1) for both ends of every cut line
    that lies inside the printable area, from PRINTABLE to SEEN_TO mm in from the paper's edge."""
    xs, ys = grid.cuts()
    width, height = grid.width, grid.height
    windows = []
    for x in (x + offset[0] for x in xs):
        if PRINTABLE <= x <= width - PRINTABLE:
            windows += [(f"vertical cut x={x:g} at the top", (x - 0.4, PRINTABLE, x + 0.4, SEEN_TO)),
                        (f"vertical cut x={x:g} at the bottom",
                         (x - 0.4, height - SEEN_TO, x + 0.4, height - PRINTABLE))]
    for y in (y + offset[1] for y in ys):
        if PRINTABLE <= y <= height - PRINTABLE:
            windows += [(f"horizontal cut y={y:g} at the left", (PRINTABLE, y - 0.4, SEEN_TO, y + 0.4)),
                        (f"horizontal cut y={y:g} at the right",
                         (width - SEEN_TO, y - 0.4, width - PRINTABLE, y + 0.4))]
    return windows


def _seen(image, box, vertical: bool) -> float:
    """The share of the mark's length over which it shows: a dark pixel with a light one beside it."""
    x0, y0, x1, y1 = (round(value * PX) for value in box)
    pixels = image.load()
    steps = range(y0, y1) if vertical else range(x0, x1)
    across = range(x0, x1 + 1) if vertical else range(y0, y1 + 1)
    shown = 0
    for step in steps:
        values = [pixels[a, step] if vertical else pixels[step, a] for a in across]
        shown += min(values) < 70 and max(values) > 200
    return shown / len(steps)


def _plan(paths, paper):
    from pypdf import PdfReader

    cards = len(PdfReader(paths["single.pdf"]).pages) // 2
    return impose(cards, paper, "long-edge", OFFSET)


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_every_cut_line_has_a_visible_mark_at_both_ends(built, paper):
    paths = built[paper]
    grid, plan = _plan(paths, paper)
    images = render(str(paths["sheets.pdf"]))
    assert len(images) == len(plan) and any(sheet.back for sheet in plan)
    checked = 0
    for number, (image, sheet) in enumerate(zip(images, plan), start=1):
        windows = _tick_windows(grid, sheet.offset)
        assert len(windows) >= 4  # A4: the middle cut each way; A3: three vertical, one horizontal
        for what, box in windows:
            share = _seen(image, box, vertical=what.startswith("vertical"))
            side = "back" if sheet.back else "front"
            assert share > 0.9, f"sheet {number} ({side}): the {what} shows over {share:.0%}"
            checked += 1
    assert checked >= 8


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_no_mark_reaches_into_a_cards_safe_zone(built, paper, monkeypatch):
    paths = built[paper]
    grid, plan = _plan(paths, paper)
    single = paths["single.pdf"].read_bytes()
    marked = render(sheets_module.build_sheets(single, grid, plan, "t", "en"))
    monkeypatch.setattr(sheets_module, "cut_marks", lambda *args, **kwargs: b"")
    unmarked = render(sheets_module.build_sheets(single, grid, plan, "t", "en"))
    margin = 1  # px: antialiasing of the safe zone's edge
    for number, (with_marks, without, sheet) in enumerate(zip(marked, unmarked, plan), start=1):
        difference = ImageChops.difference(with_marks, without)
        assert difference.getbbox() is not None  # the marks are drawn
        for placement in sheet.placements:
            zone = (placement.x + SAFE, placement.y + SAFE, placement.x + CARD_W - SAFE, placement.y + CARD_H - SAFE)
            x0, y0, x1, y1 = (round(value * PX) for value in zone)
            inside = difference.crop((x0 - margin, y0 - margin, x1 + margin, y1 + margin)).getbbox()
            assert inside is None, (f"sheet {number}: a mark inside the safe zone of the card at "
                                    f"{placement.x:g}, {placement.y:g} mm")
