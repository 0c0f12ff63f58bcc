"""Facts: dates, figures, durations and reporting cycles, in English and Chinese, and the mandate summary."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from compare_strategies import DATA, EXAMPLES, ZH

import mandiff
from mandiff import facts, lexicon
from mandiff.changes import Fact, FactChange


def values(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in facts.extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("decides to extend the mandate until 30 June 2019;", "en", [("date", "2019-06-30")]),
        ("ending on 31January 2021;", "en", [("date", "2021-01-31")]),  # as found in S/RES/2537
        ("by June 30, 2020 and in January 2021", "en", [("date", "2020-06-30"), ("date", "2021-01")]),
        ("决定将任务期限延至 2019 年 6 月 30 日；", "zh", [("date", "2019-06-30")]),
        ("于2018年3月22日通过", "zh", [("date", "2018-03-22")]),
        ("2020 年 3 月", "zh", [("date", "2020-03")]),
    ],
)
def test_dates(text: str, lang: str, want: list[tuple[str, str]]) -> None:
    assert values(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("至多 13 289 名军事人员", "zh", "13289", "military"),
        ("至多 13\u2009289 名军事人员", "zh", "13289", "military"),  # thin space
        ("和 1 920 名警务人员组成", "zh", "1920", "police"),
        ("composed of up to 13\u202f289 military personnel", "en", "13289", "military"),
        ("within the authorized troop ceiling of 19,815", "en", "19815", "military"),
        ("760 military observers and staff officers", "en", "760", "observers"),
        ("1,050 personnel of formed police units", "en", "1050", "formed_police"),
        ("18 suspected hazardous areas", "en", "18", None),
    ],
)
def test_figures_and_their_units(text: str, lang: str, value: str, unit: str | None) -> None:
    found = [f for f in facts.extract(text, lang) if f.kind == "figure"]
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("for a period of one year", "en", [("duration", "P1Y")]),
        ("for a further interim period of six months", "en", [("duration", "P6M")]),
        ("a twelve-month period", "en", [("duration", "P1Y")]),
        ("every three months", "en", [("cycle", "P3M")]),
        ("every 6 months", "en", [("cycle", "P6M")]),
        ("to report to it annually", "en", [("cycle", "P1Y")]),
        ("将任务延长一年", "zh", [("duration", "P1Y")]),
        ("六个月后", "zh", [("duration", "P6M")]),
        ("每三个月向安全理事会报告", "zh", [("cycle", "P3M")]),
        ("每 6 个月在其定期报告中说明", "zh", [("cycle", "P6M")]),
        ("每年", "zh", [("cycle", "P1Y")]),
    ],
)
def test_durations_and_cycles(text: str, lang: str, want: list[tuple[str, str]]) -> None:
    assert values(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("recalls its resolution 2483 (2019) and resolutions 2100 (2013)", "en"),
        ("as set out in paragraph 12 (b) below and paragraphs 14 and 15", "en"),
        ("the report S/2018/541 and S/PRST/2018/10, in 2018", "en"),
        ("the 1267/1989/2253 committee", "en"),
        ("第 2391(2017)、2374(2017)号决议", "zh"),
        ("上文第 55 至 60 段所述", "zh"),
        ("2018 年在马里举行", "zh"),  # a year, not eighteen years
    ],
)
def test_numbers_that_are_no_facts(text: str, lang: str) -> None:
    assert facts.extract(text, lang) == ()


def test_paragraph_refs_point_at_own_paragraph_numbers() -> None:
    text = "as set out in paragraph 12 (b) below"
    assert [text[s:e] for s, e in facts.paragraph_refs(text, "en")] == ["12"]
    text = "paragraphs 5 and 6 and 8"
    assert [text[s:e] for s, e in facts.paragraph_refs(text, "en")] == ["5", "6", "8"]
    assert facts.paragraph_refs("paragraph 3 of resolution 2098 (2013)", "en") == ()
    assert facts.paragraph_refs("paragraph 4 of this resolution", "en") == ((10, 11),)
    text = "上文第 55 至 60 段和下文第 38(d)段"
    assert [text[s:e] for s, e in facts.paragraph_refs(text, "zh")] == ["55", "60", "38"]
    assert facts.paragraph_refs("第 2374(2017)号决议第 3 段", "zh") == ()


def test_diff_cancels_equal_values_and_pairs_the_rest_in_order() -> None:
    old = facts.extract("until 31 July 2020, report by 10 July 2020, 13 289 troops", "en")
    new = facts.extract("until 31 January 2021, report by 10 January 2021, 13 289 troops, every six months", "en")
    changes = facts.diff(old, new)
    assert [(c.kind, c.old.value if c.old else None, c.new.value if c.new else None) for c in changes] == [
        ("date", "2020-07-31", "2021-01-31"),
        ("date", "2020-07-10", "2021-01-10"),
        ("cycle", None, "P6M"),
    ]
    assert facts.diff(old, old) == ()


def test_figures_pair_within_their_unit() -> None:
    old = facts.extract("13 289 military personnel and 1 920 police personnel", "en")
    new = facts.extract("1 920 police personnel and 15 209 military personnel", "en")
    (change,) = facts.diff(old, new)
    assert (change.old.value, change.new.value, change.old.unit) == ("13289", "15209", "military")


def test_fact_change_knows_whether_it_changed() -> None:
    a = Fact("date", "2019-06-30", "30 June 2019")
    assert not FactChange("date", a, a).changed
    assert FactChange("date", a, None).changed


@pytest.mark.parametrize(
    ("old", "new", "end", "duration"),
    [
        ("S-RES-2506-2020.en.txt", "S-RES-2537-2020.en.txt", ("2020-07-31", "2021-01-31"), None),
        ("S-RES-803-1993.en.txt", "S-RES-852-1993.en.txt", ("1993-07-31", "1994-01-31"), ("P6M", "P6M")),
        ("A-HRC-RES-49-34.en.txt", "A-HRC-RES-52-42.en.txt", None, ("P1Y", "P1Y")),
    ],
)
def test_mandate_summary_of_real_renewals(old: str, new: str, end: tuple | None, duration: tuple | None) -> None:
    summary = facts.summarize(mandiff.load(EXAMPLES / old), mandiff.load(EXAMPLES / new))
    got_end = (summary.end_date.old.value, summary.end_date.new.value) if summary.end_date else None
    got_duration = (summary.duration.old.value, summary.duration.new.value) if summary.duration else None
    assert (got_end, got_duration) == (end, duration)


def test_mandate_summary_of_monusco() -> None:
    summary = facts.summarize(
        mandiff.load(DATA / "S-RES-2098-2013.en.txt"), mandiff.load(DATA / "S-RES-2147-2014.en.txt")
    )
    assert (summary.end_date.old.value, summary.end_date.new.value) == ("2014-03-31", "2015-03-31")
    ceilings = {c.new.unit: (c.old.value if c.old else None, c.new.value) for c in summary.ceilings}
    assert ceilings["military"] == ("19815", "19815")
    assert ceilings["police"] == (None, "391")


def test_mandate_summary_of_chinese_mandates() -> None:
    minusma = mandiff.load(ZH[0])
    summary = facts.summarize(minusma, minusma)
    assert summary.end_date.old.value == "2019-06-30"
    assert {c.old.unit: c.old.value for c in summary.ceilings} == {"military": "13289", "police": "1920"}
    expert = mandiff.load(ZH[1])
    assert facts.summarize(expert, expert).duration.new.value == "P1Y"


def test_every_language_has_a_facts_table_within_the_template() -> None:
    files = resources.files("mandiff.lexicon")
    template = tomllib.loads(files.joinpath("TEMPLATE.toml").read_text(encoding="utf-8"))["facts"]
    for code in lexicon.available():
        table = tomllib.loads(files.joinpath(f"{code}.toml").read_text(encoding="utf-8"))["facts"]
        assert set(table) <= set(template), code
        assert set(table["units"]) <= {"year", "month", "week", "day"}, code
        assert all(v.startswith("P") for v in table["periodic"].values()), code
