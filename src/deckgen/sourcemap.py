"""Where every value of a YAML document stands: its key path (``models[2].strengths[0]``) to its line
and column, so that a problem found long after loading (text that does not fit a card) points at the
line a person must edit."""

from __future__ import annotations

import re

_LAST_STEP = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


class SourceMap:
    """Key paths to 1-based (line, column) of their values: given, or found from the file's ``text`` when
    first asked for (most builds never need a line, and finding them costs a careful reading of the file)."""

    def __init__(self, positions: dict[str, tuple[int, int]] | None = None, *, text: str | None = None):
        self._positions = positions if positions is not None or text is not None else {}
        self._text = text

    @property
    def positions(self) -> dict[str, tuple[int, int]]:
        if self._positions is None:
            from deckgen.yamlsource import careful_load

            self._positions = source_map(careful_load(self._text)).positions
            self._text = None
        return self._positions

    def locate(self, key_path: str) -> tuple[int | None, int | None]:
        """The position of ``key_path``, else of its nearest parent that the file has (a model without a
        ``title`` key is located at the model); (None, None) when not even the root is known."""
        path = key_path
        while True:
            if path in self.positions:
                return self.positions[path]
            shorter = _LAST_STEP.sub("", path)
            if shorter == path:
                return self.positions.get("", (None, None))
            path = shorter


def source_map(document) -> SourceMap:
    """The positions of every key and item of a document read by ruamel.yaml's round-trip loader."""
    positions: dict[str, tuple[int, int]] = {}
    lc = getattr(document, "lc", None)
    if lc is not None:
        positions[""] = (lc.line + 1, lc.col + 1)
    _walk(document, "", positions)
    return SourceMap(positions)


def _walk(node, path: str, positions: dict) -> None:
    lc = getattr(node, "lc", None)
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            # a list or mapping is pointed at by its key, a text by its first character
            position = _position(lc, "key" if isinstance(value, (dict, list)) else "value", key)
            if position:
                positions[child] = position
            _walk(value, child, positions)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            child = f"{path}[{index}]"
            position = _position(lc, "item", index)
            if position:
                positions[child] = position
            _walk(value, child, positions)


def _position(lc, kind: str, key) -> tuple[int, int] | None:
    if lc is None:
        return None
    try:
        line, column = getattr(lc, kind)(key)
    except (KeyError, TypeError, AttributeError, IndexError):
        return None
    return line + 1, column + 1
