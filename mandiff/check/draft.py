"""What every rule reads: the parsed draft, its source text and the language data.

Example: ``Draft.of(mandiff.parse(text), text)`` then ``rule.check(draft, options)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from mandiff import lexicon
from mandiff.check import words
from mandiff.check.locate import Locator
from mandiff.lexicon import BODY_NAMES, Lexicon
from mandiff.model import Paragraph, Resolution, Span

__all__ = ["Draft", "describe"]

if TYPE_CHECKING:
    from mandiff.changes import MandateDiff

_BODY_KEYS = {name: key for key, name in BODY_NAMES.items()}


@attrs.frozen(eq=False)
class Draft:
    """A parsed draft with everything the rules need to look at it."""

    res: Resolution
    """The parse model."""
    source: str
    """The decoded input the model's spans point into."""
    lex: Lexicon
    """The parser's lexicon for the draft's language."""
    words: words.Words
    """The checks' data for the draft's language (``rules_<code>.toml``)."""
    locator: Locator
    """Maps positions in cleaned paragraph text back to the source."""
    diff: MandateDiff | None = None
    """The comparison with the mandate in force (``--against``), if one was given."""

    @classmethod
    def of(cls, res: Resolution, source: str, diff: MandateDiff | None = None) -> Draft:
        return cls(res, source, lexicon.load(res.language), words.load(res.language), Locator.of(source), diff)

    @property
    def body(self) -> str | None:
        """Key of the adopting body (``"security_council"``), when the draft names it."""
        return _BODY_KEYS.get(self.res.metadata.body or "")

    def span(self, para: Paragraph, start: int, end: int | None = None) -> Span:
        """Span in the source of ``para.text[start:end]``."""
        return self.locator.span(para, start, end)

    def label_span(self, para: Paragraph) -> Span:
        """Span of the paragraph's label as written (``"12."``, ``"(b)"``, ``"㈢"``)."""
        start = para.span.start
        found = self.source.find(para.label, start, para.span.end) if para.label else -1
        if found >= 0:
            start = found
        return self.locator.at(start, start + max(1, len(para.label)))

    def last_char(self, para: Paragraph) -> Span:
        """Span of the last character of the paragraph's own text."""
        end = max(para.span.start + 1, para.span.end)
        return self.locator.at(end - 1, end)

    def blocks(self) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...]]]:
        """Every top-level paragraph (preambular, operative, annex) with the scope it lives in.

        The scope is the tuple of top-level paragraphs that references inside it refer to:
        the operative part for the preamble and the operative part, an annex's own
        paragraphs for that annex.
        """
        for para in (*self.res.preamble, *self.res.operative):
            yield para, self.res.operative
        for annex in self.res.annexes:
            for para in annex.paragraphs:
                yield para, annex.paragraphs

    def paragraphs(self) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...]]]:
        """Every paragraph, sub-paragraph and item in document order, with its scope."""
        for top, scope in self.blocks():
            for para in top.walk():
                yield para, scope


def describe(para: Paragraph) -> str:
    """How a message names a paragraph: ``"operative paragraph 11"``, ``"preambular paragraph 3"``,
    ``"sub-paragraph 38(a)(ii)"``, ``"item 4-2"``, ``"annex paragraph A1.3"``."""
    if para.kind == "preambular":
        return f"preambular paragraph {para.id.removeprefix('PP')}"
    if para.kind == "operative":
        return f"operative paragraph {para.id}"
    if para.kind == "subparagraph":
        return f"sub-paragraph {para.id}"
    if para.kind == "item":
        return f"item {para.id}"
    return f"annex paragraph {para.id}"
