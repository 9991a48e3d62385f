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

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.errors import InvalidCode
from cnbudget.model import is_total_label
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout, place_amounts
from cnbudget.readers.text.grid import any_filled, is_amount
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["RowRecord", "carry_agencies", "code_from_cells", "compact_cells", "fits", "fits_lead", "lost_zeros",
           "read_rows"]


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


def code_from_cells(parts: Sequence[str], family: type[ClassificationCode]) -> ClassificationCode | None:
    """The code printed in a row's code cells: whole in one cell (科目编码) or in parts (类 款 项).

    A 款 or 项 printed as one digit (``301 | 2``: a spreadsheet dropped its leading zero) is that
    number in two digits; anything else that is not a code raises :class:`~cnbudget.errors.InvalidCode`.

    >>> from cnbudget.codes import EconomicCode
    >>> str(code_from_cells(["301", "2"], EconomicCode)), str(code_from_cells(["2101501", "", ""], FunctionCode))
    ('30102', '2101501')
    """
    kind: object = family  # the class, as a key of the cache
    return _code_of_cells(tuple(parts), kind)


@functools.lru_cache(maxsize=1 << 13)  # a pure function of the cells (codes are frozen values), as cell_amount:
def _code_of_cells(parts: tuple[str, ...], kind: Any) -> ClassificationCode | None:
    # a document prints each code in several tables. What raises is not kept, and raises again.
    family: type[ClassificationCode] = kind
    filled = [p for p in parts if p.strip()]
    if not filled:
        return None
    if len(parts) == 1 or (len(filled) == 1 and len(filled[0].replace(" ", "")) > 3 and parts[0].strip()):
        return family(filled[0])  # the whole code printed in one column
    padded = [parts[0], *(f"0{p.strip()}" if _lost_zero(p) else p for p in parts[1:])]
    return family.from_parts(*padded)


def _lost_zero(part: str) -> bool:
    return len(part.strip()) == 1 and part.strip().isdigit()


@functools.lru_cache(maxsize=1 << 13)  # a pure function of the cells, as _code_of_cells: asked of every row
def _zeros_lost(parts: tuple[str, ...]) -> bool:
    return lost_zeros(parts)


def lost_zeros(parts: Sequence[str]) -> bool:
    """Whether a 款 or 项 among a row's code cells is printed as one digit (its leading zero lost).

    >>> lost_zeros(["301", "2"]), lost_zeros(["301", "02"])
    (True, False)
    """
    return len(parts) > 1 and any(_lost_zero(part) for part in parts[1:])


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
    zeros_lost: list[SourceLine] = []
    lead_width = len(layout.lead)
    name_index = layout.lead.index("name") if "name" in layout.lead else None
    code_positions, other_roles = _lead_positions(layout.lead)
    for line in rows:
        cells = list(line.cells) + [""] * max(0, lead_width - len(line.cells))
        if not fits_lead(layout, cells[:lead_width]):
            cells = list(compact_cells(line, layout))  # the row's cells are not where the header says
            cells += [""] * max(0, lead_width - len(cells))
        lead = cells[:lead_width]
        if records and name_index is not None and _continues(lead, cells, name_index):
            records[-1].name += clean_name(lead[name_index])
            continue
        record = RowRecord(line=line)
        code_parts = [lead[index] for index in code_positions]
        if name_index is not None and not lead[name_index].strip() and _total_in_codes(code_parts):
            # The total's label printed across the code columns (合计 under 类 款 项).
            lead[name_index] = next(part for part in code_parts if part.strip())
            code_parts = [""] * len(code_parts)
        try:
            parts = tuple(code_parts)  # a key of the kept answers below
            record.code = code_from_cells(parts, family)
            if _zeros_lost(parts):
                zeros_lost.append(line)
        except InvalidCode as error:
            if name_index is None or not lead[name_index].strip():
                problems.append(Problem(line=line.number, text=line.raw, message=f"row not read: {error}",
                                        table=table))
                continue
            # A misprinted code (7 | 11 | 02): the row's name and figures are kept, its code is not.
            problems.append(Problem(line=line.number, text=line.raw, table=table,
                                    message=f"row kept without its code, which is misprinted: {error}"))
        for index, role in other_roles:
            cell = lead[index]
            if role == "name":
                record.name = clean_name(cell)
            elif role == "agency_code":
                record.agency_code = cell.strip() or None
            elif role == "project":
                record.project = clean_name(cell) or None
            else:
                record.extra[role] = clean_name(cell)
        placement = place_amounts(layout, cells[lead_width:])
        if placement.problem is not None:
            problems.append(
                Problem(line=line.number, text=line.raw, message=f"row not read: {placement.problem}", table=table)
            )
            continue
        if records and not any_filled(lead) and not _prints_amounts(records[-1].line, layout) \
                and any(placement.values.values()):
            # The amounts of the row above, which an extraction put on a line of their own (合计 / 2,391.92).
            records[-1].values = placement.values
            continue
        record.values = placement.values
        if placement.repaired:
            problems.append(
                Problem(line=line.number, text=line.raw, message=_repair_message(placement.uncertain), table=table)
            )
        records.append(record)
    if zeros_lost:
        problems.append(Problem(
            line=zeros_lost[0].number, text=zeros_lost[0].raw, table=table,
            message=f"{len(zeros_lost)} row(s) print a 款 or 项 of one digit, its leading zero lost (lines "
                    + ", ".join(str(line.number) for line in zeros_lost[:10])
                    + ("…" if len(zeros_lost) > 10 else "") + "); read as two digits (2 → 02)"))
    carry_agencies(records)
    return records, problems


def _lead_positions(lead: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[tuple[int, str], ...]]:
    """Where the code cells stand among the lead columns, and the other lead columns with their roles."""
    codes = tuple(index for index, role in enumerate(lead) if role == "code")
    others = tuple((index, role) for index, role in enumerate(lead) if role != "code")
    return codes, others


_CODE_CELL = re.compile(r"^\d{1,7}$")
_DASHES = {"-", "—", "－", "--"}
# A figure as tables print amounts: with decimals or thousands separators.
_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(?:,\d{3})+$")


def _is_code_role(role: str) -> bool:
    return role in {"code", "agency_code", "econ", "gov"} or (role.startswith(("econ_", "gov_")) and role != "gov_name")


def fits(role: str, cell: str) -> bool:
    """Whether a filled cell has the shape of a leading column: a code's digits (or a total's label
    printed across the code columns), or words that are not a figure.

    >>> fits("code", "201"), fits("code", "合 计"), fits("name", "1,089.27"), fits("name", "行政运行")
    (True, True, False, True)
    >>> fits("name", "156,211,123"), fits("name", "304")
    (False, True)
    """
    text = cell.strip()
    if is_total_label(text):
        return True
    if _is_code_role(role):
        return _CODE_CELL.match(text.replace(" ", "")) is not None
    return _FIGURE.match(text) is None  # a bare number may be a code printed in a name column (304)


def fits_lead(layout: Layout, lead: Sequence[str]) -> bool:
    """Whether a row's leading cells stand where the header says: no figure (1,089.27) under a code or
    a name. Words under a code are not a shift but a misprint, which reading the row reports.

    >>> layout = Layout(name="demo", signature=(), lead=("code", "name"), amounts=("total",))
    >>> fits_lead(layout, ["其中", "基本工资"]), fits_lead(layout, ["合计", "156,211,123"])
    (True, False)
    """
    # A figure holds a decimal point or a thousands comma: a cell with neither is none.
    return not any(("." in cell or "," in cell) and _FIGURE.match(cell.strip()) for cell in lead)


def compact_cells(line: SourceLine, layout: Layout) -> tuple[str, ...]:
    """The row's filled cells arranged by what they hold, for a row an extraction shifted: each leading
    column takes the next cell if it has that column's shape, the amounts follow in printed order.

    >>> layout = Layout(name="demo", signature=(), lead=("code", "name"), amounts=("total",))
    >>> compact_cells(SourceLine.of(1, "\\t合计\\t\\t\\t24,169.74"), layout)
    ('', '合计', '24,169.74')
    """
    filled = [cell for cell in line.cells if cell.strip()]
    lead: list[str] = []
    position = 0
    for role in layout.lead:
        cell = filled[position] if position < len(filled) else ""
        taken = bool(cell) and fits(role, cell) and not (_is_code_role(role) and is_total_label(cell))
        lead.append(cell if taken else "")
        position += 1 if taken else 0
    return (*lead, *filled[position:])


def _total_in_codes(parts: list[str]) -> bool:
    filled = [part for part in parts if part.strip()]
    return len(filled) == 1 and is_total_label(filled[0])


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


def _prints_amounts(line: SourceLine, layout: Layout) -> bool:
    """Whether a row prints any figure where its amounts stand."""
    return any(is_amount(cell) for cell in line.cells[len(layout.lead):])


def _continues(lead: list[str], cells: list[str], name_index: int) -> bool:
    """Whether the name's cell, short, is the row's only filled cell (asked of the name first: most
    rows have a name and other cells filled, and stop at the first)."""
    name = lead[name_index]
    if len(name) > 12 or not name.strip():
        return False
    if name_index != len(cells) - 1 and cells[-1].strip():  # a row's last cell (mostly a figure): told first
        return False
    return not any(cell.strip() for index, cell in enumerate(cells) if index != name_index)


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
