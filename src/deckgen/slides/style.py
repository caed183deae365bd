"""The layout's identity as python-pptx values: colours (and their tints), font names, and the
language tag of the content's language.

No colour or typeface is a constant in the writer: colours and font names come from the layout, the
language tag from deckgen.languages. Font sizes are the writer's own design, never below the layout's
``min_font_size``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor

from deckgen import colors
from deckgen.languages import document_tag
from deckgen.layout import Layout


@dataclass(frozen=True)
class Style:
    layout: Layout
    lang: str  # BCP 47 tag of the runs: deckgen.languages.document_tag of the content's language

    @classmethod
    def for_build(cls, layout: Layout, code: str) -> Style:
        return cls(layout, document_tag(code))

    def color(self, key: str) -> RGBColor:
        """A layout colour by key, or a tint: ``"primary/12"`` is 12 % primary over the background."""
        return RGBColor(*colors.resolve(self.layout.colors, key))

    def font(self, role: str) -> str:
        return self.layout.fonts.heading if role == "heading" else self.layout.fonts.body
