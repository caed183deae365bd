"""Every card side laid out once, as a one-page PDF at the largest type size that fits.

Sides kept in the side cache (deckgen.cards.cache) are read back; the others are laid out in chunks over
the cores (deckgen.cards.chunks), each shrunk step by step where its text overflows (deckgen.cards.fit).
Sides that overflow even at the layout's smallest size come back as misfits naming the content value to
shorten, and nothing else is returned then."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.cards import chunks
from deckgen.cards.cache import SideCache, layout_digest, one_page, side_keys
from deckgen.cards.cardset import Card, Side, all_sides, build_cards
from deckgen.cards.stylevars import side_sizes
from deckgen.cards.theme import PageSetup
from deckgen.errors import Misfit

# Sides up to which each side's PDF is tagged (PDF/UA-1). pypdf reads a tagged side in about 15 ms against
# 4 ms untagged, so at 1400 sides merging the tags would take longer than laying the sides out on two cores.
TAG_LIMIT = 200


@dataclass
class LaidOut:
    """The sides of one build: their pages (one pypdf reader each, in order) and fitted sizes, or misfits."""

    cards: list[Card]
    sides: list[Side]
    readers: list = field(default_factory=list)
    sizes: dict[int, float] = field(default_factory=dict)
    misfits: list[Misfit] = field(default_factory=list)
    seed: bytes = b""  # a digest of every side's PDF: the identifier of the merged PDFs
    _cache: SideCache | None = None
    _new_entries: dict = field(default_factory=dict)
    _keys: list[str] = field(default_factory=list)

    @property
    def tagged(self) -> bool:
        return len(self.sides) <= TAG_LIMIT

    def save_cache(self) -> None:
        """Keep the sides laid out now for the next build (called once the build's files have landed)."""
        if self._cache is not None:
            self._cache.put_all(self._new_entries, set(self._keys))


def page_meta() -> tuple[tuple[str, str], ...]:
    """The HTML meta of every card page: the generator, and the build's source date when it is set."""
    from deckgen.cards.pdf import source_date

    date = source_date()
    return (("generator", "deckgen"),) + ((("dcterms.created", date), ("dcterms.modified", date)) if date else ())


def lay_out(project, *, cache_dir: Path | None = None, chunk_size: int | None = None) -> LaidOut:
    """Every side of the project's cards, from the cache in ``cache_dir`` (None: no cache) or laid out anew."""
    workshop, layout = project.workshop, project.layout
    cards = build_cards(workshop, layout)
    sides = all_sides(cards)
    source_folder = Path(workshop.source).resolve().parent
    context = chunks.Context(
        workshop=workshop, layout=layout, cards=cards,
        page=PageSetup(layout.cards.bleed, layout.cards.crop_marks),
        base_url=(source_folder / "cards.html").as_uri(),
        roots=tuple(layout.folders) + (source_folder,), meta=page_meta(),
        variant="pdf/ua-1" if len(sides) <= TAG_LIMIT else None)
    cache = SideCache(cache_dir, enabled=cache_dir is not None)
    keys = side_keys(chunks.common_key(context, layout_digest(layout)), sides) if cache.enabled else []
    found: dict[int, tuple] = {}  # index: (pdf bytes, size[, reader])
    for index in range(len(sides)) if cache.enabled else ():
        entry = cache.get(keys[index])
        if entry is not None:
            found[index] = entry
    sizes = side_sizes(layout)  # read before the workers fork; a garbled variable stops the build here
    scale = layout.cards.type_scale  # large type starts larger, in the fitter's half-point steps
    todo = [(index, math.ceil(sizes[side.kind] * scale * 2 - 1e-9) / 2) for index, side in enumerate(sides)
            if index not in found]

    def report(done, _):
        project.report("laying out cards", len(found) + done, len(sides))

    report(0, len(todo))
    results = chunks.lay_out(context, todo, workers=project.workers, chunk_size=chunk_size or chunks.CHUNK,
                             progress=report) if todo else {}
    laid_out = LaidOut(cards, sides, _cache=cache if cache.enabled else None, _keys=keys)
    laid_out.misfits = [_misfit(sides[result.index], result)
                        for result in sorted(results.values(), key=lambda r: r.index) if result.pdf is None]
    if laid_out.misfits:
        return laid_out
    for index, result in results.items():
        found[index] = (result.pdf, result.size)
        if cache.enabled:
            laid_out._new_entries[keys[index]] = (result.pdf, result.size)
    seed = hashlib.sha256()
    for index in range(len(sides)):
        data, size = found[index][:2]
        reader = found[index][2] if len(found[index]) > 2 else one_page(data)
        if reader is None:  # WeasyPrint always writes one page; this guards the merge all the same
            raise RuntimeError(f"{sides[index].title}: its laid-out page is not a one-page PDF")
        laid_out.readers.append(reader)
        laid_out.sizes[index] = size
        seed.update(hashlib.sha256(data).digest())
    laid_out.seed = seed.digest()
    return laid_out


def _misfit(side: Side, result) -> Misfit:
    return Misfit(side.source, side.title,
                  f"does not fit at {result.size:g} pt, {result.overflow:.1f} mm over; shorten this text "
                  f"or lower cards.min_font_size in the layout")
