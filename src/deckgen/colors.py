"""Colour arithmetic on the layout's colours: a key or a tint of it (``"primary/12"``: 12 % primary over
the background) as RGB, and WCAG 2 contrast between two colours. The slides draw with these values and
``deckgen check`` judges them, so the two can never disagree."""

from __future__ import annotations

# WCAG 2.x level AA: normal text needs 4.5:1, large text (18 pt, or 14 pt bold) 3:1.
AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0


def rgb(hex_color: str) -> tuple[int, int, int]:
    """``"#1F4E79"`` as (31, 78, 121); ``"#abc"`` as (170, 187, 204)."""
    digits = hex_color.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def resolve(colors, key: str) -> tuple[int, int, int]:
    """The colour ``key`` names in ``colors`` (a layout's Colors), or its tint over the background."""
    name, _, percent = key.partition("/")
    value = rgb(getattr(colors, name))
    if not percent:
        return value
    share = int(percent) / 100
    background = rgb(colors.background)
    return tuple(round(c * share + b * (1 - share)) for c, b in zip(value, background))


def luminance(color: tuple[int, int, int]) -> float:
    """The relative luminance of an sRGB colour, as WCAG 2 defines it."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
