"""Rendering cost next to comparison cost, on typical real pairs.

Run: python3 benchmarks/bench_report.py

The target (issue "Reports people read"): rendering a typical pair adds no more
than the compare time itself, i.e. render/compare <= 1 for every format.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mandiff  # noqa: E402
from mandiff.report import RENDERERS, RenderOptions, render  # noqa: E402

PAIRS = {
    "UNFICYP S/RES/2506 -> 2537 (en)": (
        ROOT / "examples/S-RES-2506-2020.en.txt",
        ROOT / "examples/S-RES-2537-2020.en.txt",
    ),
    "MONUSCO S/RES/2098 -> 2147 (en)": (
        ROOT / "tests/data/S-RES-2098-2013.en.txt",
        ROOT / "tests/data/S-RES-2147-2014.en.txt",
    ),
    "MINUSMA 2423 mutated (zh)": (
        ROOT / "tests/golden/minusma-zh-mutated.old.txt",
        ROOT / "tests/golden/minusma-zh-mutated.new.txt",
    ),
}


def best(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"mandiff {mandiff.__version__}; best of 5; compare = parse both texts + align + classify")
    for name, (old_path, new_path) in PAIRS.items():
        old, new = old_path.read_bytes(), new_path.read_bytes()
        diff = mandiff.compare(old, new)
        t_compare = best(lambda old=old, new=new: mandiff.compare(old, new))
        cells = []
        worst = 0.0
        for fmt in RENDERERS:
            render(diff, fmt)  # warm imports (lxml, rich)
            t = best(lambda fmt=fmt, diff=diff: render(diff, fmt, RenderOptions()))
            worst = max(worst, t / t_compare)
            cells.append(f"{fmt} {t * 1000:.1f} ms ({t / t_compare:.2f}x)")
        print(f"{name}: compare {t_compare * 1000:.1f} ms; " + ", ".join(cells))
        print(f"  worst render/compare ratio {worst:.2f} -> target <= 1: {'met' if worst <= 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
