"""The decks every client must open cleanly (PowerPoint, Keynote, LibreOffice, Google Slides): one per
kind of deck deckgen writes, for the validator and accessibility tests (tests/slides/conftest.py builds
each once per run, as ``client_deck(name)``)."""

from __future__ import annotations

import textwrap
import warnings
from pathlib import Path

from pptx import Presentation

from deckgen.content import load_workshop
from deckgen.layout import load_layout
from deckgen.resources import example_content
from deckgen.slides.template import TemplateWarning
from fixtures.org_nl import ORG_NL
from fixtures.pictures import picture_workshop
from slides_samples import french_content, small_content, write_layout, write_slides

# name -> what the deck is; the names are the tests' ids
DECKS = {
    "example": "the bundled example in the default layout",
    "example-buurtwerk": "the bundled example on buurtwerk's own master (layouts/buurtwerk/template.pptx), with a logo",
    "example-grootletter": "the bundled example in large type (grootletter)",
    "french": "French content with long sentences, accents and speaker notes on every analysis slide",
    "notes": "a small deck with speaker notes on one slide, a model without analysis, no subtitle or sources",
    "long": "a long deck with speaker notes: the overview, an analysis and the sources continue on further slides",
    "four-three": "the bundled example at 4:3",
    "org-nl": "the bundled example on the org-nl fixture's template (Dutch layout names, its own master shape)",
    "blank-template": "the bundled example on a template whose only slide layout is blank (no title placeholder)",
    "pictures": "four models with pictures (PNG, JPEG, SVG with its PNG fallback, one without alt text) and the "
                "workshop's own",
}


def long_content() -> str:
    """Twelve models (the overview continues), one of them with an analysis too long for one slide, and
    more sources than one slide holds."""
    lines = ["language: en", "title: A long deck", "subtitle: Every part of it continues", "models:"]
    for number in range(1, 13):
        count = 24 if number == 12 else 3
        lines += [f"  - name: Model number {number} for building networks",
                  "    summary: [People meet in a safe place, They learn from each other]",
                  "    examples: [Drop-in centres, Community kitchens]",
                  "    strengths:"]
        lines += [f"      - Strength number {i} with a few words of explanation" for i in range(count)]
        lines += ["    weaknesses:"]
        lines += [f"      - Weakness number {i} with a somewhat longer explanation of several words"
                  for i in range(count)]
        lines += ["    preconditions: [time, money, people]", f"    notes: Say something about model {number}."]
    lines += ["sources:"]
    lines += [f"  - \"Author{i}, A. (20{i:02d}). *A book with a rather long title, number {i}*. Leeds: Press.\""
              for i in range(40)]
    return "\n".join(lines) + "\n"


def build_deck(name: str, folder: Path) -> Path:
    """Write the deck ``name`` (a key of DECKS) into ``folder``, and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    example = load_workshop(example_content())

    def written(text: str):
        path = folder / f"{name}.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return load_workshop(path)

    if name == "example":
        workshop, layout = example, load_layout("default")
    elif name == "example-buurtwerk":
        workshop, layout = example, load_layout("buurtwerk")
    elif name == "example-grootletter":
        workshop, layout = example, load_layout("grootletter")
    elif name == "french":
        workshop, layout = written(french_content()), load_layout("default")
    elif name == "notes":
        workshop, layout = written(small_content()), load_layout("default")
    elif name == "long":
        workshop, layout = written(long_content()), load_layout("default")
    elif name == "four-three":
        workshop, layout = example, load_layout(str(write_layout(folder / "square", 'slides:\n  size: "4:3"\n')))
    elif name == "org-nl":
        workshop, layout = example, load_layout(str(ORG_NL))
    elif name == "blank-template":
        workshop, layout = example, load_layout(str(blank_template(folder / "blank")))
    elif name == "pictures":
        workshop, layout = load_workshop(picture_workshop(folder / "with-pictures")), load_layout("default")
    else:
        raise KeyError(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no deck but the blank template's falls back on anything
        if name == "blank-template":
            warnings.simplefilter("ignore", TemplateWarning)
        return write_slides(workshop, layout, folder / f"{name}.pptx")


def blank_template(folder: Path) -> Path:
    """A layout folder whose template has one slide layout, a blank one: deckgen adds the titles'
    placeholders itself."""
    folder.mkdir(parents=True, exist_ok=True)
    prs = Presentation()
    for slide_layout in list(prs.slide_layouts):
        if slide_layout.name != "Blank":
            prs.slide_layouts.remove(slide_layout)
    prs.save(folder / "leeg.pptx")
    return write_layout(folder, "slides:\n  template: leeg.pptx\n")
