"""The project and the builders registry: one resolution for every command, any registered builder by name."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from deckgen.build import check, write
from deckgen.builders import BUILDER_NAMES, builder, builders
from deckgen.cli import main
from deckgen.errors import DeckgenError, DoesNotFit, InvalidInput, Misfit
from deckgen.project import Request, open_project
from deckgen.sourcemap import source_map
from deckgen.yamlsource import read_yaml

TWO_MODELS = """\
language: en
title: Two models
models:
  - name: First
    strengths: [Fine]
  - name: Second
    title: The second
    strengths:
      - One strength
      - Another strength
"""


def test_every_registered_builder_has_a_name_and_its_outputs(tmp_path, write_content):
    project = open_project(Request(content=write_content(TWO_MODELS), out_dir=tmp_path / "out"))
    assert BUILDER_NAMES == ("slides", "cards", "handout")
    outputs = {name: builder(name).outputs(project.names) for name in BUILDER_NAMES}
    assert outputs["slides"] == {"deck": tmp_path / "out" / "workshop.pptx"}
    assert set(outputs["cards"].values()) == {tmp_path / "out" / name for name in
                                              ("workshop-cards.pdf", "workshop-cards-single.pdf",
                                               "workshop-cards.html")}
    assert outputs["handout"] == {"handout": tmp_path / "out" / "workshop-handout.pdf",
                                  "guide": tmp_path / "out" / "workshop-guide.pdf"}


def test_an_unknown_builder_is_named(tmp_path):
    with pytest.raises(DeckgenError, match="no builder called 'poster'; expected one of slides, cards, handout"):
        builders(("poster",))


def test_write_lands_exactly_the_outputs_of_the_builders_chosen(tmp_path, write_content):
    project = open_project(Request(content=write_content(TWO_MODELS), out_dir=tmp_path / "out"))
    written = write(project, ("slides",))
    assert written == [tmp_path / "out" / "workshop.pptx"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["workshop.pptx"]


def test_only_is_repeatable_on_the_command_line(tmp_path, write_content, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = write_content(TWO_MODELS)
    result = CliRunner().invoke(main, ["build", str(content), "--only", "slides", "--only", "cards", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        "workshop-cards-single.pdf", "workshop-cards.html", "workshop-cards.pdf", "workshop.pptx"]
    result = CliRunner().invoke(main, ["build", str(content), "--only", "poster"])
    assert result.exit_code == 2 and "'poster' is not one of 'slides', 'cards', 'handout'" in result.output


def test_the_layout_is_the_command_lines_else_the_contents_else_default(tmp_path, write_content):
    content = write_content("layout: grootletter\n" + TWO_MODELS)
    assert open_project(Request(content=content)).layout.name == "grootletter"
    assert open_project(Request(content=content, layout="buurtwerk")).layout.name == "buurtwerk"
    assert open_project(Request(content=write_content(TWO_MODELS, name="plain.yaml"))).layout.name == "default"


def test_a_layout_the_content_names_that_is_not_found_is_located_in_the_content(tmp_path, write_content):
    content = write_content("language: en\nlayout: nowhere\ntitle: T\nmodels: [{name: A}]\n")
    with pytest.raises(InvalidInput) as caught:
        open_project(Request(content=content))
    assert str(caught.value).startswith(f"{content}:2:9: layout: 'nowhere' not found")


def test_print_options_come_from_the_command_line_else_the_layout(tmp_path, write_content):
    from deckgen.printing import PrintOptions

    content = write_content(TWO_MODELS)
    assert open_project(Request(content=content)).print.paper == "A4"
    chosen = open_project(Request(content=content, print_options=PrintOptions(paper="A3", back_offset=(1, -2))))
    assert (chosen.print.paper, chosen.print.duplex, chosen.print.back_offset) == ("A3", "long-edge", (1.0, -2.0))
    with pytest.raises(DeckgenError, match="back offset"):
        open_project(Request(content=content, print_options=PrintOptions(back_offset=(30, 0))))


def test_a_misfit_is_located_at_the_value_to_shorten(tmp_path, write_content):
    content = write_content(TWO_MODELS)
    project = open_project(Request(content=content))
    problem = project.locate(Misfit("models[1].strengths", "slide 4 'The second'", "12 mm over"))
    assert str(problem) == f"{content}:8:5: model 2 'Second', strengths: slide 4 'The second': 12 mm over"
    assert problem.key_path == "models[1].strengths"
    # a model without a title key is located at the model itself
    assert project.locate(Misfit("models[0].title", "card 1", "over")).line == 4


def test_a_misfit_of_a_layout_value_is_located_in_the_layout_that_sets_it(tmp_path, write_content):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "layout.yaml").write_text("description: House\nfooter: Our house\n", encoding="utf-8")
    project = open_project(Request(content=write_content(TWO_MODELS), layout=str(folder)))
    problem = project.locate(Misfit("footer", "every slide", "does not fit"))
    assert (problem.file, problem.line, problem.column) == (folder / "layout.yaml", 2, 9)


def test_misfits_of_every_builder_are_reported_together_and_nothing_is_written(tmp_path, write_content):
    bullet = " ".join(f"word{i}" for i in range(900))  # one bullet longer than a slide or a card holds
    content = write_content(f"language: en\ntitle: T\nmodels:\n  - name: Long\n    strengths: [{bullet}]\n")
    project = open_project(Request(content=content, out_dir=tmp_path / "out"))
    with pytest.raises(DoesNotFit) as caught:
        write(project)
    kinds = {problem.message.split(" ")[0] for problem in caught.value.problems}
    assert kinds == {"slide", "card"}, caught.value.problems
    assert all(problem.line == 5 and problem.key_path.startswith("models[0].strengths")
               for problem in caught.value.problems)
    assert not [p for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")]
    assert [str(p) for p in check(Request(content=content))] == [str(p) for p in caught.value.problems]


def test_source_map_points_at_keys_of_lists_and_at_the_text_of_values(tmp_path, write_content):
    sources = source_map(read_yaml(write_content(TWO_MODELS)))
    assert sources.locate("title") == (2, 8)
    assert sources.locate("models[1]") == (6, 5)
    assert sources.locate("models[1].strengths") == (8, 5)
    assert sources.locate("models[1].strengths[1]") == (10, 9)
    assert sources.locate("models[7].summary") == (3, 1)  # nothing nearer than the models key


def test_a_layout_is_found_beside_the_content_file_from_any_folder(tmp_path, monkeypatch):
    workshops = tmp_path / "workshops"
    (workshops / "layouts" / "myorg").mkdir(parents=True)
    (workshops / "layouts" / "myorg" / "layout.yaml").write_text("colors:\n  primary: '#2E7D32'\n", encoding="utf-8")
    (workshops / "own").mkdir()
    (workshops / "own" / "layout.yaml").write_text("colors:\n  primary: '#123456'\n", encoding="utf-8")
    content = workshops / "day.yaml"
    content.write_text("layout: myorg\ntitle: T\nmodels: [{name: A}]\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert open_project(Request(content=content)).layout.colors.primary == "#2E7D32"
    # a path in the content file is relative to the content file; on the command line, to the current folder
    content.write_text("layout: ./own\ntitle: T\nmodels: [{name: A}]\n", encoding="utf-8")
    assert open_project(Request(content=content)).layout.colors.primary == "#123456"
    with pytest.raises(DeckgenError, match="no layout.yaml in the folder"):
        open_project(Request(content=content, layout="./own"))
    monkeypatch.chdir(workshops)
    assert open_project(Request(content=content, layout="./own")).layout.colors.primary == "#123456"
    result = CliRunner().invoke(main, ["check", str(content), "--layout", "nosuch"])
    assert "not found in ./layouts, " not in result.output and "layouts or the shipped layouts" in result.output
