"""The words around the content: labels per language, their precedence, and long-form dates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields

LANGUAGES = ("nl", "en", "fr")

_LABELS = {
    "nl": {
        "overview": "{count} werkmodellen",
        "strengths": "Sterktes en kansen",
        "weaknesses": "Zwaktes en bedreigingen",
        "preconditions": "Randvoorwaarden",
        "examples": "Bv.",
        "questions": "Gespreksvragen",
        "sources": "Bronnen",
    },
    "en": {
        "overview": "{count} work models",
        "strengths": "Strengths and opportunities",
        "weaknesses": "Weaknesses and threats",
        "preconditions": "Preconditions",
        "examples": "E.g.",
        "questions": "Discussion questions",
        "sources": "Sources",
    },
    "fr": {
        "overview": "{count} modèles de travail",
        "strengths": "Forces et opportunités",
        "weaknesses": "Faiblesses et menaces",
        "preconditions": "Conditions préalables",
        "examples": "P. ex.",
        "questions": "Questions de discussion",
        "sources": "Sources",
    },
}

_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}


@dataclass(frozen=True)
class Labels:
    """The resolved labels of one build."""

    overview: str
    strengths: str
    weaknesses: str
    preconditions: str
    examples: str
    questions: str
    sources: str

    def overview_heading(self, count: int) -> str:
        return self.overview.replace("{count}", str(count))


LABEL_KEYS = tuple(f.name for f in fields(Labels))


def resolve_labels(language: str, *overrides: dict[str, str]) -> Labels:
    """The language's labels, overridden key by key by each mapping in turn (layout, then content)."""
    merged = dict(_LABELS[language])
    for override in overrides:
        merged.update({key: value for key, value in override.items() if value is not None})
    return Labels(**merged)


def long_date(date: datetime.date, language: str) -> str:
    """'17 mei 2018', '17 May 2018', '17 mai 2018' (French writes the first of the month '1er')."""
    month = _MONTHS[language].split()[date.month - 1]
    day = "1er" if language == "fr" and date.day == 1 else str(date.day)
    return f"{day} {month} {date.year}"
