"""Each model's analysis fit remembered, so that a model whose analysis did not change is not fitted again.

Fitting an analysis (deckgen.slides.analysis.choose) tries sizes, splits over slides and column splits,
measuring the table at each: the largest part of planning a deck. Its outcome is four numbers: how many
slides, which way of spreading the lists over them, the size, and the height needed when nothing fits.
They are kept under a SHA-256 of all they depend on: the model's strengths, weaknesses and preconditions,
the labels and language, the slide grid, the layout's slide settings, the fonts' files and the code that
fits. In memory for the process (a build plans the deck twice: the slides, and the guide's slide
numbers; ``deckgen watch`` plans it at every save) and in the output's cache folder between builds, as
JSON holding only those numbers: nothing read from it is run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from deckgen.cachefile import write_cache_file

FILE = "slide-fits.json"
_MEMORY: dict[str, list] = {}  # key: [count, option, size, need]
_MEMORY_LIMIT = 50_000  # entries; past that the memory starts again (a watch session of many edits)


def context_digest(ctx) -> str:
    """The part of every key that is the same for all models of a deck: what fitting depends on besides
    the model."""
    from deckgen.fingerprint import code_fingerprint

    digest = hashlib.sha256(code_fingerprint().encode("ascii"))  # the code that fits, read once a process
    labels = ctx.labels
    stamps = [face.stamp for family in (ctx.measure.heading, ctx.measure.body) for face in family.faces]
    digest.update(repr((ctx.grid, ctx.layout.slides, labels.strengths, labels.weaknesses, labels.preconditions,
                        ctx.workshop.language, stamps)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


class FitMemory:
    """The fits of one deck's planning: looked up, added, and written to the cache folder."""

    def __init__(self, common: str):
        self.common = common
        self.used: dict[str, list] = {}

    def key(self, model, variant: tuple = ()) -> str:
        """The key of ``model``'s fit; ``variant`` (the table's width beside a picture, the most slides
        allowed) tells apart fits of one model under other constraints."""
        own = repr((model.strengths, model.weaknesses, model.preconditions, variant))
        return hashlib.sha256(f"{self.common}\0{own}".encode("utf-8", "surrogateescape")).hexdigest()

    def get(self, model, variant: tuple = ()) -> list | None:
        key = self.key(model, variant)
        found = _MEMORY.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, model, fit: list, variant: tuple = ()) -> None:
        if len(_MEMORY) >= _MEMORY_LIMIT:
            _MEMORY.clear()
        key = self.key(model, variant)
        _MEMORY[key] = self.used[key] = fit


def load(folder: Path | None) -> None:
    """Add the fits kept in ``folder`` (the project's cache folder) to the memory; a missing or damaged
    file is no fit at all."""
    if folder is None:
        return
    try:
        kept = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(kept, dict):
        _MEMORY.update((key, fit) for key, fit in kept.items() if _valid(fit))


def save(folder: Path | None, memory: FitMemory) -> None:
    """Keep the fits this build used in ``folder``, atomically; the others go."""
    if folder is None:
        return
    write_cache_file(folder / FILE, json.dumps(memory.used, sort_keys=True).encode("utf-8"))


def _valid(fit) -> bool:
    return (isinstance(fit, list) and len(fit) == 4 and all(isinstance(n, int) for n in fit[:2])
            and isinstance(fit[2], (int, float)) and (fit[3] is None or isinstance(fit[3], (int, float))))
