"""Helpers for the cards tests: building cards from YAML text, and reading PDFs back."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from deckgen.build import write
from deckgen.builders import builder
from deckgen.content import load_located
from deckgen.layout import load_layout
from deckgen.printing import PrintOptions
from deckgen.project import assemble

PT = 25.4 / 72  # mm per point


def token_content(models: int = 5) -> str:
    """A workshop whose every model has unique words on its front and back, for finding them on sheets."""
    lines = ["language: en", "title: Token workshop", "subtitle: Finding cards", "authors: [Ann Smith]",
             "venue: Town Hall", "date: 2024-03-01", "models:"]
    for n in range(1, models + 1):
        lines += [
            f"  - name: Frontword{n}",
            f"    summary: [Summaryword{n} is on the front]",
            "    examples: [One example]",
            f"    strengths: [Backword{n}, Another strength]",
            "    weaknesses: [A weakness]",
            "    preconditions: [A precondition]",
        ]
    lines += ["questions: [Which one do you like?]"]
    return "\n".join(lines) + "\n"


def build(folder: Path, content: str, layout="default", options: PrintOptions = PrintOptions(),
          name: str = "workshop"):
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.yaml"
    source.write_text(textwrap.dedent(content), encoding="utf-8")
    workshop, sources = load_located(source)
    layout = load_layout(layout) if isinstance(layout, str) else layout
    return workshop, write_cards(workshop, layout, folder, options, sources)


def write_cards(workshop, layout, folder: Path, options: PrintOptions = PrintOptions(),
                sources=None) -> dict[str, Path]:
    """The cards of ``workshop`` in ``layout`` written through the cards builder into ``folder``; their paths
    by kind (``sheets.pdf``, ``single.pdf``, ``cards.html``)."""
    project = assemble(workshop, layout, folder, print_options=options, sources=sources)
    write(project, ("cards",))
    files = builder("cards").outputs(project.names)
    return {"sheets.pdf": files["sheets"], "single.pdf": files["single"], "cards.html": files["html"]}


def page_text(path: Path) -> list[str]:
    """Each page's text with its whitespace collapsed."""
    with pdfplumber.open(path) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def slot_texts(path: Path) -> list[str]:
    """The text of each card slot of each sheet (pdfplumber would run neighbouring cards' lines together)."""
    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            width, height = float(page.width), float(page.height)
            columns, rows = round(width * PT // 105), round(height * PT // 148)
            for row in range(rows):
                for column in range(columns):
                    box = (column * 105 / PT, row * height / rows, (column + 1) * 105 / PT, (row + 1) * height / rows)
                    text = page.within_bbox(box).extract_text() or ""
                    texts.append(" ".join(text.split()))
    return texts


def word_positions(path: Path) -> dict[str, list[tuple[int, float, float]]]:
    """Where each word stands: (page index, x mm, y mm from the top) of its top-left corner."""
    found: dict[str, list] = {}
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            for word in page.extract_words():
                found.setdefault(word["text"], []).append((index, word["x0"] * PT, word["top"] * PT))
    return found


def boxes_mm(path: Path, index: int = 0) -> dict[str, tuple[float, float]]:
    page = PdfReader(path).pages[index]
    return {name: (round(float(box.width) * PT, 1), round(float(box.height) * PT, 1))
            for name, box in (("media", page.mediabox), ("trim", page.trimbox), ("bleed", page.bleedbox))}
