"""Completeness rules (COMP): announced, printed and required tables; empty-table statements.
No arithmetic is involved, so the boundary fixtures are the edge cases: entries that are not
tables, tables the reader could not read, fragments, zero amounts."""

from __future__ import annotations

import typing
from decimal import Decimal

import pytest

from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    SourceSplit,
    Tables,
    ThreePublicTable,
)
from cnbudget.validate import Finding, Severity, validate
from cnbudget.validate.rules.completeness import CORE_TABLES
from tests.seeds import seed_path

CONTENTS = ("第一部分部门概况", "一、主要职能", "第二部分部门预算公开表", "一、部门收支总体情况表",
            "二、部门收入总体情况表", "八、政府性基金预算支出情况表")


def _table(empty: str | None = None, total: str = "0") -> ExpenditureTable:
    line = FunctionLine(code=FunctionCode("210"), name="卫生健康支出", amounts=ExpenditureAmounts(total=Decimal(total)))
    return ExpenditureTable(lines=[line] if total != "0" else [], empty_statement=empty)


def _empty(key: str) -> object:
    """A table of the kind ``key`` holds, with no rows."""
    kind = typing.get_args(typing.get_type_hints(Tables)[key])[0]
    if kind is ThreePublicTable:
        zero = SourceSplit(total=Decimal(0))
        return ThreePublicTable(total=zero, overseas_travel=zero, vehicles=zero, vehicle_purchase=zero,
                                vehicle_operation=zero, reception=zero)
    return kind()


def _doc(keys: tuple[str, ...], contents: tuple[str, ...] = CONTENTS, **extra: object) -> BudgetDisclosure:
    tables = {key: _empty(key) for key in keys}
    return BudgetDisclosure(department="示例局", fiscal_year=2024, contents=contents,
                            tables=Tables(**tables), **extra)  # type: ignore[arg-type]


def _check(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    return list(validate(doc, rules=[rule]).findings)


# --- COMP-001 and COMP-002: the table of contents ---------------------------------------------------


def test_every_announced_table_printed_and_every_printed_table_announced() -> None:
    doc = _doc(("summary", "revenue", "gov_fund"))
    assert _check("COMP-001", doc) == [] and _check("COMP-002", doc) == []


def test_an_announced_table_that_is_not_printed_is_an_error() -> None:
    (found,) = _check("COMP-001", _doc(("summary", "revenue")))
    assert found.severity is Severity.ERROR
    assert found.locations[0].table == "gov_fund" and "政府性基金预算支出情况表" in found.message


def test_a_printed_table_the_contents_omit_is_a_warning() -> None:
    (found,) = _check("COMP-002", _doc(("summary", "revenue", "gov_fund", "three_public")))
    assert (found.severity, found.locations[0].table) == (Severity.WARNING, "three_public")


def test_a_table_the_reader_could_not_read_is_not_missing() -> None:
    assert _check("COMP-001", _doc(("summary", "revenue"), incomplete=["gov_fund"])) == []


def test_entries_that_name_no_table_are_ignored_and_no_contents_skip_the_rules() -> None:
    assert _check("COMP-002", _doc(("summary",), contents=("第一部分部门概况", "一、主要职能"))) == []
    report = validate(_doc(("summary",), contents=()), rules=["COMP-001", "COMP-002"])
    assert report.rules_skipped == ("COMP-001", "COMP-002")


@pytest.mark.parametrize("entry", ["十、财政拨款“三公”经费支出情况表", "(十)一般公共预算“三公”经费支出情况表",
                                   "10.财政拨款\"三公\"经费支出情况表"])
def test_numbering_styles_of_the_contents(entry: str) -> None:
    doc = _doc(("summary",), contents=(entry,))
    assert [f.locations[0].table for f in _check("COMP-001", doc)] == ["three_public"]


# --- COMP-003: the tables every template requires ---------------------------------------------------


def test_a_document_with_every_core_table_passes() -> None:
    assert _check("COMP-003", _doc(CORE_TABLES)) == []


def test_a_missing_core_table_is_a_warning() -> None:
    (found,) = _check("COMP-003", _doc(tuple(k for k in CORE_TABLES if k != "three_public")))
    assert (found.severity, found.locations[0].table) == (Severity.WARNING, "three_public")


def test_a_fragment_is_not_judged_as_a_whole() -> None:
    assert _check("COMP-003", _doc(("summary", "revenue"))) == []


# --- COMP-004: empty-table statements ---------------------------------------------------------------


def _empty_doc(table: ExpenditureTable) -> BudgetDisclosure:
    return BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(gov_fund=table))


def test_an_empty_table_said_to_be_empty_passes() -> None:
    assert _check("COMP-004", _empty_doc(_table(empty="本部门没有政府性基金预算拨款安排的支出，此表为空表。"))) == []


def test_a_table_said_to_be_empty_that_prints_amounts_is_an_error() -> None:
    (found,) = _check("COMP-004", _empty_doc(_table(empty="此表为空表。", total="12.00")))
    assert found.severity is Severity.ERROR and "12.00" in found.message


def test_amounts_without_an_empty_statement_are_not_judged() -> None:
    assert _check("COMP-004", _empty_doc(_table(total="12.00"))) == []


# --- the published documents -------------------------------------------------------------------------


def _seed_findings(prefix: str) -> list[tuple[str, str | None]]:
    from cnbudget.readers import read_text

    report = validate(read_text(seed_path(prefix)).disclosure, rules=["COMP"])
    return [(f.rule, f.locations[0].table) for f in report.findings]


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_seeds_print_what_they_announce(prefix: str) -> None:
    # By hand: 001 announces 11 tables and prints them (表8 and 表9 as empty tables with a statement);
    # 003 announces 10 tables and 2 target forms, all printed; 004's contents are not read.
    assert _seed_findings(prefix) == []


def test_seed_002_announces_a_table_it_does_not_print() -> None:
    # By hand: its 目录 lists 九、国有资本经营预算支出情况表, but the tables go from 表 8 to 表 10; only
    # the narrative says that table would be empty.
    assert _seed_findings("002") == [("COMP-001", "soe_capital")]
