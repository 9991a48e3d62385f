"""Tidy CSV of a disclosure's facts (数据明细 CSV): one row per amount.

Columns: ``table,agency,code,name,project,column,amount`` (see :data:`cnbudget.model.FACT_COLUMNS`).
Absent parts are empty cells; amounts keep their printed decimals (``12.50``), so a spreadsheet or
pandas reads them exactly when told to read text.

>>> from cnbudget.model import BudgetDisclosure, Tables, ExpenditureTable, FunctionLine
>>> from cnbudget.model import ExpenditureAmounts
>>> from cnbudget.codes import FunctionCode
>>> line = FunctionLine(code=FunctionCode("2101501"), name="行政运行",
...                     amounts=ExpenditureAmounts(total="12.50"))
>>> doc = BudgetDisclosure(department="示例部门", fiscal_year=2024,
...                        tables=Tables(general_budget=ExpenditureTable(lines=[line])))
>>> print(facts_csv(doc), end="")
table,agency,code,name,project,column,amount
general_budget,,2101501,行政运行,,total,12.50
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TextIO

from cnbudget.decimals import in_own_context
from cnbudget.model import FACT_COLUMNS, BudgetDisclosure
from cnbudget.model.facts import numbered_facts

__all__ = ["DOCUMENT_FACT_COLUMNS", "document_fact_row", "document_facts", "facts_csv", "write_facts_csv"]

#: The columns of facts stacked over many documents: the document, then the fact with its row number.
DOCUMENT_FACT_COLUMNS = ("source", "department", "fiscal_year", "amount_unit", "table", "agency", "code", "name",
                         "project", "row", "column", "amount")


@in_own_context
def write_facts_csv(doc: BudgetDisclosure, stream: TextIO) -> int:
    """Write the facts of ``doc`` as CSV to ``stream``; return the number of data rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FACT_COLUMNS)
    count = 0
    for fact in doc.facts():
        writer.writerow(fact.as_row())
        count += 1
    return count


@in_own_context
def facts_csv(doc: BudgetDisclosure) -> str:
    """The facts of ``doc`` as CSV text."""
    buffer = io.StringIO()
    write_facts_csv(doc, buffer)
    return buffer.getvalue()


def document_facts(doc: BudgetDisclosure, source: str) -> Iterator[dict[str, str | int | None]]:
    """The facts of ``doc`` as records of :data:`DOCUMENT_FACT_COLUMNS`, for stacking many documents in
    one table: each names its document (``source``, department, year, unit) and its row in its table,
    so that source, table, row and column name every amount once. Absent parts are ``None``; the year
    and the row are numbers, the amount text with its printed decimals.

    >>> from cnbudget.model import Tables, ExpenditureTable, FunctionLine, ExpenditureAmounts
    >>> from cnbudget.codes import FunctionCode
    >>> line = FunctionLine(code=FunctionCode("2101501"), name="行政运行", amounts=ExpenditureAmounts(total="12.50"))
    >>> doc = BudgetDisclosure(department="示例部门", fiscal_year=2024,
    ...                        tables=Tables(general_budget=ExpenditureTable(lines=[line])))
    >>> [record] = document_facts(doc, "示例.txt")
    >>> record["source"], record["row"], record["column"], record["amount"], record["agency"]
    ('示例.txt', 1, 'total', '12.50', None)
    >>> document_fact_row(record)
    ('示例.txt', '示例部门', '2024', '万元', 'general_budget', '', '2101501', '行政运行', '', '1', 'total', '12.50')
    """
    for row, fact in numbered_facts(doc):
        yield {"source": source, "department": doc.department, "fiscal_year": doc.fiscal_year,
               "amount_unit": doc.amount_unit.value, "table": fact.table, "agency": fact.agency, "code": fact.code,
               "name": fact.name, "project": fact.project, "row": row, "column": fact.column,
               "amount": str(fact.amount)}


def document_fact_row(record: dict[str, str | int | None]) -> tuple[str, ...]:
    """A record of :func:`document_facts` as CSV cells (absent parts empty)."""
    return tuple("" if record[column] is None else str(record[column]) for column in DOCUMENT_FACT_COLUMNS)
