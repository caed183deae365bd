"""The card PDFs are tagged so that they hold up for a screen reader and an auditor (issue 12, point 5): the
structure resolves from every page, headings never skip a level, words at line breaks stay words, a hyphen
that hyphenation added is not read, and the sheets are tagged in reading order, card by card. Checked
with the ``pdfua`` package and with tests/tagged_pdf.py's own checks of what it does not run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from cards_helpers import write_cards
from deckgen.content import load_located
from deckgen.layout import load_layout
from tagged_pdf import elements, reading_blocks, structure_problems

ROOT = Path(__file__).resolve().parents[2]
# the default layout's cards are the shared example build's (example_cards)
OTHER_SHIPPED = sorted(path.parent.name for path in (ROOT / "layouts").glob("*/layout.yaml")
                       if path.parent.name != "default")


def pdfua_findings(path: Path) -> str:
    """What the ``pdfua`` checker reports on ``path``; empty when it finds nothing."""
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True)
    assert result.returncode in (0, 1, 2, 3), result.stderr
    return "" if result.returncode == 0 else result.stdout


def written_texts(workshop) -> list[str]:
    """Every text of the workshop that a card shows as it is written (long enough to wrap)."""
    texts = [workshop.title.plain]
    for model in workshop.models:
        texts.append(model.title.plain)
        for items in (model.summary, model.strengths, model.weaknesses, model.preconditions):
            texts += [item.plain for item in items]
    texts += [question.plain for question in workshop.questions]
    return texts


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=OTHER_SHIPPED)
def shipped_cards(request, tmp_path_factory, example_path):
    """The example's cards in each shipped layout but the default: (workshop, paths)."""
    workshop, sources = load_located(example_path)
    folder = tmp_path_factory.mktemp(f"tagging-{request.param}")
    return workshop, write_cards(workshop, load_layout(request.param), folder, sources=sources)


@pytest.mark.parametrize("kind", ["single.pdf", "sheets.pdf"])
def test_both_card_pdfs_pass_the_tagged_pdf_checks(example_cards, kind):
    assert structure_problems(example_cards[1][kind]) == []


@pytest.mark.parametrize("kind", ["single.pdf", "sheets.pdf"])
def test_the_pdfua_checker_finds_nothing(example_cards, kind):
    assert pdfua_findings(example_cards[1][kind]) == ""


def test_every_single_card_page_resolves_its_structure(example_cards):
    with pikepdf.open(example_cards[1]["single.pdf"]) as pdf:
        keys = [int(page.obj.StructParents) for page in pdf.pages]
        tree = pdf.Root.StructTreeRoot.ParentTree.Nums
        assert len(set(keys)) == len(pdf.pages) == 16
        assert set(keys) <= {int(tree[index]) for index in range(0, len(tree), 2)}


def unread(workshop, path: Path) -> list[str]:
    """The workshop's texts that a screen reader does not read as written in the PDF at ``path``."""
    read = "\n".join(squeeze(block) for block in reading_blocks(path))
    return [text for text in written_texts(workshop) if squeeze(text) not in read]


def test_wrapped_text_reads_as_written(example_cards):
    """No word glued to the next line's ("hoekwetsbare"), no hyphen from hyphenation ("competen-tie")."""
    workshop, paths = example_cards
    assert unread(workshop, paths["single.pdf"]) == []
    read = "".join(reading_blocks(paths["single.pdf"]))
    assert "hoekwetsbare" not in read and "competen-" not in read
    assert "hoe kwetsbare" in read and "competentieversterking" in read


def test_hyphenation_still_breaks_long_words_on_the_page(example_cards):
    """The hyphen a reader does not hear is still printed: the page itself is unchanged."""
    import pdfplumber

    with pdfplumber.open(example_cards[1]["single.pdf"]) as pdf:
        printed = " ".join(page.extract_text() for page in pdf.pages)
    assert re.search(r"competen-\s*tieversterking", printed)


def test_shipped_layouts_pass_the_tagged_pdf_checks(shipped_cards):
    workshop, paths = shipped_cards
    for kind in ("single.pdf", "sheets.pdf"):
        assert structure_problems(paths[kind]) == [], kind
        assert pdfua_findings(paths[kind]) == "", kind
    assert unread(workshop, paths["single.pdf"]) == []


def test_headings_go_down_one_level_at_a_time(example_cards):
    tags = [tag for tag, _ in elements(example_cards[1]["single.pdf"]) if re.fullmatch(r"H\d", tag)]
    assert tags[:2] == ["H1", "H2"]  # the cover's title, then its back's "Bronnen"
    assert set(tags) == {"H1", "H2", "H3"}


def test_the_sheets_read_card_by_card_front_then_back(example_cards):
    """The sheets' structure has each side once, in side order (the single-card PDF's order), whatever sheet
    holds it: the fronts of cards 1 to 4 are on sheet 1, their backs on sheet 2."""
    sheets, singles = example_cards[1]["sheets.pdf"], example_cards[1]["single.pdf"]
    parts = [page for tag, page in elements(sheets) if tag == "Part"]
    assert len(parts) == 16
    assert parts[:8] == [0, 1, 0, 1, 0, 1, 0, 1]
    outline = [tag for tag, _ in elements(sheets) if tag != "Part"]
    assert outline == [tag for tag, _ in elements(singles) if tag != "Part"]


@pytest.mark.parametrize("kind", ["single.pdf", "sheets.pdf"])
def test_title_language_and_display_title(example_cards, kind):
    workshop, paths = example_cards
    with pikepdf.open(paths[kind]) as pdf:
        assert str(pdf.Root.Lang) == "nl-NL"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf.docinfo.Title) == workshop.title.plain
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == workshop.title.plain


def test_decorative_cues_are_not_read(example_cards):
    """The "+", "−" and "!" before the back's headings are aria-hidden: a screen reader reads the heading only."""
    blocks = [block.strip() for block in reading_blocks(example_cards[1]["single.pdf"])]
    assert "STERKTES EN KANSEN" in blocks
    assert not [block for block in blocks if block[:1] in ("+", "−", "!")]
