"""Renderers of ``mandiff check``: text, JSON (valid against mandiff/schema/findings.schema.json),
GitHub Actions workflow commands, SARIF 2.1.0 (valid against the subset schema in tests/data).
"""

from __future__ import annotations

import json

import pytest
from check_cases import clean_zh, run, seed
from conftest import DATA
from jsonschema import Draft7Validator, Draft202012Validator

from mandiff.check import RENDERERS, RULES, SEVERITIES, Finding
from mandiff.check.render import GITHUB_LEVELS, SARIF_LEVELS, sarif_log
from mandiff.model import Span
from mandiff.schema import load_schema

FINDINGS_SCHEMA = load_schema("findings")
SARIF_SCHEMA = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))

# One finding of each severity, with characters every format must escape.
SAMPLES = tuple(
    Finding(rule, severity, Span(10 * i, 10 * i + 2, i + 1, 3, i + 1, 5), f"cause, with: 100% and\nmore; fix {i}", pid)
    for i, (rule, severity, pid) in enumerate(
        [("paragraph-end", "error", "11"), ("citation-format", "warning", None), ("citation-no-year", "note", "PP2")]
    )
)


@pytest.fixture(scope="module")
def real() -> tuple[Finding, ...]:
    """Findings on a real Chinese text with three seeded defects."""
    text = seed(clean_zh(), "下文第 58 段", "上文第 58 段")
    text = seed(text, "第 2364(2017)号决议", "第 2364(17)号决议")
    text = seed(text, "决定继续积极处理此案。", "决定继续积极处理此案；")
    findings = run(text)
    assert len(findings) >= 3
    return findings


def test_every_renderer_handles_every_severity() -> None:
    assert set(RENDERERS) == {"text", "json", "github", "sarif"}
    assert set(SARIF_LEVELS) == set(GITHUB_LEVELS) == set(SEVERITIES)
    for name, render in RENDERERS.items():
        out = render(SAMPLES, "drafts/a b.txt")
        assert isinstance(out, str) and out.endswith("\n"), name
        empty = render((), "a.txt")
        assert empty == "" if name in ("text", "github") else json.loads(empty), name


def test_text() -> None:
    out = RENDERERS["text"](SAMPLES[:1], "draft.zh.txt")
    assert out == "draft.zh.txt:1:3: error paragraph-end cause, with: 100% and\nmore; fix 0\n"
    assert RENDERERS["text"]((), "draft.zh.txt") == ""


def test_json_validates_and_round_trips(real: tuple[Finding, ...]) -> None:
    Draft202012Validator.check_schema(FINDINGS_SCHEMA)
    validator = Draft202012Validator(FINDINGS_SCHEMA)
    for findings in (real, SAMPLES, ()):
        doc = json.loads(RENDERERS["json"](findings, "draft.zh.txt"))
        assert sorted(e.message for e in validator.iter_errors(doc)) == []
        assert doc["file"] == "draft.zh.txt"
        assert [(f["rule"], f["line"], f["column"]) for f in doc["findings"]] == [
            (f.rule, f.line, f.column) for f in findings
        ]
    # Chinese stays readable in the JSON.
    assert "上文" in RENDERERS["json"](real, "d.txt")


def test_json_schema_lists_every_rule_and_severity() -> None:
    finding = FINDINGS_SCHEMA["$defs"]["finding"]["properties"]
    assert finding["rule"]["enum"] == list(RULES)
    assert finding["severity"]["enum"] == list(SEVERITIES)


def test_sarif_validates(real: tuple[Finding, ...]) -> None:
    Draft7Validator.check_schema(SARIF_SCHEMA)
    validator = Draft7Validator(SARIF_SCHEMA, format_checker=Draft7Validator.FORMAT_CHECKER)
    for findings in (real, SAMPLES, ()):
        log = json.loads(RENDERERS["sarif"](findings, "drafts/a b.txt"))
        assert sorted(e.message for e in validator.iter_errors(log)) == []
    log = sarif_log(real, "drafts/a b.txt")
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
    for result, finding in zip(run["results"], real, strict=True):
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/a%20b.txt"
    assert run["columnKind"] == "unicodeCodePoints"


def test_github_workflow_commands_escape_data_and_properties() -> None:
    out = RENDERERS["github"](SAMPLES, "drafts/a,b:c.txt").splitlines()
    assert out[0] == (
        "::error file=drafts/a%2Cb%3Ac.txt,line=1,col=3,endLine=1,endColumn=5,title=paragraph-end"
        "::cause, with: 100%25 and%0Amore; fix 0"
    )
    assert out[1].startswith("::warning ")
    assert out[2].startswith("::notice ")
