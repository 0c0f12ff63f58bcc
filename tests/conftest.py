"""Shared fixtures: paths to the bundled example mandates and test documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"

SC_2423_ZH = EXAMPLES / "S-RES-2423-2018.zh.txt"
HRC_58_30_ZH = EXAMPLES / "A-HRC-RES-58-30.zh.txt"
REPORT_ZH = DATA / "report-minusma-review.zh.txt"
REPERTOIRE_ZH = DATA / "repertoire-2020-extract.zh.txt"


@pytest.fixture(scope="session")
def examples() -> list[Path]:
    """Every bundled example resolution."""
    return sorted(EXAMPLES.glob("*.txt"))
