"""Helpers for the handout tests: content written on the fly, builds through the registry, PDFs read back."""

from __future__ import annotations

import functools
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pptx import Presentation
from pypdf import PdfReader

from deckgen.build import write
from deckgen.builders import builder
from deckgen.content import load_located
from deckgen.inline import Text
from deckgen.layout import load_layout
from deckgen.project import assemble

MM_PER_PT = 25.4 / 72


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rich_content(example: Path) -> str:
    """The bundled example with what it leaves out: a question or two and speaker notes on every model, a
    duration on the workshop and on every model, deck-wide questions, and a model without an analysis."""
    text = example.read_text(encoding="utf-8")
    head, models = text.split("\nmodels:\n", 1)
    models, tail = models.split("\nsources:\n", 1)
    entries = re.split(r"\n(?=  - name: )", "\n" + models.strip("\n"))
    out = []
    for number, entry in enumerate(filter(str.strip, entries), start=1):
        entry = entry.rstrip()
        entry += (f"\n    duration: {15 + 5 * (number % 3)}"
                  f"\n    questions:"
                  f"\n      - Hoe zou model {number} werken in *jouw* organisatie?"
                  f"\n      - Wie betrek je als eerste bij model {number}?"
                  f"\n    notes: |"
                  f"\n      Notitie{number}: vertel over een project uit de praktijk."
                  f"\n      Vraag de groep naar ervaringen met model {number}.")
        out.append(entry)
    out.append("  - name: Werkmodel zonder analyse\n    summary: [Alleen een samenvatting]\n"
               "    notes: Notitie8 staat alleen in de gids.\n    duration: 10")
    return (head + "\nduration: 180\nquestions:\n  - Welk werkmodel past het best bij jouw doelgroep?\n"
            "  - Wat neem je mee naar je eigen werk?\nmodels:\n" + "\n\n".join(out) + "\n\nsources:\n" + tail)


LONG_FR = ("une phrase assez longue qui décrit en détail ce que les participants ont observé sur le terrain, "
           "avec des exemples concrets et des nuances importantes")
# The lists of each long model: (key, first word, last word, count); each bullet of model N is
# "FIRSTN.K : LONG_FR, voir LASTN.K", so that a bullet's first and last words name it.
LONG_LISTS = (("summary", "Résumé", "R", 3), ("strengths", "Force", "F", 8), ("weaknesses", "Faiblesse", "W", 7),
              ("preconditions", "Condition", "C", 5))


def long_french_content(models: int = 12) -> str:
    """A French workshop of ``models`` models whose every list is long, and whose bullets run over lines."""
    lines = [
        "language: fr",
        quoted_line("title", "Journée d'étude : renforcer les réseaux *fragiles*"),
        quoted_line("subtitle", "Atelier : douze modèles de travail"),
        "authors: [Anne Dupont, Marc Lefèvre]",
        "venue: Maison de quartier, Liège",
        "date: 2024-08-01",
        "duration: 300",
        "models:",
    ]
    for n in range(1, models + 1):
        lines += [
            f"  - name: Modèle de travail numéro {n} pour renforcer les réseaux personnels",
            f"    title: Modèle {n}",
            f"    examples: [Exemple{n} un, Exemple{n} deux]",
        ]
        for key, first, last, count in LONG_LISTS:
            lines.append(f"    {key}:")
            lines += ["      - " + quoted(f"{first}{n}.{k} : {LONG_FR}, voir {last}{n}.{k}")
                      for k in range(1, count + 1)]
        lines += [
            "    questions:",
            *("      - " + quoted(f"Question{n}.{k} : comment appliqueriez-vous ce modèle dans votre équipe ?")
              for k in range(1, 4)),
            "    notes: |",
            f"      Note{n} : {LONG_FR}.",
            f"      Deuxième ligne de la note {n}.",
            f"    duration: {20 + n}",
        ]
    lines += ["questions:", "  - Quel modèle convient le mieux à votre public ?",
              "sources:", "  - " + quoted("Dupont, A. (2024). *Réseaux qui tiennent*. Liège : Presses.")]
    return "\n".join(lines) + "\n"


WORDS = ("buurt", "netwerk", "vrijwilliger", "gezin", "steun", "school", "drempel", "coaching", "respect", "kennis")


def many_models(models: int, changed: int | None = None) -> str:
    """A Dutch workshop of ``models`` short models (about two a page), with deck-wide questions and sources;
    ``changed`` rewords the first strength of that model (an edit that both documents show)."""
    lines = ["language: nl", 'title: "Veel werkmodellen"', "authors: [A. Auteur]", "date: 2024-05-17", "models:"]
    for n in range(1, models + 1):
        word = WORDS[n % len(WORDS)]
        first = f"Gewijzigd sterk punt {n}" if n == changed else f"Sterk punt {n} over {word}"
        lines += [f'  - name: "Werkmodel {n}: {word} en {WORDS[(n * 3) % len(WORDS)]}"',
                  f'    summary: ["Samenvatting{n} van het werkmodel over {word}"]',
                  f'    strengths: ["{first}", "Tweede sterk punt {n}", "Derde sterk punt {n} met wat meer woorden"]',
                  f'    weaknesses: ["Zwak punt {n}", "Tweede zwak punt {n} over {word}"]',
                  f'    questions: ["Vraag{n}: hoe werkt dit bij jullie?"]',
                  f"    notes: Notitie{n} voor de begeleider.",
                  f"    duration: {10 + n % 4 * 5}"]
    lines += ["questions: [Welk werkmodel past bij jouw doelgroep?]",
              'sources: ["Bron, A. (2024). *Een titel*. Brussel."]']
    return "\n".join(lines) + "\n"


def quoted_line(key: str, value: str) -> str:
    return f"{key}: {quoted(value)}"


def write_content(folder: Path, content: str, name: str = "workshop") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.yaml"
    source.write_text(textwrap.dedent(content), encoding="utf-8")
    return source


def build_handout(source: Path, out: Path, layout="default", only=("handout",)) -> dict[str, Path]:
    """The outputs of ``only`` for the content file ``source`` in ``layout`` (a name, folder or Layout),
    written through the registry into ``out``; every builder's files by role."""
    workshop, sources = load_located(source)
    if isinstance(layout, str | Path):
        layout = load_layout(str(layout), near=source.parent)
    project = assemble(workshop, layout, out, sources=sources)
    write(project, tuple(only))
    files = {}
    for name in only:
        files.update(builder(name).outputs(project.names))
    return files


class PdfText:
    """A document's text as a reader takes it in: ``value in text`` when the value's words follow each other
    in the document, whatever the line breaks. Read in the order the PDF draws its text (pdfplumber's text
    flow), so that the two columns of strengths and weaknesses are not read across; a word hyphenated at a
    line's end (headings) counts joined, and so does one broken after a '/' or a real hyphen."""

    def __init__(self, text: str):
        self.text = text
        self._forms = ("".join(text.split()), "".join(re.sub(r"-\n", "", text).split()))

    def __contains__(self, value) -> bool:
        wanted = "".join(plain(value).split())
        return any(wanted in form for form in self._forms)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Pages:
    """What the tests read of a PDF, page by page, from one pass of pdfplumber over it."""

    flow: tuple[str, ...]  # the text in the order the PDF draws it (pdfplumber's text flow)
    lines: tuple[tuple[str, ...], ...]  # text lines top to bottom, whitespace collapsed
    words: tuple[tuple[str, ...], ...]


@functools.lru_cache(maxsize=16)
def _read(path: str, stamp: tuple[int, int]) -> Pages:
    flow, lines, words = [], [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            flow.append(page.extract_text(use_text_flow=True) or "")
            lines.append(tuple(" ".join(line["text"].split()) for line in page.extract_text_lines()
                               if line["text"].strip()))
            words.append(tuple(word["text"] for word in page.extract_words()))
    return Pages(tuple(flow), tuple(lines), tuple(words))


def read_pdf(path: Path) -> Pages:
    """The pages of the PDF at ``path``, read once for each version of the file."""
    status = Path(path).stat()
    return _read(str(path), (status.st_mtime_ns, status.st_size))


def lines_of(path: Path) -> list[list[str]]:
    """Each page's text lines, top to bottom, whitespace collapsed; side-by-side columns make one line."""
    return [list(lines) for lines in read_pdf(path).lines]


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines as ``lines_of`` gives them, without the running footer ("... 3 / 12")."""
    return [[line for line in lines if not re.search(r"\d+ / \d+$", line)] for lines in lines_of(path)]


def text_of(path: Path) -> PdfText:
    return PdfText("\n".join(read_pdf(path).flow))


def flat_text(path: Path) -> str:
    """The whole document's text line by line, whitespace collapsed (side-by-side columns read across)."""
    return " ".join(line for lines in read_pdf(path).lines for line in lines)


def word_pages(path: Path) -> dict[str, list[int]]:
    """Every word (without a trailing comma, full stop, semicolon or colon) and the pages (from 1) it is on."""
    found: dict[str, list[int]] = {}
    for number, words in enumerate(read_pdf(path).words, start=1):
        for word in words:
            found.setdefault(word.rstrip(",.;:"), []).append(number)
    return found


def plain(text) -> str:
    """A content value as it reads in a PDF: the spans' characters, whitespace collapsed."""
    return " ".join((text.plain if isinstance(text, Text) else str(text)).split())


def outline_titles(path: Path) -> list[str]:
    """The titles of every bookmark, depth first."""
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(path).outline)
    return titles


def deck_slides(path, workshop) -> dict[int, int]:
    """Model number: the number of the slide that goes with it, read from the .pptx: its first analysis slide
    (titled "N title"), else the first slide on which a text starts "N name" (its overview tile)."""
    slides = [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
              for slide in Presentation(str(path)).slides]
    found = {}
    for model in workshop.models:
        heading, tile = f"{model.number} {plain(model.title)}", f"{model.number} {plain(model.name)}"
        found[model.number] = next(
            (number for number, texts in enumerate(slides, start=1) if heading in texts),
            next(number for number, texts in enumerate(slides, start=1)
                 if any(text.startswith(tile) for text in texts)))
    return found


# "Dia 3 · Kaart 2" under a model in a Dutch guide: the slide and the card it goes with
GOES_WITH = re.compile(r"Dia(?:'s)? (\d+)(?:–\d+)?\s*·\s*Kaart (\d+)")


def page_sizes_mm(path: Path) -> set[tuple[float, float]]:
    reader = PdfReader(path)
    return {(round(float(page.mediabox.width) * MM_PER_PT, 1), round(float(page.mediabox.height) * MM_PER_PT, 1))
            for page in reader.pages}
