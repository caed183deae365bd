"""Every card side laid out once, as a one-page PDF at the largest type size that fits.

Sides kept in the side cache (deckgen.cards.cache) are read back; the others are laid out in chunks over
the cores (deckgen.cards.chunks), each shrunk step by step where its text overflows (deckgen.cards.fit).
A model card's back that overflows even at the layout's smallest size goes on over cards inserted after
it (deckgen.cards.continued). Other sides that overflow even then, and items of a model's back that do not
fit on a back even on their own, come back as misfits naming the content value to shorten, and nothing
else is returned then."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from deckgen.cards import chunks
from deckgen.cards.cache import SideCache, layout_digest, side_keys
from deckgen.cards.cardset import Card, Side, all_sides, build_cards
from deckgen.cards.continued import expand, item_count, item_key, splittable
from deckgen.cards.sidestore import SidePdfs, SideStore
from deckgen.cards.stylevars import side_sizes
from deckgen.cards.theme import PageSetup
from deckgen.errors import Misfit
from deckgen.languages import language

# Sides up to which each side's PDF is tagged (PDF/UA-1). pypdf reads a tagged side in about 15 ms against
# 4 ms untagged, so at 1400 sides merging the tags would take longer than laying the sides out on two cores.
TAG_LIMIT = 200


@dataclass
class LaidOut:
    """The sides of one build: their pages (a one-page PDF each, in order, kept on disk: deckgen.cards.sidestore)
    and fitted sizes, or misfits."""

    cards: list[Card]
    sides: list[Side]
    kept: list = field(default_factory=list)  # where each side's PDF is (sidestore.Kept)
    sizes: dict[int, float] = field(default_factory=dict)
    misfits: list[Misfit] = field(default_factory=list)
    seed: bytes = b""  # a digest of every side's PDF: the identifier of the merged PDFs
    tagged: bool = True  # each side's PDF is tagged (PDF/UA-1): the content's own sides are at most TAG_LIMIT
    _cache: SideCache | None = None
    _new_entries: dict = field(default_factory=dict)
    _keys: list[str] = field(default_factory=list)
    _splits: dict = field(default_factory=dict)  # the splits searched now, by the key of the back they split
    # what is assembled now is kept in the store until save_cache, not in memory: the build's other outputs
    # are written before it lands, by workers forked from this process
    _assembled: tuple | None = None  # (key, the documents assembled now (Kept), or None when those kept were copied)
    _blocks: dict | None = None  # key: the pieces of a block assembled now (Kept), or None when those kept were used
    _common: bytes = b""  # the part of every side's key that is the same for all (layout, code, versions)
    _store: SideStore = field(default_factory=SideStore)

    @property
    def pdfs(self) -> SidePdfs:
        """Each side's one-page PDF, in side order, read when asked for."""
        return SidePdfs(self._store, self.kept)

    @property
    def digests(self) -> list[bytes]:
        """The SHA-256 of each side's PDF."""
        return [kept.digest for kept in self.kept]

    def assembled(self, settings, assemble) -> tuple[bytes, ...]:
        """``assemble()``, the documents made of these sides with ``settings`` (everything else they depend
        on), or what it returned at the last build when the cache holds it for the same sides and settings."""
        if self._cache is None:
            return assemble()
        from importlib.metadata import version

        from deckgen.cards.pdf import source_date

        # the sides' PDFs, not their keys: a side laid out again after an edit it does not show (a model's
        # notes) is the same PDF
        parts = (self._common, self.seed, settings, source_date(), version("pypdf"), version("pikepdf"))
        key = hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()
        documents = self._cache.get_assembled(key)
        if documents is not None:
            self._assembled = (key, None)  # kept as it is
            return documents
        documents = assemble()
        self._assembled = (key, self._keep_all(documents))
        return documents

    def block_piece(self, settings, block, sheets, build) -> tuple[bytes, ...]:
        """``build()``, the pieces of ``block`` (deckgen.cards.blocks) of these sides placed on ``sheets`` with
        ``settings``, or what it returned at an earlier build for the same sides, sheets and settings."""
        if self._cache is None:
            return build()
        from importlib.metadata import version

        if self._blocks is None:
            self._blocks = {}
        parts = (self._common, [self.kept[index].digest for index in block.sides], sheets, settings, version("pikepdf"))
        key = hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()
        pieces = self._cache.get_block(key)
        if pieces is not None:
            self._blocks.setdefault(key, None)  # kept as it is
            return pieces
        pieces = build()
        self._blocks[key] = self._keep_all(pieces)
        return pieces

    def readers(self) -> list:
        """Each side's PDF parsed by pypdf (for the documents assembled whole: deckgen.cards.sheets)."""
        import io

        from pypdf import PdfReader

        readers = [PdfReader(io.BytesIO(data)) for data in self.pdfs]
        for side, reader in zip(self.sides, readers):
            if len(reader.pages) != 1:  # WeasyPrint always writes one page; this guards the merge all the same
                raise RuntimeError(f"{side.title}: its laid-out page is not a one-page PDF")
        return readers

    def save_cache(self) -> None:
        """Keep the sides laid out now for the next build (called once the build's files have landed)."""
        if self._cache is not None:
            entries = ((key, self._store.read(kept), size) for key, (kept, size) in self._new_entries.items())
            assembled = None if self._assembled is None else (self._assembled[0], self._read_all(self._assembled[1]))
            blocks = None if self._blocks is None else {key: self._read_all(kept) for key, kept in self._blocks.items()}
            self._cache.put_all(entries, set(self._keys), self._splits, assembled, blocks)

    def _keep_all(self, documents: tuple[bytes, ...]) -> tuple:
        return tuple(self._store.keep(data) for data in documents)

    def _read_all(self, kept: tuple | None) -> tuple[bytes, ...] | None:
        return None if kept is None else tuple(self._store.read(each) for each in kept)


def page_meta() -> tuple[tuple[str, str], ...]:
    """The HTML meta of every card page: the generator, and the build's source date when it is set."""
    from deckgen.cards.pdf import source_date

    date = source_date()
    return (("generator", "deckgen"),) + ((("dcterms.created", date), ("dcterms.modified", date)) if date else ())


def lay_out(project, *, cache_dir: Path | None = None, chunk_size: int | None = None,
            use_kept_splits: bool = True) -> LaidOut:
    """Every side of the project's cards, from the cache in ``cache_dir`` (None: no cache) or laid out anew.

    A model card back that does not fit even at the smallest size goes on over further cards, inserted
    right after it (deckgen.cards.continued): its split is searched, then the cards it became are laid
    out like any other. Only what cannot be split is refused: another side that does not fit, or an item
    of a model's back that does not fit on a back even on its own. A split the cache kept is used when
    ``use_kept_splits``; should one of its cards not fit, the build starts again without the kept splits."""
    workshop, layout = project.workshop, project.layout
    cards = build_cards(workshop, layout)
    sides = all_sides(cards)
    source_folder = Path(workshop.source).resolve().parent
    context = chunks.Context(
        workshop=workshop, layout=layout, cards=cards,
        page=PageSetup(layout.cards.bleed, layout.cards.crop_marks),
        base_url=(source_folder / "cards.html").as_uri(),
        roots=tuple(layout.folders) + (source_folder,), meta=page_meta(),
        # decided on the content's own cards, so that cards continuing a model never change it
        variant="pdf/ua-1" if len(sides) <= TAG_LIMIT else None)
    cache = SideCache(cache_dir, enabled=cache_dir is not None)
    store = SideStore()
    common = chunks.common_key(context, layout_digest(layout)) if cache.enabled else b""
    keys = side_keys(common, sides) if cache.enabled else []
    # read before the workers fork (a garbled variable stops the build here); large type starts larger,
    # in the fitter's half-point steps
    sizes = {kind: math.ceil(size * layout.cards.type_scale * 2 - 1e-9) / 2
             for kind, size in side_sizes(layout).items()}
    splits: dict[int, tuple[int, ...]] = {}  # card index: where its backs' items begin and end
    kept_splits: dict[str, tuple[int, ...]] = {}  # by the key of the whole back: the splits the cache holds
    new_splits: dict[str, tuple[int, ...]] = {}  # by the key of the whole back: those searched now
    known = _cached(cache, keys, range(len(sides)))
    planned = set()  # the sides of model cards whose split the cache holds: not laid out whole again
    for index, side in enumerate(sides) if cache.enabled and use_kept_splits else ():
        if index not in known and splittable(side):
            bounds = cache.get_split(keys[index], item_count(side.card.data["model"]))
            if bounds is not None:
                splits[index // 2], kept_splits[keys[index]] = bounds, bounds
                planned.update((index - 1, index))
    found, refused, fresh = _place(project, context, sides, keys, known, planned, sizes, chunk_size, store)
    misfits = [(result.index, _misfit(sides[result.index], result)) for result in refused
               if not splittable(sides[result.index])]
    overlong = [result.index for result in refused if splittable(sides[result.index])]
    if overlong:
        smallest = min(sizes["models-back"], layout.cards.min_font_size)
        project.report("splitting long card backs", 0, len(overlong))
        searched = chunks.split_backs(context, [(index // 2, smallest) for index in overlong],
                                      workers=project.workers,
                                      progress=lambda done, total: project.report("splitting long card backs",
                                                                                  done, total))
        for index in overlong:
            split = searched[index // 2]
            if split.refused is None:
                splits[index // 2] = split.bounds
                if cache.enabled:
                    new_splits[keys[index]] = split.bounds
            else:
                misfits.append((index, _refused_item(sides[index], split)))
    if misfits:
        return LaidOut(cards, sides, misfits=[misfit for _, misfit in sorted(misfits, key=lambda item: item[0])])
    if splits:
        expanded = expand(cards, splits, language(workshop.language).continued)
        known = {2 * new + face: found[2 * old + face] for new, (_, old) in enumerate(expanded)
                 if old is not None for face in (0, 1)}
        cards = [card for card, _ in expanded]
        sides = all_sides(cards)
        keys = side_keys(common, sides) if cache.enabled else []
        known.update(_cached(cache, keys, (index for index in range(len(sides)) if index not in known)))
        context = replace(context, cards=cards)
        found, refused, more = _place(project, context, sides, keys, known, set(), sizes, chunk_size, store)
        if refused and planned:  # a kept split that does not hold (the cache is never trusted)
            return lay_out(project, cache_dir=cache_dir, chunk_size=chunk_size, use_kept_splits=False)
        if refused:  # a card that continues a model and does not fit: its front, with a title of its own
            return LaidOut(cards, sides, misfits=[_misfit(sides[result.index], result) for result in refused])
        fresh = {**fresh, **more}
    laid_out = LaidOut(cards, sides, tagged=context.variant is not None, _cache=cache if cache.enabled else None,
                       _keys=keys + list(kept_splits) + list(new_splits), _splits=new_splits, _common=common,
                       _store=store)
    kept = set(keys)
    laid_out._new_entries = {key: entry for key, entry in fresh.items() if key in kept}
    seed = hashlib.sha256()
    for index in range(len(sides)):
        kept_pdf, size = found[index]
        laid_out.kept.append(kept_pdf)
        laid_out.sizes[index] = size
        seed.update(kept_pdf.digest)
    laid_out.seed = seed.digest()
    return laid_out


def _cached(cache: SideCache, keys: list[str], indices) -> dict[int, tuple]:
    """The entries (sidestore.Kept, size) the cache holds of the sides at ``indices``, by index."""
    found = {}
    for index in indices if cache.enabled else ():
        entry = cache.get(keys[index])
        if entry is not None:
            found[index] = entry
    return found


def _place(project, context, sides, keys, known, skip, sizes, chunk_size, store: SideStore):
    """Every side but those in ``known`` (index: entry in hand) and ``skip``, laid out, each PDF kept in
    ``store``: (every side's entry by index, (sidestore.Kept, size); the results of sides that do not fit,
    in side order; the entries laid out now, by cache key when ``keys`` are given)."""
    found: dict[int, tuple] = dict(known)
    todo = [(index, sizes[side.kind]) for index, side in enumerate(sides) if index not in found and index not in skip]
    settled = len(found)

    def report(done, _):
        project.report("laying out cards", settled + done, len(sides) - len(skip))

    report(0, len(todo))
    results = chunks.lay_out(context, todo, workers=project.workers, chunk_size=chunk_size or chunks.CHUNK,
                             progress=report, keep=store.keep) if todo else {}
    refused = [result for result in sorted(results.values(), key=lambda r: r.index) if result.pdf is None]
    fresh = {}
    for index, result in results.items():
        if result.pdf is not None:
            found[index] = (result.pdf, result.size)
            if keys:
                fresh[keys[index]] = (result.pdf, result.size)
    return found, refused, fresh


def _misfit(side: Side, result) -> Misfit:
    framed = side.card.data.get("picture") if side.face == "front" else None
    picture = (f" (its picture takes {framed.height:g} mm of the card; cards.pictures in the layout can leave it "
               f"off)") if framed is not None else ""
    return Misfit(side.source, side.title,
                  f"does not fit at {result.size:g} pt, {result.overflow:.1f} mm over{picture}; shorten this text "
                  f"or lower cards.min_font_size in the layout")


def _refused_item(side: Side, split) -> Misfit:
    """The misfit of a model back's item that does not fit on a back even on its own (or of the model's
    title, when not even the back's heading fits), named by the model's own back."""
    model, place = side.card.data["model"], side.title
    if split.title:
        return Misfit(f"models[{model.number - 1}].title", place,
                      f"the title leaves no room on a card back for any item at {split.size:g} pt; shorten the "
                      f"title or lower cards.min_font_size in the layout")
    return Misfit(item_key(model, split.refused), place,
                  f"this item does not fit on a card back even on its own at {split.size:g} pt, "
                  f"{split.overflow:.1f} mm over; shorten it or split it into two items, or lower "
                  f"cards.min_font_size in the layout")
