"""Key paths as people read them: ``models[1].strengths[4]`` (the notation of the data, counted from 0)
becomes ``model 2 'Persoonlijke vriend', strengths item 5``: the model by its number counted from 1 and
its name, every list item counted from 1. Messages show this; the Problem keeps the data's path."""

from __future__ import annotations

import re

_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")
# Lists whose items people call by a word of their own, and name by their 'name' key.
ITEM_WORDS = {"models": "model"}


def readable(key_path: str, document=None) -> str:
    """``key_path`` in words, with the names found in ``document`` (the mapping the path walks into)."""
    key_path = str(key_path)  # a key YAML read as a number or true/false stands for itself
    if "[" not in key_path:
        return key_path
    out = ""
    node = document
    after_item = False  # the last step was a named item: the next key follows a comma
    last_key = None
    for match in _STEP.finditer(key_path):
        key, index = match.group(1), match.group(2)
        if key is not None:
            out += (", " if after_item else "." if out else "") + key
            after_item, last_key = False, key
            node = node.get(key) if isinstance(node, dict) else None
            continue
        number = int(index)
        node = node[number] if isinstance(node, list) and number < len(node) else None
        word = ITEM_WORDS.get(last_key)
        if word is not None and out.endswith(last_key):
            name = node.get("name") if isinstance(node, dict) else None
            out = out[: len(out) - len(last_key)] + f"{word} {number + 1}"
            if isinstance(name, str) and name.strip() and name.isprintable():  # a message never prints controls
                shown = " ".join(name.split())
                out += f" '{shown if len(shown) <= 40 else shown[:39] + chr(0x2026)}'"
            after_item = True
        else:
            out += f" item {number + 1}"
            after_item = True
    return out
