"""The duplex calibration sheet, and the WeasyPrint version guard."""

from __future__ import annotations

import types

import pytest
from pypdf import PdfReader

from cards_helpers import boxes_mm, page_text, word_positions
from deckgen.cards.calibration import write_calibration
from deckgen.errors import DeckgenError
from deckgen.printing import PrintOptions, resolve_print


def test_calibration_is_one_duplex_sheet_with_rulers(tmp_path, default_layout):
    target = tmp_path / "calibration.pdf"
    write_calibration(resolve_print(PrintOptions(), default_layout.cards.paper, default_layout.cards.duplex), target)
    assert len(PdfReader(target).pages) == 2
    assert boxes_mm(target)["media"] == (210.0, 297.0)
    front, back = page_text(target)
    assert "FRONT" in front and "long edge" in front
    assert "BACK" in back and back.count("+10") == 8  # two rulers on each of four cards


def test_calibration_follows_paper_and_back_offset(tmp_path, default_layout):
    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    write_calibration(resolve_print(PrintOptions(paper="A3", duplex="short-edge"), "A4", "long-edge"), plain)
    offset = PrintOptions(paper="A3", duplex="short-edge", back_offset=(2, 1))
    write_calibration(resolve_print(offset, "A4", "long-edge"), moved)
    assert boxes_mm(plain)["media"] == (420.0, 297.0)
    assert "short edge" in page_text(plain)[0]
    a = sorted(p for p in word_positions(plain)["BACK"] if p[0] == 1)
    b = sorted(p for p in word_positions(moved)["BACK"] if p[0] == 1)
    assert b[0][1] - a[0][1] == pytest.approx(2, abs=0.05) and b[0][2] - a[0][2] == pytest.approx(1, abs=0.05)
    assert "+2 mm" in page_text(moved)[1]


def test_old_weasyprint_is_refused(monkeypatch):
    from deckgen.cards import pdf

    pdf.weasyprint.cache_clear()
    monkeypatch.setitem(__import__("sys").modules, "weasyprint", types.SimpleNamespace(__version__="67.0"))
    try:
        with pytest.raises(DeckgenError, match="WeasyPrint 69.0 or newer"):
            pdf.weasyprint()
    finally:
        pdf.weasyprint.cache_clear()


def test_the_sheet_names_the_option_to_use(tmp_path):
    target = tmp_path / "calibration.pdf"
    write_calibration(resolve_print(PrintOptions(back_offset=(1.5, 0)), "A4", "long-edge"), target)
    back = page_text(target)[1]
    assert "add them to x +1.5 and y +0, and build with the sums:" in back
    assert "deckgen build --back-offset X Y" in back
