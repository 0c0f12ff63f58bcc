"""Rules on numbering: operative paragraphs run 1..N; sub-paragraphs (a), (b)... and (i), (ii)...

The parser keeps a repeated number as a second paragraph with id ``"5#2"`` and
accepts a gap of up to five numbers when a lead verb follows; these rules
report both. (A gap the parser did not accept leaves the line inside the
previous paragraph, where no rule can see a number.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from mandiff.check.draft import Draft, describe
from mandiff.check.findings import Hit, Rule
from mandiff.labels import from_roman, to_roman
from mandiff.lexicon import common
from mandiff.model import Paragraph

__all__ = ["RULES"]


def slips(values: Sequence[int | None]) -> list[tuple[int, int]]:
    """(index, expected value) of every label out of the sequence 1, 2, 3 ... in ``values``.

    One slip gives one finding: after a wrong label the count goes on from the
    label as written, unless the next label shows it was a typo (``1, 2, 7, 4``:
    7 is reported, 4 is not) -- so a paragraph inserted or deleted without
    renumbering is reported once, where it happened. ``None`` is a label that is
    not in the sequence at all.
    """
    out = []
    previous = 0
    for i, value in enumerate(values):
        if value == previous + 1:
            previous = value
            continue
        out.append((i, previous + 1))
        following = values[i + 1] if i + 1 < len(values) else None
        previous = previous + 1 if value is None or following == previous + 2 else value
    return out


def operative_numbering(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Operative paragraphs are numbered 1, 2, 3 ... N: no number is skipped, repeated or out of order.

    A gap usually means a paragraph was deleted without renumbering; a repeat, a
    paragraph inserted without renumbering. Cross-references shift with the numbers,
    so renumber, then check the references (rule ``reference-target``).
    """
    operative = draft.res.operative
    if not operative:
        yield from _no_operative(draft)
        return
    numbers = [int(p.id.partition("#")[0]) for p in operative]
    for i, expected in slips(numbers):
        para, number = operative[i], numbers[i]
        before = f"paragraph {numbers[i - 1]}" if i else "the preamble"
        if number in numbers[:i]:
            first = operative[numbers.index(number)]
            cause = f"operative paragraph {number} is numbered twice (first at line {first.span.line})"
        elif number > expected:
            cause = f"operative paragraph {number} follows {before}, so {_range_text(expected, number - 1)} is missing"
        else:
            cause = f"operative paragraph {number} follows {before}"
        yield Hit(
            draft.label_span(para),
            f"{cause}; number it {expected} and renumber the paragraphs after it",
            para.id,
        )


_LABEL = re.compile(r"(?m)^[ \t\u3000]*(\d{1,3})\s*[.．](?![\d.])")
"""A numbered paragraph's label at the start of a line, as :mod:`mandiff.labels` reads it."""


def _no_operative(draft: Draft) -> Iterator[Hit]:
    """The parser found no paragraph numbered 1: everything after the address line reads as preamble."""
    preamble = draft.res.preamble
    start = preamble[0].span.start if preamble else 0
    m = _LABEL.search(draft.source, start)
    if m:
        yield Hit(
            draft.locator.at(m.start(1), m.end()),
            f"no operative paragraph is numbered 1, so paragraph {m.group(1)} and all after it read as preamble; "
            "number the first operative paragraph 1",
        )
    elif preamble:
        yield Hit(
            draft.last_char(preamble[-1]),
            "the text has no numbered operative paragraphs; number them 1, 2, 3 ...",
            preamble[-1].id,
        )


def subparagraph_numbering(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Sub-paragraphs run (a), (b), (c) ... and, under them, (i), (ii), (iii) ... (or ㈠, ㈡, ㈢ ...).

    The first label of a list says which sequence it is: ``(i)`` opens a roman list,
    any other letter a lettered one (so ``(i)`` after ``(h)`` is a letter). Dash and
    bullet items carry no number and are not checked.
    """
    for top, _scope in draft.blocks():
        for parent in top.walk():
            subs = [c for c in parent.children if c.kind == "subparagraph"]
            if subs:
                yield from _sequence(draft, parent, subs)


def _key(parent: Paragraph, child: Paragraph) -> str:
    """``"b"`` for child id ``"5(b)"`` under ``"5"``."""
    return child.id[len(parent.id) :].strip("()")


def _letter(n: int) -> str:
    """Key of the n-th lettered label (1-based): a ... z, then aa, bb ... as UN texts double them."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _position(key: str, roman: bool) -> int | None:
    """1-based place of ``key`` in its sequence (``"c"`` -> 3, ``"iii"`` -> 3), or None if not in it."""
    if roman:
        return from_roman(key)
    if key.isascii() and key.isalpha() and len(set(key)) == 1:
        return (len(key) - 1) * 26 + ord(key[0]) - ord("a") + 1
    return None


def _sequence(draft: Draft, parent: Paragraph, subs: list[Paragraph]) -> Iterator[Hit]:
    keys = [_key(parent, c) for c in subs]
    roman = keys[0] == "i" or (len(keys[0]) > 1 and from_roman(keys[0]) is not None)
    positions = [_position(k, roman) for k in keys]
    for i, expected in slips(positions):
        child, key = subs[i], keys[i]
        right = _relabel(child.label, key, to_roman(expected) if roman else _letter(expected))
        if key in keys[:i]:
            first = subs[keys.index(key)]
            cause = f"sub-paragraph {child.label} appears twice in {describe(parent)} (first at line {first.span.line})"
        else:
            after = f"sub-paragraph {subs[i - 1].label}" if i else "the chapeau"
            cause = f"sub-paragraph {child.label} follows {after} in {describe(parent)}, where {right} belongs"
        yield Hit(draft.label_span(child), f"{cause}; label it {right} and reletter the ones after it", child.id)


def _relabel(label: str, key: str, expected: str) -> str:
    """``label`` written with ``expected`` in place of ``key``, in the same style (``(c)``, ``㈢``, ``(三)``)."""
    labels = common()["labels"]
    value = from_roman(expected)
    if len(label) == 1 and label in labels["parenthesized_ideographs"]:
        return labels["parenthesized_ideographs"][value - 1] if value and value <= 10 else f"({expected})"
    inner = label.strip("()（） ")
    if inner and inner[0] in labels["cjk_numerals"]:
        if value and value <= 10:
            return label.replace(inner, labels["cjk_numerals"][value - 1])
        return f"({expected})"
    return label.replace(key, expected) if key in label else f"({expected})"


def _range_text(first: int, last: int) -> str:
    return f"paragraph {first}" if first == last else f"paragraphs {first} to {last}"


RULES = (
    Rule(
        "operative-numbering",
        "error",
        "Operative paragraphs are numbered 1..N without gaps or repeats",
        operative_numbering,
    ),
    Rule(
        "subparagraph-numbering",
        "error",
        "Sub-paragraphs run (a), (b) ... and (i), (ii) ... without gaps or repeats",
        subparagraph_numbering,
    ),
)
