"""The handout and the guide of real builds, read back with pdfplumber and pypdf: what they say, which slide
and card they point at (checked against the .pptx and the card PDF of the same build), their page size, tags,
language, bookmarks and bytes."""

from __future__ import annotations

import hashlib
import re

import pdfplumber
import pytest
from click.testing import CliRunner
from handout_helpers import (
    GOES_WITH,
    PdfText,
    build_handout,
    deck_slides,
    flat_text,
    lines_of,
    outline_titles,
    page_sizes_mm,
    plain,
    rich_content,
    text_of,
    write_content,
)
from pypdf import PdfReader

from deckgen.cli import main
from deckgen.content import load_workshop
from deckgen.languages import document_tag

OUTPUTS = ["netwerkversterking-cards-single.pdf", "netwerkversterking-cards.html", "netwerkversterking-cards.pdf",
           "netwerkversterking-guide.pdf", "netwerkversterking-handout.pdf", "netwerkversterking.pptx"]


@pytest.fixture(scope="module")
def example_build(tmp_path_factory, example_path):
    """The bundled example built as a user builds it: `deckgen build`, every output."""
    out = tmp_path_factory.mktemp("example") / "out"
    result = CliRunner().invoke(main, ["build", str(example_path), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def rich(tmp_path_factory, example_path):
    """The example with questions, notes and durations on every model, deck-wide questions and a model without
    an analysis: the deck, the cards and the handout of one build."""
    folder = tmp_path_factory.mktemp("rich")
    source = write_content(folder, rich_content(example_path))
    files = build_handout(source, folder / "out", only=("slides", "cards", "handout"))
    return load_workshop(source), files


def content_texts(workshop) -> list[str]:
    """Every text of the content that both documents show."""
    texts = [workshop.title, workshop.subtitle, workshop.venue, *workshop.authors, *workshop.questions,
             *workshop.sources]
    for model in workshop.models:
        texts += [model.title, model.name, *model.summary, *model.examples, *model.strengths, *model.weaknesses,
                  *model.preconditions, *model.questions]
    return [text for text in texts if text]


def test_a_build_writes_the_handout_and_the_guide_beside_the_other_outputs(example_build):
    assert sorted(path.name for path in example_build.iterdir() if not path.name.startswith(".")) == OUTPUTS


def test_only_handout_writes_just_the_handout_and_the_guide(example_path, tmp_path):
    result = CliRunner().invoke(main, ["build", str(example_path), "--only", "handout", "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != ".deckgen-cache") == [
        "netwerkversterking-guide.pdf", "netwerkversterking-handout.pdf"]


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_every_text_of_the_example_is_in_both(example_build, example, kind):
    text = text_of(example_build / f"netwerkversterking-{kind}.pdf")
    missing = [plain(value) for value in content_texts(example) if value not in text]
    assert not missing, missing
    assert "17 mei 2018" in text  # the date in the language's long form


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_every_text_of_the_richer_example_is_in_both(rich, kind):
    workshop, files = rich
    text = text_of(files[kind])
    missing = [plain(value) for value in content_texts(workshop) if value not in text]
    assert not missing, missing


def test_the_notes_are_in_the_guide_only(rich):
    workshop, files = rich
    handout, guide = text_of(files["handout"]), text_of(files["guide"])
    notes = [line for model in workshop.models for line in model.notes.splitlines()]
    assert len(notes) == 15  # two lines on each of 7 models, one on the model without an analysis
    assert all(line in guide for line in notes), [line for line in notes if line not in guide]
    assert not any(line in handout for line in notes)
    assert "Notities voor de begeleider".upper() in guide and "Notities voor de begeleider".upper() not in handout


def test_the_sources_keep_their_italic_spans(example_build, example):
    """The second source's title is *italic* in the content: its words are set in Carlito Italic, the words
    around it upright."""
    italic = next(span.text for span in example.sources[1].spans if span.italic).split()
    with pdfplumber.open(example_build / "netwerkversterking-handout.pdf") as pdf:
        words = [word for page in pdf.pages for word in page.extract_words(extra_attrs=["fontname"])]
    texts = [word["text"] for word in words]
    start = next(index for index in range(len(texts)) if texts[index:index + 3] == italic[:3])
    assert texts[start - 1] == "(2018)." and "Italic" not in words[start - 1]["fontname"]
    assert all("Italic" in word["fontname"] for word in words[start:start + len(italic) - 2])
    assert "Italic" not in words[texts.index("Kostet,")]["fontname"]


def test_the_guide_points_at_the_slides_and_cards_of_the_same_build(rich):
    workshop, files = rich
    guide = flat_text(files["guide"])
    pointed = [(int(slide), int(card)) for slide, card in GOES_WITH.findall(guide)]
    assert len(pointed) == len(workshop.models)
    slides = deck_slides(files["deck"], workshop)
    assert [slide for slide, _ in pointed] == [slides[model.number] for model in workshop.models]
    assert pointed[-1][0] == 2  # the model without an analysis goes with the overview slide that shows its tile
    assert [card for _, card in pointed] == [model.number + 1 for model in workshop.models]
    # card N + 1 of the print-shop PDF (front then back of each card) is model N's
    with pdfplumber.open(files["single"]) as pdf:
        for model in workshop.models:
            assert model.title in PdfText(pdf.pages[2 * model.number].extract_text() or "")


def test_the_run_sheet_is_one_page_at_the_front(rich):
    workshop, files = rich
    pages = lines_of(files["guide"])
    run_sheet = pages[1]
    assert run_sheet[0] == "Draaiboek"
    assert pages[2][0].startswith(f"{len(workshop.models)} werkmodellen")  # the overview starts the next page
    assert "Opening 1 1" in run_sheet
    assert "1 Persoonlijke competentieversterking 3 2 12–13 20 min" in run_sheet
    assert "8 Werkmodel zonder analyse 2 9 10 min" in run_sheet
    assert "Gespreksvragen 10–11" in run_sheet  # the deck-wide question cards come first among the questions
    assert "Bronnen 10" in run_sheet
    assert "Totaal 3 u" in run_sheet  # the workshop's own duration: 180 minutes


def test_the_handout_has_no_run_sheet_and_no_slide_or_card_numbers(rich):
    _, files = rich
    text = flat_text(files["handout"])
    assert "Draaiboek" not in text and not GOES_WITH.search(text) and "Vraagkaart" not in text


def test_a_question_in_the_guide_names_its_card(rich):
    _, files = rich
    guide = text_of(files["guide"])
    assert "Welk werkmodel past het best bij jouw doelgroep? Vraagkaart 10" in guide
    assert "Hoe zou model 1 werken in jouw organisatie? Vraagkaart 12" in guide


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_pages_are_a4_portrait_by_default(example_build, kind):
    assert page_sizes_mm(example_build / f"netwerkversterking-{kind}.pdf") == {(210.0, 297.0)}


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_both_are_tagged_with_language_title_and_a_bookmark_per_model(example_build, example, kind):
    path = example_build / f"netwerkversterking-{kind}.pdf"
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == document_tag(example.language) == "nl-NL"
    assert reader.metadata.title.startswith(example.title.plain)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    titles = outline_titles(path)
    for model in example.models:
        assert titles.count(f"{model.number} {model.title.plain}") == 1, titles
    assert ("Draaiboek" in titles) == (kind == "guide")


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_both_pass_the_tagged_pdf_checks(example_build, kind):
    """The structure resolves from every page, headings nest and step down one level at a time, fonts are
    embedded (tests/tagged_pdf.py), and words at line breaks read as words."""
    from tagged_pdf import reading_blocks, structure_problems

    path = example_build / f"netwerkversterking-{kind}.pdf"
    assert structure_problems(path) == []
    read = " ".join(reading_blocks(path))
    assert "hoe kwetsbare netwerken versterken" in read


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_every_page_after_the_cover_has_the_title_and_its_number_in_the_footer(example_build, example, kind):
    pages = lines_of(example_build / f"netwerkversterking-{kind}.pdf")
    name = {"handout": "Deelnemersbundel", "guide": "Begeleidersgids"}[kind]
    assert not any(re.search(r"\d+ / \d+$", line) for line in pages[0])
    for number, lines in enumerate(pages[1:], start=2):
        assert lines[-1] == f"{name} · {example.title.plain} {number} / {len(pages)}"


def test_the_same_sources_give_the_same_bytes_with_source_date_epoch(example_path, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1526544000")  # 2018-05-17
    digests = []
    for folder in ("one", "two"):
        files = build_handout(example_path, tmp_path / folder)
        digests.append({role: hashlib.sha256(path.read_bytes()).hexdigest() for role, path in files.items()})
    assert digests[0] == digests[1]
    assert PdfReader(files["guide"]).metadata["/CreationDate"].startswith("D:20180517")
