"""Align two sequences of paragraph texts by content, not by number.

The alignment is one-to-one plus *parts*: a paragraph left over on one side
whose text sits inside a paragraph of the other side (splits and merges).
It is pure and symmetric: aligning ``(new, old)`` gives the mirror image of
aligning ``(old, new)``.

Algorithm
---------
1. **Profile.** Each text is width-folded (NFKC) and case-folded; every
   number (``13 289``, ``2019``) becomes one placeholder, so that dates and
   figures do not decide who pairs with whom. Tokens are words for languages with word boundaries and character bigrams
   for Chinese (which has no spaces), punctuation dropped. Each token weighs
   ``log(1 + N / df)`` (IDF over the ``N`` paragraphs of both sides, in
   integer micro-units so that sums are exact), so the boilerplate every
   paragraph shares ("Requests the Secretary-General to", 请秘书长) weighs little.
2. **Exact pass.** Texts whose profile key occurs exactly once on each side
   pair up at once (score 1). Those of them that lie in *every* longest
   order-keeping chain become *anchors*.
3. **Candidates.** Only the remaining paragraphs are considered, and never all
   pairs (unless there are at most ``FEW`` of them): (a) for each paragraph, its ``RARE`` rarest tokens are looked up in
   an inverted index of the other side, reading at most ``POSTINGS`` entries
   per token (those nearest in relative position), and the ``CANDIDATES``
   paragraphs sharing most of them are kept, from both sides; (b) pairs
   inside the same gap between two anchors (all pairs if the gap holds at
   most ``GAP_FULL`` pairs, else a band of ``BAND`` positions around the
   proportional place); (c) pairs in the same *group* (children of paragraphs
   already aligned) when the group is small (``GROUP_FULL`` pairs).
   Work is thus about ``n log n``.
4. **Score.** ``score = DICE * dice + (1 - DICE) * seq`` where ``dice`` is the
   IDF-weighted Dice overlap of the token sets and ``seq`` is rapidfuzz's
   normalized Indel similarity of the token sequences (word order). On the
   real renewals bundled with mandiff, paragraphs sharing only boilerplate
   score 0.1-0.26, the same paragraph reworded or grown by half scores
   0.31 and up, lightly edited ones above 0.8.
5. **Greedy.** Candidates scoring at least ``MATCH`` (0.40) are accepted
   best first. For ranking only, a pair gets ``GROUP_BONUS`` when both sides
   are in the same group and ``ANCHOR_BONUS`` when it lies between the same
   two anchors; ties go to the pair nearest in relative position, then to the
   smaller index sum, so order is kept and the result does not depend on
   which side is called old. Then leftovers that stand in the same place
   (between the same two pairs of the longest order-keeping chain) are paired
   from ``MATCH_IN_PLACE`` (0.30) up: a paragraph rewritten where it stands
   needs less evidence than one that also moved.
6. **Parts.** A leftover paragraph whose weighted tokens are at least ``PART``
   contained in a paragraph of the other side, with an aligned stretch of at
   least ``PART_ALIGNED`` (rapidfuzz ``partial_ratio`` over tokens), and not
   already mostly (``PART_PARTNER``) in that paragraph's own partner, is a
   part of it: a split (old whole, new part) or a merge (old part, new
   whole). A leftover whole with a single leftover part is paired with it.
7. **Order.** A pair is *moved* when it lies outside some longest chain of
   pairs that keeps the order on both sides (outside the intersection of all
   longest increasing subsequences); so two swapped paragraphs are both moved,
   and a paragraph that moved across ten others is the only one moved.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence

import attrs
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from mandiff.textdiff import spaced

__all__ = ["Alignment", "Link", "Pair", "Profile", "align", "profile", "score", "stable"]

MATCH = 0.40
"""Lowest score at which two paragraphs are the same paragraph, wherever they stand."""
MATCH_IN_PLACE = 0.30
"""Lowest score for two leftovers standing in the same place (between the same aligned neighbours)."""
DICE = 0.7
"""Weight of the IDF-weighted token overlap in the score (the rest is word order)."""
GROUP_BONUS = 0.10
"""Ranking bonus for a pair whose parents are aligned with each other."""
ANCHOR_BONUS = 0.05
"""Ranking bonus for a pair between the same two anchors."""
RARE = 8
"""Rarest tokens per paragraph looked up in the inverted index."""
POSTINGS = 32
"""Index entries read per token, nearest in relative position."""
CANDIDATES = 8
"""Candidates kept per paragraph from the index."""
GAP_FULL = 100
"""Anchor gaps with at most this many pairs are scored in full."""
GROUP_FULL = 400
"""Groups with at most this many pairs are scored in full."""
FEW = 400
"""Leftovers with at most this many pairs in all are scored in full (a constant: still n log n)."""
BAND = 2
"""Positions on either side of the proportional place scored in a large gap."""
PART = 0.8
"""Weighted containment of a part in its whole."""
PART_ALIGNED = 0.6
"""Token partial_ratio (0-1) of a part against its whole."""
PART_PARTNER = 0.5
"""Containment in the whole's partner above which a leftover is a copy, not a part."""
PART_TOKENS = 4
"""Fewest distinct tokens a part must have."""

_MICRO = 1_000_000
_NUMBER = re.compile(r"\d+")
# Words, and numbers with their thousands separators ("13 289") as the empty token, in one pass.
_TOKENS = re.compile(r"([^\W\d_]+)|\d+(?:[.,\u00a0\u2009\u202f ]\d+)*")
_NON_WORD = re.compile(r"[\W_]+")


@attrs.frozen(eq=False)
class Profile:
    """A text as the aligner sees it: ``Profile(key="requests the secretary-general ...", tokens=(...), bag=...)``."""

    key: str
    """The tokens joined (Chinese: the characters without punctuation), numbers as ``0``;
    equal keys are exact matches."""
    tokens: tuple[str, ...]
    """Words (spaced languages) or character bigrams (Chinese), in order."""
    bag: frozenset[str]
    """The distinct tokens."""


@attrs.frozen
class Pair:
    """Old paragraph ``old`` is new paragraph ``new``: ``Pair(old=3, new=4, score=0.93, moved=False)``."""

    old: int
    """Index on the old side."""
    new: int
    """Index on the new side."""
    score: float
    """Similarity in [0, 1] (1.0 for the same profile)."""
    moved: bool = False
    """True when the pair breaks the order the other pairs keep."""


@attrs.frozen
class Link:
    """A split or merge part: ``Link(old=5, new=6, containment=0.92)``."""

    old: int
    """Old index: the whole of a split, the part of a merge."""
    new: int
    """New index: the part of a split, the whole of a merge."""
    containment: float
    """How much of the part's weighted tokens the whole holds."""


@attrs.frozen
class Alignment:
    """Result of :func:`align`."""

    pairs: tuple[Pair, ...]
    """One-to-one pairs, by old index."""
    splits: tuple[Link, ...]
    """Old whole -> new leftover part."""
    merges: tuple[Link, ...]
    """Old leftover part -> new whole."""

    def partner_of_old(self) -> dict[int, int]:
        """Old index -> new index."""
        return {p.old: p.new for p in self.pairs}

    def partner_of_new(self) -> dict[int, int]:
        """New index -> old index."""
        return {p.new: p.old for p in self.pairs}


@functools.cache
def _boundary(lang: str) -> bool:
    return spaced(lang)


def profile(text: str, lang: str) -> Profile:
    """Profile of one text (step 1 of the module docstring)."""
    # Tokens drop spaces, quotes and punctuation, so width folding is all the
    # normalisation they need (the compared form would add nothing).
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _boundary(lang):
        tokens = tuple(_TOKENS.findall(folded))  # a number is the empty token
        key = " ".join(tokens)
    else:
        key = _NUMBER.sub("0", _NON_WORD.sub("", folded))
        tokens = tuple(map(str.__add__, key, key[1:])) or ((key,) if key else ())
    return Profile(key, tokens, frozenset(tokens))


class _Profiles:
    """Profiles made once per distinct text: most texts recur (old and new, leaf and full text)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.made: dict[str, Profile] = {}

    def __call__(self, text: str) -> Profile:
        found = self.made.get(text)
        if found is None:
            found = self.made[text] = profile(text, self.lang)
        return found


def _df(profiles: Sequence[Profile]) -> dict[str, int]:
    df: Counter[str] = Counter()
    for p in profiles:
        df.update(p.bag)
    return df


def _idf(profiles: Sequence[Profile], df: dict[str, int] | None = None) -> dict[str, int]:
    """IDF of each token in micro-units: integers add up exactly in any order, so a
    score does not depend on set iteration order (and aligning is symmetric)."""
    df = _df(profiles) if df is None else df
    n = len(profiles)
    by_count = {d: round(_MICRO * math.log(1 + n / d)) for d in set(df.values())}
    return {t: by_count[d] for t, d in df.items()}


def _weight(bag: frozenset[str], idf: dict[str, int]) -> int:
    try:
        return sum(map(idf.__getitem__, bag))
    except KeyError:  # a part text may hold tokens no aligned text has: weigh them as rare
        return sum(idf.get(t, _MICRO * 4) for t in bag)


def score(a: Profile, b: Profile, idf: dict[str, int], wa: int | None = None, wb: int | None = None) -> float:
    """Similarity of two profiles in [0, 1] (step 4), rounded so that it is symmetric to the bit."""
    if a.key == b.key:
        return 1.0
    wa = _weight(a.bag, idf) if wa is None else wa
    wb = _weight(b.bag, idf) if wb is None else wb
    if wa + wb == 0:
        return 0.0
    dice = 2 * _weight(a.bag & b.bag, idf) / (wa + wb)
    seq = Indel.normalized_similarity(a.tokens, b.tokens)
    return round(DICE * dice + (1 - DICE) * seq, 6)


def _lis_ends(seq: Sequence[int]) -> tuple[list[int], int]:
    """Length of the longest strictly increasing subsequence ending at each value, and the overall longest."""
    tails: list[int] = []
    ends = []
    for v in seq:
        p = bisect_left(tails, v)
        if p == len(tails):
            tails.append(v)
        else:
            tails[p] = v
        ends.append(p + 1)
    return ends, len(tails)


def stable(seq: Sequence[int]) -> list[bool]:
    """For each value, whether it lies in *every* longest strictly increasing subsequence.

    Example: ``stable([0, 2, 1, 3]) == [True, False, False, True]``.
    """
    n = len(seq)
    f, longest = _lis_ends(seq)
    # Read backwards with signs flipped, an increasing run stays increasing: g[k] is
    # the length of the longest increasing subsequence that starts at k.
    backwards, _ = _lis_ends([-v for v in reversed(seq)])
    g = backwards[::-1]
    on = [f[k] + g[k] - 1 == longest for k in range(n)]
    level: dict[int, int] = defaultdict(int)
    for k in range(n):
        if on[k]:
            level[f[k]] += 1
    return [on[k] and level[f[k]] == 1 for k in range(n)]


def _near(postings: list[int], centre: float, limit: int) -> list[int]:
    if len(postings) <= limit:
        return postings
    mid = bisect_left(postings, centre)
    lo = max(0, min(mid - limit // 2, len(postings) - limit))
    return postings[lo : lo + limit]


def _index_candidates(
    side: list[int], other: list[int], ps: Sequence[Profile], qs: Sequence[Profile], df: dict[str, int], ratio: float
) -> set[tuple[int, int]]:
    """(side index, other index) candidates from the rarest tokens of each ``side`` paragraph."""
    index: dict[str, list[int]] = defaultdict(list)
    for j in other:
        for t in qs[j].bag:
            index[t].append(j)
    out: set[tuple[int, int]] = set()
    for i in side:
        # Sorted by text first, then (stably, in C) by document frequency: rarest first, ties fixed.
        rare = sorted(sorted(t for t in ps[i].bag if t in index), key=df.__getitem__)[:RARE]
        hits: dict[int, int] = defaultdict(int)
        centre = i * ratio
        for t in rare:
            for j in _near(index[t], centre, POSTINGS):
                hits[j] += 1
        best = sorted(hits, key=lambda j: (-hits[j], abs(j - centre), j))[:CANDIDATES]
        out.update((i, j) for j in best)
    return out


def _band(olds: list[int], news: list[int], full: int) -> set[tuple[int, int]]:
    """All pairs of a small block, else the pairs near the diagonal, from both sides."""
    if not olds or not news:
        return set()
    if len(olds) * len(news) <= full:
        return {(i, j) for i in olds for j in news}
    out = set()
    for k, i in enumerate(olds):
        c = round(k * (len(news) - 1) / max(1, len(olds) - 1))
        out.update((i, news[m]) for m in range(max(0, c - BAND), min(len(news), c + BAND + 1)))
    for k, j in enumerate(news):
        c = round(k * (len(olds) - 1) / max(1, len(news) - 1))
        out.update((olds[m], j) for m in range(max(0, c - BAND), min(len(olds), c + BAND + 1)))
    return out


def _gaps(
    anchors: list[tuple[int, int]], rest_old: list[int], rest_new: list[int]
) -> dict[int, tuple[list[int], list[int]]]:
    """Leftover indices of each side bucketed by the gap between consecutive anchors."""
    ai = [a for a, _ in anchors]
    aj = [b for _, b in anchors]
    out: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in rest_old:
        out[bisect_right(ai, i)][0].append(i)
    for j in rest_new:
        out[bisect_right(aj, j)][1].append(j)
    return out


def align(
    old: Sequence[str],
    new: Sequence[str],
    lang: str,
    *,
    old_groups: Sequence[Hashable] | None = None,
    new_groups: Sequence[Hashable] | None = None,
    old_parts: Sequence[str] | None = None,
    new_parts: Sequence[str] | None = None,
) -> Alignment:
    """Align ``old`` and ``new`` texts (see the module docstring).

    ``old_groups[i] == new_groups[j]`` marks paragraphs whose parents are
    already aligned; such pairs are preferred. ``old_parts`` / ``new_parts``
    are the texts tested for containment (default: the texts themselves).

    Example: ``align(["Decides A.", "Requests B."], ["Requests B.", "Decides A."], "en").pairs``
    gives ``(Pair(0, 1, 1.0, moved=True), Pair(1, 0, 1.0, moved=True))``.
    """
    made = _Profiles(lang)
    ps = [made(t) for t in old]
    qs = [made(t) for t in new]
    n_old, n_new = len(ps), len(qs)
    df = _df([*ps, *qs])
    idf = _idf([*ps, *qs], df)
    weights: dict[str, int] = {}  # by profile key, made only for candidates

    def weight(p: Profile) -> float:
        w = weights.get(p.key)
        if w is None:
            w = weights[p.key] = _weight(p.bag, idf)
        return w

    # Pass 1: keys that occur exactly once on each side.
    by_key_old: dict[str, list[int]] = defaultdict(list)
    by_key_new: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(ps):
        by_key_old[p.key].append(i)
    for j, q in enumerate(qs):
        by_key_new[q.key].append(j)
    exact = sorted(
        (by_key_old[k][0], js[0]) for k, js in by_key_new.items() if len(js) == 1 and len(by_key_old.get(k, ())) == 1
    )
    keep = stable([j for _, j in exact])
    anchors = [pair for pair, ok in zip(exact, keep, strict=True) if ok]
    taken_old = {i for i, _ in exact}
    taken_new = {j for _, j in exact}
    rest_old = [i for i in range(n_old) if i not in taken_old]
    rest_new = [j for j in range(n_new) if j not in taken_new]

    # Candidates among the leftovers.
    cands: set[tuple[int, int]] = set()
    if rest_old and rest_new:
        ratio = n_new / max(1, n_old)
        if len(rest_old) * len(rest_new) <= FEW:
            cands = {(i, j) for i in rest_old for j in rest_new}  # cheaper than an index
        else:
            cands |= _index_candidates(rest_old, rest_new, ps, qs, df, ratio)
            cands |= {(i, j) for j, i in _index_candidates(rest_new, rest_old, qs, ps, df, 1 / ratio)}
        gaps = _gaps(anchors, rest_old, rest_new)
        gap_of_old = {i: g for g, (olds, _) in gaps.items() for i in olds}
        gap_of_new = {j: g for g, (_, news) in gaps.items() for j in news}
        for olds, news in gaps.values():
            cands |= _band(olds, news, GAP_FULL)
        for k in set(by_key_old) & set(by_key_new):
            olds = [i for i in by_key_old[k] if i not in taken_old]
            news = [j for j in by_key_new[k] if j not in taken_new]
            cands |= _band(olds, news, GROUP_FULL)
        if old_groups is not None and new_groups is not None:
            groups: dict[Hashable, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
            for i in rest_old:
                groups[old_groups[i]][0].append(i)
            for j in rest_new:
                groups[new_groups[j]][1].append(j)
            for olds, news in groups.values():
                if olds and news and len(olds) * len(news) <= GROUP_FULL:
                    cands |= {(i, j) for i in olds for j in news}
    else:
        gap_of_old, gap_of_new = {}, {}

    scores: dict[tuple[int, int], float] = {}
    ranked = []
    for i, j in cands:
        s = score(ps[i], qs[j], idf, weight(ps[i]), weight(qs[j]))
        scores[(i, j)] = s
        if s < MATCH:
            continue
        bonus = 0.0
        if old_groups is not None and new_groups is not None and old_groups[i] == new_groups[j]:
            bonus += GROUP_BONUS
        if gap_of_old.get(i) == gap_of_new.get(j):
            bonus += ANCHOR_BONUS
        reldist = abs(i / max(1, n_old) - j / max(1, n_new))
        ranked.append((-round(s + bonus, 9), round(reldist, 9), i + j, i, j))
    ranked.sort()
    pairs: dict[int, int] = dict(exact)
    pair_score: dict[int, float] = {i: 1.0 for i, _ in exact}
    used_new = set(taken_new)
    for *_, i, j in ranked:
        if i in pairs or j in used_new:
            continue
        pairs[i] = j
        pair_score[i] = scores[(i, j)]
        used_new.add(j)
    _fill_gaps(
        pairs,
        pair_score,
        n_old,
        n_new,
        lambda i, j: scores.get((i, j)) or score(ps[i], qs[j], idf, weight(ps[i]), weight(qs[j])),
    )
    cands |= {(i, j) for i, j in pairs.items()}

    part_old = _Lazy(old_parts, made) if old_parts is not None else ps
    part_new = _Lazy(new_parts, made) if new_parts is not None else qs
    splits, merges = _parts(part_old, part_new, idf, pairs, cands)
    # A leftover whole with a single leftover part is one paragraph cut down (or grown).
    # Decide every promotion on the same state, so that the mirror decides alike.
    inverse = set(pairs.values())
    lone: list[Link] = []
    for links, whole_is_old in ((splits, True), (merges, False)):
        by_whole: dict[int, list[Link]] = defaultdict(list)
        for link in links:
            by_whole[link.old if whole_is_old else link.new].append(link)
        for whole, parts in by_whole.items():
            if len(parts) == 1 and (whole not in pairs if whole_is_old else whole not in inverse):
                lone.append(parts[0])
    olds = Counter(link.old for link in lone)
    news = Counter(link.new for link in lone)
    for link in lone:
        if olds[link.old] == 1 and news[link.new] == 1:
            pairs[link.old] = link.new
            pair_score[link.old] = scores.get((link.old, link.new)) or score(
                ps[link.old], qs[link.new], idf, weight(ps[link.old]), weight(qs[link.new])
            )
    paired_new = set(pairs.values())
    # A part is a leftover by definition: drop the links whose part is now paired.
    splits = [link for link in splits if link.new not in paired_new]
    merges = [link for link in merges if link.old not in pairs]

    ordered = sorted(pairs.items())
    keep = stable([j for _, j in ordered])
    out = tuple(Pair(i, j, pair_score[i], not ok) for (i, j), ok in zip(ordered, keep, strict=True))
    return Alignment(out, tuple(sorted(splits, key=_link_key)), tuple(sorted(merges, key=_link_key)))


def _fill_gaps(
    pairs: dict[int, int], pair_score: dict[int, float], n_old: int, n_new: int, scorer: Callable[[int, int], float]
) -> None:
    """Step 5b: pair leftovers that sit in the same place, at the lower threshold ``MATCH_IN_PLACE``.

    "The same place" is the same gap between two consecutive pairs of the
    longest order-keeping chain, so both neighbours agree.
    """
    ordered = sorted(pairs.items())
    anchors = [pair for pair, ok in zip(ordered, stable([j for _, j in ordered]), strict=True) if ok]
    used = set(pairs.values())
    rest_old = [i for i in range(n_old) if i not in pairs]
    rest_new = [j for j in range(n_new) if j not in used]
    ranked = []
    for olds, news in _gaps(anchors, rest_old, rest_new).values():
        for i, j in _band(olds, news, GAP_FULL):
            s = scorer(i, j)
            if s >= MATCH_IN_PLACE:
                reldist = abs(i / max(1, n_old) - j / max(1, n_new))
                ranked.append((-s, round(reldist, 9), i + j, i, j))
    ranked.sort()
    for neg, _, _, i, j in ranked:
        if i not in pairs and j not in used:
            pairs[i] = j
            pair_score[i] = -neg
            used.add(j)


def _link_key(link: Link) -> tuple[int, int]:
    return (link.old, link.new)


class _Lazy:
    """Profiles of the part texts, made only for the paragraphs a part test touches."""

    def __init__(self, texts: Sequence[str], profiles: _Profiles) -> None:
        self.texts = texts
        self.profiles = profiles

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, k: int) -> Profile:
        return self.profiles(self.texts[k])


def _parts(
    ps: Sequence[Profile] | _Lazy,
    qs: Sequence[Profile] | _Lazy,
    idf: dict[str, int],
    pairs: dict[int, int],
    cands: set[tuple[int, int]],
) -> tuple[list[Link], list[Link]]:
    """Splits (old whole, new part) and merges (old part, new whole) among the leftovers (step 6)."""
    inverse = {j: i for i, j in pairs.items()}
    left_old = {i for i in range(len(ps)) if i not in pairs}
    left_new = {j for j in range(len(qs)) if j not in inverse}
    if not left_old and not left_new:
        return [], []

    def contained(part: Profile, whole: Profile) -> float:
        wpart = _weight(part.bag, idf)
        return _weight(part.bag & whole.bag, idf) / wpart if wpart else 0.0

    def best(
        part: Profile,
        wholes: list[int],
        side: Sequence[Profile] | _Lazy,
        partner: dict[int, int],
        other: Sequence[Profile] | _Lazy,
    ) -> tuple[tuple[float, int], int, float] | None:
        found = None
        for w in wholes:
            c = contained(part, side[w])
            if c < PART or fuzz.partial_ratio(part.tokens, side[w].tokens) < PART_ALIGNED * 100:
                continue
            if w in partner and contained(part, other[partner[w]]) >= PART_PARTNER:
                continue
            key = (-round(c, 9), w)
            if found is None or key < found[0]:
                found = (key, w, c)
        return found

    by_new: dict[int, list[int]] = defaultdict(list)
    by_old: dict[int, list[int]] = defaultdict(list)
    for i, j in cands:
        by_new[j].append(i)
        by_old[i].append(j)
    splits = []
    for j in sorted(left_new):
        if len(qs[j].bag) < PART_TOKENS:
            continue
        found = best(qs[j], sorted(by_new.get(j, [])), ps, pairs, qs)
        if found:
            splits.append(Link(found[1], j, round(found[2], 6)))
    merges = []
    for i in sorted(left_old):
        if len(ps[i].bag) < PART_TOKENS:
            continue
        found = best(ps[i], sorted(by_old.get(i, [])), qs, inverse, ps)
        if found:
            merges.append(Link(i, found[1], round(found[2], 6)))
    return splits, merges
