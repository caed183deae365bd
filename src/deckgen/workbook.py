"""A workshop kept in an Excel workbook (.xlsx) instead of a YAML file: `deckgen build workshop.xlsx`.

The workbook has four sheets (docs/content-format.md, "A workbook as the source"):

- ``workshop``: one row a key (column A) and its value (column B): ``language``, ``title``, ``subtitle``,
  ``authors``, ``venue``, ``date``, ``duration``, ``layout``, ``overview``, and ``labels.strengths`` and the
  other labels;
- ``models``: a row of headings (``name``, ``title``, ``summary``, ``examples``, ``strengths``,
  ``weaknesses``, ``preconditions``, ``questions``, ``notes``, ``duration``), then one row a model;
- ``questions`` and ``sources``: a heading, then one text a row in column A.

A cell holds several items (authors, a model's bullets) one a line (Alt+Enter in Excel); ``notes`` keep
their lines. The workbook is read into the very mapping a YAML content file gives, validated by the same
``CONTENT_SPEC``, and every problem is told at its cell: ``workshop.xlsx:models!D4: strengths: ...``.

openpyxl reads and writes the workbook: it is pure Python, reads .xlsx without Excel or LibreOffice, and
writes the headings' comments and the language's drop-down list that ``deckgen init workshop NAME --format
xlsx`` puts in a new workbook. Before openpyxl unpacks anything, the zip directory is judged as a deck's
is (``deckgen.importer.package.size_problem``): a zip bomb is refused unopened."""

from __future__ import annotations

import datetime
import difflib
import re
import zipfile
from pathlib import Path

from deckgen.errors import DeckgenError, InvalidInput, Problem
from deckgen.handout.words import WORD_KEYS
from deckgen.labels import LABEL_KEYS
from deckgen.model import Workshop
from deckgen.sourcemap import SourceMap

SUFFIXES = (".xlsx", ".xlsm")
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_WORKBOOK_INFLATED = 100 * 1024 * 1024
MAX_ROWS = 5000  # of any sheet: some 2000 models is what a 2 MB YAML file holds
SHEETS = ("workshop", "models", "questions", "sources")
MODEL_KEYS = ("name", "title", "summary", "examples", "strengths", "weaknesses", "preconditions", "questions",
              "notes", "duration", "image", "image alt")
# Keys whose cell holds one item a line; the others hold one text (line breaks become spaces, but in notes).
LIST_KEYS = {"authors", "summary", "examples", "strengths", "weaknesses", "preconditions", "questions"}
WORKSHOP_KEYS = ("language", "title", "subtitle", "authors", "venue", "date", "duration", "layout", "overview",
                 "image", "image alt", *(f"labels.{key}" for key in (*LABEL_KEYS, *WORD_KEYS)))
_LINES = re.compile(r"\r\n|\r|\n|\x0b")


def is_workbook(path: Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


class WorkbookMap(SourceMap):
    """Key paths to the cells their values stand in: ``("models!D4", None)``, so that a problem located
    with it (``Project.locate``) is told as ``workshop.xlsx:models!D4: ...``."""


class _Cells:
    """Where each key path of the mapping read from the workbook came from, and how it is named there."""

    def __init__(self):
        self.cells: dict[str, str] = {}  # key path: "models!D4"
        self.names: dict[str, str] = {}  # key path: what the sheet calls it ("strengths")
        self.items: dict[str, int] = {}  # key path of a list item: its line in the cell, when it has several

    def put(self, path: str, cell: str, name: str) -> None:
        self.cells[path] = cell
        self.names[path] = name

    def find(self, path: str) -> tuple[str | None, str, int | None]:
        """(cell, name, line in the cell) of ``path`` or its nearest parent that has a cell."""
        line = self.items.get(path)
        while path:
            if path in self.cells:
                return self.cells[path], self.names[path], line
            path = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", path)
        return None, "", line


def load_workbook_located(path: Path | str) -> tuple[Workshop, SourceMap]:
    """The workshop in the workbook at ``path`` and the cell of each of its values; InvalidInput naming the
    cell of every problem."""
    from deckgen.content import build_workshop

    data, cells = load_workbook_data(path)
    return build_workshop(data, Path(path)), cells


def load_workbook_data(path: Path | str) -> tuple[dict, SourceMap]:
    """The validated content mapping of the workbook at ``path`` and the cell of each of its values."""
    from deckgen.content import CONTENT_SPEC
    from deckgen.schema import validate

    path = Path(path)
    data, cells, problems = read_workbook(path)
    try:
        checked = validate(data, CONTENT_SPEC, path, base=path.parent.absolute())
    except InvalidInput as invalid:
        problems += [_at_cell(path, problem, cells) for problem in invalid.problems]
    if problems:
        raise InvalidInput(problems)
    positions = {key: (cell, None) for key, cell in cells.cells.items()}
    positions[""] = ("workshop!A1", None)
    return checked, WorkbookMap(positions)


def _at_cell(path: Path, problem: Problem, cells: _Cells) -> Problem:
    cell, name, line = cells.find(problem.key_path)
    message = problem.message
    if line is not None:
        message = f"line {line} of the cell: {message}"
    if cell is None:
        return Problem(path, None, None, problem.key_path, message)
    return Problem(path, cell, None, name, message)


def read_workbook(path: Path) -> tuple[dict, _Cells, list[Problem]]:
    """The content mapping a workbook holds (as a YAML content file would), where each value stands, and
    the problems of the sheets themselves (an unknown heading or key, a key given twice)."""
    why = workbook_problem(path)
    if why:
        raise _invalid(path, why)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 -- openpyxl raises zipfile, KeyError, ValueError and XML errors
        raise _invalid(path, f"cannot be read as an Excel workbook ({error}); open it in Excel or LibreOffice "
                             "Calc and save it as .xlsx") from None
    try:
        sheets = {sheet.title.strip().casefold(): sheet for sheet in book.worksheets}
        problems: list[Problem] = []
        cells = _Cells()
        data: dict = {}
        if "workshop" not in sheets or "models" not in sheets:
            missing = [name for name in ("workshop", "models") if name not in sheets]
            raise _invalid(path, f"the workbook has no sheet called {' or '.join(repr(m) for m in missing)}; it "
                                 f"needs the sheets {', '.join(SHEETS)} (deckgen init workshop NAME --format xlsx "
                                 "writes one)")
        _workshop_sheet(path, sheets["workshop"], data, cells, problems)
        _models_sheet(path, sheets["models"], data, cells, problems)
        for name in ("questions", "sources"):
            if name in sheets:
                _column_sheet(sheets[name], name, data, cells)
        _pictures(data, cells)
        return data, cells, problems
    finally:
        book.close()


def workbook_problem(path: Path) -> str | None:
    """Why ``path`` is no workbook to read, judged before anything is unpacked; None when it may be."""
    from deckgen.importer.package import OLE_SIGNATURE, file_head, size_problem

    read = file_head(path, "workbook", "workbook", "an Excel workbook (.xlsx)", MAX_WORKBOOK_BYTES)
    if isinstance(read, str):
        return read
    _, head = read
    if head == OLE_SIGNATURE:
        return ("is protected with a password or an old Excel 97-2003 file (.xls); remove the password or save it "
                "as .xlsx in Excel or LibreOffice Calc")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "is not an Excel workbook (.xlsx), or it is damaged; save it as .xlsx in Excel or LibreOffice Calc"
    if "xl/workbook.xml" not in {entry.filename for entry in entries}:
        return "is not an Excel workbook (.xlsx)"
    return size_problem(entries, "a workbook", MAX_WORKBOOK_INFLATED)


def _rows(sheet):
    """(row number, values) of every row that holds something, at most MAX_ROWS of them."""
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise DeckgenError(f"the sheet '{sheet.title}' has more than {MAX_ROWS} rows; that is more than a "
                               "workshop holds")
        if any(_blank(value) is not None for value in row):
            yield number, list(row)


def _blank(value):
    """None for an empty cell (also one of spaces only)."""
    if value is None or isinstance(value, str) and not value.strip():
        return None
    return value


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _value(value, key: str, path: str, cell: str, cells: _Cells):
    """A cell's value as the YAML loader would give it: text (numbers as typed), a date, or a list of one
    item a line for the keys that hold several."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value if key == "date" else value.isoformat()
    if isinstance(value, bool):
        return value  # the schema says what it expected
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if key == "duration":  # minutes: a number cell, or a number typed as text
        return int(value.strip()) if isinstance(value, str) and value.strip().isdigit() else value
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return str(value)
    if key in LIST_KEYS:
        lines = [line.strip() for line in _LINES.split(value)]
        items = [line for line in lines if line]
        if len(items) > 1:
            for index, line_number in enumerate(i + 1 for i, line in enumerate(lines) if line):
                cells.items[f"{path}[{index}]"] = line_number
        return items
    if key == "notes":
        return "\n".join(line.rstrip() for line in _LINES.split(value)).strip()
    return value.strip()


def _workshop_sheet(path: Path, sheet, data: dict, cells: _Cells, problems: list[Problem]) -> None:
    for number, row in _rows(sheet):
        key = str(row[0]).strip() if row and _blank(row[0]) is not None else ""
        value = _blank(row[1]) if len(row) > 1 else None
        if number == 1 and key.casefold() in ("key", "sleutel", "clé", "cle"):
            continue  # the heading row
        if not key:
            problems.append(Problem(path, f"{sheet.title}!A{number}", None, "",
                                    "a value without a key in column A; write the key (title, authors, ...)"))
            continue
        if value is None:
            continue  # a key with nothing after it: not given, as in YAML
        cell = f"{sheet.title}!B{number}"
        folded = key.casefold()
        if folded not in WORKSHOP_KEYS:
            close = difflib.get_close_matches(folded, WORKSHOP_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(WORKSHOP_KEYS)
            problems.append(Problem(path, f"{sheet.title}!A{number}", None, key, f"unknown key; {hint}"))
            continue
        if folded in data or folded.startswith("labels.") and folded[7:] in data.get("labels", {}):
            problems.append(Problem(path, f"{sheet.title}!A{number}", None, key,
                                    "this key is given twice; keep one row of it"))
            continue
        if folded.startswith("labels."):
            label = folded[7:]
            data.setdefault("labels", {})[label] = _value(value, folded, folded, cell, cells)
            cells.put("labels", f"{sheet.title}!A{number}", "labels")
            cells.put(folded, cell, folded)
        else:
            data[folded] = _value(value, folded, folded, cell, cells)
            cells.put(folded, cell, folded)


def _models_sheet(path: Path, sheet, data: dict, cells: _Cells, problems: list[Problem]) -> None:
    rows = list(_rows(sheet))
    models: list[dict] = []
    data["models"] = models
    cells.put("models", f"{sheet.title}!A1", "models")
    if not rows:
        return
    heading_row, headings = rows[0]
    columns: dict[int, str] = {}
    for index, heading in enumerate(headings):
        if _blank(heading) is None:
            continue
        key = str(heading).strip().casefold()
        if key not in MODEL_KEYS:
            close = difflib.get_close_matches(key, MODEL_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "known headings: " + ", ".join(MODEL_KEYS)
            problems.append(Problem(path, f"{sheet.title}!{_letter(index)}{heading_row}", None, str(heading).strip(),
                                    f"unknown heading; {hint}"))
        elif key in columns.values():
            problems.append(Problem(path, f"{sheet.title}!{_letter(index)}{heading_row}", None, key,
                                    "this heading is given twice; keep one column of it"))
        else:
            columns[index] = key
    if "name" not in columns.values():
        problems.append(Problem(path, f"{sheet.title}!A{heading_row}", None, "name",
                                "the first row needs the headings of the models' keys, at least 'name'"))
        return
    for number, row in rows[1:]:
        model: dict = {}
        model_path = f"models[{len(models)}]"
        name_column = next(index for index, key in columns.items() if key == "name")
        cells.put(model_path, f"{sheet.title}!{_letter(name_column)}{number}", "name")
        for index, key in columns.items():
            value = _blank(row[index]) if index < len(row) else None
            if value is None:
                continue
            cell = f"{sheet.title}!{_letter(index)}{number}"
            key_path = f"{model_path}.{key}"
            model[key] = _value(value, key, key_path, cell, cells)
            cells.put(key_path, cell, key)
        models.append(model)


def _pictures(data: dict, cells: _Cells) -> None:
    """The columns ``image`` and ``image alt`` (of the workshop and of each model) as the content's
    ``image`` key: the path alone, or ``{file: ..., alt: ...}`` when an alt text is given."""
    for owner, path in [(data, "")] + [(model, f"models[{index}].") for index, model in enumerate(data["models"])]:
        if "image alt" not in owner:
            continue
        alt, cell = owner.pop("image alt"), cells.cells.pop(f"{path}image alt")
        owner["image"] = {"file": owner.get("image"), "alt": alt}
        if f"{path}image" in cells.cells:
            cells.put(f"{path}image.file", cells.cells[f"{path}image"], "image")
        else:  # an alt text without a picture: told at the alt text's cell
            cells.put(f"{path}image", cell, "image")
        cells.put(f"{path}image.alt", cell, "image alt")


def _column_sheet(sheet, name: str, data: dict, cells: _Cells) -> None:
    texts: list[str] = []
    for number, row in _rows(sheet):
        value = _blank(row[0]) if row else None
        if value is None or number == 1 and str(value).strip().casefold() in (name, name.rstrip("s"), "vraag",
                                                                              "vragen", "bron", "bronnen"):
            continue
        key_path = f"{name}[{len(texts)}]"
        texts.append(_value(value, name[:-1], key_path, f"{sheet.title}!A{number}", cells))
        cells.put(key_path, f"{sheet.title}!A{number}", name)
    if texts:
        data[name] = texts
        cells.put(name, f"{sheet.title}!A1", name)


def _invalid(path: Path, message: str) -> InvalidInput:
    return InvalidInput([Problem(path, None, None, "", message)])
