"""What ``deckgen check`` says of each translation: every text not translated yet (a warning), every
translation that is outdated because its source changed or is gone, or that lost a mark (errors: a CI
holds the release), the obsolete entries kept for reference (warnings), and whether the translated texts
fit the slides and cards (the builders' own check, on the translated project)."""

from __future__ import annotations

import warnings
from pathlib import Path

from deckgen.builders import builders
from deckgen.content import load_data
from deckgen.errors import InvalidInput, Problem
from deckgen.keypaths import readable
from deckgen.languages import language
from deckgen.project import Project, Request
from deckgen.translation.apply import translated_project
from deckgen.translation.catalog import entry_lines, msgid_line, read_catalog, translation_files
from deckgen.translation.markup import markup_slips
from deckgen.translation.merge import merge
from deckgen.translation.texts import content_texts


def translation_problems(project: Project, request: Request) -> list[Problem]:
    """The problems of every translation of ``project`` (``request.languages`` picks), in language order."""
    files = translation_files(project.content)
    codes = [code for code in files if not request.languages or code in request.languages]
    if not codes:
        return []
    data, _ = load_data(project.content)
    problems: list[Problem] = []
    for code in codes:
        problems += status(project.content, data, code, files[code])
        try:
            with warnings.catch_warnings():  # the count of untranslated texts is in the status already
                warnings.simplefilter("ignore")
                translated = translated_project(project, data, code, files[code])
        except InvalidInput:  # told by status
            continue
        problems += [problem for builder in builders(request.only) for problem in builder.check(translated)]
    return problems


def status(content: Path, data: dict, code: str, po: Path) -> list[Problem]:
    """Every entry of ``po`` that is untranslated, outdated, broken or obsolete, and a summary."""
    try:
        catalog = read_catalog(po)
    except InvalidInput as invalid:
        return invalid.problems
    lines = entry_lines(po)
    merged = merge(content_texts(data), catalog)
    names = {"models": [{"name": model.get("name", "")} for model in data.get("models", ())]}
    update = f"'deckgen translate {content.name} --to {code}'"
    problems: list[Problem] = []

    def say(entry, key_path: str, message: str, level: str = "error", label: str | None = None) -> None:
        line = msgid_line(lines, entry) if entry is not None else None
        shown = readable(key_path, names) if label is None else label
        problems.append(Problem(po, line, None, key_path, message, level, shown))

    untranslated = outdated = 0
    for index, wanted in enumerate(merged.wanted):
        key_path = wanted.places[0].key_path
        entry = merged.kept.get(index)
        if index in merged.changed:
            old = merged.changed[index]
            outdated += 1
            say(old, key_path, f"outdated: the source changed from {_short(old.msgid)} to {_short(wanted.text)}; "
                               f"{update} marks the translation fuzzy for review")
        elif entry is None or entry.obsolete:
            untranslated += 1
            say(entry, key_path, f"not translated: not in the file yet; {update} adds it", "warning")
        elif "fuzzy" in entry.flags:
            outdated += 1
            before = f" (made for {_short(entry.previous_msgid)})" if entry.previous_msgid else ""
            say(entry, key_path, f"outdated: the translation is marked fuzzy{before}; review it against the source "
                                 f"{_short(wanted.text)} and remove the fuzzy mark")
        elif not entry.msgstr.strip():
            untranslated += 1
            say(entry, key_path, "not translated yet", "warning")
        else:
            for slip in markup_slips(entry.msgid, entry.msgstr):
                say(entry, key_path, slip)
    taken = {id(entry) for entry in (*merged.kept.values(), *merged.changed.values())}
    for entry in catalog:
        if entry.obsolete or id(entry) in taken:
            continue
        outdated += 1
        what = "its source is gone" if entry.msgstr else "it matches no text"
        say(entry, entry.msgctxt or "", f"outdated: {_short(entry.msgid)}: {what}; {update} marks it obsolete",
            label=entry.msgctxt or "")
    obsolete = [entry for entry in catalog if entry.obsolete and id(entry) not in taken]
    for entry in obsolete:
        say(entry, entry.msgctxt or "", f"obsolete: {_short(entry.msgid)}: its source is gone; the translation is "
                                        "kept for reference (your translation tool can purge it)", "warning",
            label=entry.msgctxt or "")
    total = len(merged.wanted)
    source = language(data.get("language", "nl")).code
    problems.append(Problem(po, None, None, "", f"{total - untranslated - outdated} of {total} texts translated "
                                                f"from '{source}' into '{code}'; {untranslated} untranslated, "
                                                f"{outdated} outdated, {len(obsolete)} obsolete", "note"))
    return problems


def _short(text: str) -> str:
    return repr(text if len(text) <= 50 else text[:49] + "\u2026")
