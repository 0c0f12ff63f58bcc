"""Recognise paragraph labels at the start of a line: ``12.``, ``(a)``, ``(ii)``, ``㈡``, ``(一)``, ``–``.

Ranks order the sub-paragraph tree: numbered paragraphs hold lettered ones,
which hold roman ones, which hold dash items (a dash may also sit directly
under any of them). ``(i)``, ``(v)`` and ``(x)`` are letters or roman numerals
depending on what is open: after ``(h)`` an ``(i)`` is a letter.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mandiff.lexicon import common

__all__ = ["DASH", "INITIALS", "LETTER", "NUMBER", "ROMAN", "Label", "from_roman", "match_label", "to_roman"]

NUMBER, LETTER, ROMAN, DASH = 0, 1, 2, 3

_NUMBER = re.compile(r"(\d{1,5})\s*[.．](?![\d.])\s*")
_PAREN = re.compile(r"[(（]\s*([a-z]{1,4}|[一二三四五六七八九十]{1,3})\s*[)）]\s*")
_ROMAN = re.compile(r"(?=[ivxlc])(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
INITIALS = frozenset(
    "0123456789(（" + common()["labels"]["parenthesized_ideographs"] + "".join(common()["labels"]["dashes"])
)
"""Characters a label can start with."""
_ROMAN_VALUES = (
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


class Label(NamedTuple):
    """A label found at the start of a line: ``Label(rank=ROMAN, key="ii", text="㈡", length=2)``.

    A NamedTuple, not attrs: it is internal and built for every labelled line,
    where a frozen attrs class's per-field setattr showed in the benchmark.
    """

    rank: int
    """NUMBER, LETTER, ROMAN or DASH."""
    key: str
    """Canonical key: ``"12"``, ``"a"``, ``"ii"``, ``"-"``."""
    text: str
    """The label as written."""
    length: int
    """Characters the label and the spaces after it take on the line."""
    ambiguous: bool = False
    """True for ``(i)``, ``(v)``, ``(x)``, which may be letters or roman numerals."""


def to_roman(value: int) -> str:
    out = []
    for amount, digits in _ROMAN_VALUES:
        while value >= amount:
            out.append(digits)
            value -= amount
    return "".join(out)


def from_roman(text: str) -> int | None:
    """Value of a lower-case roman numeral, or None when ``text`` is not one."""
    if not text or not _ROMAN.fullmatch(text):
        return None
    total, pos = 0, 0
    for amount, digits in _ROMAN_VALUES:
        while text.startswith(digits, pos):
            total += amount
            pos += len(digits)
    return total if pos == len(text) else None


def _cjk_value(text: str) -> int | None:
    """Value of a CJK numeral up to 99 (一, 十一, 二十三); None for anything else (十一一)."""
    digits = common()["labels"]["cjk_numerals"]
    ten = digits[-1]
    tens, _, units = text.partition(ten) if ten in text else ("", "", text)
    if len(units) > 1 or len(tens) > 1 or (ten not in text and not units):
        return None
    if ten in text and ten in units:
        return None
    value = (digits.index(units) + 1) if units else 0
    if ten in text:
        value += 10 * ((digits.index(tens) + 1) if tens else 1)
    return value or None


def match_label(text: str) -> Label | None:
    """The label at the start of ``text`` (already stripped of leading spaces), if any."""
    if not text or text[0] not in INITIALS:
        return None
    # A label may stand alone on its line, its text on the next ("12." then "Decides ...").
    m = _NUMBER.match(text)
    if m:
        return Label(NUMBER, str(int(m.group(1))), m.group(0).strip(), m.end())
    m = _PAREN.match(text)
    if m:
        key = m.group(1)
        if key[0] in common()["labels"]["cjk_numerals"]:
            value = _cjk_value(key)
            return Label(ROMAN, to_roman(value), m.group(0).strip(), m.end()) if value else None
        roman = from_roman(key)
        if len(key) == 1:
            return Label(LETTER, key, m.group(0).strip(), m.end(), ambiguous=roman is not None and key in "ivx")
        if roman is not None:
            return Label(ROMAN, key, m.group(0).strip(), m.end())
        if len(set(key)) == 1 and len(key) <= 3:
            return Label(LETTER, key, m.group(0).strip(), m.end())
        return None
    ideographs = common()["labels"]["parenthesized_ideographs"]
    if text[0] in ideographs:
        rest = len(text) - len(text[1:].lstrip())
        return Label(ROMAN, to_roman(ideographs.index(text[0]) + 1), text[0], rest) if rest < len(text) else None
    if text[0] in common()["labels"]["dashes"]:
        rest = len(text) - len(text[1:].lstrip())
        if rest < len(text) and not text[rest].isdigit():
            return Label(DASH, "-", text[0], rest)
    return None
