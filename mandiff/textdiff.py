"""Text diff inside a changed paragraph, kept as operations in the model.

Both texts are first put in their *compared form* (:func:`comparable`): NFKC
width folding, straight quotes, single spaces, and, for scripts written
without spaces between words (Chinese), no spaces next to an ideograph, since
there they are only line breaks of the PDF. Two paragraphs whose compared
forms are equal are unchanged.

The diff is diff-match-patch's ``diff_main`` followed by
``diff_cleanupSemantic``. For languages with word boundaries (English) it runs
on *words*: each word or punctuation mark, with the spaces that follow it, is
encoded as one character (diff-match-patch's lines-to-chars trick with words
as the units), so an edit never cuts a word in two. For Chinese it runs on characters. The
time limit is set far beyond any paragraph, so the same input always gives
the same diff.

Example: ``diff("Requests the Secretary-General", "Encourages the Secretary-General", "en")``
gives ``(TextOp("delete", "Requests "), TextOp("insert", "Encourages "), TextOp("equal", "the Secretary-General"))``.
"""

from __future__ import annotations

import functools
import re

from diff_match_patch import diff_match_patch

from mandiff import lexicon
from mandiff.changes import TextOp
from mandiff.clean import normalize

__all__ = ["comparable", "diff", "diff_forms", "shown", "spaced"]

# A word or a punctuation mark, with the spaces after it: one unit of the word-level diff.
_WORD = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# A space next to any non-ASCII character of an unspaced script is a line-break artifact.
_ARTIFACT_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_OPS = {
    diff_match_patch.DIFF_EQUAL: "equal",
    diff_match_patch.DIFF_DELETE: "delete",
    diff_match_patch.DIFF_INSERT: "insert",
}
# Skip the surrogate block when numbering words as characters.
_SURROGATES = 0xD800, 0xE000


@functools.cache
def spaced(lang: str) -> bool:
    """True when the language separates words with spaces (``"en"``), False for ``"zh"``."""
    return bool(lexicon.load(lang).data["language"]["word_boundary"])


def comparable(text: str, lang: str) -> str:
    """The form in which two paragraph texts are compared and diffed.

    Example: ``comparable("延至 2019 年 6 月 30 日；", "zh") == "延至2019年6月30日;"``.
    """
    if text.isascii():
        # Width and quote folding leave ASCII alone: normalize() would only collapse
        # the spaces, and this is many times faster (tests hold the two equal).
        return " ".join(text.split())
    text = normalize(text)
    return text if spaced(lang) else _ARTIFACT_SPACE.sub("", text)


def shown(text: str) -> str:
    """The form a redline displays: the text as written (full-width punctuation,
    curly quotes), whitespace collapsed. Whether two texts differ is decided on
    :func:`comparable`; how they differ is shown on this form."""
    return " ".join(text.split())


def _encode(tokens: list[str], table: dict[str, str]) -> str:
    """Each distinct token as one character (diff-match-patch's lines-to-chars, with words)."""
    for token in tokens:
        if token not in table:
            code = len(table) + 1
            table[token] = chr(code if code < _SURROGATES[0] else code + _SURROGATES[1] - _SURROGATES[0])
    return "".join(map(table.__getitem__, tokens))


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    # A zero timeout would also turn off the (deterministic) half-match speed-up;
    # an hour is never reached on a paragraph, so the same input gives the same diff.
    dmp.Diff_Timeout = 3600
    return dmp


def diff(old: str, new: str, lang: str) -> tuple[TextOp, ...]:
    """Operations that turn ``comparable(old)`` into ``comparable(new)``; adjacent equal kinds are merged."""
    return diff_forms(comparable(old, lang), comparable(new, lang), lang)


def diff_forms(a: str, b: str, lang: str) -> tuple[TextOp, ...]:
    """:func:`diff` of two texts already in compared form."""
    dmp = _engine()
    if spaced(lang):
        table: dict[str, str] = {}
        ca = _encode(_WORD.findall(a), table)
        cb = _encode(_WORD.findall(b), table)
        decode = {char: word for word, char in table.items()}
        raw = dmp.diff_main(ca, cb, False)
        dmp.diff_cleanupSemantic(raw)
        pairs = [(op, "".join(map(decode.__getitem__, chars))) for op, chars in raw]
    else:
        raw = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(raw)
        pairs = list(raw)
    merged: list[list[object]] = []
    for op, text in pairs:
        if not text:
            continue
        name = _OPS[op]
        if merged and merged[-1][0] == name:
            merged[-1][1] = str(merged[-1][1]) + text
        else:
            merged.append([name, text])
    return tuple(TextOp(str(name), str(text)) for name, text in merged)
