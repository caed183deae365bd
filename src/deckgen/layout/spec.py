"""LAYOUT_SPEC, the declaration of what layout.yaml may hold: every key, its kind of value and its
description, the colour keys generated from the fields of Colors. Its file references (logo,
fonts.files, slides.template) are ``schema.File`` specs, so validating a layout.yaml against it also
resolves each file inside the layout's folder and checks its size and contents (``deckgen.layout.files``).
Here too is the one rule that tells a layout's name from a path (``is_layout_name``), which the
``extends`` key and ``find_layout`` both follow. The resolver validates layout files against
LAYOUT_SPEC, ``deckgen schema --layout`` prints it as JSON Schema and ``deckgen init layout`` writes
its descriptions as comments."""

from __future__ import annotations

from dataclasses import dataclass, fields

from deckgen.handout.words import WORD_KEYS
from deckgen.labels import LABEL_KEYS
from deckgen.layout.files import (
    MAX_FONT_BYTES,
    MAX_LOGO_BYTES,
    MAX_TEMPLATE_BYTES,
    font_problem,
    logo_problem,
    template_problem,
)
from deckgen.layout.types import HANDOUT_PAPERS, PICTURE_FITS, Colors
from deckgen.printing import DUPLEX_MODES, PAPERS
from deckgen.schema import (
    INVALID,
    Bool,
    Choice,
    Color,
    Field,
    File,
    Length,
    ListOf,
    Mapping,
    Number,
    Str,
)


def is_layout_name(reference: str) -> bool:
    """Whether ``reference`` is a layout's name, looked up beside the layout that extends it, in
    ./layouts and among the shipped layouts; otherwise it is a path to a layout folder. A name holds
    no '/', '\\' or ':' and does not start with '.'. ``find_layout`` and ``extends`` both go by this."""
    return not any(mark in reference for mark in ("/", "\\", ":")) and not reference.startswith(".")


@dataclass
class LayoutName(Str):
    """Text that must be a layout's name (``is_layout_name``), not a path: what ``extends`` holds, so that
    a layout cannot reach into a folder anywhere on the disk."""

    def _check(self, value, loc, checker):
        name = super()._check(value, loc, checker)
        if name is INVALID or is_layout_name(name):
            return name
        return checker.error(loc, "expected the name of a layout (beside this one, in ./layouts or shipped), "
                                  f"got the path {name!r}")

    def json_schema(self):
        return {**super().json_schema(), "pattern": r"^[^./\\:][^/\\:]*$"}


def _file(kind: str, max_bytes: int, check_contents, description: str) -> File:
    return File(kind=kind, max_bytes=max_bytes, check_contents=check_contents,
                description=description + " Relative to the layout's folder.")


LAYOUT_SPEC = Mapping(
    {
        "extends": Field(LayoutName(description="Name of the parent layout; default: default.")),
        "description": Field(Str(description="One line that says what this layout is for.")),
        "colors": Field(Mapping({
            colour.name: Field(Color(description=colour.metadata["description"])) for colour in fields(Colors)
        }, description="CSS hex colours, used by slides and cards alike.")),
        "fonts": Field(Mapping({
            "heading": Field(Str(description="Family name of headings; the same name goes into the .pptx.")),
            "body": Field(Str(description="Family name of body text.")),
            "files": Field(ListOf(_file("font", MAX_FONT_BYTES, font_problem,
                                        "A .ttf or .otf font file, measured for slides and embedded in cards."))),
        }, description="Fonts of slides and cards.")),
        "logo": Field(_file("logo", MAX_LOGO_BYTES, logo_problem,
                            "PNG, JPEG or SVG logo: title slide, every card front, the cover.")),
        "footer": Field(Str(description="Text in every slide's footer and on every card front.")),
        "labels": Field(Mapping({key: Field(Str()) for key in (*LABEL_KEYS, *WORD_KEYS)},
                                description="Overrides of the language's labels and the handout's words.")),
        "slides": Field(Mapping({
            "size": Field(Choice(("16:9", "4:3"), description="Slide size.")),
            "template": Field(_file("template", MAX_TEMPLATE_BYTES, template_problem,
                                    "The organisation's own .pptx: its master, theme and slide layouts.")),
            "min_font_size": Field(Number(6, 40, description="Smallest size in pt slide text may shrink to.")),
            "type_scale": Field(Number(0.5, 3, description="Every slide text size multiplied by this: 1.25 is "
                                                           "large type. Default 1.")),
            "same_size": Field(Bool(description="true: every analysis table that fits on one slide takes the "
                                                "size of the longest, so the type does not change from slide "
                                                "to slide. Default false: each its own largest size.")),
            "pictures": Field(Mapping({
                "title": Field(Bool(description="The workshop's picture on the title slide. Default true.")),
                "overview": Field(Bool(description="Each model's picture atop its overview tile. Default true.")),
                "analysis": Field(Bool(description="Each model's picture beside its analysis table, where the "
                                                   "table stays readable. Default true.")),
                "fit": Field(Choice(PICTURE_FITS, description="contain: the whole picture in the tile's picture "
                                                              "strip; cover: the strip filled, the overflow "
                                                              "cropped. Default contain.")),
            }, description="Where the content's pictures appear on the slides.")),
        }, description="Slide options.")),
        "cards": Field(Mapping({
            "paper": Field(Choice(tuple(PAPERS), description="A4 takes 4 cards a sheet, A3 takes 8.")),
            "duplex": Field(Choice(DUPLEX_MODES, description="How backs are placed.")),
            "bleed": Field(Length(maximum=10, description="Bleed of the single-card PDF, e.g. 3mm.")),
            "crop_marks": Field(Bool(description="Crop marks on the single-card PDF.")),
            "print_shop": Field(Bool(description="true: the single-card PDF is PDF/X-4 for a print shop, its "
                                                 "colours in CMYK for offset on coated paper (FOGRA39), as "
                                                 "deckgen build --print-shop makes it. Default false.")),
            "min_font_size": Field(Number(4, 30, description="Smallest size in pt card text may shrink to.")),
            "type_scale": Field(Number(0.5, 3, description="Every card side's starting type size multiplied by "
                                                           "this: 1.25 is large type. Default 1.")),
            "pictures": Field(Mapping({
                "front": Field(Bool(description="Each model's picture on its card's front. Default true.")),
                "cover": Field(Bool(description="The workshop's picture on the cover card. Default true.")),
                "fit": Field(Choice(PICTURE_FITS, description="contain: the whole picture in its box; cover: "
                                                              "the box filled, the overflow cropped. Default "
                                                              "contain.")),
            }, description="Where the content's pictures appear on the cards.")),
        }, description="Card options.")),
        "handout": Field(Mapping({
            "paper": Field(Choice(tuple(HANDOUT_PAPERS), description="Page size of the handout and the "
                                                                    "facilitator's guide, portrait.")),
            "pictures": Field(Bool(description="The content's pictures in the handout and the guide. "
                                               "Default true.")),
        }, description="Handout and guide options.")),
    },
    description="A deckgen layout: how an organisation's decks and cards look.",
)
