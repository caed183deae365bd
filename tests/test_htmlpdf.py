"""The two speed-ups deckgen.htmlpdf puts around WeasyPrint must not change what it writes: pydyf's page
references answered from a kept tuple, and fewer garbage collections while a document is laid out."""

from __future__ import annotations

import gc

import pydyf
import pytest

from deckgen.htmlpdf import few_collections, weasyprint


def _expected(pdf) -> tuple[bytes, ...]:
    return tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])


def test_page_references_follow_the_pages_added_after_a_read():
    weasyprint()  # installs the kept tuple
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert first == _expected(pdf) and len(first) == 3
    assert pdf.page_references is first  # kept, not built again

    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == _expected(pdf) and len(pdf.page_references) == 4
    assert pydyf.PDF().page_references == ()  # each document its own


def test_the_collector_thresholds_are_put_back_even_when_the_layout_fails():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), few_collections():
        assert gc.get_threshold() != before
        raise RuntimeError("layout failed")
    assert gc.get_threshold() == before
