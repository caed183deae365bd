"""The fixed words an imported deck may use, in every language deckgen speaks: its labels, its word for a
continued slide, its long dates; and how the language of a deck is told from the words it uses.

Everything here derives from ``deckgen.languages``, so a language added there is recognised here too."""

from __future__ import annotations

import datetime
import re
from collections import Counter

from deckgen.languages import DEFAULT_LANGUAGE, LANGUAGES

# Bullet characters people type at the start of a paragraph instead of formatting a list.
TYPED_BULLETS = "•·◦▪▫■□●○‣⁃-–—*+−✓✔►▶"
_TYPED_BULLET = re.compile(rf"^\s*[{re.escape(TYPED_BULLETS)}][ \t\u00a0]+")
# The sign deckgen puts before a column heading ("+ Sterktes en kansen", "− Zwaktes en bedreigingen").
_SIGN = re.compile(r"^\s*[+\-−–]\s*")
# "3 Persoonlijk netwerk", "3. Persoonlijk netwerk", "3) ...", "3: ..."
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,3})(?:[.):]|\s)\s*(?=\S)")
# Words for a sources slide besides the labels, for decks that were not made by deckgen.
_SOURCES_WORDS = {"bronnen", "bronvermelding", "literatuur", "referenties", "bibliografie", "sources",
                  "references", "bibliography", "literature", "références", "bibliographie"}


def fold(text: str) -> str:
    """Text as it is compared: runs of whitespace (also non-breaking) one space, trimmed, case-blind."""
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def typed_bullet(text: str) -> int:
    """How many characters a typed bullet ("• ", "- ", "– ") takes at the start of ``text``; 0 for none."""
    match = _TYPED_BULLET.match(text)
    return match.end() if match else 0


def numbered(text: str) -> tuple[int, int] | None:
    """(number, characters it takes) when ``text`` starts with a number such as "3 " or "3. "."""
    match = _NUMBERED.match(text)
    return (int(match.group("number")), match.end()) if match else None


def without_sign(text: str) -> str:
    return _SIGN.sub("", text, count=1)


# Other words decks use for the labels, besides deckgen's own (deckgen.languages): read as the label, and
# written to the content's ``labels`` since they are not the language's own.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {"strengths": ("sterktes", "sterke punten", "pluspunten", "voordelen", "kansen"),
           "weaknesses": ("zwaktes", "zwakke punten", "minpunten", "nadelen", "bedreigingen"),
           "preconditions": ("voorwaarden",),
           "examples": ("bijv.", "vb.", "bijvoorbeeld", "voorbeelden")},
    "en": {"strengths": ("strengths", "pros", "advantages", "opportunities"),
           "weaknesses": ("weaknesses", "cons", "disadvantages", "threats"),
           "preconditions": ("conditions", "requirements", "prerequisites"),
           "examples": ("e.g", "eg.", "examples", "for example", "for instance")},
    "fr": {"strengths": ("forces", "atouts", "points forts", "avantages"),
           "weaknesses": ("faiblesses", "limites", "points faibles", "inconvénients"),
           "preconditions": ("conditions", "prérequis"),
           "examples": ("p.ex.", "par ex.", "ex.", "exemples", "par exemple")},
    "de": {"strengths": ("stärken", "vorteile", "chancen"),
           "weaknesses": ("schwächen", "nachteile", "risiken"),
           "preconditions": ("voraussetzungen", "bedingungen"),
           "examples": ("z. b.", "z.b.", "beispiele", "zum beispiel")},
}


def label_words(key: str) -> dict[str, tuple[str, ...]]:
    """Every language's words for label ``key``: deckgen's label first, then the synonyms."""
    return {code: (language.labels[key], *SYNONYMS.get(code, {}).get(key, ()))
            for code, language in LANGUAGES.items()}


def label_language(key: str, text: str) -> list[str]:
    """The languages that have ``text`` as a word for label ``key`` (case and spacing aside; a trailing
    colon too)."""
    wanted = fold(text).rstrip(":").strip()
    return [code for code, words in label_words(key).items() if any(fold(word) == wanted for word in words)]


def overview_language(heading: str, count: int) -> list[str]:
    """The languages whose overview label, for ``count`` models, is ``heading``."""
    wanted = fold(heading)
    return [code for code, language in LANGUAGES.items()
            if fold(language.labels["overview"].replace("{count}", str(count))) == wanted]


def looks_like_overview(heading: str) -> bool:
    """Whether ``heading`` is a language's overview heading for some number of models ("7 werkmodellen")."""
    wanted = fold(without_continued(heading)[0])
    for language in LANGUAGES.values():
        before, _, after = fold(language.labels["overview"]).partition("{count}")
        if re.fullmatch(re.escape(before) + r"\d+" + re.escape(after), wanted):
            return True
    return False


def is_sources_heading(heading: str) -> bool:
    wanted = fold(without_continued(heading)[0]).rstrip(":").strip()
    return bool(label_language("sources", wanted)) or wanted in _SOURCES_WORDS


_CONTINUED = {code: language.continued for code, language in LANGUAGES.items()}
_CONTINUED_EXTRA = ("(vervolg)", "(continued)", "(cont.)", "(cont'd)", "(suite)", "(vervolgd)")


def without_continued(title: str) -> tuple[str, str | None]:
    """``title`` without a trailing continuation word, and the language of that word (``"?"`` for one of no
    particular language, None when there is none)."""
    stripped = title.rstrip()
    for code, word in _CONTINUED.items():
        if fold(stripped).endswith(fold(word)):
            return stripped[: len(stripped) - len(word)].rstrip(), code
    for word in _CONTINUED_EXTRA:
        if fold(stripped).endswith(word):
            return stripped[: len(stripped) - len(word)].rstrip(), "?"
    return title, None


def parse_long_date(text: str) -> tuple[datetime.date, list[str]] | None:
    """The date ``text`` says in a language's long form ("17 mei 2018", "1er août 2018", "17 May 2018", also
    "May 17, 2018"), and the languages whose month name it uses; None when it says no date."""
    words = fold(text).replace(",", " ").replace(".", " ").split()
    if len(words) != 3:
        return None
    if words[0].isdigit() or re.fullmatch(r"\d{1,2}(er|e|st|nd|rd|th)", words[0]):
        day, month, year = words
    else:
        month, day, year = words
    day = re.sub(r"\D", "", day)
    if not (day.isdigit() and year.isdigit() and len(year) == 4):
        return None
    codes = [code for code, language in LANGUAGES.items() if month in (fold(m) for m in language.months)]
    if not codes:
        return None
    number = [fold(m) for m in LANGUAGES[codes[0]].months].index(month) + 1
    try:
        return datetime.date(int(year), number, int(day)), codes
    except ValueError:
        return None


class Evidence:
    """Votes for the deck's language: every label, date or continuation word that only some languages use."""

    def __init__(self):
        self.votes: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()  # the language tags of the deck's text runs: only to break ties

    def add(self, codes) -> None:
        codes = [code for code in codes if code in LANGUAGES]
        for code in codes:
            self.votes[code] += 1 / len(codes)

    def language(self) -> str:
        """The language with the most votes; among equals, the one most of the text is tagged with."""
        best = max(self.votes.values(), default=0)
        leaders = [code for code in LANGUAGES if self.votes[code] == best]
        if len(leaders) == 1:
            return leaders[0]
        tagged = [code for code, _ in self.tags.most_common() if code in leaders]
        if tagged:
            return tagged[0]
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in leaders else leaders[0]
