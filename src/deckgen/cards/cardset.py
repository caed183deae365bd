"""The card set as plain data: which cards exist, what each side shows, and what each is called in messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deckgen.inline import Text, join, plain
from deckgen.labels import Labels, long_date, resolve_labels


@dataclass(frozen=True)
class Side:
    """One side of one card: one A6 page, one template."""

    card: "Card"
    face: str  # "front" | "back"

    @property
    def kind(self) -> str:
        return f"{self.card.set}-{self.face}"

    @property
    def template(self) -> str:
        return f"card-{self.kind}.html.j2"

    @property
    def title(self) -> str:
        """How messages name this side: ``card 'models' 3 'Persoonlijk netwerk' (back)``."""
        return f"{self.card.title} ({self.face})"

    @property
    def source(self) -> str:
        """The key path of the content this side shows most of: what to shorten when it does not fit."""
        return self.card.sources[0 if self.face == "front" else 1]


@dataclass(frozen=True)
class Card:
    """One card: its set ('cover', 'models', 'questions'), its number in the set, its name, what it shows."""

    set: str
    number: int | None
    name: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    sources: tuple[str, str] = ("", "")  # key paths in the content of what the front and the back show

    @property
    def title(self) -> str:
        name = self.name if len(self.name) <= 48 else self.name[:45].rstrip() + "…"
        number = f" {self.number}" if self.number is not None else ""
        return f"card '{self.set}'{number} '{name}'"

    @property
    def sides(self) -> tuple[Side, Side]:
        return Side(self, "front"), Side(self, "back")


def card_labels(workshop, layout) -> Labels:
    return resolve_labels(workshop.language, layout.labels, workshop.labels)


def build_cards(workshop, layout) -> list[Card]:
    """Every card of the workshop in print order: the cover, one per model, one per question."""
    labels = card_labels(workshop, layout)
    footer: Text = plain(layout.footer) if layout.footer else workshop.title
    set_name = workshop.overview or labels.overview_heading(len(workshop.models))
    cards = [Card("cover", None, workshop.title.plain, {
        "title": workshop.title,
        "subtitle": workshop.subtitle,
        "date": plain(long_date(workshop.date, workshop.language)) if workshop.date else None,
        "authors": tuple(plain(author) for author in workshop.authors),
        "venue": workshop.venue,
        "sources": workshop.sources,
    }, sources=("title", "sources"))]
    for model in workshop.models:
        cards.append(Card("models", model.number, model.title.plain, {
            "model": model,
            "set_name": plain(set_name),
            "examples": join(model.examples, ", ") if model.examples else None,
            "footer": footer,
        }, sources=(f"models[{model.number - 1}]", _analysis_key(model))))
    questions = [(question, None, f"questions[{index}]") for index, question in enumerate(workshop.questions)]
    questions += [(question, model, f"models[{model.number - 1}].questions[{index}]")
                  for model in workshop.models for index, question in enumerate(model.questions)]
    for number, (question, model, key) in enumerate(questions, start=1):
        cards.append(Card("questions", number, question.plain, {
            "question": question,
            "model": model,
            "count": len(questions),
            "deck_title": workshop.title,
        }, sources=(key, key)))
    return cards


def _analysis_key(model) -> str:
    """The list that makes a model card's back long: the longer of strengths and weaknesses."""
    longest = max(("strengths", "weaknesses", "preconditions"),
                  key=lambda key: sum(len(text.plain) for text in getattr(model, key)))
    return f"models[{model.number - 1}].{longest}"


def all_sides(cards) -> list[Side]:
    return [side for card in cards for side in card.sides]
