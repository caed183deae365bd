"""Starting points a person edits: a new workshop content file, a new layout folder."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.labels import LABEL_KEYS, resolve_labels
from deckgen.languages import LANGUAGE_CODES
from deckgen.layout import LAYOUT_SPEC, load_layout
from deckgen.schema import Field, Mapping

_PHRASES = {
    "nl": {
        "title": "Titel van de vormingsdag",
        "subtitle": "Workshop: ondertitel",
        "authors": ["Voornaam Achternaam", "Tweede Auteur"],
        "venue": "Zaal, Gemeente",
        "model": "Naam van het werkmodel",
        "short": "Korte titel",
        "summary": "Wat het model inhoudt, in een korte zin",
        "example": "Een voorbeeldproject",
        "strength": "Een sterkte of kans",
        "weakness": "Een zwakte of bedreiging",
        "precondition": "Wat er nodig is om het te laten werken",
        "model_question": "Welke van deze randvoorwaarden zijn er in jouw organisatie?",
        "question": "Welk werkmodel past het best bij jouw doelgroep?",
        "source": "Auteur, A. (2024). *Titel van de publicatie*. Plaats: Uitgever.",
        "notes": "Wat de begeleider hierbij vertelt.",
    },
    "en": {
        "title": "Title of the study day",
        "subtitle": "Workshop: subtitle",
        "authors": ["First Author", "Second Author"],
        "venue": "Room, Town",
        "model": "Name of the work model",
        "short": "Short title",
        "summary": "What the model is, in one short sentence",
        "example": "An example project",
        "strength": "A strength or opportunity",
        "weakness": "A weakness or threat",
        "precondition": "What it needs to work",
        "model_question": "Which of these preconditions does your organisation meet?",
        "question": "Which work model suits your group best?",
        "source": "Author, A. (2024). *Title of the publication*. Place: Publisher.",
        "notes": "What the facilitator says here.",
    },
    "fr": {
        "title": "Titre de la journée d'étude",
        "subtitle": "Atelier : sous-titre",
        "authors": ["Prénom Nom", "Deuxième Auteur"],
        "venue": "Salle, Commune",
        "model": "Nom du modèle de travail",
        "short": "Titre court",
        "summary": "Ce que fait le modèle, en une phrase courte",
        "example": "Un projet exemplaire",
        "strength": "Une force ou opportunité",
        "weakness": "Une faiblesse ou menace",
        "precondition": "Ce qu'il faut pour que cela marche",
        "model_question": "Lesquelles de ces conditions votre organisation remplit-elle ?",
        "question": "Quel modèle de travail convient le mieux à votre public ?",
        "source": "Auteur, A. (2024). *Titre de la publication*. Lieu : Éditeur.",
        "notes": "Ce que l'animateur dit ici.",
    },
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def workshop_text(language: str) -> str:
    """A new content file with every key present and commented, in ``language``."""
    p = _PHRASES[language]
    labels = resolve_labels(language)
    authors = "\n".join(f"  - {_q(a)}" for a in p["authors"])
    label_lines = "\n".join(f"#  {key}: {_q(getattr(labels, key))}" for key in LABEL_KEYS)
    return f"""\
# A deckgen workshop. Build it with: deckgen build THIS_FILE
# Text may carry *italic* and **bold**; everything else is shown as typed.
# Editor completion: deckgen schema > deckgen-content.schema.json, then point your editor's
# YAML support at it (for example a first line "# yaml-language-server: $schema=deckgen-content.schema.json").

language: {language}              # {' | '.join(LANGUAGE_CODES)}: the labels and the date format
# layout: default         # the layout used when the command line names none
title: {_q(p["title"])}
subtitle: {_q(p["subtitle"])}     # optional
authors:                  # optional
{authors}
venue: {_q(p["venue"])}           # optional
date: 2025-01-31          # optional, YYYY-MM-DD
# overview: "..."         # optional heading of the overview slide
# image: pictures/day.jpg # optional PNG, JPEG or SVG for the title slide, cover card and handout cover

models:                   # at least one
  - name: {_q(p["model"] + " 1")}
    title: {_q(p["short"] + " 1")}   # optional shorter title for its slide and card
    # image:              # optional picture: its card's front, its overview tile, its analysis slide
    #   file: pictures/model-1.png     # PNG, JPEG or SVG, relative to this file's folder
    #   alt: "What the picture shows"  # for screen readers; without it the picture is decorative
    summary:
      - {_q(p["summary"])}
    examples:             # shown after "{labels.examples}", joined with ", "
      - {_q(p["example"])}
    strengths:            # left column of the analysis
      - {_q(p["strength"])}
    weaknesses:           # right column of the analysis
      - {_q(p["weakness"])}
    preconditions:        # one text, or a list joined with "; "
      - {_q(p["precondition"])}
    questions:            # optional: a discussion card each
      - {_q(p["model_question"])}
    notes: |              # optional speaker notes
      {p["notes"]}

  - name: {_q(p["model"] + " 2")}
    summary:
      - {_q(p["summary"])}
    strengths:
      - {_q(p["strength"])}
    weaknesses:
      - {_q(p["weakness"])}

questions:                # optional deck-wide discussion cards
  - {_q(p["question"])}

sources:                  # optional paragraphs of the closing slide
  - {_q(p["source"])}

# labels:                 # optional: your own words for the labels
{label_lines}
"""


def layout_text(name: str) -> str:
    """A new layout that extends default, every key present and commented with default's value."""
    default = load_layout("default")
    current = {
        "colors": vars(default.colors),
        "fonts": {"heading": default.fonts.heading, "body": default.fonts.body,
                  "files": ["fonts/MyFont-Regular.ttf", "fonts/MyFont-Bold.ttf"]},
        "logo": "logo.png",
        "footer": name,
        "labels": {"preconditions": resolve_labels("nl").preconditions},
        "slides": {"size": default.slides.size, "template": "template.pptx",
                   "min_font_size": default.slides.min_font_size, "pictures": vars(default.slides.pictures)},
        "cards": {"paper": default.cards.paper, "duplex": default.cards.duplex,
                  "bleed": f"{default.cards.bleed:g}mm", "crop_marks": default.cards.crop_marks,
                  "min_font_size": default.cards.min_font_size, "pictures": vars(default.cards.pictures)},
        "handout": {"paper": default.handout.paper, "pictures": default.handout.pictures},
    }
    lines = [
        f"# Layout {name!r}, made with `deckgen init layout`. Every key is optional: what this file",
        "# leaves out (or comments out) comes from the layout it extends. Remove the '#' before a key",
        "# (and before its section) to set it. Paths are relative to this folder.",
        "extends: default",
        f"description: {_q(name + ': house style')}",
    ]
    for key, field in LAYOUT_SPEC.fields.items():
        if key in ("extends", "description"):
            continue
        lines.append("")
        lines += _commented(key, field, current[key], indent="")
    return "\n".join(lines) + "\n"


def _commented(key: str, field: Field, value, indent: str) -> list[str]:
    spec = field.spec
    description = spec.description or getattr(getattr(spec, "item", None), "description", "")

    def line(text: str) -> str:
        return f"{text.ljust(31)} # {description}" if description else text

    if isinstance(spec, Mapping):
        lines = [line(f"# {indent}{key}:")]
        for child_key, child in spec.fields.items():
            if child_key in value:
                lines += _commented(child_key, child, value[child_key], indent + "  ")
        return lines
    if isinstance(value, list):
        return [line(f"# {indent}{key}:")] + [f"# {indent}  - {item}" for item in value]
    shown = _q(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else f"{value:g}"
    return [line(f"# {indent}{key}: {shown}")]


def new_workshop(name: str, language: str, folder: Path) -> Path:
    if language not in LANGUAGE_CODES:
        raise DeckgenError(f"language {language!r}: expected one of {', '.join(LANGUAGE_CODES)}")
    target = folder / (name if name.endswith((".yaml", ".yml")) else f"{name}.yaml")
    if target.exists():
        raise DeckgenError(f"{target} already exists; choose another name or remove it first")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(workshop_text(language), encoding="utf-8")
    return target


def new_layout(name: str, folder: Path) -> Path:
    target = folder / name
    if target.exists():
        raise DeckgenError(f"{target} already exists; choose another name or remove it first")
    target.mkdir(parents=True)
    (target / "layout.yaml").write_text(layout_text(name), encoding="utf-8")
    (target / "templates").mkdir()
    return target / "layout.yaml"
