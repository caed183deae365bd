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


def test_a_card_picture_is_the_card_as_cut_without_bleed_or_slug(tmp_path, write_content, english_content):
    """The print-shop page is wider than the card (bleed, and the slug with its crop marks, around it):
    the picture must show the trimmed card, measured here independently from the page's boxes."""
    import pikepdf
    import pypdfium2
    from PIL import ImageChops, ImageStat

    from deckgen.preview import pdf_to_pngs

    content = write_content(english_content(1))
    result = CliRunner().invoke(main, ["build", str(content), "--only", "cards", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    single = next((tmp_path / "out").glob("*-cards-single.pdf"))
    picture = Image.open(pdf_to_pngs(single, tmp_path, "card", scale=1.0)[0]).convert("RGB")

    with pikepdf.open(single) as pdf:
        media, trim = [float(v) for v in pdf.pages[0].MediaBox], [float(v) for v in pdf.pages[0].TrimBox]
    assert media[0] < trim[0]  # the slug does widen this page
    whole = pypdfium2.PdfDocument(str(single))[0].render(scale=1.0).to_pil().convert("RGB")
    box = (trim[0] - media[0], media[3] - trim[3], trim[2] - media[0], media[3] - trim[1])  # top-left origin
    expected = whole.crop(tuple(round(v) for v in box))
    assert abs(picture.width - expected.width) <= 1 and abs(picture.height - expected.height) <= 1
    difference = ImageChops.difference(picture.resize(expected.size), expected)
    assert max(ImageStat.Stat(difference).mean) < 8  # the same picture, not one shifted by the slug
