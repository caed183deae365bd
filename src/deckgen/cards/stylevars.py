"""The numbers of a card layout that Python needs, read from the layout's stylesheets.

They are CSS custom properties in a top-level ``:root`` rule of ``templates/cards.css``; the default
layout's stylesheet sets every one of them::

    :root { --size-models-back: 10.5pt; --area-gap: 3mm; ... }

``--size-KIND`` (KIND one of SIDE_KINDS) is the type size a side of that kind is first laid out at;
the fitter shrinks it from there where the text overflows. ``--area-gap`` is the room kept between
the bottom of a side's flowing top area and the top of its bottom area. Each is a length in pt or mm.

Each variable is taken from the nearest ``cards.css`` along the layout's template path (child first)
that sets it, so a child's stylesheet that leaves a variable out keeps its parent's value. The
stylesheet itself is not merged that way: a child's ``cards.css`` replaces its parent's as a whole
(see render.read_stylesheet), so a child that only wants other sizes still ships a whole stylesheet.

Only declarations in a top-level rule whose selector list holds ``:root`` count (not in ``@media``,
not on other selectors), and only plain lengths (no ``var()`` or ``calc()``): Python reads them with
tinycss2, it does not run the cascade. A missing or unreadable variable is a DeckgenError naming the
files. The files are read at every call and parsed once per process for the same text, so a build does
not parse them again for every chunk and ``deckgen watch`` sees edits.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import DeckgenError

SIDE_KINDS = ("cover-front", "cover-back", "models-front", "models-back", "questions-front", "questions-back")
SIZE_PREFIX = "--size-"
AREA_GAP = "--area-gap"
VARIABLES = tuple(SIZE_PREFIX + kind for kind in SIDE_KINDS) + (AREA_GAP,)
STYLESHEET = "cards.css"
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class CardStyle:
    """What Python reads from a layout's card stylesheets."""

    sizes: tuple[tuple[str, float], ...]  # (side kind, starting size in pt), in SIDE_KINDS order
    area_gap: float  # mm

    def side_sizes(self) -> dict[str, float]:
        return dict(self.sizes)


def card_style(template_dirs) -> CardStyle:
    """The variables of the ``cards.css`` files along ``template_dirs`` ((layout name, folder) pairs,
    child first, as ``Layout.template_dirs``)."""
    files = []
    for _, folder in template_dirs:
        path = Path(folder) / STYLESHEET
        if path.is_file():
            try:
                files.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                raise DeckgenError(f"{path}: cannot be read ({error})") from None
    if not files:
        raise DeckgenError(f"no {STYLESHEET} in any layout's templates folder")
    return _card_style(tuple(files))


def side_sizes(layout) -> dict[str, float]:
    """The starting type size in pt of each kind of side (``Side.kind``) in ``layout``."""
    return card_style(layout.template_dirs).side_sizes()


def area_gap(layout) -> float:
    """The room in mm that ``layout`` keeps between a side's top area and its bottom area."""
    return card_style(layout.template_dirs).area_gap


@functools.lru_cache(maxsize=16)
def _card_style(files: tuple[tuple[str, str], ...]) -> CardStyle:
    found: dict[str, tuple[str, object]] = {}  # variable: (file, its declaration)
    for path, text in files:  # child first: the first file that sets a variable wins
        for name, declaration in _root_declarations(text).items():
            found.setdefault(name, (path, declaration))
    missing = [name for name in VARIABLES if name not in found]
    if missing:
        where = ", ".join(path for path, _ in files)
        raise DeckgenError(
            f"the layout's card stylesheets ({where}) do not set {', '.join(missing)}: each must be a "
            f"length in pt or mm in a :root rule of a {STYLESHEET} (the default layout's sets them all, "
            f"e.g. {SIZE_PREFIX}models-back: 10.5pt; {AREA_GAP}: 3mm)")
    sizes = tuple((kind, _length(*found[SIZE_PREFIX + kind], SIZE_PREFIX + kind, "pt")) for kind in SIDE_KINDS)
    gap = _length(*found[AREA_GAP], AREA_GAP, "mm")
    for kind, size in sizes:
        if size <= 0:
            raise DeckgenError(f"{found[SIZE_PREFIX + kind][0]}: {SIZE_PREFIX}{kind} must be more than 0")
    return CardStyle(sizes, gap)


def _root_declarations(text: str) -> dict:
    """The declarations of VARIABLES in the top-level ``:root`` rules of a stylesheet; the last wins."""
    import tinycss2

    found = {}
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule" or not _is_root(rule.prelude):
            continue
        for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if item.type == "declaration" and item.name in VARIABLES:
                found[item.name] = item
    return found


def _is_root(prelude) -> bool:
    import tinycss2

    return any(part.strip().lower() == ":root" for part in tinycss2.serialize(prelude).split(","))


def _length(path: str, declaration, name: str, unit: str) -> float:
    """The declaration's value in ``unit`` ("pt" or "mm"); a DeckgenError naming ``path`` unless it is
    one non-negative length in pt or mm."""
    import tinycss2

    tokens = [token for token in declaration.value if token.type not in ("whitespace", "comment")]
    token = tokens[0] if len(tokens) == 1 else None
    given = (token.unit or "").lower() if token is not None and token.type == "dimension" else None
    if given not in ("pt", "mm") or token.value < 0:
        written = tinycss2.serialize(declaration.value).strip()
        raise DeckgenError(f"{path}: {name}: {written!r} is not a length in pt or mm "
                           f"(write it as, e.g., {name}: 10.5pt)")
    if given == unit:
        return float(token.value)
    return float(token.value) * (PT_PER_MM if unit == "pt" else 1 / PT_PER_MM)
