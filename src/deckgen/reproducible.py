"""The build's clock: SOURCE_DATE_EPOCH when it is set (the reproducible-builds convention), so that two
builds of the same sources are byte for byte the same file."""

from __future__ import annotations

import datetime
import os

from deckgen.errors import DeckgenError


def source_date() -> datetime.datetime | None:
    """The moment SOURCE_DATE_EPOCH names (UTC), or None when it is not set.

    A value that is not a whole number of seconds is refused, as the convention asks, rather than
    silently giving a build that is not reproducible."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise DeckgenError(f"SOURCE_DATE_EPOCH is {text!r}; expected a whole number of seconds since "
                           "1970-01-01, or unset it")
    try:
        return datetime.datetime.fromtimestamp(int(text), tz=datetime.timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise DeckgenError(f"SOURCE_DATE_EPOCH is {text!r}, which is out of range; unset it") from None


def w3c_date(moment: datetime.datetime) -> str:
    """``2018-05-17T09:00:00Z``: the form of dates in HTML meta and PDF metadata."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
