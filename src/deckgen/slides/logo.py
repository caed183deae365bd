"""The layout's logo as a picture with alt text, fitted into a box and aligned to its right edge; an SVG
logo is left off the slides with a warning."""

from __future__ import annotations

import warnings

from pptx.util import Pt

from deckgen.errors import DeckgenWarning
from deckgen.slides.geometry import Box


def warn_if_left_off(layout) -> None:
    """Warn when the layout's logo cannot go on the slides (an SVG): at every build and check, whether the
    title slide is drawn or taken from the cache."""
    path = layout.logo
    if path is not None and path.suffix.lower() == ".svg":
        warnings.warn(f"{path.name}: SVG logos are not supported on slides yet; "
                      "give the layout a PNG logo", DeckgenWarning, stacklevel=2)


def add_logo(slide, ctx, box: Box):
    path = ctx.layout.logo
    if path.suffix.lower() == ".svg":  # left off (warn_if_left_off)
        return None
    picture = slide.shapes.add_picture(str(path), Pt(box.x), Pt(box.y), height=Pt(box.h))
    if picture.width > Pt(box.w):  # a wide logo: fit the width instead
        scale = Pt(box.w) / picture.width
        picture.width, picture.height = Pt(box.w), int(picture.height * scale)
    picture.left = Pt(box.right) - picture.width
    picture.name = "Logo"
    picture._element.nvPicPr.cNvPr.set("descr", ctx.layout.logo_alt)
    return picture
