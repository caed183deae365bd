"""``deckgen translate CONTENT --to fr``: write the PO file of a language beside the content, or bring the
one there up to date with the content (deckgen.translation.merge)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from deckgen.content import load_data
from deckgen.errors import DeckgenError
from deckgen.keypaths import readable
from deckgen.languages import language
from deckgen.sourcemap import SourceMap
from deckgen.translation.catalog import new_catalog, po_path, read_catalog, write_catalog
from deckgen.translation.merge import Merged, Wanted, merge
from deckgen.translation.texts import content_texts


@dataclass(frozen=True)
class Updated:
    """What ``translate`` did to one PO file."""

    path: Path
    written: bool  # False: the file already said all this
    texts: int
    translated: int
    new: int  # texts that came in untranslated
    changed: int  # texts whose source changed: now marked fuzzy
    gone: int  # translated texts whose source is gone: now obsolete

    def summary(self) -> str:
        parts = [f"{self.translated} of {self.texts} texts translated"]
        if self.new:
            parts.append(f"{self.new} new, untranslated")
        if self.changed:
            parts.append(f"{self.changed} marked fuzzy: the source changed, review the translation")
        if self.gone:
            parts.append(f"{self.gone} obsolete: the source is gone")
        return f"{self.path}: " + "; ".join(parts) + ("" if self.written else " (unchanged)")


def update_translation(content: Path, code: str) -> Updated:
    """Write or update ``CONTENT.CODE.po``; the old file is read first, and nothing is written when it is
    not a valid PO file."""
    data, sources = load_data(content)
    source_code = language(data.get("language", "nl")).code
    if language(code).code == source_code:
        raise DeckgenError(f"{content} is written in '{source_code}' already; translate it into another "
                           "language")
    path = po_path(content, code)
    old = read_catalog(path) if path.exists() else None
    merged = merge(content_texts(data), old)
    catalog = _catalog(merged, old, content, code, source_code, data, sources)
    written = write_catalog(catalog, path)
    active = [entry for entry in catalog if not entry.obsolete]
    return Updated(path, written, texts=len(active),
                   translated=sum(1 for entry in active if entry.msgstr and "fuzzy" not in entry.flags),
                   new=len(merged.new), changed=len(merged.changed), gone=len(merged.gone))


def _catalog(merged: Merged, old: polib.POFile | None, content: Path, code: str, source_code: str,
             data: dict, sources: SourceMap) -> polib.POFile:
    catalog = new_catalog(content, code, source_code)
    if old is not None:  # a translator's header (team, last translator, plural forms) is theirs to keep
        catalog.header = old.header or catalog.header
        catalog.metadata = {**catalog.metadata, **old.metadata, "Language": old.metadata.get("Language") or code}
    names = {"models": [{"name": model.get("name", "")} for model in data.get("models", ())]}
    for index, wanted in enumerate(merged.wanted):
        entry = _entry(wanted, content, sources, names)
        if index in merged.kept:
            _carry(merged.kept[index], entry, fuzzy=False)
        elif index in merged.changed:
            _carry(merged.changed[index], entry, fuzzy=True)
        catalog.append(entry)
    for gone in merged.gone:
        catalog.append(_obsolete(gone))
    for entry in merged.still_obsolete:
        catalog.append(entry)
    return catalog


def _entry(wanted: Wanted, content: Path, sources: SourceMap, names: dict) -> polib.POEntry:
    """A new, untranslated entry: context, source, where it stands, and its place in words for the
    translator."""
    occurrences = []
    for place in wanted.places:
        line, _ = sources.locate(place.key_path)
        if line is not None:
            occurrences.append((content.name, str(line)))
    comment = "\n".join(readable(place.key_path, names) for place in wanted.places)
    return polib.POEntry(msgctxt=wanted.context, msgid=wanted.text, msgstr="", comment=comment,
                         occurrences=occurrences)


def _carry(old: polib.POEntry, entry: polib.POEntry, fuzzy: bool) -> None:
    """Give ``entry`` the old entry's translation, the translator's comments and flags; fuzzy, with the
    source the translation was made for, when that source changed (or when it was fuzzy already)."""
    entry.msgstr = old.msgstr
    entry.tcomment = old.tcomment
    entry.flags = [flag for flag in old.flags if flag != "fuzzy"]
    if "fuzzy" in old.flags:  # still to review: against the source it was made for
        previous_id, previous_context = old.previous_msgid, old.previous_msgctxt
    elif fuzzy:
        previous_id, previous_context = old.msgid, old.msgctxt
    else:
        return
    entry.flags.insert(0, "fuzzy")
    if previous_id and previous_id != entry.msgid:
        entry.previous_msgid = previous_id
    if previous_context and previous_context != entry.msgctxt:
        entry.previous_msgctxt = previous_context


def _obsolete(old: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(msgctxt=old.msgctxt, msgid=old.msgid, msgstr=old.msgstr, tcomment=old.tcomment,
                         flags=list(old.flags), obsolete=True)
