"""Where things go on a slide: the spacing unit, margins and the regions every slide kind shares.

All lengths here are in points (1 pt = 12700 EMU); the drawing modules convert at the last moment.
"""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_PT = 12700
SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}  # 13.333 x 7.5 in, 10 x 7.5 in


@dataclass(frozen=True)
class Box:
    """A rectangle in points, from the slide's top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class Grid:
    """The page grid of one deck: everything is a multiple of ``unit``."""

    width: float
    height: float
    unit: float = 18.0  # 0.25 in
    # A template's own title area (its title-only layout's title placeholder), when it has one.
    title_override: Box | None = None

    @property
    def side(self) -> float:
        return 3 * self.unit if self.width > 800 else 2 * self.unit

    @property
    def top(self) -> float:
        return 2 * self.unit

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.side

    @property
    def title(self) -> Box:
        """The title of every slide but the title slide: one line of a large heading, or two smaller."""
        if self.title_override is not None:
            return self.title_override
        return Box(self.side, self.top, self.content_width, 3 * self.unit)

    @property
    def footer(self) -> Box:
        return Box(self.side, self.height - 2 * self.unit, self.content_width, self.unit)

    @property
    def body(self) -> Box:
        """Between the title and the footer, one unit clear of each."""
        top = self.title.bottom + self.unit
        return Box(self.side, top, self.content_width, self.footer.y - self.unit - top)


def grid_for(width_emu: int, height_emu: int, title: Box | None = None) -> Grid:
    return Grid(width_emu / EMU_PER_PT, height_emu / EMU_PER_PT, title_override=title)


def box_of(shape) -> Box | None:
    """The box of a (layout) shape in points, or None when it has no position of its own."""
    if None in (shape.left, shape.top, shape.width, shape.height):
        return None
    return Box(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT, shape.width / EMU_PER_PT,
               shape.height / EMU_PER_PT)


def cm(points: float) -> str:
    return f"{points / 72 * 2.54:.1f} cm"
