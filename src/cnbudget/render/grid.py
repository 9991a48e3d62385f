"""The standard tables laid out as printed (表格版式): rows and columns with their Chinese labels.

:func:`grid` turns a model table into a :class:`Grid` — its parts (a two-sided table such as
收支总体情况表 has its revenue beside its expenditure), each with the columns the document prints, in
the model's order and under the model's Chinese labels (:func:`cnbudget.model.fields.zh_label`), and
its rows in document order. Label columns (单位, 科目编码, 科目名称, 项目 …) appear where any row fills
them; amount columns where any row has them. Amounts are shown as documents print them (``1,089.27``).
:func:`cell_of` finds the cell a finding's place names (:class:`CellIndex`, for many places of one grid).

>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.model import ExpenditureAmounts, ExpenditureTable, FunctionLine
>>> table = ExpenditureTable(lines=[
...     FunctionLine(code=FunctionCode("210"), name="卫生健康支出", amounts=ExpenditureAmounts(total="1089.27",
...                  basic="1089.27", project="0")),
...     FunctionLine(code=FunctionCode("2101501"), name="行政运行", amounts=ExpenditureAmounts(total="1089.27",
...                  basic="1089.27", project="0"))])
>>> laid_out = grid("general_budget", table)
>>> [column.label for column in laid_out.parts[0].columns]
['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出']
>>> laid_out.parts[0].rows[1].cells, laid_out.parts[0].rows[1].level
(('2101501', '行政运行', '1,089.27', '1,089.27', '0'), 3)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.model import TABLE_TITLES, AmountRecord, SummaryTable, Table, ThreePublicTable
from cnbudget.model.fields import zh_label
from cnbudget.model.tables import FiscalSummaryTable
from cnbudget.validation.context import figure
from cnbudget.validation.findings import Location

__all__ = ["CellIndex", "Grid", "GridColumn", "GridPart", "GridRow", "cell_of", "grid"]

# The text fields of rows that are printed as columns of their own, in the order tables print them.
_LABEL_FIELDS = ("agency_code", "agency", "code", "name", "gov_code", "gov_name", "project", "project_type",
                 "method")
_TWO_SIDED = (SummaryTable, FiscalSummaryTable)
#: The name of the amount column of rows that hold one amount (SummaryLine, ProcurementLine).
AMOUNT = "amount"


@attrs.frozen(kw_only=True)
class GridColumn:
    """A column: the model's field name (``key``), its Chinese label, and whether it holds amounts."""

    key: str
    label: str
    amount: bool = False


@attrs.frozen(kw_only=True)
class GridRow:
    """A row as printed: its cells' text (one per column of its part), what the row is (``total``,
    ``agency``, ``category``, ``section``, ``item``, ``project``, ``other``) and its depth in the code
    hierarchy (1 类, 2 款, 3 项; 0 without a code). ``item`` is the model's row, or for the "三公" table
    the item's field name."""

    item: Any = attrs.field(eq=False, repr=False)
    cells: tuple[str, ...]
    kind: str = "other"
    level: int = 0


@attrs.frozen(kw_only=True)
class GridPart:
    """The rows of one rows field of a table (``lines``; ``revenue`` and ``expenditure`` of a two-sided
    table), with their columns."""

    key: str
    label: str
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]

    def column_index(self, key: str) -> int | None:
        """Where the amount column ``key`` stands, or ``None`` where the part has no such column."""
        return next((i for i, column in enumerate(self.columns) if column.amount and column.key == key), None)


@attrs.frozen(kw_only=True)
class Grid:
    """A table laid out: its key, title and number as printed, its own unit (if it prints one other
    than the document's), notes, and its parts; ``side_by_side`` where the parts stand beside each
    other on the page (two-sided tables) rather than one under the other."""

    key: str
    title: str
    number: str | None = None
    unit: str | None = None
    notes: tuple[str, ...] = ()
    empty_statement: str | None = None
    parts: tuple[GridPart, ...] = ()
    side_by_side: bool = False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return figure(value)
    zh = getattr(value, "zh", None)  # enums with a Chinese name (项目类型)
    return zh if isinstance(zh, str) else str(getattr(value, "value", value))


def _record(row: Any) -> AmountRecord | None:
    record = getattr(row, "amounts", None)
    return record if isinstance(record, AmountRecord) else None


def _label_columns(rows: Sequence[Any]) -> list[GridColumn]:
    fields = attrs.fields_dict(type(rows[0]))
    columns = []
    for name in _LABEL_FIELDS:
        if name not in fields:
            continue
        values = [getattr(row, name, None) for row in rows]
        if name == "project":  # a project row often names itself: print the project where it says more
            used = any(value and value != getattr(row, "name", None) for row, value in zip(rows, values, strict=True))
        else:
            used = name == "name" or any(value not in (None, "") for value in values)
        if used:
            columns.append(GridColumn(key=name, label=zh_label(fields[name])))
    return columns


def _amount_columns(rows: Sequence[Any]) -> list[GridColumn]:
    columns: list[GridColumn] = []
    if hasattr(rows[0], AMOUNT):  # one amount a row, perhaps split (a Shanghai unit's summary)
        columns.append(GridColumn(key=AMOUNT, label=zh_label(attrs.fields_dict(type(rows[0]))[AMOUNT]), amount=True))
    records = [record for row in rows if (record := _record(row)) is not None]
    if not records:
        return columns
    for field in attrs.fields(type(records[0])):  # type: ignore[arg-type]
        if field.name == "total" and columns:  # the one amount is the split's total
            continue
        if any(getattr(record, field.name) is not None for record in records):
            columns.append(GridColumn(key=field.name, label=zh_label(field), amount=True))
    return columns


def _cell(row: Any, column: GridColumn) -> str:
    if not column.amount:
        return _text(getattr(row, column.key, None))
    if column.key == AMOUNT and hasattr(row, AMOUNT):
        return _text(row.amount)
    record = _record(row)
    return _text(getattr(record, column.key, None)) if record is not None else ""


def _row(row: Any, columns: Sequence[GridColumn]) -> GridRow:
    code = getattr(row, "code", None)
    kind = getattr(row, "kind", None)
    return GridRow(item=row, cells=tuple(_cell(row, column) for column in columns),
                   kind=kind.value if kind is not None else "other",
                   level=getattr(code, "level", 0) if code is not None else 0)


def _part(key: str, label: str, rows: Sequence[Any]) -> GridPart:
    columns = (*_label_columns(rows), *_amount_columns(rows)) if rows else ()
    return GridPart(key=key, label=label, columns=columns, rows=tuple(_row(row, columns) for row in rows))


def _three_public(table: ThreePublicTable) -> GridPart:
    """The "三公" items as rows (合计, 因公出国（境）费 …), their budget split as columns."""
    fields = attrs.fields_dict(ThreePublicTable)
    items = list(table.items())
    split_fields = attrs.fields(type(items[0][1])) if items else ()
    columns = [GridColumn(key="name", label="项目")]
    columns += [GridColumn(key=field.name, label=zh_label(field), amount=True) for field in split_fields
                if any(getattr(split, field.name) is not None for _, split in items)]
    rows = tuple(
        GridRow(item=name, cells=(zh_label(fields[name]), *(_text(getattr(split, c.key)) for c in columns[1:])),
                kind="total" if name.startswith("total") else "item")
        for name, split in items
    )
    return GridPart(key="items", label="项目", columns=tuple(columns), rows=rows)


def grid(key: str, table: Table) -> Grid:
    """The table ``key`` laid out as printed."""
    if isinstance(table, ThreePublicTable):
        parts: tuple[GridPart, ...] = (_three_public(table),)
    else:
        parts = tuple(
            _part(field.name, zh_label(field), getattr(table, field.name))
            for field in attrs.fields(type(table))
            if field.metadata.get("rows") and getattr(table, field.name)
        )
    return Grid(key=key, title=table.title or TABLE_TITLES.get(key, key), number=table.number,
                unit=table.unit.value if table.unit is not None else None, notes=table.notes,
                empty_statement=table.empty_statement, parts=parts, side_by_side=isinstance(table, _TWO_SIDED))


# Where a finding's place is in a grid: (part index, row index, column index), each None where the
# place names the part, row or column no more closely.
Cell = tuple[int | None, int | None, int | None]


def _same_row(item: Any, location: Location) -> bool:
    """Whether a model row answers to the place's code, project and agency (those the place names)."""
    code = getattr(item, "code", None)
    if (None if code is None else str(code)) != location.code:
        return False
    if location.project is not None and getattr(item, "project", None) != location.project:
        return False
    return location.agency is None or getattr(item, "agency", None) == location.agency


_ANY = object()  # a place that names no agency (or no project): any row's answers to it


class CellIndex:
    """:func:`cell_of` for the places of many findings in one grid: its rows indexed once by the line
    they are printed on, and by code, agency and project (a look through every row for each place was
    quadratic in a large table's findings).

    >>> from cnbudget.codes import FunctionCode
    >>> from cnbudget.model import ExpenditureAmounts, ExpenditureTable, FunctionLine
    >>> line = FunctionLine(code=FunctionCode("2101501"), name="行政运行", amounts=ExpenditureAmounts(total="1"))
    >>> CellIndex(grid("expenditure", ExpenditureTable(lines=[line]))).of(Location(code="2101501", column="total"))
    (0, 0, 2)
    """

    def __init__(self, laid_out: Grid) -> None:
        self.laid_out = laid_out
        # The rows printed on each line (and page), in order; and the first row answering to each
        # code, agency and project, where a place names the agency and the project or not.
        self._on_line: dict[tuple[int, int | None], list[tuple[int, int, Any]]] = {}
        self._first: dict[tuple[object, object, object], tuple[int, int]] = {}
        for p, part in enumerate(laid_out.parts):
            for r, row in enumerate(part.rows):
                item = row.item
                line_number = getattr(item, "line_number", None)
                if line_number is not None:
                    self._on_line.setdefault((line_number, getattr(item, "page", None)), []).append((p, r, item))
                code = getattr(item, "code", None)
                printed = None if code is None else str(code)
                agency, project = getattr(item, "agency", None), getattr(item, "project", None)
                for key in ((printed, _ANY, _ANY), (printed, agency, _ANY), (printed, _ANY, project),
                            (printed, agency, project)):
                    self._first.setdefault(key, (p, r))

    def _row(self, location: Location) -> tuple[int, int] | None:
        """The row the place names: the row printed on its line that answers to it; without a line
        (model JSON), the first row that answers to its code, project and agency."""
        if location.line_number is not None:
            for p, r, item in self._on_line.get((location.line_number, location.page), ()):
                if _same_row(item, location):
                    return p, r
        if location.code is None and location.project is None and location.agency is None:
            return None  # the place names no row: the table, or one of its columns
        agency = _ANY if location.agency is None else location.agency
        project = _ANY if location.project is None else location.project
        return self._first.get((location.code, agency, project))

    def of(self, location: Location) -> Cell:
        """Where the place ``location`` is: the cell, or only its row, or only its column (where one
        part has it), or only the table (``(None, None, None)``)."""
        laid_out = self.laid_out
        if laid_out.key == "three_public" and laid_out.parts and location.column:
            item, _, column = location.column.partition(".")
            part = laid_out.parts[0]
            row = next((r for r, grid_row in enumerate(part.rows) if grid_row.item == item), None)
            index = part.column_index(column or "total")
            return (0, row, index) if row is not None else (None, None, None)
        found = self._row(location)
        if found is not None:
            p, r = found
            index = laid_out.parts[p].column_index(location.column) if location.column else None
            return p, r, index
        if location.column:
            having = [(p, part.column_index(location.column)) for p, part in enumerate(laid_out.parts)
                      if part.column_index(location.column) is not None]
            if len(having) == 1:
                return having[0][0], None, having[0][1]
        return None, None, None


def cell_of(laid_out: Grid, location: Location) -> Cell:
    """Where in ``laid_out`` the place ``location`` is (:meth:`CellIndex.of`; for many places of
    one grid, make the :class:`CellIndex` once)."""
    return CellIndex(laid_out).of(location)
