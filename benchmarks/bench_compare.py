"""Benchmark mandiff.compare: a real pair, synthetic mandates of growing size, and baselines.

Run: ``python3 benchmarks/bench_compare.py`` (add ``--quick`` to skip the mutation suite).

Prints
  * the time to compare a typical real pair (parse included);
  * the time to compare synthetic mandates of 100, 1,000 and 10,000 operative
    paragraphs (models built directly, so that the figures time the
    comparison alone), with time / (n log n) to show the growth;
  * on each real pair, in the same process: mandiff (parse included)
    against ``diff_match_patch.diff_main`` over the whole text (default
    settings, so its one-second time limit applies) and
    ``difflib.HtmlDiff().make_file`` over its lines, with
    ``difflib.SequenceMatcher`` over the exact paragraph strings as the floor;
  * the accuracy figures of the mutation suite (tests/compare_strategies.py).
"""

from __future__ import annotations

import difflib
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from diff_match_patch import diff_match_patch

import mandiff
from mandiff.model import Clause, Metadata, Paragraph, Resolution, Span

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PAIRS = [
    ("UNFICYP S/RES/2506 -> 2537 (en)", EXAMPLES / "S-RES-2506-2020.en.txt", EXAMPLES / "S-RES-2537-2020.en.txt"),
    (
        "MONUSCO S/RES/2098 -> 2147 (en)",
        ROOT / "tests" / "data" / "S-RES-2098-2013.en.txt",
        ROOT / "tests" / "data" / "S-RES-2147-2014.en.txt",
    ),
]
MORE_PAIRS = [
    ("UNIFIL S/RES/803 -> 852 (en)", EXAMPLES / "S-RES-803-1993.en.txt", EXAMPLES / "S-RES-852-1993.en.txt"),
    ("Mali A/HRC/RES/49/34 -> 52/42 (en)", EXAMPLES / "A-HRC-RES-49-34.en.txt", EXAMPLES / "A-HRC-RES-52-42.en.txt"),
]
_SPAN = Span(0, 0, 1, 1, 1, 1)
_VERBS = [
    ("Decides", "decides"),
    ("Requests the Secretary-General to", "requests"),
    ("Urges all parties to", "urges"),
    ("Encourages", "encourages"),
    ("Welcomes", "welcomes"),
    ("Calls upon Member States to", "calls_upon"),
]


def best_of(fn: Callable[[], object], repeat: int = 5, budget: float = 0.5) -> float:
    """Best wall time in seconds of at least ``repeat`` runs, more (up to 30) while they
    take less than ``budget`` seconds in all: short timings need more runs to be steady."""
    times: list[float] = []
    while len(times) < repeat or (sum(times) < budget and len(times) < 30):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# ----------------------------------------------------------------------------- synthetic mandates


def _vocabulary() -> tuple[list[str], list[float]]:
    """Words of the bundled English resolutions with their frequencies (a Zipf-like pool)."""
    counts: Counter[str] = Counter()
    for path in EXAMPLES.glob("*.en.txt"):
        counts.update(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    words = sorted(counts, key=lambda w: (-counts[w], w))
    return words, [counts[w] for w in words]


def _name(rng: random.Random) -> str:
    syllables = ["ka", "lo", "mi", "ren", "to", "sa", "vu", "bel", "dor", "an", "ze", "ki", "mu", "ra"]
    return "".join(rng.choice(syllables) for _ in range(3)).capitalize()


def _para(pid: str, text: str, kind: str, label: str, ctype: str | None, children: tuple[Paragraph, ...] = ()):
    clauses = (Clause(ctype, (), text.split(" ")[0], None, text, _SPAN),) if ctype else ()
    return Paragraph(pid, kind, label, text, clauses, children, None, _SPAN)


def _text(rng: random.Random, words: list[str], weights: list[float]) -> tuple[str, str]:
    verb, ctype = rng.choice(_VERBS)
    body = rng.choices(words, weights, k=rng.randint(15, 60))
    for _ in range(2):
        body.insert(rng.randrange(len(body) + 1), _name(rng))
    if rng.random() < 0.2:
        body.append(f"by {rng.randint(1, 28)} {rng.choice(['March', 'June', 'December'])} {rng.randint(2020, 2030)}")
    return f"{verb} {' '.join(body)};", ctype


def _document(specs: list[tuple[str, str, list[str]]]) -> Resolution:
    ops = []
    for k, (text, ctype, subs) in enumerate(specs):
        pid = str(k + 1)
        kids = tuple(
            _para(f"{pid}({chr(97 + m)})", s, "subparagraph", f"({chr(97 + m)})", None) for m, s in enumerate(subs)
        )
        ops.append(_para(pid, text, "operative", f"{pid}.", ctype, kids))
    meta = Metadata("Security Council", None, None, None, None)
    return Resolution("resolution", "en", "str", meta, (), tuple(ops), (), (), None, ())


def synthetic(n: int, seed: int = 0) -> tuple[Resolution, Resolution]:
    """A mandate of ``n`` operative paragraphs and its renewal: about 4% amended, 2% deleted,
    2% inserted, 1% moved, 3% with a new date, sub-paragraphs under one paragraph in ten."""
    rng = random.Random(seed)
    words, weights = _vocabulary()
    specs = []
    for _ in range(n):
        text, ctype = _text(rng, words, weights)
        subs = [_text(rng, words, weights)[0][:-1].split(" ", 1)[1] + ";" for _ in range(rng.randint(2, 5))]
        specs.append((text, ctype, subs if rng.random() < 0.1 else []))
    new = []
    for text, ctype, subs in specs:
        r = rng.random()
        if r < 0.02:
            continue
        if r < 0.06:
            # An amendment: two or three phrases cut, replaced or inserted (a third of the words).
            tokens = text.split(" ")
            for _ in range(rng.randint(2, 3)):
                at = rng.randrange(1, len(tokens))
                span = max(1, len(tokens) // 9)
                tokens[at : at + span] = rng.choices(words, weights, k=rng.randint(0, 2 * span))
            text = " ".join(tokens)
        elif r < 0.09:
            text = re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + 1), text)
        new.append((text, ctype, subs))
        if rng.random() < 0.02:
            fresh, kind = _text(rng, words, weights)
            new.append((fresh, kind, []))
    for _ in range(max(1, n // 100)):
        item = new.pop(rng.randrange(len(new)))
        new.insert(rng.randrange(len(new) + 1), item)
    return _document(specs), _document(new)


# ----------------------------------------------------------------------------- report


def real_pair() -> None:
    print("== real pairs (parse of both texts included)")
    for name, old, new in PAIRS:
        t = best_of(lambda old=old, new=new: mandiff.compare(old, new))
        counts = mandiff.compare(old, new).summary()["statuses"]
        print(f"{name}: {t * 1000:.1f} ms   {counts}")


def scaling() -> None:
    print("== synthetic mandates (models, parse excluded)")
    rows = []
    for n in (100, 1_000, 10_000):
        old, new = synthetic(n)
        t = best_of(lambda old=old, new=new: mandiff.compare(old, new), repeat=3 if n < 10_000 else 1)
        nodes = sum(len(p.walk()) for p in old.operative)
        rows.append((n, t))
        print(
            f"n={n:>6} operative ({nodes:>6} with sub-paragraphs): {t:8.3f} s   "
            f"time/(n log n) = {t / (n * math.log(n)) * 1e6:.2f} us"
        )
    (n1, t1), (n2, t2) = rows[-2], rows[-1]
    print(
        f"growth 1,000 -> 10,000: x{t2 / t1:.1f} (n log n predicts x{n2 * math.log(n2) / (n1 * math.log(n1)):.1f}, "
        f"n^2 would be x{(n2 / n1) ** 2:.0f}); 10,000 under 5 s: {'yes' if t2 < 5 else 'NO'}"
    )


def baselines() -> None:
    print("== baselines, same process, same pair (mandiff parses both texts inside the timing)")
    print(f"{'pair':34} {'mandiff':>9} {'dmp.diff_main':>20} {'HtmlDiff.make_file':>20} {'floor':>8}")
    for name, old, new in [*PAIRS, *MORE_PAIRS]:
        a = old.read_text(encoding="utf-8")
        b = new.read_text(encoding="utf-8")
        ours = best_of(lambda a=a, b=b: mandiff.compare(a, b))
        t_dmp = best_of(lambda a=a, b=b: diff_match_patch().diff_main(a, b), repeat=3)
        t_html = best_of(lambda a=a, b=b: difflib.HtmlDiff().make_file(a.splitlines(), b.splitlines()), repeat=3)
        pa = [p.text for para in mandiff.load(old).operative for p in para.walk()]
        pb = [p.text for para in mandiff.load(new).operative for p in para.walk()]
        t_floor = best_of(lambda pa=pa, pb=pb: difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes())
        print(
            f"{name:34} {ours * 1000:7.1f}ms {t_dmp * 1000:9.1f}ms (x{t_dmp / ours:5.1f}) "
            f"{t_html * 1000:9.1f}ms (x{t_html / ours:5.1f}) {t_floor * 1000:6.2f}ms"
        )
    print("(xN: how many times faster mandiff is; floor: difflib.SequenceMatcher over exact paragraph strings)")


def accuracy() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from compare_strategies import mutation_report

    print("== mutation suite (tests/compare_strategies.py)")
    start = time.perf_counter()
    score = mutation_report()
    print(f"{score}  ({time.perf_counter() - start:.1f} s)")


def main(argv: list[str]) -> None:
    real_pair()
    scaling()
    baselines()
    if "--quick" not in argv:
        accuracy()
    print(f"(python {sys.version.split()[0]}, best of several runs each)")


if __name__ == "__main__":
    main(sys.argv[1:])
