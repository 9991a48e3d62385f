"""The Henan 项目绩效目标汇总表: one group of rows per project, under subtotal rows per 部门 and 单位.

Columns are found by their heading text over the heading rows: 单位编码（项目编码）, 项目单位（项目名称）,
the funds (资金总额, 政府预算资金, 财政专户管理资金, 单位资金), then pairs of 三级指标 and 指标值 under the
一级指标 groups that head them (成本指标, 产出指标, 效益指标, 满意度指标; the form has no 二级指标). A coded
row opens a group; the rows below it with a blank code add indicators, and the tail of a wrapped
project name. A group with no indicator is a subtotal (the 部门 or 单位 row) and names the agency of
the projects below it. Codes printed wrapped with spaces (``410726240 000000026 081``) are joined.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> text = ("2024 年部门预算项目绩效目标汇总表\\n"
...         "单位编码\\t项目单位\\t项目金额\\t\\t绩效目标\\n\\t\\t\\t\\t产出指标\\t\\t满意度指标\\n"
...         "\\t\\t资金总额\\t单位资金\\t三级指标\\t指标值\\t三级指标\\t指标值\\n"
...         "304001\\t某 局\\t6.0\\t\\n4107 26 081\\t宣传 费\\t6.0\\t\\t印刷数量\\t≥200 本\\t满意度\\t≥98%\\n"
...         "\\t\\t\\t\\t宣传次数\\t≥2 次")
>>> projects, subtotals, problems = read_targets_summary(find_blocks(split_lines(text))[0])
>>> p = projects[0]
>>> p.agency, p.project, p.project_code, p.funds.total, [i.name for i in p.indicators], subtotals[0].agency
('某局', '宣传费', '410726081', Decimal('6.0'), ['印刷数量', '宣传次数', '满意度'], '某局')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model import FundsSubtotal, Indicator, ProjectFunds, ProjectTarget
from cnbudget.money import parse_amount
from cnbudget.readers.performance.indicator_tree import is_section_heading
from cnbudget.readers.performance.labels import label_key, repeats_labels
from cnbudget.readers.performance.printed_targets import target_of
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import any_filled
from cnbudget.readers.text.source import SourceLine, clean_name, printed_at
from cnbudget.text import squeeze_spaces

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_INDICATOR = checked_builder(Indicator)

__all__ = ["read_targets_summary"]

_CODE = re.compile(r"^\d[\d\s]*$")
_CODE_LABELS = frozenset({"单位编码", "项目编码", "单位代码", "项目代码"})
_NAME_LABELS = frozenset({"项目单位", "项目名称", "单位名称"})
_AMOUNT_LABELS = {
    "资金总额": "total",
    "政府预算资金": "gov_budget",
    "财政专户管理资金": "special_account",
    "单位资金": "agency_funds",
    "财政拨款": "fiscal",
    "其他资金": "other",
}
_NOT_GROUPS = frozenset({"一级指标", "二级指标", "三级指标"})


@attrs.frozen(kw_only=True)
class _Pair:
    name: int  # column of 三级指标
    value: int  # column of 指标值
    level1: str


@attrs.frozen(kw_only=True)
class _Columns:
    code: int
    name: int
    amounts: dict[str, int]
    pairs: tuple[_Pair, ...]

    @property
    def width(self) -> int:
        return 1 + max([self.code, self.name, *self.amounts.values(), *(p.value for p in self.pairs)])


def _columns(header: Sequence[SourceLine]) -> _Columns | str:
    code = name = None
    amounts: dict[str, int] = {}
    groups: dict[int, str] = {}
    names: list[int] = []
    values: list[int] = []
    for line in header:
        for column, cell in enumerate(line.cells):
            key = label_key(cell)
            if key in _CODE_LABELS and code is None:
                code = column
            elif key in _NAME_LABELS and name is None:
                name = column
            elif key in _AMOUNT_LABELS:
                amounts.setdefault(_AMOUNT_LABELS[key], column)
            elif key == "三级指标":
                names.append(column)
            elif key == "指标值":
                values.append(column)
            elif key.endswith("指标") and key not in _NOT_GROUPS:
                groups[column] = clean_name(cell)
    if code is None or name is None:
        return "no 单位编码/项目编码 or 项目单位/项目名称 heading"
    pairs = []
    for column in sorted(names):
        if column + 1 not in values:
            return f"the 三级指标 heading in column {column + 1} has no 指标值 heading beside it"
        heading = max((at for at in groups if at <= column), default=None)
        if heading is None:
            return f"the 三级指标 heading in column {column + 1} is under no 一级指标 heading"
        pairs.append(_Pair(name=column, value=column + 1, level1=groups[heading]))
    if not pairs:
        return "no 三级指标/指标值 headings"
    return _Columns(code=code, name=name, amounts=amounts, pairs=tuple(pairs))


@attrs.define(kw_only=True)
class _Group:
    """A coded row and the rows that continue it."""

    code: str
    line: SourceLine
    name: str
    funds: dict[str, Decimal | None]
    indicators: dict[int, list[Indicator]] = attrs.field(factory=dict)


def _cell(cells: Sequence[str], column: int) -> str:
    return cells[column].strip() if column < len(cells) else ""


@attrs.define
class _Reader:
    block: Block
    columns: _Columns
    projects: list[ProjectTarget] = attrs.field(factory=list)
    subtotals: list[FundsSubtotal] = attrs.field(factory=list)
    problems: list[Problem] = attrs.field(factory=list)
    group: _Group | None = None
    agency: str | None = None

    def problem(self, line: SourceLine, message: str) -> None:
        self.problems.append(Problem(line=line.number, text=line.raw, message=message, table=self.block.key))

    def row(self, line: SourceLine) -> None:
        cells = line.cells
        code = _cell(cells, self.columns.code)
        if code:
            self.finish()
            if not _CODE.match(code):
                self.problem(line, f"row not read: {code!r} is not a code")
                return
            self.group = _Group(code=squeeze_spaces(code), line=line, name=_cell(cells, self.columns.name),
                                funds=self.funds(line))
        elif self.group is None:
            if any_filled(cells):
                self.problem(line, "row not read: no coded row above it")
            return
        else:
            self.continuation(line)
        self.indicators(line, self.group)

    def funds(self, line: SourceLine) -> dict[str, Decimal | None]:
        funds: dict[str, Decimal | None] = {}
        for field, column in self.columns.amounts.items():
            try:
                funds[field] = parse_amount(_cell(line.cells, column))
            except InvalidAmount:
                funds[field] = None
                self.problem(line, f"{_cell(line.cells, column)!r} is not an amount; {field} not read")
        return funds

    def continuation(self, line: SourceLine) -> None:
        assert self.group is not None
        tail = _cell(line.cells, self.columns.name)
        if tail and squeeze_spaces(self.group.name).endswith(squeeze_spaces(tail)):
            self.problem(line, f"{tail!r} below a project name that already ends with it: it may repeat a "
                               "wrapped word rather than continue the name, so it was not joined")
        elif tail:
            self.group.name += tail
        figures = [_cell(line.cells, c) for c in self.columns.amounts.values() if _cell(line.cells, c)]
        if figures:
            self.problem(line, f"figures on a row that continues a project not read: {figures!r}")

    def indicators(self, line: SourceLine, group: _Group) -> None:
        for index, pair in enumerate(self.columns.pairs):
            name, value = clean_name(_cell(line.cells, pair.name)), _cell(line.cells, pair.value)
            if not name and value:
                self.problem(line, f"指标值 {value!r} under {pair.level1} without a 三级指标: not read")
            elif name:
                indicator = _INDICATOR(level1=pair.level1, level2=None, name=name, target=target_of(value))
                group.indicators.setdefault(index, []).append(indicator)

    def finish(self) -> None:
        group, self.group = self.group, None
        if group is None:
            return
        name = clean_name(group.name)
        funds = ProjectFunds(**group.funds)
        if not group.indicators:
            self.subtotals.append(FundsSubtotal(agency_code=group.code, agency=name or None, funds=funds))
            self.agency = name or self.agency
            return
        if not name:
            self.problem(group.line, "a project without a name")
        indicators = [i for index in sorted(group.indicators) for i in group.indicators[index]]
        self.projects.append(ProjectTarget(
            agency=self.agency, project=name, project_code=group.code, funds=funds,
            indicators=tuple(indicators), title=self.block.title.text, **printed_at(group.line),
        ))


def read_targets_summary(block: Block) -> tuple[list[ProjectTarget], list[FundsSubtotal], list[Problem]]:
    """Read 项目绩效目标汇总表: its projects, its subtotal rows, and the problems met."""
    lines = [line for line in block.lines if "\t" in line.raw]
    start = next((i for i, line in enumerate(lines) if _CODE.match(line.cells[0] if line.cells else "")), None)
    header = lines[:start] if start is not None else lines
    columns = _columns(header)
    if isinstance(columns, str):
        problem = Problem(line=block.title.number, text=block.title.text, table=block.key,
                          message=f"table not read: {columns}")
        return [], [], [problem]
    reader = _Reader(block=block, columns=columns)
    header_keys = [[label_key(cell) for cell in line.cells] for line in header]
    for line in block.lines:
        if start is None or line.number < lines[start].number or line.is_blank:
            continue
        if is_section_heading(line):
            break
        if "\t" not in line.raw or any(repeats_labels(line.cells, keys) for keys in header_keys):
            continue  # a note, or a heading row repeated on a new page
        reader.row(line)
    reader.finish()
    return reader.projects, reader.subtotals, reader.problems
