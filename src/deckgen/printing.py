"""How cards are printed: the paper sizes and duplex modes deckgen knows, and the print options of
one build (from the command line, else the layout) checked once."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.errors import DeckgenError

# Sheet sizes in mm as the sheet is printed on: A3 lies in landscape and takes 4 x 2 cards.
PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (420.0, 297.0)}
DUPLEX_MODES = ("long-edge", "short-edge", "none")
DOUBLE_SIDED = tuple(mode for mode in DUPLEX_MODES if mode != "none")
MAX_BACK_OFFSET_MM = 20.0


@dataclass(frozen=True)
class PrintOptions:
    """What the command line asks for; None leaves the choice to the layout."""

    paper: str | None = None
    duplex: str | None = None
    back_offset: tuple[float, float] = (0.0, 0.0)  # mm, moves the backs on sheets (x right, y down)
    print_shop: bool = False  # the single-card PDF as PDF/X-4 (else as the layout says)


@dataclass(frozen=True)
class PrintSettings:
    """The print form of one build, every value set and checked."""

    paper: str
    duplex: str
    back_offset: tuple[float, float]
    print_shop: bool = False  # the single-card PDF as PDF/X-4, in CMYK (deckgen.cards.printshop)


def parse_millimetres(text: str) -> float:
    """One length in mm as people type it: ``1.5``, ``1,5`` (a decimal comma) or ``-0.5``; ValueError
    saying what to type otherwise, or when it is out of a back offset's range."""
    try:
        value = float(text.strip().replace(",", ".", 1))
    except ValueError:
        raise ValueError(f"expected a number of mm such as 1.5 or -0,5, got {text!r}") from None
    if abs(value) > MAX_BACK_OFFSET_MM:
        raise ValueError(f"{text} mm: a back offset is at most {MAX_BACK_OFFSET_MM:g} mm either way; "
                         "print deckgen calibrate and measure it again")
    return value


def resolve_print(options: PrintOptions, paper: str, duplex: str, print_shop: bool = False) -> PrintSettings:
    """``options`` over the layout's ``paper``, ``duplex`` and ``print_shop``; DeckgenError naming a value
    deckgen does not know."""
    chosen_paper = options.paper or paper
    chosen_duplex = options.duplex or duplex
    if chosen_paper not in PAPERS:
        raise DeckgenError(f"paper {chosen_paper!r}: expected one of {', '.join(PAPERS)}")
    if chosen_duplex not in DUPLEX_MODES:
        raise DeckgenError(f"duplex {chosen_duplex!r}: expected one of {', '.join(DUPLEX_MODES)}")
    offset = tuple(options.back_offset)
    if len(offset) != 2 or any(abs(float(value)) > MAX_BACK_OFFSET_MM for value in offset):
        raise DeckgenError(f"back offset {options.back_offset!r}: expected two numbers of mm "
                           f"within ±{MAX_BACK_OFFSET_MM:g}")
    return PrintSettings(chosen_paper, chosen_duplex, (float(offset[0]), float(offset[1])),
                         bool(options.print_shop or print_shop))
