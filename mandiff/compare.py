"""Compare two successive mandates: ``compare(old, new) -> MandateDiff``.

Pipeline (each step pure):

1. Parse both sides (unless given :class:`~mandiff.model.Resolution` models).
2. Align the operative paragraphs across the whole document
   (:func:`mandiff.align.align`), each one by its own text and all its
   sub-paragraphs, so a paragraph whose chapeau is boilerplate is still known
   by its tasks.
3. Align every sub-paragraph and item of the document in one go by its text
   and its descendants' text, preferring pairs whose top-level paragraphs are
   aligned (the *group* bonus), then anywhere: a task that moved from
   ``38(d)(ii)`` to ``28(c)(i)`` is found.
4. Align the preamble the same way; it is summarised (status, tags and
   alignment of each preambular paragraph, counts), without word diffs,
   facts or clause changes, since it sets the context, not the mandate.
5. For each pair, decide the status and the tags:

   * ``unchanged`` when the compared forms of the two texts are equal
     (:func:`mandiff.textdiff.comparable`), or differ only in the closing
     mark (``;`` became ``.`` because the paragraph is now the last one), or
     become equal once references to the resolution's own paragraphs
     ("paragraph 12 (b) below", 上文第 17 段) follow the renumbering, and the
     clause types and modifiers are the same;
     ``changed`` otherwise, with a word-level (Chinese: character-level) diff;
   * ``moved``: the pair breaks the order the others keep, or a sub-paragraph
     now sits under another parent; ``renumbered``: the id differs;
   * clauses of the two paragraphs are aligned in order by text similarity
     (at least ``CLAUSE_MATCH``, same-type pairs preferred by
     ``SAME_TYPE_BONUS``); an aligned clause whose tier on the
     ``types.toml`` scale rose is ``strengthened``, fell ``weakened``; the
     paragraph's strongest tier rising or falling counts too; a clause
     without counterpart is ``clauses_added`` / ``clauses_removed``; a
     known addressee that differs is ``addressee_changed``. A sub-paragraph
     has no clauses of its own: it takes the tier of the clause that
     introduces the list, the last clause of its top-level paragraph;
   * ``facts_changed`` when :func:`mandiff.facts.diff` finds a date, figure,
     duration or reporting cycle that differs;
   * ``split`` / ``merged`` for the parts :func:`mandiff.align.align` finds:
     the whole's pair carries the tag, and each part is listed as its own
     entry from (or to) the whole, tagged ``split`` (or ``merged``) alone,
     with ``related`` naming the other pieces.

6. Leftovers are ``removed`` or ``added``. The mandate summary (end date,
   length, ceilings) comes from :func:`mandiff.facts.summarize`.
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Sequence

import attrs
from rapidfuzz.distance import Indel

from mandiff import facts, lexicon
from mandiff.align import Alignment, Link, align, stable
from mandiff.changes import TAGS, ClauseChange, Fact, MandateDiff, ParagraphChange, PreambleSummary
from mandiff.errors import MandiffError
from mandiff.lexicon import strength
from mandiff.model import Clause, Paragraph, Resolution
from mandiff.parse import load, parse
from mandiff.textdiff import comparable, diff_forms, shown

__all__ = ["LanguageMismatchError", "compare"]

CLAUSE_MATCH = 0.5
"""Lowest similarity (normalized Indel over characters) at which two clauses are the same clause."""
SAME_TYPE_BONUS = 0.25
"""Added to the similarity of two clauses of the same type when choosing the clause alignment."""


class LanguageMismatchError(MandiffError):
    """The two resolutions are in different languages."""


Source = Resolution | os.PathLike[str] | str | bytes


def _resolution(source: Source, lang: str | None) -> Resolution:
    if isinstance(source, Resolution):
        return source
    if isinstance(source, os.PathLike):
        return load(source, lang)
    if isinstance(source, str | bytes):
        return parse(source, lang)
    raise TypeError(f"compare() takes a Resolution, a path, text or bytes, not {type(source).__name__}")


def compare(old: Source, new: Source, lang: str | None = None) -> MandateDiff:
    """Compare two mandates given as models, paths (``os.PathLike``), text or bytes.

    Example: ``compare(Path("S-RES-2506-2020.en.txt"), Path("S-RES-2537-2020.en.txt")).summary()``
    gives the counts per status and per tag of the operative changes.
    """
    a, b = _resolution(old, lang), _resolution(new, lang)
    if a.language != b.language:
        raise LanguageMismatchError(
            f"cannot compare a {a.language!r} text with a {b.language!r} text; "
            "give two versions in the same language (or pass lang= to read both as one language)"
        )
    ctx = _Context(a.language)
    changes = _operative(a, b, ctx)
    pre = align([p.text for p in a.preamble], [p.text for p in b.preamble], ctx.lang)
    # The preamble is summarised: alignment, status and tags, without word diffs, facts or clauses.
    preamble = _changes(list(a.preamble), list(b.preamble), pre, ctx, {p.old: p.moved for p in pre.pairs}, detail=False)
    return MandateDiff(
        language=ctx.lang,
        old=a.metadata,
        new=b.metadata,
        mandate=facts.summarize(a, b),
        preamble=PreambleSummary(_ordered(preamble, [p.id for p in a.preamble], [p.id for p in b.preamble])),
        changes=_ordered(
            changes,
            [p.id for para in a.operative for p in para.walk()],
            [p.id for para in b.operative for p in para.walk()],
        ),
    )


def _operative(a: Resolution, b: Resolution, ctx: _Context) -> list[ParagraphChange]:
    """Steps 2, 3 and 5 of the module docstring for the operative part."""
    top = align([_full(p) for p in a.operative], [_full(p) for p in b.operative], ctx.lang)
    ctx.forward = {a.operative[p.old].id: b.operative[p.new].id for p in top.pairs}
    ctx.backward = {v: k for k, v in ctx.forward.items()}

    subs_a = [(node, i, parent) for i, para in enumerate(a.operative) for node, parent in _descendants(para)]
    subs_b = [(node, j, parent) for j, para in enumerate(b.operative) for node, parent in _descendants(para)]
    top_of_old = top.partner_of_old()
    top_of_new = top.partner_of_new()
    sub = align(
        [_full(n) for n, _, _ in subs_a],
        [_full(n) for n, _, _ in subs_b],
        ctx.lang,
        # Children of aligned top-level paragraphs share a group: they are tried first.
        old_groups=[("pair", i) if i in top_of_old else ("old", i) for _, i, _ in subs_a],
        new_groups=[("pair", top_of_new[j]) if j in top_of_new else ("new", j) for _, j, _ in subs_b],
        old_parts=[n.text for n, _, _ in subs_a],
        new_parts=[n.text for n, _, _ in subs_b],
    )
    partner = dict(ctx.forward)  # old id -> new id, both levels
    partner.update({subs_a[p.old][0].id: subs_b[p.new][0].id for p in sub.pairs})
    tiers = (
        [_chapeau_tier(a.operative[i]) for _, i, _ in subs_a],
        [_chapeau_tier(b.operative[j]) for _, j, _ in subs_b],
    )
    return [
        *_changes(list(a.operative), list(b.operative), top, ctx, {p.old: p.moved for p in top.pairs}),
        *_changes(
            [n for n, _, _ in subs_a],
            [n for n, _, _ in subs_b],
            sub,
            ctx,
            _sub_moves(sub, subs_a, subs_b, partner),
            tiers,
        ),
    ]


class _Context:
    """What every pair needs: the language, how paragraph numbers map, and the
    compared forms and facts of texts already seen in this comparison."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.forward: dict[str, str] = {}
        """Old top-level id -> new top-level id, for cross-references."""
        self.backward: dict[str, str] = {}
        self._forms: dict[str, str] = {}
        self._facts: dict[str, tuple[Fact, ...]] = {}

    def form(self, text: str) -> str:
        found = self._forms.get(text)
        if found is None:
            found = self._forms[text] = comparable(text, self.lang)
        return found

    def facts(self, text: str) -> tuple[Fact, ...]:
        found = self._facts.get(text)
        if found is None:
            found = self._facts[text] = facts.extract(text, self.lang)
        return found


def _full(para: Paragraph) -> str:
    """The paragraph's text and all its descendants' texts."""
    return " ".join(p.text for p in para.walk())


def _descendants(para: Paragraph) -> list[tuple[Paragraph, Paragraph]]:
    """(node, parent) for every sub-paragraph and item under ``para``, in document order."""
    out = []
    for child in para.children:
        out.append((child, para))
        out.extend(_descendants(child))
    return out


def _chapeau_tier(para: Paragraph) -> int | None:
    """Tier of the clause that introduces the sub-paragraphs: the last clause of the chapeau
    ("Recalls ..., and calls upon the two leaders to:" governs its list with calls upon)."""
    return strength(para.clauses[-1].type) if para.clauses else None


def _sub_moves(
    sub: Alignment,
    subs_a: list[tuple[Paragraph, int, Paragraph]],
    subs_b: list[tuple[Paragraph, int, Paragraph]],
    partner: dict[str, str],
) -> dict[int, bool]:
    """A sub-paragraph moved when its parent's counterpart is not its new parent,
    or when it breaks the order of its siblings under the same pair of parents."""
    moved: dict[int, bool] = {}
    siblings: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for p in sub.pairs:
        old_parent = subs_a[p.old][2].id
        new_parent = subs_b[p.new][2].id
        if partner.get(old_parent) != new_parent:
            moved[p.old] = True
        else:
            siblings[(old_parent, new_parent)].append((p.old, p.new))
    for group in siblings.values():
        group.sort()
        for (i, _), ok in zip(group, stable([j for _, j in group]), strict=True):
            moved[i] = not ok
    return moved


def _remap(text: str, lang: str, mapping: dict[str, str]) -> str:
    """``text`` with its references to own paragraphs renumbered through ``mapping``."""
    spans = facts.paragraph_refs(text, lang)
    if not spans:
        return text
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(mapping.get(text[start:end], text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _same_text(o: str, n: str, ctx: _Context) -> bool:
    if o == n:
        return True
    a, b = ctx.form(o), ctx.form(n)
    if a == b:
        return True
    ends = _ends(ctx.lang)
    if a[:-1] == b[:-1] and a[-1:] in ends and b[-1:] in ends:
        return True  # only the closing mark differs: the paragraph is now (or was) the last one
    return ctx.form(_remap(o, ctx.lang, ctx.forward)) == b or a == ctx.form(_remap(n, ctx.lang, ctx.backward))


@functools.cache
def _ends(lang: str) -> frozenset[str]:
    """Marks that close a paragraph (";" inside the operative part, "." after the last, ","
    in the preamble), in compared form."""
    syntax = lexicon.load(lang).data["syntax"]
    marks = (*syntax["operative_end"], *syntax["final_end"], *syntax["preamble_end"])
    return frozenset(comparable(m, lang) for m in marks)


def _clause_pairs(old: Sequence[Clause], new: Sequence[Clause], ctx: _Context) -> list[tuple[int | None, int | None]]:
    """Order-preserving alignment of two clause lists maximizing total similarity."""
    ta = [c.text.casefold() for c in old]
    tb = [c.text.casefold() for c in new]
    m, n = len(ta), len(tb)
    sim = [[Indel.normalized_similarity(x, y) for y in tb] for x in ta]
    # A clause that keeps its verb type is more likely the same clause: worth more in the sum.
    gain = [[sim[i][j] + (SAME_TYPE_BONUS if old[i].type == new[j].type else 0.0) for j in range(n)] for i in range(m)]
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            take = best[i + 1][j + 1] + gain[i][j] if sim[i][j] >= CLAUSE_MATCH else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < m and j < n:
        if sim[i][j] >= CLAUSE_MATCH and best[i][j] == best[i + 1][j + 1] + gain[i][j]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out.extend((k, None) for k in range(i, m))
    out.extend((None, k) for k in range(j, n))
    return out


def _clauses(o: Paragraph, n: Paragraph, ctx: _Context) -> tuple[tuple[ClauseChange, ...], set[str]]:
    """Clause changes between two paragraphs and the paragraph tags they imply."""
    out: list[ClauseChange] = []
    tags: set[str] = set()
    for i, j in _clause_pairs(o.clauses, n.clauses, ctx):
        a = o.clauses[i] if i is not None else None
        b = n.clauses[j] if j is not None else None
        ta = strength(a.type) if a else None
        tb = strength(b.type) if b else None
        if a is None or b is None:
            tags.add("clauses_removed" if b is None else "clauses_added")
            out.append(ClauseChange("removed" if b is None else "added", (), a, b, i, j, ta, tb))
            continue
        ctags = []
        if ta is not None and tb is not None and ta != tb:
            ctags.append("strengthened" if tb > ta else "weakened")
        ka = a.addressee.key if a.addressee else None
        kb = b.addressee.key if b.addressee else None
        if ka and kb and ka != kb:
            ctags.append("addressee_changed")
        same = (a.type, a.modifiers) == (b.type, b.modifiers) and (
            a.text == b.text or ctx.form(a.text) == ctx.form(b.text)
        )
        if ctags or not same:
            out.append(ClauseChange("changed", tuple(ctags), a, b, i, j, ta, tb))
        tags.update(ctags)
    ma = max((t for c in o.clauses if (t := strength(c.type)) is not None), default=None)
    mb = max((t for c in n.clauses if (t := strength(c.type)) is not None), default=None)
    if ma is not None and mb is not None and ma != mb:
        tags.add("strengthened" if mb > ma else "weakened")
    return tuple(out), tags


def _pair(
    o: Paragraph,
    n: Paragraph,
    score: float,
    ctx: _Context,
    tags: set[str],
    tiers: tuple[int | None, int | None],
    detail: bool = True,
) -> ParagraphChange:
    same_text = _same_text(o.text, n.text, ctx)
    same_types = [(c.type, c.modifiers) for c in o.clauses] == [(c.type, c.modifiers) for c in n.clauses]
    status = "unchanged" if same_text and same_types else "changed"
    clause_changes: tuple[ClauseChange, ...] = ()
    fact_changes = ()
    if status == "changed" and detail:
        clause_changes, clause_tags = _clauses(o, n, ctx)
        tags |= clause_tags
    if not same_text and detail:
        fact_changes = facts.diff(ctx.facts(o.text), ctx.facts(n.text))
        if fact_changes:
            tags.add("facts_changed")
    ta, tb = tiers
    if not o.clauses and not n.clauses and ta is not None and tb is not None and ta != tb:
        tags.add("strengthened" if tb > ta else "weakened")
    if o.id != n.id:
        tags.add("renumbered")
    return ParagraphChange(
        old=o.id,
        new=n.id,
        kind=n.kind,
        status=status,
        tags=tuple(t for t in TAGS if t in tags),
        similarity=score,
        old_text=o.text,
        new_text=n.text,
        ops=diff_forms(shown(o.text), shown(n.text), ctx.lang) if status == "changed" and detail else (),
        facts=fact_changes,
        clauses=clause_changes,
        old_span=o.span,
        new_span=n.span,
        heading=n.heading or o.heading,
        lead=_lead(n) or _lead(o),
    )


def _changes(
    old: list[Paragraph],
    new: list[Paragraph],
    al: Alignment,
    ctx: _Context,
    moved: dict[int, bool],
    tiers: tuple[list[int | None], list[int | None]] | None = None,
    detail: bool = True,
) -> list[ParagraphChange]:
    """One change per pair, per split or merge part, and per leftover paragraph;
    without ``detail``, no word diff, facts or clause changes."""
    split_parts: dict[int, list[int]] = defaultdict(list)  # old whole -> new parts
    merge_parts: dict[int, list[int]] = defaultdict(list)  # new whole -> old parts
    for link in al.splits:
        split_parts[link.old].append(link.new)
    for link in al.merges:
        merge_parts[link.new].append(link.old)
    of_old = al.partner_of_old()
    of_new = al.partner_of_new()
    out: list[ParagraphChange] = []
    for p in al.pairs:
        tags: set[str] = {"moved"} if moved.get(p.old) else set()
        related: list[str] = []
        if p.old in split_parts:
            tags.add("split")
            related += [new[j].id for j in split_parts[p.old]]
        if p.new in merge_parts:
            tags.add("merged")
            related += [old[i].id for i in merge_parts[p.new]]
        t = (tiers[0][p.old], tiers[1][p.new]) if tiers else (None, None)
        change = _pair(old[p.old], new[p.new], p.score, ctx, tags, t, detail)
        out.append(_with_related(change, related))
    for link in al.splits:
        siblings = [of_old[link.old]] if link.old in of_old else []
        siblings += [j for j in split_parts[link.old] if j != link.new]
        out.append(
            _part(old[link.old], new[link.new], "split", [new[j].id for j in sorted(siblings)], link, ctx, detail)
        )
    for link in al.merges:
        siblings = [of_new[link.new]] if link.new in of_new else []
        siblings += [i for i in merge_parts[link.new] if i != link.old]
        out.append(
            _part(old[link.old], new[link.new], "merged", [old[i].id for i in sorted(siblings)], link, ctx, detail)
        )
    in_old = set(of_old) | {link.old for link in (*al.splits, *al.merges)}
    in_new = set(of_new) | {link.new for link in (*al.splits, *al.merges)}
    for i, para in enumerate(old):
        if i not in in_old:
            out.append(_alone(para, "removed"))
    for j, para in enumerate(new):
        if j not in in_new:
            out.append(_alone(para, "added"))
    return out


def _with_related(change: ParagraphChange, related: list[str]) -> ParagraphChange:
    return attrs.evolve(change, related=tuple(related)) if related else change


def _part(
    o: Paragraph, n: Paragraph, tag: str, related: list[str], link: Link, ctx: _Context, detail: bool
) -> ParagraphChange:
    same = _same_text(o.text, n.text, ctx)
    return ParagraphChange(
        old=o.id,
        new=n.id,
        kind=n.kind,
        status="unchanged" if same else "changed",
        tags=(tag,),
        similarity=link.containment,
        old_text=o.text,
        new_text=n.text,
        ops=() if same or not detail else diff_forms(shown(o.text), shown(n.text), ctx.lang),
        related=tuple(related),
        old_span=o.span,
        new_span=n.span,
        heading=n.heading or o.heading,
        lead=_lead(n) or _lead(o),
    )


def _alone(para: Paragraph, status: str) -> ParagraphChange:
    old = status == "removed"
    return ParagraphChange(
        old=para.id if old else None,
        new=None if old else para.id,
        kind=para.kind,
        status=status,
        tags=(),
        similarity=0.0,
        old_text=para.text if old else None,
        new_text=None if old else para.text,
        old_span=para.span if old else None,
        new_span=None if old else para.span,
        heading=para.heading,
        lead=_lead(para),
    )


def _lead(para: Paragraph) -> str | None:
    return para.clauses[0].type if para.clauses else None


def _ordered(changes: list[ParagraphChange], order_old: list[str], order_new: list[str]) -> tuple[ParagraphChange, ...]:
    """New-document order; a removed paragraph goes after the new place of the old paragraph before it."""
    pos_old = {pid: k for k, pid in enumerate(order_old)}
    pos_new = {pid: k for k, pid in enumerate(order_new)}
    landed: dict[int, int] = {}
    for c in changes:
        if c.old is not None and c.new is not None:
            k = pos_old[c.old]
            landed[k] = max(landed.get(k, -1), pos_new[c.new])
    last = -1
    after: list[int] = []
    for k in range(len(order_old)):
        after.append(last)
        last = max(last, landed.get(k, -1))

    def key(c: ParagraphChange) -> tuple[int, int, int]:
        if c.new is not None:
            return (pos_new[c.new], 0, pos_old[c.old] if c.old is not None else -1)
        k = pos_old[c.old] if c.old is not None else -1
        return (after[k], 1, k)

    return tuple(sorted(changes, key=key))
