"""A deck made by hand, not by deckgen: its structure is recognised, what has no place is reported and
kept, the content file passes `deckgen check`, and the deck rebuilt from it says the same."""

from __future__ import annotations

import datetime
import re

import pytest
from click.testing import CliRunner
from importer_samples import built_deck, handmade_deck

from deckgen.cli import main
from deckgen.content import load_workshop
from deckgen.inline import parse_inline


@pytest.fixture
def imported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    handmade_deck(tmp_path / "journee.pptx")
    result = CliRunner().invoke(main, ["import", "journee.pptx"])
    return result, tmp_path / "journee.yaml"


def test_the_hand_made_deck_is_read_for_its_structure(imported):
    result, path = imported
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    workshop = load_workshop(path)
    assert workshop.language == "fr"
    assert workshop.title.plain == "Journée d'étude : réseaux solidaires"
    assert workshop.subtitle.plain == "Atelier : renforcer les réseaux personnels"
    assert workshop.authors == ("Anne Dupont", "Marc Lefèvre")
    assert workshop.venue.plain == "Maison de quartier, Bruxelles"
    assert workshop.date == datetime.date(2024, 8, 1)  # "1er août 2024"
    assert workshop.labels == {} and workshop.overview is None  # French labels, "3 modèles de travail"
    first, second, third = workshop.models
    assert [m.name.plain for m in workshop.models] == ["Ami personnel", "Réseau de pairs", "Travail contextuel"]
    assert all(m.title == m.name for m in workshop.models)  # "1. Ami personnel", "2 Réseau…", "3 Travail…"
    assert [t.plain for t in first.summary] == ["Binômes et parrainages", "Un lien durable"]
    assert [t.plain for t in first.examples] == ["Duo pour un emploi", "Tandem (Bruxelles, Liège)"]
    assert [t.plain for t in first.strengths] == ["Élargit l'horizon", "Relation d'égal à égal"]  # typed "• "
    assert [t.plain for t in first.weaknesses] == ["Listes d'attente", "Les bénévoles décrochent"]  # typed "- "
    assert [t.plain for t in first.preconditions] == ["présence", "choisir son binôme"]
    assert first.notes == "Parler du projet à Liège.\nDeuxième ligne."
    assert [t.plain for t in second.strengths] == ["Soutien psychosocial", "Prendre confiance"]
    assert [t.plain for t in third.strengths] == ["Parler de ce qui est tu", "Renforce la famille",
                                                  "Les proches prennent leurs responsabilités"]  # + "(suite)"
    assert [t.plain for t in third.weaknesses] == ["Peut faire peur"]
    assert [t.plain for t in third.preconditions] == ["attitude professionnelle", "partage d'informations"]
    assert workshop.sources == (parse_inline("Dupont, A. (2020). *Réseaux et pauvreté*. Bruxelles : Éditions du "
                                             "Quartier."), parse_inline("Un rapport en ligne"))


def test_what_has_no_place_is_reported_slide_by_slide_and_kept_in_the_file(imported):
    result, path = imported
    reported = [line for line in result.stderr.splitlines() if line.startswith("slide ")]
    assert reported == [
        "slide 3 'Programme': not a title, overview, model or sources slide",
        "slide 5 '2 Réseau de pairs': picture 'Photo groupe' (image.png): deckgen has no place for it",
        "slide 8 'Comparaison': not a title, overview, model or sources slide",
    ]
    assert "3 things not imported" in result.stderr
    assert result.stdout.strip() == "journee.yaml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("language:")]
    assert all(line.startswith("#") or not line.strip() for line in head.splitlines())
    for kept in ("9h00 Accueil", "9h30 Ateliers", "Photo groupe", "Modèle | Coût | Durée", "Ami | bas | long"):
        assert kept in head


def test_check_passes_and_the_rebuilt_deck_says_the_same(imported, tmp_path):
    _, path = imported
    check = CliRunner().invoke(main, ["check", str(path)])
    assert check.exit_code == 0, check.output
    from pptx import Presentation

    def texts(deck):
        found = set()
        for slide in Presentation(str(deck)).slides:
            for shape in slide.shapes:
                frames = [shape.text_frame] if shape.has_text_frame else []
                if shape.has_table:
                    frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
                for frame in frames:
                    for paragraph in frame.paragraphs:
                        found.update(part.strip(" -•–+−") for part in re.split(r"\s*(?:[;,:]|\s-\s)\s+",
                                                                                paragraph.text.replace("\xa0", " ")))
        return {text.casefold() for text in found if text}

    rebuilt = texts(built_deck(path, tmp_path / "out"))
    original = texts(tmp_path / "journee.pptx")
    left_out = {"programme", "9h00 accueil", "9h30 ateliers", "comparaison", "modèle", "coût", "durée", "ami",
                "bas", "long", "3 travail contextuel (suite)"}
    # The numbers and the separators of the original ("1. Ami personnel") are deckgen's own on the rebuilt deck.
    original = {re.sub(r"^\d+\.? ", "", text) for text in original - left_out}
    rebuilt = {re.sub(r"^\d+\.? ", "", text) for text in rebuilt}
    assert original <= rebuilt, original - rebuilt
