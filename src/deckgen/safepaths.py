"""Keeping file access inside the folders it belongs to. ``resolve_inside`` turns a reference written in
a file (a layout's logo, fonts, template: see ``schema.File``) into an absolute path inside that
file's folder, refusing a URL, an absolute path, '..', a link that leads out and a missing file;
``is_inside`` tells whether a path lies in one of a set of folders (the card renderer asks it before
reading a resource)."""

from __future__ import annotations

import re
from pathlib import Path

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def resolve_inside(folder: Path, reference: str) -> Path:
    """The file ``reference`` names, relative to ``folder``; ValueError saying why when it is refused."""
    if _SCHEME.match(reference) and not re.match(r"^[a-zA-Z]:[\\/]", reference):
        raise ValueError(f"{reference!r} is a URL; only files inside the folder {folder} may be used")
    candidate = Path(reference)
    if candidate.is_absolute() or reference.startswith(("/", "\\")):
        raise ValueError(f"{reference!r} is an absolute path; give a path relative to {folder}")
    if ".." in candidate.parts:
        raise ValueError(f"{reference!r} leads out of its folder with '..'; files must lie inside {folder}")
    root = folder.resolve()
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root):
        raise ValueError(f"{reference!r} is a link that leads out of {folder}; refused")
    if not resolved.is_file():
        raise ValueError(f"{reference!r} does not exist in {folder}")
    return resolved


def is_inside(path: Path, roots) -> bool:
    """Whether ``path``, links followed, lies in one of the folders ``roots`` (links followed too)."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(Path(root).resolve()) for root in roots)
