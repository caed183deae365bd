"""One file of a cache (laid-out card sides, handout documents, slide fits) written whole or not at all, and
the digest of a file a cache entry depends on.

A cache only saves time: a file that cannot be written is left out, never an error, and a reader never
sees half a file (it is written beside its place as ``NAME.tmp-PID``, then moved into place).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def temp_name(target: Path) -> Path:
    """Where ``target`` is written before it is moved into place: ``NAME.tmp-PID`` beside it."""
    return target.with_name(f"{target.name}.tmp-{os.getpid()}")


def write_cache_file(target: Path, data: bytes) -> None:
    """``data`` at ``target`` (its folder made when missing), atomically; quietly nothing when it cannot be."""
    temp = temp_name(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, target)
    except OSError:
        temp.unlink(missing_ok=True)


def file_digest(path: Path) -> str:
    """The SHA-256 of the bytes of ``path`` (a layout file, a font, a picture a cache entry depends on);
    "unreadable" when it cannot be read, so that the entry is not taken for one that read it."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"
