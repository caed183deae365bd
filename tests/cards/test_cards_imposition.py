"""Sheet geometry: slots, duplex mirroring, back offsets (no rendering)."""

import pytest

from deckgen.cards.imposition import back_slot, grid, impose


def test_a4_is_two_by_two_filling_the_sheet():
    layout = grid("A4")
    assert (layout.columns, layout.rows, layout.per_sheet) == (2, 2, 4)
    assert layout.slot(0) == (0.0, 0.5)
    assert layout.slot(3) == (105.0, 148.5)


def test_a3_is_landscape_four_by_two():
    layout = grid("A3")
    assert (layout.width, layout.height, layout.columns, layout.rows) == (420, 297, 4, 2)


@pytest.mark.parametrize("duplex, expected", [
    ("long-edge", [1, 0, 3, 2]),
    ("short-edge", [2, 3, 0, 1]),
    ("none", [0, 1, 2, 3]),
])
def test_back_slots_on_a4(duplex, expected):
    assert [back_slot(i, grid("A4"), duplex) for i in range(4)] == expected


def test_long_edge_of_a_landscape_sheet_mirrors_rows():
    assert [back_slot(i, grid("A3"), "long-edge") for i in range(8)] == [4, 5, 6, 7, 0, 1, 2, 3]
    assert [back_slot(i, grid("A3"), "short-edge") for i in range(8)] == [3, 2, 1, 0, 7, 6, 5, 4]


def test_duplex_alternates_front_and_back_sheets():
    _, sheets = impose(5, "A4", "long-edge")
    assert [sheet.back for sheet in sheets] == [False, True, False, True]
    assert [p.side for p in sheets[0].placements] == [0, 2, 4, 6]
    assert [p.side for p in sheets[1].placements] == [1, 3, 5, 7]
    assert [p.side for p in sheets[3].placements] == [9]


def test_none_prints_every_front_then_every_back():
    _, sheets = impose(5, "A4", "none")
    assert [sheet.back for sheet in sheets] == [False, False, True, True]


def test_back_offset_moves_only_backs():
    _, plain = impose(4, "A4", "long-edge")
    _, moved = impose(4, "A4", "long-edge", back_offset=(1.5, -2.0))
    for a, b in zip(plain[0].placements, moved[0].placements):
        assert (a.x, a.y) == (b.x, b.y)
    for a, b in zip(plain[1].placements, moved[1].placements):
        assert (b.x - a.x, b.y - a.y) == (1.5, -2.0)


def test_unknown_paper_or_duplex_is_refused():
    with pytest.raises(ValueError):
        impose(1, "Letter", "long-edge")
    with pytest.raises(ValueError):
        impose(1, "A4", "sideways")
