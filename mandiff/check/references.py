"""Rules on cross-references: "paragraph 58 below", "上文第 38(a)㈡段" point at a paragraph
that exists, in the direction the words state.

The phrasing is data (``[references]`` of ``rules_<code>.toml``). A reference
inside an annex refers to that annex's own paragraphs; anywhere else, to the
operative part. References to other resolutions ("paragraph 4 of resolution
2374 (2017)") carry no direction word and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from mandiff.check.draft import Draft
from mandiff.check.findings import Hit, Rule
from mandiff.check.words import ITEM_RE
from mandiff.labels import to_roman
from mandiff.lexicon import common
from mandiff.model import Paragraph

__all__ = ["RULES", "Reference", "references"]


@attrs.frozen
class Reference:
    """One paragraph named by a cross-reference.

    Example: ``Reference(target="38(a)(ii)", written="38 (a) (ii)", start=120, end=131,
    direction="above", word=(137, 142))`` for "paragraph 38 (a) (ii) above".
    """

    target: str
    """Id of the paragraph named, in the model's form without an annex prefix (``"38(a)(ii)"``)."""
    written: str
    """The number as written (``"38 (a) (ii)"``), or the whole range for a number inside one (``"70 至 75"``)."""
    start: int
    """Start of the number in the paragraph's cleaned text."""
    end: int
    """End of the number in the paragraph's cleaned text."""
    direction: str | None
    """``"above"``, ``"below"`` or None when the words state no direction."""
    word: tuple[int, int] | None
    """Where the direction word sits in the cleaned text."""


_SUB = re.compile(r"[(（]\s*([^)）\s]+)\s*[)）]|(\S)")


def _sub_key(chunk: str) -> str | None:
    """Model key of one sub-paragraph label: ``(a)`` -> ``a``, ``(ii)`` -> ``ii``, ``㈡`` / ``(二)`` -> ``ii``."""
    labels = common()["labels"]
    m = _SUB.fullmatch(chunk.strip())
    if not m:
        return None
    if m.group(2):
        found = labels["parenthesized_ideographs"].find(m.group(2))
        return to_roman(found + 1) if found >= 0 else None
    inner = m.group(1)
    numerals = labels["cjk_numerals"]
    if all(ch in numerals for ch in inner):
        # 一 .. 十 cover the sub-paragraph lists of real texts; longer numerals are not labels here.
        return to_roman(numerals.index(inner) + 1) if len(inner) == 1 else None
    return inner.lower()


_CHUNKS = re.compile(r"[(（][^)）]*[)）]|\S")


def _target(item: str) -> tuple[str, int] | None:
    """(model id, top-level number) of a written item (``"38 (a) (ii)"`` -> ``("38(a)(ii)", 38)``)."""
    m = re.match(r"\d+", item)
    if not m:
        return None
    pid = str(int(m.group()))
    for chunk in _CHUNKS.findall(item[m.end() :]):
        key = _sub_key(chunk)
        if key is None:
            return None
        pid += f"({key})"
    return pid, int(m.group())


def references(draft: Draft, para: Paragraph) -> Iterator[Reference]:
    """Every paragraph that the cross-references in ``para.text`` name, ranges expanded."""
    words = draft.words
    text = para.text
    for pattern in words.references:
        for m in pattern.finditer(text):
            direction = word = None
            if "direction" in pattern.groupindex and m.group("direction"):
                said = m.group("direction").casefold()
                direction = "above" if said in words.above else "below" if said in words.below else None
                word = m.span("direction")
            base = m.start("refs")
            items = list(ITEM_RE.finditer(m.group("refs")))
            for i, item in enumerate(items):
                found = _target(item.group())
                if found is None:
                    continue
                start, end = base + item.start(), base + item.end()
                if i:
                    between = m.group("refs")[items[i - 1].end() : item.start()]
                    before = _target(items[i - 1].group())
                    if between.strip().casefold() in words.ranges and before and before[0] == str(before[1]):
                        # "paragraphs 55 to 60": the numbers strictly between are named too.
                        written = items[i - 1].group() + between + item.group()
                        for n in range(before[1] + 1, found[1]):
                            yield Reference(str(n), written, start, end, direction, word)
                yield Reference(found[0], item.group(), start, end, direction, word)


def _index(scope: tuple[Paragraph, ...]) -> dict[str, Paragraph]:
    """Paragraphs of ``scope`` by id, an annex's ids without their ``"A1."`` prefix."""
    index: dict[str, Paragraph] = {}
    for top in scope:
        for para in top.walk():
            index.setdefault(re.sub(r"^A\d+\.", "", para.id.partition("#")[0]), para)
    return index


def _each(draft: Draft) -> Iterator[tuple[Paragraph, Reference, Paragraph | None, str]]:
    """(paragraph, reference, paragraph named or None, where it was looked for) for every reference.

    A reference that states a direction looks first in the scope it stands in (an
    annex's own paragraphs), then in the operative part, which an annex also follows;
    one without ("paragraph 1 of this resolution") names an operative paragraph.
    """
    operative = _index(draft.res.operative)
    cache: dict[int, dict[str, Paragraph]] = {id(draft.res.operative): operative}
    for para, scope in draft.paragraphs():
        if id(scope) not in cache:
            cache[id(scope)] = _index(scope)
        own = cache[id(scope)]
        for ref in references(draft, para):
            chain = [own, operative] if ref.direction is not None and own is not operative else [operative]
            target = next((index[ref.target] for index in chain if ref.target in index), None)
            yield para, ref, target, "annex or operative" if len(chain) > 1 else "operative"


def reference_target(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A cross-reference ("paragraph 58 below", "上文第 38(a)㈡段") names a paragraph that exists.

    A reference left dangling after paragraphs were deleted or renumbered sends the
    reader to the wrong obligation; fix the number.
    """
    operative = _index(draft.res.operative)
    for para, ref, target, scope in _each(draft):
        if target is not None:
            continue
        top = ref.target.partition("(")[0]
        where = draft.span(para, ref.start, ref.end)
        if top in operative and scope == "operative":
            cause = f"paragraph {top} has no sub-paragraph {ref.target[len(top) :]}"
        else:
            numbers = [int(k) for k in operative if k.isdigit()]
            last = f" (they end at {max(numbers)})" if numbers else ""
            cause = f"there is no {scope} paragraph {ref.target}{last}"
        named = ref.target if ref.written == ref.target else f"{ref.target} ('{ref.written}')"
        yield Hit(where, f"the reference to paragraph {named} points nowhere: {cause}; correct the number", para.id)


def reference_direction(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A cross-reference says "above" (上文) only for a paragraph before it, "below" (下文) only for one after it.

    A wrong direction word usually survives a move of the paragraph it names.
    """
    words = draft.words
    for para, ref, target, _scope in _each(draft):
        if target is None or ref.direction is None or ref.word is None:
            continue
        at = draft.span(para, *ref.word)
        before = target.span.start < at.start
        if before == (ref.direction == "above"):
            continue
        said = para.text[ref.word[0] : ref.word[1]]
        other = _surface(words.below if ref.direction == "above" else words.above, said)
        side = "before" if before else "after"
        yield Hit(
            at,
            f"'{said}' points at paragraph {ref.written}, which stands {side} this one (line {target.span.line}); "
            f"write '{other}'",
            para.id,
        )


def _surface(choices: frozenset[str], said: str) -> str:
    """The other direction word, in the case the writer used."""
    word = sorted(choices)[0]
    return word.capitalize() if said[:1].isupper() else word


RULES = (
    Rule(
        "reference-target",
        "error",
        "Cross-references name paragraphs that exist",
        reference_target,
    ),
    Rule(
        "reference-direction",
        "error",
        "Cross-references say 'above' or 'below' as the paragraph named stands",
        reference_direction,
    ),
)
