"""Real texts for the ``mandiff check`` tests, their known defects repaired, and helpers to
seed one defect and find where it landed.
"""

from __future__ import annotations

import functools

from conftest import EXAMPLES, HRC_58_30_ZH, SC_2423_ZH

from mandiff.check import Config, Finding, check
from mandiff.parse import parse

SC_2506_EN = EXAMPLES / "S-RES-2506-2020.en.txt"
SC_1904_EN = EXAMPLES / "S-RES-1904-2009.en.txt"

ZH_REPAIRS = (
    # The real defects of S/RES/2423 (2018) in Chinese as extracted (see test_check_real.py).
    ("(《协议》的充", "(《协议》)的充"),
    ("国家应急战略， ", "国家应急战略； "),
    ("附带损害; ", "附带损害； "),
    ("必要条件; ", "必要条件； "),
    ("向第 2374 号决议所设", "向第 2374(2017)号决议所设"),
)


def read(path) -> str:
    return path.read_text(encoding="utf-8")


@functools.cache
def clean_zh() -> str:
    """S/RES/2423 (2018), Chinese, with its five real defects repaired: passes every rule."""
    text = read(SC_2423_ZH)
    for old, new in ZH_REPAIRS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@functools.cache
def clean_en() -> str:
    """S/RES/2506 (2020), English, as found: passes every rule."""
    return read(SC_2506_EN)


@functools.cache
def clean_en_refs() -> str:
    """S/RES/1904 (2009), English, as found: cross-references, an annex, sub-paragraphs."""
    return read(SC_1904_EN)


@functools.cache
def clean_hrc_zh() -> str:
    return read(HRC_58_30_ZH)


def seed(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def position(text: str, marker: str, offset: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the one occurrence of ``marker`` (plus ``offset`` characters)."""
    assert text.count(marker) == 1, f"{marker!r} occurs {text.count(marker)} times"
    i = text.index(marker) + offset
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def run(text: str, config: Config | None = None) -> tuple[Finding, ...]:
    return check(parse(text), text, config)


def where(findings: tuple[Finding, ...], rule: str) -> list[tuple[int, int]]:
    """(line, column) of each finding of ``rule``."""
    return [(f.line, f.column) for f in findings if f.rule == rule]
