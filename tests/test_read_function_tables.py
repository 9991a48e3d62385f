"""Reading the tables by 支出功能分类 code, in both templates."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.codes import FunctionCode
from cnbudget.model import ExpenditureTable, RowKind
from cnbudget.readers.tables.function_tables import read_expenditure_table, read_revenue_table
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import split_lines
from tests.seeds import seed_text


def _block(text: str, key: str) -> Block:
    return next(b for b in find_blocks(split_lines(text)) if b.key == key)


def _expenditure(text: str, key: str = "expenditure") -> ExpenditureTable:
    table, problems = read_expenditure_table(_block(text, key))
    assert table is not None, problems
    return table


STANDARD = """表 3
部门支出总体情况表
编制部门：示例局
单位：万元
科目\t\t\t支出预算
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项
※\t※\t※\t※\t1\t2\t3
\t\t\t总计\t1,100.00\t1,000.00\t100.00
210\t\t\t卫生健康支出\t1,100.00\t1,000.00\t100.00
210\t15\t\t医疗保障管理事务\t1,100.00\t1,000.00\t100.00
210\t15\t01\t行政运行\t１，０００．００\t1000.00\t
编制部门：示例局
单位：万元
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项
※\t※\t※\t※\t1\t2\t3
210\t15\t99\t其他医疗保障管理事务支\t100.00\t\t100.00
\t\t\t出
"""


def test_standard_layout_with_page_break_and_continued_name() -> None:
    table = _expenditure(STANDARD)
    names = [line.name for line in table.lines]
    assert names == ["总计", "卫生健康支出", "医疗保障管理事务", "行政运行", "其他医疗保障管理事务支出"]
    item = table.lines[3]
    assert item.code == FunctionCode("2101501")
    assert item.amounts.total == Decimal("1000.00")
    assert item.amounts.project == Decimal("0")  # blank cell
    assert item.amounts.personnel is None  # column not printed
    assert [line.kind for line in table.lines[:3]] == [RowKind.TOTAL, RowKind.CATEGORY, RowKind.SECTION]
    assert table.number == "表 3"


def test_a_known_templates_columns_in_another_order_are_read_by_their_headings() -> None:
    # The standard template's words (基本支出, 项目支出, 名称), its amount columns printed 合计 | 项目支出 | 基本支出.
    text = """部门支出总体情况表
单位：万元
功能分类科目编码\t\t\t功能分类科目名称\t合计\t项目支出\t基本支出
类\t款\t项
210\t15\t01\t行政运行\t1,000.00\t\t1,000.00
210\t15\t99\t其他医疗保障管理事务支出\t100.00\t100.00\t
"""
    first, second = _expenditure(text).lines
    assert first.code == FunctionCode("2101501")
    assert (first.amounts.total, first.amounts.basic, first.amounts.project) == (
        Decimal("1000.00"), Decimal("1000.00"), Decimal("0"))
    assert (second.amounts.basic, second.amounts.project) == (Decimal("0"), Decimal("100.00"))


def test_codes_in_one_column() -> None:
    text = STANDARD.replace("210\t15\t01\t行政运行", "2101501\t\t\t行政运行")
    assert _expenditure(text).lines[3].code == FunctionCode("2101501")


def test_codes_in_one_column_under_a_single_heading() -> None:
    text = """一般公共预算支出情况表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t12.50\t10.00\t2.50
210\t卫生健康支出\t12.50\t10.00\t2.50
21015\t医疗保障管理事务\t12.50\t10.00\t2.50
2101501\t行政运行\t10.00\t10.00\t
2101599\t其他医疗保障管理事务支出\t2.50\t\t2.50
"""
    table = _expenditure(text, "general_budget")
    assert [str(line.code) for line in table.lines[1:]] == ["210", "21015", "2101501", "2101599"]
    assert table.lines[4].amounts.project == Decimal("2.50")
    assert table.lines[3].amounts.project == Decimal("0")


def test_layout_without_name_column() -> None:
    text = """单位支出总体情况表
项 目\t\t\t支出预算
功能分类科目 编码\t\t\t合 计\t基本支出\t项目支出
类\t款\t项
208\t\t\t57.97\t57.97
208\t05\t05\t57.97\t57.97
\t\t\t57.97\t57.97\t
"""
    table = _expenditure(text)
    assert [str(line.code) for line in table.lines[:2]] == ["208", "2080505"]
    assert table.lines[0].name == ""
    assert table.lines[1].amounts.basic == Decimal("57.97")


def test_unknown_layout_is_reported_not_guessed() -> None:
    text = "部门支出总体情况表\n科目\t金额甲\t金额乙\n210\t1.00\t2.00\n"
    table, problems = read_expenditure_table(_block(text, "expenditure"))
    assert table is None
    assert problems and "no known layout" in problems[0].message


def test_impossible_code_is_reported_and_the_row_kept_without_it() -> None:
    text = STANDARD.replace("210\t15\t01\t行政运行", "21\t15\t01\t行政运行")
    table, problems = read_expenditure_table(_block(text, "expenditure"))
    assert table is not None
    (problem,) = [p for p in problems if "misprinted" in p.message]
    assert problem.line is not None and "'21'" in problem.message and "not read" not in problem.message
    (kept,) = [line for line in table.lines if line.name == "行政运行"]
    assert kept.code is None


def test_a_code_part_without_its_leading_zero_is_read_and_reported() -> None:
    text = STANDARD.replace("210\t15\t01\t行政运行", "210\t15\t1\t行政运行")
    table, problems = read_expenditure_table(_block(text, "expenditure"))
    assert table is not None
    (kept,) = [line for line in table.lines if line.name == "行政运行"]
    assert str(kept.code) == "2101501"
    (problem,) = problems
    assert "leading zero" in problem.message and "not read" not in problem.message


def test_dropped_empty_cell_is_placed_by_the_row_identities() -> None:
    text = """2024 年一般公共预算支出情况表
部门名称：示例局
科目编码\t\t\t单位代码\t单位（科目名称）\t合计\t基本支出\t\t\t\t\t项目支出
类\t款\t项\t\t\t小计\t工资福利支出\t对个人和家庭的补助\t商品和服务支出\t资本性支出\t小计\t其他运转类\t特定目标类
\t\t\t304\t示例局\t429.00\t\t\t\t\t429.00\t\t429.00
210\t11\t99\t\t其他行政事业单位医疗支出\t429.00\t\t\t\t\t429.00\t\t429.00
"""
    table, problems = read_expenditure_table(_block(text, "general_budget"))
    assert table is not None
    row = table.lines[1]
    assert row.agency_code == "304" and row.agency == "示例局"
    assert (row.amounts.project, row.amounts.project_specific, row.amounts.public_capital) == (
        Decimal("429.00"), Decimal("429.00"), Decimal("0"),
    )
    assert len(problems) == 2 and all("dropped an empty cell" in p.message for p in problems)


def test_empty_table_statement() -> None:
    text = """政府性基金预算支出情况表
编制部门：示例局
科目\t\t\t政府性基金预算支出
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t\t项目支出
类\t款\t项\t\t\t人员经费\t公用经费
示例局 2024 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。
"""
    table = _expenditure(text, "gov_fund")
    assert table.lines == ()
    assert table.empty_statement is not None and "为空表" in table.empty_statement


def _seed(name: str) -> str:
    return seed_text(name)


def test_seed_001_revenue_and_expenditure() -> None:
    text = _seed("001_ecac1c9bef546caa.txt")
    revenue, problems = read_revenue_table(_block(text, "revenue"))
    assert revenue is not None and problems == []
    total = revenue.lines[0]
    assert total.name == "总计"
    assert (total.amounts.total, total.amounts.fiscal, total.amounts.general_own, total.amounts.general_transfer,
            total.amounts.fiscal_carryover) == (
        Decimal("3166.28"), Decimal("2260.66"), Decimal("2022.69"), Decimal("237.97"), Decimal("905.62"),
    )
    by_code = {str(line.code): line for line in revenue.lines if line.code}
    assert by_code["2101505"].amounts.general_transfer == Decimal("165.00")
    assert by_code["2101506"].amounts.fiscal_carryover == Decimal("65.16")  # on the second page
    assert by_code["2101704"].name == "中医（民族医）药专项"
    assert len(revenue.lines) == 21

    expenditure, problems = read_expenditure_table(_block(text, "expenditure"))
    assert expenditure is not None and problems == []
    assert expenditure.lines[0].amounts.basic == Decimal("1804.60")
    assert expenditure.lines[0].amounts.project == Decimal("1361.68")


def test_seed_002_expenditure_without_names_and_bottom_total() -> None:
    table, problems = read_expenditure_table(_block(_seed("002_9c02a3d6cb0f0eba.txt"), "expenditure"))
    assert table is not None and problems == []
    assert table.lines[-1].kind is RowKind.TOTAL or table.lines[-1].code is None
    assert table.lines[-1].amounts.total == Decimal("1218.88")
    assert {str(line.code): line.amounts.basic for line in table.lines if line.code}["2101501"] == Decimal("250.46")


def test_seed_003_henan_rows_grouped_by_agency() -> None:
    revenue, problems = read_revenue_table(_block(_seed("003_46f91a7ccf92bf45.txt"), "revenue"))
    assert revenue is not None and problems == []
    assert [line.agency_code for line in revenue.lines] == [None, "304", "304001"]
    assert revenue.lines[0].amounts.carryover_general == Decimal("8.36")
    table, _ = read_expenditure_table(_block(_seed("003_46f91a7ccf92bf45.txt"), "expenditure"))
    assert table is not None
    rows = {str(line.code): line for line in table.lines if line.code}
    assert rows["2101502"].amounts.project_operating == Decimal("73.00")
    assert rows["2101502"].amounts.project_specific == Decimal("16.00")
    assert rows["2080109"].amounts.personnel_family == Decimal("7.21")
    assert all(line.agency_code == "304" for line in rows.values())


_REVENUE_WITHOUT_SOE_TRANSFER = "\n".join([
    "部门收入总体情况表",
    "编制单位：示例局\t单位：万元",
    "功能分类科目编码\t\t\t功能分类科目名称\t总计\t财政拨款（补助）\t\t\t\t\t\t财政专户\t单位资金\t财政拨款结转\t非财政拨款结转结余",
    "类\t款\t项\t\t\t小计\t一般公共预算\t上级一般公共预算安排的转移支付\t政府性基金预算\t上级政府性基金安排的转移支付\t国有资本经营预算",
    "210\t15\t05\t医疗保障政策管理\t12.45\t\t\t\t\t\t\t\t8.95\t3.50\t",
])


def test_revenue_without_a_column_for_soe_transfers_reads_the_later_columns_in_place() -> None:
    table, problems = read_revenue_table(_block(_REVENUE_WITHOUT_SOE_TRANSFER, "revenue"))
    assert problems == []
    assert table is not None
    amounts = table.lines[0].amounts
    # 11 amount columns: 8.95 is the ninth (单位资金), 3.50 the tenth (财政拨款结转).
    assert (amounts.agency_funds, amounts.fiscal_carryover, amounts.non_fiscal_carryover) == (
        Decimal("8.95"), Decimal("3.50"), Decimal("0"))
    assert amounts.soe_capital_transfer is None and amounts.soe_capital_own == Decimal("0")
