"""The values of a resolved layout: frozen dataclasses for its colours, fonts, slide, card and handout options,
the Layout itself, and LayoutEntry, the one-line summary ``deckgen layouts`` lists; COLOR_KEYS, the
colour keys, read from the fields of Colors. Nothing here reads a file; ``deckgen.layout.resolver``
builds these from layout.yaml files."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path


@dataclass(frozen=True)
class Colors:
    """The layout's colours as CSS hex "#RRGGBB". Each field is one colour key of layout.yaml, and its
    metadata holds the description LAYOUT_SPEC and the JSON Schema give it: adding a colour to the format
    is adding a field here (and a value to the shipped default layout: a chain that sets no value fails)."""

    primary: str = field(metadata={"description": "Titles, header rows, card bands."})
    accent: str = field(metadata={"description": "Numbers, highlights."})
    text: str = field(metadata={"description": "Body text."})
    background: str = field(metadata={"description": "Slide and card background."})
    strengths: str = field(metadata={"description": "Fill of the strengths column and section."})
    weaknesses: str = field(metadata={"description": "Fill of the weaknesses column and section."})


COLOR_KEYS = tuple(colour.name for colour in fields(Colors))


@dataclass(frozen=True)
class Fonts:
    heading: str
    body: str
    files: tuple[Path, ...] = ()


PICTURE_FITS = ("contain", "cover")  # the whole picture in its box, or the box filled and the overflow cropped


@dataclass(frozen=True)
class SlidePictures:
    """Where the content's pictures go on the slides, and how they fill their boxes."""

    title: bool = True  # the workshop's picture on the title slide
    overview: bool = True  # each model's on its overview tile
    analysis: bool = True  # each model's beside its analysis table
    fit: str = "contain"  # of the tiles' picture strips (the title and analysis pictures are always whole)


@dataclass(frozen=True)
class CardPictures:
    front: bool = True  # each model's picture on its card's front
    cover: bool = True  # the workshop's on the cover card's front
    fit: str = "contain"


def _options(cls, value):
    """A nested section of layout.yaml (a mapping, as the resolver merges it) as its dataclass."""
    return cls(**value) if isinstance(value, dict) else value


@dataclass(frozen=True)
class SlideOptions:
    size: str = "16:9"
    template: Path | None = None
    min_font_size: float = 12
    type_scale: float = 1.0  # every design size multiplied: 1.25 is large type
    same_size: bool = False  # every analysis table that fits one slide at one size
    pictures: SlidePictures = SlidePictures()

    def __post_init__(self):
        object.__setattr__(self, "pictures", _options(SlidePictures, self.pictures))


@dataclass(frozen=True)
class CardOptions:
    paper: str = "A4"
    duplex: str = "long-edge"
    bleed: float = 3.0  # mm
    crop_marks: bool = True
    print_shop: bool = False  # the single-card PDF as PDF/X-4 in CMYK (deckgen.cards.printshop)
    min_font_size: float = 7
    type_scale: float = 1.0  # every side's starting size multiplied: 1.25 is large type
    pictures: CardPictures = CardPictures()

    def __post_init__(self):
        object.__setattr__(self, "pictures", _options(CardPictures, self.pictures))


# The papers of the handout and the facilitator's guide, portrait, in mm.
HANDOUT_PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A5": (148.0, 210.0),
                                                   "Letter": (215.9, 279.4)}


@dataclass(frozen=True)
class HandoutOptions:
    paper: str = "A4"
    pictures: bool = True  # the models' pictures beside their summaries, the workshop's on the cover


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
    handout: HandoutOptions = HandoutOptions()
    # (layout name, its templates/ folder), child first: the card templates' search path.
    template_dirs: tuple[tuple[str, Path], ...] = ()
    # Every folder of the chain: the only places resources may be read from.
    folders: tuple[Path, ...] = ()
    # The keys taken from the template's theme ("colors.primary", "fonts.heading"): no layout but default sets them.
    from_theme: tuple[str, ...] = ()

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
