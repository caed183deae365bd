"""Speaker notes as every client finds them: the notes master named in presentation.xml
(``p:notesMasterIdLst``, which python-pptx leaves out and without which Keynote drops the notes), and the
notes kept through a LibreOffice round trip."""

from __future__ import annotations

import shutil
import subprocess
import warnings

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deck_reading import open_deck
from deckgen.content import load_workshop
from deckgen.layout import load_layout
from slides_samples import small_content, write_layout, write_slides

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def notes_master_ids(prs) -> list[str]:
    """The relationship ids the presentation lists its notes master by."""
    id_list = prs.part._element.find(qn("p:notesMasterIdLst"))
    return [] if id_list is None else [entry.get(qn("r:id")) for entry in id_list]


def notes_by_slide(prs) -> list[str]:
    return [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "" for slide in prs.slides]


@pytest.mark.parametrize("name", ["notes", "french", "long"])
def test_a_deck_with_notes_lists_its_notes_master(client_deck, name):
    prs = open_deck(client_deck(name))
    assert any(notes_by_slide(prs))
    (r_id,) = notes_master_ids(prs)
    rel = prs.part.rels[r_id]
    assert rel.reltype == RT.NOTES_MASTER
    assert rel.target_part is prs.notes_master.part
    assert str(rel.target_part.partname) == "/ppt/notesMasters/notesMaster1.xml"
    # where the schema wants it: right after the slide masters, before the slides
    listed = prs.part._element.find(qn("p:notesMasterIdLst"))
    assert listed.getprevious().tag == qn("p:sldMasterIdLst")
    assert listed.getnext().tag == qn("p:sldIdLst")


@pytest.mark.parametrize("name", ["example", "org-nl"])
def test_a_deck_without_notes_has_no_notes_master(client_deck, name):
    prs = open_deck(client_deck(name))
    assert not any(slide.has_notes_slide for slide in prs.slides)
    assert notes_master_ids(prs) == []
    assert not [rel for rel in prs.part.rels.values() if rel.reltype == RT.NOTES_MASTER]


def test_a_template_with_its_own_notes_master_keeps_one(tmp_path):
    """A template whose (dropped) example slide had notes brings its notes master, listed or not: the deck
    lists that one, once."""
    folder = tmp_path / "house"
    folder.mkdir()
    template = Presentation()
    example = template.slides.add_slide(template.slide_layouts[0])
    example.notes_slide.notes_text_frame.text = "Notes of the template's example slide"
    template.save(folder / "huisstijl.pptx")
    layout = load_layout(str(write_layout(folder, "slides:\n  template: huisstijl.pptx\n")))
    content = tmp_path / "small.yaml"
    content.write_text(small_content(), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prs = open_deck(write_slides(load_workshop(content), layout, tmp_path / "deck.pptx"))
    assert "Say something nice." in notes_by_slide(prs)
    (r_id,) = notes_master_ids(prs)
    assert prs.part.rels[r_id].target_part is prs.notes_master.part
    assert len([rel for rel in prs.part.rels.values() if rel.reltype == RT.NOTES_MASTER]) == 1


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_notes_survive_a_libreoffice_round_trip(client_deck, tmp_path):
    """LibreOffice opens the deck and saves it again as .pptx with every slide's notes, and lists the notes
    master as deckgen does."""
    original = open_deck(client_deck("french"))
    out = tmp_path / "out"
    profile = tmp_path / "profile"  # its own profile, so that parallel runs do not clash
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pptx", "--outdir", str(out), str(client_deck("french"))],
                   check=True, capture_output=True, timeout=180)
    again = open_deck(out / "french.pptx")
    expected = notes_by_slide(original)
    assert sum(bool(text) for text in expected) == 5
    assert notes_by_slide(again) == expected
    assert len(notes_master_ids(again)) == 1
