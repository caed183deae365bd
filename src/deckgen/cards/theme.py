"""The layout as CSS: colour variables, @font-face rules for every font file, the @page box of one card side."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.htmlpdf import layout_css

CARD_MM = (105.0, 148.0)
SAFE_MM = 6.0  # text keeps at least this far inside every trim edge
SLUG_MM = 6.0  # paper around the bleed of the single-card PDF that holds its crop marks
CROP_MARK_GAP_MM = 0.5  # the crop marks start this far outside the bleed, and end this far inside the page
CROP_MARK_WIDTH_PT = 0.25


@dataclass(frozen=True)
class PageSetup:
    """How one card side is laid out as a page: trim size plus bleed, and its crop marks."""

    bleed: float  # mm, 0 for the preview
    crop_marks: bool

    @property
    def slug(self) -> float:
        """mm of page around the bleed on every side, for the crop marks: none without them (or bleed)."""
        return SLUG_MM if self.crop_marks and self.bleed > 0 else 0.0


def theme_css(layout, page: PageSetup, font_urls: dict) -> str:
    """The layout-dependent part of the stylesheet. ``font_urls`` maps each font file to the URL to use."""
    lines = layout_css(layout, font_urls, {
        "bleed": f"{page.bleed:g}mm",
        "safe": f"{SAFE_MM:g}mm",
        "card-width": f"{CARD_MM[0]:g}mm",
        "card-height": f"{CARD_MM[1]:g}mm",
    })
    # The page is the card and its bleed: deckgen adds the slug with the crop marks around it when it
    # writes the page (cards/pdf.py), where crop-marks.html.j2 asks for them.
    lines.append(f"@page {{ size: {CARD_MM[0]:g}mm {CARD_MM[1]:g}mm; margin: 0; bleed: {page.bleed:g}mm; }}")
    return "\n".join(lines) + "\n"
