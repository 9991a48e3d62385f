"""Hierarchy (HIER) findings as a reader sees them: the whole message and every place of a failing
finding, and the severity on both sides of the rounding boundary, for each rule.

Every expected message is written out by hand from the rule's identity and the figures put in:
``{table} {row}“{column}”：{identity}不成立，印为 {printed}，应为 {sum}（相差 {gap}）`` for an error,
``{table} {row}“{column}”：{identity}，{printed} 与 {sum} 相差 {gap}，在印刷数字的四舍五入误差之内``
within rounding. The rounding boundary: a total of ``n`` parts of two decimals may differ from their sum
by ``0.005 × (n + 1)`` (each printed figure is ±½ of its last digit; a zero printed without decimals
is exact and does not count), so by 0.01 for one or two parts and 0.02 for three.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import cnbudget.validation.rules.hierarchy as hierarchy
from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    CarryoverAmounts,
    CarryoverLine,
    CarryoverTable,
    EconomicCategoryAmounts,
    EconomicLine,
    ExpenditureAmounts,
    ExpenditureTable,
    FiscalAmounts,
    FiscalLine,
    FiscalSummaryTable,
    FunctionLine,
    ProcurementLine,
    ProcurementTable,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    RevenueTable,
    SourceSplit,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.validation import RULES, Finding, Location, Severity, validate
from cnbudget.vocab import FundingSource

D = Decimal
Place = tuple[str | None, str | None, str | None, str | None, str | None]  # table, agency, code, project, column


def _findings(rule: str, **tables: object) -> list[Finding]:
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(**tables))  # type: ignore[arg-type]
    return list(validate(doc, rules=[rule]).findings)


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def _places(finding: Finding) -> list[Place]:
    return [(p.table, p.agency, p.code, p.project, p.column) for p in finding.locations]


def _error(where: str, what: str, printed: str, expected: str, gap: str) -> str:
    return f"{where}：{what}不成立，印为 {printed}，应为 {expected}（相差 {gap}）"


def _info(where: str, what: str, printed: str, expected: str, gap: str) -> str:
    return f"{where}：{what}，{printed} 与 {expected} 相差 {gap}，在印刷数字的四舍五入误差之内"


def test_each_rule_has_the_titles_a_report_prints() -> None:
    titles = {
        "HIER-001": "功能分类：类 = 所属款之和", "HIER-002": "功能分类：款 = 所属项之和",
        "HIER-003": "经济分类：类 = 所属款之和", "HIER-004": "科目金额 = 所列项目之和",
        "HIER-005": "单位小计 = 该单位各行之和", "HIER-006": "表合计 = 各类（各单位）之和",
        "HIER-007": "收支总表：支出合计 = 各类支出之和", "HIER-008": "“三公”经费合计 = 各项之和",
        "HIER-009": "收入预算总表：收入总计 = 各来源小计之和", "HIER-010": "政府采购：合计 = 各品目大类之和 = …",
    }
    assert {rule: RULES[rule].title for rule in titles} == titles
    english = {
        "HIER-001": "Function classification: category = sum of its sections",
        "HIER-002": "Function classification: section = sum of its items",
        "HIER-003": "Economic classification: category = sum of its sections",
        "HIER-004": "Subject amount = sum of its projects", "HIER-005": "Agency subtotal = sum of the agency's rows",
        "HIER-006": "Table total = sum of the categories (agencies)",
        "HIER-007": "Summary: expenditure total = sum of the categories",
        "HIER-008": "Three public expenses: total = sum of the items",
        "HIER-009": "Revenue table: total = sum of the source subtotals",
        "HIER-010": "Procurement: total = sum of the categories = …",
    }
    assert {rule: RULES[rule].title_en for rule in english} == english


def test_the_names_the_module_exports_exist() -> None:
    assert hierarchy.__all__ and all(hasattr(hierarchy, name) for name in hierarchy.__all__)


# --- HIER-001, HIER-002, HIER-006: function tables -------------------------------------------------


def _fn(code: str | None, name: str, total: str, basic: str, project: str, agency: str | None = None) -> FunctionLine:
    return FunctionLine(code=FunctionCode(code) if code else None, name=name, agency=agency,
                        amounts=ExpenditureAmounts(total=D(total), basic=D(basic), project=D(project)))


def _health(basic_210: str = "100.00", total_row: str = "170.00", total_name: str = "合计") -> ExpenditureTable:
    # 210 = 21011 (款) + 2101501 (a 项 whose 款 21015 is not printed); 合计 = 210 + 221.
    return ExpenditureTable(lines=[
        _fn(None, total_name, total_row, "120.00", "50.00"),
        _fn("210", "卫生健康支出", "150.00", basic_210, "50.00"),
        _fn("21011", "行政事业单位医疗", "30.00", "30.00", "0"),
        _fn("2101101", "行政单位医疗", "30.00", "30.00", "0"),
        _fn("2101501", "行政运行", "120.00", "70.00", "50.00"),
        _fn("221", "住房保障支出", "20.00", "20.00", "0"),
        _fn("22102", "住房改革支出", "20.00", "20.00", "0"),
    ])


@pytest.mark.parametrize(("printed", "severity", "gap"), [("101.00", Severity.ERROR, "1.00"),
                                                          ("100.02", Severity.ERROR, "0.02"),
                                                          ("100.01", Severity.INFO, "0.01")])
def test_a_category_names_its_sections_and_items_and_every_place(printed: str, severity: Severity, gap: str) -> None:
    finding = _only(_findings("HIER-001", general_budget=_health(basic_210=printed)))
    where = "一般公共预算支出情况表 210 卫生健康支出“基本支出”"
    what = "类 = 所属款、项之和（21011、2101501）"
    message = (_error if severity is Severity.ERROR else _info)(where, what, printed, "100.00", gap)
    assert (finding.rule, finding.severity, finding.message) == ("HIER-001", severity, message)
    assert (finding.actual, finding.expected) == (D(printed), D("100.00"))
    assert _places(finding) == [("general_budget", None, "210", None, "basic"),
                                ("general_budget", None, "21011", None, "basic"),
                                ("general_budget", None, "2101501", None, "basic")]


@pytest.mark.parametrize(("total_name", "row"), [("合计", "合计"), ("合 计", "合计"), ("", "合计行")])
def test_a_table_total_names_its_categories(total_name: str, row: str) -> None:
    # A total row printed without a name (first in the table) is named 合计行; a spaced 合 计 is 合计.
    finding = _only(_findings("HIER-006", general_budget=_health(total_row="171.00", total_name=total_name)))
    assert finding.message == _error(f"一般公共预算支出情况表 {row}“合计”", "合计 = 各类之和（210、221）",
                                     "171.00", "170.00", "1.00")
    assert finding.severity is Severity.ERROR
    assert _places(finding) == [("general_budget", None, None, None, "total"),
                                ("general_budget", None, "210", None, "total"),
                                ("general_budget", None, "221", None, "total")]


def test_a_column_a_section_does_not_print_is_not_held_against_its_category() -> None:
    # 21011 prints no 项目支出: the 类's 项目支出 (50.00, off from nothing) is not checked; its 基本支出 is.
    table = ExpenditureTable(lines=[
        _fn("210", "卫生健康支出", "150.00", "101.00", "50.00"),
        FunctionLine(code=FunctionCode("21011"), name="行政事业单位医疗",
                     amounts=ExpenditureAmounts(total=D("150.00"), basic=D("100.00"), project=None)),
    ])
    finding = _only(_findings("HIER-001", general_budget=table))
    assert finding.message == _error("一般公共预算支出情况表 210 卫生健康支出“基本支出”", "类 = 所属款之和（21011）",
                                     "101.00", "100.00", "1.00")
    assert _places(finding) == [("general_budget", None, "210", None, "basic"),
                                ("general_budget", None, "21011", None, "basic")]


def test_a_table_total_one_cent_off_two_categories_is_within_rounding() -> None:
    finding = _only(_findings("HIER-006", general_budget=_health(total_row="170.01")))
    assert finding.severity is Severity.INFO
    assert finding.message == _info("一般公共预算支出情况表 合计“合计”", "合计 = 各类之和（210、221）",
                                    "170.01", "170.00", "0.01")


def test_a_section_in_an_agency_group_names_the_agency_in_its_message_and_places() -> None:
    unit = "示例中心"
    table = ExpenditureTable(lines=[
        _fn(None, unit, "20.00", "20.00", "0", agency=unit),
        _fn("210", "卫生健康支出", "20.00", "20.00", "0", agency=unit),
        _fn("21015", "医疗保障管理事务", "20.00", "21.00", "0", agency=unit),
        _fn("2101501", "行政运行", "12.00", "12.00", "0", agency=unit),
        _fn("2101502", "一般行政管理事务", "8.00", "8.00", "0", agency=unit),
    ])
    finding = _only(_findings("HIER-002", general_budget=table))
    assert finding.message == _error("一般公共预算支出情况表 示例中心 21015 医疗保障管理事务“基本支出”",
                                     "款 = 所属项之和（2101501、2101502）", "21.00", "20.00", "1.00")
    assert _places(finding) == [("general_budget", unit, "21015", None, "basic"),
                                ("general_budget", unit, "2101501", None, "basic"),
                                ("general_budget", unit, "2101502", None, "basic")]


# --- HIER-001, HIER-002 on the expenditure side of the two-sided summary tables ----------------------


def _exp(role: SummaryRole, name: str, amount: str, code: str | None = None) -> SummaryLine:
    return SummaryLine(role=role, name=name, code=FunctionCode(code) if code else None, amount=D(amount))


def test_a_summary_category_printed_with_its_sections_is_their_sum() -> None:
    summary = SummaryTable(
        revenue=[_exp(SummaryRole.SOURCE, "一般公共预算拨款收入", "40.00"),
                 _exp(SummaryRole.TOTAL, "收入总计", "40.00")],
        expenditure=[_exp(SummaryRole.FUNCTION, "卫生健康支出", "40.00", "210"),
                     _exp(SummaryRole.FUNCTION, "行政事业单位医疗", "10.00", "21011"),
                     _exp(SummaryRole.FUNCTION, "医疗保障管理事务", "20.00", "21015"),
                     _exp(SummaryRole.TOTAL, "支出总计", "40.00")])
    finding = _only(_findings("HIER-001", summary=summary))
    assert finding.message == _error("收支总体情况表 210 卫生健康支出“金额”", "类 = 所属款之和（21011、21015）",
                                     "40.00", "30.00", "10.00")
    assert _places(finding) == [("summary", None, "210", None, "amount"), ("summary", None, "21011", None, "amount"),
                                ("summary", None, "21015", None, "amount")]


def test_a_fiscal_summary_section_printed_with_its_items_is_their_sum() -> None:
    def line(code: str, name: str, total: str, general: str) -> FiscalLine:
        return FiscalLine(role=SummaryRole.FUNCTION, name=name, code=FunctionCode(code),
                          amounts=FiscalAmounts(total=D(total), general_budget=D(general)))
    fiscal = FiscalSummaryTable(expenditure=[
        line("210", "卫生健康支出", "20.00", "20.00"), line("21015", "医疗保障管理事务", "20.00", "20.01"),
        line("2101501", "行政运行", "12.00", "12.00"), line("2101502", "一般行政管理事务", "8.00", "8.00"),
        FiscalLine(role=SummaryRole.TOTAL, name="支出总计", amounts=FiscalAmounts(total=D("20.00")))])
    finding = _only(_findings("HIER-002", fiscal_summary=fiscal))
    assert finding.severity is Severity.INFO
    assert finding.message == _info("财政拨款收支总体情况表 21015 医疗保障管理事务“一般公共预算”",
                                    "款 = 所属项之和（2101501、2101502）", "20.01", "20.00", "0.01")
    assert _places(finding) == [("fiscal_summary", None, "21015", None, "general_budget"),
                                ("fiscal_summary", None, "2101501", None, "general_budget"),
                                ("fiscal_summary", None, "2101502", None, "general_budget")]


# --- figures printed under the wrong columns (错栏) ---------------------------------------------------


def test_figures_under_the_wrong_columns_say_what_each_column_prints_and_should() -> None:
    # 21015's 项 put 20.00 under 基本支出 and nothing under 项目支出; the 款 prints them the other way round.
    table = ExpenditureTable(lines=[
        _fn("21015", "医疗保障管理事务", "20.00", "0.00", "20.00"),
        _fn("2101501", "行政运行", "12.00", "12.00", "0.00"),
        _fn("2101502", "一般行政管理事务", "8.00", "8.00", "0.00"),
    ])
    finding = _only(_findings("HIER-002", general_budget=table))
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "一般公共预算支出情况表 21015 医疗保障管理事务：款 = 所属项之和（2101501、2101502）不成立，数字印错了栏目："
        "“基本支出”印为 0，应为 20.00；“项目支出”印为 20.00，应为 0（同样的数字，所在栏目与下级各行不同）")
    assert _places(finding) == [("general_budget", None, "21015", None, "basic"),
                                ("general_budget", None, "21015", None, "project")]


# --- HIER-003: economic classification -------------------------------------------------------------


def _econ(code: str | None, name: str, personnel: str, gov: str | None = None,
          total: str | None = None) -> EconomicLine:
    amounts = BasicAmounts(total=D(total or personnel), personnel=D(personnel), public=D(0))
    return EconomicLine(code=EconomicCode(code) if code else None, gov_code=GovEconomicCode(gov) if gov else None,
                        name=name, amounts=amounts)


@pytest.mark.parametrize(("printed", "severity", "gap"), [("796.21", Severity.INFO, "0.01"),
                                                          ("796.22", Severity.ERROR, "0.02")])
def test_an_economic_category_names_its_sections(printed: str, severity: Severity, gap: str) -> None:
    table = BasicExpenditureTable(lines=[_econ("301", "工资福利支出", printed, total="796.20"),
                                         _econ("30101", "基本工资", "455.88"), _econ("30102", "津贴补贴", "340.32")])
    finding = _only(_findings("HIER-003", general_budget_basic=table))
    message = _error if severity is Severity.ERROR else _info
    assert finding.severity is severity
    assert finding.message == message("一般公共预算基本支出情况表 301 工资福利支出“人员经费”",
                                      "类 = 所属款之和（30101、30102）", printed, "796.20", gap)
    assert _places(finding) == [("general_budget_basic", None, "301", None, "personnel"),
                                ("general_budget_basic", None, "30101", None, "personnel"),
                                ("general_budget_basic", None, "30102", None, "personnel")]


def test_a_government_economic_category_names_the_government_codes_of_its_sections() -> None:
    # 501 printed without a 部门 code over rows carrying 政府 款 codes beside their 部门 codes. A place
    # holds one code, the row's 部门 code: the 501 row has none and is named by its name.
    table = BasicExpenditureTable(lines=[_econ(None, "机关工资福利支出", "797.20", "501", total="796.20"),
                                         _econ("30101", "基本工资", "455.88", "50101"),
                                         _econ("30108", "机关事业单位基本养老保险缴费", "340.32", "50102")])
    finding = _only(_findings("HIER-003", general_budget_basic=table))
    assert finding.message == _error("一般公共预算基本支出情况表 机关工资福利支出“人员经费”",
                                     "类 = 所属款之和（50101、50102）", "797.20", "796.20", "1.00")
    assert _places(finding) == [("general_budget_basic", None, None, None, "personnel"),
                                ("general_budget_basic", None, "30101", None, "personnel"),
                                ("general_budget_basic", None, "30108", None, "personnel")]


# --- HIER-004: a code row and its projects ---------------------------------------------------------


@pytest.mark.parametrize(("printed", "severity"), [("114.29", Severity.INFO), ("114.30", Severity.ERROR)])
def test_a_code_row_names_its_projects(printed: str, severity: Severity) -> None:
    def line(total: str, goods: str, project: str | None) -> ProjectExpenditureLine:
        return ProjectExpenditureLine(code=FunctionCode("2101599"), name="其他医疗保障管理事务支出", project=project,
                                      amounts=EconomicCategoryAmounts(total=D(total), goods_services=D(goods)))
    table = ProjectExpenditureTable(lines=[line("114.28", printed, None), line("90.01", "90.01", "2024年综合业务费"),
                                           line("24.27", "24.27", "2024年稽核费")])
    finding = _only(_findings("HIER-004", general_budget_projects=table))
    message = _error if severity is Severity.ERROR else _info
    gap = "0.01" if severity is Severity.INFO else "0.02"
    assert finding.severity is severity
    assert finding.message == message("一般公共预算项目支出情况表 2101599 其他医疗保障管理事务支出“商品和服务支出”",
                                      "科目金额 = 所列项目之和（2024年综合业务费、2024年稽核费）",
                                      printed, "114.28", gap)
    key = "general_budget_projects"
    assert _places(finding) == [(key, None, "2101599", None, "goods_services"),
                                (key, None, "2101599", "2024年综合业务费", "goods_services"),
                                (key, None, "2101599", "2024年稽核费", "goods_services")]


# --- HIER-005, HIER-006: agencies and projects -----------------------------------------------------


def _carry(name: str, total: str, agency: str | None = None, project: str | None = None,
           fiscal: str | None = None) -> CarryoverLine:
    return CarryoverLine(agency=agency, name=name, project=project,
                         amounts=CarryoverAmounts(total=D(total), fiscal=D(fiscal or total)))


def test_an_agency_row_names_its_projects_and_the_agency() -> None:
    unit = "示例事业发展中心"
    table = CarryoverTable(lines=[
        _carry("总计", "55.16"), _carry(unit, "55.16", unit, fiscal="56.16"),
        _carry("2023年直达资金", "24.65", unit, "2023年直达资金"),
        _carry("2023年全民参保补助资金", "30.51", unit, "2023年全民参保补助资金")])
    finding = _only(_findings("HIER-005", carryover=table))
    assert finding.message == _error("上年结转结余情况明细表 示例事业发展中心“财政拨款合计”",
                                     "单位小计 = 该单位各行之和（2023年直达资金、2023年全民参保补助资金）",
                                     "56.16", "55.16", "1.00")
    assert _places(finding) == [("carryover", unit, None, None, "fiscal"),
                                ("carryover", unit, None, "2023年直达资金", "fiscal"),
                                ("carryover", unit, None, "2023年全民参保补助资金", "fiscal")]


def test_a_message_lists_eight_rows_and_counts_the_rest() -> None:
    unit = "示例中心"
    projects = [f"项目{n}" for n in range(1, 10)]
    nine = [_carry(p, "1.00", unit, p) for p in projects]
    table = CarryoverTable(lines=[_carry(unit, "10.00", unit, fiscal="9.00"), *nine])
    finding = _only(_findings("HIER-005", carryover=table))
    listed = "项目1、项目2、项目3、项目4、项目5、项目6、项目7、项目8等 9 行"
    assert finding.message.startswith(
        f"上年结转结余情况明细表 示例中心“总计”：单位小计 = 该单位各行之和（{listed}）不成立")
    eight = CarryoverTable(lines=[_carry(unit, "9.00", unit, fiscal="8.00"), *nine[:8]])
    finding = _only(_findings("HIER-005", carryover=eight))
    assert f"该单位各行之和（{listed[:-5]}）不成立" in finding.message


def test_a_total_over_agencies_names_each_agency() -> None:
    table = CarryoverTable(lines=[
        _carry("总 计", "16.00", fiscal="15.00"),
        _carry("甲单位", "10.00", "甲单位"), _carry("甲项目", "10.00", "甲单位", "甲项目"),
        _carry("乙单位", "5.00", "乙单位"), _carry("乙项目", "5.00", "乙单位", "乙项目")])
    finding = _only(_findings("HIER-006", carryover=table))
    assert finding.message == _error("上年结转结余情况明细表 总计“总计”", "合计 = 各单位之和（甲单位、乙单位）",
                                     "16.00", "15.00", "1.00")
    assert _places(finding) == [("carryover", None, None, None, "total"), ("carryover", "甲单位", None, None, "total"),
                                ("carryover", "乙单位", None, None, "total")]


def test_a_total_over_projects_printed_without_a_name_names_each_project() -> None:
    table = CarryoverTable(lines=[_carry("", "9.00", fiscal="8.00"), _carry("甲项目", "4.00", project="甲项目"),
                                  _carry("乙项目", "4.00", project="乙项目")])
    finding = _only(_findings("HIER-006", carryover=table))
    assert finding.message == _error("上年结转结余情况明细表 合计行“总计”", "合计 = 各项目之和（甲项目、乙项目）",
                                     "9.00", "8.00", "1.00")
    assert _places(finding) == [("carryover", None, None, None, "total"), ("carryover", None, None, "甲项目", "total"),
                                ("carryover", None, None, "乙项目", "total")]


# --- HIER-007: the expenditure side of the summary table -------------------------------------------


def _side(*lines: SummaryLine) -> SummaryTable:
    return SummaryTable(expenditure=list(lines))


F, U, C, Y, T = (SummaryRole.FUNCTION, SummaryRole.USE, SummaryRole.CURRENT_YEAR, SummaryRole.YEAR_END_CARRYOVER,
                 SummaryRole.TOTAL)
# 206 + 210 = 22.63 + 2,951.13 = 2,973.76; 210's 款 (951.13 + 2,000.00) are not 类 of their own.
CATEGORIES = (_exp(F, "科学技术支出", "22.63", "206"), _exp(F, "卫生健康支出", "2951.13", "210"),
              _exp(F, "行政事业单位医疗", "951.13", "21011"), _exp(F, "医疗保障管理事务", "2000.00", "21015"))


def test_this_years_spending_names_the_categories_and_the_total_adds_the_carryover() -> None:
    table = _side(*CATEGORIES, _exp(C, "本年支出合计", "2974.76"), _exp(Y, "年终结转结余", "10.00"),
                  _exp(T, "支出总计", "2983.76"))
    current, total = _findings("HIER-007", summary=table)
    assert current.message == _error("收支总体情况表“本年支出合计”", "本年支出合计 = 各类支出之和（206、210）",
                                     "2,974.76", "2,973.76", "1.00")
    assert _places(current) == [("summary", None, None, None, "amount"), ("summary", None, "206", None, "amount"),
                                ("summary", None, "210", None, "amount")]
    assert total.message == _error("收支总体情况表“支出总计”", "支出总计 = 本年支出合计 + 年终结转结余",
                                   "2,983.76", "2,984.76", "1.00")
    assert _places(total) == [("summary", None, None, None, "amount"), ("summary", None, None, None, "amount"),
                              ("summary", None, None, None, "amount")]


@pytest.mark.parametrize(("printed", "severity", "gap"), [("2983.78", Severity.INFO, "0.02"),
                                                          ("2983.79", Severity.ERROR, "0.03")])
def test_the_total_without_this_years_line_is_the_categories_and_the_carryover(printed: str, severity: Severity,
                                                                               gap: str) -> None:
    table = _side(*CATEGORIES, _exp(Y, "年终 结转结余", "10.00"), _exp(T, "支出 总计", printed))
    finding = _only(_findings("HIER-007", summary=table))
    message = _error if severity is Severity.ERROR else _info
    assert finding.severity is severity
    assert finding.message == message("收支总体情况表“支出总计”", "支出总计 = 各类支出之和（206、210） + 年终结转结余",
                                      printed[:1] + "," + printed[1:], "2,983.76", gap)
    assert _places(finding) == [("summary", None, None, None, "amount"), ("summary", None, "206", None, "amount"),
                                ("summary", None, "210", None, "amount"), ("summary", None, None, None, "amount")]


def test_only_the_last_total_line_is_this_years_spending_plus_the_carryover() -> None:
    # 支出合计 before 年终结转结余 is this year's spending; 支出总计, the last total line, adds the carryover.
    table = _side(*CATEGORIES, _exp(T, "支出合计", "2973.76"), _exp(Y, "年终结转结余", "10.00"),
                  _exp(T, "支出总计", "2983.76"))
    assert _findings("HIER-007", summary=table) == []


def test_this_years_spending_printed_twice_is_counted_once_in_the_total() -> None:
    table = _side(*CATEGORIES, _exp(C, "本年支出合计", "2973.76"), _exp(C, "本年支出小计", "2973.76"),
                  _exp(Y, "年终结转结余", "10.00"), _exp(T, "支出总计", "2983.76"))
    assert _findings("HIER-007", summary=table) == []


def test_uses_are_named_by_their_names() -> None:
    table = _side(_exp(U, "基本支出", "65.00"), _exp(U, "项目支出", "30.00"), _exp(C, "本年支出合计", "96.00"),
                  _exp(T, "支出总计", "96.00"))
    finding = _only(_findings("HIER-007", summary=table))
    assert finding.message == _error("收支总体情况表“本年支出合计”",
                                     "本年支出合计 = 各用途支出之和（基本支出、项目支出）", "96.00", "95.00", "1.00")


def _split_line(role: SummaryRole, name: str, total: str, basic: str | None, project: str | None,
                code: str | None = None) -> SummaryLine:
    amounts = ExpenditureAmounts(total=D(total), basic=None if basic is None else D(basic),
                                 project=None if project is None else D(project))
    return SummaryLine(role=role, name=name, code=FunctionCode(code) if code else None, amount=D(total),
                       amounts=amounts)


def test_a_side_split_into_basic_and_project_spending_names_the_column() -> None:
    # The carryover line prints its 合计 only: 支出总计's 基本支出 and 项目支出 are not checked against it.
    table = _side(_split_line(F, "科学技术支出", "20.00", "15.00", "5.00", "206"),
                  _split_line(F, "卫生健康支出", "30.00", "20.00", "10.00", "210"),
                  _split_line(C, "本年支出合计", "50.00", "36.00", "15.00"),
                  _split_line(Y, "年终结转结余", "4.00", None, None),
                  _split_line(T, "支出总计", "54.00", "38.00", "16.00"))
    finding = _only(_findings("HIER-007", summary=table))
    assert finding.message == _error("收支总体情况表“本年支出合计”“基本支出”",
                                     "本年支出合计 = 各类支出之和（206、210）", "36.00", "35.00", "1.00")
    assert _places(finding) == [("summary", None, None, None, "basic"), ("summary", None, "206", None, "basic"),
                                ("summary", None, "210", None, "basic")]


# --- HIER-008: 三公经费 -----------------------------------------------------------------------------


def _split(value: str, general: str | None = None) -> SourceSplit:
    return SourceSplit(total=D(value), general_budget=D(general or value))


# Each column differs by its own amount: the same difference in two columns would be one finding.
def _three_public(total: str = "3.50", vehicles: str = "3.00", general: str | None = None,
                  general_vehicles: str | None = None) -> ThreePublicTable:
    return ThreePublicTable(total=_split(total, general), overseas_travel=_split("0"),
                            vehicles=_split(vehicles, general_vehicles),
                            vehicle_purchase=_split("0"), vehicle_operation=_split("3.00"), reception=_split("0.50"))


def test_the_three_public_total_is_held_in_each_budget_column_and_placed_there() -> None:
    findings = _findings("HIER-008", three_public=_three_public(total="4.50", general="3.70"))
    what = "合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费"
    assert [f.message for f in findings] == [
        _error("“三公”经费支出情况表“合计”“合计”", what, "4.50", "3.50", "1.00"),
        _error("“三公”经费支出情况表“合计”“一般公共预算”", what, "3.70", "3.50", "0.20")]
    assert [_places(f) for f in findings] == [[("three_public", None, None, None, "total")],
                                              [("three_public", None, None, None, "total.general_budget")]]


def test_the_vehicles_line_is_its_purchase_and_operation() -> None:
    findings = _findings("HIER-008", three_public=_three_public(total="4.50", vehicles="4.00", general="4.20",
                                                                general_vehicles="3.70"))
    vehicles = [f for f in findings if "公务用车购置及运行费 = " in f.message]
    what = "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费"
    assert [f.message for f in vehicles] == [
        _error("“三公”经费支出情况表“公务用车购置及运行费”“合计”", what, "4.00", "3.00", "1.00"),
        _error("“三公”经费支出情况表“公务用车购置及运行费”“一般公共预算”", what, "3.70", "3.00", "0.70")]
    assert [_places(f) for f in vehicles] == [[("three_public", None, None, None, "vehicles")],
                                              [("three_public", None, None, None, "vehicles.general_budget")]]


@pytest.mark.parametrize(("printed", "severity"), [("3.51", Severity.INFO), ("3.52", Severity.ERROR)])
def test_a_zero_printed_without_decimals_is_exact(printed: str, severity: Severity) -> None:
    # 因公出国（境）费 0 is exact: 3.00 and 0.50 leave the total 0.015 either way.
    finding = _only(_findings("HIER-008", three_public=_three_public(total=printed, general="3.50")))
    assert finding.severity is severity


# --- HIER-009: revenue listed by source ------------------------------------------------------------


def _src(name: str, amount: str, source: FundingSource | None = None, role: SummaryRole | None = None) -> SummaryLine:
    role = role or (SummaryRole.SOURCE if source else SummaryRole.OTHER)
    return SummaryLine(role=role, name=name, source=source, amount=D(amount))


def _sources(total: str = "105.00", other_income: str = "5.00") -> RevenueTable:
    return RevenueTable(title="收入预算总表", sources=[
        _src("收入总计", total, role=SummaryRole.TOTAL),
        _src("一般公共预算资金", "100.00", FundingSource.GENERAL_BUDGET),
        _src("公共财政拨款(补助)资金", "100.00"), _src("专项收入", "0"),
        _src("其他资金", "5.00", FundingSource.AGENCY_FUNDS),
        _src("事业收入", "0", FundingSource.BUSINESS_INCOME),
        _src("其他收入", other_income, FundingSource.OTHER_INCOME),
        _src("上年结转和结余资金", "0", FundingSource.CARRYOVER), _src("其中：动用上年结转和结余资金", "0")])


def test_a_source_subtotal_names_its_items() -> None:
    finding = _only(_findings("HIER-009", revenue=_sources(other_income="4.00")))
    assert finding.message == _error("收入预算总表“其他资金”", "小计 = 所列各项之和（事业收入、其他收入）",
                                     "5.00", "4.00", "1.00")
    assert _places(finding) == [("revenue", None, None, None, "amount")] * 3


# 上年结转和结余资金 prints 0, an exact zero: 100.00 and 5.00 leave the total 0.015 either way.
@pytest.mark.parametrize(("printed", "severity"), [("104.00", Severity.ERROR), ("105.01", Severity.INFO),
                                                   ("105.02", Severity.ERROR)])
def test_the_revenue_total_names_each_source_subtotal(printed: str, severity: Severity) -> None:
    finding = _only(_findings("HIER-009", revenue=_sources(total=printed)))
    gap = str(abs(D(printed) - D("105.00")))
    message = _error if severity is Severity.ERROR else _info
    assert finding.severity is severity
    assert finding.message == message("收入预算总表“收入总计”",
                                      "收入总计 = 各来源小计之和（一般公共预算资金、其他资金、上年结转和结余资金）",
                                      printed, "105.00", gap)
    assert _places(finding) == [("revenue", None, None, None, "amount")] * 4


# --- HIER-010: procurement -------------------------------------------------------------------------


def _bought(category: str | None, name: str, amount: str, subject: tuple[str, str] | None = None,
            method: str | None = None) -> ProcurementLine:
    project, subject_name = subject or (None, None)
    return ProcurementLine(category=category, project=project, subject=subject_name, name=name,
                           item=name if method else None, method=method, amount=D(amount))


OFFICE = ("办公设备购置", "办公设备购置")
MEETING = ("商品和服务支出", "会议费")


def _procurement(total: str = "12.00", goods: str = "7.00", printer: str = "3.00", *,
                 categories: bool = True, services: bool = True) -> ProcurementTable:
    lines = [_bought(None, "合计", total),
             _bought("货物", "一、货物A", goods), _bought("货物", "办公设备购置", "7.00", OFFICE),
             _bought("货物", "台式计算机", "4.00", OFFICE, "政府集中采购"),
             _bought("货物", "打印设备", printer, OFFICE, "分散自行组织")]
    if services:
        lines += [_bought("服务", "三、服务C", "5.00"), _bought("服务", "会议费", "5.00", MEETING),
                  _bought("服务", "会议服务", "5.00", MEETING, "分散自行组织")]
    return ProcurementTable(lines=[line for line in lines if categories or line.level != "category"])


def test_a_subject_names_the_items_bought_under_it() -> None:
    finding = _only(_findings("HIER-010", procurement=_procurement(printer="2.00")))
    assert finding.message == _error("政府采购支出预算表“办公设备购置”",
                                     "专项经济科目金额 = 所列各采购物品之和（台式计算机、打印设备）",
                                     "7.00", "6.00", "1.00")
    assert _places(finding) == [("procurement", None, None, "办公设备购置", "amount")] * 3


def test_a_category_names_its_subjects() -> None:
    finding = _only(_findings("HIER-010", procurement=_procurement(total="13.00", goods="8.00")))
    assert finding.message == _error("政府采购支出预算表“一、货物A”",
                                     "采购品目大类金额 = 所列各专项经济科目之和（办公设备购置）",
                                     "8.00", "7.00", "1.00")
    assert _places(finding) == [("procurement", None, None, None, "amount"),
                                ("procurement", None, None, "办公设备购置", "amount")]


@pytest.mark.parametrize(("printed", "severity", "gap"), [("12.01", Severity.INFO, "0.01"),
                                                          ("12.02", Severity.ERROR, "0.02")])
def test_the_total_names_the_categories(printed: str, severity: Severity, gap: str) -> None:
    finding = _only(_findings("HIER-010", procurement=_procurement(total=printed)))
    message = _error if severity is Severity.ERROR else _info
    assert finding.severity is severity
    assert finding.message == message("政府采购支出预算表“合计”", "合计 = 各采购品目大类之和（一、货物A、三、服务C）",
                                      printed, "12.00", gap)
    assert _places(finding) == [("procurement", None, None, None, "amount")] * 3


def test_a_total_printed_without_categories_names_the_subjects() -> None:
    finding = _only(_findings("HIER-010", procurement=_procurement(total="11.00", categories=False)))
    assert finding.message == _error("政府采购支出预算表“合计”", "合计 = 各专项经济科目之和（办公设备购置、会议费）",
                                     "11.00", "12.00", "1.00")
    assert _places(finding) == [("procurement", None, None, None, "amount"),
                                ("procurement", None, None, "办公设备购置", "amount"),
                                ("procurement", None, None, "商品和服务支出", "amount")]


def test_a_total_over_one_category_is_that_category() -> None:
    assert _findings("HIER-010", procurement=_procurement(total="7.00", services=False)) == []
    finding = _only(_findings("HIER-010", procurement=_procurement(total="8.00", services=False)))
    assert finding.message == _error("政府采购支出预算表“合计”", "合计 = 各采购品目大类之和（一、货物A）",
                                     "8.00", "7.00", "1.00")


def test_an_item_belongs_to_the_subject_right_above_it() -> None:
    # Two subjects in a row: each item adds up to the subject printed nearest above it.
    lines = [_bought(None, "合计", "9.00"), _bought("货物", "一、货物A", "9.00"),
             _bought("货物", "办公设备购置", "4.00", OFFICE),
             _bought("货物", "台式计算机", "4.00", OFFICE, "政府集中采购"),
             _bought("货物", "专用设备购置", "5.00", ("专用设备购置", "专用设备购置")),
             _bought("货物", "检测设备", "5.00", ("专用设备购置", "专用设备购置"), "分散自行组织")]
    assert _findings("HIER-010", procurement=ProcurementTable(lines=lines)) == []


def test_a_subject_is_named_by_its_subject_and_project() -> None:
    # 会议费 under the project 商品和服务支出: the row's own name and its project name it.
    lines = [_bought(None, "合计", "5.00"), _bought("服务", "三、服务C", "5.00"),
             _bought("服务", "会议费", "5.00", MEETING), _bought("服务", "会议服务", "4.00", MEETING, "分散自行组织")]
    finding = _only(_findings("HIER-010", procurement=ProcurementTable(lines=lines)))
    assert finding.message == _error("政府采购支出预算表“会议费 商品和服务支出”",
                                     "专项经济科目金额 = 所列各采购物品之和（会议服务）", "5.00", "4.00", "1.00")
    assert _places(finding) == [("procurement", None, None, "商品和服务支出", "amount")] * 2


def test_a_row_never_belongs_to_a_row_below_it() -> None:
    # The first subject is printed before any category: it is a top row, not a part of the category
    # printed last (with nothing under it).
    lines = [_bought(None, "合计", "5.00"), _bought(None, "会议费", "5.00", MEETING),
             _bought(None, "会议服务", "5.00", MEETING, "分散自行组织"), _bought("服务", "三、服务C", "0")]
    assert _findings("HIER-010", procurement=ProcurementTable(lines=lines)) == []


def test_location_fields_are_the_ones_a_report_reads() -> None:
    # The places above compare five fields; a place printed with no line or page keeps them empty.
    finding = _only(_findings("HIER-010", procurement=_procurement(total="8.00", services=False)))
    assert finding.locations[0] == Location(table="procurement", column="amount")
