"""The JSON Schema for editors agrees with the validator it is generated from."""

from __future__ import annotations

import json

import jsonschema
import pytest

from deckgen.content import CONTENT_SPEC
from deckgen.layout import LAYOUT_SPEC
from deckgen.resources import bundled
from deckgen.yamlsource import read_yaml


def plain(document):
    """The document as an editor's YAML support sees it: plain JSON values, dates as text."""
    return json.loads(json.dumps(document, default=str))


def test_the_example_and_every_shipped_layout_match_their_schemas(example_path):
    jsonschema.validate(plain(read_yaml(example_path)), CONTENT_SPEC.json_schema())
    for layout_file in bundled("layouts").glob("*/layout.yaml"):
        jsonschema.validate(plain(read_yaml(layout_file)), LAYOUT_SPEC.json_schema())


@pytest.mark.parametrize("text", [
    "title: T\nmodels: []\n",
    "title: T\nmodels: [{name: A, strenghts: [x]}]\n",
    "language: de\ntitle: T\nmodels: [{name: A}]\n",
    "title: T\nmodels: [{name: A, strengths: 3}]\n",
    "models: [{name: A}]\n",
])
def test_what_the_validator_refuses_the_schema_flags(write_content, text):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(plain(read_yaml(write_content(text))), CONTENT_SPEC.json_schema())


def test_init_workshop_output_matches_the_schema(tmp_path):
    from deckgen.scaffold import new_workshop

    for language in ("nl", "en", "fr"):
        path = new_workshop(f"w-{language}", language, tmp_path)
        jsonschema.validate(plain(read_yaml(path)), CONTENT_SPEC.json_schema())
