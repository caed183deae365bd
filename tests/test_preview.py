"""``deckgen preview``: a picture of every slide and card side, and one overview picture."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from PIL import Image

from deckgen.cli import main


@pytest.mark.libreoffice
def test_preview_pictures_every_slide_and_card_side(tmp_path, write_content, monkeypatch, english_content):
    monkeypatch.chdir(tmp_path)
    content = write_content(english_content(2))
    result = CliRunner().invoke(main, ["preview", str(content), "--out", "pictures"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "pictures").iterdir())
    cards = [n for n in names if n.startswith("card-")]
    assert len(cards) == 2 * (1 + 2 + 3)  # cover, two models, three questions; front and back each
    width, height = Image.open(tmp_path / "pictures" / cards[0]).size
    assert abs(width / height - 105 / 148) < 0.02  # the card as cut: no bleed, no marks
    slides = [n for n in names if n.startswith("slide-")]
    assert len(slides) == 5  # title, overview, two analyses, sources
    width, height = Image.open(tmp_path / "pictures" / slides[0]).size
    assert abs(width / height - 16 / 9) < 0.02
    assert "LibreOffice is not installed" not in result.output
    assert "overview.png" in names


def test_preview_without_libreoffice_still_pictures_the_cards(tmp_path, write_content, monkeypatch, english_content):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("deckgen.preview.soffice", lambda: None)
    content = write_content(english_content(1, questions=False))
    result = CliRunner().invoke(main, ["preview", str(content), "--out", "pictures"])
    assert result.exit_code == 0, result.output
    assert "LibreOffice is not installed" in result.output
    names = sorted(p.name for p in (tmp_path / "pictures").iterdir())
    assert not any(n.startswith("slide-") for n in names)
    assert len([n for n in names if n.startswith("card-")]) == 4
