"""Fixtures shared by every test: the bundled example, the default layout, content written on the fly.

Nothing here is imported by a test module: pytest hands these fixtures to the tests that name them.
Readers and content samples that tests import live in helper modules (cards/cards_helpers.py,
slides/deck_reading.py, slides/slides_samples.py).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from deckgen.content import load_workshop
from deckgen.layout import load_layout
from deckgen.resources import example_content

@pytest.fixture(scope="session")
def example_path() -> Path:
    return example_content()


@pytest.fixture(scope="session")
def example(example_path):
    return load_workshop(example_path)


@pytest.fixture(scope="session")
def default_layout():
    return load_layout("default")


@pytest.fixture
def write_content(tmp_path):
    """Writes YAML text (dedented) to a content file in a temporary folder and returns its path."""

    def write(text: str, name: str = "workshop.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def _english_content(models: int = 12, questions: bool = True) -> str:
    """A valid English workshop with ``models`` models, as YAML text."""
    lines = [
        "language: en",
        "title: \"Community work: *twelve* ways to build networks\"",
        "subtitle: A workshop for practitioners",
        "authors: [Ann Smith, Bob Jones]",
        "venue: Town Hall, Leeds",
        "date: 2024-03-01",
        "models:",
    ]
    for number in range(1, models + 1):
        lines += [
            f"  - name: Model number {number} for building networks",
            f"    title: Model {number}",
            "    summary: [People meet in a safe place, They learn from each other]",
            "    examples: [Drop-in centres, Community kitchens]",
            "    strengths: [Contact with others, Builds confidence, Low threshold, Free of charge]",
            "    weaknesses: [Volunteers come and go, Hard to keep going, Depends on funding, Takes time]",
            "    preconditions: [Good coaching, Recognition of volunteers]",
        ]
        if questions:
            lines.append(f"    questions: [Would model {number} work in your organisation?]")
    if questions:
        lines += ["questions:", "  - Which model suits your group best?"]
    lines += ["sources:", "  - \"Smith, A. (2023). *Networks that hold*. Leeds: Press.\""]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def english_content():
    """``english_content(models=12, questions=True)``: a valid English workshop with ``models`` models,
    each with a question unless ``questions`` is false, as YAML text."""
    return _english_content
