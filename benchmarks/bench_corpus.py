"""The corpus, document by document: tables read / tables printed (读取覆盖率), and why any was not.

Reads every document of ../shared/corpus (its ``tsv.txt``, or another form given with ``--form``)
and prints, per document, the department, year, tables printed and read, the tables left unread, and
the reading time side by side. Final accounts (部门决算) are listed as refused, which is what they
are. Run: python benchmarks/bench_corpus.py [--form tsv.txt|layout.txt|flat.txt] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cnbudget import read_file
from cnbudget.errors import ReadError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main(folders: list[Path], form: str) -> None:
    if not folders:
        print(f"no documents: give folders, or place the corpus in {CORPUS}")
        return
    print(f"{'document':40} {'year':>5} {'read':>5} {'printed':>8} {'ms':>7}  not read")
    totals = [0, 0]
    for folder in folders:
        path = folder / form
        started = time.perf_counter()
        try:
            result = read_file(path)
        except ReadError as error:
            print(f"{folder.name[:40]:40} {'':>5} {'-':>5} {'-':>8} {'':>7}  refused: {str(error)[:60]}")
            continue
        elapsed = (time.perf_counter() - started) * 1000
        coverage = result.coverage
        totals[0] += len(coverage.read)
        totals[1] += len(coverage.printed)
        missing = ", ".join(table.key for table in coverage.unread)
        if coverage.tables_elsewhere:
            missing = (missing + "; " if missing else "") + "tables published separately"
        print(f"{folder.name[:40]:40} {result.disclosure.fiscal_year:>5} {len(coverage.read):>5} "
              f"{len(coverage.printed):>8} {elapsed:>7.0f}  {missing}")
    share = f"{totals[0] / totals[1]:.1%}" if totals[1] else "-"
    print(f"{'all documents':40} {'':>5} {totals[0]:>5} {totals[1]:>8} {'':>7}  {share} of the tables printed read")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--form", default="tsv.txt", help="which text form of each document (tsv.txt)")
    arguments = parser.parse_args()
    found = arguments.folders or (sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else [])
    main(found, arguments.form)
