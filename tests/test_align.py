"""Alignment by content: exact pass, rewording, moves, boilerplate, splits and merges, scale."""

from __future__ import annotations

import random

import pytest
from compare_strategies import DATA, EXAMPLES, ZH, reword

import mandiff
from mandiff import align as al
from mandiff.align import Link, Pair, align, profile, stable

UNFICYP = [p.text for p in mandiff.load(EXAMPLES / "S-RES-2506-2020.en.txt").operative]
MONUSCO = [p.text for p in mandiff.load(DATA / "S-RES-2098-2013.en.txt").operative]
MINUSMA = [p.text for p in mandiff.load(ZH[0]).operative]


def pairs(result: al.Alignment) -> list[tuple[int, int]]:
    return [(p.old, p.new) for p in result.pairs]


def moved(result: al.Alignment) -> list[int]:
    return [p.old for p in result.pairs if p.moved]


def test_stable_is_the_intersection_of_all_longest_chains() -> None:
    assert stable([0, 2, 1, 3]) == [True, False, False, True]
    assert stable([0, 1, 2]) == [True, True, True]
    assert stable([5, 0, 1, 2, 3]) == [False, True, True, True, True]
    assert stable([]) == []


def test_profiles_mask_numbers_and_use_bigrams_for_chinese() -> None:
    a = profile("Decides to extend the mandate until 30 June 2019;", "en")
    b = profile("Decides to extend the mandate until 31 January 2021;", "en")
    assert a.tokens[:3] == ("decides", "to", "extend")
    assert a.key != b.key and a.key.replace("june", "january") == b.key
    z = profile("决定将任务期限延至 2019 年 6 月 30 日；", "zh")
    assert z.tokens[:3] == ("决定", "定将", "将任")
    assert z.key == profile("决定将任务期限延至 2020 年 12 月 31 日；", "zh").key


def test_identical_sequences_pair_in_place() -> None:
    result = align(UNFICYP, UNFICYP, "en")
    assert pairs(result) == [(i, i) for i in range(len(UNFICYP))]
    assert all(p.score == 1.0 for p in result.pairs) and not moved(result)


def test_a_long_move_moves_one_paragraph() -> None:
    new = UNFICYP[:2] + UNFICYP[3:12] + [UNFICYP[2]] + UNFICYP[12:]
    result = align(UNFICYP, new, "en")
    assert (2, 11) in pairs(result)
    assert moved(result) == [2]


def test_a_swap_moves_both() -> None:
    new = [UNFICYP[1], UNFICYP[0], *UNFICYP[2:]]
    result = align(UNFICYP, new, "en")
    assert moved(result) == [0, 1]


def test_docstring_example() -> None:
    result = align(["Decides A.", "Requests B."], ["Requests B.", "Decides A."], "en")
    assert result.pairs == (Pair(0, 1, 1.0, moved=True), Pair(1, 0, 1.0, moved=True))


@pytest.mark.parametrize(("texts", "lang"), [(UNFICYP, "en"), (MONUSCO, "en"), (MINUSMA, "zh")])
def test_heavy_rewording_still_pairs(texts: list[str], lang: str) -> None:
    rng = random.Random(7)
    new = [reword(t, texts[(k + 5) % len(texts)], rng, lang) for k, t in enumerate(texts)]
    result = align(texts, new, lang)
    right = sum(1 for i, j in pairs(result) if i == j)
    assert right >= 0.9 * len(texts)


HRC_ZH = [p.text for p in mandiff.load(ZH[1]).operative]


def test_boilerplate_alone_does_not_pair() -> None:
    # Put, where a request to the Secretary-General stood, another resolution's
    # request to the Secretary-General on something else: they must stay apart.
    assert UNFICYP[16].startswith("Requests the Secretary-General to submit")
    assert MONUSCO[32].startswith("Requests the Secretary-General, consistent with paragraph 31")
    result = align(UNFICYP, [*UNFICYP[:16], MONUSCO[32], *UNFICYP[17:]], "en")
    assert 16 not in dict(pairs(result)) and len(result.pairs) == len(UNFICYP) - 1
    # 请秘书长…: a MINUSMA request replaced by the Human Rights Council's request.
    assert MINUSMA[49].startswith("请秘书长") and HRC_ZH[27].startswith("请秘书长")
    result = align(MINUSMA, [*MINUSMA[:49], HRC_ZH[27], *MINUSMA[50:]], "zh")
    assert 49 not in dict(pairs(result)) and len(result.pairs) == len(MINUSMA) - 1


def test_deleted_and_inserted_in_the_same_place_stay_apart() -> None:
    donor = mandiff.load(DATA / "S-RES-2147-2014.en.txt").operative[32].text  # a MONUSCO paragraph
    new = [*UNFICYP[:6], donor, *UNFICYP[7:]]
    result = align(UNFICYP, new, "en")
    assert 6 not in dict(pairs(result))


def test_numbers_do_not_decide_who_pairs() -> None:
    old = ["Decides to extend the mandate until 31 July 2020;", "Requests a report by 10 July 2020;"]
    new = ["Requests a report by 10 January 2021;", "Decides to extend the mandate until 31 January 2021;"]
    assert pairs(align(old, new, "en")) == [(0, 1), (1, 0)]


def test_split_and_merge_are_found_and_mirror() -> None:
    whole = MONUSCO[8]  # "Decides to extend the mandate ..., and decides that MONUSCO shall ..."
    cut = whole.index(", and decides that")
    first, second = whole[:cut] + ";", "Decides that" + whole[cut + len(", and decides that") :]
    old = [MONUSCO[7], whole, MONUSCO[9]]
    new = [MONUSCO[7], first, second, MONUSCO[9]]
    result = align(old, new, "en")
    assert (1, 2) in pairs(result)  # the larger part is the partner
    assert [(link.old, link.new) for link in result.splits] == [(1, 1)]
    mirror = align(new, old, "en")
    assert [(link.old, link.new) for link in mirror.merges] == [(1, 1)]
    assert not result.merges and not mirror.splits


def test_a_lone_cut_down_paragraph_pairs_with_its_whole() -> None:
    whole = MONUSCO[8]
    part = whole[: whole.index(", and decides that")] + ";"
    result = align([MONUSCO[0], whole], [MONUSCO[0], part], "en")
    assert pairs(result) == [(0, 0), (1, 1)] and not result.splits


def test_groups_prefer_children_of_aligned_parents() -> None:
    task = "Protection of civilians"
    old = [task, "Support to elections in the north", task]
    new = [task, "Support to elections in the north", task]
    result = align(old, new, "en", old_groups=["a", "a", "b"], new_groups=["b", "a", "a"])
    assert (0, 2) in pairs(result) and (2, 0) in pairs(result)


def test_alignment_is_symmetric_on_real_renewals() -> None:
    a = [p.text for p in mandiff.load(DATA / "S-RES-2098-2013.en.txt").preamble]
    b = [p.text for p in mandiff.load(DATA / "S-RES-2147-2014.en.txt").preamble]
    forward, backward = align(a, b, "en"), align(b, a, "en")
    assert sorted((p.new, p.old, p.score, p.moved) for p in forward.pairs) == sorted(
        (p.old, p.new, p.score, p.moved) for p in backward.pairs
    )
    assert [Link(x.new, x.old, x.containment) for x in forward.splits] == list(backward.merges)


def test_candidates_are_bounded_not_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    words = " ".join(MONUSCO).split()
    old = [" ".join(rng.sample(words, 30)) + f" Zone{k}" for k in range(600)]
    new = [reword(t, old[(k + 9) % 600], rng, "en") if k % 3 == 0 else t for k, t in enumerate(old)]
    rng.shuffle(new)
    calls = 0
    real = al.score

    def counting(*args: object, **kwargs: object) -> float:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(al, "score", counting)
    result = align(old, new, "en")
    assert calls < 40 * len(old), calls  # all pairs would be 360,000
    assert len(result.pairs) >= 0.95 * len(old)
