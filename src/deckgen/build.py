"""Running builders over a project: check them all, or write them all so that their files land
together (every output of the build, or none)."""

from __future__ import annotations

import warnings
from pathlib import Path

from deckgen.builders import builders
from deckgen.errors import DeckgenWarning, DoesNotFit, Problem
from deckgen.fonts import font_warnings
from deckgen.outputs import output_set
from deckgen.project import Project, Request, open_project


def build(request: Request, progress=None) -> list[Path]:
    """Open the project of ``request`` and write what it asks for; returns the files written."""
    return write(open_project(request, progress), request.only)


def write(project: Project, only: tuple[str, ...] = ()) -> list[Path]:
    """Every chosen builder's files, landed together; DoesNotFit with the problems of all builders."""
    chosen = builders(only)
    problems: list[Problem] = []
    with output_set(project.out_dir) as outputs:
        for builder in chosen:
            try:
                builder.write(project, outputs)
            except DoesNotFit as misfits:  # go on: the trainer sees every text to shorten at once
                problems += misfits.problems
        if problems:
            raise DoesNotFit(problems)
        return outputs.commit()


def check(request: Request) -> list[Problem]:
    """Every problem a build would meet, without writing anything; font stand-ins are warnings."""
    project = open_project(request)
    fonts = project.layout.fonts
    for message in font_warnings(fonts.heading, fonts.body, fonts.files):
        warnings.warn(message, DeckgenWarning, stacklevel=2)
    return [problem for builder in builders(request.only) for problem in builder.check(project)]
