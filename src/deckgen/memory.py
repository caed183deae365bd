"""Giving memory back between builders, so that a large build's process tree holds one writer's memory at a
time, not the sum of all of them.

A writer's objects are freed when it is done (the deck's XML trees, the laid-out pages), but the C library
keeps the freed heap for the process: the parent that wrote a 700-slide deck still holds some 250 MB while
the card workers it forks next lay out their pages. glibc's ``malloc_trim`` hands the free heap back to the
system (as Dask's workers do to trim their memory); elsewhere (musl, macOS) only the collection runs."""

from __future__ import annotations

import ctypes
import functools
import gc


@functools.cache
def _malloc_trim():
    # The symbols of the running program and its C library; not ctypes.util.find_library, which runs
    # ldconfig in a forked copy of this (large) process.
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def give_back() -> None:
    """Collect what is unreachable, then return the free heap to the system where the C library can."""
    gc.collect()
    trim_heap()


def trim_heap() -> None:
    """Return the free heap to the system where the C library can, without a collection (for a caller that
    has just collected: the card workers after each chunk)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
