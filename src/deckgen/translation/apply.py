"""A translated build: the workshop with each text replaced by its translation from the PO file, in the
target language (its labels, date, hyphenation and document language), fed to the same builders as the
source as a Project of its own whose files are called ``NAME-fr.pptx``, ``NAME-fr-cards.pdf``...

A text without a translation (empty, marked fuzzy, or changed since the PO file was updated) is shown in
the source language, told once a language with the count: a trainer who edits the source can still print
it the same day, and ``deckgen check`` holds the translation to account (it fails on outdated entries).
A translation that lost a placeholder or an emphasis mark would print wrong: it stops the build before
anything is written."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from deckgen.content import build_workshop
from deckgen.errors import DeckgenError, DeckgenWarning, InvalidInput, Problem
from deckgen.keypaths import readable
from deckgen.labels import resolve_labels
from deckgen.languages import language, split_tag
from deckgen.model import Workshop
from deckgen.project import Progress, Project, Request, open_project_with_data
from deckgen.translation.catalog import entry_lines, msgid_line, read_catalog, translation_files
from deckgen.translation.markup import markup_slips
from deckgen.translation.texts import SourceText, content_texts, translated_data


@dataclass(frozen=True)
class Translation:
    """The language of a translated project and where its texts stand in its PO file."""

    code: str  # "fr": the suffix of the output files
    po: Path
    lines: dict[str, int]  # key path of each translated text -> the line of its entry in the PO file
    untranslated: int  # texts shown in the source language
    texts: int
    stale: int = 0  # entries of the PO file that match no text any more (their source changed or is gone)

    def place(self, key_path: str) -> tuple[Path, int] | None:
        """The PO file and line of the translation of ``key_path`` (or of the first text under it: a misfit
        names ``models[1].strengths``); None when the text is shown untranslated."""
        if key_path in self.lines:
            return self.po, self.lines[key_path]
        under = [line for path, line in self.lines.items() if path.startswith((key_path + "[", key_path + "."))]
        return (self.po, min(under)) if under else None


def open_projects(request: Request, progress: Progress | None = None) -> list[Project]:
    """The project of the content and one per language with a PO file beside it (``request.languages``
    picks; empty: all of them), the content's own language first."""
    project, data = open_project_with_data(request, progress)
    source_code = language(project.workshop.language).code
    if request.languages == (source_code,):
        return [project]
    files = translation_files(project.content)
    if source_code in files:
        raise DeckgenError(f"{files[source_code]}: {project.content.name} is written in '{source_code}' itself; "
                           "remove or rename the file")
    missing = [code for code in request.languages if code != source_code and code not in files]
    if missing:
        commands = "; ".join(f"deckgen translate {project.content} --to {code} writes one" for code in missing)
        raise DeckgenError(f"no translation of {project.content} into {', '.join(missing)}: {commands}")
    codes = [code for code in files if not request.languages or code in request.languages]
    projects = [project] if not request.languages or source_code in request.languages else []
    if not codes:
        return projects
    problems: list[Problem] = []
    for code in codes:
        try:
            projects.append(translated_project(project, data, code, files[code]))
        except InvalidInput as invalid:
            problems += invalid.problems
    if problems:
        raise InvalidInput(problems)
    return projects


def translated_project(project: Project, data: dict, code: str, po: Path) -> Project:
    """``project`` in language ``code`` from the PO file ``po``. The layout's own labels are words of one
    language: the translated project has the target language's labels, and the content's as translated."""
    workshop, translation = translated_workshop(project.content, data, code, po)
    if translation.untranslated:
        count, stale = translation.untranslated, translation.stale
        why = "empty, fuzzy or changed since" if stale else "empty or fuzzy"
        message = (f"{po}: {count} of {translation.texts} text{'s' * (count != 1)} not translated into "
                   f"'{code}' yet ({why}), shown in '{language(project.workshop.language).code}'")
        if stale:
            message += (f"; {stale} entr{'ies' if stale != 1 else 'y'} of the file match{'es' * (stale == 1)} "
                        f"no text any more: 'deckgen translate {project.content.name} --to {code}' marks "
                        f"{'them' if stale != 1 else 'it'} for review")
        warnings.warn(message, DeckgenWarning, stacklevel=2)
    return replace(project, workshop=workshop, layout=replace(project.layout, labels={}),
                   labels=resolve_labels(workshop.language, workshop.labels), translation=translation)


def translated_workshop(content: Path, data: dict, code: str, po: Path) -> tuple[Workshop, Translation]:
    """The workshop of ``data`` with the translations of ``po``; InvalidInput at every translation that
    lost a mark. An entry that matches no text (its source changed or is gone) is counted, not used."""
    catalog = read_catalog(po)
    lines = entry_lines(po)
    texts = content_texts(data)
    places: dict[tuple[str, str], list[SourceText]] = {}
    for text in texts:
        places.setdefault((text.context, text.text), []).append(text)
    names = {"models": [{"name": model.get("name", "")} for model in data.get("models", ())]}
    found: dict[tuple[str, str], tuple[str, int]] = {}
    problems: list[Problem] = []
    stale = 0
    for entry in catalog:
        if entry.obsolete:
            continue
        line = msgid_line(lines, entry)
        key = (entry.msgctxt or "", entry.msgid)
        if key not in places:
            stale += 1
            continue
        translation = entry.msgstr.strip()
        if not translation or "fuzzy" in entry.flags:
            continue
        first = places[key][0]
        problems += [Problem(po, line, None, first.key_path, slip, label=readable(first.key_path, names))
                     for slip in markup_slips(entry.msgid, translation)]
        found[key] = (translation, line)
    if problems:
        raise InvalidInput(problems)
    translated = translated_data(data, lambda text: found.get((text.context, text.text), (None,))[0])
    translated["language"] = target_tag(data.get("language", "nl"), code)
    translation = Translation(
        code=code, po=po,
        lines={text.key_path: found[(text.context, text.text)][1] for text in texts
               if (text.context, text.text) in found},
        untranslated=sum(1 for text in texts if (text.context, text.text) not in found),
        texts=len(texts),
        stale=stale,
    )
    return build_workshop(translated, content), translation


def target_tag(source: str, code: str) -> str:
    """The target's language with the source's region: ``nl-BE`` translated into ``fr`` is ``fr-BE``."""
    parts = split_tag(source)
    return f"{code}-{parts[1]}" if parts and parts[1] else code
