"""One workshop in several languages: deckgen translate writes and updates a gettext PO file, build writes
every language with one, check reports what is untranslated or outdated, and a broken PO file is a
located message with nothing written."""

from __future__ import annotations

import re
import shutil
import subprocess

import pdfplumber
import polib
import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from deckgen.cli import main
from deckgen.project import CACHE_DIR

NAME = "netwerkversterking"


def run(*args: str):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def fill(po_path, translate=lambda entry: "FR " + entry.msgid) -> polib.POFile:
    """Translate every entry of the PO file by program, as a translator would in Poedit."""
    catalog = polib.pofile(str(po_path))
    for entry in catalog:
        entry.msgstr = translate(entry)
    catalog.save()
    return catalog


def deck_text(path) -> str:
    """Every text of a deck: its text boxes and its tables' cells."""
    texts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(texts)


@pytest.fixture(scope="module")
def translated(tmp_path_factory, example_path):
    """The example beside its French PO file, translated in full by program, and built in both languages."""
    folder = tmp_path_factory.mktemp("translated")
    content = folder / example_path.name
    shutil.copy(example_path, content)
    result = run("translate", content, "--to", "fr")
    assert result.exit_code == 0, result.output
    po = folder / f"{NAME}.fr.po"
    fill(po)
    out = folder / "out"
    result = run("build", content, "--out", out, "--quiet", "--no-cache")
    assert result.exit_code == 0, result.output
    return content, po, out


def test_translate_writes_one_entry_per_text_with_its_place(translated):
    content, po, _ = translated
    catalog = polib.pofile(str(po))
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalog}
    strength = entries[("models[Persoonlijke vriend].strengths", "Horizon verruimen")]
    assert strength.comment == "model 2 'Persoonlijke vriend', strengths item 3"
    line = content.read_text(encoding="utf-8").splitlines().index("      - Horizon verruimen") + 1
    assert strength.occurrences == [(content.name, str(line))]
    contexts = {entry.msgctxt for entry in catalog}
    assert {"title", "subtitle", "venue", "sources", "models[Persoonlijke vriend].name",
            "models[Persoonlijke vriend].weaknesses", "models[Persoonlijke vriend].preconditions"} <= contexts
    assert not any("Kristien Nys" in entry.msgid or "2018-05-17" in entry.msgid for entry in catalog)
    assert catalog.metadata["Language"] == "fr" and "charset=UTF-8" in catalog.metadata["Content-Type"]


@pytest.mark.gettext
def test_the_po_file_passes_msgfmt_check(translated):
    _, po, _ = translated
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_build_writes_dutch_and_french_side_by_side(translated):
    _, _, out = translated
    names = {path.name for path in out.iterdir()}
    for suffix in (".pptx", "-cards.pdf", "-cards-single.pdf", "-cards.html", "-handout.pdf", "-guide.pdf"):
        assert {f"{NAME}{suffix}", f"{NAME}-fr{suffix}"} <= names


def test_the_french_deck_has_french_texts_labels_date_and_language(translated):
    _, _, out = translated
    french, dutch = deck_text(out / f"{NAME}-fr.pptx"), deck_text(out / f"{NAME}.pptx")
    assert "FR Persoonlijke vriend" in french and "Forces et opportunités" in french and "17 mai 2018" in french
    assert "Sterktes en kansen" not in french and "17 mei 2018" not in french
    assert "Sterktes en kansen" in dutch and "17 mei 2018" in dutch and "FR " not in dutch
    assert "Kristien Nys" in french  # authors are not translated
    deck = Presentation(str(out / f"{NAME}-fr.pptx"))
    assert deck.core_properties.language == "fr-FR"
    langs = {run.font._rPr.get("lang") for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
    assert langs == {"fr-FR"}


def test_the_french_cards_are_french_and_tagged_french(translated):
    _, _, out = translated
    for name in (f"{NAME}-fr-cards.pdf", f"{NAME}-fr-cards-single.pdf"):
        assert PdfReader(out / name).trailer["/Root"]["/Lang"] == "fr-FR"
    assert PdfReader(out / f"{NAME}-cards.pdf").trailer["/Root"]["/Lang"] == "nl-NL"
    with pdfplumber.open(out / f"{NAME}-fr-cards-single.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "FR Horizon verruimen" in text and "17 mai 2018" in text
    assert "FORCES ET OPPORTUNITÉS" in text.upper() and "STERKTES EN KANSEN" not in text.upper()
    assert '<html lang="fr-FR"' in (out / f"{NAME}-fr-cards.html").read_text(encoding="utf-8")


@pytest.fixture
def workshop(tmp_path):
    """A small Dutch workshop with a French PO file translated in full; builds only the slides, fast."""
    content = tmp_path / "dag.yaml"
    content.write_text(
        "language: nl\ntitle: Buurtdag\ndate: 2024-08-01\n"
        "labels: {overview: '{count} modellen'}\n"
        "models:\n"
        "  - name: Buddy\n    strengths: [Horizon verruimen, Veilige *context*]\n    weaknesses: [Wachtlijsten]\n"
        "  - name: Netwerk\n    strengths: [Familie betrekken]\n"
        "sources: ['Nys, K. (2018). **Netwerken**.']\n",
        encoding="utf-8")
    assert run("translate", content, "--to", "fr").exit_code == 0
    fill(tmp_path / "dag.fr.po", lambda entry: entry.msgid.replace("modellen", "modèles")
         if "{count}" in entry.msgid else "FR " + entry.msgid)
    return content


def catalog_of(content, code="fr") -> polib.POFile:
    return polib.pofile(str(content.with_name(f"{content.stem}.{code}.po")))


def test_changing_one_strength_makes_check_report_that_entry_and_translate_mark_it_fuzzy(workshop):
    po = workshop.with_name("dag.fr.po")
    assert run("check", workshop, "--language", "fr").exit_code == 0
    workshop.write_text(workshop.read_text(encoding="utf-8").replace("Horizon verruimen", "Horizon verbreden"),
                        encoding="utf-8")
    result = run("check", workshop)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith(str(po)) and ": warning:" not in line
              and ": note:" not in line]
    assert len(errors) == 1, result.output
    line = next(number for number, text in enumerate(po.read_text(encoding="utf-8").splitlines(), 1)
                if text == 'msgid "Horizon verruimen"') - 1  # the entry's msgctxt
    assert errors[0].startswith(f"{po}:{line}: model 1 'Buddy', strengths item 1: outdated:")

    before = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog_of(workshop)}
    assert run("translate", workshop, "--to", "fr").exit_code == 0
    catalog = catalog_of(workshop)
    changed = catalog.find("Horizon verbreden", msgctxt="models[Buddy].strengths")
    assert changed.fuzzy and changed.previous_msgid == "Horizon verruimen" and changed.msgstr == "FR Horizon verruimen"
    others = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog if entry is not changed}
    assert others == {key: value for key, value in before.items() if key[1] != "Horizon verruimen"}
    assert not any(entry.fuzzy for entry in catalog if entry is not changed) and not catalog.obsolete_entries()
    result = run("check", workshop)
    assert result.exit_code == 1 and "outdated: the translation is marked fuzzy" in result.output


def test_reordering_models_loses_no_translation(workshop):
    before = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog_of(workshop)}
    text = workshop.read_text(encoding="utf-8")
    head, models, sources = text.partition("models:\n")[0], text.split("models:\n")[1].split("sources:")[0], \
        "sources:" + text.split("sources:")[1]
    first, second = models.split("  - name: Netwerk\n")
    workshop.write_text(head + "models:\n  - name: Netwerk\n" + second + first + sources, encoding="utf-8")
    result = run("translate", workshop, "--to", "fr")
    assert result.exit_code == 0 and "fuzzy" not in result.output and "obsolete" not in result.output, result.output
    catalog = catalog_of(workshop)
    assert {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog} == before
    assert not any(entry.fuzzy for entry in catalog)


def test_new_texts_come_in_empty_and_gone_ones_become_obsolete(workshop):
    text = workshop.read_text(encoding="utf-8")
    workshop.write_text(text.replace("weaknesses: [Wachtlijsten]", "weaknesses: [Tijdrovend]")
                        .replace("strengths: [Familie betrekken]", "strengths: [Familie betrekken, Buren]"),
                        encoding="utf-8")
    result = run("translate", workshop, "--to", "fr")
    assert result.exit_code == 0, result.output
    catalog = catalog_of(workshop)
    assert catalog.find("Buren", msgctxt="models[Netwerk].strengths").msgstr == ""
    # the only weakness changed in place: fuzzy, keeping the translation for review
    assert catalog.find("Tijdrovend", msgctxt="models[Buddy].weaknesses").fuzzy
    text = workshop.read_text(encoding="utf-8")
    workshop.write_text(text.replace("  - name: Netwerk\n    strengths: [Familie betrekken, Buren]\n", ""),
                        encoding="utf-8")
    assert run("translate", workshop, "--to", "fr").exit_code == 0
    obsolete = {entry.msgid: entry.msgstr for entry in catalog_of(workshop).obsolete_entries()}
    assert obsolete == {"Netwerk": "FR Netwerk", "Familie betrekken": "FR Familie betrekken"}
    assert "#~ msgid \"Netwerk\"" in workshop.with_name("dag.fr.po").read_text(encoding="utf-8")


def test_an_empty_translation_falls_back_with_one_warning_giving_the_count(workshop, tmp_path):
    catalog = catalog_of(workshop)
    for entry in catalog:
        if entry.msgid in ("Wachtlijsten", "Familie betrekken"):
            entry.msgstr = ""
    catalog.save()
    result = run("build", workshop, "--out", tmp_path / "out", "--only", "slides", "--quiet")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {workshop.with_name('dag.fr.po')}: 2 of 9 texts not translated into 'fr' yet "
                        "(empty or fuzzy), shown in 'nl'"]
    french = deck_text(tmp_path / "out" / "dag-fr.pptx")
    assert "Wachtlijsten" in french and "FR Horizon verruimen" in french and "1er août 2024" in french
    assert "2 modèles" in french


def test_language_picks_what_is_built(workshop, tmp_path):
    result = run("build", workshop, "--out", tmp_path / "out", "--only", "slides", "--language", "fr", "--quiet")
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in (tmp_path / "out").iterdir() if path.name != CACHE_DIR)
    assert written == ["dag-fr.pptx"]
    result = run("build", workshop, "--out", tmp_path / "out2", "--only", "slides", "--language", "de")
    assert result.exit_code == 1 and "deckgen translate" in result.output and "--to de" in result.output


@pytest.mark.parametrize("damage, message", [
    (lambda text: text.replace('msgstr "FR Wachtlijsten"', 'msgstr FR Wachtlijsten'),
     "msgstr must be followed by a text in double quotes"),
    (lambda text: text.replace('msgstr "FR Veilige *context*"', 'msgstr "FR Veilige context"'),
     "model 1 'Buddy', strengths item 2: the source has 1 italic part (*...*), the translation 0"),
    (lambda text: text.replace("**Netwerken**.\"\n\n", "**Netwerken.\"\n\n"),
     "sources item 1: the source has 1 bold part (**...**), the translation 0"),
    (lambda text: text.replace('msgstr "{count} modèles"', 'msgstr "modèles"'),
     "labels.overview: the placeholder {count} of the source is missing"),
    (lambda text: text + '\nmsgctxt "models[Buddy].weaknesses"\nmsgid "Wachtlijsten"\nmsgstr "Attente"\n',
     "this entry repeats the one at line"),
    (lambda text: text.replace('msgstr "FR Wachtlijsten"', 'msgstr "FR Wachtlijsten\\"'),
     "msgstr must be followed by a text in double quotes"),
])
def test_a_broken_po_file_is_a_located_message_and_nothing_is_written(workshop, tmp_path, damage, message):
    po = workshop.with_name("dag.fr.po")
    po.write_text(damage(po.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", workshop, "--out", out, "--only", "slides")
    assert result.exit_code == 1
    assert f"{po}:" in result.output and message in result.output, result.output
    assert "nothing was written" in result.output and "Traceback" not in result.output
    assert not out.exists() or not any(path.suffix == ".pptx" for path in out.iterdir())
    assert run("check", workshop).exit_code == 1


def test_an_entry_whose_source_changed_falls_back_in_the_build_and_fails_the_check(workshop, tmp_path):
    """A trainer who edits the source can print it the same day; the translation is held to account by
    check (an organisation's CI), not by the build."""
    po = workshop.with_name("dag.fr.po")
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "Wachtlijsten"', 'msgid "Wachtrijen"'),
                  encoding="utf-8")
    result = run("build", workshop, "--out", tmp_path / "out", "--only", "slides")
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if line.startswith("warning:") and "fr.po" in line)
    assert "1 entry of the file matches no text any more" in warning and "--to fr" in warning
    texts = [shape.text_frame.text for slide in Presentation(str(tmp_path / "out" / "dag-fr.pptx")).slides
             for shape in slide.shapes if shape.has_text_frame]
    assert not any("Wachtrijen" in text for text in texts)  # the stale translation is not used
    result = run("check", workshop)
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(str(po))}:\d+: model 1 'Buddy', weaknesses item 1: outdated", result.output)
    assert "'Wachtrijen'" in result.output


def test_a_broken_po_file_is_not_overwritten_by_translate(workshop):
    po = workshop.with_name("dag.fr.po")
    broken = po.read_text(encoding="utf-8").replace('msgstr "FR Wachtlijsten"', 'msgstr FR Wachtlijsten')
    po.write_text(broken, encoding="utf-8")
    result = run("translate", workshop, "--to", "fr")
    assert result.exit_code == 1 and f"{po}:" in result.output
    assert po.read_text(encoding="utf-8") == broken


def test_a_translation_too_long_for_its_slide_is_located_in_the_po_file(workshop):
    catalog = catalog_of(workshop)
    entry = catalog.find("Wachtlijsten", msgctxt="models[Buddy].weaknesses")
    entry.msgstr = " ".join(["Listes-d'attente-très-longues-encore"] * 80)
    catalog.save()
    result = run("check", workshop, "--language", "fr")
    po = workshop.with_name("dag.fr.po")
    assert result.exit_code == 1
    assert any(line.startswith(f"{po}:") and "model 1 'FR Buddy', weaknesses" in line
               for line in result.output.splitlines()), result.output


def test_german_is_a_language_with_its_own_labels_and_dates(workshop, tmp_path):
    assert run("translate", workshop, "--to", "de").exit_code == 0
    fill(workshop.with_name("dag.de.po"), lambda entry: entry.msgid.replace("modellen", "Modelle")
         if "{count}" in entry.msgid else "DE " + entry.msgid)
    result = run("build", workshop, "--out", tmp_path / "out", "--only", "slides", "--language", "de", "--quiet")
    assert result.exit_code == 0, result.output
    german = deck_text(tmp_path / "out" / "dag-de.pptx")
    assert "1. August 2024" in german and "Stärken und Chancen" in german and "DE Buddy" in german
    assert Presentation(str(tmp_path / "out" / "dag-de.pptx")).core_properties.language == "de-DE"


def test_watch_builds_the_translations_and_rebuilds_when_a_po_file_is_saved(workshop, tmp_path):
    from deckgen.project import Request
    from deckgen.watch import Watcher

    watcher = Watcher(Request(content=workshop, out_dir=tmp_path / "out", only=("slides",)), pictures=False,
                      echo=lambda _: None)
    po = workshop.with_name("dag.fr.po")
    assert watcher.is_relevant(po) and not watcher.is_relevant(workshop.with_name("other.fr.po"))
    before = watcher.stamp()
    watcher.rebuild()
    assert {path.name for path in (tmp_path / "out").iterdir()} >= {"dag.pptx", "dag-fr.pptx"}
    po.write_text(po.read_text(encoding="utf-8").replace("FR Wachtlijsten", "Listes d'attente"), encoding="utf-8")
    assert watcher.stamp() != before
    watcher.rebuild()
    assert "Listes d'attente" in deck_text(tmp_path / "out" / "dag-fr.pptx")


def test_a_translated_build_leaves_out_the_layout_s_own_labels(workshop, tmp_path):
    workshop.write_text(workshop.read_text(encoding="utf-8").replace(
        "    weaknesses: [Wachtlijsten]\n", "    weaknesses: [Wachtlijsten]\n    preconditions: [Tijd]\n"),
        encoding="utf-8")
    assert run("translate", workshop, "--to", "fr").exit_code == 0
    fill(workshop.with_name("dag.fr.po"), lambda entry: entry.msgid.replace("modellen", "modèles")
         if "{count}" in entry.msgid else "FR " + entry.msgid)
    result = run("build", workshop, "--out", tmp_path / "out", "--only", "slides", "--layout", "buurtwerk", "--quiet")
    assert result.exit_code == 0, result.output
    dutch, french = (deck_text(tmp_path / "out" / name).upper() for name in ("dag.pptx", "dag-fr.pptx"))
    assert "VOORWAARDEN" in dutch  # the buurtwerk layout's own word
    assert "CONDITIONS PRÉALABLES" in french and "VOORWAARDEN" not in french


def test_several_builds_build_every_language_and_tell_the_warnings(workshop, tmp_path):
    other = workshop.with_name("ander.yaml")
    other.write_text(workshop.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("translate", other, "--to", "fr").exit_code == 0  # left untranslated
    result = run("build", workshop, other, "--out", tmp_path / "out", "--only", "slides")
    assert result.exit_code == 0, result.output
    written = {path.name for path in (tmp_path / "out").iterdir() if path.name != CACHE_DIR}
    assert written == {"dag.pptx", "dag-fr.pptx", "ander.pptx", "ander-fr.pptx"}
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {other.with_name('ander.fr.po')}: 9 of 9 texts not translated into 'fr' yet "
                        "(empty or fuzzy), shown in 'nl'"]


def test_a_renamed_model_keeps_its_translations_and_its_name_turns_fuzzy(workshop):
    workshop.write_text(workshop.read_text(encoding="utf-8").replace("name: Buddy", "name: Maatje"), encoding="utf-8")
    result = run("translate", workshop, "--to", "fr")
    assert result.exit_code == 0 and "1 marked fuzzy" in result.output, result.output
    catalog = catalog_of(workshop)
    name = catalog.find("Maatje", msgctxt="models[Maatje].name")
    assert name.fuzzy and name.msgstr == "FR Buddy" and name.previous_msgid == "Buddy"
    assert name.previous_msgctxt == "models[Buddy].name"
    strength = catalog.find("Horizon verruimen", msgctxt="models[Maatje].strengths")
    assert strength.msgstr == "FR Horizon verruimen" and not strength.fuzzy
    assert not catalog.obsolete_entries()


def test_the_translation_keeps_the_source_s_region(workshop, tmp_path):
    workshop.write_text(workshop.read_text(encoding="utf-8").replace("language: nl", "language: nl-BE"),
                        encoding="utf-8")
    result = run("build", workshop, "--out", tmp_path / "out", "--only", "slides", "--quiet")
    assert result.exit_code == 0, result.output
    assert Presentation(str(tmp_path / "out" / "dag-fr.pptx")).core_properties.language == "fr-BE"
    assert Presentation(str(tmp_path / "out" / "dag.pptx")).core_properties.language == "nl-BE"


@pytest.mark.gettext
def test_an_updated_po_file_with_fuzzy_and_obsolete_entries_passes_msgfmt_check(workshop):
    text = workshop.read_text(encoding="utf-8").replace("Horizon verruimen", "Horizon verbreden")
    workshop.write_text(text.replace("  - name: Netwerk\n    strengths: [Familie betrekken]\n", ""), encoding="utf-8")
    assert run("translate", workshop, "--to", "fr").exit_code == 0
    po = workshop.with_name("dag.fr.po")
    written = po.read_text(encoding="utf-8")
    assert "#, fuzzy\n#| msgid \"Horizon verruimen\"\n" in written and '#~ msgid "Familie betrekken"' in written
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr
