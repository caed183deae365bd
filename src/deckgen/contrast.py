"""Whether a layout's text can be read: every pair of colours that deckgen sets text in, on the
background it sets it on, judged against WCAG 2 level AA (4.5:1, or 3:1 for large text).

``TEXT_ON`` lists those pairs as the slide and card designs use them; ``contrast_warnings`` names each
pair that falls short, with the layout keys to change, for ``deckgen check``."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.colors import AA_LARGE_TEXT, AA_TEXT, contrast, resolve


@dataclass(frozen=True)
class TextOn:
    text: str  # colour key of the text
    background: str  # colour key (or tint) it stands on
    where: str  # what a person sees there
    large: bool = False  # only large text (18 pt and more, or 14 pt bold) uses this pair


TEXT_ON = (
    TextOn("text", "background", "body text on slides and cards"),
    TextOn("primary", "background", "slide titles, card headings and the footer"),
    TextOn("accent", "background", "model numbers and labels such as 'Bv.'"),
    TextOn("background", "primary", "text on the card bands, the cover and the table header rows"),
    TextOn("background", "accent", "numbers on the question cards' badges"),
    TextOn("text", "strengths", "strengths on slides and cards"),
    TextOn("primary", "strengths", "the strengths heading on cards"),
    TextOn("text", "weaknesses", "weaknesses on slides and cards"),
    TextOn("primary", "weaknesses", "the weaknesses heading on cards"),
    TextOn("text", "primary/10", "preconditions on the analysis slides"),
    TextOn("text", "primary/8", "text of the overview tiles"),
    TextOn("accent", "primary/8", "numbers of the overview tiles", large=True),
)


@dataclass(frozen=True)
class ContrastWarning:
    keys: tuple[str, str]  # the layout's colour keys: text, background
    ratio: float
    needed: float
    where: str

    def __str__(self) -> str:
        text, background = self.keys
        return (f"colors.{text} on colors.{background.split('/')[0]}"
                f"{' (tinted)' if '/' in background else ''} has a contrast of {self.ratio:.2f}:1, "
                f"below the {self.needed:g}:1 that text needs to be read (WCAG AA): {self.where}; "
                f"make one of them darker or lighter")


def contrast_warnings(colors) -> list[ContrastWarning]:
    """Every pair of ``colors`` (a layout's Colors) that text is set in below WCAG AA."""
    found = []
    for pair in TEXT_ON:
        ratio = contrast(resolve(colors, pair.text), resolve(colors, pair.background))
        needed = AA_LARGE_TEXT if pair.large else AA_TEXT
        if ratio < needed - 1e-9:
            found.append(ContrastWarning((pair.text, pair.background), ratio, needed, pair.where))
    return found
