"""The command line: parses options, calls the library, and shows every failure as one message.

Choices (languages, papers, duplex modes, builders) come from the modules that own those facts."""

from __future__ import annotations

import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import click

from deckgen import __version__
from deckgen.builders import BUILDER_NAMES, REGISTRY
from deckgen.errors import DeckgenError, DeckgenWarning, failure_message
from deckgen.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from deckgen.printing import DOUBLE_SIDED, DUPLEX_MODES, PAPERS, PrintOptions
from deckgen.project import DEFAULT_LAYOUT, DEFAULT_OUT_DIR, Request
from deckgen.resources import example_content


class ContentFile(click.ParamType):
    """A content file as people name it: ``buurtdag.yaml``, or ``buurtdag`` when ``buurtdag.yaml`` exists."""

    name = "content"

    def convert(self, value, param, ctx):
        from deckgen.project import find_content

        return find_content(Path(value))


def _choice(choices) -> click.Choice:
    """A choice typed in any case: ``--paper a3`` is A3."""
    return click.Choice(tuple(choices), case_sensitive=False)


CONTENT = click.argument("content", required=False, type=ContentFile())
LAYOUT = click.option("--layout", "-l", metavar="NAME|PATH",
                      help="Layout name (./layouts/NAME or shipped) or folder; default: the content's own.")


class Failed(click.ClickException):
    """A command that failed on the user's files: its message as it is, exit status 1."""

    exit_code = 1

    def show(self, file=None):
        click.echo(self.format_message(), err=True)


@contextmanager
def reported(target: Path):
    """A user's mistake (DeckgenError) or a file that cannot be written to ``target`` (OSError) ends
    the command with one message and exit status 1, never a traceback; deckgen's warnings are shown
    as one line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeckgenWarning)
        try:
            yield
        except (DeckgenError, OSError) as error:
            raise Failed(failure_message(error, target)) from None
        finally:
            for warning in caught:
                if issubclass(warning.category, DeckgenWarning):
                    click.echo(f"warning: {warning.message}", err=True)


class Millimetres(click.ParamType):
    """A length in mm, with a decimal point or a decimal comma (``1.5`` or ``1,5``)."""

    name = "mm"

    def convert(self, value, param, ctx):
        from deckgen.printing import parse_millimetres

        if isinstance(value, float):
            return value
        try:
            return parse_millimetres(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


def _offset(ctx, param, value):
    return tuple(value) if value else (0.0, 0.0)


def _print_options(paper, duplex, back_offset, print_shop: bool = False) -> PrintOptions:
    return PrintOptions(paper=paper, duplex=duplex, back_offset=back_offset, print_shop=print_shop)


LANGUAGES = click.option("--language", "languages", type=_choice(LANGUAGE_CODES), multiple=True,
                         help="Only this language (repeatable): the content's own, or one with a translation file "
                              "NAME.CODE.po beside it; default: the content's and every translation's.")

OFFSET_HELP = ("Shift the card backs by X mm to the right and Y mm down (for example --back-offset 1.5 -0.5), "
               "for a printer whose duplex is off; deckgen calibrate measures it.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="deckgen")
def main() -> None:
    """Turn a workshop content file into an editable PowerPoint deck and printable A6 cards."""


@main.command(short_help="Build the deck, cards and handouts (default: the example).")
@click.argument("contents", nargs=-1, type=ContentFile())
@click.option("--layout", "-l", "layouts", metavar="NAME|PATH", multiple=True,
              help="Layout name (./layouts/NAME or shipped) or folder; default: the content's own. "
                   "Give it several times to build in several layouts, each into OUT/NAME.")
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT_DIR,
              show_default=True, help="Folder the files are written to.")
@click.option("--only", type=_choice(BUILDER_NAMES), multiple=True,
              help="Write only these outputs (repeatable): "
                   + "; ".join(f"{name}: {entry.summary}" for name, entry in REGISTRY.items()) + ".")
@click.option("--paper", type=_choice(PAPERS), help="Card sheet size; default: the layout's.")
@click.option("--duplex", type=_choice(DUPLEX_MODES),
              help="How the backs are placed for double-sided printing; default: the layout's.")
@click.option("--back-offset", type=Millimetres(), nargs=2, callback=_offset, metavar="X Y", help=OFFSET_HELP)
@LANGUAGES
@click.option("--print-shop", is_flag=True,
              help="Make the single-card PDF a PDF/X-4 file for a print shop: colours in CMYK for offset on "
                   "coated paper (FOGRA39); default: the layout's cards.print_shop.")
@click.option("--quiet", "-q", is_flag=True, help="Show no progress; print only the files written.")
@click.option("--no-cache", is_flag=True,
              help="Lay out every card, slide, the handout and the guide again instead of reusing what is kept "
                   "in OUT/.deckgen-cache/NAME/.")
def build(contents, layouts, out_dir, only, paper, duplex, back_offset, languages, print_shop, quiet, no_cache):
    """Build every output of each CONTENT file (default: the bundled example): the deck, the cards, the
    handout and the guide; --only picks. A translation file beside the content (NAME.fr.po, written by
    deckgen translate) builds the same outputs in its language too (NAME-fr.pptx ...); --language picks."""
    from deckgen.batch import plan, run_all
    from deckgen.build import build as run_build
    from deckgen.progress import Progress

    template = Request(content=example_content(), out_dir=out_dir, only=tuple(only),
                       print_options=_print_options(paper, duplex, back_offset, print_shop), cache=not no_cache,
                       languages=tuple(code.lower() for code in languages))
    with reported(out_dir):
        requests = plan(list(contents) or [example_content()], list(layouts), template)
    if len(requests) == 1:
        with Progress.for_terminal(quiet) as progress, reported(out_dir):
            try:
                written = run_build(requests[0], progress.update if progress.enabled else None)
            finally:
                progress.clear()
        for path in written:
            click.echo(str(path))
        return
    outcomes = run_all(requests)
    failed = [outcome for outcome in outcomes if outcome.error]
    for outcome in outcomes:
        for path in outcome.written:
            click.echo(str(path))
        for message in outcome.warnings:
            click.echo(f"warning: {message}", err=True)
    for outcome in failed:
        click.echo(f"\nfailed: {outcome.label}\n{outcome.error}", err=True)
    click.echo(f"\n{len(outcomes) - len(failed)} of {len(outcomes)} builds succeeded"
               + (", failed: " + "; ".join(outcome.label for outcome in failed) if failed else "."), err=True)
    if failed:
        raise Failed(f"{len(failed)} build{'s' * (len(failed) != 1)} failed.")


@main.command(short_help="Report mistakes, text that would not fit and outdated translations.")
@CONTENT
@LAYOUT
@LANGUAGES
def check(content, layout, languages):
    """Validate CONTENT and report text that would not fit; writes nothing. Each translation file beside it
    is checked too: untranslated texts (warnings), and outdated or broken translations (errors)."""
    from deckgen.build import check as run_check

    content = content or example_content()
    with reported(content):
        problems = run_check(Request(content=content, layout=layout,
                                     languages=tuple(code.lower() for code in languages)))
    for problem in problems:
        click.echo(problem, err=True)
    errors = [problem for problem in problems if problem.level == "error"]
    if errors:
        raise Failed(f"{len(errors)} problem{'s' * (len(errors) != 1)} found.")
    remarks = len(problems)
    click.echo(f"{content}: OK" + (f", with {remarks} warning{'s' * (remarks != 1)} or note{'s' * (remarks != 1)} "
                                   "above" if remarks else ""))


@main.command(short_help="Write or update the translation file of another language.")
@click.argument("content", type=ContentFile())
@click.option("--to", "targets", type=_choice(LANGUAGE_CODES), multiple=True, required=True,
              help="The language to translate into (repeatable).")
def translate(content, targets):
    """Write CONTENT's texts into NAME.CODE.po beside it, a gettext translation file that Poedit, Weblate or
    any translation tool fills in. Run again after CONTENT changed: translations are kept, new texts come in
    empty, a translation whose source changed is marked fuzzy (with the old source), one whose source is
    gone becomes obsolete."""
    from deckgen.translation import update_translation

    for code in targets:
        with reported(content):
            updated = update_translation(content, code.lower())
        click.echo(updated.summary())


@main.command(short_help="Write a test sheet to measure your printer's duplex.")
@click.option("--layout", "-l", metavar="NAME|PATH",
              help="Layout whose paper and duplex the sheet uses unless given here; default: default.")
@click.option("--out", "-o", "target", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_OUT_DIR / "calibration.pdf", show_default=True, help="Where to write the sheet.")
@click.option("--paper", type=_choice(PAPERS), help="Sheet size; default: the layout's.")
@click.option("--duplex", type=_choice(DOUBLE_SIDED), help="Duplex edge; default: the layout's.")
@click.option("--back-offset", type=Millimetres(), nargs=2, callback=_offset, metavar="X Y",
              help="An offset to try, in mm (X right, Y down), as it would be given to deckgen build.")
def calibrate(layout, target, paper, duplex, back_offset):
    """Write a one-sheet duplex print that shows how far your printer's backs are off."""
    from deckgen.cards.calibration import write_calibration
    from deckgen.layout import load_layout
    from deckgen.outputs import output_set
    from deckgen.printing import resolve_print

    with reported(target), output_set(target.parent) as outputs:
        chosen = load_layout(layout or DEFAULT_LAYOUT)
        settings = resolve_print(_print_options(paper, duplex, back_offset), chosen.cards.paper, chosen.cards.duplex)
        write_calibration(settings, outputs.temp_for(target))
        written = outputs.commit()
    for path in written:
        click.echo(str(path))


@main.command(short_help="List the layouts found and what each extends.")
def layouts():
    """List the layouts found: in ./layouts and shipped with deckgen."""
    from deckgen.layout import describe_layouts

    rows = describe_layouts()
    width = max(len(row.name) for row in rows)
    for row in rows:
        parent = f"extends {row.extends}" if row.extends else "root"
        click.echo(f"{row.name.ljust(width)}  {parent:<18}  {row.folder}")
        if row.description:
            click.echo(f"{'':{width}}  {row.description}")


@main.group(short_help="Start a new workshop or layout from a commented file.")
def init():
    """Start a new workshop or layout from a commented file."""


@init.command("workshop")
@click.argument("name")
@click.option("--language", type=_choice(LANGUAGE_CODES), default=DEFAULT_LANGUAGE, show_default=True,
              help="The language of the labels and the date.")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder the file is written to.")
@click.option("--format", "file_format", type=_choice(("yaml", "xlsx")), default="yaml", show_default=True,
              help="yaml: a commented text file; xlsx: an Excel workbook with a sheet for the workshop, the "
                   "models, the questions and the sources.")
def init_workshop(name, language, folder, file_format):
    """Write NAME.yaml (or NAME.xlsx): a new content file with every key present and commented."""
    from deckgen.scaffold import new_workshop

    with reported(folder):
        if file_format.lower() == "xlsx":
            from deckgen.workbook_init import new_workbook

            click.echo(str(new_workbook(name, language, folder)))
        else:
            click.echo(str(new_workshop(name, language, folder)))


@init.command("layout")
@click.argument("name")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("layouts"),
              show_default=True, help="Folder the layout folder is made in.")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.pptx",
              help="The organisation's PowerPoint: copied into the layout, its theme's colours and fonts used "
                   "for the slides, cards and handout.")
def init_layout(name, folder, template):
    """Write layouts/NAME/layout.yaml: a layout that extends default, every key commented; with --template,
    one in the colours and fonts of that PowerPoint file."""
    from deckgen.scaffold import new_layout

    with reported(folder / name):
        click.echo(str(new_layout(name, folder, template)))


@main.command("import", short_help="Turn a PowerPoint deck into a content file.")
@click.argument("deck", type=click.Path(path_type=Path))
@click.option("--output", "-o", "target", type=click.Path(dir_okay=False, path_type=Path),
              help="The content file to write; default: the deck's name with .yaml, in the current folder.")
@click.option("--force", is_flag=True, help="Overwrite the content file when it already exists.")
def import_deck(deck, target, force):
    """Read DECK (a .pptx in the workshop format) into a content file. What finds no place in it is
    listed here, slide by slide, and kept as a comment at the top of the file."""
    from deckgen.importer import default_target, import_deck as run_import

    target = target or default_target(deck)
    with reported(target):
        imported = run_import(deck, target, force=force)
    for line in imported.report.lines():
        click.echo(line, err=True)
    left_out = len(imported.report.left_out)
    click.echo(f"{imported.models} model{'s' * (imported.models != 1)} imported"
               + (f"; {left_out} thing{'s' * (left_out != 1)} not imported, listed above and at the top of "
                  f"{imported.target.name}" if left_out else ""), err=True)
    click.echo(str(imported.target))


@main.command(short_help="Convert a content file between YAML and an Excel workbook.")
@click.argument("source", type=ContentFile())
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite TARGET when it already exists.")
def convert(source, target, force):
    """Write the workshop in SOURCE to TARGET in the other format: a YAML content file (.yaml) to an Excel
    workbook (.xlsx), or a workbook to a YAML file. The file is written only when it reads back as the same
    workshop; comments and cell formatting are not carried over."""
    from deckgen.convert import convert as run_convert

    with reported(target):
        click.echo(str(run_convert(source, target, force=force)))


@main.command(short_help="Print the JSON Schema of content (or layout) files.")
@click.option("--layout", "for_layout", is_flag=True,
              help="Print the schema of an organisation's layout.yaml instead of a content file's.")
def schema(for_layout):
    """Print the JSON Schema of the content format (with --layout: of layout.yaml), for editor completion."""
    import json

    from deckgen.content import CONTENT_SPEC
    from deckgen.layout import LAYOUT_SPEC

    spec = LAYOUT_SPEC if for_layout else CONTENT_SPEC
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "title": "deckgen layout" if for_layout else "deckgen workshop content",
                **spec.json_schema()}
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@main.command(short_help="Write PNG pictures of every slide and card side.")
@CONTENT
@LAYOUT
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the pictures; default: output/NAME-preview.")
def preview(content, layout, out_dir):
    """Write PNG pictures of every slide and card side, and one overview picture."""
    from deckgen.preview import soffice, write_preview

    content = content or example_content()
    out_dir = out_dir or DEFAULT_OUT_DIR / f"{content.stem}-preview"
    if soffice() is None:
        click.echo("LibreOffice is not installed: slides are not pictured "
                   "(apt-get install libreoffice-impress); cards are.", err=True)
    with reported(out_dir):
        written = write_preview(Request(content=content, layout=layout), out_dir)
    click.echo(f"{out_dir}: {len(written) - 1} pictures and overview.png")


@main.command(short_help="Rebuild on every save; --serve shows a live preview.")
@CONTENT
@LAYOUT
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT_DIR,
              show_default=True, help="Folder the files are written to.")
@click.option("--serve", is_flag=True, help="Also serve a live preview on localhost that reloads after each build.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port of the preview; 0 picks a free one.")
def watch(content, layout, out_dir, serve, port):
    """Rebuild whenever the content file or its layout changes; errors are shown and watching goes on."""
    import threading

    from deckgen.watch import Watcher, make_server

    request = Request(content=content or example_content(), out_dir=out_dir, layout=layout, cache=True)
    watcher = Watcher(request, pictures=serve, echo=lambda text: click.echo(text, err=True))
    server = None
    if serve:
        try:
            server = make_server(watcher, port)
        except OSError as error:
            raise Failed(f"error: cannot serve on port {port}: {error.strerror}; try --port 0") from None
        threading.Thread(target=server.serve_forever, daemon=True).start()
        click.echo(f"serving the preview at http://127.0.0.1:{server.server_address[1]}/", err=True)
    try:
        watcher.run()
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.shutdown()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
