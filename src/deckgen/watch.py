"""``deckgen watch``: rebuild when the content, a picture it names or the layout changes, and optionally serve a
live preview (cards HTML and slide pictures) that reloads itself after every rebuild."""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from deckgen.build import write_all
from deckgen.builders import builder
from deckgen.errors import DeckgenError, failure_message
from deckgen.project import OutputNames, Project, Request, layout_reference
from deckgen.translation import open_projects


@dataclass
class BuildState:
    """What the preview page shows: the latest build's number, outcome and files."""

    generation: int = 0
    ok: bool = False
    message: str = ""
    slides: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, ok: bool, message: str, slides: list[str]) -> None:
        with self.changed:
            self.generation += 1
            self.ok, self.message, self.slides = ok, message, slides
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

    def rebuild(self) -> None:
        started = time.perf_counter()
        try:
            projects = open_projects(self.request)  # the content's language and every translation's
            self.project = projects[0]
            write_all(projects, self.request.only)
        except (DeckgenError, OSError) as error:  # say it and keep watching
            message = failure_message(error, self.request.out_dir)
            self.echo(f"build failed:\n{message}")
            self.state.publish(False, message, self.state.slides)
            return
        slides = self._slide_pictures()
        self.echo(f"built in {time.perf_counter() - started:.1f} s; watching for changes (Ctrl-C stops)")
        self.state.publish(True, "", slides)

    def _slide_pictures(self) -> list[str]:
        if not self.pictures:
            return []
        from deckgen.preview import deck_to_pdf, pdf_to_pngs, soffice

        if soffice() is None:
            return []
        folder = self.request.out_dir / f"{self.request.content.stem}-preview"
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("slide-*.png"):
            stale.unlink()
        try:
            pdf = deck_to_pdf(self.deck, folder)
            pictures = pdf_to_pngs(pdf, folder, "slide")
            pdf.unlink()
        except DeckgenError as error:
            self.echo(f"slide pictures: {error}")
            return []
        return [str(p.relative_to(self.request.out_dir)) for p in pictures]

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
            self.rebuild()
            if self.stamp() == before or (stop is not None and stop.is_set()):
                return

    def run(self, stop: threading.Event | None = None) -> None:
        import logging

        import watchfiles

        # watchfiles logs "KeyboardInterrupt caught, stopping watch" on Ctrl-C: a trainer needs no such line
        logging.getLogger("watchfiles.main").setLevel(logging.ERROR)

        self.rebuild_until_settled(stop)
        while stop is None or not stop.is_set():
            paths = self.watched_paths()
            for changes in watchfiles.watch(*paths, stop_event=stop, debounce=200, raise_interrupt=False):
                if any(self.is_relevant(Path(path)) for _, path in changes):
                    self.rebuild_until_settled(stop)
                    break  # the layout chain may have changed: watch its folders anew
            else:
                return


def _page(state: BuildState, cards_html: str, cards_built: bool, office: bool) -> str:
    status = (f"<p class='ok'>Built #{state.generation}</p>" if state.ok else
              f"<pre class='error'>{html.escape(state.message)}</pre>")
    slides = "".join(f"<img src='/{html.escape(p)}?v={state.generation}' alt='slide {i + 1}'>"
                     for i, p in enumerate(state.slides))
    if not slides:
        slides = ("<p>(no slides yet: the build above did not succeed)</p>" if office else
                  "<p>(slide pictures need LibreOffice: apt-get install libreoffice-impress)</p>")
    cards = (f'<iframe id="cards" src="/{html.escape(cards_html)}?v={state.generation}"></iframe>' if cards_built
             else "<p>(no cards yet: the build above did not succeed)</p>")
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>deckgen preview</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; background: #E9ECEF; color: #222; }}
header {{ padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccc; }}
.ok {{ color: #1B5E20; margin: 0; }} .error {{ color: #B00020; white-space: pre-wrap; margin: 0; }}
section {{ padding: 16px; }} h2 {{ font-size: 16px; }}
.slides img {{ width: 480px; margin: 0 12px 12px 0; box-shadow: 0 1px 3px #0003; background: #fff; }}
iframe {{ width: 100%; height: 80vh; border: 0; background: #fff; }}
</style></head><body>
<header>{status}</header>
<section class="slides"><h2>Slides</h2>{slides}</section>
<section><h2>Cards</h2>{cards}</section>
<script>
new EventSource("/events").onmessage = (event) => {{
  if (Number(event.data) !== {state.generation}) location.reload();
}};
</script>
</body></html>"""


def make_server(watcher: Watcher, port: int) -> ThreadingHTTPServer:
    """A localhost server of the output folder, the live page at / and build events at /events."""
    out = watcher.request.out_dir.resolve()
    state = watcher.state
    cards_html = watcher.cards_html
    from deckgen.preview import soffice

    office = soffice() is not None

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(out), **kwargs)

        def log_message(self, format, *args):  # the terminal shows builds, not requests
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            if path == "/":
                body = _page(state, cards_html.name, cards_html.is_file(), office).encode("utf-8")
                self._send(body, "text/html; charset=utf-8")
            elif path == "/status":
                body = json.dumps({"generation": state.generation, "ok": state.ok,
                                   "message": state.message}).encode("utf-8")
                self._send(body, "application/json")
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
