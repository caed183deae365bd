"""LAYOUT_SPEC, the declaration of what layout.yaml may hold: every key, its kind of value and its
description. Its file references (logo, fonts.files, slides.template) are ``schema.File`` specs, so
validating a layout.yaml against it also resolves each file inside the layout's folder and checks its
size and contents (``deckgen.layout.files``). The resolver validates layout files against it,
``deckgen schema --layout`` prints it as JSON Schema and ``deckgen init layout`` writes its
descriptions as comments."""

from __future__ import annotations

from deckgen.labels import LABEL_KEYS
from deckgen.layout.files import (
    MAX_FONT_BYTES,
    MAX_LOGO_BYTES,
    MAX_TEMPLATE_BYTES,
    font_problem,
    logo_problem,
    template_problem,
)
from deckgen.printing import DUPLEX_MODES, PAPERS
from deckgen.schema import (
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


def _file(kind: str, max_bytes: int, check_contents, description: str) -> File:
    return File(kind=kind, max_bytes=max_bytes, check_contents=check_contents,
                description=description + " Relative to the layout's folder.")


LAYOUT_SPEC = Mapping(
    {
        "extends": Field(Str(description="Name of the parent layout; default: default.")),
        "description": Field(Str(description="One line that says what this layout is for.")),
        "colors": Field(Mapping({
            "primary": Field(Color(description="Titles, header rows, card bands.")),
            "accent": Field(Color(description="Numbers, highlights.")),
            "text": Field(Color(description="Body text.")),
            "background": Field(Color(description="Slide and card background.")),
            "strengths": Field(Color(description="Fill of the strengths column and section.")),
            "weaknesses": Field(Color(description="Fill of the weaknesses column and section.")),
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
        "labels": Field(Mapping({key: Field(Str()) for key in LABEL_KEYS},
                                description="Overrides of the language's labels.")),
        "slides": Field(Mapping({
            "size": Field(Choice(("16:9", "4:3"), description="Slide size.")),
            "template": Field(_file("template", MAX_TEMPLATE_BYTES, template_problem,
                                    "The organisation's own .pptx: its master, theme and slide layouts.")),
            "min_font_size": Field(Number(6, 40, description="Smallest size in pt slide text may shrink to.")),
        }, description="Slide options.")),
        "cards": Field(Mapping({
            "paper": Field(Choice(tuple(PAPERS), description="A4 takes 4 cards a sheet, A3 takes 8.")),
            "duplex": Field(Choice(DUPLEX_MODES, description="How backs are placed.")),
            "bleed": Field(Length(maximum=10, description="Bleed of the single-card PDF, e.g. 3mm.")),
            "crop_marks": Field(Bool(description="Crop marks on the single-card PDF.")),
            "min_font_size": Field(Number(4, 30, description="Smallest size in pt card text may shrink to.")),
        }, description="Card options.")),
    },
    description="A deckgen layout: how an organisation's decks and cards look.",
)
