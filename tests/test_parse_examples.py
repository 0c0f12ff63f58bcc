"""What a correct parse of the bundled real resolutions finds (the spec's examples)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, HRC_58_30_ZH, REPERTOIRE_ZH, REPORT_ZH, SC_2423_ZH

import mandiff


@pytest.fixture(scope="module")
def sc2423() -> mandiff.Resolution:
    return mandiff.load(SC_2423_ZH)


@pytest.fixture(scope="module")
def hrc5830() -> mandiff.Resolution:
    return mandiff.load(HRC_58_30_ZH)


def _types(res: mandiff.Resolution, pid: str) -> list[str | None]:
    para = res.paragraph(pid)
    assert para is not None, pid
    return [c.type for c in para.clauses]


def test_sc2423_metadata(sc2423: mandiff.Resolution) -> None:
    assert sc2423.kind == "resolution"
    assert sc2423.language == "zh"
    assert sc2423.metadata == mandiff.Metadata(
        body="Security Council", symbol="S/RES/2423 (2018)", date="2018-06-28", meeting="8298", title=None
    )
    assert len(sc2423.operative) == 72
    assert [p.id for p in sc2423.operative] == [str(n) for n in range(1, 73)]
    assert sc2423.closing == "72"


def test_sc2423_priority_tasks_tree(sc2423: mandiff.Resolution) -> None:
    p38 = sc2423.paragraph("38")
    assert [c.id for c in p38.children] == [f"38({x})" for x in "abcdef"]
    a = sc2423.paragraph("38(a)")
    assert [c.id for c in a.children] == ["38(a)(i)", "38(a)(ii)", "38(a)(iii)", "38(a)(iv)"]
    assert [c.label for c in a.children] == ["㈠", "㈡", "㈢", "㈣"]
    dashes = sc2423.paragraph("38(a)(ii)").children
    assert [c.id for c in dashes] == [f"38(a)(ii)-{k}" for k in range(1, 6)]
    assert all(c.kind == "item" for c in dashes)
    assert [c.id for c in sc2423.paragraph("39").children] == ["39(a)", "39(b)", "39(c)"]
    # 39(c) has two unlabelled blocks under its title; both belong to it.
    assert "1526(2004)" in sc2423.paragraph("39(c)").text
    assert [c.id for c in sc2423.paragraph("70").children] == ["70(i)", "70(ii)", "70(iii)"]
    assert [c.id for c in sc2423.paragraph("4").children] == [f"4-{k}" for k in range(1, 8)]


def test_sc2423_headings(sc2423: mandiff.Resolution) -> None:
    texts = [h.text for h in sc2423.headings]
    assert texts[0] == "《马里和平与和解协议》执行情况"
    assert "马里中部局势" in texts and "优先任务" in texts and "其他任务" in texts
    assert sc2423.paragraph("38").heading == "优先任务"
    assert sc2423.paragraph("17").heading == "马里中部局势"
    assert sc2423.paragraph("24").heading == "一般性原则"
    heads = {h.text: h.before for h in sc2423.headings}
    assert heads["马里稳定团的任务"] == "24" and heads["一般性原则"] == "24"


@pytest.mark.parametrize(
    ("pid", "types"),
    [
        ("25", ["decides", "requests"]),
        ("27", ["stresses", "requests", "reaffirms"]),
        ("36", ["encourages", "encourages", "requests"]),
        ("44", ["condemns", "expresses", "urges", "demands", "acknowledges", "urges"]),
        ("53", ["authorizes", "requests"]),
        ("2", ["expresses", "stresses"]),
    ],
)
def test_sc2423_clauses(sc2423: mandiff.Resolution, pid: str, types: list[str]) -> None:
    assert _types(sc2423, pid) == types


def test_sc2423_no_split_inside_infinitive_object(sc2423: mandiff.Resolution) -> None:
    # 请秘书长特别代表开展斡旋，鼓励和支持全面执行《协议》: 鼓励和支持 is the task asked for.
    assert _types(sc2423, "12") == ["requests"]


def test_sc2423_modifiers_and_addressees(sc2423: mandiff.Resolution) -> None:
    assert sc2423.paragraph("39").clauses[0].modifiers == ("also",)
    assert sc2423.paragraph("71").clauses[0].modifiers == ("also",)
    assert sc2423.paragraph("44").clauses[0].modifiers == ("strongly",)
    assert sc2423.paragraph("5").clauses[0].addressee.key == "secretary_general"
    assert sc2423.paragraph("12").clauses[0].addressee.key == "special_representative"
    assert sc2423.paragraph("11").clauses[0].addressee.raw == "马里政府"


def test_sc2423_sub_paragraph_title_is_kept_apart(sc2423: mandiff.Resolution) -> None:
    assert sc2423.paragraph("38(b)").text.startswith("支持在中部恢复国家权威 支持在不妨碍")


def test_sc2423_page_furniture_is_gone(sc2423: mandiff.Resolution) -> None:
    p43 = sc2423.paragraph("43").text
    assert "将大大有助于" in p43
    for para in sc2423.operative:
        for p in para.walk():
            assert "undocs.org" not in p.text and "18-10687" not in p.text and "S/RES/2423" not in p.text


def test_hrc5830(hrc5830: mandiff.Resolution) -> None:
    assert hrc5830.metadata.body == "Human Rights Council"
    assert hrc5830.metadata.symbol == "A/HRC/RES/58/30"
    assert hrc5830.metadata.date == "2025-04-04"
    assert hrc5830.metadata.meeting == "59"
    assert hrc5830.metadata.title == "向马里提供人权领域的技术援助和能力建设"
    assert len(hrc5830.operative) == 31
    assert _types(hrc5830, "3") == ["calls_upon", "urges", "welcomes", "encourages"]
    assert _types(hrc5830, "16") == ["welcomes", "welcomes"]
    mods = {pid: hrc5830.paragraph(pid).clauses[0].modifiers for pid in ("2", "6", "7", "12", "26")}
    assert mods == {
        "2": ("also", "strongly"),
        "6": ("also", "strongly"),
        "7": ("again",),
        "12": ("also",),
        "26": ("also",),
    }
    assert hrc5830.paragraph("23").clauses[0].addressee is None  # decides addresses no one
    assert hrc5830.paragraph("25").clauses[0].addressee.key == "independent_expert"
    assert "[未经表决获得通过。]" in hrc5830.trailer
    # The footnote number after "报告，" is gone from the preamble.
    assert any(p.text.endswith("独立专家的报告，") for p in hrc5830.preamble)


@pytest.mark.parametrize("path", [REPORT_ZH, REPERTOIRE_ZH])
def test_non_resolutions_are_recognised(path: Path) -> None:
    res = mandiff.load(path)
    assert res.kind in {"report", "other"}
    assert res.operative == () and res.preamble == ()


def test_report_kind() -> None:
    assert mandiff.load(REPORT_ZH).kind == "report"


ENGLISH = {
    "S-RES-2506-2020.en.txt": (18, "S/RES/2506 (2020)", "2020-01-30"),
    "S-RES-2537-2020.en.txt": (19, "S/RES/2537 (2020)", "2020-07-28"),
    "A-HRC-RES-49-34.en.txt": (36, "A/HRC/RES/49/34", "2022-04-01"),
    "A-HRC-RES-52-42.en.txt": (35, "A/HRC/RES/52/42", "2023-04-04"),
    "S-RES-852-1993.en.txt": (5, "S/RES/852 (1993)", "1993-07-28"),
    "S-RES-1904-2009.en.txt": (49, "S/RES/1904 (2009)", "2009-12-17"),
}


@pytest.mark.parametrize(("name", "expected"), ENGLISH.items())
def test_english_examples(name: str, expected: tuple[int, str, str]) -> None:
    res = mandiff.load(EXAMPLES / name)
    count, symbol, date = expected
    assert (res.kind, res.language) == ("resolution", "en")
    assert len(res.operative) == count
    assert (res.metadata.symbol, res.metadata.date) == (symbol, date)
    # 852 (1993) ends on a request, without "remain seized".
    assert res.closing == (None if name.startswith("S-RES-852") else str(count))


def test_english_leads_and_modifiers() -> None:
    res = mandiff.load(EXAMPLES / "S-RES-2537-2020.en.txt")
    assert [p.clauses[0].type for p in res.operative][:4] == ["welcomes", "welcomes", "reiterates", "reaffirms"]
    assert res.paragraph("8").clauses[0].type == "calls_upon"  # "Further calls for"
    assert res.paragraph("8").clauses[0].modifiers == ("further",)
    p15 = res.paragraph("15").clauses
    assert [(c.type, c.addressee.key) for c in p15] == [("requests", "mission"), ("requests", "secretary_general")]


def test_annexes_are_kept_apart() -> None:
    res = mandiff.load(EXAMPLES / "S-RES-1904-2009.en.txt")
    assert len(res.operative) == 49
    assert [a.title.split()[0:2] for a in res.annexes] == [["Annex", "I"], ["Annex", "II"]]
    monitoring = res.annexes[0].paragraphs[0]
    assert [c.id for c in monitoring.children][:3] == ["A1.p1(a)", "A1.p1(b)", "A1.p1(c)"]
    assert len(monitoring.children) == 26
    assert res.annexes[1].paragraphs[1].id.startswith("A2.")
    assert not any("Ombudsperson shall" in p.text for p in res.operative[-3:])


def test_hard_wrapped_ocr_is_rejoined() -> None:
    res = mandiff.load(EXAMPLES / "S-RES-852-1993.en.txt")
    p1 = res.paragraph("1").text
    assert p1 == (
        "Decides to extend the present mandate of the United Nations Interim Force in Lebanon "
        "for a further interim period of six months, that is until 31 January 1994;"
    )
    assert res.paragraph("3").clauses[0].type == "emphasizes"
    assert [c.type for c in res.paragraph("3").clauses] == ["emphasizes", "calls_upon"]


def test_lang_override() -> None:
    res = mandiff.load(EXAMPLES / "S-RES-852-1993.en.txt", lang="en")
    assert res.language == "en"


def test_pdf_like_english() -> None:
    """English text as pdftotext gives it: indents, wrapped lines, page furniture mid-paragraph."""
    res = mandiff.load(Path(__file__).parent / "data" / "pdf-like.en.txt")
    assert res.metadata == mandiff.Metadata("Security Council", "S/RES/2423 (2018)", "2018-06-28", "8298", None)
    assert [p.id for p in res.operative] == [str(n) for n in range(1, 9)]
    assert res.preamble[2].text == "Taking note of the report of the Secretary-General (S/2018/541),"
    p2 = res.paragraph("2")
    assert "regularly on the preparation of" in p2.text  # hyphenation undone across the page break
    assert [c.type for c in p2.clauses] == ["requests", "requests"]
    assert p2.clauses[1].modifiers == ("also",)
    assert res.paragraph("3").text.startswith("Calls upon the Government of Mali")
    tree = [p.id for p in res.paragraph("6").walk()]
    assert tree == ["6", "6(a)", "6(a)(i)", "6(a)(ii)", "6(a)(ii)-1", "6(a)(ii)-2", "6(b)", "6(h)"]
    assert (
        res.paragraph("6(a)").text
        == "Support to the implementation of the Agreement on Peace and Reconciliation in Mali"
    )
    assert res.paragraph("5").heading == "General principles"
    assert [h.text for h in res.headings][:2] == [
        "Implementation of the Agreement on Peace and Reconciliation in Mali",
        "Mandate of MINUSMA",
    ]
    assert res.closing == "8"
    for para in res.operative:
        for p in para.walk():
            assert "18-10687" not in p.text and "S/RES/2423" not in p.text and "undocs" not in p.text


def test_label_alone_on_its_line() -> None:
    text = (
        "The Security Council,\n\n1.\nDecides to act;\n\n"
        "2.\nRequests the Secretary-General to:\n(a)\nreport;\n(b) brief;\n"
    )
    res = mandiff.parse(text)
    assert [(p.id, p.text) for p in res.operative] == [
        ("1", "Decides to act;"),
        ("2", "Requests the Secretary-General to:"),
    ]
    assert [(c.id, c.text) for c in res.paragraph("2").children] == [("2(a)", "report;"), ("2(b)", "brief;")]


def test_pdf_like_general_assembly() -> None:
    """A General Assembly resolution as pdftotext gives it: superscript footnote numbers glued to words."""
    res = mandiff.load(Path(__file__).parent / "data" / "pdf-like-ga.en.txt")
    assert res.metadata == mandiff.Metadata(
        "General Assembly",
        "A/RES/75/191",
        "2020-12-16",
        "46",
        "Situation of human rights in the Islamic Republic of Iran",
    )
    assert [p.clauses[0].type for p in res.preamble] == ["guided", "recalls", "mindful"]
    assert res.preamble[0].text.endswith("Declaration of Human Rights and the International Covenants on Human Rights,")
    assert res.paragraph("1").text == (
        "Welcomes the reports of the Secretary-General and the Special Rapporteur "
        "on the situation of human rights in the Islamic Republic of Iran;"
    )
    assert [c.id for c in res.paragraph("2").children] == ["2(a)", "2(b)"]
    assert [(c.type, c.modifiers) for c in res.paragraph("3").clauses] == [
        ("calls_upon", ()),
        ("calls_upon", ("also",)),
    ]
    assert len(res.operative) == 4 and res.closing is None
    assert "1 Resolution 217 A (III)." in res.trailer


def test_superscripts_keep_names_with_digits() -> None:
    res = mandiff.parse("The Security Council,\n\n1. Condemns the M23 and the G5 Sahel, and COVID-19 measures;\n")
    assert res.operative[0].text == "Condemns the M23 and the G5 Sahel, and COVID-19 measures;"
