"""Point at a position inside a paragraph's cleaned text in the file the user gave.

A :class:`~mandiff.model.Paragraph` keeps its cleaned ``text`` and the
:class:`~mandiff.model.Span` of its label and text in the original input, but
not the map between the two (lines were rejoined, page headers and footnote
numbers cut, line-end hyphens dropped). This module rebuilds that map by
diffing the cleaned text against ``source[span.start:span.end]`` with
diff-match-patch, as eyecite's ``SpanUpdater`` does: equal runs map one to
one, and a position inside removed text maps to the next kept character.
"""

from __future__ import annotations

import attrs
from diff_match_patch import diff_match_patch

from mandiff.model import Paragraph, Span
from mandiff.spans import LineIndex

__all__ = ["Locator"]


@attrs.define
class Locator:
    """Maps cleaned positions of paragraphs of one source back to spans of that source.

    Example: ``Locator.of(source).span(paragraph, 3, 9)`` is the span of ``paragraph.text[3:9]``.
    """

    source: str
    """The decoded input (``mandiff.read.read(path).text``)."""
    lines: LineIndex
    """Line starts of ``source``."""
    _diffs: dict[tuple[int, int, str], list[tuple[int, str]]] = attrs.field(factory=dict)
    """Diff of each paragraph's cleaned text against its original slice, computed when first needed."""

    @classmethod
    def of(cls, source: str) -> Locator:
        return cls(source, LineIndex.of(source))

    def offset(self, para: Paragraph, index: int) -> int:
        """Offset in the source of ``para.text[index]``; ``index == len(text)`` maps to the end of the span."""
        span = para.span
        if index >= len(para.text):
            return span.end
        key = (span.start, span.end, para.text)
        diffs = self._diffs.get(key)
        if diffs is None:
            dmp = diff_match_patch()
            # Paragraphs are short; a time limit would only make the map less exact.
            dmp.Diff_Timeout = 0
            diffs = dmp.diff_main(para.text, self.source[span.start : span.end], False)
            self._diffs[key] = diffs
        return span.start + diff_match_patch().diff_xIndex(diffs, index)

    def span(self, para: Paragraph, start: int, end: int | None = None) -> Span:
        """Span in the source of ``para.text[start:end]`` (one character when ``end`` is omitted)."""
        end = start + 1 if end is None else max(start, end)
        first = self.offset(para, start)
        # Map the last character, not the end: the end may fall in text the cleaning removed.
        last = self.offset(para, end - 1) + 1 if end > start else first
        return self.lines.span(first, max(first, last))

    def at(self, start: int, end: int | None = None) -> Span:
        """Span of ``source[start:end]`` (one character when ``end`` is omitted)."""
        return self.lines.span(start, start + 1 if end is None else max(start, end))
