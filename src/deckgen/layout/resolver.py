"""From a layout's name or path to a Layout: finding its folder (beside the layout that extends it, in the
layouts/ folder beside the content file, in ./layouts, or shipped), validating each layout.yaml against
LAYOUT_SPEC (which also resolves and checks the files it names) and refusing links out of its templates/ folder,
following ``extends`` to the default layout (refusing a cycle and a chain deeper than MAX_DEPTH), merging the
layers child over parent, and building the frozen Layout. Also lists the layouts that can be found, for
``deckgen layouts``."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import DeckgenError, Problem
from deckgen.layout.spec import LAYOUT_SPEC, is_layout_name
from deckgen.layout.types import (
    COLOR_KEYS,
    CardOptions,
    Colors,
    Fonts,
    HandoutOptions,
    Layout,
    LayoutEntry,
    SlideOptions,
)
from deckgen.resources import bundled
from deckgen.schema import Checker, Loc
from deckgen.yamlsource import read_yaml

MAX_DEPTH = 10


def layout_roots(near: Path | None = None) -> list[Path]:
    """Where layouts are looked for by name, first to last: the layouts/ folder beside the content file
    (``near``, its folder), ./layouts, and the layouts shipped with deckgen."""
    roots = [near / "layouts"] if near is not None else []
    roots += [Path.cwd() / "layouts", bundled("layouts")]
    return list(dict.fromkeys(root.absolute() for root in roots))


def find_layout(reference: str, search_from: Path | None = None, near: Path | None = None) -> Path:
    """The folder of the layout that ``reference`` means. A path (anything ``is_layout_name`` refuses) is
    taken relative to ``near`` when given (the content file's folder), else to the current folder; a name
    is looked for in ``search_from`` (the folder holding the layout that extends it), then in
    ``layout_roots(near)``."""
    if not is_layout_name(reference):
        folder = (near / reference) if near is not None and not Path(reference).is_absolute() else Path(reference)
        if (folder / "layout.yaml").is_file():
            return folder
        raise DeckgenError(f"layout {reference!r}: no layout.yaml in the folder {folder}")
    candidates = [search_from / reference] if search_from is not None else []
    candidates += [root / reference for root in layout_roots(near)]
    for candidate in candidates:
        if (candidate / "layout.yaml").is_file():
            return candidate
    known = ", ".join(sorted(layout_names(near))) or "none"
    places = ", ".join(_shown(root) for root in layout_roots(near)[:-1])
    as_path = near / reference if near is not None else Path(reference)  # what ./NAME would mean
    hint = (f"; the folder {_shown(as_path.absolute())} is a layout: to use it, write it as a path: ./{reference}"
            if (as_path / "layout.yaml").is_file() else "")
    raise DeckgenError(f"layout {reference!r} not found in {places} or the shipped layouts (known: {known}){hint}")


def _shown(root: Path) -> str:
    try:
        return "./" + str(root.relative_to(Path.cwd()))
    except ValueError:
        return str(root)


def describe_layouts(near: Path | None = None) -> list[LayoutEntry]:
    """Every layout found, nearest first (``layout_roots``); one that cannot be read says so in its description."""
    entries, seen = [], set()
    for root in layout_roots(near):
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


def layout_names(near: Path | None = None) -> set[str]:
    """The names of the layouts in ``layout_roots(near)``: the folders that hold a layout.yaml."""
    names = set()
    for root in layout_roots(near):
        if root.is_dir():
            names |= {child.name for child in root.iterdir() if (child / "layout.yaml").is_file()}
    return names


def load_layout(reference: str = "default", near: Path | None = None) -> Layout:
    """The layout named or located by ``reference``, with its ``extends`` chain merged in; ``near`` is the
    content file's folder, searched first (see ``find_layout``)."""
    folder = find_layout(reference, near=near)
    layers = _chain(folder, near)
    merged: dict = {}
    for _, _, data in reversed(layers):
        merged = _merge(merged, data)
    merged, from_theme = _with_theme(layers, merged)
    return _build(layers, merged, from_theme)


def _with_theme(layers, merged: dict) -> tuple[dict, tuple[str, ...]]:
    """``merged`` with every colour and font family that no layer but the default sets taken from the theme
    of ``slides.template`` (deckgen.layout.theme), and the keys so taken ("colors.primary", ...)."""
    from deckgen.layout.theme import theme_of

    template = merged.get("slides", {}).get("template")
    theme = theme_of(Path(template)) if template else None
    if theme is None:
        return merged, ()
    own = layers[:-1] if len(layers) > 1 and layers[-1][0] == "default" else layers
    taken = []
    merged = dict(merged)
    for section, values in (("colors", theme.layout_colors()), ("fonts", theme.layout_fonts())):
        explicit = {key for _, _, data in own for key in data.get(section, {})}
        chosen = {key: value for key, value in values.items() if key not in explicit}
        merged[section] = {**merged.get(section, {}), **chosen}
        taken += [f"{section}.{key}" for key in chosen]
    return merged, tuple(taken)


def _chain(folder: Path, near: Path | None = None) -> list[tuple[str, Path, dict]]:
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
        folder = find_layout(parent, search_from=folder.parent, near=near)


def _read_layer(folder: Path) -> dict:
    """One layout.yaml, validated against LAYOUT_SPEC with its files resolved inside ``folder`` and
    checked, and its templates/ folder checked for links that lead out; InvalidInput with every problem."""
    source = folder / "layout.yaml"
    document = read_yaml(source, "layout file")
    checker = Checker(source, base=folder, document=document)
    data = LAYOUT_SPEC.check(document, Loc(""), checker)
    checker.problems += _template_problems(folder)
    checker.raise_if_any()
    return data


def _template_problems(folder: Path) -> list[Problem]:
    """Card templates must lie inside the layout: a link in templates/ that leads out is refused."""
    templates = folder / "templates"
    if not templates.exists() and not templates.is_symlink():
        return []
    root = folder.resolve()
    entries = [templates] + (sorted(templates.rglob("*")) if templates.resolve().is_relative_to(root) else [])
    return [Problem(entry, None, None, "", f"is a link that leads out of the layout folder {folder}; refused")
            for entry in entries if not entry.resolve().is_relative_to(root)]


def _merge(base: dict, child: dict) -> dict:
    """``child`` over ``base``: a section (colors, fonts, slides.pictures ...) is merged key by key, any other
    value replaced."""
    merged = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(layers, merged: dict, from_theme: tuple[str, ...] = ()) -> Layout:
    """The Layout of the merged values; DeckgenError naming every colour and font family no layer sets."""
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
        handout=HandoutOptions(**merged.get("handout", {})),
        template_dirs=tuple((layer_name, layer_folder.resolve() / "templates")
                            for layer_name, layer_folder, _ in layers
                            if (layer_folder / "templates").is_dir()),
        folders=tuple(layer_folder.resolve() for _, layer_folder, _ in layers),
        from_theme=from_theme,
    )
