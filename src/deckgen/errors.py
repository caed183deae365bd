"""The exceptions deckgen raises for input a person can fix; the CLI shows them without a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class DeckgenError(Exception):
    """Base class: a problem with the user's files or options, told in one message."""


@dataclass(frozen=True)
class Problem:
    """One break of a contract, located in a file."""

    file: Path | str | None  # None: a problem of the build as a whole, not of one file
    line: int | str | None  # a line number; in a workbook, the cell: "models!D4" (shown as FILE:models!D4:)
    column: int | None
    key_path: str
    message: str
    level: str = "error"  # "error": the build cannot go on; "warning" or "note": said, the build goes on
    label: str = ""  # the key path as people read it (deckgen.keypaths), shown instead of ``key_path``

    def __str__(self) -> str:
        message = self.message if self.level == "error" else f"{self.level}: {self.message}"
        shown = self.label or self.key_path
        if self.file is None:
            return f"{shown}: {message}" if shown else message
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {shown}:" if shown else ""
        return f"{where}:{key} {message}"


class InvalidInput(DeckgenError):
    """A content or layout file breaks its contract; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Misfit:
    """Text that a writer cannot fit, said where the trainer can act on it.

    ``key_path`` names the content value to shorten (``models[2].strengths``), as validation problems do,
    so that the project can locate it in the content file; ``place`` names the slide or card
    (``slide 5 'Persoonlijk netwerk'``), ``message`` says by how much and at what size."""

    key_path: str
    place: str
    message: str
    level: str = "error"  # or "note": text that was set smaller than designed, so that it fits


class DoesNotFit(InvalidInput):
    """Text that does not fit its slide or card even at the layout's smallest size; carries its problems,
    each located in the content file."""


class UnsafeReference(DeckgenError):
    """A layout or content file refers to something outside its own folder, or to the network."""


class DeckgenWarning(UserWarning):
    """Something the user should know that does not stop the build (shown as 'warning: ...')."""


def failure_message(error: Exception, target: Path) -> str:
    """How a command that failed says so: every problem of the user's files and that nothing was
    written, or the file that could not be written to ``target`` (a full disk, a read-only folder)."""
    if isinstance(error, InvalidInput):
        count = len(error.problems)
        return f"{error}\n{count} problem{'s' * (count != 1)} found; nothing was written."
    if isinstance(error, OSError):
        return f"error: cannot write {error.filename or target}: {error.strerror}; nothing was written"
    return f"error: {error}"
