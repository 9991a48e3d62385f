"""The immutable object model of a budget disclosure (预算公开对象模型).

Everything here is an ``attrs`` frozen, slotted, keyword-only class; collections are tuples; a
changed value is a new object (``attrs.evolve``). See ``docs/model.md`` for a diagram of how the
parts of a document fit together.
"""

from cnbudget.model.amounts import (
    AmountRecord,
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    SourceAmounts,
    SourceSplit,
)
from cnbudget.model.disclosure import FORMAT_VERSION, BudgetDisclosure
from cnbudget.model.facts import FACT_COLUMNS, Fact, facts
from cnbudget.model.fields import zh_label
from cnbudget.model.lines import (
    CarryoverLine,
    EconomicLine,
    EconomicSummaryLine,
    FiscalLine,
    FunctionLine,
    Line,
    ProjectExpenditureLine,
    ProjectLine,
    ProjectType,
    RevenueLine,
    RowKind,
    SummaryLine,
    SummaryRole,
)
from cnbudget.model.matters import Assets, OtherMatters, Procurement, VehicleGroup
from cnbudget.model.narrative import Statement
from cnbudget.model.organisation import Agency, Staffing
from cnbudget.model.performance import (
    DepartmentFunds,
    DepartmentTarget,
    FundsSubtotal,
    Indicator,
    PerformanceTargets,
    ProjectFunds,
    ProjectTarget,
    Task,
)
from cnbudget.model.tables import (
    TABLE_TITLES,
    BasicExpenditureTable,
    CarryoverTable,
    EconomicSummaryTable,
    ExpenditureTable,
    FiscalSummaryTable,
    ProjectExpenditureTable,
    ProjectTable,
    RevenueTable,
    SummaryTable,
    Table,
    Tables,
    ThreePublicTable,
)

__all__ = [
    "FACT_COLUMNS",
    "FORMAT_VERSION",
    "TABLE_TITLES",
    "Agency",
    "AmountRecord",
    "Assets",
    "BasicAmounts",
    "BasicExpenditureTable",
    "BudgetDisclosure",
    "CarryoverAmounts",
    "CarryoverLine",
    "CarryoverTable",
    "DepartmentFunds",
    "DepartmentTarget",
    "EconomicCategoryAmounts",
    "EconomicLine",
    "EconomicSummaryLine",
    "EconomicSummaryTable",
    "ExpenditureAmounts",
    "ExpenditureTable",
    "Fact",
    "FiscalAmounts",
    "FiscalLine",
    "FiscalSummaryTable",
    "FunctionLine",
    "FundsSubtotal",
    "Indicator",
    "Line",
    "OtherMatters",
    "PerformanceTargets",
    "Procurement",
    "ProjectExpenditureLine",
    "ProjectExpenditureTable",
    "ProjectFunds",
    "ProjectLine",
    "ProjectTable",
    "ProjectTarget",
    "ProjectType",
    "RevenueLine",
    "RevenueTable",
    "RowKind",
    "SourceAmounts",
    "SourceSplit",
    "Staffing",
    "Statement",
    "SummaryLine",
    "SummaryRole",
    "SummaryTable",
    "Table",
    "Tables",
    "Task",
    "ThreePublicTable",
    "VehicleGroup",
    "facts",
    "zh_label",
]
