"""``deckgen watch --serve`` in a real headless browser: the page shows the cards, an edit changes it;
and the watcher's rebuilds and page without a browser."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def status(base: str) -> dict:
    with urllib.request.urlopen(base + "status", timeout=5) as response:
        return json.load(response)


def wait_for(condition, timeout=90, what="condition", process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"deckgen watch ended while waiting for {what}:\n{process.stderr.read()}")
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def served(write_content, tmp_path):
    content = write_content("""\
        language: en
        title: Watch test
        models:
          - name: Original model name
            summary: [A summary line]
            strengths: [Strong]
            weaknesses: [Weak]
        """)
    process = subprocess.Popen(
        [sys.executable, "-m", "deckgen", "watch", str(content), "--serve", "--port", "0",
         "--out", str(tmp_path / "out")],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Ctrl-C reaches it as in a terminal, even when the tests run as a background job (SIGINT ignored there)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"no address printed: {line!r}"
        base = f"http://127.0.0.1:{match.group(1)}/"
        wait_for(lambda: status(base)["generation"] >= 1, what="the first build", process=process)
        yield content, base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("deckgen watch did not end within 10 s of Ctrl-C")


@pytest.mark.browser
def test_page_shows_the_cards_and_follows_an_edit(served, chromium):
    from playwright.sync_api import sync_playwright

    content, base = served
    assert status(base)["ok"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page()
        page.goto(base)
        cards = page.frame_locator("#cards")
        cards.get_by_text("Original model name").first.wait_for(timeout=30_000)
        generation = status(base)["generation"]

        # the trainer reads further down the cards; the page itself is marked to tell a reload
        page.evaluate("window.notReloaded = true")
        frame = page.frame(url=re.compile(r"-cards\.html"))
        frame.evaluate("window.scrollTo(0, 150)")
        scrolled = frame.evaluate("window.scrollY")
        assert scrolled > 0, "the cards page should be long enough to scroll"

        content.write_text(content.read_text().replace("Original model name", "Renamed after an edit"))
        wait_for(lambda: status(base)["generation"] > generation, what="the rebuild")
        page.frame_locator("#cards").get_by_text("Renamed after an edit").first.wait_for(timeout=30_000)
        wait_for(lambda: not status(base)["pending"], what="the rebuild's last stage")
        assert page.evaluate("window.notReloaded === true"), "the page reloaded instead of updating in place"
        frame = page.frame(url=re.compile(r"-cards\.html"))
        assert frame.evaluate("window.scrollY") == scrolled, "the cards went back to the top"
        assert "Built #2" in page.locator("header").inner_text()

        content.write_text(content.read_text().replace("title: Watch test", "title: [broken"))
        wait_for(lambda: not status(base)["ok"], what="the failed rebuild")
        page.locator(".error").wait_for(timeout=30_000)
        assert "the list that starts with '[' here is not closed" in page.locator(".error").inner_text()
        browser.close()


def test_a_save_during_a_build_is_built_right_after_it(write_content, tmp_path):
    """A file saved while a build runs is built at once, not left until the next save."""
    import threading

    from deckgen.project import Request
    from deckgen.watch import Watcher

    content = write_content("language: en\ntitle: First title\nmodels: [{name: A}]\n")
    messages = []
    watcher = Watcher(Request(content=content, out_dir=tmp_path / "out", only=("slides",)), pictures=False,
                      echo=messages.append)
    original = watcher.rebuild
    saved = threading.Event()

    def rebuild_then_save(**options):
        original(**options)
        if not saved.is_set():  # the trainer saves while the first build is still running
            saved.set()
            time.sleep(0.05)  # a modification time that differs from the one the build read
            content.write_text("language: en\ntitle: Second title\nmodels: [{name: A}]\n", encoding="utf-8")

    watcher.rebuild = rebuild_then_save
    watcher.rebuild_until_settled()
    from pptx import Presentation

    deck = Presentation(str(tmp_path / "out" / "workshop.pptx"))
    texts = [shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame]
    assert any("Second title" in text for text in texts), texts
    assert watcher.state.generation == 2


@pytest.mark.parametrize("office", [pytest.param(True, marks=pytest.mark.libreoffice), False],
                         ids=["with LibreOffice", "without LibreOffice"])
def test_when_the_first_build_fails_the_page_shows_the_error_not_an_empty_frame(write_content, tmp_path,
                                                                                monkeypatch, office):
    import threading

    from deckgen.project import Request
    from deckgen.watch import Watcher, make_server

    if not office:
        monkeypatch.setattr("deckgen.preview.soffice", lambda: None)

    content = write_content("language: en\ntitle: [broken\nmodels: [{name: A}]\n")
    watcher = Watcher(Request(content=content, out_dir=tmp_path / "out"), pictures=True, echo=lambda _: None)
    watcher.rebuild()
    server = make_server(watcher, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/", timeout=10) as response:
            page = response.read().decode("utf-8")
    finally:
        server.shutdown()
    assert "the list that starts with &#x27;[&#x27; here is not closed" in page
    assert "<iframe" not in page and "no cards yet" in page
    assert ("no slides yet" if office else "slide pictures need LibreOffice") in page
