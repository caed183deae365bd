"""Laying out the parts of a long handout or guide in worker processes, one a core.

WeasyPrint lays out on one core and keeps what it laid out until the document is written; a part is laid
out and written in a worker, which returns only its PDF, so the building process never imports WeasyPrint
and holds no page boxes. A task is plain data (the HTML, where files may be read from). The workers are
forked, as the cards' are (deckgen.cards.chunks): they share the building process's memory instead of
importing deckgen again, and it is frozen for the collector while they run (``gc.freeze``), so that a
collection in a worker does not copy the pages it only reads. They are kept for the whole build,
WeasyPrint imported once in each as it starts, and give the heap back after each part. With one core, or
``WORKERS = 1``, the tasks run in this process, one after the other.
"""

from __future__ import annotations

import gc
import os

from deckgen.errors import DeckgenError
from deckgen.memory import give_back

WORKERS: int | None = None  # None: one a core


def lay_out_task(task):
    """A part or a piece of the page layer laid out: ``task`` is (html, Setting, tagged, pages to skip)."""
    from deckgen.handout import document

    html, where, tagged, skip = task
    try:
        return document.lay_out(html, where, tagged, skip)
    finally:  # a worker holds one part's memory at a time, not the largest part's for the rest of the build
        give_back()


def _start() -> None:
    """Each worker imports WeasyPrint as it starts, both at once."""
    from deckgen.htmlpdf import weasyprint

    weasyprint()


class Workers:
    """``run(function, tasks)`` gives ``function(task)`` of every task, in order."""

    def __init__(self, count: int | None = None):
        """``count`` workers (the project's ``workers``: 1 for each build of a batch), else WORKERS, else one
        a core."""
        self.count = max(1, count or WORKERS or os.cpu_count() or 1)
        self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            gc.unfreeze()

    def run(self, function, tasks: list, done=None, meanwhile=None) -> list:
        """The results of ``function`` on ``tasks``, in their order; ``done(number)`` after each finishes.
        ``meanwhile()`` runs in this process while the workers start on the tasks."""
        if not tasks or self.count <= 1:
            if meanwhile:
                meanwhile()
        if not tasks:
            return []
        if self.count <= 1:
            results = []
            for task in tasks:
                results.append(function(task))
                if done:
                    done(len(results))
            return results
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        futures = {self._executor().submit(function, task): index for index, task in enumerate(tasks)}
        results: list = [None] * len(tasks)
        try:
            if meanwhile:
                meanwhile()
            for finished, future in enumerate(as_completed(futures), start=1):
                results[futures[future]] = future.result()
                if done:
                    done(finished)
        except BrokenProcessPool:
            raise DeckgenError("a process laying out the handout and the guide stopped before it was done "
                               "(was the computer out of memory?); nothing was written") from None
        except BaseException:
            for future in futures:
                future.cancel()
            raise
        return results

    def _executor(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            gc.freeze()  # until the workers stop (__exit__)
            self._pool = ProcessPoolExecutor(max_workers=self.count, mp_context=multiprocessing.get_context(method),
                                             initializer=_start)
        return self._pool
