"""Reading a YAML file safely, keeping the line and column of every node for error messages.

Two readings of the same YAML 1.2, by the same library: the careful one (ruamel.yaml's round-trip loader,
pure Python) keeps the line and column of every value and the comments, which the messages about a slip
need; the quick one (ruamel.yaml's safe loader on libyaml, ruamel.yaml.clib) gives plain values some seven
times faster (700 models: 0.26 s against 1.8 s). A file is read quickly first and read carefully only when
something in it needs pointing at (deckgen.content.load_data), and its lines are found only when a
message needs one (deckgen.sourcemap)."""

from __future__ import annotations

import os
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from deckgen.errors import InvalidInput, Problem
from deckgen.yamlslips import empty_by_comment, explain, tab_slips

# The line-keeping parser reads about 0.2 MB a second: 2 MB (some 2000 models) is read in seconds.
MAX_FILE_BYTES = 2 * 1024 * 1024


def read_yaml(path: Path, what: str = "file"):
    """The parsed document of ``path`` (mappings keep their marks); every failure is an InvalidInput."""
    text = _read_text(path, what)
    tabs = tab_slips(text)
    if tabs:
        raise InvalidInput([Problem(path, slip.line, slip.column, "", slip.message) for slip in tabs])
    try:
        document = careful_load(text)
    except MarkedYAMLError as error:
        slip = explain(error, text)
        if slip is None:
            raise _invalid(path, None, None, f"YAML cannot read this file: {error.problem or error.context}") from None
        raise _invalid(path, slip.line, slip.column, slip.message) from None
    except ReaderError as error:  # a character YAML does not allow; it has a position, not a mark
        line, column = _text_position(text, error.position)
        raise _invalid(path, line, column, f"YAML syntax error: {error.reason} "
                                           f"(character U+{error.character:04X})" if isinstance(error.character, int)
                       else f"YAML syntax error: {error.reason}") from None
    except RecursionError:
        raise _invalid(path, None, None, "YAML syntax error: nested too deeply") from None
    except (YAMLError, ValueError) as error:
        raise _invalid(path, None, None, f"YAML syntax error: {error}") from None
    if document is None:
        raise _invalid(path, 1, 1, f"the {what} is empty; expected keys such as title: and models:"
                       if what == "content file" else f"the {what} is empty; expected keys and their values")
    lost = empty_by_comment(document, text)
    if lost:
        raise InvalidInput([Problem(path, slip.line, slip.column, key, slip.message) for key, slip in lost])
    return document


def careful_load(text: str):
    """``text`` parsed with every value's line and column (and the comments); YAML errors propagate."""
    yaml = YAML(typ="rt", pure=True)
    # Dates stay strings here: the schema checks them and can point at an impossible one.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _as_string)
    return yaml.load(text)


def read_quickly(path: Path, what: str = "file") -> tuple[object, str] | None:
    """The plain parsed document of ``path`` and its text, or None when the careful reading must tell what is
    wrong with it: YAML that does not parse, tabs, or an empty value (which may be a value lost to a
    comment, ``key: # note``). Unreadable files raise as in read_yaml."""
    text = _read_text(path, what)
    if tab_slips(text):
        return None
    yaml = YAML(typ="safe", pure=False)  # libyaml when ruamel.yaml.clib is installed
    yaml.Constructor = _TextDates
    try:
        document = yaml.load(text)
    except Exception:  # noqa: BLE001 -- whatever the quick parser trips on, the careful one explains
        return None
    if document is None or _holds_empty(document):
        return None
    return document, text


def _holds_empty(document) -> bool:
    stack = [document]  # not recursive: a list nested thousands deep is a slip to tell, not a crash
    while stack:
        node = stack.pop()
        if node is None:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _as_string(constructor, node):
    return constructor.construct_scalar(node)


class _TextDates(SafeConstructor):
    """The safe constructor, dates kept as text (as the careful reading keeps them)."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _as_string)


def _read_text(path: Path, what: str) -> str:
    if not path.exists():
        raise _invalid(path, None, None, f"no such {what}{_suggestion(path)}")
    if path.is_dir():
        raise _invalid(path, None, None, f"is a directory; expected a YAML {what}")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _invalid(path, None, None,
                           f"the {what} is {size / 1e6:.1f} MB; at most {MAX_FILE_BYTES / 1e6:.0f} MB is read")
        data = _read_bytes(path)
    except PermissionError:
        raise _invalid(path, None, None, "cannot be read: permission denied") from None
    except OSError as error:
        raise _invalid(path, None, None, f"cannot be read: {os.strerror(error.errno or 0)}") from None
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise _invalid(path, line, column, f"looks like a binary file, not a YAML {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise _invalid(path, line, column,
                       f"is not UTF-8 text (byte 0x{data[error.start]:02x}); save the {what} as UTF-8") from None


def _suggestion(path: Path) -> str:
    """'; did you mean buurtdag.yaml?' for a name close to a YAML file in the same folder."""
    import difflib

    folder = path.parent if path.parent.is_dir() else None
    if folder is None:
        return ""
    names = sorted(entry.name for entry in folder.iterdir() if entry.suffix.lower() in (".yaml", ".yml"))
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
    return f"; did you mean {folder / close[0] if str(path.parent) != '.' else close[0]}?" if close else ""


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, offset - line_start + 1


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _invalid(path: Path, line, column, message: str) -> InvalidInput:
    return InvalidInput([Problem(path, line, column, "", message)])
