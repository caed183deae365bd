"""What the handout and guide templates see: plain data made from the project, nothing about pages.

Slide numbers are the deck's own (``deckgen.slides.deck.slide_numbers``); card numbers count the cards in
print order (``deckgen.cards.cardset.build_cards``): the cover is card 1, model N's card is card N + 1, the
question cards follow, the deck-wide questions first."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.handout.words import Words, duration_text, words
from deckgen.inline import Text, join, plain
from deckgen.labels import long_date
from deckgen.model import WorkModel
from deckgen.pictures import Framed

KEEP_CHARACTERS = 600  # see ModelView.keep_analysis: a line of a column holds about 40 characters
MODEL_PICTURE_MM = (50.0, 38.0)  # beside a model's summary
COVER_PICTURE_MM = (110.0, 75.0)  # under the cover's title


@dataclass(frozen=True)
class Question:
    text: Text
    card: int  # its question card, in print order


@dataclass(frozen=True)
class ModelView:
    """One model as the documents show it, with what it goes with in the deck and the cards."""

    model: WorkModel
    anchor: str  # the id of its section: model-3
    examples: Text | None  # joined with ", "
    questions: tuple[Question, ...]
    slides: tuple[int, ...]  # its analysis slides (or the overview slide with its tile)
    card: int
    duration: str | None  # "20 min"
    picture: Framed | None = None  # beside its summary

    @property
    def slide_numbers(self) -> str:
        return numbers(self.slides)

    @property
    def keep_analysis(self) -> bool:
        """Whether its strengths and weaknesses are short enough to keep together on one page (a third of an
        A5 page or so): longer ones break between bullets, each column on its own."""
        return max(sum(len(text.plain) + 40 for text in texts)
                   for texts in (self.model.strengths, self.model.weaknesses)) <= KEEP_CHARACTERS

    @property
    def shows_name(self) -> bool:
        """Whether its full name is shown under its title: where the content gives a shorter title."""
        return self.model.name.plain != self.model.title.plain


@dataclass(frozen=True)
class Row:
    """One line of the run sheet: a part of the workshop, the slides and cards it uses, its time."""

    part: Text
    number: int | None  # the model's number, for a model's line
    slides: str  # "3", "3–4", "" for none
    card: str
    question_cards: str
    time: str


@dataclass(frozen=True)
class RunSheet:
    rows: tuple[Row, ...]
    total: str  # "" when the content gives no duration at all

    @property
    def has_questions(self) -> bool:
        return any(row.question_cards for row in self.rows)

    @property
    def has_time(self) -> bool:
        return bool(self.total)


@dataclass(frozen=True)
class Cover:
    title: Text
    subtitle: Text | None
    authors: tuple[Text, ...]
    venue: Text | None
    date: str | None  # in the language's long form
    picture: Framed | None = None  # the workshop's


@dataclass(frozen=True)
class View:
    """Everything both documents show; the guide adds the run sheet and, per model, its notes, slides and
    card (the template shows those only when ``guide`` is set)."""

    cover: Cover
    overview: str  # heading of the overview
    models: tuple[ModelView, ...]
    questions: tuple[Question, ...]  # deck-wide
    sources: tuple[Text, ...]
    run_sheet: RunSheet
    words: Words


def numbers(values) -> str:
    """``3``, ``3–4`` for a run, ``3, 5`` otherwise; "" for none."""
    values = list(values)
    if not values:
        return ""
    if len(values) > 1 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}\u2013{values[-1]}"
    return ", ".join(str(value) for value in values)


def question_cards(cards) -> dict[int | None, list[int]]:
    """The question cards' numbers in print order, by the model each is about (None: the deck-wide ones),
    each model's in the order of its questions."""
    found: dict[int | None, list[int]] = {}
    for position, card in enumerate(cards, start=1):
        if card.set == "questions":
            model = card.data.get("model")
            found.setdefault(model.number if model is not None else None, []).append(position)
    return found


def build_view(workshop, layout, labels) -> View:
    """The view of ``workshop`` in ``layout``; plans the deck and the card set for their numbers."""
    from deckgen.cards.cardset import build_cards
    from deckgen.slides.deck import slide_numbers

    code = workshop.language
    chosen = words(code, layout.labels, workshop.labels)
    slides = slide_numbers(workshop, layout)
    cards = build_cards(workshop, layout)
    model_cards = {card.number: position for position, card in enumerate(cards, start=1) if card.set == "models"}
    cover_card = next(position for position, card in enumerate(cards, start=1) if card.set == "cover")
    asked = question_cards(cards)

    def minutes(value):
        return duration_text(value, code, chosen) if value else None

    models = []
    for model in workshop.models:
        models.append(ModelView(
            model=model,
            anchor=f"model-{model.number}",
            examples=join(model.examples, ", ") if model.examples else None,
            questions=tuple(Question(text, card) for text, card in zip(model.questions, asked.get(model.number, ()))),
            slides=slides.models[model.number],
            card=model_cards[model.number],
            duration=minutes(model.duration),
            picture=Framed(model.image, *MODEL_PICTURE_MM) if model.image and layout.handout.pictures else None,
        ))
    general = tuple(Question(text, card) for text, card in zip(workshop.questions, asked.get(None, ())))
    overview = workshop.overview or labels.overview_heading(len(workshop.models))

    rows = [Row(plain(chosen.opening), None, numbers([slides.title]), str(cover_card), "", ""),
            Row(plain(overview), None, numbers(slides.overview), "", "", "")]
    for view in models:
        rows.append(Row(view.model.title, view.model.number, numbers(view.slides), str(view.card),
                        numbers(question.card for question in view.questions), view.duration or ""))
    if general:
        rows.append(Row(plain(labels.questions), None, "", "", numbers(question.card for question in general), ""))
    if slides.sources:
        rows.append(Row(plain(labels.sources), None, numbers(slides.sources), "", "", ""))
    given = [model.duration for model in workshop.models if model.duration]
    total = workshop.duration or (sum(given) if given else None)

    return View(
        cover=Cover(
            title=workshop.title,
            subtitle=workshop.subtitle,
            authors=tuple(plain(author) for author in workshop.authors),
            venue=workshop.venue,
            date=long_date(workshop.date, code) if workshop.date else None,
            picture=Framed(workshop.image, *COVER_PICTURE_MM) if workshop.image and layout.handout.pictures else None,
        ),
        overview=overview,
        models=tuple(models),
        questions=general,
        sources=workshop.sources,
        run_sheet=RunSheet(tuple(rows), minutes(total) or ""),
        words=chosen,
    )
