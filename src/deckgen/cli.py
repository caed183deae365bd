"""The command line: parses options and calls the library; every user mistake is one clean message."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from deckgen import __version__
from deckgen.errors import DeckgenError, InvalidInput
from deckgen.resources import example_content

CONTENT = click.argument("content", required=False, type=click.Path(path_type=Path))
LAYOUT = click.option("--layout", "-l", metavar="NAME|PATH",
                      help="Layout name (./layouts/NAME or shipped) or folder; default: the content's own.")


class FailedBuild(click.ClickException):
    exit_code = 1

    def show(self, file=None):
        click.echo(self.format_message(), err=True)


def _fail(error: DeckgenError) -> FailedBuild:
    if isinstance(error, InvalidInput):
        count = len(error.problems)
        summary = f"{count} problem{'s' * (count != 1)} found; nothing was written."
        return FailedBuild(f"{error}\n{summary}")
    return FailedBuild(f"error: {error}")


def _offset(ctx, param, value: str | None):
    if value is None:
        return (0.0, 0.0)
    try:
        x, y = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"expected two millimetre values as X,Y (for example 1.5,-0.5), got {value!r}")
    return (x, y)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="deckgen")
def main() -> None:
    """Turn a workshop content file into an editable PowerPoint deck and printable A6 cards."""


@main.command()
@CONTENT
@LAYOUT
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Folder the files are written to.")
@click.option("--only", type=click.Choice(["slides", "cards"]), help="Write only the slides or only the cards.")
@click.option("--paper", type=click.Choice(["A4", "A3"]), help="Card sheet size; default: the layout's.")
@click.option("--duplex", type=click.Choice(["long-edge", "short-edge", "none"]),
              help="How the backs are placed for double-sided printing; default: the layout's.")
@click.option("--back-offset", callback=_offset, metavar="X,Y",
              help="Shift the card backs by X,Y millimetres, for a printer whose duplex is off.")
def build(content, layout, out_dir, only, paper, duplex, back_offset):
    """Build the deck and the cards of CONTENT (default: the bundled example)."""
    from deckgen.build import BuildRequest, build as run_build

    request = BuildRequest(content=content or example_content(), out_dir=out_dir, layout=layout, only=only,
                           paper=paper, duplex=duplex, back_offset=back_offset)
    try:
        written = run_build(request)
    except DeckgenError as error:
        raise _fail(error) from None
    for path in written:
        click.echo(str(path))


@main.command()
@CONTENT
@LAYOUT
def check(content, layout):
    """Validate CONTENT and report text that would not fit; writes nothing."""
    from deckgen.build import check as run_check

    try:
        problems = run_check(content or example_content(), layout)
    except DeckgenError as error:
        raise _fail(error) from None
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise FailedBuild(f"{len(problems)} problem{'s' * (len(problems) != 1)} found.")
    click.echo(f"{content or example_content()}: OK")


@main.command()
@LAYOUT
@click.option("--out", "-o", "target", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/calibration.pdf"), show_default=True, help="Where to write the sheet.")
@click.option("--paper", type=click.Choice(["A4", "A3"]), help="Sheet size; default: the layout's.")
@click.option("--duplex", type=click.Choice(["long-edge", "short-edge"]), help="Duplex edge; default: the layout's.")
@click.option("--back-offset", callback=_offset, metavar="X,Y", help="Back-side offset in mm to try.")
def calibrate(layout, target, paper, duplex, back_offset):
    """Write a one-sheet duplex print that shows how far your printer's backs are off."""
    from deckgen.cards import PrintOptions, write_calibration
    from deckgen.layout import load_layout
    from deckgen.outputs import output_set

    try:
        with output_set(target.parent) as outputs:
            write_calibration(load_layout(layout or "default"), outputs.temp_for(target),
                              PrintOptions(paper=paper, duplex=duplex, back_offset=back_offset))
            written = outputs.commit()
    except DeckgenError as error:
        raise _fail(error) from None
    for path in written:
        click.echo(str(path))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
