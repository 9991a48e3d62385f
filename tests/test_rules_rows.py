"""Row identities (ROW): each identity with a passing, failing, rounding and absent-input fixture."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    CarryoverAmounts,
    CarryoverLine,
    CarryoverTable,
    EconomicCategoryAmounts,
    EconomicLine,
    ExpenditureAmounts,
    ExpenditureTable,
    FiscalAmounts,
    FiscalLine,
    FiscalSummaryTable,
    FunctionLine,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    RevenueLine,
    RevenueTable,
    SourceAmounts,
    SourceSplit,
    SummaryRole,
    Tables,
    ThreePublicTable,
)
from cnbudget.model.sums import SUMS, Identity, identities
from cnbudget.validation import Severity, validate

# Every sum of every amount record's column tree, as a row printing exactly its total and parts.
IDENTITIES = [Identity(node.rule, node.total, node.parts) for record, nodes in SUMS.items()
              if record is not ThreePublicTable for node in nodes]


def _record_of(identity: Identity) -> type:
    return next(record for record, nodes in SUMS.items()
                if any((n.rule, n.total, n.parts) == (identity.rule, identity.total, identity.parts) for n in nodes))


def _tables(record: Any) -> Tables:
    """A document table holding one row with ``record`` as its amounts."""
    code = FunctionCode("2101501")
    if isinstance(record, ExpenditureAmounts):
        return Tables(general_budget=ExpenditureTable(lines=[FunctionLine(code=code, name="行政运行", amounts=record)]))
    if isinstance(record, BasicAmounts):
        basic = EconomicLine(code=EconomicCode("30101"), name="基本工资", amounts=record)
        return Tables(general_budget_basic=BasicExpenditureTable(lines=[basic]))
    if isinstance(record, EconomicCategoryAmounts):
        project = ProjectExpenditureLine(code=code, name="行政运行", amounts=record)
        return Tables(general_budget_projects=ProjectExpenditureTable(lines=[project]))
    if isinstance(record, SourceAmounts):
        return Tables(revenue=RevenueTable(lines=[RevenueLine(code=code, name="行政运行", amounts=record)]))
    if isinstance(record, FiscalAmounts):
        fiscal = FiscalLine(role=SummaryRole.FUNCTION, code=FunctionCode("210"), name="卫生健康支出", amounts=record)
        return Tables(fiscal_summary=FiscalSummaryTable(expenditure=[fiscal]))
    if isinstance(record, SourceSplit):
        zero = SourceSplit(total="0")
        return Tables(three_public=ThreePublicTable(total=record, overseas_travel=zero, vehicles=zero,
                                                    vehicle_purchase=zero, vehicle_operation=zero, reception=zero))
    if isinstance(record, CarryoverAmounts):
        return Tables(carryover=CarryoverTable(lines=[CarryoverLine(name="某项目", amounts=record)]))
    raise AssertionError(type(record))


def _doc(identity: Identity, total: str, *, drop_part: bool = False) -> BudgetDisclosure:
    parts = {name: "1.00" for name in identity.parts}
    if drop_part:
        parts.pop(identity.parts[-1])
    values = {**parts, identity.total: total}
    if identity.total != "total":
        values["total"] = "0"  # the record's own total is required; other identities stay inapplicable
    return BudgetDisclosure(department="示例局", fiscal_year=2024, tables=_tables(_record_of(identity)(**values)))


def _findings(identity: Identity, total: str, **kwargs: Any) -> list[Any]:
    report = validate(_doc(identity, total, **kwargs), rules=[identity.rule])
    return [f for f in report.findings if f.locations and f.locations[0].column == identity.total]


IDS = [f"{i.rule}:{_record_of(i).__name__}.{i.total}={'+'.join(i.parts)}" for i in IDENTITIES]


@pytest.mark.parametrize("identity", IDENTITIES, ids=IDS)
def test_identity_holding_exactly_gives_nothing(identity: Identity) -> None:
    assert _findings(identity, f"{len(identity.parts)}.00") == []


@pytest.mark.parametrize("identity", IDENTITIES, ids=IDS)
def test_identity_broken_is_an_error(identity: Identity) -> None:
    found = _findings(identity, f"{len(identity.parts) + 1}.00")
    assert [f.severity for f in found] == [Severity.ERROR]
    assert found[0].expected == Decimal(f"{len(identity.parts)}.00")


@pytest.mark.parametrize("identity", IDENTITIES, ids=IDS)
def test_identity_off_by_a_cent_is_rounding(identity: Identity) -> None:
    # n ≥ 2 parts printed to the cent can be off by up to n × 0.005 ≥ 0.01 in total.
    found = _findings(identity, f"{len(identity.parts)}.01")
    assert [f.severity for f in found] == [Severity.INFO]


@pytest.mark.parametrize("identity", IDENTITIES, ids=IDS)
def test_identity_with_an_absent_part_holds_over_the_parts_printed(identity: Identity) -> None:
    # A column the template does not print is not a part: the total is the sum of the parts printed,
    # and a single printed part says nothing (a template printing 合计 and 项目支出 only).
    found = _findings(identity, "99.00", drop_part=True)
    if len(identity.parts) == 2:
        assert found == []
    else:
        assert [f.severity for f in found] == [Severity.ERROR]
        assert found[0].expected == Decimal(f"{len(identity.parts) - 1}.00")


def test_identities_follow_from_the_columns_printed() -> None:
    printed = ["total", "fiscal", "business_income", "operating_income", "other_income"]  # Shanghai revenue
    assert [(i.rule, i.total, i.parts) for i in identities(SourceAmounts, printed)] == [
        ("ROW-004", "total", ("fiscal", "business_income", "operating_income", "other_income"))]
    jiangsu = ["total", "basic", "project", "reserve", "next_year_carryover"]  # 支出预算总表
    assert [(i.total, i.parts) for i in identities(ExpenditureAmounts, jiangsu)] == [
        ("total", ("basic", "project", "reserve", "next_year_carryover"))]
