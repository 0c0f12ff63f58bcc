"""The vocabulary of ``mandiff check``: severities, a rule, what a rule reports.

A rule's check function yields :class:`Hit` objects (where and what); the
engine turns each into a :class:`Finding` by adding the rule's id and the
severity the configuration gives it. Renderers handle :class:`Finding` only.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from mandiff.model import Span

if TYPE_CHECKING:
    from mandiff.check.draft import Draft

__all__ = ["SEVERITIES", "Finding", "Hit", "Rule", "rank"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "note")
"""Closed set, most severe first. ``note`` never fails a run unless asked to (``--fail-on note``)."""


def rank(severity: str) -> int:
    """0 for ``"error"`` (most severe), 1 for ``"warning"``, 2 for ``"note"``."""
    return SEVERITIES.index(severity)


@attrs.frozen
class Hit:
    """What a rule found, before the engine names the rule and its severity.

    Example: ``Hit(span=Span(9870, 9871, 354, 35, 354, 36), message="...", paragraph="11")``.
    """

    span: Span
    """Where in the decoded input (line and column are 1-based, columns in characters)."""
    message: str
    """Cause and fix, in one sentence: what is wrong here and what to write instead."""
    paragraph: str | None = None
    """Id of the paragraph concerned (``"11"``, ``"38(a)(ii)"``, ``"PP3"``), if any."""


@attrs.frozen
class Finding:
    """One problem found in a draft.

    Example: ``Finding(rule="paragraph-end", severity="error", span=..., message="operative
    paragraph 11 ends with '，' ...", paragraph="11")``.
    """

    rule: str
    """Stable id of the rule that found it (``"paragraph-end"``)."""
    severity: str
    """One of :data:`SEVERITIES`, as configured."""
    span: Span
    """Where in the decoded input the problem sits."""
    message: str
    """Cause and fix."""
    paragraph: str | None = None
    """Id of the paragraph concerned, if any."""

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, as ``mandiff/schema/findings.schema.json`` describes it."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "message": self.message,
            "paragraph": self.paragraph,
        }


Check = Callable[["Draft", Mapping[str, Any]], Iterable[Hit]]


@attrs.frozen
class Rule:
    """A check with a stable id. The check function's docstring is the rule's documentation.

    Example: ``Rule(id="paragraph-end", severity="error", summary="Paragraphs end with the
    punctuation of their part", check=paragraph_end)``.
    """

    id: str
    """Stable, kebab-case id used in output and configuration (``"paragraph-end"``)."""
    severity: str
    """Default severity, one of :data:`SEVERITIES`."""
    summary: str
    """One line saying what the rule wants (SARIF ``shortDescription``)."""
    check: Check
    """Pure function of the parsed draft and the rule's options, yielding hits."""
    options: Mapping[str, Any] = attrs.field(factory=dict)
    """Options the configuration may set, with their defaults (``{"min-length": 40}``)."""

    @property
    def description(self) -> str:
        """The check function's docstring, dedented: what the rule checks, and why."""
        return inspect.cleandoc(self.check.__doc__ or self.summary)
