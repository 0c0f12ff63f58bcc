"""What every report renderer is told: colour, and which changes to show.

Renderers only read the model; the selection of changes lives here so that
``--only`` means the same thing in every format.
"""

from __future__ import annotations

import attrs

from mandiff.changes import STATUSES, TAGS, MandateDiff, ParagraphChange

__all__ = ["ONLY_CHOICES", "RenderOptions", "selected"]

ONLY_CHOICES = (*STATUSES, *TAGS)
"""Values ``--only`` accepts: any status (``added``, ``changed`` ...) or tag (``moved``, ``strengthened`` ...)."""


@attrs.frozen
class RenderOptions:
    """How to render. Example: ``RenderOptions(color=True, only=("added", "strengthened"))``."""

    color: bool = False
    """Use ANSI colour (text only; other formats ignore it)."""
    only: tuple[str, ...] = ()
    """Show only changes whose status or one of whose tags is listed; empty shows every change."""
    unchanged: bool = False
    """List unchanged paragraphs too (they are always counted in the summary)."""

    def __attrs_post_init__(self) -> None:
        unknown = [x for x in self.only if x not in ONLY_CHOICES]
        if unknown:
            raise ValueError(f"unknown change kind {', '.join(unknown)}; use {', '.join(ONLY_CHOICES)}")


def selected(diff: MandateDiff, options: RenderOptions) -> tuple[ParagraphChange, ...]:
    """The operative changes a report lists, in document order."""
    out = []
    for change in diff.changes:
        if options.only:
            if change.status not in options.only and not set(change.tags) & set(options.only):
                continue
        elif change.status == "unchanged" and not change.tags and not options.unchanged:
            continue
        out.append(change)
    return tuple(out)
