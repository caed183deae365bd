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
    "de": {
        "title": "Titel des Studientages",
        "subtitle": "Workshop: Untertitel",
        "authors": ["Vorname Nachname", "Zweite Autorin"],
        "venue": "Saal, Gemeinde",
        "model": "Name des Arbeitsmodells",
        "short": "Kurztitel",
        "summary": "Was das Modell ausmacht, in einem kurzen Satz",
        "example": "Ein Beispielprojekt",
        "strength": "Eine Stärke oder Chance",
        "weakness": "Eine Schwäche oder ein Risiko",
        "precondition": "Was es braucht, damit es funktioniert",
        "model_question": "Welche dieser Rahmenbedingungen gibt es in Ihrer Organisation?",
        "question": "Welches Arbeitsmodell passt am besten zu Ihrer Zielgruppe?",
        "source": "Autor, A. (2024). *Titel der Veröffentlichung*. Ort: Verlag.",
        "notes": "Was die Moderation hier erzählt.",
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


def layout_text(name: str, resolved=None, active: tuple[str, ...] = ()) -> str:
    """A new layout that extends default, every key present and commented with the value it has
    (``resolved``, a Layout; default's when None); the sections ``active`` holds as text are written first,
    not commented."""
    default = resolved or load_layout("default")
    current = {
        "colors": dict(vars(default.colors)),
        "fonts": {"heading": default.fonts.heading, "body": default.fonts.body,
                  "files": ["fonts/MyFont-Regular.ttf", "fonts/MyFont-Bold.ttf"]},
        "logo": "logo.png",
        "footer": name,
        "labels": {"preconditions": resolve_labels("nl").preconditions},
        "slides": {"size": default.slides.size, "template": "template.pptx",
                   "min_font_size": default.slides.min_font_size, "pictures": vars(default.slides.pictures)},
        "cards": {"paper": default.cards.paper, "duplex": default.cards.duplex,
                  "bleed": f"{default.cards.bleed:g}mm", "crop_marks": default.cards.crop_marks,
                  "print_shop": default.cards.print_shop,
                  "min_font_size": default.cards.min_font_size, "pictures": vars(default.cards.pictures)},
        "handout": {"paper": default.handout.paper, "pictures": default.handout.pictures},
    }
    lines = [
        f"# Layout {name!r}, made with `deckgen init layout`. Every key is optional: what this file",
        "# leaves out (or comments out) comes from the layout it extends. Remove the '#' before a key",
        "# (and before its section) to set it. Paths are relative to this folder.",
        "extends: default",
        f"description: {_q(name + ': house style')}",
        *active,
    ]
    for key, field in LAYOUT_SPEC.fields.items():
        if key in ("extends", "description") or any(text.startswith(f"{key}:") for text in active):
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


def new_layout(name: str, folder: Path, template: Path | None = None) -> Path:
    """Write ``folder/NAME/layout.yaml`` (and an empty templates/ folder). With ``template``, the layout
    uses that PowerPoint file (copied in as template.pptx) and takes its colours and fonts from its theme;
    the open twins of the theme's fonts that deckgen ships are copied into fonts/ for the cards."""
    import shutil

    target = folder / name
    if target.exists():
        raise DeckgenError(f"{target} already exists; choose another name or remove it first")
    if template is not None:
        _check_template(template)
    target.mkdir(parents=True)
    try:
        (target / "templates").mkdir()
        if template is None:
            (target / "layout.yaml").write_text(layout_text(name), encoding="utf-8")
            return target / "layout.yaml"
        shutil.copyfile(template, target / "template.pptx")
        active = ["slides:", "  template: template.pptx       # the master, and the theme's colours and fonts"]
        files = _twin_files(target)
        if files:
            active += ["fonts:", "  files:                        # open twins of the theme's fonts, from deckgen",
                       *(f"    - {path}" for path in files)]
        (target / "layout.yaml").write_text("\n".join(["extends: default", *active]) + "\n", encoding="utf-8")
        resolved = load_layout(str(target.absolute()))
        header = [f"# The colours and fonts not set here come from the theme of template.pptx ({template.name}):",
                  *(f"#   {key}: {getattr(getattr(resolved, key.split('.')[0]), key.split('.')[1])}"
                    for key in resolved.from_theme),
                  "# Set one below (remove its '#') to use another; docs/layout-format.md says how they are chosen."]
        (target / "layout.yaml").write_text(layout_text(name, resolved, tuple(active)).replace(
            "\nextends: default\n", "\n" + "\n".join(header) + "\nextends: default\n", 1), encoding="utf-8")
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # nothing half made is left behind
        raise
    return target / "layout.yaml"


def _check_template(template: Path) -> None:
    from deckgen.layout.files import template_problem

    if template.suffix.lower() != ".pptx" or not template.is_file():
        raise DeckgenError(f"{template}: expected a PowerPoint file (.pptx)"
                           + ("" if template.exists() else ", and there is no such file"))
    problem = template_problem(template)
    if problem:
        raise DeckgenError(f"{template}: {problem}")


def _twin_files(target: Path) -> list[str]:
    """Copy into ``target``/fonts the shipped font files of the theme's fonts or of their open twins, when the
    default layout's files do not serve them already; the paths to list under fonts.files."""
    import shutil

    from deckgen.fonts import OPEN_TWINS, layout_faces
    from deckgen.layout.theme import read_theme
    from deckgen.resources import bundled

    theme = read_theme(target / "template.pptx")
    families = dict.fromkeys(theme.layout_fonts().values()) if theme else {}
    wanted = {(OPEN_TWINS.get(family.casefold()) or family).casefold() for family in families}
    default_files = load_layout("default").fonts.files
    if not wanted or wanted <= {face.family.casefold() for face in layout_faces(default_files)}:
        return []
    shipped = sorted(bundled("layouts").glob("*/fonts/*.[ot]tf"))
    chosen = sorted((face for face in layout_faces(shipped) if face.family.casefold() in wanted),
                    key=lambda face: (face.family, face.bold, face.italic))  # regular, italic, bold, bold italic
    if not chosen:
        return []
    (target / "fonts").mkdir()
    listed = []
    for face in chosen:
        shutil.copyfile(face.path, target / "fonts" / face.path.name)
        licence = face.path.parent / "OFL.txt"
        if licence.is_file() and not (target / "fonts" / "OFL.txt").exists():
            shutil.copyfile(licence, target / "fonts" / "OFL.txt")
        listed.append(f"fonts/{face.path.name}")
    return listed
