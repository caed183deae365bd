"""The layout's identity as python-pptx values: colours (and their tints), font names, language.

Nothing about colour or type is a constant in the writer: everything comes from the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor

from deckgen.languages import document_tag
from deckgen.layout import Layout



def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True)
class Style:
    layout: Layout
    lang: str

    @classmethod
    def for_build(cls, layout: Layout, code: str) -> "Style":
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
