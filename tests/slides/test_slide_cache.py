"""The slides cached between builds (OUT/.deckgen-cache/NAME/slides.zip): a rebuild draws only the slides whose
content changed and writes the same bytes as a cold build; a changed layout or a damaged cache draws all."""

from __future__ import annotations

import dataclasses
import zipfile

import pytest

from client_decks import long_content
from deck_reading import deck_text, fold, open_deck, slide_texts
from deckgen.build import build, write
from deckgen.errors import DeckgenWarning
from deckgen.project import CACHE_DIR, Request, open_project
from deckgen.slides import cache, deck as deck_module
from deckgen.slides.deck import build_deck
from deckgen.slides.package import write_deck
from deckgen.slides.parts import PART
from fixtures.pictures import CONTENT, picture_workshop
from slides_samples import small_content, write_layout

# The picture workshop (a PNG, a JPEG, an SVG and the title's picture) with speaker notes and sources.
WITH_NOTES = CONTENT.replace("    weaknesses: [Takes time]\n",
                             "    weaknesses: [Takes time]\n    notes: Ask who has been to one.\n")
FULL = WITH_NOTES + "sources: [\"Smith, A. (2020). *Meeting places*. London.\"]\n"
SLIDES = 7  # title, overview, four analyses, sources: a slide each
PORTRAIT_SLIDE = 4  # the second model's analysis


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def drawn(monkeypatch):
    """``drawn(source, out, **options)``: build the deck; the files written and the numbers of the slides
    drawn (not taken from the cache)."""
    numbers: list[list[int]] = []
    original = deck_module.draw_slide

    def counting(deck, plan, media):
        numbers[-1].append(plan.number)
        return original(deck, plan, media)

    monkeypatch.setattr(deck_module, "draw_slide", counting)

    def run(source, out, **options):
        numbers.append([])
        written = build(Request(content=source, out_dir=out, only=("slides",), cache=True, **options))
        return written[0], numbers[-1]

    return run


def workshop(folder, content: str = FULL):
    return picture_workshop(folder, content)


@pytest.mark.parametrize("layout", ["default", "buurtwerk"])  # buurtwerk: its own template, its logo on the master
def test_a_second_build_draws_nothing_and_writes_the_same_bytes(tmp_path, drawn, layout):
    source = workshop(tmp_path / "w")
    deck, numbers = drawn(source, tmp_path / "out", layout=layout)
    assert numbers == list(range(1, SLIDES + 1))
    cold = deck.read_bytes()
    assert (tmp_path / "out" / CACHE_DIR / "pictures" / cache.FILE).is_file()
    deck, numbers = drawn(source, tmp_path / "out", layout=layout)
    assert numbers == []
    assert deck.read_bytes() == cold


def test_editing_one_model_draws_its_slide_only_and_the_deck_is_a_cold_builds(tmp_path, drawn):
    source = workshop(tmp_path / "w")
    drawn(source, tmp_path / "out")
    source.write_text(FULL.replace("[Trust grows, Practical help]", "[Trust grows slowly, Practical help]"),
                      encoding="utf-8")
    deck, numbers = drawn(source, tmp_path / "out")
    assert numbers == [PORTRAIT_SLIDE]
    fresh, _ = drawn(source, tmp_path / "fresh")  # the same content, no cache
    assert deck.read_bytes() == fresh.read_bytes()
    prs = open_deck(deck)
    assert "Trust grows slowly" in fold(" ".join(slide_texts(prs.slides[PORTRAIT_SLIDE - 1])))
    assert prs.slides[2].notes_slide.notes_text_frame.text == "Ask who has been to one."  # kept, not drawn
    assert len(prs.slides[PORTRAIT_SLIDE - 1].shapes) == len(open_deck(fresh).slides[PORTRAIT_SLIDE - 1].shapes)


def test_a_model_that_grows_a_slide_renumbers_and_draws_the_slides_after_it(tmp_path, drawn):
    source = workshop(tmp_path / "w")
    drawn(source, tmp_path / "out")
    many = ", ".join(f"Strength number {n} with a few words of explanation after it" for n in range(16))
    source.write_text(FULL.replace("[Trust grows, Practical help]", f"[{many}]"), encoding="utf-8")
    deck, numbers = drawn(source, tmp_path / "out")
    prs = open_deck(deck)
    assert len(prs.slides) > SLIDES
    assert numbers == list(range(PORTRAIT_SLIDE, len(prs.slides) + 1))  # its slides, and every slide after
    fresh, _ = drawn(source, tmp_path / "fresh")
    assert deck.read_bytes() == fresh.read_bytes()


def test_a_changed_layout_draws_every_slide_again(tmp_path, drawn):
    source = workshop(tmp_path / "w")
    drawn(source, tmp_path / "out")
    green = write_layout(tmp_path / "green", 'colors:\n  primary: "#2E7D32"\n')
    deck, numbers = drawn(source, tmp_path / "out", layout=str(green))
    assert numbers == list(range(1, SLIDES + 1))
    fresh, _ = drawn(source, tmp_path / "fresh", layout=str(green))
    assert deck.read_bytes() == fresh.read_bytes()
    assert b"2E7D32" in zipfile.ZipFile(deck).read(f"ppt/slides/slide{PORTRAIT_SLIDE}.xml")


@pytest.mark.parametrize("damage", ["not a zip", "index only", "lost picture", "changed picture"])
def test_a_damaged_cache_is_drawn_again_never_trusted(tmp_path, drawn, damage):
    source = workshop(tmp_path / "w")
    cold, _ = drawn(source, tmp_path / "out")
    cold_bytes = cold.read_bytes()
    folder = tmp_path / "out" / CACHE_DIR / "pictures"
    kept, picture = folder / cache.FILE, sorted((folder / cache.PICTURES).iterdir())[0]
    if damage == "not a zip":
        kept.write_bytes(b"PK\x03\x04 nothing more")
    elif damage == "index only":
        with zipfile.ZipFile(kept) as archive:
            index = archive.read(cache.INDEX)
        with zipfile.ZipFile(kept, "w") as archive:
            archive.writestr(cache.INDEX, index)
    elif damage == "lost picture":
        picture.unlink()
    else:
        picture.write_bytes(picture.read_bytes()[:-1] + b"!")
    deck, numbers = drawn(source, tmp_path / "out")
    assert numbers  # drawn again: every slide, or those that show the picture
    assert deck.read_bytes() == cold_bytes


def test_the_pictures_no_slide_shows_any_more_go(tmp_path, drawn):
    source = workshop(tmp_path / "w")
    drawn(source, tmp_path / "out")
    pictures = tmp_path / "out" / CACHE_DIR / "pictures" / cache.PICTURES
    before = {path.name for path in pictures.iterdir()}
    source.write_text(FULL.replace("    image: {file: pictures/diagram.svg, alt: Two overlapping circles}\n", ""),
                      encoding="utf-8")
    drawn(source, tmp_path / "out")
    after = {path.name for path in pictures.iterdir()}
    assert after < before and len(before - after) == 2  # the SVG and its PNG fallback


def test_no_cache_keeps_no_slides(tmp_path):
    source = workshop(tmp_path / "w")
    build(Request(content=source, out_dir=tmp_path / "out", only=("slides",), cache=False))
    assert not (tmp_path / "out" / CACHE_DIR).exists()


@pytest.mark.ooxml
def test_a_deck_written_from_the_cache_is_valid_ooxml(tmp_path, drawn, validate_deck):
    source = workshop(tmp_path / "w")
    drawn(source, tmp_path / "out")
    source.write_text(FULL.replace("Safe context", "A safe context"), encoding="utf-8")
    deck, numbers = drawn(source, tmp_path / "out")
    assert numbers == [3]
    assert validate_deck(deck) == []
    assert "A safe context" in deck_text(open_deck(deck))


@pytest.mark.parametrize("content", ["pictures", "long", "small"])
def test_the_guide_is_handed_the_numbers_of_the_deck_just_built(tmp_path, content):
    """The slides builder numbers what each slide shows as it builds, drawn or cached, for the guide built
    after it; the same numbers as planning the deck again gives."""
    text = {"pictures": FULL, "long": long_content(), "small": small_content()}[content]
    source = workshop(tmp_path / "w", text)
    for _ in range(2):  # drawn, then cached
        project = open_project(Request(content=source, out_dir=tmp_path / "out", only=("slides",), cache=True))
        write(project, ("slides",))
        numbers = deck_module.slide_numbers(project.workshop, project.layout)
        assert numbers == deck_module.planned_numbers(project.workshop, project.layout)
    assert numbers.count == len(open_deck(tmp_path / "out" / f"{source.stem}.pptx").slides)


def test_an_svg_logo_is_named_as_left_off_at_every_build(tmp_path, drawn):
    layout = write_layout(tmp_path / "svg-logo", "logo: logo.svg\n")
    (layout / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>',
                                     encoding="utf-8")
    source = workshop(tmp_path / "w")
    for expected in ([*range(1, SLIDES + 1)], []):  # drawn, then from the cache
        with pytest.warns(DeckgenWarning, match="SVG logos are not supported on slides"):
            _, numbers = drawn(source, tmp_path / "out", layout=str(layout))
        assert numbers == expected


def test_an_edit_no_slide_shows_draws_nothing_and_the_sources_only_theirs(tmp_path, drawn):
    source = workshop(tmp_path / "w")
    drawn(source, tmp_path / "out")
    source.write_text(FULL + "questions: [What would you try first?]\n", encoding="utf-8")  # on cards only
    deck, numbers = drawn(source, tmp_path / "out")
    assert numbers == []
    assert deck.read_bytes() == drawn(source, tmp_path / "fresh")[0].read_bytes()
    source.write_text(FULL.replace("Meeting places", "Meeting spaces"), encoding="utf-8")
    deck, numbers = drawn(source, tmp_path / "out")
    assert numbers == [SLIDES]
    assert "Meeting spaces" in deck_text(open_deck(deck))


def test_the_package_refuses_a_relationship_to_a_part_it_lacks(tmp_path, example, default_layout):
    with cache.SlideCache(None) as nothing_kept:
        built = build_deck(example, default_layout, nothing_kept)
    first = built.slides[0]
    broken = dataclasses.replace(first, rels=tuple(
        dataclasses.replace(rel, ref="/ppt/slideLayouts/slideLayout99.xml") if rel.kind == PART else rel
        for rel in first.rels))
    with pytest.raises(ValueError, match="slideLayout99.xml, which is not in the package"):
        write_deck(built.prs, [broken, *built.slides[1:]], built.media, tmp_path / "deck.pptx")
    assert not (tmp_path / "deck.pptx").exists()
