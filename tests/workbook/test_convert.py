"""`deckgen convert A B`: YAML to workbook and back without losing what a build shows, and every refusal
with one message and nothing written."""

from __future__ import annotations

import dataclasses
import datetime
import textwrap

import openpyxl
import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.content import load_data, load_workshop
from deckgen.handout.words import WORD_KEYS
from deckgen.resources import example_content
from deckgen.workbook import MODEL_KEYS, WORKSHOP_KEYS

RICH = textwrap.dedent("""\
    # a comment that is no content
    language: nl-BE
    layout: buurtwerk
    title: "Studiedag: *netwerken* in **de buurt**"
    subtitle: "=SUM(A1:A3)"
    authors:
      - Ann
      - "12"
    venue: "yes"
    date: 2025-03-12
    duration: 150
    overview: "- De {count} modellen"
    labels:
      strengths: Plussen
      questions: "Vraag #"
      run_sheet: Verloop van de dag
    models:
      - name: "Model *één*"
        title: "2024"
        duration: 25
        summary:
          - "# niet een kop"
          - Tweede punt met 'aanhalingstekens'
        examples: [cursus 'Vrienden maken', "Project: De Brug"]
        strengths: ["*Veilig*", "nul"]
        weaknesses: ["  spaties rond  ", "-3"]
        preconditions: Een enkele randvoorwaarde
        questions: ["Wat vind jij?", "Waarom *niet*?"]
        notes: |
          Eerste regel.

            Ingesprongen regel met een ':' erin.
          Laatste regel.
      - name: Tweede
    questions:
      - "Welk model past bij **jou**?"
    sources:
      - "Auteur, A. (2024). *Titel*. Plaats: Uitgever."
      - "2018-05-17"
    """)


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def same_workshop(a, b) -> bool:
    return dataclasses.replace(load_workshop(a), source=b) == load_workshop(b)


@pytest.fixture(scope="module")
def example_round_trip(tmp_path_factory):
    folder = tmp_path_factory.mktemp("example")
    book, back = folder / "netwerk.xlsx", folder / "netwerk.yaml"
    assert run(example_content(), book).exit_code == 0
    assert run(book, back).exit_code == 0
    return book, back


@pytest.fixture(scope="module")
def rich_round_trip(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rich")
    source, book, back = folder / "rijk.yaml", folder / "rijk.xlsx", folder / "terug.yaml"
    source.write_text(RICH, encoding="utf-8")
    for a, b in ((source, book), (book, back)):
        result = run(a, b)
        assert result.exit_code == 0, result.output
        assert result.output.strip() == str(b)
    return source, book, back


def test_the_example_goes_to_a_workbook_and_back_unchanged(example_round_trip):
    book, back = example_round_trip
    assert same_workshop(example_content(), book) and same_workshop(example_content(), back)
    assert load_data(back)[0] == load_data(example_content())[0]


def test_every_optional_key_and_every_tricky_text_survives_both_ways(rich_round_trip):
    source, book, back = rich_round_trip
    assert same_workshop(source, book) and same_workshop(source, back)
    assert load_data(back)[0] == load_data(source)[0]
    workshop = load_workshop(back)
    model = workshop.models[0]
    assert workshop.language == "nl-BE" and workshop.layout == "buurtwerk" and workshop.duration == 150
    assert workshop.labels == {"strengths": "Plussen", "questions": "Vraag #", "run_sheet": "Verloop van de dag"}
    assert workshop.date == datetime.date(2025, 3, 12) and workshop.subtitle.plain == "=SUM(A1:A3)"
    assert model.duration == 25
    assert model.notes == "Eerste regel.\n\n  Ingesprongen regel met een ':' erin.\nLaatste regel."
    assert [t.plain for t in model.strengths] == ["Veilig", "nul"] and model.strengths[0].spans[0].italic
    assert "# a comment that is no content" not in back.read_text(encoding="utf-8")


def test_a_converted_workbook_is_laid_out_as_init_writes_one(rich_round_trip, tmp_path):
    _, book, _ = rich_round_trip
    CliRunner().invoke(main, ["init", "workshop", "nieuw", "--format", "xlsx", "--dir", str(tmp_path)])
    converted, new = openpyxl.load_workbook(book), openpyxl.load_workbook(tmp_path / "nieuw.xlsx")
    assert converted.sheetnames == new.sheetnames == ["workshop", "models", "questions", "sources"]
    for name in converted.sheetnames:
        heading = [cell.value for cell in next(converted[name].iter_rows(max_row=1))]
        assert heading == [cell.value for cell in next(new[name].iter_rows(max_row=1))]
        assert all(cell.comment and cell.font.bold for cell in next(converted[name].iter_rows(max_row=1)))
        assert converted[name].freeze_panes == new[name].freeze_panes
    workshop = converted["workshop"]
    # every key and content label has its row; a word of the handout only when the content sets it
    assert [row[0].value for row in workshop.iter_rows(min_row=2)] == [
        key for key in WORKSHOP_KEYS if key[7:] not in WORD_KEYS or key == "labels.run_sheet"]
    assert [cell.value for cell in converted["models"][1]] == list(MODEL_KEYS)
    (validation,) = workshop.data_validations.dataValidation
    assert validation.type == "list" and "B2" in str(validation.sqref)
    values = {row[0].value: row[1] for row in workshop.iter_rows(min_row=2)}
    assert values["date"].is_date and values["date"].value.date() == datetime.date(2025, 3, 12)
    assert values["subtitle"].data_type == "s" and values["subtitle"].value == "=SUM(A1:A3)"  # text, no formula
    assert values["duration"].value == 150 and values["authors"].value == "Ann\n12"
    assert values["labels.strengths"].value == "Plussen" and values["labels.examples"].value is None


def test_a_hand_made_workbook_goes_to_yaml_and_back(tmp_path):
    CliRunner().invoke(main, ["init", "workshop", "dag", "--format", "xlsx", "--dir", str(tmp_path)])
    first = tmp_path / "dag.xlsx"
    book = openpyxl.load_workbook(first)
    rows = {row[0].value: row[1] for row in book["workshop"].iter_rows(min_row=2)}
    rows["date"].value = "2025-03-12"  # typed as text
    rows["duration"].value = "90"
    rows["labels.sources"].value = "Lees verder"
    models = book["models"]
    models["B3"] = "Kort"
    models["I3"] = "Regel een\nRegel twee"
    models["J2"] = 30
    models["D3"] = "eerste\n\n  tweede  \n"  # an empty line and spaces in a cell of items
    book.save(first)
    middle, last = tmp_path / "dag.yaml", tmp_path / "weer.xlsx"
    for a, b in ((first, middle), (middle, last)):
        result = run(a, b)
        assert result.exit_code == 0, result.output
    assert same_workshop(first, middle) and same_workshop(first, last)
    assert load_data(last)[0] == load_data(first)[0]
    written = load_data(middle)[0]
    assert written["date"] == datetime.date(2025, 3, 12) and written["duration"] == 90
    assert written["models"][1]["examples"] == ["eerste", "tweede"] and written["models"][0]["duration"] == 30


def test_an_existing_target_is_kept_without_force(rich_round_trip, tmp_path):
    source, book, _ = rich_round_trip
    target = tmp_path / "bestaat.xlsx"
    target.write_bytes(b"mine")
    result = run(source, target)
    assert result.exit_code == 1 and "already exists; nothing was written. Use --force" in result.output
    assert target.read_bytes() == b"mine"
    assert run("--force", source, target).exit_code == 0
    assert same_workshop(source, target)
    assert [p.name for p in tmp_path.iterdir()] == ["bestaat.xlsx"]  # no temporary file left


@pytest.mark.parametrize("a, b, words", [
    ("w.yaml", "w.yaml", "are the same file"),
    ("w.yaml", "x.yml", "are both YAML files"),
    ("w.yaml", "w.ods", "cannot write a .ods file"),
    ("w.yaml", "w.xlsm", "cannot write a .xlsm file"),
    ("w.txt", "w.xlsx", "cannot read a .txt file"),
    ("w.yaml", "out", "cannot write a file without extension"),
])
def test_what_convert_does_not_do_is_one_message(tmp_path, a, b, words):
    (tmp_path / "w.yaml").write_text(RICH, encoding="utf-8")
    (tmp_path / "w.txt").write_text("title: T", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run(tmp_path / a, tmp_path / b)
    assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_invalid_input_is_located_and_nothing_is_written(tmp_path, rich_round_trip):
    source = tmp_path / "fout.yaml"
    source.write_text("title: T\nmodels:\n  - name: A\n    duration: lang\n", encoding="utf-8")
    result = run(source, tmp_path / "fout.xlsx")
    assert result.exit_code == 1
    assert f"{source}:4:15: model 1 'A', duration: expected a whole number of minutes" in result.output
    book = openpyxl.load_workbook(rich_round_trip[1])
    book["models"]["J2"] = "een half uur"
    book.save(tmp_path / "fout2.xlsx")
    result = run(tmp_path / "fout2.xlsx", tmp_path / "fout2.yaml")
    assert result.exit_code == 1 and f"{tmp_path / 'fout2.xlsx'}:models!J2: duration: expected" in result.output
    assert not (tmp_path / "fout.xlsx").exists() and not (tmp_path / "fout2.yaml").exists()


def _picture(path, size=(600, 400)):
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (40, 120, 160)).save(path)


PICTURED = textwrap.dedent("""\
    language: en
    title: Pictures
    image: pictures/group.png
    models:
      - name: Bench
        image: {file: pictures/bench.png, alt: Two people talking on a bench}
        strengths: [Close]
      - name: Plain
        strengths: [Simple]
    """)


def test_pictures_survive_both_ways_with_their_alt_text(tmp_path):
    for name in ("group", "bench"):
        _picture(tmp_path / "pictures" / f"{name}.png")
    source = tmp_path / "day.yaml"
    source.write_text(PICTURED, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["convert", str(source), str(tmp_path / "day.xlsx")]).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "day.xlsx")["models"]
    headings = [cell.value for cell in sheet[1]]
    bench = dict(zip(headings, (cell.value for cell in sheet[2])))
    assert (bench["image"], bench["image alt"]) == ("pictures/bench.png", "Two people talking on a bench")
    result = runner.invoke(main, ["convert", str(tmp_path / "day.xlsx"), str(tmp_path / "back.yaml")])
    assert result.exit_code == 0, result.output
    original, back = load_workshop(source), load_workshop(tmp_path / "back.yaml")
    assert dataclasses.replace(back, source=source) == original
    assert back.models[0].image.alt == "Two people talking on a bench" and back.image.alt is None


def test_converting_away_from_the_pictures_folder_is_refused(tmp_path):
    for name in ("group", "bench"):
        _picture(tmp_path / "pictures" / f"{name}.png")
    source = tmp_path / "day.yaml"
    source.write_text(PICTURED, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = CliRunner().invoke(main, ["convert", str(source), str(elsewhere / "day.xlsx")])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "image" in result.output and "not inside the folder" in result.output
    assert list(elsewhere.iterdir()) == []
