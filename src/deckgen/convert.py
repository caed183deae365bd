"""`deckgen convert A B`: a workshop from a YAML content file into an Excel workbook, or back.

The source is read and validated as a build reads it (``content.load_data``: a mistake is told at its
line or cell and nothing is written), then written by the one writer of each format: YAML by
``deckgen.yamlwriting`` (as `deckgen import` writes it), a workbook by ``deckgen.workbook_writer`` (as
`deckgen init workshop --format xlsx` writes it). The written file lands only once it reads back as the
same workshop, so a conversion loses nothing a build would show; YAML comments and Excel's own cell
formatting are not content and are not carried over."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from deckgen.errors import DeckgenError

YAML_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")  # read both; written as .xlsx
WORKSHOP_ORDER = ("language", "layout", "title", "subtitle", "authors", "venue", "date", "duration", "overview",
                  "image", "labels", "models", "questions", "sources")


def convert(source: Path, target: Path, force: bool = False) -> Path:
    """Write the workshop in ``source`` to ``target`` in the other format; refuse an existing ``target``
    unless ``force``."""
    from deckgen.content import build_workshop, load_data
    from deckgen.yamlwriting import check_target

    source, target = Path(source), Path(target)
    if target.exists() and source.exists() and os.path.samefile(source, target):
        raise DeckgenError(f"{source} and {target} are the same file; give another name to write to")
    to_workbook = _is_workbook(_kind(target, "write"))
    if _is_workbook(_kind(source, "read")) == to_workbook:
        raise DeckgenError(f"{source} and {target} are both {'workbooks' if to_workbook else 'YAML files'}; "
                           "convert turns a YAML file into a workbook (.xlsx) or a workbook into a YAML file")
    check_target(target, force, (".xlsx",) if to_workbook else YAML_SUFFIXES, "or give another file name")
    data, _ = load_data(source)
    expected = build_workshop(data, target)
    data = with_portable_pictures(data, source, target)

    def verify(written: Path) -> None:
        from deckgen.content import load_workshop

        if dataclasses.replace(load_workshop(written), source=target) != expected:  # pragma: no cover - a bug
            raise DeckgenError(f"{target}: the written file does not read back as the content of {source} (a bug "
                               "in deckgen convert); nothing was written")

    if to_workbook:
        from deckgen.workbook_writer import content_workbook, save_workbook

        save_workbook(content_workbook(data), target, verify)
    else:
        from deckgen.yamlwriting import dump, write_atomically

        write_atomically(dump(ordered(data), _header(source, target)), target, verify)
    return target


def with_portable_pictures(data: dict, source: Path, target: Path) -> dict:
    """``data`` with each picture as a content file gives it: its path relative to ``target``'s folder, and
    ``{file, alt}`` only when it has an alt text. A picture must stay inside the folder of the file that
    names it, so converting into another folder than the pictures' is refused."""
    folder = target.parent.absolute()

    def portable(picture: dict, key_path: str):
        try:
            path = Path(picture["file"]).absolute().relative_to(folder).as_posix()
        except ValueError:
            raise DeckgenError(f"{source}: {key_path}: the picture {picture['file']} is not inside the folder of "
                               f"{target}; write the converted file beside the workshop's pictures, for example "
                               f"into {source.parent}") from None
        return {"file": path, "alt": picture["alt"]} if picture.get("alt") else path

    result = dict(data)
    if data.get("image"):
        result["image"] = portable(data["image"], "image")
    result["models"] = [model | {"image": portable(model["image"], f"models[{index}].image")} if model.get("image")
                        else model for index, model in enumerate(data.get("models", ()))]
    return result


def ordered(data: dict) -> dict:
    """``data`` with its keys in the order of the bundled example (and of a model's keys as the docs list
    them); keys this module does not know keep their place after those."""
    from deckgen.workbook import MODEL_KEYS

    def by(order, mapping: dict) -> dict:
        known = {key: mapping[key] for key in order if key in mapping}
        return known | {key: value for key, value in mapping.items() if key not in known}

    result = by(WORKSHOP_ORDER, data)
    if "models" in result:
        result["models"] = [by(MODEL_KEYS, model) for model in result["models"]]
    return result


def _header(source: Path, target: Path) -> str:
    return (f"Converted from {source.name} by deckgen convert.\n"
            f"Check it with: deckgen check {target.name}   Build it with: deckgen build {target.name}\n"
            "Every key is described in docs/content-format.md; `deckgen schema` gives your editor completion.")


def _kind(path: Path, use: str) -> str:
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES or suffix in WORKBOOK_SUFFIXES and (use == "read" or suffix == ".xlsx"):
        return suffix
    known = "a YAML file (.yaml) or an Excel workbook (.xlsx)"
    raise DeckgenError(f"{path}: cannot {use} a {suffix or 'file without extension'} file; convert reads and "
                       f"writes {known}" + ("; save an .ods or .xls as .xlsx first" if suffix in (".ods", ".xls")
                                            else ""))


def _is_workbook(suffix: str) -> bool:
    return suffix in WORKBOOK_SUFFIXES
