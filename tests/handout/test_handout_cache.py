"""The document cache: a document is laid out again only when what it shows or a file it reads changed; a
damaged entry is laid out again; --no-cache keeps nothing."""

from __future__ import annotations

import shutil

import pytest
from handout_helpers import rich_content, text_of, write_content

from deckgen.build import build
from deckgen.handout import document
from deckgen.project import CACHE_DIR, Request
from deckgen.resources import bundled


@pytest.fixture
def laid_out(monkeypatch):
    """The kinds of the documents WeasyPrint lays out, in order, build after build."""
    kinds: list[str] = []
    real = document.lay_out

    def counting(html, where, tagged=True):
        kinds.append("guide" if '<body class="guide"' in html else "handout")
        return real(html, where, tagged)

    monkeypatch.setattr(document, "lay_out", counting)
    return kinds


def run(source, out, layout=None, cache=True):
    build(Request(content=source, out_dir=out, layout=layout, only=("handout",), cache=cache))
    return {kind: (out / f"{source.stem}-{kind}.pdf").read_bytes() for kind in ("handout", "guide")}


def test_only_the_document_whose_text_changed_is_laid_out_again(example_path, tmp_path, laid_out):
    content = rich_content(example_path)
    source, out = write_content(tmp_path, content), tmp_path / "out"
    first = run(source, out)
    assert laid_out == ["handout", "guide"]
    assert sorted(p.name for p in (out / CACHE_DIR / "workshop").iterdir()) == ["guide.document", "handout.document"]

    again = run(source, out)  # nothing changed: both from the cache, the same bytes
    assert laid_out == ["handout", "guide"] and again == first

    write_content(tmp_path, content.replace("Notitie1: vertel", "Notitie1: vertel nu"))  # notes: the guide only
    edited = run(source, out)
    assert laid_out == ["handout", "guide", "guide"]
    assert edited["handout"] == first["handout"] and "Notitie1: vertel nu" in text_of(out / "workshop-guide.pdf")

    write_content(tmp_path, content.replace("Veilige context", "Een veilige context"))  # shown in both
    run(source, out)
    assert laid_out == ["handout", "guide", "guide", "handout", "guide"]
    assert "Een veilige context" in text_of(out / "workshop-handout.pdf")


def test_a_changed_file_the_document_reads_lays_it_out_again(example_path, tmp_path, laid_out):
    """The logo keeps its name, so the HTML is the same: the bytes of the files the render read decide."""
    from PIL import Image

    layout = tmp_path / "eigen"
    shutil.copytree(bundled("layouts") / "buurtwerk", layout)
    source, out = write_content(tmp_path, example_path.read_text(encoding="utf-8")), tmp_path / "out"
    run(source, out, layout=str(layout))
    run(source, out, layout=str(layout))
    assert laid_out == ["handout", "guide"]
    Image.new("RGB", (40, 20), "red").save(layout / "logo.png")
    run(source, out, layout=str(layout))
    assert laid_out == ["handout", "guide", "handout", "guide"]


def test_a_damaged_entry_is_laid_out_again_and_no_cache_keeps_nothing(example_path, tmp_path, laid_out):
    source, out = write_content(tmp_path, example_path.read_text(encoding="utf-8")), tmp_path / "out"
    first = run(source, out)
    entry = out / CACHE_DIR / "workshop" / "guide.document"
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert run(source, out) == first
    assert laid_out == ["handout", "guide", "guide"]
    other = tmp_path / "plain"
    run(source, other, cache=False)
    run(source, other, cache=False)
    assert laid_out[3:] == ["handout", "guide", "handout", "guide"] and not (other / CACHE_DIR).exists()
