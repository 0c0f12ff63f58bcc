"""Each rule of ``mandiff check`` on real text: its defect seeded into a Chinese and an English
resolution is found at the right line and column, and the clean text passes.
"""

from __future__ import annotations

import pytest
from check_cases import (
    clean_en,
    clean_en_refs,
    clean_hrc_zh,
    clean_zh,
    position,
    read,
    run,
    seed,
    where,
)
from conftest import SC_2423_ZH

from mandiff.check import RULES, Config, against
from mandiff.check.numbering import slips

# -- clean texts pass ---------------------------------------------------------------


@pytest.mark.parametrize("text", [clean_zh, clean_en, clean_en_refs, clean_hrc_zh], ids=lambda f: f.__name__)
def test_clean_text_passes_every_rule(text) -> None:
    assert run(text()) == ()


def test_every_single_draft_rule_is_tested_here() -> None:
    # Rules against the mandate in force are tested in test_check_against.py.
    single = set(RULES) - {rule.id for rule in against.RULES}
    tested = {name.removeprefix("test_").split("__")[0].replace("_", "-") for name in globals()}
    assert single <= tested, single - tested


# -- the real defect of seed 000 ---------------------------------------------------------


def test_seed_000_paragraph_11_ends_with_a_comma() -> None:
    text = read(SC_2423_ZH)
    findings = [f for f in run(text) if f.rule == "paragraph-end" and f.paragraph == "11"]
    assert [(f.line, f.column) for f in findings] == [position(text, "国家应急战略， ", len("国家应急战略"))]
    assert "'，'" in findings[0].message and "'；'" in findings[0].message
    assert findings[0].severity == "error"


# -- operative-numbering -----------------------------------------------------------------


def test_slips_report_one_finding_per_slip() -> None:
    assert slips([1, 2, 3]) == []
    assert slips([1, 3, 4]) == [(1, 2)]  # a paragraph deleted
    assert slips([1, 2, 2, 3]) == [(2, 3)]  # a paragraph inserted without renumbering
    assert slips([1, 2, 2, 4]) == [(2, 3)]  # a typo
    assert slips([1, 2, 7, 4]) == [(2, 3)]
    assert slips([1, None, 3]) == [(1, 2)]


def test_operative_numbering__zh_gap() -> None:
    # Paragraph 12 deleted: 13 follows 11.
    text = clean_zh()
    start = text.index(" 12. 请秘书长特别代表开展斡旋")
    end = text.index(" 13. 促请协议监测委员会")
    text = text[:start] + text[end:]
    findings = run(text)
    assert where(findings, "operative-numbering") == [position(text, "13. 促请协议监测委员会")]
    assert "paragraph 12 is missing" in next(f.message for f in findings if f.rule == "operative-numbering")


def test_operative_numbering__en_duplicate() -> None:
    # A paragraph inserted without renumbering: 4, 4, 5.
    text = seed(clean_en(), "4. Reaffirms all", "4. Calls upon the leaders to act;\n\n4. Reaffirms all")
    findings = run(text)
    assert where(findings, "operative-numbering") == [position(text, "4. Reaffirms all")]
    assert "numbered twice" in findings[[f.rule for f in findings].index("operative-numbering")].message


def test_operative_numbering__en_typo() -> None:
    # 5, 6, 6, 8: the second 6 is a typo for 7, and 8 is in order again.
    text = seed(clean_en(), "7. Calls upon the sides", "6. Calls upon the sides")
    findings = run(text)
    assert where(findings, "operative-numbering") == [position(text, "6. Calls upon the sides")]
    assert "number it 7" in next(f.message for f in findings if f.rule == "operative-numbering")


def test_operative_numbering__zh_and_en_no_paragraph_1() -> None:
    # Without a paragraph 1 the parser reads the whole operative part as preamble.
    text = seed(clean_zh(), " 1. 欢迎最近定于", " 欢迎最近定于")
    assert where(run(text), "operative-numbering") == [position(text, "2. 对各方尽管得到")]
    text = seed(clean_en(), "1. Welcomes the trilateral", "Welcomes the trilateral")
    assert where(run(text), "operative-numbering") == [position(text, "2. Further welcomes")]


# -- subparagraph-numbering ------------------------------------------------------------------


def test_subparagraph_numbering__zh_gap_in_roman_items() -> None:
    # 38(c): ㈠ ㈢ ㈣ once ㈡ is deleted.
    text = seed(clean_zh(), " ㈡ 铭记马里当局的首要责任，支持努力减少部族间紧张关系； \n", "")
    findings = run(text)
    assert where(findings, "subparagraph-numbering") == [position(text, "㈢ 支持在和平环境下举行包容")]
    assert "㈡" in next(f.message for f in findings if f.rule == "subparagraph-numbering")


def test_subparagraph_numbering__en_gap_and_duplicate() -> None:
    text = seed(clean_en(), "(c) ensure effective coordination and cooperation on criminal matters;\n\n", "")
    assert where(run(text), "subparagraph-numbering") == [position(text, "(d) promote peace")]
    text = seed(clean_en(), "(d) promote peace", "(c) promote peace")
    findings = run(text)
    assert where(findings, "subparagraph-numbering") == [position(text, "(c) promote peace")]
    assert "label it (d)" in next(f.message for f in findings if f.rule == "subparagraph-numbering")


# -- reference-target -------------------------------------------------------------------------


def test_reference_target__zh() -> None:
    text = seed(clean_zh(), "下文第 58 段", "下文第 88 段")
    assert where(run(text), "reference-target") == [position(text, "88 段")]
    text = seed(clean_zh(), "上文第 38(a)㈡段", "上文第 38(a)㈥段")
    findings = run(text)
    assert where(findings, "reference-target") == [position(text, "38(a)㈥段")]
    assert "no sub-paragraph (a)(vi)" in next(f.message for f in findings if f.rule == "reference-target")


def test_reference_target__en() -> None:
    text = seed(clean_en_refs(), "paragraph 1(a) above apply", "paragraph 1(e) above apply")
    assert where(run(text), "reference-target") == [position(text, "1(e) above apply")]
    text = seed(clean_en_refs(), "paragraph 14 below", "paragraph 94 below")
    assert where(run(text), "reference-target") == [position(text, "94 below")]


def test_reference_target__range_names_every_paragraph_between() -> None:
    # "下文第 70 至 75 段" names 70 ... 75; the text ends at 72.
    text = seed(clean_zh(), "下文第 58 段", "下文第 70 至 75 段")
    findings = run(text)
    assert where(findings, "reference-target") == [position(text, "75 段")] * 3  # 73, 74, 75


# -- reference-direction ----------------------------------------------------------------------


def test_reference_direction__zh() -> None:
    text = seed(clean_zh(), "下文第 58 段", "上文第 58 段")
    findings = run(text)
    assert where(findings, "reference-direction") == [position(text, "上文第 58 段")]
    assert "write '下文'" in next(f.message for f in findings if f.rule == "reference-direction")


def test_reference_direction__en() -> None:
    text = seed(clean_en_refs(), "paragraph 14 below", "paragraph 14 above")
    findings = run(text)
    assert where(findings, "reference-direction") == [position(text, "paragraph 14 above", len("paragraph 14 "))]
    assert "write 'below'" in next(f.message for f in findings if f.rule == "reference-direction")


# -- lead-verb, preambular-lead, operative-lead-in-preamble -----------------------------------------


def test_lead_verb__zh() -> None:
    text = seed(clean_zh(), " 10. 要求将支持", " 10. 将支持")
    findings = run(text)
    assert where(findings, "lead-verb") == [position(text, "将支持社区努力")]
    assert "'决定'" in next(f.message for f in findings if f.rule == "lead-verb")


def test_lead_verb__en() -> None:
    text = seed(clean_en(), "4. Reaffirms all its", "4. All its")
    findings = run(text)
    assert where(findings, "lead-verb") == [position(text, "All its relevant")]
    assert "'Decides'" in next(f.message for f in findings if f.rule == "lead-verb")


def test_preambular_lead__zh() -> None:
    text = seed(clean_zh(), " 10. 要求将支持", " 10. 铭记将支持")
    assert where(run(text), "preambular-lead") == [position(text, "铭记将支持")]


def test_preambular_lead__en() -> None:
    text = seed(clean_en(), "4. Reaffirms all its", "4. Reaffirming all its")
    findings = run(text)
    assert where(findings, "preambular-lead") == [position(text, "Reaffirming all its")]
    assert "'Reaffirms'" in next(f.message for f in findings if f.rule == "preambular-lead")
    assert where(findings, "lead-verb") == []


def test_operative_lead_in_preamble__zh() -> None:
    text = seed(clean_zh(), " 回顾其以往各项决议", " 决定其以往各项决议")
    assert where(run(text), "operative-lead-in-preamble") == [position(text, "决定其以往各项决议")]
    # 欢迎 opens both parts in Chinese: not a finding.
    assert where(run(clean_zh()), "operative-lead-in-preamble") == []


def test_operative_lead_in_preamble__en() -> None:
    text = seed(clean_en(), "Recalling its resolution 1325", "Recalls its resolution 1325")
    assert where(run(text), "operative-lead-in-preamble") == [position(text, "Recalls its resolution 1325")]


# -- paragraph-end ------------------------------------------------------------------------------


def test_paragraph_end__zh_preamble_and_last() -> None:
    text = seed(clean_zh(), "根据《联合国宪章》第七章采取行动， ", "根据《联合国宪章》第七章采取行动。 ")
    assert where(run(text), "paragraph-end") == [position(text, "采取行动。", 4)]
    text = seed(clean_zh(), "决定继续积极处理此案。", "决定继续积极处理此案；")
    assert where(run(text), "paragraph-end") == [position(text, "此案；", 2)]


def test_paragraph_end__en_operative_and_last_item() -> None:
    text = seed(clean_en(), "might damage the chances of success;", "might damage the chances of success,")
    findings = run(text)
    assert where(findings, "paragraph-end") == [position(text, "chances of success,", len("chances of success"))]
    # A sub-paragraph in the middle is free; the last one carries its paragraph's ending.
    text = seed(clean_en(), "cooperation on criminal matters;", "cooperation on criminal matters")
    assert where(run(text), "paragraph-end") == []
    last = "(f) increase their support to"
    line = next(i for i, ln in enumerate(clean_en().splitlines()) if ln.startswith(last))
    lines = clean_en().splitlines(keepends=True)
    assert lines[line].rstrip().endswith(";")
    lines[line] = lines[line].rstrip()[:-1] + ".\n"
    text = "".join(lines)
    assert where(run(text), "paragraph-end") == [(line + 1, len(lines[line].rstrip()))]


# -- brackets ---------------------------------------------------------------------------------


def test_brackets__zh_real_defect_and_mismatch() -> None:
    # The real slip of the Chinese 2423: "(《协议》" never closed.
    text = read(SC_2423_ZH)
    assert where(run(text), "brackets") == [position(text, "(《协议》的充")]
    text = seed(clean_zh(), "(中部地区综合安全计划)", "(中部地区综合安全计划）")
    findings = run(text)
    assert where(findings, "brackets") == [position(text, "），并敦促按照")]
    assert "write ')'" in next(f.message for f in findings if f.rule == "brackets")


def test_brackets__en() -> None:
    text = seed(clean_en(), "(S/2019/883)", "(S/2019/883")
    assert where(run(text), "brackets") == [position(text, "(S/2019/883")]
    text = seed(clean_en(), "Cyprus (S/2020/23)", "Cyprus S/2020/23)")
    assert where(run(text), "brackets") == [position(text, "S/2020/23)", len("S/2020/23"))]


# -- negotiation-marks ------------------------------------------------------------------------


def test_negotiation_marks__zh() -> None:
    text = seed(clean_zh(), "要求将支持社区努力", "要求将【全面】支持社区努力")
    assert where(run(text), "negotiation-marks") == [position(text, "【全面】")]
    text = seed(
        clean_zh(), " 12. 请秘书长特别代表开展斡旋", " 11之二. 又促请各方合作； \n\n 12. 请秘书长特别代表开展斡旋"
    )
    assert where(run(text), "negotiation-marks") == [position(text, "11之二")]


def test_negotiation_marks__en() -> None:
    text = seed(clean_en(), "at which both sides reaffirmed", "at which both sides [firmly] reaffirmed")
    assert where(run(text), "negotiation-marks") == [position(text, "[firmly]")]
    text = seed(
        clean_en(),
        "\n\n7. Calls upon the sides",
        "\n\n6 bis. Calls upon all parties to act;\n\n7. Calls upon the sides",
    )
    assert where(run(text), "negotiation-marks") == [position(text, "6 bis.")]


# -- closing-formula ---------------------------------------------------------------------------


def test_closing_formula__zh() -> None:
    text = seed(clean_zh(), "决定继续积极处理此案。", "决定审查本决议的执行情况。")
    findings = run(text)
    assert where(findings, "closing-formula") == [position(text, "执行情况。", 4)]
    assert "决定继续积极处理此案。" in next(f.message for f in findings if f.rule == "closing-formula")
    # Human Rights Council, and the option that turns the requirement off for a body.
    text = seed(clean_hrc_zh(), "决定继续处理此事。", "决定审查此事。")
    assert where(run(text), "closing-formula") != []
    config = Config(options={"closing-formula": {"bodies": ["security_council"]}})
    assert where(run(text, config), "closing-formula") == []


def test_closing_formula__en() -> None:
    text = seed(clean_en(), "18. Decides to remain seized of the matter.", "18. Decides to review the matter.")
    assert where(run(text), "closing-formula") == [position(text, "review the matter.", len("review the matter"))]
    moved = seed(clean_en(), "18. Decides to remain seized of the matter.", "18. Decides to review the matter.")
    moved = seed(
        moved,
        "17. Requests the Secretary-General to submit",
        "17. Decides to remain seized of the matter, and requests the Secretary-General to submit",
    )
    findings = run(moved)
    assert where(findings, "closing-formula") == [position(moved, "17. Decides to remain")]
    assert "move it to the end" in next(f.message for f in findings if f.rule == "closing-formula")


# -- citation-format, citation-year, citation-no-year ------------------------------------------------------


def test_citation_format__zh() -> None:
    text = seed(clean_zh(), "第 2364(2017)号决议", "第 2364(17)号决议")
    findings = run(text)
    assert where(findings, "citation-format") == [position(text, "2364(17)")]
    assert "'2364(YYYY)'" in next(f.message for f in findings if f.rule == "citation-format")


def test_citation_format__en() -> None:
    text = seed(clean_en(), "resolution 1325 (2000)", "resolution 1325(2000)")
    findings = run(text)
    assert where(findings, "citation-format") == [position(text, "1325(2000)")]
    assert "'1325 (2000)'" in next(f.message for f in findings if f.rule == "citation-format")


def test_citation_year__zh() -> None:
    # Own year 2018: a citation of 2019 cannot be.
    text = seed(clean_zh(), "第 2364(2017)号决议", "第 2364(2019)号决议")
    findings = run(text)
    assert position(text, "2364(2019)") in where(findings, "citation-year")
    # One number with two years.
    text = seed(clean_zh(), "第 2364(2017)号决议", "第 2364(2016)号决议")
    findings = run(text)
    assert where(findings, "citation-year") == [position(text, "2364(2016)")]
    assert "2017" in next(f.message for f in findings if f.rule == "citation-year")


def test_citation_year__en() -> None:
    # Numbers rise with years: 2483 cannot be older than 2453 (2019).
    text = seed(clean_en(), "resolution 2483 (2019)", "resolution 2483 (2012)")
    findings = run(text)
    assert where(findings, "citation-year") == [position(text, "2483 (2012)")]
    text = seed(clean_en(), "resolution 2483 (2019)", "resolution 2483 (2021)")
    assert where(run(text), "citation-year") == [position(text, "2483 (2021)")]


def test_citation_no_year__zh() -> None:
    text = read(SC_2423_ZH)  # real: 第 2374 号决议, elsewhere 第 2374(2017)号决议
    findings = run(text)
    assert where(findings, "citation-no-year") == [position(text, "第 2374 号决议")]
    assert findings[[f.rule for f in findings].index("citation-no-year")].severity == "note"


def test_citation_no_year__en() -> None:
    text = seed(
        clean_en(),
        "Recalls its resolution 2483 (2019), and",
        "Recalls its resolution 2483 (2019), and, as resolution 2483 asks,",
    )
    assert where(run(text), "citation-no-year") == [position(text, "resolution 2483 asks")]


# -- duplicate-paragraph -----------------------------------------------------------------------


def test_duplicate_paragraph__zh() -> None:
    text = clean_zh()
    line12 = " 12. 请秘书长特别代表开展斡旋"
    start, end = text.index(line12), text.index(" 13. 促请协议监测委员会")
    copy = text[start:end].replace(" 12. ", " 13. ", 1)
    text = text[:end] + copy + text[end:].replace(" 13. 促请协议监测委员会", " 14. 促请协议监测委员会", 1)
    findings = run(text)
    hits = [f for f in findings if f.rule == "duplicate-paragraph"]
    assert [(f.line, f.column) for f in hits] == [position(text, "13. 请秘书长特别代表开展斡旋")]
    assert "operative paragraph 12" in hits[0].message


def test_duplicate_paragraph__en() -> None:
    text = seed(
        clean_en(),
        "(e) improve the public atmosphere",
        "(e) reaffirm their political support for all Technical Committees, empower them\n\n"
        "(f) improve the public atmosphere",
    )
    text = text.replace("\n(f) increase their support", "\n(g) increase their support")
    # Not word for word: passes. Then a true repeat of (c).
    assert where(run(text), "duplicate-paragraph") == []
    text = seed(
        clean_en(),
        "(d) promote peace",
        "(d) ensure effective coordination and cooperation on criminal matters;\n\n(e) promote peace",
    )
    text = text.replace("(e) improve the", "(f) improve the").replace("(f) increase their", "(g) increase their")
    assert where(run(text), "duplicate-paragraph") == [position(text, "(d) ensure effective")]
