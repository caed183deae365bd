"""The only way WeasyPrint may read a file: file:// URLs inside the layout and content folders, data: URIs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from deckgen.errors import UnsafeReference
from deckgen.safepaths import is_inside


def safe_fetcher(roots):
    """A WeasyPrint URL fetcher that refuses everything outside ``roots`` (imports WeasyPrint)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class Refused(FatalURLFetchingError):
        """Stops the rendering: WeasyPrint lets BaseExceptions through instead of logging a warning."""

    class SafeFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
            self.roots = tuple(Path(root).resolve() for root in roots)
            self.refused = Refused

        def fetch(self, url, headers=None):
            reason = refusal(url, self.roots)
            if reason:
                raise Refused(reason)
            return super().fetch(url, headers)

    return SafeFetcher()


def refusal(url: str, roots) -> str | None:
    """Why ``url`` may not be read, or None when it may."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return None
    if scheme != "file":
        return f"{url!r} is not a local file; cards may only use files inside {_where(roots)}"
    if parts.netloc not in ("", "localhost"):
        return f"{url!r} names another host; cards may only use files inside {_where(roots)}"
    path = Path(unquote(parts.path))
    if not is_inside(path, roots):
        return f"{url!r} lies outside {_where(roots)}; refused"
    return None


def _where(roots) -> str:
    return "the layout and content folders (" + ", ".join(str(root) for root in roots) + ")"


def unsafe(error: BaseException) -> UnsafeReference:
    return UnsafeReference(f"cards: {error}")
