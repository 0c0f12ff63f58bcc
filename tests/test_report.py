"""Reports: golden files per format, every renderer handles every change kind,
the JSON contract, ``--only``, escaping, and the ``mandiff OLD NEW`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT
from typer.testing import CliRunner

import mandiff
from mandiff.changes import (
    FACT_KINDS,
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
from mandiff.cli import app
from mandiff.model import Addressee, Clause, Metadata, Span
from mandiff.report import RENDERERS, RenderOptions, render, selected
from mandiff.schema import load_schema

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name[: -len(".old.txt")] for p in GOLDEN.glob("*.old.txt"))
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}
OLD_2506 = EXAMPLES / "S-RES-2506-2020.en.txt"
NEW_2537 = EXAMPLES / "S-RES-2537-2020.en.txt"


def _diff(case: str) -> MandateDiff:
    return mandiff.compare(GOLDEN / f"{case}.old.txt", GOLDEN / f"{case}.new.txt")


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", list(EXTENSIONS))
def test_golden(case: str, fmt: str) -> None:
    """``MANDIFF_REGEN_GOLDEN=1 pytest tests/test_report.py`` rewrites the expected files."""
    got = render(_diff(case), fmt)
    expected = GOLDEN / f"{case}.expected.{EXTENSIONS[fmt]}"
    if os.environ.get("MANDIFF_REGEN_GOLDEN") == "1":
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"run MANDIFF_REGEN_GOLDEN=1 pytest {__file__} to create {expected.name}"
    assert got == expected.read_text(encoding="utf-8")


def test_golden_cases_cover_both_languages() -> None:
    assert {_diff(case).language for case in CASES} == {"en", "zh"}


def _span(line: int) -> Span:
    return Span(line * 10, line * 10 + 9, line, 1, line, 10)


def _clause(ctype: str, who: str) -> Clause:
    return Clause(ctype, (), ctype.capitalize(), Addressee(who, None), f"{ctype} {who} <b>&</b>", _span(1))


def _every_kind() -> MandateDiff:
    """A diff holding every status, tag, fact kind and clause change, with hostile text."""
    fact = {k: FactChange(k, Fact(k, "1", f"old {k}"), Fact(k, "2", f"new {k} <i>")) for k in FACT_KINDS}
    clauses = (
        ClauseChange("changed", ("strengthened",), _clause("encourages", "A"), _clause("requests", "A"), 0, 0, 1, 3),
        ClauseChange(
            "changed", ("weakened", "addressee_changed"), _clause("demands", "A"), _clause("urges", "B"), 1, 1, 4, 2
        ),
        ClauseChange("added", (), None, _clause("welcomes", "C"), None, 2, None, 0),
        ClauseChange("removed", (), _clause("notes", "D"), None, 2, None, 0, None),
    )
    changes = []
    for k, status in enumerate(STATUSES):
        old = None if status == "added" else str(k + 1)
        new = None if status == "removed" else str(k + 2)
        changes.append(
            ParagraphChange(
                old=old,
                new=new,
                kind="operative",
                status=status,
                tags=TAGS if status == "changed" else (("moved", "renumbered") if status == "unchanged" else ()),
                similarity=0.5,
                old_text=None if old is None else "Requests <script>alert(1)</script> | the *old* text;",
                new_text=None if new is None else "Requests </table> the _new_ text [x](y);",
                ops=(TextOp("equal", "Requests "), TextOp("delete", "<script>"), TextOp("insert", "</table>"))
                if status == "changed"
                else (),
                facts=tuple(fact.values()) if status == "changed" else (),
                clauses=clauses if status == "changed" else (),
                related=("9",) if status == "changed" else (),
                old_span=None if old is None else _span(3),
                new_span=None if new is None else _span(4),
                heading="Priority <tasks>",
                lead="requests",
            )
        )
    meta = Metadata("Security Council", "S/RES/1 (2000)", "2000-01-01", "1", None)
    mandate = MandateSummary(
        fact["date"], fact["duration"], (FactChange("figure", None, Fact("figure", "5", "5", "military")),)
    )
    return MandateDiff("en", meta, meta, mandate, PreambleSummary(tuple(changes[:2])), tuple(changes))


@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_every_renderer_handles_every_change_kind(fmt: str) -> None:
    diff = _every_kind()
    out = render(diff, fmt, RenderOptions(unchanged=True))
    for status in STATUSES:
        assert status in out
    for tag in TAGS:
        assert tag in out or tag.replace("_", " ") in out or tag.replace("_", "\\_") in out, tag
    for kind in FACT_KINDS:
        assert f"new {kind}" in out
    assert "<script>alert" not in out or fmt in {"text", "json"}


def test_markdown_escapes_input() -> None:
    out = render(_every_kind(), "markdown")
    assert "<script>" not in out and "</table>" not in out and "<i>" not in out
    assert "&lt;script&gt;" in out
    assert "\\| the \\*old\\* text" in out or "\\*old\\*" in out


def test_json_validates_and_lists_everything() -> None:
    diff = mandiff.compare(OLD_2506, NEW_2537)
    data = json.loads(render(diff, "json"))
    jsonschema.Draft202012Validator(load_schema("diff")).validate(data)
    assert len(data["changes"]) == len(diff.changes)
    assert data["summary"] == diff.summary()
    assert {"old", "new", "status", "tags"} <= set(data["changes"][0])


def test_only_selects_in_every_format() -> None:
    diff = mandiff.compare(OLD_2506, NEW_2537)
    picked = selected(diff, RenderOptions(only=("added",)))
    assert picked and all(c.status == "added" for c in picked)
    data = json.loads(render(diff, "json", RenderOptions(only=("added",))))
    assert [c["new"] for c in data["changes"]] == [c.new for c in picked]
    assert data["summary"] == diff.summary()  # counts stay whole
    weakened = selected(diff, RenderOptions(only=("weakened",)))
    assert [c.new for c in weakened] == ["3"]
    text = render(diff, "text", RenderOptions(only=("weakened",)))
    assert "~ 3  changed" in text and "+ 5(c)" not in text
    with pytest.raises(ValueError, match="unknown change kind"):
        RenderOptions(only=("bogus",))


def test_text_marks_redlines_without_colour_and_colours_with_it() -> None:
    diff = mandiff.compare(OLD_2506, NEW_2537)
    plain = render(diff, "text")
    assert "[-Calls -]{+Reiterates its call +}for a reduction" in plain
    assert "\x1b[" not in plain
    assert "mandate ends: 31 July 2020 → " in plain
    coloured = render(diff, "text", RenderOptions(color=True))
    assert "\x1b[" in coloured


def test_identical_mandates_say_so() -> None:
    diff = mandiff.compare(OLD_2506, OLD_2506)
    assert "no differences in the operative part" in render(diff, "text")
    assert "No differences in the operative part." in render(diff, "markdown")


runner = CliRunner()


def test_cli_exit_codes() -> None:
    same = runner.invoke(app, [str(OLD_2506), str(OLD_2506)])
    assert same.exit_code == 0, same.output
    differ = runner.invoke(app, [str(OLD_2506), str(NEW_2537)])
    assert differ.exit_code == 1
    assert differ.output.startswith("mandiff  S/RES/2506 (2020) of 2020-01-30 → S/RES/2537 (2020)")
    missing = runner.invoke(app, ["nosuch.txt", str(NEW_2537)])
    assert missing.exit_code == 2
    assert missing.output.strip() == "mandiff: nosuch.txt: no such file; check the path"
    explicit = runner.invoke(app, ["diff", str(OLD_2506), str(NEW_2537), "--format", "json"])
    assert explicit.exit_code == 1 and json.loads(explicit.output)["language"] == "en"


def test_cli_formats_output_file_and_stdin(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    run = runner.invoke(
        app, [str(OLD_2506), str(NEW_2537), "-f", "markdown", "-o", str(out), "--only", "added,weakened"]
    )
    assert run.exit_code == 1 and run.output == ""
    assert out.read_text(encoding="utf-8").startswith("### mandiff: S/RES/2506 (2020) → S/RES/2537 (2020)")
    piped = runner.invoke(app, ["-", str(NEW_2537), "--color", "never"], input=OLD_2506.read_bytes())
    assert piped.exit_code == 1 and "\x1b[" not in piped.output
    both = runner.invoke(app, ["-", "-"])
    assert both.exit_code == 2 and "both be standard input" in both.output
    bad = runner.invoke(app, [str(OLD_2506), str(NEW_2537), "--only", "bogus"])
    assert bad.exit_code == 2


def test_cli_in_a_real_process(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "mandiff.cli"]
    same = subprocess.run([*cmd, str(OLD_2506), str(OLD_2506)], capture_output=True, text=True, cwd=ROOT)
    assert same.returncode == 0 and same.stderr == ""
    differ = subprocess.run([*cmd, str(OLD_2506), str(NEW_2537), "--color", "always"], capture_output=True, text=True)
    assert differ.returncode == 1 and "\x1b[" in differ.stdout
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    trouble = subprocess.run([*cmd, str(empty), str(NEW_2537)], capture_output=True, text=True)
    assert trouble.returncode == 2
    assert trouble.stderr.count("\n") == 1 and "Traceback" not in trouble.stderr
    version = subprocess.run([*cmd, "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"mandiff {mandiff.__version__}"
