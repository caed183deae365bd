"""Layout resolution: validation, inheritance to any depth, cycles, and files kept inside their folder."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from deckgen.errors import DeckgenError, InvalidInput
from deckgen.layout import load_layout


def make_layout(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_default_layout_is_complete(default_layout):
    assert default_layout.colors.primary == "#1F4E79"
    assert default_layout.fonts.body == "Calibri"
    assert all(path.is_file() for path in default_layout.fonts.files)
    assert default_layout.slides.size == "16:9"
    assert default_layout.cards.bleed == 3.0


def test_three_levels_child_wins(tmp_path):
    make_layout(tmp_path, "grand", "colors: {primary: '#111111', accent: '#222222'}\nfooter: Grand\n")
    make_layout(tmp_path, "parent", "extends: grand\ncolors: {accent: '#333333'}\ncards: {paper: A3}\n")
    child = make_layout(tmp_path, "child", "extends: parent\nlabels: {preconditions: Voorwaarden}\n")
    layout = load_layout(str(child))
    assert layout.colors.primary == "#111111"
    assert layout.colors.accent == "#333333"
    assert layout.colors.strengths == "#E2EFDA"  # from default, at the end of the chain
    assert layout.footer == "Grand"
    assert layout.cards.paper == "A3"
    assert layout.cards.duplex == "long-edge"
    assert layout.labels == {"preconditions": "Voorwaarden"}
    assert [folder.name for folder in layout.folders] == ["child", "parent", "grand", "default"]


def test_cycle_is_refused(tmp_path):
    make_layout(tmp_path, "a", "extends: b\n")
    make_layout(tmp_path, "b", "extends: a\n")
    with pytest.raises(DeckgenError, match="'extends' makes a cycle: a -> b -> a"):
        load_layout(str(tmp_path / "a"))


def test_unknown_parent(tmp_path):
    make_layout(tmp_path, "a", "extends: nowhere\n")
    with pytest.raises(DeckgenError, match="layout 'nowhere' not found"):
        load_layout(str(tmp_path / "a"))


def test_unknown_key_and_bad_values_reported_with_lines(tmp_path):
    folder = make_layout(tmp_path, "org", """\
        colors:
          primry: "#123456"
          accent: blue
        cards:
          duplex: long
        """)
    with pytest.raises(InvalidInput) as caught:
        load_layout(str(folder))
    source = folder / "layout.yaml"
    assert [str(p) for p in caught.value.problems] == [
        f"{source}:2:3: colors.primry: unknown key; did you mean 'primary'?",
        f"{source}:3:11: colors.accent: expected a CSS hex colour such as \"#1F4E79\", got text ('blue')",
        f"{source}:5:11: cards.duplex: expected one of long-edge, short-edge, none, got 'long'; "
        "did you mean 'long-edge'?",
    ]


@pytest.mark.parametrize("reference, why", [
    ("../secret.png", "leads out of its folder"),
    ("/etc/passwd", "absolute path"),
    ("file:///etc/passwd", "is a URL"),
    ("https://example.org/logo.png", "is a URL"),
    ("missing.png", "does not exist"),
])
def test_files_outside_the_layout_are_refused(tmp_path, reference, why):
    (tmp_path / "secret.png").write_bytes(b"x")
    folder = make_layout(tmp_path, "org", f"logo: {reference!r}\n")
    with pytest.raises(InvalidInput, match=why):
        load_layout(str(folder))


def test_symlink_leading_out_is_refused(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"x")
    folder = make_layout(tmp_path, "org", "logo: logo.png\n")
    (folder / "logo.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(InvalidInput, match="link that leads out"):
        load_layout(str(folder))


def test_paths_are_relative_to_the_declaring_layout(tmp_path):
    parent = make_layout(tmp_path, "parent", "logo: logo.png\n")
    Image.new("RGB", (40, 20), "teal").save(parent / "logo.png")
    child = make_layout(tmp_path, "child", "extends: parent\n")
    assert load_layout(str(child)).logo == (parent / "logo.png").resolve()


def test_oversized_logo_is_refused(tmp_path):
    folder = make_layout(tmp_path, "org", "logo: logo.png\n")
    with open(folder / "logo.png", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(InvalidInput, match="a logo may be at most 10 MB"):
        load_layout(str(folder))


def test_layout_by_name_from_the_working_folder(tmp_path, monkeypatch):
    make_layout(tmp_path / "layouts", "house", "footer: House\n")
    monkeypatch.chdir(tmp_path)
    assert load_layout("house").footer == "House"
    with pytest.raises(DeckgenError, match="known: .*house"):
        load_layout("hous")


def _png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size: a decompression bomb that costs nothing to write."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("name, data, why", [
    ("logo.png", b"not an image at all", "is not a readable image"),
    ("logo.png", _png_header_claiming(40000, 40000), "decompression bomb"),
    ("logo.svg", b"\x89PNG binary", "is not an SVG file"),
    ("logo.gif", b"GIF89a", "expected a PNG, JPEG or SVG file"),
])
def test_broken_or_hostile_logos_are_refused_before_rendering(tmp_path, name, data, why):
    folder = make_layout(tmp_path, "org", f"logo: {name}\n")
    (folder / name).write_bytes(data)
    with pytest.raises(InvalidInput, match=why) as caught:
        load_layout(str(folder))
    assert str(caught.value).startswith(f"{folder / 'layout.yaml'}:1:7: logo: ")


def test_broken_font_file_and_master_are_one_message_each(tmp_path, example_path):
    from deckgen.build import build
    from deckgen.project import Request

    folder = make_layout(tmp_path, "org", "fonts: {files: [broken.ttf]}\n")
    (folder / "broken.ttf").write_bytes(b"garbage")
    with pytest.raises(DeckgenError, match="broken.ttf: not a usable TrueType/OpenType font"):
        build(Request(content=example_path, out_dir=tmp_path / "out", layout=str(folder)))
    folder = make_layout(tmp_path, "org2", "slides: {template: master.pptx}\n")
    (folder / "master.pptx").write_bytes(b"garbage")
    with pytest.raises(InvalidInput, match=re.escape("slides.template: master.pptx is not a PowerPoint (.pptx) file")):
        build(Request(content=example_path, out_dir=tmp_path / "out", layout=str(folder)))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- each fact once: the name-or-path rule, the colour keys ------------------------------------------

@pytest.mark.parametrize("reference, is_name", [
    ("house", True),
    ("huis stijl 2", True),
    ("./house", False),
    ("layouts/house", False),
    ("layouts\\house", False),
    ("C:house", False),
    ("file:house", False),
    (".house", False),
    ("..", False),
])
def test_one_rule_tells_a_layout_name_from_a_path(tmp_path, monkeypatch, reference, is_name):
    from deckgen.layout.spec import is_layout_name

    assert is_layout_name(reference) is is_name
    # find_layout follows it: a name is looked up in ./layouts, a path is taken as it is
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DeckgenError) as caught:
        load_layout(reference)
    assert ("not found in ./layouts" in str(caught.value)) is is_name
    assert ("no layout.yaml in the folder" in str(caught.value)) is not is_name
    # and so does extends: a path is refused at its line and column
    folder = make_layout(tmp_path, "child", f"footer: Child\nextends: '{reference}'\n")
    if is_name:
        with pytest.raises(DeckgenError, match="not found in ./layouts"):
            load_layout(str(folder))
    else:
        with pytest.raises(InvalidInput) as caught:
            load_layout(str(folder))
        assert [str(p) for p in caught.value.problems] == [
            (f"{folder / 'layout.yaml'}:2:10: extends: expected the name of a layout (beside this one, "
             f"in ./layouts or shipped), got the path {reference!r}"),
        ]


def test_the_json_schema_refuses_a_path_in_extends():
    import jsonschema

    from deckgen.layout import LAYOUT_SPEC

    jsonschema.validate({"extends": "grootletter"}, LAYOUT_SPEC.json_schema())
    for path in ("../org", "./org", "org/sub", "C:org"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"extends": path}, LAYOUT_SPEC.json_schema())


def test_colour_keys_are_the_fields_of_colors_and_each_is_described_in_the_spec():
    from dataclasses import fields

    from deckgen.layout import COLOR_KEYS, LAYOUT_SPEC, Colors

    assert COLOR_KEYS == tuple(colour.name for colour in fields(Colors))
    colours = LAYOUT_SPEC.json_schema()["properties"]["colors"]["properties"]
    assert tuple(colours) == COLOR_KEYS
    assert all(colours[key]["description"] == colour.metadata["description"] and colour.metadata["description"]
               for key, colour in zip(COLOR_KEYS, fields(Colors)))


def test_a_colour_no_layer_sets_is_named(tmp_path):
    make_layout(tmp_path, "default", "colors: {primary: '#111111', text: '#222222'}\nfonts: {heading: A, body: B}\n")
    with pytest.raises(DeckgenError) as caught:
        load_layout(str(tmp_path / "default"))
    assert str(caught.value) == ("layout 'default': colors.accent, colors.background, colors.strengths, "
                                 "colors.weaknesses not set by it or any layout it extends")


def test_a_layout_folder_named_as_a_name_is_pointed_at_as_a_path(tmp_path, monkeypatch):
    make_layout(tmp_path, "lay", "extends: default\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DeckgenError) as caught:
        load_layout("lay")
    assert str(caught.value).endswith("; the folder ./lay is a layout: to use it, write it as a path: ./lay")
    assert load_layout("./lay").name == "lay"
    with pytest.raises(DeckgenError) as caught:
        load_layout("elders")
    assert "is a layout" not in str(caught.value)
