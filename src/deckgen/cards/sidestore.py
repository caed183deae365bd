"""Where a build keeps its sides' one-page PDFs until they are assembled, and what it assembled until the
side cache keeps it once the build has landed: on disk, not in memory.

At 700 models the sides' PDFs are 40 MB, each read once or twice: when its entry in the side cache is
checked and when its block is assembled (deckgen.cards.blocks), which after an edit is only the changed
card's. A side read from the cache stays in its entry's file; a side laid out now is appended to an
unnamed temporary file, which the system removes when the build ends. Each is read back whole and
checked against its SHA-256, so an entry replaced while the build runs is noticed, never used.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Kept:
    """One side's PDF: ``length`` bytes at ``offset`` in ``path`` (None: the build's temporary file)."""

    path: Path | None
    offset: int
    length: int
    digest: bytes  # its SHA-256


class SideStore:
    """The build's temporary file of sides laid out now, and the reading back of any kept side."""

    def __init__(self):
        self._spool = None

    def keep(self, data: bytes) -> Kept:
        if self._spool is None:
            self._spool = tempfile.TemporaryFile(prefix="deckgen-sides-")
        offset = self._spool.seek(0, 2)
        self._spool.write(data)
        return Kept(None, offset, len(data), hashlib.sha256(data).digest())

    def read(self, kept: Kept) -> bytes:
        if kept.path is None:
            self._spool.seek(kept.offset)
            data = self._spool.read(kept.length)
        else:
            with open(kept.path, "rb") as file:
                file.seek(kept.offset)
                data = file.read(kept.length)
        if hashlib.sha256(data).digest() != kept.digest:
            raise RuntimeError(f"a laid-out card side changed while the build ran ({kept.path or 'temporary file'});"
                               " build again")
        return data


class SidePdfs(Sequence):
    """The sides' PDFs in side order, read from ``store`` when asked for."""

    def __init__(self, store: SideStore, kept: list[Kept]):
        self.store, self.kept = store, kept

    def __len__(self) -> int:
        return len(self.kept)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.store.read(kept) for kept in self.kept[index]]
        return self.store.read(self.kept[index])
