"""The builders: each output deckgen makes is a builder with a name, registered here.

A builder reads a resolved ``Project`` and nothing else (as Sphinx builders read one environment):

- ``outputs(names)`` names the files it writes, by role (``{"deck": OUT/NAME.pptx}``), from the
  project's ``OutputNames``;
- ``check(project)`` returns every problem a build would meet (text that does not fit), located in the
  content or layout file, and writes nothing;
- ``write(project, outputs)`` writes its files to the temporary paths ``outputs.temp_for(final)``
  gives, or raises DoesNotFit with its problems; the files land only when every builder succeeded.

A new output is one module with such a class plus one line in ``REGISTRY``. Builders are imported
only when used, so that ``deckgen --help`` does not load WeasyPrint.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from deckgen.errors import DeckgenError

if TYPE_CHECKING:
    from deckgen.errors import Problem
    from deckgen.outputs import OutputSet
    from deckgen.project import OutputNames, Project


class Builder(Protocol):
    name: str

    def outputs(self, names: OutputNames) -> dict[str, Path]: ...

    def check(self, project: Project) -> list[Problem]: ...

    def write(self, project: Project, outputs: OutputSet) -> None: ...


@dataclass(frozen=True)
class Registration:
    name: str
    target: str  # "module:Class"
    summary: str  # one line for --help

    def load(self) -> Builder:
        module, _, cls = self.target.partition(":")
        return getattr(importlib.import_module(module), cls)()


REGISTRY: dict[str, Registration] = {
    registration.name: registration
    for registration in (
        Registration("slides", "deckgen.slides.builder:SlidesBuilder", "the editable PowerPoint deck"),
        Registration("cards", "deckgen.cards.builder:CardsBuilder",
                     "card sheets, single cards for a print shop and the HTML preview"),
        Registration("handout", "deckgen.handout.builder:HandoutBuilder", "participants' handout, facilitator's guide"),
    )
}

BUILDER_NAMES = tuple(REGISTRY)


def builders(names: tuple[str, ...] | list[str] = ()) -> list[Builder]:
    """The builders named (in registry order), or all of them when ``names`` is empty."""
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise DeckgenError(f"no builder called {', '.join(map(repr, unknown))}; "
                           f"expected one of {', '.join(BUILDER_NAMES)}")
    return [REGISTRY[name].load() for name in BUILDER_NAMES if not names or name in names]


def builder(name: str) -> Builder:
    return builders((name,))[0]
