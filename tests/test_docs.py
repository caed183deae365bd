"""The project carries its own user reference: docs/ documents every key that `deckgen schema` knows,
its links lead to files in the repository, and no file in the repository points at documents outside it.

Convention of the key tables in docs/content-format.md and docs/layout-format.md: every key is one row
of a Markdown table whose first column is headed "Key", written in backticks as its full path, with
"[]" for "each item of a list" and "." for "a key inside": `title`, `models[].strengths`,
`colors.primary`, `labels.sources`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"content": ROOT / "docs/content-format.md", "layout": ROOT / "docs/layout-format.md"}
SCHEMA_ARGS = {"content": ["schema"], "layout": ["schema", "--layout"]}


# --- every key of the schema is documented -------------------------------------------------------------


def printed_schema(kind: str) -> dict:
    """The JSON Schema as `deckgen schema` (or `deckgen schema --layout`) prints it."""
    result = CliRunner().invoke(main, SCHEMA_ARGS[kind])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def key_paths(schema: dict, prefix: str = "") -> list[str]:
    """Every key path of ``schema``: 'models', 'models[].strengths', 'colors.primary', ..."""
    paths: list[str] = []
    for alternative in schema.get("anyOf", ()):
        paths += key_paths(alternative, prefix)
    if schema.get("type") == "object":
        for key, value in schema.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            paths.append(path)
            paths += key_paths(value, path)
    elif schema.get("type") == "array":
        paths += key_paths(schema.get("items", {}), prefix + "[]")
    return list(dict.fromkeys(paths))


def without_code_blocks(text: str) -> str:
    """``text`` with fenced code blocks blanked (their lines kept, so that line numbers still hold)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            lines.append("")
        else:
            lines.append("" if fenced else line)
    return "\n".join(lines)


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def documented_keys(doc: Path) -> list[str]:
    """The first cells of the rows of every table headed "Key", backticks removed."""
    keys: list[str] = []
    table: list[str] = []
    for line in without_code_blocks(doc.read_text(encoding="utf-8")).splitlines() + [""]:
        if line.lstrip().startswith("|"):
            table.append(line)
            continue
        if len(table) > 2 and cells(table[0])[0] == "Key":
            for row in table[2:]:
                first = cells(row)[0]
                keys.append(first[1:-1] if first.startswith("`") and first.endswith("`") else first)
        table = []
    return keys


@pytest.mark.parametrize("kind", ["content", "layout"])
def test_every_key_that_deckgen_schema_knows_is_documented(kind):
    doc = DOCS[kind]
    assert doc.is_file(), f"{doc.relative_to(ROOT)} is missing"
    documented = set(documented_keys(doc))
    missing = [path for path in key_paths(printed_schema(kind)) if path not in documented]
    assert not missing, (
        f"{doc.relative_to(ROOT)} does not document {len(missing)} key(s) that "
        f"`deckgen {' '.join(SCHEMA_ARGS[kind])}` knows: {', '.join(missing)}. Add each as a row of a table "
        f"headed 'Key', first cell the full path in backticks, e.g. | `{missing[0]}` | what it does | "
        f"what you write | default |")


@pytest.mark.parametrize("kind", ["content", "layout"])
def test_the_key_tables_document_no_key_that_deckgen_does_not_know(kind):
    doc = DOCS[kind]
    known = set(key_paths(printed_schema(kind)))
    unknown = [key for key in documented_keys(doc) if key not in known]
    assert not unknown, (
        f"{doc.relative_to(ROOT)} has key-table rows for {', '.join(unknown)}, which "
        f"`deckgen {' '.join(SCHEMA_ARGS[kind])}` does not know: describe what the code does, not what "
        "it may do one day")


def test_the_key_tables_are_found():
    """Guards the two tests above against a table format they would silently not read."""
    assert "models[].strengths" in documented_keys(DOCS["content"])
    assert "colors.primary" in documented_keys(DOCS["layout"])
    assert key_paths({"type": "object", "properties": {"a": {"anyOf": [
        {"type": "string"}, {"type": "array", "items": {"type": "object", "properties": {"b": {}}}}]}}}) \
        == ["a", "a[].b"]


# --- links in README.md and docs/ lead to files of the repository --------------------------------------

MARKDOWN = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation removed, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    found: set[str] = set()
    for line in without_code_blocks(doc.read_text(encoding="utf-8")).splitlines():
        if match := re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line):
            base = slug(match.group(1))
            anchor, number = base, 0
            while anchor in found:
                number += 1
                anchor = f"{base}-{number}"
            found.add(anchor)
    return found


def links(doc: Path) -> list[tuple[int, str]]:
    """(line, target) of every link and image in ``doc``, outside code."""
    text = without_code_blocks(doc.read_text(encoding="utf-8"))
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        line = re.sub(r"`[^`]*`", "", line)
        found += [(number, match.group(1)) for match in INLINE_LINK.finditer(line)]
        found += [(number, match.group(1)) for match in REFERENCE_LINK.finditer(line)]
    return found


@pytest.mark.parametrize("doc", MARKDOWN, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file_in_the_repository(doc):
    broken = []
    for line, target in links(doc):
        if SCHEME.match(target):
            continue  # a web address: not checked here
        path, _, anchor = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        where = f"{doc.relative_to(ROOT)}:{line}: ({target})"
        if not file.is_relative_to(ROOT):
            broken.append(f"{where} leads out of the repository")
        elif not file.exists():
            broken.append(f"{where} points at {file.relative_to(ROOT)}, which does not exist")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{where} points at a heading #{anchor} that {file.relative_to(ROOT)} does not have")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_the_readme_links_both_references():
    readme = {target.partition("#")[0] for _, target in links(ROOT / "README.md")}
    assert {"docs/content-format.md", "docs/layout-format.md"} <= readme
    commands = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Commands", 1)[1].split("\n## ", 1)[0]
    for doc in ("docs/content-format.md", "docs/layout-format.md"):
        assert f"]({doc}" in commands, f"the README's Commands section does not link {doc}"


# --- nothing refers to documents outside the repository ------------------------------------------------

SCANNED = ["README.md", "pyproject.toml", "docs", "src", "tests", "layouts", "content", "scripts", "benchmarks"]
BINARY = {".png", ".jpg", ".jpeg", ".pdf", ".pptx", ".ttf", ".otf", ".pyc", ".zip", ".gz"}
# A parent project's folder of documents (written so that this file does not match itself).
OUTSIDE_FOLDER = re.compile(r"(?:\.\./|/work/)shared\b|\bshared[/\\]docs\b")
DOC_NAME = re.compile(r"(?<![\w./-])([\w./-]*[\w-]+\.md)\b")
WEB_ADDRESS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://\S+")


def scanned_files() -> list[Path]:
    files = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        files += [file for file in candidates
                  if file.is_file() and "__pycache__" not in file.parts and file.suffix.lower() not in BINARY]
    return files


def text_of(file: Path) -> str | None:
    data = file.read_bytes()
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def outside_references(file: Path, text: str) -> list[str]:
    """'FILE:LINE: what' for every reference in ``text`` (of ``file``) to a document that is not in the
    repository: a parent folder of documents, or a Markdown document's name that names no file from this
    file's folder or from the repository's root."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{file.relative_to(ROOT)}:{number}"
        for match in OUTSIDE_FOLDER.finditer(line):
            found.append(f"{where}: {match.group(0)!r} (a folder outside the repository)")
        for match in DOC_NAME.finditer(WEB_ADDRESS.sub("", line)):
            name = match.group(1)
            if not ((file.parent / name).is_file() or (ROOT / name).is_file()):
                found.append(f"{where}: {name!r} (no such document from {file.parent.relative_to(ROOT) or '.'}/ "
                             f"or the repository root)")
    return found


def test_no_file_refers_to_documents_outside_the_repository():
    found = [reference for file in scanned_files() if (text := text_of(file)) is not None
             for reference in outside_references(file, text)]
    assert not found, (
        "these lines refer to documents that are not in the repository; point them at docs/content-format.md "
        "or docs/layout-format.md (written as a path from the repository root), or say it in place:\n"
        + "\n".join(found))


def test_the_outside_reference_check_sees_what_it_should():
    """Guards the test above: it flags a parent folder and an unknown document, and passes real ones."""
    lines = ["see docs/content-format.md, README.md and ../docs/layout-format.md",
             "see ../" + "shared/x", "see visual-design" + ".md", "https://example.org/guide.md"]
    found = outside_references(ROOT / "tests" / "test_docs.py", "\n".join(lines))
    assert len(found) == 2 and ":2:" in found[0] and ":3:" in found[1], found
    assert "src" in {path.relative_to(ROOT).parts[0] for path in scanned_files()}
