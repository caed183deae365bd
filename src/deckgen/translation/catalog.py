"""PO files on disk: where a content file's translations are, reading them (with polib) so that a
mistake is a located message, and writing them atomically."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import polib

from deckgen import reproducible
from deckgen.errors import DeckgenError, InvalidInput, Problem
from deckgen.languages import LANGUAGES

WRAP = 78  # as msgmerge and Poedit wrap
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(?P<text>.*)$")
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def po_path(content: Path, code: str) -> Path:
    """``netwerkversterking.fr.po`` beside ``netwerkversterking.yaml``."""
    return content.with_name(f"{content.stem}.{code}.po")


def translation_files(content: Path) -> dict[str, Path]:
    """The PO files beside ``content``, by language code, in deckgen's order of languages; a PO file for a
    language deckgen does not speak is an error (the trainer meant it to be built)."""
    found: dict[str, Path] = {}
    for path in sorted(content.parent.glob(f"{_glob_escape(content.stem)}.*.po")):
        code = path.name[len(content.stem) + 1: -len(".po")]
        if code not in LANGUAGES:
            raise DeckgenError(f"{path}: deckgen does not speak '{code}': it knows {', '.join(LANGUAGES)}; rename "
                               f"the file to {content.stem}.CODE.po with one of these, or add the language "
                               "(docs/translations.md says how)")
        found[code] = path
    return {code: found[code] for code in LANGUAGES if code in found}


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def read_catalog(path: Path) -> polib.POFile:
    """The PO file at ``path``; InvalidInput at the line of a syntax error."""
    try:
        source = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise InvalidInput([Problem(path, line, None, "", "this line is not UTF-8 text; save the file as UTF-8 "
                                                           "(Poedit and Weblate do)")]) from None
    except OSError as error:
        raise DeckgenError(f"cannot read {path}: {error.strerror}") from None
    problems = [Problem(path, number, None, "", message) for number, message in _syntax_slips(source)]
    if not problems:
        try:
            catalog = polib.pofile(source, wrapwidth=WRAP)
        except (OSError, ValueError) as error:  # polib says "Syntax error in po file (line N)"
            found = re.search(r"line (\d+)", str(error))
            problems.append(Problem(path, int(found.group(1)) if found else None, None, "",
                                    f"not valid in a PO file ({str(error).split(': ', 1)[-1]})"))
        else:
            problems += _repeated(path, catalog, source.splitlines())
            if not problems:
                return catalog
    raise InvalidInput(problems)


def _repeated(path: Path, catalog: polib.POFile, lines: list[str]) -> list[Problem]:
    """An entry whose context and source an earlier entry has already: msgfmt and Poedit refuse the file."""
    first: dict[tuple, int | None] = {}
    problems = []
    for entry in catalog:
        key = (entry.obsolete, entry.msgctxt or "", entry.msgid)
        line = msgid_line(lines, entry)
        if key in first:
            problems.append(Problem(path, line, None, entry.msgctxt or "",
                                    f"this entry repeats the one at line {first[key]} (same msgctxt and msgid); "
                                    "keep one of them"))
        else:
            first[key] = line
    return problems


def _syntax_slips(source: str):
    """(line, message) of lines that polib would read wrongly without a word: a text without its quotes,
    a stray word. A line is a comment (#...), a keyword with a quoted text, or a quoted text that goes on."""
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
            if line.startswith("|"):
                continue
        if not line or line.startswith("#"):
            continue
        keyword = _KEYWORD.match(line)
        text = keyword.group("text").strip() if keyword else line
        if not _QUOTED.match(text):
            if keyword:
                yield number, (f"{keyword.group(1)} must be followed by a text in double quotes, "
                               f'with any " inside written \\", found {text[:40]!r}')
            else:
                yield number, (f"expected msgctxt, msgid, msgstr, a text in double quotes or a # comment, "
                               f"found {line[:40]!r}")


def entry_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


def msgid_line(lines: list[str], entry: polib.POEntry) -> int | None:
    """The line of an entry's msgctxt (else msgid): polib counts an entry from its first comment."""
    start = entry.linenum or 1
    for number in range(start, len(lines) + 1):
        stripped = lines[number - 1].lstrip("#~ ").strip() if entry.obsolete else lines[number - 1].strip()
        if stripped.startswith(("msgctxt", "msgid")):
            return number
    return entry.linenum


def new_catalog(content: Path, code: str, source_code: str) -> polib.POFile:
    """An empty PO file for the translation of ``content`` into ``code``, with the header Poedit,
    Weblate and msgfmt expect."""
    catalog = polib.POFile(wrapwidth=WRAP)
    catalog.header = (f"Translation of {content.name} into {code}, made with deckgen.\n"
                      f"deckgen translate {content.name} --to {code} updates it after {content.name} changed.")
    moment = reproducible.source_date() or datetime.datetime.now(datetime.timezone.utc)
    catalog.metadata = {
        "Project-Id-Version": content.stem,
        "PO-Revision-Date": moment.strftime("%Y-%m-%d %H:%M+0000"),  # translation tools set it on saving
        "Last-Translator": "",
        "Language-Team": "",
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_code,
        "X-Generator": "deckgen",
    }
    return catalog


def write_catalog(catalog: polib.POFile, path: Path) -> bool:
    """Write ``catalog`` to ``path`` in one move (never half a file); False when the file already says it."""
    text = str(catalog)
    if not text.endswith("\n"):
        text += "\n"
    if path.is_file() and path.read_text(encoding="utf-8-sig") == text:
        return False
    temp = path.with_name(f".{path.name}.deckgen-tmp-{os.getpid()}")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return True
