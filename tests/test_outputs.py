"""A failed or interrupted build changes nothing: previous outputs stay, no temporary files are left."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deckgen.build import build
from deckgen.errors import DeckgenError
from deckgen.outputs import TEMP_MARK, output_set
from deckgen.project import Request


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_outputs_land_together(tmp_path):
    out = tmp_path / "out"
    with output_set(out) as outputs:
        outputs.temp_for(out / "a.txt").write_text("a")
        outputs.temp_for(out / "b.txt").write_text("b")
        assert not (out / "a.txt").exists()
        written = outputs.commit()
    assert written == [out / "a.txt", out / "b.txt"]
    assert snapshot(out) == {"a.txt": b"a", "b.txt": b"b"}


def test_a_failing_writer_leaves_the_previous_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old a")
    with pytest.raises(DeckgenError):
        with output_set(out) as outputs:
            outputs.temp_for(out / "a.txt").write_text("new a")
            raise DeckgenError("the second writer failed")
    assert snapshot(out) == {"a.txt": b"old a"}


def test_ctrl_c_leaves_the_previous_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old a")
    with pytest.raises(KeyboardInterrupt):
        with output_set(out) as outputs:
            outputs.temp_for(out / "a.txt").write_text("half")
            raise KeyboardInterrupt
    assert snapshot(out) == {"a.txt": b"old a"}


def test_bad_content_in_a_real_build_writes_nothing(example_build, write_content, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy2(example_build.deck, out)
    before = snapshot(out)
    broken = write_content("title: T\nmodels: []\n", name=f"{example_build.name}.yaml")
    with pytest.raises(DeckgenError):
        build(Request(content=broken, out_dir=out, only=("slides",)))
    assert snapshot(out) == before


# Runs ``deckgen`` (argv[2:]) with a build that, once every writer has written its temporary file and
# before they are moved into place, touches argv[1] and waits: the test's signal always arrives there.
# Ctrl-C is Python's KeyboardInterrupt, as in a terminal, even when the tests run as a background job
# (a shell without job control starts those with SIGINT ignored, and the child would inherit that).
PAUSED_BUILD = """
import signal, sys, time
from pathlib import Path
signal.signal(signal.SIGINT, signal.default_int_handler)
import deckgen.outputs
real_commit = deckgen.outputs.OutputSet.commit
def commit(self):
    Path(sys.argv[1]).touch()
    time.sleep(120)
    return real_commit(self)
deckgen.outputs.OutputSet.commit = commit
from deckgen.cli import main
main(sys.argv[2:], prog_name="deckgen")
"""


def _interrupted_build(example_path, out: Path, sig: int, ready: Path) -> subprocess.Popen:
    """Starts a full build and sends ``sig`` once its temporary files are written, before they land."""
    process = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, str(ready), "build", str(example_path),
                                "--out", str(out), "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if not ready.exists():
        process.kill()
        pytest.fail(f"the build never reached its commit:\n{process.communicate()[1].decode()}")
    assert [path.name for path in out.iterdir() if TEMP_MARK in path.name], "no temporary files to interrupt"
    process.send_signal(sig)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"the build did not end within 60 s of signal {sig!r}")
    return process


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 1), (signal.SIGTERM, 1), (signal.SIGKILL, -signal.SIGKILL)],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_build_keeps_previous_outputs(example_path, example_build, tmp_path, sig, status):
    out = tmp_path / "out"
    shutil.copytree(example_build.folder, out)
    before = snapshot(out)
    process = _interrupted_build(example_path, out, sig, tmp_path / "ready")
    assert process.returncode == status
    assert b"Traceback" not in process.stderr.read()
    strays = [path.name for path in out.iterdir() if TEMP_MARK in path.name]
    if sig == signal.SIGKILL:
        # A killed process cannot clean up: its temporary files are removed by the next build.
        assert strays != []
        build(Request(content=example_path, out_dir=out, only=("slides",)))
        strays = [path.name for path in out.iterdir() if TEMP_MARK in path.name]
        before[f"{example_path.stem}.pptx"] = (out / f"{example_path.stem}.pptx").read_bytes()
    assert strays == []
    assert snapshot(out) == before
