"""上年结转结余情况明细表 (key ``carryover``): last year's carryover by agency and project.

The table prints 项目名称 | 总计 | 财政拨款 (合计, 基本支出: 人员经费 公用经费, 项目支出) | 非财政拨款
(合计, 基本支出: 人员经费 公用经费, 项目支出), the headings in three rows. Its rows carry no code: the
total (总计/合计), agency rows (a name of the shape of an agency: …局, …中心) and the projects below
each agency. A project name cut by a page break is joined to the row above. A department without
carryover prints the table empty, or states so (…为空表, 本单位无上年结转结余): the table is kept with
no rows and the statement.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> rows = ["项目名称\\t总计\\t财政拨款\\t\\t\\t\\t非财政拨款",
...         "\\t\\t合计\\t基本支出\\t\\t项目支出\\t合计\\t基本支出\\t\\t项目支出",
...         "\\t\\t\\t人员经费\\t公用经费\\t\\t\\t人员经费\\t公用经费",
...         "总计\\t5.60\\t5.60\\t\\t\\t5.60", "某局\\t5.60\\t5.60\\t\\t\\t5.60",
...         "2023年替代工作经费\\t5.60\\t5.60\\t\\t\\t5.60"]
>>> table, problems = read_carryover_table(find_blocks(split_lines("上年结转结余情况明细表\\n" + "\\n".join(rows)))[0])
>>> [(line.name, line.agency, line.project) for line in table.lines]
[('总计', None, None), ('某局', '某局', None), ('2023年替代工作经费', '某局', '2023年替代工作经费')]
>>> table.lines[2].amounts.fiscal_project, table.lines[2].amounts.non_fiscal, problems
(Decimal('5.60'), Decimal('0'), [])
"""

from __future__ import annotations

import re

from cnbudget.model import CarryoverAmounts, CarryoverLine, CarryoverTable, is_sum_label
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.lost_columns import lost_columns
from cnbudget.readers.tables.placed_records import placed_record
from cnbudget.readers.tables.rows import RowRecord, carry_agencies
from cnbudget.readers.tables.tabling import TableReading, is_empty_statement, read_grid_rows, table_info
from cnbudget.readers.text.agency_names import is_agency_name
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import make_grid
from cnbudget.readers.text.source import clean_name, printed_at

__all__ = ["CARRYOVER_LAYOUTS", "is_carryover_empty_statement", "read_carryover_table"]

_FISCAL = ("fiscal_personnel", "fiscal_public", "fiscal_project")
_NON_FISCAL = ("non_fiscal_personnel", "non_fiscal_public", "non_fiscal_project")

#: The printed variants of 上年结转结余情况明细表, recognised by their headings in order.
CARRYOVER_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="standard",
        record=CarryoverAmounts,
        # First header row, then 合计/基本支出/项目支出 of each side, then 人员经费/公用经费 of each side.
        signature=("项目", "总计", "财政拨款", "非财政拨款", "合计", "基本支出", "项目支出", "合计", "基本支出",
                   "项目支出", "人员经费", "公用经费", "人员经费", "公用经费"),
        lead=("name",),
        amounts=("total", "fiscal", *_FISCAL, "non_fiscal", *_NON_FISCAL),
    ),
)

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_CARRYOVER_LINE = checked_builder(CarryoverLine)

_NO_CARRYOVER = re.compile(r"(?:无|没有)(?:上年(?:度)?)?结转(?:结余)?|结转结余(?:资金)?(?:为|是)(?:0|零)")
_NOTE = re.compile(r"^(?:注|备注|说明)[:：]")
_SENTENCE_END = ("。", ".", "；", ";")


def is_carryover_empty_statement(text: str) -> bool:
    """Whether a sentence says the table is empty: the general statements (…为空表) or one that there
    is no carryover (本单位无上年结转结余, 上年结转结余为 0).

    >>> is_carryover_empty_statement("本部门 2024 年无上年结转结余资金。")
    True
    >>> is_carryover_empty_statement("上年结转结余情况明细表")
    False
    """
    squeezed = "".join(text.split())
    return is_empty_statement(squeezed) or _NO_CARRYOVER.search(squeezed) is not None


def _problem(block: Block, message: str) -> Problem:
    return Problem(line=block.title.number, text=block.title.text, table=block.key, message=message)


def _join_cut_names(reading: TableReading, table: str) -> list[Problem]:
    """Lines without cells inside the table are the rest of a project name cut by a page break
    (the text dropped their blank cells): joined to the row just above, or reported."""
    records = {record.line.number: record for record in reading.rows}
    if not records:
        return []
    first, last = min(records), max(records)
    problems: list[Problem] = []
    target: RowRecord | None = None  # the row a line without cells continues
    for line in sorted([*reading.grid.rows, *reading.grid.notes], key=lambda line: line.number):
        if line in reading.grid.rows:
            if line.number in records:
                record = records[line.number]
                target = None if record.name.endswith(_SENTENCE_END) else record
            continue  # otherwise a continuation already joined, or a row already reported
        if line.number < first or _NOTE.match(line.squeezed) or is_carryover_empty_statement(line.text):
            target = None
        elif target is not None and not line.text.endswith(_SENTENCE_END):
            target.name += clean_name(line.text)
        elif line.number < last:
            problems.append(Problem(line=line.number, text=line.raw, table=table,
                                    message="a line inside the table that is no row of it; not read"))
    return problems


def _role(record: RowRecord) -> str:
    if is_sum_label(record.name):
        return "total"
    return "agency" if is_agency_name(record.name) else "project"


def read_carryover_table(block: Block) -> tuple[CarryoverTable | None, list[Problem]]:
    """Read 上年结转结余情况明细表 (``carryover``); ``None`` with a problem when it cannot be read."""
    statements = [line.text for line in make_grid(block.lines).notes if is_carryover_empty_statement(line.text)]
    reading = read_grid_rows(block, CARRYOVER_LAYOUTS)
    if reading.layout is None:
        if statements and not reading.grid.rows:
            return CarryoverTable(title=block.title.text, number=block.number, empty_statement=statements[0],
                                  **printed_at(block.title)), []
        lost = lost_columns(block)
        return None, [lost] if lost is not None else reading.problems
    problems = [*reading.problems, *_join_cut_names(reading, block.key)]
    records = list(reading.rows)
    for record in records:
        role = _role(record)
        record.agency = record.name if role == "agency" else None
        record.project = record.name if role == "project" else None
    carry_agencies(records)
    lines = tuple(
        _CARRYOVER_LINE(
            agency=record.agency,
            agency_code=record.agency_code,
            name=record.name,
            project=record.project,
            amounts=placed_record(CarryoverAmounts, record.values),
            **printed_at(record.line),
        )
        for record in records
    )
    info = table_info(block, reading)
    if info["empty_statement"] is None and statements:
        info["empty_statement"] = statements[0]
    return CarryoverTable(lines=lines, **info), problems
