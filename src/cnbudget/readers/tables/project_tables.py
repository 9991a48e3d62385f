"""Tables of projects: 一般公共预算项目支出情况表 (11-table template) and 项目支出表 (Henan template).

一般公共预算项目支出情况表 prints a 支出功能分类 code (类 款 项, or whole), its name, the project name,
项目支出合计 and one column per 部门预算支出经济分类 类 (工资福利支出 … 其他支出). Agencies are rows
that print a name only (乌鲁木齐市医疗保障局); the total (总计/合计) may stand in the name or in the
项目名称 column.

项目支出表 prints 类型 (其他运转类/特定目标类), 项目名称, 项目单位 and amounts by source: 合计,
本年拨款 and 财政拨款结转结余 (each by 一般公共预算/政府性基金预算/国有资本经营预算), 财政专户管理资金,
单位资金. Agency rows print the 单位代码 in the 项目名称 column and the agency in the 项目单位 column
(``304 延津县医疗保障局``).
"""

from __future__ import annotations

from cnbudget.codes import FunctionCode
from cnbudget.model import (
    EconomicCategoryAmounts,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    ProjectLine,
    ProjectTable,
    ProjectType,
    SourceAmounts,
    is_sum_label,
)
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.placed_records import placed_record
from cnbudget.readers.tables.rows import RowRecord, carry_agencies
from cnbudget.readers.tables.tabling import function_row, read_grid_rows, table_info
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.source import printed_at
from cnbudget.text import normalize_width

__all__ = [
    "PROJECT_EXPENDITURE_LAYOUTS",
    "PROJECT_LAYOUTS",
    "read_project_expenditure_table",
    "read_project_table",
]

_CATEGORY_COLUMNS = (
    "salaries", "goods_services", "family_subsidies", "debt_interest", "capital_construction", "capital",
    "enterprise_construction", "enterprise", "social_security_fund", "other",
)

#: The printed variants of 一般公共预算项目支出情况表, recognised by their headings in order.
PROJECT_EXPENDITURE_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="standard",
        record=EconomicCategoryAmounts,
        signature=("项目名称", "合计", "工资福利", "商品", "对个人和家庭", "债务利息", "资本性支出(基本建设)",
                   "资本性支出", "对企业补助(基本建设)", "对企业补助", "对社会保障基金", "其他支出"),
        lead=("code", "code", "code", "name", "project"),
        amounts=("total", *_CATEGORY_COLUMNS),
    ),
)

_SOURCE_COLUMNS = (
    "general_budget", "gov_fund", "soe_capital", "carryover_general", "carryover_gov_fund",
    "carryover_soe_capital", "special_account", "agency_funds",
)

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_PROJECT_EXPENDITURE_LINE = checked_builder(ProjectExpenditureLine)
_PROJECT_LINE = checked_builder(ProjectLine)

#: The printed variants of 项目支出表.
PROJECT_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="henan",
        record=SourceAmounts,
        # First header row, then the budgets under 本年拨款 and under 财政拨款结转结余.
        signature=("类型", "项目名称", "项目单位", "合计", "本年拨款", "财政拨款结转结余", "财政专户", "单位资金",
                   "一般公共预算", "政府性基金", "国有资本经营", "一般公共预算", "政府性基金", "国有资本经营"),
        lead=("project_type", "name", "project_agency"),
        amounts=("total", *_SOURCE_COLUMNS),
    ),
)


def read_project_expenditure_table(block: Block) -> tuple[ProjectExpenditureTable | None, list[Problem]]:
    """Read 一般公共预算项目支出情况表 (``general_budget_projects``); ``None`` with a problem when its
    headings match no known layout.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.text.source import split_lines
    >>> columns = ["项目支出合计", "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
    ...            "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助", "对社会保障基金补助",
    ...            "其他支出"]
    >>> rows = [["科目编码", "", "", "科目名称", "项目名称", *columns], ["类", "款", "项"],
    ...         ["", "", "", "某局", "", "3.00", "", "3.00"],
    ...         ["210", "15", "01", "行政运行", "综合业务费", "3.00", "", "3.00"]]
    >>> text = "一般公共预算项目支出情况表\\n" + "\\n".join("\\t".join(row) for row in rows)
    >>> table, problems = read_project_expenditure_table(find_blocks(split_lines(text))[0])
    >>> [(line.kind.value, line.agency, line.amounts.goods_services) for line in table.lines]
    [('agency', '某局', Decimal('3.00')), ('project', '某局', Decimal('3.00'))]
    """
    reading = read_grid_rows(block, PROJECT_EXPENDITURE_LAYOUTS, family=FunctionCode)
    if reading.layout is None:
        return None, reading.problems
    for record in reading.rows:
        _name_uncoded_row(record)
    carry_agencies(list(reading.rows))
    lines = tuple(
        _PROJECT_EXPENDITURE_LINE(
            **function_row(row),
            project=row.project,
            amounts=placed_record(EconomicCategoryAmounts, row.values),
        )
        for row in reading.rows
    )
    return ProjectExpenditureTable(lines=lines, **table_info(block, reading)), reading.problems


def _name_uncoded_row(record: RowRecord) -> None:
    """A row without a code is the total (its label perhaps in the 项目名称 column) or an agency."""
    if record.code is not None:
        return
    if not record.name and record.project is not None and is_sum_label(record.project):
        record.name, record.project = "".join(record.project.split()), None
    if record.project is None and record.name and not is_sum_label(record.name):
        record.agency = record.name


def read_project_table(block: Block) -> tuple[ProjectTable | None, list[Problem]]:
    """Read 项目支出表 (``projects``, Henan template): projects by type, grouped under agency rows;
    ``None`` with a problem when its headings match no known layout.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.text.source import split_lines
    >>> rows = [["类型", "项目名称", "项目单位", "合计", "本年拨款", "", "", "财政拨款结转结余", "", "",
    ...          "财政专户管理资金", "单位资金"],
    ...         ["", "", "", "", *["一般公共预算", "政府性基金预算", "国有资本经营预算"] * 2],
    ...         ["特定目标类", "城乡医疗救助", "某局", "5.00", "5.00"]]
    >>> block = find_blocks(split_lines("项目支出表\\n" + "\\n".join("\\t".join(row) for row in rows)))[0]
    >>> table, problems = read_project_table(block)
    >>> line = table.lines[0]
    >>> line.project, line.project_type.zh, line.agency, line.amounts.general_budget, problems
    ('城乡医疗救助', '特定目标类', '某局', Decimal('5.00'), [])
    """
    reading = read_grid_rows(block, PROJECT_LAYOUTS)
    if reading.layout is None:
        return None, reading.problems
    problems = list(reading.problems)
    lines: list[ProjectLine] = []
    group: tuple[str | None, str | None] = (None, None)  # the agency row above: name, 单位代码
    for record in reading.rows:
        unit = record.extra.get("project_agency", "")
        amounts = placed_record(SourceAmounts, record.values)
        role = _role(record)
        if role == "project":
            project_type, problem = _project_type(record, block.key)
            problems.extend([problem] if problem else [])
            agency = unit or group[0]
            lines.append(_PROJECT_LINE(
                agency=agency, agency_code=group[1] if agency == group[0] else None, name=record.name,
                project=record.name or None, project_type=project_type, amounts=amounts, **printed_at(record.line),
            ))
        elif role == "total":
            lines.append(_PROJECT_LINE(name="".join((unit or record.name).split()), amounts=amounts,
                                       **printed_at(record.line)))
        elif role == "agency":
            group = (unit, _unit_code(record.name) or None)
            lines.append(_PROJECT_LINE(agency=unit, agency_code=group[1], name=unit, amounts=amounts,
                                       **printed_at(record.line)))
        else:
            problems.append(Problem(line=record.line.number, text=record.line.raw, table=block.key,
                                    message="row not read: it names neither a project, an agency nor a total"))
    return ProjectTable(lines=tuple(lines), **table_info(block, reading)), problems


def _unit_code(text: str) -> str:
    """The 单位代码 an agency row prints in the 项目名称 column ('' when the cell holds no number)."""
    compact = "".join(normalize_width(text).split())
    return compact if compact.isdigit() else ""


def _role(record: RowRecord) -> str | None:
    """project, total or agency: what a row of 项目支出表 stands for, from the cells it fills."""
    unit = record.extra.get("project_agency", "")
    if record.extra.get("project_type") or (
        record.name and not _unit_code(record.name) and not is_sum_label(record.name)
    ):
        return "project"
    if is_sum_label(unit) or is_sum_label(record.name):
        return "total"
    return "agency" if unit else None


def _project_type(record: RowRecord, table: str) -> tuple[ProjectType | None, Problem | None]:
    printed = "".join(record.extra.get("project_type", "").split())
    if not printed:
        return None, None  # printed without a type
    found = next((kind for kind in ProjectType if printed.startswith(kind.zh)), None)
    if found is not None:
        return found, None
    return None, Problem(line=record.line.number, text=record.line.raw, table=table,
                         message=f"project type {printed!r} is neither 其他运转类 nor 特定目标类; "
                         "the project is kept without a type")
