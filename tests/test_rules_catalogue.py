"""Catalogue rules (CAT): codes exist in the year, names are official and current, economic pairs
correspond. Arithmetic plays no part here, so the boundary fixtures are the edge cases of names:
normalised and cut-short names, complete and incomplete lists of subjects."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cnbudget.classification import COVERED_YEARS, catalog, load_catalog_csv
from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.examples import example, example_names
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    EconomicLine,
    ExpenditureAmounts,
    ExpenditureTable,
    FiscalAmounts,
    FiscalLine,
    FiscalSummaryTable,
    FunctionLine,
    SummaryRole,
    Tables,
)
from cnbudget.validation import Finding, Severity, validate
from cnbudget.validation.rules.placement import renumbered, renumbered_in_run, renumbered_in_table
from cnbudget.validation.run_cache import RunCache
from tests.seeds import seed_path


def _function_doc(*rows: tuple[str, str], year: int = 2024) -> BudgetDisclosure:
    lines = [FunctionLine(code=FunctionCode(code), name=name, amounts=ExpenditureAmounts(total=Decimal("1")))
             for code, name in rows]
    return BudgetDisclosure(department="示例局", fiscal_year=year,
                            tables=Tables(general_budget=ExpenditureTable(lines=lines)))


def _check(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    return list(validate(doc, rules=[rule]).findings)


# --- CAT-001: the code exists ----------------------------------------------------------------------


def test_codes_of_the_year_pass() -> None:
    doc = _function_doc(("210", "卫生健康支出"), ("21015", "医疗保障管理事务"), ("2101501", "行政运行"))
    assert _check("CAT-001", doc) == []


def test_an_unknown_code_under_a_complete_list_is_an_error() -> None:
    (found,) = _check("CAT-001", _function_doc(("2101598", "某某支出")))
    assert found.severity is Severity.ERROR
    assert "21015" in found.message and "2101598" in found.message
    assert found.locations[0].code == "2101598"


def test_an_unknown_code_where_our_list_is_incomplete_is_only_info() -> None:
    (found,) = _check("CAT-001", _function_doc(("2010198", "某某支出")))  # 20101's 项 are not all held
    assert found.severity is Severity.INFO
    assert "不完整" in found.message


def test_a_code_of_earlier_years_names_its_years() -> None:
    (found,) = _check("CAT-001", _function_doc(("20115", "工商行政管理事务")))  # abolished in 2019
    assert found.severity is Severity.ERROR
    assert "2018" in found.message


def test_without_a_catalogue_for_the_year_the_rules_do_not_run() -> None:
    report = validate(_function_doc(("2101598", "某某支出"), year=2010), rules=["CAT"])
    assert report.findings == ()
    assert set(report.rules_skipped) >= {"CAT-001", "CAT-002", "CAT-003", "CAT-004"}


def test_a_catalogue_given_by_the_user_is_used(tmp_path: Path) -> None:
    path = tmp_path / "official.csv"
    path.write_text("code,name\n210,卫生健康支出\n21015,医疗保障管理事务\n2101501,行政运行\n", encoding="utf-8")
    own = load_catalog_csv(path, year=2024)
    doc = _function_doc(("2101502", "一般行政管理事务"))
    findings = list(validate(doc, catalog=own, rules=["CAT-001"]).findings)
    assert [f.locations[0].code for f in findings] == ["2101502"]


# --- CAT-002: the printed name -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["行政运行", "行 政 运 行", "事业运行"])
def test_official_normalised_and_variant_names_pass(name: str) -> None:
    code = "2101550" if name == "事业运行" else "2101501"
    assert _check("CAT-002", _function_doc((code, name))) == []


def test_a_name_cut_short_by_a_page_break_passes() -> None:
    assert _check("CAT-002", _function_doc(("2101599", "其他医疗保障管理事务支"))) == []


def test_an_unofficial_name_is_reported_with_the_official_one() -> None:
    (found,) = _check("CAT-002", _function_doc(("2101501", "机关日常运转")))
    assert found.severity is Severity.WARNING
    assert "行政运行" in found.message and "机关日常运转" in found.message


def test_the_name_of_another_subject_beside_a_code_is_an_error() -> None:
    (found,) = _check("CAT-002", _function_doc(("2101501", "信息化建设")))
    assert found.severity is Severity.ERROR
    assert "2101504" in found.message


def test_a_name_repeated_on_many_rows_is_reported_once() -> None:
    doc = _function_doc(("2101501", "机关日常运转"), ("2101501", "机关日常运转"))
    assert len(_check("CAT-002", doc)) == 1


# --- CAT-003: former names ---------------------------------------------------------------------------


def test_a_former_name_beside_a_code_is_reported_with_the_current_name() -> None:
    (found,) = _check("CAT-003", _function_doc(("210", "医疗卫生与计划生育支出")))
    assert found.severity is Severity.WARNING
    assert "卫生健康支出" in found.message and "2018" in found.message
    assert _check("CAT-002", _function_doc(("210", "医疗卫生与计划生育支出"))) == []


def test_a_former_name_in_the_summary_without_a_code_is_reported() -> None:
    def line(name: str) -> FiscalLine:
        return FiscalLine(role=SummaryRole.FUNCTION, name=name, amounts=FiscalAmounts(total=Decimal("0")))
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(
        fiscal_summary=FiscalSummaryTable(expenditure=[line("医疗卫生与计划生育支出"), line("卫生健康支出")])))
    (found,) = _check("CAT-003", doc)
    assert found.locations[0].code == "210"


def test_a_current_name_in_a_document_of_earlier_years_is_not_a_former_name() -> None:
    assert _check("CAT-003", _function_doc(("210", "医疗卫生与计划生育支出"), year=2018)) == []


# --- CAT-004: 部门 and 政府 economic codes side by side --------------------------------------------------


def _pair_doc(gov: str) -> BudgetDisclosure:
    line = EconomicLine(code=EconomicCode("30101"), name="基本工资", gov_code=GovEconomicCode(gov),
                        gov_name="工资奖金津补贴", amounts=BasicAmounts(total=Decimal("1")))
    return BudgetDisclosure(department="示例局", fiscal_year=2024,
                            tables=Tables(general_budget_basic=BasicExpenditureTable(lines=[line])))


@pytest.mark.parametrize("gov", ["50101", "50501", "505"])  # 行政, 事业 (and its 类)
def test_a_corresponding_pair_passes(gov: str) -> None:
    assert _check("CAT-004", _pair_doc(gov)) == []


def test_a_pair_off_the_correspondence_is_reported() -> None:
    (found,) = _check("CAT-004", _pair_doc("50201"))
    assert found.severity is Severity.WARNING
    assert "50101" in found.message and "50201" in found.message


def test_rows_without_both_codes_are_not_paired() -> None:
    line = EconomicLine(code=EconomicCode("30101"), name="基本工资", amounts=BasicAmounts(total=Decimal("1")))
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024,
                           tables=Tables(general_budget_basic=BasicExpenditureTable(lines=[line])))
    assert _check("CAT-004", doc) == []


# --- the published documents -------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_seed_codes_and_names_are_the_official_ones(prefix: str) -> None:
    from cnbudget.readers import read_file

    report = validate(read_file(seed_path(prefix)).disclosure, rules=["CAT"])
    assert [f for f in report.findings if f.rule != "CAT-006"] == []


def test_seed_002_books_two_projects_under_running_costs() -> None:
    from cnbudget.readers import read_file

    # 210 15 01 行政运行: 261.86 = 基本支出 250.46 + 项目支出 11.40 in 单位支出总体情况表 and 一般公共预算
    # 支出情况表; 一般公共预算项目支出情况表 lists under it 2023年志愿者生活补助 1.20 and 2023年城乡医保工作经费
    # 10.20 (= 11.40). Seeds 001 and 004 book no project under 行政运行 or 事业运行.
    report = validate(read_file(seed_path("002")).disclosure, rules=["CAT-006"])
    (found,) = report.findings
    assert (found.severity, found.locations[0].code, found.actual) == (Severity.WARNING, "2101501", Decimal("11.40"))
    assert {place.table for place in found.locations} == {"expenditure", "general_budget", "general_budget_projects"}
    for prefix in ("001", "004"):
        assert validate(read_file(seed_path(prefix)).disclosure, rules=["CAT-006"]).findings == ()


def test_seed_003_prints_former_names_of_categories() -> None:
    from cnbudget.readers import read_file

    report = validate(read_file(seed_path("003")).disclosure, rules=["CAT"])
    # By hand: 表1 lists 类 by earlier names: 城乡社区事务 (212), 农林水事务 (213) and 资源勘探信息等 (215);
    # 表4 lists 医疗卫生与计划生育支出 (210, renamed 卫生健康支出 in 2019, and printed beside it),
    # 城乡社区事务支出, 农林水事务支出 and 资源勘探信息等支出. One finding a table, naming every line.
    assert sorted((f.rule, f.locations[0].table) for f in report.findings) == [
        ("CAT-003", "fiscal_summary"), ("CAT-003", "summary")]
    assert sorted((f.rule, place.table, place.code) for f in report.findings for place in f.locations) == [
        ("CAT-003", "fiscal_summary", "210"),
        ("CAT-003", "fiscal_summary", "212"),
        ("CAT-003", "fiscal_summary", "213"),
        ("CAT-003", "fiscal_summary", "215"),
        ("CAT-003", "summary", "212"),
        ("CAT-003", "summary", "213"),
        ("CAT-003", "summary", "215"),
    ]


# --- CAT-005: a row without a valid code -------------------------------------------------------------


def _rows(*rows: tuple[str | None, str], year: int = 2024) -> BudgetDisclosure:
    lines = [FunctionLine(code=FunctionCode(code) if code else None, name=name,
                          amounts=ExpenditureAmounts(total=Decimal("5"), basic=Decimal("5"), project=Decimal("0")))
             for code, name in rows]
    table = ExpenditureTable(lines=lines)
    return BudgetDisclosure(department="示例院", fiscal_year=year, tables=Tables(expenditure=table,
                                                                                general_budget=table))


# 210 11 02 printed as "7 | 11 | 02": the reader keeps the row without its code.
MISPRINTED = (("210", "卫生健康支出"), ("21011", "行政事业单位医疗"), (None, "事业单位医疗"))


def test_a_row_printed_without_a_valid_code_is_an_error_naming_the_code_its_name_has() -> None:
    found = _check("CAT-005", _rows(*MISPRINTED))
    assert [(f.severity, f.locations[0].table, f.locations[0].code) for f in found] == [
        (Severity.ERROR, "expenditure", "2101102"), (Severity.ERROR, "general_budget", "2101102")]
    assert "21011 行政事业单位医疗之下" in found[0].message


def test_the_other_rules_read_the_misprinted_row_under_that_code() -> None:
    doc = _rows(*MISPRINTED)
    assert validate(doc, rules=["HIER"]).findings == ()  # 21011 = its 项 2101102; 210 = 21011


@pytest.mark.parametrize("rows", [
    (("210", "卫生健康支出"), ("21011", "行政事业单位医疗"), ("2101102", "事业单位医疗")),  # coded: nothing to say
    (("210", "卫生健康支出"), ("21011", "行政事业单位医疗"), (None, "医疗专项")),  # not a subject's name: left alone
    (("210", "卫生健康支出"), ("21011", "行政事业单位医疗"), (None, "合计")),  # a total row needs no code
    ((None, "事业单位医疗"), ("210", "卫生健康支出")),  # nothing coded above it
])
def test_rows_that_need_no_code_or_cannot_be_placed_are_left_alone(rows: tuple[tuple[str | None, str], ...]) -> None:
    assert _check("CAT-005", _rows(*rows)) == []


def test_without_a_catalogue_of_the_year_nothing_is_placed() -> None:
    report = validate(_rows(*MISPRINTED, year=2010), rules=["CAT-005"])
    assert "CAT-005" in report.rules_skipped and report.findings == ()


# --- CAT-002: 款 numbered in the order printed ------------------------------------------------------


def _economic(*rows: tuple[str, str]) -> BudgetDisclosure:
    lines = [EconomicLine(code=EconomicCode(code), name=name, amounts=BasicAmounts(total=Decimal("1")))
             for code, name in rows]
    return BudgetDisclosure(department="示例院", fiscal_year=2024,
                            tables=Tables(general_budget_basic=BasicExpenditureTable(lines=lines)))


RENUMBERED = (("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "咨询费"), ("30203", "水费"),
              ("30204", "车辆运行费"))


def test_sections_numbered_in_print_order_are_one_warning_for_their_category() -> None:
    (found,) = _check("CAT-002", _economic(*RENUMBERED))
    assert found.severity is Severity.WARNING and found.locations[0].code == "302"
    assert "30202 咨询费（规范编码 30203）" in found.message and "30203 水费（规范编码 30205）" in found.message
    assert "30204 车辆运行费（本类无此名称）" in found.message
    assert _check("CAT-001", _economic(*RENUMBERED)) == []  # 30204 exists; no code of the run is judged alone


def test_sections_with_their_own_codes_are_not_a_renumbering() -> None:
    # 01 办公费, 02 印刷费, 03 咨询费 run 01 … 03 too, but every name is its code's.
    assert _check("CAT-002", _economic(("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"),
                                       ("30203", "咨询费"))) == []
    # 30201, 30205 — not a run from 01: a name of another code there is an error of that row.
    (found,) = _check("CAT-002", _economic(("302", "商品和服务支出"), ("30201", "办公费"), ("30205", "咨询费")))
    assert found.severity is Severity.ERROR and found.locations[0].code == "30205"


def test_a_renumbered_category_is_not_looked_up_by_code_for_three_public() -> None:
    from cnbudget.model import SourceSplit, ThreePublicTable

    zero = SourceSplit(total=Decimal("0"))
    # 30201 … 30212 printed in order; the 12th, 退休人员活动费, is 因公出国（境）费用 only by its code.
    run = [*RENUMBERED, *((f"302{n:02d}", f"其他费用{n}") for n in range(5, 12)), ("30212", "退休人员活动费")]
    doc = _economic(*run)
    doc = BudgetDisclosure(department="示例院", fiscal_year=2024, tables=Tables(
        general_budget_basic=doc.tables.general_budget_basic, three_public=ThreePublicTable(
            title="一般公共预算“三公”经费支出情况表", total=zero, overseas_travel=zero, vehicles=zero,
            vehicle_purchase=zero, vehicle_operation=zero, reception=zero)))
    assert _check("XTAB-011", doc) == []


@pytest.mark.parametrize("name", example_names())
def test_the_runs_renumbered_categories_are_each_tables_in_order(name: str) -> None:
    # Kept table by table (a moved table's alone is found again): the same runs, in the same order,
    # as the whole document read at once.
    doc = example(name)
    found = catalog(doc.fiscal_year if doc.fiscal_year in COVERED_YEARS else max(COVERED_YEARS))
    cache = RunCache()
    assert renumbered_in_run(cache, doc, found) == renumbered(doc, found)
    assert renumbered_in_run(cache, doc, found) == [
        run for key, table in doc.tables.present() for run in renumbered_in_table(cache, key, table, found)]
