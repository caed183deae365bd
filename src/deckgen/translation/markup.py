"""What a translation must keep of its source: the placeholders (``{count}``) and the emphasis marks
(``*italic*``, ``**bold**``), as many of each and none left open."""

from __future__ import annotations

import re
from collections import Counter

from deckgen.inline import parse_inline

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def markup_slips(source: str, translation: str) -> list[str]:
    """What ``translation`` lost or broke of ``source``'s marks, in words (empty: nothing)."""
    slips = []
    wanted, found = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(translation))
    for placeholder in sorted(wanted - found):
        slips.append(f"the placeholder {placeholder} of the source is missing; keep it as it is written")
    for placeholder in sorted(found - wanted):
        slips.append(f"{placeholder} is not a placeholder of the source; write the source's "
                     f"{', '.join(sorted(wanted)) or 'text without braces'}")
    for kind, marks in (("italic", "*...*"), ("bold", "**...**")):
        had, has = _emphasis(source, kind), _emphasis(translation, kind)
        if had != has:
            slips.append(f"the source has {had} {kind} part{'s' * (had != 1)} ({marks}), the translation {has}")
    if _stray_stars(translation) > _stray_stars(source):
        slips.append("a * in the translation opens no italic or bold, or is never closed; "
                     "write *italic* and **bold** with the marks around the words")
    return slips


def _emphasis(text: str, kind: str) -> int:
    """How many separate runs of italic (or bold) ``text`` has."""
    count, inside = 0, False
    for span in parse_inline(text).spans:
        on = span.italic if kind == "italic" else span.bold
        count += on and not inside
        inside = on
    return count


def _stray_stars(text: str) -> int:
    return parse_inline(text).plain.count("*")
