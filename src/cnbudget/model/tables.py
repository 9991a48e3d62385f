"""The standard tables of a disclosure (部门预算公开表), under their stable keys.

Each table keeps what the document printed: its title and number as printed, its rows in
document order, a statement that it is empty (…为空表) and any notes (注). A table the document
does not contain is ``None`` in :class:`Tables`; a table that is printed but empty has no rows.

>>> TABLE_TITLES["general_budget_basic"]
'一般公共预算基本支出情况表'
>>> Tables().present()
()
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from cnbudget.model.amounts import SourceSplit
from cnbudget.model.fields import each, optional_text, rows, source_line, source_page, to_tuple, typed, zh
from cnbudget.model.lines import (
    PROCUREMENT_LEVELS,
    CarryoverLine,
    EconomicLine,
    EconomicSummaryLine,
    FiscalLine,
    FunctionLine,
    Line,
    ProcurementLine,
    ProjectExpenditureLine,
    ProjectLine,
    RevenueLine,
    SummaryLine,
)
from cnbudget.money import AmountUnit

__all__ = [
    "TABLE_TITLES",
    "THREE_PUBLIC_ITEMS",
    "BasicExpenditureTable",
    "CarryoverTable",
    "EconomicSummaryTable",
    "ExpenditureTable",
    "FiscalSummaryTable",
    "ProcurementTable",
    "ProjectExpenditureTable",
    "ProjectTable",
    "RevenueTable",
    "SummaryTable",
    "Table",
    "Tables",
    "ThreePublicTable",
]

#: The stable table keys (used in JSON, CSV facts, findings and the command line) and the
#: standard Chinese title of each table.
TABLE_TITLES: dict[str, str] = {
    "summary": "收支总体情况表",
    "revenue": "收入总体情况表",
    "expenditure": "支出总体情况表",
    "fiscal_summary": "财政拨款收支总体情况表",
    "general_budget": "一般公共预算支出情况表",
    "general_budget_basic": "一般公共预算基本支出情况表",
    "general_budget_projects": "一般公共预算项目支出情况表",
    "gov_fund": "政府性基金预算支出情况表",
    "soe_capital": "国有资本经营预算支出情况表",
    "three_public": "“三公”经费支出情况表",
    "carryover": "上年结转结余情况明细表",
    "economic_summary": "支出经济分类汇总表",
    "projects": "项目支出表",
    "fiscal_expenditure": "财政拨款支出预算表",
    "fiscal_basic": "财政拨款基本支出预算表",
    "operating_costs": "机关运行经费支出预算表",
    "procurement": "政府采购支出预算表",
}


@attrs.frozen(kw_only=True)
class Table:
    """What every table records besides its rows.

    ``unit`` is the table's own 金额单位 where it prints one other than the document's (a Shanghai
    “三公” table in 万元 among tables in 元); ``None`` means the document's unit. Amounts are kept as
    printed, in that unit.
    """

    title: str | None = optional_text("表名")
    number: str | None = optional_text("表号")
    unit: AmountUnit | None = typed("金额单位", AmountUnit, optional=True)
    empty_statement: str | None = optional_text("空表说明")
    notes: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str), metadata=zh("注"))
    line_number: int | None = source_line()  # of the title
    page: int | None = source_page()

    def rows(self) -> Iterator[Line]:
        """Every row of the table in document order (both sides of a two-sided table)."""
        for _, side_rows in self.sides():
            yield from side_rows

    def sides(self) -> Iterator[tuple[str, tuple[Line, ...]]]:
        """Each field of the table holding rows, by name, with its rows: ``lines``, or ``revenue``
        and ``expenditure`` of a two-sided table (收支两侧); none for the "三公" table.

        >>> from cnbudget.model import SummaryLine, SummaryRole
        >>> table = SummaryTable(revenue=[SummaryLine(role=SummaryRole.TOTAL, name="收入合计", amount="1.00")])
        >>> [(side, len(rows)) for side, rows in table.sides()]
        [('revenue', 1), ('expenditure', 0)]
        """
        for field in attrs.fields(type(self)):
            if field.metadata.get("rows"):
                yield field.name, getattr(self, field.name)


#: The items of the "三公" table in the standard order (the fields of :class:`ThreePublicTable` that
#: hold a :class:`~cnbudget.model.SourceSplit`).
THREE_PUBLIC_ITEMS = ("total", "overseas_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception",
                      "meetings", "training", "total_with_meetings_training", "operating_costs")


@attrs.frozen(kw_only=True)
class SummaryTable(Table):
    """收支总体情况表: funding sources on the left, expenditure by function 类 on the right."""

    revenue: tuple[SummaryLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(SummaryLine), metadata=rows("收入"))
    expenditure: tuple[SummaryLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(SummaryLine), metadata=rows("支出"))


@attrs.frozen(kw_only=True)
class RevenueTable(Table):
    """收入总体情况表: rows by function code (or by agency), columns by funding source; or, in the
    Jiangsu template (收入预算总表), one amount per funding source listed down the page (``sources``:
    一般公共预算资金 小计, its items, 政府性基金 小计, …, each group's 小计 followed by its items)."""

    lines: tuple[RevenueLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(RevenueLine), metadata=rows("行"))
    sources: tuple[SummaryLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(SummaryLine), metadata=rows("收入来源"))


@attrs.frozen(kw_only=True)
class ExpenditureTable(Table):
    """Expenditure by function code (支出总体情况表, 一般公共预算支出情况表, 政府性基金预算支出情况表,
    国有资本经营预算支出情况表, and the Jiangsu 财政拨款支出预算表（功能科目）)."""

    lines: tuple[FunctionLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(FunctionLine), metadata=rows("行"))


@attrs.frozen(kw_only=True)
class FiscalSummaryTable(Table):
    """财政拨款收支总体情况表: fiscal revenue lines and fiscal expenditure by function 类 and budget."""

    revenue: tuple[SummaryLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(SummaryLine), metadata=rows("财政拨款收入"))
    expenditure: tuple[FiscalLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(FiscalLine), metadata=rows("财政拨款支出"))


@attrs.frozen(kw_only=True)
class BasicExpenditureTable(Table):
    """Rows by 部门预算支出经济分类 code: 一般公共预算基本支出情况表 (合计 = 人员经费 + 公用经费), and in
    the Jiangsu template 财政拨款基本支出预算表（经济科目） and 一般公共预算机关运行经费支出预算表, which print
    one amount (合计) per row."""

    lines: tuple[EconomicLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(EconomicLine), metadata=rows("行"))


@attrs.frozen(kw_only=True)
class ProjectExpenditureTable(Table):
    """一般公共预算项目支出情况表: project rows by function code with their economic 类 split."""

    lines: tuple[ProjectExpenditureLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(ProjectExpenditureLine), metadata=rows("行"))


@attrs.frozen(kw_only=True)
class ThreePublicTable(Table):
    """The "三公" table (“三公”经费支出情况表): fixed items, each split by budget where printed.

    ``vehicles`` (公务用车购置及运行费) is the subtotal of ``vehicle_purchase`` (购置费) and
    ``vehicle_operation`` (运行费); ``total`` = overseas travel + vehicles + reception. The Jiangsu
    template adds 会议费 and 培训费 and their sum with the "三公" total
    (``total_with_meetings_training``); the Shanghai template prints 机关运行经费 beside the items.
    """

    total: SourceSplit = typed("合计", SourceSplit)
    overseas_travel: SourceSplit = typed("因公出国（境）费", SourceSplit)
    vehicles: SourceSplit = typed("公务用车购置及运行费", SourceSplit)
    vehicle_purchase: SourceSplit = typed("公务用车购置费", SourceSplit)
    vehicle_operation: SourceSplit = typed("公务用车运行费", SourceSplit)
    reception: SourceSplit = typed("公务接待费", SourceSplit)
    meetings: SourceSplit | None = typed("会议费", SourceSplit, optional=True)
    training: SourceSplit | None = typed("培训费", SourceSplit, optional=True)
    total_with_meetings_training: SourceSplit | None = typed(
        "“三公”经费、会议费、培训费合计", SourceSplit, optional=True)
    operating_costs: SourceSplit | None = typed("机关运行经费", SourceSplit, optional=True)
    scope: str | None = optional_text("口径")

    def items(self) -> Iterator[tuple[str, SourceSplit]]:
        """``(field name, split)`` for every item the table prints, in the standard order."""
        for name in THREE_PUBLIC_ITEMS:
            split = getattr(self, name)
            if split is not None:
                yield name, split


@attrs.frozen(kw_only=True)
class CarryoverTable(Table):
    """上年结转结余情况明细表: total, agency subtotals and projects."""

    lines: tuple[CarryoverLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(CarryoverLine), metadata=rows("行"))


@attrs.frozen(kw_only=True)
class EconomicSummaryTable(Table):
    """支出经济分类汇总表 (Henan template): economic codes of both sets, by funding source."""

    lines: tuple[EconomicSummaryLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(EconomicSummaryLine), metadata=rows("行"))


@attrs.frozen(kw_only=True)
class ProjectTable(Table):
    """项目支出表 (Henan template): projects by type, with amounts by funding source."""

    lines: tuple[ProjectLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(ProjectLine), metadata=rows("行"))


@attrs.frozen(kw_only=True)
class ProcurementTable(Table):
    """政府采购支出预算表 (Jiangsu template): the total, each 采购品目大类, each project's economic
    subject and the items bought under it, with their 采购组织形式 and amount."""

    lines: tuple[ProcurementLine, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(ProcurementLine), metadata=rows("行"))

    def tree(self) -> tuple[dict[int, list[int]], list[int]]:
        """Each row's rows below it, by index, and the top rows (below no row but 合计). A row belongs
        to the nearest row above it of a higher level (:data:`PROCUREMENT_LEVELS`); where a level is
        not printed, the rows of the next level stand under the row above instead.

        >>> table = ProcurementTable(lines=[
        ...     ProcurementLine(name="合计", amount="9.00"),
        ...     ProcurementLine(category="货物", name="货物", amount="9.00"),
        ...     ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置",
        ...                     name="办公设备购置", amount="9.00"),
        ...     ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置",
        ...                     name="台式计算机", item="台式计算机", amount="9.00")])
        >>> table.tree()
        ({1: [2], 2: [3]}, [1])
        """
        below: dict[int, list[int]] = {}
        tops: list[int] = []
        # The last row seen of each level: a row's parent is the latest of those of the levels above
        # its own (looking back row by row was quadratic in the items listed under one subject).
        last: dict[int, int] = {}
        for index, line in enumerate(self.lines):
            rank = PROCUREMENT_LEVELS.index(line.level)
            if rank == 0:
                continue
            parent = max((last[higher] for higher in range(1, rank) if higher in last), default=None)
            (tops if parent is None else below.setdefault(parent, [])).append(index)
            last[rank] = index
        return below, tops


def _table(key: str, kind: type[Any]) -> Any:
    return attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(kind)),
        metadata={"zh": TABLE_TITLES[key]},
    )


@attrs.frozen(kw_only=True)
class Tables:
    """The standard tables under their stable keys; ``None`` where the document has no such table."""

    summary: SummaryTable | None = _table("summary", SummaryTable)
    revenue: RevenueTable | None = _table("revenue", RevenueTable)
    expenditure: ExpenditureTable | None = _table("expenditure", ExpenditureTable)
    fiscal_summary: FiscalSummaryTable | None = _table("fiscal_summary", FiscalSummaryTable)
    general_budget: ExpenditureTable | None = _table("general_budget", ExpenditureTable)
    general_budget_basic: BasicExpenditureTable | None = _table(
        "general_budget_basic", BasicExpenditureTable
    )
    general_budget_projects: ProjectExpenditureTable | None = _table(
        "general_budget_projects", ProjectExpenditureTable
    )
    gov_fund: ExpenditureTable | None = _table("gov_fund", ExpenditureTable)
    soe_capital: ExpenditureTable | None = _table("soe_capital", ExpenditureTable)
    three_public: ThreePublicTable | None = _table("three_public", ThreePublicTable)
    carryover: CarryoverTable | None = _table("carryover", CarryoverTable)
    economic_summary: EconomicSummaryTable | None = _table("economic_summary", EconomicSummaryTable)
    projects: ProjectTable | None = _table("projects", ProjectTable)
    fiscal_expenditure: ExpenditureTable | None = _table("fiscal_expenditure", ExpenditureTable)
    fiscal_basic: BasicExpenditureTable | None = _table("fiscal_basic", BasicExpenditureTable)
    operating_costs: BasicExpenditureTable | None = _table("operating_costs", BasicExpenditureTable)
    procurement: ProcurementTable | None = _table("procurement", ProcurementTable)

    def present(self) -> tuple[tuple[str, Table], ...]:
        """``(key, table)`` for every table the document contains, in the standard order."""
        return tuple(
            (key, table)
            for key in TABLE_TITLES
            if (table := getattr(self, key)) is not None
        )
