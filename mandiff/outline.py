"""Render a parsed :class:`~mandiff.model.Resolution` as a readable outline or JSON.

Renderers only read the model. ``RENDERERS`` maps a ``--format`` name to one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from mandiff.model import Paragraph, Resolution

__all__ = ["RENDERERS", "render_json", "render_outline"]

_PREVIEW = 60


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def _clause_summary(para: Paragraph) -> str:
    parts = []
    for clause in para.clauses:
        name = clause.type or "?"
        if clause.modifiers:
            name = "+".join(clause.modifiers) + " " + name
        if clause.addressee:
            name += f" → {clause.addressee.key or clause.addressee.raw}"
        parts.append(name)
    return "; ".join(parts)


def _tree(para: Paragraph, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    summary = _clause_summary(para)
    head = f"{pad}{para.id:<10} {summary}" if summary else f"{pad}{para.id:<10}"
    out.append(f"{head}  | {_preview(para.text)}  (line {para.span.line})")
    for child in para.children:
        _tree(child, depth + 1, out)


def render_outline(res: Resolution) -> str:
    """A plain-text outline: metadata, preamble count, then ids, clause types and addressees."""
    meta = res.metadata
    out = [
        f"kind: {res.kind}   language: {res.language}   encoding: {res.encoding}",
    ]
    if res.kind != "resolution":
        out.append("not a resolution: no operative paragraphs")
        return "\n".join(out) + "\n"
    out.append(
        f"body: {meta.body or '?'}   symbol: {meta.symbol or '?'}   adopted: {meta.date or '?'}"
        f"   meeting: {meta.meeting or '?'}"
    )
    if meta.title:
        out.append(f"title: {meta.title}")
    leads: dict[str, int] = {}
    for para in res.preamble:
        key = para.clauses[0].type if para.clauses and para.clauses[0].type else "?"
        leads[key] = leads.get(key, 0) + 1
    out.append(
        f"preamble: {len(res.preamble)} paragraphs ("
        + ", ".join(f"{k} {v}" for k, v in sorted(leads.items(), key=lambda kv: -kv[1]))
        + ")"
    )
    out.append(f"operative: {len(res.operative)} paragraphs")
    heading = None
    for para in res.operative:
        if para.heading != heading and para.heading:
            out.append(f"## {para.heading}")
        heading = para.heading
        _tree(para, 1, out)
    for annex in res.annexes:
        out.append(f"annex {annex.id}: {annex.title} ({len(annex.paragraphs)} paragraphs)")
    if res.closing:
        out.append(f"closing formula: paragraph {res.closing}")
    return "\n".join(out) + "\n"


def render_json(res: Resolution) -> str:
    """The model as JSON (the public contract described by ``schema/resolution.schema.json``)."""
    return json.dumps(res.to_dict(), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Resolution], str]] = {"text": render_outline, "json": render_json}
