"""Reading tables from flat text (plain pdftotext): rows rebuilt where their figures can be placed
with certainty, everything else reported.

The expected figures of seed 004 were read by hand from the printed text (轮台县医疗保障局 2024).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cnbudget
from cnbudget.classification import catalog
from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.model import EconomicLine, FunctionLine, RevenueLine
from cnbudget.readers.flat.codes import UncertainCode, read_code
from cnbudget.readers.flat.figures import FigureConvention, convention_of, split_figures
from cnbudget.readers.flat.one_sided import Rebuilt, header_lines, one_amount, readable, rebuild_one_sided, tsv_line
from cnbudget.readers.flat.placing import Identity, place
from cnbudget.readers.flat.rebuild import ONE_SIDED, rebuild_flat_blocks
from cnbudget.readers.flat.rows import read_rows
from cnbudget.readers.flat.runs import line_runs
from cnbudget.readers.flat.two_sided import rebuild_two_sided
from cnbudget.readers.read import TABLE_READERS
from cnbudget.readers.tables.function_tables import EXPENDITURE_LAYOUTS
from cnbudget.readers.tables.summary_tables import FISCAL_SUMMARY_LAYOUTS, SUMMARY_LAYOUTS
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import SourceLine, split_lines
from tests.seeds import seed_path

CATALOGUE = catalog(2024)
TWO = FigureConvention(decimals=2, whole_numbers=False)


def _lines(text: str) -> list[SourceLine]:
    return [line for line in split_lines(text) if not line.is_blank]


def _rows(rebuilt: Rebuilt) -> list[tuple[str, ...]]:
    """The rebuilt data rows (after the headings), cells as written."""
    assert rebuilt.problems == ()
    return [line.cells for line in rebuilt.lines if line.raw]


# --- figures run together ------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "figures", "number"), [
    ("0.920.92", ("0.92", "0.92"), ""),
    ("1801.00214.352015.35", ("1801.00", "214.35", "2015.35"), ""),
    ("1,801.00214.35", ("1,801.00", "214.35"), ""),
    ("0.920.92205", ("0.92", "0.92"), "205"),  # a code printed right after the figures
    ("2015.352015.35210", ("2015.35", "2015.35"), "210"),
    ("0.92", ("0.92",), ""),
])
def test_figures_run_together_split_by_their_two_decimals(word: str, figures: tuple[str, ...], number: str) -> None:
    assert split_figures(word, TWO) == (figures, number)


@pytest.mark.parametrize("word", ["0.920.9", "1.2.3", "0.92.5", "12,34.00"])
def test_runs_that_do_not_split_exactly_are_not_split(word: str) -> None:
    assert split_figures(word, TWO) is None


def test_without_one_number_of_decimals_runs_are_not_split() -> None:
    mixed = convention_of(["合计 3990.4 24169.74", "1276.7418.26"])
    assert mixed.decimals is None
    assert split_figures("1276.7418.26", mixed) is None
    # Every figure in runs: two decimals when every run splits that way.
    assert convention_of(["0.920.92", "13.29261.40274.69合计"]).decimals == 2


_AMOUNTS = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("99999999.99"), places=2)


def _printed(amount: Decimal, separators: bool) -> str:
    return f"{amount:,.2f}" if separators else f"{amount:.2f}"


@settings(max_examples=300, deadline=None)
@given(st.lists(_AMOUNTS, min_size=2, max_size=8), st.booleans(),
       st.sampled_from(["", "205", "20805", "2080505", "0308205"]))
def test_figures_run_together_always_split_back_to_the_printed_figures(
    amounts: list[Decimal], separators: bool, code: str
) -> None:
    printed = [_printed(amount, separators) for amount in amounts]
    runs = line_runs("".join(printed) + code + " 教育支出", TWO)
    assert not isinstance(runs, str)
    assert [run.kind.value for run in runs] == ["figures", *(["number"] if code else []), "text"]
    assert runs[0].words == tuple(printed)
    assert [Decimal(word.replace(",", "")) for word in runs[0].words] == amounts
    if code:
        assert runs[1].text == code


# --- lines, codes and rows -----------------------------------------------------------------------


def test_a_line_keeps_its_text_figures_and_numbers_in_printed_order() -> None:
    runs = line_runs("2.政府性基金预算拨款  205 教育支出 0.92", TWO)
    assert not isinstance(runs, str)
    assert [(run.kind.value, run.text) for run in runs] == [
        ("text", "2.政府性基金预算拨款"), ("number", "205"), ("text", "教育支出"), ("figures", "0.92")]
    assert line_runs("0.920.9教育支出", TWO) == "figures run together that cannot be split: 0.920.9"


@pytest.mark.parametrize(("numbers", "family", "backwards", "name", "code"), [
    (("208", "05", "05"), FunctionCode, False, "", "2080505"),
    (("2080505",), FunctionCode, False, "", "2080505"),
    (("0308205",), FunctionCode, True, "培训支出", "2050803"),  # 项 03, 款 08, 类 205 read right to left
    (("12210",), FunctionCode, True, "", "21012"),
    (("01301",), EconomicCode, True, "基本工资", "30101"),
    (("2210201",), FunctionCode, True, "住房公积金", "2210201"),  # printed whole: 201 10 22 is no code
    (("303",), EconomicCode, True, "对个人和家庭的补贴", "303"),
])
def test_codes_by_their_length_direction_and_the_catalogue(
    numbers: tuple[str, ...], family: type[FunctionCode], backwards: bool, name: str, code: str
) -> None:
    assert str(read_code(numbers, family, reversed_line=backwards, name=name, catalogue=CATALOGUE)) == code


def test_numbers_that_are_no_code_are_reported() -> None:
    with pytest.raises(UncertainCode, match="no 支出功能分类 code"):
        read_code(("2024",), FunctionCode, reversed_line=False, name="", catalogue=CATALOGUE)
    with pytest.raises(UncertainCode):
        read_code(("210", "5"), FunctionCode, reversed_line=False, name="", catalogue=CATALOGUE)


def test_rows_read_left_to_right_with_names_wrapped_over_lines() -> None:
    reading = read_rows(_lines("""功能分类科目名称 合计 基本支出 项目支出
类 款 项
205 教育支出 0.92 0.92
208 05 05
机关事业单位基本养老保
险缴费支出
25.29 25.29
合计 26.21 26.21"""), FunctionCode, catalogue=CATALOGUE)
    assert reading.problems == [] and not reading.reversed
    assert [(str(row.code), row.label, row.figures) for row in reading.rows] == [
        ("205", "教育支出", ("0.92", "0.92")),
        ("2080505", "机关事业单位基本养老保险缴费支出", ("25.29", "25.29")),
        ("None", "合计", ("26.21", "26.21")),
    ]
    assert [line.squeezed for line in reading.header] == ["功能分类科目名称合计基本支出项目支出", "类款项"]


def test_rows_read_right_to_left_turn_their_figures_and_code_back() -> None:
    reading = read_rows(_lines("""项目支出基本支出合计功能分类科目名称
项款类
1801.00214.352015.35卫生健康支出210
0105208
行政单位离退
休
0.870.87"""), FunctionCode, catalogue=CATALOGUE)
    assert reading.problems == [] and reading.reversed
    assert [(str(row.code), row.label, row.figures) for row in reading.rows] == [
        ("210", "卫生健康支出", ("2015.35", "214.35", "1801.00")),
        ("2080501", "行政单位离退休", ("0.87", "0.87")),
    ]


def test_only_lines_with_figures_tell_the_direction() -> None:
    # A heading with a year (2024 年预算数) shows no direction of the table's rows.
    reading = read_rows(_lines("2024年预算数\n项目支出基本支出合计功能分类科目名称\n0.920.92教育支出205"), FunctionCode,
                        catalogue=CATALOGUE)
    assert reading.reversed and [str(row.code) for row in reading.rows] == ["205"]


def test_lines_printed_in_both_directions_are_not_read() -> None:
    reading = read_rows(_lines("205 教育支出 0.92 0.92\n0.870.87行政单位离退休0105208"), FunctionCode,
                        catalogue=CATALOGUE)
    assert reading.rows == () and "both directions" in reading.problems[0].message


@pytest.mark.parametrize(("text", "why"), [
    ("205 教育支出 0.92\n0.92", "figures that belong to no row"),
    ("86.005.001801.00卫生健康支出210 1710.00", "an order no row is printed in"),
    ("205 教育支出 0.92\n另有说明的文字很长很长很长很长", "neither a row nor the rest of a name"),
    ("205\n208 社会保障和就业支出 1.00", "has no name"),
])
def test_lines_that_cannot_be_placed_are_reported(text: str, why: str) -> None:
    problems = read_rows(_lines(text), FunctionCode, catalogue=CATALOGUE).problems
    assert any(why in problem.message for problem in problems)


def test_the_rest_of_a_name_below_its_figures_joins_it_only_when_the_catalogue_says_so() -> None:
    tail = read_rows(_lines("210 15 99 其他医疗保障管理事务支 1.00\n出"), FunctionCode, catalogue=CATALOGUE)
    assert [row.label for row in tail.rows] == ["其他医疗保障管理事务支出"] and tail.problems == []
    other = read_rows(_lines("210 15 99 其他医疗保障管理事务支出 1.00\n附注"), FunctionCode, catalogue=CATALOGUE)
    assert other.problems


def test_figures_above_the_first_row_are_the_total_where_the_headings_hold_its_label() -> None:
    reading = read_rows(_lines("科目代码\n功能科目名称\n合\n金额\n计\n24.00\n204\n公共安全支出\n24.00"),
                        FunctionCode, catalogue=CATALOGUE)
    assert [(row.label, row.figures) for row in reading.rows] == [("合计", ("24.00",)), ("公共安全支出", ("24.00",))]
    stray = read_rows(_lines("科目代码\n功能科目名称\n金额\n24.00\n204\n公共安全支出\n24.00"), FunctionCode,
                      catalogue=CATALOGUE)
    assert "figures before the first row" in stray.problems[0].message


# --- placing figures -----------------------------------------------------------------------------

_COLUMNS = tuple((c, c) for c in ("total", "basic", "project"))


def _both(amount: str) -> list[dict[str, str]]:
    return [{"total": amount, "basic": amount, "project": ""}, {"total": amount, "basic": "", "project": amount}]


def test_the_sums_across_rows_leave_one_placement() -> None:
    # 合计 1.92 | 1.92 | —; its 类 print one figure each beside the total: both must be 基本支出.
    rows = [[{"total": "1.92", "basic": "1.92", "project": ""}], _both("0.92"), _both("1.00")]
    placed = place(rows, [Identity(total=0, parts=(1, 2), columns=_COLUMNS, what="合计 = 各类之和")])
    assert placed.problem is None
    assert [row["basic"] for row in placed.rows] == ["1.92", "0.92", "1.00"]


def test_two_placements_that_satisfy_every_identity_leave_the_rows_in_doubt() -> None:
    rows = [[{"total": "1.92", "basic": "0.92", "project": "1.00"}], _both("0.92"), _both("1.00")]
    swapped = place(rows, [Identity(total=0, parts=(1, 2), columns=_COLUMNS, what="合计 = 各类之和")])
    assert swapped.problem is None  # 0.92 基本, 1.00 项目: one way only
    free = place([_both("0.92")], [])
    assert free.problem is not None and free.problem.doubtful == {0: ("basic", "project")}


def test_an_identity_no_placement_satisfies_is_named() -> None:
    rows = [[{"total": "2.00", "basic": "2.00", "project": ""}], _both("0.92")]
    placed = place(rows, [Identity(total=0, parts=(1,), columns=_COLUMNS, what="210 = 所属款之和")])
    assert placed.problem is not None and "210 = 所属款之和" in placed.problem.message


def test_rounding_is_no_reason_to_refuse() -> None:
    rows = [[{"total": "1.01", "basic": "1.01", "project": ""}], _both("0.33"), _both("0.67")]
    placed = place(rows, [Identity(total=0, parts=(1, 2), columns=_COLUMNS, what="合计 = 各类之和")])
    assert placed.problem is None and [row["basic"] for row in placed.rows[1:]] == ["0.33", "0.67"]


# --- one-sided tables ----------------------------------------------------------------------------


def test_a_one_sided_table_is_rebuilt_as_tab_separated_lines() -> None:
    rebuilt = rebuild_one_sided(_lines("""功能分类科目名称 合计 基本支出 项目支出
类 款 项
205 教育支出 0.92 0.92
205 08 进修及培训 0.92 0.92
210 卫生健康支出 3.00 1.00 2.00
210 13 医疗救助 2.00 2.00
210 15 医疗保障管理事务 1.00 1.00
合计 3.92 1.92 2.00"""), EXPENDITURE_LAYOUTS, catalogue=CATALOGUE)
    assert rebuilt.layout is not None and rebuilt.layout.name == "standard"
    assert _rows(rebuilt) == [
        ("205", "", "", "教育支出", "0.92", "0.92", ""),
        ("205", "08", "", "进修及培训", "0.92", "0.92", ""),
        ("210", "", "", "卫生健康支出", "3.00", "1.00", "2.00"),
        ("210", "13", "", "医疗救助", "2.00", "", "2.00"),
        ("210", "15", "", "医疗保障管理事务", "1.00", "1.00", ""),
        ("", "", "", "合计", "3.92", "1.92", "2.00"),
    ]


def test_a_table_whose_figures_stay_in_doubt_names_its_rows_and_columns() -> None:
    rebuilt = rebuild_one_sided(_lines("""功能分类科目名称 合计 基本支出 项目支出
205 教育支出 0.92 0.92
合计 0.92 0.92"""), EXPENDITURE_LAYOUTS, catalogue=CATALOGUE)
    assert rebuilt.lines == () and rebuilt.reason.startswith("more than one placement")
    assert [(line.number, message) for line, message in rebuilt.problems] == [
        (2, "row not read: 2 figure(s) (0.92 0.92) for 3 amount columns; the columns in doubt: 基本支出、项目支出"),
        (3, "row not read: 2 figure(s) (0.92 0.92) for 3 amount columns; the columns in doubt: 基本支出、项目支出")]


def test_a_table_whose_rows_do_not_add_up_is_refused() -> None:
    rebuilt = rebuild_one_sided(_lines("""功能分类科目名称 合计 基本支出 项目支出
205 教育支出 0.92 0.92 -
208 社会保障和就业支出 1.00 1.00 -
合计 2.00 2.00 -"""), EXPENDITURE_LAYOUTS, catalogue=CATALOGUE)
    assert rebuilt.lines == () and rebuilt.reason == "no placement of the figures satisfies 合计 = 各类之和"


def test_headings_that_name_only_the_total_make_one_amount_column() -> None:
    rebuilt = rebuild_one_sided(_lines("""功能科目代码
功能科目名称
金额
204
公共安全支出
16,593.12
20404
检察
16,593.12"""), EXPENDITURE_LAYOUTS, catalogue=CATALOGUE)
    assert _rows(rebuilt) == [("204", "公共安全支出", "16,593.12"), ("20404", "检察", "16,593.12")]


@pytest.mark.parametrize("key", sorted(ONE_SIDED))
def test_rebuilt_headings_are_read_back_by_the_table_reader_under_the_same_columns(key: str) -> None:
    kind = ONE_SIDED[key]
    family = kind.family
    single = [one_amount(kind.layouts[0].record)] if kind.one_amount else []
    for layout in [*filter(readable, kind.layouts), *single]:
        header = header_lines(layout, family, 2)
        code = "301" if family is EconomicCode else "205"
        cells = ([code, "", ""] if layout.lead.count("code") == 3 else [code, ""] if len(layout.lead) == 3
                 else [code])
        row = tsv_line(5, "x", (*cells, "名称", *(["1.00"] * len(layout.amounts))))
        block = Block(key=key, title=SourceLine.of(1, "表"), lines=(*header, row))
        table, problems = TABLE_READERS[key](block)
        assert problems == [], (key, layout.name)
        assert table is not None
        (line,) = table.rows()
        assert isinstance(line, FunctionLine | RevenueLine | EconomicLine), (key, line)
        assert str(line.code) == code
        printed = {column: value for column, value in line.amounts.columns() if value is not None}
        assert set(printed) == set(layout.amounts), (key, layout.name)


# --- two-sided tables ----------------------------------------------------------------------------


def test_the_halves_of_a_two_sided_table_are_told_apart_by_the_right_halfs_code() -> None:
    rebuilt = rebuild_two_sided(_lines("""收 入 支 出
项 目 预算数 功能分类 预算数
一、本年收入 5.00  201 一般公共服务支出
1.一般公共预算拨款 5.00  205 教育支出 1.00
二、上年结转结余  210 卫生健康支出 4.00
收 入 总 计 5.00 支 出 总 计 5.00"""), SUMMARY_LAYOUTS)
    assert _rows(rebuilt) == [
        ("一、本年收入", "5.00", "201 一般公共服务支出", ""),
        ("1.一般公共预算拨款", "5.00", "205 教育支出", "1.00"),
        ("二、上年结转结余", "", "210 卫生健康支出", "4.00"),
        ("收入总计", "5.00", "支出总计", "5.00"),
    ]


def test_a_right_half_read_right_to_left_takes_the_figures_before_it() -> None:
    rebuilt = rebuild_two_sided(_lines("""财政拨款支出财政拨款收入
一般公共预算合计功  能  分  类合计项    目
政府性基金
国有资本经营预算
一、财政拨款（补助） 5.00  201 一般公共服务支出
一般公共预算 5.00  205 教育支出
政府性基金预算  208 社会保障和就业支出
1.001.00210 卫生健康支出
4.004.00221 住房保障支出
5.00收 入 总 计  5.005.00支 出 总 计"""), FISCAL_SUMMARY_LAYOUTS)
    # The budget columns are told apart by the left half: 一般公共预算 5.00 = its column's sum.
    assert _rows(rebuilt)[3:] == [
        ("", "", "210 卫生健康支出", "1.00", "1.00", "", ""),
        ("", "", "221 住房保障支出", "4.00", "4.00", "", ""),
        ("收入总计", "5.00", "支出总计", "5.00", "5.00", "", ""),
    ]


def test_budget_columns_no_identity_tells_apart_are_reported() -> None:
    rebuilt = rebuild_two_sided(_lines("""财政拨款收入 财政拨款支出
项目 合计 功能分类 合计 一般公共预算 政府性基金预算 国有资本经营预算
一、财政拨款（补助） 5.00  210 卫生健康支出 5.00 5.00
收 入 总 计 5.00 支 出 总 计 5.00 5.00"""), FISCAL_SUMMARY_LAYOUTS)
    assert rebuilt.lines == () and rebuilt.reason.startswith("more than one placement")
    doubt = ("line not read: its figures could stand in more than one place "
             "(一般公共预算（支出）、国有资本经营预算（支出）)")
    assert [message for _, message in rebuilt.problems] == [doubt, doubt]


# --- a flat document -----------------------------------------------------------------------------

# Each table's body printed before its title, its 编制部门 line and number after: seed 004's pages.
BODIES_BEFORE_TITLES = """某局2024年部门预算
第一部分 部门概况
某局无下属预算单位。
项 目 支出预算
功能分类科目编码
功能分类科目名称 合计 基本支出 项目支出
类 款 项
205 教育支出 0.92 0.92
205 08 进修及培训 0.92 0.92
210 卫生健康支出 3.00 1.00 2.00
210 13 医疗救助 2.00 2.00
210 15 医疗保障管理事务 1.00 1.00
合计 3.92 1.92 2.00
部门支出总体情况表
编制部门: 某局 单位：万元
表3
 项 目 一般公共预算支出
功能分类科目编码
项目支出基本支出合计功能分类科目名称
项款类
0.920.92教育支出205
2.001.003.00卫生健康支出210
2.001.923.92合计
一般公共预算支出情况表
编制部门: 某局 单位：万元
表5
项 目 政府性基金预算支出
功能分类科目编码
功能分类科目名称 合计 基本支出 项目支出
合计
政府性基金预算支出情况表
编制部门: 某局 单位：万元
表8
备注：某局没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。
第三部分 2024 年部门预算情况说明
"""


def test_bodies_printed_before_their_titles_are_read_under_them() -> None:
    result = cnbudget.read_text(BODIES_BEFORE_TITLES)
    tables = result.disclosure.tables
    assert result.coverage.read == ("expenditure", "general_budget", "gov_fund")
    assert tables.expenditure is not None and tables.general_budget is not None and tables.gov_fund is not None
    assert [(str(line.code), line.amounts.basic, line.amounts.project) for line in tables.general_budget.lines] == [
        ("205", Decimal("0.92"), Decimal(0)), ("210", Decimal("1.00"), Decimal("2.00")),
        ("None", Decimal("1.92"), Decimal("2.00"))]
    assert tables.expenditure.lines[3].amounts.project == Decimal("2.00")  # 210 13 医疗救助
    assert tables.gov_fund.lines == () and tables.gov_fund.empty_statement is not None


def test_a_flat_table_that_cannot_be_placed_is_recorded_unread_with_the_reason() -> None:
    text = BODIES_BEFORE_TITLES.replace("210 13 医疗救助 2.00 2.00\n", "").replace(
        "210 卫生健康支出 3.00 1.00 2.00", "210 卫生健康支出 1.00 1.00").replace(
        "合计 3.92 1.92 2.00", "合计 1.92 1.92")
    result = cnbudget.read_text(text)
    (unread,) = [table for table in result.disclosure.unread if table.key == "expenditure"]
    assert unread.reason.startswith("table not read: the text lost the table's columns")
    assert any(p.table == "expenditure" and "columns in doubt" in p.message for p in result.problems)


def test_tables_whose_cells_the_text_kept_are_left_to_the_table_readers() -> None:
    lines = split_lines("某局2024年部门预算\n部门支出总体情况表\n合计\t5.00\n")
    blocks = find_blocks(lines)
    assert rebuild_flat_blocks(lines, blocks, fiscal_year=2024).blocks == tuple(blocks)


# --- rebuilding a generated table flattened as pdftotext does -------------------------------------

_NAMED = re.compile(r"^[\u4e00-\u9fff（）()、]+$")


def _subjects() -> list[tuple[str, str, list[tuple[str, str, list[tuple[str, str]]]]]]:
    """Catalogue 类 with 款 and 项 whose names are Chinese words only (as tables print them)."""
    found = []
    for category in ("205", "208", "210", "221", "213", "212"):
        sections = []
        for section in CATALOGUE.children(category):
            items = [(str(item.code), item.name) for item in CATALOGUE.children(section.code)
                     if _NAMED.match(item.name)][:3]
            if _NAMED.match(section.name):
                sections.append((str(section.code), section.name, items))
        found.append((category, CATALOGUE[category].name, sections[:3]))
    return found


SUBJECTS = _subjects()
_CENTS = st.integers(min_value=0, max_value=5_000_000)


@st.composite
def _tables(draw: st.DrawFn) -> list[tuple[str | None, str, int, int]]:
    """Rows (code, name, 基本支出, 项目支出 in cents) of a table whose parents add up."""
    rows: list[tuple[str | None, str, int, int]] = []
    grand = [0, 0]
    for category, name, sections in draw(st.lists(st.sampled_from(SUBJECTS), min_size=1, max_size=3,
                                                  unique_by=lambda s: s[0])):
        own: list[tuple[str | None, str, int, int]] = []
        total = [0, 0]
        for section, section_name, items in draw(st.lists(st.sampled_from(sections), min_size=1, max_size=2,
                                                          unique_by=lambda s: s[0])) if sections else []:
            chosen = draw(st.lists(st.sampled_from(items), max_size=2, unique_by=lambda s: s[0])) if items else []
            leaves = [(code, item, draw(_CENTS), draw(_CENTS)) for code, item in chosen]
            if not leaves:
                leaves_sum = [draw(_CENTS), draw(_CENTS)]
            else:
                leaves_sum = [sum(leaf[2] for leaf in leaves), sum(leaf[3] for leaf in leaves)]
            own.append((section, section_name, leaves_sum[0], leaves_sum[1]))
            own.extend(leaves)
            total = [total[0] + leaves_sum[0], total[1] + leaves_sum[1]]
        if not own:
            total = [draw(_CENTS), draw(_CENTS)]
        rows.append((category, name, total[0], total[1]))
        rows.extend(own)
        grand = [grand[0] + total[0], grand[1] + total[1]]
    rows.append((None, "合计", grand[0], grand[1]))
    return rows


def _figure(cents: int, separators: bool) -> str:
    return _printed(Decimal(cents) / 100, separators)


def _flatten(rows: Sequence[tuple[str | None, str, int, int]], backwards: bool, glued: bool, separators: bool,
             wraps: Sequence[int]) -> str:
    """The table as plain pdftotext prints it: blank cells gone, figures perhaps run together, names
    wrapped onto lines of their own, and perhaps every line's cells from right to left."""
    lines = ["项目支出基本支出合计功能分类科目名称", "项款类"] if backwards else [
        "功能分类科目名称 合计 基本支出 项目支出", "类 款 项"]
    for (code, name, basic, project), wrap in zip(rows, wraps, strict=False):
        figures = [_figure(cents, separators) for cents in (basic + project, basic, project) if cents]
        joiner = "" if glued else " "
        if code is None:
            printed = joiner.join(figures)
            lines.append(f"{joiner.join(reversed(figures))}合计" if backwards else f"合计 {printed}")
            continue
        parts = [code[:3], code[3:5], code[5:7]][: (len(code) - 1) // 2]
        code_text = "".join(reversed(parts)) if backwards else " ".join(parts)
        shown = joiner.join(reversed(figures)) if backwards else joiner.join(figures)
        if wrap and len(name) > wrap:
            lines += [code_text, name[:wrap], name[wrap:], shown] if shown else [code_text, name[:wrap], name[wrap:]]
        elif backwards:
            lines.append(f"{shown}{name}{code_text}")
        else:
            lines.append(f"{code_text} {name} {shown}".rstrip())
    return "\n".join(lines)


@settings(max_examples=120, deadline=None)
@given(_tables(), st.booleans(), st.booleans(), st.booleans(), st.lists(st.sampled_from([0, 0, 3, 5]), min_size=40,
                                                                           max_size=40))
def test_a_flattened_table_is_rebuilt_exactly_or_refused(
    rows: list[tuple[str | None, str, int, int]], backwards: bool, glued: bool, separators: bool, wraps: list[int]
) -> None:
    text = _flatten(rows, backwards, glued, separators, wraps)
    rebuilt = rebuild_one_sided(_lines(text), EXPENDITURE_LAYOUTS, catalogue=CATALOGUE)
    complete = all(basic and project for _, _, basic, project in rows)
    if complete:
        assert rebuilt.problems == (), text  # every figure printed: nothing to place
    if rebuilt.problems:
        return
    read = [(cells[0] + cells[1] + cells[2] or None, cells[3], cells[4:]) for cells in _rows(rebuilt)]
    expected = [(code, name, tuple(_figure(c, separators) if c else "" for c in (b + p, b, p)))
                for code, name, b, p in rows]
    assert [(code, name, tuple(cells)) for code, name, cells in read] == expected, text


@settings(max_examples=60, deadline=None)
@given(_tables(), st.booleans())
def test_a_table_with_every_figure_printed_is_always_rebuilt(
    rows: list[tuple[str | None, str, int, int]], backwards: bool
) -> None:
    assume(all(basic and project for _, _, basic, project in rows))
    rebuilt = rebuild_one_sided(_lines(_flatten(rows, backwards, True, False, [0] * 40)), EXPENDITURE_LAYOUTS,
                                catalogue=CATALOGUE)
    assert rebuilt.problems == ()
    assert len(_rows(rebuilt)) == len(rows)


# --- seed 004 --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_004() -> cnbudget.ReadResult:
    return cnbudget.read_file(seed_path("004"))


def test_seed_004_tables_placed_with_certainty_are_read(seed_004: cnbudget.ReadResult) -> None:
    assert seed_004.coverage.read == ("summary", "expenditure", "fiscal_summary", "general_budget",
                                      "general_budget_basic", "gov_fund", "soe_capital")
    reasons = {table.key: table.reason for table in seed_004.disclosure.unread}
    assert set(reasons) == {"revenue", "general_budget_projects", "three_public", "carryover"}
    # 收入总体情况表: 0.92 0.92 0.92 under 12 columns; the sums leave the figures' columns in doubt.
    assert "more than one placement" in reasons["revenue"]
    assert all(reason.startswith("table not read: the text lost the table's columns") for reason in reasons.values())


def test_seed_004_figures_read_are_those_printed(seed_004: cnbudget.ReadResult) -> None:
    tables = seed_004.disclosure.tables
    assert tables.expenditure is not None and tables.general_budget is not None
    assert tables.general_budget_basic is not None and tables.summary is not None
    assert tables.fiscal_summary is not None

    def by_code(lines: Sequence[Any]) -> dict[str, tuple[Decimal | None, ...]]:
        return {str(line.code or line.name): tuple(value for _, value in line.amounts.columns() if value is not None)
                for line in lines}

    # 部门支出总体情况表 (printed left to right; 基本支出 or 项目支出 decided by the sums).
    expenditure = by_code(tables.expenditure.lines)
    assert expenditure["2101202"] == (Decimal("1710.00"), Decimal(0), Decimal("1710.00"))
    assert expenditure["2101599"] == (Decimal("10.86"), Decimal(0), Decimal("10.86"))
    assert expenditure["2080505"] == (Decimal("25.29"), Decimal("25.29"), Decimal(0))
    assert expenditure["合计"] == (Decimal("2081.55"), Decimal("274.69"), Decimal("1806.86"))
    # 一般公共预算支出情况表 (printed right to left).
    general = by_code(tables.general_budget.lines)
    assert general["210"] == (Decimal("2015.35"), Decimal("214.35"), Decimal("1801.00"))
    assert general["21015"] == (Decimal("205.60"), Decimal("200.60"), Decimal("5.00"))
    assert general["2101399"] == (Decimal("86.00"), Decimal(0), Decimal("86.00"))
    # 一般公共预算基本支出情况表: 302 商品和服务支出 is 公用经费, 303 人员经费.
    basic = by_code(tables.general_budget_basic.lines)
    assert basic["302"] == (Decimal("13.29"), Decimal(0), Decimal("13.29"))
    assert basic["303"] == (Decimal("0.87"), Decimal("0.87"), Decimal(0))
    assert basic["合计"] == (Decimal("274.69"), Decimal("261.40"), Decimal("13.29"))
    assert len(tables.general_budget_basic.lines) == 26
    # The two-sided tables: the left half's figures and the right half's.
    assert [(line.name, line.amount) for line in tables.summary.revenue if line.amount] == [
        ("本年收入", Decimal("2075.69")), ("一般公共预算拨款", Decimal("2075.69")),
        ("其中：一般财力", Decimal("1984.69")), ("上级一般公共预算安排转移支付", Decimal("91.00")),
        ("上年结转结余", Decimal("5.86")), ("财政拨款结转", Decimal("5.86")),
        ("其中：一般公共预算拨款", Decimal("5.86")), ("收入总计", Decimal("2081.55"))]
    assert [(str(line.code), line.amount) for line in tables.summary.expenditure if line.amount] == [
        ("205", Decimal("0.92")), ("208", Decimal("38.80")), ("210", Decimal("2021.21")),
        ("221", Decimal("20.62")), ("None", Decimal("2081.55"))]
    assert len(tables.summary.expenditure) == 31  # 201 … 234 and 支出总计, as printed
    fiscal = [(str(line.code), line.amounts.total, line.amounts.general_budget, line.amounts.gov_fund)
              for line in tables.fiscal_summary.expenditure if line.amounts.total]
    assert fiscal == [("205", Decimal("0.92"), Decimal("0.92"), Decimal(0)),
                      ("208", Decimal("38.80"), Decimal("38.80"), Decimal(0)),
                      ("210", Decimal("2015.35"), Decimal("2015.35"), Decimal(0)),
                      ("221", Decimal("20.62"), Decimal("20.62"), Decimal(0)),
                      ("None", Decimal("2075.69"), Decimal("2075.69"), Decimal(0))]
