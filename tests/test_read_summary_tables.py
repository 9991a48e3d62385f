"""Reading the two-sided summary tables: 收支总体情况表 and 财政拨款收支总体情况表."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.model import FiscalLine, FiscalSummaryTable, SummaryLine, SummaryRole, SummaryTable
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.summary_names import classify_revenue, expenditure_role, parse_printed
from cnbudget.readers.tables.summary_tables import read_fiscal_summary_table, read_summary_table
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import split_lines
from cnbudget.vocab import FundingSource
from tests.seeds import seed_text

AnyLine = TypeVar("AnyLine", SummaryLine, FiscalLine)
ROLE = SummaryRole
SRC = FundingSource


def _block(text: str, key: str) -> Block:
    return next(b for b in find_blocks(split_lines(text)) if b.key == key)


def _summary(text: str) -> tuple[SummaryTable, list[Problem]]:
    table, problems = read_summary_table(_block(text, "summary"))
    assert table is not None, problems
    return table, problems


def _fiscal(text: str) -> tuple[FiscalSummaryTable, list[Problem]]:
    table, problems = read_fiscal_summary_table(_block(text, "fiscal_summary"))
    assert table is not None, problems
    return table, problems


def _rows(*lines: str) -> str:
    """Table lines written with ``|`` between cells, as tab-separated text."""
    return "\n".join(line.replace("|", "\t") for line in lines) + "\n"


def _by_name(lines: tuple[AnyLine, ...], name: str) -> AnyLine:
    return next(line for line in lines if line.name == name)


# --- fixtures ------------------------------------------------------------------------------------

SUMMARY_HEAD = _rows("表 1", "部门收支总体情况表", "编制部门：示例局", "单位：万元", "收 入||支 出|",
                     "项 目|预算数|支出功能分类|预算数")

SUMMARY_WITH_PAGE_BREAK = SUMMARY_HEAD + _rows(
    "一、本年收入|1,260.66|201 一般公共服务支出|",
    "1. 一般公共预算拨款|1,260.66|205 教育支出|",
    "其中：一般财力|１，０２２．６９|208 社会保障和就业支出|92.52",
    "上级国有资本经营预算安排转移支|237.97|215 资源勘探工业信息等支|",
    "- 2 -",
    "编制部门：示例局",
    "单位：万元",
    "收 入||支 出|",
    "项 目|预算数|支出功能分类|预算数",
    "付||出|",
    "二、上年结转结余|5.00|210 卫生健康支出|1,173.14",
    "1、财政拨款结转|5.00|221 住房保障支出|",
    "其中：一般公共预算拨款|5.00",
    "基金预算拨款|",
    "收入总计|1,265.66|支出总计|1,265.66",
)


def test_summary_reads_both_sides_across_a_page_break() -> None:
    table, problems = _summary(SUMMARY_WITH_PAGE_BREAK)
    assert problems == []
    assert table.number == "表 1"
    revenue = [(line.role, line.source, line.name, line.amount) for line in table.revenue]
    assert revenue == [
        (ROLE.CURRENT_YEAR, None, "本年收入", Decimal("1260.66")),
        (ROLE.SOURCE, SRC.GENERAL_BUDGET, "一般公共预算拨款", Decimal("1260.66")),
        (ROLE.SOURCE, SRC.GENERAL_OWN, "其中：一般财力", Decimal("1022.69")),  # full-width digits
        (ROLE.SOURCE, SRC.SOE_CAPITAL_TRANSFER, "上级国有资本经营预算安排转移支付", Decimal("237.97")),
        (ROLE.SOURCE, SRC.CARRYOVER, "上年结转结余", Decimal("5.00")),
        (ROLE.SOURCE, SRC.FISCAL_CARRYOVER, "财政拨款结转", Decimal("5.00")),
        # carryover of a budget: the vocabulary has no source for it, so it keeps none
        (ROLE.SOURCE, None, "其中：一般公共预算拨款", Decimal("5.00")),
        (ROLE.SOURCE, None, "基金预算拨款", Decimal("0")),
        (ROLE.TOTAL, None, "收入总计", Decimal("1265.66")),
    ]
    expenditure = [(line.role, line.code, line.name, line.amount) for line in table.expenditure]
    assert expenditure == [
        (ROLE.FUNCTION, FunctionCode("201"), "一般公共服务支出", Decimal("0")),
        (ROLE.FUNCTION, FunctionCode("205"), "教育支出", Decimal("0")),
        (ROLE.FUNCTION, FunctionCode("208"), "社会保障和就业支出", Decimal("92.52")),
        (ROLE.FUNCTION, FunctionCode("215"), "资源勘探工业信息等支出", Decimal("0")),
        (ROLE.FUNCTION, FunctionCode("210"), "卫生健康支出", Decimal("1173.14")),
        (ROLE.FUNCTION, FunctionCode("221"), "住房保障支出", Decimal("0")),
        (ROLE.TOTAL, None, "支出总计", Decimal("1265.66")),
    ]


HENAN_SUMMARY = _rows(
    "2024 年部门收支总体情况表", "部门名称：示例局", "单位：万元", "收入||支出|", "项目|金额|项目|金额",
    "一、一般公共预算|100.00|一、一般公共服务|",
    "其中：财政拨款|100.00|二、外交|",
    "五、事业收入|3.00|十、卫生健康|103.00",
    "|",
    "||二十九、其他支出|",
    "本年收入合计|103.00|本年支出合计|103.00",
    "上年结转结余||年终结转结余|",
    "收入总计|103.00|支出总计|103.00",
)


def test_summary_without_codes_keeps_names_and_no_code() -> None:
    table, problems = _summary(HENAN_SUMMARY)
    assert problems == []
    assert [(line.role, line.source) for line in table.revenue] == [
        (ROLE.SOURCE, SRC.GENERAL_BUDGET),
        (ROLE.SOURCE, None),  # 其中：财政拨款 under 一般公共预算 is not 财政拨款 as a whole
        (ROLE.SOURCE, SRC.BUSINESS_INCOME),
        (ROLE.CURRENT_YEAR, None),
        (ROLE.SOURCE, SRC.CARRYOVER),
        (ROLE.TOTAL, None),
    ]
    health = _by_name(table.expenditure, "卫生健康")
    assert (health.role, health.code, health.amount) == (ROLE.FUNCTION, None, Decimal("103.00"))
    assert [line.role for line in table.expenditure[-3:]] == [ROLE.CURRENT_YEAR, ROLE.YEAR_END_CARRYOVER, ROLE.TOTAL]
    assert _by_name(table.expenditure, "年终结转结余").amount == Decimal("0")


def test_summary_with_codes_in_a_column_of_their_own() -> None:
    text = _rows("收支总体情况表", "收入||支出||", "项目|预算数|科目编码|科目名称|预算数",
                 "一、本年收入|8.00|210|卫生健康支出|8.00", "收入总计|8.00||支出总计|8.00")
    table, problems = _summary(text)
    assert problems == []
    assert [(line.code, line.name, line.amount) for line in table.expenditure] == [
        (FunctionCode("210"), "卫生健康支出", Decimal("8.00")),
        (None, "支出总计", Decimal("8.00")),
    ]


def test_revenue_only_line_whose_blank_cells_were_dropped_is_read() -> None:
    # "其他收入" alone on its line: the text kept no tab, yet it is a line of the table.
    text = SUMMARY_HEAD + _rows("5. 单位资金|2.00|210 卫生健康支出|2.00", "其他收入", "收入总计|2.00|支出总计|2.00")
    table, problems = _summary(text)
    assert problems == []
    other = _by_name(table.revenue, "其他收入")
    assert (other.source, other.amount) == (SRC.OTHER_INCOME, Decimal("0"))


def test_shifted_line_is_reported_not_guessed() -> None:
    # The revenue amount cell was dropped: the expenditure name now stands in it.
    text = SUMMARY_HEAD + _rows("一、本年收入|5.00|210 卫生健康支出|5.00",
                                "上级补助收入|208 社会保障和就业支出|3.00",
                                "|2.00|221 住房保障支出|",
                                "收入总计|5.00|支出总计|5.00")
    table, problems = _summary(text)
    assert [p.line for p in problems] == [8, 9]
    assert all(p.table == "summary" and "not read" in p.message for p in problems)
    figures = {line.amount for line in (*table.revenue, *table.expenditure)}
    assert Decimal("3.00") not in figures and Decimal("2.00") not in figures
    assert [line.name for line in table.expenditure] == ["卫生健康支出", "支出总计"]


def test_code_on_the_revenue_side_is_reported() -> None:
    # The empty revenue cells were dropped: "230 转移性支出" stands in the revenue name cell.
    text = SUMMARY_HEAD + _rows("230 转移性支出|4.00", "收入总计|4.00|支出总计|4.00")
    table, problems = _summary(text)
    assert len(problems) == 1 and "shifted" in problems[0].message
    assert [line.name for line in table.revenue] == ["收入总计"]


def test_text_inside_the_table_that_is_no_line_of_it_is_reported() -> None:
    text = SUMMARY_HEAD + _rows("一、本年收入|5.00|210 卫生健康支出|5.00", "一般公共预算 5.00 205 教育支出",
                                "收入总计|5.00|支出总计|5.00")
    table, problems = _summary(text)
    assert [p.line for p in problems] == [8]
    assert len(table.revenue) == 2


def test_lines_that_look_like_headings_inside_the_table_are_not_passed_over() -> None:
    text = SUMMARY_HEAD + _rows("一、本年收入|5.00|210 卫生健康支出|5.00",
                                "国有资本经营预算||合计|",  # made of heading words, yet a line of the table
                                "项 目|预 算 数|功能分类|预算数",  # a header repeated in another wording
                                "收入总计|5.00|支出总计|5.00")
    table, problems = _summary(text)
    assert _by_name(table.revenue, "国有资本经营预算").source is SRC.SOE_CAPITAL
    assert _by_name(table.expenditure, "合计").role is ROLE.TOTAL
    assert [p.line for p in problems] == [9]


def test_unknown_layout_and_lost_columns_are_problems() -> None:
    unknown = _rows("部门收支总体情况表", "科目|合计|基本支出", "201 一般公共服务支出|5.00|5.00")
    table, problems = read_summary_table(_block(unknown, "summary"))
    assert table is None and "no known layout" in problems[0].message
    lost = "部门收支总体情况表\n一、本年收入 5.00 201 一般公共服务支出\n收入总计 5.00 支出总计 5.00\n"
    table, problems = read_summary_table(_block(lost, "summary"))
    assert table is None and problems[0].line == 1 and "lost the table's columns" in problems[0].message


def test_header_wider_than_the_layout_is_not_read() -> None:
    # A variant with a second amount column on each side: reading it as one column would shift figures.
    text = _rows("收支总体情况表", "收入|||支出||", "项目|预算数|上年预算数|项目|预算数|上年预算数",
                 "一、本年收入|5.00|4.00|210 卫生健康支出|5.00|4.00")
    table, problems = read_summary_table(_block(text, "summary"))
    assert table is None and "6 columns" in problems[0].message


def test_code_that_is_no_function_code_is_reported() -> None:
    text = SUMMARY_HEAD + _rows("一、本年收入|5.00|501 机关工资福利支出|5.00", "收入总计|5.00|支出总计|5.00")
    table, problems = _summary(text)
    assert len(problems) == 1 and problems[0].line == 7 and "501" in problems[0].message
    assert [line.name for line in table.expenditure] == ["支出总计"]


def test_budget_columns_in_another_order_are_not_read() -> None:
    text = FISCAL_STANDARD.replace("一般公共 预算|政府基 金预算|国有本 营预算".replace("|", "\t"),
                                   "一般公共预算|国有资本经营预算|政府性基金预算".replace("|", "\t"))
    table, problems = read_fiscal_summary_table(_block(text, "fiscal_summary"))
    assert table is None and "no known layout" in problems[0].message


def test_henan_fiscal_header_in_one_row() -> None:
    text = _rows("财政拨款收支总体情况表",
                 "收入项目|金额|支出项目|合计|一般公共预算|其中：财政拨款|政府性基金|国有资本经营预算",
                 "一、本年收入|9.00|一、本年支出|9.00|9.00|7.00||")
    table, problems = _fiscal(text)
    assert problems == [] and table.expenditure[0].amounts.general_appropriation == Decimal("7.00")


def test_amount_in_the_expenditure_name_cell_is_reported() -> None:
    text = SUMMARY_HEAD + _rows("上级补助收入|3.00|3.00", "收入总计|3.00|支出总计|3.00")
    table, problems = _summary(text)
    assert len(problems) == 1 and problems[0].message.startswith("expenditure side not read")
    assert _by_name(table.revenue, "上级补助收入").amount == Decimal("3.00")
    assert [line.name for line in table.expenditure] == ["支出总计"]


def test_empty_table_statement() -> None:
    text = "财政拨款收支总体情况表\n单位：万元\n本部门2024年无财政拨款收支，此表为空表。\n"
    table, problems = _fiscal(text)
    assert problems == []
    assert table.revenue == () and table.expenditure == ()
    assert table.empty_statement == "本部门2024年无财政拨款收支，此表为空表。"


FISCAL_STANDARD = _rows(
    "表 4", "财政拨款收支预算总体情况表", "编制单位：示例局", "单位：万元",
    "财政拨款收入||财政拨款支出||||",
    "项 目|合 计|功 能 分 类|合 计|一般公共 预算|政府基 金预算|国有本 营预算",  # headings garbled by PDF text
    "一、财政拨款（补助）|1,203.43|201 一般公共服务支出||||",
    "一般公共预算|1,200.00|208 社会保障和就业支出|57.97|57.97||",
    "政府性基金预算|3.43|210 卫生健康支出|1,145.46|1,142.03|3.43|",
    "国有资本经营预算||234 抗疫特别国债还本支出||||",
    "收 入 总 计|1,203.43|支 出 总 计|1,203.43|1,200.00|3.43|",
)


def test_fiscal_summary_standard_layout() -> None:
    table, problems = _fiscal(FISCAL_STANDARD)
    assert problems == []
    assert [(line.source, line.amount) for line in table.revenue] == [
        (SRC.FISCAL, Decimal("1203.43")), (SRC.GENERAL_BUDGET, Decimal("1200.00")),
        (SRC.GOV_FUND, Decimal("3.43")), (SRC.SOE_CAPITAL, Decimal("0")), (None, Decimal("1203.43")),
    ]
    health = _by_name(table.expenditure, "卫生健康支出")
    assert health.code == FunctionCode("210")
    amounts = health.amounts
    assert (amounts.total, amounts.general_budget, amounts.gov_fund, amounts.soe_capital) == (
        Decimal("1145.46"), Decimal("1142.03"), Decimal("3.43"), Decimal("0"))
    assert amounts.general_appropriation is None  # this layout has no 其中：财政拨款 column
    total = table.expenditure[-1]
    assert (total.role, total.amounts.total, total.amounts.gov_fund) == (
        ROLE.TOTAL, Decimal("1203.43"), Decimal("3.43"))


FISCAL_HENAN = _rows(
    "2024 年财政拨款收支总体情况表", "部门名称：示例局", "单位：万元",
    "收入||支出|||||",
    "项 目|金 额|项 目|合 计|一般公共预算||政府性基金|国有资本经营预算",
    "||||小 计|其中：财政拨款||",
    "一、本年收入|90.00|一、本年支出|98.00|98.00|90.00||",
    "（一）一般公共预算拨款|90.00|（一）一般公共服务支出|||||",
    "其中：财政拨款|90.00|（十）卫生健康支出|98.00|98.00|90.00||",
    "二、上年结转|8.00|(二十二) 粮油物资储备支出|||||",
    "（一）一般公共预算拨款|8.00|二、年终结转结余|||||",
    "收入合计|98.00|支出合计|98.00|98.00|90.00||",
)


def test_fiscal_summary_henan_layout_with_appropriation_column() -> None:
    table, problems = _fiscal(FISCAL_HENAN)
    assert problems == []
    assert [(line.role, line.source, line.name) for line in table.revenue] == [
        (ROLE.CURRENT_YEAR, None, "本年收入"),
        (ROLE.SOURCE, SRC.GENERAL_BUDGET, "一般公共预算拨款"),
        (ROLE.SOURCE, None, "其中：财政拨款"),
        (ROLE.SOURCE, SRC.CARRYOVER, "上年结转"),
        (ROLE.SOURCE, None, "一般公共预算拨款"),  # carryover of the general budget
        (ROLE.TOTAL, None, "收入合计"),
    ]
    roles = [(line.role, line.name) for line in table.expenditure]
    assert roles == [
        (ROLE.CURRENT_YEAR, "本年支出"), (ROLE.FUNCTION, "一般公共服务支出"), (ROLE.FUNCTION, "卫生健康支出"),
        (ROLE.FUNCTION, "粮油物资储备支出"), (ROLE.YEAR_END_CARRYOVER, "年终结转结余"), (ROLE.TOTAL, "支出合计"),
    ]
    health = table.expenditure[2].amounts
    assert (health.total, health.general_budget, health.general_appropriation, health.gov_fund) == (
        Decimal("98.00"), Decimal("98.00"), Decimal("90.00"), Decimal("0"))


def test_fiscal_column_count_announced_by_numbering_row_is_checked() -> None:
    text = FISCAL_STANDARD.replace("一、财政拨款", _rows("※|1|※|2|3|4|5|6") + "一、财政拨款")
    _, problems = _fiscal(text)
    assert len(problems) == 1 and "announces 8 columns" in problems[0].message


# --- names -----------------------------------------------------------------------------------------

NUMBERINGS = ("", "一、", "十二、", "（三）", "(二十二) ", "1. ", "2、", "3.")


@settings(max_examples=40)
@given(st.sampled_from(NUMBERINGS), st.sampled_from(["一般公共预算拨款", "其中：一般财力", "卫生健康支出", "预备费"]))
def test_numbering_is_set_apart_from_the_name(numbering: str, name: str) -> None:
    printed = parse_printed(numbering + name)
    assert printed.name == name
    assert printed.numbered == bool(numbering) and printed.code is None


@settings(max_examples=40)
@given(st.sampled_from(["201", "２１０", "2101501"]), st.sampled_from(["", " ", "  "]))
def test_code_before_a_name_is_set_apart(code: str, space: str) -> None:
    printed = parse_printed(f"{code}{space}卫生健康支出")
    assert printed.name == "卫生健康支出"
    assert printed.code == code.replace("２", "2").replace("１", "1").replace("０", "0")


def test_part_of_line_must_belong_to_the_line_above() -> None:
    kinds = classify_revenue(["5. 单位资金", "其中：事业收入", "其中：其他收入", "6. 一般公共预算", "其中：财政拨款"])
    assert [source for _, source in kinds] == [
        SRC.AGENCY_FUNDS, SRC.BUSINESS_INCOME, SRC.OTHER_INCOME, SRC.GENERAL_BUDGET, None]


def test_carryover_section_ends_at_a_first_level_item() -> None:
    kinds = classify_revenue(["一、上年结转结余", "一般公共预算拨款", "二、一般公共预算拨款", "某某收入"])
    assert kinds == [(ROLE.SOURCE, SRC.CARRYOVER), (ROLE.SOURCE, None), (ROLE.SOURCE, SRC.GENERAL_BUDGET),
                     (ROLE.OTHER, None)]


# --- round trip through printed text --------------------------------------------------------------

figures = st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2)
_FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def _printed(value: Decimal, style: str) -> str:
    if value == 0 and style == "blank":
        return ""
    text = f"{value:,.2f}" if style in ("thousands", "full") else f"{value:.2f}"
    return text.translate(_FULL_WIDTH) if style == "full" else text


@settings(max_examples=30, deadline=None)
@given(st.lists(figures, min_size=3, max_size=3), st.lists(figures, min_size=3, max_size=3),
       st.sampled_from(["plain", "thousands", "full", "blank"]))
def test_every_figure_comes_back_from_its_cell(left: list[Decimal], right: list[Decimal], style: str) -> None:
    names = ["一般公共预算拨款", "财政专户核拨", "单位资金"]
    codes = ["205", "208", "210"]
    lines = [f"{name}|{_printed(a, style)}|{code} 支出|{_printed(b, style)}"
             for name, a, code, b in zip(names, left, codes, right, strict=True)]
    table, problems = _summary(SUMMARY_HEAD + _rows(*lines))
    assert problems == []
    assert [line.amount for line in table.revenue] == left
    assert [line.amount for line in table.expenditure] == right
    assert [str(line.code) for line in table.expenditure] == codes


# --- the seeds -------------------------------------------------------------------------------------


def _seed(prefix: str, key: str) -> Block:
    return next(b for b in find_blocks(split_lines(seed_text(prefix))) if b.key == key)


def _amounts(table: SummaryTable) -> dict[str, Decimal]:
    return {line.name: line.amount for line in (*table.revenue, *table.expenditure) if line.amount}


def test_seed_001_summary() -> None:
    table, problems = read_summary_table(_seed("001", "summary"))
    assert table is not None and problems == []
    assert len(table.revenue) == 26 and len(table.expenditure) == 31
    assert _amounts(table) == {
        "本年收入": Decimal("2260.66"), "一般公共预算拨款": Decimal("2260.66"), "其中：一般财力": Decimal("2022.69"),
        "上级一般公共预算安排转移支付": Decimal("237.97"), "上年结转结余": Decimal("905.62"),
        "财政拨款结转": Decimal("905.62"), "其中：一般公共预算拨款": Decimal("905.62"),
        "收入总计": Decimal("3166.28"), "科学技术支出": Decimal("22.63"), "社会保障和就业支出": Decimal("192.52"),
        "卫生健康支出": Decimal("2951.13"), "支出总计": Decimal("3166.28"),
    }
    functions = [line for line in table.expenditure if line.role is ROLE.FUNCTION]
    assert len(functions) == 30 and functions[0].code == FunctionCode("201")
    assert functions[-1].code == FunctionCode("234") and functions[-1].name == "抗疫特别国债安排的支出"
    assert _by_name(table.revenue, "财政专户核拨").source is SRC.SPECIAL_ACCOUNT


def test_seed_001_fiscal_summary() -> None:
    table, problems = read_fiscal_summary_table(_seed("001", "fiscal_summary"))
    assert table is not None and problems == []
    assert [(line.source, line.amount) for line in table.revenue] == [
        (SRC.FISCAL, Decimal("2260.66")), (SRC.GENERAL_BUDGET, Decimal("2260.66")), (SRC.GOV_FUND, 0),
        (SRC.SOE_CAPITAL, 0), (None, Decimal("2260.66")),
    ]
    filled = {str(line.code): line.amounts.general_budget for line in table.expenditure if line.amounts.total}
    assert filled == {"206": Decimal("17.03"), "208": Decimal("192.52"), "210": Decimal("2051.11"),
                      "None": Decimal("2260.66")}
    assert len(table.expenditure) == 31


def test_seed_002_summary_and_fiscal_summary() -> None:
    table, problems = read_summary_table(_seed("002", "summary"))
    assert table is not None and problems == []
    assert _amounts(table) == {
        "本年收入": Decimal("1212.38"), "一般公共预算拨款": Decimal("1203.43"), "其中：一般财力": Decimal("1185.43"),
        "上级一般公共预算安排转移支付": Decimal("18.00"), "单位资金": Decimal("8.95"), "其他收入": Decimal("8.95"),
        "上年结转结余": Decimal("6.50"), "财政拨款结转": Decimal("6.50"), "其中：一般公共预算拨款": Decimal("6.50"),
        "收入总计": Decimal("1218.88"), "社会保障和就业支出": Decimal("57.97"), "卫生健康支出": Decimal("1112.49"),
        "住房保障支出": Decimal("46.42"), "其他支出": Decimal("2.00"), "支出总计": Decimal("1218.88"),
    }
    fiscal, problems = read_fiscal_summary_table(_seed("002", "fiscal_summary"))
    assert fiscal is not None and problems == []
    assert fiscal.revenue[0].amount == Decimal("1203.43") and fiscal.revenue[0].source is SRC.FISCAL
    assert {line.name: line.amounts.total for line in fiscal.expenditure if line.amounts.total} == {
        "社会保障和就业支出": Decimal("57.97"), "卫生健康支出": Decimal("1097.04"), "住房保障支出": Decimal("46.42"),
        "其他支出": Decimal("2.00"), "支出总计": Decimal("1203.43"),
    }
    assert fiscal.expenditure[-2].name == "抗疫特别国债还本支出"  # printed so in this document


def test_seed_003_summary() -> None:
    table, problems = read_summary_table(_seed("003", "summary"))
    assert table is not None and problems == []
    assert _amounts(table) == {
        "一般公共预算": Decimal("9010.57"), "其中：财政拨款": Decimal("9010.57"), "本年收入合计": Decimal("9010.57"),
        "上年结转结余": Decimal("8.36"), "收入总计": Decimal("9018.93"), "社会保障和就业": Decimal("416.59"),
        "卫生健康": Decimal("8563.11"), "住房保障支出": Decimal("39.23"), "本年支出合计": Decimal("9018.93"),
        "支出总计": Decimal("9018.93"),
    }
    assert len(table.revenue) == 13
    functions = [line for line in table.expenditure if line.role is ROLE.FUNCTION]
    assert len(functions) == 30 and all(line.code is None for line in functions)
    assert [line.role for line in table.expenditure[-3:]] == [ROLE.CURRENT_YEAR, ROLE.YEAR_END_CARRYOVER, ROLE.TOTAL]


def test_seed_003_fiscal_summary() -> None:
    table, problems = read_fiscal_summary_table(_seed("003", "fiscal_summary"))
    assert table is not None and problems == []
    assert [(line.role, line.source, line.amount) for line in table.revenue] == [
        (ROLE.CURRENT_YEAR, None, Decimal("9010.57")), (ROLE.SOURCE, SRC.GENERAL_BUDGET, Decimal("9010.57")),
        (ROLE.SOURCE, None, Decimal("9010.57")), (ROLE.SOURCE, SRC.GOV_FUND, 0), (ROLE.SOURCE, SRC.SOE_CAPITAL, 0),
        (ROLE.SOURCE, SRC.CARRYOVER, Decimal("8.36")), (ROLE.SOURCE, None, Decimal("8.36")), (ROLE.SOURCE, None, 0),
        (ROLE.SOURCE, None, 0), (ROLE.TOTAL, None, Decimal("9018.93")),
    ]
    social = _by_name(table.expenditure, "社会保障和就业支出").amounts
    assert (social.total, social.general_budget, social.general_appropriation, social.gov_fund, social.soe_capital) == (
        Decimal("416.59"), Decimal("416.59"), Decimal("416.59"), Decimal(0), Decimal(0))
    assert _by_name(table.expenditure, "卫生健康支出").amounts.general_appropriation == Decimal("8563.11")
    assert _by_name(table.expenditure, "本年支出").role is ROLE.CURRENT_YEAR
    assert _by_name(table.expenditure, "支出合计").amounts.total == Decimal("9018.93")
    assert len([line for line in table.expenditure if line.role is ROLE.FUNCTION]) == 30


def _figures_in(text: str) -> set[Decimal]:
    return {Decimal(number.replace(",", "")) for number in re.findall(r"\d[\d,]*\.\d+|\d+", text)}


@pytest.mark.parametrize("key", ["summary", "fiscal_summary"])
def test_seed_004_gives_no_figure_that_is_not_printed(key: str) -> None:
    block = _seed("004", key)
    reader = read_summary_table if key == "summary" else read_fiscal_summary_table
    table, problems = reader(block)
    if table is None:
        assert problems and problems[0].table == key
        return
    printed = _figures_in("\n".join(line.raw for line in block.lines))
    produced = {amount for _, amount in _all_amounts(table)}
    assert produced <= printed | {Decimal(0)}


def _all_amounts(table: SummaryTable | FiscalSummaryTable) -> list[tuple[str, Decimal]]:
    found: list[tuple[str, Decimal]] = []
    for line in table.rows():
        if isinstance(line, SummaryLine):
            found.append((line.name, line.amount))
        else:
            assert isinstance(line, FiscalLine), line
            found.extend(line.amounts.columns())
    return found


@pytest.mark.parametrize("printed", ["年终结转结余", "年末结转结余", "年末结转和结余", "年终结转和结余", "年终结转",
                                     "二、结转下年", "结转下年资金"])
def test_the_ways_templates_print_the_year_end_carryover_are_read_as_it(printed: str) -> None:
    assert expenditure_role(parse_printed(printed)) is SummaryRole.YEAR_END_CARRYOVER


def test_a_carryover_of_another_kind_is_not_the_year_end_one() -> None:
    # 上年结转 is last year's, on the revenue side; 结转结余 alone says neither year.
    for printed in ("上年结转", "结转结余", "年终结余"):
        assert expenditure_role(parse_printed(printed)) is not SummaryRole.YEAR_END_CARRYOVER
