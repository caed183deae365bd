"""Batch builds: several workshops in several layouts in one call; one failure stops none of the others."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from deckgen.cli import main


def test_several_workshops_in_several_layouts(tmp_path, write_content, monkeypatch, english_content):
    monkeypatch.chdir(tmp_path)
    good = write_content(english_content(2, questions=False), name="good.yaml")
    bad = write_content("title: T\nmodels:\n  - nmae: A\n", name="bad.yaml")
    other = write_content("language: fr\ntitle: Atelier\nmodels: [{name: Modèle, strengths: [Force]}]\n",
                          name="other.yaml")
    result = CliRunner().invoke(main, ["build", str(good), str(bad), str(other), "--only", "slides",
                                       "--layout", "default", "--layout", "grootletter", "--out", "out"])
    assert result.exit_code == 1
    for layout in ("default", "grootletter"):
        assert (tmp_path / "out" / layout / "good.pptx").is_file()
        assert (tmp_path / "out" / layout / "other.pptx").is_file()
        assert not (tmp_path / "out" / layout / "bad.pptx").exists()
    assert f"failed: {bad} (layout default)" in result.output
    assert "model 1, nmae: unknown key; did you mean 'name'?" in result.output
    assert "4 of 6 builds succeeded" in result.output


def test_one_layout_many_workshops_share_the_output_folder(tmp_path, write_content, monkeypatch, english_content):
    monkeypatch.chdir(tmp_path)
    first = write_content(english_content(1, questions=False), name="first.yaml")
    second = write_content(english_content(1, questions=False), name="second.yaml")
    result = CliRunner().invoke(main, ["build", str(first), str(second), "--only", "slides", "--out", "out"])
    assert result.exit_code == 0, result.output
    # beside the decks only the cache folder (.deckgen-cache: the slides' fitted sizes of each workshop)
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".deckgen-cache") == [
        "first.pptx", "second.pptx"]
    assert sorted(p.name for p in (tmp_path / "out" / ".deckgen-cache").iterdir()) == ["first", "second"]
    assert "2 of 2 builds succeeded." in result.output


def test_two_workshops_that_would_write_the_same_files_are_refused(tmp_path, monkeypatch, english_content):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "w.yaml"
    second = tmp_path / "b" / "w.yaml"
    for path in (first, second):
        path.write_text(english_content(1, questions=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(first), str(second), "--only", "slides", "--out", "out"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {first} (its layout) and {second} (its layout) would both write")
    assert not (tmp_path / "out").exists()


def test_a_translation_and_a_content_that_would_write_the_same_files_are_refused(tmp_path, monkeypatch,
                                                                                   english_content):
    # dag.yaml's French (dag.fr.po) is written as dag-fr.*, the very names dag-fr.yaml's own outputs take
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "dag.yaml"
    other = tmp_path / "dag-fr.yaml"
    for path in (content, other):
        path.write_text(english_content(1, questions=False), encoding="utf-8")
    (tmp_path / "dag.fr.po").write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), str(other), "--only", "slides", "--out", "out"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {content} (its layout) and {other} (its layout) would both write "
                                    f"{Path('out') / 'dag-fr'}.*")
    assert not (tmp_path / "out").exists()
    # building only the source language writes no dag-fr.*: nothing clashes
    result = CliRunner().invoke(main, ["build", str(content), str(other), "--only", "slides", "--out", "out",
                                       "--language", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "dag.pptx").is_file() and (tmp_path / "out" / "dag-fr.pptx").is_file()
