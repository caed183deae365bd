"""Pure geometry of print sheets: where each card side lands, in mm from a sheet's top-left corner."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.cards.theme import CARD_MM
from deckgen.printing import DUPLEX_MODES, PAPERS


@dataclass(frozen=True)
class Grid:
    paper: str
    width: float  # mm
    height: float
    columns: int
    rows: int
    left: float  # mm from the sheet's left edge to the grid
    top: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def slot(self, index: int) -> tuple[float, float]:
        """Top-left corner of slot ``index`` (reading order)."""
        row, column = divmod(index, self.columns)
        return self.left + column * CARD_MM[0], self.top + row * CARD_MM[1]

    def cuts(self) -> tuple[list[float], list[float]]:
        """x positions of vertical cuts and y positions of horizontal cuts."""
        xs = [self.left + column * CARD_MM[0] for column in range(self.columns + 1)]
        ys = [self.top + row * CARD_MM[1] for row in range(self.rows + 1)]
        return xs, ys


def grid(paper: str) -> Grid:
    if paper not in PAPERS:
        raise ValueError(f"paper {paper!r}: expected one of {', '.join(PAPERS)}")
    width, height = PAPERS[paper]
    columns, rows = int(width // CARD_MM[0]), int(height // CARD_MM[1])
    return Grid(paper, width, height, columns, rows,
                (width - columns * CARD_MM[0]) / 2, (height - rows * CARD_MM[1]) / 2)


def back_slot(index: int, layout: Grid, duplex: str) -> int:
    """The slot on the back sheet that lies behind front slot ``index``.

    Flipping on the long edge turns the sheet over about its long side: on a portrait sheet that
    mirrors the columns, on a landscape sheet (A3) the rows. Short-edge is the other way round."""
    row, column = divmod(index, layout.columns)
    if duplex == "none":
        return index
    mirror_columns = (duplex == "long-edge") != layout.landscape
    if mirror_columns:
        column = layout.columns - 1 - column
    else:
        row = layout.rows - 1 - row
    return row * layout.columns + column


@dataclass(frozen=True)
class Placement:
    side: int  # index into the list of sides (card i: front 2i, back 2i + 1)
    x: float  # mm from the sheet's left edge
    y: float  # mm from the sheet's top edge
    back: bool


@dataclass(frozen=True)
class Sheet:
    back: bool
    placements: tuple[Placement, ...]
    offset: tuple[float, float] = (0.0, 0.0)  # mm the whole sheet's drawing is moved by (backs)


def impose(cards: int, paper: str, duplex: str, back_offset=(0.0, 0.0)) -> tuple[Grid, list[Sheet]]:
    """The sheets of ``cards`` cards: fronts then their backs sheet by sheet (duplex), or every front
    sheet then every back sheet ("none"). Backs move by ``back_offset`` (x right, y down, mm)."""
    if duplex not in DUPLEX_MODES:
        raise ValueError(f"duplex {duplex!r}: expected one of {', '.join(DUPLEX_MODES)}")
    layout = grid(paper)
    fronts: list[Sheet] = []
    backs: list[Sheet] = []
    for first in range(0, cards, layout.per_sheet):
        group = range(first, min(cards, first + layout.per_sheet))
        front, back = [], []
        for slot, card in enumerate(group):
            x, y = layout.slot(slot)
            front.append(Placement(2 * card, x, y, back=False))
            bx, by = layout.slot(back_slot(slot, layout, duplex))
            back.append(Placement(2 * card + 1, bx + back_offset[0], by + back_offset[1], back=True))
        fronts.append(Sheet(False, tuple(front)))
        backs.append(Sheet(True, tuple(back), tuple(back_offset)))
    if duplex == "none":
        return layout, fronts + backs
    return layout, [sheet for pair in zip(fronts, backs) for sheet in pair]
