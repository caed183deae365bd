"""Card HTML from Jinja2 templates: a sandboxed, autoescaping environment over the layout's template folders."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from deckgen.errors import DeckgenError
from deckgen.inline import Text


def inline(text) -> Markup:
    """A content text as HTML: each span's characters escaped, bold and italic as <strong> and <em>."""
    if text is None:
        return Markup("")
    if not isinstance(text, Text):
        return escape(str(text))
    parts = []
    for span in text.spans:
        html = str(escape(span.text))
        if span.italic:
            html = f"<em>{html}</em>"
        if span.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return Markup("".join(parts))


def plain_text(text) -> str:
    return "" if text is None else (text.plain if isinstance(text, Text) else str(text))


@functools.lru_cache(maxsize=16)
def environment(template_dirs: tuple[tuple[str, Path], ...]) -> SandboxedEnvironment:
    """Templates are looked up child layout first; ``"NAME/file"`` reaches layout NAME's own file,
    so that a child can ``{% extends "default/cards.html.j2" %}`` and override one block.
    Templates are reloaded when their file changes: ``deckgen watch`` builds many times in one process."""
    loader = ChoiceLoader([
        *(FileSystemLoader(str(folder)) for _, folder in template_dirs),
        PrefixLoader({name: FileSystemLoader(str(folder)) for name, folder in reversed(template_dirs)}),
    ])
    env = SandboxedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, auto_reload=True)
    env.filters["inline"] = inline
    env.filters["plain"] = plain_text
    return env


def render_template(template_dirs, name: str, **context) -> str:
    try:
        return environment(tuple(template_dirs)).get_template(name).render(**context)
    except TemplateError as error:
        where = f" ({error.filename}:{error.lineno})" if getattr(error, "lineno", None) else ""
        raise DeckgenError(f"card template {name!r}: {error}{where}") from None


def read_stylesheet(template_dirs, name: str = "cards.css") -> str:
    """The first ``cards.css`` along the template path (a child's replaces its parent's). The size and
    gap variables that deckgen itself reads are taken per variable from every one (see stylevars)."""
    for _, folder in template_dirs:
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise DeckgenError(f"no {name} in any layout's templates folder")
