"""What the code that lays out an output is: a digest of deckgen's own source files, for cache keys.

A cache of laid-out card sides, handout documents or slide fits is only valid for the code that made it.
The package's version changes only at a release, so a cache keyed on it alone would hand an upgraded
checkout (or a fix between releases) the pages of the code before. The digest covers every module and
every file shipped inside the package (the card profiles, fonts); templates and styles of layouts are
keyed by the caches themselves, as files of the layout."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_fingerprint() -> str:
    """A digest of the deckgen package's files (their paths and bytes), computed once a process."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
