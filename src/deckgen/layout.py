"""Layouts (layout-format.md): validating layout.yaml, following ``extends``, resolving files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckgen.errors import DeckgenError, InvalidInput, Problem
from deckgen.labels import LABEL_KEYS
from deckgen.printing import DUPLEX_MODES, PAPERS
from deckgen.resources import bundled
from deckgen.safepaths import resolve_inside
from deckgen.schema import Bool, Choice, Color, Field, Length, ListOf, Loc, Mapping, Number, Str, validate
from deckgen.yamlsource import read_yaml

MAX_DEPTH = 10
MAX_ASSET_BYTES = {"logo": 10 * 1024 * 1024, "font": 20 * 1024 * 1024, "template": 50 * 1024 * 1024}
COLOR_KEYS = ("primary", "accent", "text", "background", "strengths", "weaknesses")


def _path(description: str) -> Str:
    return Str(description=description + " Relative to the layout's folder.", max_length=500)


LAYOUT_SPEC = Mapping(
    {
        "extends": Field(Str(description="Name of the parent layout; default: default.")),
        "description": Field(Str(description="One line that says what this layout is for.")),
        "colors": Field(Mapping({
            "primary": Field(Color(description="Titles, header rows, card bands.")),
            "accent": Field(Color(description="Numbers, highlights.")),
            "text": Field(Color(description="Body text.")),
            "background": Field(Color(description="Slide and card background.")),
            "strengths": Field(Color(description="Fill of the strengths column and section.")),
            "weaknesses": Field(Color(description="Fill of the weaknesses column and section.")),
        }, description="CSS hex colours, used by slides and cards alike.")),
        "fonts": Field(Mapping({
            "heading": Field(Str(description="Family name of headings; the same name goes into the .pptx.")),
            "body": Field(Str(description="Family name of body text.")),
            "files": Field(ListOf(_path("A .ttf or .otf font file, measured for slides and embedded in cards."))),
        }, description="Fonts of slides and cards.")),
        "logo": Field(_path("PNG or SVG logo: title slide, every card front, the cover.")),
        "footer": Field(Str(description="Text in every slide's footer and on every card front.")),
        "labels": Field(Mapping({key: Field(Str()) for key in LABEL_KEYS},
                                description="Overrides of the language's labels.")),
        "slides": Field(Mapping({
            "size": Field(Choice(("16:9", "4:3"), description="Slide size.")),
            "template": Field(_path("The organisation's own .pptx: its master, theme and slide layouts.")),
            "min_font_size": Field(Number(6, 40, description="Smallest size in pt slide text may shrink to.")),
        }, description="Slide options.")),
        "cards": Field(Mapping({
            "paper": Field(Choice(tuple(PAPERS), description="A4 takes 4 cards a sheet, A3 takes 8.")),
            "duplex": Field(Choice(DUPLEX_MODES, description="How backs are placed.")),
            "bleed": Field(Length(maximum=10, description="Bleed of the single-card PDF, e.g. 3mm.")),
            "crop_marks": Field(Bool(description="Crop marks on the single-card PDF.")),
            "min_font_size": Field(Number(4, 30, description="Smallest size in pt card text may shrink to.")),
        }, description="Card options.")),
    },
    description="A deckgen layout: how an organisation's decks and cards look.",
)


@dataclass(frozen=True)
class Colors:
    primary: str
    accent: str
    text: str
    background: str
    strengths: str
    weaknesses: str


@dataclass(frozen=True)
class Fonts:
    heading: str
    body: str
    files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class SlideOptions:
    size: str = "16:9"
    template: Path | None = None
    min_font_size: float = 12


@dataclass(frozen=True)
class CardOptions:
    paper: str = "A4"
    duplex: str = "long-edge"
    bleed: float = 3.0  # mm
    crop_marks: bool = True
    min_font_size: float = 7


@dataclass(frozen=True)
class Layout:
    """A resolved layout: every value set, every file an absolute path inside its layout's folder."""

    name: str
    folder: Path
    colors: Colors
    fonts: Fonts
    description: str = ""
    extends: str | None = None
    logo: Path | None = None
    footer: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    slides: SlideOptions = SlideOptions()
    cards: CardOptions = CardOptions()
    # (layout name, its templates/ folder), child first: the card templates' search path.
    template_dirs: tuple[tuple[str, Path], ...] = ()
    # Every folder of the chain: the only places resources may be read from.
    folders: tuple[Path, ...] = ()

    @property
    def logo_alt(self) -> str:
        """The logo's alternative text, the same on slides and cards."""
        return f"Logo {self.footer}" if self.footer else "Logo"


def find_layout(reference: str, search_from: Path | None = None) -> Path:
    """The folder of the layout that ``reference`` (a name or a path) means."""
    looks_like_path = "/" in reference or "\\" in reference or reference.startswith(".")
    candidates = [Path(reference)] if looks_like_path else []
    if not looks_like_path:
        if search_from is not None:
            candidates.append(search_from / reference)
        candidates += [Path.cwd() / "layouts" / reference, bundled("layouts") / reference]
    for candidate in candidates:
        if (candidate / "layout.yaml").is_file():
            return candidate
    if looks_like_path:
        raise DeckgenError(f"layout {reference!r}: no layout.yaml in that folder")
    known = ", ".join(sorted(layout_names())) or "none"
    raise DeckgenError(f"layout {reference!r} not found in ./layouts or the shipped layouts (known: {known})")


@dataclass(frozen=True)
class LayoutEntry:
    name: str
    folder: Path
    extends: str | None
    description: str


def describe_layouts() -> list[LayoutEntry]:
    """Every layout found, local ones first; one that cannot be read says so in its description."""
    entries, seen = [], set()
    for root in (Path.cwd() / "layouts", bundled("layouts")):
        for folder in sorted(root.glob("*/layout.yaml")) if root.is_dir() else ():
            name = folder.parent.name
            if name in seen:
                continue
            seen.add(name)
            try:
                data = _read_layer(folder.parent)
                parent = data.get("extends") or (None if name == "default" else "default")
                entries.append(LayoutEntry(name, folder.parent, parent, data.get("description", "")))
            except DeckgenError as error:
                entries.append(LayoutEntry(name, folder.parent, None, f"(broken: {error})"))
    return entries


def layout_names() -> set[str]:
    names = set()
    for root in (Path.cwd() / "layouts", bundled("layouts")):
        if root.is_dir():
            names |= {child.name for child in root.iterdir() if (child / "layout.yaml").is_file()}
    return names


def load_layout(reference: str = "default") -> Layout:
    """The layout named or located by ``reference``, with its ``extends`` chain merged in."""
    folder = find_layout(reference)
    layers = _chain(folder)
    merged: dict = {}
    for _, _, data in reversed(layers):
        merged = _merge(merged, data)
    return _build(layers, merged)


def _chain(folder: Path) -> list[tuple[str, Path, dict]]:
    """The layers from the layout itself up to the root, each validated and with its files resolved."""
    layers: list[tuple[str, Path, dict]] = []
    seen: list[Path] = []
    while True:
        resolved = folder.resolve()
        if resolved in seen:
            names = " -> ".join(p.name for p in seen + [resolved])
            raise DeckgenError(f"layout {seen[0].name!r}: 'extends' makes a cycle: {names}")
        if len(seen) >= MAX_DEPTH:
            raise DeckgenError(f"layout {seen[0].name!r}: 'extends' goes deeper than {MAX_DEPTH} layouts")
        seen.append(resolved)
        data = _read_layer(folder)
        layers.append((folder.name, folder, data))
        parent = data.get("extends")
        if parent is None:
            if folder.resolve() == (bundled("layouts") / "default").resolve():
                return layers
            parent = "default"
            if folder.name == "default":
                return layers  # a local "default" stands at the root of its own chain
        folder = find_layout(parent, search_from=folder.parent)


def _read_layer(folder: Path) -> dict:
    source = folder / "layout.yaml"
    document = read_yaml(source, "layout file")
    data = validate(document, LAYOUT_SPEC, source)
    problems: list[Problem] = []

    def resolve(reference: str, loc: Loc, kind: str) -> Path | None:
        try:
            path = resolve_inside(folder, reference)
        except ValueError as error:
            problems.append(Problem(source, loc.line, loc.column, loc.path, str(error)))
            return None
        if path.stat().st_size > MAX_ASSET_BYTES[kind]:
            problems.append(Problem(source, loc.line, loc.column, loc.path,
                                    f"{reference!r} is {path.stat().st_size / 1e6:.0f} MB; "
                                    f"a {kind} may be at most {MAX_ASSET_BYTES[kind] / 1e6:.0f} MB"))
            return None
        return path

    root = Loc("")
    if "extends" in data and not _is_name(data["extends"]):
        loc = root.key(document, "extends")
        problems.append(Problem(source, loc.line, loc.column, "extends",
                                f"expected the name of a layout (beside this one, in ./layouts or shipped), "
                                f"got the path {data['extends']!r}"))
    problems += _template_problems(folder)
    if "logo" in data:
        data["logo"] = resolve(data["logo"], root.key(document, "logo"), "logo")
        if data["logo"] and (why := _logo_problem(data["logo"])):
            loc = root.key(document, "logo")
            problems.append(Problem(source, loc.line, loc.column, "logo", why))
    if "files" in data.get("fonts", {}):
        fonts_loc = root.key(document, "fonts").key(document["fonts"], "files")
        data["fonts"]["files"] = [
            resolve(reference, fonts_loc.item(document["fonts"]["files"], index), "font")
            for index, reference in enumerate(data["fonts"]["files"])
        ]
    if "template" in data.get("slides", {}):
        loc = root.key(document, "slides").key(document["slides"], "template")
        data["slides"]["template"] = resolve(data["slides"]["template"], loc, "template")
        if data["slides"]["template"] and (why := _master_problem(data["slides"]["template"])):
            problems.append(Problem(source, loc.line, loc.column, "slides.template", why))
    if problems:
        raise InvalidInput(problems)
    return data


def _is_name(reference: str) -> bool:
    return not any(mark in reference for mark in ("/", "\\", ":")) and not reference.startswith(".")


def _template_problems(folder: Path) -> list[Problem]:
    """Card templates must lie inside the layout: a link in templates/ that leads out is refused."""
    templates = folder / "templates"
    if not templates.exists() and not templates.is_symlink():
        return []
    root = folder.resolve()
    entries = [templates] + (sorted(templates.rglob("*")) if templates.resolve().is_relative_to(root) else [])
    return [Problem(entry, None, None, "", f"is a link that leads out of the layout folder {folder}; refused")
            for entry in entries if not entry.resolve().is_relative_to(root)]


MAX_MASTER_INFLATED = 200 * 1024 * 1024


def _master_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as a PowerPoint master, judged from its zip directory before opening it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        return f"{path.name} is not a PowerPoint (.pptx) file ({error})"
    inflated = sum(entry.file_size for entry in entries)
    if inflated > MAX_MASTER_INFLATED:
        return (f"{path.name} unpacks to {inflated / 1e6:.0f} MB; a master may unpack to at most "
                f"{MAX_MASTER_INFLATED / 1e6:.0f} MB (a zip bomb?)")
    return None


def _logo_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as a logo, or None: its contents must be the image its name says."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        head = path.read_bytes()[:1024].lstrip().lower()
        return None if head.startswith((b"<?xml", b"<svg", b"<!--")) else f"{path.name} is not an SVG file"
    if suffix not in (".png", ".jpg", ".jpeg"):
        return f"expected a PNG, JPEG or SVG file, got {path.name}"
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.verify()
            kind = image.format
    except Exception as error:  # Pillow raises many kinds for broken or hostile images
        return f"{path.name} is not a readable image ({type(error).__name__}: {error})"
    if kind not in ("PNG", "JPEG"):
        return f"{path.name} is a {kind} image; expected PNG or JPEG"
    return None


def _merge(base: dict, child: dict) -> dict:
    merged = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _build(layers, merged: dict) -> Layout:
    name, folder, _ = layers[0]
    colors = merged.get("colors", {})
    fonts = merged.get("fonts", {})
    missing = [f"colors.{key}" for key in COLOR_KEYS if key not in colors]
    missing += [f"fonts.{key}" for key in ("heading", "body") if key not in fonts]
    if missing:
        raise DeckgenError(f"layout {name!r}: {', '.join(missing)} not set by it or any layout it extends")
    return Layout(
        name=name,
        folder=folder.resolve(),
        description=merged.get("description", ""),
        extends=layers[0][2].get("extends") or (None if len(layers) == 1 else layers[1][0]),
        colors=Colors(**{key: colors[key] for key in COLOR_KEYS}),
        fonts=Fonts(fonts["heading"], fonts["body"], tuple(fonts.get("files", ()))),
        logo=merged.get("logo"),
        footer=merged.get("footer"),
        labels=dict(merged.get("labels", {})),
        slides=SlideOptions(**merged.get("slides", {})),
        cards=CardOptions(**merged.get("cards", {})),
        template_dirs=tuple((layer_name, layer_folder.resolve() / "templates")
                            for layer_name, layer_folder, _ in layers
                            if (layer_folder / "templates").is_dir()),
        folders=tuple(layer_folder.resolve() for _, layer_folder, _ in layers),
    )
