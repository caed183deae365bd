"""Updating a PO file after its content changed, as gettext's ``msgmerge`` does: a text found again keeps
its translation; a text whose source changed keeps the translation marked fuzzy, with the previous source
(``#| msgid``) beside it; a new text comes in untranslated; a translated text that is gone becomes
obsolete (``#~``). Entries are matched by context and source text, so that reordering models, or the
items of a list, loses nothing; a renamed model is recognised by the texts it kept."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

import polib

from deckgen.translation.texts import SourceText

SIMILAR = 0.5  # how alike an old and a new source must be to carry a translation over (difflib's ratio)


@dataclass
class Wanted:
    """One entry of the updated file: a context and source text, and the places that text stands."""

    context: str
    text: str
    places: list[SourceText] = field(default_factory=list)


@dataclass
class Merged:
    """The updated entries and what became of the old ones."""

    wanted: list[Wanted]
    kept: dict[int, polib.POEntry]  # index of wanted -> old entry found again, same context and source
    changed: dict[int, polib.POEntry]  # index of wanted -> old entry whose source changed into it
    gone: list[polib.POEntry]  # old translated entries whose text is gone (to be obsolete)
    still_obsolete: list[polib.POEntry]  # obsolete entries not found again

    @property
    def new(self) -> list[int]:
        return [index for index in range(len(self.wanted)) if index not in self.kept and index not in self.changed]


def wanted_entries(texts: list[SourceText]) -> list[Wanted]:
    """One entry per context and source text (the same text twice in one list is translated once)."""
    entries: dict[tuple[str, str], Wanted] = {}
    for text in texts:
        entries.setdefault((text.context, text.text), Wanted(text.context, text.text)).places.append(text)
    return list(entries.values())


def merge(texts: list[SourceText], old: polib.POFile | None) -> Merged:
    """What becomes of ``old``'s entries for the content's ``texts``."""
    wanted = wanted_entries(texts)
    entries = list(old or ())
    active = [entry for entry in entries if not entry.obsolete]
    obsolete = [entry for entry in entries if entry.obsolete]
    moved = _renamed_models(wanted, active)
    context = {id(entry): _renamed(entry.msgctxt or "", moved) for entry in entries}

    kept: dict[int, polib.POEntry] = {}
    free = {id(entry) for entry in entries}
    exact = {}
    for entry in active + obsolete:  # an active entry wins over an obsolete one of the same text
        exact.setdefault((context[id(entry)], entry.msgid), entry)
    for index, entry in enumerate(wanted):
        found = exact.get((entry.context, entry.text))
        if found is not None and id(found) in free:
            kept[index] = found
            free.discard(id(found))

    changed: dict[int, polib.POEntry] = {}
    left_old: dict[str, list[polib.POEntry]] = defaultdict(list)
    for entry in active:
        if id(entry) in free and entry.msgstr:
            left_old[context[id(entry)]].append(entry)
    left_new: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(wanted):
        if index not in kept:
            left_new[entry.context].append(index)
    for key, olds in left_old.items():
        for index, entry in _pairs(olds, left_new.get(key, []), wanted):
            changed[index] = entry
            free.discard(id(entry))

    gone = [entry for entry in active if id(entry) in free and entry.msgstr]
    still = [entry for entry in obsolete if id(entry) in free]
    return Merged(wanted, kept, changed, gone, still)


def _pairs(olds: list[polib.POEntry], news: list[int], wanted: list[Wanted]):
    """Old entries of one context paired with the new texts of that context they became: in order when as
    many changed as came (texts edited in place), else the most alike first."""
    if len(olds) == len(news):
        return list(zip(news, olds))
    candidates = sorted(((difflib.SequenceMatcher(None, old.msgid, wanted[index].text).ratio(), n, o)
                         for o, old in enumerate(olds) for n, index in enumerate(news)), reverse=True)
    pairs, used_old, used_new = [], set(), set()
    for ratio, n, o in candidates:
        if ratio >= SIMILAR and n not in used_new and o not in used_old:
            pairs.append((news[n], olds[o]))
            used_new.add(n)
            used_old.add(o)
    return pairs


def _model(context: str) -> str | None:
    """``models[Persoonlijke vriend]`` of ``models[Persoonlijke vriend].strengths``; None outside models."""
    if not context.startswith("models[") or "]." not in context:
        return None
    return context.rpartition("].")[0] + "]"


def _renamed(context: str, moved: dict[str, str]) -> str:
    model = _model(context)
    return moved[model] + context[len(model):] if model in moved else context


def _renamed_models(wanted: list[Wanted], active: list[polib.POEntry]) -> dict[str, str]:
    """Old model contexts that no longer exist -> the new model that kept most of their texts."""
    new_models = {_model(entry.context) for entry in wanted} - {None}
    old_models = {_model(entry.msgctxt or "") for entry in active} - {None}
    gone, came = old_models - new_models, new_models - old_models
    if not gone or not came:
        return {}
    old_texts = defaultdict(set)
    for entry in active:
        model = _model(entry.msgctxt or "")
        if model in gone:
            old_texts[model].add((entry.msgctxt[len(model):], entry.msgid))
    shared = sorted(((len(old_texts[old] & {(entry.context[len(new):], entry.text) for entry in wanted
                                            if _model(entry.context) == new}), old, new)
                     for old in gone for new in came), reverse=True)
    moved: dict[str, str] = {}
    for count, old, new in shared:
        if count and old not in moved and new not in moved.values():
            moved[old] = new
    return moved
