"""Rules on the text as a whole: the closing formula, paragraphs repeated word for word."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from mandiff.check.draft import Draft, describe
from mandiff.check.findings import Hit, Rule
from mandiff.clean import normalize
from mandiff.lexicon import BODY_NAMES
from mandiff.model import Paragraph

__all__ = ["RULES"]


def closing_formula(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """The last operative paragraph holds the closing formula of the adopting body
    ("Decides to remain seized of the matter.", "决定继续积极处理此案。").

    Option ``bodies``: the bodies (``security_council``, ``human_rights_council``,
    ``general_assembly``, ``ecosoc``) whose resolutions must close so; a body with
    no formula in ``[closing]`` of ``rules_<code>.toml`` is never checked, nor is a
    draft that does not name its body.
    """
    body = draft.body
    closing = draft.words.closing.get(body or "")
    if body is None or closing is None or body not in options["bodies"] or not draft.res.operative:
        return
    operative = draft.res.operative
    holds = [p for p in operative if any(pat.search(t.text) for t in p.walk() for pat in closing.patterns)]
    last = operative[-1]
    if last in holds:
        return
    if holds:
        yield Hit(
            draft.label_span(holds[-1]),
            f"the closing formula stands in operative paragraph {holds[-1].id}, not in the last one ({last.id}); "
            "move it to the end",
            holds[-1].id,
        )
        return
    yield Hit(
        draft.last_char(last),
        f"the text ends without the closing formula of the {BODY_NAMES[body]}; "
        f"add a last operative paragraph such as '{closing.example}'",
        last.id,
    )


def _full_text(para: Paragraph) -> str:
    return " ".join(normalize(p.text).casefold() for p in para.walk())


def duplicate_paragraph(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """No paragraph repeats another word for word: no two preambular or operative paragraphs
    (with their sub-paragraphs), and no two sub-paragraphs or items under one parent.

    A repeat is usually a paste left behind while reordering. Option ``min-length``:
    texts shorter than this many characters (after folding spaces) are not compared,
    so that short titles such as "Human rights" may recur.
    """
    shortest = int(options["min-length"])
    groups: list[tuple[Paragraph, ...]] = [(*draft.res.preamble, *draft.res.operative)]
    for top, _scope in draft.blocks():
        groups.extend(p.children for p in top.walk() if p.children)
    for group in groups:
        first: dict[str, Paragraph] = {}
        for para in group:
            text = _full_text(para)
            if len(text) < shortest:
                continue
            if text in first:
                seen = first[text]
                yield Hit(
                    draft.label_span(para) if para.label else draft.span(para, 0, min(len(para.text), 40)),
                    f"{describe(para)} repeats {describe(seen)} (line {seen.span.line}) word for word; "
                    "delete one of the two or reword it",
                    para.id,
                )
            else:
                first[text] = para


RULES = (
    Rule(
        "closing-formula",
        "warning",
        "The last operative paragraph holds the body's closing formula",
        closing_formula,
        {"bodies": ("security_council", "human_rights_council")},
    ),
    Rule(
        "duplicate-paragraph",
        "warning",
        "No paragraph repeats another word for word",
        duplicate_paragraph,
        {"min-length": 40},
    ),
)
