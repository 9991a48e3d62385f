"""Revenue listed by funding source down the page (按资金来源列示的收入预算总表, Jiangsu template).

The table prints one amount per line under 项目名称 | 金额: 收入总计, then each group of sources —
一般公共预算资金, 政府性基金, 财政专户管理资金, 其他资金, 上年结转和结余资金 — as a 小计 line followed by
its items (公共财政拨款（补助）资金, 专项收入, 事业收入, …). The group's name is printed once, in a cell
merged over the group's lines, so the extraction puts it on any one of them (the 小计 line, the
middle item, or a line of its own between two items, where layout text centres it). A group
therefore runs from its 小计 line to the next 小计 line, and takes the name printed on any of its
lines. The next table's number (公开03表), printed above its title, is no line of this one.

Each line becomes a :class:`~cnbudget.model.SummaryLine` of
:attr:`~cnbudget.model.RevenueTable.sources`: the group's subtotal under the group's name, then its
items, with the funding source the vocabulary names (or none).

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> text = ("收入预算总表\\n项目名称\\t\\t金额\\n收入总计\\t\\t5.00\\n\\t小计\\t5.00\\n"
...         "一般公共预算资金\\t公共财政拨款(补助)资金\\t5.00\\n\\t专项收入\\t\\n其他资金\\t小计\\t")
>>> lines, problems = read_source_list(find_blocks(split_lines(text))[0])
>>> [(line.name, line.source.value if line.source else None, str(line.amount)) for line in lines]
[('收入总计', None, '5.00'), ('一般公共预算资金', 'general_budget', '5.00'), ('公共财政拨款(补助)资金', None, '5.00'), \
('专项收入', None, '0'), ('其他资金', 'agency_funds', '0')]
>>> problems
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model import SummaryLine, SummaryRole, is_subtotal_label
from cnbudget.money import parse_amount
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.summary_names import funding_source
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import Grid, is_amount, is_heading_line
from cnbudget.readers.text.source import SourceLine, clean_name, printed_at
from cnbudget.vocab import FundingSource

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_SUMMARY_LINE = checked_builder(SummaryLine)

__all__ = ["is_source_list", "read_source_list"]

_CODE_HEADINGS = re.compile(r"类|款|项|编码|代码")


def is_source_list(grid: Grid) -> bool:
    """Whether a revenue table's header is 项目名称 | 金额 with no code column."""
    cells = ["".join(cell.split()) for line in grid.header for cell in line.cells if cell.strip()]
    return bool(cells) and "金额" in cells and not any(_CODE_HEADINGS.fullmatch(cell) for cell in cells)


@attrs.define
class _Group:
    subtotal: SourceLine | None
    amount: Decimal
    name: str | None = None
    items: list[tuple[str, Decimal, SourceLine]] = attrs.field(factory=list)


def read_source_list(block: Block) -> tuple[list[SummaryLine], list[Problem]]:
    """The lines of a revenue table listed by source, and what could not be read."""
    problems: list[Problem] = []
    total: list[SummaryLine] = []
    groups: list[_Group] = []
    header_seen = False
    for line in block.lines:
        labels = [clean_name(cell) for cell in line.cells if cell.strip() and not is_amount(cell)]
        figures = [cell for cell in line.cells if is_amount(cell)]
        if (not labels and not figures) or (labels and all(label in ("项目名称", "金额") for label in labels)):
            header_seen = header_seen or bool(labels)
            continue
        if not header_seen or _is_heading(line) or is_heading_line(line) or (not labels and _is_page_number(figures)):
            continue
        try:
            amount = parse_amount(figures[0]) if len(figures) == 1 else Decimal(0)
        except InvalidAmount:  # is_amount said it parses
            amount = Decimal(0)
        if len(figures) > 1 or len(labels) > 2 or not labels:
            problems.append(Problem(line=line.number, text=line.raw, table=block.key,
                                    message="row not read: a line of the source list holds "
                                            f"{len(labels)} names and {len(figures)} amounts"))
            continue
        if len(labels) == 1 and _TOTAL.fullmatch(labels[0]) and not groups:
            total.append(_SUMMARY_LINE(role=SummaryRole.TOTAL, name=labels[0], amount=amount, **printed_at(line)))
            continue
        if len(labels) == 1 and not figures and groups and groups[-1].name is None and _names_group(labels[0]):
            groups[-1].name = labels[0]  # the group's name on a line of its own among its lines
            continue
        item = labels[-1]
        if is_subtotal_label(item):
            groups.append(_Group(subtotal=line, amount=amount, name=labels[0] if len(labels) == 2 else None))
            continue
        if not groups:
            groups.append(_Group(subtotal=None, amount=Decimal(0)))
        group = groups[-1]
        if len(labels) == 2:
            if group.name is not None and group.name != labels[0]:
                problems.append(Problem(line=line.number, text=line.raw, table=block.key,
                                        message=f"row not read: a second group name {labels[0]!r} in the group "
                                                f"{group.name!r}"))
                continue
            group.name = labels[0]
        group.items.append((item, amount, line))
    return [*total, *_lines(groups, block, problems)], problems


_TOTAL = re.compile(r"(?:收入)?(?:总计|合计)|合\s*计")


def _names_group(label: str) -> bool:
    """Whether a label names a group of sources (一般公共预算资金, 其他资金), not one of their items."""
    source = funding_source(label)
    return source is not None and source.parent in (None, FundingSource.FISCAL)


def _is_page_number(figures: Sequence[str]) -> bool:
    return len(figures) == 1 and figures[0].strip().isdigit() and len(figures[0].strip()) <= 3


def _is_heading(line: SourceLine) -> bool:
    return any(word in line.squeezed for word in ("部门:", "部门：", "部门名称", "单位：", "单位:"))


def _lines(groups: Sequence[_Group], block: Block, problems: list[Problem]) -> list[SummaryLine]:
    lines: list[SummaryLine] = []
    for group in groups:
        if group.subtotal is not None:
            if group.name is None:
                problems.append(Problem(line=group.subtotal.number, text=group.subtotal.raw, table=block.key,
                                        message="row not read: a 小计 whose group is not named"))
                continue
            source = funding_source(group.name)
            lines.append(_SUMMARY_LINE(role=SummaryRole.SOURCE, name=group.name, source=source, amount=group.amount,
                                       **printed_at(group.subtotal)))
        for name, amount, at in group.items:
            source = funding_source(name)
            lines.append(_SUMMARY_LINE(role=SummaryRole.SOURCE if source else SummaryRole.OTHER, name=name,
                                       source=source, amount=amount, **printed_at(at)))
    return lines
