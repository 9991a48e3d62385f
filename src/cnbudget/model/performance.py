"""Performance targets (绩效目标): the department-wide target and project targets, each with
its funds and an indicator tree of 一级指标 → 二级指标 → 三级指标.

An indicator keeps what the document prints; its target value (指标值) and prior-year actual
(上年完成值) keep their raw text together with the parsed form (see :mod:`cnbudget.targets`).
Level 1 and level 2 are stored as printed, so that validation can judge them against the national
framework rather than the model refusing a local scheme.

>>> ind = Indicator(level1="产出指标", level2="数量指标", name="广播电台宣传数量", target=">=3个",
...                 weight="10")
>>> ind.target.comparator.value, ind.target.number, ind.target.unit, ind.weight
('≥', Decimal('3'), '个', Decimal('10'))
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from cnbudget.model.fields import (
    as_optional_amount,
    each,
    money,
    optional_text,
    source_line,
    source_page,
    text,
    to_tuple,
    typed,
    zh,
)
from cnbudget.money import AmountUnit
from cnbudget.targets import TargetValue, parse_target

__all__ = [
    "DepartmentFunds",
    "DepartmentTarget",
    "FundsSubtotal",
    "Indicator",
    "PerformanceTargets",
    "ProjectFunds",
    "ProjectTarget",
    "Task",
]


def _to_target(value: object) -> TargetValue:
    return parse_target(value) if isinstance(value, str) else value  # type: ignore[return-value]


def _to_optional_target(value: object) -> TargetValue | None:
    return None if value is None else _to_target(value)


@attrs.frozen(kw_only=True)
class Indicator:
    """One row of an indicator tree (绩效指标). ``target`` accepts the printed text and parses it."""

    level1: str = text("一级指标")
    level2: str | None = optional_text("二级指标")
    name: str = text("三级指标")
    target: TargetValue = attrs.field(
        converter=_to_target,
        validator=attrs.validators.instance_of(TargetValue),
        metadata={"zh": "指标值"},
    )
    basis: str | None = optional_text("指标值设置依据")
    prior_actual: TargetValue | None = attrs.field(
        converter=_to_optional_target,
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(TargetValue)),
        metadata={"zh": "上年完成值"},
    )
    weight: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=zh("分值权重"))
    weight_text: str | None = optional_text("分值权重（非数字）")
    scoring_rule: str | None = optional_text("指标赋分规则")
    evidence: str | None = optional_text("佐证资料")
    explanation: str | None = optional_text("指标值说明")


@attrs.frozen(kw_only=True)
class ProjectFunds:
    """Funds of a project target (项目资金): 年度预算总额 = 财政拨款 + 其他资金.

    The Henan summary form prints 资金总额 split into 政府预算资金, 财政专户管理资金 and 单位资金.
    The Shanghai 财政项目支出绩效目标填报表 prints the year's funds (年度资金申请总额 = 当年财政拨款 +
    上年结转资金 + 其他资金, read into ``total``, ``fiscal``, ``carryover`` and ``other``) beside the
    funds of the project's whole life (项目资金总额 = 财政资金 + 其他资金), of which the year's are a part.

    >>> funds = ProjectFunds(total="100", fiscal="80", carryover="20", other="0", project_total="300")
    >>> funds.carryover, funds.project_fiscal
    (Decimal('20'), None)
    """

    total: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("年度预算总额"))
    fiscal: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("财政拨款"))
    other: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("其他资金"))
    gov_budget: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("政府预算资金"))
    special_account: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                  metadata=money("财政专户管理资金"))
    agency_funds: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("单位资金"))
    carryover: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("上年结转资金"))
    project_total: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                metadata=money("项目资金总额"))
    project_fiscal: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("项目资金总额：财政资金"))
    project_other: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                metadata=money("项目资金总额：其他资金"))


@attrs.frozen(kw_only=True)
class ProjectTarget:
    """A project's performance target (项目支出绩效目标表, or a row of 项目绩效目标汇总表).

    ``agency`` is the unit that carries the project (预算单位, 项目单位, 实施单位) and ``department`` the
    department in charge of it (主管部门) where the form prints one. ``goal`` is the project's overall
    goal (项目总体目标) and ``annual_goal`` the year's (年度总体目标), each as printed. ``unit`` is the
    form's own 金额单位 where it prints one other than the document's; ``None`` means the document's
    unit (the funds are kept as printed, in that unit).
    """

    agency: str | None = optional_text("预算单位")
    project: str = text("项目名称")
    project_code: str | None = optional_text("项目编码")
    owner: str | None = optional_text("项目负责人")
    funds: ProjectFunds = typed("项目资金", ProjectFunds, default=ProjectFunds())
    goal: str | None = optional_text("项目总体目标")
    indicators: tuple[Indicator, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Indicator),
                                                    metadata=zh("绩效指标"))
    title: str | None = optional_text("表名")
    department: str | None = optional_text("主管部门")
    nature: str | None = optional_text("项目性质")
    category: str | None = optional_text("项目类别")
    planned_start: str | None = optional_text("计划开始日期")
    planned_end: str | None = optional_text("计划完成日期")
    annual_goal: str | None = optional_text("年度总体目标")
    unit: AmountUnit | None = typed("金额单位", AmountUnit, optional=True)
    line_number: int | None = source_line()  # of the form's title
    page: int | None = source_page()


@attrs.frozen(kw_only=True)
class Task:
    """A main task of the department (年度主要任务)."""

    name: str = text("任务名称")
    content: str | None = optional_text("主要内容")


@attrs.frozen(kw_only=True)
class DepartmentFunds:
    """Funds of the department-wide target (年度预算): by source and, in the Henan form, by
    structure (基本支出 / 项目支出)."""

    total: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("资金总额"))
    superior: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                           metadata=money("财政资金：上级安排"))
    own: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("财政资金：本级安排"))
    other: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("其他资金"))
    basic: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("基本支出"))
    project: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("项目支出"))


@attrs.frozen(kw_only=True)
class DepartmentTarget:
    """The department-wide performance target (部门整体绩效目标表)."""

    department: str | None = optional_text("部门名称")
    contact: str | None = optional_text("部门联系人")
    phone: str | None = optional_text("联系电话")
    goal: str | None = optional_text("年度绩效目标")
    tasks: tuple[Task, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Task),
                                          metadata=zh("年度主要任务"))
    funds: DepartmentFunds = typed("年度预算", DepartmentFunds, default=DepartmentFunds())
    indicators: tuple[Indicator, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Indicator),
                                                    metadata=zh("绩效指标"))
    title: str | None = optional_text("表名")
    line_number: int | None = source_line()  # of the form's title
    page: int | None = source_page()


@attrs.frozen(kw_only=True)
class FundsSubtotal:
    """A subtotal row of the Henan 项目绩效目标汇总表: the funds of all projects of a department
    (部门) or unit (单位), printed above its projects."""

    agency_code: str | None = optional_text("单位编码")
    agency: str | None = optional_text("单位名称")
    funds: ProjectFunds = typed("项目金额", ProjectFunds, default=ProjectFunds())


@attrs.frozen(kw_only=True)
class PerformanceTargets:
    """All performance targets of a disclosure (绩效目标)."""

    department: DepartmentTarget | None = typed("部门整体绩效目标", DepartmentTarget, optional=True)
    projects: tuple[ProjectTarget, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(ProjectTarget),
                                                      metadata=zh("项目绩效目标"))
    subtotals: tuple[FundsSubtotal, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(FundsSubtotal),
                                                       metadata=zh("项目金额小计"))
