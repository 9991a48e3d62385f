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
from typing import TextIO

from cnbudget.decimals import in_own_context
from cnbudget.model import FACT_COLUMNS, BudgetDisclosure

__all__ = ["facts_csv", "write_facts_csv"]


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
