"""Progress: a line on a terminal for builds over a second; nothing but the written files otherwise."""

from __future__ import annotations

import io

from click.testing import CliRunner

from deckgen.cli import main
from deckgen.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


CONTENT = """\
language: en
title: Progress workshop
models:
  - name: Only model
    summary: [A summary]
    strengths: [A strength]
    weaknesses: [A weakness]
"""


def test_not_a_terminal_prints_only_the_written_files(tmp_path):
    source = tmp_path / "w.yaml"
    source.write_text(CONTENT, encoding="utf-8")
    for extra in ([], ["--quiet"]):
        result = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "out"), *extra])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines and all(line.startswith(str(tmp_path / "out")) for line in lines), lines
        assert "\r" not in result.output and "laying out" not in result.output


def test_quiet_or_no_terminal_disables_progress():
    assert not Progress.for_terminal(quiet=True, stream=Terminal()).enabled
    assert not Progress.for_terminal(quiet=False, stream=io.StringIO()).enabled
    assert Progress.for_terminal(quiet=False, stream=Terminal()).enabled


def test_a_short_build_shows_nothing_a_long_one_a_line_that_is_erased():
    stream, clock = Terminal(), Clock()
    progress = Progress(True, stream, clock)
    progress.update("laying out cards", 10, 1400)
    assert stream.getvalue() == ""  # under a second: nothing
    clock.now = 1.5
    progress.update("laying out cards", 120, 1400)
    assert stream.getvalue().endswith("laying out cards 120/1400")
    clock.now = 2.0
    progress.update("writing sheets", 0, 1)
    assert "writing sheets" in stream.getvalue()
    progress.clear()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().split("\r")[-2].strip() == ""  # the line is blanked out
