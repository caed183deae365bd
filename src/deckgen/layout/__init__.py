"""Layouts (docs/layout-format.md): how an organisation's decks and cards look. This package only
re-exports its public names: the value types live in ``types``, the declaration of layout.yaml in
``spec``, and finding, validating, following ``extends`` and merging in ``resolver``."""

from deckgen.layout.resolver import (
    describe_layouts,
    find_layout,
    layout_names,
    load_layout,
)
from deckgen.layout.spec import LAYOUT_SPEC
from deckgen.layout.types import (
    COLOR_KEYS,
    CardOptions,
    Colors,
    Fonts,
    Layout,
    LayoutEntry,
    SlideOptions,
)

__all__ = [
    "COLOR_KEYS",
    "LAYOUT_SPEC",
    "CardOptions",
    "Colors",
    "Fonts",
    "Layout",
    "LayoutEntry",
    "SlideOptions",
    "describe_layouts",
    "find_layout",
    "layout_names",
    "load_layout",
]
