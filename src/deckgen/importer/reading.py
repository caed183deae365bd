"""A deck's slides as plain views: titles, text blocks with their paragraphs, tables, and what else a slide
holds (pictures, charts, diagrams), in reading order. Only this module touches python-pptx's shapes; what
the slides *mean* is told by ``recognise``.

Emphasis is read from the runs themselves (``b`` and ``i`` set on them); what a master or theme makes
bold is style, not content. A paragraph is a list item when it has a bullet or number of its own, sits
in a body placeholder (whose master gives it one) without ``buNone``, or starts with a typed bullet
("• ", "- ", "– "), which is then left off its text."""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from deckgen.importer.words import typed_bullet
from deckgen.inline import Span

TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY,
          PP_PLACEHOLDER.VERTICAL_OBJECT}
CHROME = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.HEADER}
# The names deckgen gives its own shapes: the slide's chrome, and a title or subtitle drawn as a text box.
_CHROME_NAMES = {"footer": "footer", "slide number": "number"}
_ROLE_NAMES = {"title": "title", "subtitle": "subtitle"}


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]  # the text as typed, each run with its own bold and italic
    bullet: str = ""  # "own" (set on it), "auto" (a number PowerPoint counts), "typed", "inherited" (from
    # its body placeholder), or "" for none
    level: int = 0

    @property
    def listed(self) -> bool:
        """A list item: a bullet or number, its own or its placeholder's, or a typed one."""
        return bool(self.bullet)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class TextBlock:
    name: str
    role: str  # "title", "subtitle", "body" (a body placeholder) or "text" (a text box or a shape)
    paragraphs: tuple[Paragraph, ...]
    position: tuple[int, int] = (0, 0)  # top, left in EMU

    @property
    def text(self) -> str:
        return "\n".join(paragraph.text for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]
    across: int = 1  # how many columns it spans
    spanned: bool = False  # covered by a merged neighbour

    @property
    def text(self) -> str:
        return "\n".join(paragraph.text for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[tuple[Cell, ...], ...]
    columns: int
    header_style: bool  # "header row" is ticked in PowerPoint's table design

    @property
    def text(self) -> str:
        return "\n".join(" | ".join(cell.text for cell in row if not cell.spanned) for row in self.rows)


@dataclass(frozen=True)
class Other:
    """Something on a slide that holds no text deckgen reads: a picture, a chart, a diagram, a video."""

    kind: str
    name: str
    description: str = ""  # a picture's alternative text

    @property
    def label(self) -> str:
        described = f" ({self.description})" if self.description else ""
        return f"{self.kind} '{self.name}'{described}"


@dataclass
class SlideView:
    number: int  # 1-based, as PowerPoint counts
    title: TextBlock | None = None
    blocks: list[TextBlock] = field(default_factory=list)  # every text but the title, in reading order
    tables: list[Table] = field(default_factory=list)
    others: list[Other] = field(default_factory=list)
    footer: str = ""  # footer text (the layout's, not the content's)
    notes: str = ""

    @property
    def title_text(self) -> str:
        return " ".join(self.title.text.split()) if self.title is not None else ""

    def block(self, role: str) -> TextBlock | None:
        return next((block for block in self.blocks if block.role == role), None)


def read_slides(prs) -> list[SlideView]:
    """Every slide of ``prs`` as a SlideView."""
    views = []
    for number, slide in enumerate(prs.slides, start=1):
        view = SlideView(number)
        found: list[tuple[tuple[int, int], object]] = []
        for shape in slide.shapes:
            _read_shape(shape, view, found, _position(shape))
        found.sort(key=lambda item: _reading_order(item[0], prs.slide_height))
        for _, item in found:
            if isinstance(item, TextBlock):
                if item.role == "title" and view.title is None:
                    view.title = item
                else:
                    view.blocks.append(item)
            elif isinstance(item, Table):
                view.tables.append(item)
            else:
                view.others.append(item)
        view.notes = _notes(slide)
        views.append(view)
    return views


def _position(shape) -> tuple[int, int]:
    return int(shape.top or 0), int(shape.left or 0)


def _reading_order(position: tuple[int, int], slide_height) -> tuple[int, int]:
    """Top to bottom, and left to right among shapes whose tops are about level (tiles in a grid)."""
    band = max(int(slide_height or 6858000) // 40, 1)
    top, left = position
    return top // band, left


def _read_shape(shape, view: SlideView, found: list, position: tuple[int, int]) -> None:
    kind = shape.shape_type
    if kind == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            _read_shape(child, view, found, position)
        return
    placeholder = shape.placeholder_format.type if shape.is_placeholder else None
    name = shape.name or ""
    if placeholder in CHROME or name.casefold() in _CHROME_NAMES:
        if (placeholder == PP_PLACEHOLDER.FOOTER or _CHROME_NAMES.get(name.casefold()) == "footer") \
                and shape.has_text_frame and shape.text_frame.text.strip():
            view.footer = " ".join(shape.text_frame.text.split())
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        found.append((position, _table(shape)))
        return
    other = _other(shape, kind)
    if other is not None:
        found.append((position, other))
        return
    if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
        return  # a line or connector: no content
    body = placeholder in BODIES
    paragraphs = tuple(p for p in (_paragraph(p, body) for p in shape.text_frame.paragraphs) if p.text.strip())
    if not paragraphs:
        return  # an empty placeholder, a decorative rectangle
    if placeholder in TITLES:
        role = "title"
    elif placeholder == PP_PLACEHOLDER.SUBTITLE:
        role = "subtitle"
    elif body:
        role = "body"
    else:
        role = _ROLE_NAMES.get(name.casefold(), "text")
    found.append((position, TextBlock(name, role, paragraphs, position)))


def _other(shape, kind) -> Other | None:
    if kind in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.LINKED_PICTURE) or (
            shape.is_placeholder and shape.shape_type == MSO_SHAPE_TYPE.PLACEHOLDER
            and shape._element.tag == qn("p:pic")):
        described = shape._element.xpath("./p:nvPicPr/p:cNvPr/@descr")
        return Other("picture", shape.name, described[0] if described else "")
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return Other("chart", shape.name)
    if kind in (MSO_SHAPE_TYPE.MEDIA, MSO_SHAPE_TYPE.WEB_VIDEO):
        return Other("video or sound", shape.name)
    if kind in (MSO_SHAPE_TYPE.EMBEDDED_OLE_OBJECT, MSO_SHAPE_TYPE.LINKED_OLE_OBJECT,
                MSO_SHAPE_TYPE.OLE_CONTROL_OBJECT):
        return Other("embedded object", shape.name)
    if shape._element.tag == qn("p:graphicFrame"):
        uri = shape._element.xpath("string(.//a:graphicData/@uri)")
        return Other("SmartArt diagram" if "diagram" in uri else "object", shape.name)
    return None


def _table(shape) -> Table:
    table = shape.table
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            paragraphs = tuple(p for p in (_paragraph(p, False) for p in cell.text_frame.paragraphs)
                               if p.text.strip())
            across = cell.span_width if cell.is_merge_origin else 1
            cells.append(Cell(paragraphs, across, cell.is_spanned))
        rows.append(tuple(cells))
    return Table(shape.name, tuple(rows), len(table.columns), bool(table.first_row))


def _paragraph(paragraph, body: bool) -> Paragraph:
    p = paragraph._p
    spans = []
    for child in p:
        if child.tag in (qn("a:r"), qn("a:fld")):
            text = "".join(t.text or "" for t in child.iter(qn("a:t")))
            rpr = child.find(qn("a:rPr"))
            spans.append(Span(text, _flag(rpr, "b"), _flag(rpr, "i")))
        elif child.tag == qn("a:br"):
            spans.append(Span(" "))
    ppr = p.find(qn("a:pPr"))
    level = int(ppr.get("lvl", "0")) if ppr is not None and ppr.get("lvl", "0").isdigit() else 0
    bullet = "inherited" if body else ""
    if ppr is not None:
        if ppr.find(qn("a:buChar")) is not None:
            bullet = "own"
        elif ppr.find(qn("a:buAutoNum")) is not None:
            bullet = "auto"
        elif ppr.find(qn("a:buNone")) is not None:
            bullet = ""
    spans = [span for span in spans if span.text]
    typed = typed_bullet("".join(span.text for span in spans))
    if typed:
        spans = _drop_chars(spans, typed)
        bullet = "typed"
    return Paragraph(tuple(spans), bullet, level)


def _drop_chars(spans: list[Span], count: int) -> list[Span]:
    """``spans`` without their first ``count`` characters."""
    out = []
    for span in spans:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        out.append(Span(span.text[count:], span.bold, span.italic))
        count = 0
    return out


def _flag(rpr, name: str) -> bool:
    return rpr is not None and rpr.get(name) in ("1", "true")


def _notes(slide) -> str:
    if not slide.has_notes_slide:
        return ""
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return ""
    lines = [paragraph_text.replace("\v", "\n") for paragraph_text in frame.text.split("\n")]
    return "\n".join(line.rstrip() for line in lines).strip()


def language_tags(prs) -> dict[str, int]:
    """How many runs of the slides are marked with each language ("nl", "fr"...): PowerPoint marks every
    run with the language it was typed in, and deckgen with the content's."""
    counts: dict[str, int] = {}
    for slide in prs.slides:
        for rpr in slide._element.iter(qn("a:rPr")):
            tag = (rpr.get("lang") or "").split("-")[0].lower()
            if tag:
                counts[tag] = counts.get(tag, 0) + 1
    return counts
