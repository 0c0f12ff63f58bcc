"""House rules that a reviewer would otherwise check by hand."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

import mandiff


def test_ruff_clean() -> None:
    for args in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "mandiff", "tests", "benchmarks"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_public_api_is_fixed() -> None:
    # Adding to the public surface is a decision: update this list on purpose.
    assert set(mandiff.__all__) >= {"parse", "load", "Resolution", "Paragraph", "Clause", "Span", "MandiffError"}
    for name in mandiff.__all__:
        assert hasattr(mandiff, name), name
