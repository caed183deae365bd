"""The live preview of ``deckgen watch --serve``: one LibreOffice kept running for the session, only the
slides that changed pictured again, the preview's outputs written first, the handout and guide linked."""

from __future__ import annotations

import hashlib

import pytest

from deckgen.project import Request
from deckgen.slide_pictures import slide_fingerprints
from deckgen.watch import Watcher

RENAMED = "Model number 2, renamed after an edit"


def edited(text: str) -> str:
    """Model 2 renamed (its overview tile, slide 2) and retitled (its analysis slide, slide 4)."""
    return (text.replace("Model number 2 for building networks", RENAMED)
            .replace("title: Model 2\n", "title: Model 2 retitled\n"))


def digest(path) -> tuple[str, int]:
    """What a picture shows, and when it was written: a picture drawn again has a new time."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def deck_of(content, out):
    from deckgen.build import build

    build(Request(content=content, out_dir=out, only=("slides",)))
    return out / "workshop.pptx"


def test_a_slide_changes_its_fingerprint_only_when_what_it_shows_changed(write_content, english_content, tmp_path):
    text = english_content(3)
    before = slide_fingerprints(deck_of(write_content(text), tmp_path / "a"))
    same = slide_fingerprints(deck_of(write_content(text), tmp_path / "b"))
    after = slide_fingerprints(deck_of(write_content(edited(text)), tmp_path / "c"))
    assert before == same  # a rebuild of the same content is pictured from what is there
    assert len(after) == len(before) == 6  # title, overview, three analyses, sources
    changed = [number for number, (old, new) in enumerate(zip(before, after), start=1) if old != new]
    assert changed == [2, 4]  # the overview's tile and the model's own slide; not the title, the others


@pytest.fixture
def watcher(write_content, english_content, tmp_path):
    content = write_content(english_content(3))
    messages: list[str] = []
    watcher = Watcher(Request(content=content, out_dir=tmp_path / "out", cache=True), pictures=True,
                      echo=messages.append)
    watcher.messages = messages
    yield watcher
    watcher.close()


@pytest.mark.libreoffice
def test_watch_keeps_one_libreoffice_and_pictures_only_the_changed_slides(watcher):
    watcher.start_office()
    watcher.rebuild()
    office = watcher._office
    assert office.running, watcher.messages
    first = {path: digest(watcher.request.out_dir / path) for path, _ in watcher.state.slides}
    assert len(first) == 6
    process = office._process.pid

    content = watcher.request.content
    content.write_text(edited(content.read_text()), encoding="utf-8")
    watcher.rebuild()
    assert watcher.state.ok and watcher.state.pending == ()
    assert office._process.pid == process  # the same LibreOffice, not a new one per save
    second = {path: digest(watcher.request.out_dir / path) for path, _ in watcher.state.slides}
    redrawn = sorted(path for path in first if first[path] != second[path])
    assert redrawn == ["workshop-preview/slide-002.png", "workshop-preview/slide-004.png"]
    assert all(first[path][0] != second[path][0] for path in redrawn)  # and they show the edit
    assert not any("started anew" in message for message in watcher.messages)
    assert RENAMED in (watcher.request.out_dir / "workshop-cards.html").read_text(encoding="utf-8")

    watcher.close()
    assert office._process is None


@pytest.mark.libreoffice
def test_without_a_python_that_has_uno_slides_are_pictured_by_a_cold_libreoffice(watcher, monkeypatch):
    monkeypatch.setattr("deckgen.office.uno_pythons", lambda: [])
    watcher.start_office()
    watcher.rebuild()
    first = {path: digest(watcher.request.out_dir / path) for path, _ in watcher.state.slides}
    content = watcher.request.content
    content.write_text(edited(content.read_text()), encoding="utf-8")
    watcher.rebuild()
    said = [message for message in watcher.messages if "started anew for every save" in message]
    assert len(said) == 1 and "python3-uno" in said[0]  # said once, with what to install
    assert len(first) == 6
    second = {path: digest(watcher.request.out_dir / path) for path, _ in watcher.state.slides}
    # a cold LibreOffice too is asked for the changed slides only
    redrawn = sorted(path for path in first if first[path] != second[path])
    assert redrawn == ["workshop-preview/slide-002.png", "workshop-preview/slide-004.png"]
    assert all(first[path][0] != second[path][0] for path in redrawn)
    assert all((watcher.request.out_dir / path).stat().st_size > 1000 for path in second)


def test_the_page_links_the_handout_and_the_guide_once_written(watcher, monkeypatch):
    import threading
    import urllib.request

    from deckgen.watch import make_server

    monkeypatch.setattr("deckgen.preview.soffice", lambda: None)
    server = make_server(watcher, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with urllib.request.urlopen(base, timeout=10) as response:
            assert "Handout (PDF)" not in response.read().decode("utf-8")
        watcher.rebuild()
        with urllib.request.urlopen(base, timeout=10) as response:
            page = response.read().decode("utf-8")
        with urllib.request.urlopen(base + "workshop-guide.pdf", timeout=10) as response:
            assert response.read(5) == b"%PDF-"
    finally:
        server.shutdown()
    assert "href='/workshop-handout.pdf" in page and "href='/workshop-guide.pdf" in page


def test_outputs_are_written_preview_first_and_the_handout_is_left_for_a_newer_save(watcher):
    """The cards and slides land before the handout; a save during the build skips the stale handout."""
    published = []
    original = watcher.state.publish

    def record(ok, message, slides, pending=()):
        published.append(pending)
        original(ok, message, slides, pending)

    watcher.state.publish = record
    watcher.pictures = False
    watcher.rebuild(superseded=lambda: True)
    assert published == [("slides", "card PDFs", "handout")]  # the cards' HTML first; then a newer save
    assert (watcher.request.out_dir / "workshop-cards.html").is_file()
    assert not (watcher.request.out_dir / "workshop.pptx").exists()  # nothing stale goes on
    assert not (watcher.request.out_dir / "workshop-cards.pdf").exists()
    watcher.rebuild()
    assert published[1:] == [("slides", "card PDFs", "handout"), ("card PDFs", "handout"), ("handout",), ()]
    assert (watcher.request.out_dir / "workshop-cards.pdf").is_file()
    assert (watcher.request.out_dir / "workshop-guide.pdf").is_file()
