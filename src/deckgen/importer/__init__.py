"""``deckgen import``: a PowerPoint deck in the workshop format back into a content file.

In the order an import runs:

- ``package`` judges the file before anything unpacks it (not a deck, a password, a zip bomb) and opens it;
- ``reading`` turns each slide into a plain view: title, text blocks and their paragraphs (bullets, bold
  and italic runs), tables, pictures and other things, speaker notes;
- ``recognise`` tells each slide's kind from its structure (title slide, overview, a model's analysis,
  sources, or none of these) and gathers a draft of the content, with a ``report`` of what found no place;
- ``compose`` makes the content file's values of the draft (``words`` holds every language's labels, dates
  and continuation words, and tells the deck's language), and ``markup`` writes runs back as ``*italic*``
  and ``**bold**``;
- ``deckgen.yamlwriting`` dumps it as YAML with the report as a comment, and lands it atomically once it reads back as
  the same workshop.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.importer.compose import compose
from deckgen.importer.package import open_deck
from deckgen.importer.reading import language_tags, read_slides
from deckgen.importer.recognise import recognise
from deckgen.importer.report import Report
from deckgen.yamlwriting import check_target, dump, write_atomically


@dataclass(frozen=True)
class Imported:
    target: Path
    models: int
    report: Report


class NothingToImport(DeckgenError):
    """The deck holds no work model: there is no content file to write."""


def default_target(deck: Path) -> Path:
    """Where ``deckgen import DECK.pptx`` writes: ``DECK.yaml`` in the current folder."""
    return Path(deck.stem + ".yaml")


def read_deck(deck: Path) -> tuple[dict, Report]:
    """The content of ``deck`` as the data of a content file, and what could not be placed."""
    prs = open_deck(deck)
    draft = recognise(read_slides(prs))
    for tag, count in language_tags(prs).items():
        draft.evidence.tags[tag] += count
    if not draft.models:
        lines = "\n".join(draft.report.lines())
        raise NothingToImport(f"{deck}: no work model found (no overview of numbered models and no slide with "
                              "a strengths and weaknesses table); nothing was written"
                              + (f"\nWhat the deck holds:\n{lines}" if lines else ""))
    fallback = _core_title(prs) or deck.stem
    data = compose(draft, fallback)
    return data, draft.report


def import_deck(deck: Path, target: Path | None = None, force: bool = False) -> Imported:
    """Read ``deck`` and write its content file to ``target`` (default: ``default_target``)."""
    deck = Path(deck)
    target = Path(target) if target is not None else default_target(deck)
    check_target(target, force)
    data, report = read_deck(deck)
    text = dump(data, header(deck, target, report))
    write_atomically(text, target, lambda written: _verify(written, data, target))
    return Imported(target, len(data["models"]), report)


def header(deck: Path, target: Path, report: Report) -> str:
    lines = [
        f"Imported from {deck.name} by deckgen import.",
        f"Check it with: deckgen check {target.name}   Build it with: deckgen build {target.name}",
        "Every key is described in docs/content-format.md. Discussion questions are printed on cards, not in",
        "a deck: add them yourself under questions: (and a model's own under its questions:).",
    ]
    comment = report.comment()
    return "\n".join(lines) + (("\n" + comment) if comment else "")


def _verify(written: Path, data: dict, target: Path) -> None:
    """The written file must read back as the workshop ``data`` describes."""
    from deckgen.content import CONTENT_SPEC, build_workshop, load_workshop
    from deckgen.schema import validate

    expected = build_workshop(validate(data, CONTENT_SPEC, target, base=target.parent), target)
    loaded = dataclasses.replace(load_workshop(written), source=target)
    if loaded != expected:  # pragma: no cover - a bug in writing, not in the user's deck
        raise DeckgenError(f"{target}: the written file does not read back as the deck's content (a bug in "
                           "deckgen import); nothing was written")


def _core_title(prs) -> str:
    try:
        return " ".join((prs.core_properties.title or "").split())
    except Exception:  # noqa: BLE001 -- a broken docProps part only loses this fallback
        return ""


__all__ = ["Imported", "NothingToImport", "default_target", "import_deck", "read_deck"]
