"""The only way WeasyPrint may read a file: file:// URLs inside the layout and content folders, data: URIs."""

from __future__ import annotations

from deckgen.errors import UnsafeReference

# The fetcher is shared with the handout (moved to deckgen.htmlpdf).
from deckgen.htmlpdf import refusal as refusal, safe_fetcher as safe_fetcher


def unsafe(error: BaseException) -> UnsafeReference:
    return UnsafeReference(f"cards: {error}")
