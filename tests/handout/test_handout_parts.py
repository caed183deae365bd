"""A handout and guide of more than WHOLE_UP_TO models are laid out in parts and merged (deckgen.handout.parts):
read back, each is one document, as the same content laid out in one piece reads, but for the new page each
part begins on: page numbers of the whole in every footer, the overview's pages, links and bookmarks to each
model, one structure tree that a screen reader reads in the same order. An edit lays out again only the part
that shows it, and what the cache gives is byte for byte what a cold build writes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from handout_helpers import lines_of, many_models, plain, text_of, write_content
from pypdf import PdfReader

from deckgen.build import build
from deckgen.content import load_workshop
from deckgen.handout import assemble, booklet, pagination, parts, workers
from deckgen.layout import load_layout
from deckgen.project import CACHE_DIR, Request
from fixtures.layout_folders import layout_folder

MODELS = 26  # over WHOLE_UP_TO: the front, the overview (two A5 pages) and three parts of models
NAMES = {"handout": "Deelnemersbundel", "guide": "Begeleidersgids"}


@pytest.fixture(scope="module")
def long_docs(tmp_path_factory):
    """The same content built in parts (in worker processes, as a user builds it) and in one piece; the
    overview and the page layer in pieces of a few pages, as a document of hundreds of models would be."""
    folder = tmp_path_factory.mktemp("parts")
    source = write_content(folder, many_models(MODELS))
    a5 = str(layout_folder(folder, "a5", "extends: default\nhandout:\n  paper: A5\n"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pagination, "RUN", 5)
        patch.setattr(booklet, "LAYER_PAGES", 7)
        build(Request(content=source, out_dir=folder / "parts", layout=a5, only=("handout",), cache=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "WHOLE_UP_TO", 1000)
        build(Request(content=source, out_dir=folder / "whole", layout=a5, only=("handout",), cache=True))
    return (load_workshop(source), {kind: folder / "parts" / f"workshop-{kind}.pdf" for kind in NAMES},
            {kind: folder / "whole" / f"workshop-{kind}.pdf" for kind in NAMES}, folder)


def model_heading_pages(path, workshop) -> dict[int, int]:
    """Model number: the page (from 1) whose lines include its heading ("3 Werkmodel 3: ...")."""
    pages = lines_of(path)
    return {model.number: next(number for number, lines in enumerate(pages, start=1)
                               if f"{model.number} {plain(model.title)}" in lines)
            for model in workshop.models}


def test_a_long_document_is_laid_out_in_parts(long_docs):
    _, _, _, folder = long_docs
    kept = sorted(path.name for path in (folder / "parts" / CACHE_DIR / "workshop").iterdir())
    for kind in ("handout", "guide"):
        assert {f"{kind}-front.document", f"{kind}-overview-1.document", f"{kind}-overview-2.document",
                f"{kind}-pages-1.document", f"{kind}-pages-2.document", f"{kind}-models-1.document",
                f"{kind}-models-3.document", f"{kind}.document"} <= set(kept)
        assert f"{kind}-models-4.document" not in kept
    assert not (folder / "whole" / CACHE_DIR / "workshop" / "guide-front.document").exists()


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_every_page_after_the_cover_has_its_number_in_the_whole(long_docs, kind):
    workshop, in_parts, _, _ = long_docs
    pages = lines_of(in_parts[kind])
    assert not any(re.search(r"\d+ / \d+$", line) for line in pages[0])
    for number, lines in enumerate(pages[1:], start=2):
        assert lines[-1] == f"{NAMES[kind]} · {plain(workshop.title)} {number} / {len(pages)}"


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_the_overview_links_and_bookmarks_point_at_the_page_each_model_begins_on(long_docs, kind):
    workshop, in_parts, _, _ = long_docs
    path = in_parts[kind]
    begins = model_heading_pages(path, workshop)
    listed = {}
    for lines in lines_of(path):
        for line in lines:
            found = re.fullmatch(r"(\d+) Werkmodel \d+: .*?[ .]+(\d+)", line)
            if found:
                listed[int(found[1])] = int(found[2])
    assert listed == begins

    reader = PdfReader(path)
    linked = {}
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            assert "/A" not in annotation, annotation  # no link left pointing at another part
            name = str(annotation["/Dest"])
            linked[int(name.split("-")[1])] = reader.get_destination_page_number(
                reader.named_destinations[name]) + 1
    assert linked == begins
    marks = {int(item.title.split()[0]): reader.get_destination_page_number(item) + 1
             for item in reader.outline if re.match(r"\d+ Werkmodel", item.title)}
    assert marks == begins
    assert [item.title for item in reader.outline if not re.match(r"\d+ Werkmodel", item.title)] == (
        ["Draaiboek"] if kind == "guide" else []) + ["26 werkmodellen", "Gespreksvragen", "Bronnen"]


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_it_reads_as_the_document_in_one_piece(long_docs, kind):
    """The same structure tree as one piece gives, in the same order (page numbers aside), and no new finding
    of the PDF/UA checker."""
    from tagged_pdf import reading_blocks, structure_problems

    _, in_parts, whole, _ = long_docs
    assert structure_problems(in_parts[kind]) == []

    def read(path):
        return [re.sub(r"[ .]*\d+$", "", block) for block in reading_blocks(path)]

    assert read(in_parts[kind]) == read(whole[kind])
    merged, alone = PdfReader(in_parts[kind]), PdfReader(whole[kind])
    assert merged.trailer["/Root"]["/Lang"] == alone.trailer["/Root"]["/Lang"]
    assert merged.metadata.title == alone.metadata.title
    assert len(alone.pages) <= len(merged.pages) <= len(alone.pages) + 3  # at most a new page for each part

    def rules(path):
        result = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True,
                                text=True)
        assert result.returncode in (0, 1, 2, 3), result.stderr
        return set(re.findall(r"\] (UA-[\d-]+)", result.stdout))

    assert rules(in_parts[kind]) <= rules(whole[kind])


def kept_pdf(path) -> bytes:
    """The PDF of a document cache entry, after its two lines of header."""
    return path.read_bytes().partition(b"\n")[2].partition(b"\n")[2]


def test_the_merged_guide_is_its_kept_pieces_merged_again(long_docs):
    """The front, the overview's pieces, the models parts and the page layer's pieces (several PDFs, their
    pages one after the other) that the build kept give, merged again, what it wrote; it has no structure
    problem."""
    from tagged_pdf import structure_problems

    _, in_parts, _, folder = long_docs
    kept = folder / "parts" / CACHE_DIR / "workshop"

    def numbered(prefix):
        paths = sorted(kept.glob(f"guide-{prefix}-*.document"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
        return [kept_pdf(path) for path in paths]

    layers = numbered("pages")
    assert len(layers) > 1 and len(numbered("overview")) > 1
    documents = [kept_pdf(kept / "guide-front.document"), *numbered("overview"), *numbered("models")]
    assert assemble.merge(documents, layers) == in_parts["guide"].read_bytes()
    assert structure_problems(in_parts["guide"]) == []


def describe(html: str) -> tuple[str, str]:
    """(kind, what) of a document handed to the workers: front, overview, pages or models-N."""
    kind = re.search(r'<body class="(\w+)"', html)[1]
    if "page-layer-cover" in html:
        return kind, "pages"
    if 'class="overview' in html:
        return kind, "overview"
    if 'class="cover"' in html:
        return kind, "front"
    first = int(re.search(r'id="model-(\d+)"', html)[1])
    return kind, f"models-{(first - 1) // parts.PART_MODELS + 1}"


@pytest.fixture
def laid_out(monkeypatch):
    """What is laid out, build after build, of a long document in small parts, in this process."""
    monkeypatch.setattr(parts, "WHOLE_UP_TO", 4)
    monkeypatch.setattr(parts, "PART_MODELS", 3)
    monkeypatch.setattr(workers, "WORKERS", 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1715904000")
    seen: list[tuple[str, str]] = []
    real = booklet.lay_out_task

    def counting(task):
        seen.append(describe(task[0]))
        return real(task)

    monkeypatch.setattr(booklet, "lay_out_task", counting)
    return seen


def run(source, out, layout=None):
    build(Request(content=source, out_dir=out, layout=layout, only=("handout",), cache=True))
    return {kind: (out / f"{source.stem}-{kind}.pdf").read_bytes() for kind in ("handout", "guide")}


def test_an_edit_lays_out_again_only_the_part_that_shows_it(tmp_path, laid_out):
    source, out = write_content(tmp_path, many_models(10)), tmp_path / "out"
    run(source, out)
    models = {f"models-{number}" for number in range(1, 5)}
    for kind in ("handout", "guide"):
        assert {what for each, what in laid_out if each == kind} == {"front", "overview", "pages", *models}
    laid_out.clear()

    write_content(tmp_path, many_models(10, changed=5))  # model 5: the second part
    edited = run(source, out)
    assert sorted(set(laid_out) - {(kind, what) for kind in ("handout", "guide") for what in ("overview", "pages")}) \
        == [("guide", "models-2"), ("handout", "models-2")]
    assert "Gewijzigd sterk punt 5" in text_of(out / "workshop-handout.pdf")
    assert "Gewijzigd sterk punt 5" in text_of(out / "workshop-guide.pdf")
    laid_out.clear()

    assert run(source, out) == edited and laid_out == []  # nothing changed: the merged documents kept
    cold = run(source, tmp_path / "cold")  # what the cache gave is what a build from nothing writes
    assert cold == edited


def test_a_changed_layout_lays_out_every_part_again(tmp_path, laid_out):
    source, out = write_content(tmp_path, many_models(10)), tmp_path / "out"
    run(source, out)
    laid_out.clear()
    layout = layout_folder(tmp_path, "kleur", "extends: default\ncolors:\n  primary: '#22577A'\n")
    run(source, out, layout=str(layout))
    for kind in ("handout", "guide"):
        assert {what for each, what in laid_out if each == kind} >= {"front", "overview", "pages", "models-1",
                                                                     "models-2", "models-3", "models-4"}


def test_a_layout_with_its_own_handout_templates_is_laid_out_in_one_piece(tmp_path):
    workshop = load_workshop(write_content(tmp_path, many_models(MODELS)))
    default = load_layout("default")
    own_css = load_layout(str(layout_folder(tmp_path, "eigen", templates={"handout.css": "body { color: red }"})))
    own_model = load_layout(str(layout_folder(tmp_path, "model", templates={"handout-model.html.j2": "<p></p>"})))
    colours = load_layout(str(layout_folder(tmp_path, "kleur", "extends: default\ncolors:\n  primary: '#22577A'\n")))

    class Long:
        models = workshop.models

    assert parts.in_parts(Long, default) and parts.in_parts(Long, colours)
    assert not parts.in_parts(Long, own_css) and not parts.in_parts(Long, own_model)

    class Short:
        models = workshop.models[:parts.WHOLE_UP_TO]

    assert not parts.in_parts(Short, default)


def test_an_overview_not_as_long_as_its_stand_in_is_paginated_again_with_its_own_numbers(tmp_path, laid_out,
                                                                                          monkeypatch):
    source = write_content(tmp_path, many_models(10))
    expected = run(source, tmp_path / "first")
    laid_out.clear()
    # as if the stand-in numbers had wrapped a line the real ones do not: the overview assumed two pages
    monkeypatch.setattr(booklet, "_stand_in_pieces", lambda *args: [pagination.Piece(0, 10, 2)])
    assert run(source, tmp_path / "second") == expected
    for kind in ("handout", "guide"):
        assert laid_out.count((kind, "overview")) == 2  # with the numbers of two pages, then of one


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path, laid_out):
    source, out = write_content(tmp_path, many_models(10)), tmp_path / "out"
    run(source, out)
    folder = out / CACHE_DIR / "workshop"
    assert {"guide-models-4.document", "handout-overview-1.document"} <= {path.name for path in folder.iterdir()}
    write_content(tmp_path, many_models(7))  # still in parts, one part fewer
    run(source, out)
    assert "guide-models-3.document" in {path.name for path in folder.iterdir()}
    assert "guide-models-4.document" not in {path.name for path in folder.iterdir()}
    write_content(tmp_path, many_models(3))  # in one piece now
    run(source, out)
    assert sorted(path.name for path in folder.glob("*.document")) == ["guide.document", "handout.document"]


def test_a_broken_note_of_the_overview_pages_in_the_cache_is_not_trusted(tmp_path, laid_out):
    source, out = write_content(tmp_path, many_models(10)), tmp_path / "out"
    first = run(source, out)
    note = out / CACHE_DIR / "workshop" / "handout-overview.document"
    broken = note.read_bytes().replace(b'"pieces": [[0, 10, 1]]', b'"pieces": [[0, 7, 1]]')
    assert broken != note.read_bytes()
    note.write_bytes(broken)
    assert run(source, out) == first
    assert b'"pieces": [[0, 10, 1]]' in note.read_bytes()
