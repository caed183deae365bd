"""A new workshop as an Excel workbook: `deckgen init workshop NAME --format xlsx`.

The same starting point as the YAML file `deckgen init workshop` writes (``deckgen.scaffold``): a title,
authors, a date, two example models to overwrite, a question and a source, written by
``deckgen.workbook_writer`` as every workbook deckgen writes."""

from __future__ import annotations

import datetime
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.languages import LANGUAGE_CODES
from deckgen.workbook_writer import content_workbook, save_workbook


def new_workbook(name: str, language: str, folder: Path) -> Path:
    """Write ``folder/NAME.xlsx``, a new workshop workbook in ``language``; never over an existing file."""
    if language not in LANGUAGE_CODES:
        raise DeckgenError(f"language {language!r}: expected one of {', '.join(LANGUAGE_CODES)}")
    target = folder / (name if name.lower().endswith(".xlsx") else f"{name}.xlsx")
    if target.exists():
        raise DeckgenError(f"{target} already exists; choose another name or remove it first")
    save_workbook(workbook(language), target)
    return target


def workbook(language: str):
    """The openpyxl Workbook of a new workshop in ``language``."""
    return content_workbook(example_content(language))


def example_content(language: str) -> dict:
    """The content mapping of a new workshop in ``language``: every kind of value once, to overwrite."""
    from deckgen.scaffold import _PHRASES

    p = _PHRASES[language]
    return {
        "language": language, "title": p["title"], "subtitle": p["subtitle"], "authors": list(p["authors"]),
        "venue": p["venue"], "date": datetime.date(2025, 1, 31),
        "models": [
            {"name": p["model"] + " 1", "title": p["short"] + " 1", "summary": [p["summary"]],
             "examples": [p["example"]], "strengths": [p["strength"]], "weaknesses": [p["weakness"]],
             "preconditions": [p["precondition"]], "questions": [p["model_question"]], "notes": p["notes"]},
            {"name": p["model"] + " 2", "summary": [p["summary"]], "strengths": [p["strength"]],
             "weaknesses": [p["weakness"]]},
        ],
        "questions": [p["question"]],
        "sources": [p["source"]],
    }
