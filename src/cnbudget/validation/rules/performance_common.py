"""What every performance rule needs: the targets of a document, how a message names them and
where a finding points.

Findings on a target point at ``department_target`` (部门整体绩效目标表), ``project_target``
(项目支出绩效目标表) or ``project_targets_summary`` (项目绩效目标汇总表) with the agency, the project
code and the project's name.

>>> from cnbudget.model import ProjectTarget
>>> target = ProjectTarget(agency="某局", project="宣传经费")
>>> where(target)
'项目支出绩效目标表「宣传经费」（某局）'
>>> location = place(target, "weight")
>>> location.table, location.agency, location.project, location.column
('project_target', '某局', '宣传经费', 'weight')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from cnbudget.model import BudgetDisclosure, DepartmentTarget, Indicator, ProjectTarget
from cnbudget.target_units import Measure, measure_of
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Location, checked_location
from cnbudget.validation.rules.performance_words import NamesRead

__all__ = ["Measures", "Target", "describe_indicator", "names_read", "place", "targets", "unit_measures", "where"]

Target = ProjectTarget | DepartmentTarget

#: A printed unit read as a measure (:func:`~cnbudget.target_units.measure_of`).
Measures = Callable[[str | None], Measure | None]

_DEPARTMENT_TITLE = "部门整体绩效目标表"
_PROJECT_TITLE = "项目支出绩效目标表"


def targets(doc: BudgetDisclosure) -> Iterator[Target]:
    """The department-wide target (if any), then every project target, in document order.

    >>> from cnbudget.model import BudgetDisclosure
    >>> list(targets(BudgetDisclosure(department="某局", fiscal_year=2024)))
    []
    """
    if doc.performance is None:
        return
    if doc.performance.department is not None:
        yield doc.performance.department
    yield from doc.performance.projects


def _title(target: Target) -> str:
    default = _DEPARTMENT_TITLE if isinstance(target, DepartmentTarget) else _PROJECT_TITLE
    title = "".join((target.title or "").split())
    # Printed titles carry years and places ("2023 年度自治区财政项目支出绩效目标表"); the
    # standard name says which form it is.
    return default if not title or len(title) > 2 * len(default) else title


def where(target: Target) -> str:
    """How a message names a target: the form and the project (or department)."""
    if isinstance(target, DepartmentTarget):
        return f"{_title(target)}（{target.department}）" if target.department else _title(target)
    agency = f"（{target.agency}）" if target.agency else ""
    return f"{_title(target)}「{target.project}」{agency}"


def place(target: Target, column: str | None = None) -> Location:
    """Where a finding on ``target`` points."""
    if isinstance(target, DepartmentTarget):
        return checked_location("department_target", agency=target.department, column=column)
    table = "project_targets_summary" if "汇总" in (target.title or "") else "project_target"
    return checked_location(table, agency=target.agency, code=target.project_code, project=target.project,
                            column=column)


def describe_indicator(indicator: Indicator) -> str:
    """How a message names an indicator: its levels and its name.

    >>> describe_indicator(Indicator(level1="产出指标", level2="数量指标", name="宣传次数", target=">=3 次"))
    '产出指标/数量指标/宣传次数'
    """
    levels = [indicator.level1, indicator.level2, indicator.name]
    return "/".join(level for level in levels if level)


def names_read(ctx: Context) -> NamesRead:
    """The indicator names' base names and printed units, worked out once per run for every rule."""
    return ctx.cache.get("indicator names", NamesRead)


def unit_measures(ctx: Context) -> Measures:
    """:func:`~cnbudget.target_units.measure_of` for every performance rule of a run, each printed unit
    read once: the forms repeat the same few units (万元, %, 人, 个) in every indicator."""
    def made() -> Measures:
        return functools.cache(measure_of)
    return ctx.cache.get("unit measures", made)
