"""Turn the data rows of a grid into row records by a layout (数据行).

Shared by every row-per-line table: the lead columns (code parts, agency code, name, project, …)
are read by their role, the rest are amounts placed by :func:`place_amounts`. A continuation row
(only the tail of a name, cut by a page break) is joined to the row before it. Rows under an agency
subtotal row carry that agency.

>>> from cnbudget.readers.tables.columns import Layout
>>> from cnbudget.readers.text.source import split_lines
>>> layout = Layout(name="demo", signature=(), lead=("code", "code", "code", "name"),
...                 amounts=("total",))
>>> rows, problems = read_rows(split_lines("210\\t15\\t99\\t其他医疗保障管理事务支\\t5.00\\n\\t\\t\\t出"), layout)
>>> rows[0].name, str(rows[0].code), problems
('其他医疗保障管理事务支出', '2101599', [])
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.errors import InvalidCode
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout, place_amounts
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["RowRecord", "carry_agencies", "read_rows"]


@attrs.define(kw_only=True)
class RowRecord:
    """One data row while a table is being read (mutable until the table is built)."""

    line: SourceLine
    code: ClassificationCode | None = None
    agency: str | None = None
    agency_code: str | None = None
    name: str = ""
    project: str | None = None
    extra: dict[str, str] = attrs.field(factory=dict)  # other lead columns by role
    values: dict[str, Decimal] = attrs.field(factory=dict)

    @property
    def is_agency_row(self) -> bool:
        """A row that opens an agency's group: no classification code or project, and an agency code
        (or an agency name a table reader recognised in a row printed without a code)."""
        return self.code is None and self.project is None and (
            self.agency_code is not None or self.agency is not None
        )


def _code(parts: list[str], family: type[ClassificationCode]) -> ClassificationCode | None:
    filled = [p for p in parts if p.strip()]
    if not filled:
        return None
    if len(parts) == 1 or (len(filled) == 1 and len(filled[0].replace(" ", "")) > 3 and parts[0].strip()):
        return family(filled[0])  # the whole code printed in one column
    return family.from_parts(*parts)


def read_rows(
    rows: Sequence[SourceLine],
    layout: Layout,
    *,
    family: type[ClassificationCode] = FunctionCode,
    table: str | None = None,
) -> tuple[list[RowRecord], list[Problem]]:
    """Read every data row; what cannot be read is a problem, never a guess."""
    records: list[RowRecord] = []
    problems: list[Problem] = []
    lead_width = len(layout.lead)
    name_index = layout.lead.index("name") if "name" in layout.lead else None
    for line in rows:
        cells = list(line.cells) + [""] * max(0, lead_width - len(line.cells))
        lead = cells[:lead_width]
        if records and name_index is not None and _continues(lead, cells, name_index):
            records[-1].name += clean_name(lead[name_index])
            continue
        record = RowRecord(line=line)
        code_parts = [cell for role, cell in zip(layout.lead, lead, strict=True) if role == "code"]
        try:
            record.code = _code(code_parts, family)
        except InvalidCode as error:
            problems.append(Problem(line=line.number, text=line.raw, message=f"row not read: {error}", table=table))
            continue
        for role, cell in zip(layout.lead, lead, strict=True):
            if role == "name":
                record.name = clean_name(cell)
            elif role == "agency_code":
                record.agency_code = cell.strip() or None
            elif role == "project":
                record.project = clean_name(cell) or None
            elif role != "code":
                record.extra[role] = clean_name(cell)
        placement = place_amounts(layout, cells[lead_width:])
        if placement.problem is not None:
            problems.append(
                Problem(line=line.number, text=line.raw, message=f"row not read: {placement.problem}", table=table)
            )
            continue
        record.values = placement.values
        if placement.repaired:
            problems.append(
                Problem(line=line.number, text=line.raw, message=_repair_message(placement.uncertain), table=table)
            )
        records.append(record)
    carry_agencies(records)
    return records, problems


def _repair_message(uncertain: tuple[str, ...]) -> str:
    message = (
        "the text dropped an empty cell in this row; the amounts were placed where the row's own "
        "identities (合计 = 各栏之和) hold"
    )
    if uncertain:
        message += (
            "; other placements satisfy them too, so these columns are uncertain: " + ", ".join(uncertain)
        )
    return message


def _continues(lead: list[str], cells: list[str], name_index: int) -> bool:
    filled = [i for i, cell in enumerate(cells) if cell.strip()]
    return filled == [name_index] and len(lead[name_index]) <= 12


def carry_agencies(records: list[RowRecord]) -> None:
    """Rows below an agency row belong to that agency, until the next agency row or a total.

    >>> from cnbudget.codes import FunctionCode
    >>> from cnbudget.readers.text.source import SourceLine
    >>> line = SourceLine.of(1, "")
    >>> records = [RowRecord(line=line, name="某局", agency="某局"),
    ...            RowRecord(line=line, name="行政运行", code=FunctionCode("2101501"))]
    >>> carry_agencies(records)
    >>> records[1].agency
    '某局'
    """
    agency: str | None = None
    agency_code: str | None = None
    for record in records:
        if record.is_agency_row:
            agency, agency_code = record.name or None, record.agency_code
            record.agency = agency
        elif (record.code is not None or record.project is not None) and (
            record.agency is None and record.agency_code is None
        ):
            record.agency, record.agency_code = agency, agency_code
