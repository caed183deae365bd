"""The card sizes and the area gap come from the layout's cards.css (cards/stylevars.py): read with a CSS
parser, child layout first, and refused in one message when missing or not a length."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from cards_helpers import build, token_content
from deckgen.builders import builder
from deckgen.cards import chunks
from deckgen.cards.cardset import all_sides, build_cards
from deckgen.cards.stylevars import area_gap, card_style, side_sizes
from deckgen.cards.theme import PageSetup
from deckgen.content import load_workshop
from deckgen.errors import DeckgenError
from deckgen.layout import load_layout
from deckgen.project import assemble

DEFAULT_SIZES = {"cover-front": 12.0, "cover-back": 10.0, "models-front": 13.0, "models-back": 10.5,
                 "questions-front": 19.0, "questions-back": 13.0}
MODEL_FRONT = 2  # side index of the first model card's front: cover front, cover back, then model 1


def default_css() -> str:
    return (load_layout("default").template_dirs[-1][1] / "cards.css").read_text(encoding="utf-8")


def child_layout(root: Path, css: str | None, name: str = "child"):
    folder = root / name
    (folder / "templates").mkdir(parents=True)
    (folder / "layout.yaml").write_text("extends: default\n", encoding="utf-8")
    if css is not None:
        (folder / "templates" / "cards.css").write_text(css, encoding="utf-8")
    return load_layout(str(folder))


def with_variable(name: str, value: str) -> str:
    """The default stylesheet with one variable's value changed."""
    css = default_css()
    line = next(line for line in css.splitlines() if line.strip().startswith(f"{name}:"))
    return css.replace(line, f"  {name}: {value};")


def body_size(pdf, page: int = 0) -> float:
    """The most common type size of a page, in pt."""
    with pdfplumber.open(pdf) as document:
        sizes = Counter(round(char["size"], 1) for char in document.pages[page].chars if char["text"].strip())
    return sizes.most_common(1)[0][0]


def test_the_default_layout_sets_todays_sizes_and_gap(default_layout):
    assert side_sizes(default_layout) == DEFAULT_SIZES
    assert area_gap(default_layout) == 3.0


def test_a_child_that_sets_one_variable_keeps_its_parents_others(tmp_path):
    layout = child_layout(tmp_path, with_variable("--size-models-front", "17pt"))
    assert side_sizes(layout) == {**DEFAULT_SIZES, "models-front": 17.0}


def test_a_child_stylesheet_without_the_variables_keeps_its_parents(tmp_path):
    layout = child_layout(tmp_path, "body { color: #333 }\n")
    assert side_sizes(layout) == DEFAULT_SIZES and area_gap(layout) == 3.0


def test_lengths_in_mm_and_pt_are_converted(tmp_path):
    css = ":root { --size-models-back: 4mm; --area-gap: 8.5039pt; }\n"
    layout = child_layout(tmp_path, css)
    assert side_sizes(layout)["models-back"] == pytest.approx(11.339, abs=0.001)
    assert area_gap(layout) == pytest.approx(3.0, abs=0.0001)


def test_only_top_level_root_rules_count_and_the_last_declaration_wins(tmp_path):
    css = textwrap.dedent("""\
        @media print { :root { --size-models-back: 30pt; } }
        html { --size-models-back: 31pt; }
        .preview, :root { --size-models-back: 11pt; }
        :root { --size-models-back: 12pt; --Size-Models-Front: 40pt; }
        """)
    sizes = side_sizes(child_layout(tmp_path, css))
    assert sizes["models-back"] == 12.0 and sizes["models-front"] == 13.0  # custom properties keep their case


def lay_out(workshop, layout, indices) -> dict:
    """Sides laid out as the builder does, each starting at ``side_sizes(layout)[side.kind]``."""
    cards = build_cards(workshop, layout)
    sides = all_sides(cards)
    sizes = side_sizes(layout)
    folder = Path(workshop.source).resolve().parent
    context = chunks.Context(workshop=workshop, layout=layout, cards=cards,
                             page=PageSetup(layout.cards.bleed, layout.cards.crop_marks),
                             base_url=(folder / "cards.html").as_uri(), roots=tuple(layout.folders) + (folder,),
                             meta=())
    return chunks.lay_out(context, [(index, sizes[sides[index].kind]) for index in indices], workers=1)


@pytest.fixture(scope="module")
def token_workshop(tmp_path_factory):
    path = tmp_path_factory.mktemp("tokens") / "w.yaml"
    path.write_text(token_content(2), encoding="utf-8")
    return load_workshop(path)


def test_the_layouts_size_variable_sets_the_laid_out_type_size(tmp_path, token_workshop, default_layout):
    bigger = child_layout(tmp_path, with_variable("--size-models-front", "17pt"))
    for layout, size in ((default_layout, 13.0), (bigger, 17.0)):
        result = lay_out(token_workshop, layout, [MODEL_FRONT])[MODEL_FRONT]
        pdf = tmp_path / f"{layout.name}.pdf"
        pdf.write_bytes(result.pdf)
        assert result.size == size and body_size(pdf) == size


def test_a_build_starts_each_side_at_its_layouts_size(tmp_path):
    layout = child_layout(tmp_path, with_variable("--size-models-front", "17pt"))
    _, paths = build(tmp_path / "out", token_content(2), layout=layout)
    assert body_size(paths["single.pdf"], MODEL_FRONT) == 17.0


def test_measure_keeps_the_gap_it_is_given(token_workshop, default_layout):
    from deckgen.cards import pdf
    from deckgen.cards.fetcher import safe_fetcher
    from deckgen.cards.htmldoc import html_page

    cards = build_cards(token_workshop, default_layout)
    html = html_page(token_workshop, default_layout, cards, {MODEL_FRONT: 13.0}, "print", PageSetup(0.0, False),
                     only={MODEL_FRONT})
    folder = Path(token_workshop.source).resolve().parent
    document = pdf.render(html, (folder / "cards.html").as_uri(), safe_fetcher(tuple(default_layout.folders)))
    near, far, farther = (pdf.measure(document, gap)[MODEL_FRONT] for gap in (3.0, 100.0, 110.0))
    assert near.room - far.room == pytest.approx(97.0) and far.room - farther.room == pytest.approx(10.0)
    assert near.overflow == 0 and far.overflow > 0  # the text did not move: only the room it may take
    assert farther.overflow - far.overflow == pytest.approx(10.0)


def test_a_wider_area_gap_in_the_layout_shrinks_a_crowded_side(tmp_path):
    layout = child_layout(tmp_path, with_variable("--area-gap", "70mm"))
    _, wide = build(tmp_path / "wide", token_content(2), layout=layout)
    _, normal = build(tmp_path / "normal", token_content(2))
    back = MODEL_FRONT + 1  # the first model's back: blocks of text above a footer
    assert body_size(wide["single.pdf"], back) < body_size(normal["single.pdf"], back)
    assert body_size(wide["single.pdf"], MODEL_FRONT) == body_size(normal["single.pdf"], MODEL_FRONT) == 13.0


def write_css(folder: Path, css: str) -> tuple:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cards.css").write_text(css, encoding="utf-8")
    return (("own", folder),)


def test_a_missing_variable_names_the_variable_and_the_files(tmp_path):
    css = ":root {\n" + "".join(f"  --size-{kind}: 10pt;\n" for kind in DEFAULT_SIZES) + "}\n"
    with pytest.raises(DeckgenError) as caught:
        card_style(write_css(tmp_path / "own", css))
    message = str(caught.value)
    assert "--area-gap" in message and str(tmp_path / "own" / "cards.css") in message
    assert "--size-" not in message.split("do not set")[1].split(":")[0]  # only the missing one is named


@pytest.mark.parametrize("value", ["large", "3px", "1.2em", "-2pt", "3mm 2mm", "var(--x)", "calc(2pt + 1pt)", ""])
def test_a_garbled_variable_is_one_message_naming_the_file(tmp_path, value):
    layout = child_layout(tmp_path, with_variable("--size-models-back", value))
    with pytest.raises(DeckgenError) as caught:
        side_sizes(layout)
    message = str(caught.value)
    assert str(tmp_path / "child" / "templates" / "cards.css") in message
    assert "--size-models-back" in message and "not a length in pt or mm" in message


def test_a_zero_size_is_refused(tmp_path):
    with pytest.raises(DeckgenError, match="--size-cover-front must be more than 0"):
        side_sizes(child_layout(tmp_path, with_variable("--size-cover-front", "0pt")))


def test_a_build_with_a_garbled_variable_stops_with_that_message(tmp_path, token_workshop):
    layout = child_layout(tmp_path, with_variable("--area-gap", "three"))
    with pytest.raises(DeckgenError, match=r"cards\.css: --area-gap: 'three' is not a length in pt or mm"):
        builder("cards").check(assemble(token_workshop, layout))


def test_an_edited_stylesheet_is_read_again(tmp_path):
    dirs = write_css(tmp_path / "own", with_variable("--size-models-back", "11pt"))
    assert card_style(dirs) is card_style(dirs)  # parsed once for the same text
    write_css(tmp_path / "own", with_variable("--size-models-back", "12pt"))
    assert card_style(dirs).side_sizes()["models-back"] == 12.0
