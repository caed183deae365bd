"""The fixed words of the handout and the guide that are not content labels (those are deckgen.labels'),
in each of deckgen's languages. A layout that wants other words overrides the template that shows them."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.languages import language


@dataclass(frozen=True)
class Words:
    handout: str  # what the participants' document is called: on its cover and in its running footer
    guide: str  # what the facilitator's document is called
    run_sheet: str  # heading of the guide's first page after the cover
    part: str  # column heads of the run sheet
    slides: str
    cards: str
    questions: str
    time: str
    total: str
    opening: str  # the run sheet's row of the title slide and the cover card
    slide: str  # "Slide 3" on a model in the guide
    slides_many: str  # "Slides 3–4"
    card: str  # "Card 4"
    question_card: str  # "Question card 9" beside a question in the guide
    notes: str  # heading of a model's speaker notes in the guide
    hour: str  # the unit of hours: "1 u 30 min", "1 h 30 min"


WORDS: dict[str, Words] = {
    "nl": Words(
        handout="Deelnemersbundel", guide="Begeleidersgids", run_sheet="Draaiboek",
        part="Onderdeel", slides="Dia's", cards="Kaart", questions="Vraagkaarten", time="Tijd", total="Totaal",
        opening="Opening", slide="Dia", slides_many="Dia's", card="Kaart", question_card="Vraagkaart",
        notes="Notities voor de begeleider", hour="u",
    ),
    "en": Words(
        handout="Handout", guide="Facilitator's guide", run_sheet="Run sheet",
        part="Part", slides="Slides", cards="Card", questions="Question cards", time="Time", total="Total",
        opening="Opening", slide="Slide", slides_many="Slides", card="Card", question_card="Question card",
        notes="Notes for the facilitator", hour="h",
    ),
    "fr": Words(
        handout="Document du participant", guide="Guide de l'animateur", run_sheet="Déroulé",
        part="Partie", slides="Diapositives", cards="Carte", questions="Cartes questions", time="Durée",
        total="Total", opening="Ouverture", slide="Diapositive", slides_many="Diapositives", card="Carte",
        question_card="Carte question", notes="Notes pour l'animateur", hour="h",
    ),
    "de": Words(
        handout="Teilnehmerunterlage", guide="Leitfaden für die Moderation", run_sheet="Ablaufplan",
        part="Teil", slides="Folien", cards="Karte", questions="Fragekarten", time="Zeit", total="Gesamt",
        opening="Eröffnung", slide="Folie", slides_many="Folien", card="Karte", question_card="Fragekarte",
        notes="Notizen für die Moderation", hour="h",
    ),
}


def words(code: str) -> Words:
    """The words of the content's language (``nl``, ``nl-BE``, ...)."""
    return WORDS[language(code).code]


def duration_text(minutes: int, code: str) -> str:
    """``20 min``, ``1 u 30 min`` (``1 h 30 min`` in English and French), ``2 u``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    unit = words(code).hour
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"
