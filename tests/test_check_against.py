"""``mandiff check DRAFT --against CURRENT``: rules against the mandate in force, on the real
UNFICYP pair (S/RES/2506 (2020) -> 2537 (2020)) and on a mutated Chinese S/RES/2423 (2018).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from check_cases import clean_en, clean_zh, position, seed
from conftest import EXAMPLES
from typer.testing import CliRunner

from mandiff.check import against, check
from mandiff.check.command import check_command
from mandiff.parse import parse

SC_2506 = EXAMPLES / "S-RES-2506-2020.en.txt"
SC_2537 = EXAMPLES / "S-RES-2537-2020.en.txt"
AGAINST = ("removed-task", "weakened-clause", "mandate-end-date", "ceiling-changed")


def test_every_rule_against_the_mandate_is_tested_here() -> None:
    assert {rule.id for rule in against.RULES} == set(AGAINST)


def _against(current: str, draft: str) -> list[tuple[str, int, int]]:
    findings = check(parse(draft), draft, current=parse(current))
    return [(f.rule, f.line, f.column) for f in findings if f.rule in AGAINST]


def test_real_renewal_2506_to_2537() -> None:
    new = SC_2537.read_text(encoding="utf-8")
    # Paragraph 3 "Calls for a reduction of tensions" became "Reiterates its call for ...".
    assert _against(SC_2506.read_text(encoding="utf-8"), new) == [
        ("weakened-clause", *position(new, "Reiterates its call for a reduction"))
    ]


def test_real_pair_backwards_2537_to_2506() -> None:
    old = SC_2506.read_text(encoding="utf-8")
    found = _against(SC_2537.read_text(encoding="utf-8"), old)
    assert found == [
        # 5(c) on health matters and paragraph 8 on crossing points exist only in 2537.
        ("removed-task", *position(old, "(c) ensure effective coordination")),
        ("removed-task", *position(old, "8. Welcomes the progress")),
        # 31 July 2020 is before 31 January 2021.
        ("mandate-end-date", *position(old, "31 July 2020")),
        # 2537's 12 "urges the sides ... to respect UNFICYP's mandated authority" has no
        # counterpart in 2506's 11: a clause removed, not one weakened, so no finding here.
    ]


def test_zh_mutations() -> None:
    current = clean_zh()
    draft = seed(current, "延至 2019 年 6 月 30 日", "延至 2018 年 12 月 31 日")
    draft = seed(draft, "13 289 名军事人员", "12 000 名军事人员")
    draft = seed(draft, " ㈡ 铭记马里当局的首要责任，支持努力减少部族间紧张关系； \n", "")
    draft = seed(draft, "50. 请秘书长通过提供", "50. 鼓励秘书长通过提供")
    assert _against(current, draft) == [
        ("mandate-end-date", *position(draft, "2018 年 12 月 31 日")),
        ("ceiling-changed", *position(draft, "12 000 名军事人员")),
        ("removed-task", *position(draft, "㈢ 支持在和平环境下举行包容")),
        ("weakened-clause", *position(draft, "鼓励秘书长通过提供")),
    ]


def test_same_text_only_fails_to_extend_and_no_current_finds_nothing() -> None:
    # A renewal that keeps the current end date does not extend the mandate.
    text = clean_zh()
    assert _against(text, text) == [("mandate-end-date", *position(text, "2019 年 6 月 30 日"))]
    assert [f for f in check(parse(clean_en()), clean_en()) if f.rule in AGAINST] == []


app = typer.Typer()
app.command("check")(check_command)
app.command("noop")(lambda: None)


def test_cli_against_and_fail_on_selects_rules(tmp_path: Path) -> None:
    runner = CliRunner()
    draft = str(SC_2506)
    result = runner.invoke(app, ["check", draft, "--against", str(SC_2537), "--fail-on", "mandate-end-date"])
    assert result.exit_code == 1
    assert "error mandate-end-date" in result.stdout
    result = runner.invoke(app, ["check", draft, "--against", str(SC_2537), "--fail-on", "ceiling-changed"])
    assert result.exit_code == 0
    assert "warning removed-task" in result.stdout


@pytest.mark.parametrize("other", ["zh", "report"])
def test_cli_against_trouble(tmp_path: Path, other: str) -> None:
    current = tmp_path / "current.txt"
    if other == "zh":
        current.write_text(clean_zh(), encoding="utf-8")
    else:
        current.write_text((Path(__file__).parent / "data" / "report-minusma-review.zh.txt").read_text("utf-8"))
    draft = tmp_path / "draft.txt"
    draft.write_text(clean_zh() if other == "report" else clean_en(), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--against", str(current)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "; " in result.stderr
