"""Several builds in one call: every workshop in every layout, in parallel on the available cores;
one failure does not stop the others, and the result says which failed."""

from __future__ import annotations

import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from deckgen.build import build
from deckgen.errors import DeckgenError, DeckgenWarning, failure_message
from deckgen.project import Request


@dataclass(frozen=True)
class Outcome:
    request: Request
    written: tuple[Path, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()  # deckgen's warnings of the build (told by the parent: a worker's stderr is not)

    @property
    def label(self) -> str:
        layout = f" (layout {self.request.layout})" if self.request.layout else ""
        return f"{self.request.content}{layout}"


def plan(contents: list[Path], layouts: list[str], template: Request) -> list[Request]:
    """One request per workshop and layout; with several layouts, each writes into OUT/LAYOUT-NAME."""
    requests = []
    for layout in layouts or [None]:
        out = template.out_dir / Path(layout).name if len(layouts) > 1 else template.out_dir
        requests += [replace(template, content=content, layout=layout, out_dir=out) for content in contents]
    targets: dict[tuple[Path, str], Request] = {}
    for request in requests:
        for name in output_names(request):
            key = (request.out_dir, name)
            if key in targets:  # parallel builds would overwrite each other's files
                first = targets[key]
                raise DeckgenError(f"{first.content} ({first.layout or 'its layout'}) and {request.content} "
                                   f"({request.layout or 'its layout'}) would both write {key[0] / key[1]}.*; "
                                   "rename one, or build them into different --out folders")
            targets[key] = request
    return requests


def output_names(request: Request) -> list[str]:
    """The names a build of ``request`` writes its files under: the content's own (``dag``) and one per
    translation it builds (``dag-fr``, from ``dag.fr.po``), which a content named ``dag-fr.yaml`` would
    also write."""
    from deckgen.translation.catalog import translation_files

    content = request.content
    try:
        codes = translation_files(content)
    except (DeckgenError, OSError):  # the build itself says what is wrong with them
        codes = {}
    return [content.stem] + [f"{content.stem}-{code}" for code in codes
                             if not request.languages or code in request.languages]


def _run(request: Request) -> Outcome:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeckgenWarning)
        try:
            written, error = tuple(build(request)), None
        except (DeckgenError, OSError) as failure:
            written, error = (), failure_message(failure, request.out_dir)
    told = tuple(str(warning.message) for warning in caught if issubclass(warning.category, DeckgenWarning))
    return Outcome(request, written, error, told)


def run_all(requests: list[Request], workers: int | None = None) -> list[Outcome]:
    """The outcome of every request, in the order given."""
    workers = min(len(requests), workers or os.cpu_count() or 1)
    if workers <= 1:
        return [_run(request) for request in requests]
    # Each build already spreads large card sets over the cores; here the builds share them.
    requests = [replace(request, workers=1) for request in requests]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_run, requests))
