"""The live preview page of ``deckgen watch --serve`` and the status it updates itself from.

The page is drawn whole once; after that every build event makes it fetch ``/status`` and change in place
only what changed: the header (the build's outcome, the links to the handout and the guide), each slide
picture whose version changed, and the cards' frame when the cards' HTML itself changed, scrolled back to
where the trainer was reading. A build writes its outputs in stages (watch.STAGES); reloading the whole page
at each would flash it several times a save and throw the cards back to their first one."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from pathlib import Path

DOCUMENTS = {"handout": "Handout", "guide": "Facilitator's guide"}


@dataclass(frozen=True)
class PageFiles:
    """What the page links, as the output folder holds it now."""

    cards_html: Path  # the cards' preview, shown in the frame
    documents: dict[str, Path]  # the handout and the guide, by role
    office: bool  # whether LibreOffice is there to picture the slides


def status(state, files: PageFiles) -> dict:
    """Everything the page shows, for ``/status``: the build's state and the page's parts."""
    cards = files.cards_html if files.cards_html.is_file() else None
    return {
        "generation": state.generation, "ok": state.ok, "message": state.message, "pending": list(state.pending),
        "slides": state.slides,
        "header": _header(state, files),
        "slides_note": _slides_note(state, files.office),
        "cards": cards.name if cards else None,
        "cards_version": _version(cards) if cards else None,
        "cards_note": "<p>(no cards yet: the build above did not succeed)</p>",
    }


def page(state, files: PageFiles) -> str:
    """The live page as it stands now; its script keeps it up to date."""
    shown = status(state, files)
    slides = "".join(f"<img src='{html.escape(_slide_src(path, version))}' alt='slide {number}'>"
                     for number, (path, version) in enumerate(state.slides, start=1)) or shown["slides_note"]
    cards = (f'<iframe id="cards" title="cards" src="{html.escape(_cards_src(shown))}"></iframe>'
             if shown["cards"] else shown["cards_note"])
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>deckgen preview</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; background: #E9ECEF; color: #222; }}
header {{ padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccc; display: flex; gap: 24px; }}
.documents {{ margin: 0 0 0 auto; }}
.ok {{ color: #1B5E20; margin: 0; }} .error {{ color: #B00020; white-space: pre-wrap; margin: 0; }}
section {{ padding: 16px; }} h2 {{ font-size: 16px; }}
#slide-pictures img {{ width: 480px; margin: 0 12px 12px 0; box-shadow: 0 1px 3px #0003; background: #fff; }}
iframe {{ width: 100%; height: 80vh; border: 0; background: #fff; }}
</style></head><body data-generation="{state.generation}">
<header>{shown["header"]}</header>
<section class="slides"><h2>Slides</h2><div id="slide-pictures">{slides}</div></section>
<section><h2>Cards</h2><div id="cards-box">{cards}</div></section>
<script>
{_SCRIPT}
</script>
</body></html>"""


def _header(state, files: PageFiles) -> str:
    still = f" (still writing: {', '.join(state.pending)})" if state.pending else ""
    outcome = (f"<p class='ok'>Built #{state.builds}{still}</p>" if state.ok else
               f"<pre class='error'>{html.escape(state.message)}</pre>")
    links = " · ".join(f"<a href='/{html.escape(path.name)}?v={state.generation}' target='_blank'>"
                       f"{DOCUMENTS[role]} (PDF)</a>" for role, path in files.documents.items() if path.is_file())
    return outcome + (f"<p class='documents'>{links}</p>" if links else "")


def _slides_note(state, office: bool) -> str:
    return ("<p>(slide pictures need LibreOffice: apt-get install libreoffice-impress)</p>" if not office else
            "<p>(the slides are being pictured)</p>" if "slides" in state.pending else
            "<p>(no slides yet: the build above did not succeed)</p>")


def _version(path: Path) -> str:
    """Changes with the file's bytes only: a stage that rewrites the same cards leaves the frame alone."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "missing"


def _slide_src(path: str, version: str) -> str:
    # A slide's version changes with its picture only: the browser fetches just the slides that changed.
    return f"/{path}?v={version}"


def _cards_src(shown: dict) -> str:
    return f"/{shown['cards']}?v={shown['cards_version']}"


# Written to match _slide_src and _cards_src: an unchanged picture or frame keeps its src, so it is not
# fetched again.
_SCRIPT = """
let shown = Number(document.body.dataset.generation);

function showSlides(state) {
  const box = document.getElementById("slide-pictures");
  if (!state.slides.length) { box.innerHTML = state.slides_note; return; }
  if (box.querySelector("p")) box.replaceChildren();
  state.slides.forEach(([path, version], index) => {
    const src = "/" + path + "?v=" + version;
    let picture = box.children[index];
    if (!picture) {
      picture = document.createElement("img");
      picture.alt = "slide " + (index + 1);
      box.appendChild(picture);
    }
    if (picture.getAttribute("src") !== src) picture.setAttribute("src", src);
  });
  while (box.children.length > state.slides.length) box.lastElementChild.remove();
}

function showCards(state) {
  const box = document.getElementById("cards-box");
  if (!state.cards) { box.innerHTML = state.cards_note; return; }
  const src = "/" + state.cards + "?v=" + state.cards_version;
  let frame = document.getElementById("cards");
  if (!frame) {
    box.replaceChildren();
    frame = document.createElement("iframe");
    frame.id = "cards";
    frame.title = "cards";
    box.appendChild(frame);
  } else if (frame.getAttribute("src") === src) {
    return;
  }
  let x = 0, y = 0;
  try { x = frame.contentWindow.scrollX; y = frame.contentWindow.scrollY; } catch (error) {}
  frame.addEventListener("load", () => {
    try { frame.contentWindow.scrollTo(x, y); } catch (error) {}
  }, {once: true});
  frame.setAttribute("src", src);
}

async function update() {
  const response = await fetch("/status", {cache: "no-store"});
  const state = await response.json();
  if (state.generation <= shown) return;  // an older answer, overtaken
  shown = state.generation;
  document.querySelector("header").innerHTML = state.header;
  showSlides(state);
  showCards(state);
}

new EventSource("/events").onmessage = (event) => {
  if (Number(event.data) !== shown) update();
};
"""
