"""The corpus read from its published PDFs (../shared/corpus/*/original.pdf) against its TAB-separated
extraction (tsv.txt, made with pdfplumber's plain table extraction): the PDF reads every table the
tsv reads, gives the same figures table by table, the same year and department, and refuses the
final accounts (部门决算) as the tsv does.

Where the tsv extraction is wrong the PDF may read more; each such case is listed below with the
evidence, and checked against the figures as printed.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from cnbudget.errors import FinalAccountsNotRead
from cnbudget.model import BudgetDisclosure
from cnbudget.readers import read_file, read_pdf
from tests.seeds import corpus_names, corpus_path, corpus_text

pytest.importorskip("pdfplumber", reason="the pdf extra (pdfplumber) is not installed")

#: Tables the tsv extraction gets wrong, which the PDF reads (document, table key): why.
TSV_EXTRACTION_WRONG = {
    ("js-procuratorate-2018", "three_public"):
        "pdfplumber's extract() assigns characters to cells one by one, and cuts 267.80 (公务用车运行维护费), "
        "printed over a cell edge its grid infers, into '267.8' and '0' in two cells: the tsv cannot read "
        "the table (a cell under no column); placed as a whole word, the figure stays whole",
}


def _facts(disclosure: BudgetDisclosure, table: str) -> Counter[tuple[object, ...]]:
    return Counter((f.agency, f.code, f.name, f.project, f.column, f.amount)
                   for f in disclosure.facts() if f.table == table)


@pytest.mark.parametrize("name", corpus_names() or ["(no corpus)"])
def test_the_pdf_reads_every_table_the_tsv_reads_with_the_same_figures(name: str) -> None:
    tsv_path, pdf_path = corpus_path(name, "tsv.txt"), corpus_path(name, "original.pdf")
    try:
        tsv = read_file(tsv_path)
    except FinalAccountsNotRead:
        with pytest.raises(FinalAccountsNotRead):
            read_pdf(pdf_path)
        return
    pdf = read_pdf(pdf_path)
    assert (pdf.disclosure.fiscal_year, pdf.disclosure.department) == (tsv.disclosure.fiscal_year,
                                                                       tsv.disclosure.department)
    assert set(tsv.coverage.read) <= set(pdf.coverage.read)
    assert set(pdf.coverage.printed) == set(tsv.coverage.printed)
    assert len(pdf.coverage.unread) <= len(tsv.coverage.unread)
    assert (pdf.coverage.tables_elsewhere is None) == (tsv.coverage.tables_elsewhere is None)
    for table in set(tsv.coverage.read):
        assert _facts(pdf.disclosure, table) == _facts(tsv.disclosure, table), table
    read_only_from_the_pdf = set(pdf.coverage.read) - set(tsv.coverage.read)
    assert read_only_from_the_pdf == {key for doc, key in TSV_EXTRACTION_WRONG if doc == name}


def test_the_three_public_table_the_tsv_cuts_apart_is_read_from_the_pdf_as_printed() -> None:
    tsv_lines = corpus_text("js-procuratorate-2018").splitlines()
    (cut,) = [line for line in tsv_lines if line.startswith("\t1,384.74")]
    assert "\t267.8\t0\t" in cut  # the evidence: one figure in two cells
    pdf = read_pdf(corpus_path("js-procuratorate-2018", "original.pdf"))
    table = pdf.disclosure.tables.three_public
    assert table is not None
    # As printed (公开 09 表, page 19): 合计 1,384.74; “三公”经费 小计 484.30 = 因公出国（境）费 100.00 +
    # 公务用车购置及运行维护费 267.80 (购置费 blank, 运行维护费 267.80) + 公务接待费 116.50; 会议费 200.44;
    # 培训费 700.00.
    printed = {"total_with_meetings_training.total": "1384.74", "total.total": "484.30",
               "overseas_travel.total": "100.00", "vehicles.total": "267.80", "vehicle_purchase.total": "0",
               "vehicle_operation.total": "267.80", "reception.total": "116.50", "meetings.total": "200.44",
               "training.total": "700.00"}
    read = {f.column: f.amount for f in pdf.disclosure.facts() if f.table == "three_public"}
    assert read == {column: Decimal(amount) for column, amount in printed.items()}
    assert all(problem.page is not None for problem in pdf.problems if problem.line is not None)
