"""Completeness (完整性): the tables a disclosure announces and requires are there, and a table said
to be empty is empty.

The document's own table of contents (目录) is read as entries; each entry that names a standard
table is held against the tables printed. A table the reader could not read (recorded in
``doc.incomplete``) is neither missing nor unannounced: it is printed, only not read.
"""

from __future__ import annotations

from collections.abc import Iterator

from cnbudget.model import TABLE_TITLES, AmountRecord, BudgetDisclosure, SummaryLine, ThreePublicTable
from cnbudget.readers.blocks import PERFORMANCE_KEYS, contents_key
from cnbudget.validate.context import Context, figure
from cnbudget.validate.findings import Finding, Location, Severity
from cnbudget.validate.registry import rule

__all__ = ["CORE_TABLES", "announced", "printed"]

#: The tables every 部门预算公开 prints, whatever the province's template (the national minimum:
#: 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表,
#: 一般公共预算“三公”经费支出表, 政府性基金预算支出表).
CORE_TABLES = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic",
               "three_public", "gov_fund")

_PERFORMANCE_TITLES = {
    "department_target": "部门整体绩效目标表",
    "project_target": "项目支出绩效目标表",
    "project_targets_summary": "项目绩效目标汇总表",
}


def announced(doc: BudgetDisclosure) -> dict[str, str]:
    """The tables the 目录 announces: key → the entry as printed (first entry of each key)."""
    found: dict[str, str] = {}
    for entry in doc.contents:
        key = contents_key(entry)
        if key is not None:
            found.setdefault(key, entry)
    return found


def printed(doc: BudgetDisclosure) -> set[str]:
    """The keys of the tables and performance forms the document prints (as read)."""
    keys = {key for key, _ in doc.tables.present()}
    performance = doc.performance
    if performance is not None:
        if performance.department is not None:
            keys.add("department_target")
        if performance.projects:
            keys.update(("project_target", "project_targets_summary"))  # one form or the other
    return keys | set(doc.incomplete) | (set(PERFORMANCE_KEYS) if "performance" in doc.incomplete else set())


def _title(key: str) -> str:
    return TABLE_TITLES.get(key) or _PERFORMANCE_TITLES.get(key, key)


@rule("COMP-001", "目录所列的表都已公开", requires=("contents",))
def announced_tables_are_printed(ctx: Context) -> Iterator[Finding]:
    """Every table the document's table of contents (目录) announces is printed in the document."""
    present = printed(ctx.doc)
    for key, entry in announced(ctx.doc).items():
        if key not in present:
            yield ctx.finding(f"目录列有“{entry}”，但文件中没有这张表", [Location(table=key)])


@rule("COMP-002", "公开的表都列入目录", severity=Severity.WARNING, requires=("contents",))
def printed_tables_are_announced(ctx: Context) -> Iterator[Finding]:
    """Every standard table the document prints is announced in its table of contents, where the
    table of contents lists tables at all."""
    listed = announced(ctx.doc)
    if not listed:
        return
    for key, _ in ctx.doc.tables.present():
        if key not in listed:
            yield ctx.finding(f"文件公开了{ctx.table_name(key)}，但目录中没有列出", [Location(table=key)])


@rule("COMP-003", "公开了必须公开的表", severity=Severity.WARNING)
def core_tables_are_printed(ctx: Context) -> Iterator[Finding]:
    """A disclosure prints the tables every template requires (收支总表, 收入总表, 支出总表, 财政拨款收支
    总表, 一般公共预算支出表, 一般公共预算基本支出表, “三公”经费支出表, 政府性基金预算支出表), printed
    as an empty table with a statement where there is nothing to show. Checked only for a document
    of which at least three of them were read, so that a fragment is not judged as a whole."""
    present = printed(ctx.doc)
    if len(present.intersection(CORE_TABLES)) < 3:
        return
    for key in CORE_TABLES:
        if key not in present:
            yield ctx.finding(f"文件没有公开{_title(key)}（没有数据时也应公开空表并加以说明）", [Location(table=key)])


def _nonzero(table: object) -> list[str]:
    """The amounts (as printed) a table holds that are not zero."""
    if isinstance(table, ThreePublicTable):
        return [figure(v) for _, split in table.items() for _, v in split.columns() if v]
    values = []
    for line in table.rows():  # type: ignore[attr-defined]
        if isinstance(line, SummaryLine):
            values.append(line.amount)
            continue
        record = getattr(line, "amounts", None)
        if isinstance(record, AmountRecord):
            values.extend(v for _, v in record.columns())
    return [figure(v) for v in values if v]


@rule("COMP-004", "空表说明与表中数字一致")
def empty_tables_are_empty(ctx: Context) -> Iterator[Finding]:
    """A table that carries a statement that it is empty (“……为空表”) prints no amount other than
    zero."""
    for key, table in ctx.doc.tables.present():
        if getattr(table, "empty_statement", None) is None:
            continue
        amounts = _nonzero(table)
        if amounts:
            shown = "、".join(amounts[:5]) + ("等" if len(amounts) > 5 else "")
            yield ctx.finding(f"{ctx.table_name(key)}说明本表为空表，但表中列有金额 {shown}", [Location(table=key)])
