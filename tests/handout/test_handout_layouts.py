"""The handout in other layouts: the paper a layout asks for, its own templates (used, or refused when they hold
a script or reach for a file outside), another layout's slide numbering; and the words of every language."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from handout_helpers import (
    GOES_WITH,
    build_handout,
    deck_slides,
    flat_text,
    page_lines,
    page_sizes_mm,
    rich_content,
    text_of,
    write_content,
)

from deckgen.cli import main
from deckgen.content import load_workshop
from deckgen.errors import DeckgenError, UnsafeReference
from deckgen.handout.view import numbers
from deckgen.handout.words import WORDS, duration_text, words
from deckgen.languages import LANGUAGE_CODES
from deckgen.layout import load_layout
from deckgen.project import assemble
from fixtures.layout_folders import layout_folder


@pytest.mark.parametrize(("paper", "size"), [("A5", (148.0, 210.0)), ("Letter", (215.9, 279.4))])
def test_the_layout_sets_the_paper(example_path, tmp_path, paper, size):
    layout = layout_folder(tmp_path, "small", f"extends: default\nhandout:\n  paper: {paper}\n")
    files = build_handout(example_path, tmp_path / "out", layout=layout)
    for kind in ("handout", "guide"):
        assert page_sizes_mm(files[kind]) == {size}
    pages = page_lines(files["guide"])
    assert pages[1][0] == "Draaiboek"  # the run sheet still one page
    assert pages[2][0] == "7 werkmodellen"


def test_an_unknown_paper_is_refused_where_it_is_written(tmp_path, example_path):
    layout = layout_folder(tmp_path, "odd", "extends: default\nhandout:\n  paper: A3\n")
    result = CliRunner().invoke(main, ["check", str(example_path), "--layout", str(layout)])
    assert result.exit_code == 1
    assert "layout.yaml:3:10: handout.paper: expected one of A4, A5, Letter, got 'A3'" in result.output


OVERRIDE = """{% extends "default/handout.html.j2" %}
{% block sources %}{{ super() }}<p class="own">Eigen slotwoord van {{ 'de organisatie' }}</p>{% endblock %}
{% block style %}{{ super() }} .own { color: var(--accent); }{% endblock %}
"""


def test_a_layout_template_extends_the_default_and_is_used(example_path, tmp_path):
    layout = layout_folder(tmp_path, "eigen", templates={
        "handout.html.j2": OVERRIDE,
        "handout-cover.html.j2": '<section class="cover"><h1 class="title">Omslag van {{ cover.title | inline }}'
                                 '</h1><p class="kind">{{ document_name }}</p></section>',
    })
    files = build_handout(example_path, tmp_path / "out", layout=layout)
    for kind in ("handout", "guide"):
        text = text_of(files[kind])
        assert "Eigen slotwoord van de organisatie" in text and "Omslag van Studie- en vormingsdag" in text
        assert "Kostet, I., Nys, K." in text  # the default's own sources block is still there
    assert page_lines(files["handout"])[0][0].startswith("Omslag van")


@pytest.mark.parametrize("markup", ["<script>alert(1)</script>", '<img src="x.png" onerror="alert(1)">',
                                    '<a href="javascript:alert(1)">x</a>'])
def test_a_layout_template_with_a_script_is_refused_and_nothing_is_written(example_path, tmp_path, markup):
    layout = layout_folder(tmp_path, "actief", templates={
        "handout-cover.html.j2": f'<section class="cover"><h1>{{{{ cover.title | inline }}}}</h1>{markup}</section>'})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(example_path), "--layout", str(layout), "-o", str(out)])
    assert result.exit_code == 1
    assert "layout 'actief': layout templates may not contain scripts" in result.output
    assert "handout.html.j2 (or a template it includes)" in result.output
    assert not out.exists() or not any(out.iterdir())  # not the deck nor the cards either
    check = CliRunner().invoke(main, ["check", str(example_path), "--layout", str(layout)])
    assert check.exit_code == 1 and "may not contain scripts" in check.output


def test_a_template_that_reads_a_file_outside_the_layout_is_refused(example_path, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the handout")
    layout = layout_folder(tmp_path / "layouts", "lek", templates={
        "handout-cover.html.j2": f'<section class="cover"><img src="{secret.as_uri()}" alt=""></section>'})
    workshop = load_workshop(example_path)
    project = assemble(workshop, load_layout(str(layout)), tmp_path / "out")
    from deckgen.build import write

    with pytest.raises(UnsafeReference, match="handout: .*secret.png.* lies outside"):
        write(project, ("handout",))


def test_a_broken_template_names_itself(example_path, tmp_path):
    layout = layout_folder(tmp_path, "kapot", templates={"handout-cover.html.j2": "{{ cover.nothing_here }}"})
    project = assemble(load_workshop(example_path), load_layout(str(layout)), tmp_path / "out")
    from deckgen.builders import builder

    with pytest.raises(DeckgenError, match="handout template 'handout.html.j2': .*nothing_here"):
        builder("handout").check(project)


def test_slide_numbers_follow_the_layouts_deck(example_path, tmp_path):
    """In grootletter (large type) the deck has more slides than in default: the guide follows its deck."""
    source = write_content(tmp_path, rich_content(example_path))
    workshop = load_workshop(source)
    files = build_handout(source, tmp_path / "out", layout="grootletter", only=("slides", "handout"))
    pointed = [int(slide) for slide, _ in GOES_WITH.findall(flat_text(files["guide"]))]
    slides = deck_slides(files["deck"], workshop)
    assert pointed == [slides[model.number] for model in workshop.models]
    default = build_handout(source, tmp_path / "default", only=("slides", "handout"))
    assert pointed != [int(slide) for slide, _ in GOES_WITH.findall(flat_text(default["guide"]))]


def test_every_language_has_the_handout_words():
    assert set(WORDS) == set(LANGUAGE_CODES)
    assert words("nl-BE") is WORDS["nl"]


@pytest.mark.parametrize(("minutes", "code", "text"), [(20, "nl", "20 min"), (90, "nl", "1 u 30 min"),
                                                      (120, "en", "2 h"), (75, "fr-BE", "1 h 15 min")])
def test_durations_read_as_people_say_them(minutes, code, text):
    assert duration_text(minutes, code) == text


def test_slide_and_card_numbers_read_as_runs():
    assert numbers([]) == "" and numbers([3]) == "3" and numbers([3, 4, 5]) == "3–5" and numbers([3, 5]) == "3, 5"


def test_the_words_of_the_guide_take_the_layouts_labels_and_then_the_contents(example_path, tmp_path):
    """language < layout < content, key by key, as for the other labels: the layout renames the run sheet and
    the notes, the content renames the notes again and the handout itself."""
    content = rich_content(example_path).replace(
        "\nmodels:\n", "\nlabels:\n  notes: Wat ik vertel\n  handout: Werkboek\n  hour: uur\nmodels:\n", 1)
    source = write_content(tmp_path, content)
    layout = layout_folder(tmp_path, "woorden", "extends: default\nlabels:\n  run_sheet: Verloop van de dag\n"
                                                "  notes: Voor de begeleider\n  strengths: Plussen\n")
    files = build_handout(source, tmp_path / "out", layout=layout)
    guide, handout = page_lines(files["guide"]), text_of(files["handout"])
    assert guide[1][0] == "Verloop van de dag" and "Draaiboek" not in text_of(files["guide"])
    notes = text_of(files["guide"])  # the notes' heading is set in capitals
    assert "WAT IK VERTEL" in notes and "VOOR DE BEGELEIDER" not in notes
    assert "3 uur" in text_of(files["guide"])  # the workshop's 180 minutes in the run sheet's total
    assert "Werkboek ·" in handout and "Deelnemersbundel" not in handout  # in the running footer
    assert "PLUSSEN" in handout  # the layout's content label, in the strengths' capitals
    assert words("nl", {"run_sheet": "A", "strengths": "B"}, {"run_sheet": "C"}).run_sheet == "C"
