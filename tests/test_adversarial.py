"""Adversarial inputs: huge lines, many paragraphs, deep brackets, long runs of separators
and labels. Each must parse, and give a sensible reading, in a few seconds at most.

These are functional tests: they assert what is read, never how fast (growth with
input size is measured in ``benchmarks/``). The one exception is a hang guard on a
child process, for a regular expression that would otherwise never return.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mandiff
from mandiff import lexicon
from mandiff.model import Paragraph, Resolution

EN = "The Security Council,\n\n"
ZH = "安全理事会，\n\n"
MB = 1_000_000

FEW = settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _nonws(text: str) -> str:
    return "".join(text.split())


def _only(res: Resolution) -> Paragraph:
    assert res.kind == "resolution"
    assert len(res.operative) == 1, [p.id for p in res.operative][:5]
    return res.operative[0]


# ---------------------------------------------------------------------------
# 1 MB on one line
# ---------------------------------------------------------------------------


@FEW
@given(st.sampled_from(["word ", "a", "决定", "，", "1234567890 ", "(S/2018/541) ", "\u3000x"]))
def test_one_megabyte_line_without_structure(filler: str) -> None:
    """A single 1 MB line with no address and no numbered paragraph is not a resolution."""
    text = (filler * (MB // len(filler) + 1))[:MB]
    try:
        res = mandiff.parse(text)
    except mandiff.MandiffError:
        return  # e.g. no letters to tell the language by
    assert res.kind in ("other", "report")
    assert res.operative == ()


@FEW
@given(st.sampled_from(["the situation ", "x", ", ", "(a) ", "; and "]))
def test_one_megabyte_paragraph_on_one_line(filler: str) -> None:
    """A resolution whose only paragraph is 1 MB on one line: one paragraph, text intact."""
    body = "Decides " + (filler * (MB // len(filler) + 1))[:MB] + "."
    para = _only(mandiff.parse(EN + "1. " + body + "\n"))
    assert para.id == "1"
    assert para.text == body.strip()
    assert para.clauses[0].type == "decides"
    assert _nonws("".join(c.text for c in para.clauses)) == _nonws(para.text)


def test_one_megabyte_chinese_paragraph_on_one_line() -> None:
    body = "决定" + "马里稳定团继续执行任务，" * (MB // 12) + "。"
    para = _only(mandiff.parse(ZH + " 1. " + body + "\n"))
    assert para.text == body
    assert [c.type for c in para.clauses] == ["decides"]


# ---------------------------------------------------------------------------
# 10,000 numbered paragraphs
# ---------------------------------------------------------------------------


def test_ten_thousand_numbered_paragraphs() -> None:
    n = 10_000
    lines = [f"{k}. Decides to act on item {k};" for k in range(1, n)]
    lines.append(f"{n}. Decides to remain seized of the matter.")
    res = mandiff.parse(EN + "Recalling its resolutions,\n\n" + "\n".join(lines) + "\n")
    assert res.kind == "resolution"
    ids = [p.id for p in res.operative]
    assert len(ids) == n, f"{len(ids)} paragraphs, the last: {ids[-2:]}; {res.operative[-1].text[-80:]!r}"
    assert ids == [str(k) for k in range(1, n + 1)]
    assert all(p.clauses[0].type == "decides" for p in res.operative)
    assert res.operative[-1].text == "Decides to remain seized of the matter."
    assert res.closing == str(n)


def test_ten_thousand_numbered_chinese_paragraphs_wrapped() -> None:
    """The same in Chinese, each paragraph hard-wrapped over two lines with blank lines between."""
    n = 10_000
    lines = [f" {k}. 请秘书长继续向安全理事会报告第\n\n{k}项任务的执行情况；" for k in range(1, n + 1)]
    res = mandiff.parse(ZH + "回顾其以往各项决议，\n\n" + "\n\n".join(lines) + "\n")
    ids = [p.id for p in res.operative]
    assert len(ids) == n, f"{len(ids)} paragraphs, the last: {ids[-2:]}; {res.operative[-1].text[-60:]!r}"
    assert ids[-1] == str(n)
    assert res.operative[4_999].text == "请秘书长继续向安全理事会报告第5000项任务的执行情况；"
    assert {p.clauses[0].type for p in res.operative} == {"requests"}


# ---------------------------------------------------------------------------
# Deeply nested brackets
# ---------------------------------------------------------------------------


def _brackets(lang: str) -> list[tuple[str, str]]:
    """The bracket and quotation pairs the lexicon keeps clauses from splitting inside."""
    return [(q[0], q[1]) for q in lexicon.load(lang).data["syntax"]["quotes"] if q[0] != q[1]]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from([(lang, pair) for lang in ("en", "zh") for pair in _brackets(lang)]))
def test_ten_thousand_nested_brackets(case: tuple[str, tuple[str, str]]) -> None:
    """10,000 open brackets: a separator inside them never starts a clause; once they are
    all closed, one does."""
    lang, (opening, closing) = case
    depth = 10_000
    head, verb, sep = (EN, "decides", ", ") if lang == "en" else (ZH, "决定", "，")
    unclosed = f"1. {verb.capitalize()} {opening * depth}x{sep}{verb} y."
    para = _only(mandiff.parse(head + unclosed + "\n", lang))
    assert len(para.clauses) == 1
    assert para.text == unclosed[3:]
    closed = f"1. {verb.capitalize()} {opening * depth}x{closing * depth}{sep}{verb} y."
    para = _only(mandiff.parse(head + closed + "\n", lang))
    assert [c.type for c in para.clauses] == ["decides", "decides"]
    assert para.text == closed[3:]


def test_line_of_open_brackets_is_not_a_label() -> None:
    res = mandiff.parse(EN + "1. Decides:\n" + "(" * 10_000 + "\n2. Decides to remain seized of the matter.\n")
    assert [p.id for p in res.operative] == ["1", "2"]
    assert res.operative[0].children == ()
    assert res.operative[0].text.endswith("(" * 10_000)


# ---------------------------------------------------------------------------
# 100,000 commas
# ---------------------------------------------------------------------------


@settings(max_examples=4, deadline=None)
@given(st.sampled_from([",", ", ", "，", "a, "]))
def test_hundred_thousand_commas(comma: str) -> None:
    body = "Decides " + comma * 100_000 + "x."
    para = _only(mandiff.parse(EN + "1. " + body + "\n", "en"))
    assert para.text == body
    assert len(para.clauses) == 1


def test_ten_thousand_clauses() -> None:
    """A separator followed by a lead verb 10,000 times: 10,001 clauses covering the text."""
    body = "Decides x" + ", decides x" * 10_000 + "."
    para = _only(mandiff.parse(EN + "1. " + body + "\n"))
    assert len(para.clauses) == 10_001
    assert {c.type for c in para.clauses} == {"decides"}
    assert _nonws("".join(c.text for c in para.clauses)) == _nonws(body)


# ---------------------------------------------------------------------------
# A line of 100,000 ㈠
# ---------------------------------------------------------------------------


def test_line_of_hundred_thousand_parenthesized_ideographs() -> None:
    line = "㈠" * 100_000
    res = mandiff.parse(ZH + " 1. 决定：\n" + line + "\n")
    para = _only(res)
    assert [c.id for c in para.children] == ["1(i)"]
    assert para.children[0].label == "㈠"
    assert para.children[0].text == line[1:]
    assert mandiff.parse(line, "zh").operative == ()


# ---------------------------------------------------------------------------
# 50,000 dash lines
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fifty_thousand_dash_items(lang: str) -> None:
    n = 50_000
    if lang == "en":
        text = EN + "1. Decides that the Mission shall:\n" + "".join(f"– act on item {k};\n" for k in range(1, n + 1))
    else:
        text = ZH + " 1. 决定马里稳定团应：\n" + "".join(f"– 执行第{k}项任务，\n" for k in range(1, n + 1))
    para = _only(mandiff.parse(text))
    assert len(para.children) == n
    assert [c.id for c in para.children[:3]] == ["1-1", "1-2", "1-3"]
    assert para.children[-1].id == f"1-{n}"
    assert {c.kind for c in para.children} == {"item"}
    assert para.children[n // 2].text == ("act on item 25001;" if lang == "en" else "执行第25001项任务，")


# ---------------------------------------------------------------------------
# Lines of document symbols (page-furniture look-alikes)
# ---------------------------------------------------------------------------

_SYMBOL_LINES = [
    "S/2018/541 " * 30 + "and others",
    "S/A" * 40 + "x",
    "A/RES/1 (2000) " * 30 + "and",
    "S/PRST/2018/10 S/2018/541 S/2018/866 S/2019/454 S/2019/782 S/2019/983 " * 4 + "以及有关报告",
]
_CHILD = """
import json, sys, mandiff
out = []
for text in json.load(sys.stdin):
    res = mandiff.parse(text)
    out.append([res.kind, len(res.operative), [p.text for p in res.preamble]])
print(json.dumps(out))
"""


def test_lines_of_document_symbols_terminate() -> None:
    """A content line made of many document symbols and a trailing word ("S/2018/541 ...
    S/2019/454 and others") looks like page furniture up to its last word. It must be
    read as text, and reading it must terminate: the parse runs in a child process,
    because a regular expression that backtracks exponentially cannot be interrupted.
    The 20 s guard is a hang check (the parse takes milliseconds), not a speed test."""
    docs = []
    for line in _SYMBOL_LINES:
        head, lead = (ZH, "回顾") if "以及" in line else (EN, "Recalling ")
        close = "1. 决定继续积极处理此案。" if head == ZH else "1. Decides to remain seized of the matter."
        docs.append(f"{head}{lead}its resolutions and the reports\n{line},\n\n{close}\n")
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD], input=json.dumps(docs), capture_output=True, text=True, timeout=20
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("mandiff.parse did not terminate on a line of document symbols") from None
    assert done.returncode == 0, done.stderr[-2000:]
    for (kind, n_operative, preamble), line in zip(json.loads(done.stdout), _SYMBOL_LINES, strict=True):
        assert kind == "resolution"
        assert n_operative == 1
        assert len(preamble) == 1
        assert _nonws(line) in _nonws(preamble[0])
