"""The corpus read from its PDFs beside its tsv.txt (读取 PDF 的速度与覆盖率): pages per second, and
tables read / printed from each form, side by side in one run.

Reads every document of ../shared/corpus from ``original.pdf`` (as :func:`cnbudget.read_pdf` does:
the PDF's lines, then :func:`~cnbudget.readers.read_lines`) and from ``tsv.txt``, and prints per
document the pages, the PDF's reading time (of which turning pages into lines) and pages per second,
the tables read / printed from each form, the tsv's reading time, and the tables one form reads and
the other does not. Final accounts (部门决算) are listed as refused. Needs the pdf extra
(``pip install 'cnbudget[pdf]'``).
Run: python benchmarks/bench_pdf.py [FOLDER ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cnbudget import ReadResult, read_file
from cnbudget.errors import ReadError
from cnbudget.readers import read_lines
from cnbudget.readers.pdf import pdf_lines

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _shares(read: int, printed: int) -> str:
    return f"{read}/{printed} ({read / printed:.1%})" if printed else "-"


def main(folders: list[Path]) -> None:
    if not folders:
        print(f"no documents: give folders, or place the corpus in {CORPUS}")
        return
    print(f"{'document':40} {'pages':>5} {'pdf s':>6} {'lines s':>7} {'pages/s':>7} {'pdf read':>9} "
          f"{'tsv read':>9} {'tsv s':>6}  difference")
    pages_total, seconds_total = 0, 0.0
    totals = {"pdf": [0, 0], "tsv": [0, 0]}
    for folder in folders:
        started = time.perf_counter()
        try:
            lines, _ = pdf_lines(folder / "original.pdf")
            lined = time.perf_counter() - started
            pdf: ReadResult = read_lines(lines)
        except ReadError as error:
            print(f"{folder.name[:40]:40} refused: {str(error)[:80]}")
            continue
        seconds = time.perf_counter() - started
        pages = max((line.page or 0 for line in lines), default=0)
        started = time.perf_counter()
        try:
            tsv = read_file(folder / "tsv.txt")
        except ReadError as error:
            print(f"{folder.name[:40]:40} the PDF is read, the tsv refused: {str(error)[:60]}")
            continue
        tsv_seconds = time.perf_counter() - started
        pages_total += pages
        seconds_total += seconds
        cells = []
        for form, result in (("pdf", pdf), ("tsv", tsv)):
            totals[form][0] += len(result.coverage.read)
            totals[form][1] += len(result.coverage.printed)
            cells.append(f"{len(result.coverage.read)}/{len(result.coverage.printed)}")
        only_pdf = sorted(set(pdf.coverage.read) - set(tsv.coverage.read))
        only_tsv = sorted(set(tsv.coverage.read) - set(pdf.coverage.read))
        difference = "; ".join(part for part in (
            f"only from the PDF: {', '.join(only_pdf)}" if only_pdf else "",
            f"only from the tsv: {', '.join(only_tsv)}" if only_tsv else "") if part)
        print(f"{folder.name[:40]:40} {pages:>5} {seconds:>6.2f} {lined:>7.2f} {pages / seconds:>7.1f} "
              f"{cells[0]:>9} {cells[1]:>9} {tsv_seconds:>6.2f}  {difference}")
    if seconds_total:
        print(f"{'all documents':40} {pages_total:>5} {seconds_total:>6.1f} {'':>7} "
              f"{pages_total / seconds_total:>7.1f}  tables read / printed: PDF {_shares(*totals['pdf'])}, "
              f"tsv {_shares(*totals['tsv'])}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    arguments = parser.parse_args()
    found = arguments.folders or (sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else [])
    main(found)
