"""Render findings: text, JSON, GitHub Actions workflow commands, SARIF 2.1.0.

Every renderer takes the findings and the path as the user gave it, and
returns the whole output as one string. :data:`RENDERERS` is the one mapping
the CLI's ``--format`` uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from mandiff import __version__
from mandiff.check.findings import Finding
from mandiff.check.rules import RULES

__all__ = ["GITHUB_LEVELS", "RENDERERS", "SARIF_LEVELS", "render_github", "render_json", "render_sarif", "render_text"]

SARIF_LEVELS = {"error": "error", "warning": "warning", "note": "note"}
"""Severity -> SARIF ``level``."""
GITHUB_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}
"""Severity -> GitHub Actions workflow command."""
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render_text(findings: Sequence[Finding], path: str) -> str:
    """One line per finding, as compilers print them: ``file:line:col: severity rule-id message``."""
    return "".join(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n" for f in findings)


def render_json(findings: Sequence[Finding], path: str) -> str:
    """``{"file": ..., "findings": [{"rule", "severity", "line", "column", ...}]}``, per
    ``mandiff/schema/findings.schema.json``."""
    doc = {"file": path, "findings": [f.to_dict() for f in findings]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], path: str) -> str:
    """GitHub Actions workflow commands, one per finding, which annotate the pull request:
    ``::error file=draft.txt,line=3,col=18,endLine=3,endColumn=19,title=paragraph-end::...``."""
    lines = []
    for f in findings:
        props = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", path),
                ("line", f.span.line),
                ("col", f.span.column),
                ("endLine", f.span.end_line),
                ("endColumn", f.span.end_column),
                ("title", f.rule),
            )
        )
        lines.append(f"::{GITHUB_LEVELS[f.severity]} {props}::{_escape_data(f.message)}\n")
    return "".join(lines)


def _uri(path: str) -> str:
    """A relative URI reference for ``path`` (forward slashes, percent-encoded)."""
    if path == "-":
        return "stdin"
    return quote(PurePath(path).as_posix())


def sarif_log(findings: Sequence[Finding], path: str) -> dict[str, Any]:
    """The SARIF 2.1.0 log as a dict: one run, every rule described, one result per finding."""
    index = {rule_id: i for i, rule_id in enumerate(RULES)}
    rules = [
        {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.description},
            "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        }
        for rule in RULES.values()
    ]
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": SARIF_LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(path)},
                        "region": {
                            "startLine": f.span.line,
                            "startColumn": f.span.column,
                            "endLine": f.span.end_line,
                            "endColumn": f.span.end_column,
                            "charOffset": f.span.start,
                            "charLength": f.span.end - f.span.start,
                        },
                    }
                }
            ],
            **({"properties": {"paragraph": f.paragraph}} if f.paragraph else {}),
        }
        for f in findings
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mandiff",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                # Columns count characters (code points) of the decoded text, as Span does.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(findings: Sequence[Finding], path: str) -> str:
    """SARIF 2.1.0, for GitHub code scanning (``github/codeql-action/upload-sarif``) and other viewers."""
    return json.dumps(sarif_log(findings, path), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Sequence[Finding], str], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
"""``--format`` name -> renderer."""
