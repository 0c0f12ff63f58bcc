"""Generators for the comparison tests: mutations of real mandates with known truth,
and Hypothesis strategies for generated mandates.

Mutations work on a tree rebuilt from a parsed real resolution; the tree is
rendered back to plain text (``N. text``, ``(a) text`` ...) and parsed again,
so the whole pipeline runs. Each node remembers the old id it came from, so
the truth (old id -> new id, expected status) is known by construction.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import attrs
from hypothesis import strategies as st

import mandiff
from mandiff import lexicon
from mandiff.model import Paragraph, Resolution

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"

EN = [EXAMPLES / "S-RES-2506-2020.en.txt", DATA / "S-RES-2098-2013.en.txt", EXAMPLES / "A-HRC-RES-49-34.en.txt"]
ZH = [EXAMPLES / "S-RES-2423-2018.zh.txt", EXAMPLES / "A-HRC-RES-58-30.zh.txt"]
DONORS = {
    "en": [EXAMPLES / "S-RES-2537-2020.en.txt", DATA / "S-RES-2147-2014.en.txt", EXAMPLES / "S-RES-1904-2009.en.txt"],
    "zh": ZH,
}
KINDS = ("delete", "insert", "replace", "move", "move_sub", "strengthen", "weaken", "reword", "fact", "renumber")

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi"]
IDEOGRAPHS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


# ----------------------------------------------------------------------------- tree


@attrs.define
class Node:
    """A paragraph being mutated: its text, its children, and the old id it came from."""

    text: str
    children: list[Node]
    origin: str | None
    """Old id, or None for inserted text."""
    changed: bool = False
    """True when the mutation rewrote this node's own text."""
    style: str = "letter"
    """Label style of this node's children: letter, roman, ideograph or dash."""


def _style(label: str) -> str:
    inner = label.strip("()（） ")
    if label in IDEOGRAPHS or inner in ("一", "二"):
        return "ideograph"
    if not re.search(r"\w", label):
        return "dash"
    if inner in ("i", "ii"):
        return "roman"
    return "letter"


def _node(para: Paragraph, fresh: bool = False) -> Node:
    first = para.children[0].label if para.children else "(a)"
    style = _style(first)
    if style == "letter" and para.children and para.children[0].label.strip("() ") == "i" and len(para.children) > 1:
        style = "roman" if para.children[1].label.strip("() ") == "ii" else "letter"
    return Node(para.text, [_node(c, fresh) for c in para.children], None if fresh else para.id, False, style)


def tree(res: Resolution) -> list[Node]:
    """The operative part as mutable nodes."""
    return [_node(p) for p in res.operative]


def walk(nodes: list[Node]) -> list[Node]:
    out = []
    for n in nodes:
        out.append(n)
        out.extend(walk(n.children))
    return out


def _label(style: str, k: int) -> str:
    if style == "dash":
        return "-"
    if style == "ideograph":
        return IDEOGRAPHS[k] if k < len(IDEOGRAPHS) else f"({ROMAN[k]})"
    if style == "roman":
        return f"({ROMAN[k]})"
    return f"({LETTERS[k]})"


def render(res: Resolution, nodes: list[Node]) -> str:
    """Plain text the parser reads back into the same tree."""
    zh = res.language == "zh"
    out = ["安全理事会，" if zh else "The Security Council,", ""]
    for p in res.preamble:
        out += [p.text, ""]

    def emit(node: Node, label: str) -> None:
        out.extend([f"{label} {node.text}", ""])
        for k, child in enumerate(node.children):
            emit(child, _label(node.style, k))

    for k, node in enumerate(nodes):
        emit(node, f"{k + 1}.")
    return "\n".join(out)


# ----------------------------------------------------------------------------- relabelling


def _suffix(style: str, k: int) -> str:
    if style == "dash":
        return f"-{k + 1}"
    if style == "ideograph":
        return f"({ROMAN[k]})"
    return f"({ROMAN[k] if style == 'roman' else LETTERS[k]})"


def relabel(para: Paragraph, pid: str, label: str, shift: int = 0) -> Paragraph:
    """``para`` with id ``pid`` and its descendants re-identified, children shifted by ``shift`` places."""
    style = _style(para.children[0].label) if para.children else "letter"
    if style == "letter" and len(para.children) > 1 and para.children[1].label.strip("() ") == "ii":
        style = "roman"
    kids = tuple(
        relabel(c, pid + _suffix(style, k + shift), _label(style, k + shift), shift)
        for k, c in enumerate(para.children)
    )
    return attrs.evolve(para, id=pid, label=label, children=kids)


def renumber(res: Resolution, offset: int, shift: int = 0) -> Resolution:
    """Same text, same order, every id different: top-level numbers + ``offset``, children + ``shift`` places."""
    ops = tuple(relabel(p, str(k + 1 + offset), f"{k + 1 + offset}.", shift) for k, p in enumerate(res.operative))
    pre = tuple(attrs.evolve(p, id=f"PP{k + 1 + offset}") for k, p in enumerate(res.preamble))
    return attrs.evolve(res, operative=ops, preamble=pre)


# ----------------------------------------------------------------------------- mutations


@attrs.frozen
class Case:
    """A mutated pair with its truth."""

    name: str
    old: Resolution
    new: Resolution
    truth: tuple[tuple[str | None, str | None, str], ...]
    """(old id, new id, status): every old and every new paragraph once."""
    tags: tuple[tuple[str | None, str | None, str], ...] = ()
    """(old id, new id, tag) the mutation must produce."""

    @property
    def moved(self) -> set[tuple[str | None, str | None]]:
        return {(o, n) for o, n, tag in self.tags if tag == "moved"}


def _words(text: str, lang: str) -> list[str]:
    return re.findall(r"\S+\s*", text) if lang == "en" else list(text)


def reword(text: str, donor: str, rng: random.Random, lang: str) -> str:
    """Heavy rewording: about half of the words (Chinese: characters) cut, replaced by another
    paragraph's or inserted from it, keeping the lead words and the final punctuation."""
    units = _words(text, lang)
    pool = _words(donor, lang) or units
    keep_head = 2 if lang == "en" else 3
    head, body, tail = units[:keep_head], units[keep_head:-1], units[-1:]
    n = len(body)
    if n < 4:
        return text
    start = rng.randrange(0, max(1, n - n // 5))
    del body[start : start + max(1, n // 5)]
    for _ in range(3):
        if len(body) < 2:
            break
        at = rng.randrange(0, len(body))
        span = max(1, n // 10)
        src = rng.randrange(0, max(1, len(pool) - span))
        body[at : at + span] = pool[src : src + span]
    at = rng.randrange(0, len(body) + 1)
    src = rng.randrange(0, max(1, len(pool) - n // 8))
    body[at:at] = pool[src : src + max(1, n // 8)]
    out = "".join(head + body + tail)
    # Keep the text on one line and free of anything that reads as a label.
    return re.sub(r"\s+", " ", out).replace(":", ",") if lang == "en" else out.replace("：", "，")


def _lead(text: str, res_lang: str) -> tuple[str, str] | None:
    """(verb as written, type) of a text that opens with a plain operative verb."""
    lex = lexicon.load(res_lang)
    lead = lex.lead_at(text, 0)
    if lead is None or lead.modifiers or lead.start != 0:
        return None
    return text[lead.start : lead.verb_end], lead.type


def _retype(text: str, lang: str, up: bool, rng: random.Random) -> str | None:
    found = _lead(text, lang)
    if not found:
        return None
    verb, kind = found
    tier = lexicon.strength(kind)
    if tier is None:
        return None
    choices = [
        t for t in ("decides", "requests", "urges", "encourages", "welcomes") if (lexicon.strength(t) > tier) == up
    ]
    choices = [t for t in choices if lexicon.strength(t) != tier]
    if not choices:
        return None
    target = rng.choice(choices)
    word = lexicon.load(lang).data["operative"][target][0]
    if lang == "en":
        word = word[:1].upper() + word[1:]
    return word + text[len(verb) :]


_EN_DATE = re.compile(
    r"\b(\d{1,2}\s*)?(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})"
)
_ZH_DATE = re.compile(r"(\d{4})(\s*年\s*\d{1,2}\s*月)")
_FIGURE = re.compile(r"(?<![\d/])(\d{1,3}(?:[ ,]\d{3})+)(?![\d/])")


def change_fact(text: str, lang: str) -> str | None:
    """Move the first date one year on, or else raise the first large figure."""
    if lang == "en":
        m = _EN_DATE.search(text)
        if m:
            return text[: m.start(3)] + str(int(m.group(3)) + 1) + text[m.end(3) :]
    else:
        m = _ZH_DATE.search(text)
        if m:
            return text[: m.start(1)] + str(int(m.group(1)) + 1) + text[m.end(1) :]
    m = _FIGURE.search(text)
    if m:
        digits = re.sub(r"\D", "", m.group(1))
        return text[: m.start(1)] + f"{int(digits) + 500:,}".replace(",", " ") + text[m.end(1) :]
    return None


def _donor_nodes(lang: str, avoid: Path) -> list[Paragraph]:
    """Paragraphs of other resolutions whose text the base resolution does not hold already."""
    own = {p.text for para in _load(avoid).operative for p in para.walk()}
    out = []
    for path in DONORS[lang]:
        if path == avoid or path.name.split(".")[0] in _SAME_MANDATE.get(avoid.name.split(".")[0], ()):
            continue
        out += [p for p in _load(path).operative if p.text and not {q.text for q in p.walk()} & own]
    return out


# Donors must be unrelated texts: a successive resolution of the same mandate would
# make the "inserted" paragraph a true counterpart of an existing one.
_SAME_MANDATE = {
    "S-RES-2506-2020": ("S-RES-2537-2020",),
    "S-RES-2098-2013": ("S-RES-2147-2014",),
    "A-HRC-RES-49-34": ("A-HRC-RES-52-42",),
}


_CACHE: dict[Path, Resolution] = {}


def _load(path: Path) -> Resolution:
    if path not in _CACHE:
        _CACHE[path] = mandiff.load(path)
    return _CACHE[path]


def _parents(nodes: list[Node]) -> list[Node]:
    return [n for n in walk(nodes) if n.children]


def _apply(kind: str, nodes: list[Node], rng: random.Random, lang: str, donors: list[Paragraph], notes: list) -> bool:
    """Apply one mutation in place; False when the document offers no place for it."""
    flat = walk(nodes)
    if kind == "delete":
        siblings = rng.choice([nodes, *[p.children for p in _parents(nodes)]])
        if len(siblings) < 2:
            return False
        siblings.pop(rng.randrange(len(siblings) - 1))
        return True
    if kind == "insert":
        donor = rng.choice(donors)
        nodes.insert(rng.randrange(len(nodes)), _node(donor, fresh=True))
        return True
    if kind == "replace":
        # A paragraph dropped and another resolution's paragraph put in its place:
        # the two share boilerplate at most and must not be paired.
        k = rng.randrange(len(nodes) - 1)
        nodes[k] = _node(rng.choice(donors), fresh=True)
        return True
    if kind == "move":
        if len(nodes) < 4:
            return False
        k = rng.randrange(len(nodes) - 1)
        node = nodes.pop(k)
        target = rng.choice([t for t in range(len(nodes)) if abs(t - k) > 1] or [0])
        nodes.insert(target, node)
        notes.append((node.origin, "moved"))
        return True
    if kind == "move_sub":
        parents = [p for p in _parents(nodes) if all(not c.children for c in p.children)]
        if len(parents) < 2:
            return False
        src, dst = rng.sample(parents, 2)
        if len(src.children) < 2:
            return False
        node = src.children.pop(rng.randrange(len(src.children)))
        dst.children.insert(rng.randrange(len(dst.children) + 1), node)
        notes.append((node.origin, "moved"))
        return True
    if kind in ("strengthen", "weaken"):
        order = list(nodes)
        rng.shuffle(order)
        done = {o for o, tag in notes if tag in ("strengthened", "weakened")}
        for node in order:
            text = None if node.origin in done else _retype(node.text, lang, kind == "strengthen", rng)
            if text:
                node.text, node.changed = text, True
                notes.append((node.origin, "strengthened" if kind == "strengthen" else "weakened"))
                return True
        return False
    if kind == "reword":
        pool = [n for n in flat if len(_words(n.text, lang)) >= (12 if lang == "en" else 30)]
        if not pool:
            return False
        node = rng.choice(pool)
        node.text, node.changed = reword(node.text, rng.choice(donors).text, rng, lang), True
        return True
    if kind == "fact":
        order = list(flat)
        rng.shuffle(order)
        for node in order:
            text = change_fact(node.text, lang)
            if text and text != node.text:
                node.text, node.changed = text, True
                notes.append((node.origin, "facts_changed"))
                return True
        return False
    raise ValueError(kind)


def mutate(path: Path, kinds: tuple[str, ...], seed: int) -> Case:
    """Apply ``kinds`` in turn to the resolution at ``path``; the truth follows each node."""
    rng = random.Random(f"{path.name}:{'+'.join(kinds)}:{seed}")
    old = _load(path)
    lang = old.language
    nodes = tree(old)
    donors = _donor_nodes(lang, path)
    notes: list[tuple[str | None, str]] = []
    renumbered = False
    for kind in kinds:
        if kind == "renumber":
            renumbered = True
        else:
            _apply(kind, nodes, rng, lang, donors, notes)
    new = mandiff.parse(render(old, nodes), lang=lang)
    if renumbered:
        new = renumber(new, offset=rng.randrange(1, 5), shift=1)
    got = [p for para in new.operative for p in para.walk()]
    mine = walk(nodes)
    if len(got) != len(mine):
        raise AssertionError(f"{path.name} {kinds} {seed}: rendered {len(mine)} nodes, parsed {len(got)}")
    new_id = {id(n): p.id for n, p in zip(mine, got, strict=True)}
    truth: list[tuple[str | None, str | None, str]] = []
    seen = set()
    for n in mine:
        if n.origin is None:
            truth.append((None, new_id[id(n)], "added"))
        else:
            seen.add(n.origin)
            truth.append((n.origin, new_id[id(n)], "changed" if n.changed else "unchanged"))
    for p in (q for para in old.operative for q in para.walk()):
        if p.id not in seen:
            truth.append((p.id, None, "removed"))
    by_origin = {n.origin: new_id[id(n)] for n in mine if n.origin}
    tags = tuple((o, by_origin.get(o), tag) for o, tag in notes if o in by_origin)
    return Case(f"{path.name}:{'+'.join(kinds)}:{seed}", old, new, tuple(truth), tags)


def cases(per_kind: int = 3, mixed: int = 6, heavy: int = 2) -> list[Case]:
    """The mutation suite: each kind alone on every base text, mixes of four kinds, and
    heavy renewals where a dozen mutations touch a large share of the paragraphs."""
    out = []
    for path in (*EN, *ZH):
        for kind in KINDS:
            for seed in range(per_kind):
                out.append(mutate(path, (kind,), seed))
        for seed in range(mixed):
            rng = random.Random(f"mix:{path.name}:{seed}")
            out.append(mutate(path, tuple(rng.sample(KINDS, 4)), seed))
        for seed in range(heavy):
            rng = random.Random(f"heavy:{path.name}:{seed}")
            kinds = tuple(rng.choice(KINDS[:-1]) for _ in range(12))
            out.append(mutate(path, (*kinds, "renumber") if seed % 2 else kinds, seed))
    return out


@attrs.frozen
class Score:
    """Accuracy figures of the mutation suite."""

    mapping: tuple[int, int]
    status: tuple[int, int]
    tags: tuple[int, int]
    touched: tuple[int, int, int]
    """Mapping right, status right, total, over the paragraphs a mutation touched."""
    by_language: dict[str, tuple[float, float]]
    failures: tuple[str, ...]

    @property
    def mapping_accuracy(self) -> float:
        return self.mapping[0] / self.mapping[1]

    @property
    def status_accuracy(self) -> float:
        return self.status[0] / self.status[1]

    @property
    def tag_recall(self) -> float:
        return self.tags[0] / self.tags[1] if self.tags[1] else 1.0

    def __str__(self) -> str:
        langs = ", ".join(f"{k}: mapping {m:.2%} status {s:.2%}" for k, (m, s) in sorted(self.by_language.items()))
        return (
            f"mutation suite: paragraph mapping accuracy {self.mapping_accuracy:.2%} "
            f"({self.mapping[0]}/{self.mapping[1]}), status accuracy {self.status_accuracy:.2%} "
            f"({self.status[0]}/{self.status[1]}), expected-tag recall {self.tag_recall:.2%} "
            f"({self.tags[0]}/{self.tags[1]}); on the {self.touched[2]} mutated paragraphs alone: "
            f"mapping {self.touched[0] / max(1, self.touched[2]):.2%}, "
            f"status {self.touched[1] / max(1, self.touched[2]):.2%} "
            f"[{langs}]"
        )


def evaluate(suite: list[Case], compare: Callable = mandiff.compare) -> Score:  # type: ignore[attr-defined]
    """Run ``compare`` on every case and score it against the truth."""
    totals = {"mapping": [0, 0], "status": [0, 0], "tags": [0, 0]}
    touched = [0, 0, 0]
    per_lang: dict[str, list[int]] = {}
    failures = []
    for case in suite:
        result = compare(case.old, case.new)
        by_old: dict[str, list] = {}
        by_new: dict[str, list] = {}
        for c in result.changes:
            if c.old is not None:
                by_old.setdefault(c.old, []).append(c)
            if c.new is not None:
                by_new.setdefault(c.new, []).append(c)
        lang = per_lang.setdefault(case.old.language, [0, 0, 0, 0])
        for old, new, status in case.truth:
            records = by_old.get(old, []) if old is not None else by_new.get(new, [])
            if old is None:
                ok_map = all(c.old is None for c in records)
            elif new is None:
                ok_map = all(c.new is None for c in records)
            else:
                ok_map = any(c.new == new for c in records)
            mine = next((c for c in records if old is None or new is None or c.new == new), None)
            ok_status = mine is not None and mine.status == status
            for key, ok in (("mapping", ok_map), ("status", ok_status)):
                totals[key][0] += ok
                totals[key][1] += 1
            lang[0] += ok_map
            lang[1] += ok_status
            lang[2] += 1
            if status != "unchanged" or (old, new) in case.moved:
                touched[0] += ok_map
                touched[1] += ok_status
                touched[2] += 1
            if not (ok_map and ok_status):
                got = [(c.old, c.new, c.status) for c in records]
                failures.append(f"{case.name}: want {old}->{new} {status}, got {got}")
        for old, new, tag in case.tags:
            hit = any(c.new == new and tag in c.tags for c in by_old.get(old, []))
            totals["tags"][0] += hit
            totals["tags"][1] += 1
            if not hit:
                failures.append(f"{case.name}: want tag {tag} on {old}->{new}")
    return Score(
        tuple(totals["mapping"]),
        tuple(totals["status"]),
        tuple(totals["tags"]),
        tuple(touched),
        {k: (v[0] / v[2], v[1] / v[2]) for k, v in per_lang.items()},
        tuple(failures),
    )


def mutation_report(per_kind: int = 3, mixed: int = 6) -> Score:
    """Accuracy of :func:`mandiff.compare` on the mutation suite (for tests, benchmark and README)."""
    return evaluate(cases(per_kind, mixed))


# ----------------------------------------------------------------------------- Hypothesis


def _pool(lang: str) -> tuple[list[Paragraph], list[Paragraph]]:
    paths = (EN + DONORS["en"]) if lang == "en" else ZH
    ops = [p for path in paths for p in _load(path).operative]
    pre = [p for path in paths for p in _load(path).preamble]
    return ops, pre


def build(base: Resolution, operative: list[Paragraph], preamble: list[Paragraph]) -> Resolution:
    """A resolution model with these paragraphs, numbered from 1."""
    ops = tuple(relabel(p, str(k + 1), f"{k + 1}.") for k, p in enumerate(operative))
    pre = tuple(attrs.evolve(p, id=f"PP{k + 1}") for k, p in enumerate(preamble))
    return attrs.evolve(base, operative=ops, preamble=pre, closing=None)


@st.composite
def mandates(draw: st.DrawFn, lang: str | None = None) -> Resolution:
    """A mandate assembled from real paragraphs of one language (duplicates allowed)."""
    code = lang or draw(st.sampled_from(["en", "zh"]))
    ops, pre = _pool(code)
    base = _load(EN[0] if code == "en" else ZH[0])
    operative = draw(st.lists(st.sampled_from(ops), min_size=1, max_size=14))
    preamble = draw(st.lists(st.sampled_from(pre), max_size=5))
    return build(base, operative, preamble)


@st.composite
def mandate_pairs(draw: st.DrawFn) -> tuple[Resolution, Resolution]:
    """Two mandates sharing most paragraphs: some deleted, inserted, moved or swapped for others."""
    code = draw(st.sampled_from(["en", "zh"]))
    ops, pre = _pool(code)
    old = draw(mandates(code))
    paras = list(old.operative)
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(["delete", "insert", "move", "replace"]))
        if action == "delete" and len(paras) > 1:
            paras.pop(draw(st.integers(0, len(paras) - 1)))
        elif action == "insert":
            paras.insert(draw(st.integers(0, len(paras))), draw(st.sampled_from(ops)))
        elif action == "move" and len(paras) > 1:
            p = paras.pop(draw(st.integers(0, len(paras) - 1)))
            paras.insert(draw(st.integers(0, len(paras))), p)
        elif action == "replace":
            paras[draw(st.integers(0, len(paras) - 1))] = draw(st.sampled_from(ops))
    preamble = list(old.preamble)
    if draw(st.booleans()):
        preamble.append(draw(st.sampled_from(pre)))
    return old, build(old, paras, preamble)
