"""A new workshop as an Excel workbook: `deckgen init workshop NAME --format xlsx`.

The same starting point as the YAML file `deckgen init workshop` writes (``deckgen.scaffold``), laid out as
``deckgen.workbook`` reads it: the sheets workshop, models, questions and sources, bold headings that stay
in view, a comment on each heading saying what goes there, a drop-down list of the languages, and two
example models to overwrite."""

from __future__ import annotations

import datetime
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.labels import LABEL_KEYS, resolve_labels
from deckgen.languages import LANGUAGE_CODES

WORKSHOP_HELP = {
    "language": "The language of the labels and the date: " + ", ".join(LANGUAGE_CODES) + ".",
    "title": "The title of the event or workshop (required).",
    "subtitle": "The workshop's subtitle (optional).",
    "authors": "Names of the authors, one a line (Alt+Enter starts a new line in a cell).",
    "venue": "Where the workshop takes place (optional).",
    "date": "The day of the workshop: a date cell, or text as YYYY-MM-DD (optional).",
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
    "image": "A PNG, JPEG or SVG picture for its card, tile and slide: its path from this workbook's folder, "
             "e.g. pictures/bench.jpg (optional).",
    "image alt": "What the picture shows, for screen readers (optional; without it the picture is decorative).",
}
WIDTHS = {"name": 34, "title": 24, "summary": 40, "examples": 30, "strengths": 44, "weaknesses": 44,
          "preconditions": 40, "questions": 40, "notes": 40, "image": 24, "image alt": 30}


def new_workbook(name: str, language: str, folder: Path) -> Path:
    """Write ``folder/NAME.xlsx``, a new workshop workbook in ``language``; never over an existing file."""
    from deckgen.outputs import output_set

    if language not in LANGUAGE_CODES:
        raise DeckgenError(f"language {language!r}: expected one of {', '.join(LANGUAGE_CODES)}")
    target = folder / (name if name.lower().endswith(".xlsx") else f"{name}.xlsx")
    if target.exists():
        raise DeckgenError(f"{target} already exists; choose another name or remove it first")
    book = workbook(language)
    with output_set(target.parent) as outputs:
        temp = outputs.temp_for(target)
        book.save(temp)
        outputs.commit()
    return target


def workbook(language: str):
    """The openpyxl Workbook of a new workshop in ``language``."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from deckgen.scaffold import _PHRASES

    p = _PHRASES[language]
    labels = resolve_labels(language)
    book = Workbook()
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def heading(cell, text: str, help_text: str) -> None:
        cell.value = text
        cell.font = bold
        cell.comment = Comment(help_text, "deckgen", width=300, height=110)

    sheet = book.active
    sheet.title = "workshop"
    heading(sheet["A1"], "key", "One row a key: the key in column A, its value in column B. Leave a value "
                                "empty, or delete its row, to leave the key out.")
    heading(sheet["B1"], "value", "Text may carry *italic* and **bold**.")
    rows = [
        ("language", language), ("title", p["title"]), ("subtitle", p["subtitle"]),
        ("authors", "\n".join(p["authors"])), ("venue", p["venue"]), ("date", datetime.date(2025, 1, 31)),
        ("layout", None), ("overview", None), ("image", None), ("image alt", None),
    ]
    rows += [(f"labels.{key}", None) for key in LABEL_KEYS]
    for number, (key, value) in enumerate(rows, start=2):
        cell = sheet.cell(number, 1, key)
        help_text = WORKSHOP_HELP.get(key) or (f"Your own word for the label '{key[7:]}' (optional); default: "
                                               f"{getattr(labels, key[7:])!r}.")
        cell.comment = Comment(help_text, "deckgen", width=300, height=90)
        value_cell = sheet.cell(number, 2, value)
        value_cell.alignment = wrap
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

    models = book.create_sheet("models")
    for index, key in enumerate(MODEL_HELP, start=1):
        heading(models.cell(1, index), key, MODEL_HELP[key])
        models.column_dimensions[models.cell(1, index).column_letter].width = WIDTHS[key]
    examples = [
        {"name": p["model"] + " 1", "title": p["short"] + " 1", "summary": p["summary"], "examples": p["example"],
         "strengths": p["strength"], "weaknesses": p["weakness"], "preconditions": p["precondition"],
         "questions": p["model_question"], "notes": p["notes"]},
        {"name": p["model"] + " 2", "summary": p["summary"], "strengths": p["strength"],
         "weaknesses": p["weakness"]},
    ]
    for row, model in enumerate(examples, start=2):
        for index, key in enumerate(MODEL_HELP, start=1):
            models.cell(row, index, model.get(key)).alignment = wrap
    models.freeze_panes = "B2"

    for name, text, help_text, width in (
        ("questions", p["question"], "Discussion questions about the workshop as a whole: one a row, each a card.",
         90),
        ("sources", p["source"], ("Paragraphs of the sources slide: one a row, for example a citation with its "
                                 "title in *italics*."), 110),
    ):
        extra = book.create_sheet(name)
        heading(extra["A1"], name[:-1], help_text)
        extra["A2"] = text
        extra["A2"].alignment = wrap
        extra.column_dimensions["A"].width = width
        extra.freeze_panes = "A2"
    return book
