"""Running builders over a project: check them all, or write them all so that their files land
together (every output of the build, or none)."""

from __future__ import annotations

import warnings
from pathlib import Path

from deckgen import memory
from deckgen.builders import builders
from deckgen.contrast import contrast_warnings
from deckgen.errors import DeckgenWarning, DoesNotFit, Misfit, Problem
from deckgen.fonts import font_warnings
from deckgen.outputs import output_set
from deckgen.pictures import alt_warnings
from deckgen.project import Project, Request, open_project


def build(request: Request, progress=None) -> list[Path]:
    """Open the project of ``request`` (and of its translations) and write what it asks for; returns the
    files written."""
    from deckgen.translation import open_projects

    return write_all(open_projects(request, progress), request.only)


def write(project: Project, only: tuple[str, ...] = ()) -> list[Path]:
    """Every chosen builder's files, landed together; DoesNotFit with the problems of all builders."""
    return write_all([project], only)


def write_all(projects: list[Project], only: tuple[str, ...] = ()) -> list[Path]:
    """Every chosen builder's files of every project (a workshop in each of its languages), landed together."""
    chosen = builders(only)
    problems: list[Problem] = []
    with output_set(projects[0].out_dir) as outputs:
        for project in projects:
            for builder in chosen:
                try:
                    builder.write(project, outputs)
                except DoesNotFit as misfits:  # go on: the trainer sees every text to shorten at once
                    problems += misfits.problems
                finally:
                    memory.give_back()  # the next builder's workers are forked from this process
        if problems:
            raise DoesNotFit(problems)
        return outputs.commit()


def check(request: Request) -> list[Problem]:
    """Every problem a build would meet, without writing anything: the builders' problems and notes, and
    the layout's colours that text cannot be read in and pictures without alt text (warnings); font stand-ins
    are warnings too."""
    project = open_project(request)
    fonts = project.layout.fonts
    for message in font_warnings(fonts.heading, fonts.body, fonts.files, project.layout.from_theme):
        warnings.warn(message, DeckgenWarning, stacklevel=2)
    problems = [project.locate(Misfit(_changed_key(project, warning.keys), "", str(warning), "warning"))
                for warning in contrast_warnings(project.layout.colors)]
    problems += [project.locate(misfit) for misfit in alt_warnings(project.workshop.pictures)]
    problems += [problem for builder in builders(request.only) for problem in builder.check(project)]
    from deckgen.translation import translation_problems

    return problems + translation_problems(project, request)


def _changed_key(project: Project, keys: tuple[str, str]) -> str:
    """Of a text colour and its background, the key the layout's own file sets (what its author chose),
    so that the warning points at their line rather than at a parent layout's."""
    from deckgen.sourcemap import source_map
    from deckgen.yamlsource import read_yaml

    own = source_map(read_yaml(project.layout.folder / "layout.yaml", "layout file")).positions
    paths = [f"colors.{key.split('/')[0]}" for key in keys]
    return next((path for path in paths if path in own), paths[0])
