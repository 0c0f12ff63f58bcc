"""GitHub-flavoured Markdown report, sized for a pull-request comment: a summary
table, then the changes grouped by section heading inside a collapsible block.

Redlines use ``~~deleted~~`` and ``**inserted**``. Every piece of input text is
escaped, so resolution text can never inject HTML or break the tables.
"""

from __future__ import annotations

import re

from mandiff.changes import MandateDiff, ParagraphChange
from mandiff.report.describe import MARK, clause_note, fact_note, ids, mandate_lines, summary_line
from mandiff.report.options import RenderOptions, selected

__all__ = ["escape", "render_markdown"]

# Inline Markdown syntax (the text never starts a line, so block markers such as
# "#" or "1." need no escape).
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """Text safe inside Markdown and its tables: HTML and Markdown syntax escaped, lines joined."""
    text = "".join(_HTML.get(ch, ch) for ch in re.sub(r"\s*\n\s*", " ", text))
    return _SPECIAL.sub(r"\\\1", text)


def _redline(change: ParagraphChange) -> str:
    if not change.ops:
        return escape(change.new_text if change.new_text is not None else change.old_text or "")
    parts = []
    for op in change.ops:
        body = escape(op.text)
        if not body.strip() or op.op == "equal":
            parts.append(body)
        else:
            # Markers hug the words: "~~ x ~~" does not render as strikethrough.
            lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", body, re.S).groups()  # type: ignore[union-attr]
            mark = "~~" if op.op == "delete" else "**"
            parts.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(parts)


def _change(change: ParagraphChange) -> list[str]:
    head = f"- **{MARK[change.status]} {escape(ids(change))}** {change.status}"
    if change.lead:
        head += f" · *{change.lead}*"
    if change.tags:
        head += " · " + ", ".join(f"`{t}`" for t in change.tags)
    if change.related:
        head += " · with " + ", ".join(escape(r) for r in change.related)
    lines = [head]
    lines.extend(f"  - clause: {escape(note)}" for c in change.clauses if (note := clause_note(c)))
    lines.extend(f"  - {escape(fact_note(f))}" for f in change.facts)
    if change.status != "unchanged":
        lines.append(f"  > {_redline(change)}")
    return lines


def _meta_table(diff: MandateDiff) -> list[str]:
    rows = [
        ("symbol", diff.old.symbol, diff.new.symbol),
        ("adopted", diff.old.date, diff.new.date),
        ("body", diff.old.body, diff.new.body),
    ]
    out = ["| | old | new |", "|---|---|---|"]
    out.extend(f"| {name} | {escape(a or '—')} | {escape(b or '—')} |" for name, a, b in rows)
    for line in mandate_lines(diff):
        label, _, values = line.partition(": ")
        old, _, new = values.partition(" → ")
        out.append(f"| {escape(label)} | {escape(old)} | {escape(new)} |")
    return out


def render_markdown(diff: MandateDiff, options: RenderOptions) -> str:
    counts = diff.summary()
    changes = selected(diff, options)
    out = [f"### mandiff: {escape(diff.old.symbol or 'old')} → {escape(diff.new.symbol or 'new')}", ""]
    out.extend(_meta_table(diff))
    out.append("")
    out.append("| | " + " | ".join(counts["statuses"]) + " |")
    out.append("|---|" + "---:|" * len(counts["statuses"]))
    out.append("| operative | " + " | ".join(str(n) for n in counts["statuses"].values()) + " |")
    out.append("| preamble | " + " | ".join(str(n) for n in diff.preamble.counts()["statuses"].values()) + " |")
    tags = [f"`{t}` {n}" for t, n in counts["tags"].items() if n]
    if tags:
        out.extend(["", "Tags: " + ", ".join(tags)])
    out.append("")
    if not changes:
        out.append("No differences in the operative part." if not options.only else "Nothing to show.")
        return "\n".join(out) + "\n"
    shown = f"{len(changes)} of {len(diff.changes)}, {', '.join(options.only)}" if options.only else str(len(changes))
    out.extend([f"<details open><summary>Operative changes ({shown})</summary>", ""])
    heading = None
    for change in changes:
        if change.heading and change.heading != heading:
            out.extend([f"#### {escape(change.heading)}", ""])
            heading = change.heading
        out.extend(_change(change))
    out.extend(["", "</details>", "", f"<sub>{escape(summary_line(counts))}</sub>"])
    return "\n".join(out) + "\n"
