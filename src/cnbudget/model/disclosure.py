"""The root of the model: one budget disclosure (部门预算公开文件).

>>> from cnbudget.money import AmountUnit
>>> doc = BudgetDisclosure(department="乌鲁木齐市医疗保障局", fiscal_year=2024)
>>> doc.amount_unit is AmountUnit.WAN_YUAN, doc.tables.present()
(True, ())
"""

from __future__ import annotations

from typing import Any

import attrs

from cnbudget.errors import InvalidValue
from cnbudget.model.coverage import OtherTable, UnreadTable
from cnbudget.model.fields import each, optional_text, text, to_tuple, typed, zh
from cnbudget.model.matters import OtherMatters
from cnbudget.model.narrative import Statement
from cnbudget.model.organisation import Agency, Staffing
from cnbudget.model.performance import PerformanceTargets
from cnbudget.model.tables import Tables
from cnbudget.model.text import Passage, PrintedName
from cnbudget.money import AmountUnit

__all__ = ["FORMAT_VERSION", "BudgetDisclosure"]

#: Version of the JSON format; it changes when a stored document would be read differently.
FORMAT_VERSION = "1"

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


def _check_year(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"fiscal_year (预算年度) must be a whole number, not {value!r}")
    if not EARLIEST_YEAR <= value <= LATEST_YEAR:
        raise InvalidValue(
            f"fiscal_year (预算年度) {value} is outside {EARLIEST_YEAR}–{LATEST_YEAR}"
        )


@attrs.frozen(kw_only=True)
class BudgetDisclosure:
    """A department's published annual budget (部门预算公开): who, which year, in which unit,
    the standard tables, performance targets, narrative statements and other matters.

    ``contents`` keeps the entries of the document's own table of contents (目录), so that
    completeness can be checked against what the document announces. ``incomplete`` names the
    parts a reader could not read completely (``performance``): checks that count or sum over
    such a part do not run on it. ``unread`` lists the tables the document prints that could not
    be read at all, ``other_tables`` the tables it prints of kinds the model does not hold (政府购买服务
    预算表 …), and ``tables_elsewhere`` quotes the statement that the tables are published in
    another file (公开表附后); a check reports both (see :func:`~cnbudget.model.coverage.coverage`).

    ``prose`` keeps the running text as paragraphs and ``department_names`` each place that prints
    the department's name (:mod:`cnbudget.model.text`), for the checks of the text itself.
    """

    format_version: str = text("格式版本", default=FORMAT_VERSION)
    department: str = text("部门名称")
    fiscal_year: int = attrs.field(validator=_check_year, metadata={"zh": "预算年度"})
    amount_unit: AmountUnit = typed("金额单位", AmountUnit, default=AmountUnit.WAN_YUAN)
    title: str | None = optional_text("标题")
    published: str | None = optional_text("发布日期")
    agencies: tuple[Agency, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Agency),
                                               metadata=zh("预算单位"))
    staffing: Staffing | None = typed("人员情况", Staffing, optional=True)
    contents: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str), metadata=zh("目录"))
    tables: Tables = typed("部门预算公开表", Tables, default=Tables())
    performance: PerformanceTargets | None = typed("绩效目标", PerformanceTargets, optional=True)
    statements: tuple[Statement, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(Statement), metadata=zh("情况说明"))
    other_matters: OtherMatters | None = typed("其他重要事项", OtherMatters, optional=True)
    incomplete: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                              metadata=zh("读取不完整的部分"))
    unread: tuple[UnreadTable, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(UnreadTable), metadata=zh("未能读取的表"))
    other_tables: tuple[OtherTable, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(OtherTable), metadata=zh("未收录种类的表"))
    tables_elsewhere: str | None = optional_text("表格另行公开")
    prose: tuple[Passage, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Passage),
                                             metadata=zh("正文段落"))
    department_names: tuple[PrintedName, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=each(PrintedName), metadata=zh("部门名称印出处"))

    def facts(self) -> tuple[Fact, ...]:
        """Every amount of the standard tables as one tidy record (see :func:`facts`)."""
        return facts(self)


from cnbudget.model.facts import Fact, facts  # noqa: E402  (facts needs the class above)
