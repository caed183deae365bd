"""Decks for the import tests: decks deckgen builds from content written on the fly, and a deck made by
hand as a trainer would make it (``handmade_deck``), and a way to compare workshops field by field."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from deckgen.build import build
from deckgen.content import load_workshop
from deckgen.project import Request


def built_deck(content: Path, out_dir: Path, layout: str | None = None) -> Path:
    """The deck deckgen builds from ``content`` (slides only) in ``out_dir``."""
    (deck,) = build(Request(content=Path(content), out_dir=Path(out_dir), layout=layout, only=("slides",)))
    return deck


def differences(source: Path, imported: Path) -> list[str]:
    """Every field in which the two content files' workshops differ, model by model (not ``source``, the
    file's own path, nor ``layout``, which no deck says)."""
    a, b = load_workshop(source), load_workshop(imported)
    found = []
    for field in dataclasses.fields(a):
        if field.name in ("source", "layout"):
            continue
        x, y = getattr(a, field.name), getattr(b, field.name)
        if field.name == "models" and len(x) == len(y):
            for m, n in zip(x, y):
                found += [f"models[{m.number - 1}].{f.name}: {getattr(m, f.name)!r} != {getattr(n, f.name)!r}"
                          for f in dataclasses.fields(m) if getattr(m, f.name) != getattr(n, f.name)]
        elif x != y:
            found.append(f"{field.name}: {x!r} != {y!r}")
    return found


OVERVIEW = [
    ("Ami personnel", ["Binômes et parrainages", "Un lien durable"], "Duo pour un emploi, Tandem (Bruxelles, Liège)"),
    ("Réseau de pairs", ["Groupes d'entraide"], "Associations de quartier"),
    ("Travail contextuel", ["Interventions à domicile", "Avec la famille"], "Domo"),
]


def add_paragraphs(frame, lines):
    """``lines`` as paragraphs: a string, or (level, text), or a list of (text, bold, italic) runs."""
    frame.text = ""
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        level, content = line if isinstance(line, tuple) and isinstance(line[0], int) else (0, line)
        paragraph.level = level
        runs = content if isinstance(content, list) else [(content, False, False)]
        for text, bold, italic in runs:
            run = paragraph.add_run()
            run.text = text
            if bold:
                run.font.bold = True
            if italic:
                run.font.italic = True


def add_text_box(slide, left, top, width, height, lines):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.text_frame.word_wrap = True
    add_paragraphs(box.text_frame, lines)
    return box


def add_table(slide, rows, columns, cells, top=1.6, header=False, merge_last=False):
    shape = slide.shapes.add_table(rows, columns, Inches(0.5), Inches(top), Inches(9), Inches(0.8 * rows))
    table = shape.table
    table.first_row = header
    for r, row in enumerate(cells):
        for c, lines in enumerate(row):
            if lines is not None:
                add_paragraphs(table.cell(r, c).text_frame, lines)
    if merge_last:
        table.cell(rows - 1, 0).merge(table.cell(rows - 1, columns - 1))
    return table


def handmade_deck(path) -> None:
    """A deck made by hand: python-pptx's own template (4:3, its own master), French labels, the overview in
    a content placeholder's list levels, a table without header style and typed "• " and "- " bullets, a
    table with header style, one model in text boxes with typed "- ", "• " and "– " bullets and a title
    "3 Travail contextuel" without a dot, its continuation "(suite)", speaker notes, and what deckgen has no
    place for: a programme slide, a picture, a table of three columns."""
    prs = Presentation()  # python-pptx's default template: 4:3, "Office Theme"
    assert prs.slide_width == Inches(10) and prs.slide_height == Inches(7.5)
    title_layout, content_layout, title_only = prs.slide_layouts[0], prs.slide_layouts[1], prs.slide_layouts[5]

    slide = prs.slides.add_slide(title_layout)
    slide.shapes.title.text = "Journée d'étude : réseaux solidaires"
    add_paragraphs(slide.placeholders[1].text_frame, [
        "Atelier : renforcer les réseaux personnels",
        "Anne Dupont, Marc Lefèvre",
        "Maison de quartier, Bruxelles",
        "1er août 2024",
    ])

    slide = prs.slides.add_slide(content_layout)  # the overview in PowerPoint's own list levels
    slide.shapes.title.text = "3 modèles de travail"
    lines = []
    for number, (name, summary, examples) in enumerate(OVERVIEW, start=1):
        lines.append(f"{number}. {name}")
        lines += [(1, item) for item in summary]
        lines.append((1, f"P. ex. {examples}"))
    add_paragraphs(slide.placeholders[1].text_frame, lines)

    slide = prs.slides.add_slide(title_only)  # a slide of another kind
    slide.shapes.title.text = "Programme"
    add_text_box(slide, 0.5, 1.6, 9, 3, ["9h00 Accueil", "9h30 Ateliers"])

    slide = prs.slides.add_slide(title_only)  # model 1: a table without header style, typed bullets
    slide.shapes.title.text = "1. Ami personnel"
    add_table(slide, 3, 2, [
        [["Forces et opportunités"], ["Faiblesses et menaces"]],
        [["• Élargit l'horizon", "• Relation d'égal à égal"], ["- Listes d'attente", "- Les bénévoles décrochent"]],
        [[[("CONDITIONS PRÉALABLES\u00a0: ", True, False), ("présence ; choisir son binôme", False, False)]], None],
    ], merge_last=True)
    slide.notes_slide.notes_text_frame.text = "Parler du projet à Liège.\nDeuxième ligne."

    slide = prs.slides.add_slide(title_only)  # model 2: a table with header style and signs
    slide.shapes.title.text = "2 Réseau de pairs"
    add_table(slide, 2, 2, [
        [["+ Forces et opportunités"], ["− Faiblesses et menaces"]],
        [["Soutien psychosocial", "Prendre confiance"], ["Le seuil est élevé"]],
    ], header=True)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    buffer.seek(0)
    picture = slide.shapes.add_picture(buffer, Inches(8), Inches(6), Inches(1))
    picture.name = "Photo groupe"

    slide = prs.slides.add_slide(title_only)  # model 3: no table, typed bullets in text boxes, "3 " without dot
    slide.shapes.title.text = "3 Travail contextuel"
    add_text_box(slide, 0.5, 1.6, 4.4, 3, ["Forces et opportunités", "- Parler de ce qui est tu",
                                        "• Renforce la famille"])
    add_text_box(slide, 5.1, 1.6, 4.4, 3, ["Faiblesses et menaces", "– Peut faire peur"])
    add_text_box(slide, 0.5, 5, 9, 1, ["Conditions préalables : attitude professionnelle ; partage d'informations"])

    slide = prs.slides.add_slide(title_only)  # its continuation
    slide.shapes.title.text = "3 Travail contextuel (suite)"
    add_text_box(slide, 0.5, 1.6, 9, 3, ["Forces et opportunités", "- Les proches prennent leurs responsabilités"])

    slide = prs.slides.add_slide(title_only)  # a table of three columns
    slide.shapes.title.text = "Comparaison"
    add_table(slide, 2, 3, [[["Modèle"], ["Coût"], ["Durée"]], [["Ami"], ["bas"], ["long"]]])

    slide = prs.slides.add_slide(content_layout)
    slide.shapes.title.text = "Sources"
    add_paragraphs(slide.placeholders[1].text_frame, [
        [("Dupont, A. (2020). ", False, False), ("Réseaux et pauvreté", False, True),
         (". Bruxelles : Éditions du Quartier.", False, False)],
        "Un rapport en ligne",
    ])
    prs.save(str(path))
