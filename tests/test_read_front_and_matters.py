"""Reading the "三公" table, 上年结转结余情况明细表, the agencies and staffing of the front matter and
the 其他重要事项 of the narrative."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import CarryoverTable, OtherMatters, ThreePublicTable
from cnbudget.money import AmountUnit
from cnbudget.readers.prose.front import DocumentKind, FrontMatter, document_kind, read_front
from cnbudget.readers.prose.matters import read_other_matters
from cnbudget.readers.prose.organisation import read_organisation
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.carryover import is_carryover_empty_statement, read_carryover_table
from cnbudget.readers.tables.three_public import item_of, read_three_public_table
from cnbudget.readers.text.agency_names import department_level, is_agency_name
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import split_lines
from cnbudget.vocab import AgencyKind
from tests.seeds import seed_text

SEED_1 = "001_ecac1c9bef546caa.txt"
SEED_2 = "002_9c02a3d6cb0f0eba.txt"
SEED_3 = "003_46f91a7ccf92bf45.txt"
SEED_4 = "004_77eafa45268ff922.txt"
D = Decimal


def _seed(name: str) -> str:
    return seed_text(name)


def _tsv(*rows: list[str]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


def _block(text: str, key: str) -> Block:
    return next(block for block in find_blocks(split_lines(text)) if block.key == key)


def _three_public(text: str) -> tuple[ThreePublicTable | None, list[Problem]]:
    return read_three_public_table(_block(text, "three_public"))


def _carryover(text: str) -> tuple[CarryoverTable | None, list[Problem]]:
    return read_carryover_table(_block(text, "carryover"))


def _full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))


# --- the "三公" table ----------------------------------------------------------------------------------

THREE_PUBLIC_HEAD = _tsv(
    ["“三公”经费支出内容", "合计", "资金来源", "", ""],
    ["", "", "一般公共预算", "政府性基金", "国有资本经营 预算"],
)


def test_three_public_items_down_with_blank_rows_page_break_and_number_forms() -> None:
    text = (
        "财政拨款“三公”经费支出情况表\n编制部门：某局\n单位：万元\n" + THREE_PUBLIC_HEAD
        + _tsv(["※", "1", "2", "3", "4"], ["<b>合计</b>", "1,234.50", "1,200.00", "34.50", ""],
               ["因公出国（境）费", "", "", "", ""], ["公务接待费", _full_width("1,000.00"), _full_width("1,000.00")])
        # a new page repeats the unit line and the header
        + "单位：万元\n" + THREE_PUBLIC_HEAD
        + _tsv(["公务用车购置及运", "", "", ""], ["行费（小计）", "234.50", "200.00", "34.50"],
               ["其中：公务用车购置费", "-", "", ""], ["公务用车运行费", "234.50", "200.00", "34.50"])
    )
    table, problems = _three_public(text)
    assert problems == []
    assert table is not None
    assert table.scope == "财政拨款"
    assert (table.total.total, table.total.general_budget, table.total.gov_fund, table.total.soe_capital) == (
        D("1234.50"), D("1200.00"), D("34.50"), D("0"))
    assert table.reception.general_budget == D("1000.00")
    assert table.overseas_travel.total == 0 and table.vehicle_purchase.total == 0
    assert (table.vehicles.total, table.vehicles.gov_fund) == (D("234.50"), D("34.50"))
    assert table.vehicle_operation.general_budget == D("200.00")


def test_three_public_henan_items_across() -> None:
    text = (
        "2024 年一般公共预算“三公”经费支出情况表\n部门名称：某局\n单位：万元\n"
        + _tsv(["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
               ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
               ["3.50", "", "3.00", "", "3.00", "0.50"])
        + "注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。\n"
    )
    table, problems = _three_public(text)
    assert problems == [] and table is not None
    assert table.scope == "一般公共预算"
    assert [(name, split.total, split.general_budget) for name, split in table.items()] == [
        ("total", D("3.50"), None), ("overseas_travel", D("0"), None), ("vehicles", D("3.00"), None),
        ("vehicle_purchase", D("0"), None), ("vehicle_operation", D("3.00"), None), ("reception", D("0.50"), None)]
    assert table.notes == ("“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。",)


def test_three_public_one_budget_column() -> None:
    text = "“三公”经费支出情况表\n" + _tsv(["项目", "2024年预算数"], ["合计", "2.00"], ["1.因公出国（境）费", "0"],
                                     ["2.公务用车购置及运行维护费", "1.50"], ["其中：公务用车购置费", "0"],
                                     ["公务用车运行维护费", "1.50"], ["3.公务接待费", "0.50"])
    table, problems = _three_public(text)
    assert problems == [] and table is not None
    assert table.scope is None
    assert (table.vehicles.total, table.vehicle_operation.total, table.vehicles.general_budget) == (
        D("1.50"), D("1.50"), None)


def test_three_public_missing_item_is_not_completed() -> None:
    text = "财政拨款“三公”经费支出情况表\n" + THREE_PUBLIC_HEAD + _tsv(
        ["合计", "1.00", "1.00"], ["因公出国（境）费", "", ""], ["公务接待费", "0.40", "0.40"],
        ["其中：公务用车购置费", "", ""], ["公务用车运行费", "0.60", "0.60"])
    table, problems = _three_public(text)
    assert table is None
    assert "vehicles" in problems[-1].message and problems[-1].line == 1


def test_three_public_other_rows_and_dropped_cells_are_reported() -> None:
    text = "财政拨款“三公”经费支出情况表\n" + THREE_PUBLIC_HEAD + _tsv(
        ["合计", "1.00", "1.00"], ["因公出国（境）费", "", ""], ["公务接待费", "0.40", "0.40"],
        ["培训费", "9.00", "9.00"], ["公务用车购置及运行费（小计）", "0.60", "0.60"],
        ["其中：公务用车购置费", "", ""], ["公务用车运行费", "0.60", "0.60"], ["公务接待费", "0.50", "0.50"])
    table, problems = _three_public(text)
    assert table is not None
    assert table.reception.total == D("0.40")  # the first row of an item is kept
    assert [p.line for p in problems] == [7, 11]


def test_three_public_in_another_column_order_or_unknown_is_not_read() -> None:
    head = _tsv(["三公支出内容", "合计", "预算来源"], ["", "", "国有资本经营预算", "政府性基金", "一般公共预算"])
    table, problems = _three_public("财政拨款“三公”经费支出情况表\n" + head + _tsv(["合计", "1.00", "", "", "1.00"]))
    assert table is None and "no known layout" in problems[0].message


def test_three_public_stated_empty_without_items() -> None:
    statement = "本部门没有使用财政拨款安排的“三公”经费支出，本表为空表。\n"
    text = "财政拨款“三公”经费支出情况表\n" + THREE_PUBLIC_HEAD + statement
    table, problems = _three_public(text)
    assert table is None
    assert problems[0].message.startswith("table not kept: it states that it is empty")


def test_three_public_item_labels() -> None:
    assert item_of("(一)因公出国(境)费") == "overseas_travel"
    assert item_of("公务用车购置和运行费") == item_of("公务用车购置费及运行费") == "vehicles"
    assert item_of("“三公”经费合计") == "total"
    assert item_of("其中:公务接待费") == "reception"
    assert item_of("会议费") is None and item_of("") is None


_money = st.decimals(min_value=0, max_value=10**6, places=2)


def _printed(value: Decimal, style: int) -> str:
    if style == 0 and value == 0:
        return ""
    text = f"{value:,.2f}" if style == 1 else f"{value:.2f}"
    return _full_width(text) if style == 2 else text


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(_money, _money), min_size=4, max_size=4), st.integers(0, 2))
def test_three_public_round_trip(parts: list[tuple[Decimal, Decimal]], style: int) -> None:
    travel, purchase, operation, reception = parts
    vehicles = (purchase[0] + operation[0], purchase[1] + operation[1])
    items = [("因公出国（境）费", travel), ("公务接待费", reception), ("公务用车购置及运行费（小计）", vehicles),
             ("其中：公务用车购置费", purchase), ("公务用车运行费", operation)]
    total = (sum((p[0] for _, p in items[:3]), D(0)), sum((p[1] for _, p in items[:3]), D(0)))
    rows = [[label, _printed(a + b, style), _printed(a, style), _printed(b, style), ""]
            for label, (a, b) in [("合计", total), *items]]
    table, problems = _three_public("财政拨款“三公”经费支出情况表\n" + THREE_PUBLIC_HEAD + _tsv(*rows))
    assert problems == [] and table is not None
    expected = {"total": total, "overseas_travel": travel, "vehicles": vehicles, "vehicle_purchase": purchase,
                "vehicle_operation": operation, "reception": reception}
    for name, split in table.items():
        a, b = expected[name]
        assert (split.total, split.general_budget, split.gov_fund, split.soe_capital) == (a + b, a, b, D(0))


# --- 上年结转结余情况明细表 -------------------------------------------------------------------------------

CARRYOVER_HEAD = _tsv(
    ["项目名称", "总计", "财政拨款", "", "", "", "非财政拨款", "", "", ""],
    ["", "", "合计", "基本支出", "", "项目支出", "合计", "基本支出", "", "项目支出"],
    ["", "", "", "人员经费", "公用经费", "", "", "人员经费", "公用经费", ""],
)


def _carry(name: str, fiscal: str, non_fiscal: str = "") -> list[str]:
    total = D(fiscal.replace(",", "") or "0") + D(non_fiscal or "0")
    return [name, f"{total:,.2f}", fiscal, "", "", fiscal, non_fiscal, "", "", non_fiscal]


def test_carryover_agencies_projects_and_names_cut_by_page_breaks() -> None:
    text = (
        "上年结转结余情况明细表\n编制部门：某局\n单位：万元\n" + CARRYOVER_HEAD
        + _tsv(["※", "1", "2", "3", "4", "5", "6", "7", "8", "9"], _carry("<b>总计</b>", "1,030.00", "5.00"),
               _carry("<b>某市医疗保障局</b>", "1,000.00"),
               _carry("2023年中央财政医疗服务与保障能力提升补助", "600.00"))
        + "资金（第二批）\n"  # the rest of the name, its blank cells dropped by the text
        + "单位：万元\n" + CARRYOVER_HEAD
        + _tsv(_carry("2023年综合业务费", "400.00"), _carry("某市医疗保障事业发展中心", "30.00", "5.00"),
               _carry("全民参保补助资金", "30.00"), _carry("事业收入结余", "", "5.00"))
    )
    table, problems = _carryover(text)
    assert problems == [] and table is not None
    assert [(line.name, line.agency, line.project is not None) for line in table.lines] == [
        ("总计", None, False),
        ("某市医疗保障局", "某市医疗保障局", False),
        ("2023年中央财政医疗服务与保障能力提升补助资金（第二批）", "某市医疗保障局", True),
        ("2023年综合业务费", "某市医疗保障局", True),
        ("某市医疗保障事业发展中心", "某市医疗保障事业发展中心", False),
        ("全民参保补助资金", "某市医疗保障事业发展中心", True),
        ("事业收入结余", "某市医疗保障事业发展中心", True),
    ]
    total = table.lines[0].amounts
    assert (total.total, total.fiscal, total.fiscal_project, total.non_fiscal, total.non_fiscal_personnel) == (
        D("1035.00"), D("1030.00"), D("1030.00"), D("5.00"), D("0"))
    assert table.lines[-1].amounts.non_fiscal_project == D("5.00")


def test_carryover_stated_empty() -> None:
    table, problems = _carryover("上年结转结余情况明细表\n" + CARRYOVER_HEAD + "本部门 2024 年无上年结转结余。\n")
    assert problems == [] and table is not None
    assert table.lines == () and table.empty_statement == "本部门 2024 年无上年结转结余。"
    table, problems = _carryover("上年结转结余情况明细表\n编制部门：某局\n上年结转结余情况明细表为空表。\n")
    assert problems == [] and table is not None and table.empty_statement is not None


def test_carryover_unknown_layout_and_lost_columns_are_reported() -> None:
    table, problems = _carryover("上年结转结余情况明细表\n" + _tsv(["项目名称", "金额"], ["某项目", "5.00"]))
    assert table is None and "no known layout" in problems[0].message
    table, problems = _carryover("上年结转结余情况明细表\n总计项目\n4.884.884.88\n")
    assert table is None and "lost the table's columns" in problems[0].message


def test_carryover_stray_line_inside_the_table_is_reported() -> None:
    text = "上年结转结余情况明细表\n" + CARRYOVER_HEAD + _tsv(_carry("总计", "3.00"), _carry("某局", "3.00")) \
        + "本表按项目填列。\n" + _tsv(_carry("综合业务费", "3.00"))
    table, problems = _carryover(text)
    assert table is not None and len(table.lines) == 3
    assert [(p.line, p.message) for p in problems] == [(7, "a line inside the table that is no row of it; not read")]


def test_carryover_empty_statements() -> None:
    assert is_carryover_empty_statement("本单位没有上年结转结余资金")
    assert is_carryover_empty_statement("上年结转结余为 0")
    assert not is_carryover_empty_statement("2023年全民参保补助资金")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(("综合业务费", "全民参保补助资金", "替代工作经费")), _money, _money),
                min_size=1, max_size=6))
def test_carryover_round_trip(rows: list[tuple[str, Decimal, Decimal]]) -> None:
    body = [[name, f"{a + b:,.2f}", f"{a:.2f}", "", "", f"{a:.2f}", f"{b:.2f}", "", f"{b:.2f}", ""]
            for name, a, b in rows]
    table, problems = _carryover("上年结转结余情况明细表\n" + CARRYOVER_HEAD + _tsv(*body))
    assert problems == [] and table is not None
    assert [(line.project, line.amounts.total, line.amounts.fiscal_project, line.amounts.non_fiscal_public)
            for line in table.lines] == [(name, a + b, a, b) for name, a, b in rows]


# --- agencies and staffing ---------------------------------------------------------------------------


def _front(*paragraphs: str) -> str:
    return "第一部分 2024 年某市医疗保障局部门概况\n二、机构设置及人员情况\n" + "\n\n".join(paragraphs) \
        + "\n第二部分 2024 年部门预算公开表\n编制部门：某市医疗保障局\n某市医疗保障局编制数 999。\n"


def test_agencies_listed_on_lines_with_kind_counts_that_do_not_say_which() -> None:
    text = _front(
        "从预算单位构成看，某市医疗保障局的预算包括：某市医疗保障局本级预算及下属 1 家预算单位在内的汇总预算。",
        "某市医疗保障局本级下设 4 个处室，分别是：办公室、待遇保障科、医药管理科、基金监管科。",
        "本部门中，行政单位 1 家，事业单位 1 家，纳入某市医疗保障局 2024 年部门预算编制范围的下属预算单位包括：",
        "- 1、某市医疗保障局\n- 2、某市医疗保障事业发展中心",
        "某市医疗保障局编制数 116，实有人数 112 人，其中：在职 107 人，增加 6 人；退休 5 人，减少 1 人；离休 0 人，"
        "与上年持平。",
    )
    agencies, staffing, problems = read_organisation(split_lines(text))
    assert [(a.name, a.kind, a.is_department_level) for a in agencies] == [
        ("某市医疗保障局", None, True), ("某市医疗保障事业发展中心", None, False)]
    assert [p.line for p in problems] == [7] and "which agency is which" in problems[0].message
    assert staffing is not None
    assert (staffing.authorized, staffing.actual, staffing.serving, staffing.serving_change) == (116, 112, 107, 6)
    assert (staffing.retired, staffing.retired_change) == (5, -1)
    assert (staffing.pre_1949_retired, staffing.pre_1949_retired_change) == (0, 0)


def test_agencies_inline_with_kinds_beside_names_and_chinese_numerals() -> None:
    text = _front("本部门按要求编制 2024 年部门预算。纳入本部门预算编制范围的单位共三个，包括："
                  "某市医疗保障局本级（行政单位）、某市医疗保障事业发展中心（事业单位）、某市医疗保险经办中心（参照公务员法管理事业单位）。")
    agencies, staffing, problems = read_organisation(split_lines(text))
    assert problems == [] and staffing is None
    assert [(a.name, a.kind, a.is_department_level) for a in agencies] == [
        ("某市医疗保障局", AgencyKind.ADMINISTRATIVE, True),
        ("某市医疗保障事业发展中心", AgencyKind.INSTITUTION, False),
        ("某市医疗保险经办中心", AgencyKind.CIVIL_SERVICE_MANAGED, False)]


def test_agencies_one_kind_counted_for_all_and_a_count_that_disagrees() -> None:
    text = _front("某市医疗保障局的预算包括：本级预算及下属 2 家预算单位。行政单位 2 家。下属预算单位包括：",
                  "1.某市医疗保障局\n2.某市医疗保障监督所")
    agencies, _, problems = read_organisation(split_lines(text))
    assert [(a.name, a.kind, a.is_department_level) for a in agencies] == [
        ("某市医疗保障局", AgencyKind.ADMINISTRATIVE, True), ("某市医疗保障监督所", AgencyKind.ADMINISTRATIVE, False)]
    assert len(problems) == 1 and "counts 2 agencies below the department's own but names 1" in problems[0].message


def test_agency_without_subordinates_and_staffing_cut_over_lines() -> None:
    text = _front("  某市医疗保障局单位无下属预算单位，下设  4  个处室，分\n\n别是：综合办公室、待遇保障股。",
                  "  某市医疗保障局单位编制数  15，实有人数  19  人，其中：\n\n在职  18  人，增加  0  人；退休  1  人，"
                  "增加  1  人；离休  0  人，增加\n\n0  人。")
    agencies, staffing, problems = read_organisation(split_lines(text))
    assert problems == []
    assert [(a.name, a.is_department_level) for a in agencies] == [("某市医疗保障局", True)]
    assert staffing is not None
    assert (staffing.authorized, staffing.actual, staffing.serving, staffing.retired_change) == (15, 19, 18, 1)
    assert staffing.pre_1949_retired_change == 0


def test_a_list_with_pieces_that_are_no_names_is_reported() -> None:
    agencies, _, problems = read_organisation(split_lines(_front("预算单位包括：局属二级机构、某市医疗保障监督所。")))
    assert agencies == ()
    assert [p.line for p in problems] == [3] and "not read" in problems[0].message


def test_agency_names() -> None:
    assert is_agency_name("某县卫生健康委员会") and is_agency_name("某市医疗保障局（本级）")
    assert not is_agency_name("2023年综合业务费") and not is_agency_name("医疗救助资金")
    assert department_level("某县财政局机关本级") == ("某县财政局", True)


# --- 其他重要事项 ---------------------------------------------------------------------------------------

MATTERS = """第三部分 2024 年部门预算情况说明
十二、其他重要事项的情况说明
（一）机关运行经费情况
某局 2024 年本级及下属 0 家事业单位的机关运行经费财政拨款预算 50,000.00 元，比上年预算减少 1.20 万元，
下降 19.35%。主要原因是压减公用经费。
（二）政府采购情况
2024 年，某局政府采购预算 21.57 万元，比上年增加 1.00 万元，其中：政府采购货物预算 12.80 万元、政府采购工程预算
0.00 万元、政府采购服务预算 8.77 万元。面向中小企业预留政府采购项目预算金额 20.00 万元，占 92.72%。
（三）国有资产占用使用情况
2023 年期末，某局共有车辆 2 辆，其中：一般公务用车 1 辆；其他用车 1 辆。
1. 房屋 1,200.50 平方米，价值 300.00 万元。
单价 50 万元以上通用设备 1 台（套），单位价值 100 万元以上专用设备 0 台（套），单位价值 20 万元以上设备 3 台。
（四）其他需说明的事项
本部门无其他需说明事项。
"""


def test_other_matters_with_unit_conversion_and_figures_the_model_cannot_hold() -> None:
    matters, problems = read_other_matters(split_lines(MATTERS), department="某局", fiscal_year=2024)
    assert matters is not None
    operating = matters.operating_costs
    assert operating is not None
    assert (operating.subject, operating.amount, operating.change_amount, operating.change_rate) == (
        "机关运行经费财政拨款预算", D("5"), D("-1.20"), D("-19.35"))
    assert operating.reason == "压减公用经费" and operating.section == "（一）机关运行经费情况"
    procurement = matters.procurement
    assert procurement is not None
    assert (procurement.total, procurement.goods, procurement.works, procurement.services) == (
        D("21.57"), D("12.80"), D("0.00"), D("8.77"))
    assert (procurement.sme_reserved, procurement.small_micro_reserved) == (D("20.00"), None)
    assets = matters.assets
    assert assets is not None
    assert (assets.as_of, assets.vehicle_count, assets.vehicle_value) == ("2023年期末", 2, None)
    assert [(v.kind, v.count, v.value) for v in assets.vehicles] == [("一般公务用车", 1, None), ("其他用车", 1, None)]
    assert (assets.building_area, assets.building_value) == (D("1200.50"), D("300.00"))
    assert (assets.equipment_over_500k, assets.equipment_over_1m, assets.planned_equipment_over_500k) == (1, 0, None)
    assert matters.notes == ("本部门无其他需说明事项。",)
    messages = [p.message for p in problems]
    assert any("change of the procurement budget" in m for m in messages)
    assert any("share or rate of the procurement budget" in m for m in messages)
    assert any("equipment above 20 万元" in m for m in messages)
    assert len(problems) == 3


def test_other_matters_absent_and_procurement_not_arranged() -> None:
    nothing = split_lines("第三部分 情况说明\n一、收入\n收入 5 万元。\n")
    assert read_other_matters(nothing, fiscal_year=2024) == (None, [])
    text = "第三部分 情况说明\n（二）政府采购情况\n2024 年本单位未安排政府采购预算。\n"
    matters, problems = read_other_matters(split_lines(text), department="某局", fiscal_year=2024)
    assert problems == [] and matters is not None and matters.procurement is not None
    assert matters.procurement.total == 0 and matters.procurement.goods is None


SHANGHAI_MATTERS = """其他相关情况说明
三、政府采购情况
2023年本部门面向中小企业预留政府采购项目预算金额332.00万元，其中，预留给小型和微型企业的政府采购项目预算为232.40万
元。
五、国有资产占有情况
截止2022年12月31日，本部门车辆7辆（一般公务用车3辆，执法执勤用车4辆）；单价100万元（含）以上设备（不含车辆）0台（套）。
2025年部门预算安排购置车辆0辆，其中：其他用车0辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。
"""


def test_other_matters_of_the_shanghai_template() -> None:
    matters, problems = read_other_matters(split_lines(SHANGHAI_MATTERS), department="某街道", fiscal_year=2023)
    assert matters is not None and matters.procurement is not None and matters.assets is not None
    assert (matters.procurement.sme_reserved, matters.procurement.small_micro_reserved) == (D("332.00"), D("232.40"))
    assets = matters.assets
    assert (assets.as_of, assets.vehicle_count) == ("2022年12月31日", 7)
    assert [(v.kind, v.count) for v in assets.vehicles] == [("一般公务用车", 3), ("执法执勤用车", 4)]
    assert (assets.equipment_over_1m, assets.planned_equipment_over_1m) == (0, 0)
    # vehicles to be bought have no place in the model: reported, not mixed with those held
    assert [p.line for p in problems] == [7] and "vehicles to be bought" in problems[0].message


# --- front matter ------------------------------------------------------------------------------------


def _read_front(text: str) -> tuple[FrontMatter, list[Problem]]:
    return read_front(split_lines(text))


def test_the_year_is_the_titles_not_a_comparisons() -> None:
    text = ("上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区商务委员会\n\n目 录\n四、部门预算编制说明\n"
            "2025年，收入预算37,151.47万元，比2024年预算执行数增加\n24,558.18万元。\n"
            "2022年当年预算执行数为14.00\n2024年预算执行\n比2024年预算增加\n"
            "2025年部门财务收支预算总表\n编制部门：上海市普陀区商务委员会 单位：元\n")
    front, problems = _read_front(text)
    assert (front.fiscal_year, front.department, front.amount_unit, front.title) == (
        2025, "上海市普陀区商务委员会", AmountUnit.YUAN, "上海市普陀区2025年区级部门预算")
    assert problems == []


def test_a_heading_that_names_another_year_than_the_title_is_reported() -> None:
    text = "某局2023年部门预算\n\n目录\n2022年部门收入预算总表\n编制部门：某局 单位：元\n2023年部门支出预算总表\n"
    front, problems = _read_front(text)
    assert front.fiscal_year == 2023
    assert [(p.line, p.text) for p in problems] == [(4, "2022年部门收入预算总表")]
    assert "2022" in problems[0].message and "2023" in problems[0].message
    # without a title, the year most headings name, and the others reported
    text = "第二部分 部门预算表\n2019年部门收入预算总表\n编制部门：某局\n2019年度部门预算表\n2018年部门支出预算总表\n"
    front, problems = _read_front(text)
    assert front.fiscal_year == 2019 and [p.line for p in problems] == [5]


@pytest.mark.parametrize(
    ("text", "department", "year"),
    [
        ("江苏省2018年度\n省级部门预算公开报表\n部 门:中共江苏省委办公厅\n江苏省财政厅印制\n\n目        录\n",
         "中共江苏省委办公厅", 2018),
        ("公开01表\n收支预算总表部门：江苏省政协办公厅 单位：万元\t\t\n第二部分 2019 年度部门预算表\n",
         "江苏省政协办公厅", 2019),
        ("\t部门：\t\t\t江苏省人民检察院\t\t单位：万元\t\n2018年度部门预算表\n", "江苏省人民检察院", 2018),
        ("江苏省委办公厅2018年度部门预算公开\n\n目            录\n第一部分  部门概况\n", "江苏省委办公厅", 2018),
        ("江苏省人民检察院\n年部门预算\n2017\n\n目 录\n", "江苏省人民检察院", 2017),  # the year printed after
        ("- 1 -\n\n目  录\n第一部分 部门概况\n第二部分  2019 年度部门预算表\n"
         "附件：江苏省政协办公厅 2019 年度部门预算公开表\n", "江苏省政协办公厅", 2019),
    ],
)
def test_department_and_year_of_every_cover_and_heading(text: str, department: str, year: int) -> None:
    front, problems = _read_front(text)
    assert (front.department, front.fiscal_year) == (department, year)
    assert problems == []


def test_document_kind() -> None:
    final = "上海市普陀区财政局\n年度部门决算\n2024\n\n目 录\n一、收入支出决算总表\n二、收入决算表\n"
    assert document_kind(split_lines(final)) is DocumentKind.FINAL_ACCOUNTS
    budget = "某局2024年部门预算\n\n上年决算数为 10 万元。\n"
    assert document_kind(split_lines(budget)) is DocumentKind.BUDGET
    headings = "一、收入支出决算总表\n二、收入决算表\n三、政府性基金预算财政拨款收入支出决算表\n"
    assert document_kind(split_lines(headings)) is DocumentKind.FINAL_ACCOUNTS
    assert document_kind(split_lines("说明文字。\n")) is DocumentKind.BUDGET  # says neither


# --- seeds ---------------------------------------------------------------------------------------------


def test_seed_three_public_tables() -> None:
    expected = {  # item: (total, 一般公共预算), read by eye from each seed
        SEED_1: {"total": "0.50", "overseas_travel": "0", "reception": "0.50", "vehicles": "0",
                 "vehicle_purchase": "0", "vehicle_operation": "0"},
        SEED_2: {"total": "0.50", "overseas_travel": "0", "reception": "0", "vehicles": "0.50",
                 "vehicle_purchase": "0", "vehicle_operation": "0.50"},
    }
    for seed, items in expected.items():
        table, problems = _three_public(_seed(seed))
        assert problems == [] and table is not None
        assert table.scope == "财政拨款" and table.number == "表 10"
        for name, split in table.items():
            assert (split.total, split.general_budget, split.gov_fund, split.soe_capital) == (
                D(items[name]), D(items[name]), D(0), D(0)), (seed, name)
    table, problems = _three_public(_seed(SEED_3))
    assert problems == [] and table is not None
    assert table.scope == "一般公共预算"
    assert all(split.total == 0 and split.general_budget is None for _, split in table.items())
    assert table.empty_statement == "我部门 2024 年没有使用一般公共预算“三公”经费安排的支出。"


def test_seed_001_carryover() -> None:
    table, problems = _carryover(_seed(SEED_1))
    assert problems == [] and table is not None
    assert table.number == "表 11" and len(table.lines) == 12
    assert [line.name for line in table.lines if line.project is None] == [
        "总计", "乌鲁木齐市医疗保障局", "乌鲁木齐市医疗保障事业发展中心"]
    assert table.lines[0].amounts.total == D("905.62") and table.lines[0].amounts.fiscal_project == D("905.62")
    assert table.lines[1].amounts.total == D("850.46")
    last = table.lines[-1]
    assert (last.agency, last.project, last.amounts.fiscal) == (
        "乌鲁木齐市医疗保障事业发展中心", "2023年全民参保补助资金", D("30.51"))
    assert sum(line.amounts.total for line in table.lines[2:9]) == D("850.47")  # as printed: 0.01 apart


def test_seed_004_garbled_tables_are_reported_not_guessed() -> None:
    text = _seed(SEED_4)
    for read, key in ((_three_public, "three_public"), (_carryover, "carryover")):
        table, problems = read(text)
        # The PDF text has no cells, and its titles stand below their tables: given the block as
        # printed, the reader reports it (read_text first rebuilds what it can: cnbudget.readers.flat).
        assert table is None, key
        assert problems and problems[0].line == _block(text, key).title.number


def test_seed_organisation() -> None:
    agencies, staffing, problems = read_organisation(split_lines(_seed(SEED_1)))
    assert [(a.name, a.is_department_level) for a in agencies] == [
        ("乌鲁木齐市医疗保障局", True), ("乌鲁木齐市医疗保障事业发展中心", False)]
    assert [p.line for p in problems] == [89]  # 行政单位 1 家，事业单位 1 家: which is which is not said
    assert staffing is not None
    assert (staffing.authorized, staffing.actual, staffing.serving, staffing.serving_change) == (116, 112, 107, 6)
    assert (staffing.retired, staffing.retired_change, staffing.pre_1949_retired) == (5, 1, 0)
    expected = {SEED_2: ("阿克陶县医疗保障局", (22, 31, 29, -1, 2, 2)),
                SEED_4: ("轮台县医疗保障局", (15, 19, 18, 0, 1, 1))}
    for seed, (name, figures) in expected.items():
        agencies, staffing, problems = read_organisation(split_lines(_seed(seed)))
        assert problems == [] and [(a.name, a.is_department_level) for a in agencies] == [(name, True)]
        assert staffing is not None
        assert (staffing.authorized, staffing.actual, staffing.serving, staffing.serving_change,
                staffing.retired, staffing.retired_change) == figures
    agencies, staffing, problems = read_organisation(split_lines(_seed(SEED_3)))
    assert [(a.name, a.is_department_level) for a in agencies] == [("延津县医疗保障局", True)]
    assert staffing is None and problems == []  # seed 003 prints no staffing


def _matters(seed: str) -> OtherMatters:
    matters, problems = read_other_matters(split_lines(_seed(seed)))
    assert problems == [] and matters is not None
    return matters


def test_seed_other_matters_operating_costs() -> None:
    figures = {SEED_1: ("163.69", "9.18", "5.94"), SEED_2: ("4.85", "-5.42", "-52.78"),
               SEED_4: ("13.29", "-10.21", "-43.45")}
    for seed, (amount, change, rate) in figures.items():
        operating = _matters(seed).operating_costs
        assert operating is not None and operating.subject == "机关运行经费财政拨款预算"
        assert (operating.amount, operating.change_amount, operating.change_rate) == (D(amount), D(change), D(rate))
    operating = _matters(SEED_3).operating_costs
    assert operating is not None
    assert (operating.subject, operating.amount, operating.change_amount) == ("机构运转经费支出预算", D("25.52"), None)


def test_seed_other_matters_procurement() -> None:
    figures = {SEED_1: ("1111.12", "21.68", "0.00", "1089.44", "1111.12", "1111.12"),
               SEED_2: ("57.95", "51.65", "0.00", "6.30", "57.95", "57.95"),
               SEED_4: ("6.23", "5.50", "0", "0.73", "6.23", "6.23")}
    for seed, values in figures.items():
        p = _matters(seed).procurement
        assert p is not None
        assert (p.total, p.goods, p.works, p.services, p.sme_reserved, p.small_micro_reserved) == tuple(
            D(v) for v in values)
    p = _matters(SEED_3).procurement
    assert p is not None
    assert (p.total, p.goods, p.works, p.services, p.sme_reserved) == (D("21.57"), D("12.80"), D("0.00"), D("8.77"),
                                                                        None)


def test_seed_other_matters_assets() -> None:
    assets = _matters(SEED_2).assets
    assert assets is not None
    assert (assets.as_of, assets.building_area, assets.vehicle_count, assets.vehicle_value) == (
        "2022年底", D("0.00"), 1, D("19.30"))
    assert [(v.kind, v.count, v.value) for v in assets.vehicles] == [
        ("一般公务用车", 0, D("0.00")), ("执法执勤用车", 0, D("0.00")), ("其他车辆", 1, D("19.30"))]
    assert (assets.furniture_value, assets.other_value) == (D("18.56"), D("68.34"))
    assert (assets.equipment_over_500k, assets.equipment_over_1m) == (0, 0)
    assert (assets.planned_equipment_over_500k, assets.planned_equipment_over_1m) == (0, 0)
    assets = _matters(SEED_1).assets
    assert assets is not None and (assets.furniture_value, assets.other_value) == (D("48.53"), D("223.94"))
    assets = _matters(SEED_4).assets
    assert assets is not None and assets.furniture_value == D("0.27") and assets.as_of == "2023年底"
    assets = _matters(SEED_3).assets
    assert assets is not None
    assert (assets.as_of, assets.vehicle_count, assets.building_area) == ("2023年期末", 1, None)
    assert [(v.kind, v.count) for v in assets.vehicles] == [
        ("一般公务用车", 0), ("一般执法执勤用车", 0), ("特种专业技术用车", 0), ("其他用车", 1)]
    assert (assets.equipment_over_500k, assets.equipment_over_1m, assets.planned_equipment_over_1m) == (0, 0, None)


@pytest.mark.parametrize("seed", [SEED_1, SEED_2, SEED_3, SEED_4])
def test_every_amount_read_from_a_seed_is_printed_there(seed: str) -> None:
    text = _seed(seed)
    printed = {D(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}
    values: list[Decimal] = []
    for block in find_blocks(split_lines(text)):
        if block.key == "three_public":
            table, _ = read_three_public_table(block)
            values += [v for _, split in (table.items() if table else ()) for _, v in split.columns()]
        elif block.key == "carryover":
            carryover, _ = read_carryover_table(block)
            values += [v for line in (carryover.lines if carryover else ()) for _, v in line.amounts.columns()]
    matters, _ = read_other_matters(split_lines(text))
    if matters is not None and matters.procurement is not None:
        values += [v for v in (getattr(matters.procurement, f) for f in ("total", "goods", "services")) if v]
    assert {v for v in values if v} <= printed
