"""Pictures of the content (issue 13): a workshop with a landscape PNG, a portrait JPEG, an SVG and a PNG too
small for its card, built once; each picture on its card front, its overview tile and its analysis slide,
scaled never stretched, with its alt text in the deck, the tagged PDFs and the HTML preview (the one
without alt text marked decorative), the SVG as PowerPoint's own SVG picture and as vectors in the PDFs,
the small one warned about with its dpi; and every bad picture one located message with nothing written."""

from __future__ import annotations

import io
import re
import shutil
import struct
import zipfile
import zlib

import pikepdf
import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from deckgen.cli import main
from deckgen.content import load_workshop
from fixtures.pictures import CONTENT, RASTERS, picture_workshop

ALTS = {1: "A sun over a green field", 2: "A door with a round window", 3: "Two overlapping circles"}
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
SMALL_LINE = next(number for number, line in enumerate(CONTENT.splitlines(), start=1) if "small.png" in line)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The workshop with pictures built with every builder: (content file, output folder, build output)."""
    folder = tmp_path_factory.mktemp("pictures")
    content = picture_workshop(folder)
    result = CliRunner().invoke(main, ["build", str(content), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return content, folder / "out", result.output


@pytest.fixture(scope="module")
def deck(built):
    return Presentation(str(built[1] / "pictures.pptx"))


def pictures_on(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def alt_of(shape) -> str | None:
    return shape._element.nvPicPr.cNvPr.get("descr")


def is_decorative(shape) -> bool:
    return any(mark.get("val") == "1" for mark in shape._element.nvPicPr.cNvPr.iter(DECORATIVE))


def slide_titled(deck, start: str):
    return next(slide for slide in deck.slides if start in slide.shapes.title.text_frame.text)


def aspect(shape) -> float:
    """The shown picture's width over height, its crop undone."""
    width = shape.width / (1 - shape.crop_left - shape.crop_right)
    height = shape.height / (1 - shape.crop_top - shape.crop_bottom)
    return width / height


ASPECTS = {1: 1600 / 900, 2: 900 / 1350, 3: 400 / 300, 4: 120 / 80}


# --- slides ------------------------------------------------------------------------------------------------


def test_each_model_has_its_picture_on_its_tile_and_its_analysis_slide_aspect_kept(deck):
    tiles = {}
    for slide in deck.slides:
        for shape in pictures_on(slide):
            if shape.name.startswith("Picture "):
                tiles[int(shape.name.split()[1])] = shape
    assert sorted(tiles) == [1, 2, 3, 4]
    for number, name in enumerate(["Landscape", "Portrait", "Vector", "Small"], start=1):
        (picture,) = pictures_on(slide_titled(deck, f"{name} model"))
        for shape in (picture, tiles[number]):
            assert aspect(shape) == pytest.approx(ASPECTS[number], rel=0.01), (number, shape.name)
            assert alt_of(shape) == ALTS.get(number)
            assert is_decorative(shape) == (number == 4)


def test_a_tiles_picture_stands_above_its_text(deck):
    """The tile's text begins below the picture strip: the text box's top inset clears the picture."""
    for slide in deck.slides:
        tiles = {shape.name.split()[1]: shape for shape in slide.shapes if shape.name.startswith("Tile ")}
        for picture in (shape for shape in pictures_on(slide) if shape.name.startswith("Picture ")):
            tile = tiles[picture.name.split()[1]]
            assert tile.top <= picture.top and picture.left >= tile.left and picture.left + picture.width <= \
                tile.left + tile.width
            assert tile.top + tile.text_frame.margin_top >= picture.top + picture.height


def test_the_analysis_table_keeps_a_readable_size_beside_its_picture(deck):
    for name in ("Landscape", "Portrait", "Vector", "Small"):
        slide = slide_titled(deck, f"{name} model")
        (table,) = [shape for shape in slide.shapes if shape.has_table]
        (picture,) = pictures_on(slide)
        assert table.left + table.width <= picture.left  # side by side, not overlapping
        sizes = {run.font.size.pt for row in table.table.rows for cell in row.cells
                 for paragraph in cell.text_frame.paragraphs for run in paragraph.runs if run.font.size}
        assert min(sizes) >= 14


def test_the_workshops_picture_is_on_the_title_slide(deck):
    (picture,) = pictures_on(deck.slides[0])
    assert alt_of(picture) == "A sunny meadow"
    assert aspect(picture) == pytest.approx(1200 / 800, rel=0.01)
    title = deck.slides[0].shapes.title
    assert title.left + title.width <= picture.left


def test_the_svg_is_powerpoints_own_svg_picture_with_a_png_fallback(built, deck):
    content, out, _ = built
    (picture,) = pictures_on(slide_titled(deck, "Vector model"))
    blip = picture._element.find(".//" + qn("a:blip"))
    (svg_blip,) = blip.iter(SVG_BLIP)
    part = picture.part.related_part(svg_blip.get(qn("r:embed")))
    assert part.content_type == "image/svg+xml"
    assert part.blob == (content.parent / "pictures" / "diagram.svg").read_bytes()
    fallback = picture.part.related_part(blip.get(qn("r:embed")))
    assert fallback.content_type == "image/png"
    with Image.open(io.BytesIO(fallback.blob)) as image:
        assert max(image.size) >= 1600 and image.size[0] / image.size[1] == pytest.approx(4 / 3, rel=0.01)
    with zipfile.ZipFile(out / "pictures.pptx") as package:
        types = etree.fromstring(package.read("[Content_Types].xml"))
        svgs = [name for name in package.namelist() if name.endswith(".svg")]
    assert len(svgs) == 1  # the tile and the analysis slide share one part
    assert any(entry.get("ContentType") == "image/svg+xml" for entry in types)


# --- cards, handout, preview --------------------------------------------------------------------------------


def figure_alts(path) -> list[str]:
    """The /Alt of every Figure in the tagged PDF's structure tree, in order."""
    found = []
    with pikepdf.open(path) as pdf:
        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    found.append(str(node.get("/Alt", "")))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) if kids is not None else ():
                    walk(kid)
        walk(pdf.Root.StructTreeRoot)
    return found


def test_the_card_fronts_carry_the_pictures_with_their_alt_text(built):
    out = built[1]
    # the cover's picture, then the models' in order; the small one, without alt text, is an artifact
    assert figure_alts(out / "pictures-cards-single.pdf") == ["A sunny meadow", *ALTS.values()]


def test_card_pictures_are_scaled_not_stretched_and_the_svg_is_vectors(built):
    import pdfplumber

    with pdfplumber.open(built[1] / "pictures-cards-single.pdf") as pdf:
        for number in (1, 2, 4):  # model N's front is page 2N: the cover's two sides come first
            images = pdf.pages[2 * number].images
            assert images, f"no picture on model {number}'s front"
            shown = max(images, key=lambda image: image["width"] * image["height"])
            assert shown["width"] / shown["height"] == pytest.approx(ASPECTS[number], rel=0.02)
        assert pdf.pages[6].images == []  # the SVG: drawn as paths, sharp at any zoom
        assert pdf.pages[6].curves or pdf.pages[6].rects


def test_the_handout_shows_the_pictures_with_their_alt_text(built):
    alts = figure_alts(built[1] / "pictures-handout.pdf")
    assert alts == ["A sunny meadow", *ALTS.values()]


def test_the_preview_gives_every_picture_its_alt_text(built):
    html = (built[1] / "pictures-cards.html").read_text(encoding="utf-8")
    for alt in ALTS.values():
        assert f'alt="{alt}"' in html
    assert len(re.findall(r'<img src="data:image/png;base64,[^"]+" alt=""', html)) == 1  # the small one


def test_the_small_picture_is_warned_about_with_its_dpi_and_line(built):
    content, _, output = built
    (warning,) = [line for line in output.splitlines() if "dpi" in line]
    assert warning.startswith(f"warning: {content}:{SMALL_LINE}:")
    assert "small.png prints at 48 dpi" in warning and "150" in warning


def test_check_warns_about_the_small_picture_and_the_missing_alt_text(built):
    content = built[0]
    result = CliRunner().invoke(main, ["check", str(content)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "small.png" in line]
    assert len(lines) == 2 and all(line.startswith(f"{content}:{SMALL_LINE}:") for line in lines)
    assert any("no alt text" in line and "decorative" in line for line in lines)
    assert any("48 dpi" in line for line in lines)
    assert sum("dpi" in line for line in result.output.splitlines()) == 1  # the others are sharp enough


# --- bad pictures --------------------------------------------------------------------------------------------


def _bomb(folder, side: int = 20000):
    """A small PNG whose header says it is ``side`` pixels square: 20000 is over twice Pillow's limit (its
    error), 10000 between the limit and twice it (only its warning)."""
    data = bytearray((folder / "pictures" / "small.png").read_bytes())
    header = struct.pack(">II", side, side) + bytes(data[24:29])  # IHDR: width, height, then five more bytes
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    (folder / "pictures" / "bad.png").write_bytes(bytes(data))
    return "pictures/bad.png"


def _link_out(folder):
    outside = folder.parent / f"{folder.name}-outside.png"
    shutil.copy(folder / "pictures" / "small.png", outside)
    (folder / "pictures" / "link.png").symlink_to(outside)
    return "pictures/link.png"


BAD = {
    "missing": (lambda folder: "pictures/none.png", "does not exist"),
    "not an image": (lambda folder: (folder / "pictures" / "bad.png").write_text("hello") and "pictures/bad.png",
                     "is not a readable image"),
    "truncated": (lambda folder: (folder / "pictures" / "bad.png").write_bytes(
        (folder / "pictures" / "landscape.png").read_bytes()[:3000]) and "pictures/bad.png", "is cut off"),
    "decompression bomb": (_bomb, "decompression bomb"),
    "dots": (lambda folder: "../pictures/small.png", "leads out of its folder"),
    "absolute": (lambda folder: str(folder / "pictures" / "small.png"), "is an absolute path"),
    "url": (lambda folder: "https://example.org/a.png", "is a URL"),
    "link out": (_link_out, "is a link that leads out"),
    "gif": (lambda folder: Image.new("RGB", (9, 9)).save(folder / "pictures" / "a.gif") or "pictures/a.gif",
            "expected a PNG, JPEG or SVG picture"),
    "png named jpeg": (lambda folder: shutil.copy(folder / "pictures" / "small.png", folder / "pictures" / "a.jpg")
                       and "pictures/a.jpg", "not the JPEG its name says"),
    "not svg": (lambda folder: (folder / "pictures" / "a.svg").write_text("<html/>") and "pictures/a.svg",
                "not <svg>"),
    "svg linking out": (lambda folder: (folder / "pictures" / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        '<image xlink:href="file:///etc/hostname" width="10" height="10"/></svg>') and "pictures/a.svg",
        "refers to 'file:///etc/hostname' outside itself"),
    "svg without size": (lambda folder: (folder / "pictures" / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>') and "pictures/a.svg",
        "neither a width and height nor a viewBox"),
}


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("form", ["path", "mapping"])
def test_a_bad_picture_is_one_located_message_and_nothing_is_written(tmp_path, case, form):
    make, expected = BAD[case]
    content = picture_workshop(tmp_path / "w")
    reference = make(tmp_path / "w")
    value = reference if form == "path" else f"{{file: {reference}, alt: Broken}}"
    content.write_text(CONTENT.replace("image: pictures/small.png", f"image: {value}"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    problem, summary = result.output.strip().splitlines()
    key = "image" if form == "path" else "image.file"
    assert problem.startswith(f"{content}:{SMALL_LINE}:") and f"model 4 'Small model', {key}: " in problem
    assert expected in problem, problem
    assert summary == "1 problem found; nothing was written."
    assert not (tmp_path / "out").exists()


def test_a_bomb_between_the_two_limits_is_refused_too(tmp_path):
    """Pillow only warns below twice its limit: deckgen refuses then as well."""
    content = picture_workshop(tmp_path / "w")
    _bomb(tmp_path / "w", 10000)
    content.write_text(CONTENT.replace("pictures/small.png", "pictures/bad.png"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(content)])
    assert result.exit_code == 1 and "decompression bomb" in result.output


# --- content, layout, cache, watch, workbook ------------------------------------------------------------------


def test_the_workshop_knows_its_pictures(tmp_path):
    workshop = load_workshop(picture_workshop(tmp_path))
    assert [(p.format, p.width, p.height, p.alt) for p in workshop.pictures] == [
        ("PNG", 1200, 800, "A sunny meadow"), ("PNG", 1600, 900, ALTS[1]), ("JPEG", 900, 1350, ALTS[2]),
        ("SVG", 400, 300, ALTS[3]), ("PNG", 120, 80, None)]
    assert set(RASTERS) <= {picture.path.name for picture in workshop.pictures}


def test_a_phones_portrait_photo_stands_upright_everywhere(tmp_path):
    """A photo stored on its side with an EXIF orientation (6: turn it a quarter) is measured upright and goes
    into the deck turned, as PowerPoint does not read the tag (WeasyPrint and browsers do)."""
    content = picture_workshop(tmp_path)
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (1350, 900), "#D97A4A").save(tmp_path / "pictures" / "portrait.jpg", exif=exif)
    assert load_workshop(content).models[1].image.width == 900
    result = CliRunner().invoke(main, ["build", str(content), "--out", str(tmp_path / "out"), "--only", "slides",
                                       "--only", "cards"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "out" / "pictures.pptx"))
    (picture,) = pictures_on(slide_titled(deck, "Portrait model"))
    assert aspect(picture) == pytest.approx(900 / 1350, rel=0.01)
    with Image.open(io.BytesIO(picture.image.blob)) as embedded:
        assert embedded.size == (900, 1350)
    import pdfplumber

    with pdfplumber.open(tmp_path / "out" / "pictures-cards-single.pdf") as pdf:
        (shown,) = pdf.pages[4].images  # model 2's front
        assert shown["width"] / shown["height"] == pytest.approx(900 / 1350, rel=0.02)


def test_a_large_phone_photo_goes_into_the_deck_with_the_pixels_its_place_needs(tmp_path):
    """A 12-megapixel photo taken on its side: in the deck, turned upright and scaled down to PowerPoint's
    220 ppi where it is shown (a few hundred kB, not megabytes), its colour profile kept; a picture with
    about the pixels its place needs goes in as its own file."""
    from PIL import ImageCms, ImageFilter

    content = picture_workshop(tmp_path)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side
    noise = Image.effect_noise((400, 300), 60).convert("RGB").resize((4000, 3000)).filter(ImageFilter.SMOOTH)
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo = tmp_path / "pictures" / "portrait.jpg"
    noise.save(photo, quality=92, exif=exif, icc_profile=profile)
    small = tmp_path / "pictures" / "small.png"
    result = CliRunner().invoke(main, ["build", str(content), "--out", str(tmp_path / "out"), "--only", "slides"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "out" / "pictures.pptx"))
    for slide in deck.slides:
        for shape in pictures_on(slide):
            blob = shape.image.blob
            if shape.image.content_type != "image/jpeg" or len(blob) == small.stat().st_size:
                continue
            with Image.open(io.BytesIO(blob)) as embedded:
                shown_inches = shape.width / (1 - shape.crop_left - shape.crop_right) / 914400
                assert embedded.width / shown_inches == pytest.approx(220, abs=2)
                assert embedded.height > embedded.width  # upright
                assert embedded.info.get("icc_profile") == profile
            assert len(blob) < photo.stat().st_size / 4
    (tile,) = [shape for shape in pictures_on(deck.slides[1]) if shape.image.content_type == "image/jpeg"]
    assert tile.image.size[0] < 1000
    (analysis,) = pictures_on(slide_titled(deck, "Portrait model"))
    assert analysis.image.size[0] > tile.image.size[0]  # each place its own pixels
    small_shape = next(shape for shape in pictures_on(slide_titled(deck, "Small model")))
    assert small_shape.image.blob == small.read_bytes()


def test_a_layout_can_switch_each_place_off(tmp_path):
    from deckgen.cards.cardset import build_cards
    from deckgen.handout.view import build_view
    from deckgen.labels import resolve_labels
    from deckgen.layout import load_layout
    from deckgen.slides.deck import plan_deck

    workshop = load_workshop(picture_workshop(tmp_path))
    folder = tmp_path / "layouts" / "plain"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(
        "slides:\n  pictures: {title: false, overview: false, analysis: false}\n"
        "cards:\n  pictures: {front: false, cover: false}\nhandout:\n  pictures: false\n", encoding="utf-8")
    layout = load_layout(str(folder))
    plans = plan_deck(workshop, layout).plans
    assert all(not getattr(plan, "picture", None) and not getattr(plan, "picture_box", None)
               and not any(getattr(plan, "pictures", None) or ()) for plan in plans)
    assert all(card.data.get("picture") is None for card in build_cards(workshop, layout))
    view = build_view(workshop, layout, resolve_labels("en"))
    assert view.cover.picture is None and all(model.picture is None for model in view.models)
    shown = load_layout("default")
    assert sum(card.data.get("picture") is not None for card in build_cards(workshop, shown)) == 5


def test_a_picture_that_would_squeeze_the_table_is_left_off_its_slide_with_a_note(tmp_path):
    from deckgen.layout import load_layout
    from deckgen.slides.analysis import AnalysisPlan
    from deckgen.slides.deck import plan_deck

    long = ", ".join(f"Strength number {i} that takes a good many words to say what it means" for i in range(9))
    content = picture_workshop(tmp_path, CONTENT.replace("strengths: [Safe context, Learning from peers]",
                                                         f"strengths: [{long}]"))
    deck = plan_deck(load_workshop(content), load_layout("default"))
    analyses = {plan.title[0].label: plan for plan in deck.plans if isinstance(plan, AnalysisPlan)}
    assert analyses["1"].picture is None and analyses["1"].width is None  # the table keeps the whole width
    assert analyses["2"].picture is not None  # the others keep theirs
    (note,) = [note for note in deck.ctx.notes if note.key_path == "models[0].image"]
    assert "left off the analysis slide" in note.message


def test_tiles_take_lower_pictures_before_another_overview_slide(tmp_path):
    from deckgen.layout import load_layout
    from deckgen.slides import overview
    from deckgen.slides.deck import plan_deck

    lines = ["language: en", "title: Eight tiles", "models:"]
    for number in range(8):
        lines += [f"  - name: Model {number}", "    image: {file: pictures/landscape.png, alt: A sun}",
                  "    summary: [" + ", ".join(f"Bullet {i} says a little" for i in range(4)) + "]"]
    content = picture_workshop(tmp_path, "\n".join(lines) + "\n")
    deck = plan_deck(load_workshop(content), load_layout("default"))
    models = list(deck.ctx.workshop.models)
    assert overview._best(deck.ctx, models, deck.ctx.readable, overview.STRIP_SHARES[0]) is None  # too high
    (slide,) = [plan for plan in deck.plans if isinstance(plan, overview.OverviewPlan)]
    assert len(slide.tiles) == 8 and all(slide.pictures)
    for (tile, _), (box, _) in zip(slide.tiles, slide.pictures):
        assert box.bottom < tile.bottom


def test_a_layout_may_ask_for_pictures_that_fill_their_boxes(tmp_path):
    """fit: cover fills the tile's strip and the card's box, cropping the overflow evenly, never stretching."""
    content = picture_workshop(tmp_path / "w")
    folder = tmp_path / "layouts" / "filled"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("slides:\n  pictures: {fit: cover}\ncards:\n  pictures: {fit: cover}\n",
                                        encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), "--layout", str(folder), "--out", str(tmp_path / "out"),
                                       "--only", "slides", "--only", "cards"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "out" / "pictures.pptx"))
    tiles = {shape.name: shape for shape in pictures_on(deck.slides[1])}
    landscape, portrait = tiles["Picture 1"], tiles["Picture 2"]
    assert landscape.width == portrait.width and landscape.height == portrait.height  # both fill the strip
    assert portrait.crop_top == pytest.approx(portrait.crop_bottom) and portrait.crop_top > 0.2
    assert portrait.crop_left == portrait.crop_right == 0
    for number in (1, 2):
        assert aspect(tiles[f"Picture {number}"]) == pytest.approx(ASPECTS[number], rel=0.01)
    html = (tmp_path / "out" / "pictures-cards.html").read_text(encoding="utf-8")
    assert html.count("object-fit: cover\">") == 5 and "object-fit: contain\">" not in html  # the cover, four models
    # covering the 93 x 42 mm box, the small picture (120 pixels wide) is 93 mm wide: fewer dots an inch
    assert f"small.png prints at {120 / (93 / 25.4):.0f} dpi" in result.output


def test_the_card_cache_keys_follow_the_pictures_bytes(tmp_path):
    from deckgen.cards.cache import side_keys
    from deckgen.cards.cardset import all_sides, build_cards
    from deckgen.layout import load_layout

    content = picture_workshop(tmp_path)
    layout = load_layout("default")
    before = side_keys(b"", all_sides(build_cards(load_workshop(content), layout)))
    Image.new("RGB", (120, 80), "#000000").save(tmp_path / "pictures" / "small.png")  # same name and size
    after = side_keys(b"", all_sides(build_cards(load_workshop(content), layout)))
    changed = [index for index, (old, new) in enumerate(zip(before, after)) if old != new]
    assert changed == [8, 9]  # model 4's card: the cover's two sides, then two a model


def test_watch_rebuilds_when_a_picture_beside_the_content_changes(tmp_path):
    from deckgen.project import Request
    from deckgen.watch import Watcher

    content = picture_workshop(tmp_path)
    beside = tmp_path / "beside.png"
    Image.new("RGB", (400, 300), "#123456").save(beside)
    content.write_text(CONTENT.replace("pictures/small.png", "beside.png"), encoding="utf-8")
    watcher = Watcher(Request(content=content, out_dir=tmp_path / "out", only=("slides",)), pictures=False,
                      echo=lambda message: None)
    watcher.rebuild()
    assert watcher.state.ok, watcher.state.message
    assert watcher.is_relevant(beside) and not watcher.is_relevant(tmp_path / "notes.txt")
    stamp = watcher.stamp()
    Image.new("RGB", (400, 301), "#654321").save(beside)
    assert watcher.stamp() != stamp


def test_a_workbook_reads_the_image_and_image_alt_columns(tmp_path):
    import openpyxl

    picture_workshop(tmp_path)
    book = openpyxl.Workbook()
    book.active.title = "workshop"
    book["workshop"].append(["title", "Workbook with pictures"])
    book["workshop"].append(["image", "pictures/day.png"])
    models = book.create_sheet("models")
    models.append(["name", "image", "image alt"])
    models.append(["First", "pictures/landscape.png", "A sun over a green field"])
    models.append(["Second", "pictures/none.png", None])
    models.append(["Third", None, "An alt text without its picture"])
    book.save(tmp_path / "w.xlsx")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "w.xlsx")])
    assert result.exit_code == 1
    assert "w.xlsx:models!B3: image: 'pictures/none.png' does not exist" in result.output
    assert "w.xlsx:models!C4: image: required; expected a path" in result.output
    models.delete_rows(3, 2)
    book.save(tmp_path / "w.xlsx")
    workshop = load_workshop(tmp_path / "w.xlsx")
    assert workshop.image.alt is None and workshop.image.path.name == "day.png"
    assert workshop.models[0].image.alt == "A sun over a green field"


def test_init_workshop_shows_the_image_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "workshop", "dag", "--language", "en"]).exit_code == 0
    text = (tmp_path / "dag.yaml").read_text(encoding="utf-8")
    assert "# image: pictures/" in text and "#   alt:" in text
    uncommented = text.replace("# image:", "image:").replace("    #   file:", "      file:")
    assert "image:" in uncommented
