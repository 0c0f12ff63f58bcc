"""Split a paragraph into typed clauses at clause-leading verbs.

A clause starts at the paragraph's first words, and after a separator (``,``
``;`` ``，`` ``；``) that stands outside every bracket and quotation, when the
words after it (an optional connector such as "and" / 并, optional modifiers)
are a lead verb of the lexicon. Verbs inside an infinitive object ("requests
the Secretary-General to encourage ...", 请秘书长鼓励……) follow no separator
and so never start a clause. Sub-paragraphs are not split (see segment.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mandiff.lexicon import Lead, Lexicon, types
from mandiff.model import Addressee, Clause
from mandiff.spans import Joined, LineIndex

__all__ = ["classify", "lead_of"]


def lead_of(text: str, lex: Lexicon, preamble: bool = False) -> Lead | None:
    """The lead verb at the start of ``text``, skipping an opening adverbial or preposition."""
    lead = lex.lead_at(text, 0, preamble)
    if lead:
        return lead
    # "In this regard, welcomes" / "为此，重申": an adverbial then a comma.
    stops = lex.syntax("separators")
    first = min((i for i in (text.find(s) for s in stops) if i >= 0), default=-1)
    if 0 < first <= 24:
        lead = lex.lead_at(text, first + 1, preamble)
        if lead:
            return lead
    # "对……深表沮丧": a prepositional phrase, then one of the opener verbs.
    for opener in lex.syntax("openers"):
        if text.lstrip().startswith(opener):
            end = first if first > 0 else len(text)
            hits = [text.find(v, 0, end) for v in lex.syntax("opener_verbs")]
            hits = [h for h in hits if h > 0]
            if hits:
                return lex.lead_at(text, min(hits), preamble)
    return None


def _boundaries(text: str, lex: Lexicon) -> list[tuple[int, Lead]]:
    """(clause start, lead) for every clause after the first."""
    opening, closing, symmetric = lex.brackets
    separators = lex.separators
    initials = lex.initials
    no_split = lex.no_split
    size = len(text)
    depth = 0
    inside_symmetric: set[str] = set()
    out: list[tuple[int, Lead]] = []
    matches: Iterable[re.Match[str]] = lex.split_re.finditer(text)
    if lex.conjunction_re is not None:
        words = list(lex.conjunction_re.finditer(text))
        if words:
            # Two scans (see lexicon.load), read in text order as one.
            matches = sorted([*matches, *words], key=re.Match.start)
    for m in matches:
        ch = m.group()
        if ch in symmetric:
            inside_symmetric ^= {ch}
            continue
        if ch in opening:
            depth += 1
            continue
        if ch in closing:
            depth = max(0, depth - 1)
            continue
        if depth or inside_symmetric:
            continue
        after = m.end()
        while after < size and text[after].isspace():
            after += 1
        # Most separators are followed by no lead at all: test one character before any regex.
        if after >= size or text[after] not in initials:
            continue
        word = ch not in separators
        pos = lex.connector_re.match(text, after).end()
        lead = lex.lead_at(text, pos) or (lex.lead_at(text, after) if pos > after else None)
        if lead is None:
            continue
        if no_split and text.startswith(no_split, lead.end):
            continue
        if out and out[-1][1].start >= lead.start:
            continue  # ", and calls upon": the separator already opened this clause
        # After a separator the clause starts behind it; a conjunction starts the clause itself.
        out.append((m.start() if word else after, lead))
    return out


def _addressee(text: str, lead: Lead, lex: Lexicon) -> Addressee | None:
    if lex.addressee_re is None or not types().get(lead.type, {}).get("addressed"):
        return None
    m = lex.addressee_re.match(text, lead.end)
    if not m or not m.group("addr").strip():
        return None
    raw = m.group("addr").strip()
    return Addressee(raw=raw, key=lex.addressee_key(raw))


def classify(block: Joined, lines: LineIndex, lex: Lexicon, preamble: bool = False) -> tuple[Clause, ...]:
    """Typed clauses of a paragraph's own text (label already removed from ``block``)."""
    text = block.text
    if not text.strip():
        return ()
    first = lead_of(text, lex, preamble)
    starts: list[tuple[int, Lead | None]] = [(0, first)]
    if not preamble:
        starts.extend(_boundaries(text, lex))
    # Built once per paragraph of every input: positional arguments and one end
    # list instead of keyword calls and an index lookup per clause.
    ends = [start for start, _ in starts[1:]]
    ends.append(len(text))
    clauses = []
    for (start, lead), end in zip(starts, ends, strict=True):
        chunk_end = len(text[start:end].rstrip()) + start
        if lead is None:
            clauses.append(Clause(None, (), "", None, text[start:chunk_end], block.span(lines, start, chunk_end)))
            continue
        clauses.append(
            Clause(
                lead.type,
                lead.modifiers,
                text[lead.start : lead.end].strip(),
                _addressee(text, lead, lex),
                text[start:chunk_end],
                block.span(lines, start, chunk_end),
            )
        )
    return tuple(clauses)
