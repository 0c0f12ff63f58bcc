"""Command line: ``mandiff parse FILE`` and ``mandiff check DRAFT``.

Errors print one line on stderr and exit 2 (trouble), as diff(1) does.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from mandiff import __version__, lexicon
from mandiff.check.command import check_command
from mandiff.errors import MandiffError
from mandiff.outline import RENDERERS
from mandiff.parse import parse_source
from mandiff.read import decode, read

app = typer.Typer(
    name="mandiff",
    help="Read UN resolutions into typed clauses and compare successive mandates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ParseFormat = Enum("ParseFormat", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mandiff {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Read UN resolutions into typed clauses and compare successive mandates."""


def fail(error: MandiffError) -> typer.Exit:
    typer.echo(f"mandiff: {error}", err=True)
    return typer.Exit(error.exit_code)


@app.command("parse")
def parse_command(
    file: Annotated[str, typer.Argument(help="Resolution text file, or - for standard input.")],
    format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,  # type: ignore[attr-defined]
    lang: Annotated[
        str | None, typer.Option("--lang", help=f"Language ({', '.join(lexicon.available())}); detected when omitted.")
    ] = None,
) -> None:
    """Parse one resolution and print its outline (ids, clause types, addressees) or its JSON model.

    Example: mandiff parse examples/S-RES-2423-2018.zh.txt --format json
    """
    try:
        source = decode(sys.stdin.buffer.read(), "<stdin>") if file == "-" else read(Path(file))
        res = parse_source(source, lang=lang)
    except MandiffError as error:
        raise fail(error) from None
    typer.echo(RENDERERS[format.value](res), nl=False)


app.command("check")(check_command)


if __name__ == "__main__":  # pragma: no cover
    app()
