"""The logo on the title slide: scaled into its box whatever its proportions, never stretched, inside the slide."""

from __future__ import annotations

import pytest
from PIL import Image

from deck_reading import open_deck
from deckgen.layout import load_layout
from slides_samples import write_slides


@pytest.mark.parametrize("size", [(1200, 200), (600, 200), (150, 900)], ids=["6:1", "3:1", "1:6"])
def test_a_logo_of_any_proportions_fits_its_box_on_the_title_slide(tmp_path, example, size):
    folder = tmp_path / "house"
    folder.mkdir()
    Image.new("RGB", size, "#2E7D32").save(folder / "logo.png")
    (folder / "layout.yaml").write_text("logo: logo.png\n", encoding="utf-8")
    deck = open_deck(write_slides(example, load_layout(str(folder)), tmp_path / "deck.pptx"))
    (logo,) = [shape for shape in deck.slides[0].shapes if shape.name == "Logo"]
    margin = deck.slide_width * 0.02  # the slides keep at least this far from every edge
    assert logo.left >= margin and logo.left + logo.width <= deck.slide_width - margin
    assert logo.top >= margin and logo.top + logo.height <= deck.slide_height / 4
    assert logo.width / logo.height == pytest.approx(size[0] / size[1], rel=0.01)
