"""Map cleaned, rejoined text back to offsets, lines and columns of the input.

A block of cleaned text is built from *pieces* (ranges of the original text)
glued with joiners (``""`` for Chinese, ``" "`` for English). :class:`Joined`
remembers where every piece came from, so any slice of the cleaned text maps
back to the original; :class:`LineIndex` turns offsets into line and column.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from mandiff.model import Span

__all__ = ["BREAK", "Joined", "LineIndex"]

_NEWLINE = re.compile(r"\r\n|\r|\n")

_CLOSING = frozenset(",;:.!?)]}”’")

BREAK = (-1, -1)
"""A pseudo-range that joins the next piece with a space even in Chinese: a
sub-paragraph title line ("(b) 支持在中部恢复国家权威") and the body under it."""


@attrs.frozen
class LineIndex:
    """Offsets of line starts in a text, for offset -> (line, column)."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        """Line starts, with ``\\r\\n``, ``\\r`` and ``\\n`` all ending a line (as clean.py splits)."""
        if "\r" in text:
            return cls((0, *(m.end() for m in _NEWLINE.finditer(text))))
        # Each line starts one past the end of the one before: running sums of the
        # line lengths, without a Python step per line.
        starts = tuple(itertools.accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
        return cls(starts[:-1])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        # position() twice, inlined: built for every paragraph and clause. The end
        # is never before the start, so its search can begin at the start's line.
        starts = self.starts
        line = bisect.bisect_right(starts, start)
        last = end - 1 if end > start else start
        end_line = bisect.bisect_right(starts, last, line)
        return Span(
            start,
            end,
            line,
            start - starts[line - 1] + 1,
            end_line,
            last - starts[end_line - 1] + (2 if end > start else 1),
        )


class Joined(NamedTuple):
    """Cleaned text of one block plus the map back to the original offsets.

    A NamedTuple, not attrs: it is internal and built for every paragraph.

    ``text[cleaned[i]:cleaned[i] + (orig_end - orig_start)]`` equals
    ``source[orig[i][0]:orig[i][1]]`` for every piece ``i``.
    """

    text: str
    cleaned: tuple[int, ...]
    """Start of each piece in ``text``."""
    orig: tuple[tuple[int, int], ...]
    """(start, end) of each piece in the original."""

    @classmethod
    def build(cls, source: str, ranges: Sequence[tuple[int, int]], joiner: str, hyphenation: bool) -> Joined:
        if len(ranges) == 1 and ranges[0] != BREAK:
            start, end = ranges[0]
            return cls(source[start:end], (0,), ((start, end),))
        parts: list[str] = []
        cleaned: list[int] = []
        orig: list[tuple[int, int]] = []
        length = 0
        force = False
        for start, end in ranges:
            if start >= end:
                # BREAK is (-1, -1), so it is among the empty ranges: one comparison
                # per piece instead of building a tuple to compare with BREAK.
                if start == end == -1:
                    force = True
                continue
            piece = source[start:end]
            if parts:
                if force:
                    glue = " "
                elif joiner or piece[0].isascii() or parts[-1][-1].isascii():
                    glue = _glue(parts[-1], piece, joiner, hyphenation)
                else:
                    glue = ""  # CJK on both sides: the common case, decided without a call
                force = False
                if glue == "-drop":
                    # Line-end hyphenation: "peace-" + "keeping" -> "peacekeeping".
                    parts[-1] = parts[-1][:-1]
                    orig[-1] = (orig[-1][0], orig[-1][1] - 1)
                    length -= 1
                    glue = ""
                parts.append(glue)
                length += len(glue)
            cleaned.append(length)
            orig.append((start, end))
            parts.append(piece)
            length += len(piece)
        return cls("".join(parts), tuple(cleaned), tuple(orig))

    def to_original(self, index: int) -> int:
        """Original offset of cleaned position ``index`` (joiners map to the next piece)."""
        if not self.orig:
            return 0
        i = bisect.bisect_right(self.cleaned, index) - 1
        if i < 0:
            return self.orig[0][0]
        start, end = self.orig[i]
        return min(start + index - self.cleaned[i], end)

    def span(self, lines: LineIndex, start: int = 0, end: int | None = None) -> Span:
        """Span in the original of cleaned ``text[start:end]``."""
        end = len(self.text) if end is None else end
        orig = self.orig
        if not orig:
            return lines.span(0, 0)
        if len(orig) == 1:
            # One piece (most clauses of a one-line paragraph): to_original without a search.
            a, b = orig[0]
            o_start = min(a + start, b)
            o_end = min(a + end - 1, b) + 1 if end > start else o_start
        else:
            o_start = self.to_original(start)
            o_end = self.to_original(max(start, end - 1)) + (1 if end > start else 0)
        return lines.span(o_start, max(o_start, o_end))


def _glue(before: str, after: str, joiner: str, hyphenation: bool) -> str:
    if not joiner:
        # CJK text: no space, except between two Latin letters or digits.
        if before[-1:].isascii() and after[:1].isascii() and before[-1:].isalnum() and after[:1].isalnum():
            return " "
        return ""
    if hyphenation and before.endswith("-") and len(before) > 1 and before[-2].isalpha():
        return "-drop" if after[:1].islower() else ""
    if after[:1] in _CLOSING:
        return ""  # "General" + ", and" (a footnote number cut between them): no space before a comma
    return joiner
