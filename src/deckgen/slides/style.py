"""The layout's identity as python-pptx values: colours (and their tints), font names, and the
language tag of the content's language.

No colour or typeface is a constant in the writer: colours and font names come from the layout, the
language tag from deckgen.languages. Font sizes are the writer's own design, never below the layout's
``min_font_size``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor

from deckgen.languages import document_tag
from deckgen.layout import Layout


def _rgb(hex_color: str) -> tuple[int, int, int]:
    """``"#1F4E79"`` as (31, 78, 121): the layout's schema writes every colour so."""
    return tuple(RGBColor.from_string(hex_color.removeprefix("#")))


@dataclass(frozen=True)
class Style:
    layout: Layout
    lang: str  # BCP 47 tag of the runs: deckgen.languages.document_tag of the content's language

    @classmethod
    def for_build(cls, layout: Layout, code: str) -> Style:
        return cls(layout, document_tag(code))

    def color(self, key: str) -> RGBColor:
        """A layout colour by key, or a tint: ``"primary/12"`` is 12 % primary over the background."""
        name, _, percent = key.partition("/")
        rgb = _rgb(getattr(self.layout.colors, name))
        if percent:
            share = int(percent) / 100
            background = _rgb(self.layout.colors.background)
            rgb = tuple(round(c * share + b * (1 - share)) for c, b in zip(rgb, background))
        return RGBColor(*rgb)

    def font(self, role: str) -> str:
        return self.layout.fonts.heading if role == "heading" else self.layout.fonts.body
