"""An organisation's logo, whatever its proportions, is scaled into its box inside the 6 mm safe zone."""

from __future__ import annotations

import pdfplumber
import pytest
from PIL import Image

from cards_helpers import PT, build, token_content
from deckgen.layout import load_layout

CARD_W, CARD_H, SAFE = 105.0, 148.0, 6.0


def logo_layout(folder, size):
    folder.mkdir(parents=True)
    Image.new("RGB", size, "#2E7D32").save(folder / "logo.png")
    # no bleed: the page is the card, so positions read back are positions on the card
    (folder / "layout.yaml").write_text("footer: Vereniging voor Buurtwerk en Samenlevingsopbouw Brussel vzw\n"
                                        "logo: logo.png\ncards:\n  bleed: 0mm\n  crop_marks: false\n",
                                        encoding="utf-8")
    return load_layout(str(folder))


@pytest.mark.parametrize("size", [(1200, 200), (600, 200), (150, 900), (300, 300)], ids=["6:1", "3:1", "1:6", "1:1"])
def test_a_logo_stays_inside_the_safe_zone_with_its_proportions(tmp_path, size):
    layout = logo_layout(tmp_path / "house", size)
    _, paths = build(tmp_path / "out", token_content(2), layout=layout)
    placed = 0
    with pdfplumber.open(paths["single.pdf"]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            assert (round(float(page.width) * PT), round(float(page.height) * PT)) == (CARD_W, CARD_H)
            for image in page.images:
                x0, x1, top, bottom = (image[key] * PT for key in ("x0", "x1", "top", "bottom"))
                where = f"page {number}: logo at x {x0:.1f}-{x1:.1f}, y {top:.1f}-{bottom:.1f} mm"
                assert x0 >= SAFE - 0.05 and x1 <= CARD_W - SAFE + 0.05, where
                assert top >= SAFE - 0.05 and bottom <= CARD_H - SAFE + 0.05, where
                assert (x1 - x0) / (bottom - top) == pytest.approx(size[0] / size[1], rel=0.02), where
                placed += 1
    assert placed >= 3  # the cover front, each model front, the question backs
