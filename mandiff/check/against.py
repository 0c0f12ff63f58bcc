"""Rules against the mandate in force (``mandiff check DRAFT --against CURRENT``): tasks removed,
clauses weakened, a mandate end date not later than the current one, changed personnel ceilings.

They read :func:`mandiff.compare.compare` (current -> draft) and report in the
draft, so each finding points at a line of the file under review; without
``--against`` they find nothing. Each id can be made to fail the run with
``--fail-on`` (``--fail-on removed-task,mandate-end-date``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from mandiff.check.draft import Draft
from mandiff.check.findings import Hit, Rule
from mandiff.model import Paragraph, Span

if TYPE_CHECKING:
    # Type names only: the single-draft rules must load even while the comparison engine changes.
    from mandiff.changes import Fact, MandateDiff, ParagraphChange

__all__ = ["RULES"]

_TASKS = ("operative", "subparagraph", "item")
"""Kinds of paragraph that carry tasks; the preamble carries none."""
_QUOTE = 60
"""Characters of a removed paragraph's text that a message quotes."""


def _parents(pid: str) -> list[str]:
    """Ids above ``pid``: ``"38(a)(ii)"`` -> ``["38(a)", "38"]``; ``"4-2"`` -> ``["4"]``."""
    out = []
    while True:
        m = re.fullmatch(r"(.+)(?:\([^()]+\)|-\d+)", pid)
        if not m:
            return out
        pid = m.group(1)
        out.append(pid)


def _anchor(draft: Draft, diff: MandateDiff, change: ParagraphChange) -> tuple[Span, str | None]:
    """Where a removed paragraph stood in the draft: the label of the next paragraph kept."""
    changes = diff.changes
    after = changes[changes.index(change) + 1 :]
    for other in after:
        para = draft.res.paragraph(other.new) if other.new else None
        if para is not None:
            return draft.label_span(para), para.id
    last = draft.res.operative[-1] if draft.res.operative else None
    if last is None:
        return draft.locator.at(0), None
    return draft.last_char(last.walk()[-1]), last.id


def removed_task(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Every operative paragraph, sub-paragraph and item of the current mandate is still in the draft
    (reworded, renumbered or moved is fine).

    A task that silently drops out of a renewal is the change reviewers most often
    miss. Reported where the paragraph stood, once for a paragraph removed with
    its sub-paragraphs.
    """
    diff = draft.diff
    if diff is None:
        return
    removed = {c.old for c in diff.changes if c.status == "removed" and c.old}
    for change in diff.changes:
        if change.status != "removed" or change.kind not in _TASKS or not change.old:
            continue
        if any(parent in removed for parent in _parents(change.old)):
            continue
        span, pid = _anchor(draft, diff, change)
        text = " ".join((change.old_text or "").split())
        quoted = text if len(text) <= _QUOTE else text[: _QUOTE - 3] + "..."
        yield Hit(
            span,
            f"paragraph {change.old} of the current mandate ('{quoted}') is not in the draft; "
            "restore it, or confirm that the task is dropped",
            pid,
        )


def weakened_clause(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """No clause of the current mandate falls on the strength scale ("requests" -> "encourages",
    "decides" -> "calls upon").

    The scale is ``mandiff/lexicon/types.toml`` (4 binding ... 0 declaratory). A
    sub-paragraph takes its chapeau's strength, so only operative paragraphs are
    reported.
    """
    diff = draft.diff
    if diff is None:
        return
    for change in diff.changes:
        if "weakened" not in change.tags or change.kind != "operative" or not change.new:
            continue
        para = draft.res.paragraph(change.new)
        if para is None:
            continue
        clauses = [c for c in change.clauses if "weakened" in c.tags and c.old and c.new]
        if not clauses:
            yield Hit(
                draft.label_span(para),
                f"operative paragraph {change.new} is weaker than paragraph {change.old} of the current mandate; "
                "keep the stronger verb, or confirm the change",
                para.id,
            )
            continue
        for clause in clauses:
            old, new = clause.old, clause.new
            assert old is not None and new is not None
            yield Hit(
                new.span,
                f"'{new.verb}' ({new.type}, tier {clause.new_tier}) replaces '{old.verb}' ({old.type}, tier "
                f"{clause.old_tier}) of paragraph {change.old} of the current mandate; "
                "keep the stronger verb, or confirm the change",
                para.id,
            )


def _find(draft: Draft, diff: MandateDiff, fact: Fact) -> tuple[Span, str | None]:
    """Where the draft states ``fact``: first in paragraphs whose facts changed, then anywhere."""
    changed = [draft.res.paragraph(c.new) for c in diff.changes if "facts_changed" in c.tags and c.new]
    candidates: list[Paragraph] = [p for p in changed if p is not None]
    candidates += [p for top in draft.res.operative for p in top.walk()]
    for para in candidates:
        i = para.text.find(fact.text)
        if i >= 0:
            return draft.span(para, i, i + len(fact.text)), para.id
    first = draft.res.operative[0] if draft.res.operative else None
    return (draft.label_span(first), first.id) if first else (draft.locator.at(0), None)


def mandate_end_date(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """The draft extends the mandate to a date later than the current end date.

    The end date is the latest date in a "decides" clause that extends the mandate
    (:func:`mandiff.facts.summarize`). An earlier or equal date is usually an end
    date not updated from the previous text.
    """
    diff = draft.diff
    if diff is None or diff.mandate.end_date is None:
        return
    old, new = diff.mandate.end_date.old, diff.mandate.end_date.new
    if old is None:
        return
    if new is None:
        first = draft.res.operative[0] if draft.res.operative else None
        span = draft.label_span(first) if first else draft.locator.at(0)
        yield Hit(
            span,
            f"the draft extends the mandate to no date, while the current one ends on {old.value} "
            f"('{old.text}'); state the new end date",
            first.id if first else None,
        )
        return
    if new.value > old.value[: len(new.value)]:
        return
    span, pid = _find(draft, diff, new)
    yield Hit(
        span,
        f"the mandate would end on {new.value}, not later than the current end date {old.value}; correct the date",
        pid,
    )


def ceiling_changed(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Personnel ceilings (military, police, ...) are as in the current mandate.

    A changed ceiling may be the point of the renewal; this rule makes sure it is
    seen. Turn it into a failure with ``--fail-on ceiling-changed``.
    """
    diff = draft.diff
    if diff is None:
        return
    for ceiling in diff.mandate.ceilings:
        if not ceiling.changed:
            continue
        old, new = ceiling.old, ceiling.new
        unit = (new or old).unit if (new or old) else None
        what = f"the {unit} ceiling" if unit else "a personnel ceiling"
        if new is None:
            assert old is not None
            first = draft.res.operative[0] if draft.res.operative else None
            span = draft.label_span(first) if first else draft.locator.at(0)
            yield Hit(span, f"{what} ({old.text}) of the current mandate is gone; restore it or confirm", None)
            continue
        span, pid = _find(draft, diff, new)
        was = f"from {old.value}" if old else "(new)"
        yield Hit(span, f"{what} changes {was} to {new.value}; confirm the figure", pid)


RULES = (
    Rule("removed-task", "warning", "No task of the current mandate is dropped (with --against)", removed_task),
    Rule(
        "weakened-clause", "warning", "No clause of the current mandate is weakened (with --against)", weakened_clause
    ),
    Rule(
        "mandate-end-date",
        "error",
        "The mandate ends later than the current one (with --against)",
        mandate_end_date,
    ),
    Rule("ceiling-changed", "warning", "Personnel ceilings are unchanged (with --against)", ceiling_changed),
)
