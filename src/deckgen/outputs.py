"""All-or-nothing writing of a build's files: temporary files in the output folder, moved into place
only when every output succeeded, removed when the build fails or is interrupted."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path

TEMP_MARK = ".deckgen-tmp-"


class OutputSet:
    """The files one build writes; writers get a temporary path for each."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._pending: dict[Path, Path] = {}
        self._after_commit: list = []

    def after_commit(self, callback) -> None:
        """Run ``callback`` once every file has landed (a cache that must only keep what was delivered)."""
        self._after_commit.append(callback)

    def temp_for(self, final: Path) -> Path:
        temp = final.with_name(f".{final.name}{TEMP_MARK}{os.getpid()}{final.suffix}")
        self._pending[final] = temp
        return temp

    def commit(self) -> list[Path]:
        for final, temp in self._pending.items():
            if not temp.is_file():
                raise RuntimeError(f"the writer of {final.name} wrote nothing")
        # Ctrl-C or SIGTERM between two moves would leave new files beside old ones: hold them until all moved.
        mask = getattr(signal, "pthread_sigmask", None)
        previous = mask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}) if mask else None
        try:
            for final, temp in self._pending.items():
                os.replace(temp, final)
        finally:
            if mask:
                mask(signal.SIG_SETMASK, previous)
        written = list(self._pending)
        self._pending.clear()
        for callback in self._after_commit:
            callback()
        self._after_commit.clear()
        return written

    def discard(self) -> None:
        for temp in self._pending.values():
            try:
                temp.unlink(missing_ok=True)
            except OSError:  # a read-only or vanished folder: the build's own error is the one to tell
                pass
        self._pending.clear()


@contextmanager
def output_set(folder: Path):
    """Yields an OutputSet; its files land only if the block completes, even on Ctrl-C or SIGTERM."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    outputs = OutputSet(folder)
    previous = _terminate_as_interrupt()
    try:
        yield outputs
    except BaseException:
        outputs.discard()
        raise
    finally:
        _restore(previous)


def remove_stale_temps(folder: Path) -> None:
    """Temporary files left by a build that was killed outright (SIGKILL) are removed by the next one."""
    for temp in folder.glob(f".*{TEMP_MARK}*"):
        pid = temp.name.split(TEMP_MARK)[-1].split(".")[0]
        if not pid.isdigit() or not _alive(int(pid)):
            temp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _terminate_as_interrupt():
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not in the main thread: leave signals alone
        return None


def _restore(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)
