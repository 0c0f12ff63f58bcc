"""Hypothesis strategies shared by the property tests (and, later, the comparison tests).

The main strategy, :func:`mandates`, builds a realistic English or Chinese resolution
out of lexicon vocabulary *together with the truth about it*: the operative paragraph
tree (ids, labels, own texts, headings), the clause types, modifiers and addressees,
the closing paragraph, and which source ranges are PDF furniture that a parser must
drop. The layout imitates PDF extraction: hard-wrapped lines (about 35 characters for
Chinese, with blank lines between lines; about 80 for English, or one line per
paragraph), indented first lines, page headers, job numbers, page counters and URL
lines inserted at page breaks (with form feeds), footnote reference numbers, soft
hyphenation of long English words, and CRLF line endings.

The generator keeps its truth unambiguous: it never breaks a line where the result
could honestly be read another way (a continuation line that looks like a label, an
artifact or a new preambular paragraph; a line that ends like a sentence or a
footnote). When a layout would be ambiguous the example is rejected, not mislabelled.

:func:`mutated_examples` draws a real file from ``examples/`` and changes only its
layout (line endings, trailing spaces, page furniture, encodings), which must not
change what the parser reads.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from conftest import EXAMPLES
from hypothesis import strategies as st

from mandiff import lexicon
from mandiff.labels import to_roman

T = TypeVar("T")

__all__ = [
    "LANGS",
    "ClauseTruth",
    "HeadingTruth",
    "Mandate",
    "Mutated",
    "NodeTruth",
    "example_paths",
    "mandates",
    "mutated_examples",
    "resolution_like_text",
]

LANGS = ("en", "zh")


@cache
def _sampled_cached(values: tuple[object, ...]) -> st.SearchStrategy[object]:
    return st.sampled_from(values)


def _sampled(values: object) -> st.SearchStrategy:
    """``st.sampled_from``, built once per value list (building strategies dominates draw time)."""
    return _sampled_cached(tuple(values))  # type: ignore[arg-type]


_ints = cache(st.integers)
_BOOL = st.booleans()

# ---------------------------------------------------------------------------
# Truth
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ClauseTruth:
    """What a clause must be read as."""

    type: str
    modifiers: tuple[str, ...]
    addressee: str | None = None
    """Expected addressee key, checked only when ``check_addressee``."""
    check_addressee: bool = False


@dataclass(frozen=True)
class NodeTruth:
    """An operative paragraph, sub-paragraph or dash item as the parser must give it."""

    id: str
    kind: str
    label: str
    text: str
    """Own text, cleaned: no label, no children, lines rejoined, furniture removed."""
    heading: str | None
    clauses: tuple[ClauseTruth, ...] = ()
    """Clauses of an operative paragraph (sub-paragraphs have none)."""
    children: tuple[NodeTruth, ...] = ()

    def walk(self) -> list[NodeTruth]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(frozen=True)
class HeadingTruth:
    text: str
    before: str | None


@dataclass(frozen=True, repr=False)
class Mandate:
    """A generated resolution and the truth about it (``repr`` shows the document only:
    the truth is what a failing assertion's diff shows)."""

    lang: str
    text: str
    body: str
    """``"Security Council"``, ``"Human Rights Council"``, ``"General Assembly"``."""
    preamble: tuple[ClauseTruth, ...]
    """The lead clause of each preambular paragraph, in order."""
    operative: tuple[NodeTruth, ...]
    headings: tuple[HeadingTruth, ...]
    closing: str | None
    noise: bool
    """True when PDF furniture (page headers, job numbers, URLs, form feeds) and soft hyphens may be added."""
    footnotes: bool
    """True when footnote reference numbers may be added."""
    removed: tuple[tuple[int, int], ...]
    """Source ranges a parser must drop: furniture lines, footnote numbers, soft hyphens."""
    region: tuple[int, int]
    """The operative part: from the first paragraph's label to the end of the last paragraph's tree."""

    def nodes(self) -> list[NodeTruth]:
        return [n for p in self.operative for n in p.walk()]

    def __repr__(self) -> str:
        return f"Mandate(lang={self.lang!r}, noise={self.noise}, footnotes={self.footnotes}, text={self.text!r})"


# ---------------------------------------------------------------------------
# Lexicon vocabulary (read from the data files, so it follows lexicon changes)
# ---------------------------------------------------------------------------


@cache
def _lex(lang: str) -> lexicon.Lexicon:
    return lexicon.load(lang)


def _fold(lang: str, s: str) -> str:
    return s.lower() if lang == "en" else s


@cache
def _modifier_surfaces(lang: str) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in _lex(lang).data.get("modifiers", {}).items()}


@cache
def _all_verb_surfaces(lang: str, preamble: bool) -> tuple[str, ...]:
    data = _lex(lang).data
    tables = [data["operative"], data["preamble"]] if preamble else [data["operative"]]
    return tuple(s for table in tables for surfaces in table.values() for s in surfaces)


@cache
def _folded_surfaces(lang: str, preamble: bool) -> frozenset[str]:
    return frozenset(_fold(lang, s) for s in _all_verb_surfaces(lang, preamble))


def _starts_with_modifier(lang: str, surface: str) -> bool:
    f = _fold(lang, surface)
    for surfaces in _modifier_surfaces(lang).values():
        for m in surfaces:
            m = _fold(lang, m)
            if f.startswith(m + (" " if lang == "en" else "")) and f != m:
                return True
    return False


@cache
def _verbs(lang: str, preamble: bool) -> dict[str, tuple[str, ...]]:
    """Clause type -> lead surfaces a generator may use without ambiguity.

    Dropped: surfaces that start with a modifier ("strongly urges", "再次吁请"), which
    the lexicon could read either as one verb or as modifier + verb.
    """
    data = _lex(lang).data
    table = data["preamble"] if preamble and lang == "en" else data["operative"]
    if preamble and lang == "zh":
        table = {**data["operative"], **data["preamble"]}
    out = {}
    for ctype, surfaces in table.items():
        keep = tuple(s for s in surfaces if not _starts_with_modifier(lang, s))
        if keep:
            out[ctype] = keep
    return out


def _is_prefix_of_longer(lang: str, text: str, pos: int, verb: str, preamble: bool) -> bool:
    """True when a longer lead surface also matches at ``pos`` (the verb would be misread)."""
    probe = _fold(lang, text[pos:])
    v = _fold(lang, verb)
    for s in _all_verb_surfaces(lang, preamble):
        s = _fold(lang, s)
        if not (len(s) > len(v) and s.startswith(v) and probe.startswith(s)):
            continue
        if lang == "zh" or len(probe) == len(s) or not (probe[len(s)].isalnum() or probe[len(s)] == "-"):
            return True
    return False


@cache
def _sorted_modifiers(lang: str) -> tuple[str, ...]:
    folded = {_fold(lang, m) for ms in _modifier_surfaces(lang).values() for m in ms}
    return tuple(sorted(folded, key=len, reverse=True))


def _lead_at_start(lang: str, text: str, preamble: bool) -> bool:
    """Whether ``text`` opens with a lead (modifiers allowed): used to keep wraps unambiguous."""
    probe = _fold(lang, text.lstrip())
    mods = _sorted_modifiers(lang)
    sep = " " if lang == "en" else ""
    changed = True
    while changed:
        changed = False
        for m in mods:
            if probe.startswith(m + sep):
                probe = probe[len(m) + len(sep) :].lstrip()
                changed = True
                break
    for s in _all_verb_surfaces(lang, preamble):
        s = _fold(lang, s)
        if probe.startswith(s) and (lang == "zh" or len(probe) == len(s) or not probe[len(s)].isalnum()):
            return True
    return False


# Words. Object phrases contain no sentence-ending punctuation, no colon, and no
# separator followed by a lead verb, so their clause structure is known.
_EN = {
    "np": [
        "the efforts of the Secretary-General and his Special Representative",
        "the progress made in the implementation of the Agreement on Peace and Reconciliation in Mali",
        "the important role of women in the prevention and resolution of conflicts",
        "the continued deterioration of the security situation in the central regions",
        "the commitment of the signatory parties to the ceasefire arrangements",
        "the work of the Group of Experts established pursuant to resolution 2374 (2017)",
        "the need for a comprehensive and integrated approach to peacebuilding",
        "the primary responsibility of the authorities for the protection of civilians",
        "the sovereignty, unity and territorial integrity of Mali",
        "the holding of peaceful presidential elections on 29 July 2018",
        "all attacks against peacekeepers and humanitarian personnel",
        "the decisive contribution of troop-contributing countries to peacekeeping operations",
        "the establishment of the International Commission of Inquiry",
    ],
    "that": [
        "that the situation in Mali continues to constitute a threat to international peace and security",
        "that there can be no lasting peace without accountability for serious violations",
        "that the parties bear the primary responsibility for the full implementation of the Agreement",
        "that the strategic priority of the Mission remains to support the implementation of the Agreement",
    ],
    "to": [
        "to extend the mandate of MINUSMA until 30 June 2019",
        "to keep the situation under close review",
        "to review the measures imposed by this resolution in the light of progress achieved",
        "to establish a sanctions regime for a period of one year",
    ],
    "actors": [
        ("the Secretary-General", "secretary_general"),
        ("the Special Representative of the Secretary-General", "special_representative"),
        ("all parties", "all_parties"),
        ("Member States", "member_states"),
        ("the international community", "international_community"),
        ("the Government of Mali", "government"),
        ("the Malian transitional authorities", "authorities"),
        ("the Committee", "committee"),
        ("the Independent Expert", "independent_expert"),
        ("the Monitoring Team", "panel_of_experts"),
        ("the African Union", "african_union"),
        ("MINUSMA", "mission"),
    ],
    "actions": [
        "continue to support the political process in Mali",
        "submit a report on the implementation of this resolution",
        "cooperate fully with the Mission and the Group of Experts",
        "take all necessary measures to protect civilians under threat of physical violence",
        "ensure the safety, security and freedom of movement of United Nations personnel",
        "redouble their efforts towards national reconciliation and the restoration of State authority",
        "keep the Council regularly informed of developments on the ground",
        "refrain from any action that might undermine the peace process",
        "provide the necessary financial and technical assistance",
    ],
    "ext": [
        ", including {np}",
        ", in particular {np}",
        " and {np}",
        ", in accordance with international humanitarian law",
        ", as appropriate",
        " in this regard",
        ", with the support of the international community",
    ],
    "sub": [
        "to support the implementation of the political and institutional reforms provided for in the Agreement",
        "to monitor the ceasefire and to report violations to the Security Council",
        "freeze without delay the funds and other financial assets of designated individuals",
        "prevent the entry into or transit through their territories of designated individuals",
        "ensure effective coordination and cooperation on criminal matters",
        "promote peace education across the island, including through the Technical Committee on Education",
        "the holding of presidential elections in a peaceful environment",
        "progress in the decentralization process, including the adoption of a decree on devolution",
    ],
    "titles": [
        "Support for the implementation of the Agreement",
        "Protection of civilians",
        "Support for the restoration of State authority in the centre",
        "Human rights and accountability",
    ],
    "headings": [
        "Measures",
        "Listing",
        "Delisting and the Ombudsperson",
        "Review and maintenance of the Consolidated List",
        "Political process",
        "Protection of civilians and stabilization",
        "Mandate of MINUSMA",
        "Priority tasks",
        "General principles",
    ],
    "address": {
        "Security Council": "The Security Council,",
        "Human Rights Council": "The Human Rights Council,",
        "General Assembly": "The General Assembly,",
    },
    "closing": ["Decides to remain seized of the matter.", "Decides to remain actively seized of the matter."],
    "acts": "Acting under Chapter VII of the Charter of the United Nations",
}

_ZH = {
    "np": [
        "秘书长及其特别代表所作的努力",
        "在执行《马里和平与和解协议》方面取得的进展",
        "妇女在预防和解决冲突方面的重要作用",
        "马里中部安全局势持续恶化",
        "各签署方对停火安排的承诺",
        "根据第2374(2017)号决议设立的专家组的工作",
        "必须采取全面综合的建设和平办法",
        "马里当局对保护平民负有的首要责任",
        "马里的主权、统一和领土完整",
        "2018年7月29日和平举行总统选举",
        "针对维和人员和人道主义人员的一切袭击",
        "部队派遣国对维持和平行动的决定性贡献",
    ],
    "that": [
        "马里局势继续对该区域国际和平与安全构成威胁",
        "不追究严重侵权行为的责任就不可能实现持久和平",
        "各方对全面执行《协议》负有首要责任",
    ],
    "to": [
        "将马里稳定团的任务期限延至2019年6月30日",
        "继续密切关注局势",
        "根据取得的进展审查本决议规定的措施",
        "设立为期一年的制裁制度",
    ],
    "actors": [
        ("秘书长", "secretary_general"),
        ("秘书长特别代表", "special_representative"),
        ("所有各方", "all_parties"),
        ("会员国", "member_states"),
        ("国际社会", "international_community"),
        ("马里政府", "government"),
        ("马里过渡当局", "authorities"),
        ("独立专家", "independent_expert"),
        ("制裁委员会", "committee"),
        ("马里稳定团", "mission"),
        ("非洲联盟", "african_union"),
    ],
    "actions": [
        "继续支持马里的政治进程",
        "向安全理事会提交关于本决议执行情况的报告",
        "同马里稳定团和专家组充分合作",
        "采取一切必要措施保护面临人身暴力威胁的平民",
        "确保联合国人员的安全、安保和行动自由",
        "加紧努力推进民族和解和恢复国家权力",
        "定期向安理会通报实地事态发展",
        "不采取任何可能破坏和平进程的行动",
        "提供必要的财政和技术援助",
    ],
    "ext": ["，包括{np}", "，特别是{np}", "，尤其是{np}", "，以期实现持久和平", "，并在这方面加强协调"],
    "sub": [
        "支持落实《协议》特别是其第二部分规定的政治和机构改革",
        "支持、监测和监督停火并向安全理事会报告违反停火的情况",
        "在签署《协议》的武装团体支持下在和平环境下举行总统选举",
        "使加奥、基达尔和通布图的行动协调机制的混合单位充分投入使用",
        "马里北部的社会经济发展取得进展，为此要通过立法设立北部发展区",
        "确保妇女平等和有意义地参与和平进程的所有决策机构",
    ],
    "titles": ["支持执行《马里和平与和解协议》", "保护平民", "支持在中部恢复国家权威", "人权与问责"],
    "headings": [
        "《马里和平与和解协议》执行情况",
        "马里中部局势",
        "选举周期",
        "一般性原则",
        "优先任务",
        "其他任务",
        "人权与问责",
    ],
    "address": {
        "Security Council": "安全理事会，",
        "Human Rights Council": "人权理事会，",
        "General Assembly": "大会，",
    },
    "closing": ["决定继续积极处理此案。", "决定继续处理此事。"],
    "acts": "根据《联合国宪章》第七章采取行动",
}

_VOCAB = {"en": _EN, "zh": _ZH}
_PUNCT = {
    "en": {"pre": ",", "op": ";", "final": ".", "colon": ":", "item": ";"},
    "zh": {"pre": "，", "op": "；", "final": "。", "colon": "：", "item": "，"},
}
# The form of a lead's complement, by clause type (default: a noun phrase).
_FORM = {
    "decides": ("to", "that"),
    "determines": ("that",),
    "convinced": ("that",),
    "considers": ("that",),
    "stresses": ("that", "np"),
    "underlines": ("that", "np"),
    "emphasizes": ("that", "np"),
    "recognizes": ("that", "np"),
    "notes": ("that", "np"),
    "affirms": ("that", "np"),
}
_EN_PREPOSITION = {"concerned": "at", "mindful": "of", "deplores": "", "takes_note": "of"}
_EN_PREPOSITION = {k: v for k, v in _EN_PREPOSITION.items() if v}
_ADDRESSED = {k for k, v in lexicon.types().items() if v.get("addressed")}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------
# Layout: wrapping with known break points
# ---------------------------------------------------------------------------

_LABEL_START = re.compile(
    r"^\s*(?:\d{1,3}\s*[.．](?![\d.])|[(（]\s*(?:[a-z]{1,4}|[一二三四五六七八九十]{1,3})\s*[)）]|[㈠-㈩]|[-–—•▪●]\s)"
)
_ZH_NO_START = set("，。；：、）》”’！？)")
_ZH_NO_END = set("（《“‘(")


@dataclass
class _Piece:
    """Logical text with a per-character "removed" mask (footnote numbers, soft hyphens)."""

    text: str
    removed: list[bool]

    @classmethod
    def of(cls, text: str) -> _Piece:
        return cls(text, [False] * len(text))

    def kept(self) -> str:
        return "".join(ch for ch, r in zip(self.text, self.removed, strict=True) if not r)


class _Reject(Exception):
    """The drawn layout would make the truth ambiguous."""


def _break_ok(lang: str, prev: str, rest: str, preamble: bool) -> bool:
    lex = _lex(lang)
    prev = prev.rstrip()
    rest = rest.lstrip()
    if not prev or not rest:
        return False
    if _LABEL_START.match(rest):
        return False
    if prev.endswith((".", "。", ":", "：")):
        return False
    if lex.footnote_end and lex.footnote_end.search(prev) and not (lex.footnote_unit and lex.footnote_unit.match(rest)):
        return False
    terminal = tuple(lex.data["syntax"]["preamble_end"] + lex.data["syntax"]["operative_end"])
    return not (preamble and prev.endswith(terminal) and _lead_at_start(lang, rest, preamble=True))


def _candidates(lang: str, piece: _Piece, hyphenate: bool) -> list[tuple[int, int, bool]]:
    """Break points (end of this line, start of the next, soft hyphen?) in ``piece.text``."""
    t = piece.text
    out: list[tuple[int, int, bool]] = []
    if lang == "zh":
        for i in range(1, len(t)):
            a, b = t[i - 1], t[i]
            if a.isascii() or b.isascii() or a.isspace() or b.isspace():
                continue
            if b in _ZH_NO_START or a in _ZH_NO_END or piece.removed[i] or piece.removed[i - 1]:
                continue
            out.append((i, i, False))
        return out
    for i, ch in enumerate(t):
        if ch == " " and not piece.removed[i]:
            # A space right after a footnoted comma must stay: "report12, and".
            if i >= 2 and t[i - 1] in ",;:" and piece.removed[i - 2]:
                continue
            out.append((i, i + 1, False))
        elif ch == "-" and 0 < i < len(t) - 1 and t[i - 1].isalpha() and t[i + 1].isupper():
            out.append((i + 1, i + 1, False))
    if hyphenate:
        for m in re.finditer(r"(?<![\w-])[a-z]{9,}(?![\w-])", t):
            out.append((m.start() + 4, m.start() + 4, True))
    out.sort()
    return out


def _wrap(
    lang: str, prefix: str, piece: _Piece, width: int | None, preamble: bool, hyphenate: bool
) -> list[tuple[str, list[bool]]]:
    """Lines of ``prefix + piece`` (prefix only on the first), each with its removed mask."""
    text, removed = piece.text, piece.removed
    if width is None:
        return [(prefix + text, [False] * len(prefix) + removed)]
    cands = _candidates(lang, piece, hyphenate)
    lines: list[tuple[str, list[bool]]] = []
    start = 0
    lead = prefix
    while True:
        limit = start + max(8, width - len(lead))
        if len(text) - start <= width - len(lead):
            break
        best = None
        for end, nxt, soft in cands:
            if end <= start or nxt <= start:
                continue
            if end > limit and best is not None:
                break
            line = text[start:end] + ("-" if soft else "")
            if _break_ok(lang, lead + line, text[nxt:], preamble):
                best = (end, nxt, soft)
                if end > limit:
                    break
        if best is None:
            break
        end, nxt, soft = best
        line = lead + text[start:end] + ("-" if soft else "")
        mask = [False] * len(lead) + removed[start:end] + ([True] if soft else [])
        lines.append((line, mask))
        start, lead = nxt, ""
    lines.append((lead + text[start:], [False] * len(lead) + removed[start:]))
    artifact = _lex(lang).artifact_re
    for line, _ in lines:
        if not line.strip() or artifact.match(line.strip()):
            raise _Reject
    return lines


# ---------------------------------------------------------------------------
# Furniture
# ---------------------------------------------------------------------------


@st.composite
def _furniture(draw: st.DrawFn, lang: str) -> list[str]:
    """A page break: blank lines, a form feed, page header / footer lines."""
    n = draw(_ints(100, 2999))
    y = draw(_ints(1990, 2024))
    yy = y % 100
    job = draw(_ints(10000, 99999))
    page = draw(_ints(2, 40))
    code = "(E)" if lang == "en" else "(C)"
    site = "en" if lang == "en" else "ch"
    options = [
        f"S/RES/{n} ({y})",
        f"{yy:02d}-{job} {code}",
        f"{yy:02d}-{job} {code}    {page}/{page + 3}",
        f"{page}/{page + 3}",
        f"https://undocs.org/{site}/S/RES/{n}({y})",
        f"*{job}{draw(_ints(10, 99))}*",
        f"{page}",
        f"- {page} -",
        "__________________",
        f"GE.{yy:02d}-{job}{code}",
    ]
    lines = draw(st.lists(_sampled(options), min_size=1, max_size=3))
    lines = [draw(_sampled(["", " ", "   "])) + ln for ln in lines]
    if draw(_BOOL):
        lines[0] = "\f" + lines[0]
    return [""] * draw(_ints(0, 2)) + lines + [""] * draw(_ints(0, 2))


# ---------------------------------------------------------------------------
# Mandates
# ---------------------------------------------------------------------------


@dataclass
class _Block:
    """One paragraph-level block: its rendered lines and what it stands for."""

    lines: list[tuple[str, list[bool]]]
    role: str  # "header", "preamble", "heading", "op"


class _Gen:
    """Word-level choices. Hypothesis draws the structure and one small seed per block;
    the words of a block come from ``random.Random(seed)``. Shrinking then simplifies
    block by block, and a document costs a few dozen draws instead of hundreds."""

    def __init__(self, draw: st.DrawFn, lang: str, noise: bool, footnotes: bool) -> None:
        self.draw = draw
        self.lang = lang
        self.noise = noise
        self.v = _VOCAB[lang]
        self.p = _PUNCT[lang]
        self.rng = random.Random(0)
        if lang == "zh":
            wrap = noise or draw(_BOOL)
            self.width = draw(_ints(30, 38)) if wrap else None
        else:
            self.width = draw(_ints(60, 100)) if draw(_BOOL) else None
        self.hyphenate = lang == "en" and noise and self.width is not None and draw(_BOOL)
        self.footnotes = footnotes

    def reseed(self) -> None:
        self.rng = random.Random(self.draw(_ints(0, 255)))

    # -- words ---------------------------------------------------------------
    def choice(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def pick(self, key: str) -> str:
        return self.choice(self.v[key])

    def extend(self, text: str) -> str:
        for _ in range(self.rng.choice((0, 0, 1, 2))):
            text += self.pick("ext").replace("{np}", self.pick("np"))
        return text

    def complement(self, ctype: str) -> tuple[str, str | None]:
        """(complement text, addressee key or None) for a lead of type ``ctype``."""
        if ctype in _ADDRESSED and ctype != "demands":
            actor, key = self.choice(self.v["actors"])
            action = self.pick("actions")
            return (f"{actor} to {action}" if self.lang == "en" else actor + action), key
        if ctype == "expresses":
            return ("its deep concern at " if self.lang == "en" else "严重关切") + self.pick("np"), None
        if ctype == "demands":
            actor, _ = self.choice(self.v["actors"])
            if self.lang == "en":
                return f"that {actor} immediately cease all forms of violence", None
            return actor + "立即停止一切暴力", None
        form = self.choice(_FORM.get(ctype, ("np",)))
        text = self.pick(form)
        if self.lang == "en" and form == "np" and ctype in _EN_PREPOSITION:
            text = _EN_PREPOSITION[ctype] + " " + text
        return text, None

    def modifiers(self) -> list[tuple[str, str]]:
        """(key, surface) modifiers before the verb: none, one, or also + strongly."""
        mods = _modifier_surfaces(self.lang)
        keys = self.choice([(), (), (), ("also",), ("further",), ("again",), ("strongly",), ("also", "strongly")])
        return [(k, self.choice(mods[k])) for k in keys if k in mods]

    def lead(self, preamble: bool, first: bool, ctype: str | None = None) -> tuple[str, ClauseTruth]:
        """A clause: modifiers + verb + complement, with its truth."""
        table = _verbs(self.lang, preamble)
        types = sorted(table)
        if not preamble:
            types = [t for t in types if not lexicon.types()[t].get("preamble_only")]
        wanted = ctype
        for _ in range(50):
            ctype = wanted or self.choice(types)
            if ctype == "acts":
                return self.v["acts"], ClauseTruth("acts", ())
            verb = self.choice(table[ctype])
            mods = self.modifiers()
            post: list[tuple[str, str]] = []
            if self.lang == "en" and not mods and self.rng.random() < 0.2:
                after = _lex("en").data.get("modifiers_after", {})
                k = self.choice(sorted(after))
                post = [(k, after[k][0])]
            sep = " " if self.lang == "en" else ""
            head = sep.join([m for _, m in mods] + [verb])
            if mods and _fold(self.lang, head) in _folded_surfaces(self.lang, preamble):
                continue  # "再次" + "重申" is itself a verb surface: ambiguous.
            if self.lang == "en" and (first or preamble):
                head = _cap(head)
            comp, addressee = self.complement(ctype)
            comp = self.extend(comp) if addressee is None else comp
            tail = sep.join(m for _, m in post)
            text = head + (sep + tail if tail else "") + sep + comp
            if _is_prefix_of_longer(self.lang, text, len(head) - len(verb), verb, preamble):
                continue
            modifiers: list[str] = []
            for k, _ in [*mods, *post]:
                if k not in modifiers:
                    modifiers.append(k)
            return text, ClauseTruth(ctype, tuple(modifiers), addressee, check_addressee=addressee is not None)
        raise _Reject

    def clauses(self, n: int) -> tuple[str, tuple[ClauseTruth, ...]]:
        """A paragraph body of ``n`` clauses, as written and as it must be read."""
        text, truth = self.lead(preamble=False, first=True)
        truths = [truth]
        for _ in range(n - 1):
            if self.lang == "en":
                sep = self.choice([", and ", "; ", ", ", ", and also "])
            else:
                sep = self.choice(["，并", "；", "，", "，还"])
            body, t = self.lead(preamble=False, first=False)
            if sep.endswith(("also ", "还")):
                if t.modifiers:
                    sep = {"en": ", and ", "zh": "，并"}[self.lang]
                else:
                    t = ClauseTruth(t.type, ("also",), t.addressee, t.check_addressee)
            text += sep + body
            truths.append(t)
        return text, tuple(truths)

    def footnote(self, piece: _Piece, at_end: bool) -> _Piece:
        """Maybe add a footnote reference number (marked removed)."""
        if not self.footnotes or self.rng.random() < 0.5:
            return piece
        num = str(self.rng.randint(1, 40 if self.lang == "en" else 99))
        # At a paragraph end: "……的报告，1" / "the report of the Secretary-General;12"
        # (a superscript after the punctuation, as pdftotext gives it).
        if at_end and (self.lang == "zh" or re.search(r"[a-z)”’][,;:]$", piece.text)):
            return _Piece(piece.text + num, [*piece.removed, *([True] * len(num))])
        if self.lang == "en" and not at_end:
            spots = [m.start() for m in re.finditer(r"[a-z](?=, )", piece.text)]
            if spots:
                i = self.choice(spots) + 1
                return _Piece(
                    piece.text[:i] + num + piece.text[i:], piece.removed[:i] + [True] * len(num) + piece.removed[i:]
                )
        return piece

    # -- rendering -----------------------------------------------------------
    def indent(self) -> str:
        return self.choice(["", " ", "  "] if self.lang == "zh" else ["", "", "    "])

    def render(self, prefix: str, piece: _Piece, preamble: bool = False) -> list[tuple[str, list[bool]]]:
        return _wrap(self.lang, prefix, piece, self.width, preamble, self.hyphenate)


@st.composite
def _mandate(draw: st.DrawFn, lang: str, noise: bool, footnotes: bool) -> Mandate:
    g = _Gen(draw, lang, noise, footnotes)
    p = g.p
    v = g.v
    g.reseed()
    body = g.choice(["Security Council", "Security Council", "Human Rights Council", "General Assembly"])
    blocks: list[_Block] = []
    # Title lines of a Security Council resolution.
    if body == "Security Council" and g.rng.random() < 0.5:
        n, y = g.rng.randint(100, 2999), g.rng.randint(1990, 2024)
        if lang == "en":
            title = [
                f"Resolution {n} ({y})",
                f"Adopted by the Security Council at its {n * 3}th meeting, on 28 June {y}",
            ]
        else:
            title = [f"第 {n}({y})号决议", f"安全理事会 {y} 年 6 月 28 日第 {n * 3} 次会议通过"]
        blocks.append(_Block([(t, [False] * len(t)) for t in title], "header"))
    address = g.indent() + v["address"][body]
    blocks.append(_Block([(address, [False] * len(address))], "header"))

    # Preamble.
    pre_truth = []
    n_pre = draw(_ints(1, 4))
    for k in range(n_pre):
        g.reseed()
        acts = k == n_pre - 1 and body == "Security Council" and g.rng.random() < 0.5
        text, truth = g.lead(preamble=True, first=True, ctype="acts" if acts else None)
        piece = g.footnote(_Piece.of(text), at_end=False)
        piece = _Piece(piece.text + p["pre"], [*piece.removed, False])
        if k < n_pre - 1:
            piece = g.footnote(piece, at_end=True)
        blocks.append(_Block(g.render(g.indent(), piece, preamble=True), "preamble"))
        pre_truth.append(truth)

    # Operative part.
    n_op = draw(_ints(1, 6))
    closing = draw(_BOOL)
    total = n_op + (1 if closing else 0)
    heading: str | None = None
    headings: list[HeadingTruth] = []
    roots: list[NodeTruth] = []
    for k in range(1, total + 1):
        g.reseed()
        if draw(_ints(0, 3)) == 0:
            for _ in range(g.choice((1, 1, 1, 2))):
                heading = g.pick("headings")
                headings.append(HeadingTruth(heading, str(k)))
                line = g.indent() + heading
                blocks.append(_Block([(line, [False] * len(line))], "heading"))
        last = k == total
        end = p["final"] if last else p["op"]
        label = f"{k}."
        children: tuple[NodeTruth, ...] = ()
        if closing and last:
            own = g.pick("closing")
            clauses: tuple[ClauseTruth, ...] = (ClauseTruth("decides", ()),)
            blocks.append(_Block(g.render(g.indent() + label + " ", _Piece.of(own)), "op"))
        else:
            text, clauses = g.clauses(g.choice((1, 1, 2, 3)))
            shape = draw(_sampled(["none", "none", "letters", "romans", "dashes"]))
            piece = g.footnote(_Piece.of(text + (p["colon"] if shape != "none" else end)), at_end=False)
            if shape == "none" and not last:
                piece = g.footnote(piece, at_end=True)
            blocks.append(_Block(g.render(g.indent() + label + " ", piece), "op"))
            children = _children(draw, g, str(k), shape, end, heading, blocks)
            own = piece.kept()
        roots.append(NodeTruth(str(k), "operative", label, own, heading, clauses, children))

    # Assemble lines.
    newline = draw(_sampled(["\n", "\n", "\r\n"]))
    zh_spaced = lang == "zh" and draw(_BOOL)
    en_spaced = g.width is None or draw(_BOOL)
    physical: list[tuple[str, list[bool], str]] = []  # line, removed mask, tags
    first_op = next(i for i, b in enumerate(blocks) if b.role == "op")
    for b_index, block in enumerate(blocks):
        for j, (line, mask) in enumerate(block.lines):
            physical.append((line, mask, "region-start" if (b_index == first_op and j == 0) else ""))
            if zh_spaced and j < len(block.lines) - 1:
                physical.append(("", [], ""))
        if lang == "zh" or en_spaced:
            physical.append(("", [], ""))
    while not physical[-1][0]:
        physical.pop()
    line, mask, tag = physical[-1]
    physical[-1] = (line, mask, tag + "region-end")
    if noise:
        for _ in range(draw(_ints(1, 3))):
            at = draw(_ints(0, len(physical)))
            physical[at:at] = [(ln, [True] * len(ln), "") for ln in draw(_furniture(lang))]
    text_parts: list[str] = []
    removed: list[tuple[int, int]] = []
    pos = region_start = region_end = 0
    for line, mask, tag in physical:
        if tag.startswith("region-start"):
            region_start = pos + (len(line) - len(line.lstrip()))
        i = 0
        while i < len(mask):
            if mask[i]:
                j = i
                while j < len(mask) and mask[j]:
                    j += 1
                removed.append((pos + i, pos + j))
                i = j
            else:
                i += 1
        text_parts.append(line)
        pos += len(line)
        if tag.endswith("region-end"):
            region_end = pos
        text_parts.append(newline)
        pos += len(newline)
    return Mandate(
        lang=lang,
        text="".join(text_parts),
        body=body,
        preamble=tuple(pre_truth),
        operative=tuple(roots),
        headings=tuple(headings),
        closing=str(total) if closing else None,
        noise=noise,
        footnotes=footnotes,
        removed=tuple(removed),
        region=(region_start, region_end),
    )


def _children(
    draw: st.DrawFn, g: _Gen, pid: str, shape: str, end: str, heading: str | None, blocks: list[_Block]
) -> tuple[NodeTruth, ...]:
    """Sub-paragraphs of paragraph ``pid``: lettered (with roman and dash items), roman, or dashes.

    ``end`` is the paragraph's final punctuation: the last item of the last paragraph
    ends with it, every other item with the item separator.
    """
    if shape == "none":
        return ()
    p = g.p
    final = end != p["op"]

    def item(label: str, cid: str, kind: str, last: bool, sep_end: str, sub: str | None) -> NodeTruth:
        """One labelled item; ``sub`` names the shape of its own children, if any."""
        indent = g.indent()
        if sub is not None:
            titled = g.rng.random() < 0.5
            own = g.pick("titles") if titled else g.pick("sub") + p["colon"]
        else:
            own = g.pick("sub") + (end if last else sep_end)
        lines = g.render(indent + label + " ", _Piece.of(own))
        if sub is not None and titled and len(lines) > 1:
            raise _Reject  # a title line must fit on one line
        blocks.append(_Block(lines, "op"))
        grand = items(sub, cid, last) if sub is not None else ()
        return NodeTruth(cid, kind, label, own, heading, (), grand)

    def items(sub: str, parent: str, parent_last: bool) -> tuple[NodeTruth, ...]:
        n = draw(_ints(1, 4))
        nodes = []
        for i in range(1, n + 1):
            last = parent_last and i == n
            if sub == "romans":
                label = _roman_label(g, i)
                nested = "dashes" if draw(_ints(0, 3)) == 0 else None
                nodes.append(item(label, f"{parent}({to_roman(i)})", "subparagraph", last, p["op"], nested))
            else:
                dash = g.choice(["–", "-", "•"] if g.lang == "en" else ["–", "-"])
                sep_end = p["item"] if i < n else p["op"]
                nodes.append(item(dash, f"{parent}-{i}", "item", last, sep_end, None))
        return tuple(nodes)

    if shape != "letters":
        return items(shape, pid, final)
    out: list[NodeTruth] = []
    n = draw(_sampled([1, 2, 3, 4, 10]))
    for i in range(1, n + 1):
        letter = chr(ord("a") + i - 1)
        # Roman children under (h) are left out: "(h) ...\n(i) ..." is honestly ambiguous.
        nested = draw(_sampled([None, None, "romans", "dashes"] if letter != "h" else [None, "dashes"]))
        out.append(item(f"({letter})", f"{pid}({letter})", "subparagraph", final and i == n, p["op"], nested))
    return tuple(out)


def _roman_label(g: _Gen, i: int) -> str:
    if g.lang == "zh" and i <= 10 and g.rng.random() < 0.5:
        return "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"[i - 1]
    return f"({to_roman(i)})"


def mandates(
    lang: str | None = None, noise: bool | None = None, footnotes: bool | None = None
) -> st.SearchStrategy[Mandate]:
    """Realistic generated resolutions with their truth.

    ``lang`` fixes the language; ``noise`` whether PDF furniture and soft hyphens are
    added; ``footnotes`` whether footnote reference numbers are (by default: drawn
    when ``noise`` is on, never when it is off).
    """
    langs = st.just(lang) if lang else _sampled(LANGS)
    noises = st.just(noise) if noise is not None else _BOOL

    @st.composite
    def build(draw: st.DrawFn) -> Mandate:
        code = draw(langs)
        for _ in range(5):
            noisy = draw(noises)
            notes = footnotes if footnotes is not None else (noisy and draw(_BOOL))
            try:
                return draw(_mandate(code, noisy, notes))
            except _Reject:
                continue
        from hypothesis import reject

        reject()
        raise AssertionError  # unreachable

    return build()


# ---------------------------------------------------------------------------
# Resolution-like noise: fragments of the grammar, shuffled
# ---------------------------------------------------------------------------


@cache
def _fragments() -> tuple[str, ...]:
    out: list[str] = []
    for lang in LANGS:
        data = _lex(lang).data
        for table in ("operative", "preamble", "modifiers"):
            for surfaces in data.get(table, {}).values():
                out.extend(surfaces)
        out.extend(s for ss in data["document"]["bodies"].values() for s in ss)
        out.extend(data["syntax"]["separators"] + data["syntax"]["connectors"])
        out.extend(ch for pair in data["syntax"]["quotes"] for ch in pair)
        out.extend(_VOCAB[lang]["closing"] + _VOCAB[lang]["headings"][:3])
    out.extend(
        [
            "The Security Council,",
            "安全理事会，",
            "Annex",
            "附件",
            "S/RES/2423 (2018)",
            "18-10490 (C)",
            "20-12345 (E) 3/8",
            "https://undocs.org/S/RES/1(1946)",
            "__________",
            "- 3 -",
            "*1810490*",
            "Adopted by the Security Council at its 8298th meeting, on 28 June 2018",
            "安全理事会 2018 年 6 月 28 日第 8298 次会议通过",
            "第 2423(2018)号决议",
            "Resolution 2423 (2018)",
            "8298th meeting",
            "第 8298 次会议",
            "report of the Secretary-General",
            "秘书长的报告",
            "1/",
            "12",
            "2018",
            "年",
            "peace-",
            "keeping",
            "the",
            "Secretary-General",
            "秘书长",
            "各方",
            ".",
            "。",
            ":",
            "：",
            "\f",
            "\t",
            "\u3000",
            "\u00a0",
            "\r",
            "\ufeff",
        ]
    )
    return tuple(out)


@st.composite
def _label_fragment(draw: st.DrawFn) -> str:
    kind = draw(_ints(0, 6))
    if kind == 0:
        return f"{draw(_ints(0, 1200))}{draw(_sampled(['.', '．', '. ', ' .']))}"
    if kind == 1:
        inner = draw(st.text("abcdhilvxyz", min_size=1, max_size=5))
        return f"{draw(_sampled('(（'))}{inner}{draw(_sampled(')）'))}"
    if kind == 2:
        inner = draw(st.text("一二三四五六七八九十", min_size=1, max_size=4))
        return f"{draw(_sampled('(（'))}{inner}{draw(_sampled(')）'))}"
    if kind == 3:
        return draw(_sampled("㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"))
    if kind == 4:
        return draw(_sampled(lexicon.common()["labels"]["dashes"]))
    if kind == 5:
        month = draw(_sampled(["January", "June", "Foo", "december"]))
        return f"{draw(_ints(0, 99))} {month} {draw(_ints(0, 9999))}"
    return f"{draw(_ints(0, 9999))} 年 {draw(_ints(0, 99))} 月 {draw(_ints(0, 99))} 日"


def resolution_like_text() -> st.SearchStrategy[str]:
    """Text made of the grammar's own pieces (labels, leads, separators, furniture,
    line breaks) in random order: reaches the parser's branches that ``st.text()`` misses."""
    token = st.one_of(
        _sampled(_fragments()),
        _label_fragment(),
        _sampled(["\n", "\n", "\n\n", "\r\n", " ", " ", "  "]),
        st.text(max_size=4),
    )
    return st.lists(token, min_size=1, max_size=80).map("".join)


# ---------------------------------------------------------------------------
# Real examples, lightly mutated
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutated:
    """A real example and a layout-only mutation of it."""

    name: str
    original: str
    mutated: str | bytes
    steps: tuple[str, ...]


def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@cache
def _example_text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


@st.composite
def mutated_examples(draw: st.DrawFn) -> Mutated:
    """A real example whose layout (never its words or line structure) is changed."""
    name = draw(_sampled([p.name for p in example_paths()]))
    original = _example_text(name)
    lang = "zh" if ".zh." in name else "en"
    lines = original.split("\n")
    steps: list[str] = []
    if draw(_BOOL):
        # Page furniture between lines (a page break can fall anywhere).
        for _ in range(draw(_ints(1, 5))):
            at = draw(_ints(0, len(lines)))
            lines[at:at] = draw(_furniture(lang))
        steps.append("furniture")
    if draw(_BOOL):
        idx = draw(st.lists(_ints(0, max(0, len(lines) - 1)), max_size=20))
        for i in idx:
            lines[i] = lines[i] + draw(_sampled([" ", "\t", "  ", "\u3000" if lang == "zh" else " "]))
        steps.append("trailing-space")
    newline = draw(_sampled(["\n", "\r\n"]))
    if newline != "\n":
        steps.append("crlf")
    text = newline.join(lines)
    if draw(_BOOL):
        text += newline * draw(_ints(1, 3))
        steps.append("trailing-newlines")
    encodings = ["str", "utf-8", "utf-8-sig", "utf-16"] + (["gb18030"] if lang == "zh" else [])
    encoding = draw(_sampled(encodings))
    mutated: str | bytes = text if encoding == "str" else text.encode(encoding)
    steps.append(encoding)
    return Mutated(name, original, mutated, tuple(steps))
