"""Card HTML from Jinja2 templates: a sandboxed, autoescaping environment over the layout's template folders
(deckgen.htmlpdf.environment, shared with the handout)."""

from __future__ import annotations

from jinja2 import TemplateError

from deckgen.errors import DeckgenError

# The environment and its filters are shared with the handout (moved to deckgen.htmlpdf).
from deckgen.htmlpdf import environment as environment, inline as inline, plain_text as plain_text


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
