"""Loading a workshop content file (docs/content-format.md) into the typed model."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.handout.words import WORD_HELP
from deckgen.inline import parse_inline
from deckgen.labels import LABEL_KEYS
from deckgen.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_tag
from deckgen.model import WorkModel, Workshop
from deckgen.pictures import MAX_PICTURE_BYTES, picture_problem, read_picture
from deckgen.schema import INVALID, Choice, Date, Field, File, ListOf, Mapping, Number, Spec, Str, validate
from deckgen.sourcemap import SourceMap, source_map
from deckgen.yamlsource import read_quickly, read_yaml


class LanguageChoice(Choice):
    """One of deckgen's languages, with an optional region: ``nl``, ``nl-BE``, ``fr-BE``."""

    def _check(self, value, loc, checker):
        parts = split_tag(value) if isinstance(value, str) else None
        if parts is None or parts[0] not in self.choices:
            return super()._check(value, loc, checker)
        return f"{parts[0]}-{parts[1]}" if parts[1] else parts[0]

    def json_schema(self):
        pattern = f"^({'|'.join(self.choices)})([-_]([A-Za-z]{{2}}|[0-9]{{3}}))?$"
        return self._with_description({"type": "string", "pattern": pattern})


class Minutes(Number):
    """A time in whole minutes: ``duration: 20``."""

    @property
    def expected(self):
        return f"a whole number of minutes from {self.minimum:g} to {self.maximum:g}"

    def _check(self, value, loc, checker):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return self.wrong(value, loc, checker)
        if not self.minimum <= value <= self.maximum:
            return checker.error(loc, f"expected {self.expected}, got {value}")
        return value

    def json_schema(self):
        return self._with_description({"type": "integer", "minimum": int(self.minimum),
                                       "maximum": int(self.maximum)})


MAX_MINUTES = 24 * 60

_PICTURE_FILE = File(kind="picture", max_bytes=MAX_PICTURE_BYTES, check_contents=picture_problem,
                     description="A PNG, JPEG or SVG file, relative to the content file's folder.")
_PICTURE_MAPPING = Mapping({
    "file": Field(_PICTURE_FILE, required=True),
    "alt": Field(Str(max_length=1000, description="What the picture shows, for screen readers; without it "
                                                  "the picture is marked decorative.")),
})


class PictureSpec(Spec):
    """A picture: its file's path, or ``{file: ..., alt: ...}``. Checked: ``{"file": Path, "alt": str}``."""

    expected = "a picture's path, or keys file and alt"
    plural = "pictures"

    def __init__(self, description: str):
        self.description = description

    def _check(self, value, loc, checker):
        if isinstance(value, dict):
            return _PICTURE_MAPPING.check(value, loc, checker)
        path = _PICTURE_FILE.check(value, loc, checker)
        return INVALID if path is INVALID else {"file": path}

    def json_schema(self):
        return self._with_description({"anyOf": [_PICTURE_FILE.json_schema(), _PICTURE_MAPPING.json_schema()]})


def _texts(description: str, min_items: int = 0) -> ListOf:
    return ListOf(Str(), min_items=min_items, description=description)


LABELS_SPEC = Mapping(
    {key: Field(Str(description=f"Label '{key}'")) for key in LABEL_KEYS}
    | {key: Field(Str(description=help_text)) for key, help_text in WORD_HELP.items()},
    description="Overrides of the language's labels, key by key ('overview' may contain {count}); also the "
                "handout's and the guide's words.",
)

MODEL_SPEC = Mapping(
    {
        "name": Field(Str(description="The model's name."), required=True),
        "title": Field(Str(description="A shorter title for its analysis slide and card; default: name.")),
        "summary": Field(_texts("Bullets that describe the model.")),
        "examples": Field(_texts("Examples, shown after the examples label, joined with ', '.")),
        "strengths": Field(_texts("Strengths and opportunities: bullets of the left column.")),
        "weaknesses": Field(_texts("Weaknesses and threats: bullets of the right column.")),
        "preconditions": Field(ListOf(Str(), one_or_more=True,
                                      description="One string, or a list of strings joined with '; '.")),
        "questions": Field(_texts("Discussion questions about this model.")),
        "notes": Field(Str(multiline=True, description="Speaker notes for this model's slides.")),
        "duration": Field(Minutes(1, MAX_MINUTES, description="Minutes this model takes in the workshop, "
                                                              "for the facilitator's run sheet.")),
        "image": Field(PictureSpec("A picture of the model: on its card's front, its overview tile and its "
                                   "analysis slide.")),
    },
    description="One work model.",
)

CONTENT_SPEC = Mapping(
    {
        "language": Field(LanguageChoice(LANGUAGE_CODES, description="Picks the default labels and date format; "
                                         "a region may follow (nl-BE, fr-BE), for the documents' language tag.")),
        "layout": Field(Str(description="The layout used when the command line names none.")),
        "title": Field(Str(description="The title of the event or workshop."), required=True),
        "subtitle": Field(Str(description="The workshop's subtitle.")),
        "authors": Field(_texts("Names of the authors.")),
        "venue": Field(Str(description="Where the workshop takes place.")),
        "date": Field(Date(description="ISO date, shown in the language's long form.")),
        "overview": Field(Str(description="Heading of the overview; default: the overview label.")),
        "models": Field(ListOf(MODEL_SPEC, min_items=1, description="The work models, at least one."),
                        required=True),
        "questions": Field(_texts("Deck-wide discussion questions.")),
        "duration": Field(Minutes(1, MAX_MINUTES, description="Minutes the whole workshop takes, for the "
                                                              "facilitator's run sheet.")),
        "sources": Field(_texts("Paragraphs of the closing slide and the cover card's back.")),
        "labels": Field(LABELS_SPEC),
        "image": Field(PictureSpec("A picture of the workshop: on the title slide, the cover card and the "
                                   "handout's cover.")),
    },
    description="A deckgen workshop content file.",
)


def load_workshop(path: Path | str) -> Workshop:
    """The workshop in ``path``; raises InvalidInput listing every break of the contract."""
    return load_located(path)[0]


def load_located(path: Path | str) -> tuple[Workshop, SourceMap]:
    """The workshop in ``path`` and where each of its values stands in the file (an Excel workbook, .xlsx,
    is read by ``deckgen.workbook``, its values located at their cells)."""
    data, sources = load_data(path)
    return build_workshop(data, Path(path)), sources


def load_data(path: Path | str) -> tuple[dict, SourceMap]:
    """The validated mapping of the content file at ``path`` (before it becomes a Workshop: a translation
    replaces its texts) and where each of its values stands."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from deckgen.workbook import load_workbook_data

        return load_workbook_data(path)
    base = path.parent.absolute()
    quick = read_quickly(path, "content file")
    if quick is not None:
        document, text = quick
        try:
            return validate(document, CONTENT_SPEC, path, base=base), SourceMap(text=text)
        except DeckgenError:
            pass  # read again carefully, so that every problem is told at its line
    document = read_yaml(path, "content file")
    return validate(document, CONTENT_SPEC, path, base=base), source_map(document)


def build_workshop(data: dict, source: Path) -> Workshop:
    """The model from a validated content mapping."""
    models = tuple(_work_model(number, entry) for number, entry in enumerate(data["models"], start=1))
    return Workshop(
        source=source,
        language=data.get("language", DEFAULT_LANGUAGE),
        layout=data.get("layout"),
        title=parse_inline(data["title"]),
        subtitle=_optional(data.get("subtitle")),
        authors=tuple(data.get("authors", ())),
        venue=_optional(data.get("venue")),
        date=data.get("date"),
        overview=data.get("overview"),
        models=models,
        questions=_many(data.get("questions")),
        sources=_many(data.get("sources")),
        labels=dict(data.get("labels", {})),
        duration=data.get("duration"),
        image=_picture(data.get("image"), "image"),
    )


def _picture(entry: dict | None, key_path: str):
    return read_picture(entry["file"], entry.get("alt"), key_path) if entry else None


def _work_model(number: int, entry: dict) -> WorkModel:
    name = parse_inline(entry["name"])
    return WorkModel(
        number=number,
        name=name,
        title=parse_inline(entry["title"]) if "title" in entry else name,
        summary=_many(entry.get("summary")),
        examples=_many(entry.get("examples")),
        strengths=_many(entry.get("strengths")),
        weaknesses=_many(entry.get("weaknesses")),
        preconditions=_many(entry.get("preconditions")),
        questions=_many(entry.get("questions")),
        notes=entry.get("notes", "").strip(),
        duration=entry.get("duration"),
        image=_picture(entry.get("image"), f"models[{number - 1}].image"),
    )


def _many(values) -> tuple:
    return tuple(parse_inline(value) for value in values or ())


def _optional(value):
    return parse_inline(value) if value else None


__all__ = ["CONTENT_SPEC", "load_workshop", "load_located", "load_data", "build_workshop"]
