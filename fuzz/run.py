"""A long fuzzing run (see docs/robustness.md, 模糊测试 · Fuzzing).

    python fuzz/run.py --inputs 100000 [--seed 1] [--out fuzz-findings]     # seeded random mutations
    python fuzz/run.py --atheris -- -runs=100000 -max_len=4096             # coverage-guided (atheris)

Each input is a published document (``../shared/seeds``, ``../shared/corpus``; a window of it, so
that a run is quick) or a bundled example as JSON, with hostile edits (:mod:`fuzz.targets`); read or
loaded, validated, round-tripped. An exception that is not the library's own, or an input that
takes longer than ``--limit`` seconds, is a defect: it is written to ``--out`` and counted.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cnbudget  # noqa: E402
from fuzz.targets import check_file, check_json, check_text, encode_hostile, mutate_json, mutate_text  # noqa: E402

SHARED = ROOT.parent / "shared"
_HEAD = 12  # the cover's lines, kept in every window so that the year and department are found


def documents() -> list[str]:
    """The texts the run mutates: the seeds and the TAB-separated corpus, where present."""
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").glob("*/tsv.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def examples() -> list[object]:
    return [cnbudget.to_dict(cnbudget.example(name)) for name in cnbudget.example_names()]


def window(text: str, rng: random.Random, size: int = 60) -> str:
    lines = text.split("\n")
    start = rng.randrange(max(len(lines) - size, 1))
    return "\n".join(lines[:_HEAD] + lines[max(start, _HEAD) : start + size])


def one_input(rng: random.Random, texts: list[str], data: list[object], folder: Path) -> tuple[str, str]:
    """Make one input with ``rng`` and check it: (what it was, what happened). Files are written in
    ``folder``."""
    chance = rng.random()
    if chance < 0.1:
        raw = encode_hostile(mutate_text(window(rng.choice(texts), rng), rng), rng)
        name = rng.choice(["document", "document.txt", "document.md", "document.pdf"])
        return "read_file", check_file(raw, folder, name=name, validate=rng.random() < 0.25)
    if chance < 0.7 or not data:
        text = mutate_text(window(rng.choice(texts), rng), rng)
        return "read_text", check_text(text, validate=rng.random() < 0.25)
    text = json.dumps(mutate_json(rng.choice(data), rng), ensure_ascii=False)
    return "from_json", check_json(text, validate=rng.random() < 0.1)


def run_random(inputs: int, seed: int, limit: float, out: Path) -> int:
    texts, data = documents(), examples()
    if not texts:
        sys.exit("no published documents in ../shared: nothing to mutate")
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    defects = 0
    slowest = (0.0, 0)
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="cnbudget-fuzz-"))
    for number in range(inputs):
        rng = random.Random(f"{seed}:{number}")
        began = time.monotonic()
        try:
            kind, outcome = one_input(rng, texts, data, folder)
        except Exception:
            defects += 1
            out.mkdir(exist_ok=True)
            (out / f"defect-{seed}-{number}.txt").write_text(traceback.format_exc(), encoding="utf-8")
            kind, outcome = "defect", "exception"
        took = time.monotonic() - began
        slowest = max(slowest, (took, number))
        if took > limit:
            defects += 1
            out.mkdir(exist_ok=True)
            (out / f"slow-{seed}-{number}.txt").write_text(f"{took:.1f} s\n", encoding="utf-8")
        counts[kind, outcome] += 1
        if (number + 1) % 1000 == 0:
            print(f"{number + 1} inputs, {defects} defects, {time.monotonic() - started:.0f} s", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"inputs: {inputs}  seed: {seed}  defects: {defects}  time: {time.monotonic() - started:.0f} s  "
          f"slowest: {slowest[0]:.2f} s (input {slowest[1]})")
    for (kind, outcome), count in sorted(counts.items()):
        print(f"  {kind:10} {outcome:22} {count}")
    return 1 if defects else 0


def run_atheris(argv: list[str]) -> None:
    import atheris  # type: ignore[import-not-found,import-untyped,unused-ignore]  # optional: pip install atheris

    texts, data = documents(), examples()

    def test_one_input(raw: bytes) -> None:
        provider = atheris.FuzzedDataProvider(raw)
        rng = random.Random(provider.ConsumeInt(8))
        if provider.ConsumeBool():
            base = window(rng.choice(texts), rng)
            cut = provider.ConsumeIntInRange(0, len(base))
            check_text(base[:cut] + provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes()) + base[cut:])
        else:
            check_json(json.dumps(mutate_json(rng.choice(data), rng), ensure_ascii=False), validate=False)

    atheris.instrument_all()  # coverage of the library, loaded above, guides the mutations
    atheris.Setup([sys.argv[0], *argv], test_one_input)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=30.0, help="seconds one input may take")
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--atheris", action="store_true",
                        help="coverage-guided, with atheris; libFuzzer options after --")
    args, rest = parser.parse_known_args()
    if args.atheris:
        run_atheris([a for a in rest if a != "--"])
        return 0
    return run_random(args.inputs, args.seed, args.limit, args.out)


if __name__ == "__main__":
    sys.exit(main())
