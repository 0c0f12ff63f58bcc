"""Command line.

``mandiff OLD NEW`` compares two mandates (the default command, also spelled
``mandiff diff OLD NEW``); ``mandiff parse FILE`` prints one parsed resolution;
``mandiff check DRAFT`` lints a draft. Exit status follows diff(1): 0 no
differences in the operative part, 1 differences, 2 trouble (one line on
stderr that says the cause and the fix, never a traceback).
"""

from __future__ import annotations

import os
import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from mandiff import __version__, lexicon
from mandiff.check.command import check_command
from mandiff.compare import compare
from mandiff.errors import MandiffError
from mandiff.outline import RENDERERS as PARSE_RENDERERS
from mandiff.parse import parse_source
from mandiff.read import Source, decode, read
from mandiff.report import ONLY_CHOICES, RENDERERS, RenderOptions, render

__all__ = ["app"]

EXAMPLES = """
Examples:

  mandiff examples/S-RES-2506-2020.en.txt examples/S-RES-2537-2020.en.txt

  mandiff old.txt new.txt --format html -o report.html

  mandiff old.txt new.txt --only added,removed,weakened --format markdown

  mandiff parse examples/S-RES-2423-2018.zh.txt --format json

  mandiff check draft.txt --against current.txt --format github
"""


class _DiffByDefault(TyperGroup):
    """``mandiff OLD NEW`` runs the ``diff`` command: a first argument that names
    no subcommand (a path, ``-`` or a diff option) selects it."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["diff", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    name="mandiff",
    cls=_DiffByDefault,
    help="Compare successive UN mandates by content: mandiff OLD NEW.\n\n" + EXAMPLES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

ParseFormat = Enum("ParseFormat", {name: name for name in PARSE_RENDERERS}, type=str)  # type: ignore[misc]
DiffFormat = Enum("DiffFormat", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


LangOption = Annotated[
    str | None, typer.Option("--lang", help=f"Language ({', '.join(lexicon.available())}); detected when omitted.")
]


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
    """Compare successive UN mandates by content."""


def fail(error: MandiffError) -> typer.Exit:
    typer.echo(f"mandiff: {error}", err=True)
    return typer.Exit(error.exit_code)


def _source(path: str) -> Source:
    return decode(sys.stdin.buffer.read(), "<stdin>") if path == "-" else read(Path(path))


def _only(values: list[str] | None) -> tuple[str, ...]:
    kinds = tuple(dict.fromkeys(v.strip() for value in values or [] for v in value.split(",") if v.strip()))
    unknown = [k for k in kinds if k not in ONLY_CHOICES]
    if unknown:
        raise typer.BadParameter(f"unknown change kind {', '.join(unknown)}; use {', '.join(ONLY_CHOICES)}")
    return kinds


def _wants_color(color: Color, output: Path | None) -> bool:
    if color is Color.always:
        return True
    if color is Color.never or output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _write(text: str, output: Path | None, color: bool = False) -> None:
    if output is None:
        # click strips ANSI codes when stdout is no terminal unless told otherwise.
        typer.echo(text, nl=False, color=color or None)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        error = MandiffError(f"{output}: cannot be written ({exc.strerror}); check the folder and its permissions")
        raise fail(error) from None


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The mandate in force (text file, or - for stdin).")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The renewal or draft to compare with it.")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Report format.")] = DiffFormat.text,  # type: ignore[attr-defined]
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    color: Annotated[Color, typer.Option("--color", help="Colour the text report.")] = Color.auto,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help=f"Show only these change kinds, comma-separated: {', '.join(ONLY_CHOICES)}."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Compare OLD and NEW and report added, removed and changed tasks.

    Exit status: 0 no differences in the operative part, 1 differences, 2 trouble.
    """
    kinds = _only(only)
    if old == "-" and new == "-":
        raise fail(MandiffError("OLD and NEW cannot both be standard input; give at least one file"))
    try:
        old_res = parse_source(_source(old), lang=lang)
        new_res = parse_source(_source(new), lang=lang or old_res.language)
        diff = compare(old_res, new_res)
    except MandiffError as error:
        raise fail(error) from None
    options = RenderOptions(color=_wants_color(color, output) and format.value == "text", only=kinds)
    _write(render(diff, format.value, options), output, options.color)
    differs = any(c.status != "unchanged" or c.tags for c in diff.changes)
    raise typer.Exit(1 if differs else 0)


@app.command("parse")
def parse_command(
    file: Annotated[str, typer.Argument(help="Resolution text file, or - for standard input.")],
    format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,  # type: ignore[attr-defined]
    lang: LangOption = None,
) -> None:
    """Parse one resolution and print its outline (ids, clause types, addressees) or its JSON model.

    Example: mandiff parse examples/S-RES-2423-2018.zh.txt --format json
    """
    try:
        res = parse_source(_source(file), lang=lang)
    except MandiffError as error:
        raise fail(error) from None
    typer.echo(PARSE_RENDERERS[format.value](res), nl=False)


app.command("check")(check_command)


if __name__ == "__main__":  # pragma: no cover
    app()
