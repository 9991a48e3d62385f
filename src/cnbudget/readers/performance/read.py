"""Performance-target forms (绩效目标表) → :class:`~cnbudget.model.PerformanceTargets`, with problems.

Three forms are read, each from its block (:data:`~cnbudget.readers.text.blocks.PERFORMANCE_KEYS`):

* ``project_target`` — 项目支出绩效目标表 (and the Shanghai 财政项目支出绩效目标填报表, whose funds stand in
  two columns, the project's whole life and the year): key-value top
  (:mod:`~cnbudget.readers.performance.forms`) and indicator rows
  (:mod:`~cnbudget.readers.performance.indicator_tree`);
* ``department_target`` — 部门整体绩效目标表: the same, with 年度主要任务 and 年度预算 parts;
* ``project_targets_summary`` — the Henan 项目绩效目标汇总表 (:mod:`~cnbudget.readers.performance.summary`).

A form extracted one cell per line (no tab-separated cells) is read by
:mod:`~cnbudget.readers.performance.flat`: its top where certain, its indicator rows reported.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> text = ("项目支出绩效目标表\\n预算单位\\t\\t某局\\n项目名称\\t\\t宣传费\\t项目负责人\\t\\t\\n"
...         "项目资金(万元)\\t\\t年度预算总额\\t30.51\\t其中：财政拨款\\t0.00\\t其他资金\\t30.51\\n"
...         "一级指标\\t二级指标\\t三级指标\\t指标值\\t上年完成值\\t指标分值权重\\n"
...         "产出 指标\\t数量指标\\t宣传次数\\t>=3个\\t\\t10\\n\\t\\t覆盖率\\t=100%\\t95%\\t20")
>>> targets, problems = read_performance(find_blocks(split_lines(text)))
>>> project = targets.projects[0]
>>> project.project, project.funds.total, project.funds.other, problems
('宣传费', Decimal('30.51'), Decimal('30.51'), [])
>>> [(i.level1, i.name, str(i.target), i.prior_actual, i.weight) for i in project.indicators][1]
('产出指标', '覆盖率', '=100%', TargetValue(raw='95%', kind=<TargetKind.QUANTITATIVE: 'quantitative'>, \
comparator=None, number=Decimal('95'), unit='%', text=None, deadline=None), Decimal('20'))
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from cnbudget.model import (
    DepartmentFunds,
    DepartmentTarget,
    FundsSubtotal,
    Indicator,
    PerformanceTargets,
    ProjectFunds,
    ProjectTarget,
)
from cnbudget.money import AmountUnit
from cnbudget.readers.guard import guarded
from cnbudget.readers.performance.flat import read_flat_form
from cnbudget.readers.performance.forms import FormTop, read_department_top, read_project_top
from cnbudget.readers.performance.indicator_tree import IndicatorColumns, is_section_heading, read_indicators
from cnbudget.readers.performance.summary import read_targets_summary
from cnbudget.readers.result import Problem
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, Block
from cnbudget.readers.text.source import SourceLine, printed_at

__all__ = ["read_department_target", "read_performance", "read_project_target"]


def _is_flat(block: Block) -> bool:
    return not any("\t" in line.raw for line in block.lines)


def _split(block: Block) -> tuple[list[SourceLine], IndicatorColumns | None, list[SourceLine]]:
    """The lines above the indicator heading, the heading's columns, and the indicator rows."""
    lines = list(block.lines)
    for position, line in enumerate(lines):
        if "\t" in line.raw and (columns := IndicatorColumns.of(line)) is not None:
            rows = []
            for later in lines[position + 1 :]:
                if is_section_heading(later):
                    break
                if "\t" in later.raw:
                    rows.append(later)
            return lines[:position], columns, rows
    return lines, None, []


def _read_form(block: Block, *, department: bool) -> tuple[FormTop, list[Indicator]]:
    if _is_flat(block):
        return read_flat_form(block.lines, department=department, table=block.key), []
    top_lines, columns, rows = _split(block)
    top = (read_department_top if department else read_project_top)(top_lines, table=block.key)
    if columns is None:
        top.problems.append(Problem(line=block.title.number, text=block.title.text, table=block.key,
                                    message="no indicator heading (一级指标 … 三级指标 … 指标值): indicators not read"))
        return top, []
    indicators, problems = read_indicators(rows, columns, table=block.key)
    top.problems.extend(problems)
    return top, indicators


def read_project_target(block: Block, *, unit: AmountUnit | None = None) -> tuple[ProjectTarget | None, list[Problem]]:
    """Read one 项目支出绩效目标表; ``None`` when nothing of it could be read.

    ``unit`` is the document's amount unit: a form whose funds label prints another one
    (``项目资金（元）`` in a document in 万元) keeps it in :attr:`~cnbudget.model.ProjectTarget.unit`.
    Without it, the funds are taken to be in the document's unit, whatever the form prints.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.text.source import split_lines
    >>> block = find_blocks(split_lines("项目支出绩效目标表\\n项目名称\\t\\t某项目\\n"))[0]
    >>> project, problems = read_project_target(block)
    >>> project.project, [p.message for p in problems]
    ('某项目', ['no indicator heading (一级指标 … 三级指标 … 指标值): indicators not read'])
    """
    top, indicators = _read_form(block, department=False)
    if not (top.texts or top.amounts or indicators):
        return None, top.problems
    texts = top.texts
    project = texts.get("project")
    if project is None:
        top.problems.append(Problem(line=block.title.number, text=block.title.text, table=block.key,
                                    message="no 项目名称 found; the project is kept without a name"))
    target = ProjectTarget(
        agency=texts.get("agency"),
        project=project or "",
        project_code=texts.get("project_code"),
        owner=texts.get("owner"),
        funds=ProjectFunds(**top.amounts),
        goal=texts.get("goal"),
        indicators=tuple(indicators),
        title=block.title.text,
        department=texts.get("department"),
        nature=texts.get("nature"),
        category=texts.get("category"),
        planned_start=texts.get("planned_start"),
        planned_end=texts.get("planned_end"),
        annual_goal=texts.get("annual_goal"),
        unit=top.unit if unit is not None and top.unit not in (None, unit) else None,
        **printed_at(block.title),
    )
    return target, top.problems


def read_department_target(block: Block) -> tuple[DepartmentTarget | None, list[Problem]]:
    """Read 部门整体绩效目标表; ``None`` when nothing of it could be read.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.text.source import split_lines
    >>> text = ("部门整体绩效目标表\\n部门名称\\t\\t某局\\n一级指标\\t二级指标\\t三级指标\\t指标值\\n"
    ...         "产出指标\\t数量指标\\t次数\\t=1 次")
    >>> target, problems = read_department_target(find_blocks(split_lines(text))[0])
    >>> target.department, target.indicators[0].name, problems
    ('某局', '次数', [])
    """
    top, indicators = _read_form(block, department=True)
    if not (top.texts or top.amounts or top.tasks or indicators):
        return None, top.problems
    target = DepartmentTarget(
        department=top.texts.get("department"),
        contact=top.texts.get("contact"),
        phone=top.texts.get("phone"),
        goal=top.texts.get("goal"),
        tasks=tuple(top.tasks),
        funds=DepartmentFunds(**top.amounts),
        **printed_at(block.title),
        indicators=tuple(indicators),
        title=block.title.text,
    )
    return target, top.problems


def _summary(block: Block) -> tuple[tuple[list[ProjectTarget], list[FundsSubtotal]], list[Problem]]:
    projects, subtotals, problems = read_targets_summary(block)
    return (projects, subtotals), problems


def _where(block: Block) -> dict[str, Any]:
    return {"part": "the form", "line": block.title.number, "text": block.title.text, "table": block.key}


def read_performance(
    blocks: Sequence[Block], *, unit: AmountUnit | None = None
) -> tuple[PerformanceTargets | None, list[Problem]]:
    """Read every performance-target block, in document order; ``None`` when none could be read.
    ``unit`` is the document's amount unit (see :func:`read_project_target`)."""
    department: DepartmentTarget | None = None
    projects: list[ProjectTarget] = []
    subtotals: list[FundsSubtotal] = []
    problems: list[Problem] = []
    for block in blocks:
        if block.key == "department_target":
            target = guarded(partial(read_department_target, block), None, problems, **_where(block))
            if target is not None and department is not None:
                problems.append(Problem(line=block.title.number, text=block.title.text, table=block.key,
                                        message="a second 部门整体绩效目标表; the first one was kept"))
            elif target is not None:
                department = target
        elif block.key == "project_target":
            project = guarded(partial(read_project_target, block, unit=unit), None, problems, **_where(block))
            if project is not None:
                projects.append(project)
        elif block.key == "project_targets_summary":
            nothing: tuple[list[ProjectTarget], list[FundsSubtotal]] = ([], [])
            rows, totals = guarded(partial(_summary, block), nothing, problems, **_where(block))
            projects.extend(rows)
            subtotals.extend(totals)
        else:
            problems.append(Problem(line=block.title.number, text=block.title.text, table=block.key,
                                    message=f"not a performance-target form (keys: {', '.join(PERFORMANCE_KEYS)})"))
    if department is None and not projects and not subtotals:
        return None, problems
    return PerformanceTargets(department=department, projects=tuple(projects), subtotals=tuple(subtotals)), problems
