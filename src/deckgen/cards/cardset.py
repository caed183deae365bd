"""The card set as plain data: which cards exist, what each side shows, and what each is called in messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deckgen.cards.theme import CARD_MM, SAFE_MM
from deckgen.inline import Text, join, plain
from deckgen.labels import Labels, long_date, resolve_labels
from deckgen.pictures import Framed

# The boxes of the pictures on card fronts, in mm: the safe area's width, and a height that leaves the
# text most of the front.
MODEL_PICTURE_MM = (CARD_MM[0] - 2 * SAFE_MM, 42.0)
COVER_PICTURE_MM = (CARD_MM[0] - 2 * SAFE_MM, 50.0)


@dataclass(frozen=True)
class Side:
    """One side of one card: one A6 page, one template."""

    card: Card
    face: str  # "front" | "back"

    @property
    def kind(self) -> str:
        return f"{self.card.set}-{self.face}"

    @property
    def template(self) -> str:
        return f"card-{self.kind}.html.j2"

    @property
    def title(self) -> str:
        """How messages name this side: ``card 'models' 3 'Persoonlijk netwerk' (back)``, and a card that
        continues a model's back ``card 'models' 3 'Persoonlijk netwerk' (continued, back)``."""
        return f"{self.card.title} ({', '.join(self.card.marks + (self.face,))})"

    @property
    def source(self) -> str:
        """The key path of the content this side shows most of: what to shorten when it does not fit."""
        return self.card.sources[0 if self.face == "front" else 1]


@dataclass(frozen=True)
class Card:
    """One card: its set ('cover', 'models', 'questions'), its number in the set, its name, what it shows.

    A model whose back does not fit one card is shown on ``parts`` cards (deckgen.cards.continued): this
    one is part ``part`` of them (0: the model's own card, 1 and on: the cards that continue it)."""

    set: str
    number: int | None
    name: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    sources: tuple[str, str] = ("", "")  # key paths in the content of what the front and the back show
    part: int = 0
    parts: int = 1

    @property
    def split(self) -> bool:
        """Whether this card shows part of a model's back that goes over several cards."""
        return bool(self.data.get("continued") or self.data.get("continues"))

    @property
    def marks(self) -> tuple[str, ...]:
        """What messages add to the side's face: ``("continued",)`` on the first card that continues a
        model, ``("continued 2",)`` on the second; nothing on any other card."""
        if not self.part:
            return ()
        return ("continued" if self.part == 1 else f"continued {self.part}",)

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
    """Every card of the workshop in print order: the cover, one per model, one per question. (A model's
    back too long for one card goes on over cards inserted right after it once the sides are laid out:
    deckgen.cards.continued.)"""
    labels = card_labels(workshop, layout)
    footer: Text = plain(layout.footer) if layout.footer else workshop.title
    set_name = workshop.overview or labels.overview_heading(len(workshop.models))
    shown = layout.cards.pictures

    def framed(picture, box, wanted):
        return Framed(picture, *box, shown.fit) if picture is not None and wanted else None

    cards = [Card("cover", None, workshop.title.plain, {
        "title": workshop.title,
        "subtitle": workshop.subtitle,
        "date": plain(long_date(workshop.date, workshop.language)) if workshop.date else None,
        "authors": tuple(plain(author) for author in workshop.authors),
        "venue": workshop.venue,
        "sources": workshop.sources,
        "picture": framed(workshop.image, COVER_PICTURE_MM, shown.cover),
    }, sources=("title", "sources"))]
    for model in workshop.models:
        cards.append(Card("models", model.number, model.title.plain, {
            "model": model,
            "set_name": plain(set_name),
            "examples": join(model.examples, ", ") if model.examples else None,
            "footer": footer,
            "continued": None,  # on a card that continues the model's back: the language's word for it
            "continues": None,  # on a card whose back continues on the next card: the same word
            "picture": framed(model.image, MODEL_PICTURE_MM, shown.front),
        }, sources=(f"models[{model.number - 1}]", analysis_key(model))))
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


def analysis_key(model) -> str:
    """The list that makes a model card's back long: the longest of its strengths, weaknesses and
    preconditions (by their characters)."""
    longest = max(("strengths", "weaknesses", "preconditions"),
                  key=lambda key: sum(len(text.plain) for text in getattr(model, key)))
    return f"models[{model.number - 1}].{longest}"


def card_pictures(cards) -> list[Framed]:
    """The pictures on the fronts of ``cards``, in card order."""
    return [card.data["picture"] for card in cards if card.data.get("picture") is not None]


def all_sides(cards) -> list[Side]:
    return [side for card in cards for side in card.sides]
