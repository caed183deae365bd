"""Every kind of deck deckgen writes passes Microsoft's Open XML SDK validator, with no error and no warning,
against the schemas of the current Office and of Office 2007: what PowerPoint would repair (or refuse),
other clients may drop without a word."""

from __future__ import annotations

import zipfile

import pytest

from client_decks import DECKS
from deck_reading import open_deck, title_of

# The current Office (the validator's default) and the oldest PowerPoint that opens .pptx, which knows
# none of the later additions outside extension lists.
OFFICE_VERSIONS = ("Microsoft365", "Office2007")


@pytest.mark.ooxml
@pytest.mark.parametrize("office", OFFICE_VERSIONS)
@pytest.mark.parametrize("name", list(DECKS))
def test_deck_passes_the_open_xml_validator(client_deck, validate_deck, name, office):
    assert validate_deck(client_deck(name), office) == []


@pytest.mark.ooxml
def test_the_validator_reports_what_is_wrong(client_deck, validate_deck, tmp_path):
    """The check can fail: a deck whose presentation part names a relationship it does not have."""
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(client_deck("example")) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "ppt/presentation.xml":
                data = data.replace(b'<p:sldId id="256" r:id="', b'<p:sldId id="256" r:id="rId999', 1)
            target.writestr(info, data)
    (error,) = validate_deck(broken)
    assert error.startswith("Semantic Sem_InvalidRelationshipId in /ppt/presentation.xml")


def test_the_long_deck_continues_every_part(client_deck):
    """The 'long' deck is what it says: the overview, an analysis and the sources go on further slides."""
    titles = [title_of(slide) for slide in open_deck(client_deck("long")).slides]
    continued = [title for title in titles if title.endswith("(continued)")]
    assert any(title.startswith("12 work models") for title in continued)
    assert any("Model number 12" in title for title in continued)
    assert any(title.startswith("Sources") for title in continued)
