"""``mandiff check`` over every bundled example and every file of the shared English corpus.

Every finding on these real texts was read against the text: each one below is a
genuine defect of the file as found (what it is is said next to it); anything
else would be a false alarm, and a failure here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from mandiff.check import check
from mandiff.parse import parse_source
from mandiff.read import read

CORPUS = ROOT.parent / "shared" / "corpus"

KNOWN: dict[str, list[tuple[str, int, int]]] = {
    "S-RES-2423-2018.zh.txt": [
        # "(《协议》的充分" in PP4: the closing ")" after 《协议》 is missing.
        ("brackets", 25, 34),
        # Operative paragraph 11 ends with "，" where "；" belongs (the seed's known defect).
        ("paragraph-end", 354, 31),
        # Paragraphs 37 and 45 end with a half-width ";" in Chinese text.
        ("paragraph-end", 524, 13),
        # 39(c) cites "第 2374 号决议", elsewhere "第 2374(2017)号决议".
        ("citation-no-year", 701, 3),
        ("paragraph-end", 782, 12),
    ],
    # These 1993 UNIFIL renewals end with a reporting request and no "remain seized"
    # paragraph: true to the rule (a warning), which today's drafts follow.
    "S-RES-803-1993.en.txt": [("closing-formula", 42, 8)],
    "S-RES-852-1993.en.txt": [("closing-formula", 48, 8)],
    # "as renewed by resolution 2078," in 12(b) next to "resolution 2078 (2012)" elsewhere.
    "S-RES-2098-2013.en.txt": [("citation-no-year", 50, 538)],
    "S-RES-2147-2014.en.txt": [
        # Paragraph 7 lacks its ";" in the source record, so the heading "Transfer of
        # Responsibilities" after it is read as part of it: reported at the heading's end.
        ("paragraph-end", 148, 28),
        # Operative paragraph 19 opens "Expressing concern", a preambular form.
        ("preambular-lead", 178, 5),
    ],
}


def _found(path: Path) -> list[tuple[str, int, int]]:
    source = read(path)
    return [(f.rule, f.line, f.column) for f in check(parse_source(source), source)]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_examples(path: Path) -> None:
    assert _found(path) == KNOWN.get(path.name, [])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the repository")
def test_shared_corpus() -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 10
    assert {p.name: _found(p) for p in paths} == {p.name: KNOWN.get(p.name, []) for p in paths}
