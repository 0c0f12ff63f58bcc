"""Properties of mandiff.compare on generated mandates and on the real examples.

A mandate compared with itself has only unchanged; swapping old and new
mirrors the report (added<->removed, strengthened<->weakened, split<->merged);
every paragraph and sub-paragraph of both sides appears; renumbering alone
yields no ``changed``; the result is deterministic.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from compare_strategies import DATA, EXAMPLES, ZH, mandate_pairs, mandates, renumber
from hypothesis import HealthCheck, given, settings

import mandiff
from mandiff.changes import MIRROR_STATUS, MIRROR_TAG, MandateDiff, ParagraphChange
from mandiff.model import Resolution

REAL_FILES = sorted(EXAMPLES.glob("*.txt")) + sorted(DATA.glob("S-RES-*.txt"))
REAL_PAIRS = [
    (EXAMPLES / "S-RES-2506-2020.en.txt", EXAMPLES / "S-RES-2537-2020.en.txt"),
    (DATA / "S-RES-2098-2013.en.txt", DATA / "S-RES-2147-2014.en.txt"),
    (EXAMPLES / "A-HRC-RES-49-34.en.txt", EXAMPLES / "A-HRC-RES-52-42.en.txt"),
    (EXAMPLES / "S-RES-803-1993.en.txt", EXAMPLES / "S-RES-852-1993.en.txt"),
    (ZH[0], ZH[1]),
]
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def key(c: ParagraphChange) -> tuple:
    return (c.old, c.new, c.status, tuple(sorted(c.tags)))


def mirrored(c: ParagraphChange) -> tuple:
    return (c.new, c.old, MIRROR_STATUS[c.status], tuple(sorted(MIRROR_TAG[t] for t in c.tags)))


def assert_mirror(a: Resolution, b: Resolution) -> None:
    forward, backward = mandiff.compare(a, b), mandiff.compare(b, a)
    for left, right in ((forward.changes, backward.changes), (forward.preamble.changes, backward.preamble.changes)):
        assert sorted(map(mirrored, left), key=repr) == sorted(map(key, right), key=repr)
    end = forward.mandate.end_date
    if end:
        assert (end.old, end.new) == (backward.mandate.end_date.new, backward.mandate.end_date.old)


def assert_everything_appears(a: Resolution, b: Resolution, diff: MandateDiff) -> None:
    old_ids = [p.id for para in a.operative for p in para.walk()]
    new_ids = [p.id for para in b.operative for p in para.walk()]
    assert {c.old for c in diff.changes} - {None} == set(old_ids)
    assert {c.new for c in diff.changes} - {None} == set(new_ids)
    assert {c.old for c in diff.preamble.changes} - {None} == {p.id for p in a.preamble}
    assert {c.new for c in diff.preamble.changes} - {None} == {p.id for p in b.preamble}
    # only a split or merge lists a paragraph twice
    repeated = [c for c in diff.changes if [x.old for x in diff.changes].count(c.old) > 1 and c.old is not None]
    assert all({"split", "merged"} & set(c.tags) for c in repeated)


def assert_only_unchanged(diff: MandateDiff, allowed: frozenset[str] = frozenset()) -> None:
    bad = [key(c) for c in (*diff.changes, *diff.preamble.changes) if c.status != "unchanged" or set(c.tags) - allowed]
    assert not bad, bad


# ----------------------------------------------------------------------------- generated mandates


@FAST
@given(mandates())
def test_self_comparison_is_all_unchanged(mandate: Resolution) -> None:
    assert_only_unchanged(mandiff.compare(mandate, mandate))


@FAST
@given(mandates())
def test_renumbering_alone_changes_nothing(mandate: Resolution) -> None:
    diff = mandiff.compare(mandate, renumber(mandate, offset=3, shift=1))
    assert_only_unchanged(diff, frozenset({"renumbered"}))
    assert all("renumbered" in c.tags for c in diff.changes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mandate_pairs())
def test_swapping_sides_mirrors_the_report(pair: tuple[Resolution, Resolution]) -> None:
    assert_mirror(*pair)


@FAST
@given(mandate_pairs())
def test_every_paragraph_of_both_sides_appears(pair: tuple[Resolution, Resolution]) -> None:
    a, b = pair
    assert_everything_appears(a, b, mandiff.compare(a, b))


@FAST
@given(mandate_pairs())
def test_deterministic(pair: tuple[Resolution, Resolution]) -> None:
    assert mandiff.compare(*pair).to_dict() == mandiff.compare(*pair).to_dict()


# ----------------------------------------------------------------------------- real examples


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.stem)
def test_real_mandate_against_itself_and_renumbered(path: object) -> None:
    mandate = mandiff.load(path)  # type: ignore[arg-type]
    assert mandiff.compare(mandate, mandate).identical
    assert_only_unchanged(mandiff.compare(mandate, renumber(mandate, offset=2, shift=1)), frozenset({"renumbered"}))


@pytest.mark.parametrize("pair", REAL_PAIRS, ids=lambda p: p[0].stem)
def test_real_pairs_mirror_cover_and_repeat(pair: tuple[object, object]) -> None:
    a, b = (mandiff.load(p) for p in pair)  # type: ignore[arg-type]
    assert_mirror(a, b)
    diff = mandiff.compare(a, b)
    assert_everything_appears(a, b, diff)
    assert diff.to_dict() == mandiff.compare(a, b).to_dict()


_DIGEST = """
import hashlib, json, sys
sys.path.insert(0, "tests")
import mandiff, compare_strategies as cs
case = cs.mutate(cs.ZH[0], ("reword", "move_sub", "replace", "insert", "move", "fact"), 3)
out = [mandiff.compare(*pair).to_dict() for pair in [(cs.EN[1], cs.DONORS["en"][1]), (case.old, case.new)]]
print(hashlib.sha256(json.dumps(out, ensure_ascii=False, sort_keys=True).encode()).hexdigest())
"""


def test_deterministic_across_processes() -> None:
    # Set and dict order vary with the string hash seed; the report must not.
    root = EXAMPLES.parent
    digests = set()
    for seed in ("0", "1"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _DIGEST], cwd=root, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        digests.add(run.stdout.strip())
    assert len(digests) == 1
