"""The slides benchmark's baseline: a plain python-pptx script writing slides of the same kind as
deckgen's, without measuring anything: a title slide, overview slides of four model tiles, one
analysis slide per model (a two-column table of strengths and weaknesses with a merged row of
preconditions) and a sources slide, each text a run with its font, size, weight and colour.

Run: python benchmarks/plain_pptx.py CONTENT.yaml OUT.pptx
"""

from __future__ import annotations

import sys

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Pt
from ruamel.yaml import YAML

PRIMARY, ACCENT, TEXT = RGBColor(0x1F, 0x4E, 0x79), RGBColor(0xBD, 0x56, 0x10), RGBColor(0x22, 0x22, 0x22)
FONT = "Calibri"


def paragraph(frame, text: str, size: float, color=TEXT, bold: bool = False, first: bool = False) -> None:
    para = frame.paragraphs[0] if first else frame.add_paragraph()
    run = para.add_run()
    run.text = text
    run.font.name, run.font.size, run.font.bold, run.font.color.rgb = FONT, Pt(size), bold, color


def titled(prs, title: str):
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    slide.shapes.title.text_frame.text = ""
    paragraph(slide.shapes.title.text_frame, title, 32, PRIMARY, bold=True, first=True)
    return slide


def main(content: str, target: str) -> None:
    with open(content, encoding="utf-8") as file:
        workshop = YAML(typ="safe").load(file)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(960), Pt(540)
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = workshop["title"]
    slide.placeholders[1].text = workshop.get("subtitle", "")
    models = workshop["models"]
    for start in range(0, len(models), 4):
        slide = titled(prs, f"{len(models)} werkmodellen")
        for column, model in enumerate(models[start:start + 4]):
            frame = slide.shapes.add_textbox(Pt(54 + column * 216), Pt(108), Pt(200), Pt(300)).text_frame
            frame.word_wrap = True
            paragraph(frame, f"{start + column + 1} {model['name']}", 20, PRIMARY, bold=True, first=True)
            for line in model.get("summary", []):
                paragraph(frame, f"\u2022 {line}", 14)
    for number, model in enumerate(models, start=1):
        slide = titled(prs, f"{number} {model['name']}")
        table = slide.shapes.add_table(3, 2, Pt(54), Pt(108), Pt(852), Pt(360)).table
        for column, key in enumerate(("strengths", "weaknesses")):
            paragraph(table.cell(0, column).text_frame, key.capitalize(), 18, bold=True, first=True)
            frame = table.cell(1, column).text_frame
            for index, item in enumerate(model.get(key, [])):
                paragraph(frame, f"{'+-'[column]} {item}", 18, first=index == 0)
        table.cell(2, 0).merge(table.cell(2, 1))
        paragraph(table.cell(2, 0).text_frame, "; ".join(model.get("preconditions", [])), 16, first=True)
    slide = titled(prs, "Bronnen")
    frame = slide.shapes.add_textbox(Pt(54), Pt(108), Pt(852), Pt(360)).text_frame
    for index, source in enumerate(workshop.get("sources", [])):
        paragraph(frame, source, 16, first=index == 0)
    prs.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
