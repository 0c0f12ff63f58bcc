"""Clean PDF-extracted text line by line, without losing track of offsets.

Page headers and footers (document symbols, job numbers, page counters),
hyperlink URLs, footnote separators and footnote reference numbers are marked
as artifacts; the rest of each line is kept as *ranges* of the original text,
so later stages can rejoin broken sentences and still point at the input.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from mandiff.lexicon import Lexicon

__all__ = ["Line", "clean", "normalize"]

_NEWLINE = re.compile(r"\r\n|\r|\n")
_DIGIT = re.compile(r"\d")
# Whitespace that PDF extraction leaves around text: spaces, tabs, form feeds,
# no-break and ideographic spaces.
_SPACE = " \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"


@attrs.frozen
class Line:
    """One physical line of the input after cleaning."""

    number: int
    """1-based line number in the input."""
    start: int
    """Offset of the line's first character."""
    end: int
    """Offset of the line's end (before the newline)."""
    ranges: tuple[tuple[int, int], ...]
    """Kept text as (start, end) offsets; empty for blank and artifact lines."""
    text: str
    """The kept text (ranges concatenated)."""
    artifact: bool
    """True when the whole line is page furniture."""
    indent: int
    """Leading whitespace characters before the text."""


def _split(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def clean(text: str, lex: Lexicon) -> list[Line]:
    """Split ``text`` into :class:`Line` objects with artifacts marked and footnote numbers cut out."""
    raw = _split(text)
    stripped = [_strip(text, s, e) for s, e in raw]
    artifact = []
    furniture = lex.artifact_re
    for s, e in stripped:
        artifact.append(s < e and furniture.match(text[s:e].replace("\f", " ")) is not None)
    lines: list[Line] = []
    n = len(raw)
    next_content = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        s, e = stripped[i]
        next_content[i] = i if (s < e and not artifact[i]) else next_content[i + 1]
    for i, ((ls, le), (s, e)) in enumerate(zip(raw, stripped, strict=True)):
        if s >= e or artifact[i]:
            lines.append(Line(i + 1, ls, le, (), "", artifact[i], 0))
            continue
        cuts = _footnotes(text, s, e, lex, next_content[i + 1], stripped)
        ranges = []
        pos = s
        for cs, ce in cuts:
            ranges.append(_strip(text, pos, cs))
            pos = ce
        ranges.append(_strip(text, pos, e))
        kept = tuple(r for r in ranges if r[0] < r[1])
        lines.append(Line(i + 1, ls, le, kept, "".join(text[a:b] for a, b in kept), False, s - ls))
    return lines


def _footnotes(
    text: str, s: int, e: int, lex: Lexicon, nxt: int, stripped: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Ranges of footnote reference numbers inside line ``text[s:e]``."""
    line = text[s:e]
    cuts: list[tuple[int, int]] = []
    if not _DIGIT.search(line):
        return cuts
    if lex.footnote_inline:
        cuts.extend((s + m.start(), s + m.end()) for m in lex.footnote_inline.finditer(line))
    if lex.footnote_end:
        # A footnote number sits in the last few characters; the lookbehind may
        # still see before `pos`, so searching only the tail is exact.
        m = lex.footnote_end.search(line, max(0, len(line) - 8))
        if m:
            following = text[stripped[nxt][0] : stripped[nxt][1]] if nxt < len(stripped) else ""
            if not (lex.footnote_unit and lex.footnote_unit.match(following)):
                cuts.append((s + m.start(), s + m.end()))
    cuts.sort()
    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Text for matching, not display: NFKC width folding, straight quotes, single spaces.

    Example: ``normalize("（ａ）“Ｘ”  y") == '(a)"X" y'``.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()
