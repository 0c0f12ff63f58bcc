"""Words shared by the text and Markdown reports: how a change, a fact and a
clause are named. Pure functions over the change model."""

from __future__ import annotations

from mandiff.changes import ClauseChange, Fact, FactChange, MandateDiff, ParagraphChange

__all__ = ["arrow", "clause_note", "fact_note", "ids", "mandate_lines", "meta_line", "summary_line"]

MARK = {"added": "+", "removed": "-", "changed": "~", "unchanged": "="}
"""One-character sign of each status, as diff(1) users read them."""


def ids(change: ParagraphChange) -> str:
    """``"12 → 13"``, ``"+ 8"``, ``"- 13"`` or ``"5(a)"`` (same id on both sides)."""
    if change.old is None:
        return f"{change.new}"
    if change.new is None:
        return f"{change.old}"
    return change.old if change.old == change.new else f"{change.old} → {change.new}"


def arrow(old_tier: int | None, new_tier: int | None) -> str:
    """``↑`` stronger, ``↓`` weaker, ``→`` same or unknown."""
    if old_tier is None or new_tier is None or old_tier == new_tier:
        return "→"
    return "↑" if new_tier > old_tier else "↓"


def clause_note(clause: ClauseChange) -> str | None:
    """``"calls_upon ↓ reiterates"``, ``"+ requests"``, ``"- encourages"``; None when nothing but text moved."""
    old = clause.old.type if clause.old else None
    new = clause.new.type if clause.new else None
    if clause.old is None:
        return f"+ {new or '?'}"
    if clause.new is None:
        return f"- {old or '?'}"
    mods_old, mods_new = clause.old.modifiers, clause.new.modifiers
    if old == new and mods_old == mods_new and "addressee_changed" not in clause.tags:
        return None
    note = f"{_typed(old, mods_old)} {arrow(clause.old_tier, clause.new_tier)} {_typed(new, mods_new)}"
    if "addressee_changed" in clause.tags:
        before = clause.old.addressee.raw if clause.old.addressee else "—"
        after = clause.new.addressee.raw if clause.new.addressee else "—"
        note += f" (addressee: {before} → {after})"
    return note


def _typed(ctype: str | None, modifiers: tuple[str, ...]) -> str:
    return " ".join((*modifiers, ctype or "?"))


def _fact(fact: Fact | None) -> str:
    return "—" if fact is None else fact.text


def fact_note(change: FactChange) -> str:
    """``"date: 30 June 2019 → 30 June 2020"``."""
    unit = (change.new or change.old).unit if (change.new or change.old) else None
    label = f"{change.kind} ({unit})" if unit else change.kind
    return f"{label}: {_fact(change.old)} → {_fact(change.new)}"


def meta_line(diff: MandateDiff) -> str:
    """``"S/RES/2506 (2020) of 2020-01-30 → S/RES/2537 (2020) of 2020-07-28"``."""

    def one(meta: object) -> str:
        symbol = getattr(meta, "symbol", None) or "(no symbol)"
        date = getattr(meta, "date", None)
        return f"{symbol} of {date}" if date else symbol

    return f"{one(diff.old)} → {one(diff.new)}"


def summary_line(counts: dict[str, dict[str, int]]) -> str:
    """``"9 unchanged, 15 changed, 2 added, 0 removed; moved 3, renumbered 12"`` (tags that occur)."""
    statuses = ", ".join(f"{n} {s}" for s, n in counts["statuses"].items())
    tags = ", ".join(f"{t.replace('_', ' ')} {n}" for t, n in counts["tags"].items() if n)
    return f"{statuses}; {tags}" if tags else statuses


def mandate_lines(diff: MandateDiff) -> list[str]:
    """End date, duration and ceilings, old → new (``"="`` when unchanged)."""
    lines = []
    m = diff.mandate
    for label, change in (("mandate ends", m.end_date), ("mandate period", m.duration)):
        if change is not None:
            lines.append(f"{label}: {_fact(change.old)} → {_fact(change.new)}" + ("" if change.changed else " (=)"))
    for ceiling in m.ceilings:
        unit = (ceiling.new or ceiling.old).unit if (ceiling.new or ceiling.old) else None
        lines.append(
            f"ceiling, {unit or 'personnel'}: {_fact(ceiling.old)} → {_fact(ceiling.new)}"
            + ("" if ceiling.changed else " (=)")
        )
    return lines
