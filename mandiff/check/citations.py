"""Rules on citations of resolutions: ``resolution 2374 (2017)``, ``第 2374(2017)号决议``.

Security Council resolutions are numbered in the order of adoption, so within
one text a higher number never carries an earlier year, one number never
carries two years, and no year comes after the text's own. The patterns are
``[citations]`` of ``rules_<code>.toml``; numbered with a session
(``60/251``, ``5/1``) or a roman session (``1514 (XV)``) a citation is not
matched and not checked.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from mandiff.check.draft import Draft
from mandiff.check.findings import Hit, Rule
from mandiff.model import Paragraph

__all__ = ["RULES", "Citation", "citations"]

FIRST_YEAR = 1946
"""The year the Security Council adopted its first resolution."""


@attrs.frozen
class Citation:
    """A number with a bracketed year, as found: ``Citation(number=2374, year="2017", ...)``."""

    number: int
    """The resolution number."""
    year: str
    """The year as written (``"2017"``, ``"17"``)."""
    text: str
    """The matched text (``"2374 (2017)"``)."""
    para: Paragraph
    """Where it sits."""
    start: int
    """Start in the paragraph's cleaned text."""
    end: int
    """End in the paragraph's cleaned text."""


def citations(draft: Draft) -> list[Citation]:
    """Every candidate citation in the draft's paragraphs, in document order."""
    out = []
    for para, _scope in draft.paragraphs():
        for m in draft.words.citation.finditer(para.text):
            out.append(Citation(int(m.group("number")), m.group("year"), m.group(), para, m.start(), m.end()))
    return out


def citation_format(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A resolution is cited as its number and its four-digit year in round brackets:
    "resolution 2374 (2017)", "第 2374(2017)号决议".

    UN editorial style fixes the form so that citations can be searched and
    linked; a two-digit year or a missing space is a slip.
    """
    for c in citations(draft):
        if draft.words.well_formed.fullmatch(c.text):
            continue
        year = c.year if len(c.year) == 4 else "YYYY"
        right = draft.words.suggest.format(number=c.number, year=year)
        yield Hit(
            draft.span(c.para, c.start, c.end),
            f"'{c.text.strip()}' is not in the form of a resolution citation; write '{right}'",
            c.para.id,
        )


def _own(draft: Draft) -> tuple[int | None, int | None]:
    """(number, year) of the draft itself, as far as its metadata says."""
    meta = draft.res.metadata
    year = int(meta.date[:4]) if meta.date else None
    number = None
    m = re.match(r"S/RES/(\d+)\s*\((\d{4})\)", meta.symbol or "")
    if m:
        number, year = int(m.group(1)), int(m.group(2))
    return number, year


def citation_year(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """The years of cited resolutions are possible and consistent: from 1946 to the text's own
    year, one year per number, and a higher number never with an earlier year.

    Resolution numbers rise with time, so a year that breaks the order is a typo
    in the number or in the year; the message names both citations.
    """
    own_number, own_year = _own(draft)
    latest = own_year or datetime.date.today().year
    found = [c for c in citations(draft) if len(c.year) == 4]
    first: dict[int, Citation] = {}
    for c in found:
        year = int(c.year)
        where = draft.span(c.para, c.start, c.end)
        if not FIRST_YEAR <= year <= latest:
            bound = "the text's own year" if own_year else "this year"
            yield Hit(
                where,
                f"'{c.text.strip()}' gives year {year}, outside {FIRST_YEAR} to {latest} ({bound}); correct the year",
                c.para.id,
            )
            continue
        if own_number is not None and (c.number > own_number or (c.number == own_number and year != own_year)):
            yield Hit(
                where,
                f"'{c.text.strip()}' cites a resolution adopted after this one ({own_number} ({own_year})); "
                "correct the number",
                c.para.id,
            )
            continue
        seen = first.get(c.number)
        if seen is not None and seen.year != c.year:
            at = draft.span(seen.para, seen.start)
            yield Hit(
                where,
                f"resolution {c.number} is cited with year {c.year} here but {seen.year} at line {at.line}; "
                "one of the two years is wrong",
                c.para.id,
            )
            continue
        first.setdefault(c.number, c)
    ordered = sorted(first.values(), key=lambda c: (c.number, c.para.span.start, c.start))
    for low, high in itertools.pairwise(ordered):
        if int(high.year) < int(low.year):
            # Report the later-written one of the two: the first is what the reader met first.
            late, early = (high, low) if _at(draft, high) > _at(draft, low) else (low, high)
            at = draft.span(early.para, early.start)
            yield Hit(
                draft.span(late.para, late.start, late.end),
                f"resolution {high.number} ({high.year}) has a higher number but an earlier year than "
                f"resolution {low.number} ({low.year}) (line {at.line}); one of the numbers or years is wrong",
                late.para.id,
            )


def _at(draft: Draft, c: Citation) -> int:
    return draft.locator.offset(c.para, c.start)


def citation_no_year(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A resolution cited elsewhere in the text with its year is cited with it everywhere
    ("resolution 2078 (2012)", not "resolution 2078").

    The year tells the reader which resolution is meant at a glance; a number alone
    reads like a paragraph or a resolution of another body.
    """
    years: dict[int, str] = {}
    for c in citations(draft):
        if len(c.year) == 4:
            years.setdefault(c.number, c.year)
    for para, _scope in draft.paragraphs():
        for m in draft.words.bare.finditer(para.text):
            number = int(m.group("number"))
            if number not in years:
                continue
            full = draft.words.bare_suggest.format(number=number, year=years[number])
            yield Hit(
                draft.span(para, m.start(), m.end()),
                f"'{m.group().strip()}' gives no year, while resolution {number} is cited with "
                f"{years[number]} elsewhere; write '{full}'",
                para.id,
            )


RULES = (
    Rule("citation-format", "warning", "Resolutions are cited as 'number (year)'", citation_format),
    Rule("citation-year", "error", "Years of cited resolutions are possible and consistent", citation_year),
    Rule("citation-no-year", "note", "A resolution cited with its year is cited with it everywhere", citation_no_year),
)
