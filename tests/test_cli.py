"""Command line: ``mandiff parse FILE [--format text|json] [--lang zh|en]``, through
typer's CliRunner and through real processes (exit codes, stdout, stderr).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, HRC_58_30_ZH, REPERTOIRE_ZH, REPORT_ZH, SC_2423_ZH
from typer.testing import CliRunner

import mandiff
from mandiff.cli import app

SC_852_EN = EXAMPLES / "S-RES-852-1993.en.txt"
ROOT = EXAMPLES.parent

runner = CliRunner()


def invoke(*args: str, stdin: bytes | None = None):
    result = runner.invoke(app, list(args), input=stdin)
    # A crash inside the command shows up as an exception, not as output.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def run(*args: str, stdin: bytes | None = None, command: list[str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [*(command or [sys.executable, "-m", "mandiff.cli"]), *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        check=False,
    )


def assert_one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {stderr!r}"
    assert lines[0].startswith("mandiff: ")
    cause, sep, fix = lines[0].removeprefix("mandiff: ").partition("; ")
    assert sep and cause and fix, f"no '<cause>; <fix>' in {lines[0]!r}"


# -- parse: text outline --------------------------------------------------------------


def test_parse_outline_2423() -> None:
    result = invoke("parse", str(SC_2423_ZH))
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("kind: resolution   language: zh   encoding: utf-8\n")
    assert "symbol: S/RES/2423 (2018)" in out
    assert "adopted: 2018-06-28" in out
    assert "operative: 72 paragraphs" in out
    ids = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    for pid in ("1", "38", "38(a)", "38(a)(ii)", "38(a)(ii)-3", "38(d)(iii)", "72"):
        assert pid in ids, pid
    assert "## 马里中部局势" in out
    assert "closing formula: paragraph 72" in out


def test_parse_outline_english() -> None:
    result = invoke("parse", str(SC_852_EN))
    assert result.exit_code == 0
    assert "language: en" in result.stdout
    assert "operative: 5 paragraphs" in result.stdout
    assert "requests → secretary_general" in result.stdout


def test_outline_matches_library() -> None:
    from mandiff.outline import render_outline

    assert invoke("parse", str(HRC_58_30_ZH)).stdout == render_outline(mandiff.load(HRC_58_30_ZH))


# -- parse: JSON -------------------------------------------------------------------------


def _walk(paragraphs: list[dict]) -> list[dict]:
    out = []
    for p in paragraphs:
        out.append(p)
        out.extend(_walk(p["children"]))
    return out


@pytest.mark.parametrize("flag", ["--format", "-f"])
def test_parse_json_2423(flag: str) -> None:
    result = invoke("parse", str(SC_2423_ZH), flag, "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "resolution"
    assert data["language"] == "zh"
    assert data["encoding"] == "utf-8"
    assert data["symbol"] == "S/RES/2423 (2018)"
    assert [p["id"] for p in data["operative"]] == [str(n) for n in range(1, 73)]
    for p in _walk(data["operative"]):
        assert {"id", "kind", "label", "text", "clauses", "children", "span"} <= set(p)
        assert isinstance(p["clauses"], list) and isinstance(p["children"], list)
        for clause in p["clauses"]:
            assert {"type", "modifiers", "verb", "text", "span"} <= set(clause)
    para38 = data["operative"][37]
    assert [c["id"] for c in para38["children"]] == [f"38({x})" for x in "abcdef"]
    assert "38(a)(ii)" in [c["id"] for c in para38["children"][0]["children"]]
    assert para38["clauses"][0]["type"] == "decides"
    # Chinese is written as is, not as \u escapes.
    assert "决定在马里稳定团的任务授权中纳入以下优先任务" in result.stdout


def test_json_matches_library() -> None:
    result = invoke("parse", str(SC_852_EN), "--format", "json")
    assert json.loads(result.stdout) == mandiff.load(SC_852_EN).to_dict()


def test_json_spans_point_into_the_file() -> None:
    text = HRC_58_30_ZH.read_text(encoding="utf-8")
    data = json.loads(invoke("parse", str(HRC_58_30_ZH), "--format", "json").stdout)
    for p in data["operative"]:
        span = p["span"]
        assert text[span["start"] : span["end"]].startswith(p["label"])
        assert span["line"] == text.count("\n", 0, span["start"]) + 1


@pytest.mark.parametrize(("path", "lang"), [(SC_2423_ZH, "zh"), (SC_852_EN, "en")], ids=["zh", "en"])
def test_explicit_lang(path: Path, lang: str) -> None:
    detected = invoke("parse", str(path), "--format", "json")
    forced = invoke("parse", str(path), "--format", "json", "--lang", lang)
    assert forced.exit_code == 0
    assert json.loads(forced.stdout) == json.loads(detected.stdout)


# -- documents that are not resolutions ----------------------------------------------------


@pytest.mark.parametrize("path", [REPORT_ZH, REPERTOIRE_ZH], ids=["report", "repertoire"])
def test_non_resolutions(path: Path) -> None:
    text = invoke("parse", str(path))
    assert text.exit_code == 0
    first = text.stdout.splitlines()[0]
    assert first.startswith("kind: ") and not first.startswith("kind: resolution")
    assert "not a resolution" in text.stdout
    assert "operative:" not in text.stdout
    data = json.loads(invoke("parse", str(path), "--format", "json").stdout)
    assert data["kind"] != "resolution"
    assert data["language"] == "zh"
    assert data["operative"] == [] and data["preamble"] == [] and data["annexes"] == []


# -- standard input --------------------------------------------------------------------------


def test_stdin_same_as_file() -> None:
    data = SC_2423_ZH.read_bytes()
    from_stdin = invoke("parse", "-", "--format", "json", stdin=data)
    from_file = invoke("parse", str(SC_2423_ZH), "--format", "json")
    assert from_stdin.exit_code == 0
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_stdin_gbk() -> None:
    data = HRC_58_30_ZH.read_text(encoding="utf-8").encode("gbk")
    result = invoke("parse", "-", stdin=data)
    assert result.exit_code == 0
    assert result.stdout.startswith("kind: resolution   language: zh   encoding: gb18030\n")
    assert "operative: 31 paragraphs" in result.stdout


def test_file_in_utf16(tmp_path: Path) -> None:
    target = tmp_path / "852.utf16.txt"
    target.write_bytes(SC_852_EN.read_text(encoding="utf-8").encode("utf-16"))
    result = invoke("parse", str(target))
    assert result.exit_code == 0
    assert "encoding: utf-16" in result.stdout
    assert "operative: 5 paragraphs" in result.stdout


# -- errors ----------------------------------------------------------------------------------


def _error_files(tmp: Path) -> dict[str, tuple[list[str], bytes | None]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b" \n\r\n\t\n")
    (tmp / "resolution.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    (tmp / "resolution.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    (tmp / "nul.txt").write_bytes(b"S/RES/2423\x00\x00\x00" * 20)
    (tmp / "noise.txt").write_bytes(bytes(range(128, 256)) * 50)
    return {
        "missing": (["parse", str(tmp / "missing.txt")], None),
        "directory": (["parse", str(tmp)], None),
        "empty": (["parse", str(tmp / "empty.txt")], None),
        "blank": (["parse", str(tmp / "blank.txt")], None),
        "pdf": (["parse", str(tmp / "resolution.pdf")], None),
        "docx": (["parse", str(tmp / "resolution.docx")], None),
        "nul": (["parse", str(tmp / "nul.txt")], None),
        "noise": (["parse", str(tmp / "noise.txt")], None),
        "lang-fr": (["parse", str(SC_2423_ZH), "--lang", "fr"], None),
        "lang-fr-json": (["parse", str(SC_2423_ZH), "--format", "json", "--lang", "fr"], None),
        "stdin-empty": (["parse", "-"], b""),
        "stdin-pdf": (["parse", "-"], b"%PDF-1.4\n" + bytes(range(256))),
        "stdin-digits": (["parse", "-"], b"1. 2. 3.\n12/16\n"),
    }


ERROR_CASES = [
    "missing",
    "directory",
    "empty",
    "blank",
    "pdf",
    "docx",
    "nul",
    "noise",
    "lang-fr",
    "lang-fr-json",
    "stdin-empty",
    "stdin-pdf",
    "stdin-digits",
]


@pytest.mark.parametrize("case", ERROR_CASES)
def test_errors_exit_2_with_one_line(tmp_path: Path, case: str) -> None:
    cases = _error_files(tmp_path)
    assert sorted(cases) == sorted(ERROR_CASES)
    args, stdin = cases[case]
    result = invoke(*args, stdin=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert_one_line_error(result.stderr)
    if case not in ("lang-fr", "lang-fr-json", "stdin-empty", "stdin-pdf", "stdin-digits"):
        assert args[1] in result.stderr, "the message should name the file"


def test_error_messages_name_the_cause(tmp_path: Path) -> None:
    cases = _error_files(tmp_path)
    expect = {
        "missing": "no such file",
        "directory": "directory",
        "pdf": "pdftotext",
        "docx": ".docx",
        "lang-fr": "available: en, zh",
    }
    for case, words in expect.items():
        args, stdin = cases[case]
        assert words in invoke(*args, stdin=stdin).stderr, case


def test_error_stays_one_line_for_a_path_with_a_newline(tmp_path: Path) -> None:
    """POSIX file names may hold a newline; the message must still be one line."""
    result = invoke("parse", str(tmp_path / "S-RES-2423\n(2018).txt"))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr)


@pytest.mark.parametrize(
    "args",
    [["parse", str(SC_2423_ZH), "--format", "xml"], ["parse"], ["frobnicate"], ["parse", str(SC_2423_ZH), "--nope"]],
    ids=["bad-format", "no-file", "no-command", "bad-option"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stdout == ""


# -- --version and --help --------------------------------------------------------------------


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"mandiff {mandiff.__version__}\n"


def test_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "parse" in result.stdout and "--version" in result.stdout
    sub = invoke("parse", "--help")
    assert sub.exit_code == 0
    for word in ("--format", "--lang", "text", "json", "standard input"):
        assert word in sub.stdout, word


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "Usage" in result.output
    assert "Traceback" not in result.output


# -- real processes ------------------------------------------------------------------------


def test_process_parse_ok() -> None:
    proc = run("parse", "examples/S-RES-2423-2018.zh.txt")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "38(a)(ii)" in out
    assert proc.stderr == b""


def test_process_json_from_stdin() -> None:
    proc = run("parse", "-", "--format", "json", stdin=SC_852_EN.read_bytes())
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.decode("utf-8"))
    assert data["kind"] == "resolution" and [p["id"] for p in data["operative"]] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["parse", "no/such/file.txt"], None),
        (["parse", "-"], b"%PDF-1.7\n" + bytes(range(256))),
        (["parse", "examples/S-RES-852-1993.en.txt", "--lang", "fr"], None),
    ],
    ids=["missing", "stdin-pdf", "lang-fr"],
)
def test_process_errors(args: list[str], stdin: bytes | None) -> None:
    proc = run(*args, stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert_one_line_error(proc.stderr.decode("utf-8"))


def test_process_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode() == f"mandiff {mandiff.__version__}\n"


def test_console_script() -> None:
    exe = shutil.which("mandiff")
    if exe is None:
        pytest.skip("console script not installed")
    ok = run("parse", "examples/S-RES-852-1993.en.txt", command=[exe])
    assert ok.returncode == 0 and b"operative: 5 paragraphs" in ok.stdout
    bad = run("parse", "examples", command=[exe])
    assert bad.returncode == 2
    assert_one_line_error(bad.stderr.decode("utf-8"))
