"""The languages deckgen speaks: for each, its labels, its month names, its word for a continued slide,
its punctuation around labels, and the language tag written into the .pptx and the PDFs. Every list of
languages derives from here. A content file may add a region to its language (``nl-BE``): the labels
and dates stay the language's, the documents carry the region's tag."""

from __future__ import annotations

import datetime
import re
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
    space_before_colon: str = ""  # French sets a (non-breaking) space before ':' and ';'
    day_suffix: str = ""  # German writes the day as an ordinal: "17. Mai 2018"

    @property
    def colon(self) -> str:
        """What follows a label: ``Randvoorwaarden:``, ``Conditions préalables :`` (the space non-breaking)."""
        return self.space_before_colon + ":"

    @property
    def semicolon(self) -> str:
        """What joins items into one line: ``"; "``, or ``" ; "`` in French (the first space non-breaking)."""
        return self.space_before_colon + "; "

    def long_date(self, date: datetime.date) -> str:
        """'17 mei 2018', '17 May 2018', '1er août 2018', '17. Mai 2018'."""
        day = self.first_of_month if date.day == 1 else str(date.day)
        return f"{day}{self.day_suffix} {self.months[date.month - 1]} {date.year}"


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
            space_before_colon="\u00a0",
        ),
        Language(
            code="de",
            tag="de-DE",
            labels={
                "overview": "{count} Arbeitsmodelle",
                "strengths": "Stärken und Chancen",
                "weaknesses": "Schwächen und Risiken",
                "preconditions": "Rahmenbedingungen",
                "examples": "Z.\u00a0B.",
                "questions": "Diskussionsfragen",
                "sources": "Quellen",
            },
            months=tuple("Januar Februar März April Mai Juni Juli August September Oktober November "
                         "Dezember".split()),
            continued="(Fortsetzung)",
            day_suffix=".",
        ),
    )
}

LANGUAGE_CODES = tuple(LANGUAGES)
DEFAULT_LANGUAGE = "nl"


_TAG = re.compile(r"^(?P<language>[a-zA-Z]{2})(?:[-_](?P<region>[a-zA-Z]{2}|\d{3}))?$")


def split_tag(tag: str) -> tuple[str, str | None] | None:
    """``("nl", "BE")`` for ``nl-BE`` (or ``nl_be``), ``("nl", None)`` for ``nl``; None for anything else."""
    match = _TAG.match(tag.strip())
    if match is None:
        return None
    region = match.group("region")
    return match.group("language").lower(), region.upper() if region else None


def language(code: str) -> Language:
    """The language of ``code`` (``nl`` or ``nl-BE``); KeyError for one deckgen does not know (the schema
    refuses those)."""
    parts = split_tag(code)
    return LANGUAGES[parts[0] if parts else code]


def document_tag(code: str) -> str:
    """The BCP 47 tag the documents carry: the content's own region when it gives one (``nl-BE``), else the
    language's default (``nl-NL``)."""
    parts = split_tag(code)
    if parts and parts[1]:
        return f"{parts[0]}-{parts[1]}"
    return language(code).tag
