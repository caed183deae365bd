"""The texts of a content file that a translator translates, in the order the file gives them.

Each text has its key path (``models[1].strengths[2]``, which locates it in the content file and names it
in messages) and a context that stays the same when models are reordered: a model's texts are known by
the model's name, ``models[Persoonlijke vriend].strengths``, not by its number. Authors, dates, the
language and the layout are not translated."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

# Keys of the content and of each model whose value is one text, and those whose value is a list of texts.
WORKSHOP_TEXTS = ("title", "subtitle", "venue", "overview")
WORKSHOP_LISTS = ("questions", "sources")
MODEL_TEXTS = ("name", "title")
MODEL_LISTS = ("summary", "examples", "strengths", "weaknesses", "preconditions", "questions")
MODEL_NOTES = "notes"


@dataclass(frozen=True)
class SourceText:
    """One text of the content: where it stands and what it says."""

    key_path: str  # models[1].strengths[2]
    context: str  # models[Persoonlijke vriend].strengths: the same wherever the model moves
    text: str  # the text as written, without surrounding spaces: the PO entry's msgid


def model_context(name: str) -> str:
    """The context of a model's texts: its name, spaces folded."""
    return f"models[{' '.join(str(name).split())}]"


def content_texts(data: dict) -> list[SourceText]:
    """Every text of a validated content mapping (deckgen.content.load_data), empty ones left out."""
    texts: list[SourceText] = []

    def add(key_path: str, context: str, value) -> None:
        if isinstance(value, str) and value.strip():
            texts.append(SourceText(key_path, context, value.strip()))

    for key in WORKSHOP_TEXTS:
        add(key, key, data.get(key))
    for number, model in enumerate(data.get("models", ())):
        where, context = f"models[{number}]", model_context(model.get("name", ""))
        for key in MODEL_TEXTS:
            add(f"{where}.{key}", f"{context}.{key}", model.get(key))
        for key in MODEL_LISTS:
            for index, value in enumerate(model.get(key) or ()):
                add(f"{where}.{key}[{index}]", f"{context}.{key}", value)
        add(f"{where}.{MODEL_NOTES}", f"{context}.{MODEL_NOTES}", model.get(MODEL_NOTES))
    for key in WORKSHOP_LISTS:
        for index, value in enumerate(data.get(key) or ()):
            add(f"{key}[{index}]", key, value)
    for key, value in (data.get("labels") or {}).items():
        add(f"labels.{key}", f"labels.{key}", value)
    return texts


def translated_data(data: dict, translation: Callable[[SourceText], str | None]) -> dict:
    """A copy of ``data`` with each text replaced by ``translation(text)``, or kept when that is None."""
    result = copy.deepcopy(data)
    for text in content_texts(data):
        translated = translation(text)
        if translated is not None:
            _put(result, text.key_path, translated)
    return result


def _put(data: dict, key_path: str, value: str) -> None:
    """Set the value at ``models[1].strengths[2]`` (or ``title``, ``labels.examples``)."""
    steps = [int(step[1:-1]) if step.startswith("[") else step for step in key_path.replace("[", ".[").split(".")]
    node = data
    for step in steps[:-1]:
        node = node[step]
    node[steps[-1]] = value
