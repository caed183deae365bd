"""Fixtures of the slides tests: the decks every client must open (client_decks.py), built once per run,
and what Microsoft's Open XML SDK validator says of a deck (the validator itself is found, and the
``ooxml`` marker handled, in tests/conftest.py with the other programs tests need)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from client_decks import build_deck


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

