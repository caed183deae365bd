"""The fixed words of the handout and the guide beside the content labels (those are deckgen.labels'), in
each of deckgen's languages. They are labels too: a layout's ``labels`` and then the content's replace
them key by key, as they replace the content labels (``words``); ``WORD_HELP`` describes each key for the
schema and the docs."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from deckgen.languages import language


@dataclass(frozen=True)
class Words:
    handout: str  # what the participants' document is called: on its cover and in its running footer
    guide: str  # what the facilitator's document is called
    run_sheet: str  # heading of the guide's first page after the cover
    part: str  # column heads of the run sheet
    slides: str
    cards: str
    question_cards: str
    time: str
    total: str
    opening: str  # the run sheet's row of the title slide and the cover card
    slide: str  # "Slide 3" on a model in the guide
    slides_many: str  # "Slides 3–4"
    card: str  # "Card 4"
    question_card: str  # "Question card 9" beside a question in the guide
    notes: str  # heading of a model's speaker notes in the guide
    hour: str  # the unit of hours: "1 u 30 min", "1 h 30 min"


WORD_KEYS = tuple(field.name for field in fields(Words))
WORD_HELP = {
    "handout": "Name of the participants' handout: on its cover and in its running footer.",
    "guide": "Name of the facilitator's guide: on its cover and in its running footer.",
    "run_sheet": "Heading of the guide's run sheet.",
    "part": "Run sheet column head of the parts.",
    "slides": "Run sheet column head of the slide numbers.",
    "cards": "Run sheet column head of the card numbers.",
    "question_cards": "Run sheet column head of the question cards' numbers.",
    "time": "Run sheet column head of the minutes per part.",
    "total": "Run sheet row of the total time.",
    "opening": "Run sheet row of the title slide and the cover card.",
    "slide": "Before a model's slide number in the guide ('Slide 3').",
    "slides_many": "Before a model's slide numbers in the guide ('Slides 3-4').",
    "card": "Before a model's card number in the guide ('Card 4').",
    "question_card": "Beside a question in the guide, before its card's number.",
    "notes": "Heading of a model's speaker notes in the guide.",
    "hour": "Unit of hours in times ('1 u 30 min').",
}


WORDS: dict[str, Words] = {
    "nl": Words(
        handout="Deelnemersbundel", guide="Begeleidersgids", run_sheet="Draaiboek",
        part="Onderdeel", slides="Dia's", cards="Kaart", question_cards="Vraagkaarten", time="Tijd", total="Totaal",
        opening="Opening", slide="Dia", slides_many="Dia's", card="Kaart", question_card="Vraagkaart",
        notes="Notities voor de begeleider", hour="u",
    ),
    "en": Words(
        handout="Handout", guide="Facilitator's guide", run_sheet="Run sheet",
        part="Part", slides="Slides", cards="Card", question_cards="Question cards", time="Time", total="Total",
        opening="Opening", slide="Slide", slides_many="Slides", card="Card", question_card="Question card",
        notes="Notes for the facilitator", hour="h",
    ),
    "fr": Words(
        handout="Document du participant", guide="Guide de l'animateur", run_sheet="Déroulé",
        part="Partie", slides="Diapositives", cards="Carte", question_cards="Cartes questions", time="Durée",
        total="Total", opening="Ouverture", slide="Diapositive", slides_many="Diapositives", card="Carte",
        question_card="Carte question", notes="Notes pour l'animateur", hour="h",
    ),
    "de": Words(
        handout="Teilnehmerunterlage", guide="Leitfaden für die Moderation", run_sheet="Ablaufplan",
        part="Teil", slides="Folien", cards="Karte", question_cards="Fragekarten", time="Zeit", total="Gesamt",
        opening="Eröffnung", slide="Folie", slides_many="Folien", card="Karte", question_card="Fragekarte",
        notes="Notizen für die Moderation", hour="h",
    ),
}


def words(code: str, *overrides: dict[str, str]) -> Words:
    """The words of the content's language (``nl``, ``nl-BE``, ...), replaced key by key by each mapping of
    labels in turn (the layout's, then the content's); keys that are no word of these documents are left."""
    chosen = WORDS[language(code).code]
    for override in overrides:
        given = {key: value for key, value in override.items() if key in WORD_KEYS and value is not None}
        chosen = replace(chosen, **given) if given else chosen
    return chosen


def duration_text(minutes: int, code: str, chosen: Words | None = None) -> str:
    """``20 min``, ``1 u 30 min`` (``1 h 30 min`` in English and French), ``2 u``; the unit of hours is
    ``chosen``'s when given (the words with their labels applied)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    unit = (chosen or words(code)).hour
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"
