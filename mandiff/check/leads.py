"""Rules on lead verbs: operative paragraphs open with an operative verb, preambular ones with
a preambular form.

The verbs are the parser's lexicon (``mandiff/lexicon/<code>.toml``); whether a
language writes the two parts with different forms of a verb ("Welcoming" /
"Welcomes") is ``[leads]`` of ``rules_<code>.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

from mandiff.check.draft import Draft
from mandiff.check.findings import Hit, Rule
from mandiff.classify import lead_of
from mandiff.lexicon import types

__all__ = ["RULES"]

_WORDS = 4
"""How many words (or, in Chinese, 8 characters) of the opening a message quotes."""
_EXAMPLES = ("decides", "requests", "calls_upon")
"""Clause types whose verbs a message offers as examples."""


def _opening(text: str, joiner: str) -> int:
    """Where the quoted opening of ``text`` ends."""
    if joiner:
        m = re.match(rf"\s*(?:\S+\s+){{0,{_WORDS - 1}}}\S+", text)
        return m.end() if m else 0
    return min(len(text), _WORDS * 2)


def _operative_form(draft: Draft, clause_type: str) -> str | None:
    """The operative verb of ``clause_type`` as the lexicon writes it first (``"Expresses"``)."""
    surfaces = draft.lex.data.get("operative", {}).get(clause_type)
    if not surfaces:
        return None
    word = str(surfaces[0])
    return word[:1].upper() + word[1:] if draft.words.capitalize else word


def lead_verb(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Every operative paragraph opens with an operative verb, after any modifiers
    ("Decides", "Also requests", "又强烈谴责").

    A paragraph that opens otherwise has no clear force: the reader cannot tell
    whether the Council decides, requests or merely notes. A preambular form in
    the operative part is the ``preambular-lead`` rule's.
    """
    for para in draft.res.operative:
        text = para.text
        if lead_of(text, draft.lex) is not None or lead_of(text, draft.lex, preamble=True) is not None:
            continue
        end = _opening(text, draft.lex.joiner)
        span = draft.span(para, 0, end) if text else draft.label_span(para)
        opening = text[:end].strip()
        said = f"opens with '{opening}'" if opening else "is empty"
        examples = ", ".join(f"'{v}'" for v in map(partial(_operative_form, draft), _EXAMPLES) if v)
        yield Hit(
            span,
            f"operative paragraph {para.id} {said}, not with an operative verb; "
            f"start it with one (after any modifier), e.g. {examples}",
            para.id,
        )


def preambular_lead(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """No operative paragraph opens with a preambular form ("Expressing concern", "铭记").

    A participle in the operative part is usually a preambular paragraph pasted in
    the wrong place, or a verb not turned into its operative form.
    """
    for para in draft.res.operative:
        if lead_of(para.text, draft.lex) is not None:
            continue
        lead = lead_of(para.text, draft.lex, preamble=True)
        if lead is None:
            continue
        said = para.text[lead.start : lead.end].strip()
        better = _operative_form(draft, lead.type)
        fix = (
            f"use the operative form ('{better}') or move the paragraph to the preamble"
            if better
            else "move the paragraph to the preamble or open it with an operative verb"
        )
        yield Hit(
            draft.span(para, lead.start, lead.end),
            f"operative paragraph {para.id} opens with the preambular form '{said}'; {fix}",
            para.id,
        )


def operative_lead(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """No preambular paragraph opens with an operative verb ("Decides", "决定").

    Where the language writes the two parts with different forms ("Welcoming" /
    "Welcomes"), any operative form is wrong in the preamble; where it does not
    (Chinese), only verbs that act (decide, authorize, request: ``[leads]
    not_in_preamble``) are. An operative verb in the preamble usually means the
    operative part starts earlier than its numbering says.
    """
    words = draft.words
    for para in draft.res.preamble:
        if words.distinct_forms:
            lead = lead_of(para.text, draft.lex)
        else:
            lead = lead_of(para.text, draft.lex, preamble=True)
            if lead is not None and lead.type not in words.not_in_preamble:
                lead = None
        if lead is None or types().get(lead.type, {}).get("preamble_only"):
            continue
        said = para.text[lead.start : lead.end].strip()
        yield Hit(
            draft.span(para, lead.start, lead.end),
            f"preambular paragraph {para.id.removeprefix('PP')} opens with the operative verb '{said}'; "
            "use its preambular form, or number the paragraph as an operative one",
            para.id,
        )


RULES = (
    Rule("lead-verb", "error", "Operative paragraphs open with an operative verb", lead_verb),
    Rule("preambular-lead", "error", "No operative paragraph opens with a preambular form", preambular_lead),
    Rule(
        "operative-lead-in-preamble",
        "error",
        "No preambular paragraph opens with an operative verb",
        operative_lead,
    ),
)
