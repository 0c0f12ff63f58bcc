#!/usr/bin/env python3
"""Benchmark ``mandiff.parse`` on multi-megabyte inputs built from the bundled examples.

Usage: ``python3 benchmarks/bench_parse.py [--mb 4] [--quick]``

For each language (``zh`` from ``examples/*.zh.txt``, ``en`` from ``examples/*.en.txt``)
one big synthetic resolution is built: the header and preamble of one example,
then the operative paragraphs (with their sub-paragraph lines, headings and page
furniture) of every example of that language, repeated and renumbered 1..N, then
a closing paragraph N+1. The parse is checked to find N+1 operative paragraphs,
the same number of sub-paragraphs as the sources and the closing formula, so
the numbers below measure the parser doing its real work.

Printed per language: input size, parse throughput (best of 3), the floor of
just decoding and normalizing the same bytes, the parse/floor ratio, and peak
memory (tracemalloc) at sizes s and 2s. Then adversarial inputs at n, 2n, 4n
with their growth ratios (~2 per doubling is linear, ~4 quadratic).

MB means 10**6 bytes of UTF-8. Deterministic: no randomness, fixed inputs.
This is a report, not a test: it never fails on a slow result.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmark the checkout, installed or not

import mandiff  # noqa: E402
from mandiff.clean import normalize  # noqa: E402
from mandiff.read import decode  # noqa: E402

EXAMPLES = ROOT / "examples"
TARGET_MB_PER_S = 5.0
MB = 1_000_000


# -- building the big input ---------------------------------------------------


@attrs.frozen
class Block:
    """The source lines of one operative paragraph, label at ``label_at``."""

    text: str
    label_at: int
    label: str
    paragraphs: int
    """The paragraph and its descendants, as the parser found them in the example."""

    def numbered(self, n: int) -> str:
        new = re.sub(r"\d+", str(n), self.label, count=1)
        return self.text[: self.label_at] + new + self.text[self.label_at + len(self.label) :]


@attrs.frozen
class Example:
    name: str
    header: str
    """Everything before the line of the first operative paragraph (header, preamble, a heading)."""
    blocks: tuple[Block, ...]
    """Operative paragraphs, closing formula excluded."""
    closing: Block | None


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end + 1


def _example(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    res = mandiff.parse(text)
    ops = res.operative
    assert res.kind == "resolution" and ops, f"{path.name} does not parse as a resolution"
    starts = [_line_start(text, p.span.start) for p in ops]
    last_end = max(q.span.end for q in ops[-1].walk())
    ends = [*starts[1:], _line_end(text, max(last_end - 1, ops[-1].span.start))]
    blocks = []
    closing = None
    for para, start, end in zip(ops, starts, ends, strict=True):
        chunk = text[start:end]
        if not chunk.endswith("\n"):
            chunk += "\n"
        at = para.span.start - start
        assert chunk[at:].startswith(para.label), (path.name, para.id, chunk[at : at + 10])
        block = Block(chunk, at, para.label, len(para.walk()))
        if para.id == res.closing:
            closing = block
        else:
            blocks.append(block)
    return Example(path.name, text[: starts[0]], tuple(blocks), closing)


@attrs.frozen
class Input:
    lang: str
    data: bytes
    operative: int
    """Operative paragraphs expected, closing included."""
    paragraphs: int
    """Operative paragraphs and all their descendants expected."""

    @property
    def mb(self) -> float:
        return len(self.data) / MB


def _examples(lang: str) -> list[Example]:
    return [_example(p) for p in sorted(EXAMPLES.glob(f"*.{lang}.txt"))]


def build(examples: list[Example], lang: str, target: int | None = None, count: int | None = None) -> Input:
    """One resolution of about ``target`` bytes, or with exactly ``count`` paragraphs before the closing one."""
    head = max(examples, key=lambda e: (e.closing is not None, e.header.count("\n"), e.name))
    assert head.closing is not None, f"no {lang} example has a closing formula"
    pool = [b for e in examples for b in e.blocks]
    parts = [head.header]
    size = len(head.header.encode("utf-8")) + len(head.closing.text.encode("utf-8"))
    n = paragraphs = 0
    while (count is None or n < count) and (target is None or size < target):
        block = pool[n % len(pool)]
        n += 1
        chunk = block.numbered(n)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        paragraphs += block.paragraphs
    parts.append(head.closing.numbered(n + 1))
    data = "".join(parts).encode("utf-8")
    return Input(lang, data, n + 1, paragraphs + head.closing.paragraphs)


def check(inp: Input, res: mandiff.Resolution) -> tuple[bool, str]:
    found = len(res.operative)
    walked = sum(len(p.walk()) for p in res.operative)
    ok = (
        res.kind == "resolution"
        and res.language == inp.lang
        and found == inp.operative
        and walked == inp.paragraphs
        and [p.id for p in res.operative] == [str(i) for i in range(1, found + 1)]
        and res.closing == str(inp.operative)
    )
    line = (
        f"operative paragraphs: {found} (expected {inp.operative}); "
        f"with sub-paragraphs: {walked} (expected {inp.paragraphs}); closing: {res.closing}"
    )
    if not ok:
        line += "\n    MISMATCH: the parse did not find the resolution that was built; "
        line += f"trailer lines: {len(res.trailer)}"
        if found < inp.operative and res.operative:
            line += f"\n    (numbers after {res.operative[-1].id} were not read as paragraph numbers)"
    return ok, line


# -- measuring -----------------------------------------------------------------


def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def peak_memory(data: bytes) -> tuple[int, mandiff.Resolution]:
    """Peak traced allocation while parsing ``data`` (the input bytes themselves excluded), and the result."""
    gc.collect()
    tracemalloc.start()
    try:
        res = mandiff.parse(data)
        return tracemalloc.get_traced_memory()[1], res
    finally:
        tracemalloc.stop()


def _floor_normalize(data: bytes) -> None:
    normalize(data.decode("utf-8"))


def measure(inp: Input, repeat: int, label: str) -> int:
    """Print the numbers for ``inp``; return how many operative paragraphs the parser found."""
    res = mandiff.parse(inp.data)
    ok, line = check(inp, res)
    found = len(res.operative)
    del res
    print(f"  [{label}] input: {inp.mb:.2f} MB, {len(inp.data.splitlines())} lines")
    print(f"    {line}")
    t_parse = best_of(lambda: mandiff.parse(inp.data), repeat)
    t_norm = best_of(lambda: _floor_normalize(inp.data), repeat)
    t_read = best_of(lambda: decode(inp.data), repeat)
    rate = inp.mb / t_parse
    print(f"    parse:                       {rate:8.2f} MB/s  ({t_parse * 1000:.0f} ms, best of {repeat})")
    print(f"    floor decode+normalize:      {inp.mb / t_norm:8.2f} MB/s  ({t_norm * 1000:.0f} ms)")
    print(f"    floor mandiff.read.decode:   {inp.mb / t_read:8.2f} MB/s  ({t_read * 1000:.0f} ms)")
    ratios = f"{t_parse / t_norm:8.1f}x (decode+normalize), {t_parse / t_read:.1f}x (decode)"
    print(f"    parse/floor time ratio:      {ratios}")
    met = "met" if rate >= TARGET_MB_PER_S else "NOT met"
    print(f"    target >= {TARGET_MB_PER_S:.0f} MB/s on one core: {met}{'' if ok else ' (input not parsed as built)'}")
    return found


def memory(small: Input, large: Input) -> None:
    m1, r1 = peak_memory(small.data)
    m2, r2 = peak_memory(large.data)
    print(
        f"    peak memory (tracemalloc): s={small.mb:.2f} MB -> {m1 / MB:.1f} MB ({m1 / len(small.data):.0f}x input); "
        f"2s={large.mb:.2f} MB -> {m2 / MB:.1f} MB ({m2 / len(large.data):.0f}x input); "
        f"ratio {m2 / m1:.2f} (linear ~2)"
    )
    for inp, res in ((small, r1), (large, r2)):
        ok, line = check(inp, res)
        if not ok:
            print(f"    at {inp.mb:.2f} MB: {line}")


def language(lang: str, mb: float, repeat: int) -> None:
    examples = _examples(lang)
    print(f"\n== {lang}: {len(examples)} examples, {sum(len(e.blocks) for e in examples)} operative paragraphs ==")
    big = build(examples, lang, target=int(mb * MB))
    found = measure(big, repeat, f"{mb:g} MB target")
    memory(build(examples, lang, target=int(mb * MB / 4)), build(examples, lang, target=int(mb * MB / 2)))
    if 1 < found < big.operative:
        # The parser stops reading paragraph numbers at some point: also measure the largest input it reads as built.
        cap = found
        valid = build(examples, lang, count=cap - 1)
        measure(valid, repeat, f"largest valid: {cap} operative paragraphs")
        memory(build(examples, lang, count=cap // 2 - 1), valid)


# -- adversarial inputs ------------------------------------------------------------


def _one_line(n: int) -> str:
    words = "the Council calls upon all parties to respect the ceasefire and to cooperate fully with the Mission "
    return "The Security Council,\n\n1. Decides " + (words * (n // len(words) + 1))[:n] + "\n"


def _numbered(n: int) -> str:
    lines = (f"{i}. Requests the Secretary-General to report.\n" for i in range(1, n + 1))
    return "The Security Council,\n\n" + "".join(lines)


def _brackets(n: int) -> str:
    depth = n // 2
    return "The Security Council,\n\n1. Decides (" + "(" * depth + "x, notes y" + ")" * depth + "), and requests z.\n"


def _commas(n: int) -> str:
    return "安全理事会，\n\n 1. 决定" + "马里，" * n + "并请秘书长报告。\n"


ADVERSARIAL: list[tuple[str, Callable[[int], str], int, str]] = [
    ("one line, no newlines", _one_line, 1_000_000, "chars"),
    ("numbered operative lines", _numbered, 10_000, "lines"),
    ("nested brackets", _brackets, 20_000, "brackets"),
    ("Chinese paragraph with commas", _commas, 100_000, "commas"),
]


def adversarial(scale: float, repeat: int) -> None:
    print("\n== adversarial inputs (time at n, 2n, 4n; growth ~2 per doubling is linear) ==")
    for name, make, n, unit in ADVERSARIAL:
        n = max(1, int(n * scale))
        times = []
        sizes = []
        for k in (1, 2, 4):
            data = make(n * k).encode("utf-8")
            sizes.append(len(data) / MB)
            times.append(best_of(lambda d=data: mandiff.parse(d), repeat))
        res = mandiff.parse(make(n).encode("utf-8"))
        growth = ", ".join(f"{b / a:.2f}" for a, b in itertools.pairwise(times))
        print(
            f"  {name:32} n={n:>9,} {unit}: "
            + ", ".join(f"{t * 1000:.0f} ms ({s:.2f} MB)" for t, s in zip(times, sizes, strict=True))
            + f"; growth {growth}; operative at n: {len(res.operative)}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="size of the big input per language, in MB (default 4)")
    ap.add_argument("--quick", action="store_true", help="a smaller, faster run (1 MB, adversarial n/4, best of 2)")
    args = ap.parse_args()
    mb = min(args.mb, 1.0) if args.quick else args.mb
    repeat = 2 if args.quick else 3
    t0 = time.perf_counter()
    print(f"mandiff {mandiff.__version__} on Python {sys.version.split()[0]}; MB = 10**6 bytes of UTF-8")
    for lang in ("zh", "en"):
        language(lang, mb, repeat)
    adversarial(0.25 if args.quick else 1.0, repeat)
    print(f"\ntotal benchmark time: {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
