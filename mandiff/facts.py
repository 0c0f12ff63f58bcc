"""Find the facts a mandate states: dates, figures, durations, reporting cycles.

Every word and pattern comes from the ``[facts]`` table of the language's
lexicon (``mandiff/lexicon/<code>.toml``, keys documented in ``TEMPLATE.toml``);
this module holds none. Facts are found in this order, a later kind never
overlapping an earlier one:

1. numbers that are no facts: resolution and document symbols (``skip``) and
   references to the resolution's own paragraphs (``paragraph_refs``);
2. dates (``date``): ``30 June 2019`` / ``2019 年 6 月 30 日`` -> ``"2019-06-30"``;
   a month name is looked up in ``[months]``, a month and year alone give ``"2019-06"``;
3. reporting cycles: an ``every`` word, an optional count and a unit
   (``every three months`` / ``每 6 个月``) -> ``"P3M"``, or a ``periodic`` word;
4. durations: a count (digits or a ``counts`` word) and a unit (``one year``,
   ``六个月``) -> ``"P1Y"``; twelve months are one year;
5. figures (``number``): ``13 289`` -> ``"13289"``, except plain years (four
   digits from 1900 to 2099). A figure followed (or else preceded) within
   ``ceiling_window`` characters by a ``personnel`` word carries that unit:
   ``13 289 名军事人员`` is a ``military`` figure.

The mandate summary (:func:`summarize`) reads the ``decides`` clauses that
hold an ``extend`` word and a ``mandate`` word: the latest date in the first
such clause is the end date, its first duration the mandate's length; the
first figure of each personnel unit in a ``decides`` or ``authorizes`` clause
is that unit's ceiling.

Example: ``extract("decides to extend the mandate until 30 June 2019", "en")``
gives ``(Fact(kind="date", value="2019-06-30", text="30 June 2019"),)``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from mandiff import lexicon
from mandiff.changes import FACT_KINDS, Fact, FactChange, MandateSummary
from mandiff.model import Resolution

__all__ = ["diff", "extract", "paragraph_refs", "summarize"]

_DIGITS = re.compile(r"\d+")
_YEARS = range(1900, 2100)
_UNIT_CODE = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_CEILING_TYPES = ("decides", "authorizes")
_LOOKBACK = 32  # characters before a unit that may hold "every" and a count
_REACH = 48  # characters around a digit within which a number-led pattern starts and ends
# Digits no more than two reaches apart, whose windows would overlap anyway.
_CLUSTER = re.compile(rf"\d(?:\D{{0,{2 * _REACH}}}\d)*")


@attrs.frozen(eq=False)
class _Rules:
    """The ``[facts]`` table of one lexicon, compiled."""

    number: re.Pattern[str]
    dates: re.Pattern[str]
    date_count: int
    skip: re.Pattern[str]
    refs: re.Pattern[str]
    words: tuple[str, ...]
    unit: re.Pattern[str]
    before_unit: re.Pattern[str]
    periodic: re.Pattern[str] | None
    periodic_value: dict[str, str]
    counts: dict[str, int]
    units: dict[str, str]
    months: dict[str, int]
    personnel: re.Pattern[str] | None
    personnel_key: dict[str, str]
    window: int
    extend: re.Pattern[str] | None
    mandate: re.Pattern[str] | None
    fold: bool


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _words(words: list[str], flags: int, boundary: bool) -> re.Pattern[str] | None:
    if not words:
        return None
    edge = r"\b" if boundary else ""
    return re.compile(f"{edge}(?:{_alternation(words)}){edge}", flags)


_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def _union(patterns: list[str]) -> re.Pattern[str]:
    """One alternation of ``patterns``, their leading global flags (``(?i)``) made local."""
    scoped = [
        _GLOBAL_FLAGS.sub(lambda m: f"(?{m.group(1)}:", p) + ")" if _GLOBAL_FLAGS.match(p) else p for p in patterns
    ]
    return re.compile("|".join(f"(?:{p})" for p in scoped) or "(?!)")


@functools.cache
def _rules(code: str) -> _Rules:
    lex = lexicon.load(code)
    data: dict[str, Any] = lex.data.get("facts", {})
    fold = lex.fold
    flags = re.IGNORECASE if fold else 0
    boundary = bool(lex.data["language"]["word_boundary"])
    counts = {(k.lower() if fold else k): int(v) for k, v in data.get("counts", {}).items()}
    units = {(s.lower() if fold else s): key for key, surfaces in data.get("units", {}).items() for s in surfaces}
    # A count never starts inside a longer number ("2018 年" is a year, not 18 years).
    digits = r"(?<![\d.,])\d{1,3}"
    count = f"(?P<count>{digits}|{_alternation(counts)})" if counts else f"(?P<count>{digits})"
    unit = f"(?P<unit>{_alternation(units) or '(?!)'})"
    gap = r"[\s-]*" if boundary else r"\s*"
    edge = r"\b" if boundary else ""
    every = _alternation(data.get("every", [])) or "(?!)"
    personnel = {(s.lower() if fold else s): key for key, ss in data.get("personnel", {}).items() for s in ss}
    periodic = {(k.lower() if fold else k): v for k, v in data.get("periodic", {}).items()}
    return _Rules(
        number=re.compile(data.get("number", r"\d+")),
        # Group names get the pattern's index so that all date patterns run in one pass.
        dates=_union([re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>{k}>", p) for k, p in enumerate(data.get("date", []))]),
        date_count=len(data.get("date", [])),
        # One pass over all patterns of numbers that are no facts (references included).
        skip=_union([*data.get("skip", []), *data.get("paragraph_refs", [])]),
        refs=_union(data.get("paragraph_refs", [])),
        # A text without any of these words holds no duration, cycle or named cycle.
        words=tuple(sorted({*units, *periodic, *(w.lower() if fold else w for w in data.get("every", []))})),
        unit=re.compile(rf"{edge}{unit}{edge}", flags),
        # Read backwards from a unit: an optional `every` word, then an optional count.
        before_unit=re.compile(rf"(?:{edge}(?P<every>{every})\s*)?(?:{edge}{count}{gap})?$", flags),
        periodic=_words(list(periodic), flags, boundary),
        periodic_value=periodic,
        counts=counts,
        units=units,
        months={k.lower(): int(v) for k, v in lex.data.get("months", {}).items()},
        personnel=_words(list(personnel), flags, boundary),
        personnel_key=personnel,
        window=int(data.get("ceiling_window", 40)),
        extend=_words(data.get("extend", []), flags, boundary),
        mandate=_words(data.get("mandate", []), flags, boundary),
        fold=fold,
    )


class _Taken:
    """Character offsets already claimed by an earlier kind of fact."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)


def _duration(rules: _Rules, count: str | None, unit: str) -> str:
    key = rules.units[unit.lower() if rules.fold else unit]
    if count is None:
        n = 1
    elif count.isdigit():
        n = int(count)
    else:
        n = rules.counts[count.lower() if rules.fold else count]
    if key == "month" and n % 12 == 0:
        # Twelve months and one year are the same mandate length.
        return f"P{n // 12}Y"
    return f"P{n}{_UNIT_CODE.get(key, key[:1].upper())}"


def _date(rules: _Rules, m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    k = next(k for k in range(rules.date_count) if groups.get(f"year{k}") is not None)
    month = groups[f"month{k}"]
    number = int(month) if month.isdigit() else rules.months.get(month.lower())
    if not number or not 1 <= number <= 12:
        return None
    day = groups.get(f"day{k}")
    if day:
        return f"{int(groups[f'year{k}']):04d}-{number:02d}-{int(day):02d}"
    return f"{int(groups[f'year{k}']):04d}-{number:02d}"


def _unit(rules: _Rules, text: str, start: int, end: int) -> str | None:
    """Personnel key named right after the figure (else right before it), if any."""
    if rules.personnel is None:
        return None
    after = text[end : end + rules.window]
    stop = _DIGITS.search(after)
    m = rules.personnel.search(after, 0, stop.start() if stop else len(after))
    if m:
        return rules.personnel_key[m.group(0).lower() if rules.fold else m.group(0)]
    lo = max(0, start - rules.window)
    before = text[lo:start]
    digits = list(_DIGITS.finditer(before))
    begin = digits[-1].end() if digits else 0
    hits = list(rules.personnel.finditer(before, begin))
    if hits:
        word = hits[-1].group(0)
        return rules.personnel_key[word.lower() if rules.fold else word]
    return None


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around its digits, merged: every pattern of a number-led fact
    (symbol, reference, date, figure) lies inside one, and the rest need not be scanned."""
    size = len(text)
    return [(max(0, m.start() - _REACH), min(size, m.end() + _REACH)) for m in _CLUSTER.finditer(text)]


def extract(text: str, lang: str) -> tuple[Fact, ...]:
    """Facts stated in ``text``, in order of appearance.

    Example: ``extract("决定马里稳定团继续由至多 13 289 名军事人员组成", "zh")`` gives
    ``(Fact(kind="figure", value="13289", text="13 289", unit="military"),)``.
    """
    rules = _rules(lang)
    taken = _Taken(len(text))
    found: list[tuple[int, Fact]] = []
    probe = text.lower() if rules.fold else text
    worded = any(w in probe for w in rules.words)
    digits = _DIGITS.search(text) is not None
    if not (worded or digits):
        return ()  # every fact holds a digit, a unit or a cycle word
    units = list(rules.unit.finditer(text)) if worded else []
    windows = _windows(text) if digits else []
    for lo, hi in windows:
        for m in rules.skip.finditer(text, lo, hi):
            taken.take(*m.span())
    for lo, hi in windows:
        for m in rules.dates.finditer(text, lo, hi):
            value = _date(rules, m) if taken.free(*m.span()) else None
            if value:
                taken.take(*m.span())
                found.append((m.start(), Fact("date", value, m.group(0))))
    # Units are rare, so durations and cycles are read backwards from them.
    timed = []
    for u in units:
        m = rules.before_unit.search(text, max(0, u.start() - _LOOKBACK), u.start())
        if m and (m.group("every") or m.group("count")) and taken.free(m.start(), u.end()):
            timed.append((m, u))
    for m, u in timed:
        if m.group("every"):
            taken.take(m.start(), u.end())
            value = _duration(rules, m.group("count"), u.group("unit"))
            found.append((m.start(), Fact("cycle", value, text[m.start() : u.end()])))
    if rules.periodic and worded:
        for m in rules.periodic.finditer(text):
            if taken.free(*m.span()):
                taken.take(*m.span())
                word = m.group(0).lower() if rules.fold else m.group(0)
                found.append((m.start(), Fact("cycle", rules.periodic_value[word], m.group(0))))
    for m, u in timed:
        if not m.group("every") and taken.free(m.start(), u.end()):
            taken.take(m.start(), u.end())
            value = _duration(rules, m.group("count"), u.group("unit"))
            found.append((m.start(), Fact("duration", value, text[m.start() : u.end()])))
    numbers = (m for lo, hi in windows for m in rules.number.finditer(text, lo, hi))
    for m in numbers:
        if not taken.free(*m.span()):
            continue
        value = re.sub(r"[^\d.]", "", m.group(0))
        if "." not in value and len(value) == 4 and int(value) in _YEARS and m.group(0).isdigit():
            continue
        found.append((m.start(), Fact("figure", value, m.group(0), _unit(rules, text, *m.span()))))
    found.sort(key=lambda item: item[0])
    return tuple(f for _, f in found)


def paragraph_refs(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the paragraph numbers in references to the resolution's own paragraphs.

    Example: ``paragraph_refs("as set out in paragraph 12 (b) below", "en") == ((27, 29),)``.
    """
    out: list[tuple[int, int]] = []
    for m in _rules(lang).refs.finditer(text):
        out.extend((m.start() + d.start(), m.start() + d.end()) for d in _DIGITS.finditer(m.group(0)))
    return tuple(out)


def _key(fact: Fact) -> tuple[str, str | None]:
    return (fact.kind, fact.unit)


def diff(old: Sequence[Fact], new: Sequence[Fact]) -> tuple[FactChange, ...]:
    """Facts that differ, old -> new: equal values cancel out, the rest pair up in order.

    Pairs form within a kind (and, for figures, a unit); what is left over
    becomes ``old -> None`` or ``None -> new``.
    """
    out: list[FactChange] = []
    keys = sorted({_key(f) for f in (*old, *new)}, key=lambda k: (FACT_KINDS.index(k[0]), k[1] or ""))
    for key in keys:
        olds = [f for f in old if _key(f) == key]
        news = [f for f in new if _key(f) == key]
        rest_new = list(news)
        rest_old: list[Fact] = []
        for fact in olds:
            same = next((i for i, f in enumerate(rest_new) if f.value == fact.value), None)
            if same is None:
                rest_old.append(fact)
            else:
                del rest_new[same]
        for i in range(max(len(rest_old), len(rest_new))):
            a = rest_old[i] if i < len(rest_old) else None
            b = rest_new[i] if i < len(rest_new) else None
            out.append(FactChange(key[0], a, b))
    return tuple(out)


def _mandate_clauses(res: Resolution) -> list[str]:
    """Texts of the ``decides`` clauses that extend the mandate, in order."""
    rules = _rules(res.language)
    if rules.extend is None:
        return []
    out = []
    for para in res.operative:
        for clause in para.clauses:
            text = clause.text
            if (
                clause.type == "decides"
                and rules.extend.search(text)
                and (not rules.mandate or rules.mandate.search(text))
            ):
                out.append(text)
    return out


def _mandate(res: Resolution) -> tuple[Fact | None, Fact | None, dict[str, Fact]]:
    end = length = None
    for text in _mandate_clauses(res):
        facts = extract(text, res.language)
        dates = [f for f in facts if f.kind == "date"]
        if dates and end is None:
            end = max(dates, key=lambda f: f.value)
        durations = [f for f in facts if f.kind == "duration"]
        if durations and length is None:
            length = durations[0]
    ceilings: dict[str, Fact] = {}
    rules = _rules(res.language)
    if rules.personnel is None:
        return end, length, ceilings
    # The Council sets ceilings when it decides or authorizes, never in passing.
    texts = [c.text for para in res.operative for c in para.clauses if c.type in _CEILING_TYPES]
    for text in texts:
        if _DIGITS.search(text) and rules.personnel.search(text):
            for fact in extract(text, res.language):
                if fact.kind == "figure" and fact.unit and fact.unit not in ceilings:
                    ceilings[fact.unit] = fact
    return end, length, ceilings


def _pair(kind: str, old: Fact | None, new: Fact | None) -> FactChange | None:
    return None if old is None and new is None else FactChange(kind, old, new)


def summarize(old: Resolution, new: Resolution) -> MandateSummary:
    """The mandate-level summary: end date, length and personnel ceilings, old -> new."""
    end_a, length_a, ceil_a = _mandate(old)
    end_b, length_b, ceil_b = _mandate(new)
    units = sorted(set(ceil_a) | set(ceil_b))
    ceilings = tuple(FactChange("figure", ceil_a.get(u), ceil_b.get(u)) for u in units)
    return MandateSummary(_pair("date", end_a, end_b), _pair("duration", length_a, length_b), ceilings)
