"""Files that are not YAML content at all: each gets one clear message naming the file, line and column."""

from __future__ import annotations

import os

import pytest

from deckgen import yamlsource
from deckgen.content import load_workshop
from deckgen.errors import InvalidInput


def message(path) -> str:
    with pytest.raises(InvalidInput) as caught:
        load_workshop(path)
    (problem,) = caught.value.problems
    return str(problem)


def test_an_unclosed_list_points_at_its_bracket(write_content):
    path = write_content("title: T\nmodels:\n  - name: [A\n")
    assert message(path) == (f"{path}:3:11: the list that starts with '[' here is not closed; end it with ']' "
                             "and separate its items with ', '")


def test_duplicate_key(write_content):
    path = write_content("title: T\ntitle: U\nmodels: [{name: A}]\n")
    assert message(path) == f"{path}:2:1: 'title' is given twice here; keep one of the two"


def test_empty_file(write_content):
    path = write_content("")
    assert message(path) == f"{path}:1:1: the content file is empty; expected keys such as title: and models:"


def test_comments_only_is_empty(write_content):
    path = write_content("# nothing yet\n")
    assert message(path) == f"{path}:1:1: the content file is empty; expected keys such as title: and models:"


# The slips a trainer makes, each told in plain words on the line and column where it is.
SLIPS = [
    ("title: T\nmodels:\n\t- name: A\n", 3, 1,
     "this line is indented with a tab; use spaces, not tabs, to indent"),
    ("title: T\nsubtitle Hello there\nmodels:\n  - name: A\n", 2, 1,
     "this line has no ':' after its key; write the key, a colon and a space before the text: subtitle: Hello there"),
    ("title: 'Het model van 't Hof'\nmodels:\n  - name: A\n", 1, 23,
     "this apostrophe ends the text that the single quote before it began; put the text in double quotes "
     "instead: title: \"Het model van 't Hof\" (or write the apostrophe twice: '')"),
    ("title: Workshop: netwerken\nmodels:\n  - name: A\n", 1, 16,
     "the text after 'title:' contains ': ', which YAML reads as another key; put the whole text in double "
     "quotes: title: \"Workshop: netwerken\""),
    ("title: T\nmodels:\n  - name: A\n     strengths: [x]\n", 4, 6,
     "'strengths' is indented more than 'name' on line 3, so YAML reads it as more of that line's text; "
     "indent it by 4 spaces, like 'name'"),
    ("title: T\nmodels:\n  - name: A\n   strengths: [x]\n", 4, 4,
     "'strengths' is indented by 3 spaces, which lines up with no key above it; indent it by 4 spaces, "
     "like 'name'"),
    ("title: T\n  subtitle: S\nmodels:\n  - name: A\n", 2, 3,
     "'subtitle' is indented more than 'title' on line 1, so YAML reads it as more of that line's text; "
     "start it at the beginning of the line, like 'title'"),
    ('title: "Het model\nmodels:\n  - name: A\n', 1, 8,
     'the text that starts with " here is never closed; end it with " on the same line'),
    ("title: T\nmodels: [{name: A}]\n---\ntitle: U\n", 3, 1,
     "a second document starts here with '---'; a file holds one: remove this line and put what follows "
     "in a file of its own"),
]


@pytest.mark.parametrize("text, line, column, expected", SLIPS)
def test_a_slip_is_told_in_plain_words_where_it_is(write_content, text, line, column, expected):
    path = write_content(text)
    assert message(path) == f"{path}:{line}:{column}: {expected}"
    for jargon in ("<block end>", "<scalar>", "mapping", "YAML syntax error"):
        assert jargon not in message(path)


def test_a_value_lost_to_a_comment_is_an_error_that_says_to_quote_it(tmp_path):
    layout = tmp_path / "house"
    layout.mkdir()
    (layout / "layout.yaml").write_text("colors:\n  primary: #2E7D32\n  accent:   # optional\n", encoding="utf-8")
    from deckgen.layout import load_layout

    with pytest.raises(InvalidInput) as caught:
        load_layout(str(layout))
    (problem,) = caught.value.problems
    assert str(problem) == (f"{layout / 'layout.yaml'}:2:12: colors.primary: #2E7D32 is read as a comment because "
                            "it starts with '#', so primary is empty; put the value in quotes: primary: \"#2E7D32\"")


def test_not_a_mapping(write_content):
    path = write_content("- a\n- b\n")
    assert message(path) == f"{path}:1:1: expected keys with values (such as name: ...), got a list"


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
    assert str(caught.value.problems[-1]).endswith(
        "more than 100000 values: too large a file, or YAML aliases that multiply it (an alias bomb); refused")


def test_a_list_item_with_colon_space_is_told_to_be_quoted(write_content):
    path = write_content("title: T\nmodels:\n  - name: A\n    summary:\n      - Let op: dit is belangrijk\n")
    assert message(path) == (f"{path}:5:9: model 1 'A', summary item 1: expected text, but the ': ' in it makes "
                             "YAML read a key and a value; put the whole text in double quotes: "
                             "\"Let op: dit is belangrijk\"")


# --- the quick reading and the careful one ------------------------------------------------------------------

QUICK_AND_CAREFUL = """\
language: en
title: "Quoted: with a colon"
subtitle: 'single ''quoted'''
date: 2024-05-17
authors: [A. Author, "B, Author"]
overview: |
  A block that keeps
  its lines.
models:
  - name: First — with ünïcödé
    summary:
      - >
        folded into
        one line
      - plain text with # a comment after it
    strengths: [yes, no, on, "1:30", Strong]
    weaknesses: [~tilde is text, null-ish but not null]
  - name: Second
    title: Second's title
    strengths: [Strong]
"""


def test_the_quick_reading_gives_what_the_careful_one_gives(tmp_path, example_path):
    from deckgen.content import CONTENT_SPEC, load_data
    from deckgen.schema import validate
    from deckgen.sourcemap import source_map

    written = tmp_path / "mixed.yaml"
    written.write_text(QUICK_AND_CAREFUL, encoding="utf-8")
    for path in (written, example_path):
        assert yamlsource.read_quickly(path) is not None, f"{path} should be read quickly"
        data, sources = load_data(path)
        document = yamlsource.careful_load(path.read_text(encoding="utf-8-sig"))
        assert data == validate(document, CONTENT_SPEC, path, base=path.parent.absolute())
        assert sources.positions == source_map(document).positions


@pytest.mark.parametrize("text, reason", [
    ("title: T\nsubtitle: # later\nmodels: [{name: A}]\n", "an empty value (perhaps lost to a comment)"),
    ("title: T\nmodels:\n\t- name: A\n", "a tab"),
    ("title: [T\nmodels: [{name: A}]\n", "YAML that does not parse"),
])
def test_what_needs_a_located_message_is_read_carefully(write_content, text, reason):
    assert yamlsource.read_quickly(write_content(text)) is None, reason


def test_a_slip_found_after_the_quick_reading_is_told_at_its_line(write_content):
    path = write_content("title: T\nmodels:\n  - name: A\n    strenghts: [x]\n")
    assert message(path).startswith(f"{path}:4:5: model 1 'A', strenghts: unknown key")
