"""Checking a thousand documents from the command line: documents per second on 1 and N processes.

The documents are copies of the published texts at hand (the seeds and each corpus document's
``tsv.txt``, final accounts included: they are refused, as in a real province's folder), made in a
temporary folder until there are ``--documents`` of them. ``cnbudget check FOLDER --format jsonl``
runs over the folder once per number of jobs, one after the other in this process, and the table gives
documents per second for each and the speed-up over one job; the outputs of the runs are compared too
(they must be the same, in the same order). Copies repeat the same texts, so after the first round
of copies the library's caches hold each document's own lines and paragraphs: reading goes faster
than over as many different documents (``first_reads.py``; bench_targets' whole documents times
first reads). The figures compare processes and the command's own costs, not reading speed.
Run: python benchmarks/bench_cli_corpus.py [--documents 1000] [--jobs N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

from cnbudget.cli import main
from cnbudget.cli.runner import available_cores

SHARED = Path(__file__).resolve().parents[2] / "shared"


def originals() -> list[Path]:
    """The published texts to copy: the seeds, then each corpus document's tsv.txt."""
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted((SHARED / "corpus").glob("*/tsv.txt"))
    return seeds + corpus


def fill(folder: Path, sources: list[Path], count: int) -> None:
    """``count`` copies of ``sources`` in turn, a hundred to a sub-folder (as a province's counties)."""
    for index in range(count):
        source = sources[index % len(sources)]
        name = source.stem if source.parent.name == "seeds" else source.parent.name
        target = folder / f"{index // 100:03d}" / f"{index:05d}-{name}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def timed_run(folder: Path, jobs: int, output: Path) -> float:
    """Seconds ``cnbudget check`` takes over ``folder`` on ``jobs`` processes (results to ``output``)."""
    started = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):  # the documents refused say so on standard error
        status = main(["check", str(folder), "--format", "jsonl", "--jobs", str(jobs), "--quiet", "-o", str(output)])
    elapsed = time.perf_counter() - started
    if status not in (0, 1, 2):
        raise SystemExit(f"cnbudget check ended with status {status}")
    return elapsed


def run(count: int, jobs: int) -> None:
    sources = originals()
    if not sources:
        raise SystemExit(f"no published documents in {SHARED}/seeds or {SHARED}/corpus")
    print(f"{count} documents (copies of {len(sources)} published texts), {available_cores()} cores available")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "documents"
        fill(folder, sources, count)
        rows: list[tuple[int, float]] = []
        outputs: list[bytes] = []
        for n in dict.fromkeys((1, jobs)):
            output = Path(temp) / f"jobs-{n}.jsonl"
            rows.append((n, timed_run(folder, n, output)))
            outputs.append(output.read_bytes())
    print(f"{'jobs':>5} {'seconds':>9} {'documents/s':>12} {'speed-up':>9}")
    for n, seconds in rows:
        print(f"{n:>5} {seconds:>9.1f} {count / seconds:>12.2f} {rows[0][1] / seconds:>8.2f}×")
    print("outputs identical:", all(output == outputs[0] for output in outputs))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="how many documents to check (default 1000)")
    parser.add_argument("--jobs", type=int, default=available_cores(),
                        help="the N of the parallel run (default: every core)")
    arguments = parser.parse_args()
    sys.exit(run(arguments.documents, arguments.jobs))
