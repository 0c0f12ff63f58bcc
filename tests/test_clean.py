"""Cleaning layer on real PDF-extracted text: page furniture, footnote numbers,
rejoined lines, newlines and form feeds, and spans back into the original.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, HRC_58_30_ZH, SC_2423_ZH

import mandiff
from mandiff import lexicon
from mandiff.clean import Line, clean, normalize
from mandiff.read import read

SC_852_EN = EXAMPLES / "S-RES-852-1993.en.txt"
SC_2506_EN = EXAMPLES / "S-RES-2506-2020.en.txt"
SC_1904_EN = EXAMPLES / "S-RES-1904-2009.en.txt"
ALL_EXAMPLES = sorted(EXAMPLES.glob("*.txt"))
SPAN_FILES = [SC_2423_ZH, HRC_58_30_ZH, SC_852_EN, SC_2506_EN, SC_1904_EN]

# Chinese punctuation that a sub-paragraph *title* line never holds.
_ZH_PUNCT = "，。；：、？！"
_SPACE = " \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"  # what PDF extraction pads lines with
_NON_ASCII_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")
_OLD_FOOTNOTE = re.compile(r"(?<![\w/])\d{1,2}/(?=\s|$)")


@functools.cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@functools.cache
def _parsed(path: Path) -> mandiff.Resolution:
    return mandiff.parse(_text(path))


@functools.cache
def _lines(path: Path) -> tuple[Line, ...]:
    res = _parsed(path)
    return tuple(clean(_text(path), lexicon.load(res.language)))


def _all_paragraphs(res: mandiff.Resolution) -> list[mandiff.Paragraph]:
    annexed = [p for a in res.annexes for top in a.paragraphs for p in top.walk()]
    return [*res.preamble, *(p for top in res.operative for p in top.walk()), *annexed]


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, counting newlines by hand."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _line_of(lines: tuple[Line, ...], number: int) -> Line:
    found = [ln for ln in lines if ln.number == number]
    assert len(found) == 1, f"no Line numbered {number}"
    return found[0]


# -- Line objects --------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.stem)
def test_line_invariants(path: Path) -> None:
    """Every non-blank physical line comes back once, in order, with its number and offsets.

    Blank lines may be left out (they carry nothing); if present they keep no text.
    """
    text = _text(path)
    lines = _lines(path)
    physical = re.split(r"\r\n|\r|\n", text)
    numbers = [ln.number for ln in lines]
    assert numbers == sorted(set(numbers)), "line numbers must be unique and increasing"
    non_blank = [n for n, raw in enumerate(physical, 1) if raw.strip(_SPACE)]
    assert set(non_blank) <= set(numbers), "a non-blank line is missing"
    for ln in lines:
        raw = physical[ln.number - 1]
        assert text[ln.start : ln.end] == raw, f"line {ln.number}: offsets do not match the line"
        assert ln.text == "".join(text[a:b] for a, b in ln.ranges)
        for a, b in ln.ranges:
            assert ln.start <= a < b <= ln.end
            assert text[a] not in _SPACE and text[b - 1] not in _SPACE, f"line {ln.number}: range keeps spaces"
        if ln.artifact:
            assert ln.ranges == () and ln.text == ""
        if ln.ranges:
            assert ln.indent == len(raw) - len(raw.lstrip(_SPACE)), f"line {ln.number}: indent"
        if not raw.strip(_SPACE):
            assert ln.ranges == () and not ln.artifact


def test_page_header_and_url_lines_are_artifacts() -> None:
    text = _text(SC_2423_ZH)
    lines = _lines(SC_2423_ZH)
    header = _line_of(lines, 750)
    job = _line_of(lines, 754)
    assert text[header.start : header.end].strip() == "S/RES/2423 (2018)"
    assert text[job.start : job.end].strip() == "18-10687 (C) 12/16"
    urls = [ln for ln in lines if text[ln.start : ln.end].strip().startswith("https://undocs.org/")]
    assert [ln.number for ln in urls] == [256, 398, 745, 746, 747, 828, 829, 830, 1037, 1038, 1039]
    for ln in [header, job, *urls]:
        assert ln.artifact, f"line {ln.number} should be page furniture"
        assert ln.ranges == () and ln.text == ""
    # The text lines on either side of the page break are kept.
    assert _line_of(lines, 743).text.endswith("特别是改革和重组马里国防和安全部队，将")
    assert _line_of(lines, 758).text.startswith("大大有助于马里的稳定")
    assert not _line_of(lines, 758).artifact


@pytest.mark.parametrize("furniture", ["undocs.org", "https://", "18-10687", "12/16", "S/RES/2423"])
def test_artifact_text_is_in_no_paragraph(furniture: str) -> None:
    res = _parsed(SC_2423_ZH)
    holders = [p.id for p in _all_paragraphs(res) if furniture in p.text]
    holders += [f"heading {h.text}" for h in res.headings if furniture in h.text]
    holders += [f"trailer {t}" for t in res.trailer if furniture in t]
    for p in res.operative:
        for c in p.clauses:
            if furniture in c.text:
                holders.append(f"clause of {p.id}")
    assert holders == []


def test_paragraph_43_is_continuous_across_the_page_break() -> None:
    para = _parsed(SC_2423_ZH).paragraph("43")
    assert para is not None
    assert para.text == (
        "申明根据《协议》的规定并按照相关国际人权法和国际人道主义法，在马里全境逐步恢复和扩展国家权力，"
        "特别是改革和重组马里国防和安全部队，将大大有助于马里的稳定，制止恐怖主义威胁，"
        "从而便利马里稳定团完成在马里实现稳定的任务；"
    )
    assert "将大大有助于" in para.text
    assert (para.span.line, para.span.column) == (741, 2)
    assert para.span.end_line == 760
    assert para.clauses and para.clauses[0].type is not None


def test_paragraph_71_is_continuous_across_url_lines() -> None:
    para = _parsed(SC_2423_ZH).paragraph("71")
    assert para is not None
    assert "鼓励在这个综合战略框架中纳入一项过渡计划，以便根据国家工作队任务规定" in para.text
    assert "http" not in para.text


def test_footnote_number_after_report_is_cut() -> None:
    text = _text(HRC_58_30_ZH)
    line = _line_of(_lines(HRC_58_30_ZH), 49)
    raw = text[line.start : line.end]
    assert raw.rstrip() == "注意到马里人权状况独立专家的报告，1"
    one = line.start + raw.rindex("1")
    assert all(not (a <= one < b) for a, b in line.ranges), "the footnote number must be cut out"
    assert line.text == "注意到马里人权状况独立专家的报告，"

    res = _parsed(HRC_58_30_ZH)
    noting = [p for p in res.preamble if "独立专家的报告" in p.text]
    assert len(noting) == 1
    para = noting[0]
    assert para.text == "注意到马里人权状况独立专家的报告，"
    assert para.span.end <= one
    assert not any(p.text.startswith("1") for p in res.preamble)
    following = res.preamble[res.preamble.index(para) + 1]
    assert following.text.startswith("注意到 2023 年 7 月 22 日颁布了")


def test_year_before_a_unit_is_not_taken_for_a_footnote() -> None:
    """A number before 年 is a year, not a footnote: "，2013" and "、2017" end lines before "年 3 月"."""
    res = _parsed(HRC_58_30_ZH)
    recalling = next(p for p in res.preamble if p.text.startswith("还回顾理事会 2012 年"))
    assert "，2013年 3 月 21 日关于设立马里人权状况独立专家任务" in recalling.text
    assert "、2017年 3 月 24 日第 34/39 号" in recalling.text
    assert "第 55/25号决议，" in recalling.text


# -- rejoining broken lines -------------------------------------------------------


def test_chinese_lines_are_joined_without_a_space() -> None:
    res = _parsed(SC_2423_ZH)
    para = res.paragraph("2")
    assert para is not None
    # Source: "...对《协议》关键条款迟迟无法得\n\n到充分执行..." style breaks; none may leave a space.
    assert "\n" not in para.text
    for p in _all_paragraphs(res):
        assert "\n" not in p.text and "\r" not in p.text
    hrc = _parsed(HRC_58_30_ZH)
    reaffirming = next(p for p in hrc.preamble if p.text.startswith("重申所有国家"))
    assert reaffirming.text == (
        "重申所有国家对尊重、促进、保护和落实《宪章》、《世界人权宣言》、国际人权两公约及本国加入的"
        "其他相关国际人权文书中规定的人权和基本自由负有主要责任，"
    )


@pytest.mark.parametrize("path", [SC_2423_ZH, HRC_58_30_ZH], ids=lambda p: p.stem)
def test_no_space_inserted_at_chinese_line_breaks(path: Path) -> None:
    """A space between two CJK characters must come from the source, or follow a
    sub-paragraph *title* line (no punctuation), which is documented in spans.BREAK."""
    source = _text(path)
    bad = []
    for p in _all_paragraphs(_parsed(path)):
        for m in _NON_ASCII_SPACE.finditer(p.text):
            window = p.text[m.start() - 1 : m.end() + 1]
            title = not any(ch in _ZH_PUNCT for ch in p.text[: m.start()])
            if window not in source and not title:
                bad.append(f"{p.id}: {p.text[max(0, m.start() - 8) : m.end() + 6]!r}")
    assert bad == [], f"{len(bad)} paragraphs have a space inserted at a line break: {bad}"


@pytest.mark.parametrize(
    ("pid", "joined"),
    [
        ("4-2", "规定将分散的国家部门移交给"),
        ("38(a)(i)", "机构改革，尤其是支持政府努力"),
        ("38(a)(ii)", "国防和安全措施，尤其是："),
        ("59-1", "包括监视和监测能力，"),
    ],
    ids=["4-2", "38(a)(i)", "38(a)(ii)", "59-1"],
)
def test_subparagraph_first_line_joined_without_space(pid: str, joined: str) -> None:
    para = _parsed(SC_2423_ZH).paragraph(pid)
    assert para is not None
    assert joined in para.text, f"{pid}: {para.text[:60]!r}"


def test_subparagraph_title_line_is_kept_apart() -> None:
    """The title line "(b) 支持在中部恢复国家权威" is joined to its body with one space, by design."""
    para = _parsed(SC_2423_ZH).paragraph("38(b)")
    assert para is not None
    assert para.text.startswith("支持在中部恢复国家权威 支持在不妨碍基本维和原则的情况下")


def test_english_hard_wrapped_lines_are_joined_with_one_space() -> None:
    res = _parsed(SC_852_EN)
    assert res.paragraph("1").text == (
        "Decides to extend the present mandate of the United Nations Interim Force in Lebanon "
        "for a further interim period of six months, that is until 31 January 1994;"
    )
    assert res.paragraph("5").text == (
        "Requests the Secretary-General to continue consultations with the Government of Lebanon and other "
        "parties directly concerned with the implementation of the present resolution and to report to the "
        "Security Council thereon."
    )
    for p in _all_paragraphs(res):
        assert "\n" not in p.text and "  " not in p.text, p.id
        assert p.text == p.text.strip()


def test_english_inline_footnote_is_removed() -> None:
    res = _parsed(SC_852_EN)
    assert res.preamble[1].text == (
        "Having studied the report of the Secretary~General on the United Nations Interim Force in Lebanon "
        "of 20 July 1993, and taking note of the observations expressed therein,"
    )
    assert res.preamble[2].text.endswith("addressed to the Secretary-General,")
    # The cut leaves the original untouched and the ranges around it.
    text = _text(SC_852_EN)
    line = next(ln for ln in _lines(SC_852_EN) if "1993, 1/ and" in text[ln.start : ln.end])
    ref = text.index("1/ and", line.start)
    assert all(not (a <= ref < b) for a, b in line.ranges)


def test_english_old_style_footnote_refs_are_removed_everywhere() -> None:
    """852 has "1993, 1/", "Secretary-General, 2/" and "1978, 3/" (the last one before "approved")."""
    res = _parsed(SC_852_EN)
    left = {p.id: _OLD_FOOTNOTE.findall(p.text) for p in _all_paragraphs(res) if _OLD_FOOTNOTE.search(p.text)}
    for p in res.operative:
        for c in p.clauses:
            if _OLD_FOOTNOTE.search(c.text):
                left[f"{p.id} clause"] = _OLD_FOOTNOTE.findall(c.text)
    assert left == {}, f"footnote references left in paragraph text: {left}"


def test_english_old_style_footnote_before_lowercase_line() -> None:
    para = _parsed(SC_852_EN).paragraph("3")
    assert para is not None
    assert "of 19 March 1978, approved by resolution 426 (1978)" in para.text


SYNTHETIC_EN = """RESOLUTION 9999 (2030)

Adopted by the Security Council at its 9999th meeting, on 1 January 2030

The Security Council,

Recalling its previous resolutions on United Nations peace-
keeping operations,

1. Requests the Secretary-
General to report on the peace-
keeping operation every six months;

2. Decides to remain seized of the matter.
"""


def test_line_end_hyphenation() -> None:
    res = mandiff.parse(SYNTHETIC_EN)
    assert res.preamble[0].text == "Recalling its previous resolutions on United Nations peacekeeping operations,"
    para = res.paragraph("1")
    assert para is not None
    assert para.text == "Requests the Secretary-General to report on the peacekeeping operation every six months;"
    clause = para.clauses[0]
    assert clause.type == "requests"
    assert clause.addressee is not None and clause.addressee.key == "secretary_general"
    # The span still covers the original, hyphens and newlines included.
    original = SYNTHETIC_EN[para.span.start : para.span.end]
    assert original.startswith("1. Requests the Secretary-\nGeneral")
    assert original.endswith("every six months;")


def test_hyphenation_across_a_form_feed_page_break() -> None:
    text = SYNTHETIC_EN.replace("the peace-\nkeeping operation", "the peace-\n\fkeeping operation")
    para = mandiff.parse(text).paragraph("1")
    assert para is not None
    assert para.text == "Requests the Secretary-General to report on the peacekeeping operation every six months;"


def test_chinese_keeps_line_end_hyphens() -> None:
    """Chinese has no hyphenation: a hyphen at the end of a line is text."""
    text = (
        "安全理事会，\n\n1. 决定将 MINUSMA-\n\n2 的任务期限延长至 2019 年 6 月 30 日；\n\n2. 决定继续积极处理此案。\n"
    )
    para = mandiff.parse(text).paragraph("1")
    assert para is not None
    assert "MINUSMA-2 的任务期限" in para.text


# -- form feeds and newlines -------------------------------------------------------


def _signature(res: mandiff.Resolution) -> list[tuple[str, tuple[str | None, ...], str]]:
    return [(p.id, tuple(c.type for c in p.clauses), p.text) for p in _all_paragraphs(res)]


def test_form_feed_before_page_header_same_length() -> None:
    """pdftotext starts each page with \\f; here it replaces a trailing space, so offsets do not move."""
    text = _text(SC_2423_ZH)
    assert text.count("\nS/RES/2423 (2018)  \n") == 1
    fed = text.replace("\nS/RES/2423 (2018)  \n", "\n\fS/RES/2423 (2018) \n")
    assert len(fed) == len(text)
    base, res = _parsed(SC_2423_ZH), mandiff.parse(fed)
    assert _signature(res) == _signature(base)
    assert [p.span for p in res.operative] == [p.span for p in base.operative]
    assert _line_of(tuple(clean(fed, lexicon.load("zh"))), 750).artifact


def test_form_feed_at_start_of_a_text_line() -> None:
    text = _text(SC_2423_ZH)
    fed = text.replace("\n大大有助于马里的稳定", "\n\f大大有助于马里的稳定")
    assert len(fed) == len(text) + 1
    base, res = _parsed(SC_2423_ZH), mandiff.parse(fed)
    assert _signature(res) == _signature(base)
    assert [p.span.line for p in res.operative] == [p.span.line for p in base.operative]
    assert res.paragraph("44").span.start == base.paragraph("44").span.start + 1
    assert "将大大有助于" in res.paragraph("43").text


def test_form_feed_lines_between_paragraphs() -> None:
    text = _text(SC_852_EN).replace("\n\n2. Reiterates", "\n\f\n2. Reiterates")
    res = mandiff.parse(text)
    assert _signature(res) == _signature(_parsed(SC_852_EN))
    assert res.paragraph("2").span.line == _parsed(SC_852_EN).paragraph("2").span.line
    feed = res.paragraph("2").span.line - 1
    assert text.split("\n")[feed - 1] == "\f"
    for ln in clean(text, lexicon.load("en")):
        if ln.number == feed:
            assert ln.ranges == () and not ln.artifact


@pytest.mark.parametrize("path", [SC_2423_ZH, HRC_58_30_ZH, SC_852_EN], ids=lambda p: p.stem)
def test_crlf_gives_same_ids_and_line_numbers(path: Path) -> None:
    text = _text(path)
    crlf = text.replace("\n", "\r\n")
    base, res = _parsed(path), mandiff.parse(crlf)
    assert _signature(res) == _signature(base)
    for a, b in zip(_all_paragraphs(res), _all_paragraphs(base), strict=True):
        assert (a.span.line, a.span.column, a.span.end_line, a.span.end_column) == (
            b.span.line,
            b.span.column,
            b.span.end_line,
            b.span.end_column,
        ), a.id
        assert crlf[a.span.start : a.span.end].replace("\r\n", "\n") == text[b.span.start : b.span.end]
    lines = clean(crlf, lexicon.load(res.language))
    assert len(lines) == len(_lines(path))
    for ln in lines:
        assert "\r" not in crlf[ln.start : ln.end]


def test_crlf_bytes_via_load(tmp_path: Path) -> None:
    target = tmp_path / "crlf.txt"
    target.write_bytes(_text(SC_2423_ZH).replace("\n", "\r\n").encode("utf-8"))
    res = mandiff.load(target)
    assert _signature(res) == _signature(_parsed(SC_2423_ZH))
    assert res.paragraph("43").span.line == 741


@pytest.mark.parametrize("path", [SC_2423_ZH, SC_852_EN], ids=lambda p: p.stem)
def test_cr_only_line_numbers_agree_with_clean(path: Path) -> None:
    """clean() splits on a lone \\r (old Mac files); spans must count the same lines."""
    text = _text(path).replace("\n", "\r")
    res = mandiff.parse(text)
    assert _signature(res) == _signature(_parsed(path))
    wrong = [
        (p.id, p.span.line, b.span.line)
        for p, b in zip(_all_paragraphs(res), _all_paragraphs(_parsed(path)), strict=True)
        if p.span.line != b.span.line
    ]
    assert wrong == [], f"{len(wrong)} spans give the wrong line for \\r line ends, e.g. {wrong[:3]}"


# -- spans ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SPAN_FILES, ids=lambda p: p.stem)
def test_operative_spans_start_with_label_and_agree_with_line_counts(path: Path) -> None:
    source = read(path).text
    res = mandiff.load(path)
    checked = 0
    for top in res.operative:
        for p in top.walk():
            span = p.span
            segment = source[span.start : span.end]
            assert p.label, p.id
            assert segment.startswith(p.label), f"{p.id}: span starts {segment[:12]!r}, label {p.label!r}"
            assert (span.line, span.column) == _position(source, span.start), p.id
            last = _position(source, span.end - 1)
            assert (span.end_line, span.end_column) == (last[0], last[1] + 1), p.id
            assert not segment[-1].isspace(), f"{p.id}: span ends in whitespace"
            for clause in p.clauses:
                assert span.start <= clause.span.start < clause.span.end <= span.end, f"{p.id}: clause outside"
                assert (clause.span.line, clause.span.column) == _position(source, clause.span.start)
            checked += 1
    assert checked >= len(res.operative) > 0


@pytest.mark.parametrize("path", [SC_2423_ZH, HRC_58_30_ZH, SC_852_EN], ids=lambda p: p.stem)
def test_clause_text_is_in_its_span(path: Path) -> None:
    """A clause's first and last characters are the first and last of its span."""
    source = _text(path)
    for top in _parsed(path).operative:
        for clause in top.clauses:
            seg = source[clause.span.start : clause.span.end]
            assert seg[:1] == clause.text[:1] and seg[-1:] == clause.text[-1:], f"{top.id}: {clause.text[:20]!r}"


def test_label_forms_in_spans() -> None:
    source = _text(SC_2423_ZH)
    res = _parsed(SC_2423_ZH)
    for pid, label in [("38", "38."), ("38(a)", "(a)"), ("38(a)(ii)", "㈡"), ("38(a)(ii)-3", "-")]:
        para = res.paragraph(pid)
        assert para is not None
        assert para.label == label
        assert source[para.span.start : para.span.end].startswith(label)


def test_spans_with_bom_index_the_decoded_text() -> None:
    data = b"\xef\xbb\xbf" + _text(HRC_58_30_ZH).encode("utf-8")
    source = read(data).text
    res = mandiff.parse(data)
    for top in res.operative:
        assert source[top.span.start : top.span.end].startswith(top.label)
        assert (top.span.line, top.span.column) == _position(source, top.span.start)


# -- normalize ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("（ａ）“Ｘ”  y", '(a)"X" y'),
        ("第３８段", "第38段"),
        ("‘peace’ „x“", "'peace' \"x\""),
        ("「和平契约」『协议』", '"和平契约""协议"'),
        ("\u3000 支持\u3000\u3000执行\t\n《协议》 ", "支持 执行 《协议》"),
        ("ＭＩＮＵＳＭＡ，ＵＮ", "MINUSMA,UN"),
        ("Secretary-General\u00a0report", "Secretary-General report"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_real_paragraphs() -> None:
    res = _parsed(SC_2423_ZH)
    para = res.paragraph("5")
    assert para is not None
    assert "“和平契约”" in para.text
    assert '"和平契约"' in normalize(para.text)
    for p in _all_paragraphs(res):
        once = normalize(p.text)
        assert normalize(once) == once, p.id
        assert "  " not in once and "“" not in once and "”" not in once
