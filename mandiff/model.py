"""The parse model: frozen attrs classes for a resolution and its parts.

Every part keeps a :class:`Span` in the *original* input so that a finding can
point at a line and column of the file the user gave.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Addressee", "Annex", "Clause", "Heading", "Metadata", "Paragraph", "Resolution", "Span"]


@attrs.frozen
class Span:
    """Where a piece of text sits in the original input (after decoding).

    Example: ``Span(start=1203, end=1290, line=41, column=2, end_line=43, end_column=18)``.
    """

    start: int
    """Offset of the first character in the decoded input."""
    end: int
    """Offset one past the last character."""
    line: int
    """1-based line of ``start``."""
    column: int
    """1-based column of ``start`` (in characters)."""
    end_line: int
    """1-based line of the last character."""
    end_column: int
    """1-based column one past the last character."""

    def to_dict(self) -> dict[str, int]:
        return attrs.asdict(self)


@attrs.frozen
class Addressee:
    """The actor a clause addresses, e.g. ``Addressee(raw="the Secretary-General", key="secretary_general")``."""

    raw: str
    """The words as written."""
    key: str | None
    """Canonical key from the lexicon's ``[addressees]`` table, or None when unknown."""

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "key": self.key}


@attrs.frozen
class Clause:
    """One clause of a paragraph, led by a verb that says how strong it is.

    Example: ``Clause(type="requests", modifiers=("also",), verb="Also requests", ...)``.
    """

    type: str | None
    """Canonical type (``"requests"``); None when no lead verb was recognised."""
    modifiers: tuple[str, ...]
    """Canonical modifiers before or after the verb, e.g. ``("also", "strongly")``."""
    verb: str
    """The lead words as written, modifiers included (``"又强烈谴责"``)."""
    addressee: Addressee | None
    """Who is asked, for types that address an actor."""
    text: str
    """The clause text, cleaned (artifacts removed, broken lines rejoined)."""
    span: Span
    """Where the clause sits in the original input."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "modifiers": list(self.modifiers),
            "verb": self.verb,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "text": self.text,
            "span": self.span.to_dict(),
        }


@attrs.frozen
class Paragraph:
    """A preambular, operative, sub-paragraph or dash item.

    Ids: operative ``"38"``; lettered ``"38(a)"``; roman ``"38(a)(ii)"`` (``㈡`` is
    ``(ii)``); dash and bullet items are numbered in order under their parent
    with a hyphen: ``"4-1"``, ``"38(a)(ii)-3"``; preambular paragraphs ``"PP1"``;
    annex paragraphs are prefixed by the annex id (``"A2.1(a)"``).
    """

    id: str
    """Stable id, see the class docstring."""
    kind: str
    """``"preambular"``, ``"operative"``, ``"subparagraph"``, ``"item"`` or ``"annex"``."""
    label: str
    """The label as written (``"38."``, ``"(a)"``, ``"㈡"``, ``"–"``); empty for preambular paragraphs."""
    text: str
    """The paragraph's own text, cleaned, without its label and without its children."""
    clauses: tuple[Clause, ...]
    """Typed clauses of the paragraph's own text; empty for sub-paragraphs and items."""
    children: tuple[Paragraph, ...]
    """Sub-paragraphs and items, in order."""
    heading: str | None
    """The section heading in force (``"Priority tasks"``), if any."""
    span: Span
    """Where the paragraph's own text sits (label included, children excluded)."""

    def walk(self) -> list[Paragraph]:
        """This paragraph and all its descendants, depth first, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "heading": self.heading,
            "text": self.text,
            "clauses": [c.to_dict() for c in self.clauses],
            "children": [c.to_dict() for c in self.children],
            "span": self.span.to_dict(),
        }


@attrs.frozen
class Heading:
    """An unnumbered section heading inside the operative part (``"马里中部局势"``)."""

    text: str
    """The heading as written."""
    before: str | None
    """Id of the first operative paragraph it heads (None if nothing follows)."""
    span: Span
    """Where the heading sits."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "before": self.before, "span": self.span.to_dict()}


@attrs.frozen
class Annex:
    """An annex, kept apart from the operative paragraphs."""

    id: str
    """``"A1"``, ``"A2"``, ... in document order."""
    title: str
    """The annex heading and the title lines that follow it."""
    paragraphs: tuple[Paragraph, ...]
    """The annex's own numbered paragraphs and unnumbered blocks."""
    span: Span
    """From the annex heading to the end of its last paragraph."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "span": self.span.to_dict(),
        }


@attrs.frozen
class Metadata:
    """What the document says about itself."""

    body: str | None
    """``"Security Council"``, ``"Human Rights Council"``, ``"General Assembly"``, ``"Economic and Social Council"``."""
    symbol: str | None
    """Document symbol, e.g. ``"S/RES/2423 (2018)"`` or ``"A/HRC/RES/58/30"``."""
    date: str | None
    """Adoption date in ISO form, e.g. ``"2018-06-28"``."""
    meeting: str | None
    """Meeting number as written, e.g. ``"8298"``."""
    title: str | None
    """Title line, where the document has one (Human Rights Council, General Assembly)."""

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class Resolution:
    """A parsed document. ``kind`` is ``"resolution"`` or what else it is.

    Example: ``mandiff.parse(text).operative[37].children[0].id == "38(a)"``.
    """

    kind: str
    """``"resolution"``, ``"report"`` or ``"other"``."""
    language: str
    """Lexicon code used to read it (``"zh"``, ``"en"``)."""
    encoding: str
    """How the input was decoded (``"utf-8"``, ``"gb18030"``, ...; ``"str"`` when given text)."""
    metadata: Metadata
    """Body, symbol, date, meeting, title."""
    preamble: tuple[Paragraph, ...]
    """Preambular paragraphs, each with one lead clause."""
    operative: tuple[Paragraph, ...]
    """Numbered operative paragraphs with their sub-paragraph trees."""
    headings: tuple[Heading, ...]
    """Section headings of the operative part, in order."""
    annexes: tuple[Annex, ...]
    """Annexes, apart from the operative part."""
    closing: str | None
    """Id of the operative paragraph holding the closing formula ("remain seized"), if any."""
    trailer: tuple[str, ...]
    """Lines after the operative part that are not annexes (meeting, vote, footnotes)."""

    def paragraph(self, pid: str) -> Paragraph | None:
        """The operative paragraph or sub-paragraph with id ``pid``, if any."""
        for para in self.operative:
            for p in para.walk():
                if p.id == pid:
                    return p
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "language": self.language,
            "encoding": self.encoding,
            **self.metadata.to_dict(),
            "preamble": [p.to_dict() for p in self.preamble],
            "operative": [p.to_dict() for p in self.operative],
            "headings": [h.to_dict() for h in self.headings],
            "annexes": [a.to_dict() for a in self.annexes],
            "closing": self.closing,
            "trailer": list(self.trailer),
        }
