"""Vehicles and their running costs (公务用车与运行维护费): a department that holds no vehicle has no
vehicle to run.

This rule belongs to the NARR family; :mod:`cnbudget.validation.rules` registers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.model import Assets
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure
from cnbudget.validation.rules.narrative_statements import Topic, placed_in, stated

__all__: list[str] = []

# 公务用车运行（维护）费, also written 公务车运行费 or 公务车用车运行费; not 购置及运行费.
_RUNNING = re.compile(r"公务(?:用)?车(?:用车)?运行(?:维护)?费")


def _vehicles_held(assets: Assets) -> int | None:
    """How many vehicles the department holds: the stated count, else the sum of the kinds listed
    (where every kind states its count)."""
    if assets.vehicle_count is not None:
        return assets.vehicle_count
    counts = [group.count for group in assets.vehicles]
    if not counts or any(count is None for count in counts):
        return None
    return sum(count for count in counts if count is not None)


def _running_costs(ctx: Context) -> Figure | None:
    """This year's 公务用车运行维护费: the "三公" table's, else as the text on the "三公" states it."""
    table = ctx.doc.tables.three_public
    if table is not None and table.vehicle_operation is not None:
        return Figure(label=f"{ctx.table_name('three_public')}“公务用车运行维护费”",
                      parts=(table.vehicle_operation.total,),
                      location=Location(table="three_public", column="vehicle_operation"))
    for item in placed_in(ctx):
        amount = item.statement.amount
        if (amount is not None and item.topic is Topic.THREE_PUBLIC and not item.past
                and _RUNNING.search(item.subject) and "购置" not in item.subject):
            return stated(item.statement, amount, label=f"说明的“{item.statement.subject}”")
    return None


def _buying(ctx: Context) -> bool:
    """Whether the "三公" table buys a vehicle this year (its running costs would then be the new one's)."""
    table = ctx.doc.tables.three_public
    return table is not None and table.vehicle_purchase is not None and table.vehicle_purchase.total > 0


@rule("NARR-012", "没有公务用车却安排公务用车运行维护费", severity=Severity.WARNING, requires=("other_matters",),
      en="Vehicle running costs budgeted where no vehicle is held")
def no_running_costs_without_vehicles(ctx: Context) -> Iterator[Finding]:
    """公务用车运行维护费 pays for running the vehicles a department holds. Where 其他重要事项 says it
    holds none (车辆 0 辆, or every kind of vehicle 0), the "三公" table (or, where that table is not
    read, the text on the "三公") budgets no 公务用车运行维护费: an amount above zero is a warning — the
    vehicle count or the cost is wrong, or the cost pays for vehicles that are not the department's
    (hired cars belong under 租赁费 or 其他交通费用). A vehicle bought this year (公务用车购置费 above
    zero) may be run this year, and is not judged."""
    matters = ctx.doc.other_matters
    assets = matters.assets if matters is not None else None
    held = _vehicles_held(assets) if assets is not None else None
    costs = _running_costs(ctx)
    if held != 0 or costs is None or costs.value <= Decimal(0) or _buying(ctx):
        return
    as_of = f"（{assets.as_of}）" if assets is not None and assets.as_of else ""
    yield ctx.finding(f"其他重要事项说明本部门车辆 0 辆{as_of}，{costs.label}却为 {figure(costs.value)}："
                      f"没有公务用车，不应安排公务用车运行维护费",
                      [Location(table="other_matters", column="assets"), costs.location], actual=costs.value)
