"""One LibreOffice kept running for a watch session, so that a save does not wait for it to start.

LibreOffice is driven through unoserver (PyPI; the LibreOffice project's own recipe for a conversion
server): its server runs under a Python that has LibreOffice's ``uno`` module (Debian: python3-uno, in
the system's python3, not in our virtual environment) and talks to LibreOffice over its UNO socket; we
talk to it over XML-RPC, which needs nothing but the standard library and unoserver's client. When no
such Python is found, or the server does not come up, ``OfficeServer.convert`` starts LibreOffice cold
for every deck instead (``preview.deck_to_pdf``) and ``note`` says once why.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from deckgen.errors import DeckgenError

STARTUP_SECONDS = 90  # LibreOffice's first start on a busy 2-core machine can take half a minute
CONVERSION_SECONDS = 120  # unoserver stops a LibreOffice that takes longer (a hang), and we start cold


def uno_pythons() -> list[str]:
    """Pythons that may have LibreOffice's ``uno``: ours, the system's (Debian's python3-uno), the one an
    official LibreOffice build brings in its program folder."""
    candidates = [sys.executable, "/usr/bin/python3"]
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        candidates.append(str(Path(os.path.realpath(office)).parent / "python"))
    seen: list[str] = []
    for candidate in candidates:
        if candidate not in seen and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            seen.append(candidate)
    return seen


def _unoserver_path(folder: Path) -> Path:
    """A folder holding only unoserver (package and metadata), for the uno Python's PYTHONPATH: the server
    then imports nothing else of our environment."""
    import importlib.metadata

    import unoserver

    folder.mkdir()
    (folder / "unoserver").symlink_to(Path(unoserver.__file__).parent)
    files = importlib.metadata.distribution("unoserver").files or []
    metadata = next(Path(str(file.locate())).parent for file in files if file.name == "METADATA")
    (folder / metadata.name).symlink_to(metadata)  # unoserver reads its own version from it
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OfficeServer:
    """A LibreOffice started once (in the background: ``start``) and used for every ``convert``."""

    def __init__(self, note=lambda text: None):
        self.note = note  # says once why the slow path is taken
        self._process: subprocess.Popen | None = None
        self._port = 0
        self._folder: tempfile.TemporaryDirectory | None = None
        self._ready = threading.Event()
        self._usable = False
        self._lock = threading.Lock()  # one conversion at a time: LibreOffice itself is not thread-safe
        self._closed = False
        self._started = False

    def start(self) -> None:
        """Start LibreOffice without waiting for it; ``convert`` waits (and starts it, if not yet asked to)."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._start, name="deckgen-office", daemon=True).start()

    def _start(self) -> None:
        try:
            self._usable = self._launch()
        except (OSError, ImportError, DeckgenError) as error:
            self._give_up(str(error))
        finally:
            self._ready.set()

    def _launch(self) -> bool:
        if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
            return False  # the page says that slide pictures need LibreOffice
        self._folder = tempfile.TemporaryDirectory(prefix="deckgen-office-")
        folder = Path(self._folder.name)
        env = {**os.environ, "PYTHONPATH": str(_unoserver_path(folder / "python"))}
        python = next((py for py in uno_pythons() if subprocess.run(
            [py, "-c", "import uno, unoserver.server"], env=env, capture_output=True).returncode == 0), None)
        if python is None:
            self._give_up("no Python with LibreOffice's uno module was found (Debian: apt-get install python3-uno)")
            return False
        self._port, uno_port = _free_port(), _free_port()
        process = subprocess.Popen(
            [python, "-m", "unoserver.server", "--interface", "127.0.0.1", "--port", str(self._port),
             "--uno-interface", "127.0.0.1", "--uno-port", str(uno_port), "--quiet",
             "--user-installation", str(folder / "profile"), "--conversion-timeout", str(CONVERSION_SECONDS)],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: LibreOffice is stopped with it, and Ctrl-C is ours
        )
        self._process = process
        if self._closed:  # closed while it was starting (Ctrl-C during the first build)
            self.close()
            return False
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._give_up(f"unoserver ended at start (exit code {self._process.returncode})")
                return False
            if self._answers():
                return True
            time.sleep(0.2)
        self._give_up(f"LibreOffice did not answer within {STARTUP_SECONDS} s")
        self.close()
        return False

    def _answers(self) -> bool:
        from xmlrpc.client import ServerProxy

        try:
            with ServerProxy(f"http://127.0.0.1:{self._port}") as proxy:
                proxy.info()
            return True
        except OSError:
            return False

    def _give_up(self, reason: str) -> None:
        self._usable = False
        self.note(f"slide pictures: LibreOffice is started anew for every save (slower): {reason}")

    @property
    def running(self) -> bool:
        """Whether conversions go to the LibreOffice kept running (waits for it to have started)."""
        self.start()
        self._ready.wait()
        return self._usable and self._process is not None and self._process.poll() is None

    def convert(self, deck: Path, pdf: Path, pages: list[int] | None = None) -> Path:
        """``deck`` as ``pdf``; only the slides numbered ``pages`` (from 1) when given."""
        from deckgen.preview import deck_to_pdf

        if self.running:
            from unoserver.client import UnoClient

            options = [f"PageRange={','.join(f'{page}-{page}' for page in pages)}"] if pages else []
            try:
                with self._lock:
                    UnoClient(port=str(self._port)).convert(inpath=str(deck), outpath=str(pdf), convert_to="pdf",
                                                            filter_options=options, update_index=False)
                return pdf
            except Exception as error:  # noqa: BLE001 -- whatever went wrong over there, the cold path still works
                self._give_up(f"the running LibreOffice failed ({error})")
                self.close()
        return deck_to_pdf(deck, pdf.parent, pages).replace(pdf)

    def close(self) -> None:
        """Stop unoserver and its LibreOffice (one process group) and remove the profile."""
        self._closed = True
        process, self._process = self._process, None
        if process is not None:
            # SIGTERM first, for a clean end; then SIGKILL to the whole group, as LibreOffice's launcher
            # (oosplash) may outlive its soffice.bin. The profile is a throwaway one: nothing is lost.
            for stop, grace in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(process.pid, stop)
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=grace)
                except subprocess.TimeoutExpired:
                    pass
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
