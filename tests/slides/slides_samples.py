"""Content and layouts for the slides tests, written as real files: French, long, tiny, 4:3, templates."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

from deckgen.build import write
from deckgen.builders import builder
from deckgen.project import assemble


def write_slides(workshop, layout, target: Path) -> Path:
    """The deck of ``workshop`` in ``layout``, written through the slides builder to ``target``."""
    target = Path(target)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        (deck,) = write(assemble(workshop, layout, Path(scratch)), ("slides",))
        os.replace(deck, target)
    return target


def check_slides(workshop, layout) -> list:
    """The problems the slides builder reports for ``workshop`` in ``layout``."""
    return builder("slides").check(assemble(workshop, layout))

LONG_FR = ("Les bénévoles accompagnent les familles dans leurs démarches administratives, souvent "
           "longues et décourageantes, et créent ainsi un lien de confiance durable à côté de l'aide")


def french_content(models: int = 5) -> str:
    """A French workshop whose bullets are long sentences with accents."""
    lines = [
        "language: fr",
        "title: \"Journée d'étude : renforcer les réseaux *fragiles* des personnes en situation de pauvreté\"",
        "subtitle: \"Atelier : modèles de travail pour le renforcement des réseaux personnels\"",
        "authors: [Élodie Lefèvre, François Dubœuf, Chloé Nguyễn]",
        "venue: \"Maison des associations, Liège\"",
        "date: 2023-10-01",
        "models:",
    ]
    for number in range(1, models + 1):
        lines += [
            f"  - name: \"Renforcement du réseau par l'intermédiaire d'une organisation n° {number}\"",
            "    summary:",
            f"      - \"{LONG_FR}\"",
            "      - Activités organisées avec des bénévoles du quartier",
            "    examples: [Maisons de quartier, Restaurants sociaux, Écoles de devoirs]",
            "    strengths:",
        ]
        lines += [f"      - \"{LONG_FR} ({i})\"" for i in range(1, 5)]
        lines += ["    weaknesses:"]
        lines += [f"      - \"Les bénévoles vont et viennent, et l'accompagnement s'arrête ({i})\""
                  for i in range(1, 5)]
        lines += [f"    preconditions: [\"{LONG_FR}\", reconnaissance des bénévoles, remboursement des frais]",
                  "    notes: Rappeler les exemples du matin."]
    lines += ["sources:", "  - \"Dupont, M. (2022). *Réseaux et pauvreté*. Liège : Presses.\""]
    return "\n".join(lines) + "\n"


def long_model_content(count: int = 30, language: str = "nl") -> str:
    """One model whose analysis cannot fit one slide even at the smallest size."""
    lines = [f"language: {language}", "title: Lange analyse", "models:",
             "  - name: Een model met heel veel punten", "    strengths:"]
    lines += [f"      - Sterkte nummer {i} met een uitleg van enkele woorden erbij" for i in range(count)]
    lines += ["    weaknesses:"]
    lines += [f"      - Zwakte nummer {i} met een iets langere uitleg van meerdere woorden" for i in range(count)]
    lines += ["    preconditions: [tijd, geld, mensen]", "    notes: Neem je tijd."]
    return "\n".join(lines) + "\n"


def impossible_content() -> str:
    """One bullet so long that no slide can hold it at any allowed size."""
    word = "lange tekst zonder einde "
    return textwrap.dedent(f"""\
        title: Te veel
        models:
          - name: Het model
            strengths:
              - "{word * 400}"
        """)


def small_content() -> str:
    """One model with an analysis and one without, no subtitle, no sources."""
    return textwrap.dedent("""\
        language: en
        title: Small
        models:
          - name: Only a summary
            summary: [Nothing to analyse]
          - name: With analysis
            strengths: [Good]
            notes: Say something nice.
        """)


def write_layout(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder
