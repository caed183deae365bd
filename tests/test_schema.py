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
    "language: es\ntitle: T\nmodels: [{name: A}]\n",
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


# --- File: a reference to a file beside the document, checked while the document is validated ----------

def _file_spec(**options):
    from deckgen.schema import Field, File, ListOf, Mapping

    return Mapping({"picture": Field(File(kind="picture", **options)),
                    "many": Field(ListOf(File(kind="picture", **options)))})


def _validate_text(tmp_path, text, spec):
    from deckgen.schema import validate

    source = tmp_path / "doc.yaml"
    source.write_text(text, encoding="utf-8")
    return validate(read_yaml(source), spec, source, base=tmp_path)


def test_a_file_reference_becomes_the_absolute_path_inside_the_base(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.bin").write_bytes(b"a")
    data = _validate_text(tmp_path, "picture: sub/a.bin\nmany: [sub/a.bin]\n", _file_spec())
    assert data["picture"] == (tmp_path / "sub" / "a.bin").resolve()
    assert data["picture"].is_absolute()
    assert data["many"] == [(tmp_path / "sub" / "a.bin").resolve()]


def test_file_problems_carry_line_column_and_key_path(tmp_path):
    from deckgen.errors import InvalidInput

    (tmp_path / "big.bin").write_bytes(b"x" * 3_000_000)
    (tmp_path / "ok.bin").write_bytes(b"x")
    text = "picture: ../outside.bin\nmany:\n  - ok.bin\n  - big.bin\n  - missing.bin\n"
    with pytest.raises(InvalidInput) as caught:
        _validate_text(tmp_path, text, _file_spec(max_bytes=2_000_000))
    source = tmp_path / "doc.yaml"
    assert [str(p) for p in caught.value.problems] == [
        f"{source}:1:10: picture: '../outside.bin' leads out of its folder with '..'; files must lie inside {tmp_path}",
        f"{source}:4:5: many item 2: 'big.bin' is 3 MB; a picture may be at most 2 MB",
        f"{source}:5:5: many item 3: 'missing.bin' does not exist in {tmp_path}",
    ]


def test_a_file_is_refused_by_its_content_check_and_when_it_cannot_be_read(tmp_path):
    from deckgen.errors import InvalidInput

    (tmp_path / "a.bin").write_bytes(b"plain")

    def refuse(path):
        return f"{path.name} is not a picture"

    def unreadable(path):
        raise PermissionError(13, "Permission denied", str(path))

    with pytest.raises(InvalidInput, match=r"doc.yaml:1:10: picture: a.bin is not a picture$"):
        _validate_text(tmp_path, "picture: a.bin\n", _file_spec(check_contents=refuse))
    with pytest.raises(InvalidInput, match=r"doc.yaml:1:10: picture: 'a.bin' cannot be read \(Permission denied\)$"):
        _validate_text(tmp_path, "picture: a.bin\n", _file_spec(check_contents=unreadable))


def test_a_file_reference_needs_the_base_folder(tmp_path):
    from deckgen.schema import validate

    (tmp_path / "a.bin").write_bytes(b"a")
    with pytest.raises(TypeError, match="base=folder"):
        validate({"picture": "a.bin"}, _file_spec(), tmp_path / "doc.yaml")


def test_a_file_reference_is_a_string_in_the_json_schema():
    from deckgen.schema import File

    schema = File(description="A picture.").json_schema()
    assert schema == {"type": "string", "minLength": 1, "description": "A picture."}
    jsonschema.validate("logo.png", schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(3, schema)
