"""Files that are not YAML content at all: each gets one clear message naming the file, line and column."""

from __future__ import annotations

import os

import pytest

from deckgen.content import load_workshop
from deckgen.errors import InvalidInput
from deckgen import yamlsource


def message(path) -> str:
    with pytest.raises(InvalidInput) as caught:
        load_workshop(path)
    (problem,) = caught.value.problems
    return str(problem)


def test_yaml_syntax_error_points_at_the_line(write_content):
    path = write_content("title: T\nmodels:\n  - name: [A\n")
    assert message(path).startswith(f"{path}:4:1: YAML syntax error: ")


def test_tab_indentation(write_content):
    path = write_content("title: T\nmodels:\n\t- name: A\n")
    assert message(path).startswith(f"{path}:3:1: YAML syntax error: ")


def test_duplicate_key(write_content):
    path = write_content("title: T\ntitle: U\nmodels: [{name: A}]\n")
    assert message(path).startswith(f"{path}:2:1: YAML syntax error: found duplicate key")


def test_empty_file(write_content):
    path = write_content("")
    assert message(path) == f"{path}:1:1: the content file is empty; expected a mapping of keys"


def test_comments_only_is_empty(write_content):
    path = write_content("# nothing yet\n")
    assert message(path) == f"{path}:1:1: the content file is empty; expected a mapping of keys"


def test_not_a_mapping(write_content):
    path = write_content("- a\n- b\n")
    assert message(path) == f"{path}:1:1: expected a mapping of keys, got a list"


def test_binary_file(tmp_path):
    path = tmp_path / "logo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert message(path) == f"{path}:3:1: looks like a binary file, not a YAML content file"


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Café\nmodels: [{name: A}]\n".encode("latin-1"))
    assert message(path) == f"{path}:1:11: is not UTF-8 text (byte 0xe9); save the content file as UTF-8"


def test_utf8_with_bom_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefftitle: Café\nmodels: [{name: A}]\n".encode("utf-8"))
    assert load_workshop(path).title.plain == "Café"


def test_directory(tmp_path):
    assert message(tmp_path) == f"{tmp_path}: is a directory; expected a YAML content file"


def test_missing(tmp_path):
    assert message(tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: no such content file"


def test_unreadable(write_content, monkeypatch):
    path = write_content("title: T\nmodels: [{name: A}]\n")
    if os.geteuid() == 0:  # root reads every file: simulate what a user without permission meets
        def refuse(_path):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(yamlsource, "_read_bytes", refuse)
    else:
        path.chmod(0)
    assert message(path) == f"{path}: cannot be read: permission denied"


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert message(path) == f"{path}: the content file is 52.4 MB; at most 2 MB is read"


def test_alias_bomb_is_refused(write_content):
    """A small file whose aliases expand to a huge workshop is stopped while it is checked."""
    summary = ", ".join(["x"] * 200)
    models = ", ".join(["*m"] * 1000)
    path = write_content(f"title: T\nspare: &m {{name: A, summary: [{summary}]}}\nmodels: [{models}]\n")
    with pytest.raises(InvalidInput) as caught:
        load_workshop(path)
    assert str(caught.value.problems[-1]).endswith("more than 100000 values: too large a file, or YAML aliases that multiply it (an alias bomb); refused")
