"""The languages deckgen speaks: for each, its labels, its month names, its word for a continued slide
and the language tag written into the .pptx and the PDFs. Every list of languages derives from here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """Everything that changes with the content's ``language``."""

    code: str  # as the content file writes it: "nl"
    tag: str  # BCP 47 tag of the documents: "nl-NL"
    labels: dict[str, str]  # the default labels, keyed as deckgen.labels.Labels
    months: tuple[str, ...]
    continued: str  # after the title of a slide that continues the one before
    first_of_month: str = "1"  # how the first day of a month is written ("1er" in French)

    def long_date(self, date: datetime.date) -> str:
        """'17 mei 2018', '17 May 2018', '1er août 2018'."""
        day = self.first_of_month if date.day == 1 else str(date.day)
        return f"{day} {self.months[date.month - 1]} {date.year}"


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language(
            code="nl",
            tag="nl-NL",
            labels={
                "overview": "{count} werkmodellen",
                "strengths": "Sterktes en kansen",
                "weaknesses": "Zwaktes en bedreigingen",
                "preconditions": "Randvoorwaarden",
                "examples": "Bv.",
                "questions": "Gespreksvragen",
                "sources": "Bronnen",
            },
            months=tuple("januari februari maart april mei juni juli augustus september oktober november "
                         "december".split()),
            continued="(vervolg)",
        ),
        Language(
            code="en",
            tag="en-GB",
            labels={
                "overview": "{count} work models",
                "strengths": "Strengths and opportunities",
                "weaknesses": "Weaknesses and threats",
                "preconditions": "Preconditions",
                "examples": "E.g.",
                "questions": "Discussion questions",
                "sources": "Sources",
            },
            months=tuple("January February March April May June July August September October November "
                         "December".split()),
            continued="(continued)",
        ),
        Language(
            code="fr",
            tag="fr-FR",
            labels={
                "overview": "{count} modèles de travail",
                "strengths": "Forces et opportunités",
                "weaknesses": "Faiblesses et menaces",
                "preconditions": "Conditions préalables",
                "examples": "P. ex.",
                "questions": "Questions de discussion",
                "sources": "Sources",
            },
            months=tuple("janvier février mars avril mai juin juillet août septembre octobre novembre "
                         "décembre".split()),
            continued="(suite)",
            first_of_month="1er",
        ),
    )
}

LANGUAGE_CODES = tuple(LANGUAGES)
DEFAULT_LANGUAGE = "nl"


def language(code: str) -> Language:
    """The language ``code`` names; KeyError for one deckgen does not know (the schema refuses those)."""
    return LANGUAGES[code]
