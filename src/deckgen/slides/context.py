"""What every slide planner and drawer shares: the workshop, layout, labels, grid, fonts, misfits."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from deckgen.errors import Misfit
from deckgen.inline import Text
from deckgen.labels import Labels, resolve_labels
from deckgen.languages import Language, language
from deckgen.layout import Layout
from deckgen.model import Workshop
from deckgen.slides.fits import FitMemory, context_digest
from deckgen.slides.geometry import Grid
from deckgen.slides.measure import Insets, Measurer, Para, first_fit
from deckgen.slides.style import Style

HEADING_SIZE = 32  # pt: slide titles, the largest text on every slide but the title slide
READABLE_SIZE = 14  # pt: body text goes below this (down to the layout's minimum) only as a last resort


TITLE_INSETS = Insets(0, 0, 0, 0)


def model_key(number: int) -> str:
    """The key path of the model numbered ``number`` (1-based, as on the slides): ``models[number - 1]``."""
    return f"models[{number - 1}]"


def place(number: int, title: str | None = None) -> str:
    """How a misfit names its slide: ``slide 5 'Persoonlijk netwerk'``, or ``slide 5``."""
    return f"slide {number}" if title is None else f"slide {number} '{title}'"


@dataclass
class Context:
    workshop: Workshop
    layout: Layout
    labels: Labels
    grid: Grid
    measure: Measurer
    style: Style
    problems: list[Misfit] = field(default_factory=list)
    notes: list[Misfit] = field(default_factory=list)  # text set smaller than designed, so that it fits
    fits: FitMemory | None = None  # the analyses fitted before (set by create)

    @classmethod
    def create(cls, workshop: Workshop, layout: Layout, grid: Grid) -> Context:
        labels = resolve_labels(workshop.language, layout.labels, workshop.labels)
        ctx = cls(workshop, layout, labels, grid, Measurer.for_layout(layout),
                  Style.for_build(layout, workshop.language))
        ctx.fits = FitMemory(context_digest(ctx))
        return ctx

    @property
    def min_size(self) -> float:
        return float(self.layout.slides.min_font_size)

    @property
    def readable(self) -> float:
        return max(self.scaled(READABLE_SIZE), self.min_size)

    def scaled(self, size: float) -> float:
        """A design size of the slides in the layout's type scale (``slides.type_scale``: 1.25 is large
        type), never below the layout's smallest size."""
        return max(math.ceil(size * self.layout.slides.type_scale * 2 - 1e-9) / 2, self.min_size)

    @property
    def language(self) -> Language:
        """The content's language: its continued word and punctuation (deckgen.languages)."""
        return language(self.workshop.language)

    def continued(self, title: str) -> str:
        return f"{title} {self.language.continued}"

    def problem(self, key_path: str, number: int, title: str | None, message: str) -> None:
        """Record that the content value at ``key_path`` does not fit slide ``number`` (titled ``title``)."""
        self.problems.append(Misfit(key_path, place(number, title), message))

    def note(self, key_path: str, number: int, title: str | None, message: str) -> None:
        """Record that the content value at ``key_path`` was set smaller than designed on slide ``number``."""
        self.notes.append(Misfit(key_path, place(number, title), message, "note"))

    def too_wide(self, paras: list[Para], width: float, insets: Insets | None = None,
                 where: str = "its line") -> str | None:
        """'the word '…' is wider than its line at 12 pt' when a word of ``paras`` is, else None: a
        height measured with such a word is no amount to report."""
        for para in paras:
            word = self.measure.unbreakable([para], width, insets)
            if word is not None:
                shown = word if len(word) <= 40 else word[:39] + "\u2026"
                return f"the word '{shown}' is wider than {where} at {para.size:g} pt"
        return None

    def title_paras(self, text: Text, key_path: str, number: int, label: str = "") -> list[Para]:
        """The slide title at the largest size (down to the minimum) that fits the title box; a title
        that does not fit even at the minimum is a misfit of ``key_path``, and is kept at the minimum."""
        box = self.grid.title

        def paras(size):
            return [Para(text, size, role="heading", color="primary", bold=True, label=label,
                         label_color="accent")]

        size = first_fit(self.scaled(HEADING_SIZE), self.min_size,
                         lambda s: self.measure.height(paras(s), box.w, TITLE_INSETS) <= box.h)
        if size is None:
            need = self.measure.height(paras(self.min_size), box.w, TITLE_INSETS)
            self.problem(key_path, number, text.plain,
                         self.too_wide(paras(self.min_size), box.w, TITLE_INSETS, "the title area")
                         or f"the title needs {need:.0f} pt of height but the title area has {box.h:.0f} pt "
                            f"at {self.min_size:g} pt")
            size = self.min_size
        return paras(size)

