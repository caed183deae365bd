"""What every slide planner and drawer shares: the workshop, layout, labels, grid, fonts, problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.errors import DoesNotFit, Problem
from deckgen.labels import Labels, resolve_labels
from deckgen.languages import language
from deckgen.layout import Layout
from deckgen.model import Workshop
from deckgen.slides.geometry import Grid
from deckgen.slides.measure import Insets, Measurer, Para, first_fit
from deckgen.slides.style import Style
from deckgen.inline import Text

HEADING_SIZE = 32  # pt: slide titles, the largest text on every slide but the title slide
READABLE_SIZE = 14  # pt: body text below this is a last resort (visual-design.md)


TITLE_INSETS = Insets(0, 0, 0, 0)


@dataclass
class Context:
    workshop: Workshop
    layout: Layout
    labels: Labels
    grid: Grid
    measure: Measurer
    style: Style
    problems: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, workshop: Workshop, layout: Layout, grid: Grid) -> "Context":
        labels = resolve_labels(workshop.language, layout.labels, workshop.labels)
        return cls(workshop, layout, labels, grid, Measurer.for_layout(layout),
                   Style.for_build(layout, workshop.language))

    @property
    def min_size(self) -> float:
        return float(self.layout.slides.min_font_size)

    @property
    def readable(self) -> float:
        return max(READABLE_SIZE, self.min_size)

    def continued(self, title: str) -> str:
        return f"{title} {language(self.workshop.language).continued}"

    def problem(self, number: int, title: str, message: str) -> None:
        self.problems.append(f"slide {number} '{title}': {message}")

    def title_paras(self, text: Text, number: int, slide_title: str, label: str = "") -> list[Para]:
        """The slide title at the largest size (down to the minimum) that fits the title box."""
        box = self.grid.title

        def paras(size):
            return [Para(text, size, role="heading", color="primary", bold=True, label=label,
                         label_color="accent")]

        size = first_fit(HEADING_SIZE, self.min_size,
                         lambda s: self.measure.height(paras(s), box.w, TITLE_INSETS) <= box.h)
        if size is None:
            need = self.measure.height(paras(self.min_size), box.w, TITLE_INSETS)
            self.problem(number, slide_title, f"the title needs {need:.0f} pt of height but the title "
                                              f"area has {box.h:.0f} pt at {self.min_size:g} pt")
            size = self.min_size
        return paras(size)


def raise_problems(problems: list[str]) -> None:
    if problems:
        raise DoesNotFit([Problem(None, None, None, "", problem) for problem in problems])

