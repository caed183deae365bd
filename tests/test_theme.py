"""Brand from the organisation's PowerPoint: a layout with a template takes the colours and fonts no layout of
its chain sets from the template's theme; check names the open twin of a theme font it has no files for;
`deckgen init layout NAME --template FILE.pptx` gives cards in the template's colours and fonts."""

from __future__ import annotations

import re
import shutil
import zipfile

import pdfplumber
import pytest
from click.testing import CliRunner

from deckgen.build import check
from deckgen.cli import main
from deckgen.colors import contrast, rgb
from deckgen.layout import load_layout
from deckgen.layout.theme import read_theme
from deckgen.project import Request
from deckgen.resources import bundled, example_content
from fixtures.org_nl import ORG_NL
from test_layout_outputs import embedded_font_programs

BUURTWERK_TEMPLATE = bundled("layouts") / "buurtwerk" / "template.pptx"


def theme_xml(template) -> dict[str, str]:
    """The scheme colours and the major and minor Latin fonts, read from theme1.xml with a plain pattern."""
    with zipfile.ZipFile(template) as package:
        text = package.read("ppt/theme/theme1.xml").decode("utf-8")
    found = {name: value for name, value in re.findall(r'<a:(dk2|accent1|accent2)><a:srgbClr val="(\w{6})"', text)}
    found.update(re.findall(r'<a:(majorFont|minorFont)><a:latin typeface="([^"]+)"', text))
    return found


def mixed(colour: str, share: float = 0.2) -> tuple[int, int, int]:
    return tuple(round(c * share + 255 * (1 - share)) for c in rgb(colour))


def layout_with(tmp_path, name: str, yaml: str, template=BUURTWERK_TEMPLATE):
    folder = tmp_path / name
    folder.mkdir(parents=True)
    if template is not None:
        shutil.copy(template, folder / "template.pptx")
    (folder / "layout.yaml").write_text(yaml, encoding="utf-8")
    return folder


@pytest.mark.parametrize("template", [BUURTWERK_TEMPLATE, ORG_NL / "template.pptx"], ids=["buurtwerk", "org-nl"])
def test_the_theme_gives_every_colour_and_font_no_layout_sets(tmp_path, template):
    theme = theme_xml(template)
    layout = load_layout(str(layout_with(tmp_path, "org", "slides:\n  template: template.pptx\n", template)))
    colors = layout.colors
    accent1 = f"#{theme['accent1']}"
    readable = contrast(rgb(accent1), (255, 255, 255)) >= 4.5  # white band text on it
    assert colors.primary == (accent1 if readable else f"#{theme['dk2']}")
    assert colors.accent == f"#{theme['accent2']}"
    assert rgb(colors.strengths) == mixed(accent1) and rgb(colors.weaknesses) == mixed(f"#{theme['accent2']}")
    assert (colors.text, colors.background) == ("#000000", "#FFFFFF")  # dk1 and lt1 are the system colours
    assert (layout.fonts.heading, layout.fonts.body) == (theme["majorFont"], theme["minorFont"])
    assert set(layout.from_theme) == {f"colors.{key}" for key in vars(colors)} | {"fonts.heading", "fonts.body"}


def test_org_nl_primary_is_dark_2_because_white_on_accent_1_is_hard_to_read():
    layout = load_layout(str(ORG_NL))
    assert layout.colors.primary == "#8B1A1A"  # its own key wins
    assert read_theme(ORG_NL / "template.pptx").layout_colors()["primary"] == "#" + theme_xml(
        ORG_NL / "template.pptx")["dk2"]


def test_keys_set_anywhere_in_the_chain_but_default_win_over_the_theme(tmp_path):
    layout_with(tmp_path, "huis", "slides:\n  template: template.pptx\ncolors:\n  accent: '#123456'\n"
                                           "fonts:\n  body: Georgia\n")
    child = layout_with(tmp_path, "afdeling", "extends: huis\ncolors:\n  primary: '#654321'\n", template=None)
    layout = load_layout(str(child))
    theme = theme_xml(BUURTWERK_TEMPLATE)
    assert (layout.colors.primary, layout.colors.accent) == ("#654321", "#123456")
    assert layout.colors.strengths != load_layout("default").colors.strengths  # default's values do not count
    assert rgb(layout.colors.strengths) == mixed(f"#{theme['accent1']}")
    assert (layout.fonts.heading, layout.fonts.body) == (theme["majorFont"], "Georgia")
    # buurtwerk sets every colour and font itself: its own template's theme changes nothing
    buurtwerk = load_layout("buurtwerk")
    assert buurtwerk.from_theme == () and buurtwerk.colors.text == "#1D2B2F"


def test_check_names_the_open_twin_of_a_theme_font_without_files(tmp_path):
    layout = layout_with(tmp_path, "arial", "slides:\n  template: template.pptx\n")
    with pytest.warns(Warning) as caught:
        check(Request(content=example_content(), layout=str(layout)))
    messages = [str(warning.message) for warning in caught]
    assert any(message.startswith("fonts.heading (from the template's theme): the layout ships no font file of "
                                  "'Arial'") and "Liberation Sans is its metric-compatible open twin" in message
               for message in messages), messages
    calibri = layout_with(tmp_path, "calibri", "slides:\n  template: template.pptx\n", ORG_NL / "template.pptx")
    result = CliRunner().invoke(main, ["check", str(example_content()), "--layout", str(calibri)])
    assert result.exit_code == 0 and "fonts." not in result.output  # default's Carlito is Calibri's twin


@pytest.fixture(scope="module")
def template_layout_cards(tmp_path_factory):
    root = tmp_path_factory.mktemp("init")
    runner = CliRunner()
    made = runner.invoke(main, ["init", "layout", "org", "--dir", str(root), "--template", str(BUURTWERK_TEMPLATE)])
    assert made.exit_code == 0, made.output
    built = runner.invoke(main, ["build", str(example_content()), "--layout", str(root / "org"), "--only", "cards",
                                 "-o", str(root / "out"), "-q"])
    assert built.exit_code == 0, built.output
    return root / "org", root / "out" / "netwerkversterking-cards-single.pdf"


def test_init_layout_from_a_template_gives_cards_in_its_colours_and_fonts(template_layout_cards):
    folder, cards = template_layout_cards
    theme = theme_xml(BUURTWERK_TEMPLATE)
    text = (folder / "layout.yaml").read_text(encoding="utf-8")
    assert "  template: template.pptx" in text and f"#   colors.primary: #{theme['accent1']}" in text
    assert (folder / "template.pptx").read_bytes() == BUURTWERK_TEMPLATE.read_bytes()
    assert sorted(p.name for p in (folder / "fonts").iterdir())[-1] == "OFL.txt"
    with pdfplumber.open(cards) as pdf:
        fills = {tuple(round(c * 255) for c in rect["non_stroking_color"])
                 for page in pdf.pages for rect in page.rects if rect.get("non_stroking_color")}
    assert rgb(f"#{theme['accent1']}") in fills and mixed(f"#{theme['accent1']}") in fills
    assert embedded_font_programs(cards) == {"Liberation Sans"}  # Arial's open twin, copied into the layout


def test_init_layout_refuses_what_is_no_template_and_leaves_nothing(tmp_path):
    (tmp_path / "deck.pptx").write_text("no zip", encoding="utf-8")
    for template, words in ((tmp_path / "deck.pptx", "is not a PowerPoint (.pptx) file"),
                            (tmp_path / "missing.pptx", "there is no such file"),
                            (tmp_path / "notes.txt", "expected a PowerPoint file (.pptx)")):
        result = CliRunner().invoke(main, ["init", "layout", "org", "--dir", str(tmp_path / "layouts"),
                                           "--template", str(template)])
        assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output
        assert not (tmp_path / "layouts" / "org").exists()
