"""Clean PDF-extracted text line by line, without losing track of offsets.

Page headers and footers (document symbols, job numbers, page counters),
hyperlink URLs, footnote separators and footnote reference numbers are marked
as artifacts; the rest of each line is kept as *ranges* of the original text,
so later stages can rejoin broken sentences and still point at the input.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from mandiff.lexicon import Lexicon

__all__ = ["Line", "clean", "normalize"]

_NEWLINE = re.compile(r"\r\n|\r|\n")
_DIGIT = re.compile(r"\d")
_SPACE_CLASS = "[ \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]"
_TEXT_CHAR = "[^\\s\u200b\ufeff]"
# A line's text runs from its first to its last non-space character (greedy, so
# the only backtracking is over trailing spaces).
_LINE = re.compile(rf"(?m)^{_SPACE_CLASS}*((?:{_TEXT_CHAR}[^\n]*)?{_TEXT_CHAR})")
# Whitespace that PDF extraction leaves around text: spaces, tabs, form feeds,
# no-break and ideographic spaces.
_SPACE = " \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"


class Line(NamedTuple):
    """One non-blank physical line of the input after cleaning.

    A NamedTuple rather than an attrs class: it is internal to the pipeline and
    built once per input line, where construction cost shows in the benchmark.
    """

    number: int
    """1-based line number in the input."""
    start: int
    """Offset of the line's first character."""
    end: int
    """Offset of the line's end (before the newline)."""
    ranges: tuple[tuple[int, int], ...]
    """Kept text as (start, end) offsets; empty for artifact lines."""
    text: str
    """The kept text (ranges concatenated)."""
    artifact: bool
    """True when the whole line is page furniture."""
    indent: int
    """Leading whitespace characters before the text."""


def _split(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    if "\r" in text:
        out = []
        pos = 0
        for m in _NEWLINE.finditer(text):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(text)))
        return out
    out = []
    pos = 0
    for part in text.split("\n"):
        end = pos + len(part)
        out.append((pos, end))
        pos = end + 1
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    segment = text[start:end]
    body = segment.lstrip(_SPACE)
    start += len(segment) - len(body)
    return start, start + len(body.rstrip(_SPACE))


def _nonblank(text: str) -> list[tuple[int, int, int, int, int]]:
    """(number, line start, line end, text start, text end) of every non-blank line."""
    if "\r" in text:
        out = []
        for number, (ls, le) in enumerate(_split(text), 1):
            s, e = _strip(text, ls, le)
            if s < e:
                out.append((number, ls, le, s, e))
        return out
    # One regex pass finds every line's text between its spaces; counting the
    # newlines between matches gives line numbers without a Python loop per line.
    out = []
    number, last = 1, 0
    # Blank lines do not match at all (the text group is required), so the loop
    # only sees lines with text: half the lines of a double-spaced PDF extraction.
    for m in _LINE.finditer(text):
        s, e = m.span(1)
        ls = m.start()
        number += text.count("\n", last, ls)
        last = ls
        le = text.find("\n", e)
        out.append((number, ls, len(text) if le < 0 else le, s, e))
    return out


def clean(text: str, lex: Lexicon) -> list[Line]:
    """The non-blank lines of ``text``, artifacts marked and footnote numbers cut out."""
    furniture = lex.artifact_re.match
    kept_lines = _nonblank(text)
    lines: list[Line] = []
    following = ""
    for k in range(len(kept_lines) - 1, -1, -1):
        number, ls, le, s, e = kept_lines[k]
        content = text[s:e]
        if furniture(content):
            lines.append(Line(number, ls, le, (), "", True, 0))
            continue
        cuts = _footnotes(text, s, e, lex, following) if _DIGIT.search(content) else None
        following = content
        if not cuts:
            lines.append(Line(number, ls, le, ((s, e),), content, False, s - ls))
            continue
        ranges = []
        pos = s
        for cs, ce in cuts:
            ranges.append(_strip(text, pos, cs))
            pos = ce
        ranges.append(_strip(text, pos, e))
        kept = tuple(r for r in ranges if r[0] < r[1])
        lines.append(Line(number, ls, le, kept, "".join(text[a:b] for a, b in kept), False, s - ls))
    lines.reverse()
    return lines


def _footnotes(text: str, s: int, e: int, lex: Lexicon, following: str) -> list[tuple[int, int]]:
    """Ranges of footnote reference numbers inside line ``text[s:e]``; ``following`` is the next text line."""
    line = text[s:e]
    cuts: list[tuple[int, int]] = []
    if lex.footnote_inline:
        cuts.extend((s + m.start(), s + m.end()) for m in lex.footnote_inline.finditer(line))
    if lex.footnote_end:
        # A footnote number sits in the last few characters; the lookbehind may
        # still see before `pos`, so searching only the tail is exact.
        m = lex.footnote_end.search(line, max(0, len(line) - 8))
        if m and not (lex.footnote_unit and lex.footnote_unit.match(following)):
            cuts.append((s + m.start(), s + m.end()))
    if lex.footnote_marker:
        m = lex.footnote_marker.search(line, max(0, len(line) - 8))
        if m:
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
