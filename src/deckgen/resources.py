"""Where the files that ship with deckgen live: in the installed package, or in the checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(folder: str) -> Path:
    """The shipped ``content`` or ``layouts`` folder.

    A wheel carries them as package data under ``deckgen/_data``; an editable install
    runs from the checkout, where they are the top-level folders that people edit.
    """
    packaged = _PACKAGE / "_data" / folder
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / folder


def example_content() -> Path:
    return bundled("content") / "netwerkversterking.yaml"
