"""Checking is linear in the size of the document: synthetic disclosures of doubling size.

Each disclosure has agencies × (类/款/项) rows in the function-coded tables and economic rows in the
基本支出 table. Each table adds up; the two tables' 基本支出 totals disagree, so one cross-table
finding is expected. Its codes and names are synthetic, so the catalogue rules report each distinct
code and name once and the completeness rule the tables it lacks: the number of findings stays the
same at every size. The time per row should stay flat once the fixed costs are shared out.
Run: python benchmarks/bench_validate.py
"""

from __future__ import annotations

import time
from decimal import Decimal

from cnbudget import validate
from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    EconomicLine,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    Tables,
)

SECTIONS = [f"210{k:02d}" for k in range(1, 20)]


def function_lines(agencies: int) -> list[FunctionLine]:
    lines: list[FunctionLine] = []
    for a in range(agencies):
        agency = f"单位{a:04d}"
        items = [(f"{section}{i:02d}", Decimal(f"{(a + i) % 97 + 1}.25")) for section in SECTIONS for i in (1, 2, 99)]
        total = sum((amount for _, amount in items), Decimal(0))
        lines.append(FunctionLine(agency=agency, name=agency, amounts=ExpenditureAmounts(total=total, basic=total,
                                                                                         project=Decimal(0))))
        lines.append(FunctionLine(agency=agency, code=FunctionCode("210"), name="卫生健康支出",
                                  amounts=ExpenditureAmounts(total=total, basic=total, project=Decimal(0))))
        for section in SECTIONS:
            section_items = [(c, v) for c, v in items if c.startswith(section)]
            subtotal = sum((v for _, v in section_items), Decimal(0))
            lines.append(FunctionLine(agency=agency, code=FunctionCode(section), name="款",
                                      amounts=ExpenditureAmounts(total=subtotal, basic=subtotal, project=Decimal(0))))
            for code, amount in section_items:
                lines.append(FunctionLine(agency=agency, code=FunctionCode(code), name="项",
                                          amounts=ExpenditureAmounts(total=amount, basic=amount, project=Decimal(0))))
    return lines


def economic_lines(agencies: int) -> list[EconomicLine]:
    lines = []
    for a in range(agencies):
        for k in range(1, 30):
            amount = Decimal(f"{k}.{a % 100:02d}")
            lines.append(EconomicLine(agency=f"单位{a:04d}", code=EconomicCode(f"301{k:02d}"), name="款",
                                      amounts=BasicAmounts(total=amount, personnel=amount, public=Decimal(0))))
    return lines


def disclosure(agencies: int) -> BudgetDisclosure:
    function = ExpenditureTable(lines=function_lines(agencies))
    return BudgetDisclosure(
        department="基准部门", fiscal_year=2024,
        tables=Tables(expenditure=function, general_budget=function,
                      general_budget_basic=BasicExpenditureTable(lines=economic_lines(agencies))),
    )


def main() -> None:
    print(f"{'agencies':>9} {'rows':>8} {'findings':>9} {'seconds':>9} {'µs/row':>8}")
    for agencies in (5, 10, 20, 40, 80):
        doc = disclosure(agencies)
        rows = sum(1 for _, table in doc.tables.present() for _ in table.rows())
        start = time.perf_counter()
        report = validate(doc)
        elapsed = time.perf_counter() - start
        print(f"{agencies:>9} {rows:>8} {len(report.findings):>9} {elapsed:>9.3f} {elapsed / rows * 1e6:>8.1f}")


if __name__ == "__main__":
    main()
