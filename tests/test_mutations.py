"""The mutation suite: real English and Chinese mandates mutated with known truth.

Mutations (see ``compare_strategies``): delete, insert another resolution's
paragraph, replace a paragraph by another resolution's, move a paragraph, move
a task to another parent, strengthen or weaken the lead verb, reword heavily,
change a date or figure, renumber every id; alone, four at a time, and a
dozen at a time. Run ``pytest -s tests/test_mutations.py`` to see the figures;
``compare_strategies.mutation_report()`` gives them to the benchmark.
"""

from __future__ import annotations

import pytest
from compare_strategies import KINDS, Score, cases, evaluate

MAPPING = 0.98
STATUS = 0.95


@pytest.fixture(scope="module")
def score() -> Score:
    result = evaluate(cases(per_kind=2, mixed=6, heavy=2))
    print(f"\n{result}")
    for failure in result.failures[:20]:
        print(f"  miss: {failure}")
    return result


def test_mapping_accuracy(score: Score) -> None:
    assert score.mapping_accuracy >= MAPPING, score


def test_status_accuracy(score: Score) -> None:
    assert score.status_accuracy >= STATUS, score


def test_each_language_on_its_own(score: Score) -> None:
    assert set(score.by_language) == {"en", "zh"}
    for lang, (mapping, status) in score.by_language.items():
        assert mapping >= MAPPING and status >= STATUS, lang


def test_mutated_paragraphs_on_their_own(score: Score) -> None:
    right_map, right_status, total = score.touched
    assert total > 300
    assert right_map / total >= MAPPING and right_status / total >= STATUS


def test_mutations_carry_their_tags(score: Score) -> None:
    # moved, strengthened, weakened and facts_changed where the mutation put them
    assert score.tag_recall >= 0.95, score


def test_the_suite_covers_every_kind_in_both_languages() -> None:
    suite = cases(per_kind=1, mixed=0, heavy=0)
    kinds = {(case.old.language, case.name.split(":")[1]) for case in suite}
    assert kinds == {(lang, kind) for lang in ("en", "zh") for kind in KINDS}
