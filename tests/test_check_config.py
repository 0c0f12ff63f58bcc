"""Configuration of ``mandiff check``: discovery from the draft's folder upwards, rule selection,
severities, options, the failing threshold, and errors that say cause and fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_cases import clean_en, run, seed

from mandiff.check import RULES, Config, ConfigError, find_config, load_config
from mandiff.check.config import parse_fail_on
from mandiff.check.findings import Finding
from mandiff.model import Span

DEFECTS = seed(
    seed(clean_en(), "chances of success;", "chances of success,"),  # paragraph-end, error
    "resolution 1325 (2000)",
    "resolution 1325(2000)",  # citation-format, warning
)


def _finding(rule: str, severity: str) -> Finding:
    return Finding(rule, severity, Span(0, 1, 1, 1, 1, 2), "m")


def test_defaults() -> None:
    config = load_config(None)
    assert config == Config()
    assert [r.id for r in config.rules()] == list(RULES)
    assert config.fails(_finding("paragraph-end", "error"))
    assert config.fails(_finding("citation-format", "warning"))
    assert not config.fails(_finding("citation-no-year", "note"))


def test_pyproject_table_is_found_from_the_draft_folder_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mandiff.check]\ndisable = ["citation-format"]\nfail-on = "error"\n',
        encoding="utf-8",
    )
    drafts = tmp_path / "drafts" / "2025"
    drafts.mkdir(parents=True)
    # A pyproject.toml without the table is passed over.
    (tmp_path / "drafts" / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    found = find_config(drafts)
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert "citation-format" not in {r.id for r in config.rules()}
    assert config.fail_on == ("error",)
    assert [f.rule for f in run(DEFECTS, config)] == ["paragraph-end"]


def test_dotfile_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mandiff.check]\nfail-on = "error"\n', encoding="utf-8")
    (tmp_path / ".mandiff.toml").write_text(
        '[check]\nenable = ["citation-format"]\nseverity = { citation-format = "error" }\n', encoding="utf-8"
    )
    found = find_config(tmp_path)
    assert found == tmp_path / ".mandiff.toml"
    config = load_config(found)
    findings = run(DEFECTS, config)
    assert [(f.rule, f.severity) for f in findings] == [("citation-format", "error")]


def test_severity_off_disables_and_options_reach_the_rule(tmp_path: Path) -> None:
    path = tmp_path / ".mandiff.toml"
    path.write_text(
        '[check]\nseverity = { paragraph-end = "off", citation-format = "note" }\n'
        "[check.options.duplicate-paragraph]\nmin-length = 5\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert "paragraph-end" in config.disabled
    assert config.options_for(RULES["duplicate-paragraph"]) == {"min-length": 5}
    findings = run(DEFECTS, config)
    assert [(f.rule, f.severity) for f in findings] == [("citation-format", "note")]
    assert not any(config.fails(f) for f in findings)


def test_fail_on_rule_ids_and_never() -> None:
    assert parse_fail_on(["error", "citation-format,brackets"]) == ("error", "citation-format", "brackets")
    config = Config(fail_on=parse_fail_on(["citation-no-year"]))
    assert config.fails(_finding("citation-no-year", "note"))
    assert not config.fails(_finding("paragraph-end", "error"))
    never = Config(fail_on=parse_fail_on(["never"]))
    assert not never.fails(_finding("paragraph-end", "error"))
    assert parse_fail_on([]) == ("warning",)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[check]\ndisable = ["no-such-rule"]\n', "unknown rule 'no-such-rule'"),
        ('[check]\ndisable = "paragraph-end"\n', "is not a list; write a list of rule ids"),
        ('[check]\nseverity = { paragraph-end = "fatal" }\n', "is no severity"),
        ('[check]\nfail-on = "fatal"\n', "neither a severity"),
        ('[check]\nfail-on = ["never", "error"]\n', "cannot be combined"),
        ("[check]\ncolour = true\n", "unknown keys ['colour']"),
        ("[check.options.duplicate-paragraph]\nlength = 3\n", "unknown options ['length']"),
        ('[check.options.duplicate-paragraph]\nmin-length = "3"\n', "is not a whole number"),
        ('[check.options.closing-formula]\nbodies = "security_council"\n', "is not a list"),
        ("[check\n", "is not valid TOML"),
    ],
)
def test_errors_say_cause_and_fix(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / ".mandiff.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert expected in message
    assert str(path) in message
    assert "; " in message  # cause; fix
    assert info.value.exit_code == 2


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file; check the --config path"):
        load_config(tmp_path / "nope.toml")
