"""What is no deck to import, and where the content file is written: one message, exit status 1, no
traceback; the file lands whole or not at all, and never over an existing one without --force."""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner
from importer_samples import built_deck, handmade_deck

from deckgen.cli import main
from deckgen.importer import package
from deckgen.resources import example_content


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(main, ["import", *[str(a) for a in args]])

    return invoke


def _refused(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    for word in words:
        assert word in result.output, result.output


def _no_yaml(folder):
    assert not [path.name for path in folder.iterdir() if path.suffix == ".yaml" or ".deckgen-tmp-" in path.name]


def test_a_text_file_is_no_deck(run, tmp_path):
    (tmp_path / "notes.pptx").write_text("not a deck at all", encoding="utf-8")
    _refused(run("notes.pptx"), "notes.pptx: is not a PowerPoint deck (.pptx)", "save it as a .pptx")
    _no_yaml(tmp_path)


def test_a_missing_file_and_a_folder(run, tmp_path):
    _refused(run("gone.pptx"), "gone.pptx: no such file")
    (tmp_path / "folder.pptx").mkdir()
    _refused(run("folder.pptx"), "is a folder")


def test_an_encrypted_deck_says_to_remove_the_password(run, tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
    (tmp_path / "secret.pptx").write_bytes(ole)
    _refused(run("secret.pptx"), "protected with a password", "remove the password")
    _no_yaml(tmp_path)


def test_an_old_ppt_file_says_to_save_as_pptx(run, tmp_path):
    (tmp_path / "old.ppt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    _refused(run("old.ppt"), "old PowerPoint 97-2003 file (.ppt)", "save it as a .pptx")


def test_a_broken_deck(run, tmp_path):
    deck = built_deck(example_content(), tmp_path / "out")
    data = deck.read_bytes()
    (tmp_path / "cut.pptx").write_bytes(data[: len(data) // 2])
    _refused(run("cut.pptx"), "cut.pptx: is a damaged .pptx (its zip archive is cut short or broken)")
    # a whole zip whose presentation part is no XML
    with zipfile.ZipFile(deck) as source, zipfile.ZipFile(tmp_path / "bad.pptx", "w") as target:
        for entry in source.infolist():
            blob = b"<p:presentation" if entry.filename == "ppt/presentation.xml" else source.read(entry)
            target.writestr(entry, blob)
    _refused(run("bad.pptx"), "bad.pptx: cannot be read as a PowerPoint deck", "damaged")
    _no_yaml(tmp_path)


def test_a_word_document_is_named(run, tmp_path):
    with zipfile.ZipFile(tmp_path / "letter.pptx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    _refused(run("letter.pptx"), "is a Word document, not a PowerPoint deck")


def _bomb(path, size):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
        archive.writestr("ppt/media/zeros.bin", b"\0" * size)


def test_a_zip_bomb_is_refused_from_its_directory(run, tmp_path, monkeypatch):
    _bomb(tmp_path / "bomb.pptx", 4 * 1024 * 1024)  # 4 MB of zeros pack into a few kB
    _refused(run("bomb.pptx"), "times its size", "zip bomb")
    monkeypatch.setattr(package, "MAX_INFLATED", 1024 * 1024)
    monkeypatch.setattr(package, "MAX_RATIO", 10 ** 9)
    _refused(run("bomb.pptx"), "unpacks to 4 MB; a deck may unpack to at most 1 MB")
    # judged before python-pptx opens anything
    opened = []
    monkeypatch.setattr("pptx.Presentation", lambda *a: opened.append(a))
    run("bomb.pptx")
    assert opened == []
    _no_yaml(tmp_path)


def test_an_existing_file_is_kept_without_force(run, tmp_path):
    handmade_deck(tmp_path / "journee.pptx")
    (tmp_path / "journee.yaml").write_text("# mine\n", encoding="utf-8")
    _refused(run("journee.pptx"), "journee.yaml already exists", "--force")
    assert (tmp_path / "journee.yaml").read_text(encoding="utf-8") == "# mine\n"
    result = run("journee.pptx", "--force")
    assert result.exit_code == 0, result.output
    assert "language: fr" in (tmp_path / "journee.yaml").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*deckgen-tmp*"))


def test_output_names_a_yaml_file(run, tmp_path):
    handmade_deck(tmp_path / "journee.pptx")
    _refused(run("journee.pptx", "-o", "journee.pptx", "--force"), "must end in .yaml")
    assert (tmp_path / "journee.pptx").stat().st_size > 1000  # the deck is untouched
    result = run("journee.pptx", "-o", "sub/dag.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sub" / "dag.yaml").is_file() and result.stdout.strip() == "sub/dag.yaml"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(run, tmp_path, monkeypatch):
    from deckgen import importer

    handmade_deck(tmp_path / "journee.pptx")
    (tmp_path / "journee.yaml").write_text("# mine\n", encoding="utf-8")

    def broken(*args):
        raise OSError(28, "No space left on device", "journee.yaml")

    monkeypatch.setattr(importer, "_verify", broken)
    _refused(run("journee.pptx", "--force"), "cannot write journee.yaml: No space left on device")
    assert (tmp_path / "journee.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert not list(tmp_path.glob(".*deckgen-tmp*"))


def test_a_deck_without_models_writes_nothing(run, tmp_path):
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "Alleen een titel"
    prs.save(str(tmp_path / "leeg.pptx"))
    _refused(run("leeg.pptx"), "no work model found", "nothing was written")
    _no_yaml(tmp_path)
