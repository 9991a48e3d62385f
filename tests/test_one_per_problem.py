"""One finding per problem: identical columns of a row, one rounding difference seen by two rules,
a template's leftover names on empty rows, a project name with a bracketed note."""

from __future__ import annotations

from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.examples import example
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    EconomicLine,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
)
from cnbudget.validation import Severity, validate


def _basic(*rows: tuple[str, ...]) -> BudgetDisclosure:
    lines = [EconomicLine(code=EconomicCode(code), name=name, amounts=BasicAmounts(
        total=total, personnel=personnel, public=public[0] if public else "0"))
        for code, name, total, personnel, *public in rows]
    return BudgetDisclosure(department="某局", fiscal_year=2024, tables=Tables(
        general_budget_basic=BasicExpenditureTable(lines=lines)))


def test_the_same_broken_sum_in_identical_columns_is_one_finding() -> None:
    # 301 prints 10.00 in 合计 and in 人员经费; its 款 add up to 9.00 in both: one problem.
    doc = _basic(("301", "工资福利支出", "10.00", "10.00"), ("30101", "基本工资", "9.00", "9.00"))
    (found,) = validate(doc, rules=["HIER-003"]).findings
    assert found.severity is Severity.ERROR
    assert {loc.column for loc in found.locations} == {"total", "personnel"}
    assert "“人员经费”栏同样相差 1.00" in found.message


def test_different_differences_in_two_columns_are_two_findings() -> None:
    doc = _basic(("301", "工资福利支出", "10.00", "11.00"), ("30101", "基本工资", "9.00", "9.00"))
    assert len(validate(doc, rules=["HIER-003"]).findings) == 2


def test_a_misprinted_figure_and_the_total_it_adds_to_are_one_finding() -> None:
    # 301 prints 人员经费 10.00 for 9.00, and its 合计 12.00 = 10.00 + 2.00 with it: both 1.00 over their 款.
    doc = _basic(("301", "工资福利支出", "12.00", "10.00", "2.00"), ("30101", "基本工资", "11.00", "9.00", "2.00"))
    (found,) = validate(doc, rules=["HIER-003"]).findings
    assert {loc.column for loc in found.locations} == {"total", "personnel"}


def test_a_rounding_difference_two_rules_see_is_reported_once() -> None:
    # 延津 2024: 城乡医疗救助's target prints 405.6 万元; its cost indicators and the 项目支出表 405.64.
    report = validate(example("yanjin-2024"), rules=["PERF-011", "PERF-014"])
    about = [f for f in report.findings if "城乡医疗救助」" in f.message and f.severity is Severity.INFO]
    assert len(about) == 1
    (kept,) = about
    assert kept.rule == "PERF-011" and len(kept.related) == 1 and kept.related[0].startswith("PERF-014 ")


def _summary(*names: tuple[str, str, str]) -> BudgetDisclosure:
    lines = [SummaryLine(role=SummaryRole.FUNCTION, code=FunctionCode(code), name=name, amount=amount)
             for code, name, amount in names]
    return BudgetDisclosure(department="某局", fiscal_year=2024, tables=Tables(summary=SummaryTable(expenditure=lines)))


def test_former_names_on_empty_rows_are_a_note_and_on_rows_with_money_a_warning() -> None:
    old_names = ("210", "医疗卫生与计划生育支出"), ("212", "城乡社区事务")
    empty = validate(_summary((*old_names[0], "0"), (*old_names[1], "0")), rules=["CAT-003"])
    assert [f.severity for f in empty.findings] == [Severity.INFO]
    used = validate(_summary((*old_names[0], "5.00"), (*old_names[1], "0")), rules=["CAT-003"])
    assert [f.severity for f in used.findings] == [Severity.WARNING]


def test_a_project_name_that_differs_only_in_a_bracketed_note_is_a_note() -> None:
    # 阿克陶 2023: the target 「2023年中央财政医疗服务与保障能力提升补助资金」 is the table's
    # "…补助资金(医疗保障服务能力建设部分)".
    report = validate(example("aketao-2023"), rules=["PERF-013"])
    about = [f for f in report.findings if "「2023年中央财政医疗服务与保障能力提升补助资金」" in f.message]
    assert [f.severity for f in about] == [Severity.INFO] and "略有不同" in about[0].message


def test_the_same_note_on_several_forms_is_one_note() -> None:
    # 阿克陶 2023 (seed 002): nine project forms write the 二级指标 of 满意度指标 as “满意度指标” (by hand,
    # lines 674, 709, 727, 749, 756, 790, 808, 825, 832; some print it as “满意度 指标”).
    report = validate(example("aketao-2023"), rules=["PERF-001"])
    same = [f for f in report.findings if "二级指标写作“满意度指标”" in f.message]
    assert len(same) == 1 and "另有 8 处相同" in same[0].message
    assert len(same[0].locations) == 9
