"""The values of a resolved layout: frozen dataclasses for its colours, fonts, slide and card options,
the Layout itself, and LayoutEntry, the one-line summary ``deckgen layouts`` lists. Nothing here reads
a file; ``deckgen.layout.resolver`` builds these from layout.yaml files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

COLOR_KEYS = ("primary", "accent", "text", "background", "strengths", "weaknesses")


@dataclass(frozen=True)
class Colors:
    primary: str
    accent: str
    text: str
    background: str
    strengths: str
    weaknesses: str


@dataclass(frozen=True)
class Fonts:
    heading: str
    body: str
    files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class SlideOptions:
    size: str = "16:9"
    template: Path | None = None
    min_font_size: float = 12


@dataclass(frozen=True)
class CardOptions:
    paper: str = "A4"
    duplex: str = "long-edge"
    bleed: float = 3.0  # mm
    crop_marks: bool = True
    min_font_size: float = 7


@dataclass(frozen=True)
class Layout:
    """A resolved layout: every value set, every file an absolute path inside its layout's folder."""

    name: str
    folder: Path
    colors: Colors
    fonts: Fonts
    description: str = ""
    extends: str | None = None
    logo: Path | None = None
    footer: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    slides: SlideOptions = SlideOptions()
    cards: CardOptions = CardOptions()
    # (layout name, its templates/ folder), child first: the card templates' search path.
    template_dirs: tuple[tuple[str, Path], ...] = ()
    # Every folder of the chain: the only places resources may be read from.
    folders: tuple[Path, ...] = ()

    @property
    def logo_alt(self) -> str:
        """The logo's alternative text, the same on slides and cards."""
        return f"Logo {self.footer}" if self.footer else "Logo"


@dataclass(frozen=True)
class LayoutEntry:
    """One layout as ``deckgen layouts`` lists it: where it is, what it extends, what it says it is for."""

    name: str
    folder: Path
    extends: str | None
    description: str
