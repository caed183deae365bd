"""The command line as a user meets it: exit statuses, messages without tracebacks, the helper commands."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from deckgen import __version__
from deckgen.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["layouts"], ["init"], ["init", "workshop"],
                                     ["init", "layout"], ["schema"], ["calibrate"]])
def test_help_on_every_command(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_bad_content_exits_1_with_every_problem_and_no_traceback(run, write_content):
    path = write_content("title: T\nmodels:\n  - name: A\n    strenghts: [x]\n  - nam: B\n")
    result = run("build", path, "--only", "slides")
    assert result.exit_code == 1
    assert f"{path}:4:5: model 1 'A', strenghts: unknown key; did you mean 'strengths'?" in result.output
    assert f"{path}:5:5: model 2, nam: unknown key; did you mean 'name'?" in result.output
    assert "3 problems found; nothing was written." in result.output
    assert "Traceback" not in result.output
    assert not (path.parent / "output").exists() or not any((path.parent / "output").iterdir())


def test_bad_usage_exits_2(run):
    assert run("build", "--only", "everything").exit_code == 2
    assert run("build", "--back-offset", "one", "1").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_choices_are_case_blind(run, write_content):
    result = run("build", write_content("title: T\nmodels: [{name: A}]\n"), "--paper", "a3", "--duplex", "SHORT-EDGE",
                 "--only", "Cards", "-q", "-o", "out")
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    width, height = PdfReader("out/workshop-cards.pdf").pages[0].mediabox[2:]
    assert (round(float(width) * 25.4 / 72), round(float(height) * 25.4 / 72)) == (420, 297)


@pytest.mark.parametrize("values, shift", [(("1,5", "-0.5"), (1.5, -0.5)), (("0", "2"), (0.0, 2.0))])
def test_back_offset_takes_two_values_with_either_decimal_mark(run, write_content, values, shift):
    from pypdf import PdfReader

    content = write_content("title: T\nmodels: [{name: A}]\n")
    assert run("build", content, "--only", "cards", "-q", "-o", "plain").exit_code == 0
    result = run("build", content, "--only", "cards", "-q", "-o", "moved", "--back-offset", *values)
    assert result.exit_code == 0, result.output

    def back_matrix(folder):  # the back sheet's placement of its first card, in mm
        page = PdfReader(f"{folder}/workshop-cards.pdf").pages[1]
        numbers = page.get_contents().get_data().decode("latin-1").split(" cm")[0].split()[-2:]
        return tuple(float(n) * 25.4 / 72 for n in numbers)

    (px, py), (mx, my) = back_matrix("plain"), back_matrix("moved")
    assert (round(mx - px, 1), round(py - my, 1)) == shift


def test_a_back_offset_that_could_be_misread_or_is_out_of_range_exits_2(run):
    result = run("build", "--back-offset", "1,5")
    assert result.exit_code == 2 and "requires 2 arguments" in result.output
    result = run("build", "--back-offset", "30", "0")
    assert result.exit_code == 2 and "at most 20 mm" in result.output


def test_a_content_name_without_yaml_is_found_and_a_typo_gets_a_suggestion(run, write_content):
    write_content("language: en\ntitle: T\nmodels: [{name: A}]\n", name="buurtdag.yaml")
    assert run("check", "buurtdag").output.strip() == "buurtdag.yaml: OK"
    result = run("check", "buurtdg.yaml")
    assert result.exit_code == 1
    assert result.output.startswith("buurtdg.yaml: no such content file; did you mean buurtdag.yaml?")


def test_a_workbook_name_without_xlsx_is_found(run, tmp_path):
    from deckgen.workbook_init import new_workbook

    new_workbook("dag", "en", tmp_path)
    result = run("check", "dag")
    assert result.output.strip().endswith("dag.xlsx: OK"), result.output


def test_no_help_line_is_cut_off(run):
    commands = run("--help").output.split("Commands:")[1]
    assert "..." not in commands
    assert len([line for line in commands.splitlines() if line.strip()]) == len(main.commands)
    for name, command in main.commands.items():
        for option in command.params:
            if isinstance(option, click.Option) and option.name != "help":
                assert option.help, f"deckgen {name} {option.opts[0]} has no description"


def test_unknown_layout_is_one_message(run, example_path):
    result = run("build", example_path, "--layout", "nosuch", "--only", "slides")
    assert result.exit_code == 1
    assert result.output.startswith("error: layout 'nosuch' not found")


def test_init_workshop_in_each_language_builds_clean(run, tmp_path):
    from deckgen.content import load_workshop

    for language in ("nl", "en", "fr"):
        result = run("init", "workshop", f"new-{language}", "--language", language)
        assert result.exit_code == 0, result.output
        workshop = load_workshop(tmp_path / f"new-{language}.yaml")
        assert workshop.language == language and len(workshop.models) == 2
    assert run("init", "workshop", "new-nl").exit_code == 1  # never overwrites


def test_init_layout_extends_default_and_loads(run, tmp_path):
    from deckgen.layout import load_layout

    result = run("init", "layout", "buurtwerk")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "layouts" / "buurtwerk" / "layout.yaml").read_text()
    for key in ("colors:", "primary:", "fonts:", "logo:", "footer:", "labels:", "template:", "duplex:", "bleed:"):
        assert key in text
    layout = load_layout("buurtwerk")
    assert layout.extends == "default" and layout.colors.primary == "#1F4E79"
    listing = run("layouts").output
    assert "buurtwerk" in listing and "default" in listing


def test_schema_describes_every_content_key(run):
    schema = json.loads(run("schema").output)
    assert schema["required"] == ["title", "models"]
    model = schema["properties"]["models"]["items"]
    assert set(model["properties"]) == {"name", "title", "summary", "examples", "strengths", "weaknesses",
                                        "preconditions", "questions", "notes", "duration", "image"}
    assert model["additionalProperties"] is False
    picture = model["properties"]["image"]["anyOf"]  # a path, or its file and alt text
    assert picture[0]["type"] == "string" and set(picture[1]["properties"]) == {"file", "alt"}
    layout_schema = json.loads(run("schema", "--layout").output)
    assert "cards" in layout_schema["properties"]


BAD_CONTENT = {
    "syntax": "title: [T\nmodels: []\n",
    "wrong type": "title: T\nmodels: 3\n",
    "missing key": "models: [{name: A}]\n",
    "unknown key": "title: T\nmodels: [{name: A, strenghts: [x]}]\n",
    "empty list": "title: T\nmodels: []\n",
    "language": "language: es\ntitle: T\nmodels: [{name: A}]\n",
    "date": "title: T\ndate: 2018-02-30\nmodels: [{name: A}]\n",
    "empty": "",
    "not a mapping": "just a sentence\n",
}


@pytest.mark.parametrize("case", sorted(BAD_CONTENT))
def test_every_kind_of_bad_content_is_one_clean_message(run, tmp_path, case):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_CONTENT[case], encoding="utf-8")
    result = run("build", path)
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:"), result.output
    assert "Traceback" not in result.output and not (tmp_path / "output").exists()


@pytest.mark.parametrize("case", ["binary", "latin-1", "directory", "missing"])
def test_unreadable_content_is_one_clean_message(run, tmp_path, case):
    path = tmp_path / "bad.yaml"
    if case == "binary":
        path.write_bytes(b"\x00\x01\x02")
    elif case == "latin-1":
        path.write_bytes("title: Café\n".encode("latin-1"))
    elif case == "directory":
        path.mkdir()
    result = run("build", path)
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:"), result.output
    assert "Traceback" not in result.output


def test_init_into_an_unusable_folder_is_one_message(run, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("keep")
    for command in (["init", "workshop", "w", "--dir", blocker / "sub"],
                    ["init", "layout", "org", "--dir", blocker / "sub"]):
        result = run(*command)
        assert result.exit_code == 1 and result.output.startswith("error: cannot write"), result.output
    assert blocker.read_text() == "keep"
