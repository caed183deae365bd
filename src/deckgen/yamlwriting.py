"""Writing a content file (``deckgen import``, ``deckgen convert``): YAML through ruamel.yaml's round-trip
dumper, so that a header (the import's report) can stand in it as a comment, laid out like the bundled
example (block lists, notes as ``|`` blocks).

A text is written plain when YAML reads it back as the same text and a person can edit it without a
trap; otherwise in double quotes: one that starts with a character YAML gives a meaning (``#``, ``*``,
``-``, ``[``, a quote...), holds ``: `` or `` #``, an apostrophe or a quote, or that YAML would read as
something else (``yes``, ``12``, ``2018-05-17``). The file lands at once (a temporary file, then
``os.replace``), only after it has been read back as the same workshop, and never over an existing file
unless asked to (``check_target``, shared with the workbook writer)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from deckgen.errors import DeckgenError

_SPECIAL_START = tuple("-?:,[]{}#&*!|>'\"%@`~ ")
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_COMMENT_UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\t]")


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    yaml.allow_unicode = True
    return yaml


_READER = YAML(typ="safe", pure=True)
# What YAML 1.1 (and so many other tools) reads as true or false: deckgen reads them as text, people may not.
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def needs_quotes(text: str) -> bool:
    """Whether ``text`` is written in double quotes (see the module's docstring)."""
    if not text or text.startswith(_SPECIAL_START) or text != text.strip():
        return True
    if ": " in text or " #" in text or text.endswith(":") or "'" in text or '"' in text or "\t" in text:
        return True
    if text.casefold() in _YAML11_WORDS:
        return True
    try:
        return _READER.load(text) != text
    except Exception:  # noqa: BLE001 -- anything YAML cannot read back as itself is quoted
        return True


def scalar(text: str):
    if "\n" in text:
        if _literal_ok(text):
            return LiteralScalarString(text + "\n")
        return DoubleQuotedScalarString(text)
    return DoubleQuotedScalarString(text) if needs_quotes(text) else text


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    return (not _LINE_BREAKS.search(text) and not _COMMENT_UNSAFE.search(text.replace("\t", ""))
            and not lines[0].startswith((" ", "\t")) and all(line == line.rstrip() for line in lines))


def _node(value):
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _node(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_node(item) for item in value)
    if isinstance(value, str):
        return scalar(value)
    return value


def comment_text(text: str) -> str:
    """``text`` made safe to stand in a YAML comment: no line breaks but newlines, nothing unprintable."""
    return _COMMENT_UNSAFE.sub(" ", _LINE_BREAKS.sub("\n", text))


def dump(data: dict, header: str) -> str:
    """The YAML text of ``data`` with ``header`` as the comment at its top."""
    document = _node(data)
    if header:  # an empty line after it, as in the bundled example
        document.yaml_set_start_comment(comment_text(header.rstrip("\n")) + "\n\n")
    models = document.get("models")
    if isinstance(models, CommentedSeq):  # a blank line between models, as in the bundled example
        for index in range(1, len(models)):
            models.yaml_set_comment_before_after_key(index, before="\n", indent=2)
    stream = io.StringIO()
    _yaml().dump(document, stream)
    text = stream.getvalue()
    # ruamel writes the blank line as a lone "#": make it an empty line. Spaces at the end of a line are
    # left where a long text was wrapped: YAML drops them there (a `|` block, where they would count, has none).
    return re.sub(r"(?m)[ \t]+$", "", re.sub(r"(?m)^[ \t]*#[ \t]*$", "", text))


class TargetExists(DeckgenError):
    """The content file to write is already there and --force was not given."""


def check_target(target: Path, force: bool, suffixes: tuple[str, ...] = (".yaml", ".yml"),
                 elsewhere: str = "or -o to write another file") -> None:
    """Refuse a target that exists (without ``force``), is a folder, or does not end in one of ``suffixes``;
    ``elsewhere`` says how to write another file instead."""
    if target.suffix.lower() not in suffixes:
        raise DeckgenError(f"{target}: the content file must end in {suffixes[0]} (for example -o "
                           f"{target.with_suffix(suffixes[0]).name})")
    if target.is_dir():
        raise DeckgenError(f"{target} is a folder; give the content file's name, for example -o {target}/workshop.yaml")
    if target.exists() and not force:
        raise TargetExists(f"{target} already exists; nothing was written. Use --force to overwrite it, "
                           f"{elsewhere}")


def write_atomically(text: str, target: Path, verify) -> Path:
    """Write ``text`` to ``target`` through a temporary file beside it, after ``verify(temporary_path)``
    has read it back; nothing lands when verifying fails or the write is interrupted."""
    from deckgen.outputs import output_set

    with output_set(target.parent if str(target.parent) else Path(".")) as outputs:
        temp = outputs.temp_for(target)
        temp.write_text(text, encoding="utf-8")
        verify(temp)
        outputs.commit()
    return target
