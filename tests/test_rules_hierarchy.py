"""Hierarchy (HIER): each subtotal with a passing, failing, rounding and absent-input fixture."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import EconomicCode, FunctionCode
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
    FunctionLine,
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
from cnbudget.validation import Finding, Severity, validate
from cnbudget.validation.rules.hierarchy import _by_part, _Operands
from cnbudget.validation.rules.hierarchy_outline import Part, Sum, outline
from tests.present import present
from tests.seeds import seed_path
from tests.test_rules_cross_table import jiangsu

D = Decimal

# 项 codes with their names; the 类 and 款 above them are worked out from the codes.
ITEMS = {
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "2101501": "行政运行",
    "2101502": "一般行政管理事务",
    "2210201": "住房公积金",
}
NAMES = {"210": "卫生健康支出", "21011": "行政事业单位医疗", "21015": "医疗保障管理事务",
         "221": "住房保障支出", "22102": "住房改革支出", **ITEMS}


def _line(code: str | None, total: Decimal, basic: Decimal, project: Decimal) -> FunctionLine:
    return FunctionLine(code=FunctionCode(code) if code else None, name=NAMES[code] if code else "合计",
                        amounts=ExpenditureAmounts(total=total, basic=basic, project=project))


def _function_table(leaves: dict[str, tuple[Decimal, Decimal]],
                    printed: dict[tuple[str | None, str], Decimal] | None = None) -> ExpenditureTable:
    """合计, then each 类, 款 and 项 in code order, every subtotal the exact sum of its rows, except
    the cells in ``printed`` ((code, column) → figure; code ``None`` is 合计)."""
    codes = sorted({c[:n] for c in leaves for n in (3, 5, 7)}, key=lambda c: (c[:3], c[:5], len(c), c))
    lines = []
    for code in [None, *codes]:
        basic = sum((b for c, (b, _) in leaves.items() if code is None or c.startswith(code)), D(0))
        project = sum((p for c, (_, p) in leaves.items() if code is None or c.startswith(code)), D(0))
        cells = {"total": basic + project, "basic": basic, "project": project}
        cells.update({column: value for (c, column), value in (printed or {}).items() if c == code})
        lines.append(_line(code, cells["total"], cells["basic"], cells["project"]))
    return ExpenditureTable(lines=lines)


LEAVES = {
    "2101101": (D("16.86"), D("0")),
    "2101102": (D("7.75"), D("0")),
    "2101501": (D("261.86"), D("11.40")),
    "2101502": (D("0"), D("13.90")),
    "2210201": (D("46.42"), D("0")),
}


def _doc(**tables: Any) -> BudgetDisclosure:
    """A document holding the tables named by key (each key holds its own table type)."""
    return BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(**tables))


def _check(rule: str, **tables: Any) -> list[Finding]:
    return list(validate(_doc(**tables), rules=[rule]).findings)


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


# --- HIER-001, HIER-002, HIER-006: function tables -------------------------------------------------


@pytest.mark.parametrize("rule", ["HIER-001", "HIER-002", "HIER-004", "HIER-005", "HIER-006"])
def test_a_table_that_adds_up_has_no_finding(rule: str) -> None:
    assert _check(rule, general_budget=_function_table(LEAVES)) == []


@pytest.mark.parametrize(
    ("rule", "code", "column", "printed", "expected"),
    [
        ("HIER-001", "210", "basic", "290.47", "286.47"),  # 类 = 21011 + 21015 = 24.61 + 261.86
        ("HIER-002", "21015", "project", "25.00", "25.30"),  # 款 = 2101501 + 2101502
        ("HIER-006", None, "total", "360.19", "358.19"),  # 合计 = 210 + 221
    ],
)
def test_a_subtotal_that_does_not_add_up_is_an_error(
    rule: str, code: str | None, column: str, printed: str, expected: str
) -> None:
    table = _function_table(LEAVES, {(code, column): D(printed)})
    finding = _only(_check(rule, general_budget=table))
    assert finding.severity is Severity.ERROR
    assert (finding.expected, finding.actual) == (D(expected), D(printed))
    first = finding.locations[0]
    assert (first.table, first.code, first.column) == ("general_budget", code, column)
    assert printed in finding.message.replace(",", "") and expected in finding.message.replace(",", "")


@pytest.mark.parametrize(
    ("rule", "code", "column", "printed"),
    [
        ("HIER-001", "210", "basic", "286.48"),  # parts of 2 decimals: their sum may be off by 0.01
        ("HIER-002", "21015", "project", "25.29"),
        ("HIER-006", None, "total", "358.20"),
    ],
)
def test_a_difference_within_rounding_is_info(rule: str, code: str | None, column: str, printed: str) -> None:
    finding = _only(_check(rule, general_budget=_function_table(LEAVES, {(code, column): D(printed)})))
    assert finding.severity is Severity.INFO


def test_a_difference_of_one_more_cent_than_rounding_allows_is_an_error() -> None:
    # 21015 has two 项: ±0.005 each and ±0.005 on the 款 itself allow 0.015 at most.
    finding = _only(_check("HIER-002", general_budget=_function_table(LEAVES, {("21015", "project"): D("25.28")})))
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("rule", ["HIER-001", "HIER-002", "HIER-003", "HIER-004", "HIER-005", "HIER-006",
                                  "HIER-007", "HIER-008", "HIER-009", "HIER-010"])
def test_an_absent_table_runs_nothing(rule: str) -> None:
    report = validate(_doc(), rules=[rule])
    assert report.findings == ()
    if rule in ("HIER-008", "HIER-009", "HIER-010"):
        assert rule in report.rules_skipped


def test_a_category_printed_without_rows_below_is_not_checked() -> None:
    lines = [_line("210", D("10"), D("10"), D("0")), _line("221", D("5"), D("5"), D("0")),
             _line(None, D("15"), D("15"), D("0"))]
    assert _check("HIER-001", general_budget=ExpenditureTable(lines=lines)) == []
    assert _check("HIER-006", general_budget=ExpenditureTable(lines=lines)) == []


def test_a_column_the_template_does_not_print_is_not_checked() -> None:
    lines = [FunctionLine(code=FunctionCode("210"), name="卫生健康支出", amounts=ExpenditureAmounts(total=D("5"))),
             FunctionLine(code=FunctionCode("21015"), name="医疗保障管理事务",
                          amounts=ExpenditureAmounts(total=D("5"), basic=D("3")))]
    assert _check("HIER-001", general_budget=ExpenditureTable(lines=lines)) == []


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.decimals(min_value=0, max_value=99999, places=2), min_size=5, max_size=5),
    victim=st.sampled_from(sorted(ITEMS)),
    shift=st.decimals(min_value=D("0.02"), max_value=50, places=2),
)
def test_any_table_built_from_its_items_adds_up_and_a_changed_item_is_noticed(
    values: list[Decimal], victim: str, shift: Decimal
) -> None:
    leaves = {code: (value, D(0)) for code, value in zip(sorted(ITEMS), values, strict=True)}
    assert validate(_doc(general_budget=_function_table(leaves)), rules=["HIER"]).findings == ()
    # The 项 cell is printed differently from what its 款 was built from: the 款 no longer adds up.
    changed = _function_table(leaves, {(victim, "basic"): leaves[victim][0] + shift})
    errors = validate(_doc(general_budget=changed), rules=["HIER-002"]).errors
    assert [(f.locations[0].code, f.locations[0].column) for f in errors] == [(victim[:5], "basic")]


def test_figures_printed_under_the_wrong_columns_are_one_finding() -> None:
    # 21015 prints its 基本支出 under 项目支出 and the other way round: the same two figures, swapped.
    table = _function_table(LEAVES, {("21015", "basic"): D("25.30"), ("21015", "project"): D("261.86")})
    (found,) = _check("HIER-002", general_budget=table)
    assert found.severity is Severity.ERROR and "印错了栏目" in found.message
    assert [place.column for place in found.locations] == ["basic", "project"]


def test_figures_that_differ_in_two_columns_are_two_findings() -> None:
    table = _function_table(LEAVES, {("21015", "basic"): D("300.00"), ("21015", "project"): D("30.00")})
    findings = _check("HIER-002", general_budget=table)
    assert [f.locations[0].column for f in findings] == ["basic", "project"]


# --- HIER-003: economic classification -------------------------------------------------------------


def _basic_table(category: str) -> BasicExpenditureTable:
    def line(code: str, name: str, personnel: str) -> EconomicLine:
        return EconomicLine(code=EconomicCode(code), name=name,
                            amounts=BasicAmounts(total=D(personnel), personnel=D(personnel), public=D(0)))
    return BasicExpenditureTable(lines=[line("301", "工资福利支出", category), line("30101", "基本工资", "455.88"),
                                        line("30102", "津贴补贴", "340.32")])


@pytest.mark.parametrize(("printed", "severity"), [("796.20", None), ("796.21", Severity.INFO),
                                                   ("796.30", Severity.ERROR)])
def test_an_economic_category_is_the_sum_of_its_sections(printed: str, severity: Severity | None) -> None:
    findings = _check("HIER-003", general_budget_basic=_basic_table(printed))
    assert {f.severity for f in findings} == ({severity} if severity else set())
    if severity is Severity.ERROR:
        assert {f.locations[0].code for f in findings} == {"301"}
        assert {f.expected for f in findings} == {D("796.20")}


# --- HIER-004: a code row and its projects ---------------------------------------------------------


def _project_table(code_total: str) -> ProjectExpenditureTable:
    def line(total: str, project: str | None) -> ProjectExpenditureLine:
        return ProjectExpenditureLine(code=FunctionCode("2101599"), name="其他医疗保障管理事务支出", project=project,
                                      amounts=EconomicCategoryAmounts(total=D(total), goods_services=D(total)))
    return ProjectExpenditureTable(lines=[line(code_total, None), line("90.01", "2024年综合业务费"),
                                          line("24.27", "2024年稽核费")])


@pytest.mark.parametrize(("printed", "severity"), [("114.28", None), ("114.29", Severity.INFO),
                                                   ("124.28", Severity.ERROR)])
def test_a_code_row_is_the_sum_of_its_projects(printed: str, severity: Severity | None) -> None:
    findings = _check("HIER-004", general_budget_projects=_project_table(printed))
    assert {f.severity for f in findings} == ({severity} if severity else set())
    if severity is Severity.ERROR:
        assert "2024年稽核费" in findings[0].message


# --- HIER-005: agency subtotals --------------------------------------------------------------------


def _carryover(agency_total: str) -> CarryoverTable:
    def line(name: str, total: str, agency: str | None, project: str | None) -> CarryoverLine:
        return CarryoverLine(agency=agency, name=name, project=project,
                             amounts=CarryoverAmounts(total=D(total), fiscal=D(total), fiscal_project=D(total)))
    unit = "示例事业发展中心"
    return CarryoverTable(lines=[
        line("总计", "55.16", None, None),
        line(unit, agency_total, unit, None),
        line("2023年直达资金", "24.65", unit, "2023年直达资金"),
        line("2023年全民参保补助资金", "30.51", unit, "2023年全民参保补助资金"),
    ])


@pytest.mark.parametrize(("printed", "severity"), [("55.16", None), ("55.17", Severity.INFO),
                                                   ("56.16", Severity.ERROR)])
def test_an_agency_row_is_the_sum_of_its_rows(printed: str, severity: Severity | None) -> None:
    findings = _check("HIER-005", carryover=_carryover(printed))
    assert {f.severity for f in findings} == ({severity} if severity else set())
    if severity is not None:
        assert {f.locations[0].agency for f in findings} == {"示例事业发展中心"}


# --- HIER-007: the expenditure side of the summary table -------------------------------------------


def _summary(total: str) -> SummaryTable:
    def line(role: SummaryRole, name: str, amount: str, code: str | None = None) -> SummaryLine:
        return SummaryLine(role=role, name=name, amount=D(amount), code=FunctionCode(code) if code else None)
    return SummaryTable(expenditure=[
        line(SummaryRole.FUNCTION, "科学技术支出", "22.63", "206"),
        line(SummaryRole.FUNCTION, "卫生健康支出", "2951.13", "210"),
        line(SummaryRole.TOTAL, "支出总计", total),
    ])


@pytest.mark.parametrize(("printed", "severity"), [("2973.76", None), ("2973.77", Severity.INFO),
                                                   ("3166.28", Severity.ERROR)])
def test_the_summary_expenditure_total_is_the_sum_of_its_categories(printed: str, severity: Severity | None) -> None:
    findings = _check("HIER-007", summary=_summary(printed))
    assert {f.severity for f in findings} == ({severity} if severity else set())


# --- HIER-008: 三公经费 -----------------------------------------------------------------------------


def _three_public(total: str, reception: str = "0.50", purchase: str = "0", operation: str = "3.00",
                  vehicles: str = "3.00") -> ThreePublicTable:
    def split(value: str) -> SourceSplit:
        return SourceSplit(total=D(value), general_budget=D(value))
    return ThreePublicTable(total=split(total), overseas_travel=split("0"), vehicles=split(vehicles),
                            vehicle_purchase=split(purchase), vehicle_operation=split(operation),
                            reception=split(reception))


@pytest.mark.parametrize(("table", "severity"), [
    (_three_public("3.50"), None),
    (_three_public("3.51"), Severity.INFO),
    (_three_public("4.50"), Severity.ERROR),
    (_three_public("3.50", vehicles="3.00", operation="2.00"), Severity.ERROR),
])
def test_the_three_public_items_add_up(table: ThreePublicTable, severity: Severity | None) -> None:
    findings = _check("HIER-008", three_public=table)
    assert {f.severity for f in findings} == ({severity} if severity else set())


# --- the published documents -----------------------------------------------------------------------


def _seed_findings(prefix: str) -> list[Finding]:
    from cnbudget.readers import read_file

    return list(validate(read_file(seed_path(prefix)).disclosure, rules=["HIER"]).findings)


def test_seed_001_differs_only_by_rounding() -> None:
    findings = _seed_findings("001")
    assert findings and {f.severity for f in findings} == {Severity.INFO}
    # By hand: 表3 款 21015 基本支出 1,612.08, its 项 1,089.27 + 522.80 = 1,612.07.
    assert any(f.rule == "HIER-002" and f.locations[0].table == "expenditure" and f.locations[0].code == "21015"
               and f.locations[0].column == "basic" for f in findings)
    # 表6 类 301 1,637.38; its 款 add up to 1,637.37.
    assert any(f.rule == "HIER-003" and f.locations[0].code == "301" for f in findings)


def test_seed_002_revenue_row_210_prints_its_last_figures_one_column_early() -> None:
    errors = [f for f in _seed_findings("002") if f.severity is Severity.ERROR]
    # By hand: 类 210 prints 8.95 under 单位资金 and 6.50 under 财政拨款结转, while 21015 (its only
    # 款 with such figures) and 合计 print 8.95 under 财政拨款结转 and 6.50 under 非财政拨款结转结余.
    # 表7: 210 and 21015 print 13.00 under 资本性支出, the project row and 合计 under 资本性支出（基本建设）.
    assert sorted((f.rule, f.locations[0].table, f.locations[0].code) for f in errors) == [
        ("HIER-001", "revenue", "210"),
        ("HIER-002", "general_budget_projects", "21015"),
        ("HIER-006", "general_budget_projects", None),
        ("HIER-006", "revenue", None),
    ]
    row_210 = next(f for f in errors if f.rule == "HIER-001")
    assert [place.column for place in row_210.locations] == ["agency_funds", "fiscal_carryover", "non_fiscal_carryover"]
    assert "印错了栏目" in row_210.message and "8.95" in row_210.message and "6.50" in row_210.message


def test_seed_003_adds_up() -> None:
    assert [f for f in _seed_findings("003") if f.severity is not Severity.INFO] == []


# --- the Jiangsu tables ------------------------------------------------------------------------------


def _jiangsu(**changes: Any) -> BudgetDisclosure:
    """The Jiangsu document with the tables named by key replaced (each key holds its own table type)."""
    doc = jiangsu()
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, **changes))


def test_the_jiangsu_tables_add_up() -> None:
    assert validate(jiangsu(), rules=["HIER"]).findings == ()


@pytest.mark.parametrize(("key", "rule", "code", "printed", "expected"), [
    ("fiscal_expenditure", "HIER-001", "204", "81.00", "80.00"),  # 204 = 20404
    ("fiscal_expenditure", "HIER-002", "20404", "80.01", "80.00"),  # 20404 = 2040401 + 2040402 (rounding)
    ("fiscal_basic", "HIER-003", "302", "21.00", "20.00"),  # 302 = 30201 + 30215 + 30216 + 30217 + 30231
    ("operating_costs", "HIER-003", "302", "19.00", "20.00"),
    ("operating_costs", "HIER-006", None, "25.00", "20.00"),  # 合计 = 302
])
def test_the_new_coded_tables_are_held_to_the_code_hierarchy(key: str, rule: str, code: str | None, printed: str,
                                                            expected: str) -> None:
    table = getattr(jiangsu().tables, key)
    lines = [attrs.evolve(line, amounts=attrs.evolve(line.amounts, total=D(printed)))
             if (str(line.code) if line.code else None) == code else line for line in table.lines]
    finding = _only(_check_doc(rule, _jiangsu(**{key: attrs.evolve(table, lines=lines)})))
    assert (finding.expected, finding.actual) == (D(expected), D(printed))
    assert finding.locations[0].table == key
    assert finding.severity is (Severity.INFO if printed == "80.01" else Severity.ERROR)


def _check_doc(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    return list(validate(doc, rules=[rule]).findings)


def _restated(key: str, rows: str, **amounts: str) -> Any:
    """The Jiangsu table ``key`` with the one-amount rows (of its field ``rows``) named in ``amounts``
    printed otherwise."""
    table = getattr(jiangsu().tables, key)
    return attrs.evolve(table, **{rows: [attrs.evolve(line, amount=D(amounts[line.name])) if line.name in amounts
                                         else line for line in getattr(table, rows)]})


def test_uses_and_categories_add_up_to_this_years_spending_each_on_their_own() -> None:
    # 基本支出 65 + 项目支出 30 + 预留 10 = 105 = 公共安全 85 + 社会保障 20: adding both would give 210.
    assert _check_doc("HIER-007", jiangsu()) == []
    finding = _only(_check_doc("HIER-007", _jiangsu(summary=_restated("summary", "expenditure", 项目支出="31.00"))))
    assert finding.severity is Severity.ERROR and "各用途支出之和" in finding.message
    assert (finding.actual, finding.expected) == (D("105.00"), D("106.00"))
    finding = _only(_check_doc("HIER-007", _jiangsu(summary=_restated("summary", "expenditure",
                                                                     公共安全支出="84.99"))))
    assert finding.severity is Severity.INFO and "各类支出之和" in finding.message


def test_a_fiscal_summary_by_use_only_adds_its_uses_up_to_its_total() -> None:
    fiscal = present(jiangsu().tables.fiscal_summary)
    lines = [attrs.evolve(line, amounts=attrs.evolve(line.amounts, total=D("99.00")))
             if line.role is SummaryRole.TOTAL else line for line in fiscal.expenditure]
    finding = _only(_check_doc("HIER-007", _jiangsu(fiscal_summary=attrs.evolve(fiscal, expenditure=lines))))
    assert (finding.actual, finding.expected, finding.locations[0].table) == (D("99.00"), D("100.00"),
                                                                              "fiscal_summary")


@pytest.mark.parametrize(("amounts", "severity", "row"), [
    ({}, None, None),
    ({"其他收入": "4.00"}, Severity.ERROR, "其他资金"),  # 小计 5.00 ≠ 事业收入 0 + 其他收入 4.00
    ({"收入总计": "104.00"}, Severity.ERROR, "收入总计"),  # 收入总计 = 100.00 + 0 + 0 + 5.00 + 0
    ({"收入总计": "105.01"}, Severity.INFO, "收入总计"),
    ({"其中：动用上年结转和结余资金": "3.00"}, None, None),  # a "其中" line is not an item that adds up
])
def test_revenue_listed_by_source_adds_up(amounts: dict[str, str], severity: Severity | None, row: str | None) -> None:
    findings = _check_doc("HIER-009", _jiangsu(revenue=_restated("revenue", "sources", **amounts)))
    assert [f.severity for f in findings] == ([severity] if severity else [])
    if row is not None:
        assert row in findings[0].message and findings[0].locations[0].table == "revenue"


def test_revenue_by_function_code_is_not_a_list_of_sources() -> None:
    table = RevenueTable(lines=[])
    assert _check_doc("HIER-009", _jiangsu(revenue=table)) == []


@pytest.mark.parametrize(("amounts", "severity", "what"), [
    ({}, None, None),
    ({"打印设备": "2.00"}, Severity.ERROR, "所列各采购物品之和"),  # 办公设备购置 7.00 = 4.00 + 3.00
    ({"一、货物A": "8.00", "合计": "13.00"}, Severity.ERROR, "所列各专项经济科目之和"),  # 货物 = its subjects
    ({"合计": "12.01"}, Severity.INFO, "各采购品目大类之和"),  # 合计 = 7.00 + 5.00
])
def test_procurement_adds_up_level_by_level(amounts: dict[str, str], severity: Severity | None,
                                            what: str | None) -> None:
    findings = _check_doc("HIER-010", _jiangsu(procurement=_restated("procurement", "lines", **amounts)))
    assert [f.severity for f in findings] == ([severity] if severity else [])
    if what is not None:
        assert what in findings[0].message and findings[0].locations[0].table == "procurement"


def test_procurement_printed_without_categories_adds_its_subjects_to_the_total() -> None:
    table = present(jiangsu().tables.procurement)
    lines = [line for line in table.lines if line.level != "category"]
    assert _check_doc("HIER-010", _jiangsu(procurement=attrs.evolve(table, lines=lines))) == []


def test_seed_002_rows_shifted_at_page_breaks_are_two_reading_warnings() -> None:
    from cnbudget.readers import read_file

    report = validate(read_file(seed_path("002")).disclosure)
    # By hand: 表2's rows after the page break (lines 166–180) print 8.95 and 6.50 one column to the
    # right of row 210 (line 160) — 表1 and the text agree with row 210 —; moved back, 210 = Σ款,
    # 合计 = Σ类 and 表1 = 表2 all hold. 表7's rows before (335–341) and after (343–349) its page
    # break disagree on 资本性支出 / 资本性支出（基本建设）, and nothing outside the table says which.
    assert [f.rule for f in report.errors] == ["COMP-001"]
    diagnoses = [f for f in report.findings if f.rule == "READ-006"]
    assert [(f.severity, f.locations[0].table, f.locations[0].line_number) for f in diagnoses] == [
        (Severity.WARNING, "revenue", 166), (Severity.WARNING, "general_budget_projects", 335)]
    revenue, projects = diagnoses
    assert "第 166–180 行自“单位资金”栏起" in revenue.message and "偏右了 1 栏" in revenue.message
    assert sorted(related.split()[0] for related in revenue.related) == ["HIER-001", "HIER-006"] + ["XTAB-001"] * 5
    assert "第 335–341 行与第 343–349 行" in projects.message
    assert sorted(related.split()[0] for related in projects.related) == ["HIER-002", "HIER-006"]


# --- the outline of tables printing rows of the same shape -------------------------------------------


def _unit_row(agency: str, total: str, code: str | None = None) -> FunctionLine:
    return FunctionLine(code=FunctionCode(code) if code else None, name="" if code else agency, agency=agency,
                        amounts=ExpenditureAmounts(total=Decimal(total)))


def _department_table(grand_total: str) -> list[FunctionLine]:
    # 合计, then 示例局 (no rows of its own) followed at once by its two units, each with one coded row.
    return [FunctionLine(code=None, name="合计", amounts=ExpenditureAmounts(total=Decimal(grand_total))),
            _unit_row("示例局", "30"), _unit_row("单位甲", "10"), _unit_row("单位甲", "10", "2101501"),
            _unit_row("单位乙", "20"), _unit_row("单位乙", "20", "2101501")]


def test_tables_sharing_an_outline_shape_each_decide_on_their_own_department_row() -> None:
    shapes: dict[Any, Any] = {}
    held = outline(_department_table("30"), shapes=shapes)
    flat = outline(_department_table("60"), shapes=shapes)
    assert len(shapes) == 1  # both tables print rows of one shape
    # By hand: where 示例局 prints the table's total it holds its units and the total holds it alone;
    # where it does not, the agencies are a flat list, all three under the total.
    assert [(s.part, s.parent, s.children) for s in held] == [
        (Part.AGENCY, 1, (2, 4)), (Part.AGENCY, 2, (3,)), (Part.AGENCY, 4, (5,)), (Part.TOTAL, 0, (1,))]
    assert [(s.part, s.parent, s.children) for s in flat] == [
        (Part.AGENCY, 2, (3,)), (Part.AGENCY, 4, (5,)), (Part.TOTAL, 0, (1, 2, 4))]


_CODES = ("210", "21011", "2101101", "2101102", "21015", "2101501", "221", "22102", "2210201")


@st.composite
def _rows(draw: st.DrawFn) -> list[FunctionLine]:
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        agency = draw(st.sampled_from([None, "单位甲", "单位乙"]))
        code = draw(st.sampled_from((None, *_CODES)))
        project = draw(st.sampled_from([None, "项目一"])) if code else None
        name = draw(st.sampled_from(["", "合计", "小计", "其他"])) if code is None else "支出"
        total = draw(st.sampled_from(["0", "10", "30"]))
        rows.append(FunctionLine(code=FunctionCode(code) if code else None, name=name, agency=agency, project=project,
                                 amounts=ExpenditureAmounts(total=Decimal(total))))
    return rows


@settings(max_examples=200, deadline=None)
@given(st.lists(_rows(), min_size=1, max_size=4), st.data())
def test_an_outline_is_the_same_whether_or_not_tables_share_their_shapes(tables: list[list[FunctionLine]],
                                                                         data: st.DataObject) -> None:
    # Each table again with other amounts: the same shape, met a second time, is shared.
    totals = st.sampled_from(["0", "10", "30"])
    again = [[attrs.evolve(line, amounts=ExpenditureAmounts(total=Decimal(data.draw(totals)))) for line in lines]
             for lines in tables]
    shapes: dict[Any, Any] = {}
    for lines in tables + again:
        assert outline(lines, shapes=shapes) == outline(lines)


_FIGURES = st.sampled_from([None, "0", "10", "20", "30", "0.01"])


@settings(max_examples=200, deadline=None)
@given(_rows(), st.data())
def test_the_sums_held_at_once_are_those_held_one_by_one(lines: list[FunctionLine], data: st.DataObject) -> None:
    # Some rows leave 基本支出/项目支出 unprinted: a sum over such a row is not held at once.
    lines = [attrs.evolve(line, amounts=ExpenditureAmounts(total=line.amounts.total, basic=data.draw(_FIGURES),
                                                           project=data.draw(_FIGURES))) for line in lines]
    sums = outline(lines)
    at_once = _Operands(lines).held_columns(sums)
    one_by_one = _Operands(lines)
    for s, held in zip(sums, at_once, strict=True):
        printed = [c for c in ("total", "basic", "project") if getattr(lines[s.parent].amounts, c) is not None]
        holding = [one_by_one.holds(c, s.parent, s.children) for c in printed]
        assert held == (len(printed) if all(holding) else None)


@given(st.lists(st.tuples(st.sampled_from(list(Part)), st.none() | st.integers(0, 5))),
       st.sets(st.sampled_from(list(Part))))
def test_the_sums_of_the_parts_asked_for_are_those_of_every_sum_filtered(
        sums_held: list[tuple[Part, int | None]], wanted: set[Part]) -> None:
    # The plain way: every sum in order, those of a part asked for either held (their comparisons
    # counted) or checked one by one.
    sums = [Sum(part=part, parent=0, children=(index,)) for index, (part, _) in enumerate(sums_held)]
    held = [columns for _, columns in sums_held]
    plan = _by_part(sums, held)
    comparisons = sum(plan[part][0] for part in wanted if part in plan)
    unheld = sorted(index for part in wanted if part in plan for index in plan[part][1])
    assert comparisons == sum(columns for (part, columns) in sums_held if part in wanted and columns is not None)
    assert unheld == [index for index, (part, columns) in enumerate(sums_held) if part in wanted and columns is None]
