"""政府采购支出预算表 (key ``procurement``, Jiangsu template): what a department will buy.

The table prints one amount (总计) per row under 采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 |
采购组织形式, as a tree: 合计; each 品目大类 (``一、货物A``, ``三、服务C``); under it each project's
economic subject (专项名称 and 经济科目, the project printed once for its first subject); under that
the items bought (采购物品名称) with their 采购组织形式. Extractions move these cells between
columns from page to page, so a row is read by what it holds, not where: a category's numbered
name, a total's label, a subject's one or two names, an item's name and procurement method.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> rows = ["采购品目大类\\t专项名称\\t经济科目\\t采购物品名称\\t采购组织形式\\t总计", "合计\\t\\t\\t\\t\\t9.00",
...         "一、货物 A\\t\\t\\t\\t\\t9.00", "\\t办公设备购置\\t办公设备购置\\t\\t\\t9.00",
...         "\\t\\t\\t台式计算机\\t政府集中采购\\t9.00"]
>>> table, problems = read_procurement_table(find_blocks(split_lines("政府采购支出预算表\\n" + "\\n".join(rows)))[0])
>>> [(line.level, line.category, line.name, line.method, str(line.amount)) for line in table.lines]
[('total', None, '合计', None, '9.00'), ('category', '货物', '一、货物A', None, '9.00'), \
('subject', '货物', '办公设备购置', None, '9.00'), ('item', '货物', '台式计算机', '政府集中采购', '9.00')]
>>> problems
[]
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.model import ProcurementLine, ProcurementTable, is_total_label
from cnbudget.numbering import strip_number
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.tabling import TableReading, is_empty_statement, table_info
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import cell_amount, is_amount, make_grid
from cnbudget.readers.text.source import SourceLine, clean_name, printed_at

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_PROCUREMENT_LINE = checked_builder(ProcurementLine)

__all__ = ["read_procurement_table"]

# 一、货物A / 二、工程B / 三、服务C (the letter is the 政府采购品目 code's first letter).
_CATEGORY = re.compile(r"^(货物|工程|服务)\s*[A-Z]?$")  # after its list number (一、货物)
# How the purchase is organised (采购组织形式).
_METHOD = re.compile(r".*(?:集中采购|自行组织|分散采购|自行采购|委托采购|采购)$")
# The levels whose rows stand under nothing read before them (合计; 一、货物A).
_OWN_LEVELS = frozenset({"total", "category"})
_HEADINGS = {"采购品目大类", "采购品目大", "类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计", "金额"}


def _cells(line: SourceLine) -> tuple[list[str], list[Decimal]]:
    """The row's filled cells in one pass: its texts (cleaned) and its figures (read)."""
    texts: list[str] = []
    figures: list[Decimal] = []
    for cell in line.cells:
        if not cell.strip():
            continue
        figure = cell_amount(cell) if is_amount(cell) else None
        if figure is None:
            texts.append(clean_name(cell))
        else:
            figures.append(figure)
    return texts, figures


def read_procurement_table(block: Block) -> tuple[ProcurementTable | None, list[Problem]]:
    """Read 政府采购支出预算表; rows whose cells do not say which level they are are reported."""
    grid = make_grid(block.lines)
    problems: list[Problem] = []
    lines: list[ProcurementLine] = []
    category: str | None = None
    project: str | None = None
    subject: str | None = None
    unread: int | None = None  # the last row not read since the last category read
    # Lines whose cells could not be placed (layout text) are rows not read, too.
    unplaced = [line.number for line in block.lines if line.text and not line.cells]
    for line in grid.rows:
        unread = max((number for number in unplaced if number < line.number), default=None) or unread
        unplaced = [number for number in unplaced if number > line.number]
        texts, figures = _cells(line)
        if all(text in _HEADINGS for text in texts) and not figures:
            continue
        if len(figures) != 1:
            message = f"{len(figures)} amounts where one is printed"
        else:
            found = _place(texts, category, project, subject, figures[0], lines[-1] if lines else None,
                           at=printed_at(line))
            if isinstance(found, ProcurementLine) and unread is not None and found.level not in _OWN_LEVELS:
                # A row not read may have begun another category, project or subject: what this row
                # stands under cannot be told (never the names above the row not read).
                found = f"a row below a row not read (line {unread}) that may have begun what it stands under"
            if isinstance(found, ProcurementLine):
                lines.append(found)
                category, project, subject = found.category, found.project, found.subject
                if found.level == "category":
                    unread = None
                continue
            message = found
        problems.append(_problem(block, line, f"row not read: {message}"))
        unread = line.number
    if not lines and not any(is_empty_statement(note.text) for note in grid.notes):
        problems.append(_problem(block, block.title, "table not read: it prints no row of purchases"))
        return None, problems
    info = table_info(block, TableReading(grid=grid, layout=None, rows=(), problems=[]))
    return ProcurementTable(lines=tuple(lines), **info), problems


def _place(texts: list[str], category: str | None, project: str | None, subject: str | None,
           amount: Decimal, previous: ProcurementLine | None = None, *, at: dict[str, Any]) -> ProcurementLine | str:
    """The row for the texts a line prints, with the category, project and subject above it; ``at``
    says where the line stands (:func:`printed_at`)."""
    if len(texts) == 1 and is_total_label(texts[0]):
        return _PROCUREMENT_LINE(name="".join(texts[0].split()), amount=amount, **at)
    if len(texts) == 1 and (found := _CATEGORY.match(strip_number(texts[0]).replace(" ", ""))):
        return _PROCUREMENT_LINE(category=found.group(1), name=texts[0].replace(" ", ""), amount=amount, **at)
    if category is None:
        return f"a row before any 采购品目大类 ({' | '.join(texts)})"
    if len(texts) >= 2 and _METHOD.fullmatch(texts[-1]):
        if subject is None or len(texts) > 2:
            return f"an item bought under no economic subject ({' | '.join(texts)})"
        return _PROCUREMENT_LINE(category=category, project=project, subject=subject, name=texts[0],
                                 item=texts[0], method=texts[-1], amount=amount, **at)
    if len(texts) == 1 and _METHOD.fullmatch(texts[0]) and previous is not None and previous.item is not None:
        # The same item bought a second way: its name is printed once, over both rows (merged cell).
        return attrs.evolve(previous, method=texts[0], amount=amount, **at)
    if len(texts) == 2:
        return _PROCUREMENT_LINE(category=category, project=texts[0], subject=texts[1], name=texts[1], amount=amount,
                                 **at)
    if len(texts) == 1 and project is not None and not _METHOD.fullmatch(texts[0]):
        # A purchase method alone is no subject: the row's item was not read (a merged cell not placed).
        return _PROCUREMENT_LINE(category=category, project=project, subject=texts[0], name=texts[0], amount=amount,
                                 **at)
    return f"a row whose cells ({' | '.join(texts) or 'none'}) say neither a subject nor an item"


def _problem(block: Block, line: SourceLine, message: str) -> Problem:
    return Problem(line=line.number, text=line.raw, message=message, table=block.key)
