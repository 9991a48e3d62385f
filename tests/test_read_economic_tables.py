"""Reading 一般公共预算基本支出情况表, 支出经济分类汇总表, 一般公共预算项目支出情况表 and 项目支出表."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.model import ProjectType, RowKind, is_sum_label
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.economic_tables import read_basic_expenditure_table, read_economic_summary_table
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.project_tables import read_project_expenditure_table, read_project_table
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import split_lines
from tests.seeds import seed_text

D = Decimal

READERS: dict[str, Callable[[Block], tuple[Any, list[Problem]]]] = {
    "general_budget_basic": read_basic_expenditure_table,
    "general_budget_projects": read_project_expenditure_table,
    "economic_summary": read_economic_summary_table,
    "projects": read_project_table,
}


def _block(text: str, key: str) -> Block:
    return next(b for b in find_blocks(split_lines(text)) if b.key == key)


def _read(text: str, key: str) -> tuple[Any, list[Problem]]:
    return READERS[key](_block(text, key))


def _table(text: str, key: str) -> Any:
    table, problems = _read(text, key)
    assert table is not None, problems
    assert problems == [], problems
    return table


def _tsv(*rows: list[str]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


# --- 一般公共预算基本支出情况表, 11-table template ---------------------------------------------------

BASIC_HEAD = _tsv(
    ["科目", "", "一般公共预算基本支出"],
    ["经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"],
    ["类", "款"],
    ["※", "※", "※", "1", "2", "3"],
)
BASIC = (
    "表 6\n一般公共预算基本支出情况表\n编制部门：示例局\n单位：万元\n" + BASIC_HEAD
    + _tsv(["", "", "<b>总计</b>", "<b>1,205.50</b>", "<b>1,200.00</b>", "<b>5.50</b>"],
           ["<b>301</b>", "", "<b>工资福利支出</b>", "1,200.00", "1,200.00", ""],
           ["301", "01", "基本工资", "１，０００．００", "1000.00", ""],
           ["301", "08", "机关事业单位基本养老保险缴", "200.00", "200.00", ""])
    + "编制部门：示例局\n单位：万元\n" + BASIC_HEAD
    + _tsv(["", "", "费"],
           ["302", "", "商品和服务支出", "5.50", "", "5.50"],
           ["302", "13", "维修（护）费", "5.50", "", "5.50"])
    + "注：本表为一般公共预算基本支出。\n"
)


def test_basic_standard_layout_over_two_pages() -> None:
    table = _table(BASIC, "general_budget_basic")
    assert [line.name for line in table.lines] == [
        "总计", "工资福利支出", "基本工资", "机关事业单位基本养老保险缴费", "商品和服务支出", "维修（护）费",
    ]
    assert [str(line.code) for line in table.lines[1:]] == ["301", "30101", "30108", "302", "30213"]
    assert [line.kind for line in table.lines[:3]] == [RowKind.TOTAL, RowKind.CATEGORY, RowKind.SECTION]
    total = table.lines[0].amounts
    assert (total.total, total.personnel, total.public) == (D("1205.50"), D("1200.00"), D("5.50"))
    assert table.lines[2].amounts.total == D("1000.00")  # full-width digits and separators
    assert table.lines[2].amounts.public == D("0")  # blank cell
    assert all(line.gov_code is None and line.gov_name is None for line in table.lines)
    assert table.number == "表 6"
    assert table.notes == ("本表为一般公共预算基本支出。",)


def test_basic_code_in_one_column_agencies_by_name_and_bottom_total() -> None:
    text = "一般公共预算基本支出情况表\n" + _tsv(
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["", "某局", "3.00", "2.00", "1.00"],
        ["30101", "基本工资", "2.00", "2.00", ""],
        ["30201", "办公费", "1.00", "", "1.00"],
        ["", "某中心", "4.00", "4.00", ""],
        ["301 02", "津贴补贴", "4.00", "4.00", ""],
        ["", "合 计", "7.00", "6.00", "1.00"],
    )
    table = _table(text, "general_budget_basic")
    assert [line.kind for line in table.lines] == [
        RowKind.AGENCY, RowKind.SECTION, RowKind.SECTION, RowKind.AGENCY, RowKind.SECTION, RowKind.TOTAL,
    ]
    assert [line.agency for line in table.lines] == ["某局", "某局", "某局", "某中心", "某中心", None]
    assert table.lines[4].code == EconomicCode("30102")
    assert table.lines[-1].name == "合计"


# --- 一般公共预算基本支出情况表, Henan template ------------------------------------------------------

HENAN_BASIC_HEAD = _tsv(
    ["部门预算支出经济分类科目", "", "政府预算支出经济分类科目编码", "", "本年一般公共预算基本支出"],
    ["科目编码", "科目名称", "科目编码", "科目名称", "合计", "人员经费", "公用经费"],
)


def test_basic_henan_layout_with_agency_codes() -> None:
    text = "2024 年一般公共预算基本支出情况表\n部门名称：某局\n单位：万元\n" + HENAN_BASIC_HEAD + _tsv(
        ["合计", "", "", "", "12.50", "10.00", "2.50"],
        ["304", "某局", "", "", "12.50", "10.00", "2.50"],
        ["301", "工资福利支出", "", "", "10.00", "10.00", ""],
        ["30107", "绩效工资", "50501", "工资福利支出", "10.00", "10.00", ""],
        ["304001", "某中心", "", "", "2.50", "", "2.50"],
        ["30201", "办公费", "50201", "办公经费", "2.50", "", "2.50"],
    )
    table = _table(text, "general_budget_basic")
    kinds = [line.kind for line in table.lines]
    assert kinds == [RowKind.TOTAL, RowKind.AGENCY, RowKind.CATEGORY, RowKind.SECTION, RowKind.AGENCY,
                     RowKind.SECTION]
    assert table.lines[0].name == "合计"  # printed in the code column
    assert [line.agency_code for line in table.lines] == [None, "304", "304", "304", "304001", "304001"]
    performance = table.lines[3]
    assert performance.code == EconomicCode("30107")
    assert performance.gov_code == GovEconomicCode("50501")
    assert performance.gov_name == "工资福利支出"
    assert table.lines[5].amounts.public == D("2.50")


def test_known_category_under_an_agency_name_is_reported_not_guessed() -> None:
    text = "一般公共预算基本支出情况表\n" + HENAN_BASIC_HEAD + _tsv(
        ["301", "某县教育局", "", "", "10.00", "10.00", ""],
        ["30101", "基本工资", "50101", "工资奖金津补贴", "10.00", "10.00", ""],
        ["305", "工资福利支出", "", "", "1.00", "1.00", ""],
    )
    table, problems = _read(text, "general_budget_basic")
    assert [line.name for line in table.lines] == ["基本工资", "工资福利支出"]
    assert table.lines[0].agency is None
    # A code no catalogue has, under a 类 name, is a misprinted 类 kept as printed.
    assert table.lines[1].code == EconomicCode("305") and table.lines[1].kind is RowKind.CATEGORY
    assert len(problems) == 1 and problems[0].line == 4
    assert "may be that 类 or an agency" in problems[0].message


def test_unreadable_codes_are_problems() -> None:
    text = "一般公共预算基本支出情况表\n" + HENAN_BASIC_HEAD + _tsv(
        ["30101", "基本工资", "60101", "工资奖金津补贴", "10.00", "10.00", ""],
        ["其中", "基本工资", "", "", "1.00", "1.00", ""],
        ["3011", "基本工资", "", "", "1.00", "1.00", ""],  # not a code, yet no agency either
        ["30102", "津贴补贴", "50101", "工资奖金津补贴", "3.00", "3.00", ""],
    )
    table, problems = _read(text, "general_budget_basic")
    assert [line.name for line in table.lines] == ["津贴补贴"]
    assert [p.line for p in problems] == [4, 5, 6]
    assert all(p.message.startswith("row not read") and p.table == "general_budget_basic" for p in problems)


def test_columns_in_another_order_are_placed_by_their_headings() -> None:
    head = ["经济分类科目编码", "", "经济分类科目名称", "合计", "公用经费", "人员经费"]
    row = ["301", "", "工资福利支出", "3.00", "1.00", "2.00"]
    table, problems = _read("一般公共预算基本支出情况表\n" + _tsv(head, row), "general_budget_basic")
    assert problems == []
    (line,) = table.lines
    assert (line.amounts.total, line.amounts.public, line.amounts.personnel) == (D("3.00"), D("1.00"), D("2.00"))


def test_another_tables_columns_are_not_read() -> None:
    head = ["经济分类科目编码", "", "经济分类科目名称", "合计", "基本支出", "项目支出"]
    row = ["301", "", "工资福利支出", "3.00", "1.00", "2.00"]
    table, problems = _read("一般公共预算基本支出情况表\n" + _tsv(head, row), "general_budget_basic")
    assert table is None
    assert len(problems) == 1 and "match no known layout" in problems[0].message
    assert "基本支出" in problems[0].message  # the heading the reader does not know is named


def test_empty_basic_table() -> None:
    text = "一般公共预算基本支出情况表\n" + BASIC_HEAD + "本部门没有一般公共预算基本支出，本表为空表。\n"
    table = _table(text, "general_budget_basic")
    assert table.lines == ()
    assert table.empty_statement == "本部门没有一般公共预算基本支出，本表为空表。"


# --- 支出经济分类汇总表 -----------------------------------------------------------------------------

SUMMARY_SOURCES = ["总计", "一般公共预算", "", "政府性基金", "国有资本经营预算", "上年结转结余", "财政专户管理资金收入",
                   "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"]


def test_economic_summary_codes_in_one_column_two_agencies_and_a_repeated_header() -> None:
    head = _tsv(["部门预算经济分类", "", "政府预算经济分类", "", *SUMMARY_SOURCES],
                ["科目编码", "科目名称", "科目编码", "科目名称", "", "小计", "其中：财政拨款"])
    text = "支出经济分类汇总表\n单位：万元\n" + head + _tsv(
        ["", "合计", "", "", "1,011.00", "1,000.00", "990.00", "", "", "10.00", "", "", "", "", "", "1.00"],
        ["304", "某局", "", "", "1,011.00", "1,000.00", "990.00", "", "", "10.00", "", "", "", "", "", "1.00"],
        ["304001", "某局本级", "", "", "1,011.00", "1,000.00", "990.00", "", "", "10.00", "", "", "", "", "", "1.00"],
        ["30101", "基本工资", "50101", "工资奖金津补贴", "1,000.00", "1,000.00", "990.00"],
    ) + "单位：万元\n" + head + _tsv(
        ["30201", "办公费", "50201", "办公经费", "11.00", "", "", "", "", "10.00", "", "", "", "", "", "1.00"],
    )
    table = _table(text, "economic_summary")
    assert [line.kind for line in table.lines] == [
        RowKind.TOTAL, RowKind.AGENCY, RowKind.AGENCY, RowKind.SECTION, RowKind.SECTION,
    ]
    assert [line.agency_code for line in table.lines[1:]] == ["304", "304001", "304001", "304001"]
    wages = table.lines[3]
    assert (wages.code, wages.gov_code, wages.gov_name) == (EconomicCode("30101"), GovEconomicCode("50101"),
                                                             "工资奖金津补贴")
    assert wages.amounts.general_appropriation == D("990.00")
    assert wages.amounts.other_income == D("0")
    office = table.lines[4].amounts
    assert (office.total, office.carryover, office.other_income) == (D("11.00"), D("10.00"), D("1.00"))
    assert office.general_own is None and office.business_income == D("0")


def test_economic_summary_sources_in_another_order_are_placed_by_their_headings() -> None:
    reordered = ["总计", "一般公共预算", "", "政府性基金", "国有资本经营预算", "上年结转结余", "财政专户管理资金收入",
                 "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]
    text = "支出经济分类汇总表\n" + _tsv(
        ["部门预算经济分类", "", "", "政府预算经济分类", "", "", *reordered],
        ["类", "款", "科目名称", "类", "款", "科目名称", "", "小计", "其中：财政拨款"],
        ["301", "01", "基本工资", "501", "01", "工资奖金津补贴", "9.00", "1.00", "1.00", "", "", "", "",
         "2.00", "6.00"],
    )
    table, problems = _read(text, "economic_summary")
    assert problems == []
    (line,) = table.lines
    assert (str(line.code), str(line.gov_code)) == ("30101", "50101")
    amounts = line.amounts
    assert (amounts.total, amounts.general_budget, amounts.general_appropriation) == (D("9.00"), D("1.00"), D("1.00"))
    assert (amounts.business_income, amounts.operating_income) == (D("2.00"), D("6.00"))
    assert amounts.superior_subsidy == D("0")


# --- 一般公共预算项目支出情况表 -----------------------------------------------------------------------

CATEGORY_HEADS = ["项目支出合计", "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
                  "资本性支出(基本建设)", "资本性支出", "对企业补助(基本建设)", "对企业补助", "对社会保障基金补助",
                  "其他支出"]


def test_project_expenditure_code_in_one_column_and_total_in_project_column() -> None:
    text = "一般公共预算项目支出情况表\n" + _tsv(
        ["科目编码", "科目名称", "项目名称", *CATEGORY_HEADS],
        ["2101501", "行政运行", "2024 年综合 业务费", "30.00", "", "10.00", "", "", "", "20.00"],
        ["2101599", "其他医疗保障管理事务支出", "稽核费", "1,000.00", "", "", "1,000.00"],
        ["", "", "合 计", "1,030.00", "", "10.00", "1,000.00", "", "", "20.00"],
    )
    table = _table(text, "general_budget_projects")
    first, second, total = table.lines
    assert (first.code, first.project) == (FunctionCode("2101501"), "2024年综合业务费")
    assert (first.amounts.goods_services, first.amounts.capital, first.amounts.capital_construction) == (
        D("10.00"), D("20.00"), D("0"))
    assert second.amounts.family_subsidies == D("1000.00")
    assert (total.name, total.project, total.kind) == ("合计", None, RowKind.TOTAL)
    assert total.amounts.total == D("1030.00")


def test_project_expenditure_with_a_missing_column_is_not_read() -> None:
    heads = [head for head in CATEGORY_HEADS if head != "债务利息及费用支出"]
    head = ["科目编码", "", "", "科目名称", "项目名称", *heads]
    text = "一般公共预算项目支出情况表\n" + _tsv(head, ["类", "款", "项"])
    table, problems = _read(text, "general_budget_projects")
    assert table is None and len(problems) == 1


# --- 项目支出表 (Henan) -------------------------------------------------------------------------------

PROJECTS_HEAD = _tsv(
    ["类型", "项目名称", "项目单位", "合计", "本年拨款", "", "", "财政拨款结转结余", "", "",
     "财政专户管理资金", "单位资金"],
    ["", "", "", "", *["一般公共预算", "政府性基金预算", "国有资本经营预算"] * 2],
)


def test_projects_grouped_by_agency_with_unknown_type_and_page_break() -> None:
    text = "2024 年项目支出表\n部门名称：某局\n单位：万元\n" + PROJECTS_HEAD + _tsv(
        ["", "", "合计", "1,106.00", "1,100.00", "", "", "5.00", "", "", "", "1.00"],
        ["", "304", "某局", "1,106.00", "1,100.00", "", "", "5.00", "", "", "", "1.00"],
        ["", "304001", "某局本级", "1,105.00", "1,100.00", "", "", "5.00"],
        ["特定目标类", "城乡医疗救助", "某局本级", "1,100.00", "1,100.00"],
        ["其他运转类", "上年结转印刷费", "", "5.00", "", "", "", "5.00"],
    ) + "部门名称：某局\n单位：万元\n" + PROJECTS_HEAD + _tsv(
        ["专项业务类", "委托业务费", "某中心", "1.00", "", "", "", "", "", "", "", "1.00"],
        ["", "（第一批）"],
        ["", "", "", "9.00"],
    )
    table, problems = _read(text, "projects")
    names = [line.name for line in table.lines]
    assert names == ["合计", "某局", "某局本级", "城乡医疗救助", "上年结转印刷费", "委托业务费（第一批）"]
    kinds = [line.kind for line in table.lines]
    assert kinds == [RowKind.TOTAL, RowKind.AGENCY, RowKind.AGENCY, *[RowKind.PROJECT] * 3]
    rescue, printing, commission = table.lines[3:]
    assert (rescue.project_type, rescue.agency, rescue.agency_code) == (ProjectType.SPECIFIC, "某局本级", "304001")
    # A project printed without its unit belongs to the agency row above.
    assert (printing.project_type, printing.agency, printing.agency_code) == (
        ProjectType.OPERATING, "某局本级", "304001")
    assert printing.amounts.carryover_general == D("5.00") and printing.amounts.general_budget == D("0")
    # A unit other than the agency row's keeps its printed name and no code.
    assert (commission.project_type, commission.agency, commission.agency_code) == (None, "某中心", None)
    assert commission.amounts.agency_funds == D("1.00")
    assert table.lines[0].amounts.total == D("1106.00")
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(15, "project"), (17, "row")]


# --- seeds --------------------------------------------------------------------------------------------


def _seed(name: str) -> str:
    return seed_text(name)


SEED_1 = "001_ecac1c9bef546caa.txt"
SEED_2 = "002_9c02a3d6cb0f0eba.txt"
SEED_3 = "003_46f91a7ccf92bf45.txt"
SEED_4 = "004_77eafa45268ff922.txt"


def _by_code(table: Any) -> dict[str, Any]:
    return {str(line.code): line for line in table.lines if line.code is not None}


def test_seed_001_basic() -> None:
    table = _table(_seed(SEED_1), "general_budget_basic")
    assert len(table.lines) == 27
    total = table.lines[0]
    assert (total.name, total.amounts.total, total.amounts.personnel, total.amounts.public) == (
        "总计", D("1804.60"), D("1640.91"), D("163.69"))
    rows = _by_code(table)
    assert rows["301"].amounts.personnel == D("1637.38")
    assert rows["30108"].name == "机关事业单位基本养老保险缴费" and rows["30108"].amounts.total == D("188.99")
    assert rows["302"].amounts.public == D("163.69") and rows["302"].amounts.personnel == D("0")
    assert rows["30213"].name == "维修（护）费" and rows["30213"].amounts.public == D("1.00")
    assert rows["30217"].amounts.public == D("0.50")
    assert rows["30302"].name == "退休费" and rows["30302"].amounts.personnel == D("3.53")
    assert table.number == "表 6"


def test_seed_002_basic() -> None:
    table = _table(_seed(SEED_2), "general_budget_basic")
    assert len(table.lines) == 20
    rows = _by_code(table)
    assert rows["301"].amounts.total == D("541.28")
    assert rows["30199"].name == "其他工资福利支出" and rows["30199"].amounts.personnel == D("9.46")
    assert rows["30231"].amounts.public == D("0.50")
    total = table.lines[-1]
    assert (total.kind, total.amounts.total, total.amounts.personnel, total.amounts.public) == (
        RowKind.TOTAL, D("546.13"), D("541.28"), D("4.85"))


def test_seed_003_basic_henan() -> None:
    table = _table(_seed(SEED_3), "general_budget_basic")
    assert len(table.lines) == 15
    total = table.lines[0]
    assert (total.name, total.amounts.total, total.amounts.personnel, total.amounts.public) == (
        "合计", D("476.35"), D("450.83"), D("25.52"))
    rows = _by_code(table)
    assert (rows["30107"].name, rows["30107"].gov_code, rows["30107"].gov_name) == (
        "绩效工资", GovEconomicCode("50501"), "工资福利支出")
    assert rows["30304"].gov_code == GovEconomicCode("50901") and rows["30304"].amounts.personnel == D("1.34")
    assert rows["30239"].gov_name == "办公经费" and rows["30239"].amounts.public == D("7.37")
    assert rows["30113"].amounts.total == D("39.23")


def test_seed_003_economic_summary() -> None:
    table = _table(_seed(SEED_3), "economic_summary")
    assert len(table.lines) == 24
    total, agency = table.lines[:2]
    assert (total.kind, total.amounts.total, total.amounts.general_budget, total.amounts.carryover) == (
        RowKind.TOTAL, D("9018.93"), D("9010.57"), D("8.36"))
    assert (agency.kind, agency.agency_code, agency.name) == (RowKind.AGENCY, "304", "延津县医疗保障局")
    rows = _by_code(table)
    assert all(line.agency_code == "304" and line.agency == "延津县医疗保障局" for line in rows.values())
    office = rows["30201"]
    assert (office.gov_code, office.gov_name) == (GovEconomicCode("50201"), "办公经费")
    assert (office.amounts.total, office.amounts.general_budget, office.amounts.general_appropriation,
            office.amounts.carryover) == (D("35.76"), D("27.40"), D("27.40"), D("8.36"))
    assert rows["31302"].gov_code == GovEconomicCode("51002") and rows["31302"].amounts.total == D("6692.80")
    assert rows["30307"].amounts.general_budget == D("1679.64")
    assert table.lines[-1].code == EconomicCode("30113")


def test_seed_001_project_expenditure() -> None:
    table = _table(_seed(SEED_1), "general_budget_projects")
    assert len(table.lines) == 16
    total = table.lines[0]
    assert (total.kind, total.amounts.total, total.amounts.goods_services, total.amounts.capital) == (
        RowKind.TOTAL, D("456.06"), D("436.06"), D("20.00"))
    agencies = [line for line in table.lines if line.kind is RowKind.AGENCY]
    assert [(a.name, a.amounts.total) for a in agencies] == [
        ("乌鲁木齐市医疗保障局", D("334.78")), ("乌鲁木齐市医疗保障事业发展中心", D("121.28"))]
    projects = [(line.agency, str(line.code), line.project, line.amounts.total)
                for line in table.lines if line.kind is RowKind.PROJECT]
    ju, zx = "乌鲁木齐市医疗保障局", "乌鲁木齐市医疗保障事业发展中心"
    assert projects == [
        (ju, "2060499", "信息化运维项目", D("17.03")),
        (ju, "2101502", "2024年综合业务费", D("86.78")),
        (ju, "2101505", "2024年中央财政医疗服务与保障能力提升补助资金（第一批）", D("165.00")),
        (ju, "2101506", "2024年自治区财政全民参保及医疗服务经费补助资金", D("65.97")),
        (zx, "2101506", "2024年中央财政医疗服务与保障能力提升补助资金（第一批）", D("7.00")),
        (zx, "2101599", "2024年综合业务费", D("90.01")),
        (zx, "2101599", "2024年稽核费", D("24.27")),
    ]
    business = table.lines[7]
    assert (business.amounts.goods_services, business.amounts.capital) == (D("66.78"), D("20.00"))
    assert table.lines[14].name == "其他医疗保障管理事务支出"  # joined across the page break


def test_seed_002_project_expenditure_as_printed() -> None:
    table = _table(_seed(SEED_2), "general_budget_projects")
    assert len(table.lines) == 14
    rows = {line.project: line for line in table.lines if line.project}
    assert rows["2023年阿克陶县城乡居民医疗保险补助资金"].amounts.family_subsidies == D("612.00")
    assert rows["2023年中央财政医疗服务与保障能力提升补助资金(医疗保障服务能力建设部分)"].amounts.total == D("15.00")
    # The document puts 13.00 under 资本性支出 in the 类 and 款 rows but under 资本性支出（基本建设）
    # in the project row and the total: read as printed, for validation to judge.
    assert rows["2023年医疗信息化建设配套资金"].amounts.capital_construction == D("13.00")
    assert table.lines[0].amounts.capital == D("13.00") and table.lines[0].code == FunctionCode("210")
    total = table.lines[-1]
    assert (total.name, total.amounts.total, total.amounts.goods_services, total.amounts.family_subsidies,
            total.amounts.capital_construction) == ("合计", D("657.30"), D("31.10"), D("613.20"), D("13.00"))


def test_seed_003_projects() -> None:
    table = _table(_seed(SEED_3), "projects")
    assert len(table.lines) == 15
    total, agency, *projects = table.lines
    assert (total.name, total.amounts.total, total.amounts.general_budget, total.amounts.carryover_general) == (
        "合计", D("8542.58"), D("8534.22"), D("8.36"))
    assert (agency.kind, agency.agency_code, agency.name) == (RowKind.AGENCY, "304", "延津县医疗保障局")
    assert all(p.agency == "延津县医疗保障局" and p.agency_code == "304" for p in projects)
    by_name = {p.project: p for p in projects}
    assert by_name["城乡医疗救助"].project_type is ProjectType.SPECIFIC
    assert by_name["城乡医疗救助"].amounts.total == D("405.64")
    carried = by_name["2023年结转医疗服务与保障能力提升上级补助资金"]
    assert carried.project_type is ProjectType.OPERATING
    assert (carried.amounts.general_budget, carried.amounts.carryover_general) == (D("0"), D("8.36"))
    assert by_name["城乡居民基本医疗保险县级配套资金2024"].amounts.general_budget == D("6592.80")
    assert sum(1 for p in projects if p.project_type is ProjectType.OPERATING) == 6
    assert sum((p.amounts.total for p in projects), D(0)) == D("8542.58")


def _amounts(table: Any) -> list[Decimal]:
    return [value for line in table.lines for _, value in line.amounts.columns() if value]


@pytest.mark.parametrize("seed", [SEED_1, SEED_2, SEED_3, SEED_4])
def test_every_amount_read_from_a_seed_is_printed_there(seed: str) -> None:
    text = _seed(seed)
    printed = {D(n.replace(",", "")) for n in re.findall(r"\d[\d,]*\.\d+", text)}
    for block in find_blocks(split_lines(text)):
        reader = READERS.get(block.key)
        if reader is None:
            continue
        table, problems = reader(block)
        assert table is not None or problems
        if table is not None:
            assert set(_amounts(table)) <= printed


def test_seed_004_garbled_tables_are_reported_not_guessed() -> None:
    blocks = [b for b in find_blocks(split_lines(_seed(SEED_4))) if b.key in READERS]
    assert blocks
    for block in blocks:
        table, problems = READERS[block.key](block)
        # The PDF text has no cells, and its titles stand below their tables: given the block as
        # printed, the reader reports it (read_text first rebuilds what it can: cnbudget.readers.flat).
        assert table is None
        assert problems and problems[0].line == block.title.number


# --- properties -------------------------------------------------------------------------------------

_NAMES = ("基本工资", "津贴补贴", "奖金", "办公费", "印刷费", "差旅费")
_money = st.decimals(min_value=0, max_value=10**7, places=2)


def _printed(value: Decimal, style: int) -> str:
    if style == 0 and value == 0:
        return ""
    text = f"{value:,.2f}" if style == 1 else f"{value:.2f}"
    return text.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．")) if style == 2 else text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 99), st.sampled_from(_NAMES), _money, _money, st.integers(0, 2)),
                min_size=1, max_size=8))
def test_basic_table_round_trip(rows: list[tuple[int, str, Decimal, Decimal, int]]) -> None:
    body = [["302", f"{section:02d}", name, _printed(a + b, style), _printed(a, style), _printed(b, style)]
            for section, name, a, b, style in rows]
    table = _table("一般公共预算基本支出情况表\n" + BASIC_HEAD + _tsv(*body), "general_budget_basic")
    assert [(str(line.code), line.name) for line in table.lines] == [
        (f"302{section:02d}", name) for section, name, *_ in rows]
    assert [(line.amounts.total, line.amounts.personnel, line.amounts.public) for line in table.lines] == [
        (a + b, a, b) for _, _, a, b, _ in rows]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(ProjectType)), st.sampled_from(_NAMES), _money, _money),
                min_size=1, max_size=6))
def test_project_table_round_trip(rows: list[tuple[ProjectType, str, Decimal, Decimal]]) -> None:
    body = [[kind.zh, name, "某局", f"{a + b:,.2f}", f"{a:.2f}", "", "", f"{b:.2f}"] for kind, name, a, b in rows]
    table = _table("项目支出表\n" + PROJECTS_HEAD + _tsv(*body), "projects")
    assert [(line.project_type, line.project, line.agency) for line in table.lines] == [
        (kind, name, "某局") for kind, name, *_ in rows]
    assert [(line.amounts.general_budget, line.amounts.carryover_general) for line in table.lines] == [
        (a, b) for *_, a, b in rows]


_LABELS = ("合计", "人员经费", "公用经费", "项目支出")


@given(st.permutations(_LABELS))
def test_ordered_layout_needs_its_labels_in_order(order: list[str]) -> None:
    layout = OrderedLayout(name="demo", signature=_LABELS, lead=("name",), amounts=("a", "b", "c", "d"))
    assert layout.matches("科目名称" + "".join(order)) == (tuple(order) == _LABELS)


def test_total_labels() -> None:
    assert is_sum_label("合 计") and is_sum_label("总计") and is_sum_label(" 小计 ") and is_sum_label("本年合计")
    assert not is_sum_label("合计数") and not is_sum_label("") and not is_sum_label("行政运行")
