"""``python -m mandiff.check FILE...``: check several drafts in one run, for pre-commit.

pre-commit passes every staged file that matches the hook at once; ``mandiff
check`` takes one draft. This runs :func:`mandiff.check.command.run` on each
and exits with the worst status: 2 if any file was trouble, else 1 if any
finding fails the run, else 0.
"""

from __future__ import annotations

from typing import Annotated

import typer

from mandiff.check.command import run
from mandiff.check.render import RENDERERS
from mandiff.errors import MandiffError

_FORMATS = ("text", "github")
"""Formats that concatenate: one line per finding."""

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def main(
    drafts: Annotated[list[str], typer.Argument(help="Draft resolution text files.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or github.")] = "text",
    fail_on: Annotated[list[str] | None, typer.Option("--fail-on", help="As for mandiff check.")] = None,
    config: Annotated[str | None, typer.Option("--config", help="As for mandiff check.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="As for mandiff check.")] = None,
) -> None:
    """Check each draft with mandiff check's rules and configuration."""
    if format not in _FORMATS:
        typer.echo(
            f"mandiff: --format {format!r} cannot join several files; use one of {', '.join(_FORMATS)}", err=True
        )
        raise typer.Exit(2)
    status = 0
    for draft in drafts:
        try:
            findings, settings = run(draft, None, fail_on, config, lang)
        except MandiffError as error:
            typer.echo(f"mandiff: {error}", err=True)
            status = 2
            continue
        typer.echo(RENDERERS[format](findings, draft), nl=False)
        if status == 0 and any(settings.fails(f) for f in findings):
            status = 1
    raise typer.Exit(status)


if __name__ == "__main__":  # pragma: no cover
    app(prog_name="python -m mandiff.check")
