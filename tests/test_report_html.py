"""The HTML report, read back with lxml: structure, counts, anchors, escaping,
``--only``, Chinese, the Jupyter fragment, and golden files.

``MANDIFF_REGEN_GOLDEN=1 pytest tests/test_report_html.py`` rewrites
``tests/golden/<case>.expected.html`` for every ``<case>.old.txt`` there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES
from lxml import html as lxml_html

import mandiff
from mandiff.changes import (
    STATUSES,
    TAGS,
    ClauseChange,
    Fact,
    FactChange,
    MandateDiff,
    MandateSummary,
    ParagraphChange,
    PreambleSummary,
    TextOp,
)
from mandiff.model import Clause, Metadata, Span
from mandiff.report import RenderOptions, render, selected
from mandiff.report.html import anchor_id, render_fragment, render_html
from mandiff.report.html_assets import SCRIPT

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name.removesuffix(".old.txt") for p in GOLDEN.glob("*.old.txt"))
OLD_2506 = EXAMPLES / "S-RES-2506-2020.en.txt"
NEW_2537 = EXAMPLES / "S-RES-2537-2020.en.txt"
HOSTILE = '<script>alert(1)</script> </table> <img src=x onerror=alert(2)> &amp; "q"'
"""Text a resolution could hold that must reach the page as text."""


def hostile_pair() -> tuple[str, str]:
    """UNFICYP 2506 → 2537 with markup written into new paragraph 3 (shared with the browser test)."""
    new = NEW_2537.read_text(encoding="utf-8")
    anchor = "Reiterates its call for a reduction of tensions"
    assert anchor in new
    return OLD_2506.read_text(encoding="utf-8"), new.replace(anchor, f"Reiterates its call {HOSTILE} for a reduction")


@pytest.fixture(scope="module")
def diffs() -> Callable[[str], MandateDiff]:
    cache: dict[str, MandateDiff] = {}

    def get(name: str) -> MandateDiff:
        if name not in cache:
            if name == "drc":
                cache[name] = mandiff.compare(DATA / "S-RES-2098-2013.en.txt", DATA / "S-RES-2147-2014.en.txt")
            elif name == "hostile":
                cache[name] = mandiff.compare(*hostile_pair())
            else:
                cache[name] = mandiff.compare(GOLDEN / f"{name}.old.txt", GOLDEN / f"{name}.new.txt")
        return cache[name]

    return get


def _page(diff: MandateDiff, options: RenderOptions | None = None) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render(diff, "html", options))


def _articles(page: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return page.xpath("//main[@class='changes']//article[contains(concat(' ', @class, ' '), ' change ')]")


@pytest.mark.parametrize("case", CASES)
def test_golden_html(case: str, diffs: Callable[[str], MandateDiff]) -> None:
    got = render(diffs(case), "html")
    expected = GOLDEN / f"{case}.expected.html"
    if os.environ.get("MANDIFF_REGEN_GOLDEN") == "1":
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"run MANDIFF_REGEN_GOLDEN=1 pytest {__file__} to create {expected.name}"
    assert got == expected.read_text(encoding="utf-8"), f"HTML of {case} changed; regenerate if intended"


def test_page_is_self_contained(diffs: Callable[[str], MandateDiff]) -> None:
    out = render(diffs("unficyp-2020"), "html")
    assert out.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = lxml_html.document_fromstring(out)
    assert page.xpath("//head/meta/@charset") == ["utf-8"]
    assert page.findtext(".//title") == "mandiff: S/RES/2506 (2020) → S/RES/2537 (2020)"
    # Nothing is fetched: no external script, style sheet, font or image.
    assert not page.xpath("//script[@src] | //link | //img | //iframe | //object")
    assert "@import" not in out and "url(" not in out and "http" not in page.findtext(".//style")
    assert [s.text for s in page.xpath("//script")] == [SCRIPT]
    assert "@media print" in page.findtext(".//style")


def test_summary_table_has_both_documents_and_the_mandate(diffs: Callable[[str], MandateDiff]) -> None:
    page = _page(diffs("minusma-zh-mutated"))
    rows = [
        (tr.get("data-field"), tr.get("class"), [td.text_content() for td in tr.xpath("td")])
        for tr in page.xpath("//table[@class='meta']//tr[@data-field]")
    ]
    assert ("symbol", None, ["S/RES/2423 (2018)", "S/RES/2480 (2019)"]) in rows
    assert ("adopted", None, ["2018-06-28", "2019-06-28"]) in rows
    assert ("end_date", "moved", ["2019 年 6 月 30 日", "2020 年 6 月 30 日"]) in rows
    assert ("ceiling", "moved", ["13 289", "13 250"]) in rows
    assert ("ceiling", "same", ["1 920", "1 920"]) in rows


@pytest.mark.parametrize("name", ["drc", "unficyp-2020", "minusma-zh-mutated"])
def test_summary_counts_equal_the_model(name: str, diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs(name)
    page = _page(diff)
    got: dict[str, dict[str, dict[str, int]]] = {"operative": {}, "preamble": {}}
    for group in ("statuses", "tags"):
        for column in got:
            got[column][group] = {
                tr.get("data-kind"): int(tr.xpath(f"td[contains(@class, '{column}')]")[0].text)
                for tr in page.xpath(
                    f"//table[contains(@class, 'counts') and contains(@class, '{group}')]//tr[@data-kind]"
                )
            }
    assert got["operative"] == diff.summary()
    assert got["preamble"] == diff.preamble.counts()


@pytest.mark.parametrize("name", ["drc", "unficyp-2020", "minusma-zh-mutated"])
def test_every_selected_change_appears_with_its_ids(name: str, diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs(name)
    page = _page(diff)
    articles = _articles(page)
    operative = [a for a in articles if "preamble" not in a.getparent().get("class")]
    listed = selected(diff, RenderOptions())
    assert [(a.get("data-old") or None, a.get("data-new") or None) for a in operative] == [
        (c.old, c.new) for c in listed
    ]
    for article, change in zip(operative, listed, strict=True):
        assert article.get("data-status") == change.status
        assert article.get("data-tags").split() == list(change.tags)
        head = article.find_class("ids")[0].text
        assert all(pid in head for pid in (change.old, change.new) if pid)
        if change.status == "changed":
            # The redline holds exactly the ops: old side equal + delete, new side equal + insert.
            old_side, new_side = (
                article.xpath(f".//div[@class='side {s}']/p")[0].text_content() for s in ("old", "new")
            )
            assert old_side == "".join(op.text for op in change.ops if op.op != "insert")
            assert new_side == "".join(op.text for op in change.ops if op.op != "delete")
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "anchors must be unique"
    # Navigation points at sections that exist.
    for href in page.xpath("//nav//a/@href"):
        assert page.xpath(f"//*[@id='{href[1:]}']"), href


def test_anchors_are_safe_and_removed_paragraphs_use_old(diffs: Callable[[str], MandateDiff]) -> None:
    assert anchor_id("new", "38(a)(ii)") == "new-38_a_ii"
    assert anchor_id("old", "A2.1(a)") == "old-A2.1_a"
    assert anchor_id("new", "4-1") == "new-4-1"
    page = _page(diffs("minusma-zh-mutated"))
    removed = page.xpath("//article[@data-status='removed']")
    assert [a.get("id") for a in removed] == ["old-11"]
    assert removed[0].find_class("ids")[0].get("href") == "#old-11"
    added = page.xpath("//article[@data-status='added']")
    assert [a.get("id") for a in added] == ["new-23"]


def test_chinese_report_is_marked_zh_and_grouped_by_heading(diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs("minusma-zh-mutated")
    out = render(diff, "html")
    page = lxml_html.document_fromstring(out)
    assert page.get("lang") == "zh" and out.startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert page.xpath("//div[@class='mandiff']/@lang") == ["zh"]
    headings = [h.text for h in page.xpath("//section[contains(@class, 'group')]/h2")]
    assert headings[:2] == ["《马里和平与和解协议》执行情况", "马里中部局势"]
    assert [a.text for a in page.xpath("//nav//li/a")][1:3] == headings[:2]
    # Character-level redline: 请 → 鼓励 in paragraph 5 (weakened, with a down arrow on the clause).
    five = page.xpath("//article[@id='new-5']")[0]
    assert [d.text for d in five.iter("del")] == ["请"] and [i.text for i in five.iter("ins")] == ["鼓励"]
    assert "requests ↓ encourages" in five.find_class("clauses")[0].text_content()
    assert "CJK" in page.findtext(".//style") and ":lang(zh)" in page.findtext(".//style")


def test_hostile_text_is_escaped(diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs("hostile")
    out = render(diff, "html")
    assert "<script>alert" not in out and "<img" not in out and "</table> " not in out
    page = lxml_html.document_fromstring(out)
    assert len(page.xpath("//script")) == 1 and not page.xpath("//img")
    assert len(page.xpath("//table")) == 3
    assert all(a.getparent().tag == "section" for a in page.xpath("//article"))
    three = page.xpath("//article[@id='new-3']")[0]
    assert HOSTILE in three.xpath(".//div[@class='side new']/p")[0].text_content()
    assert len(_articles(page)) == len(selected(diff, RenderOptions())) + len(
        [c for c in diff.preamble.changes if c.status != "unchanged" or c.tags]
    )


def _meta(symbol: str) -> Metadata:
    return Metadata("Security Council", symbol, "2000-01-01", "1", None)


def _span() -> Span:
    return Span(0, 1, 1, 1, 1, 2)


def _synthetic() -> MandateDiff:
    """Every status and tag, a merge that repeats a new id, controls characters and markup in every text field."""
    bad = 'x\x00y\x0c <b>"&'
    clause_old = Clause("encourages", (), "Encourages", None, "Encourages", _span())
    clause_new = Clause("requests", ("also",), "Also requests", None, "Also requests", _span())
    changes = [
        ParagraphChange(
            old="1",
            new="1",
            kind="operative",
            status="changed",
            tags=TAGS,
            similarity=0.999,
            old_text=f"old {bad}",
            new_text=f"new {bad}",
            ops=(TextOp("equal", "Text "), TextOp("delete", bad), TextOp("insert", "</p>")),
            facts=(FactChange("figure", Fact("figure", "1", "one", "military"), None),),
            clauses=(
                ClauseChange("changed", ("strengthened",), clause_old, clause_new, 0, 0, 1, 3),
                ClauseChange("added", (), None, clause_new, None, 1, None, 3),
            ),
            related=("2", "99"),
            heading=f"Heading {bad}",
            lead="requests",
        ),
        ParagraphChange("2", "1", "operative", "changed", ("merged",), 0.5, "a", "b", related=("1",)),
        ParagraphChange("3", None, "subparagraph", "removed", (), 0.0, "gone", None, heading="Other"),
        ParagraphChange(None, "4(a)(ii)", "subparagraph", "added", (), 0.0, None, "new", heading="Other"),
        ParagraphChange("5", "5", "operative", "unchanged", (), 1.0, "same", "same", heading="Other"),
    ]
    mandate = MandateSummary(None, None, (FactChange("figure", None, Fact("figure", "5", "5", "police")),))
    return MandateDiff("en", _meta(f"S/RES/1 {bad}"), _meta("S/RES/2"), mandate, PreambleSummary(()), tuple(changes))


def test_every_kind_renders_and_control_characters_do_not_break_it() -> None:
    diff = _synthetic()
    page = lxml_html.document_fromstring(render(diff, "html", RenderOptions(unchanged=True)))
    text = page.text_content()
    assert 'x\ufffdy\ufffd <b>"&' in text and "\x00" not in text
    assert {a.get("data-status") for a in _articles(page)} == set(STATUSES)
    badges = {b.text for b in page.xpath("//article//header/span[contains(@class, 'tag')]")}
    assert badges == {t.replace("_", " ") + {"strengthened": " ↑", "weakened": " ↓"}.get(t, "") for t in TAGS}
    first = page.xpath("//article")[0]
    assert "similarity 99%" in first.text_content()
    clauses = [b.text for b in first.find_class("clause")]
    assert clauses == ["encourages ↑ also requests", "+ also requests"]
    assert "up" in first.find_class("clause")[0].get("class").split()
    facts = [" ".join(li.text_content().split()) for li in first.xpath(".//ul[@class='facts']/li")]
    assert facts == ["figure (military): one → —"]
    # The merge repeats new id 1: its anchor gets a suffix, and related ids link only where they exist.
    assert [a.get("id") for a in page.xpath("//article")] == ["new-1", "new-1-2", "old-3", "new-4_a_ii", "new-5"]
    assert first.xpath(".//p[@class='related']/a/@href") == []  # "split" is also a tag: related are new ids
    assert page.xpath("//article[@id='new-1-2']//p[@class='related']/a/@href") == ["#new-1"]
    assert page.xpath("//article[@id='new-5']//p[contains(@class, 'both')]/text()") == ["same"]


def test_only_lists_the_chosen_kinds_and_keeps_the_counts_whole(diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs("drc")
    for only in (("added",), ("weakened", "removed")):
        page = _page(diff, RenderOptions(only=only))
        articles = _articles(page)
        assert articles
        assert all(set(a.get("data-kinds").split()) & set(only) for a in articles)
        operative = [a.get("data-new") or a.get("data-old") for a in articles if a.getparent().get("id") != "preamble"]
        assert operative == [c.new or c.old for c in selected(diff, RenderOptions(only=only))]
        counts = page.xpath("//table[contains(@class, 'statuses')]//tr[@data-kind='changed']/td[1]")[0].text
        assert int(counts) == diff.summary()["statuses"]["changed"]
        assert "only" in page.find_class("note")[0].text


def test_unchanged_option_lists_every_paragraph(diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs("unficyp-2020")
    page = _page(diff, RenderOptions(unchanged=True))
    operative = [a for a in _articles(page) if a.getparent().get("id") != "preamble"]
    assert len(operative) == len(diff.changes)


def test_filters_wait_for_the_script_and_nothing_starts_hidden(diffs: Callable[[str], MandateDiff]) -> None:
    page = _page(diffs("drc"))
    form = page.xpath("//form[@class='filters']")[0]
    assert form.get("hidden") is not None
    values = form.xpath(".//input[@type='checkbox']/@value")
    assert values and set(values) <= {*STATUSES, *TAGS}
    assert not page.xpath("//main//*[@hidden]")
    assert all(a.get("data-kinds").split()[0] in STATUSES for a in _articles(page))


def test_repr_html_is_a_fragment(diffs: Callable[[str], MandateDiff]) -> None:
    diff = diffs("unficyp-2020")
    fragment = diff._repr_html_()
    assert fragment == render_fragment(diff, RenderOptions())
    assert fragment.startswith('<div class="mandiff" lang="en">')
    assert "<html" not in fragment and "<body" not in fragment and "DOCTYPE" not in fragment
    root = lxml_html.fragment_fromstring(fragment)
    assert root.tag == "div" and root[0].tag == "style" and root[-1].tag == "script"
    # The same report as the page's body, with its style carried along.
    body = lxml_html.document_fromstring(render_html(diff, RenderOptions())).body[0]
    assert len(_articles(root)) == len(_articles(body)) > 0


def test_output_is_deterministic() -> None:
    first = render(mandiff.compare(OLD_2506, NEW_2537), "html")
    second = render(mandiff.compare(OLD_2506, NEW_2537), "html")
    assert first == second
