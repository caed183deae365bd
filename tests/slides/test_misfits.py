"""Text that cannot fit is reported as a Misfit naming the content value to shorten and its slide."""

from __future__ import annotations

import textwrap

import pytest

from deckgen.content import load_workshop
from deckgen.errors import DoesNotFit, Misfit
from deckgen.layout import load_layout
from deckgen.slides.deck import plan_deck
from slides_samples import check_slides, write_layout, write_slides

LONG = "lange tekst zonder einde " * 400  # no slide holds this at any allowed size
TITLE_LONG = "een titel die maar doorgaat " * 40  # three lines and more of a slide title at 12 pt


def misfits(write_content, layout, text: str) -> list[Misfit]:
    workshop = load_workshop(write_content(textwrap.dedent(text)))
    return plan_deck(workshop, layout).ctx.problems


def keyed(problems: list[Misfit]) -> dict[str, Misfit]:
    return {problem.key_path: problem for problem in problems}


def test_everything_fits_no_misfits(example, default_layout):
    assert plan_deck(example, default_layout).ctx.problems == []


def test_the_taller_column_is_the_one_to_shorten(write_content, default_layout):
    problems = misfits(write_content, default_layout, f"""\
        title: Te veel
        models:
          - name: Kort
          - name: Het model
            strengths: [Goed]
            weaknesses: ["{LONG}"]
        """)
    (problem,) = problems
    assert problem.key_path == "models[1].weaknesses"
    assert problem.place == "slide 3 'Het model'"
    assert problem.message.startswith("the analysis table needs") and "at 12 pt" in problem.message


def test_preconditions_that_overfill_their_slide(write_content, default_layout):
    (problem,) = misfits(write_content, default_layout, f"""\
        title: Te veel
        models:
          - name: Het model
            strengths: [Goed]
            preconditions: "{LONG}"
        """)
    assert problem.key_path == "models[0].preconditions"
    assert problem.place == "slide 4 'Het model (vervolg)'"  # the preconditions continue on a slide of their own


def test_a_model_title_too_long_for_the_title_area(write_content, default_layout):
    (problem,) = misfits(write_content, default_layout, f"""\
        title: Te veel
        models:
          - name: Kort
            title: "{TITLE_LONG}"
            strengths: [Goed]
        """)
    assert problem.key_path == "models[0].title"
    assert problem.place.startswith("slide 3 'een titel die")
    assert problem.message.startswith("the title needs") and "at 12 pt" in problem.message


def test_an_overview_tile_too_full_even_alone(write_content, default_layout):
    problems = misfits(write_content, default_layout, f"""\
        language: en
        title: Too much
        models:
          - name: Short
          - name: Full
            summary: ["{LONG}"]
        """)
    (problem,) = problems
    assert problem.key_path == "models[1]"
    assert problem.place == "slide 3 '2 work models (continued)'"  # one tile a slide: the second is on slide 3
    assert "the tile of model 2 does not fit" in problem.message


def test_an_overview_heading_too_long(write_content, default_layout):
    (problem,) = misfits(write_content, default_layout, f"""\
        title: Te veel
        overview: "{TITLE_LONG}"
        models:
          - name: Kort
        """)
    assert problem.key_path == "overview" and problem.place.startswith("slide 2 ")


def test_a_source_too_long_for_a_slide(write_content, default_layout):
    (problem,) = misfits(write_content, default_layout, f"""\
        title: Te veel
        models:
          - name: Kort
        sources:
          - Een korte bron
          - "{LONG}"
          - Nog een korte bron
        """)
    assert problem.key_path == "sources[1]"
    assert problem.place == "slide 4 'Bronnen (vervolg)'"
    assert problem.message.startswith("a source needs")


@pytest.mark.parametrize("taller, key", [("title", "title"), ("subtitle", "subtitle")])
def test_the_title_slide_names_the_taller_of_title_and_subtitle(write_content, default_layout, taller, key):
    text = {"title": "Kort", "subtitle": "Kort", taller: TITLE_LONG * 4}
    (problem,) = misfits(write_content, default_layout, f"""\
        title: "{text['title']}"
        subtitle: "{text['subtitle']}"
        models:
          - name: Kort
        """)
    assert problem.key_path == key and problem.place.startswith("slide 1 ")
    assert problem.message.startswith("the title and subtitle need")


def test_the_title_slide_names_the_info_that_took_the_title_s_room(write_content, default_layout):
    authors = ", ".join(f"Auteur nummer {i}" for i in range(200))
    (problem,) = misfits(write_content, default_layout, f"""\
        title: Kort
        authors: [{authors}]
        venue: Gent
        models:
          - name: Kort
        """)
    assert problem.key_path == "authors" and problem.place == "slide 1 'Kort'"
    assert problem.message.startswith("authors, venue and date take")


def test_a_footer_too_long_for_its_line_is_one_misfit(write_content, tmp_path):
    layout = load_layout(str(write_layout(tmp_path / "house", f"footer: {'Buurtwerk Noord ' * 12}\n")))
    problems = misfits(write_content, layout, """\
        title: Kort
        models:
          - name: Kort
            strengths: [Goed]
        sources: [Een bron]
        """)
    (problem,) = problems  # four slides carry it, it is reported once
    assert problem.key_path == "footer" and problem.place == "slide 1"
    assert "the layout's footer needs" in problem.message and "at 12 pt" in problem.message
    assert "comes from the layout" in problem.message


def test_a_footer_that_fits_is_written_as_measured(example, tmp_path):
    layout = load_layout(str(write_layout(tmp_path / "house", "footer: Buurtwerk Noord\n")))
    deck = plan_deck(example, layout)
    assert deck.ctx.problems == []
    assert deck.footer.text.plain == "Buurtwerk Noord" and deck.footer.size == 12
    assert deck.ctx.measure.lines(deck.footer, deck.ctx.grid.footer.w * 0.75) == 1


def test_a_misfit_stops_the_build(write_content, tmp_path):
    layout = load_layout(str(write_layout(tmp_path / "house", f"footer: {'Buurtwerk Noord ' * 12}\n")))
    workshop = load_workshop(write_content("title: Kort\nmodels: [{name: Kort}]\n"))
    (problem,) = check_slides(workshop, layout)  # located by the project in the layout that sets it
    assert (problem.file, problem.line, problem.key_path) == (layout.folder / "layout.yaml", 1, "footer")
    target = tmp_path / "never.pptx"
    with pytest.raises(DoesNotFit, match=r"footer: slide 1: the layout's footer"):
        write_slides(workshop, layout, target)
    assert not target.exists()


@pytest.mark.parametrize("key", ["title", "subtitle"])
def test_a_template_placeholder_names_its_own_text(write_content, tmp_path, key):
    from test_templates_and_logo import template_layout

    text = {"title": "Kort", "subtitle": "Kort", key: TITLE_LONG * 4}
    (problem,) = misfits(write_content, template_layout(tmp_path), f"""\
        title: "{text['title']}"
        subtitle: "{text['subtitle']}"
        models:
          - name: Kort
        """)
    assert problem.key_path == key and problem.place.startswith("slide 1 ")
    assert "does not fit the template's placeholder at 12 pt" in problem.message


def test_a_word_wider_than_its_line_is_named_not_measured(write_content, default_layout):
    url = "https://example.org/" + "lang-pad-" * 30
    problems = keyed(misfits(write_content, default_layout, f"""\
        title: Te veel
        models:
          - name: Kort
            title: "Kort {url}"
            strengths: [Goed, "{url}"]
        sources: ["Bron: {url}"]
        """))
    assert set(problems) == {"models[0].title", "models[0].strengths", "sources[0]"}
    shown = url[:39] + "\u2026"
    assert problems["models[0].title"].message == f"the word '{shown}' is wider than the title area at 12 pt"
    assert problems["models[0].strengths"].message == f"the word '{shown}' is wider than its cell at 12 pt"
    assert problems["sources[0]"].message == f"the word '{shown}' is wider than the sources' column at 12 pt"


def test_a_word_wider_than_the_slide_in_a_tile_or_the_title_slide_info(write_content, default_layout):
    url = "https://example.org/" + "lang-pad-" * 30
    shown = url[:39] + "\u2026"
    problems = keyed(misfits(write_content, default_layout, f"""\
        title: Kort
        authors: ["{url}"]
        models:
          - name: Kort
            summary: ["{url}"]
        """))
    assert set(problems) == {"authors", "models[0]"}
    assert problems["authors"].message == f"the word '{shown}' is wider than the slide at 12 pt"
    assert problems["models[0]"].message == f"the word '{shown}' is wider than its tile at 12 pt"


def test_a_word_wider_than_a_template_placeholder(write_content, tmp_path):
    from test_templates_and_logo import template_layout

    word = "Netwerkversterkingsmethodiekontwikkelingsprogramma" * 3
    (problem,) = misfits(write_content, template_layout(tmp_path), f"""\
        title: Kort
        subtitle: "{word}"
        models:
          - name: Kort
        """)
    assert problem.key_path == "subtitle"
    assert problem.message == f"the word '{word[:39]}\u2026' is wider than the template's placeholder at 12 pt"


def test_a_title_too_long_and_info_too_wide_are_two_misfits(write_content, default_layout):
    url = "https://example.org/" + "lang-pad-" * 30
    problems = keyed(misfits(write_content, default_layout, f"""\
        title: "{TITLE_LONG * 4}"
        authors: ["{url}"]
        models:
          - name: Kort
        """))
    assert set(problems) == {"title", "authors"}
    assert problems["title"].message.startswith("the title and subtitle need")
    assert problems["authors"].message.startswith("the word 'https://example.org/")
