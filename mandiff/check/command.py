"""The ``mandiff check`` command: ``mandiff check DRAFT [--against CURRENT] [--format ...]
[--fail-on ...] [--config FILE] [--lang zh|en]``.

Exit status as diff(1) and linters have it: 0 when no finding reaches the
failing threshold, 1 when one does, 2 on trouble (one line on stderr that says
the cause and the fix). Registered in ``mandiff/cli.py`` as
``app.command("check")(check_command)``.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from mandiff.check import check
from mandiff.check.config import Config, find_config, load_config, parse_fail_on
from mandiff.check.findings import SEVERITIES, Finding
from mandiff.check.render import RENDERERS
from mandiff.errors import MandiffError
from mandiff.parse import parse_source
from mandiff.read import Source, read

__all__ = ["CheckFormat", "check_command"]

CheckFormat = Enum("CheckFormat", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]


def _read(path: str) -> Source:
    return read(sys.stdin.buffer.read()) if path == "-" else read(Path(path))


def _config(draft: str, config: str | None) -> Config:
    if config is not None:
        return load_config(Path(config))
    start = Path.cwd() if draft == "-" else Path(draft).parent
    return load_config(find_config(start))


def run(
    draft: str, against: str | None, fail_on: list[str] | None, config: str | None, lang: str | None
) -> tuple[tuple[Finding, ...], Config]:
    """Findings on ``draft`` and the configuration in force; raises :class:`MandiffError` on trouble."""
    settings = _config(draft, config)
    if fail_on:
        settings = settings.with_fail_on(parse_fail_on(fail_on))
    source = _read(draft)
    res = parse_source(source, lang=lang)
    current = parse_source(_read(against), lang=lang) if against is not None else None
    return check(res, source, settings, current), settings


def check_command(
    draft: Annotated[str, typer.Argument(metavar="DRAFT", help="Draft resolution text file, or - for standard input.")],
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="CURRENT",
            help="The resolution in force: also report what the draft removes or weakens.",
        ),
    ] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,  # type: ignore[attr-defined]
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY|RULE",
            help=(
                f"Exit 1 on findings at or above this severity ({', '.join(SEVERITIES)}), or of these rule ids "
                "(comma-separated, repeatable); 'never' always exits 0. Default: the configuration's, else warning."
            ),
        ),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help=(
                "Configuration file; default: the nearest .mandiff.toml, "
                "or pyproject.toml with a tool.mandiff.check table."
            ),
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language (zh, en); detected when omitted.")] = None,
) -> None:
    """Check a drafted resolution: numbering, cross-references, lead verbs, punctuation,
    closing formula, citations, repeated paragraphs.

    Example: mandiff check draft.zh.txt --format github
    """
    try:
        findings, settings = run(draft, against, fail_on, config, lang)
    except MandiffError as error:
        typer.echo(f"mandiff: {error}", err=True)
        raise typer.Exit(error.exit_code) from None
    typer.echo(RENDERERS[format.value](findings, draft), nl=False)
    raise typer.Exit(1 if any(settings.fails(f) for f in findings) else 0)
