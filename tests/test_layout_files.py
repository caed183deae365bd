"""The files a layout.yaml names (logo, fonts.files, slides.template) are checked while it is validated:
each problem names the file, line, column and key path of the reference; a good reference becomes an
absolute path inside the layout's folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from deckgen.errors import InvalidInput
from deckgen.layout import load_layout
from deckgen.resources import bundled

CARLITO = bundled("layouts") / "default" / "fonts" / "Carlito-Regular.ttf"


def make_layout(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_layout(str(folder))
    return [str(problem) for problem in caught.value.problems]


def test_good_references_resolve_to_absolute_paths_inside_the_layout_folder(tmp_path):
    folder = make_layout(tmp_path, "org", """\
        logo: art/logo.png
        fonts:
          files: [fonts/Body.ttf]
        slides:
          template: master.pptx
        """)
    (folder / "art").mkdir()
    Image.new("RGB", (40, 20), "teal").save(folder / "art" / "logo.png")
    (folder / "fonts").mkdir()
    shutil.copy(CARLITO, folder / "fonts" / "Body.ttf")
    Presentation().save(folder / "master.pptx")
    layout = load_layout(str(folder))
    inside = folder.resolve()
    assert layout.logo == inside / "art" / "logo.png"
    assert layout.fonts.files == (inside / "fonts" / "Body.ttf",)
    assert layout.slides.template == inside / "master.pptx"
    assert all(path.is_absolute() and path.is_relative_to(inside) and path.is_file()
               for path in (layout.logo, *layout.fonts.files, layout.slides.template))


def test_a_missing_logo_is_reported_at_its_line_and_column(tmp_path):
    folder = make_layout(tmp_path, "org", "footer: Org\nlogo:   nowhere.png\n")
    assert problems_of(folder) == [
        f"{folder / 'layout.yaml'}:2:9: logo: 'nowhere.png' does not exist in {folder}",
    ]


def test_a_font_path_with_dotdot_is_reported_at_its_list_item(tmp_path):
    folder = make_layout(tmp_path, "org", """\
        fonts:
          files:
            - Body.ttf
            - ../Other.ttf
        """)
    shutil.copy(CARLITO, folder / "Body.ttf")
    shutil.copy(CARLITO, tmp_path / "Other.ttf")
    assert problems_of(folder) == [
        (f"{folder / 'layout.yaml'}:4:7: fonts.files item 2: '../Other.ttf' leads out of its folder with '..'; "
         f"files must lie inside {folder}"),
    ]


def test_a_too_large_font_is_reported_with_its_size_and_the_limit(tmp_path):
    folder = make_layout(tmp_path, "org", "fonts: {heading: Big, files: [Big.ttf]}\n")
    with open(folder / "Big.ttf", "wb") as handle:
        handle.write(b"\x00\x01\x00\x00")
        handle.truncate(30 * 1024 * 1024)  # sparse: costs no disk
    assert problems_of(folder) == [
        f"{folder / 'layout.yaml'}:1:31: fonts.files item 1: 'Big.ttf' is 31 MB; a font may be at most 21 MB",
    ]


@pytest.mark.parametrize("name, data, why", [
    ("Body.woff", b"wOFF", "expected a .ttf or .otf font file, got Body.woff"),
    ("Body.ttf", b"<html>",
     "Body.ttf: not a usable TrueType/OpenType font (it begins with b'<htm', not a TrueType or OpenType signature)"),
    ("Many.ttf", b"ttcf\x00\x01\x00\x00",
     "Many.ttf: not a usable TrueType/OpenType font (it begins with b'ttcf', not a TrueType or OpenType signature)"),
])
def test_a_file_that_is_no_font_is_refused(tmp_path, name, data, why):
    folder = make_layout(tmp_path, "org", f"fonts:\n  files:\n    - {name}\n")
    (folder / name).write_bytes(data)
    assert problems_of(folder) == [f"{folder / 'layout.yaml'}:3:7: fonts.files item 1: {why}"]


def test_an_opentype_font_with_cff_outlines_passes(tmp_path):
    folder = make_layout(tmp_path, "org", "fonts:\n  files: [Body.otf]\n")
    (folder / "Body.otf").write_bytes(b"OTTO" + bytes(100))
    assert load_layout(str(folder)).fonts.files == ((folder / "Body.otf").resolve(),)


def test_a_broken_template_is_reported_at_its_line_and_column(tmp_path):
    folder = make_layout(tmp_path, "org", """\
        slides:
          size: "4:3"
          template: master.pptx
        """)
    (folder / "master.pptx").write_bytes(b"not a zip archive")
    assert problems_of(folder) == [
        (f"{folder / 'layout.yaml'}:3:13: slides.template: master.pptx is not a PowerPoint (.pptx) file "
         "(File is not a zip file)"),
    ]


def test_file_problems_come_with_the_other_problems_of_the_file(tmp_path):
    folder = make_layout(tmp_path, "org", "colors: {primary: blue}\nlogo: missing.png\n")
    source = folder / "layout.yaml"
    assert problems_of(folder) == [
        f"{source}:1:19: colors.primary: expected a CSS hex colour such as \"#1F4E79\", got text ('blue')",
        f"{source}:2:7: logo: 'missing.png' does not exist in {folder}",
    ]


def test_a_parent_with_a_broken_file_fails_its_child_and_names_the_parent_file(tmp_path):
    parent = make_layout(tmp_path, "parent", "logo: gone.svg\n")
    child = make_layout(tmp_path, "child", "extends: parent\n")
    assert problems_of(child) == [f"{parent / 'layout.yaml'}:1:7: logo: 'gone.svg' does not exist in {parent}"]
