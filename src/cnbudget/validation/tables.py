"""Walking the tables for rules (表格遍历): every row with its table key and a place to report.

>>> from cnbudget.model import BudgetDisclosure
>>> list(rows_with_amounts(BudgetDisclosure(department="示例", fiscal_year=2024)))
[]
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple

import attrs

from cnbudget.model import AmountRecord, BudgetDisclosure, Line, Row, SummaryLine, Table
from cnbudget.validation.findings import Location, checked_location
from cnbudget.validation.run_cache import RunCache

__all__ = ["PlacedRow", "describe", "item_column", "location", "record_fields", "record_values", "rows_with_amounts",
           "table_rows"]


class PlacedRow(NamedTuple):
    """A row of a table, with the table's key and the row's amount record (a plain tuple: a document
    has one for every row)."""

    table: str
    line: Line
    amounts: AmountRecord


@functools.cache
def record_fields(kind: type) -> tuple[str, ...]:
    """The field names of an amount record class (金额记录), in order (the same for every run)."""
    return tuple(field.name for field in attrs.fields(kind))


@functools.cache
def record_values(kind: type) -> Callable[[object], tuple[Decimal | None, ...]]:
    """A function giving a record's columns in field order, always as a tuple (one C call per row).

    >>> from decimal import Decimal
    >>> from cnbudget.model.amounts import BasicAmounts
    >>> record_values(BasicAmounts)(BasicAmounts(total=Decimal("3"), personnel=Decimal("2"), public=None))
    (Decimal('3'), Decimal('2'), None)
    """
    names = record_fields(kind)
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
        return lambda record: (getattr(record, names[0]),)
    return operator.attrgetter(*names)


# One per row: made as the tuple it is, without the Python frame of ``PlacedRow._make``.
_placed_row: Callable[[tuple[str, Line, AmountRecord]], PlacedRow] = functools.partial(tuple.__new__, PlacedRow)


def location(table: str, line: Row | None, column: str | None = None) -> Location:
    """Where a row (any model line) is, optionally one of its columns, and where it is printed."""
    code = getattr(line, "code", None)
    return checked_location(table, getattr(line, "agency", None), None if code is None else str(code),
                            getattr(line, "project", None), column,
                            getattr(line, "line_number", None), getattr(line, "page", None))


def item_column(item: str, column: str) -> str:
    """The place of a column within a "三公" item, as a location's column names it: the item itself
    for its 合计, else ``item.column`` (read back by :mod:`~cnbudget.validation.positions`).

    >>> item_column("reception", "total"), item_column("reception", "gov_fund")
    ('reception', 'reception.gov_fund')
    """
    return item if column == "total" else f"{item}.{column}"


def describe(line: Row | None) -> str:
    """How a message names a row: agency, code and name as printed (``示例单位 2101501 行政运行``)."""
    parts = [getattr(line, "agency", None), getattr(line, "code", None), getattr(line, "name", None),
             getattr(line, "project", None)]
    seen: list[str] = []
    for part in parts:
        if part is not None and str(part) and str(part) not in seen:
            seen.append(str(part))
    return " ".join(seen) or "（无名称行）"


def table_rows(cache: RunCache, key: str, table: Table) -> list[Line]:
    """Every row of the table ``key`` (:meth:`~cnbudget.model.Table.rows`), listed once per run:
    several rules walk every row of every table."""
    return cache.get("rows", lambda: list(table.rows()), table=key)


def rows_with_amounts(doc: BudgetDisclosure, cache: RunCache | None = None) -> Iterator[PlacedRow]:
    """Every row of every present table that has an amount record, in document order (the rows
    listed once per run where ``cache`` is given)."""
    for key, table in doc.tables.present():
        for line in table.rows() if cache is None else table_rows(cache, key, table):
            if isinstance(line, SummaryLine):
                continue
            record = getattr(line, "amounts", None)
            if isinstance(record, AmountRecord):
                yield _placed_row((key, line, record))
