"""Load the per-language data of the checks: ``mandiff/check/rules_<code>.toml``.

Every word and pattern the rules match lives in those files; this module
compiles them and refuses a file whose keys differ from :data:`KEYS`, so a
language cannot silently miss a rule's data.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import attrs

from mandiff.errors import LexiconError, UnsupportedLanguageError
from mandiff.lexicon import BODY_NAMES, common, read_toml, types

__all__ = ["KEYS", "Words", "available", "load"]

KEYS: dict[str, frozenset[str]] = {
    "language": frozenset({"code"}),
    "references": frozenset({"patterns", "separator", "range", "above", "below"}),
    "citations": frozenset({"find", "well_formed", "suggest", "bare", "bare_suggest"}),
    "punctuation": frozenset({"preamble_end", "operative_end", "final_end", "pairs"}),
    "negotiation": frozenset({"brackets", "numbering"}),
    "leads": frozenset({"distinct_forms", "not_in_preamble", "capitalize"}),
    "closing": frozenset(BODY_NAMES),
}
"""Tables and the keys each must hold (``closing`` holds any subset of body keys)."""
_CLOSING_KEYS = frozenset({"patterns", "example"})
_OPTIONAL_TABLES = frozenset({"closing"})


def _item() -> str:
    """One paragraph number with sub-paragraph labels: ``38``, ``38 (a) (ii)``, ``38(a)㈡``, ``4(一)``."""
    labels = common()["labels"]
    ideographs = re.escape(labels["parenthesized_ideographs"])
    numerals = re.escape(labels["cjk_numerals"])
    sub = rf"[(（]\s*(?:[a-z]{{1,4}}|[{numerals}]{{1,3}})\s*[)）]|[{ideographs}]"
    return rf"\d{{1,3}}(?:\s*(?:{sub}))*"


ITEM_RE = re.compile(_item())
"""Finds each paragraph number (with its labels) inside a matched reference list."""


@attrs.frozen(eq=False)
class Closing:
    """The closing formula of one body."""

    patterns: tuple[re.Pattern[str], ...]
    """Any of these found in the last operative paragraph is the formula."""
    example: str
    """The formula as written, for messages."""


@attrs.frozen(eq=False)
class Words:
    """Compiled data of one language. Build with :func:`load`."""

    code: str
    """Language code (``"en"``)."""
    references: tuple[re.Pattern[str], ...]
    """Patterns with groups ``refs`` and (optionally) ``direction``."""
    ranges: frozenset[str]
    """Separators that make a range, case-folded."""
    above: frozenset[str]
    """Direction words meaning "earlier in the text", case-folded."""
    below: frozenset[str]
    """Direction words meaning "later in the text", case-folded."""
    citation: re.Pattern[str]
    """Candidate citation with groups ``number`` and ``year``."""
    well_formed: re.Pattern[str]
    """The shape a candidate citation must have (full match)."""
    suggest: str
    """Format of a well-formed citation, with ``{number}`` and ``{year}``."""
    bare: re.Pattern[str]
    """A resolution cited by number alone; group ``number``."""
    bare_suggest: str
    """Format of the full citation, for the fix."""
    preamble_end: tuple[str, ...]
    """Characters a preambular paragraph ends with."""
    operative_end: tuple[str, ...]
    """Characters an operative paragraph (not the last) ends with."""
    final_end: tuple[str, ...]
    """Characters the last operative paragraph ends with."""
    pairs: tuple[tuple[str, str], ...]
    """(opening, closing) characters that must balance."""
    negotiation_brackets: tuple[tuple[str, str], ...]
    """(opening, closing) brackets that mark wording under negotiation."""
    negotiation_numbering: re.Pattern[str]
    """Numbers such as ``5 bis``."""
    distinct_forms: bool
    """Preambular and operative forms of a verb differ."""
    not_in_preamble: frozenset[str]
    """Clause types that never open a preambular paragraph."""
    capitalize: bool
    """Suggested verbs start with a capital letter."""
    closing: dict[str, Closing]
    """Body key -> closing formula."""


def _read(code: str) -> dict[str, Any]:
    missing = f"mandiff check has no rules for language {code!r}; available: {', '.join(available())}"
    return read_toml(__package__, f"rules_{code}.toml", missing)


def available() -> tuple[str, ...]:
    """Codes of the languages that have a rules file, e.g. ``("en", "zh")``."""
    names = (p.name for p in resources.files(__package__).iterdir())
    return tuple(sorted(n[6:-5] for n in names if n.startswith("rules_") and n.endswith(".toml")))


def validate(data: dict[str, Any], name: str) -> None:
    """Raise :class:`LexiconError` unless ``data`` has exactly the tables and keys of :data:`KEYS`."""
    tables = set(data)
    if tables != set(KEYS):
        missing, extra = sorted(set(KEYS) - tables), sorted(tables - set(KEYS))
        raise LexiconError(f"{name}: tables differ from the expected ones (missing {missing}, unknown {extra})")
    for table, keys in KEYS.items():
        got = set(data[table])
        if table in _OPTIONAL_TABLES:
            if got - keys:
                raise LexiconError(f"{name}: [{table}] has unknown keys {sorted(got - keys)}; use {sorted(keys)}")
            for body, entry in data[table].items():
                if set(entry) != _CLOSING_KEYS:
                    raise LexiconError(f"{name}: [{table}.{body}] must hold exactly {sorted(_CLOSING_KEYS)}")
        elif got != keys:
            raise LexiconError(
                f"{name}: [{table}] keys differ (missing {sorted(keys - got)}, unknown {sorted(got - keys)})"
            )


def _compile(pattern: str, name: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise LexiconError(f"{name}: {where} is not a valid regex ({exc}); fix the pattern") from None


def _pairs(values: list[str], name: str, where: str) -> tuple[tuple[str, str], ...]:
    if any(len(v) != 2 for v in values):
        raise LexiconError(f'{name}: {where} must list pairs of two characters, e.g. "()"')
    return tuple((v[0], v[1]) for v in values)


@functools.cache
def load(code: str) -> Words:
    """Load and compile ``rules_<code>.toml``."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise UnsupportedLanguageError(f"mandiff check has no rules for language {code!r}")
    name = f"rules_{code}.toml"
    data = _read(code)
    validate(data, name)
    refs = data["references"]
    item = _item()
    listed = rf"(?P<refs>{item}(?:(?:{refs['separator']}){item})*)"
    cites = data["citations"]
    punct = data["punctuation"]
    leads = data["leads"]
    unknown = set(leads["not_in_preamble"]) - set(types())
    if unknown:
        raise LexiconError(f"{name}: [leads].not_in_preamble names unknown clause types {sorted(unknown)}")
    return Words(
        code=code,
        references=tuple(
            _compile(p.replace("{refs}", listed), name, f"[references].patterns[{i}]")
            for i, p in enumerate(refs["patterns"])
        ),
        ranges=frozenset(w.casefold() for w in refs["range"]),
        above=frozenset(w.casefold() for w in refs["above"]),
        below=frozenset(w.casefold() for w in refs["below"]),
        citation=_compile(cites["find"], name, "[citations].find"),
        well_formed=_compile(cites["well_formed"], name, "[citations].well_formed"),
        suggest=cites["suggest"],
        bare=_compile(cites["bare"], name, "[citations].bare"),
        bare_suggest=cites["bare_suggest"],
        preamble_end=tuple(punct["preamble_end"]),
        operative_end=tuple(punct["operative_end"]),
        final_end=tuple(punct["final_end"]),
        pairs=_pairs(punct["pairs"], name, "[punctuation].pairs"),
        negotiation_brackets=_pairs(data["negotiation"]["brackets"], name, "[negotiation].brackets"),
        negotiation_numbering=_compile(data["negotiation"]["numbering"], name, "[negotiation].numbering"),
        distinct_forms=bool(leads["distinct_forms"]),
        not_in_preamble=frozenset(leads["not_in_preamble"]),
        capitalize=bool(leads["capitalize"]),
        closing={
            body: Closing(
                patterns=tuple(_compile(p, name, f"[closing.{body}].patterns") for p in entry["patterns"]),
                example=entry["example"],
            )
            for body, entry in data["closing"].items()
        },
    )
