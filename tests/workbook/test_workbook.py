"""An Excel workbook as the content source: the same workshop as its YAML twin, every problem at its cell,
and a new workbook from `deckgen init workshop NAME --format xlsx`."""

from __future__ import annotations

import dataclasses
import datetime
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.content import load_located, load_workshop
from deckgen.errors import InvalidInput, Problem
from deckgen.resources import example_content
from deckgen.workbook import MODEL_KEYS
from deckgen.yamlsource import read_yaml


def write_workbook(data: dict, path, date_as_text: bool = False):
    """``data`` (a content mapping, as YAML gives it) as a workbook laid out as deckgen reads it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "workshop"
    sheet.append(["key", "value"])
    for key, value in data.items():
        if key in ("models", "questions", "sources"):
            continue
        if key == "labels":
            for label, word in value.items():
                sheet.append([f"labels.{label}", word])
            continue
        if key == "date" and not date_as_text:
            value = datetime.date.fromisoformat(str(value))
        sheet.append([key, "\n".join(value) if isinstance(value, list) else value])
    models = book.create_sheet("models")
    models.append(list(MODEL_KEYS))
    for model in data["models"]:
        models.append([("\n".join(model[key]) if isinstance(model.get(key), list) else model.get(key))
                       for key in MODEL_KEYS])
    for name in ("questions", "sources"):
        extra = book.create_sheet(name)
        extra.append([name[:-1]])
        for text in data.get(name, ()):
            extra.append([text])
    book.save(path)
    return path


def plain(document):
    """A ruamel document as plain dicts, lists and strings."""
    if isinstance(document, dict):
        return {str(key): plain(value) for key, value in document.items()}
    if isinstance(document, list):
        return [plain(item) for item in document]
    return str(document) if document is not None else None


@pytest.mark.parametrize("date_as_text", [False, True], ids=["date-cell", "date-text"])
def test_the_example_as_a_workbook_is_the_same_workshop(tmp_path, date_as_text):
    data = plain(read_yaml(example_content(), "content file"))
    path = write_workbook(data, tmp_path / "netwerk.xlsx", date_as_text)
    from_yaml, from_workbook = load_workshop(example_content()), load_workshop(path)
    assert dataclasses.replace(from_workbook, source=from_yaml.source) == from_yaml


def test_cells_hold_lists_one_item_a_line_and_notes_keep_their_lines(tmp_path):
    path = write_workbook({"title": "T", "authors": ["Ann", "Bob"], "date": "2024-03-01", "venue": 12,
                           "models": [{"name": 2024, "summary": ["a", "b"], "preconditions": "one",
                                       "notes": "Line one\n\n  Line two"}],
                           "questions": ["Why?"], "labels": {"examples": "Vb."}}, tmp_path / "w.xlsx")
    workshop = load_workshop(path)
    assert workshop.authors == ("Ann", "Bob") and workshop.venue.plain == "12"
    model = workshop.models[0]
    assert model.name.plain == "2024" and [t.plain for t in model.summary] == ["a", "b"]
    assert [t.plain for t in model.preconditions] == ["one"]
    assert model.notes == "Line one\n\n  Line two"
    assert [q.plain for q in workshop.questions] == ["Why?"] and workshop.labels == {"examples": "Vb."}


def problems_of(path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_located(path)
    return [str(problem) for problem in caught.value.problems]


def test_every_problem_is_told_at_its_cell(tmp_path):
    path = write_workbook({"title": "T", "language": "xx", "models": [
        {"name": "A", "strengths": ["fine", "x" * 10_001]}, {"summary": ["no name"]}]}, tmp_path / "w.xlsx")
    book = openpyxl.load_workbook(path)
    book["models"]["F1"] = "weaknes"
    book["workshop"].append(["titel", "Oops"])
    book["workshop"].append(["title", "Twice"])
    book.save(path)
    assert problems_of(path) == [
        f"{path}:workshop!A4: titel: unknown key; did you mean 'title'?",
        f"{path}:workshop!A5: title: this key is given twice; keep one row of it",
        f"{path}:models!F1: weaknes: unknown heading; did you mean 'weaknesses'?",
        f"{path}:workshop!B3: language: expected one of nl, en, fr, de, got 'xx'",
        f"{path}:models!E2: strengths: line 2 of the cell: expected at most 10000 characters, got 10001",
        f"{path}:models!A3: name: required; expected text, got nothing",
    ]
    # a YAML file's problems read as they always did
    assert str(Problem("w.yaml", 3, 7, "models[0].name", "required")) == "w.yaml:3:7: models[0].name: required"


def test_text_that_does_not_fit_points_at_its_cell(tmp_path):
    path = write_workbook({"title": "T", "models": [{"name": "A", "strengths": [
        " ".join(["A strength that takes a great deal of room on the card"] * 120)]}]}, tmp_path / "w.xlsx")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:models!E2: model 1 'A', strengths item 1: card" in result.output


def test_build_from_a_workbook(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_workbook({"title": "T", "models": [{"name": "A", "strengths": ["x"]}]}, tmp_path / "dag.xlsx")
    result = CliRunner().invoke(main, ["build", "dag.xlsx", "--only", "slides", "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "dag.pptx").is_file()


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_text("key,value\n"), "is not an Excel workbook (.xlsx), or it is damaged"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), "old Excel 97-2003 file"),
    (lambda p: zipfile.ZipFile(p, "w").writestr("word/document.xml", "<w/>"), "is not an Excel workbook"),
], ids=["csv", "xls", "docx"])
def test_files_that_are_no_workbook(tmp_path, make, words):
    path = tmp_path / "w.xlsx"
    make(path)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: ") and words in problem


def test_a_zip_bomb_is_not_opened(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (8 * 1024 * 1024))
    (problem,) = problems_of(path)
    assert "zip bomb" in problem


def test_sheets_it_needs(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    book.save(tmp_path / "w.xlsx")
    (problem,) = problems_of(tmp_path / "w.xlsx")
    assert "no sheet called 'workshop' or 'models'" in problem and "--format xlsx" in problem


def test_init_writes_a_workbook_that_checks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "workshop", "dag", "--format", "xlsx", "--language", "en"])
    assert result.exit_code == 0 and result.output.strip() == "dag.xlsx", result.output
    book = openpyxl.load_workbook("dag.xlsx")
    assert book.sheetnames == ["workshop", "models", "questions", "sources"]
    models = book["models"]
    assert [cell.value for cell in models[1]] == list(MODEL_KEYS)
    assert all(cell.comment is not None and cell.font.bold for cell in models[1])
    (validation,) = book["workshop"].data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"nl,en,fr,de"' and "B2" in str(validation.sqref)
    workshop = load_workshop(tmp_path / "dag.xlsx")
    assert workshop.language == "en" and len(workshop.models) == 2 and workshop.date == datetime.date(2025, 1, 31)
    assert CliRunner().invoke(main, ["check", "dag.xlsx"]).exit_code == 0
    again = CliRunner().invoke(main, ["init", "workshop", "dag", "--format", "xlsx"])
    assert again.exit_code == 1 and "already exists" in again.output
