"""Narrative rules (NARR): each with a passing, failing, rounding and absent-input fixture."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    PerformanceTargets,
    ProjectFunds,
    ProjectTarget,
    SourceSplit,
    Statement,
    Tables,
    ThreePublicTable,
)
from cnbudget.money import round_half_up
from cnbudget.validate import Finding, Severity, validate
from tests.seeds import seed_path

D = Decimal
USE = "（三）一般公共预算当年拨款具体使用情况"


def _doc(*statements: Statement, **parts: object) -> BudgetDisclosure:
    return BudgetDisclosure(department="示例局", fiscal_year=2024, statements=statements, **parts)  # type: ignore[arg-type]


def _check(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    return list(validate(doc, rules=[rule]).findings)


def _severities(rule: str, doc: BudgetDisclosure) -> set[Severity]:
    return {f.severity for f in _check(rule, doc)}


# --- NARR-001: change and rate ----------------------------------------------------------------------


def _changed(amount: str, change: str, rate: str) -> BudgetDisclosure:
    return _doc(Statement(subject="一般公共预算", amount=amount, change_amount=change, change_rate=rate))


@pytest.mark.parametrize(
    ("amount", "change", "rate", "expected"),
    [
        ("2022.69", "208.54", "11.50", set()),  # 208.54 ÷ 1,814.15 = 11.495 %
        ("237.97", "-467.74", "-66.28", set()),
        ("2022.69", "208.54", "11.60", {Severity.ERROR}),
        ("2022.69", "208.54", "-11.50", {Severity.ERROR}),  # 增加 stated with 下降
        ("1.00", "0.50", "99", {Severity.INFO}),  # last year 0.495 … 0.505: 98 % … 102 %
        ("17.03", "17.03", "100.00", set()),  # new this year: 增长 100% by convention
        ("17.03", "17.03", "50.00", {Severity.WARNING}),
        ("0", "0", "0", set()),
    ],
)
def test_change_and_rate(amount: str, change: str, rate: str, expected: set[Severity]) -> None:
    assert _severities("NARR-001", _changed(amount, change, rate)) == expected


def test_a_wrong_rate_names_the_right_one() -> None:
    (found,) = _check("NARR-001", _changed("2022.69", "208.54", "11.60"))
    assert (found.expected, found.actual) == (D("11.50"), D("11.60"))
    assert "1,814.15" in found.message


def test_statements_without_a_rate_are_not_judged_and_no_statements_skip_the_rule() -> None:
    assert _check("NARR-001", _doc(Statement(subject="基本支出", amount="1.00", change_amount="0.50"))) == []
    assert "NARR-001" in validate(_doc(), rules=["NARR"]).rules_skipped


@settings(max_examples=60, deadline=None)
@given(prior=st.decimals(min_value=D("1.00"), max_value=99999, places=2),
       current=st.decimals(min_value=0, max_value=99999, places=2))
def test_a_rate_computed_from_the_figures_is_always_accepted(prior: Decimal, current: Decimal) -> None:
    change = current - prior
    rate = round_half_up(D(100) * change / prior, 2)
    assert _check("NARR-001", _changed(str(current), str(change), str(rate))) == []


# --- NARR-002: shares -------------------------------------------------------------------------------


def _shares(*shares: tuple[str, str]) -> BudgetDisclosure:
    section = "二、收入预算情况说明"
    return _doc(Statement(section=section, subject="收入预算", amount="3166.28"),
                *(Statement(section=section, subject=f"收入{i}", amount=amount, share=share)
                  for i, (amount, share) in enumerate(shares)))


@pytest.mark.parametrize(
    ("share", "expected"),
    [("63.88", set()), ("63.9", set()), ("60.00", {Severity.WARNING}), ("36.12", {Severity.WARNING})],
)
def test_a_share_of_the_stated_total(share: str, expected: set[Severity]) -> None:
    assert _severities("NARR-002", _shares(("2022.69", share))) == expected


def test_a_share_only_within_rounding_is_info() -> None:
    doc = _doc(Statement(section="一", subject="合计", amount="3.00"),
               Statement(section="一", subject="其中", amount="1.00", share="33.5"))  # 33.11 … 33.56
    assert _severities("NARR-002", doc) == {Severity.INFO}


def test_shares_of_parts_that_make_up_a_whole_not_stated() -> None:
    doc = _doc(Statement(section="二", subject="类一", amount="17.03", share="0.75"),
               Statement(section="二", subject="类二", amount="2243.63", share="99.25"))
    assert _check("NARR-002", doc) == []


def test_a_lone_share_without_any_whole_is_not_judged() -> None:
    assert _check("NARR-002", _doc(Statement(subject="一般公共预算", amount="2022.69", share="63.88"))) == []


# --- NARR-003: stated amounts against the tables ----------------------------------------------------


def _budget(*rows: tuple[str, str]) -> Tables:
    return Tables(general_budget=ExpenditureTable(lines=[
        FunctionLine(code=FunctionCode(code), name="某科目", amounts=ExpenditureAmounts(total=D(total)))
        for code, total in rows]))


def _stated(code: str, amount: str, section: str = USE) -> Statement:
    return Statement(section=section, subject="某科目", code=FunctionCode(code), amount=amount)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("1089.27", set()), ("1089.72", {Severity.ERROR}), ("1089.3", {Severity.INFO})],
)
def test_a_stated_code_amount_is_the_table_figure(amount: str, expected: set[Severity]) -> None:
    doc = _doc(_stated("2101501", amount), tables=_budget(("2101501", "1089.27")))
    assert _severities("NARR-003", doc) == expected


def test_a_code_the_table_does_not_print_is_zero() -> None:
    tables = _budget(("2101501", "1089.27"))
    assert _check("NARR-003", _doc(_stated("2101399", "0.00"), tables=tables)) == []
    assert _severities("NARR-003", _doc(_stated("2101399", "51.00"), tables=tables)) == {Severity.ERROR}


def test_a_category_over_a_table_of_items_only_is_their_sum() -> None:
    tables = _budget(("2080109", "361.79"), ("2080505", "52.31"), ("2089999", "2.49"))
    assert _check("NARR-003", _doc(_stated("208", "416.59"), tables=tables)) == []


def test_a_statement_outside_the_general_budget_sections_is_not_placed() -> None:
    doc = _doc(_stated("2101501", "1.00", section="三、支出预算情况说明"), tables=_budget(("2101501", "1089.27")))
    assert _check("NARR-003", doc) == []


def _three_public(reception: str) -> Tables:
    def split(value: str) -> SourceSplit:
        return SourceSplit(total=D(value))
    return Tables(three_public=ThreePublicTable(
        total=split(reception), overseas_travel=split("0"), vehicles=split("0"), vehicle_purchase=split("0"),
        vehicle_operation=split("0"), reception=split(reception)))


@pytest.mark.parametrize(("stated", "expected"), [("0.50", set()), ("0.60", {Severity.ERROR})])
def test_a_three_public_item_is_the_table_figure(stated: str, expected: set[Severity]) -> None:
    doc = _doc(Statement(section="十、财政拨款“三公”经费支出情况说明", subject="公务接待费", amount=stated),
               tables=_three_public("0.50"))
    assert _severities("NARR-003", doc) == expected


def _totals(basic_all: str, basic_appropriated: str) -> Tables:
    def table(basic: str) -> ExpenditureTable:
        return ExpenditureTable(lines=[FunctionLine(name="合计", amounts=ExpenditureAmounts(
            total=D(basic) + D("10.00"), basic=D(basic), project=D("10.00")))])
    return Tables(expenditure=table(basic_all), general_budget=table(basic_appropriated))


@pytest.mark.parametrize(
    ("stated", "expected"),
    [("1804.60", set()), ("1800.00", set()), ("1804.6", set()), ("1900.00", {Severity.ERROR}),
     ("1804.61", {Severity.INFO}), ("1804.62", {Severity.ERROR})],
)
def test_basic_expenditure_is_either_tables_total(stated: str, expected: set[Severity]) -> None:
    doc = _doc(Statement(section="三、支出预算情况说明", subject="基本支出", amount=stated),
               tables=_totals("1804.60", "1800.00"))
    assert _severities("NARR-003", doc) == expected


def test_a_total_is_not_compared_with_a_table_that_is_absent() -> None:
    assert _check("NARR-003", _doc(Statement(subject="人员经费", amount="1.00"))) == []


# --- NARR-004: project counts ----------------------------------------------------------------------


def _targets(*funds: tuple[str, str]) -> PerformanceTargets:
    return PerformanceTargets(projects=[
        ProjectTarget(project=f"项目{i}", funds=ProjectFunds(total=D(total), fiscal=D(fiscal),
                                                           other=D(total) - D(fiscal)))
        for i, (total, fiscal) in enumerate(funds)])


def _counted(count: int, amount: str, subject: str = "当年财政拨款项目") -> BudgetDisclosure:
    return _doc(Statement(section="（四）预算绩效情况", subject=subject, amount=amount, count=count),
                performance=_targets(("165.00", "165.00"), ("90.01", "90.01"), ("30.51", "0.00")))


@pytest.mark.parametrize(
    ("count", "amount", "subject", "expected"),
    [
        (2, "255.01", "当年财政拨款项目", set()),
        (1, "30.51", "当年非财政拨款项目", set()),
        (2, "256.01", "当年财政拨款项目", {Severity.ERROR}),
        (2, "255.0", "当年财政拨款项目", {Severity.INFO}),
        (1, "165.00", "当年财政拨款项目", {Severity.ERROR}),  # fewer than the tables print
        (3, "256.01", "当年财政拨款项目", {Severity.WARNING}),  # more: some may be withheld
    ],
)
def test_project_counts_and_sums(count: int, amount: str, subject: str, expected: set[Severity]) -> None:
    assert _severities("NARR-004", _counted(count, amount, subject)) == expected


def test_targets_read_incompletely_are_not_counted() -> None:
    doc = _counted(3, "256.01")
    incomplete = BudgetDisclosure(department=doc.department, fiscal_year=2024, statements=doc.statements,
                                  performance=doc.performance, incomplete=["performance"])
    report = validate(incomplete, rules=["NARR-004"])
    assert report.findings == () and report.rules_skipped == ("NARR-004",)


# --- the published documents -----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_seed_narratives_agree_with_their_tables(prefix: str) -> None:
    # By hand: every change and rate, share, coded amount, "三公" item and project count stated in
    # these documents agrees with the arithmetic and the tables (e.g. 001: 208.54 ÷ 1,814.15 =
    # 11.50 %; 8 fiscal projects, 24.27 + 165 + 7 + 65.97 + 90.01 + 86.78 + 53,301 + 3,054.91 =
    # 56,794.94). 004 counts 3 projects but prints the target tables of only 1: its text says
    # the 2 transfer projects' tables are not published, and its targets were not fully read.
    from cnbudget.readers import read_text

    report = validate(read_text(seed_path(prefix)).disclosure, rules=["NARR"])
    assert [f.message for f in report.findings if f.severity is not Severity.INFO] == []
