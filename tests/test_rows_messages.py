"""Row identity (ROW) findings as a reader sees them: the whole message and the place of a failing
identity, the severity either side of the rounding boundary, and the rows the rules read besides the
tables' own (the split expenditure side of 收支总体情况表, the items of the "三公" table).

The messages are written out by hand: ``{table} {row}：{identity}不成立，印为 {printed}，应为 {sum}（相差
{gap}）``, the identity in the columns' Chinese names (合计 = 基本支出 + 项目支出).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    SourceSplit,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.model.sums import Identity
from cnbudget.validation import RULES, Finding, Location, Severity, validate
from cnbudget.validation.positions import Places
from cnbudget.validation.rules.rows import _RowIdentity

D = Decimal


def _findings(rules: list[str], **tables: object) -> list[Finding]:
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(**tables))  # type: ignore[arg-type]
    return list(validate(doc, rules=rules).findings)


def _places(finding: Finding) -> list[tuple[str | None, str | None, str | None, str | None, str | None]]:
    return [(p.table, p.agency, p.code, p.project, p.column) for p in finding.locations]


def _error(where: str, what: str, printed: str, expected: str, gap: str) -> str:
    return f"{where}：{what}不成立，印为 {printed}，应为 {expected}（相差 {gap}）"


def test_each_rule_has_the_titles_a_report_prints() -> None:
    titles = {
        "ROW-001": ("支出合计 = 基本支出 + 项目支出", "Expenditure total = basic + project"),
        "ROW-002": ("基本支出 = 人员经费 + 公用经费", "Basic = personnel + public (operating)"),
        "ROW-003": ("项目支出 = 其他运转类 + 特定目标类", "Project = operating + specific-purpose"),
        "ROW-004": ("收入合计 = 各资金来源之和", "Revenue total = sum of the funding sources"),
        "ROW-005": ("财政拨款小计 = 各预算之和", "Fiscal appropriation subtotal = sum of the budgets"),
        "ROW-006": ("项目支出合计 = 各经济分类之和", "Project total = sum of the economic categories"),
        "ROW-007": ("上年结转结余 = 财政拨款 + 非财政拨款", "Carryover = fiscal + non-fiscal"),
    }
    assert {rule: (RULES[rule].title, RULES[rule].title_en) for rule in titles} == titles


def _row(total: str, basic: str, project: str, **more: str) -> FunctionLine:
    amounts = ExpenditureAmounts(total=D(total), basic=D(basic), project=D(project),
                                 **{name: D(value) for name, value in more.items()})
    return FunctionLine(code=FunctionCode("2101501"), name="行政运行", agency="示例中心", amounts=amounts)


@pytest.mark.parametrize(("total", "severity", "gap"), [("9.01", Severity.INFO, "0.01"),
                                                        ("9.02", Severity.ERROR, "0.02"),
                                                        ("10.00", Severity.ERROR, "1.00")])
def test_a_row_names_its_agency_code_and_name_and_the_columns(total: str, severity: Severity, gap: str) -> None:
    finding = _only(_findings(["ROW-001"], general_budget=ExpenditureTable(lines=[_row(total, "6.00", "3.00")])))
    where, what = "一般公共预算支出情况表 示例中心 2101501 行政运行", "合计 = 基本支出 + 项目支出"
    if severity is Severity.ERROR:
        assert finding.message == _error(where, what, total, "9.00", gap)
    else:
        assert finding.message == f"{where}：{what}，{total} 与 9.00 相差 {gap}，在印刷数字的四舍五入误差之内"
    assert finding.severity is severity
    assert _places(finding) == [("general_budget", "示例中心", "2101501", None, "total")]


def test_an_identity_of_four_columns_names_them_all() -> None:
    row = _row("11.00", "6.00", "3.00", reserve="1.00", next_year_carryover="0")
    finding = _only(_findings(["ROW-001"], general_budget=ExpenditureTable(lines=[row])))
    assert finding.message == _error("一般公共预算支出情况表 示例中心 2101501 行政运行",
                                     "合计 = 基本支出 + 项目支出 + 单位预留机动经费 + 结转下年资金",
                                     "11.00", "10.00", "1.00")


def test_a_rule_reports_only_its_own_identities() -> None:
    # 合计 ≠ 基本支出 + 项目支出 (ROW-001), while 基本支出 = 人员经费 + 公用经费 (ROW-002) holds.
    row = _row("10.00", "6.00", "3.00", personnel="4.00", public="2.00")
    table = ExpenditureTable(lines=[row])
    assert _findings(["ROW-002"], general_budget=table) == []
    assert [f.rule for f in _findings(["ROW-001"], general_budget=table)] == ["ROW-001"]


# --- the split expenditure side of 收支总体情况表 -------------------------------------------------------


def test_a_summary_line_split_into_basic_and_project_spending_adds_up() -> None:
    split = SummaryLine(role=SummaryRole.FUNCTION, name="卫生健康支出", code=FunctionCode("210"), amount=D("10.00"),
                        amounts=ExpenditureAmounts(total=D("10.00"), basic=D("6.00"), project=D("3.00")))
    whole = SummaryLine(role=SummaryRole.TOTAL, name="支出总计", amount=D("10.00"))  # one amount: nothing to check
    finding = _only(_findings(["ROW-001"], summary=SummaryTable(expenditure=[split, whole])))
    assert finding.message == _error("收支总体情况表 210 卫生健康支出", "合计 = 基本支出 + 项目支出",
                                     "10.00", "9.00", "1.00")
    assert _places(finding) == [("summary", None, "210", None, "total")]


def test_a_summary_of_one_amount_per_line_has_no_row_identity() -> None:
    lines = [SummaryLine(role=SummaryRole.FUNCTION, name="卫生健康支出", code=FunctionCode("210"), amount=D("10.00"))]
    assert _findings(["ROW-001"], summary=SummaryTable(expenditure=lines)) == []


# --- the items of the "三公" table ---------------------------------------------------------------------


def _split(total: str, general: str = "0", fund: str = "0") -> SourceSplit:
    return SourceSplit(total=D(total), general_budget=D(general), gov_fund=D(fund), soe_capital=D(0))


def _three_public(reception: SourceSplit, total: SourceSplit | None = None) -> ThreePublicTable:
    zero = _split("0")
    return ThreePublicTable(total=total or reception, overseas_travel=zero, vehicles=zero, vehicle_purchase=zero,
                            vehicle_operation=zero, reception=reception)


def test_a_three_public_item_is_named_by_its_label() -> None:
    # 合计 off by 2.00 and 公务接待费 by 1.00 across the budgets (合计 = Σitems is HIER-008's).
    table = _three_public(_split("2.00", "1.00"), total=_split("3.00", "1.00"))
    what = "合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算"
    assert [f.message for f in _findings(["ROW-005"], three_public=table)] == [
        _error("“三公”经费支出情况表 合计", what, "3.00", "1.00", "2.00"),
        _error("“三公”经费支出情况表 公务接待费", what, "2.00", "1.00", "1.00")]


@pytest.mark.parametrize(("general", "severity"), [("1.99", Severity.INFO), ("1.98", Severity.ERROR)])
def test_an_exact_zero_leaves_the_rounding_of_the_printed_figures(general: str, severity: Severity) -> None:
    # soe_capital is an exact 0: 一般公共预算 and the 合计 allow ±0.005 each, 政府性基金 0.00 another 0.005.
    split = SourceSplit(total=D("2.00"), general_budget=D(general), gov_fund=D("0.00"), soe_capital=D(0))
    assert {f.severity for f in _findings(["ROW-005"], three_public=_three_public(split))} == {severity}


def test_a_three_public_item_is_placed_at_its_item() -> None:
    table = _three_public(_split("2.00", "1.00"), total=_split("3.00", "1.00"))
    findings = _findings(["ROW-005"], three_public=table)
    assert [place for f in findings for place in _places(f)] == [("three_public", None, None, None, "total"),
                                                                  ("three_public", None, None, None, "reception")]


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def test_a_place_inside_a_three_public_item_is_named_in_chinese() -> None:
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024,
                           tables=Tables(three_public=_three_public(_split("2.00", "1.00"))))
    places = Places(doc)
    labels = [places.column_label(Location(table="three_public", column=column))
              for column in ("reception", "total.general_budget", "reception.gov_fund", "total.nothing")]
    assert labels == ["公务接待费", "合计（一般公共预算）", "公务接待费（政府性基金）", None]


def test_a_column_inside_a_three_public_item_is_placed_where_a_report_names_it() -> None:
    # Today a "三公" item has only its 合计 identity; a place of one of its budget columns must still be
    # written ``item.column``, the form the report names as 公务接待费（政府性基金）.
    split = _split("2.00", "1.00")
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(three_public=_three_public(split)))
    row = _RowIdentity(split, "three_public", None, "公务接待费",
                       Identity(rule="ROW-005", total="gov_fund", parts=("general_budget",)), item="reception")
    assert Places(doc).column_label(Location(table="three_public", column=row.column)) == "公务接待费（政府性基金）"
