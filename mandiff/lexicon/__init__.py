"""Language lexicons: load the TOML data files and compile them into matchers.

The data files (``<code>.toml``) hold every word of every language; this module
holds none. ``common.toml`` holds language-independent page furniture and
label numerals; ``types.toml`` the canonical clause types and strength scale.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any, NamedTuple

import attrs

from mandiff.errors import LexiconError, UnsupportedLanguageError

__all__ = ["Lead", "Lexicon", "available", "common", "load", "strength", "types"]

BODY_NAMES = {
    "security_council": "Security Council",
    "human_rights_council": "Human Rights Council",
    "general_assembly": "General Assembly",
    "ecosoc": "Economic and Social Council",
}
_NON_LANGUAGE = {"common", "types", "TEMPLATE"}


def read_toml(package: str, filename: str, missing: str) -> dict[str, Any]:
    """A TOML data file shipped in ``package``; ``missing`` is the message when it is absent.

    Shared by the lexicons and the check rules, so both fail the same clear way.
    """
    try:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnsupportedLanguageError(missing) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{filename} is malformed: {exc}") from None


def _read(name: str) -> dict[str, Any]:
    return read_toml(__name__, f"{name}.toml", f"no lexicon for language {name!r}; available: {', '.join(available())}")


def available() -> tuple[str, ...]:
    """Codes of the languages that have a lexicon file, e.g. ``("en", "zh")``."""
    names = (p.name for p in resources.files(__name__).iterdir() if p.name.endswith(".toml"))
    return tuple(sorted(n[:-5] for n in names if n[:-5] not in _NON_LANGUAGE))


@functools.cache
def types() -> dict[str, dict[str, Any]]:
    """Canonical clause types, strongest first: ``{"decides": {"tier": 4}, ...}``."""
    return _read("types")


def strength(clause_type: str | None) -> int | None:
    """Tier of a clause type on the strength scale (4 = binding ... 0 = declaratory)."""
    if clause_type is None:
        return None
    return types().get(clause_type, {}).get("tier")


@functools.cache
def common() -> dict[str, Any]:
    return _read("common")


class Lead(NamedTuple):
    """A recognised clause lead: ``Lead(type="requests", modifiers=("also",), start=0, end=4, verb_end=4)``.

    A NamedTuple, not attrs: it is internal and built for every candidate clause.
    """

    type: str
    modifiers: tuple[str, ...]
    start: int
    end: int
    verb_end: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _trie(words: list[str]) -> str:
    """A regex for the same strings as ``_alternation(words)``, factored by common prefix.

    An alternation is tried word by word at every position (case-insensitive
    literals get no quick reject), a trie tests each character once. It also
    matches the same way: the words that match at one position are prefixes of
    one another, and the trie tries a longer continuation before stopping there,
    so it picks the longest word first and backtracks to shorter ones in the same
    order as the longest-first alternation.
    """
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root) if root else "(?!)"


def _invert(table: dict[str, list[str]], fold: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, surfaces in table.items():
        for surface in surfaces:
            out.setdefault(surface.lower() if fold else surface, key)
    return out


@attrs.frozen(eq=False)
class Lexicon:
    """Compiled matchers for one language. Build with :func:`load`."""

    code: str
    data: dict[str, Any]
    operative_re: re.Pattern[str]
    preamble_re: re.Pattern[str]
    verb_type: dict[str, str]
    preamble_type: dict[str, str]
    modifier_key: dict[str, str]
    split_re: re.Pattern[str]
    """Brackets, and separators a lead verb follows (see :func:`mandiff.classify._boundaries`)."""
    conjunction_re: re.Pattern[str] | None
    """Conjunctions a lead verb follows ("and decides"); None when the language has none."""
    connector_re: re.Pattern[str]
    addressee_re: re.Pattern[str] | None
    addressee_keys: dict[str, str]
    """Addressee surface (folded) -> canonical key."""
    addressee_names: re.Pattern[str]
    """Alternation of every addressee surface, longest first: its first match is the first actor named."""
    modifier_re: re.Pattern[str]
    """Alternation of every modifier surface, longest first."""
    fold: bool
    """Latin-script text is matched case-insensitively (lower-cased lookups)."""
    artifact_re: re.Pattern[str]
    """One alternation of every whole-line artifact pattern (common + language)."""
    footnote_end: re.Pattern[str] | None
    footnote_unit: re.Pattern[str] | None
    footnote_inline: re.Pattern[str] | None
    footnote_marker: re.Pattern[str] | None
    initials: frozenset[str]
    """First characters a clause lead can start with (a quick test before the regex)."""
    separators: frozenset[str]
    """Characters after which a new clause may start."""
    brackets: tuple[dict[str, str], frozenset[str], frozenset[str]]
    """Opening -> closing brackets, closing brackets, and symmetric quotes (``"``)."""
    no_split: tuple[str, ...]
    """A lead followed by one of these is coordinated inside the previous clause."""

    @property
    def joiner(self) -> str:
        return str(self.data["language"]["joiner"])

    @property
    def hyphenation(self) -> bool:
        return bool(self.data["language"].get("hyphenation", False))

    def syntax(self, key: str) -> list[str]:
        return list(self.data["syntax"].get(key, []))

    def document(self, key: str) -> list[str]:
        return list(self.data["document"].get(key, []))

    def lead_at(self, text: str, pos: int, preamble: bool = False) -> Lead | None:
        """The clause lead starting at ``pos`` (after spaces), or None."""
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text) or text[pos] not in self.initials:
            return None
        pattern = self.preamble_re if preamble else self.operative_re
        m = pattern.match(text, pos)
        if not m:
            return None
        verb = m.group("verb")
        table = self.preamble_type if preamble else self.verb_type
        ctype = table.get(verb.lower() if self.fold else verb)
        if ctype is None:
            return None
        pre, post = m.group("pre"), m.group("post")
        mods: tuple[str, ...] = ()
        if pre or post:
            found = self.modifier_re.findall(f"{pre} {post}")
            keys = [self.modifier_key[w.lower() if self.fold else w] for w in found]
            mods = tuple(dict.fromkeys(keys))
        return Lead(ctype, mods, m.start("pre"), m.end(), m.end("verb"))

    def addressee_key(self, raw: str) -> str | None:
        """Key of the first actor named in ``raw`` (the longest name at that place)."""
        m = self.addressee_names.search(raw)
        if not m:
            return None
        return self.addressee_keys[m.group().lower() if self.fold else m.group()]


@functools.cache
def load(code: str) -> Lexicon:
    """Load and compile the lexicon for ``code`` (``"en"``, ``"zh"``)."""
    if code in _NON_LANGUAGE or not re.fullmatch(r"[a-z]{2,3}", code):
        raise UnsupportedLanguageError(f"no lexicon for language {code!r}; available: {', '.join(available())}")
    data = _read(code)
    fold = data["language"]["script"] != "Han"
    known = types()
    for section in ("operative", "preamble"):
        for key in data.get(section, {}):
            if key not in known:
                raise LexiconError(f"lexicon {code}.toml: [{section}] uses unknown clause type {key!r}")
    verb_type = _invert(data["operative"], fold)
    preamble_type = {**verb_type, **_invert(data["preamble"], fold)}
    modifiers = {**data.get("modifiers", {})}
    modifier_key = _invert(modifiers, fold)
    after = _invert(data.get("modifiers_after", {}), fold)
    modifier_key.update(after)
    space = r"\s+" if data["language"]["word_boundary"] else r"\s*"
    boundary = r"(?![\w-])" if data["language"]["word_boundary"] else ""
    # Tries, not longest-first alternations: the words that match at one place are
    # prefixes of one another, and a trie offers them longest first as well, so
    # every match (and every backtrack) is the same, with one test per character.
    pre = f"(?P<pre>(?:(?:{_trie(list(_invert(modifiers, fold)))}){space})*)" if modifiers else "(?P<pre>)"
    post = f"(?P<post>(?:{space}(?:{_trie(list(after))}){boundary})*)" if after else "(?P<post>)"
    flags = re.IGNORECASE if fold else 0

    def lead_re(surfaces: list[str]) -> re.Pattern[str]:
        return re.compile(rf"\s*{pre}(?P<verb>{_trie(surfaces)}){boundary}{post}", flags)

    syntax = data["syntax"]
    separators = "".join(re.escape(s) for s in syntax["separators"])
    brackets = "".join(re.escape(ch) for pair in syntax["quotes"] for ch in pair)
    connector = rf"\s*(?:(?:{_alternation(syntax['connectors'])}){boundary}\s*)?" if syntax["connectors"] else r"\s*"
    connector_re = re.compile(connector, flags)
    # Brackets always (for nesting depth); separators and conjunctions only where a
    # lead verb follows, so that the scan of a paragraph stays inside the regex engine.
    follows = rf"(?={connector}{pre}(?:{_trie(list(verb_type))}){boundary})"
    # One character class first: the engine then skips straight to candidate
    # characters. A leading alternation (or lookbehind) made it attempt a match at
    # every position of the text, which cost more than all the rest of the parse of
    # an English paragraph. (?<=[brackets]) keeps "[brackets]|[separators]{follows}".
    split_re = re.compile(f"[{brackets}{separators}](?:(?<=[{brackets}])|{follows})", flags)
    # Conjunctions ("..., and decides" / "and requests") get a scan of their own, so
    # the one above keeps its character class. Each word comes before its lookbehind
    # ("and(?<![\w-]and)" is "(?<![\w-])and"): a failed first letter is the cheapest
    # rejection at positions that cannot match. Conjunctions are words, never
    # brackets or separators, so the two scans never overlap.
    conjunctions = sorted(set(syntax.get("conjunctions", [])), key=len, reverse=True)
    words = "|".join(rf"{re.escape(w)}(?<![\w-]{re.escape(w)})" for w in conjunctions)
    conjunction_re = re.compile(f"(?:{words}){boundary}{follows}", flags) if conjunctions else None
    addressee_re = None
    spec = data.get("addressee", {})
    if spec.get("pattern"):
        suffixes = _alternation(spec.get("suffixes", [])) or "(?!)"
        addressee_re = re.compile(spec["pattern"].replace("{suffixes}", suffixes), flags)
    keys = _invert(data.get("addressees", {}), fold)
    arts = data.get("artifacts", {})
    artifact_re = re.compile("|".join(f"(?:{p})" for p in [*common()["artifacts"]["lines"], *arts.get("lines", [])]))

    def opt(key: str) -> re.Pattern[str] | None:
        return re.compile(arts[key]) if arts.get(key) else None

    starters = [*preamble_type, *modifier_key, *syntax["connectors"]]
    initials = frozenset(ch for w in starters for ch in ({w[0], w[0].upper(), w[0].lower()} if fold else {w[0]}))
    return Lexicon(
        code=code,
        data=data,
        operative_re=lead_re(list(verb_type)),
        preamble_re=lead_re(list(preamble_type)),
        verb_type=verb_type,
        preamble_type=preamble_type,
        modifier_key=modifier_key,
        split_re=split_re,
        conjunction_re=conjunction_re,
        connector_re=connector_re,
        addressee_re=addressee_re,
        addressee_keys=keys,
        addressee_names=re.compile(_trie(list(keys)), flags),
        modifier_re=re.compile(_alternation(list(modifier_key)) or "(?!)", flags),
        fold=fold,
        artifact_re=artifact_re,
        footnote_end=opt("footnote_end"),
        footnote_unit=opt("footnote_unit"),
        footnote_inline=opt("footnote_inline"),
        footnote_marker=opt("footnote_marker"),
        initials=initials,
        separators=frozenset(syntax["separators"]),
        brackets=(
            {pair[0]: pair[1] for pair in syntax["quotes"] if pair[0] != pair[1]},
            frozenset(pair[1] for pair in syntax["quotes"] if pair[0] != pair[1]),
            frozenset(pair[0] for pair in syntax["quotes"] if pair[0] == pair[1]),
        ),
        no_split=tuple(syntax["no_split_before"]),
    )
