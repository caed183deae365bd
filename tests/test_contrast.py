"""Text that can be read: the shipped layouts meet WCAG AA everywhere deckgen sets text, and check warns
about a layout that does not, at the line of the colour its author chose."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.colors import contrast, resolve, rgb
from deckgen.contrast import TEXT_ON, contrast_warnings
from deckgen.layout import COLOR_KEYS, load_layout


def test_wcag_contrast_of_known_pairs():
    assert contrast(rgb("#000000"), rgb("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(rgb("#777777"), rgb("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    assert contrast(rgb("#FFFFFF"), rgb("#FFFFFF")) == pytest.approx(1.0)
    assert rgb("#abc") == (170, 187, 204)


def test_a_tint_is_the_colour_over_the_background():
    colors = load_layout("default").colors
    assert resolve(colors, "primary/100") == rgb(colors.primary)
    assert resolve(colors, "primary/0") == rgb(colors.background)


def test_every_pair_names_layout_colours():
    for pair in TEXT_ON:
        assert pair.text in COLOR_KEYS and pair.background.split("/")[0] in COLOR_KEYS


@pytest.mark.parametrize("name", ["default", "buurtwerk", "grootletter"])
def test_the_shipped_layouts_meet_wcag_aa(name):
    assert [str(warning) for warning in contrast_warnings(load_layout(name).colors)] == []


def test_check_warns_about_a_yellow_accent_at_its_line_and_still_passes(tmp_path, monkeypatch, example_path):
    folder = tmp_path / "layouts" / "yellow"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("description: Sunny\ncolors:\n  accent: \"#FFD500\"\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(example_path), "--layout", "yellow"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "warning:" in line]
    assert lines and all(line.startswith(f"{folder / 'layout.yaml'}:3:11: colors.accent: warning: ")
                         for line in lines), lines
    assert "colors.accent on colors.background has a contrast of 1.42:1, below the 4.5:1" in result.output
    assert result.output.rstrip().endswith("OK, with 3 warnings or notes above")
