"""``mandiff check`` on the command line: exit status 0 / 1 / 2, formats, stdin, configuration,
through typer's CliRunner (a tiny app, as cli.py will register the command) and real processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from check_cases import clean_en, clean_zh, seed
from conftest import REPORT_ZH, ROOT, SC_2423_ZH
from typer.testing import CliRunner

from mandiff.check.command import check_command

app = typer.Typer()
app.command("check")(check_command)
# A second command keeps typer from collapsing the app into its only command.
app.command("noop")(lambda: None)
runner = CliRunner()


def invoke(*args: str, stdin: str | None = None):
    result = runner.invoke(app, ["check", *args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def assert_one_line_error(stderr: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mandiff: "), stderr
    cause, sep, fix = lines[0].removeprefix("mandiff: ").partition("; ")
    assert sep and cause and fix, lines[0]


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "clean.en.txt").write_text(clean_en(), encoding="utf-8")
    (tmp_path / "clean.zh.txt").write_text(clean_zh(), encoding="utf-8")
    # A warning only (citation-format) and an error (paragraph-end).
    (tmp_path / "warn.en.txt").write_text(
        seed(clean_en(), "resolution 1325 (2000)", "resolution 1325(2000)"), encoding="utf-8"
    )
    return tmp_path


def test_clean_draft_exits_0_and_prints_nothing(drafts: Path) -> None:
    for name in ("clean.en.txt", "clean.zh.txt"):
        result = invoke(str(drafts / name))
        assert (result.exit_code, result.stdout) == (0, ""), result.stdout


def test_seed_000_exits_1_with_the_paragraph_11_finding() -> None:
    result = invoke(str(SC_2423_ZH))
    assert result.exit_code == 1
    assert f"{SC_2423_ZH}:354:31: error paragraph-end operative paragraph 11 (line 354) ends with '，'" in result.stdout


def test_fail_on_threshold_and_rule_ids(drafts: Path) -> None:
    warn = str(drafts / "warn.en.txt")
    assert invoke(warn).exit_code == 1
    assert invoke(warn, "--fail-on", "error").exit_code == 0
    assert invoke(warn, "--fail-on", "error,citation-format").exit_code == 1
    assert invoke(warn, "--fail-on", "never").exit_code == 0
    result = invoke(warn, "--fail-on", "fatal")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr)


def test_config_file_is_found_next_to_the_draft(drafts: Path) -> None:
    (drafts / ".mandiff.toml").write_text('[check]\ndisable = ["citation-format"]\n', encoding="utf-8")
    result = invoke(str(drafts / "warn.en.txt"))
    assert (result.exit_code, result.stdout) == (0, "")
    other = drafts / "other.toml"
    other.write_text('[check]\nfail-on = "note"\nseverity = { citation-format = "note" }\n', encoding="utf-8")
    result = invoke(str(drafts / "warn.en.txt"), "--config", str(other))
    assert result.exit_code == 1
    assert ": note citation-format " in result.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_formats(drafts: Path, fmt: str) -> None:
    result = invoke(str(drafts / "warn.en.txt"), "--format", fmt)
    assert result.exit_code == 1
    if fmt == "github":
        assert result.stdout.startswith("::warning file=")
    else:
        json.loads(result.stdout)


def test_stdin(drafts: Path) -> None:
    result = invoke("-", stdin=(drafts / "warn.en.txt").read_text(encoding="utf-8"))
    assert result.exit_code == 1
    assert result.stdout.startswith("-:")


def test_trouble_exits_2_with_one_line(tmp_path: Path) -> None:
    for args in (
        [str(tmp_path / "missing.txt")],
        [str(REPORT_ZH)],
        [str(SC_2423_ZH), "--config", str(tmp_path / "x.toml")],
    ):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert_one_line_error(result.stderr)


def test_real_process_via_python_c(drafts: Path) -> None:
    code = (
        "import typer; from mandiff.check.command import check_command; "
        "app = typer.Typer(); app.command('check')(check_command); app.command('noop')(lambda: None); app()"
    )
    env = {**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-c", code, "check", str(SC_2423_ZH), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    assert {"rule": "paragraph-end", "line": 354, "column": 31} in [
        {k: f[k] for k in ("rule", "line", "column")} for f in findings
    ]


def test_pre_commit_entry_checks_several_files(drafts: Path) -> None:
    env = {**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1"}
    files = [str(drafts / "clean.en.txt"), str(drafts / "warn.en.txt")]
    run = subprocess.run(
        [sys.executable, "-m", "mandiff.check", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith(files[1] + ":")
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: python -m mandiff.check" in hooks and "id: mandiff-check" in hooks
