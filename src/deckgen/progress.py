"""A one-line progress display on stderr ("laying out cards 120/1400"), for builds longer than a second.

Shown only when stderr is a terminal and --quiet is not given; a build that ends within DELAY seconds
shows nothing, and the line is erased before the written files are printed.
"""

from __future__ import annotations

import sys
import time

DELAY = 1.0  # s before anything is shown
INTERVAL = 0.1  # s between redraws of the same stage


class Progress:
    def __init__(self, enabled: bool, stream=None, clock=time.monotonic):
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.shown = 0  # width of the line on screen
        self.last = (None, -1.0)

    @classmethod
    def for_terminal(cls, quiet: bool, stream=None) -> Progress:
        stream = stream if stream is not None else sys.stderr
        isatty = getattr(stream, "isatty", None)
        return cls(not quiet and bool(isatty and isatty()), stream)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.clear()

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < DELAY:
            return
        if stage == self.last[0] and now - self.last[1] < INTERVAL and done < total:
            return
        self.last = (stage, now)
        text = f"{stage} {done}/{total}" if total > 1 else f"{stage}…"
        self.stream.write("\r" + text.ljust(self.shown))
        self.stream.flush()
        self.shown = max(self.shown, len(text))

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0
