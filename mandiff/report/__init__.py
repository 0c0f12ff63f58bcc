"""Renderers of a :class:`~mandiff.changes.MandateDiff`: text, HTML, Markdown, JSON.

One mapping, ``RENDERERS``, serves the API (``mandiff.report.render``) and the
CLI's ``--format``. Every renderer is ``(diff, options) -> str`` and only reads
the model.
"""

from __future__ import annotations

from collections.abc import Callable

from mandiff.changes import MandateDiff
from mandiff.report.options import ONLY_CHOICES, RenderOptions, selected

__all__ = ["ONLY_CHOICES", "RENDERERS", "RenderOptions", "render", "selected"]

Renderer = Callable[[MandateDiff, RenderOptions], str]


def _lazy(module: str, name: str) -> Renderer:
    # Import on first use: the HTML renderer pulls in lxml, which `mandiff parse` never needs.
    def run(diff: MandateDiff, options: RenderOptions) -> str:
        from importlib import import_module

        return getattr(import_module(module), name)(diff, options)

    run.__name__ = name
    return run


RENDERERS: dict[str, Renderer] = {
    "text": _lazy("mandiff.report.text", "render_text"),
    "html": _lazy("mandiff.report.html", "render_html"),
    "markdown": _lazy("mandiff.report.markdown", "render_markdown"),
    "json": _lazy("mandiff.report.jsonout", "render_json"),
}


def render(diff: MandateDiff, format: str = "text", options: RenderOptions | None = None) -> str:
    """Render ``diff`` in ``format`` (a key of :data:`RENDERERS`)."""
    if format not in RENDERERS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(RENDERERS)}")
    return RENDERERS[format](diff, options or RenderOptions())
