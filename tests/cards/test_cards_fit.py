"""Text fits its card: shrunk step by step; a model's back too long even at the smallest size continues on
the next card; other text that does not fit is refused with the card's name and the line to shorten."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from cards_helpers import build, page_text
from deckgen.builders import builder
from deckgen.content import load_workshop
from deckgen.errors import DoesNotFit
from deckgen.layout import load_layout
from deckgen.project import assemble


def _content(strengths: int, name: str = "Crowded model") -> str:
    items = ", ".join(f"Strength number {i} that takes a full line of words" for i in range(strengths))
    return (f"language: en\ntitle: Fit test\nmodels:\n  - name: Easy model\n    strengths: [Fine]\n"
            f"  - name: {name}\n    strengths: [{items}]\n    weaknesses: [Some]\n    preconditions: [Many]\n")


def _body_size(path, page: int) -> float:
    """The most common type size on a page, in pt."""
    from collections import Counter

    with pdfplumber.open(path) as pdf:
        sizes = Counter(round(char["size"], 1) for char in pdf.pages[page].chars if char["text"].strip())
    return sizes.most_common(1)[0][0]


def test_a_crowded_side_is_shrunk_in_steps(tmp_path):
    _, paths = build(tmp_path, _content(14))
    easy, crowded = _body_size(paths["single.pdf"], 3), _body_size(paths["single.pdf"], 5)
    assert crowded < easy
    assert crowded >= load_layout("default").cards.min_font_size
    assert (crowded * 2) == pytest.approx(round(crowded * 2), abs=0.05)  # a 0.5 pt step
    assert "Strength number 13 that takes a full line of words" in " ".join(
        pdfplumber.open(paths["single.pdf"]).pages[5].extract_text().split())


def _strengths_on(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"Strength number (\d+) that takes", text)]


def test_an_overlong_card_back_continues_on_the_next_card(tmp_path):
    """60 strengths do not fit one back even at 7 pt: the build goes on, the back continues on the cards
    right after it (issue #11.6), and the sheets keep every card's back behind it."""
    from cards_helpers import slot_texts
    from deckgen.cards.imposition import back_slot, grid

    _, paths = build(tmp_path, _content(60, name="Overlong model"))
    pages = page_text(paths["single.pdf"])  # cover, easy model, overlong model and its continuations
    extra = len(pages) // 2 - 3
    assert len(pages) % 2 == 0 and extra >= 1
    fronts, backs = pages[4::2], pages[5::2]
    assert "Overlong model" in fronts[0] and "(continued)" not in fronts[0]
    for front in fronts[1:]:
        assert "Overlong model (continued)" in front and "2" in front.split()
    shown = [_strengths_on(back) for back in backs]
    assert sorted(number for numbers in shown for number in numbers) == list(range(60))  # each exactly once
    assert [number for numbers in shown for number in numbers] == list(range(60))  # in their order
    assert all(numbers for numbers in shown)
    for back in backs[:-1]:  # each back but the last says it goes on; the rest of the back is on the last
        assert back.rstrip().endswith("(continued)") and "Some" not in back.split() and "Many" not in back.split()
    assert "WEAKNESSES AND THREATS" in backs[-1] and "Some" in backs[-1] and "Many" in backs[-1]
    assert all("STRENGTHS AND OPPORTUNITIES" in back for back in backs)  # the section's heading again
    assert not backs[-1].rstrip().endswith("(continued)")
    assert "Overlong model (continued)" in backs[1] and "(continued)" not in backs[0].split("STRENGTHS")[0]
    # the sheets: each card in the next slot, its back behind it on the following sheet (long-edge, A4)
    slots, sheet = slot_texts(paths["sheets.pdf"]), grid("A4")
    for card in range(2, 3 + extra):
        page, slot = divmod(card, sheet.per_sheet)
        front = slots[2 * page * sheet.per_sheet + slot]
        back = slots[(2 * page + 1) * sheet.per_sheet + back_slot(slot, sheet, "long-edge")]
        assert ("Overlong model (continued)" in front) == (card > 2), (card, front)
        assert _strengths_on(back) == shown[card - 2], card


def _long_bullet(words: int = 700) -> str:
    bullet = " ".join(f"word{i}" for i in range(words))
    return ("language: en\ntitle: Fit test\nmodels:\n  - name: Easy model\n    strengths: [Fine]\n"
            "  - name: Long bullet\n    strengths:\n      - One\n      - Two\n      - Three\n      - Four\n"
            f"      - {bullet}\n    weaknesses: [Some]\n")


def test_a_bullet_longer_than_a_whole_back_is_refused_at_its_line(tmp_path):
    with pytest.raises(DoesNotFit) as caught:
        build(tmp_path, _long_bullet())
    source = re.escape(str(tmp_path / "workshop.yaml"))
    (problem,) = caught.value.problems
    assert re.fullmatch(source + r":12:9: model 2 'Long bullet', strengths item 5: "
                                 r"card 'models' 2 'Long bullet' \(back\): "
                                 r"this item does not fit on a card back even on its own at 7 pt, \d+\.\d mm over; "
                                 r"shorten it or split it into two items, or lower cards\.min_font_size in the layout",
                        str(problem)), str(problem)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.html"))


def test_check_cards_reports_only_what_cannot_continue(tmp_path):
    source = tmp_path / "w.yaml"
    cards = builder("cards")
    source.write_text(_long_bullet(), encoding="utf-8")
    problems = cards.check(assemble(load_workshop(source), load_layout("default")))
    assert len(problems) == 1 and problems[0].key_path == "models[1].strengths[4]"
    assert "model 2 'Long bullet', strengths item 5:" in str(problems[0])
    source.write_text(_content(60, name="Overlong model"), encoding="utf-8")  # continues: nothing to report
    assert cards.check(assemble(load_workshop(source), load_layout("default"))) == []
    source.write_text(_content(2), encoding="utf-8")
    assert cards.check(assemble(load_workshop(source), load_layout("default"))) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.yaml"]


# fit() and next_size() on their own, with a fake renderer: each side's text needs a height that is a
# pure function of its size, so the largest size that fits is known without WeasyPrint.

from hypothesis import given, settings, strategies as st  # noqa: E402

from deckgen.cards.fit import STEP, fit, next_size  # noqa: E402
from deckgen.cards.pdf import Measure  # noqa: E402
from deckgen.errors import DeckgenError  # noqa: E402


class FakeRenderer:
    """``layout_sides`` for fit(): side i needs ``needs[i](size)`` mm of the ``room`` mm it has."""

    def __init__(self, needs: dict, room: float = 100.0):
        self.needs, self.room = needs, room
        self.renders: list[dict[int, float]] = []

    def __call__(self, sizes: dict[int, float]) -> dict[int, Measure]:
        self.renders.append(dict(sizes))
        return {index: Measure(index, max(0.0, self.needs[index](size) - self.room), self.room,
                               [f"page of side {index} at {size:g} pt"])
                for index, size in sizes.items()}


def power(scale: float, exponent: float):
    """Text whose height grows as size ** exponent: 1 for one line that gets shorter, 2 for wrapped text
    whose lines get both shorter and fewer."""
    return lambda size: scale * size ** exponent


def largest_fitting(base: float, minimum: float, need, room: float = 100.0) -> float | None:
    """The answer by trying every size from ``base`` down in STEP steps."""
    size = base
    while size >= minimum - 1e-9:
        if need(size) <= room:
            return size
        size -= STEP
    return None


def test_a_side_that_fits_at_its_base_size_is_rendered_once():
    renderer = FakeRenderer({0: power(5, 1)})  # 13 pt needs 65 of 100 mm
    pages, sizes, refused = fit({0: 13.0}, 7.0, renderer)
    assert (pages, sizes, refused) == ({0: "page of side 0 at 13 pt"}, {0: 13.0}, [])
    assert renderer.renders == [{0: 13.0}]


def test_only_the_overflowing_sides_are_rendered_again():
    renderer = FakeRenderer({0: power(5, 1), 1: power(1, 2), 2: power(0.25, 2)})  # 1 and 2 overflow
    pages, sizes, refused = fit({0: 13.0, 1: 19.0, 2: 24.0}, 7.0, renderer)
    assert renderer.renders[0] == {0: 13.0, 1: 19.0, 2: 24.0}
    assert all(0 not in later for later in renderer.renders[1:])
    assert sizes == {0: 13.0, 1: 10.0, 2: 20.0} and refused == []
    assert pages[1] == "page of side 1 at 10 pt"


def test_wrapped_text_lands_on_the_largest_fitting_step_at_the_second_render():
    need = power(100 / 11.2 ** 2, 2)  # fits up to 11.2 pt: the answer is 11 pt
    renderer = FakeRenderer({0: need})
    _, sizes, refused = fit({0: 19.0}, 7.0, renderer)
    assert sizes[0] == largest_fitting(19.0, 7.0, need) == 11.0 and refused == []
    assert len(renderer.renders) == 2  # as many renders as the chunk's worst side needs


def test_text_that_shrinks_slower_than_its_size_takes_more_renders_to_the_same_answer():
    need = power(100 / 11.2, 1)  # one line: the square-root estimate errs large, never small
    renderer = FakeRenderer({0: need})
    _, sizes, _ = fit({0: 19.0}, 7.0, renderer)
    assert sizes[0] == largest_fitting(19.0, 7.0, need) == 11.0
    assert [render[0] for render in renderer.renders] == [19.0, 14.5, 12.5, 11.5, 11.0]


@settings(max_examples=200, deadline=None)
@given(base=st.integers(16, 60).map(lambda n: n * STEP), fits_up_to=st.floats(5.0, 30.0),
       exponent=st.floats(1.0, 2.0))
def test_the_result_is_the_largest_step_that_fits_when_height_grows_at_most_with_the_square(
        base, fits_up_to, exponent):
    need = power(100 / fits_up_to ** exponent, exponent)
    pages, sizes, refused = fit({0: base}, 7.0, FakeRenderer({0: need}))
    expected = largest_fitting(base, 7.0, need)
    if expected is None:
        assert refused and refused[0].size == 7.0 and not pages
    else:
        assert sizes[0] == expected and not refused


def test_text_that_grows_faster_than_the_square_may_end_below_the_largest_fitting_step():
    """Not the largest there: the estimate assumes at most quadratic growth (line breaks can jump)."""
    need = power(100 / 11.2 ** 4, 4)
    _, sizes, refused = fit({0: 19.0}, 7.0, FakeRenderer({0: need}))
    assert not refused and need(sizes[0]) <= 100
    assert sizes[0] < largest_fitting(19.0, 7.0, need) == 11.0


def test_a_side_that_never_fits_is_refused_at_the_minimum_with_its_overflow_there():
    renderer = FakeRenderer({0: power(5, 1), 1: lambda size: 390 + size})  # side 1: 397 mm even at 7 pt
    pages, sizes, refused = fit({0: 13.0, 1: 19.0}, 7.0, renderer)
    assert list(pages) == [0] and sizes[1] == 7.0
    assert [(item.side, item.overflow, item.size) for item in refused] == [(1, 297.0, 7.0)]
    # 409 mm of 100: 19 * sqrt(100 / 409) = 9.4 -> 9 pt; then 9 * sqrt(100 / 399) = 4.5 -> the minimum
    assert [render.get(1) for render in renderer.renders] == [19.0, 9.0, 7.0]


def test_refused_sides_are_listed_in_side_order():
    never = lambda size: 500.0  # noqa: E731
    _, _, refused = fit({5: 10.0, 2: 10.0, 9: 10.0}, 7.0, FakeRenderer({5: never, 2: never, 9: never}))
    assert [item.side for item in refused] == [2, 5, 9]


def test_a_side_missing_from_the_render_is_one_message():
    with pytest.raises(DeckgenError, match=r"card side 3 .*no page of the laid-out cards holds it"):
        fit({3: 10.0}, 7.0, lambda sizes: {})


@pytest.mark.parametrize("size, room, used, minimum, expected", [
    (20.0, 50.0, 200.0, 7.0, 10.0),  # 20 * sqrt(1/4)
    (19.0, 100.0, 130.0, 7.0, 16.5),  # 16.66 down to the step below
    (13.0, 99.9, 100.0, 7.0, 12.5),  # almost fits: still one whole step down
    (13.0, 0.0, 40.0, 7.0, 12.5),  # no room measured: one step
    (13.0, 10.0, 0.0, 7.0, 12.5),  # nothing used measured: one step
    (9.0, 10.0, 1000.0, 7.0, 7.0),  # never below the minimum
    (7.5, 99.0, 100.0, 7.2, 7.2),  # a minimum off the step grid is kept
])
def test_next_size(size, room, used, minimum, expected):
    assert next_size(size, room, used, minimum) == pytest.approx(expected)


@given(size=st.integers(15, 80).map(lambda n: n * STEP), room=st.floats(0.1, 500), used=st.floats(0.1, 500))
def test_next_size_is_a_step_smaller_on_the_grid_and_not_below_the_minimum(size, room, used):
    smaller = next_size(size, room, used, 7.0)
    assert 7.0 <= smaller <= size - STEP or smaller == 7.0
    assert smaller == 7.0 or (smaller / STEP) == pytest.approx(round(smaller / STEP))
