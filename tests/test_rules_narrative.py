"""Narrative rules (NARR): for each rule a passing, failing, rounding and absent-input fixture, and the
published documents' narratives as audited by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict, Unpack

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    CarryoverAmounts,
    CarryoverLine,
    CarryoverTable,
    DepartmentFunds,
    DepartmentTarget,
    EconomicCategoryAmounts,
    EconomicLine,
    ExpenditureAmounts,
    ExpenditureTable,
    FiscalAmounts,
    FiscalLine,
    FiscalSummaryTable,
    FunctionLine,
    OtherMatters,
    PerformanceTargets,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    ProjectFunds,
    ProjectTarget,
    SourceSplit,
    Statement,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.model.narrative import ChangeBasis
from cnbudget.money import round_half_up
from cnbudget.validation import Finding, Severity, validate
from cnbudget.vocab import FundingSource
from tests.present import present
from tests.seeds import seed_path
from tests.strategies import amounts

D = Decimal
S, T, C = SummaryRole.SOURCE, SummaryRole.TOTAL, SummaryRole.CURRENT_YEAR

OVERALL = "一、关于某局2024年收支预算情况的总体说明"
INCOME = "二、关于某局2024年收入预算情况说明"
SPENDING = "三、关于某局2024年支出预算情况说明"
SCALE = "（一）一般公共预算当年拨款规模变化情况"
STRUCTURE = "（二）一般公共预算当年拨款结构情况"
USE = "（三）一般公共预算当年拨款具体使用情况"
BASIC = "六、关于某局2024年一般公共预算基本支出情况说明"
PROJECTS = "七、关于某局2024年一般公共预算项目支出情况说明"
THREE = "十、关于某局2024年财政拨款“三公”经费预算情况说明"
CARRIED = "十一、关于某局2024年上年结转结余情况说明"
TARGETS = "（四）预算绩效情况"


# --- a consistent document ------------------------------------------------------------------------


def _fn(code: str | None, name: str, total: str, basic: str, project: str) -> FunctionLine:
    return FunctionLine(code=FunctionCode(code) if code else None, name=name,
                        amounts=ExpenditureAmounts(total=total, basic=basic, project=project))


def _split(value: str) -> SourceSplit:
    return SourceSplit(total=value)


def _tables() -> Tables:
    return Tables(
        summary=SummaryTable(
            revenue=[SummaryLine(role=C, name="本年收入", amount="260.00"),
                     SummaryLine(role=S, name="一般公共预算拨款", source=FundingSource.GENERAL_BUDGET, amount="260.00"),
                     SummaryLine(role=S, name="其中：一般财力", source=FundingSource.GENERAL_OWN, amount="200.00"),
                     SummaryLine(role=S, name="上级一般公共预算安排转移支付", source=FundingSource.GENERAL_TRANSFER,
                                 amount="60.00"),
                     SummaryLine(role=S, name="基金预算拨款", source=FundingSource.GOV_FUND, amount="0"),
                     SummaryLine(role=S, name="上年结转结余", source=FundingSource.CARRYOVER, amount="40.00"),
                     SummaryLine(role=S, name="财政拨款结转", source=FundingSource.FISCAL_CARRYOVER, amount="40.00"),
                     SummaryLine(role=S, name="非财政拨款结转结余", source=FundingSource.NON_FISCAL_CARRYOVER,
                                 amount="0"),
                     SummaryLine(role=T, name="收入总计", amount="300.00")],
            expenditure=[SummaryLine(role=T, name="支出总计", amount="300.00")]),
        expenditure=ExpenditureTable(lines=[
            _fn(None, "合计", "300.00", "180.00", "120.00"),
            _fn("2101501", "行政运行", "180.00", "180.00", "0"),
            _fn("2101502", "一般行政管理事务", "120.00", "0", "120.00")]),
        fiscal_summary=FiscalSummaryTable(
            revenue=[SummaryLine(role=S, name="一般公共预算", source=FundingSource.GENERAL_BUDGET, amount="260.00"),
                     SummaryLine(role=T, name="收入总计", amount="260.00")],
            expenditure=[FiscalLine(role=SummaryRole.FUNCTION, name="卫生健康支出", code=FunctionCode("210"),
                                    amounts=FiscalAmounts(total="260.00", general_budget="260.00")),
                         FiscalLine(role=T, name="支出总计", amounts=FiscalAmounts(total="260.00",
                                                                               general_budget="260.00"))]),
        general_budget=ExpenditureTable(lines=[
            _fn(None, "合计", "260.00", "180.00", "80.00"),
            _fn("2101501", "行政运行", "180.00", "180.00", "0"),
            _fn("2101502", "一般行政管理事务", "80.00", "0", "80.00")]),
        general_budget_basic=BasicExpenditureTable(lines=[
            EconomicLine(name="合计", amounts=BasicAmounts(total="180.00", personnel="150.00", public="30.00"))]),
        general_budget_projects=ProjectExpenditureTable(lines=[
            ProjectExpenditureLine(name="合计", amounts=EconomicCategoryAmounts(total="80.00")),
            ProjectExpenditureLine(agency="某局", code=FunctionCode("2101502"), name="一般行政管理事务",
                                   project="综合业务费", amounts=EconomicCategoryAmounts(total="80.00"))]),
        three_public=ThreePublicTable(total=_split("0.50"), overseas_travel=_split("0"), vehicles=_split("0"),
                                      vehicle_purchase=_split("0"), vehicle_operation=_split("0"),
                                      reception=_split("0.50")),
        carryover=CarryoverTable(lines=[
            CarryoverLine(name="总计", amounts=CarryoverAmounts(total="40.00", fiscal="40.00", non_fiscal="0")),
            CarryoverLine(agency="某局", name="2023年结转项目", project="2023年结转项目",
                          amounts=CarryoverAmounts(total="40.00", fiscal="40.00", non_fiscal="0"))]),
    )


class StatementDetails(TypedDict, total=False):
    """What a test sets in a statement besides its section, subject and amount (figures as printed)."""

    code: FunctionCode | None
    text: str
    share: str
    change_amount: str
    change_rate: str
    count: int


class StatementChanges(StatementDetails, total=False):
    """What a test changes in a statement."""

    amount: str


def _statements() -> list[Statement]:
    def say(section: str, subject: str, amount: str | None, **more: Unpack[StatementDetails]) -> Statement:
        return Statement(section=section, subject=subject, amount=amount, **more)

    return [
        say(OVERALL, "收支总预算", "300.00"),
        say(INCOME, "收入预算", "300.00"),
        say(INCOME, "一般公共预算", "200.00", share="66.67", change_amount="20.00", change_rate="11.11"),
        say(INCOME, "上级一般公共预算安排的转移支付资金", "60.00", share="20.00"),
        say(INCOME, "政府性基金预算", "0", text="政府性基金预算未安排。"),
        say(INCOME, "财政拨款结转", "40.00", share="13.33"),
        say(SPENDING, "支出预算", "300.00"),
        say(SPENDING, "基本支出", "180.00", share="60.00"),
        say(SPENDING, "项目支出", "120.00", share="40.00"),
        say(SCALE, "一般公共预算拨款合计", "260.00"),
        say(SCALE, "基本支出", "180.00"),
        say(SCALE, "项目支出", "80.00", change_amount="-20.00", change_rate="-20.00"),
        say(STRUCTURE, "卫生健康支出（类）", "260.00", share="100.00", code=FunctionCode("210")),
        say(USE, "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", "180.00", code=FunctionCode("2101501")),
        say(USE, "卫生健康支出（类）医疗保障管理事务（款）一般行政管理事务（项）", "80.00",
            code=FunctionCode("2101502")),
        say(BASIC, "一般公共预算基本支出", "180.00"),
        say(BASIC, "人员经费", "150.00"),
        say(BASIC, "公用经费", "30.00"),
        say(PROJECTS, "综合业务费", "80.00"),
        say(THREE, "财政拨款“三公”经费", "0.50", change_amount="-0.50", change_rate="-50.00"),
        say(THREE, "因公出国（境）费", "0.00", change_amount="0.00", change_rate="0.00"),
        say(THREE, "公务用车购置费", "0.00", change_amount="0.00", change_rate="0.00"),
        say(THREE, "公务用车运行费", "0.00", change_amount="0.00", change_rate="0.00"),
        say(THREE, "公务接待费", "0.50", change_amount="-0.50", change_rate="-50.00"),
        say(CARRIED, "上年结转结余", "40.00"),
        say(CARRIED, "财政拨款", "40.00"),
        say(CARRIED, "非财政拨款", "0.00"),
        say(CARRIED, "2023年结转项目", "40.00"),
        say(TARGETS, "预算绩效管理整体预算绩效目标", "300.00", count=1),
        say(TARGETS, "当年财政拨款项目", "80.00", count=1),
    ]


def _performance() -> PerformanceTargets:
    return PerformanceTargets(
        department=DepartmentTarget(department="某局", funds=DepartmentFunds(superior="60.00", own="200.00",
                                                                             other="40.00")),
        projects=[ProjectTarget(agency="某局", project="综合业务费",
                                funds=ProjectFunds(total="80.00", fiscal="80.00", other="0"))])


def _running_costs(amount: str = "30.00") -> OtherMatters:
    return OtherMatters(operating_costs=Statement(
        section="（一）机关运行经费情况", subject="机关运行经费财政拨款预算", amount=amount, change_amount="2.00",
        change_rate=str(round_half_up(D(200) / (D(amount) - 2), 2))))


def document() -> BudgetDisclosure:
    """A small document whose narrative agrees with its tables throughout."""
    return BudgetDisclosure(department="某局", fiscal_year=2024, tables=_tables(), statements=_statements(),
                            performance=_performance(), other_matters=_running_costs())


def edit(doc: BudgetDisclosure, section: str, subject: str, **changes: Unpack[StatementChanges]) -> BudgetDisclosure:
    """The document with the statement of ``subject`` under ``section`` changed."""
    statements = list(doc.statements)
    index = next(i for i, s in enumerate(statements) if s.section == section and s.subject == subject)
    statements[index] = attrs.evolve(statements[index], **changes)
    return attrs.evolve(doc, statements=statements)


def findings(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    return list(validate(doc, rules=[rule]).findings)


def severities(rule: str, doc: BudgetDisclosure) -> list[Severity]:
    return [f.severity for f in findings(rule, doc)]


def skipped(rule: str, doc: BudgetDisclosure) -> bool:
    return rule in validate(doc, rules=[rule]).rules_skipped


def test_the_consistent_document_gives_no_narrative_finding() -> None:
    assert findings("NARR", document()) == []


@pytest.mark.parametrize("rule", ["NARR-001", "NARR-002", "NARR-003", "NARR-005", "NARR-006", "NARR-007",
                                  "NARR-010", "NARR-011"])
def test_rules_on_statements_do_not_run_without_them(rule: str) -> None:
    assert skipped(rule, attrs.evolve(document(), statements=()))


# --- NARR-001: change and rate ----------------------------------------------------------------------


def _changed(amount: str, change: str, rate: str) -> BudgetDisclosure:
    return BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(subject="一般公共预算", amount=amount, change_amount=change, change_rate=rate)])


@pytest.mark.parametrize(
    ("amount", "change", "rate", "expected"),
    [
        ("2022.69", "208.54", "11.50", []),  # 208.54 ÷ 1,814.15 = 11.495 %
        ("237.97", "-467.74", "-66.28", []),
        ("0.00", "-51.00", "-100.00", []),  # nothing this year: 下降 100%
        ("2022.69", "208.54", "11.60", [Severity.ERROR]),
        ("2022.69", "208.54", "-11.50", [Severity.ERROR]),  # 增加 stated with 下降
        ("1.00", "0.50", "99", [Severity.INFO]),  # last year 0.495 … 0.505: 98 % … 102 %
        ("17.03", "17.03", "100.00", []),  # new this year: 增长 100% by convention
        ("17.03", "17.03", "50.00", [Severity.WARNING]),
        ("17.03", "17.03", "0.00", [Severity.WARNING]),
        ("0", "0", "0", []),
        ("0.00", "0.00", "100.00", [Severity.WARNING]),  # nothing either year
        ("10.00", "15.00", "-300.00", [Severity.ERROR]),  # last year would be −5.00
    ],
)
def test_change_and_rate(amount: str, change: str, rate: str, expected: list[Severity]) -> None:
    assert severities("NARR-001", _changed(amount, change, rate)) == expected


def test_a_wrong_rate_names_the_right_one() -> None:
    (found,) = findings("NARR-001", _changed("2022.69", "208.54", "11.60"))
    assert (found.expected, found.actual) == (D("11.50"), D("11.60"))
    assert "1,814.15" in found.message and found.locations[0].column == "change_rate"


def test_the_running_costs_of_other_matters_are_held_to_their_rate_too() -> None:
    doc = document()
    wrong = attrs.evolve(present(present(doc.other_matters).operating_costs), change_rate="8.00")
    (found,) = findings("NARR-001", attrs.evolve(doc, other_matters=OtherMatters(operating_costs=wrong)))
    assert found.expected == D("7.14") and "机关运行经费" in found.message


def test_statements_without_a_rate_are_not_judged() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024,
                           statements=[Statement(subject="基本支出", amount="1.00", change_amount="0.50")])
    assert findings("NARR-001", doc) == []


@settings(max_examples=60, deadline=None)
@given(prior=st.decimals(min_value=D("1.00"), max_value=99999, places=2),
       current=st.decimals(min_value=0, max_value=99999, places=2))
def test_a_rate_computed_from_the_figures_is_always_accepted(prior: Decimal, current: Decimal) -> None:
    change = current - prior
    rate = round_half_up(D(100) * change / prior, 2)
    assert findings("NARR-001", _changed(str(current), str(change), str(rate))) == []


def _from_prior(amount: str | None, prior: str, rate: str | None, change: str | None = None) -> BudgetDisclosure:
    # "2022年当年预算执行数为14.00万元，2023年预算安排21.50万元，比2022年预算执行数增加53.57%"
    return BudgetDisclosure(department="某街道办事处", fiscal_year=2023, statements=[
        Statement(subject="社会组织管理", amount=amount, stated_prior=prior, change_rate=rate, change_amount=change,
                  compared_with=ChangeBasis.EXECUTION)])


@pytest.mark.parametrize(
    ("amount", "prior", "rate", "change", "expected"),
    [
        ("21.50", "14.00", "53.57", None, []),  # 7.50 ÷ 14.00 = 53.571 %
        ("220.63", "132.59", "60.54", None, [Severity.ERROR]),  # printed beside 441.25: 66.40 %
        ("1.00", "0.50", "99", None, [Severity.INFO]),  # 0.995 … 1.005 over 0.495 … 0.505: 97.03 % … 103.03 %
        ("1.00", "0.50", "104", None, [Severity.ERROR]),
        ("0.31", "0", "100.00", None, []),  # new this year: 增长 100% by convention
        ("0.31", "0", "50.00", None, [Severity.WARNING]),
        ("21.50", "14.00", None, "7.50", []),  # a stated change agrees with the stated prior
        ("21.50", "14.00", None, "7.60", [Severity.ERROR]),
        ("21.50", "14.00", "53.57", "7.50", []),
        ("21.50", "14.00", None, None, []),  # no rate, no change: nothing to hold
        (None, "14.00", "53.57", None, []),  # no amount: not judged
    ],
)
def test_rate_against_a_stated_prior_figure(amount: str | None, prior: str, rate: str | None, change: str | None,
                                            expected: list[Severity]) -> None:
    assert severities("NARR-001", _from_prior(amount, prior, rate, change)) == expected


def test_a_wrong_rate_against_the_stated_prior_names_its_basis() -> None:
    (found,) = findings("NARR-001", _from_prior("220.63", "132.59", "60.54"))
    assert (found.expected, found.actual) == (D("66.40"), D("60.54"))
    assert "上年预算执行数 132.59" in found.message and found.locations[0].column == "change_rate"


@settings(max_examples=60, deadline=None)
@given(prior=st.decimals(min_value=D("0.01"), max_value=99999, places=2),
       current=st.decimals(min_value=0, max_value=99999, places=2))
def test_a_rate_computed_from_a_stated_prior_is_always_accepted(prior: Decimal, current: Decimal) -> None:
    rate = round_half_up(D(100) * (current - prior) / prior, 2)
    assert findings("NARR-001", _from_prior(str(current), str(prior), str(rate), str(current - prior))) == []


# --- NARR-002: shares -------------------------------------------------------------------------------


def test_a_wrong_share_of_the_stated_total_is_an_error() -> None:
    (found,) = findings("NARR-002", edit(document(), INCOME, "上级一般公共预算安排的转移支付资金", share="21.00"))
    assert (found.severity, found.expected, found.actual) == (Severity.ERROR, D("20.00"), D("21.00"))
    assert "“收入预算” 300.00" in found.message


def test_a_share_within_rounding_is_info() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=INCOME, subject="收入预算", amount="3.00"),
        Statement(section=INCOME, subject="一般公共预算", amount="1.00", share="33.5")])  # 33.11 … 33.56
    assert severities("NARR-002", doc) == [Severity.INFO]


def _structure(*parts: tuple[str, str]) -> BudgetDisclosure:
    return BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=STRUCTURE, subject=f"第{i}类（类）", amount=amount, share=share)
        for i, (amount, share) in enumerate(parts)])


def test_shares_adding_up_to_100_are_of_their_amounts_sum() -> None:
    assert findings("NARR-002", _structure(("17.03", "0.75"), ("2243.63", "99.25"))) == []
    wrong = findings("NARR-002", _structure(("1000.00", "30.00"), ("1000.00", "33.33"), ("1000.00", "36.67")))
    assert [(f.severity, f.actual) for f in wrong] == [(Severity.ERROR, D("30.00")), (Severity.ERROR, D("36.67"))]
    assert "所列各项之和 3,000.00" in wrong[0].message


def test_a_share_adjusted_so_that_the_printed_shares_make_100_is_info() -> None:
    # 1,000.00 ÷ 3,000.00 = 33.33 %: the third share is printed 33.34 so that they add up to 100.00,
    # a convention (尾差调整), not a miscalculation.
    doc = _structure(("1000.00", "33.33"), ("1000.00", "33.33"), ("1000.00", "33.34"))
    (found,) = findings("NARR-002", doc)
    assert (found.severity, found.expected, found.actual) == (Severity.INFO, D("33.33"), D("33.34"))
    assert "尾差" in found.message


def test_a_share_of_a_subtotal_stated_before_it_is_accepted() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=INCOME, subject="收入预算", amount="300.00"),
        Statement(section=INCOME, subject="财政拨款", amount="200.00", share="66.67"),
        Statement(section=INCOME, subject="一般公共预算", amount="150.00", share="75.00")])  # of 200.00
    assert findings("NARR-002", doc) == []


def test_a_share_without_a_stated_total_is_held_against_the_totals_around_it() -> None:
    lone = [Statement(section=STRUCTURE, subject="卫生健康支出（类）", amount="130.00", share="50.00")]
    before = [Statement(section=SCALE, subject="一般公共预算拨款合计", amount="260.00")]
    assert findings("NARR-002", BudgetDisclosure(department="某局", fiscal_year=2024, statements=lone)) == []
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=before + lone)
    assert findings("NARR-002", doc) == []
    wrong = attrs.evolve(doc, statements=[*before, attrs.evolve(lone[0], share="40.00")])
    assert severities("NARR-002", wrong) == [Severity.WARNING]  # which total is meant is not said


@settings(max_examples=40, deadline=None)
@given(amounts=st.lists(st.decimals(min_value=D("0.01"), max_value=99999, places=2), min_size=2, max_size=5))
def test_shares_computed_from_the_amounts_are_always_accepted(amounts: list[Decimal]) -> None:
    whole = sum(amounts, D(0))
    statements = [Statement(section=INCOME, subject="收入预算", amount=str(whole))]
    statements += [Statement(section=INCOME, subject=f"来源{i}", amount=str(amount),
                             share=str(round_half_up(D(100) * amount / whole, 2))) for i, amount in enumerate(amounts)]
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=statements)
    assert findings("NARR-002", doc) == []


# --- NARR-003: stated amounts against the tables ----------------------------------------------------


@pytest.mark.parametrize(
    ("section", "subject", "wrong", "table"),
    [
        (OVERALL, "收支总预算", "310.00", "summary"),
        (INCOME, "一般公共预算", "210.00", "summary"),
        (INCOME, "上级一般公共预算安排的转移支付资金", "50.00", "summary"),
        (INCOME, "财政拨款结转", "45.00", "summary"),
        (SPENDING, "基本支出", "170.00", "expenditure"),
        (SPENDING, "项目支出", "80.00", "expenditure"),  # the 一般公共预算's figure, in the part on all spending
        (SCALE, "一般公共预算拨款合计", "250.00", "general_budget"),
        (SCALE, "项目支出", "90.00", "general_budget"),
        (STRUCTURE, "卫生健康支出（类）", "250.00", "general_budget"),
        (USE, "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", "108.00", "general_budget"),
        (BASIC, "人员经费", "140.00", "general_budget_basic"),
        (PROJECTS, "综合业务费", "70.00", "general_budget_projects"),
        (THREE, "公务接待费", "0.60", "three_public"),
        (CARRIED, "财政拨款", "30.00", "carryover"),
        (CARRIED, "2023年结转项目", "30.00", "carryover"),
    ],
)
def test_a_stated_amount_the_tables_print_otherwise_is_an_error(section: str, subject: str, wrong: str,
                                                                table: str) -> None:
    (found,) = findings("NARR-003", edit(document(), section, subject, amount=wrong))
    assert found.severity is Severity.ERROR and found.actual == D(wrong)
    assert found.locations[0].table == "statements" and found.locations[1].table == table


def test_the_part_on_this_years_appropriation_may_count_carried_over_funds() -> None:
    # 项目支出 of the 一般公共预算 with the funds carried over is the 支出总体情况表's figure.
    assert findings("NARR-003", edit(document(), SCALE, "项目支出", amount="120.00")) == []


def test_a_stated_amount_within_rounding_of_the_table_is_info() -> None:
    doc = edit(document(), USE, "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", amount="180.004")
    assert severities("NARR-003", doc) == [Severity.INFO]


@pytest.mark.parametrize(("amount", "expected"), [
    ("180.0", []),  # the table's 180.00, rounded to the one place the text prints
    ("180", []),
    ("180.1", [Severity.WARNING]),  # not a rounding of 180.00: one unit of its last place off, a slip
    ("183", [Severity.ERROR]),
])
def test_a_stated_amount_that_rounds_the_tables_figure_agrees(amount: str, expected: list[Severity]) -> None:
    doc = edit(document(), USE, "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", amount=amount)
    assert severities("NARR-003", doc) == expected


def _coded(code: str, amount: str, *rows: tuple[str, str]) -> BudgetDisclosure:
    table = ExpenditureTable(lines=[_fn(c, "某科目", total, "0", total) for c, total in rows])
    return BudgetDisclosure(department="某局", fiscal_year=2024, tables=Tables(general_budget=table), statements=[
        Statement(section=USE, subject="某科目（类）某科目（款）某科目（项）", code=FunctionCode(code), amount=amount)])


def test_a_code_the_table_does_not_print_is_zero_where_it_prints_that_level() -> None:
    assert findings("NARR-003", _coded("2101399", "0.00", ("2101501", "1089.27"))) == []
    assert severities("NARR-003", _coded("2101399", "51.00", ("2101501", "1089.27"))) == [Severity.ERROR]
    assert findings("NARR-003", _coded("2101399", "51.00", ("210", "1089.27"))) == []  # only 类 printed


def test_a_category_over_a_table_of_items_only_is_their_sum() -> None:
    doc = _coded("208", "416.59", ("2080109", "361.79"), ("2080505", "52.31"), ("2089999", "2.49"))
    assert findings("NARR-003", doc) == []


@pytest.mark.parametrize(
    ("section", "subject"),
    [
        ("（五）其他需说明的事项", "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）"),  # not about spending
        (USE, "2023年卫生健康支出（类）决算"),  # another year's figure
        (INCOME, "某种说不清的收入"),  # names nothing the tables print
    ],
)
def test_what_cannot_be_placed_is_not_judged(section: str, subject: str) -> None:
    doc = attrs.evolve(document(), statements=[Statement(section=section, subject=subject, amount="1.00",
                                                         code=FunctionCode("2101501"))])
    assert findings("NARR-003", doc) == []


def test_a_budget_said_to_be_empty_is_left_to_the_completeness_rules() -> None:
    tables = attrs.evolve(_tables(), summary=SummaryTable(revenue=[
        SummaryLine(role=S, name="基金预算拨款", source=FundingSource.GOV_FUND, amount="5.00")]))
    doc = attrs.evolve(document(), tables=tables)
    assert not [f for f in findings("NARR-003", doc) if "政府性基金" in f.message]


def test_amounts_are_not_compared_with_tables_that_are_absent() -> None:
    doc = attrs.evolve(document(), tables=Tables())
    assert findings("NARR-003", doc) == []


# --- NARR-004: project counts ----------------------------------------------------------------------


def _targets(*funds: tuple[str, str]) -> PerformanceTargets:
    return PerformanceTargets(projects=[
        ProjectTarget(project=f"项目{i}", funds=ProjectFunds(total=D(total), fiscal=D(fiscal),
                                                           other=D(total) - D(fiscal)))
        for i, (total, fiscal) in enumerate(funds)])


def _counted(count: int, amount: str, subject: str = "当年财政拨款项目") -> BudgetDisclosure:
    return BudgetDisclosure(department="某局", fiscal_year=2024,
                            statements=[Statement(section=TARGETS, subject=subject, amount=amount, count=count)],
                            performance=_targets(("165.00", "165.00"), ("90.01", "90.01"), ("30.51", "0.00")))


@pytest.mark.parametrize(
    ("count", "amount", "subject", "expected"),
    [
        (2, "255.01", "当年财政拨款项目", []),
        (1, "30.51", "当年非财政拨款项目", []),
        (2, "256.01", "当年财政拨款项目", [Severity.ERROR]),
        (2, "255.0", "当年财政拨款项目", [Severity.INFO]),
        (1, "165.00", "当年财政拨款项目", [Severity.ERROR]),  # fewer than the tables print
        (3, "256.01", "当年财政拨款项目", [Severity.WARNING]),  # more: some may be withheld
        (3, "285.52", "编报绩效目标的项目", []),  # every target: 165.00 + 90.01 + 30.51
        (3, "286.52", "编报绩效目标的项目", [Severity.ERROR]),
        (3, "285.53", "编报绩效目标的项目", [Severity.INFO]),
    ],
)
def test_project_counts_and_sums(count: int, amount: str, subject: str, expected: list[Severity]) -> None:
    assert severities("NARR-004", _counted(count, amount, subject)) == expected


def test_a_sum_over_a_target_whose_funds_do_not_add_up_is_uncertain() -> None:
    # "编报绩效目标的项目5个，涉及项目预算资金3328.13万元" while one form prints 年度资金总额 10,903,043.00 but
    # 当年财政拨款 11,419,043.00: which of them the text counted is not certain.
    doc = _counted(3, "286.52", "编报绩效目标的项目")
    targets = present(doc.performance).projects
    odd = attrs.evolve(targets[0], funds=attrs.evolve(targets[0].funds, fiscal=D("170.00")))
    doc = attrs.evolve(doc, performance=PerformanceTargets(projects=[odd, *targets[1:]]))
    (found,) = findings("NARR-004", doc)
    assert found.severity is Severity.WARNING and "资金构成本身不平" in found.message


def test_counts_are_not_checked_without_the_target_tables() -> None:
    doc = _counted(3, "256.01")
    assert skipped("NARR-004", attrs.evolve(doc, performance=None))
    assert skipped("NARR-004", attrs.evolve(doc, incomplete=["performance"]))


# --- NARR-005: projects within the budget ----------------------------------------------------------


def test_projects_counted_beyond_the_budgets_project_spending_are_a_warning() -> None:
    # Targets for funds the department only passes on, counted as its own projects.
    doc = edit(document(), TARGETS, "当年财政拨款项目", amount="56794.94", count=8)
    (found,) = findings("NARR-005", doc)
    assert (found.severity, found.actual, found.expected) == (Severity.WARNING, D("56794.94"), D("120.00"))


def test_fiscal_and_other_projects_together_fit_in_the_project_spending() -> None:
    doc = attrs.evolve(document(), statements=[
        *document().statements, Statement(section=TARGETS, subject="当年非财政拨款项目", amount="40.00", count=1)])
    assert findings("NARR-005", doc) == []
    (found,) = findings("NARR-005", edit(doc, TARGETS, "当年非财政拨款项目", amount="50.00"))
    assert found.actual == D("130.00") and "合计" in found.message


def test_projects_beyond_the_budget_within_rounding_are_info() -> None:
    assert severities("NARR-005", edit(document(), TARGETS, "当年财政拨款项目", amount="120.004")) == [Severity.INFO]


def test_projects_are_not_bounded_without_the_expenditure_table() -> None:
    assert skipped("NARR-005", attrs.evolve(document(), tables=attrs.evolve(_tables(), expenditure=None)))


# --- NARR-006: the department-wide target ----------------------------------------------------------

WHOLE = "预算绩效管理整体预算绩效目标"


def test_the_department_targets_money_is_its_table_figure() -> None:
    (found,) = findings("NARR-006", edit(document(), TARGETS, WHOLE, amount="280.00"))
    assert (found.severity, found.expected) == (Severity.ERROR, D("300.00"))
    assert found.locations[1].table == "department_target"


def test_without_the_target_table_the_budget_total_is_the_convention() -> None:
    doc = attrs.evolve(document(), performance=None, tables=Tables())
    assert findings("NARR-006", doc) == []  # the text's own 收支总预算
    transposed = edit(doc, TARGETS, WHOLE, amount="2018.55")
    doc = edit(edit(edit(transposed, OVERALL, "收支总预算", amount="2081.55"), INCOME, "收入预算", amount="2081.55"),
               SPENDING, "支出预算", amount="2081.55")
    (found,) = findings("NARR-006", doc)
    # 2,018.55 is 2,081.55 with two digits swapped: a slip of the pen, which no convention explains.
    assert (found.severity, found.expected, found.actual) == (Severity.ERROR, D("2081.55"), D("2018.55"))
    assert "两位数字颠倒" in found.message
    (other,) = findings("NARR-006", edit(doc, TARGETS, WHOLE, amount="2018.50"))  # no swap: the convention's
    assert (other.severity, other.expected) == (Severity.WARNING, D("2081.55"))
    assert "颠倒" not in other.message


def test_a_target_read_incompletely_is_not_held_against() -> None:
    doc = attrs.evolve(document(), incomplete=["performance"])
    assert findings("NARR-006", edit(doc, TARGETS, WHOLE, amount="260.00")) == []  # 本年收入
    assert severities("NARR-006", edit(doc, TARGETS, WHOLE, amount="280.00")) == [Severity.WARNING]


def test_the_department_targets_money_within_rounding_is_info() -> None:
    assert severities("NARR-006", edit(document(), TARGETS, WHOLE, amount="300.004")) == [Severity.INFO]


# --- NARR-007: totals and parts in the text --------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "subject", "changes", "identity"),
    [
        (THREE, "公务接待费", {"amount": "0.40"}, "“公务接待费”"),
        (THREE, "公务接待费", {"change_amount": "-0.40", "change_rate": "-50.00"}, "比上年增减额"),
        (BASIC, "公用经费", {"amount": "31.00"}, "“人员经费” + “公用经费”"),
        (SPENDING, "支出预算", {"amount": "310.00"}, "“基本支出” + “项目支出”"),
        (CARRIED, "非财政拨款", {"amount": "1.00"}, "“财政拨款” + “非财政拨款”"),
        (INCOME, "收入预算", {"amount": "310.00"}, "“财政拨款结转”"),
    ],
)
def test_a_total_that_is_not_the_sum_of_its_parts_is_an_error(section: str, subject: str,
                                                               changes: StatementChanges, identity: str) -> None:
    found = findings("NARR-007", edit(document(), section, subject, **changes))
    assert found and all(f.severity is Severity.ERROR for f in found)
    assert any(identity in f.message for f in found)


def test_a_total_within_rounding_of_its_parts_is_info() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=THREE, subject="“三公”经费", amount="1.00"),
        Statement(section=THREE, subject="因公出国（境）费", amount="0.33"),
        Statement(section=THREE, subject="公务用车购置及运行费", amount="0.33"),
        Statement(section=THREE, subject="公务接待费", amount="0.33")])
    assert severities("NARR-007", doc) == [Severity.INFO]


def test_parts_listed_under_another_stated_total_are_its() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=INCOME, subject="收入预算", amount="300.00"),
        Statement(section=INCOME, subject="本年收入", amount="260.00"),
        Statement(section=INCOME, subject="上年结转", amount="40.00"),
        Statement(section=INCOME, subject="一般公共预算", amount="200.00", share="66.67"),
        Statement(section=INCOME, subject="上级转移支付", amount="100.00", share="33.33")])
    assert findings("NARR-007", doc) == []


def test_a_jiangsu_total_is_basic_project_and_reserved_spending_not_the_category_listed_before() -> None:
    def doc(basic: str) -> BudgetDisclosure:
        return BudgetDisclosure(department="某院", fiscal_year=2019, statements=[
            Statement(section=OVERALL, subject="支出预算总计", amount="24169.74", text="（二）支出预算总计…"),
            Statement(section=OVERALL, subject="住房保障支出", amount="5686.35", text="3、住房保障支出5686.35万元。"),
            Statement(section=OVERALL, subject="基本支出", amount=basic, text="此外，基本支出预算数为…"),
            Statement(section=OVERALL, subject="项目支出", amount="4335.3", text="项目支出预算数为4335.3万元。"),
            Statement(section=OVERALL, subject="单位预留机动经费", amount="3990.4", text="单位预留机动经费…")])
    assert findings("NARR-007", doc("15844.04")) == []
    (found,) = findings("NARR-007", doc("15844.14"))
    assert "“支出预算总计” = “基本支出” + “项目支出” + “单位预留机动经费”" in found.message


def test_basic_and_project_spending_of_the_carryover_are_of_its_total() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=CARRIED, subject="上年结转结余", amount="905.62"),
        Statement(section=CARRIED, subject="财政拨款", amount="800.00"),
        Statement(section=CARRIED, subject="非财政拨款", amount="105.62"),
        Statement(section=CARRIED, subject="基本支出", amount="0.00"),
        Statement(section=CARRIED, subject="项目支出", amount="905.62")])
    assert findings("NARR-007", doc) == []
    wrong = attrs.evolve(doc, statements=[*doc.statements[:4], attrs.evolve(doc.statements[4], amount="900.00")])
    assert [f.severity for f in findings("NARR-007", wrong)] == [Severity.ERROR]


def test_last_years_figures_are_not_parts_of_this_years_total() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=THREE, subject="2023年“三公”经费决算", amount="9.00"),
        Statement(section=THREE, subject="“三公”经费", amount="1.00"),
        Statement(section=THREE, subject="因公出国（境）费", amount="0"),
        Statement(section=THREE, subject="公务用车购置及运行费", amount="0.50"),
        Statement(section=THREE, subject="公务接待费", amount="0.50")])
    assert findings("NARR-007", doc) == []


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(st.decimals(min_value=0, max_value=9999, places=2), min_size=4, max_size=4))
def test_three_public_items_adding_up_are_always_accepted(parts: list[Decimal]) -> None:
    names = ("因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费")
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=THREE, subject="“三公”经费", amount=str(sum(parts, D(0)))),
        *(Statement(section=THREE, subject=name, amount=str(part)) for name, part in zip(names, parts, strict=True))])
    assert findings("NARR-007", doc) == []


# --- NARR-008: 机关运行经费 ------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "expected"), [("30.00", []), ("25.00", []), ("40.00", [Severity.WARNING]),
                                                  ("30.004", [Severity.INFO])])
def test_running_costs_are_at_most_the_public_funds(amount: str, expected: list[Severity]) -> None:
    assert severities("NARR-008", attrs.evolve(document(), other_matters=_running_costs(amount))) == expected


def test_running_costs_may_be_spent_through_operating_projects_in_the_henan_template() -> None:
    tables = _tables()
    henan = ExpenditureTable(lines=[FunctionLine(name="合计", amounts=ExpenditureAmounts(
        total="300.00", basic="180.00", project="120.00", project_operating="20.00", project_specific="100.00"))])
    doc = attrs.evolve(document(), tables=attrs.evolve(tables, expenditure=henan),
                       other_matters=_running_costs("45.00"))
    assert findings("NARR-008", doc) == []


def test_running_costs_are_not_checked_without_other_matters() -> None:
    assert skipped("NARR-008", attrs.evolve(document(), other_matters=None))


# --- the published documents, audited by hand -------------------------------------------------------


def _seed_findings(prefix: str) -> list[Finding]:
    from cnbudget.readers import read_text

    return list(validate(read_text(seed_path(prefix).read_text(encoding="utf-8")).disclosure,
                         rules=["NARR"]).findings)


def test_seed_001_counts_projects_whose_money_is_not_in_its_budget() -> None:
    # Every amount, share, change and rate of the narrative agrees with the tables and the arithmetic
    # (e.g. 208.54 ÷ 1,814.15 = 11.50 %; 17.03 ÷ 2,260.66 = 0.75 %); "当年财政拨款项目 8 个，涉及预算金额
    # 56,794.94 万元" agrees with the 8 target tables with 财政拨款 (24.27 + 165 + 7 + 65.97 + 90.01 +
    # 86.78 + 53,301 + 3,054.91), but two of them (53,301.00 and 3,054.91) are funds the budget does not
    # hold: the whole 项目支出 of 部门支出总体情况表 is 1,361.68 (this year's 财政拨款 projects: 456.06).
    (found,) = _seed_findings("001")
    assert (found.rule, found.severity) == ("NARR-005", Severity.WARNING)
    assert (found.actual, found.expected) == (D("56794.94"), D("1361.68"))
    assert found.locations[0].table == "statements"


def test_seed_002_adjusts_one_share_so_that_the_shares_make_100() -> None:
    # 一般公共预算当年拨款结构: 1,097.04 + 57.97 + 46.42 + 2.00 = 1,203.43, shares printed 91.16 + 4.82 +
    # 3.86 + 0.16 = 100.00, but 2.00 ÷ 1,203.43 = 0.1662 % rounds to 0.17 % (even 2.005 ÷ 1,203.425 does).
    (found,) = _seed_findings("002")
    assert (found.rule, found.severity) == ("NARR-002", Severity.INFO)
    assert (found.expected, found.actual) == (D("0.17"), D("0.16"))
    assert "其他支出（类）" in found.message


def test_seed_003_narrative_agrees_throughout() -> None:
    # 476.35 ÷ 9,018.93 = 5.28 %, 450.83 ÷ 476.35 = 94.64 %, 79.34 ÷ 8,939.59 = 0.89 %; the 类 of the
    # 一般公共预算 include the 8.36 carried over (卫生健康 8,563.11 as 支出总体情况表 prints it).
    assert _seed_findings("003") == []


def test_seed_004_states_the_department_target_with_two_digits_swapped() -> None:
    # Its text says 收支总预算 2,081.55 (收支总表 收入总计 2,081.55) but 整体预算绩效目标 2,018.55 (and the
    # target's form 96.86 + 1,984.69 + 0 = 2,081.55): "81" written "18", an error.
    found = [f for f in _seed_findings("004") if f.rule == "NARR-006"]
    assert [(f.severity, f.expected, f.actual) for f in found] == [(Severity.ERROR, D("2081.55"), D("2018.55"))]
    assert "两位数字颠倒" in found[0].message


# --- any figures --------------------------------------------------------------------------------------

#: One statement's section, subject, amount, share, change amount, change rate and count.
SaidFigures = tuple[str, str, Decimal | None, Decimal | None, Decimal | None, Decimal | None, int | None]
_FIGURES = st.one_of(st.none(), amounts,
                     st.sampled_from([D("0"), D("0.00"), D("1E+4"), D("0.001"), D("100"), D("-5.00")]))


@settings(max_examples=80, deadline=None)
@given(said=st.lists(st.tuples(st.sampled_from([OVERALL, INCOME, SPENDING, SCALE, STRUCTURE, BASIC, PROJECTS, THREE,
                                                CARRIED, TARGETS]),
                               st.sampled_from([s.subject for s in _statements()] + ["2023年“三公”经费决算"]),
                               _FIGURES, _FIGURES, _FIGURES, _FIGURES, st.one_of(st.none(), st.integers(0, 99))),
                     max_size=12))
def test_the_narrative_rules_never_raise_on_any_figures(said: list[SaidFigures]) -> None:
    statements = [Statement(section=section, subject=subject, amount=amount, share=share, change_amount=change,
                            change_rate=rate, count=count)
                  for section, subject, amount, share, change, rate, count in said]
    report = validate(attrs.evolve(document(), statements=statements), rules=["NARR"])
    assert all(f.rule.startswith("NARR-") and f.message for f in report.findings)


# --- grading a figure by its last digit, and figures printed without their trailing zeros -----------


def test_an_increase_larger_than_the_amount_is_an_error_without_a_rate() -> None:
    # "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元": copied from the line above.
    doc = BudgetDisclosure(department="某街道", fiscal_year=2023, statements=[
        Statement(subject="政府性基金拨款支出预算", amount="0", change_amount="1421.25")])
    (found,) = findings("NARR-001", doc)
    assert found.severity is Severity.ERROR and "上年数不可能为负" in found.message
    assert findings("NARR-001", attrs.evolve(doc, statements=[
        Statement(subject="政府性基金拨款支出预算", amount="0", change_amount="-1421.25")])) == []


def _jiangsu_rate(change: str, rate: str) -> BudgetDisclosure:
    # "未归口管理的行政单位离退休（项）支出400.02万元，与上年相比增加28.1万元，增长7.57%": the text prints
    # 28.1 for 28.10 (every figure around it has two decimals).
    return BudgetDisclosure(department="某院", fiscal_year=2019, statements=[
        Statement(section="五、财政拨款支出预算情况说明", subject="未归口管理的行政单位离退休", amount="400.02",
                  change_amount=change, change_rate=rate)])


@pytest.mark.parametrize(("change", "rate", "expected"), [
    ("28.1", "7.56", []),  # 28.10 ÷ 371.92 = 7.555 %
    ("28.1", "7.55", [Severity.INFO]),  # truncated: under one unit of the last digit
    ("28.1", "7.57", [Severity.WARNING]),  # 1.46 units off: a slip (28.1 read as 28.05 … 28.15 would allow it)
    ("28.1", "7.60", [Severity.ERROR]),  # 4.5 units off
])
def test_a_rate_is_graded_by_the_units_of_its_last_digit_it_is_off(change: str, rate: str,
                                                                   expected: list[Severity]) -> None:
    assert severities("NARR-001", _jiangsu_rate(change, rate)) == expected


def _three_public_shares(*shares: str) -> BudgetDisclosure:
    # 因公出国 110 (110.00), 公务用车 317.8, 公务接待 156.55 of 584.35; no total stated: shares adding up to
    # 100 % are shares of their sum.
    section = "十一、一般公共预算“三公”经费支出预算表情况说明"
    return BudgetDisclosure(department="某院", fiscal_year=2017, statements=[
        Statement(section=section, subject=subject, amount=amount, share=share)
        for (subject, amount), share in zip((("因公出国（境）费支出", "110"), ("公务用车购置及运行费支出", "317.8"),
                                             ("公务接待费支出", "156.55")), shares, strict=True)])


def test_shares_are_graded_by_the_units_of_their_last_digit() -> None:
    assert findings("NARR-002", _three_public_shares("18.82", "54.39", "26.79")) == []
    # 18.85 (2.6 units off 18.824), 54.43 (4.5 units), 26.72 (7.1 units): all three miscalculated.
    found = findings("NARR-002", _three_public_shares("18.85", "54.43", "26.72"))
    assert [(f.severity, f.expected) for f in found] == [(Severity.ERROR, D("18.82")), (Severity.ERROR, D("54.39")),
                                                         (Severity.ERROR, D("26.79"))]
    found = findings("NARR-002", _three_public_shares("18.83", "54.38", "26.79"))  # 0.76 and 0.52 units off
    assert [f.severity for f in found] == [Severity.INFO, Severity.INFO]


def test_a_share_of_the_budget_total_the_text_states_elsewhere_is_accepted() -> None:
    # "财政拨款预算支出 13,297.11 万元，占本年支出合计的 99.4%": 本年支出合计 is the total of part 一.
    doc = BudgetDisclosure(department="某厅", fiscal_year=2019, statements=[
        Statement(section="一、收支预算总体情况说明", subject="收入、支出预算总计", amount="13377.11"),
        Statement(section="四、财政拨款收支预算总体情况说明", subject="财政拨款收、支预算", amount="13297.11"),
        Statement(section="五、财政拨款支出预算情况说明", subject="财政拨款预算支出", amount="13297.11", share="99.4")])
    assert findings("NARR-002", doc) == []
    wrong = attrs.evolve(doc, statements=[*doc.statements[:2], attrs.evolve(doc.statements[2], share="99.6")])
    assert severities("NARR-002", wrong) == [Severity.WARNING]  # 2 units off the nearest total: a slip


def test_a_stated_amount_a_slip_off_the_table_is_a_warning() -> None:
    doc = edit(document(), USE, "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", amount="180.02")
    (found,) = findings("NARR-003", doc)  # two units of the last digit: 12,323.46 printed for 12,323.48
    assert found.severity is Severity.WARNING
    assert severities("NARR-003", edit(document(), USE, "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）",
                                       amount="180.03")) == [Severity.ERROR]


def test_the_overall_part_may_state_a_category_as_the_summary_prints_it() -> None:
    # 收支总表 prints 公共安全支出 85.00 (5.00 of 其他资金 in it); the fiscal tables 80.00.
    from tests.test_rules_cross_table import jiangsu

    doc = attrs.evolve(jiangsu(), statements=[
        Statement(section="一、收支预算总体情况说明", subject="公共安全（类）支出", code=FunctionCode("204"),
                  amount="85.00")])
    assert findings("NARR-003", doc) == []
    (found,) = findings("NARR-003", attrs.evolve(doc, statements=[attrs.evolve(doc.statements[0], amount="86.00")]))
    assert found.expected == D("85.00")  # the nearest of the figures it may mean


# --- NARR-009: 机关运行经费 and 政府采购 --------------------------------------------------------------


class ProcurementFigures(TypedDict, total=False):
    """The figures of the 政府采购 statement a test changes (as printed)."""

    total: str
    goods: str
    works: str


class MattersChanges(TypedDict, total=False):
    """What a test changes in the other matters: 政府采购 figures, the 机关运行经费 amount."""

    procurement: ProcurementFigures
    running: str


def _matters(doc: BudgetDisclosure, **changes: Unpack[MattersChanges]) -> BudgetDisclosure:
    matters = doc.other_matters
    assert matters is not None
    procurement = changes.get("procurement", ProcurementFigures())
    running = changes.get("running")
    new = attrs.evolve(matters, procurement=attrs.evolve(present(matters.procurement), **procurement))
    if running is not None:
        new = attrs.evolve(new, operating_costs=attrs.evolve(present(matters.operating_costs), amount=running))
    return attrs.evolve(doc, other_matters=new)


def test_other_matters_agree_with_their_tables() -> None:
    from tests.test_rules_cross_table import jiangsu

    assert findings("NARR-009", jiangsu()) == []


@pytest.mark.parametrize(("changes", "severity", "column"), [
    ({"running": "21.00"}, Severity.ERROR, "operating_costs"),  # the table's 合计 is 20.00
    ({"running": "20.02"}, Severity.WARNING, "operating_costs"),  # a slip of the last digit
    ({"running": "20.01"}, Severity.INFO, "operating_costs"),  # 20.005 … 20.015 meets 19.995 … 20.005
    ({"procurement": {"goods": "6.00", "total": "11.00"}}, Severity.ERROR, "procurement.goods"),
    ({"procurement": {"works": "1.00", "total": "13.00"}}, Severity.ERROR, "procurement.works"),  # no 工程 row: 0
    ({"procurement": {"total": "12.50"}}, Severity.ERROR, "procurement"),  # 12.50 ≠ 7.00 + 0 + 5.00
])
def test_other_matters_against_the_tables(changes: MattersChanges, severity: Severity, column: str) -> None:
    from tests.test_rules_cross_table import jiangsu

    found = findings("NARR-009", _matters(jiangsu(), **changes))
    # A category and the total over it off by the same amount are one misprint: one finding naming both.
    assert (severity, column) in [(f.severity, place.column) for f in found for place in f.locations]


def test_other_matters_are_not_checked_without_them() -> None:
    from tests.test_rules_cross_table import jiangsu

    assert skipped("NARR-009", attrs.evolve(jiangsu(), other_matters=None))


# --- NARR-010: one quantity, one change ---------------------------------------------------------------


def _appropriation(*said: tuple[str, str, str, ChangeBasis | None]) -> BudgetDisclosure:
    return BudgetDisclosure(department="某院", fiscal_year=2018, statements=[
        Statement(section=section, subject=subject, amount="21940.96", change_amount=change, compared_with=basis)
        for section, subject, change, basis in said])


GENERAL_REVENUE = ("一、收支预算总体情况说明", "一般公共预算收入预算", "3959.28", None)
FISCAL = ("四、财政拨款收支预算总体情况说明", "财政拨款收、支总预算", "3958.98", None)
GENERAL_SPENDING = ("七、一般公共预算支出预算情况说明", "一般公共预算财政拨款支出预算", "3958.98", None)


def test_the_same_money_stated_with_the_same_change_everywhere_passes() -> None:
    assert findings("NARR-010", _appropriation(GENERAL_REVENUE, (*FISCAL[:2], "3959.28", None),
                                               (*GENERAL_SPENDING[:2], "3959.28", None))) == []


def test_one_quantity_stated_with_two_changes_is_one_error_naming_every_place() -> None:
    (found,) = findings("NARR-010", _appropriation(GENERAL_REVENUE, FISCAL, GENERAL_SPENDING))
    assert found.severity is Severity.ERROR and len(found.locations) == 3
    assert "3,959.28" in found.message and "3,958.98" in found.message


@pytest.mark.parametrize(("said", "expected"), [
    ((GENERAL_REVENUE, FISCAL), Severity.WARNING),  # 财政拨款 and 一般公共预算: the same money only probably
    ((GENERAL_REVENUE, (*GENERAL_SPENDING[:2], "3959.30", None)), Severity.WARNING),  # two units: a slip
    ((GENERAL_REVENUE, (*GENERAL_SPENDING[:2], "3958.98", ChangeBasis.EXECUTION)), Severity.WARNING),  # 执行数
])
def test_a_probable_or_slight_disagreement_is_a_warning(said: tuple[tuple[str, str, str, ChangeBasis | None], ...],
                                                        expected: Severity) -> None:
    assert severities("NARR-010", _appropriation(*said)) == [expected]


def test_the_budget_total_and_the_appropriation_are_different_quantities() -> None:
    # 24,169.74 both: the total grew by 2,214.39 and the 一般公共预算 by 2,228.78 (last year's total held
    # 14.39 of other money).
    doc = BudgetDisclosure(department="某院", fiscal_year=2019, statements=[
        Statement(section="一、收支预算总体情况说明", subject="收入、支出预算总计", amount="24169.74",
                  change_amount="2214.39"),
        Statement(section="一、收支预算总体情况说明", subject="一般公共预算收入预算", amount="24169.74",
                  change_amount="2228.78")])
    assert findings("NARR-010", doc) == []


# --- NARR-011: the reasons given -------------------------------------------------------------------------


def _reason(subject: str, code: str | None, rate: str, reason: str | None, text: str | None = None) -> BudgetDisclosure:
    return BudgetDisclosure(department="某街道", fiscal_year=2024, statements=[
        Statement(section="2024年部门预算编制说明", subject=subject, code=FunctionCode(code) if code else None,
                  amount="110.60", change_rate=rate, reason=reason, text=text)])


@pytest.mark.parametrize(("subject", "code", "rate", "reason", "expected"), [
    ("宣传事务（款）一般行政管理事务（项）", "2013302", "-2.98", "宣传事务一般行政管理事务经费减少", []),
    ("宣传事务（款）一般行政管理事务（项）", "2013302", "-2.98", "宣传事务一般行政管理事务经费增加",
     [Severity.WARNING]),  # 减少 2.98% with "经费增加"
    ("城乡社区管理事务（款）城管执法（项）", "2120104", "-10.69", "城乡社区管理事务一般行政管理事务经费减少",
     [Severity.WARNING]),  # the reason of 2120102, copied
    ("行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）", "2080506", "15.95", "事业单位离退休经费增加",
     [Severity.WARNING]),  # 事业单位离退休 is 2080502
    ("行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）", "2080506", "15.95", "缴费基数调整，支出增加", []),
    # not ending "…增加": the direction is not what the reason ends saying
    ("检察（款）检察监督（项）", None, "-37.44", "二是增加了“其他检察支出”项级科目分流469.5万元", []),
])
def test_a_reason_fits_its_item_and_direction(subject: str, code: str | None, rate: str, reason: str,
                                              expected: list[Severity]) -> None:
    assert severities("NARR-011", _reason(subject, code, rate, reason)) == expected


def test_a_reason_announced_but_not_given_is_a_warning() -> None:
    doc = _reason("公务用车购置及运行费", None, "0", None,
                  text="（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。")
    (found,) = findings("NARR-011", doc)
    assert found.severity is Severity.WARNING and found.locations[0].column == "reason"
