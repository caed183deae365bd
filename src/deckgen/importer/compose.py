"""The content file's values from a recognised deck: the language told from its words, the texts with their
italic and bold as ``*`` marks, a model's ``title`` only where it differs from its name, the deck's own
words as ``labels`` only where they differ from the language's, keys in the order docs/content-format.md
lists them."""

from __future__ import annotations

from deckgen.importer.markup import to_markup
from deckgen.importer.recognise import Draft, DraftModel
from deckgen.importer.words import fold
from deckgen.inline import parse_inline
from deckgen.languages import LANGUAGES
from deckgen.schema import _UNPRINTABLE

MAX_TEXT = 10_000  # what the content loader allows in one value (schema.Str)


class _Composer:
    def __init__(self, draft: Draft, fallback_title: str):
        self.draft = draft
        self.report = draft.report
        self.fallback_title = fallback_title

    def text(self, spans, key: str, style_bold: bool = False) -> str | None:
        """Content text for ``spans`` at ``key``, or None when they hold no text."""
        marked = to_markup(spans, style_bold)
        if not marked:
            return None
        if marked.lost:
            self.report.add(None, "", f"{key} '{_short(marked)}': {marked.lost}", guess=True)
        return self._bounded(str(marked), key)

    def _bounded(self, text: str, key: str) -> str:
        if len(text) <= MAX_TEXT:
            return text
        self.report.add(None, "", f"{key}: longer than the {MAX_TEXT} characters a value may hold; "
                        "the rest is kept here", text[MAX_TEXT:])
        return text[:MAX_TEXT]

    def texts(self, items, key: str) -> list[str]:
        out = []
        for spans in items:
            text = self.text(spans, f"{key}[{len(out)}]")
            if text is not None:
                out.append(text)
        return out

    def compose(self) -> dict:
        draft = self.draft
        code = draft.evidence.language()
        language = LANGUAGES[code]
        data: dict = {"language": code}
        title = self.text(draft.title, "title", style_bold=True) if draft.title else None
        if title is None:
            title = self.fallback_title
            self.report.add(None, "", f"no title slide found: the title is the deck's file name, "
                            f"'{title}'", guess=True)
        data["title"] = title
        if draft.subtitle and (subtitle := self.text(draft.subtitle, "subtitle")):
            data["subtitle"] = subtitle
        authors = [_clean(author) for author in draft.authors if _clean(author)]
        if authors:
            data["authors"] = authors
        if draft.venue and (venue := self.text(draft.venue, "venue")):
            data["venue"] = venue
        if draft.date is not None:
            data["date"] = draft.date
        count = len(draft.models)
        if draft.overview and fold(draft.overview) != fold(language.labels["overview"].replace("{count}", str(count))):
            data["overview"] = _clean(draft.overview)
        data["models"] = [self.model(index, model) for index, model in enumerate(draft.models)]
        sources = self.texts(draft.sources, "sources")
        if sources:
            data["sources"] = sources
        labels = self.labels(language)
        if labels:
            data["labels"] = labels
        return data

    def model(self, index: int, model: DraftModel) -> dict:
        key = f"models[{index}]"
        name = self.text(model.name, f"{key}.name", style_bold=True) if model.name else None
        if name is None:
            name = _clean(model.heading or "") or f"Model {model.number or index + 1}"
            self.report.add(None, "", f"{key}: the model has no name on the overview; it is called '{name}'",
                            guess=True)
        entry: dict = {"name": name}
        heading = _clean(model.heading or "")
        if heading and fold(heading) != fold(parse_inline(name).plain):
            if parse_inline(heading).plain != heading:
                self.report.add(None, "", f"{key}.title '{_short(heading)}': it contains '*' that deckgen "
                                "reads as italic or bold marks; check that the text reads as you meant", guess=True)
            entry["title"] = self._bounded(heading, f"{key}.title")
        for field in ("summary", "examples", "strengths", "weaknesses"):
            items = self.texts(getattr(model, field), f"{key}.{field}")
            if items:
                entry[field] = items
        preconditions = self.texts(model.preconditions, f"{key}.preconditions")
        if preconditions:
            entry["preconditions"] = preconditions[0] if len(preconditions) == 1 else preconditions
        notes = "\n\n".join(_clean_lines(note) for note in model.notes if _clean_lines(note))
        if notes:
            entry["notes"] = self._bounded(notes, f"{key}.notes")
        return entry

    def labels(self, language) -> dict:
        """The deck's words where they differ from the language's labels."""
        labels = {}
        for key in ("strengths", "weaknesses", "preconditions", "examples", "sources"):
            seen = _clean(self.draft.seen_labels.get(key, ""))
            if not seen or fold(seen) == fold(language.labels[key]):
                continue
            if key == "preconditions" and seen.isupper():  # the slide shows it in capitals
                seen = seen.capitalize()
            labels[key] = seen
        return labels


def compose(draft: Draft, fallback_title: str) -> dict:
    """The content file's data (plain values, keys in the documented order) for ``draft``; what had to be
    guessed or changed is added to ``draft.report``."""
    return _Composer(draft, fallback_title).compose()


def _clean(text: str) -> str:
    return " ".join(_UNPRINTABLE.sub("", text).split())


def _clean_lines(text: str) -> str:
    lines = [_UNPRINTABLE.sub("", line).rstrip() for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def _short(text: str, length: int = 40) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "\u2026"

