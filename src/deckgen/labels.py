"""The words around the content: the resolved labels of one build, and their precedence
(the language's defaults < the layout's labels < the content's labels)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields

from deckgen.languages import language


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


def resolve_labels(code: str, *overrides: dict[str, str]) -> Labels:
    """The language's labels, overridden key by key by each mapping in turn (layout, then content)."""
    merged = dict(language(code).labels)
    for override in overrides:  # the handout's words are labels too; deckgen.handout.words resolves those
        merged.update({key: value for key, value in override.items() if key in LABEL_KEYS and value is not None})
    return Labels(**merged)


def long_date(date: datetime.date, code: str) -> str:
    """'17 mei 2018', '17 May 2018', '17 mai 2018' (French writes the first of the month '1er')."""
    return language(code).long_date(date)
