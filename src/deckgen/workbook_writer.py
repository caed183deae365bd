"""A content mapping written as an Excel workbook, laid out as ``deckgen.workbook`` reads it.

Both `deckgen init workshop NAME --format xlsx` (a new workshop) and `deckgen convert A.yaml B.xlsx` (an
existing one) write through ``content_workbook``, so a converted workbook looks like a new one: the sheets
workshop, models, questions and sources; bold headings that stay in view, each with a comment saying what
goes there; every workshop key and label on its own row, empty when the content leaves it out; a drop-down
list of the languages.

Every text is stored as text, also one that starts with ``=`` (which Excel would otherwise take for a
formula) or looks like a number; a date as a date cell; a duration as a number."""

from __future__ import annotations

import datetime
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.handout.words import WORD_KEYS, words
from deckgen.labels import resolve_labels
from deckgen.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_tag
from deckgen.workbook import MODEL_KEYS, WORKSHOP_KEYS

WORKSHOP_HELP = {
    "language": "The language of the labels and the date: " + ", ".join(LANGUAGE_CODES) + ".",
    "title": "The title of the event or workshop (required).",
    "subtitle": "The workshop's subtitle (optional).",
    "authors": "Names of the authors, one a line (Alt+Enter starts a new line in a cell).",
    "venue": "Where the workshop takes place (optional).",
    "date": "The day of the workshop: a date cell, or text as YYYY-MM-DD (optional).",
    "duration": "Minutes the whole workshop takes, for the facilitator's run sheet (optional).",
    "layout": "The layout to build with when the command line names none (optional).",
    "overview": "Heading of the overview slide (optional; default: the overview label).",
    "image": "A PNG, JPEG or SVG picture for the title slide and cover card: its path from this workbook's "
             "folder, e.g. pictures/group.jpg (optional).",
    "image alt": "What the picture shows, for screen readers (optional; without it the picture is decorative).",
}
MODEL_HELP = {
    "name": "The model's name (required): on its overview tile and card.",
    "title": "A shorter title for its analysis slide and card (optional; default: the name).",
    "summary": "Short bullets saying what the model is, one a line (Alt+Enter).",
    "examples": "Examples, one a line; shown after the examples label, joined with ', '.",
    "strengths": "Strengths and opportunities, one a line: the left column of its analysis slide.",
    "weaknesses": "Weaknesses and threats, one a line: the right column of its analysis slide.",
    "preconditions": "What the model needs to work, one a line: the row under its table.",
    "questions": "Discussion questions about this model, one a line: a card each.",
    "notes": "Speaker notes for its slides; line breaks are kept.",
    "duration": "Minutes this model takes in the workshop, for the facilitator's run sheet (optional).",
    "image": "A PNG, JPEG or SVG picture for its card, tile and slide: its path from this workbook's folder, "
             "e.g. pictures/bench.jpg (optional).",
    "image alt": "What the picture shows, for screen readers (optional; without it the picture is decorative).",
}
WIDTHS = {"name": 34, "title": 24, "summary": 40, "examples": 30, "strengths": 44, "weaknesses": 44,
          "preconditions": 40, "questions": 40, "notes": 40, "duration": 10,
          "image": 24, "image alt": 30}
EXTRA_SHEETS = {
    "questions": ("Discussion questions about the workshop as a whole: one a row, each a card.", 90),
    "sources": ("Paragraphs of the sources slide: one a row, for example a citation with its title in *italics*.",
                110),
}
MAX_CELL_CHARACTERS = 32_767  # what Excel keeps of a cell's text


def content_workbook(data: dict):
    """The openpyxl Workbook of the content mapping ``data`` (validated, as a YAML content file gives it)."""
    from openpyxl import Workbook

    book = Workbook()
    _workshop_sheet(book.active, _picture_columns(data))
    _models_sheet(book.create_sheet("models"), [_picture_columns(model) for model in data.get("models", ())])
    for name, (help_text, width) in EXTRA_SHEETS.items():
        _column_sheet(book.create_sheet(name), name, data.get(name, ()), help_text, width)
    return book


def _picture_columns(owner: dict) -> dict:
    """``owner`` with its ``image`` (a path, or ``{file, alt}``) in the two columns a workbook has for it:
    ``image`` (the path) and ``image alt``."""
    picture = owner.get("image")
    if not isinstance(picture, dict):
        return owner
    columns = {"image": str(picture["file"])} | ({"image alt": picture["alt"]} if picture.get("alt") else {})
    return {key: value for key, value in owner.items() if key != "image"} | columns


def save_workbook(book, target: Path, verify=None) -> None:
    """Save ``book`` to ``target`` at once: through a temporary file beside it, moved into place once
    ``verify(temporary_path)`` (when given) has read it back; nothing lands when that fails."""
    from deckgen.outputs import output_set

    with output_set(target.parent if str(target.parent) else Path(".")) as outputs:
        temp = outputs.temp_for(target)
        book.save(temp)
        if verify is not None:
            verify(temp)
        outputs.commit()


def _heading(cell, text: str, help_text: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    cell.value = text
    cell.font = Font(bold=True)
    cell.comment = Comment(help_text, "deckgen", width=300, height=110)


def _put(cell, value, key: str) -> None:
    """``value`` in ``cell`` as deckgen reads it back: items one a line, text as text, wrapped at the top."""
    from openpyxl.styles import Alignment

    if isinstance(value, (list, tuple)):
        value = "\n".join(value)
    if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
        raise DeckgenError(f"{key}: {len(value)} characters is more than an Excel cell holds "
                           f"({MAX_CELL_CHARACTERS}); shorten it, or keep this workshop in YAML")
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, also when the text starts with "="
    if isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _workshop_sheet(sheet, data: dict) -> None:
    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation

    code = (split_tag(data.get("language", DEFAULT_LANGUAGE)) or (DEFAULT_LANGUAGE,))[0]
    defaults = vars(resolve_labels(code)) | vars(words(code))
    sheet.title = "workshop"
    _heading(sheet["A1"], "key", "One row a key: the key in column A, its value in column B. Leave a value "
                                 "empty, or delete its row, to leave the key out.")
    _heading(sheet["B1"], "value", "Text may carry *italic* and **bold**.")
    given_labels = data.get("labels", {})
    # A row for every key and content label; one for a word of the handout only when the content sets it.
    rows = [key for key in WORKSHOP_KEYS if key[7:] not in WORD_KEYS or key[7:] in given_labels]
    for number, key in enumerate(rows, start=2):
        label = key[7:] if key.startswith("labels.") else None
        value = given_labels.get(label) if label else data.get(key)
        cell = sheet.cell(number, 1, key)
        help_text = WORKSHOP_HELP.get(key) or (f"Your own word for the label '{label}' (optional); default: "
                                               f"{defaults[label]!r}.")
        cell.comment = Comment(help_text, "deckgen", width=300, height=90)
        value_cell = sheet.cell(number, 2)
        _put(value_cell, value, key)
        if key == "date":
            value_cell.number_format = "yyyy-mm-dd"
        if key == "language":
            choice = DataValidation(type="list", formula1=f'"{",".join(LANGUAGE_CODES)}"', allow_blank=True,
                                    showErrorMessage=True, errorTitle="language",
                                    error="Choose one of " + ", ".join(LANGUAGE_CODES) + ".")
            sheet.add_data_validation(choice)
            choice.add(value_cell)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 70
    sheet.freeze_panes = "A2"


def _models_sheet(sheet, models) -> None:
    for index, key in enumerate(MODEL_KEYS, start=1):
        _heading(sheet.cell(1, index), key, MODEL_HELP[key])
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = WIDTHS[key]
    for row, model in enumerate(models, start=2):
        for index, key in enumerate(MODEL_KEYS, start=1):
            _put(sheet.cell(row, index), model.get(key), f"models[{row - 2}].{key}")
    sheet.freeze_panes = "B2"


def _column_sheet(sheet, name: str, texts, help_text: str, width: int) -> None:
    _heading(sheet["A1"], name[:-1], help_text)
    for row, text in enumerate(texts, start=2):
        _put(sheet.cell(row, 1), text, f"{name}[{row - 2}]")
    sheet.column_dimensions["A"].width = width
    sheet.freeze_panes = "A2"

