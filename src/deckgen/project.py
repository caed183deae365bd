"""The project: one content file resolved once, with everything every builder needs.

``open_project`` loads and validates the workshop (keeping where each value stands in the file),
chooses and resolves the layout (the command line's, else the content's own ``layout``, else
``default``), resolves the labels and the print settings, and names the output folder. Every command
(build, check, batch, watch, preview) starts here; builders only read the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen import reproducible
from deckgen.content import CONTENT_SPEC, build_workshop, load_data
from deckgen.errors import DeckgenError, InvalidInput, Misfit, Problem
from deckgen.keypaths import readable
from deckgen.labels import Labels, resolve_labels
from deckgen.layout import Layout, load_layout
from deckgen.layout.spec import is_layout_name
from deckgen.model import Workshop
from deckgen.printing import PrintOptions, PrintSettings, resolve_print
from deckgen.sourcemap import SourceMap, source_map

if TYPE_CHECKING:
    from deckgen.translation.apply import Translation

DEFAULT_LAYOUT = "default"
CONTENT_SUFFIXES = (".yaml", ".yml", ".xlsx")  # the files a workshop can be written in, first found first
DEFAULT_OUT_DIR = Path("output")
# Laid-out card sides, one folder a workshop under the output folder (deckgen.cards.cache): each build
# prunes what it did not use, so workshops built into one folder must not share theirs.
CACHE_DIR = ".deckgen-cache"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class Request:
    """What a command asks for, before anything is read: the inputs and how to build them."""

    content: Path
    out_dir: Path = DEFAULT_OUT_DIR
    layout: str | None = None  # name or folder; None: the content's own, else default
    only: tuple[str, ...] = ()  # builder names; empty: every builder
    print_options: PrintOptions = PrintOptions()
    cache: bool = False  # keep laid-out card sides in OUT/.deckgen-cache/NAME/ and reuse them
    workers: int | None = None  # processes for the builders that spread work; None: the available cores
    languages: tuple[str, ...] = ()  # to build (deckgen.translation); empty: the content's and every PO file's


@dataclass(frozen=True)
class OutputNames:
    """Where a workshop's files go: ``OUT/NAME`` plus each builder's suffix."""

    folder: Path
    name: str  # the content file's name without extension

    def path(self, suffix: str) -> Path:
        """``path("-cards.pdf")`` is ``OUT/NAME-cards.pdf``."""
        return self.folder / f"{self.name}{suffix}"


@dataclass(frozen=True)
class Project:
    """A workshop ready to build: read, validated, located, styled and given its print form."""

    workshop: Workshop
    sources: SourceMap
    layout: Layout
    labels: Labels
    print: PrintSettings
    out_dir: Path
    cache: bool = False
    workers: int | None = None
    progress: Progress | None = field(default=None, compare=False)
    translation: Translation | None = None  # a translated build: its language and PO file

    @property
    def content(self) -> Path:
        return self.workshop.source

    @property
    def name(self) -> str:
        """The base name of every output file: the content file's name without extension, and the language
        of a translation (``netwerkversterking-fr``)."""
        return self.workshop.name + (f"-{self.translation.code}" if self.translation else "")

    @property
    def names(self) -> OutputNames:
        return OutputNames(self.out_dir, self.name)

    @property
    def cache_dir(self) -> Path | None:
        return self.out_dir / CACHE_DIR / self.name if self.cache else None

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def locate(self, misfit: Misfit) -> Problem:
        """A writer's misfit as a problem at the line of the value to shorten: in the content file, or
        in the layout file that sets it (a footer comes from the layout)."""
        root = misfit.key_path.split(".")[0].split("[")[0]
        message = f"{misfit.place}: {misfit.message}" if misfit.place else misfit.message
        if root and root not in CONTENT_SPEC.fields:
            return replace(_layout_problem(self.layout, misfit.key_path, message), level=misfit.level)
        (line, column), file = self.sources.locate(misfit.key_path), self.content
        translated = self.translation.place(misfit.key_path) if self.translation else None
        if translated:  # the translation is the text to shorten
            (file, line), column = translated, None
        names = {"models": [{"name": model.name.plain} for model in self.workshop.models]}
        return Problem(file, line, column, misfit.key_path, message, misfit.level,
                       readable(misfit.key_path, names))


def open_project(request: Request, progress: Progress | None = None) -> Project:
    """The project of ``request``; InvalidInput (every problem, located) or DeckgenError when it cannot be."""
    return open_project_with_data(request, progress)[0]


def open_project_with_data(request: Request, progress: Progress | None = None) -> tuple[Project, dict]:
    """The project of ``request`` and the validated content mapping it was made from (a translation replaces
    that mapping's texts), the content file read once."""
    data, sources = load_data(request.content)
    workshop = build_workshop(data, Path(request.content))
    layout = _chosen_layout(request.layout, workshop, sources)
    project = assemble(workshop, layout, request.out_dir, sources=sources, print_options=request.print_options,
                       cache=request.cache, workers=request.workers, progress=progress)
    return project, data


def assemble(workshop: Workshop, layout: Layout, out_dir: Path = DEFAULT_OUT_DIR, *,
             sources: SourceMap | None = None, print_options: PrintOptions = PrintOptions(),
             cache: bool = False, workers: int | None = None, progress: Progress | None = None) -> Project:
    """The project of a workshop and a layout already in hand (from another source than a content file,
    or in tests): the labels and print settings resolved, the build's source date checked."""
    settings = resolve_print(print_options, layout.cards.paper, layout.cards.duplex, layout.cards.print_shop)
    reproducible.source_date()  # a malformed SOURCE_DATE_EPOCH stops the build before anything is laid out
    return Project(
        workshop=workshop,
        sources=sources or SourceMap(),
        layout=layout,
        labels=resolve_labels(workshop.language, layout.labels, workshop.labels),
        print=settings,
        out_dir=out_dir,
        cache=cache,
        workers=workers,
        progress=progress,
    )


def find_content(path: Path) -> Path:
    """The content file a person means: ``path`` itself, or ``path.yaml`` (``.yml``, ``.xlsx``) when they
    left off the extension.

    A name that is none of these is returned as given: loading it says it does not exist, and suggests a
    close name in its folder."""
    if path.exists() or path.suffix.lower() in CONTENT_SUFFIXES:
        return path
    for suffix in CONTENT_SUFFIXES:
        if path.with_name(path.name + suffix).is_file():
            return path.with_name(path.name + suffix)
    return path


def layout_reference(command_line: str | None, workshop: Workshop) -> str:
    """Which layout a build uses: the one the command line names, else the content's own, else default."""
    return command_line or workshop.layout or DEFAULT_LAYOUT


def _chosen_layout(command_line: str | None, workshop: Workshop, sources: SourceMap) -> Layout:
    """The layout of the build. A name is looked for beside the content file first; a path on the command
    line is relative to the current folder, one in the content file relative to the content file."""
    near = workshop.source.parent
    if command_line and not is_layout_name(command_line):
        return load_layout(str(Path(command_line).absolute()))
    if command_line or not workshop.layout:
        return load_layout(layout_reference(command_line, workshop), near=near)
    try:
        return load_layout(workshop.layout, near=near)
    except InvalidInput:
        raise
    except DeckgenError as error:  # the content file named it: point at that line
        line, column = sources.locate("layout")
        raise InvalidInput([Problem(workshop.source, line, column, "layout",
                                    str(error).removeprefix("layout "))]) from None


def _layout_problem(layout: Layout, key_path: str, message: str) -> Problem:
    """The problem at the layout file of the chain that sets ``key_path`` (the layout's own first)."""
    from deckgen.yamlsource import read_yaml

    for folder in layout.folders:
        source = folder / "layout.yaml"
        try:
            sources = source_map(read_yaml(source, "layout file"))
        except DeckgenError:
            continue
        if key_path in sources.positions:
            line, column = sources.positions[key_path]
            return Problem(source, line, column, key_path, message)
    return Problem(layout.folder / "layout.yaml", None, None, key_path, message)
