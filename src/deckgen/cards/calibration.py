"""A duplex calibration sheet: crosshairs on the front, rulers on the back, to read a printer's back offset."""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from deckgen.cards.imposition import grid
from deckgen.cards.sheets import _stream_page, finish, mm
from deckgen.cards.theme import CARD_MM

RANGE_MM = 10  # the rulers read from -10 to +10 mm
CORNER_MM = 4.0  # arm length of the crosshairs at card corners


def _text(x: float, y: float, height: float, size: float, text: str, centre: bool = False) -> str:
    """Helvetica text at (x, y) mm from the top-left corner; roughly centred when asked."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    width = len(text) * size * 0.5 / (72 / 25.4) if centre else 0
    return f"BT /F1 {size} Tf {mm(x - width / 2):.3f} {mm(height - y):.3f} Td ({safe}) Tj ET"


def _line(x1, y1, x2, y2, height) -> str:
    return f"{mm(x1):.3f} {mm(height - y1):.3f} m {mm(x2):.3f} {mm(height - y2):.3f} l S"


def _corner_marks(layout, dx: float, dy: float) -> list[str]:
    ops = ["q 0 G 0.5 w"]
    xs, ys = layout.cuts()
    for x in xs:
        for y in ys:
            cx, cy = x + dx, y + dy
            ops.append(_line(cx - CORNER_MM, cy, cx + CORNER_MM, cy, layout.height))
            ops.append(_line(cx, cy - CORNER_MM, cx, cy + CORNER_MM, layout.height))
    ops.append("Q")
    return ops


def _front(layout, duplex: str) -> bytes:
    ops = _corner_marks(layout, 0.0, 0.0)
    ops.append("q 0 G 0.35 w")
    for index in range(layout.per_sheet):
        x, y = layout.slot(index)
        cx, cy = x + CARD_MM[0] / 2, y + CARD_MM[1] / 2
        ops.append(_line(cx - 14, cy, cx + 14, cy, layout.height))
        ops.append(_line(cx, cy - 14, cx, cy + 14, layout.height))
        ops.append(f"{mm(cx) + mm(1.5):.3f} {mm(layout.height - cy):.3f} m "
                   + " ".join(f"{mm(cx) + mm(1.5) * c:.3f} {mm(layout.height - cy) + mm(1.5) * s:.3f} l"
                              for c, s in _circle()) + " S")
    ops.append("Q 0 g")
    x, y = layout.slot(0)
    flip = {"long-edge": "long edge", "short-edge": "short edge"}.get(duplex, "long edge")
    lines = [
        "deckgen duplex calibration - FRONT",
        f"Print double-sided, flip on the {flip}, at 100 % (actual size).",
        "Hold the sheet against the light, looking at the BACK:",
        "where this cross falls on the back's rulers is the offset to add.",
    ]
    for number, line in enumerate(lines):
        ops.append(_text(x + 8, y + 12 + number * 4.5, layout.height, 8 if number else 9, line))
    return "\n".join(ops).encode("latin-1")


def _circle(steps: int = 24):
    import math

    return [(math.cos(2 * math.pi * i / steps), math.sin(2 * math.pi * i / steps)) for i in range(1, steps + 1)]


def _back(layout, offset) -> bytes:
    dx, dy = offset
    ops = _corner_marks(layout, dx, dy)
    ops.append("q 0 G 0.3 w 0 g")
    for index in range(layout.per_sheet):
        x, y = layout.slot(index)
        cx, cy = x + CARD_MM[0] / 2 + dx, y + CARD_MM[1] / 2 + dy
        ops.append(_line(cx - RANGE_MM, cy, cx + RANGE_MM, cy, layout.height))
        ops.append(_line(cx, cy - RANGE_MM, cx, cy + RANGE_MM, layout.height))
        for tick in range(-RANGE_MM, RANGE_MM + 1):
            long = tick % 5 == 0
            length = 2.5 if long else 1.2
            ops.append(_line(cx + tick, cy - length / 2, cx + tick, cy + length / 2, layout.height))
            ops.append(_line(cx - length / 2, cy + tick, cx + length / 2, cy + tick, layout.height))
            if long and tick:
                # each quadrant holds one ruler's labels, so that none overlap
                label = f"{tick:+d}"
                ops.append(_text(cx + tick, cy + (5 if tick < 0 else -2.5), layout.height, 6, label, centre=True))
                ops.append(_text(cx + (-6 if tick < 0 else 2.5), cy + tick + 0.8, layout.height, 6, label))
        ops.append(_text(cx + RANGE_MM + 2, cy + 1, layout.height, 6, "x mm"))
        ops.append(_text(cx - 2.5, cy + RANGE_MM + 3.5, layout.height, 6, "y mm"))
    ops.append("Q")
    x, y = layout.slot(0)
    lines = [
        "deckgen duplex calibration - BACK",
        f"Backs printed with offset x {dx:+g} mm, y {dy:+g} mm.",
        "Read x and y where the front's cross shows through,",
        f"add them to x {dx:+g} and y {dy:+g}, and build with the sums:",
        "deckgen build --back-offset X Y   (X right, Y down, in mm)",
    ]
    for number, line in enumerate(lines):
        ops.append(_text(x + dx + 8, y + dy + 12 + number * 4.5, layout.height, 8 if number else 9, line))
    return "\n".join(ops).encode("latin-1")


def calibration_pdf(paper: str, duplex: str, back_offset=(0.0, 0.0)) -> bytes:
    layout = grid(paper)
    writer = PdfWriter()
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    for operators in (_front(layout, duplex), _back(layout, tuple(back_offset))):
        page = _stream_page(writer, layout.width, layout.height, operators)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
        })
    return finish(writer, repr((paper, duplex, tuple(back_offset))).encode(), "deckgen duplex calibration", "en")


def write_calibration(settings, target) -> None:
    """The calibration sheet for ``settings`` (a deckgen.printing.PrintSettings) written to ``target``."""
    from pathlib import Path

    Path(target).write_bytes(calibration_pdf(settings.paper, settings.duplex, settings.back_offset))
