"""The side cache (OUT/.deckgen-cache): reuse, invalidation, corrupt entries, and chunked layout."""

from __future__ import annotations

import hashlib

import pytest

from deckgen.build import build
from deckgen.cards import chunks
from deckgen.outputs import remove_stale_temps
from deckgen.project import CACHE_DIR, Request
from fixtures.layout_folders import layout_folder


def content(models: int = 3, changed: int | None = None) -> str:
    lines = ["language: en", "title: Cache workshop", "authors: [Ann Smith]", "date: 2024-03-01", "models:"]
    for n in range(1, models + 1):
        strength = "Edited strength" if n == changed else "A strength"
        lines += [f"  - name: Model {n}", f"    summary: [Summary of model {n}]", "    examples: [An example]",
                  f"    strengths: [{strength}, Another strength]", "    weaknesses: [A weakness]",
                  "    preconditions: [A precondition]"]
    lines += ["questions: [Which one do you like?]"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def laid_out(monkeypatch):
    """The indices of the sides laid out (not read from the cache), build after build."""
    calls: list[set[int]] = []
    original = chunks.lay_out_chunk

    def counting(chunk):
        calls[-1].update(index for index, _ in chunk)
        return original(chunk)

    monkeypatch.setattr(chunks, "lay_out_chunk", counting)

    def run(source, out, **options):
        calls.append(set())
        written = build(Request(content=source, out_dir=out, only=("cards",), workers=1, **options))
        return written, calls[-1]

    return run


def digests(paths) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


SIDES = 2 * (1 + 3 + 1)  # cover, three models, one question


def test_a_second_build_lays_out_nothing_and_writes_the_same_bytes(tmp_path, laid_out):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    first, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == set(range(SIDES))
    cold = digests(first)
    second, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == set()
    assert digests(second) == cold
    uncached, done = laid_out(source, tmp_path / "plain", cache=False)
    assert done == set(range(SIDES)) and digests(uncached) == cold
    assert not (tmp_path / "plain" / CACHE_DIR).exists()


def test_no_cache_bypasses_the_cache(tmp_path, laid_out):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    laid_out(source, tmp_path / "out", cache=True)
    _, done = laid_out(source, tmp_path / "out", cache=False)
    assert done == set(range(SIDES))


def test_editing_one_model_lays_out_only_its_sides(tmp_path, laid_out):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    laid_out(source, tmp_path / "out", cache=True)
    source.write_text(content(changed=2), encoding="utf-8")
    written, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == {4, 5}  # cover 0-1, model 1 2-3, model 2 4-5
    fresh, _ = laid_out(source, tmp_path / "cold", cache=False)
    assert digests(written) == digests(fresh)
    # entries the last build did not use are pruned: one per side
    assert len(list((tmp_path / "out" / CACHE_DIR / "w").glob("*.side"))) == SIDES


def test_corrupt_entries_are_rebuilt_never_trusted(tmp_path, laid_out):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    first, _ = laid_out(source, tmp_path / "out", cache=True)
    cold = digests(first)
    entries = sorted((tmp_path / "out" / CACHE_DIR / "w").glob("*.side"))
    entries[0].write_bytes(entries[0].read_bytes()[:-200])  # truncated
    entries[1].write_bytes(b"garbage")
    # a well-formed entry whose PDF has two pages: its checksum is right, its page count is not
    import io

    from pypdf import PdfWriter

    from deckgen.cards.cache import make_entry

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_blank_page(100, 100)
    two_pages = io.BytesIO()
    writer.write(two_pages)
    entries[2].write_bytes(make_entry(two_pages.getvalue(), 10.0))
    entries[3].write_bytes(make_entry(b"%PDF-1.7 not really", 10.0))
    second, done = laid_out(source, tmp_path / "out", cache=True)
    assert len(done) == 4
    assert digests(second) == cold
    _, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == set()  # and the rebuilt entries are good again


def test_a_changed_layout_colour_invalidates(tmp_path, laid_out):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    layout = layout_folder(tmp_path, "mine", 'extends: default\ncolors:\n  primary: "#112233"\n')
    laid_out(source, tmp_path / "out", cache=True, layout=str(layout))
    _, done = laid_out(source, tmp_path / "out", cache=True, layout=str(layout))
    assert done == set()
    (layout / "layout.yaml").write_text('extends: default\ncolors:\n  primary: "#445566"\n', encoding="utf-8")
    _, done = laid_out(source, tmp_path / "out", cache=True, layout=str(layout))
    assert done == set(range(SIDES))
    (layout / "notes.txt").write_text("any file in the layout's folder counts", encoding="utf-8")
    _, done = laid_out(source, tmp_path / "out", cache=True, layout=str(layout))
    assert done == set(range(SIDES))


def test_a_change_of_deckgens_code_invalidates(tmp_path, laid_out, monkeypatch):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    laid_out(source, tmp_path / "out", cache=True)
    monkeypatch.setattr("deckgen.fingerprint.code_fingerprint", lambda: "other code")
    _, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == set(range(SIDES))


def test_the_cache_is_not_an_output_and_survives_the_temp_sweep(tmp_path, laid_out):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    written, _ = laid_out(source, tmp_path / "out", cache=True)
    assert all(CACHE_DIR not in str(path) for path in written) and len(written) == 3
    remove_stale_temps(tmp_path / "out")
    assert len(list((tmp_path / "out" / CACHE_DIR / "w").glob("*.side"))) == SIDES


def test_chunks_in_worker_processes_give_the_same_bytes(tmp_path):
    source = tmp_path / "w.yaml"
    source.write_text(content(models=4), encoding="utf-8")
    one = build(Request(content=source, out_dir=tmp_path / "one", only=("cards",), workers=1))
    original = chunks.CHUNK
    try:
        chunks.CHUNK = 3  # four chunks of three sides, over two worker processes
        two = build(Request(content=source, out_dir=tmp_path / "two", only=("cards",), workers=2))
    finally:
        chunks.CHUNK = original
    assert digests(one) == digests(two)


def test_workshops_built_into_one_folder_keep_their_own_caches(tmp_path, laid_out):
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(content(), encoding="utf-8")
    second.write_text(content(models=2), encoding="utf-8")
    laid_out(first, tmp_path / "out", cache=True)
    laid_out(second, tmp_path / "out", cache=True)
    _, done = laid_out(first, tmp_path / "out", cache=True)
    assert done == set()  # the second workshop's build did not prune the first one's sides


def test_the_code_fingerprint_follows_the_bytes_of_every_package_file(tmp_path, monkeypatch):
    import shutil

    from deckgen import fingerprint

    package = tmp_path / "deckgen"
    shutil.copytree(fingerprint.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "PACKAGE", package)

    def fresh() -> str:
        fingerprint.code_fingerprint.cache_clear()
        return fingerprint.code_fingerprint()

    before = fresh()
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert fresh() == before  # compiled files are no code change
    module = package / "cards" / "fit.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a fix\n", encoding="utf-8")
    assert fresh() != before
    fingerprint.code_fingerprint.cache_clear()


@pytest.fixture
def assembled(monkeypatch):
    """How many times the single-card PDF and the sheets were merged from the sides, build after build."""
    from deckgen.cards import sheets

    count = []
    original = sheets.build_singles

    def counting(*args, **kwargs):
        count.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(sheets, "build_singles", counting)
    return count


def test_a_build_whose_sides_did_not_change_copies_the_pdfs_it_assembled_last(tmp_path, laid_out, assembled):
    from deckgen.printing import PrintOptions

    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    cold = digests(laid_out(source, tmp_path / "out", cache=True)[0])
    again, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == set() and len(assembled) == 1  # nothing laid out, nothing merged
    assert digests(again) == cold
    # notes for the facilitator, which no card shows: that model's sides are laid out again (their keys
    # hold the whole model) into the same pages, so the documents are still copied
    source.write_text(content().replace("  - name: Model 2\n", "  - name: Model 2\n    notes: Bring pens\n"),
                      encoding="utf-8")
    noted, done = laid_out(source, tmp_path / "out", cache=True)
    assert done == {4, 5} and len(assembled) == 1 and digests(noted) == cold
    cache = tmp_path / "out" / CACHE_DIR / "w"
    kept = list(cache.glob("*.assembled"))
    assert len(kept) == 1
    written = kept[0].stat().st_mtime_ns
    laid_out(source, tmp_path / "out", cache=True)
    assert kept[0].stat().st_mtime_ns == written  # copied from, not written again
    # another paper is other sheets: merged anew from the same sides, and only the newest documents kept
    on_a3, done = laid_out(source, tmp_path / "out", cache=True, print_options=PrintOptions(paper="A3"))
    assert done == set() and len(assembled) == 2 and digests(on_a3) != cold
    assert len(list(cache.glob("*.assembled"))) == 1 and not kept[0].exists()
    # an edited model: its sides laid out, the documents merged anew, as a cold build makes them
    source.write_text(content(changed=2), encoding="utf-8")
    edited, _ = laid_out(source, tmp_path / "out", cache=True)
    assert len(assembled) == 3
    assert digests(edited) == digests(laid_out(source, tmp_path / "cold", cache=False)[0])


def test_a_damaged_assembled_entry_is_merged_again(tmp_path, laid_out, assembled):
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    cold = digests(laid_out(source, tmp_path / "out", cache=True)[0])
    (entry,) = (tmp_path / "out" / CACHE_DIR / "w").glob("*.assembled")
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF  # one byte of the last document flipped: its checksum no longer holds
    entry.write_bytes(bytes(data))
    again, _ = laid_out(source, tmp_path / "out", cache=True)
    assert len(assembled) == 2 and digests(again) == cold


def test_a_cards_build_leaves_its_cards_with_no_worker_of_the_next_builder(tmp_path):
    source = tmp_path / "w.yaml"
    source.write_text(content(models=4), encoding="utf-8")
    original = chunks.CHUNK
    try:
        chunks.CHUNK = 3  # chunks over a worker process and this one
        build(Request(content=source, out_dir=tmp_path / "out", only=("cards",), workers=2))
    finally:
        chunks.CHUNK = original
    # the handout's workers are forked from this process next: they would carry every card and side
    assert chunks._context is None and chunks._fetcher is None


def test_the_documents_assembled_wait_on_disk_for_the_build_to_land(tmp_path, monkeypatch):
    from deckgen.cards.sides import LaidOut

    saved = []
    save_cache = LaidOut.save_cache
    monkeypatch.setattr(LaidOut, "save_cache", lambda laid_out: (saved.append(laid_out), save_cache(laid_out)))
    source = tmp_path / "w.yaml"
    source.write_text(content(), encoding="utf-8")
    written = build(Request(content=source, out_dir=tmp_path / "out", only=("cards",), workers=1, cache=True))
    # until the build has landed, the handout is written with workers forked from this process
    (laid_out,) = saved
    assert not any(isinstance(part, bytes) for part in laid_out._assembled[1])
    (entry,) = (tmp_path / "out" / CACHE_DIR / "w").glob("*.assembled")
    kept = entry.read_bytes()
    assert all(path.read_bytes() in kept for path in written if path.suffix == ".pdf")
