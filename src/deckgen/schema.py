"""Declarative checks for YAML documents: each spec validates itself, reports every problem with its
line and column, and describes itself as JSON Schema for editors (as MkDocs' config options do).
A ``File`` spec checks a reference to a file beside the document: it is resolved inside the folder
the checker is given, held to a size limit and a content check, and becomes an absolute Path."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.errors import InvalidInput, Problem
from deckgen.keypaths import readable
from deckgen.safepaths import resolve_inside

MAX_VALUES = 100_000
# Characters no slide, card or XML file can hold: C0 controls but tab and newlines, DEL, C1 controls,
# lone surrogates (from YAML "\ud800" escapes) and the non-characters U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class _Invalid:
    """Marks a value that failed its check (the problem is already reported)."""


INVALID = _Invalid()


@dataclass(frozen=True)
class Loc:
    """Where a value sits: its key path and its 1-based line and column."""

    path: str
    line: int | None = 1
    column: int | None = 1

    def key(self, mapping, key: str, at_key: bool = False) -> Loc:
        path = f"{self.path}.{key}" if self.path else key
        line, column = _mark(mapping, key, at_key)
        return Loc(path, line or self.line, column or self.column)

    def item(self, sequence, index: int) -> Loc:
        line, column = None, None
        lc = getattr(sequence, "lc", None)
        if lc is not None:
            try:
                line, column = (v + 1 for v in lc.item(index))
            except (KeyError, TypeError, AttributeError):
                pass
        return Loc(f"{self.path}[{index}]", line or self.line, column or self.column)


def _mark(mapping, key, at_key):
    lc = getattr(mapping, "lc", None)
    if lc is None:
        return None, None
    try:
        line, column = lc.key(key) if at_key else lc.value(key)
    except (KeyError, TypeError, AttributeError):
        return None, None
    return line + 1, column + 1


class Checker:
    """Collects the problems of one file; ``base`` is the folder its file references are relative to."""

    def __init__(self, file: Path | str, base: Path | None = None, document=None):
        self.file = file
        self.base = base
        self.document = document  # where messages find the names of the models they point at
        self.problems: list[Problem] = []
        self._visited = 0

    def error(self, loc: Loc, message: str) -> _Invalid:
        self.problems.append(Problem(self.file, loc.line, loc.column, loc.path, message,
                                     label=readable(loc.path, self.document)))
        return INVALID

    def visit(self, loc: Loc) -> None:
        self._visited += 1
        if self._visited > MAX_VALUES:
            raise InvalidInput([Problem(self.file, loc.line, loc.column, loc.path,
                                        f"more than {MAX_VALUES} values: too large a file, or YAML aliases "
                                        "that multiply it (an alias bomb); refused")])

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidInput(self.problems)


def describe(value: Any) -> str:
    """How a found value is named in messages: 'got a number', 'got a list'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})" if value.strip() else "empty text"
    if isinstance(value, dict):
        return "keys with values"
    if isinstance(value, (list, tuple, set)):
        return "a list" if isinstance(value, (list, tuple)) else "a set"
    return f"a YAML value tagged {getattr(getattr(value, 'tag', None), 'value', None) or type(value).__name__}"


class Spec:
    """One kind of value."""

    expected = "a value"
    plural = "values"
    description = ""

    def check(self, value, loc: Loc, checker: Checker):
        checker.visit(loc)
        return self._check(value, loc, checker)

    def _check(self, value, loc: Loc, checker: Checker):  # pragma: no cover - abstract
        raise NotImplementedError

    def wrong(self, value, loc: Loc, checker: Checker) -> _Invalid:
        return checker.error(loc, f"expected {self.expected}, got {describe(value)}")

    def json_schema(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def _with_description(self, schema: dict) -> dict:
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass
class Str(Spec):
    """Non-empty text. ``multiline`` allows line breaks (speaker notes)."""

    description: str = ""
    multiline: bool = False
    max_length: int = 10_000
    expected = "text"
    plural = "strings"

    def _check(self, value, loc, checker):
        if isinstance(value, dict) and len(value) == 1:
            (key, rest), = value.items()
            if isinstance(key, str) and isinstance(rest, (str, int, float)) and not isinstance(rest, bool):
                # "- Let op: dit is belangrijk" is a key and its value to YAML
                return checker.error(loc, f"expected text, but the ': ' in it makes YAML read a key and a value; "
                                          f"put the whole text in double quotes: \"{key}: {rest}\"")
        if not isinstance(value, str) or isinstance(value, bool):
            return self.wrong(value, loc, checker)
        # PowerPoint and Word paste a line break as a line tabulation (and a page break as a form feed).
        value = value.replace("\x0b", "\n" if self.multiline else " ").replace("\x0c", "\n" if self.multiline else " ")
        if not value.strip():
            return checker.error(loc, "expected text, got empty text")
        if len(value) > self.max_length:
            return checker.error(loc, f"expected at most {self.max_length} characters, got {len(value)}")
        if bad := _UNPRINTABLE.search(value):
            return checker.error(loc, f"expected printable text, got the unprintable character "
                                      f"U+{ord(bad.group()):04X} at character {bad.start() + 1}; remove it")
        if not self.multiline:
            value = " ".join(value.split())
        return str(value)

    def json_schema(self):
        return self._with_description({"type": "string", "minLength": 1})


@dataclass
class Choice(Spec):
    choices: tuple[str, ...] = ()
    description: str = ""

    @property
    def expected(self):
        return "one of " + ", ".join(self.choices)

    def _check(self, value, loc, checker):
        if isinstance(value, str) and value in self.choices:
            return str(value)
        if isinstance(value, str):
            close = difflib.get_close_matches(value, self.choices, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return checker.error(loc, f"expected {self.expected}, got {value!r}{hint}")
        return self.wrong(value, loc, checker)

    def json_schema(self):
        return self._with_description({"enum": list(self.choices)})


@dataclass
class Date(Spec):
    description: str = ""
    expected = "a date as YYYY-MM-DD"

    def _check(self, value, loc, checker):
        if isinstance(value, datetime.date):
            return value
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
            return self.wrong(value, loc, checker)
        try:
            return datetime.date(*(int(part) for part in value.strip().split("-")))
        except ValueError as error:
            return checker.error(loc, f"expected {self.expected}, got {value!r}, which is no date ({error})")

    def json_schema(self):
        return self._with_description({"type": "string", "format": "date"})


@dataclass
class Number(Spec):
    minimum: float = 0
    maximum: float = 1000
    description: str = ""

    @property
    def expected(self):
        return f"a number from {self.minimum:g} to {self.maximum:g}"

    def _check(self, value, loc, checker):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return self.wrong(value, loc, checker)
        if not self.minimum <= value <= self.maximum:
            return checker.error(loc, f"expected {self.expected}, got {value}")
        return float(value)

    def json_schema(self):
        return self._with_description({"type": "number", "minimum": self.minimum, "maximum": self.maximum})


@dataclass
class Bool(Spec):
    description: str = ""
    expected = "true or false"

    def _check(self, value, loc, checker):
        if isinstance(value, bool):
            return value
        return self.wrong(value, loc, checker)

    def json_schema(self):
        return self._with_description({"type": "boolean"})


@dataclass
class Color(Spec):
    description: str = ""
    expected = "a CSS hex colour such as \"#1F4E79\""

    def _check(self, value, loc, checker):
        if isinstance(value, str) and re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", value.strip()):
            hex_digits = value.strip()[1:]
            if len(hex_digits) == 3:
                hex_digits = "".join(c * 2 for c in hex_digits)
            return "#" + hex_digits.upper()
        return self.wrong(value, loc, checker)

    def json_schema(self):
        return self._with_description({"type": "string", "pattern": "^#([0-9a-fA-F]{3}){1,2}$"})


@dataclass
class Length(Spec):
    """A length in millimetres, written '3mm' or as a number of millimetres."""

    maximum: float = 20
    description: str = ""
    expected = "a length in millimetres such as \"3mm\""

    def _check(self, value, loc, checker):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str) and (match := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*mm\s*", value)):
            number = float(match.group(1))
        else:
            return self.wrong(value, loc, checker)
        if not 0 <= number <= self.maximum:
            return checker.error(loc, f"expected a length from 0 to {self.maximum:g} mm, got {value}")
        return number

    def json_schema(self):
        return self._with_description({"type": ["string", "number"], "pattern": r"^\d+(\.\d+)?\s*mm$"})


@dataclass
class ListOf(Spec):
    item: Spec = field(default_factory=Str)
    min_items: int = 0
    description: str = ""
    one_or_more: bool = False  # a single value stands for a list of one

    @property
    def expected(self):
        kind = f"a list of {self.item.plural}"
        return f"{self.item.expected} or {kind}" if self.one_or_more else kind

    plural = "lists"

    def _check(self, value, loc, checker):
        if self.one_or_more and not isinstance(value, list):
            result = self.item.check(value, loc, checker)
            return INVALID if result is INVALID else [result]
        if not isinstance(value, list):
            return self.wrong(value, loc, checker)
        if len(value) < self.min_items:
            return checker.error(loc, f"expected at least {self.min_items} item{'s' * (self.min_items > 1)}, "
                                      f"got an empty list")
        results = [self.item.check(item, loc.item(value, index), checker) for index, item in enumerate(value)]
        return INVALID if any(r is INVALID for r in results) else results

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.one_or_more:
            schema = {"anyOf": [self.item.json_schema(), schema]}
        return self._with_description(schema)


@dataclass
class File(Spec):
    """A reference to a file, written as a path relative to the checker's ``base`` folder. The path is
    resolved with ``safepaths.resolve_inside`` (a URL, an absolute path, '..', a link leading out of the
    folder and a missing file are refused), the file may be at most ``max_bytes`` long, and
    ``check_contents`` (given the resolved path) returns why its contents do not serve, or None; a file
    that cannot be read is reported too. The checked value is the resolved absolute Path; editors see
    a string."""

    kind: str = "file"  # what the size message calls it: "a logo may be at most 10 MB"
    max_bytes: int = 10 * 1024 * 1024
    check_contents: Callable[[Path], str | None] | None = None
    description: str = ""
    max_length: int = 500
    expected = "a path relative to the file's folder"
    plural = "paths"

    def _check(self, value, loc, checker):
        reference = Str(max_length=self.max_length)._check(value, loc, checker)
        if reference is INVALID:
            return INVALID
        if checker.base is None:
            raise TypeError("a File spec needs the folder its paths are relative to: validate(..., base=folder)")
        try:
            path = resolve_inside(checker.base, reference)
        except ValueError as error:
            return checker.error(loc, str(error))
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                return checker.error(loc, f"{reference!r} is {size / 1e6:.0f} MB; "
                                          f"a {self.kind} may be at most {self.max_bytes / 1e6:.0f} MB")
            why = self.check_contents(path) if self.check_contents is not None else None
        except OSError as error:
            return checker.error(loc, f"{reference!r} cannot be read ({error.strerror or error})")
        return checker.error(loc, why) if why else path

    def json_schema(self):
        return self._with_description({"type": "string", "minLength": 1})


@dataclass
class Field:
    spec: Spec
    required: bool = False


@dataclass
class Mapping(Spec):
    fields: dict[str, Field] = field(default_factory=dict)
    description: str = ""
    expected = "keys with values (such as name: ...)"
    plural = "entries of keys with values"

    def _check(self, value, loc, checker):
        if not isinstance(value, dict):
            return self.wrong(value, loc, checker)
        result: dict[str, Any] = {}
        failed = False
        for key, item in value.items():
            if not isinstance(key, str) or key not in self.fields:
                key_loc = loc.key(value, key, at_key=True)
                close = difflib.get_close_matches(str(key), list(self.fields), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(self.fields)
                checker.error(key_loc, f"unknown key; {hint}")
                failed = True
                continue
            if item is None and not self.fields[key].required:
                continue  # "key:" with nothing after it means "not given"
            checked = self.fields[key].spec.check(item, loc.key(value, key), checker)
            if checked is INVALID:
                failed = True
            else:
                result[key] = checked
        for key, definition in self.fields.items():
            if definition.required and value.get(key) is None:
                where = loc.key(value, key) if key in value else loc
                key_path = f"{loc.path}.{key}" if loc.path else key
                checker.error(Loc(key_path, where.line, where.column),
                              f"required; expected {definition.spec.expected}, got nothing")
                failed = True
        return INVALID if failed else result

    def json_schema(self):
        schema = {
            "type": "object",
            "properties": {key: f.spec.json_schema() for key, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [key for key, f in self.fields.items() if f.required]
        if required:
            schema["required"] = required
        return self._with_description(schema)


def validate(document, spec: Mapping, file: Path | str, base: Path | None = None) -> dict:
    """The checked document, or InvalidInput with every problem found; ``base`` is the folder that
    ``File`` references are relative to (needed only when ``spec`` holds one)."""
    checker = Checker(file, base, document)
    result = spec.check(document, Loc(""), checker)
    checker.raise_if_any()
    return result
