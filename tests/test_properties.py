"""Property tests for parsing: robustness, determinism, structure, losslessness, spans.

Generated mandates (``strategies.mandates``) carry their own truth, so most properties
compare the parse with what the document was built from. The real files in
``examples/`` are checked for the properties that need no truth (losslessness, spans,
clause coverage) and for invariance under layout-only mutations.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from strategies import Mandate, Mutated, example_paths, mandates, mutated_examples, resolution_like_text

import mandiff
from mandiff import lexicon
from mandiff.errors import MandiffError
from mandiff.model import Paragraph, Resolution

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# No "explain" phase: after shrinking it re-runs many variants of a failing document,
# which costs more than it tells here (the assertion diffs already say what differs).
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
GENERATED = settings(
    max_examples=60,
    deadline=None,
    phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
EXAMPLE_PATHS = example_paths()


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _parse_or_none(data: str | bytes, lang: str | None = None) -> Resolution | None:
    """Parse; a MandiffError (the only thing allowed to escape) gives None."""
    try:
        return mandiff.parse(data, lang)
    except MandiffError:
        return None


def _nonws(text: str) -> str:
    return "".join(text.split())


def _nodes(res: Resolution) -> list[Paragraph]:
    return [p for root in res.operative for p in root.walk()]


_BREAK = re.compile(r"\r\n|\r|\n")


def _position(source: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, with lines split as the cleaner splits them
    (``\\r\\n``, ``\\r`` or ``\\n``): the lines a user sees in an editor."""
    line, start = 1, 0
    for m in _BREAK.finditer(source, 0, offset):
        if m.end() > offset:
            break
        line, start = line + 1, m.end()
    return line, offset - start + 1


def _operative_sequence(res: Resolution, start: int) -> str:
    """Non-whitespace characters of the operative part as parsed: each heading (from
    ``start`` on), then each paragraph's label and own text, depth first."""
    heads: dict[str | None, list[str]] = {}
    for h in res.headings:
        if h.span.start >= start:
            heads.setdefault(h.before, []).append(h.text)
    out = []
    for root in res.operative:
        out.extend(heads.get(root.id, []))
        out.extend(p.label + p.text for p in root.walk())
    out.extend(heads.get(None, []))
    return _nonws("".join(out))


def _check_spans(source: str, res: Resolution) -> None:
    """Every operative paragraph, sub-paragraph, heading and clause points at its own text."""
    for p in [*res.preamble, *_nodes(res)]:
        s = p.span
        assert 0 <= s.start <= s.end <= len(source), (p.id, s)
        assert source.startswith(p.label, s.start), (p.id, p.label, source[s.start : s.start + 20])
        if p.text:
            assert source[s.end - 1] == p.text[-1], (p.id, source[s.end - 5 : s.end], p.text[-5:])
        assert (s.line, s.column) == _position(source, s.start), (p.id, s)
        if s.end > s.start:
            line, col = _position(source, s.end - 1)
            assert (s.end_line, s.end_column) == (line, col + 1), (p.id, s)
        for c in p.clauses:
            cs = c.span
            assert s.start <= cs.start <= cs.end <= s.end, (p.id, c.text[:30], cs, s)
            assert c.text, (p.id, c)
            assert source[cs.start] == c.text[0], (p.id, source[cs.start : cs.start + 10], c.text[:10])
            assert source[cs.end - 1] == c.text[-1], (p.id, source[cs.end - 10 : cs.end], c.text[-10:])
            assert (cs.line, cs.column) == _position(source, cs.start), (p.id, cs)
    for h in res.headings:
        assert source[h.span.start : h.span.end] == h.text, (h, source[h.span.start : h.span.end])
        assert (h.span.line, h.span.column) == _position(source, h.span.start), h


def _check_clause_cover(p: Paragraph) -> None:
    """The clauses of ``p``, in order, are ``p.text`` cut at whitespace-only gaps."""
    pos = 0
    for c in p.clauses:
        while pos < len(p.text) and p.text[pos].isspace():
            pos += 1
        assert p.text.startswith(c.text, pos), (p.id, pos, p.text[pos : pos + 40], c.text[:40])
        pos += len(c.text)
    assert not p.text[pos:].strip(), (p.id, "text after the last clause", p.text[pos:])


def _paragraphs_with_clauses(res: Resolution) -> list[Paragraph]:
    return [*res.preamble, *res.operative]


# ---------------------------------------------------------------------------
# Robustness: only MandiffError escapes
# ---------------------------------------------------------------------------


@FUZZ
@given(st.text(), st.sampled_from([None, "en", "zh"]))
def test_any_text_raises_only_mandiff_error(text: str, lang: str | None) -> None:
    _parse_or_none(text, lang)


@FUZZ
@given(st.binary())
def test_any_bytes_raise_only_mandiff_error(data: bytes) -> None:
    _parse_or_none(data)


@FUZZ
@given(resolution_like_text(), st.sampled_from([None, "en", "zh"]))
@example("安全理事会，\n\n1. 决定延长任务；\n(十一一) 某事\n", None)
def test_resolution_like_text_raises_only_mandiff_error(text: str, lang: str | None) -> None:
    """Grammar pieces (labels, leads, separators, furniture) shuffled: reaches branches
    that arbitrary text does not, e.g. a parenthesized CJK numeral label."""
    _parse_or_none(text, lang)


@FUZZ
@given(resolution_like_text())
@example("The Security Council,\n\n1. Decides:\n(a) x;\n(a) y;\n2. Decides z.\n")
def test_paragraph_ids_are_unique(text: str) -> None:
    """Ids are the keys the comparison uses: no two paragraphs may share one."""
    res = _parse_or_none(text)
    if res is None:
        return
    ids = [p.id for p in _nodes(res)] + [p.id for a in res.annexes for q in a.paragraphs for p in q.walk()]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)


@FUZZ
@given(resolution_like_text())
def test_parse_is_deterministic(text: str) -> None:
    first = _parse_or_none(text)
    second = _parse_or_none(text)
    assert (first.to_dict() if first else None) == (second.to_dict() if second else None)


@FUZZ
@given(resolution_like_text())
def test_any_result_has_consistent_clauses(text: str) -> None:
    """Whatever the input, clauses cover their paragraph and sub-paragraphs have none."""
    res = _parse_or_none(text)
    if res is None:
        return
    for p in _paragraphs_with_clauses(res):
        _check_clause_cover(p)
    for root in res.operative:
        for child in root.walk()[1:]:
            assert child.clauses == (), child.id


@FUZZ
@given(resolution_like_text())
def test_any_result_has_valid_spans(text: str) -> None:
    res = _parse_or_none(text)
    if res is not None:
        _check_spans(text, res)


# ---------------------------------------------------------------------------
# Generated mandates: the parse equals the known truth
# ---------------------------------------------------------------------------


def _shape(res: Resolution) -> list[tuple[str, str, str, str | None]]:
    return [(p.id, p.kind, p.label, p.heading) for p in _nodes(res)]


def _truth_shape(m: Mandate) -> list[tuple[str, str, str, str | None]]:
    return [(n.id, n.kind, n.label, n.heading) for n in m.nodes()]


@GENERATED
@pytest.mark.parametrize(
    ("noise", "footnotes"), [(False, False), (True, False), (True, True)], ids=["clean", "pdf-noise", "footnotes"]
)
@given(data=st.data())
def test_generated_structure(noise: bool, footnotes: bool, data: st.DataObject) -> None:
    """Operative count, ids ("3", "3(a)", "3(a)(ii)", "4-1"), labels, headings, lead
    clause types and modifiers, preamble leads and the closing paragraph; without
    layout noise, with PDF furniture and soft hyphens, and with footnote numbers too."""
    m = data.draw(mandates(noise=noise, footnotes=footnotes))
    res = mandiff.parse(m.text)
    assert res.kind == "resolution"
    assert res.language == m.lang
    assert res.metadata.body == m.body
    assert len(res.operative) == len(m.operative)
    assert [p.id for p in res.operative] == [str(k) for k in range(1, len(m.operative) + 1)]
    assert _shape(res) == _truth_shape(m)
    assert [(p.id, p.clauses[0].type, p.clauses[0].modifiers) for p in res.operative if p.clauses] == [
        (n.id, n.clauses[0].type, n.clauses[0].modifiers) for n in m.operative
    ]
    assert [(c.type, c.modifiers) for p in res.preamble for c in p.clauses[:1]] == [
        (t.type, t.modifiers) for t in m.preamble
    ]
    assert [(h.text, h.before) for h in res.headings] == [(h.text, h.before) for h in m.headings]
    assert res.closing == m.closing
    assert res.annexes == ()
    assert res.trailer == ()


@GENERATED
@given(mandates(footnotes=False))
def test_generated_clauses(m: Mandate) -> None:
    """Every clause of every operative paragraph: type, modifiers and addressee key."""
    res = mandiff.parse(m.text)
    got = [[(c.type, c.modifiers) for c in p.clauses] for p in res.operative]
    assert got == [[(t.type, t.modifiers) for t in n.clauses] for n in m.operative]
    for n, p in zip(m.operative, res.operative, strict=True):
        for t, c in zip(n.clauses, p.clauses, strict=True):
            if t.check_addressee:
                assert c.addressee is not None and c.addressee.key == t.addressee, (p.id, c.text, c.addressee)


@GENERATED
@given(mandates(footnotes=False))
def test_generated_text_is_exact(m: Mandate) -> None:
    """Own text of every paragraph equals what was written: lines rejoined with the
    language's joiner, furniture and soft hyphens dropped, nothing else changed."""
    res = mandiff.parse(m.text)
    assert [(p.id, p.text) for p in _nodes(res)] == [(n.id, n.text) for n in m.nodes()]


@GENERATED
@given(mandates(noise=True, footnotes=True))
def test_generated_text_is_exact_with_footnotes(m: Mandate) -> None:
    """As above, with footnote reference numbers ("report12, and" / "……，12") to remove."""
    res = mandiff.parse(m.text)
    assert [(p.id, p.text) for p in _nodes(res)] == [(n.id, n.text) for n in m.nodes()]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The Security Council,\n\n1. Welcomes the report of the Secretary-General and\n"
            "the efforts of his Special Representative in support of the\npolitical process;12\n\n"
            "2. Decides to remain seized of the matter.\n",
            "Welcomes the report of the Secretary-General and the efforts of his Special Representative"
            " in support of the political process;",
        ),
        (
            "安全理事会，\n\n 1. 请秘书长继续向安全理事会报告本决议的执行情况，包括\n\n"
            "马里当局对保护平民负有的首要责任；19\n\n 2. 决定继续积极处理此案。\n",
            "请秘书长继续向安全理事会报告本决议的执行情况，包括马里当局对保护平民负有的首要责任；",
        ),
        (
            "人权理事会，\n\n 1. 请秘书长继续向安全理事会报告本决议的执行情况，包括\n\n"
            "马里当局对保护平民负有的首要责任；19\n\n人权与问责\n\n 2. 决定继续处理此事。\n",
            "请秘书长继续向安全理事会报告本决议的执行情况，包括马里当局对保护平民负有的首要责任；",
        ),
    ],
    ids=["en-before-paragraph", "zh-before-paragraph", "zh-before-heading"],
)
def test_footnote_number_ending_a_paragraph(text: str, first: str) -> None:
    """Counterexamples the footnote properties found, kept as plain regression cases: a
    footnote number after a paragraph's last punctuation is removed, whatever the next
    line starts with (a paragraph number, or 人 of 人权), and the paragraph stays whole
    (its last line does not become a section heading)."""
    res = mandiff.parse(text)
    assert res.operative[0].text == first
    assert [h.text for h in res.headings] == (["人权与问责"] if "人权与问责" in text else [])


# ---------------------------------------------------------------------------
# Lossless segmentation
#
# What is compared: the sequence of non-whitespace characters of the operative part
# of the source, from the first operative paragraph's label to the end of the last
# paragraph's last sub-paragraph, against the same sequence rebuilt from the parse
# (each heading, then each paragraph's label + own text, depth first).
#
# Why non-whitespace: rejoining hard-wrapped lines legitimately changes whitespace
# (Chinese lines are glued with no space, English ones with one; indentation and
# blank lines go). Everything else must survive, once and in order.
#
# What the parser may drop, and nothing else: whole lines of page furniture (page
# headers, job numbers, URLs, counters: the lexicon's artifact patterns), footnote
# reference numbers, and a soft hyphen at a line end. Labels are not dropped: they
# are compared too, through ``Paragraph.label``.
# ---------------------------------------------------------------------------


def _kept_source(m: Mandate) -> str:
    start, end = m.region
    keep = [True] * (end - start)
    for a, b in m.removed:
        for i in range(max(a, start), min(b, end)):
            keep[i - start] = False
    return _nonws("".join(ch for ch, k in zip(m.text[start:end], keep, strict=True) if k))


def _truth_sequence(m: Mandate) -> str:
    heads: dict[str | None, list[str]] = {}
    for h in m.headings:
        heads.setdefault(h.before, []).append(h.text)
    out = []
    for k, root in enumerate(m.operative):
        if k:
            out.extend(heads.get(root.id, []))
        out.extend(n.label + n.text for n in root.walk())
    return _nonws("".join(out))


@GENERATED
@given(mandates())
def test_generator_truth_matches_its_own_text(m: Mandate) -> None:
    """Check of the generator, not of mandiff: the truth it claims is in its text."""
    assert _truth_sequence(m) == _kept_source(m)
    assert m.text[m.region[0] :].startswith(m.operative[0].label)


@GENERATED
@given(mandates(footnotes=False))
def test_generated_segmentation_is_lossless(m: Mandate) -> None:
    res = mandiff.parse(m.text)
    assert res.operative
    assert _operative_sequence(res, m.region[0]) == _kept_source(m)


@GENERATED
@given(mandates(noise=True, footnotes=True))
def test_generated_segmentation_is_lossless_with_footnotes(m: Mandate) -> None:
    res = mandiff.parse(m.text)
    assert res.operative
    assert _operative_sequence(res, m.region[0]) == _kept_source(m)


@cache
def _example(path: Path) -> tuple[str, Resolution]:
    text = path.read_text(encoding="utf-8")
    return text, mandiff.parse(text)


def _expected_chars(source: str, lang: str, start: int, end: int) -> list[tuple[str, bool, str]]:
    """(char, last on its line?, source after it) for the non-whitespace characters of
    ``source[start:end]`` outside whole furniture lines."""
    artifact = lexicon.load(lang).artifact_re
    out: list[tuple[str, bool, str]] = []
    pos = start
    for m in [*_BREAK.finditer(source, start, end), None]:
        stop = m.start() if m else end
        line = source[pos:stop]
        stripped = line.strip(" \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff")
        if stripped and not artifact.match(stripped.replace("\f", " ")):
            chars = [(i, ch) for i, ch in enumerate(line) if not ch.isspace()]
            for k, (i, ch) in enumerate(chars):
                out.append((ch, k == len(chars) - 1, source[pos + i + 1 : pos + i + 3]))
        if m is None:
            break
        pos = m.end()
    return out


def _align(expected: list[tuple[str, bool, str]], actual: str) -> None:
    """``actual`` must be ``expected`` minus footnote numbers and line-end soft hyphens."""
    i = j = 0
    while i < len(expected):
        ch, last, _ = expected[i]
        if j < len(actual) and ch == actual[j]:
            i, j = i + 1, j + 1
            continue
        if ch == "-" and last:
            i += 1
            continue
        k = i
        while k < len(expected) and k - i < 3 and expected[k][0].isdigit():
            k += 1
        if k > i and k < len(expected) and expected[k][0] == "/":
            k += 1
        footnote = k > i and (expected[k - 1][1] or expected[k - 1][0] == "/" or expected[k - 1][2][:1] in ",;:")
        if footnote:
            i = k
            continue
        context = "".join(c for c, _, _ in expected[max(0, i - 30) : i + 30])
        raise AssertionError(
            f"source character {ch!r} lost or changed near {context!r}; parse has {actual[max(0, j - 30) : j + 30]!r}"
        )
    assert j == len(actual), f"parse has characters not in the source: {actual[j : j + 60]!r}"


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=[p.name for p in EXAMPLE_PATHS])
def test_example_segmentation_is_lossless(path: Path) -> None:
    source, res = _example(path)
    assert res.operative, "every example is a resolution with operative paragraphs"
    start = res.operative[0].span.start
    end = max(p.span.end for p in res.operative[-1].walk())
    _align(_expected_chars(source, res.language, start, end), _operative_sequence(res, start))


# ---------------------------------------------------------------------------
# Spans and clauses
# ---------------------------------------------------------------------------


@GENERATED
@given(mandates())
def test_generated_spans_point_at_the_source(m: Mandate) -> None:
    _check_spans(m.text, mandiff.parse(m.text))


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=[p.name for p in EXAMPLE_PATHS])
def test_example_spans_point_at_the_source(path: Path) -> None:
    source, res = _example(path)
    _check_spans(source, res)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mandates(noise=False))
def test_spans_count_lines_the_way_the_parser_splits_them(m: Mandate) -> None:
    """With old Mac line endings (a lone ``\\r``) the parser still reads one line per
    ``\\r``; a span's line and column must name that same line."""
    text = m.text.replace("\r\n", "\n").replace("\n", "\r")
    res = mandiff.parse(text)
    assert len(res.operative) == len(m.operative)
    _check_spans(text, res)


@GENERATED
@given(mandates())
def test_generated_clauses_cover_paragraph_text(m: Mandate) -> None:
    res = mandiff.parse(m.text)
    for p in _paragraphs_with_clauses(res):
        _check_clause_cover(p)
        assert p.clauses, p.id


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=[p.name for p in EXAMPLE_PATHS])
def test_example_clauses_cover_paragraph_text(path: Path) -> None:
    _, res = _example(path)
    for p in _paragraphs_with_clauses(res):
        _check_clause_cover(p)


@GENERATED
@given(mandates())
def test_generated_parse_is_deterministic(m: Mandate) -> None:
    assert mandiff.parse(m.text).to_dict() == mandiff.parse(m.text).to_dict()


# ---------------------------------------------------------------------------
# Real examples under layout-only mutations
# ---------------------------------------------------------------------------


def _reading(res: Resolution) -> dict[str, object]:
    """Everything the parser read, without offsets, encoding or document symbol
    (a page header inserted by a mutation may legitimately name the symbol)."""

    def para(p: Paragraph) -> object:
        return (
            p.id,
            p.kind,
            p.label,
            p.heading,
            p.text,
            [(c.type, c.modifiers, c.verb, c.addressee, c.text) for c in p.clauses],
            [para(c) for c in p.children],
        )

    return {
        "kind": res.kind,
        "language": res.language,
        "preamble": [para(p) for p in res.preamble],
        "operative": [para(p) for p in res.operative],
        "headings": [(h.text, h.before) for h in res.headings],
        "annexes": [(a.id, a.title, [para(p) for p in a.paragraphs]) for a in res.annexes],
        "closing": res.closing,
        "trailer": res.trailer,
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_examples())
def test_layout_mutations_of_examples_read_the_same(mut: Mutated) -> None:
    """Line endings, trailing spaces, page furniture and the encoding change nothing read."""
    original = _example(EXAMPLES / mut.name)[1]
    mutated = mandiff.parse(mut.mutated)
    assert _reading(mutated) == _reading(original), mut.steps


# ---------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["en", "zh"]),
    st.integers(1900, 2100),
    st.integers(0, 19),
    st.integers(0, 39),
)
def test_adoption_date_is_a_real_iso_date_or_none(lang: str, year: int, month: int, day: int) -> None:
    """``Metadata.date`` is documented as ISO: a garbled date line must give None, not "2018-13-45"."""
    if lang == "zh":
        text = (
            f"安全理事会 {year} 年 {month} 月 {day} 日第 8298 次会议通过\n\n"
            "安全理事会，\n\n 1. 决定继续积极处理此案。\n"
        )
    else:
        name = ["Nonuary", *[datetime.date(2000, k, 1).strftime("%B") for k in range(1, 13)]][min(month, 12)]
        text = (
            f"Adopted by the Security Council at its 8298th meeting, on {day} {name} {year}\n\n"
            "The Security Council,\n\n1. Decides to remain seized of the matter.\n"
        )
    date = mandiff.parse(text).metadata.date
    if date is not None:
        assert datetime.date.fromisoformat(date).isoformat() == date
