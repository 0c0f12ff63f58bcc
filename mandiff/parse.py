"""The parse pipeline: read -> detect language -> clean -> segment -> metadata.

``parse(text)`` and ``load(path)`` return a frozen :class:`~mandiff.model.Resolution`.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from mandiff import lexicon
from mandiff.clean import Line, clean
from mandiff.detect import detect_language
from mandiff.lexicon import BODY_NAMES, Lexicon
from mandiff.model import Metadata, Resolution
from mandiff.read import Source, read
from mandiff.segment import Parts, segment

__all__ = ["load", "parse", "parse_source"]

_HEADER_LINES = 40
# A page header that is a resolution symbol ("S/RES/2423 (2018)") names the document.
_RES_SYMBOL = re.compile(r"^\s*((?:S|A|E)/(?:[A-Z]+/)*RES/[\w/.\-]+(?:\s*\(\d{4}\))?)\s*$")


def parse(text: str | bytes, lang: str | None = None) -> Resolution:
    """Parse resolution text (``str``, or ``bytes`` in any supported encoding).

    Example: ``parse("The Security Council,\\n\\n1. Decides to remain seized of the matter.\\n")``
    gives one operative paragraph whose first clause has type ``"decides"``.
    """
    return parse_source(read(text), lang)


def load(path: str | os.PathLike[str], lang: str | None = None) -> Resolution:
    """Read and parse the file at ``path``; ``"-"`` is not special here (the CLI handles stdin)."""
    return parse_source(read(Path(path)), lang)


def parse_source(source: Source, lang: str | None = None) -> Resolution:
    """Parse already-decoded input (see :func:`mandiff.read.read`)."""
    code = lang if lang is not None else detect_language(source.text)
    lex = lexicon.load(code)
    lines = clean(source.text, lex)
    content = [ln for ln in lines if ln.ranges]
    parts = segment(source.text, lines, lex, report_hint=_looks_like_report(content, lex))
    metadata = (
        _metadata(source.text, lines, parts, lex)
        if parts.kind == "resolution"
        else Metadata(None, None, None, None, None)
    )
    closing = None
    patterns = [re.compile(p) for p in lex.document("closing")]
    for para in reversed(parts.operative):
        if any(p.search(para.text) for p in patterns):
            closing = para.id
            break
    return Resolution(
        kind=parts.kind,
        language=code,
        encoding=source.encoding,
        metadata=metadata,
        preamble=parts.preamble,
        operative=parts.operative,
        headings=parts.headings,
        annexes=parts.annexes,
        closing=closing,
        trailer=tuple(ln.text for ln in parts.trailer),
    )


def _looks_like_report(content: list[Line], lex: Lexicon) -> bool:
    patterns = [re.compile(p) for p in lex.document("report")]
    return any(p.search(ln.text) for ln in content[:_HEADER_LINES] for p in patterns)


def _first(patterns: list[str], texts: list[str]) -> re.Match[str] | None:
    compiled = [re.compile(p) for p in patterns]
    for text in texts:
        for p in compiled:
            m = p.search(text)
            if m:
                return m
    return None


def _iso_date(text: str | None, lex: Lexicon) -> str | None:
    if not text:
        return None
    m = _first(lex.document("date"), [text])
    if not m:
        return None
    month = m.group("month")
    number = int(month) if month.isdigit() else lex.data.get("months", {}).get(month.lower())
    if not number:
        return None
    try:
        # A date that does not exist (31 February, month 13) is an OCR slip, not a date.
        return datetime.date(int(m.group("year")), number, int(m.group("day"))).isoformat()
    except ValueError:
        return None


def _metadata(source: str, lines: list[Line], parts: Parts, lex: Lexicon) -> Metadata:
    header = [ln.text for ln in parts.header]
    trailer = [ln.text for ln in parts.trailer]
    doc = lex.data["document"]
    body = None
    for line in parts.header:
        text = line.text.strip().casefold()
        for key, names in doc["bodies"].items():
            if any(text == (name + s).casefold() for name in names for s in doc["address_suffix"]):
                body = BODY_NAMES[key]
    # The adoption line may be broken ("... at its 3258th meeting,\non 28 July 1993").
    adoption = _first(lex.document("adoption"), [lex.joiner.join(header), *trailer])
    date = meeting = None
    if adoption:
        found = adoption.group("body")
        for key, names in doc["bodies"].items():
            if any(found.casefold() in name.casefold() for name in names):
                body = body or BODY_NAMES[key]
        date = _iso_date(adoption.groupdict().get("date"), lex)
        meeting = adoption.groupdict().get("meeting")
    if meeting is None:
        m = _first(lex.document("meeting"), trailer)
        meeting = m.group("meeting") if m else None
    if date is None:
        date = next((d for d in (_iso_date(t, lex) for t in trailer) if d), None)
    symbol = title = None
    m = _first(lex.document("symbol"), header)
    if m:
        symbol = f"S/RES/{int(m.group('number'))} ({m.group('year')})"
        body = body or "Security Council"
    m = _first(lex.document("session_symbol"), header)
    if m:
        title = m.group("title").strip() or None
        prefix = {
            "Human Rights Council": "A/HRC/RES",
            "General Assembly": "A/RES",
            "Economic and Social Council": "E/RES",
        }
        if body in prefix:
            symbol = f"{prefix[body]}/{m.group('session')}/{m.group('number')}"
    if symbol is None:
        # A page header such as "S/RES/2423 (2018)" names the document outright.
        for line in lines:
            if line.artifact:
                hit = _RES_SYMBOL.match(source[line.start : line.end])
                if hit:
                    symbol = hit.group(1)
                    break
    return Metadata(body=body, symbol=symbol, date=date, meeting=meeting, title=title)
