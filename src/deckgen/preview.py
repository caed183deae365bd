"""Pictures of the output: PNGs of every slide (through LibreOffice) and every card side (pypdfium2),
and one overview picture of the whole set, for a quick look or to mail to a colleague."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import DeckgenError

SCALE = 1.0  # 72 dpi: enough to judge a page; the overview downsizes further


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def deck_to_pdf(deck: Path, folder: Path, pages: list[int] | None = None) -> Path:
    """The deck as a PDF rendered by LibreOffice, a real office suite (started for this deck alone); only
    the slides numbered ``pages`` (from 1) when given."""
    office = soffice()
    if office is None:
        raise DeckgenError("LibreOffice is not installed, so slides cannot be pictured "
                           "(Debian/Ubuntu: apt-get install libreoffice-impress); card pictures need no LibreOffice")
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        result = subprocess.run(
            [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", _pdf_filter(pages),
             "--outdir", str(folder), str(deck)],
            capture_output=True, text=True, timeout=300,
        )
    pdf = folder / (deck.stem + ".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise DeckgenError(f"LibreOffice could not convert {deck}: {result.stderr.strip() or result.stdout.strip()}")
    return pdf


def _pdf_filter(pages: list[int] | None) -> str:
    if not pages:
        return "pdf"
    page_range = ",".join(f"{page}-{page}" for page in pages)
    options = json.dumps({"PageRange": {"type": "string", "value": page_range}})
    return f"pdf:impress_pdf_Export:{options}"


def pdf_to_pngs(pdf: Path, folder: Path, prefix: str, scale: float = SCALE,
                numbers: list[int] | None = None) -> list[Path]:
    """A PNG of every page, ``PREFIX-001.png`` on; ``numbers`` numbers the pages otherwise (a PDF of some
    slides of a deck: their numbers in the deck). Each PNG lands whole (a server may be reading it)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    written = []
    try:
        for index in range(len(document)):
            page = document[index]
            # Card pages carry bleed and crop marks: picture the card as it will be cut.
            # Crop amounts are measured from the edges of the page as shown (its crop box), which starts
            # below zero when the print-shop slug widens the page around the card.
            left, bottom, right, top = page.get_trimbox()
            shown_left, shown_bottom, shown_right, shown_top = page.get_cropbox()
            crop = (left - shown_left, bottom - shown_bottom, shown_right - right, shown_top - top)
            image = page.render(scale=scale, crop=crop).to_pil()
            target = folder / f"{prefix}-{(numbers[index] if numbers else index + 1):03d}.png"
            partial = target.with_name(f".{target.name}.partial")
            image.save(partial, format="PNG", optimize=True)
            partial.replace(target)
            written.append(target)
    finally:
        document.close()
    return written


def overview(pictures: list[Path], target: Path, columns: int = 4, width: int = 1600) -> Path:
    """One picture of the whole set: the slides and card sides in a grid."""
    from PIL import Image

    images = [Image.open(path) for path in pictures]
    cell = (width - (columns + 1) * 16) // columns
    rows = []
    for image in images:
        image.thumbnail((cell, cell))
        rows.append(image)
    row_count = (len(rows) + columns - 1) // columns
    row_heights = [max(im.height for im in rows[r * columns:(r + 1) * columns]) for r in range(row_count)]
    sheet = Image.new("RGB", (width, sum(row_heights) + 16 * (row_count + 1)), "#E9ECEF")
    y = 16
    for r, height in enumerate(row_heights):
        for c, image in enumerate(rows[r * columns:(r + 1) * columns]):
            sheet.paste(image, (16 + c * (cell + 16), y))
        y += height + 16
    # 256 colours keep a picture of flat slides and cards sharp at a fraction of the size.
    sheet.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(target, optimize=True)
    return target


def write_preview(request, folder: Path) -> list[Path]:
    """Build the project of ``request`` (a deckgen.project.Request) in a scratch folder and picture it into
    ``folder``: the slides when LibreOffice is there, the card sides always, and ``overview.png``."""
    from dataclasses import replace

    from deckgen.build import write
    from deckgen.builders import builder
    from deckgen.project import open_project

    pictured = ("slides", "cards") if soffice() else ("cards",)
    with tempfile.TemporaryDirectory(prefix="deckgen-") as scratch:
        project = open_project(replace(request, out_dir=Path(scratch)))
        write(project, pictured)
        deck = builder("slides").outputs(project.names)["deck"] if "slides" in pictured else None
        return write_pictures(deck, builder("cards").outputs(project.names)["single"], folder)


def write_pictures(deck: Path | None, cards_single: Path | None, folder: Path) -> list[Path]:
    """PNGs of the slides and card sides into ``folder``, plus ``overview.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.png"):
        stale.unlink()
    pictures: list[Path] = []
    if deck is not None:
        with tempfile.TemporaryDirectory(prefix="deckgen-preview-") as scratch:
            pictures += pdf_to_pngs(deck_to_pdf(deck, Path(scratch)), folder, "slide")
    if cards_single is not None:
        pictures += pdf_to_pngs(cards_single, folder, "card")
    if pictures:
        pictures.append(overview(pictures, folder / "overview.png"))
    return pictures


