"""The example deck as LibreOffice shows it: one page per slide, and no text outside the page.

One conversion for the whole module (LibreOffice takes a few seconds to start).
"""

from __future__ import annotations

import subprocess

import pdfplumber
import pytest

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdf(tmp_path_factory, soffice, example_build):
    folder = tmp_path_factory.mktemp("libreoffice")
    profile = folder / "profile"  # its own profile, so that parallel runs do not clash
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(example_build.deck)],
                   check=True, capture_output=True, timeout=180)
    with pdfplumber.open(folder / f"{example_build.deck.stem}.pdf") as document:
        yield document


def test_one_page_per_slide(pdf):
    assert len(pdf.pages) == 10


def test_no_text_outside_the_page(pdf):
    outside = []
    for number, page in enumerate(pdf.pages, start=1):
        for char in page.chars:
            if char["x0"] < 0 or char["top"] < 0 or char["x1"] > page.width or char["bottom"] > page.height:
                outside.append((number, char["text"]))
    assert outside == []


def test_analysis_text_stays_inside_its_table(pdf):
    """Rows that grew would push the last row's text into the footer band."""
    for page in pdf.pages[2:9]:
        footer_top = page.height * (1 - 2 * 18 / 540)
        body = [c for c in page.chars if c["size"] > 13]
        assert body and max(c["bottom"] for c in body) < footer_top


def test_preconditions_label_is_rendered_bold(pdf):
    text = pdf.pages[2].extract_text()
    assert "RANDVOORWAARDEN:" in text
    label = [c for c in pdf.pages[2].chars if c["text"] == "R" and "Bold" in c["fontname"]]
    assert label
