"""Detect the language of a document from the scripts its letters use.

Each lexicon names its script (``[language] script``); the script with the most
letters picks the lexicon. Scripts without a lexicon raise a clear error.
"""

from __future__ import annotations

import re

from mandiff import lexicon
from mandiff.errors import UnsupportedLanguageError

__all__ = ["detect_language"]

_SAMPLE = 200_000
_SCRIPTS = ("Han", "Latin", "Cyrillic", "Arabic")


_CLASSES = {
    "Han": r"[\u3400-\u9fff\uf900-\ufaff]",
    "Latin": r"[A-Za-z\u00c0-\u024f]",
    "Cyrillic": r"[\u0400-\u04ff]",
    "Arabic": r"[\u0600-\u06ff\u0750-\u077f]",
}
# Runs of letters, not single letters: counting them as the text they remove is
# exact and avoids one match object per letter. "[x][x]*" rather than "[x]+" keeps
# a leading character class, so the engine skips ahead instead of trying every position.
_SCRIPT_RES = {name: re.compile(cls + cls + "*") for name, cls in _CLASSES.items()}


def detect_language(text: str) -> str:
    """Lexicon code for ``text``: ``"zh"`` for Chinese, ``"en"`` for English.

    Han characters weigh three Latin letters (a Chinese word is one or two
    characters), so Latin symbols such as ``S/RES/2423`` do not outvote them.
    """
    sample = text[:_SAMPLE]
    counts = {
        name: (len(sample) - len(pattern.sub("", sample))) * (3 if name == "Han" else 1)
        for name, pattern in _SCRIPT_RES.items()
    }
    script = max(_SCRIPTS, key=lambda s: counts[s])
    if counts[script] == 0:
        raise UnsupportedLanguageError("found no letters to tell the language by; give resolution text, or pass --lang")
    by_script = {lexicon.load(code).data["language"]["script"]: code for code in lexicon.available()}
    if script not in by_script:
        raise UnsupportedLanguageError(
            f"the text is in {script} script, which mandiff has no lexicon for yet "
            f"(available: {', '.join(lexicon.available())}); pass --lang to force one"
        )
    return by_script[script]
