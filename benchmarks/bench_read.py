"""Reading seed-sized documents: milliseconds per document, side by side.

Reads each document in ../shared/seeds several times and prints the best time per document with its
size. Run: python benchmarks/bench_read.py [PATH ...]
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

from cnbudget import read_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main(paths: list[Path]) -> None:
    if not paths:
        print(f"no documents: give paths, or place the seed documents in {SEEDS}")
        return
    print(f"{'document':40} {'lines':>7} {'KiB':>7} {'best ms':>9} {'problems':>9}")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        problems = len(read_text(text).problems)
        best = min(timeit.repeat(lambda t=text: read_text(t), number=1, repeat=7))
        print(f"{path.name[:40]:40} {text.count(chr(10)):>7} {len(text.encode()) // 1024:>7} "
              f"{best * 1000:>9.1f} {problems:>9}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or sorted(SEEDS.glob("*.txt")))
