"""Byte-identical output: fixed document properties and zip entries with fixed times, in a fixed order.

python-pptx writes the current time into docProps/core.xml and into every zip entry; the time used
here is the build's source date (deckgen.reproducible) when it is set, else a fixed date.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

from deckgen.reproducible import source_date

FIXED = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)

# A core property holds at most 255 characters (python-pptx refuses more) of what XML 1.0 can hold.
PROPERTY_LIMIT = 255
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def build_time() -> datetime.datetime:
    return source_date() or FIXED


def set_properties(prs, title: str, author: str, language: str) -> None:
    when = build_time().replace(tzinfo=None)
    core = prs.core_properties
    core.title = property_text(title)
    core.author = core.last_modified_by = property_text(author)
    core.language = property_text(language)
    core.revision = 1
    core.created = core.modified = core.last_printed = when


def property_text(text: str) -> str:
    """``text`` as a core property can hold it: without the characters XML 1.0 cannot (control
    characters, lone surrogates, U+FFFE/U+FFFF), cut to 255 characters ending with "…" when cut."""
    text = NOT_XML.sub("", str(text))
    if len(text) > PROPERTY_LIMIT:
        text = text[:PROPERTY_LIMIT - 1].rstrip() + "\u2026"
    return text


def write_zip(entries: dict[str, bytes], target: Path) -> None:
    """A package of ``entries`` (name: bytes) at ``target``: [Content_Types].xml first, as the Open Packaging
    Conventions readers expect, the rest sorted, every entry with the build's time."""
    stamp = max(build_time(), datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc))
    date_time = stamp.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as result:
        for name in sorted(entries, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            result.writestr(info, entries[name], compresslevel=6)
    Path(target).write_bytes(out.getvalue())
