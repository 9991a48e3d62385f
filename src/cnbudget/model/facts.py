"""Tidy facts (数据明细): one record per amount of the standard tables, with its coordinates.

This is the shape analysts load into pandas or a spreadsheet:
``table, agency, code, name, project, column, amount``. Facts are derived from the tables on
demand, never stored.

>>> from cnbudget.model import BudgetDisclosure, Tables, ExpenditureTable, FunctionLine
>>> from cnbudget.model import ExpenditureAmounts
>>> from cnbudget.codes import FunctionCode
>>> table = ExpenditureTable(lines=[FunctionLine(code=FunctionCode("2101501"), name="行政运行",
...     amounts=ExpenditureAmounts(total="1089.27", basic="1089.27", project="0"))])
>>> doc = BudgetDisclosure(department="示例部门", fiscal_year=2024,
...                        tables=Tables(general_budget=table))
>>> [(f.column, str(f.amount)) for f in doc.facts()]
[('total', '1089.27'), ('basic', '1089.27'), ('project', '0')]
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from cnbudget.model.amounts import AmountRecord
from cnbudget.model.lines import Line, ProcurementLine, SummaryLine
from cnbudget.model.tables import Table, ThreePublicTable

if TYPE_CHECKING:
    from cnbudget.model.disclosure import BudgetDisclosure

__all__ = ["FACT_COLUMNS", "Fact", "facts", "numbered_facts"]

#: The columns of a facts CSV, in order.
FACT_COLUMNS = ("table", "agency", "code", "name", "project", "column", "amount")


@attrs.frozen(kw_only=True)
class Fact:
    """One amount with its coordinates (一个数据点)."""

    table: str = attrs.field(metadata={"zh": "表"})
    agency: str | None = attrs.field(default=None, metadata={"zh": "预算单位"})
    code: str | None = attrs.field(default=None, metadata={"zh": "科目编码"})
    name: str = attrs.field(default="", metadata={"zh": "名称"})
    project: str | None = attrs.field(default=None, metadata={"zh": "项目名称"})
    column: str = attrs.field(default="", metadata={"zh": "栏目"})
    amount: Decimal = attrs.field(default=Decimal(0), metadata={"zh": "金额"})

    def as_row(self) -> tuple[str, ...]:
        """The fact as CSV cells: absent parts are empty, the amount keeps its exponent."""
        return (
            self.table,
            self.agency or "",
            self.code or "",
            self.name,
            self.project or "",
            self.column,
            str(self.amount),
        )


def _line_facts(key: str, line: Line, side: str | None) -> Iterator[Fact]:
    code = line.classification
    place = Fact(
        table=key,
        agency=line.agency,
        code=str(code) if code is not None else None,
        name=line.name,
        project=line.project,
    )
    if isinstance(line, (SummaryLine, ProcurementLine)):
        # A line of one amount; on a two-sided table the side (收入/支出) is its column.
        yield attrs.evolve(place, column=side or "amount", amount=line.amount)
        split = line.amounts if isinstance(line, SummaryLine) else None
        for column, value in split.columns() if split is not None else ():
            if column != "total":
                yield attrs.evolve(place, column=f"{side or 'amount'}.{column}", amount=value)
        return
    record: AmountRecord = getattr(line, "amounts")  # noqa: B009 (every other line has amounts)
    prefix = f"{side}." if side else ""
    for column, value in record.columns():
        yield attrs.evolve(place, column=prefix + column, amount=value)


def _table_facts(key: str, table: Table) -> Iterator[tuple[int, Fact]]:
    """``(row, fact)`` for every amount of the table, ``row`` counting its rows from 1 in the order the
    model keeps them (both sides of a two-sided table in turn; the items of the "三公" table)."""
    if isinstance(table, ThreePublicTable):
        labels = attrs.fields_dict(ThreePublicTable)
        for row, (item, split) in enumerate(table.items(), 1):
            for column, value in split.columns():
                yield row, Fact(
                    table=key, name=labels[item].metadata["zh"], column=f"{item}.{column}",
                    amount=value,
                )
        return
    row = 0
    for field in attrs.fields(type(table)):
        if field.metadata.get("rows"):
            side = None if field.name == "lines" else field.name
            for line in getattr(table, field.name):
                row += 1
                for fact in _line_facts(key, line, side):
                    yield row, fact


def facts(doc: BudgetDisclosure) -> tuple[Fact, ...]:
    """Every amount of every standard table of ``doc``, in table and document order."""
    return tuple(
        fact for key, table in doc.tables.present() for _, fact in _table_facts(key, table)
    )


def numbered_facts(doc: BudgetDisclosure) -> tuple[tuple[int, Fact], ...]:
    """The facts of ``doc`` (:func:`facts`), each with the number of its row in its table, so that
    table, row and column name every amount once even where two rows print the same names.

    >>> from cnbudget.model import BudgetDisclosure, Tables, ExpenditureTable, FunctionLine, ExpenditureAmounts
    >>> from cnbudget.codes import FunctionCode
    >>> twice = [FunctionLine(code=FunctionCode("2101501"), name="行政运行", amounts=ExpenditureAmounts(total=t))
    ...          for t in ("1.00", "2.00")]
    >>> doc = BudgetDisclosure(department="示例部门", fiscal_year=2024,
    ...                        tables=Tables(general_budget=ExpenditureTable(lines=twice)))
    >>> [(row, fact.column, str(fact.amount)) for row, fact in numbered_facts(doc)]
    [(1, 'total', '1.00'), (2, 'total', '2.00')]
    """
    return tuple(pair for key, table in doc.tables.present() for pair in _table_facts(key, table))
