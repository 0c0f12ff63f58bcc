"""Plain-text report: a summary first, then each change in document order.

Without colour, redlines use the wdiff markers ``[-deleted-]{+inserted+}``;
with colour (a terminal, ``--color always``), rich styles them instead.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from mandiff.changes import MandateDiff, ParagraphChange
from mandiff.report.describe import MARK, clause_note, fact_note, ids, mandate_lines, meta_line, summary_line
from mandiff.report.options import RenderOptions, selected

__all__ = ["render_text"]

_STYLE = {"added": "green", "removed": "red", "changed": "yellow", "unchanged": "dim"}
_INDENT = "    "


def _redline(change: ParagraphChange) -> Text:
    out = Text(_INDENT)
    if change.ops:
        for op in change.ops:
            if op.op == "equal":
                out.append(op.text)
            elif op.op == "delete":
                out.append(f"[-{op.text}-]", style="red strike")
            else:
                out.append(f"{{+{op.text}+}}", style="green underline")
        return out
    text = change.new_text if change.new_text is not None else change.old_text
    out.append(text or "", style=_STYLE.get(change.status, ""))
    return out


def _change(change: ParagraphChange) -> list[Text]:
    head = Text()
    head.append(f"{MARK[change.status]} {ids(change)}", style=f"bold {_STYLE[change.status]}")
    head.append(f"  {change.status}")
    if change.lead:
        head.append(f"  {change.lead}", style="cyan")
    if change.tags:
        head.append("  [" + ", ".join(t.replace("_", " ") for t in change.tags) + "]", style="magenta")
    if change.related:
        head.append("  with " + ", ".join(change.related))
    lines = [head]
    for clause in change.clauses:
        note = clause_note(clause)
        if note:
            lines.append(Text(f"{_INDENT}clause: {note}", style="cyan"))
    for fact in change.facts:
        lines.append(Text(f"{_INDENT}{fact_note(fact)}", style="bold"))
    if change.status != "unchanged":
        lines.append(_redline(change))
    return lines


def _lines(diff: MandateDiff, options: RenderOptions) -> list[Text]:
    counts = diff.summary()
    out = [
        Text(f"mandiff  {meta_line(diff)}  ({diff.language})", style="bold"),
        Text(f"operative: {summary_line(counts)}"),
        Text(f"preamble:  {summary_line(diff.preamble.counts())}"),
    ]
    out.extend(Text(line, style="bold") for line in mandate_lines(diff))
    changes = selected(diff, options)
    if options.only:
        out.append(Text(f"showing: {', '.join(options.only)} ({len(changes)} of {len(diff.changes)})"))
    heading = None
    for change in changes:
        if change.heading and change.heading != heading:
            out.extend([Text(""), Text(f"── {change.heading} ──", style="bold blue")])
            heading = change.heading
        elif out[-1].plain != "":
            out.append(Text(""))
        out.extend(_change(change))
    if not changes:
        out.extend([Text(""), Text("no differences in the operative part" if not options.only else "nothing to show")])
    return out


def render_text(diff: MandateDiff, options: RenderOptions) -> str:
    """The report as text; ANSI-coloured when ``options.color``."""
    lines = _lines(diff, options)
    if not options.color:
        return "\n".join(line.plain for line in lines) + "\n"
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=10_000, soft_wrap=True)
    for line in lines:
        console.print(line, highlight=False)
    return buffer.getvalue()
