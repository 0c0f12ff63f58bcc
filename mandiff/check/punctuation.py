"""Rules on punctuation: how paragraphs end, balanced brackets and quotes, leftover
negotiation marks.

Endings: a preambular paragraph ends with ``,`` (``，``), an operative one with
``;`` (``；``), the last operative paragraph with ``.`` (``。``). Sub-paragraphs
and items follow no ending rule of their own (real texts end them with ``;``,
``,``, ``; and``, ``:`` or nothing, as titles); the last one of an operative
paragraph ends that paragraph and so carries its ending. Annex paragraphs are
not checked. The characters are ``[punctuation]`` of ``rules_<code>.toml``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from mandiff.check.draft import Draft, describe
from mandiff.check.findings import Hit, Rule
from mandiff.model import Paragraph

__all__ = ["RULES"]


def _ends(para: Paragraph) -> Paragraph | None:
    """The paragraph whose text ends ``para`` with its sub-paragraphs: the last non-empty one."""
    for p in reversed(para.walk()):
        if p.text.strip():
            return p
    return None


def _quote(chars: tuple[str, ...]) -> str:
    return " or ".join(f"'{c}'" for c in chars)


def paragraph_end(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Preambular paragraphs end with ',' ('，'), operative ones with ';' ('；'), the last with '.' ('。').

    The ending tells the reader where the sentence of the resolution goes on; a
    stray ',' or '.' in the middle of the operative part often marks a paragraph
    that was cut or merged. The last sub-paragraph or item of a paragraph carries
    the paragraph's ending; the others are free.
    """
    words = draft.words
    parts: list[tuple[Paragraph, tuple[str, ...], str]] = [
        (p, words.preamble_end, "preambular paragraphs end with") for p in draft.res.preamble
    ]
    operative = draft.res.operative
    for i, para in enumerate(operative):
        if i + 1 < len(operative):
            parts.append((para, words.operative_end, "operative paragraphs before the last end with"))
        else:
            parts.append((para, words.final_end, "the last operative paragraph ends with"))
    for para, wanted, rule in parts:
        last = _ends(para)
        if last is None:
            continue
        end = last.text.rstrip()[-1]
        if end in wanted:
            continue
        # The start line helps where the parser read a following heading into the paragraph.
        whose = f"{describe(para)} (line {para.span.line})"
        if last is not para:
            whose = f"{describe(para)} (line {para.span.line}; its {describe(last)})"
        where = draft.last_char(last)
        want = _quote(wanted)
        if unicodedata.category(end).startswith("P"):
            yield Hit(where, f"{whose} ends with '{end}', but {rule} {want}; replace it with {want}", para.id)
        else:
            yield Hit(where, f"{whose} ends without punctuation, but {rule} {want}; add {want}", para.id)


def brackets(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Brackets and quotes balance within each paragraph and its sub-paragraphs: ( ), [ ], “ ”, 《 》 ...

    An unclosed bracket or quotation leaves the reader unsure where an inserted
    phrase or a title ends; a mismatched pair ('(' closed by '）') is a typing slip.
    """
    pairs = draft.words.pairs
    closer_of = {o: c for o, c in pairs}
    opener_of = {c: o for o, c in pairs if o != c}
    for top, _scope in draft.blocks():
        stack: list[tuple[str, Paragraph, int]] = []
        for para in top.walk():
            for i, ch in enumerate(para.text):
                if closer_of.get(ch) == ch:
                    # A straight quote opens or closes, as the one before it left things.
                    if stack and stack[-1][0] == ch:
                        stack.pop()
                    else:
                        stack.append((ch, para, i))
                elif ch in closer_of:
                    stack.append((ch, para, i))
                elif ch in opener_of:
                    want = opener_of[ch]
                    depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == want), None)
                    if depth is not None:
                        for opened, opara, oi in stack[depth + 1 :]:
                            yield _unclosed(draft, top, opened, opara, oi, closer_of[opened])
                        del stack[depth:]
                    elif stack and closer_of[stack[-1][0]] != stack[-1][0]:
                        opened, opara, oi = stack.pop()
                        at = draft.span(opara, oi)
                        yield Hit(
                            draft.span(para, i),
                            f"'{ch}' closes the '{opened}' opened at line {at.line}, column {at.column}; "
                            f"write '{closer_of[opened]}' to close it",
                            para.id,
                        )
                    else:
                        yield Hit(
                            draft.span(para, i),
                            f"'{ch}' closes nothing in {describe(top)}; remove it or add the '{want}' it closes",
                            para.id,
                        )
        for opened, para, i in stack:
            yield _unclosed(draft, top, opened, para, i, closer_of[opened])


def _unclosed(draft: Draft, top: Paragraph, opened: str, para: Paragraph, i: int, closer: str) -> Hit:
    return Hit(
        draft.span(para, i),
        f"'{opened}' is never closed in {describe(top)}; add the '{closer}' or remove it",
        para.id,
    )


def negotiation_marks(draft: Draft, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A final text holds no negotiation marks: no [bracketed] wording, no "5 bis" numbering.

    Square brackets mark wording not yet agreed and "bis"/"ter" numbers mark
    paragraphs inserted during negotiation; both must be gone before adoption.
    Disable this rule while a draft is still being negotiated.
    """
    words = draft.words
    closer_of = dict(words.negotiation_brackets)
    for para, _scope in draft.paragraphs():
        text = para.text
        for m in words.negotiation_numbering.finditer(text):
            yield Hit(
                draft.span(para, m.start(), m.end()),
                f"'{m.group().strip()}' is negotiation numbering; number the paragraphs 1, 2, 3 ... before adoption",
                para.id,
            )
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in closer_of:
                close = text.find(closer_of[ch], i + 1)
                end = close + 1 if close >= 0 else i + 1
                shown = text[i:end] if end - i <= 60 else text[i : i + 57] + "..."
                yield Hit(
                    draft.span(para, i, end),
                    f"'{shown}' is bracketed as still under negotiation; agree the wording and remove the brackets",
                    para.id,
                )
                i = end
                continue
            i += 1


RULES = (
    Rule("paragraph-end", "error", "Paragraphs end with the punctuation of their part", paragraph_end),
    Rule("brackets", "error", "Brackets and quotation marks balance within each paragraph", brackets),
    Rule("negotiation-marks", "error", "No leftover negotiation brackets or bis/ter numbering", negotiation_marks),
)
