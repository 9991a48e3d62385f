"""Completeness rules (COMP): announced, printed and required tables, 目录 numbers, empty-table
statements and what the text says is not there. Each rule has a passing, a failing, a boundary and
an absent-input fixture; most rules compare no sums, so their boundaries are the edge cases (a zero
printed as 0.00 against the smallest amount 0.01, wording the reader may not recognise, fragments)."""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget import example, example_names
from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    RevenueLine,
    RevenueTable,
    SourceAmounts,
    SourceSplit,
    Statement,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.validation import Finding, Severity, validate
from cnbudget.validation.rules.completeness import CORE_TABLES, template_of
from cnbudget.validation.rules.completeness_budgets import (
    BUDGETS,
    budget_amounts,
    nonzero_budget_amounts,
    printed_amounts,
)
from cnbudget.validation.rules.completeness_claims import _EMPTY_TABLE, _NOTHING, _WORDS
from cnbudget.validation.rules.completeness_contents import announcements, loose_key, numeral, table_number
from cnbudget.vocab import FundingSource
from tests.present import present
from tests.seeds import seed_path

ELEVEN = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic",
          "general_budget_projects", "gov_fund", "soe_capital", "three_public", "carryover")
HENAN = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic",
         "economic_summary", "three_public", "gov_fund", "projects")
CONTENTS = ("第一部分部门概况", "一、主要职能", "第二部分部门预算公开表", "一、部门收支总体情况表",
            "二、部门收入总体情况表", "八、政府性基金预算支出情况表")


_ZERO = SourceSplit(total=Decimal(0))


def _three_public(*, total: SourceSplit = _ZERO, overseas_travel: SourceSplit = _ZERO, vehicles: SourceSplit = _ZERO,
                  vehicle_purchase: SourceSplit = _ZERO, vehicle_operation: SourceSplit = _ZERO,
                  reception: SourceSplit = _ZERO, title: str | None = None, number: str | None = None,
                  empty_statement: str | None = None) -> ThreePublicTable:
    return ThreePublicTable(total=total, overseas_travel=overseas_travel, vehicles=vehicles,
                            vehicle_purchase=vehicle_purchase, vehicle_operation=vehicle_operation,
                            reception=reception, title=title, number=number, empty_statement=empty_statement)


def _empty(key: str, **info: Any) -> Any:
    """A table of the kind ``key`` holds, with no rows."""
    kind = typing.get_args(typing.get_type_hints(Tables)[key])[0]
    return _three_public(**info) if kind is ThreePublicTable else kind(**info)


def _doc(keys: tuple[str, ...], contents: tuple[str, ...] = CONTENTS, **extra: Any) -> BudgetDisclosure:
    tables = extra.pop("tables", {})
    return BudgetDisclosure(department="示例局", fiscal_year=2024, contents=contents,
                            tables=Tables(**({key: _empty(key) for key in keys} | tables)), **extra)


def _fund_table(total: str | None = None, statement: str | None = None) -> ExpenditureTable:
    lines = [] if total is None else [FunctionLine(code=FunctionCode("2080101"), name="行政运行",
                                                   amounts=ExpenditureAmounts(total=total))]
    return ExpenditureTable(lines=lines, empty_statement=statement)


def _check(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    return list(validate(doc, rules=[rule]).findings)


def _tables_of(rule: str, doc: BudgetDisclosure) -> list[str | None]:
    return [f.locations[0].table for f in _check(rule, doc)]


def _skipped(rule: str, doc: BudgetDisclosure) -> bool:
    return validate(doc, rules=[rule]).rules_skipped == (rule,)


# --- reading the 目录 ------------------------------------------------------------------------------------


_CHINESE = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else "十" if tens == 1 else _CHINESE[tens] + "十") + (_CHINESE[units] if units else "")


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["{}、", "({})", "（{}）", "表{}", "附表{} ", "{}."]),
       st.booleans())
def test_entry_numbers_in_any_style(n: int, style: str, chinese: bool) -> None:
    written = _chinese(n) if chinese else str(n)
    (found,) = announcements([style.format(written) + "部门收支总体情况表"])
    assert (found.key, found.number) == ("summary", n)
    assert numeral(written) == n and table_number(f"表 {written}") == n


def test_numerals() -> None:
    assert [numeral(t) for t in ("1", "9", "十", "十一", "二十", "二十三", "九十九")] == [1, 9, 10, 11, 20, 23, 99]
    assert [numeral(t) for t in ("", "表", "十十", "一二", "百")] == [None] * 5


@pytest.mark.parametrize(("printed", "number"), [("表 1", 1), ("表11", 11), ("表十一", 11), ("附表3", 3),
                                                 ("表 10", 10), (None, None), ("附件", None)])
def test_table_numbers(printed: str | None, number: int | None) -> None:
    assert table_number(printed) == number


@pytest.mark.parametrize(("entry", "key", "number"), [
    ("一、部门收支总体情况表", "summary", 1),
    ("- 十一、 上年结转结余情况明细表", "carryover", 11),
    ("(三)单位支出总体情况表", "expenditure", 3),
    ("（四）财政拨款收支总表", "fiscal_summary", 4),
    ("表5 一般公共预算支出表", "general_budget", 5),
    ("表一 部门收支总表", "summary", 1),
    ("附表6 一般公共预算基本支出表", "general_budget_basic", 6),
    ("7.一般公共预算项目支出预算表", "general_budget_projects", 7),
    ("8、政府性基金预算支出表", "gov_fund", 8),
    ("九、国有资本经营预算支出预算表", "soe_capital", 9),
    ("10 一般公共预算“三公”经费支出表", "three_public", 10),
    ("七、支出经济分类汇总表", "economic_summary", 7),
    ("十、项目支出表", "projects", 10),
    ("十一、部门（单位）整体绩效目标表", "department_target", 11),
    ("十二、部门预算项目绩效目标汇总表", "project_targets_summary", 12),
    ("部门收入总表", "revenue", None),
    ("2024年单位支出预算表", "expenditure", None),
])
def test_entries_in_the_wording_of_other_provinces(entry: str, key: str, number: int | None) -> None:
    ((found,),) = [announcements([entry])]
    assert (found.key, found.number) == (key, number)


@pytest.mark.parametrize("entry", ["第二部分2024年部门预算公开表", "附件：延津县医疗保障局2024年部门预算表",
                                   "八、关于2024年政府性基金预算拨款情况说明", "二、机构设置及人员情况",
                                   "一、主要职能", "第四部分名词解释", "十二、其他重要事项的情况说明"])
def test_entries_that_name_no_table(entry: str) -> None:
    assert announcements([entry]) == [] and loose_key(entry) is None


# --- COMP-001: every announced table is printed ---------------------------------------------------------


def test_every_announced_table_printed() -> None:
    assert _check("COMP-001", _doc(("summary", "revenue", "gov_fund"))) == []


def test_an_announced_table_that_is_not_printed_is_an_error() -> None:
    # As in a published document: the 目录 lists 九、国有资本经营预算支出情况表, the tables run 表8, 表10.
    contents = ("八、政府性基金预算支出情况表", "九、国有资本经营预算支出情况表", "十、财政拨款“三公”经费支出情况表")
    tables = {"gov_fund": _empty("gov_fund", number="表 8"), "three_public": _empty("three_public", number="表 10")}
    doc = _doc((), contents=contents, tables=tables)
    (found,) = _check("COMP-001", doc)
    assert (found.severity, found.locations[0].table) == (Severity.ERROR, "soe_capital")
    assert "九、国有资本经营预算支出情况表" in found.message
    assert _check("COMP-007", doc) == []  # the numbers of the tables printed agree with the 目录


def test_a_table_the_reader_could_not_read_or_may_not_recognise_is_not_missing() -> None:
    assert _check("COMP-001", _doc(("summary", "revenue"), incomplete=["gov_fund"])) == []
    # in wording no table kind has, the reader may not recognise the title in the body either
    assert _check("COMP-001", _doc(("summary",), contents=("八、政府性基金收支安排表",))) == []
    # a wording a kind has is recognised in the body too, so a table announced in it and not printed is missing
    assert _check("COMP-001", _doc(("summary",), contents=("八、政府性基金预算支出表",)))


def test_a_title_wrapped_in_the_contents() -> None:
    wrapped = ("一、部门收支总体情况表", "七、一般公共预算项目支出情况", "表")
    assert _check("COMP-002", _doc(("summary", "general_budget_projects"), contents=wrapped)) == []
    assert _check("COMP-001", _doc(("summary",), contents=wrapped)) == []  # the body may wrap it too


def test_announced_performance_forms() -> None:
    contents = ("十一、部门（单位）整体绩效目标表", "十二、部门预算项目绩效目标汇总表")
    assert _tables_of("COMP-001", _doc((), contents=contents)) == ["department_target", "project_targets_summary"]
    assert _check("COMP-001", _doc((), contents=contents, incomplete=["performance"])) == []


@pytest.mark.parametrize("entry", ["十、财政拨款“三公”经费支出情况表", "(十)一般公共预算“三公”经费支出情况表",
                                   "10.财政拨款\"三公\"经费支出情况表", "10、单位“三公”经费支出情况表"])
def test_numbering_styles_of_the_contents(entry: str) -> None:
    assert _tables_of("COMP-001", _doc(("summary",), contents=(entry,))) == ["three_public"]


def test_no_contents_skips_the_contents_rules() -> None:
    doc = _doc(("summary",), contents=())
    assert all(_skipped(rule, doc) for rule in ("COMP-001", "COMP-002", "COMP-007"))


# --- COMP-002: every printed table is announced ---------------------------------------------------------


def test_every_printed_table_announced() -> None:
    assert _check("COMP-002", _doc(("summary", "revenue", "gov_fund"))) == []


def test_a_printed_table_the_contents_omit_is_a_warning() -> None:
    (found,) = _check("COMP-002", _doc(("summary", "revenue", "gov_fund", "three_public")))
    assert (found.severity, found.locations[0].table) == (Severity.WARNING, "three_public")


def test_contents_in_other_words_and_contents_without_tables() -> None:
    national = ("一、部门收支总表", "二、部门收入总表", "三、一般公共预算“三公”经费支出表")
    assert _check("COMP-002", _doc(("summary", "revenue", "three_public"), contents=national)) == []
    assert _check("COMP-002", _doc(("summary",), contents=("第一部分部门概况", "一、主要职能"))) == []


def test_performance_forms_after_the_contents_are_not_demanded_in_it() -> None:
    assert _check("COMP-002", _doc(("summary", "revenue", "gov_fund"), incomplete=["performance"])) == []


def test_unread_tables_count_as_printed() -> None:
    assert _tables_of("COMP-002", _doc(("summary", "revenue", "gov_fund"), incomplete=["carryover"])) == ["carryover"]


# --- COMP-003: the eight tables every template prints ---------------------------------------------------


@pytest.mark.parametrize("keys", [ELEVEN, HENAN])
def test_either_template_with_every_core_table_passes(keys: tuple[str, ...]) -> None:
    assert _check("COMP-003", _doc(keys, contents=())) == []


def test_a_missing_core_table_is_an_error() -> None:
    (found,) = _check("COMP-003", _doc(tuple(k for k in ELEVEN if k != "three_public"), contents=()))
    assert (found.severity, found.locations[0].table) == (Severity.ERROR, "three_public")


def test_a_fragment_is_not_judged_and_a_listed_or_unread_table_is_not_missing() -> None:
    assert _check("COMP-003", _doc(CORE_TABLES[:4], contents=())) == []
    assert _tables_of("COMP-003", _doc(CORE_TABLES[:5], contents=())) == list(CORE_TABLES[5:])
    partial = tuple(k for k in CORE_TABLES if k != "gov_fund")
    assert _check("COMP-003", _doc(partial, contents=("八、政府性基金预算支出表",))) == []
    assert _check("COMP-003", _doc(partial, contents=(), incomplete=["gov_fund"])) == []


def test_a_missing_table_is_only_a_warning_where_another_could_not_be_read() -> None:
    # the text of a table whose title was not recognised is read into the table before it
    partial = tuple(k for k in ELEVEN if k != "three_public")
    found = _check("COMP-003", _doc(partial, contents=(), incomplete=["soe_capital"]))
    assert [(f.severity, f.locations[0].table) for f in found] == [(Severity.WARNING, "three_public")]


def test_no_tables_nothing_demanded() -> None:
    assert _check("COMP-003", _doc((), contents=())) == []


# --- COMP-004: a table said to be empty is empty ----------------------------------------------------------


def _fund_doc(table: ExpenditureTable, key: Literal["gov_fund", "general_budget"] = "gov_fund") -> BudgetDisclosure:
    tables = Tables(gov_fund=table) if key == "gov_fund" else Tables(general_budget=table)
    return BudgetDisclosure(department="示例局", fiscal_year=2024, tables=tables)


SAID_EMPTY = "本部门没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"


def test_an_empty_table_said_to_be_empty_passes() -> None:
    assert _check("COMP-004", _fund_doc(_fund_table(statement=SAID_EMPTY))) == []


def test_a_table_said_to_be_empty_that_prints_amounts_is_an_error() -> None:
    (found,) = _check("COMP-004", _fund_doc(_fund_table("1,012.00", statement="此表为空表。")))
    assert found.severity is Severity.ERROR and "1,012.00" in found.message
    assert (found.expected, found.actual, found.locations[0].column) == (Decimal(0), Decimal("1012.00"), "total")


def test_zero_printed_with_decimals_against_the_smallest_amount() -> None:
    assert _check("COMP-004", _fund_doc(_fund_table("0.00", statement=SAID_EMPTY))) == []
    assert [f.actual for f in _check("COMP-004", _fund_doc(_fund_table("0.01", statement=SAID_EMPTY)))] == [
        Decimal("0.01")]


def test_a_statement_about_one_budget_of_a_table_that_prints_several() -> None:
    note = "本部门没有使用政府性基金安排的“三公”经费支出。"
    general = SourceSplit(total="0.50", general_budget="0.50", gov_fund="0")
    ok = _three_public(total=general, reception=general, empty_statement=note)
    assert _check("COMP-004", BudgetDisclosure(department="示例局", fiscal_year=2024,
                                               tables=Tables(three_public=ok))) == []
    fund = SourceSplit(total="0.50", general_budget="0", gov_fund="0.50")
    wrong = _three_public(total=fund, reception=fund, empty_statement=note)
    (found,) = _check("COMP-004", BudgetDisclosure(department="示例局", fiscal_year=2024,
                                                   tables=Tables(three_public=wrong)))
    assert (found.locations[0].column, found.actual) == ("gov_fund", Decimal("0.50"))


def test_a_titled_budget_table_and_a_note_about_another_budget() -> None:
    general = SourceSplit(total="0.50")
    titled = _three_public(total=general, title="2024年一般公共预算“三公”经费支出情况表",
                           empty_statement="我部门没有使用一般公共预算“三公”经费安排的支出。")
    assert [f.actual for f in _check("COMP-004", BudgetDisclosure(
        department="示例局", fiscal_year=2024, tables=Tables(three_public=titled)))] == [Decimal("0.50")]
    # a note under a table of the 一般公共预算 about the 政府性基金: the table prints no 政府性基金 apart
    other = _fund_table("5.00", statement="本部门无政府性基金收支预算。")
    assert _check("COMP-004", _fund_doc(other, key="general_budget")) == []
    fund = SourceSplit(total="0.50", general_budget="0", gov_fund="0.50")
    split = _three_public(total=fund, reception=fund, title="一般公共预算“三公”经费支出情况表",
                          empty_statement="没有使用政府性基金安排的“三公”经费支出。")
    assert [f.locations[0].column for f in _check("COMP-004", BudgetDisclosure(
        department="示例局", fiscal_year=2024, tables=Tables(three_public=split)))] == ["gov_fund"]


def test_a_statement_about_one_three_public_item() -> None:
    reception = SourceSplit(total="0.50")
    note = "本年度无因公出国（境）费支出预算。"
    ok = _three_public(total=reception, reception=reception, empty_statement=note)
    wrong = _three_public(total=reception, overseas_travel=reception, empty_statement=note)
    found = [_check("COMP-004", BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(three_public=t)))
             for t in (ok, wrong)]
    assert found[0] == [] and "因公出国（境）费" in found[1][0].message


def test_amounts_without_an_empty_statement_are_not_judged() -> None:
    assert _check("COMP-004", _fund_doc(_fund_table("12.00"))) == []


# --- COMP-005: a table with nothing in it says so -------------------------------------------------------


def test_a_zero_table_with_its_statement_or_a_table_with_amounts_passes() -> None:
    assert _check("COMP-005", _fund_doc(_fund_table(statement=SAID_EMPTY))) == []
    assert _check("COMP-005", _fund_doc(_fund_table("0.01"))) == []


def test_a_zero_table_without_a_statement_is_info() -> None:
    (found,) = _check("COMP-005", _fund_doc(_fund_table("0.00")))
    assert (found.severity, found.locations[0].table) == (Severity.INFO, "gov_fund")
    assert [f.severity for f in _check("COMP-005", _fund_doc(_fund_table()))] == [Severity.INFO]


def test_an_unread_table_is_not_judged_empty() -> None:
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(gov_fund=_fund_table()),
                           incomplete=["gov_fund"])
    assert _check("COMP-005", doc) == []


def test_no_tables_no_empty_table() -> None:
    assert _check("COMP-005", _doc((), contents=())) == []


# --- COMP-006: the other tables of the template -----------------------------------------------------------


def test_templates_are_told_apart() -> None:
    assert present(template_of(_doc(ELEVEN))).name == "十一张表模板"
    assert present(template_of(_doc(HENAN))).name == "河南模板"
    assert template_of(_doc(CORE_TABLES)) is None
    assert template_of(_doc((*CORE_TABLES, "general_budget_projects"))) is None  # one mark is not enough
    assert template_of(_doc(ELEVEN + HENAN)) is None


@pytest.mark.parametrize("keys", [ELEVEN, HENAN, ELEVEN[:-1]])
def test_complete_templates_pass(keys: tuple[str, ...]) -> None:
    # 上年结转结余情况明细表 is recent: an 11-table document without it is complete
    assert _check("COMP-006", _doc(keys, contents=())) == []


def test_a_missing_table_of_the_template_is_a_warning() -> None:
    eleven = tuple(k for k in ELEVEN if k != "soe_capital")
    (found,) = _check("COMP-006", _doc(eleven, contents=()))
    assert (found.severity, found.locations[0].table) == (Severity.WARNING, "soe_capital")
    henan = tuple(k for k in HENAN if k != "projects")
    lines = [FunctionLine(code=FunctionCode("2101501"), name="行政运行", amounts=ExpenditureAmounts(
        total="5", project="5", project_operating="5", project_specific="0"))]
    doc = _doc(henan, contents=(), tables={"general_budget": ExpenditureTable(lines=lines)})
    assert _tables_of("COMP-006", doc) == ["projects"]


def test_the_other_template_is_not_demanded_and_listed_tables_are_left_to_the_contents() -> None:
    assert _check("COMP-006", _doc((*HENAN, "soe_capital"), contents=())) == []
    eleven = tuple(k for k in ELEVEN if k != "soe_capital")
    assert _check("COMP-006", _doc(eleven, contents=("九、国有资本经营预算支出情况表",))) == []


def test_a_fragment_is_not_held_to_a_template() -> None:
    assert _check("COMP-006", _doc(("summary", "general_budget_projects", "carryover"), contents=())) == []


# --- COMP-007: numbers of the 目录 and of the tables ----------------------------------------------------


def _numbered(pairs: dict[str, str], contents: tuple[str, ...]) -> BudgetDisclosure:
    return _doc((), contents=contents, tables={key: _empty(key, number=n) for key, n in pairs.items()})


def test_numbers_that_agree() -> None:
    doc = _numbered({"gov_fund": "表 8", "three_public": "表十"},
                    ("八、政府性基金预算支出情况表", "十、财政拨款“三公”经费支出情况表"))
    assert _check("COMP-007", doc) == []


def test_a_table_numbered_otherwise_than_in_the_contents_is_a_warning() -> None:
    doc = _numbered({"summary": "表 1", "revenue": "表 2", "three_public": "表 10"},
                    ("一、部门收支总体情况表", "二、部门收入总体情况表", "九、财政拨款“三公”经费支出情况表"))
    (found,) = _check("COMP-007", doc)
    assert (found.severity, found.locations[0].table) == (Severity.WARNING, "three_public")
    assert (found.expected, found.actual) == (Decimal(9), Decimal(10))


def test_contents_numbering_every_table_alike_and_tables_without_numbers() -> None:
    counted_on = _numbered({"summary": "表 1", "revenue": "表 2"}, ("六、部门收支总体情况表", "七、部门收入总体情况表"))
    assert _check("COMP-007", counted_on) == []
    assert _check("COMP-007", _doc(("summary",), contents=("五、部门收支总体情况表",))) == []


def test_numbers_need_contents() -> None:
    assert _skipped("COMP-007", _numbered({"summary": "表 1"}, ()))


# --- COMP-008: what the text says a budget does not have ---------------------------------------------------


def _summary(gov_fund: str = "0", own: str = "0") -> SummaryTable:
    return SummaryTable(revenue=[
        SummaryLine(role=SummaryRole.SOURCE, name="一般公共预算拨款", source=FundingSource.GENERAL_BUDGET,
                    amount="100"),
        SummaryLine(role=SummaryRole.SOURCE, name="政府性基金预算拨款", source=FundingSource.GOV_FUND, amount=gov_fund),
        SummaryLine(role=SummaryRole.SOURCE, name="其中：政府性基金收入", source=FundingSource.GOV_FUND_OWN,
                    amount=own),
    ])


def _said(*statements: Statement, **tables: Any) -> BudgetDisclosure:
    return BudgetDisclosure(department="示例局", fiscal_year=2024, statements=statements, tables=Tables(**tables))


NOT_BUDGETED = Statement(section="二、收入预算情况说明", subject="政府性基金预算", amount="0",
                         text="政府性基金预算未安排。")


def test_a_budget_said_to_be_absent_and_absent() -> None:
    assert _check("COMP-008", _said(NOT_BUDGETED, summary=_summary())) == []


def test_a_budget_said_to_be_absent_that_the_tables_print_is_an_error() -> None:
    (found,) = _check("COMP-008", _said(NOT_BUDGETED, NOT_BUDGETED, summary=_summary("12.00", "12.00")))
    assert (found.severity, found.locations[0].table, found.locations[0].column) == (Severity.ERROR, "summary",
                                                                                      "amount")
    assert (found.expected, found.actual) == (Decimal(0), Decimal("12.00"))
    assert "政府性基金预算未安排" in found.message and "12.00" in found.message


def test_no_spending_against_the_smallest_amount_spent() -> None:
    said = Statement(subject="一般公共预算收支预算", amount="100",
                     text="一般公共预算收支预算100万元，无政府性基金收支预算。")
    assert _check("COMP-008", _said(said, summary=_summary(), gov_fund=_fund_table("0.00"))) == []
    (found,) = _check("COMP-008", _said(said, summary=_summary(), gov_fund=_fund_table("0.01")))
    assert (found.locations[0].table, found.actual) == ("gov_fund", Decimal("0.01"))


def test_the_section_about_an_empty_table_against_the_table() -> None:
    said = Statement(section="八、关于2024年政府性基金预算拨款情况说明", subject="政府性基金预算拨款安排的支出",
                     amount="0", text="没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。")
    assert _check("COMP-008", _said(said, gov_fund=_fund_table())) == []
    (found,) = _check("COMP-008", _said(said, gov_fund=_fund_table("2.00")))
    assert (found.locations[0].table, found.actual) == ("gov_fund", Decimal("2.00"))


def test_statements_about_part_of_a_budget_or_its_appropriation_only() -> None:
    transfer = Statement(subject="上级政府性基金安排的转移支付资金", amount="0",
                         text="上级政府性基金安排的转移支付资金未安排。")
    projects = Statement(section="三、支出预算情况说明", subject="政府性基金预算项目支出", amount="0")
    unchanged = Statement(subject="支出预算", amount="100", text="支出预算100万元，无政府性基金预算支出变化。")
    doc = _said(transfer, projects, unchanged, summary=_summary("12.00", "12.00"), gov_fund=_fund_table("12.00"))
    assert _check("COMP-008", doc) == []
    # no appropriation this year, yet funds carried over may still be spent
    assert _check("COMP-008", _said(NOT_BUDGETED, summary=_summary(), gov_fund=_fund_table("3.00"))) == []


def test_no_statements_skip_the_rule() -> None:
    assert _skipped("COMP-008", _said(summary=_summary("12.00")))


# --- the published documents -------------------------------------------------------------------------------


def _seed_findings(prefix: str) -> list[Finding]:
    from cnbudget.readers import read_file

    return list(validate(read_file(seed_path(prefix)).disclosure, rules=["COMP"]).findings)


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_seeds_print_what_they_announce_and_say(prefix: str) -> None:
    # By hand: 001 announces 一…十一 and prints 表1…表11 (表8 and 表9 as empty tables with a statement;
    # 政府性基金/国有资本经营预算 0.00 万元 in the text, blank in 表1 and 表4); 003 (Henan) announces
    # 一…十 and two target forms, prints them all, its 政府性基金 and "三公" tables are zeros with a
    # statement and its text's 无政府性基金收支预算 agrees; 004 has no 目录, prints 表1…表11.
    assert _seed_findings(prefix) == []


def test_seed_002_announces_a_table_it_does_not_print() -> None:
    # By hand: the 目录 lists 九、国有资本经营预算支出情况表, but the tables run 表8 → 表10 (only the
    # narrative's section 九 says that table is empty); there is no 上年结转结余 table, nor is one listed.
    (found,) = _seed_findings("002")
    assert (found.rule, found.severity, found.locations[0].table) == ("COMP-001", Severity.ERROR, "soe_capital")
    assert "九、国有资本经营预算支出情况表" in found.message


def test_a_procurement_table_with_amounts_is_not_empty() -> None:
    from cnbudget.model import ProcurementLine, ProcurementTable

    table = ProcurementTable(lines=[ProcurementLine(name="合计", amount=Decimal("12.00"))])
    doc = BudgetDisclosure(department="示例厅", fiscal_year=2019, tables=Tables(procurement=table))
    assert _check("COMP-005", doc) == []
    blank = ProcurementTable(lines=[ProcurementLine(name="合计", amount=Decimal("0"))])
    assert [f.severity for f in _check("COMP-005", BudgetDisclosure(
        department="示例厅", fiscal_year=2019, tables=Tables(procurement=blank)))] == [Severity.INFO]


# --- COMP-009: a blank 类 line left from the template ------------------------------------------------


def _categories(*lines: tuple[str, str]) -> BudgetDisclosure:
    expenditure = [SummaryLine(role=SummaryRole.FUNCTION, name=name, amount=Decimal(amount)) for name, amount in lines]
    return BudgetDisclosure(department="示例院", fiscal_year=2024, tables=Tables(summary=SummaryTable(
        expenditure=[*expenditure, SummaryLine(role=SummaryRole.TOTAL, name="支出总计", amount=Decimal("12121164"))])))


def test_a_blank_category_among_categories_with_amounts_is_a_leftover() -> None:
    # The welfare home's 4 类: 一般公共服务支出 blank, 社会保障和就业 11,281,624, 医疗卫生 503,724, 住房 335,816.
    doc = _categories(("一般公共服务支出", "0"), ("社会保障和就业支出", "11281624"),
                      ("医疗卫生与计划生育支出", "503724"), ("住房保障支出", "335816"))
    (found,) = _check("COMP-009", doc)
    assert found.severity is Severity.WARNING and "一般公共服务支出" in found.message
    assert found.locations[0].table == "summary"


def test_the_templates_whole_list_of_categories_is_not_a_leftover() -> None:
    # The Jiangsu 收支预算总表 prints all 21 类, three of them with amounts.
    lines = [("一般公共服务支出", "0"), ("外交支出", "0"), ("国防支出", "0"), ("公共安全支出", "16593.12"),
             ("社会保障和就业支出", "1890.27"), ("住房保障支出", "5686.35"), ("其他支出", "0")]
    assert _check("COMP-009", _categories(*lines)) == []
    assert _check("COMP-009", _categories(("一般公共服务支出", "0"), ("公共安全支出", "1.00"))) == []  # one each
    assert _check("COMP-009", _doc(())) == []


@pytest.mark.parametrize("name", example_names())
def test_a_budgets_amounts_found_without_the_others_are_those_of_every_amount(name: str) -> None:
    """A budget's amounts written out alone (COMP-004, COMP-008) are those picked from every amount
    the table prints, in the same order: a table's 政府性基金 column, its 一般公共预算 source lines."""
    found = 0
    for _, table in example(name).tables.present():
        every = list(printed_amounts(table))
        for budget in BUDGETS:
            alone = budget_amounts(table, budget)
            assert alone == budget_amounts(table, budget, every)
            found += len(alone or ())
    assert found  # every example prints 一般公共预算 apart somewhere


@pytest.mark.parametrize("name", example_names())
def test_nonzero_amounts_written_out_alone_are_every_amount_but_the_zeros(name: str) -> None:
    """COMP-008 writes out only the amounts that are not zero: the same amounts, in the same order,
    as every amount with the zeros left out."""
    zeros = 0
    for _, table in example(name).tables.present():
        every = list(printed_amounts(table))
        zeros += sum(1 for a in every if not a.value)
        assert list(printed_amounts(table, nonzero=True)) == [a for a in every if a.value]
        for budget in BUDGETS:
            assert nonzero_budget_amounts(table, budget) == [a for a in budget_amounts(table, budget) or () if a.value]
    assert zeros  # every example prints zeros somewhere: the filter is exercised


@pytest.mark.parametrize("pattern", [_NOTHING, _EMPTY_TABLE])
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_every_worded_claim_names_its_budget(pattern: re.Pattern[str], data: st.DataObject) -> None:
    # COMP-008 looks for worded claims only in texts naming 政府性基金 or 国有资本经营: no match may lack one
    matched = data.draw(st.from_regex(pattern, fullmatch=True))
    assert any(words in matched for words in _WORDS)
    assert set(_WORDS) == {"政府性基金", "国有资本经营"}


_RECORD_KINDS = (SourceAmounts, ExpenditureAmounts)


@given(data=st.data(), nonzero=st.booleans())
def test_a_records_amounts_read_in_the_columns_asked_for_are_those_of_every_column(data: st.DataObject,
                                                                                    nonzero: bool) -> None:
    """A row's amounts are read in the columns asked for alone: the same amounts, in the same order,
    as every column the record prints (:meth:`AmountRecord.columns`) filtered."""
    kind = data.draw(st.sampled_from(_RECORD_KINDS))
    names = [field.name for field in attrs.fields(kind)]
    values = data.draw(st.dictionaries(st.sampled_from(names), st.sampled_from(["0", "0.00", "1.50", "-2"])))
    record = kind(**{"total": "1.00", **values})  # a record prints its total at least
    columns = data.draw(st.none() | st.lists(st.sampled_from([*names, "amount", "nothing"]), max_size=4))
    table = ExpenditureTable(lines=[FunctionLine(name="合计", amounts=record)]) if kind is ExpenditureAmounts \
        else RevenueTable(lines=[RevenueLine(name="合计", amounts=record)])
    found = [(a.column, a.value) for a in printed_amounts(table, columns=columns, nonzero=nonzero)]
    plain = [(name, value) for name, value in record.columns()
             if (columns is None or name in columns) and (value or not nonzero)]
    if columns is not None and not any(getattr(record, c, None) is not None for c in columns):
        plain = []  # a row printing none of the columns asked for is not read
    assert found == plain
