"""Subjects the spending is booked under and the narrative names (CAT-006, CAT-007), and vehicles
against their running costs (NARR-012): for each rule a passing, a failing and an absent-input
fixture, and the published documents."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from cnbudget.codes import FunctionCode
from cnbudget.examples import example
from cnbudget.model import (
    Assets,
    BudgetDisclosure,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    OtherMatters,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    SourceSplit,
    Statement,
    Tables,
    ThreePublicTable,
    VehicleGroup,
)
from cnbudget.validation import Finding, Severity, validate
from tests.test_rules_narrative import THREE, document, edit

D = Decimal
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _found(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    report = validate(doc, rules=[rule])
    assert rule in report.rules_run
    return list(report.findings)


def _skipped(rule: str, doc: BudgetDisclosure) -> bool:
    return rule in validate(doc, rules=[rule]).rules_skipped


# --- CAT-006: project spending under 行政运行 and 事业运行 ------------------------------------------------


def _row(code: str, name: str, basic: str, project: str) -> FunctionLine:
    total = str(D(basic) + D(project))
    return FunctionLine(code=FunctionCode(code), name=name,
                        amounts=ExpenditureAmounts(total=total, basic=basic, project=project))


def _spending(*rows: FunctionLine, year: int = 2024, projects: tuple[ProjectExpenditureLine, ...] = ()
              ) -> BudgetDisclosure:
    tables = Tables(expenditure=ExpenditureTable(lines=rows), general_budget=ExpenditureTable(lines=rows),
                    general_budget_projects=ProjectExpenditureTable(lines=projects) if projects else None)
    return BudgetDisclosure(department="某局", fiscal_year=year, tables=tables)


def _project_row(code: str, project: str | None, amount: str) -> ProjectExpenditureLine:
    return ProjectExpenditureLine(code=FunctionCode(code), name="行政运行", project=project,
                                  amounts=EconomicCategoryAmounts(total=amount))


def test_projects_under_their_own_subjects_pass() -> None:
    doc = _spending(_row("2101501", "行政运行", "180.00", "0"), _row("2101502", "一般行政管理事务", "0", "80.00"))
    assert _found("CAT-006", doc) == []


def test_project_spending_under_running_costs_is_one_warning_a_code() -> None:
    # Seed 002: 210 15 01 行政运行 261.86 = 250.46 + 11.40; the project table lists 1.20 + 10.20 under it.
    projects = (_project_row("2101501", None, "11.40"), _project_row("2101501", "志愿者生活补助", "1.20"),
                _project_row("2101501", "城乡医保工作经费", "10.20"))
    doc = _spending(_row("2101501", "行政运行", "250.46", "11.40"), _row("2101550", "事业运行", "10.00", "0.04"),
                    projects=projects)
    found = _found("CAT-006", doc)
    assert [(f.severity, f.locations[0].code, f.actual) for f in found] == [
        (WARNING, "2101501", D("11.40")), (WARNING, "2101550", D("0.04"))]
    # The project table's code row and its projects are the same money, not twice 11.40.
    assert "一般公共预算项目支出情况表11.40" in found[0].message


def test_subjects_are_known_by_their_catalogue_name() -> None:
    # 2080501 is 项 01 but 行政单位离退休, not 行政运行: its project spending is in its place.
    assert _found("CAT-006", _spending(_row("2080501", "行政单位离退休", "0", "5.00"))) == []
    # Without a catalogue for the year, the printed name says which subject it is.
    assert len(_found("CAT-006", _spending(_row("2010101", "行政运行", "1.00", "2.00"), year=2030))) == 1


def test_without_tables_there_is_nothing_to_book() -> None:
    assert _found("CAT-006", BudgetDisclosure(department="某局", fiscal_year=2024)) == []


# --- CAT-007: names in the narrative -------------------------------------------------------------------


def _said(*subjects: tuple[str, str | None], year: int = 2024) -> BudgetDisclosure:
    statements = [Statement(section="（三）一般公共预算当年拨款具体使用情况", subject=subject, amount="1.00",
                            code=FunctionCode(code) if code else None) for subject, code in subjects]
    return BudgetDisclosure(department="某局", fiscal_year=year, statements=statements)


@pytest.mark.parametrize(("subject", "code"), [
    ("卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", "2101501"),
    ("卫生健康支出（类）医疗保障管理事务（款）事业单位运行（项）", "2101550"),  # a known variant of 事业运行
    ("一般公共服务（类）党委办公厅（室）及相关机构事务（款）行政运行（项）支出", "2013101"),
    ("社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费（项）支出", "2080505"),
    ("卫生健康支出（类）", "210"),
    ("基本支出", None),  # not a subject written with its levels
])
def test_official_names_and_their_variants_pass(subject: str, code: str | None) -> None:
    assert _found("CAT-007", _said((subject, code))) == []


def test_a_former_name_is_a_warning_once() -> None:
    subject = "医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）"
    (found,) = _found("CAT-007", _said((subject, "2101102"), (subject, "2101102")))
    assert (found.severity, found.locations[0].code) == (WARNING, "210") and "卫生健康支出" in found.message


def test_a_name_no_subject_has_is_a_warning_with_the_nearest_names() -> None:
    subject = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险费（项）支出"
    (found,) = _found("CAT-007", _said((subject, None)))
    assert found.severity is WARNING and found.locations[0].code is None
    assert "“机关事业单位基本养老保险缴费支出”" in found.message


def test_a_name_cut_short_is_a_note() -> None:
    subject = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金（项）支出"
    (found,) = _found("CAT-007", _said((subject, "2080506")))
    assert found.severity is INFO and "机关事业单位职业年金缴费支出" in found.message


def test_the_name_of_another_subject_is_a_warning() -> None:
    (found,) = _found("CAT-007", _said(("卫生健康支出（类）医疗保障管理事务（款）信息化建设（项）", "2101501")))
    assert found.severity is WARNING and "行政运行" in found.message


def test_without_statements_or_a_catalogue_the_names_are_not_judged() -> None:
    assert _skipped("CAT-007", BudgetDisclosure(department="某局", fiscal_year=2024))
    assert _skipped("CAT-007", _said(("医疗卫生与计划生育支出（类）", "210"), year=2030))


# --- NARR-012: vehicles and their running costs --------------------------------------------------------


def _vehicles(count: int | None, *groups: int | None, running: str = "0.93", buying: str = "0") -> BudgetDisclosure:
    split = SourceSplit
    three = ThreePublicTable(total=split(total=str(D(running) + D(buying))), overseas_travel=split(total="0"),
                             vehicles=split(total=str(D(running) + D(buying))), vehicle_purchase=split(total=buying),
                             vehicle_operation=split(total=running), reception=split(total="0"))
    assets = Assets(as_of="2023年底", vehicle_count=count,
                    vehicles=[VehicleGroup(kind=f"第{i}类用车", count=n) for i, n in enumerate(groups)])
    return BudgetDisclosure(department="某局", fiscal_year=2024, tables=Tables(three_public=three),
                            other_matters=OtherMatters(assets=assets))


def test_running_costs_without_vehicles_are_a_warning() -> None:
    # Seed 004: 车辆 0 辆 at the end of 2023, 公务用车运行费 0.93 万元 budgeted for 2024.
    (found,) = _found("NARR-012", _vehicles(0))
    assert (found.severity, found.actual) == (WARNING, D("0.93"))
    assert [place.table for place in found.locations] == ["other_matters", "three_public"]
    assert len(_found("NARR-012", _vehicles(None, 0, 0, 0))) == 1  # every kind 0


@pytest.mark.parametrize("doc", [
    _vehicles(1), _vehicles(None, 0, 1), _vehicles(0, running="0"), _vehicles(0, running="0.00"),
    _vehicles(0, buying="25.00"),  # a vehicle bought this year may run this year
    _vehicles(None, 0, None),  # a count not stated: the holding is not known
])
def test_vehicles_held_or_no_running_costs_pass(doc: BudgetDisclosure) -> None:
    assert _found("NARR-012", doc) == []


def test_without_the_table_the_texts_running_costs_are_held() -> None:
    doc = attrs.evolve(edit(document(), THREE, "公务用车运行费", amount="0.93"),
                       other_matters=OtherMatters(assets=Assets(vehicle_count=0)),
                       tables=attrs.evolve(document().tables, three_public=None))
    (found,) = _found("NARR-012", doc)
    assert found.locations[1].table == "statements"


def test_without_other_matters_the_vehicle_rule_does_not_run() -> None:
    assert _skipped("NARR-012", attrs.evolve(_vehicles(0), other_matters=None))
    assert _found("NARR-012", attrs.evolve(_vehicles(0), other_matters=OtherMatters())) == []  # no assets


# --- the published documents ---------------------------------------------------------------------------


def test_the_examples_subjects_names_and_vehicles() -> None:
    # By hand: aketao-2023 books 11.40 of projects under 2101501 行政运行; luntai-2024 holds 0 vehicles
    # and budgets 0.93 of 公务用车运行费; jiangsu-procuratorate-2019 names 2080505 "机关事业单位基本养老
    # 保险费（项）" (no such 项) and 2080506 "机关事业单位职业年金（项）" (cut short, a note).
    found = {name: [(f.rule, f.severity) for f in validate(example(name), rules=["CAT-006", "CAT-007",
                                                                                 "NARR-012"]).findings]
             for name in ("urumqi-2024", "aketao-2023", "yanjin-2024", "luntai-2024", "putuo-commerce-2025",
                          "jiangsu-procuratorate-2019")}
    assert found == {"urumqi-2024": [], "aketao-2023": [("CAT-006", WARNING)], "yanjin-2024": [],
                     "luntai-2024": [("NARR-012", WARNING)], "putuo-commerce-2025": [],
                     "jiangsu-procuratorate-2019": [("CAT-007", WARNING), ("CAT-007", INFO)]}
