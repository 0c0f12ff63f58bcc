"""The change vocabulary: every kind of finding :func:`mandiff.compare` can report.

This module is the closed set. A renderer handles each class here and each
value of :data:`STATUSES`, :data:`TAGS`, :data:`FACT_KINDS` and :data:`OPS`;
``diff.schema.json`` publishes the same enumerations, and a test keeps the two
in step.

Every operative paragraph and sub-paragraph of either side appears in
:attr:`MandateDiff.changes` as one :class:`ParagraphChange` (twice or more
only when it was split or merged). Its ``status`` says *whether* the text
changed; its ``tags`` say *how* it relates to its counterpart.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from mandiff.model import Clause, Metadata, Span

__all__ = [
    "FACT_KINDS",
    "MIRROR_STATUS",
    "MIRROR_TAG",
    "OPS",
    "STATUSES",
    "TAGS",
    "ClauseChange",
    "Fact",
    "FactChange",
    "MandateDiff",
    "MandateSummary",
    "ParagraphChange",
    "PreambleSummary",
    "TextOp",
]

STATUSES: tuple[str, ...] = ("unchanged", "changed", "added", "removed")
"""``unchanged``: same text once whitespace, width and quotes are folded (and
cross-references follow the renumbering); ``changed``: the text or its clause
types differ; ``added``: only in the new text; ``removed``: only in the old."""

TAGS: tuple[str, ...] = (
    "moved",
    "renumbered",
    "strengthened",
    "weakened",
    "split",
    "merged",
    "addressee_changed",
    "facts_changed",
    "clauses_added",
    "clauses_removed",
)
"""How a paragraph relates to its counterpart, in this canonical order:
``moved`` (out of the order the other paragraphs keep, or under another
parent), ``renumbered`` (its id differs), ``strengthened`` / ``weakened`` (a
clause rose or fell on the strength scale of ``types.toml``), ``split`` (one
old paragraph became several), ``merged`` (several became one),
``addressee_changed``, ``facts_changed`` (a date, figure, duration or
reporting cycle differs), ``clauses_added``, ``clauses_removed``."""

FACT_KINDS: tuple[str, ...] = ("date", "figure", "duration", "cycle")
"""``date`` (``2019-06-30``), ``figure`` (``13289``), ``duration`` (``P1Y``),
``cycle`` (a reporting period, ``P3M`` for "every three months")."""

OPS: tuple[str, ...] = ("equal", "delete", "insert")
"""Text diff operations, as diff-match-patch names them."""

MIRROR_STATUS: dict[str, str] = {"unchanged": "unchanged", "changed": "changed", "added": "removed", "removed": "added"}
"""What each status becomes when old and new are swapped."""

MIRROR_TAG: dict[str, str] = {
    **{tag: tag for tag in TAGS},
    "strengthened": "weakened",
    "weakened": "strengthened",
    "split": "merged",
    "merged": "split",
    "clauses_added": "clauses_removed",
    "clauses_removed": "clauses_added",
}
"""What each tag becomes when old and new are swapped."""


def _span(span: Span | None) -> dict[str, int] | None:
    return span.to_dict() if span else None


@attrs.frozen
class TextOp:
    """One operation of a text diff: ``TextOp(op="insert", text="two ")``.

    Joining the ``equal`` and ``delete`` texts gives the old text, the
    ``equal`` and ``insert`` texts the new one (both as written, whitespace
    collapsed: :func:`mandiff.textdiff.shown`).
    """

    op: str
    """``"equal"``, ``"delete"`` or ``"insert"``."""
    text: str
    """The words (or, for Chinese, characters) the operation covers."""

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


@attrs.frozen
class Fact:
    """A fact stated in a paragraph: ``Fact(kind="date", value="2019-06-30", text="30 June 2019", unit=None)``."""

    kind: str
    """One of :data:`FACT_KINDS`."""
    value: str
    """Canonical value: ISO date (``"2019-06-30"``, or ``"2021-01"`` without a day),
    plain number (``"13289"``), or ISO 8601 duration (``"P6M"``)."""
    text: str
    """The words as written (``"13 289"``, ``"每三个月"``)."""
    unit: str | None = None
    """For a figure, the personnel key it counts (``"military"``), from the lexicon; else None."""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "text": self.text, "unit": self.unit}


@attrs.frozen
class FactChange:
    """A fact as it was and as it is.

    Example: ``FactChange(kind="date", old=Fact("date", "2019-06-30", ...), new=Fact("date", "2020-06-30", ...))``.
    """

    kind: str
    """One of :data:`FACT_KINDS`."""
    old: Fact | None
    """The fact in the old text; None when it is new."""
    new: Fact | None
    """The fact in the new text; None when it was dropped."""

    @property
    def changed(self) -> bool:
        """True unless both sides state the same value."""
        return self.old is None or self.new is None or self.old.value != self.new.value

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
        }


def _clause(clause: Clause | None, index: int | None, tier: int | None) -> dict[str, Any] | None:
    if clause is None:
        return None
    return {
        "index": index,
        "type": clause.type,
        "tier": tier,
        "verb": clause.verb,
        "modifiers": list(clause.modifiers),
        "addressee": clause.addressee.to_dict() if clause.addressee else None,
    }


@attrs.frozen
class ClauseChange:
    """A clause of a paragraph that was added, removed or retyped.

    Example: ``ClauseChange(status="changed", tags=("strengthened",), old=<encourages>, new=<requests>, ...)``.
    """

    status: str
    """``"changed"``, ``"added"`` or ``"removed"`` (unchanged clauses are not listed)."""
    tags: tuple[str, ...]
    """Subset of ``("strengthened", "weakened", "addressee_changed")``."""
    old: Clause | None
    """The old clause, or None when added."""
    new: Clause | None
    """The new clause, or None when removed."""
    old_index: int | None
    """Position of the old clause in its paragraph (0-based)."""
    new_index: int | None
    """Position of the new clause in its paragraph (0-based)."""
    old_tier: int | None
    """Strength tier of the old clause type (4 binding ... 0 declaratory)."""
    new_tier: int | None
    """Strength tier of the new clause type."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "tags": list(self.tags),
            "old": _clause(self.old, self.old_index, self.old_tier),
            "new": _clause(self.new, self.new_index, self.new_tier),
        }


@attrs.frozen
class ParagraphChange:
    """One paragraph (or sub-paragraph) and its counterpart.

    Example: ``ParagraphChange(old="38(d)(ii)", new="28(c)(i)", status="unchanged",
    tags=("moved", "renumbered"), ...)``.
    """

    old: str | None
    """Parse id on the old side (``"38(a)(ii)"``, ``"PP3"``); None when added."""
    new: str | None
    """Parse id on the new side; None when removed."""
    kind: str
    """``"operative"``, ``"subparagraph"``, ``"item"`` or ``"preambular"`` (the new side's, else the old's)."""
    status: str
    """One of :data:`STATUSES`."""
    tags: tuple[str, ...]
    """Subset of :data:`TAGS`, in that order."""
    similarity: float
    """Alignment score in [0, 1]: 1.0 for identical text, 0.0 for added and removed."""
    old_text: str | None
    """The paragraph's own text on the old side (children excluded)."""
    new_text: str | None
    """The paragraph's own text on the new side."""
    ops: tuple[TextOp, ...] = ()
    """Word-level (Chinese: character-level) diff of the texts; empty unless ``changed``."""
    facts: tuple[FactChange, ...] = ()
    """Dates, figures, durations and reporting cycles that differ."""
    clauses: tuple[ClauseChange, ...] = ()
    """Clauses added, removed or retyped (operative and preambular paragraphs only)."""
    related: tuple[str, ...] = ()
    """For ``split``: the other new ids the old paragraph went to; for ``merged``: the other old ids."""
    old_span: Span | None = None
    """Where the old paragraph sits in the old input."""
    new_span: Span | None = None
    """Where the new paragraph sits in the new input."""
    heading: str | None = None
    """Section heading in force on the new side (else the old), e.g. ``"Priority tasks"``."""
    lead: str | None = None
    """Type of the paragraph's lead clause on the new side (else the old): ``"requests"``; None for sub-paragraphs."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "kind": self.kind,
            "status": self.status,
            "tags": list(self.tags),
            "similarity": self.similarity,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "ops": [op.to_dict() for op in self.ops],
            "facts": [f.to_dict() for f in self.facts],
            "clauses": [c.to_dict() for c in self.clauses],
            "related": list(self.related),
            "old_span": _span(self.old_span),
            "new_span": _span(self.new_span),
            "heading": self.heading,
            "lead": self.lead,
        }


def _counts(changes: tuple[ParagraphChange, ...]) -> dict[str, dict[str, int]]:
    statuses = Counter(c.status for c in changes)
    tags = Counter(t for c in changes for t in c.tags)
    return {"statuses": {s: statuses[s] for s in STATUSES}, "tags": {t: tags[t] for t in TAGS}}


@attrs.frozen
class PreambleSummary:
    """The preamble, aligned like the operative part but reported apart and summarised:
    each entry has its status, tags, similarity and texts, but no ``ops``, ``facts`` or ``clauses``.

    Example: ``PreambleSummary(changes=(ParagraphChange(old="PP1", new="PP1", status="unchanged", ...), ...))``.
    """

    changes: tuple[ParagraphChange, ...]
    """One entry per preambular paragraph of either side, in new-document order."""

    def counts(self) -> dict[str, dict[str, int]]:
        """``{"statuses": {"unchanged": 9, "changed": 2, ...}, "tags": {...}}``."""
        return _counts(self.changes)

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.counts(), "changes": [c.to_dict() for c in self.changes]}


@attrs.frozen
class MandateSummary:
    """The mandate in one glance: when it ends, for how long, with how many personnel.

    Example: ``MandateSummary(end_date=FactChange("date", old=<2020-01-31>, new=<2020-07-31>), ...)``.
    Each entry holds both sides; :attr:`FactChange.changed` tells whether it moved.
    """

    end_date: FactChange | None
    """Latest date in a ``decides`` clause that extends the mandate; None when neither side has one."""
    duration: FactChange | None
    """First duration in that clause (``"P1Y"`` for "for a period of one year")."""
    ceilings: tuple[FactChange, ...]
    """Personnel ceilings, paired by unit (``"military"``, ``"police"``, ...)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "end_date": self.end_date.to_dict() if self.end_date else None,
            "duration": self.duration.to_dict() if self.duration else None,
            "ceilings": [c.to_dict() for c in self.ceilings],
        }


@attrs.frozen
class MandateDiff:
    """What changed from one mandate to the next. Build with :func:`mandiff.compare`.

    ``to_dict()`` is the public JSON contract (``mandiff/schema/diff.schema.json``).
    Example: ``mandiff.compare(old, new).summary()["statuses"]["changed"] == 5``.
    """

    language: str
    """Lexicon code of both texts (``"en"``, ``"zh"``)."""
    old: Metadata
    """Body, symbol, adoption date, meeting and title of the old resolution."""
    new: Metadata
    """The same for the new resolution."""
    mandate: MandateSummary
    """End date, duration and ceilings, old and new."""
    preamble: PreambleSummary
    """The preamble's alignment and counts."""
    changes: tuple[ParagraphChange, ...]
    """Operative paragraphs and their sub-paragraphs, in new-document order
    (removed ones where they stood)."""

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts of the operative changes per status and per tag."""
        return _counts(self.changes)

    @property
    def identical(self) -> bool:
        """True when every operative and preambular paragraph is unchanged and untagged."""
        return all(c.status == "unchanged" and not c.tags for c in (*self.changes, *self.preamble.changes))

    def find(self, old: str | None = None, new: str | None = None) -> ParagraphChange | None:
        """The first operative change with the given old and/or new id, if any."""
        for change in self.changes:
            if (old is None or change.old == old) and (new is None or change.new == new):
                return change
        return None

    def _repr_html_(self) -> str:
        """The HTML report as a fragment (one ``<div class="mandiff">``), so Jupyter shows a diff as a report."""
        # Imported here: lxml is needed only when a notebook asks, and the report package imports this module.
        from mandiff.report.html import render_fragment
        from mandiff.report.options import RenderOptions

        return render_fragment(self, RenderOptions())

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "summary": self.summary(),
            "mandate": self.mandate.to_dict(),
            "preamble": self.preamble.to_dict(),
            "changes": [c.to_dict() for c in self.changes],
        }
