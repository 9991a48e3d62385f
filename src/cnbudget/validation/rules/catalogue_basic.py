"""Subjects of basic expenditure (基本支出科目): 行政运行 and 事业运行 pay for running an agency, so
project spending booked under them is suspect.

This rule belongs to the CAT family; :mod:`cnbudget.validation.rules` registers it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.codes import FunctionCode
from cnbudget.model import EconomicCategoryAmounts, ExpenditureAmounts, Row
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.narrative_statements import plain
from cnbudget.validation.tables import location, table_rows

__all__ = ["BASIC_SUBJECTS"]

#: The 项 whose money is basic expenditure by definition: 行政运行 (项 01) and 事业运行 (项 50) of
#: every 款 (2010101 行政运行, 2101550 事业运行 …). Data: a template that names them otherwise adds here.
BASIC_SUBJECTS: frozenset[str] = frozenset({"行政运行", "事业运行"})


def _subject_name(ctx: Context, code: FunctionCode, printed: str | None) -> str:
    """The subject's name in the catalogue of the year, else as printed."""
    subject = ctx.catalog.get(code) if ctx.catalog is not None else None
    return subject.name if subject is not None else plain(printed)


def _project_amount(amounts: object) -> Decimal | None:
    """The project spending a row prints: 项目支出 of a function table, the whole row of the
    project table (一般公共预算项目支出情况表 holds projects only)."""
    if isinstance(amounts, ExpenditureAmounts):
        return amounts.project
    if isinstance(amounts, EconomicCategoryAmounts):
        return amounts.total
    return None


@rule("CAT-006", "项目支出列在基本支出科目（行政运行、事业运行）", severity=Severity.WARNING,
      en="Project spending booked under a basic-expenditure subject (行政运行, 事业运行)")
def no_projects_under_running_costs(ctx: Context) -> Iterator[Finding]:
    """行政运行 (项 01) and 事业运行 (项 50) are the subjects of an agency's running costs, which are
    basic expenditure (基本支出); project spending (项目支出) belongs under the subject of what the
    project does (一般行政管理事务 02, or the 项 of its purpose). A function-coded row of one of them
    with 项目支出 above zero (支出总体情况表, 一般公共预算支出情况表 …), or a row of
    一般公共预算项目支出情况表 under one of them, is reported: one finding for each such code, naming
    every table that prints it. A warning, not an error: some provinces allow projects for running
    an agency (公用经费 projects, 运转类项目) under 行政运行, so the choice of subject may be the
    province's; the finding asks for it to be confirmed. Subjects are known by their name in the
    catalogue of the document's year (the printed name where the catalogue lacks the code)."""
    found: dict[FunctionCode, list[tuple[str, Row, Decimal]]] = defaultdict(list)
    for key, table in ctx.doc.tables.present():
        for line in table_rows(ctx.cache, key, table):
            code = getattr(line, "code", None)
            if not isinstance(code, FunctionCode) or code.level != 3:  # asked first: most rows stop here
                continue
            amount = _project_amount(getattr(line, "amounts", None))
            if amount is None or amount <= 0:
                continue
            if _subject_name(ctx, code, getattr(line, "name", None)) in BASIC_SUBJECTS:
                found[code].append((key, line, amount))
    for code, rows in found.items():
        name = _subject_name(ctx, code, getattr(rows[0][1], "name", None))
        where = "；".join(f"{ctx.table_name(key)}{figure(amount)}" for key, amount in _by_table(rows).items())
        yield ctx.finding(f"{code} {name}是基本支出科目，却列有项目支出（{where}）；项目支出应列入项目所属的科目"
                          f"（如一般行政管理事务），除非本地规定允许", [location(key, line) for key, line, _ in rows],
                          actual=max(_by_table(rows).values()))


def _by_table(rows: list[tuple[str, Row, Decimal]]) -> dict[str, Decimal]:
    """Each table's project spending under the code: its code row (for each agency), else the sum of
    the projects printed under it."""
    code_rows: dict[tuple[str, str | None], Decimal] = {}
    projects: dict[tuple[str, str | None], Decimal] = defaultdict(Decimal)
    for key, line, amount in rows:
        group = (key, getattr(line, "agency", None))
        if getattr(line, "project", None):
            projects[group] += amount
        else:
            code_rows[group] = code_rows.get(group, Decimal(0)) + amount
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for group in {*code_rows, *projects}:
        totals[group[0]] += code_rows.get(group, projects.get(group, Decimal(0)))
    return dict(sorted(totals.items(), key=lambda item: [key for key, _, _ in rows].index(item[0])))
