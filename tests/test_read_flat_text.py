"""Reading tables whose text lost its columns: rows printed as lines of words and figures."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.model import ExpenditureTable, RevenueTable, RowKind
from cnbudget.readers.result import Problem, incomplete_parts
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.flat_rows import read_flat_rows, read_table_rows
from cnbudget.readers.tables.function_tables import (
    EXPENDITURE_LAYOUTS,
    read_expenditure_table,
    read_revenue_table,
)
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.flat_cells import FigureConvention, LineKind, figure_convention, read_flat_line
from cnbudget.readers.text.source import split_lines
from tests.seeds import seed_text

TWO_DECIMALS = FigureConvention(decimals=2, whole_numbers=False)


def _block(text: str, key: str | None = None) -> Block:
    blocks = find_blocks(split_lines(text))
    return blocks[0] if key is None else next(b for b in blocks if b.key == key)


def _expenditure(text: str) -> tuple[ExpenditureTable | None, list[Problem]]:
    return read_expenditure_table(_block(text), read_table_rows)


HEADINGS = """项 目 一般公共预算支出
功能分类科目编码
功能分类科目名称 合计
基本支出
项目支出
类 款 项"""

# Every row certain: all three figures printed (a dash for a blank cell), a name wrapped with its
# figures on a later line, figures run together, codes whole and in parts, full-width digits,
# thousands separators, a page break with repeated headings and a name cut by it.
CERTAIN = f"""表 5
一般公共预算支出情况表
编制部门：示例局
单位：万元
{HEADINGS}
合 计 1,210.00 1,100.00 110.00

210 卫生健康支出 1,210.00 1,100.00 110.00
210 15
医疗保障管理事务

1,210.00 1,100.00 110.00
2101501 行政运行 １，０００．００ 1,000.00 -
210 15 50 事业运行 100.00100.000.00
210 15 99 其他医疗保障管理事务支 110.00 - 110.00
编制部门：示例局
单位：万元
{HEADINGS}
3
出
注：本表金额单位为万元。
"""


def test_flat_table_with_every_row_certain_is_read() -> None:
    table, problems = _expenditure(CERTAIN)
    assert problems == []
    assert table is not None
    assert [line.name for line in table.lines] == [
        "合计", "卫生健康支出", "医疗保障管理事务", "行政运行", "事业运行", "其他医疗保障管理事务支出",
    ]
    assert [str(line.code) for line in table.lines[1:]] == ["210", "21015", "2101501", "2101550", "2101599"]
    assert [line.kind for line in table.lines[:3]] == [RowKind.TOTAL, RowKind.CATEGORY, RowKind.SECTION]
    amounts = [(line.amounts.total, line.amounts.basic, line.amounts.project) for line in table.lines]
    assert amounts == [
        (Decimal("1210.00"), Decimal("1100.00"), Decimal("110.00")),
        (Decimal("1210.00"), Decimal("1100.00"), Decimal("110.00")),
        (Decimal("1210.00"), Decimal("1100.00"), Decimal("110.00")),
        (Decimal("1000.00"), Decimal("1000.00"), Decimal("0")),
        (Decimal("100.00"), Decimal("100.00"), Decimal("0.00")),
        (Decimal("110.00"), Decimal("0"), Decimal("110.00")),
    ]
    assert table.lines[0].amounts.personnel is None  # a column the layout does not print
    assert table.number == "表 5"
    assert table.notes == ("本表金额单位为万元。",)


def test_a_row_whose_figures_fit_two_placements_is_reported_with_its_table() -> None:
    text = CERTAIN.replace("合 计 1,210.00", "205 08 03 培训支出 0.92 0.92\n合 计 1,210.00")
    table, problems = _expenditure(text)
    assert table is None
    assert problems[0].line == 2 and problems[0].message.startswith("table not read")
    assert "(lines 11)" in problems[0].message
    [row] = problems[1:]
    assert row.line == 11 and row.text == "205 08 03 培训支出 0.92 0.92"
    assert "2 placements" in row.message
    assert "total=0.92, basic=0.92" in row.message and "total=0.92, project=0.92" in row.message
    assert incomplete_parts(problems) == ("general_budget",)


def test_a_wrapped_row_with_too_few_figures_is_named_by_all_its_lines() -> None:
    text = CERTAIN.replace("1,210.00 1,100.00 110.00\n2101501", "1,210.00 1,210.00\n2101501")
    table, problems = _expenditure(text)
    assert table is None
    assert [p.text for p in problems[1:]] == ["210 15 / 医疗保障管理事务 / 1,210.00 1,210.00"]
    assert "2 placements" in problems[1].message


def test_figures_that_fit_no_placement_are_reported() -> None:
    text = CERTAIN.replace("1,000.00 -\n", "600.00\n")
    table, problems = _expenditure(text)
    assert table is None
    assert "no way of putting back the blank cells" in problems[1].message
    assert problems[1].text == "2101501 行政运行 １，０００．００ 600.00"


def test_the_row_identities_can_make_a_placement_certain() -> None:
    layout = Layout(
        name="nested",
        signature=("合计", "基本支出", "人员经费", "公用经费", "项目支出"),
        lead=("code", "name"),
        amounts=("total", "basic", "personnel", "public", "project"),
        identities=(("total", ("basic", "project")), ("basic", ("personnel", "public"))),
    )
    text = ("政府性基金预算支出情况表\n名称 合计 基本支出 人员经费 公用经费 项目支出\n"
            "212 城乡社区支出 10.00 10.00 6.00 4.00")
    reading = read_flat_rows(_block(text), [layout])
    assert reading.problems == []
    assert reading.rows[0].values == {
        "total": Decimal("10.00"), "basic": Decimal("10.00"), "personnel": Decimal("6.00"),
        "public": Decimal("4.00"), "project": Decimal("0"),
    }
    # Every other place for the one blank breaks 合计 = 基本支出 + 项目支出 or 基本支出 = 人员经费 + 公用经费.


def test_a_layout_of_two_amount_columns_takes_two_figures_as_printed() -> None:
    layout = Layout(name="two", signature=("合计", "基本支出"), lead=("code", "name"), amounts=("total", "basic"))
    text = "一般公共预算支出情况表\n名称 合计 基本支出\n205 08 03 培训支出 0.92 0.92"
    reading = read_flat_rows(_block(text), [layout])
    assert reading.problems == []
    assert reading.rows[0].code == FunctionCode("2050803")
    assert reading.rows[0].values == {"total": Decimal("0.92"), "basic": Decimal("0.92")}


def test_figures_run_together_with_a_code_are_reported() -> None:
    table, problems = _expenditure(CERTAIN.replace("210 卫生健康支出 1,210.00 1,100.00 110.00",
                                                   "1,210.001,100.00110.00210 卫生健康支出"))
    assert table is None
    assert "figures run together that cannot be split: '1,210.001,100.00110.00210'" in problems[1].message


def test_rows_without_a_code_are_reported() -> None:
    text = CERTAIN.replace("210 卫生健康支出 1,210.00", "示例局 卫生健康支出 1,210.00")
    table, problems = _expenditure(text)
    assert table is None
    assert problems[1].text.startswith("示例局") and "figures that belong to no row" in problems[1].message


def test_long_text_below_a_finished_row_is_reported() -> None:
    text = CERTAIN.replace("出\n注：", "出\n这一行文字既不是表格的一行也不是名称的结尾\n注：")
    table, problems = _expenditure(text)
    assert table is None
    assert "neither a row nor the rest of a name" in problems[1].message


def test_headings_of_another_table_under_this_title_are_reported() -> None:
    text = """政府性基金预算支出情况表
项目 国有资本经营预算支出
功能分类科目名称 合计 基本支出 项目支出
类 款 项 人员经费 公用经费
223 国有资本经营预算支出 5.00 - - 5.00"""
    table, problems = _expenditure(text)
    assert table is None
    assert problems[0].message.endswith("the headings below this title name 国有资本经营预算支出, another table's")


def test_a_table_stated_empty_is_read_empty() -> None:
    text = """政府性基金预算支出情况表
编制部门：示例局 单位：万元
功能分类科目名称 合计 基本支出 项目支出
合计
备注：本部门没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"""
    table, problems = _expenditure(text)
    assert problems == []
    assert table is not None and table.lines == ()
    assert table.empty_statement is not None and table.empty_statement.endswith("为空表。")


def test_figures_under_other_headings_in_a_table_stated_empty_are_set_aside_and_said() -> None:
    text = """国有资本经营预算支出情况表
备注：本部门没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。
合计 三公支出内容 一般公共预算
合计 1.03 1.03
公务接待费 0.10 0.10"""
    table, problems = _expenditure(text)
    assert table is not None and table.lines == ()
    [problem] = problems
    assert problem.line == 4 and "set aside" in problem.message
    assert incomplete_parts(problems) == ()


def test_a_statement_that_names_another_table_does_not_make_this_one_empty() -> None:
    text = """国有资本经营预算支出情况表
备注：政府性基金预算支出情况表为空表。
合计 三公支出内容 一般公共预算
合计 1.03 1.03"""
    table, problems = _expenditure(text)
    assert table is None
    assert "match no known layout" in problems[0].message


def test_whole_number_tables_read_rows_but_not_bare_numbers() -> None:
    text = ("部门支出总体情况表\n功能分类科目名称 合计 基本支出 项目支出\n"
            "210 卫生健康支出 1,100 1000 100\n合计 1,100 1000 100")
    table, problems = _expenditure(text)
    assert problems == [] and table is not None
    assert [line.amounts.project for line in table.lines] == [Decimal("100"), Decimal("100")]
    wrapped = text.replace("210 卫生健康支出 1,100 1000 100", "210 15\n医疗保障管理事务\n1,100 1000 100")
    table, problems = _expenditure(wrapped)
    assert table is None
    assert "codes cannot be told from figures" in problems[1].message


def test_revenue_rows_with_every_column_printed_are_read() -> None:
    header = "\n".join(["功能分类科目编码", "功能分类科目名称 总计", "财 政 拨 款 ( 补 助 )", "财政", "专户",
                        "单位", "资金", "财政拨", "款结转", "非财政拨款结转结余", "类 款 项", "财政拨款(补助)小计",
                        "一般公共预算",
                        "上级一般公共预算安排的转移支付", "政府性基金预算", "上级政府性基金安排的转移支付",
                        "国有资本经营预算", "上级国有资本经营", "预算安排的转移支付"])
    dashes = " ".join(["-"] * 7)
    figures = f"8.00 5.00 5.00 {dashes} 3.00 -"
    text = f"部门收入总体情况表\n{header}\n210 卫生健康支出 {figures}\n合计 {figures}"
    table, problems = read_revenue_table(_block(text), read_table_rows)
    assert problems == [] and table is not None
    row = table.lines[0].amounts
    assert (row.total, row.fiscal, row.general_own, row.general_transfer, row.fiscal_carryover) == (
        Decimal("8.00"), Decimal("5.00"), Decimal("5.00"), Decimal("0"), Decimal("3.00"))
    short = text.replace(f"5.00 {dashes} 3.00 -\n合计", "5.00 3.00\n合计")
    table, problems = read_revenue_table(_block(short), read_table_rows)
    assert table is None and "placements fit" in problems[1].message


def test_tab_separated_blocks_are_still_read_by_their_cells() -> None:
    text = "部门支出总体情况表\n功能分类科目名称\t合计\t基本支出\t项目支出\n\t总计\t5.00\t\t5.00"
    reading = read_table_rows(_block(text), EXPENDITURE_LAYOUTS)
    assert reading.rows[0].values == {"total": Decimal("5.00"), "basic": Decimal("0"), "project": Decimal("5.00")}


@pytest.mark.parametrize(
    ("text", "kind", "code", "label", "figures"),
    [
        ("205 08 03 培训支出 0.92 0.92", LineKind.ROW, ("205", "08", "03"), "培训支出", ("0.92", "0.92")),
        ("208 05 05", LineKind.ROW, ("208", "05", "05"), "", ()),
        ("2080505机关事业单位基本养老", LineKind.ROW, ("2080505",), "机关事业单位基本养老", ()),
        ("保险缴费支出", LineKind.TEXT, (), "保险缴费支出", ()),
        ("25.2925.29", LineKind.FIGURES, (), "", ("25.29", "25.29")),
        ("合计2,081.55 — 2,081.55", LineKind.TOTAL, (), "合计", ("2,081.55", "-", "2,081.55")),
        ("※ ※ ※ 1 2 3", LineKind.PAGE, (), "", ()),
        ("14", LineKind.PAGE, (), "", ()),
    ],
)
def test_lines_are_taken_apart(
    text: str, kind: LineKind, code: tuple[str, ...], label: str, figures: tuple[str, ...]
) -> None:
    line = read_flat_line(text, TWO_DECIMALS)
    assert (line.kind, line.code, line.label, line.figures) == (kind, code, label, figures)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("0.920.92205 教育支出", "figures run together that cannot be split"),
        ("0.92 教育支出", "figures printed before text"),
        ("2075.69 收入总计", "figures printed before text"),
        ("0.920.9", "figures run together that cannot be split"),
        ("其他 2024 年支出 5.00", "a number that is neither a figure nor a code"),
    ],
)
def test_lines_that_cannot_be_taken_apart_say_why(text: str, problem: str) -> None:
    line = read_flat_line(text, TWO_DECIMALS)
    assert line.kind is LineKind.UNREADABLE and line.problem is not None and line.problem.startswith(problem)


def test_runs_are_not_split_without_one_number_of_decimals() -> None:
    mixed = figure_convention(["0.5 1.25"])
    assert mixed.decimals is None
    assert read_flat_line("1.250.5", mixed).kind is LineKind.UNREADABLE


_FIGURE = st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2)


@settings(max_examples=60, deadline=None)
@given(st.lists(_FIGURE, min_size=2, max_size=5), st.booleans())
def test_a_run_of_two_decimal_figures_splits_back(figures: list[Decimal], separators: bool) -> None:
    printed = [f"{value:,.2f}" if separators else f"{value:.2f}" for value in figures]
    assert TWO_DECIMALS.split_run("".join(printed)) == tuple(printed)


_PART = st.one_of(st.just(Decimal("0.00")), _FIGURE)  # blank cells often


def _print(value: Decimal, as_blank: bool) -> str:
    return "" if value == 0 and as_blank else f"{value:.2f}"


@settings(max_examples=60, deadline=None)
@given(_PART, _PART, st.booleans(), st.booleans())
def test_a_row_read_from_flat_text_is_always_the_printed_row(
    basic: Decimal, project: Decimal, blank_basic: bool, blank_project: bool
) -> None:
    total = basic + project
    cells = [f"{total:.2f}", _print(basic, blank_basic), _print(project, blank_project)]
    row = " ".join(cell for cell in cells if cell)
    text = f"部门支出总体情况表\n功能分类科目名称 合计 基本支出 项目支出\n210 卫生健康支出 {row}"
    table, problems = _expenditure(text)
    if all(cells):
        assert table is not None  # every figure printed: certain
    if table is None:
        assert problems and problems[0].message.startswith("table not read")
        return
    amounts = table.lines[0].amounts
    assert (amounts.total, amounts.basic, amounts.project) == (total, basic, project)


# --- the published document whose text lost its columns (seed 004) ---------------------------------

_FUNCTION_KEYS = ("expenditure", "general_budget", "gov_fund", "soe_capital")


def _seed_readings() -> dict[str, tuple[ExpenditureTable | RevenueTable | None, list[Problem]]]:
    readings: dict[str, tuple[ExpenditureTable | RevenueTable | None, list[Problem]]] = {}
    for block in find_blocks(split_lines(seed_text("004"))):
        if block.key in _FUNCTION_KEYS:
            readings[block.key] = read_expenditure_table(block, read_table_rows)
        elif block.key == "revenue":
            readings[block.key] = read_revenue_table(block, read_table_rows)
    return readings


def test_seed_004_amounts_read_occur_in_the_text_and_the_rest_is_reported() -> None:
    text = seed_text("004")
    readings = _seed_readings()
    assert set(readings) == {"revenue", *_FUNCTION_KEYS}
    for key, (table, problems) in readings.items():
        if table is None:
            assert problems and problems[0].message.startswith("table not read"), key
            continue
        for line in table.lines:
            for _, value in line.amounts.columns():
                assert value == 0 or f"{value}" in text, (key, line)


def test_seed_004_tables_read_and_reported() -> None:
    readings = _seed_readings()
    # The text under each title is the table printed before the next title: under 部门收入总体情况表
    # stand the headings 合计/基本支出/项目支出 of 部门支出总体情况表, under 一般公共预算支出情况表 those
    # of 一般公共预算基本支出情况表 (人员经费/公用经费), so no layout of the titled table matches.
    for key, heading in (("revenue", "基本支出项目支出"), ("expenditure", "财政拨款收入"),
                         ("general_budget", "公用经费人员经费")):
        table, problems = readings[key]
        assert table is None
        assert "match no known layout" in problems[0].message and heading in problems[0].message
    # The two fund tables are stated empty (…政府性基金预算支出情况表为空表).
    for key in ("gov_fund", "soe_capital"):
        table, _ = readings[key]
        assert isinstance(table, ExpenditureTable) and table.lines == () and table.empty_statement
    # Below the 国有资本经营预算 statement stand the "三公" figures (合计 1.03 1.03): set aside, said.
    _, problems = readings["soe_capital"]
    assert [p.text.strip() for p in problems] == ["合计 1.03 1.03"]


def test_seed_004_expenditure_rows_under_their_own_title_are_reported_row_by_row() -> None:
    revenue_block = next(b for b in find_blocks(split_lines(seed_text("004"))) if b.key == "revenue")
    body = "\n".join(line.raw for line in revenue_block.lines)
    table, problems = read_expenditure_table(_block(f"部门支出总体情况表\n{body}"), read_table_rows)
    assert table is None
    named = [p.text for p in problems[1:]]
    # Printed with two figures under 合计/基本支出/项目支出: 基本支出 or 项目支出 cannot be told.
    assert named[0] == "205 教育支出 0.92 0.92"
    assert "208 05 05 / 机关事业单位基本养老保 / 险缴费支出 / 25.29 25.29" in named
    assert "210 12 02 / 财政对城乡居民基本医疗 / 保险基金的补助 / 1710.00 1710.00" in named
    assert len(named) == 22
    # The rows printing all three figures are certain and not named.
    assert not any(text.startswith(("210 卫生健康支出", "210 15 医疗保障管理事务", "合计")) for text in named)
    assert all("2 placements" in p.message for p in problems[1:])


def test_seed_004_runs_of_figures() -> None:
    # Under 部门支出总体情况表 stand the two-sided 财政拨款收支 rows, figures run into their codes.
    block = next(b for b in find_blocks(split_lines(seed_text("004"))) if b.key == "expenditure")
    convention = figure_convention(line.text for line in block.lines)
    assert convention.decimals == 2
    glued = next(line.text for line in block.lines if re.match(r"^0\.920\.92205", line.text))
    assert read_flat_line(glued, convention).kind is LineKind.UNREADABLE
    assert read_flat_line("38.8038.80", convention).figures == ("38.80", "38.80")
