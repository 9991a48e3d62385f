"""Table kinds (表格种类): the titles of every template family name the same kinds.

The expected keys are written by hand from the titles as provinces print them; the property test
puts a title's numbering, year and department around a bare title and expects the same kind.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.model import kinds
from cnbudget.model.kinds import TABLE_KINDS, TableKind, _any_kind, kind_named, printed_title, title_core, title_key
from cnbudget.numbering import is_table_number, split_number, table_number
from cnbudget.text import normalize_width

# Titles as printed by the template families (national 8-table template, Shanghai, Jiangsu,
# Beijing, Tianjin, Sichuan, Guangdong, Hunan, Chongqing), and the kind each holds.
FAMILY_TITLES = [
    ("部门收支总表", "summary"),
    ("部门收支总体情况表", "summary"),
    ("部门财务收支预算总表", "summary"),
    ("收支预算总表", "summary"),
    ("部门收支预算总表", "summary"),
    ("部门预算收支总表", "summary"),
    ("收支总表", "summary"),
    ("部门收入总表", "revenue"),
    ("收入预算表", "revenue"),
    ("部门收入预算总表", "revenue"),
    ("部门支出总表", "expenditure"),
    ("支出预算表", "expenditure"),
    ("部门支出预算总表", "expenditure"),
    ("财政拨款收支总表", "fiscal_summary"),
    ("财政拨款收支预算总表", "fiscal_summary"),
    ("财政拨款支出预算表（功能科目）", "fiscal_expenditure"),
    ("财政拨款基本支出预算表（经济科目）", "fiscal_basic"),
    ("一般公共预算支出表", "general_budget"),
    ("一般公共预算财政拨款支出预算表", "general_budget"),
    ("一般公共预算支出功能分类预算表", "general_budget"),
    ("一般公共预算基本支出表", "general_budget_basic"),
    ("一般公共预算基本支出部门预算经济分类预算表", "general_budget_basic"),
    ("一般公共预算财政拨款基本支出预算表", "general_budget_basic"),
    ("一般公共预算项目支出预算表", "general_budget_projects"),
    ("一般公共预算“三公”经费支出表", "three_public"),
    ("一般公共预算财政拨款“三公”经费支出预算表", "three_public"),
    ("一般公共预算拨款“三公”经费支出预算表", "three_public"),
    ("“三公”经费和机关运行经费预算表", "three_public"),
    ("一般公共预算“三公”经费、会议费、培训费支出预算表", "three_public"),
    ("一般公共预算机关运行经费支出预算表", "operating_costs"),
    ("政府性基金预算支出表", "gov_fund"),
    ("政府性基金支出情况表", "gov_fund"),
    ("政府性基金预算财政拨款支出预算表", "gov_fund"),
    ("部门政府性基金预算支出表", "gov_fund"),
    ("国有资本经营预算支出表", "soe_capital"),
    ("国有资本经营预算财政拨款支出预算表", "soe_capital"),
    ("项目支出表", "projects"),
    ("项目支出预算表", "projects"),
    ("政府采购支出预算表", "procurement"),
    ("政府采购预算明细表", "procurement"),
    ("上年结转结余明细表", "carryover"),
    ("支出经济分类汇总表", "economic_summary"),
    ("部门整体支出绩效目标表", "department_target"),
    ("项目支出绩效目标表", "project_target"),
]

# How titles are numbered, and what may run onto a title's line.
NUMBERED_TITLES = [
    ("表1 部门收支总表", "summary"),
    ("表一：部门收支总表", "summary"),
    ("表1-1 部门收入总表", "revenue"),
    ("附表2-1 部门收入总表", "revenue"),
    ("附表1 2024年收支总体情况表", "summary"),
    ("公开05表 财政拨款支出预算表（功能科目）", "fiscal_expenditure"),
    ("公开 05 表 财政拨款支出预算表", "fiscal_expenditure"),
    ("预算01表 部门收支总表", "summary"),
    ("预算01-1表 部门收支总表", "summary"),
    ("附件1：部门收支总表", "summary"),
    ("五、一般公共预算支出表", "general_budget"),
    ("（五）一般公共预算支出表", "general_budget"),
    ("5.一般公共预算支出表", "general_budget"),
    ("部门收支总表 表1", "summary"),
    ("部门收支总表（单位：万元）", "summary"),
    ("部门收支预算总表（公开01表）", "summary"),
    ("收支预算总表部门：中共江苏省委办公厅 单位：万元", "summary"),
    ("上海市普陀区某某局2025年部门财务收支预算总表", "summary"),
    ("2024年度某某中心部门收支总表", "summary"),
    ("部门收支总表(2024年)", "summary"),
]

NOT_TITLES = [
    "本表为空表。",
    "一般公共预算财政拨款支出决算表",  # final accounts: another kind of document
    "部门预算编制说明",
    "2024年部门预算公开表",
    "附件1：2024年部门预算公开表",
    "比2024年预算增加120万元",
]


@pytest.mark.parametrize(("title", "key"), FAMILY_TITLES + NUMBERED_TITLES)
def test_each_familys_title_names_its_kind(title: str, key: str) -> None:
    assert title_key(title) == key


@pytest.mark.parametrize("text", NOT_TITLES)
def test_a_line_that_titles_no_table_names_no_kind(text: str) -> None:
    assert title_key(text) is None


_NUMBERS = st.sampled_from(
    ["", "表1 ", "表 3：", "附表2-1 ", "公开05表 ", "预算01表 ", "附件1 ", "五、", "（五）", "5.", "5、"])
_YEARS = st.sampled_from(["", "2019年", "2025年度", "2024 年"])
_OWNERS = st.sampled_from(["", "某某市医疗保障局", "上海市普陀区商务委员会", "江苏省人民检察院", "某某中心"])
_KINDS = st.sampled_from([(title, key) for title, key in FAMILY_TITLES if not title.startswith(("部门", "单位"))])


@given(_NUMBERS, _YEARS, _OWNERS, _KINDS)
def test_numbering_year_and_department_around_a_title_leave_its_kind(
    number: str, year: str, owner: str, kind: tuple[str, str]
) -> None:
    title, key = kind
    assert title_key(f"{number}{year}{owner}{title}") == key


@pytest.mark.parametrize(
    ("printed", "number"),
    [("表1", 1), ("表 10", 10), ("附表一", 1), ("表1-1", 1), ("表2-3", 2), ("公开05表", 5), ("公开 12 表", 12),
     ("预算03表", 3), ("预算03-2表", 3), ("附件2", 2), ("部门收支总表", None), ("2024年", None)],
)
def test_a_table_is_numbered_by_its_main_number(printed: str, number: int | None) -> None:
    assert table_number(printed) == number


def test_a_sub_number_is_not_left_before_the_title() -> None:
    assert split_number("表1-2 部门收入总表") == (1, "部门收入总表")
    assert split_number("预算01-1表 部门收支总表") == (1, "部门收支总表")


def test_a_figure_is_not_taken_for_a_table_number() -> None:
    assert split_number("2.66%")[0] is None
    assert split_number("附件12345")[0] is None


def test_the_printed_title_drops_what_ran_onto_its_line() -> None:
    assert printed_title("部门收支总表（单位：万元）") == "部门收支总表"
    assert printed_title("收支预算总表部门：中共江苏省委办公厅 单位：万元") == "收支预算总表"


def test_no_other_character_becomes_the_words_of_a_table_number_when_widths_fold() -> None:
    # is_table_number answers False at once for a line without 表 or 附件 (most lines): that holds
    # only while no other character folds into one of them.
    folding_in = [hex(point) for point in range(sys.maxunicode + 1)
                  if not 0xD800 <= point <= 0xDFFF and chr(point) not in "表附件"
                  and any(word in normalize_width(chr(point)) for word in "表附件")]
    assert folding_in == []
    assert is_table_number("表 1") and is_table_number("附件 1") and is_table_number("附　件　２")
    assert not is_table_number("附 1")


def _first_kind_asked_in_turn(core: str) -> str | None:
    """The plain way: each kind asked in turn, the first whose titles match wins."""
    return next((kind.key for kind in TABLE_KINDS if kind.names(core)), None)


# The words the kinds' titles are made of, and a few others: joined at random they make titles of
# every kind, near misses and cores several kinds might claim.
_TITLE_WORDS = st.sampled_from(
    ["一般公共预算", "财政拨款", "项目", "支出", "收入", "收支", "预算", "情况", "总体情况表", "总表", "表", "基本",
     "(功能科目)", "(经济科目)", "(按经济分类)", "三公", '"', "经费", ",会议费,培训费", "绩效目标", "整体",
     "部门", "单位", "部门(单位)", "政府性基金", "国有资本经营", "上年结转结余", "明细", "政府采购", "汇总",
     "经济分类", "机关运行", "申报", "财务", "某", "功能分类", "和机关运行经费"])


@given(st.lists(_TITLE_WORDS, min_size=1, max_size=7).map("".join))
def test_one_pattern_for_every_kind_finds_the_kind_asking_each_in_turn_finds(core: str) -> None:
    assert kind_named(core) == _first_kind_asked_in_turn(core)


@pytest.mark.parametrize(("title", "key"), FAMILY_TITLES + NUMBERED_TITLES)
def test_one_pattern_for_every_kind_names_each_familys_title(title: str, key: str) -> None:
    core = title_core(title)
    assert kind_named(core) == _first_kind_asked_in_turn(core)


def test_where_two_kinds_claim_a_core_the_first_in_order_is_named() -> None:
    broad = TableKind(key="broad", title="宽", titles=(r"\S*表",), keywords="宽")
    narrow = TableKind(key="narrow", title="窄", titles=("支出表",), keywords="窄")
    assert _any_kind((broad, narrow)).fullmatch("支出表").lastgroup == "broad"  # type: ignore[union-attr]
    assert _any_kind((narrow, broad)).fullmatch("支出表").lastgroup == "narrow"  # type: ignore[union-attr]


def test_a_kind_whose_titles_hold_a_capturing_group_is_refused() -> None:
    grouped = TableKind(key="grouped", title="组", titles=("(收入|支出)表",), keywords="组")
    with pytest.raises(ValueError, match="grouped"):
        _any_kind((grouped,))


def _plain_title_core(text: str) -> str:
    """title_core with every pattern run (the suffix's too)."""
    _, rest = split_number(normalize_width(text))
    rest = kinds._squeezed(rest)
    meta = kinds._META.search(rest)
    if meta is not None and meta.start() > 0:
        rest = rest[: meta.start()].rstrip("(")
    return kinds._SUFFIX.sub("", kinds._PREFIX.sub("", rest, count=1), count=1)


_CORE_PIECES = st.sampled_from(["(2024年)", "（2024年度）", "(空表)", "(续表)", "(续)", "(公开05表)", "(预算3表)",
                                "表1", "表 12", "表", "1", "٣", "３", ")", "（", "(", "年", "部门", "收支总表", "单位:",
                                " ", "\n", "某局", "2024年", "五、"])


@given(st.lists(_CORE_PIECES, max_size=8).map("".join))
def test_a_core_is_what_running_every_pattern_gives(text: str) -> None:
    assert kinds.title_core.__wrapped__(text) == _plain_title_core(text)
