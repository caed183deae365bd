"""The slips people make when they type YAML, said in their words on the line where the slip is.

The YAML parser reports what it expected (``expected <block end>, but found '<scalar>'``), often on the
line after the slip. Here each kind of slip a trainer makes is recognised from the parser's error and the
text itself (a tab used to indent, a key without its colon, an apostrophe inside single quotes, text with
``: `` in it, a line indented differently from its neighbours, an unclosed quote or list) and told as one
message that says what to type. What is not recognised keeps the parser's words, with its jargon replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"\[\]{},][^:#]*?):(\s|$)")
_JARGON = {
    "<block end>": "the end of the block",
    "<block mapping start>": "a new key",
    "<block sequence start>": "a new list",
    "<scalar>": "text",
    "<stream end>": "the end of the file",
    "'?'": "a new key",
    "'-'": "a list item",
}


@dataclass(frozen=True)
class Slip:
    line: int  # 1-based
    column: int  # 1-based
    message: str


def tab_slips(text: str) -> list[Slip]:
    """Every line indented with a tab: YAML indents with spaces only."""
    slips = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            slips.append(Slip(number, indent.index("\t") + 1,
                              "this line is indented with a tab; use spaces, not tabs, to indent"))
    return slips


def empty_by_comment(document, text: str) -> list[tuple[str, Slip]]:
    """Keys that YAML read as empty because their value starts with '#' (``primary: #2E7D32``): a '#'
    after a space starts a comment, so the value is lost. Returns (key path, slip) pairs."""
    lines = text.splitlines()
    found: list[tuple[str, Slip]] = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                child = f"{path}.{key}" if path else str(key)
                if value is None:
                    slip = _comment_value(node, key, lines)
                    if slip:
                        found.append((child, slip))
                else:
                    walk(value, child)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(document, "")
    return found


def _comment_value(mapping, key, lines: list[str]) -> Slip | None:
    try:
        line, column = mapping.lc.key(key)
    except (AttributeError, KeyError, TypeError):
        return None
    rest = lines[line][column:] if line < len(lines) else ""
    after = rest.split(":", 1)[1] if ":" in rest else ""
    stripped = after.lstrip()
    if not stripped.startswith("#") or stripped[1:2] in ("", " ", "\t", "#"):
        return None  # no comment, or a comment as people write one ("# optional")
    value = stripped.split(" #", 1)[0].rstrip()
    where = column + len(rest) - len(after) + (len(after) - len(stripped)) + 1
    return Slip(line + 1, where, f"{value} is read as a comment because it starts with '#', so {key} is "
                                 f"empty; put the value in quotes: {key}: \"{value}\"")


def explain(error, text: str) -> Slip | None:
    """The slip behind a ruamel.yaml MarkedYAMLError, or None when the error has no position."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    problem = error.problem or ""
    context = error.context or ""
    lines = text.splitlines()
    line, column = mark.line + 1, mark.column + 1
    context_at = (error.context_mark.line + 1, error.context_mark.column + 1) if error.context_mark else None
    for recognise in (_missing_colon, _apostrophe, _colon_in_text, _indentation, _unclosed, _duplicate,
                      _second_document):
        slip = recognise(problem, context, lines, line, column, context_at)
        if slip is not None:
            return slip
    return Slip(line, column, f"YAML cannot read this: {_plain(problem or context or 'not valid YAML')}; "
                              "check the quotes and the indentation here and on the line above")


def _text(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _missing_colon(problem, context, lines, line, column, context_at):
    if "could not find expected ':'" not in problem or context_at is None:
        return None
    key_line = context_at[0]
    written = _text(lines, key_line).strip()
    first, _, rest = written.partition(" ")
    example = f"{first}: {rest}" if rest else f"{first}: ..."
    return Slip(key_line, context_at[1], f"this line has no ':' after its key; write the key, a colon and a "
                                         f"space before the text: {example}")


def _apostrophe(problem, context, lines, line, column, context_at):
    if "'<scalar>'" not in problem:
        return None
    text = _text(lines, line)
    before = text[:column - 1]
    if not before.endswith("'") or before.count("'") < 2:
        return None
    start = before.index("'")
    match = _KEY.match(text)
    key = match.group("key").strip() if match else ""
    value = text[start + 1:].rstrip()
    value = value[:-1] if value.endswith("'") else value
    fixed = f'{key}: "{value}"' if key else f'"{value}"'
    return Slip(line, column - 1, "this apostrophe ends the text that the single quote before it began; "
                                  f"put the text in double quotes instead: {fixed} (or write the apostrophe "
                                  "twice: '')")


def _colon_in_text(problem, context, lines, line, column, context_at):
    if "mapping values are not allowed here" not in problem:
        return None
    text = _text(lines, line)
    match = _KEY.match(text)
    if match is None or match.end() > column:
        return None
    key = match.group("key").strip()
    value = text[match.end():].strip()
    return Slip(line, column, f"the text after '{key}:' contains ': ', which YAML reads as another key; "
                              f"put the whole text in double quotes: {key}: \"{value}\"")


def _indentation(problem, context, lines, line, column, context_at):
    deeper = "mapping values are not allowed here" in problem
    misaligned = problem.startswith("expected <block end>") and "'<scalar>'" not in problem
    if not (deeper or misaligned):
        return None
    text = _text(lines, line)
    indent = len(text) - len(text.lstrip(" "))
    key = (_KEY.match(text).group("key").strip() if _KEY.match(text) else text.strip().split(":")[0])
    above = _key_line_above(lines, line)
    if above is None:
        return None
    above_line, above_key, above_column = above
    if deeper:
        how = f"indented more than '{above_key}' on line {above_line}, so YAML reads it as more of that line's text"
    else:
        how = f"indented by {_spaces(indent)}, which lines up with no key above it"
    fix = f"indent it by {_spaces(above_column)}" if above_column else "start it at the beginning of the line"
    return Slip(line, indent + 1, f"'{key}' is {how}; {fix}, like '{above_key}'")


def _spaces(count: int) -> str:
    return f"{count} space{'s' * (count != 1)}"


def _key_line_above(lines: list[str], line: int):
    """The nearest key line above ``line``: its number, key, and the column its key starts at (0-based)."""
    for number in range(line - 1, 0, -1):
        match = _KEY.match(_text(lines, number))
        if match:
            start = len(match.group("indent")) + len(match.group("dash") or "")
            return number, match.group("key").strip(), start
    return None


def _unclosed(problem, context, lines, line, column, context_at):
    if context_at is None:
        return None
    if "quoted scalar" in context and "end of stream" in problem:
        quote = _text(lines, context_at[0])[context_at[1] - 1:context_at[1]] or '"'
        return Slip(*context_at, f"the text that starts with {quote} here is never closed; end it with {quote} "
                                 f"on the same line")
    if "flow sequence" in context:
        return Slip(*context_at, "the list that starts with '[' here is not closed; end it with ']' and "
                                 "separate its items with ', '")
    if "flow mapping" in context:
        return Slip(*context_at, "the '{' here is not closed with '}'")
    return None


def _duplicate(problem, context, lines, line, column, context_at):
    found = re.match(r'found duplicate key "(?P<key>[^"]*)"', problem)
    if not found:
        return None
    return Slip(line, column, f"'{found.group('key')}' is given twice here; keep one of the two")


def _second_document(problem, context, lines, line, column, context_at):
    if "another document" not in problem:
        return None
    return Slip(line, column, "a second document starts here with '---'; a file holds one: remove this line "
                              "and put what follows in a file of its own")


def _plain(message: str) -> str:
    for jargon, words in _JARGON.items():
        message = message.replace(jargon, words)
    return message
