"""Issue #12.2: every glyph of every card side, front and back, stands 6 mm or more inside the trim, in
every shipped layout (the bands may still run into the bleed: only text must keep out of the outer 6 mm)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from cards_helpers import PT, write_cards
from deckgen.layout import load_layout

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(path.parent.name for path in (ROOT / "layouts").glob("*/layout.yaml"))
CARD_W, CARD_H, SAFE = 105.0, 148.0, 6.0
TOLERANCE = 0.01  # mm: rounding of the positions read back


@pytest.mark.parametrize("name", SHIPPED)
def test_every_glyph_keeps_inside_the_safe_zone(tmp_path, example, name):
    # a child layout without bleed or crop marks: the page is the card, positions read back are on the card
    child = tmp_path / "child"
    child.mkdir()
    (child / "layout.yaml").write_text(f"extends: {name}\ncards:\n  bleed: 0mm\n  crop_marks: false\n",
                                       encoding="utf-8")
    paths = write_cards(example, load_layout(str(child)), tmp_path / "out")
    outside = []
    with pdfplumber.open(paths["single.pdf"]) as pdf:
        assert len(pdf.pages) >= 2
        for number, page in enumerate(pdf.pages, start=1):
            assert (round(float(page.width) * PT), round(float(page.height) * PT)) == (CARD_W, CARD_H)
            for char in page.chars:
                if not char["text"].strip():
                    continue
                x0, x1, top, bottom = (char[key] * PT for key in ("x0", "x1", "top", "bottom"))
                if (x0 < SAFE - TOLERANCE or x1 > CARD_W - SAFE + TOLERANCE
                        or top < SAFE - TOLERANCE or bottom > CARD_H - SAFE + TOLERANCE):
                    outside.append(f"page {number} {char['text']!r} at x {x0:.2f}-{x1:.2f}, "
                                   f"y {top:.2f}-{bottom:.2f} mm")
    assert not outside, f"{len(outside)} glyphs in the outer {SAFE:g} mm, e.g.:\n" + "\n".join(outside[:25])
