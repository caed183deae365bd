"""What each slide of a deck is, and what it says: the title slide, the overview of numbered models, each
model's analysis (a two-column table or labelled lists), the sources, and slides of no kind deckgen makes.

The slides are read for their structure, not for one template: titles with "3", "3." or no number,
tables with or without a header row, bullets formatted or typed, labels in any of deckgen's languages
or words of the deck's own, continuation slides ("(vervolg)", "(suite)", "(continued)"). Whatever has
no place in a content file is noted in the Report with its text."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from deckgen.importer.markup import slice_spans, split_spans
from deckgen.importer.reading import Cell, Paragraph, SlideView, Table, TextBlock
from deckgen.importer.report import Report
from deckgen.importer.words import (
    Evidence,
    fold,
    is_sources_heading,
    label_language,
    label_words,
    looks_like_overview,
    numbered,
    overview_language,
    parse_long_date,
    without_continued,
    without_sign,
)
from deckgen.inline import Span

Spans = list[Span]
# How items are joined on a slide: preconditions with "; " (French " ; "), examples with ", ".
PRECONDITION_SEPARATOR = re.compile(r"\s*;\s+")
_LABEL_COLON = re.compile(r"^(?P<label>[^:;]{1,60}?)\s*:\s*")
_DATE_DIGITS = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4}))\s*$")
_AUTHOR_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:&|en|and|et)\s+")
_VENUE_WORDS = {"campus", "hall", "zaal", "salle", "room", "centre", "center", "centrum", "straat", "street",
                "rue", "school", "hogeschool", "universiteit", "university", "université", "instituut",
                "institute", "institut", "gebouw", "building", "huis", "house", "maison", "vzw", "asbl",
                "auditorium", "aula", "online", "bibliotheek", "library", "stadhuis", "hotel"}


@dataclass
class DraftModel:
    number: int | None = None
    name: Spans | None = None
    heading: str | None = None  # the title of its analysis slide, without number and continuation word
    summary: list[Spans] = field(default_factory=list)
    examples: list[Spans] = field(default_factory=list)
    strengths: list[Spans] = field(default_factory=list)
    weaknesses: list[Spans] = field(default_factory=list)
    preconditions: list[Spans] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    analysed: bool = False


@dataclass
class Draft:
    """What the deck says, still as runs: the content file is made of it by ``content.to_content``."""

    title: Spans | None = None
    subtitle: Spans | None = None
    authors: list[str] = field(default_factory=list)
    venue: Spans | None = None
    date: datetime.date | None = None
    overview: str | None = None  # the overview's heading as on the slide
    models: list[DraftModel] = field(default_factory=list)
    sources: list[Spans] = field(default_factory=list)
    seen_labels: dict[str, str] = field(default_factory=dict)  # label key: the words the deck uses
    evidence: Evidence = field(default_factory=Evidence)
    report: Report = field(default_factory=Report)
    footers: list[str] = field(default_factory=list)
    title_slide: int | None = None


def recognise(slides: list[SlideView]) -> Draft:
    """The draft content of a deck's slides, with a report of what found no place."""
    draft = Draft()
    reader = _Reader(draft)
    for view in slides:
        reader.read(view)
    reader.finish()
    return draft


def _text(paragraph: Paragraph) -> str:
    return " ".join(paragraph.text.split())


def _after(spans, count: int) -> Spans:
    """``spans`` without their first ``count`` characters."""
    out, skipped = [], 0
    for span in spans:
        if skipped >= count:
            out.append(span)
        elif skipped + len(span.text) > count:
            out.append(Span(span.text[count - skipped :], span.bold, span.italic))
        skipped += len(span.text)
    return out


def _cut_label(paragraph: Paragraph, label: str) -> Spans | None:
    """The spans after ``label`` (and a colon) when ``paragraph`` starts with it, case and spacing aside."""
    text = paragraph.text
    folded_label = fold(label)
    # Walk the paragraph until the folded prefix equals the label: spacing may differ from the label's.
    for end in range(len(label) - 2, min(len(text), len(label) * 2 + 4) + 1):
        if end < 1:
            continue
        if fold(text[:end]) == folded_label:
            rest = text[end:]
            stripped = rest.lstrip(" \u00a0:").lstrip()
            if rest and not (rest[0].isspace() or rest[0] == ":"):
                continue
            return _after(paragraph.spans, len(text) - len(stripped))
    return None


def _lead_bold(paragraph: Paragraph) -> tuple[str, int] | None:
    """A bold lead-in ("Bv. ", "Voorwaarden: ") before text that is not bold: its words and its length."""
    spans = paragraph.spans
    if len(spans) < 2 or not spans[0].bold or all(span.bold for span in spans):
        return None
    length = 0
    for span in spans:
        if not span.bold:
            break
        length += len(span.text)
    words = paragraph.text[:length].strip()
    if not words or len(words.split()) > 4:
        return None
    return words.rstrip(":").strip(), length


def split_outside_brackets(spans: Spans, separator: str = ", ") -> list[Spans]:
    """``spans`` cut at ``separator`` where it stands outside brackets ("Tandem (Gent, Brussel), LUS")."""
    text = "".join(span.text for span in spans)
    depth, cuts, index = 0, [], 0
    while index < len(text):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        elif depth == 0 and text.startswith(separator, index):
            cuts.append(index)
            index += len(separator)
            continue
        index += 1
    pieces, start = [], 0
    for cut in cuts + [len(text)]:
        pieces.append(slice_spans(spans, start, cut))
        start = cut + len(separator)
    return [piece for piece in pieces if "".join(span.text for span in piece).strip()]


def parse_date(text: str) -> tuple[datetime.date, list[str]] | None:
    """A date written out ("17 mei 2018", "donderdag 17 mei 2018", "1er août 2018") or in digits
    ("2018-05-17", "17/05/2018", day first), with the languages its month name belongs to."""
    found = parse_long_date(text)
    if found is None:
        words = text.split()
        if len(words) == 4 and words[0].strip(",").isalpha():  # a weekday before it
            found = parse_long_date(" ".join(words[1:]))
    if found is not None:
        return found
    match = _DATE_DIGITS.match(text)
    if match is None:
        return None
    year, month, day = (match.group(1), match.group(2), match.group(3)) if match.group(1) else \
        (match.group(6), match.group(5), match.group(4))
    try:
        return datetime.date(int(year), int(month), int(day)), []
    except ValueError:
        return None


def _looks_like_names(text: str) -> bool:
    """Whether a line reads as a list of people's names rather than a place."""
    if any(char.isdigit() for char in text):
        return False
    parts = [part for part in _AUTHOR_SEPARATOR.split(text) if part]
    words = [word.strip(".()").casefold() for word in text.split()]
    if any(word in _VENUE_WORDS for word in words):
        return False
    return all(1 <= len(part.split()) <= 4 for part in parts)


@dataclass
class _Analysis:
    """One analysis slide as read, before it is matched to a model."""

    slide: int
    title: str
    number: int | None
    heading: str | None
    continued: bool
    strengths: list[Spans] = field(default_factory=list)
    weaknesses: list[Spans] = field(default_factory=list)
    preconditions: list[Spans] = field(default_factory=list)
    notes: str = ""


class _Reader:
    def __init__(self, draft: Draft):
        self.draft = draft
        self.report = draft.report
        self.evidence = draft.evidence
        self.tiles: list[DraftModel] = []
        self.analyses: list[_Analysis] = []
        self.overview_seen = False
        self.conflicts: set[tuple[str, str]] = set()
        self.view: SlideView | None = None

    # -- slide kinds -------------------------------------------------------------------------------

    def read(self, view: SlideView) -> None:
        self.view = view
        for footer in [view.footer] if view.footer else []:
            if footer not in self.draft.footers:
                self.draft.footers.append(footer)
        title = view.title_text
        bare, continued = without_continued(title)
        if continued and continued != "?":
            self.evidence.add([continued])
        if self._is_analysis(view):
            self._analysis(view, bare, continued is not None)
        elif title and is_sources_heading(title):
            self._sources(view, bare)
        elif title and looks_like_overview(title) or self._has_tiles(view):
            self._overview(view, bare, continued is not None)
        elif self.draft.title_slide is None and view.number == 1 or (
                self.draft.title_slide is None and not self.overview_seen and not self.analyses
                and any(block.role == "subtitle" for block in view.blocks)):
            self._title_slide(view)
        else:
            self._other(view, "not a title, overview, model or sources slide")
            return
        self._others(view)

    def _is_analysis(self, view: SlideView) -> bool:
        if any(table.columns == 2 for table in view.tables):
            return True
        labelled = [p for block in view.blocks for p in block.paragraphs if self._list_label(p) is not None]
        return bool(labelled) and any(self._list_label(p) in ("strengths", "weaknesses") for p in labelled)

    def _has_tiles(self, view: SlideView) -> bool:
        if view.number == 1 and self.draft.title_slide is None:
            return False
        count = sum(1 for block in view.blocks for p in block.paragraphs
                    if p.bullet not in ("own", "typed") and numbered(p.text) and parse_date(_text(p)) is None)
        return count >= 2 or (count == 1 and any(p.listed for block in view.blocks for p in block.paragraphs))

    # -- title slide -------------------------------------------------------------------------------

    def _title_slide(self, view: SlideView) -> None:
        draft = self.draft
        draft.title_slide = view.number
        blocks = list(view.blocks)
        title_block = view.title
        if title_block is None and blocks:  # no title placeholder: the first text is the title
            title_block = blocks.pop(0)
        if title_block is not None:
            draft.title = [span for p in title_block.paragraphs for span in (*p.spans, Span(" "))][:-1]
        subtitle_block = next((block for block in blocks if block.role == "subtitle"), None)
        lines: list[Paragraph] = []
        if subtitle_block is not None:
            blocks.remove(subtitle_block)
            first, *rest = subtitle_block.paragraphs
            if parse_date(_text(first)) is None:
                draft.subtitle = list(first.spans)
            else:
                rest = [first, *rest]
            lines += rest
        elif len(blocks) >= 2 and len(blocks[0].paragraphs) == 1 and parse_date(blocks[0].text) is None:
            draft.subtitle = list(blocks.pop(0).paragraphs[0].spans)
        for block in blocks:
            lines += block.paragraphs
        if draft.subtitle is None and len(lines) >= 4:
            draft.subtitle = list(lines.pop(0).spans)
        rest = []
        for line in lines:
            found = parse_date(_text(line)) if draft.date is None else None
            if found is not None:
                draft.date, codes = found
                self.evidence.add(codes)
            else:
                rest.append(line)
        if len(rest) == 1:
            if _looks_like_names(_text(rest[0])):
                self._authors(rest[0], view, guess=True)
            else:
                draft.venue = list(rest[0].spans)
                self.report.add(view.number, view.title_text, f"'{_text(rest[0])}' read as the venue (the "
                                "place), not the authors", guess=True)
            rest = []
        elif rest:
            self._authors(rest[0], view)
            draft.venue = list(rest[1].spans) if len(rest) > 1 else None
            rest = rest[2:]
        if rest:
            self.report.add(view.number, view.title_text, "text under the title that is not the subtitle, "
                            "authors, venue or date", "\n".join(_text(line) for line in rest))
        self._slide_notes(view)

    def _authors(self, line: Paragraph, view: SlideView, guess: bool = False) -> None:
        self.draft.authors = [part for part in _AUTHOR_SEPARATOR.split(_text(line)) if part.strip()]
        if guess:
            self.report.add(view.number, view.title_text, f"'{_text(line)}' read as the authors, not the "
                            "venue", guess=True)

    # -- overview ----------------------------------------------------------------------------------

    def _overview(self, view: SlideView, heading: str, continued: bool) -> None:
        self.overview_seen = True
        if heading and not continued and self.draft.overview is None:
            self.draft.overview = heading
        stray: list[str] = []
        for block in view.blocks:
            current: DraftModel | None = None
            top = min(paragraph.level for paragraph in block.paragraphs)
            nested = any(paragraph.level > top for paragraph in block.paragraphs)
            for index, paragraph in enumerate(block.paragraphs):
                text = _text(paragraph)
                number = numbered(text) if paragraph.bullet not in ("own", "typed") else None
                examples = None if number else self._examples(paragraph)
                starts = number is not None or examples is None and (
                    not paragraph.listed and (index == 0 or current is None)
                    or paragraph.bullet in ("auto", "inherited") and nested and paragraph.level == top)
                if starts:
                    current = DraftModel(number=number[0] if number else None,
                                         name=_after(paragraph.spans, number[1]) if number else list(paragraph.spans))
                    self.tiles.append(current)
                elif current is None:
                    stray.append(text)
                elif examples is not None:
                    current.examples += split_outside_brackets(examples)
                else:
                    current.summary.append(list(paragraph.spans))
        if stray:
            self.report.add(view.number, view.title_text, "text on the overview outside any model's tile",
                            "\n".join(stray))
        for table in view.tables:
            self._table_left_out(view, table)
        self._slide_notes(view)

    def _examples(self, paragraph: Paragraph) -> Spans | None:
        """The examples of a tile's paragraph that starts with an examples label ("Bv.", "E.g.", "P. ex." or
        the deck's own bold lead-in), else None."""
        known = [self.draft.seen_labels.get("examples")] if "examples" in self.draft.seen_labels else []
        known += [word for words in label_words("examples").values() for word in words]
        for label in sorted(known, key=len, reverse=True):  # "par ex." before "ex."
            rest = _cut_label(paragraph, label)
            if rest is not None and "".join(span.text for span in rest).strip():
                self._seen("examples", paragraph.text[: len(paragraph.text) - len("".join(s.text for s in rest))]
                           .strip().rstrip(":").strip())
                return rest
        lead = _lead_bold(paragraph)
        if lead is not None and (lead[0].endswith(".") or paragraph.text[: lead[1]].rstrip().endswith(":")):
            self._seen("examples", lead[0])
            return _after(paragraph.spans, lead[1])
        return None

    # -- analysis ----------------------------------------------------------------------------------

    def _analysis(self, view: SlideView, bare: str, continued: bool) -> None:
        number = numbered(bare)
        heading = bare[number[1]:].strip() if number else bare.strip()
        analysis = _Analysis(view.number, view.title_text, number[0] if number else None, heading or None,
                             continued, notes=view.notes)
        leftover: list[str] = []
        tables = [table for table in view.tables if table.columns == 2]
        for table in tables:
            leftover += self._analysis_table(table, analysis)
        for table in view.tables:
            if table.columns != 2:
                self._table_left_out(view, table)
        leftover += self._analysis_text(view.blocks, analysis)
        if leftover:
            self.report.add(view.number, view.title_text, "text on the model's slide outside its lists",
                            "\n".join(leftover))
        self.analyses.append(analysis)

    def _list_label(self, paragraph: Paragraph) -> str | None:
        """Which list a heading paragraph opens: 'strengths', 'weaknesses' or 'preconditions'."""
        text = without_sign(_text(paragraph)).strip()
        bare = text.rstrip(":").strip()
        for key in ("strengths", "weaknesses", "preconditions"):
            if label_language(key, bare) or (key in self.draft.seen_labels
                                             and fold(bare) == fold(self.draft.seen_labels[key])):
                return key
        return None

    def _preconditions_lead(self, paragraph: Paragraph) -> tuple[str, Spans] | None:
        """(the label, the text after it) for "RANDVOORWAARDEN: a; b" or the deck's own "Voorwaarden: a"."""
        match = _LABEL_COLON.match(_text(paragraph))
        if match is None:
            return None
        label = match.group("label").strip()
        known = label_language("preconditions", label) or (
            "preconditions" in self.draft.seen_labels and fold(label) == fold(self.draft.seen_labels["preconditions"]))
        if not known:
            return None
        return label, self._after_colon(paragraph)

    def _after_colon(self, paragraph: Paragraph) -> Spans:
        text = paragraph.text
        colon = text.index(":")
        rest = text[colon + 1 :]
        return _after(paragraph.spans, colon + 1 + len(rest) - len(rest.lstrip()))

    def _analysis_table(self, table: Table, analysis: _Analysis) -> list[str]:
        rows = [[cell for cell in row if not cell.spanned] for row in table.rows]
        leftover: list[str] = []
        swapped = False
        start = 0
        header = self._header(table, rows)
        if header is not None:
            left, right = header
            # headings the wrong way round: the strengths are where their heading is
            swapped = bool(label_language("weaknesses", left) and label_language("strengths", right))
            if swapped:
                left, right = right, left
            self._seen("strengths", left)
            self._seen("weaknesses", right)
            start = 1
        for row in rows[start:]:
            wide = len(row) == 1 or (row and row[0].across >= 2)
            first = row[0] if row else None
            if first is None:
                continue
            lead = self._preconditions_lead(first.paragraphs[0]) if first.paragraphs else None
            if lead is not None and (wide or not any(cell.paragraphs for cell in row[1:])):
                self._preconditions(lead, first.paragraphs[1:], analysis)
                leftover += [cell.text for cell in row[1:] if cell.paragraphs]
            elif wide:
                if first.paragraphs:
                    custom = self._custom_preconditions(first)
                    if custom is not None and not analysis.preconditions:
                        self._preconditions(custom, first.paragraphs[1:], analysis)
                    else:
                        leftover.append(first.text)
            else:
                cells = row[:2]
                if swapped:
                    cells = cells[::-1]
                analysis.strengths += self._items(cells[0])
                analysis.weaknesses += self._items(cells[1]) if len(cells) > 1 else []
        return leftover

    def _custom_preconditions(self, cell: Cell) -> tuple[str, Spans] | None:
        """A merged row under the lists that starts with a few words and a colon, or with a bold lead-in: the
        deck's own word for the preconditions ("Voorwaarden: ...", "VOORWAARDEN: ...")."""
        paragraph = cell.paragraphs[0]
        lead = _lead_bold(paragraph)
        if lead is not None and ":" in paragraph.text[: lead[1] + 2]:
            return lead[0], self._after_colon(paragraph)
        match = _LABEL_COLON.match(_text(paragraph))
        if match is not None and len(match.group("label").split()) <= 3:
            return match.group("label").strip(), self._after_colon(paragraph)
        return None

    def _preconditions(self, lead: tuple[str, Spans], more: tuple[Paragraph, ...], analysis: _Analysis) -> None:
        label, rest = lead
        self._seen("preconditions", label)
        if "".join(span.text for span in rest).strip():
            analysis.preconditions += split_spans(rest, PRECONDITION_SEPARATOR)
        analysis.preconditions += [list(p.spans) for p in more]

    def _header(self, table: Table, rows) -> tuple[str, str] | None:
        """The two column headings, when the first row holds them: known labels, or short texts in a row
        styled as a header, or single short lines over lists."""
        if len(rows) < 1 or len(rows[0]) != 2 or any(len(cell.paragraphs) != 1 for cell in rows[0]):
            return None
        texts = [without_sign(_text(cell.paragraphs[0])).strip() for cell in rows[0]]
        known = any(label_language(key, text) for key in ("strengths", "weaknesses") for text in texts)
        if known:
            return texts[0], texts[1]
        short = all(len(text.split()) <= 6 for text in texts)
        below = rows[1] if len(rows) > 1 else []
        over_lists = len(below) == 2 and any(len(cell.paragraphs) > 1 or any(p.listed for p in cell.paragraphs)
                                             for cell in below)
        if short and (table.header_style and len(rows) > 1 or over_lists):
            return texts[0], texts[1]
        return None

    def _items(self, cell: Cell) -> list[Spans]:
        return [list(p.spans) for p in cell.paragraphs]

    def _analysis_text(self, blocks: list[TextBlock], analysis: _Analysis) -> list[str]:
        """Lists under their headings in text boxes: "Sterktes en kansen" then "- ..." items, and so on."""
        leftover: list[str] = []
        current: list[Spans] | None = None
        typed = False
        for block in blocks:
            for paragraph in block.paragraphs:
                key = self._list_label(paragraph)
                if key is None:
                    lead = self._preconditions_lead(paragraph)
                    if lead is not None:
                        self._preconditions(lead, (), analysis)
                        current, typed = analysis.preconditions, False
                        continue
                if key is not None:
                    self._seen(key, without_sign(_text(paragraph)).strip().rstrip(":").strip())
                    current, typed = getattr(analysis, key), False
                    continue
                if current is None:
                    leftover.append(_text(paragraph))
                elif paragraph.listed or not typed or not current:
                    current.append(list(paragraph.spans))
                    typed = typed or paragraph.listed
                else:  # a line without a bullet among typed bullets: the item before it goes on
                    current[-1] = current[-1] + [Span(" ")] + list(paragraph.spans)
        return leftover

    # -- sources, other slides ---------------------------------------------------------------------

    def _sources(self, view: SlideView, heading: str) -> None:
        if not without_continued(view.title_text)[1]:
            self._seen("sources", heading.rstrip(":").strip())
        for block in view.blocks:
            self.draft.sources += [list(p.spans) for p in block.paragraphs]
        for table in view.tables:
            self._table_left_out(view, table)
        self._slide_notes(view)

    def _other(self, view: SlideView, why: str) -> None:
        kept = [view.title_text] if view.title_text else []
        kept += [block.text for block in view.blocks]
        kept += [table.text for table in view.tables]
        kept += [f"[{other.label}]" for other in view.others]
        if view.notes:
            kept.append("Notes: " + view.notes)
        self.report.add(view.number, view.title_text, why, "\n".join(kept))

    def _others(self, view: SlideView) -> None:
        for other in view.others:
            why = "the logo comes from the layout (logo: in layout.yaml)" if fold(other.name) == "logo" else \
                "deckgen has no place for it"
            self.report.add(view.number, view.title_text, f"{other.label}: {why}")

    def _table_left_out(self, view: SlideView, table: Table) -> None:
        self.report.add(view.number, view.title_text, f"a table of {table.columns} column"
                        f"{'s' * (table.columns != 1)} (only a model's two-column table is read)", table.text)

    def _slide_notes(self, view: SlideView) -> None:
        if view.notes:
            self.report.add(view.number, view.title_text, "speaker notes (only a model's slides keep notes)",
                            view.notes)

    def _seen(self, key: str, words: str) -> None:
        """The deck's words for label ``key``: the first are kept, every one is a vote for its language."""
        if not words:
            return
        self.evidence.add(label_language(key, words))
        first = self.draft.seen_labels.setdefault(key, words)
        if fold(first) != fold(words) and (key, fold(words)) not in self.conflicts:
            self.conflicts.add((key, fold(words)))
            self.report.add(self.view.number, self.view.title_text, f"'{words}' differs from '{first}' on an "
                            f"earlier slide; a workshop has one word for its {key} label: '{first}' is kept",
                            guess=True)

    # -- putting it together -----------------------------------------------------------------------

    def finish(self) -> None:
        draft = self.draft
        models = list(self.tiles)
        if all(model.number is not None for model in models):
            models.sort(key=lambda model: model.number)
        for index, model in enumerate(models, start=1):
            if model.number is None:
                model.number = index
        by_number = {model.number: model for model in models}
        previous: DraftModel | None = None
        previous_analysis: _Analysis | None = None
        for analysis in self.analyses:
            same = previous is not None and (
                analysis.continued and (analysis.number in (None, previous.number))
                or analysis.number is not None and analysis.number == previous_analysis.number
                or analysis.number is None and analysis.heading and analysis.heading == previous_analysis.heading)
            if same:
                target = previous
            else:
                target = self._match(analysis, models, by_number, previous)
            target.analysed = True
            if target.heading is None:
                target.heading = analysis.heading
            target.strengths += analysis.strengths
            target.weaknesses += analysis.weaknesses
            target.preconditions += analysis.preconditions
            if analysis.notes and analysis.notes not in target.notes:
                target.notes.append(analysis.notes)
            previous, previous_analysis = target, analysis
        draft.models = models
        if draft.overview is not None and self.tiles:
            self.evidence.add(overview_language(draft.overview, len(self.tiles)))
        if draft.footers:
            for footer in draft.footers:
                self.report.add(None, "", f"the footer '{footer}' comes from the layout (footer: in layout.yaml)")

    def _match(self, analysis: _Analysis, models: list[DraftModel], by_number: dict, previous) -> DraftModel:
        """The model an analysis slide belongs to: by its number, else by its name, else the next model of the
        overview that has no analysis yet (a guess, reported), else a new model."""
        if analysis.number is not None and analysis.number in by_number:
            return by_number[analysis.number]
        if analysis.heading:
            for model in models:
                if model.name is not None and fold("".join(s.text for s in model.name)) == fold(analysis.heading):
                    return model
        if analysis.number is None:
            start = models.index(previous) + 1 if previous in models else 0
            for model in models[start:]:
                if not model.analysed:
                    name = " ".join("".join(s.text for s in model.name or []).split())
                    self.report.add(analysis.slide, analysis.title, f"read as the analysis of model {model.number} "
                                    f"'{name}', the next one of the overview (its title has no number)", guess=True)
                    return model
        model = DraftModel(number=analysis.number, name=[Span(analysis.heading or f"Model {len(models) + 1}")])
        if self.tiles:
            self.report.add(analysis.slide, analysis.title, "a model that is not on the overview: added after "
                            "the others", guess=True)
        models.append(model)
        if model.number is not None:
            by_number.setdefault(model.number, model)
        return model
