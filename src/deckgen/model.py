"""The workshop as plain, typed data: what the content says, nothing about how it looks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.inline import Text
from deckgen.pictures import Picture


@dataclass(frozen=True)
class WorkModel:
    """One work model: a tile on the overview, an analysis slide, a card."""

    number: int
    name: Text
    title: Text
    summary: tuple[Text, ...] = ()
    examples: tuple[Text, ...] = ()
    strengths: tuple[Text, ...] = ()
    weaknesses: tuple[Text, ...] = ()
    preconditions: tuple[Text, ...] = ()
    questions: tuple[Text, ...] = ()
    notes: str = ""
    duration: int | None = None  # minutes
    image: Picture | None = None

    @property
    def has_analysis(self) -> bool:
        return bool(self.strengths or self.weaknesses or self.preconditions)


@dataclass(frozen=True)
class Workshop:
    """Everything one content file says."""

    source: Path
    language: str
    title: Text
    models: tuple[WorkModel, ...]
    layout: str | None = None
    subtitle: Text | None = None
    authors: tuple[str, ...] = ()
    venue: Text | None = None
    date: datetime.date | None = None
    overview: str | None = None
    questions: tuple[Text, ...] = ()
    sources: tuple[Text, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    duration: int | None = None  # minutes
    image: Picture | None = None  # the title slide's, the cover card's and the handout cover's

    @property
    def pictures(self) -> tuple[Picture, ...]:
        """Every picture the content names: the workshop's, then its models' in order."""
        return tuple(p for p in (self.image, *(model.image for model in self.models)) if p is not None)

    @property
    def name(self) -> str:
        """The base name of every output file: the content file's name without extension."""
        return self.source.stem
