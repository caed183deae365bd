"""From a layout's name or path to a Layout: finding its folder (beside the layout that extends it, in
./layouts, or shipped), reading and validating each layout.yaml, resolving and checking the files it
names, following ``extends`` to the default layout (refusing a cycle and a chain deeper than
MAX_DEPTH), merging the layers child over parent, and building the frozen Layout. Also lists the
layouts that can be found, for ``deckgen layouts``."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import DeckgenError, InvalidInput, Problem
from deckgen.layout.spec import LAYOUT_SPEC
from deckgen.layout.types import (
    COLOR_KEYS,
    CardOptions,
    Colors,
    Fonts,
    Layout,
    LayoutEntry,
    SlideOptions,
)
from deckgen.resources import bundled
from deckgen.safepaths import resolve_inside
from deckgen.schema import Loc, validate
from deckgen.yamlsource import read_yaml

MAX_DEPTH = 10
MAX_ASSET_BYTES = {"logo": 10 * 1024 * 1024, "font": 20 * 1024 * 1024, "template": 50 * 1024 * 1024}


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
    except Exception as error:  # noqa: BLE001 -- Pillow raises many kinds for broken or hostile images
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
