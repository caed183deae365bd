"""``deckgen watch``: rebuild when the content, a picture it names or the layout changes, and optionally serve a
live preview (cards HTML and slide pictures, deckgen.livepage) that follows every rebuild."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from deckgen import livepage
from deckgen.build import write, write_all
from deckgen.builders import builder
from deckgen.errors import DeckgenError, DoesNotFit, failure_message
from deckgen.project import OutputNames, Project, Request, layout_reference
from deckgen.translation import open_projects

# What the page shows first is built first: the cards' HTML, then the slides (and their pictures); the card
# PDFs and the handout and guide, slower and only linked, last, and not at all for content saved again
# meanwhile. Each stage: (what the page calls it, its builder, whether only the builder's preview).
STAGES = (("cards", "cards", True), ("slides", "slides", False), ("card PDFs", "cards", False),
          ("handout", "handout", False))


@dataclass
class BuildState:
    """What the preview page shows: the latest build's number, outcome and files."""

    generation: int = 0  # counts what the page shows: each output as it lands, each failure
    builds: int = 0  # counts the builds (a save), as the page numbers them
    ok: bool = False
    message: str = ""
    slides: list[tuple[str, str]] = field(default_factory=list)  # each slide picture and its version
    pending: tuple[str, ...] = ()  # outputs of the running build not written yet
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, ok: bool, message: str, slides: list[tuple[str, str]], pending: tuple[str, ...] = ()) -> None:
        with self.changed:
            self.generation += 1
            self.ok, self.message, self.slides, self.pending = ok, message, slides, pending
            self.changed.notify_all()


def _is_translation(name: str, content: Path) -> bool:
    """Whether ``name`` is a translation file of ``content`` (``dag.fr.po`` of ``dag.yaml``)."""
    code = name[len(content.stem) + 1: -len(".po")]
    return name.startswith(f"{content.stem}.") and name.endswith(".po") and bool(code) and "." not in code


class Watcher:
    def __init__(self, request: Request, pictures: bool, echo: Callable[[str], None]):
        self.request = request
        self.pictures = pictures
        self.echo = echo
        self.state = BuildState()
        self.project: Project | None = None  # the last project that opened, for the watched folders
        names = OutputNames(request.out_dir, request.content.stem)
        self.deck = builder("slides").outputs(names)["deck"]
        self.cards_html = builder("cards").outputs(names)["html"]
        self.documents = builder("handout").outputs(names)  # the handout and the guide, linked from the page
        self._slide_pictures = None  # SlidePictures with one LibreOffice kept running, made when first needed
        self._office = None

    def rebuild(self, superseded: Callable[[], bool] = lambda: False) -> None:
        """Build every output, in STAGES order, publishing after each; stop early when ``superseded()`` says
        the files were saved again. An output whose text does not fit keeps its last files, and the others
        are still written: the page shows every problem at once."""
        started = time.perf_counter()
        self.state.builds += 1
        try:
            projects = open_projects(self.request)  # the content's language and every translation's
            self.project, translations = projects[0], projects[1:]
        except (DeckgenError, OSError) as error:  # say it and keep watching
            self._failed(failure_message(error, self.request.out_dir))
            return
        stages = [stage for stage in STAGES if not self.request.only or stage[1] in self.request.only]
        problems, failed, slides = [], [], self.state.slides
        for done, (_label, name, preview) in enumerate(stages):
            if name in failed:
                continue  # its problems are told once
            try:
                self._write(name, preview)
            except DoesNotFit as misfits:
                problems += misfits.problems
                failed.append(name)
            except (DeckgenError, OSError) as error:
                self._failed(failure_message(error, self.request.out_dir))
                return
            if name == "slides" and name not in failed:
                slides = self._pictures()
            if problems:
                continue  # published below, with every stage's problems
            self.state.publish(True, "", slides, tuple(stage[0] for stage in stages[done + 1:]))
            if done + 1 < len(stages) and superseded():
                return
        if translations and not superseded():  # the other languages' files, after the page is up to date
            try:
                write_all(translations, self.request.only)
            except DoesNotFit as misfits:
                problems += misfits.problems
                failed.append("translations")
            except (DeckgenError, OSError) as error:
                self._failed(failure_message(error, self.request.out_dir))
                return
        if problems:
            count = len(problems)
            self._failed(f"{DoesNotFit(problems)}\n{count} problem{'s' * (count != 1)} found; "
                         f"not updated: {', '.join(failed)}.", slides)
            return
        self.echo(f"built in {time.perf_counter() - started:.1f} s; watching for changes (Ctrl-C stops)")

    def _write(self, name: str, preview: bool) -> None:
        """The files of builder ``name`` (only its preview's, when ``preview``), landed together."""
        if not preview:
            write(self.project, (name,))
            return
        from deckgen.outputs import output_set

        with output_set(self.project.out_dir) as outputs:
            builder(name).write_preview(self.project, outputs)
            outputs.commit()

    def _failed(self, message: str, slides: list[tuple[str, str]] | None = None) -> None:
        self.echo(f"build failed:\n{message}")
        self.state.publish(False, message, self.state.slides if slides is None else slides)

    def _pictures(self) -> list[tuple[str, str]]:
        if not self.pictures:
            return []
        from deckgen.preview import soffice

        if soffice() is None:
            return []
        if self._slide_pictures is None:
            self._slide_pictures = self._start_pictures()
        try:
            pictures = self._slide_pictures.update(self.deck)
        except DeckgenError as error:
            self.echo(f"slide pictures: {error}")
            return []
        return [(str(path.relative_to(self.request.out_dir)), version) for path, version in pictures]

    def _start_pictures(self):
        from deckgen.office import OfficeServer
        from deckgen.slide_pictures import SlidePictures

        self._office = OfficeServer(note=self.echo)
        self._office.start()
        return SlidePictures(self.request.out_dir / f"{self.request.content.stem}-preview", self._office)

    def start_office(self) -> None:
        """Start LibreOffice now, beside the first build, rather than when the first slides are pictured."""
        if self.pictures and self._slide_pictures is None:
            from deckgen.preview import soffice

            if soffice() is not None:
                self._slide_pictures = self._start_pictures()

    def close(self) -> None:
        """Stop the LibreOffice this watcher kept running."""
        if self._office is not None:
            self._office.close()

    def watched_paths(self) -> list[Path]:
        """The content's folder and the folders of its layout chain (as the last build resolved it; while
        the content is broken, the layout it names, else ./layouts)."""
        from deckgen.content import load_workshop
        from deckgen.layout import load_layout

        paths = [self.request.content.resolve().parent]
        if self.project is not None:
            return paths + list(self.project.layout.folders)
        try:
            workshop = load_workshop(self.request.content)
            paths += load_layout(layout_reference(self.request.layout, workshop), near=workshop.source.parent).folders
        except DeckgenError:
            if (Path.cwd() / "layouts").is_dir():
                paths.append(Path.cwd() / "layouts")
        return paths

    def is_relevant(self, changed: Path) -> bool:
        out = self.request.out_dir.resolve()
        if changed.resolve().is_relative_to(out):
            return False
        content = self.request.content.resolve()
        return (changed.resolve() == content or changed.resolve().parent != content.parent
                or _is_translation(changed.name, content) or changed.resolve() in self.picture_files())

    def picture_files(self) -> set[Path]:
        """The pictures the content named at the last build that opened it (they may lie beside it)."""
        return {picture.path.resolve() for picture in self.project.workshop.pictures} if self.project else set()

    def stamp(self) -> tuple:
        """The size and modification time of the content file, its translations, its pictures and every
        file of its layout's folders: it differs after any save that a build reads."""
        content = self.request.content
        files = [content, *sorted(path for path in content.parent.glob("*.po") if _is_translation(path.name, content)),
                 *sorted(self.picture_files())]
        for folder in self.watched_paths()[1:]:
            files += sorted(path for path in Path(folder).rglob("*") if self.is_relevant(path))
        stamps = []
        for path in files:
            try:
                info = path.stat()
            except OSError:
                continue
            stamps.append((str(path), info.st_size, info.st_mtime_ns))
        return tuple(stamps)

    def rebuild_until_settled(self, stop: threading.Event | None = None, limit: int = 20) -> None:
        """Build, and build again while files were saved during the build: the last save is always built."""
        for _ in range(limit):
            before = self.stamp()
            self.rebuild(superseded=lambda before=before: self.stamp() != before)
            if self.stamp() == before or (stop is not None and stop.is_set()):
                return

    def run(self, stop: threading.Event | None = None) -> None:
        import logging

        import watchfiles

        # watchfiles logs "KeyboardInterrupt caught, stopping watch" on Ctrl-C: a trainer needs no such line
        logging.getLogger("watchfiles.main").setLevel(logging.ERROR)

        self.start_office()
        try:
            self.rebuild_until_settled(stop)
            while stop is None or not stop.is_set():
                paths = self.watched_paths()
                for changes in watchfiles.watch(*paths, stop_event=stop, debounce=200, raise_interrupt=False):
                    if any(self.is_relevant(Path(path)) for _, path in changes):
                        self.rebuild_until_settled(stop)
                        break  # the layout chain may have changed: watch its folders anew
                else:
                    return
        finally:
            self.close()


def make_server(watcher: Watcher, port: int) -> ThreadingHTTPServer:
    """A localhost server of the output folder, the live page at / and build events at /events."""
    from deckgen.preview import soffice

    out = watcher.request.out_dir.resolve()
    state = watcher.state
    files = livepage.PageFiles(watcher.cards_html, watcher.documents, office=soffice() is not None)

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(out), **kwargs)

        def log_message(self, format, *args):  # the terminal shows builds, not requests
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            if path == "/":
                self._send(livepage.page(state, files).encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/status":
                self._send(json.dumps(livepage.status(state, files)).encode("utf-8"), "application/json")
            elif path == "/events":
                self._events()
            else:
                super().do_GET()

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            seen = -1
            try:
                while True:
                    with state.changed:
                        state.changed.wait_for(lambda seen=seen: state.generation != seen, timeout=15)
                        seen = state.generation
                    self.wfile.write(f"data: {seen}\n\n".encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    return server
