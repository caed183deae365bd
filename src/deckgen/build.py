"""One build: load the content and the layout, run the writers, land their files together."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.content import load_workshop
from deckgen.errors import DeckgenError, DeckgenWarning, InvalidInput, Problem
from deckgen.fonts import font_warnings
from deckgen.layout import Layout, load_layout
from deckgen.model import Workshop
from deckgen.outputs import output_set

# Laid-out card sides, under the output folder, one folder a workshop (deckgen.cards.cache): each build
# prunes what it did not use, so workshops built into one folder must not share theirs.
CACHE_DIR = ".deckgen-cache"

@dataclass(frozen=True)
class BuildRequest:
    content: Path
    out_dir: Path
    layout: str | None = None
    only: str | None = None  # "slides" | "cards" | None for everything
    paper: str | None = None
    duplex: str | None = None
    back_offset: tuple[float, float] = (0.0, 0.0)
    workers: int | None = None  # processes for laying out cards; None: the available cores
    # Keep laid-out card sides in OUT/.deckgen-cache/NAME/ and reuse them (the CLI's default; --no-cache).
    cache: bool = False
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class OutputNames:
    """Where a workshop's files go (workshop-format.md, "Output files")."""

    folder: Path
    name: str

    @property
    def slides(self) -> Path:
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


def load(content: Path, layout: str | None) -> tuple[Workshop, Layout]:
    """The workshop and its layout: the one named, else the content's own ``layout``, else default."""
    workshop = load_workshop(content)
    if layout or not workshop.layout:
        return workshop, load_layout(layout or "default")
    try:
        return workshop, load_layout(workshop.layout)
    except InvalidInput:
        raise
    except DeckgenError as error:  # the content file named it: point at that line
        raise InvalidInput([_layout_key_problem(content, str(error))]) from None


def _layout_key_problem(content: Path, message: str) -> Problem:
    from deckgen.schema import Loc
    from deckgen.yamlsource import read_yaml

    loc = Loc("").key(read_yaml(Path(content), "content file"), "layout")
    return Problem(content, loc.line, loc.column, "layout", message.removeprefix("layout "))


def build(request: BuildRequest) -> list[Path]:
    """Writes the requested outputs; either all of them land or none, and the written paths return."""
    workshop, layout = load(request.content, request.layout)
    names = OutputNames(request.out_dir, workshop.name)
    with output_set(request.out_dir) as outputs:
        if request.only in (None, "slides"):
            from deckgen.slides import write_slides

            if request.progress:
                request.progress("writing slides", 0, 1)
            write_slides(workshop, layout, outputs.temp_for(names.slides))
        if request.only in (None, "cards"):
            from deckgen.cards import PrintOptions, write_cards

            options = PrintOptions(paper=request.paper, duplex=request.duplex, back_offset=request.back_offset)
            write_cards(workshop, layout, outputs.temp_for(names.sheets), outputs.temp_for(names.single),
                        outputs.temp_for(names.html), options,
                        cache_dir=request.out_dir / CACHE_DIR / workshop.name if request.cache else None,
                        workers=request.workers, progress=request.progress)
        return outputs.commit()


def write_failure(error: OSError, out_dir: Path) -> str:
    """How a build that could not write its files says so (a full disk, a read-only or locked file)."""
    return f"cannot write {error.filename or out_dir}: {error.strerror}; nothing was written"


def check(content: Path, layout: str | None) -> list[str]:
    """Every problem a build would meet, without writing anything."""
    workshop, resolved = load(content, layout)
    for message in font_warnings(resolved.fonts.heading, resolved.fonts.body, resolved.fonts.files):
        warnings.warn(message, DeckgenWarning, stacklevel=2)
    from deckgen.cards import check_cards
    from deckgen.slides import check_slides

    return check_slides(workshop, resolved) + check_cards(workshop, resolved)
