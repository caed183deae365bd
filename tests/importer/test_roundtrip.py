"""Round trip: a deck deckgen built, imported, gives back the content it was built from."""

from __future__ import annotations

import textwrap

import pytest
from importer_samples import built_deck, differences

from deckgen.content import load_workshop
from deckgen.importer import import_deck
from deckgen.resources import example_content

FRENCH = """\
    language: fr
    title: "Journée d'étude : *réseaux* solidaires"
    subtitle: "Atelier : renforcer les réseaux personnels"
    authors: [Anne Dupont, Marc Lefèvre]
    venue: "Maison de quartier, Bruxelles"
    date: 2024-08-01
    models:
      - name: Ami personnel
        summary: [Binômes et parrainages, "Un **lien** durable"]
        examples: [Duo pour un emploi, "Tandem (Bruxelles, Liège)"]
        strengths: [Élargit l'horizon, Relation d'égal à égal]
        weaknesses: [Listes d'attente, Les bénévoles décrochent]
        preconditions: [présence, choisir son binôme, "coaching : chaque semaine"]
        notes: |
          Parler du projet à Liège.
          Deuxième ligne.
      - name: "Réseau de pairs : *soutien* mutuel"
        title: Réseau de pairs
        summary: [Groupes d'entraide]
        strengths: [Soutien psychosocial]
        weaknesses: [Le seuil est élevé]
      - name: Travail contextuel
        summary: [Interventions à domicile]
        examples: [Domo]
    sources:
      - "Dupont, A. (2020). *Réseaux et pauvreté*. Bruxelles : Éditions du Quartier."
      - "Un **rapport** en ligne"
"""


def english(models: int) -> str:
    """An English workshop long enough for the overview and the analyses to continue on further slides."""
    lines = ["language: en", 'title: "Community work: *twelve* ways to build networks"',
             "subtitle: A workshop for practitioners", "authors: [Ann Smith, Bob Jones]",
             "venue: Town Hall, Leeds", "date: 2024-03-01", "models:"]
    for number in range(1, models + 1):
        lines += [f"  - name: Model number {number} for building networks",
                  f"    title: Model {number}",
                  "    summary: [People meet in a safe place, They learn from each other]",
                  "    examples: [Drop-in centres, Community kitchens]",
                  "    strengths: [Safe context, Practice skills, Contact with others, \"Insight and **feedback**\"]",
                  "    weaknesses: [May stigmatise, Follow-up often limited, Limited in time]",
                  "    preconditions: [value what participants bring, \"coaching: weekly\"]",
                  f"    notes: \"Tell the story of model {number}.\""]
    long_model = [f"Strength number {index} that takes a whole line on the slide, or nearly"
                  for index in range(1, 19)]
    lines += ["  - name: A model with a long analysis", "    strengths:"]
    lines += [f"      - {item}" for item in long_model]
    lines += ["    weaknesses: [Only one]", "    preconditions: [time]", "    notes: |",
              "      First line of the notes.", "", "      After an empty line."]
    lines += ["sources:", "  - \"Smith, A. (2019). *Networks*. Leeds: Press.\""]
    return "\n".join(lines) + "\n"


def test_the_example_comes_back_field_by_field(tmp_path):
    deck = built_deck(example_content(), tmp_path / "out")
    imported = import_deck(deck, tmp_path / "back.yaml")
    assert differences(example_content(), imported.target) == []
    assert imported.models == 7 and imported.report.notes == []
    text = imported.target.read_text(encoding="utf-8")
    assert "title: Netwerkversterking via organisatie" in text  # a title that differs from its name
    assert text.count("    title:") == 2  # the titles equal to their names are left out


@pytest.mark.parametrize("content", [FRENCH, english(12)], ids=["fr", "en-continued"])
def test_generated_content_comes_back(tmp_path, content):
    source = tmp_path / "workshop.yaml"
    source.write_text(textwrap.dedent(content), encoding="utf-8")
    deck = built_deck(source, tmp_path / "out")
    imported = import_deck(deck, tmp_path / "back.yaml")
    assert differences(source, imported.target) == []
    assert imported.report.notes == []


def test_continuation_slides_are_merged_back(tmp_path):
    source = tmp_path / "workshop.yaml"
    source.write_text(english(12), encoding="utf-8")
    deck = built_deck(source, tmp_path / "out")
    from pptx import Presentation

    titles = [slide.shapes.title.text_frame.text for slide in Presentation(str(deck)).slides]
    assert any(title.endswith("(continued)") for title in titles[1:3])  # the overview goes on
    assert any(title.startswith("13") and title.endswith("(continued)") for title in titles)  # so does an analysis
    workshop = load_workshop(import_deck(deck, tmp_path / "back.yaml").target)
    assert len(workshop.models) == 13 and len(workshop.models[-1].strengths) == 18
    assert workshop.models[-1].notes == "First line of the notes.\n\nAfter an empty line."


def test_an_organisation_layout_gives_labels_and_tells_of_its_footer_and_logo(tmp_path):
    deck = built_deck(example_content(), tmp_path / "out", layout="buurtwerk")
    imported = import_deck(deck, tmp_path / "back.yaml")
    workshop = load_workshop(imported.target)
    assert workshop.labels == {"preconditions": "Voorwaarden"}  # the layout's own word, in capitals on the slide
    assert workshop.models == load_workshop(example_content()).models
    lines = imported.report.lines()
    assert "deck: the footer 'Buurtwerk Noord' comes from the layout (footer: in layout.yaml)" in lines
    assert any(line.startswith("slide 1 ") and "picture 'Logo'" in line and "layout" in line for line in lines)
    text = imported.target.read_text(encoding="utf-8")
    assert "# - deck: the footer 'Buurtwerk Noord'" in text


def test_labels_of_the_content_come_back(tmp_path):
    source = tmp_path / "workshop.yaml"
    source.write_text(textwrap.dedent("""\
        language: nl
        title: Werkdag
        overview: Vier manieren
        models:
          - name: Buddy
            summary: [Duo's]
            examples: [Tandem]
            strengths: [Dichtbij]
            weaknesses: [Wachtlijst]
            preconditions: [tijd, geduld]
        sources: [Een bron]
        labels:
          strengths: Pluspunten
          weaknesses: Minpunten
          preconditions: Voorwaarden
          examples: Vb.
          sources: Literatuur
        """), encoding="utf-8")
    deck = built_deck(source, tmp_path / "out")
    imported = import_deck(deck, tmp_path / "back.yaml")
    assert differences(source, imported.target) == []
