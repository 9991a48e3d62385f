"""Completeness (完整性): the tables a disclosure must print and announces are there, under the numbers
its table of contents (目录) gives them, and what is said to be empty or absent is empty.

A table the reader found but could not read (recorded in ``doc.incomplete``, its problem reported
with the reading) counts as printed: it is neither missing nor unannounced here. Where a table's
title is worded so that the reader may not have recognised it, the 目录's wording decides in the
document's favour: a table the 目录 lists only in such words is not demanded, nor called missing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.model import (
    TABLE_TITLES,
    BudgetDisclosure,
    FiscalLine,
    Row,
    SummaryLine,
    SummaryRole,
    Table,
    ThreePublicTable,
)
from cnbudget.model.fields import zh_label
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.completeness_budgets import (
    TABLE_BUDGET,
    Amount,
    budget_amounts,
    named_budgets,
    nonzero_budget_amounts,
    printed_amounts,
    prints_column,
)
from cnbudget.validation.rules.completeness_claims import NoneClaim, none_claims
from cnbudget.validation.rules.completeness_contents import Announcement, announcements, printed, table_number

__all__ = ["CORE_TABLES", "TEMPLATES", "Template", "template_of"]

#: The tables every 部门预算公开 must print, with an empty table and a statement where there is
#: nothing to show (《地方预决算公开操作规程》: 部门收支总表, 部门收入总表, 部门支出总表, 财政拨款收支
#: 总表, 一般公共预算支出表, 一般公共预算基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表).
CORE_TABLES = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic",
               "three_public", "gov_fund")

# A document is judged as a whole only when most of the core tables were found in it; fewer means a
# fragment, or titles worded so that the reader did not recognise them.
_WHOLE = 5

_PERFORMANCE_TITLES = {
    "department_target": "部门整体绩效目标表",
    "project_target": "项目支出绩效目标表",
    "project_targets_summary": "项目绩效目标汇总表",
}


@attrs.frozen(kw_only=True)
class Template:
    """A family of disclosures (公开模板): the tables that mark it and the tables it prints besides
    the core. A document is of the family when it prints (or announces) two of the marks.

    >>> [(t.name, t.extras) for t in TEMPLATES][1]
    ('河南模板', ('economic_summary', 'projects'))
    """

    name: str
    marks: tuple[str, ...]
    extras: tuple[str, ...]


#: The template families: the 11-table template (上年结转结余情况明细表 is recent, so not demanded) and
#: the Henan template.
TEMPLATES = (
    Template(name="十一张表模板", marks=("general_budget_projects", "soe_capital", "carryover"),
             extras=("general_budget_projects", "soe_capital")),
    Template(name="河南模板", marks=("economic_summary", "projects", "project_type_columns"),
             extras=("economic_summary", "projects")),
)


def _announced(ctx: Context) -> Sequence[Announcement]:
    """The tables the 目录 announces (:func:`announcements`): read once per run, for the five rules that
    ask."""
    return ctx.cache.get("announcements", lambda: tuple(announcements(ctx.doc.contents)))


def _marks(doc: BudgetDisclosure, announced: Sequence[Announcement]) -> set[str]:
    marks = printed(doc) | {a.key for a in announced}
    for _, table in doc.tables.present():
        if prints_column(table, ("project_operating", "project_specific")):
            marks.add("project_type_columns")  # 项目支出 split into 其他运转类 and 特定目标类
            break
    return marks


def template_of(doc: BudgetDisclosure, announced: Sequence[Announcement] | None = None) -> Template | None:
    """The template family the document's tables show, or ``None`` when they show none or both;
    ``announced``: what its 目录 announces, where already read.

    >>> from cnbudget.model import Tables, EconomicSummaryTable, ProjectTable
    >>> doc = BudgetDisclosure(department="示例局", fiscal_year=2024,
    ...                        tables=Tables(economic_summary=EconomicSummaryTable(), projects=ProjectTable()))
    >>> template_of(doc).name
    '河南模板'
    """
    marks = _marks(doc, announcements(doc.contents) if announced is None else announced)
    found = [t for t in TEMPLATES if len(marks.intersection(t.marks)) >= 2]
    return found[0] if len(found) == 1 else None


def _title(key: str) -> str:
    return TABLE_TITLES.get(key) or _PERFORMANCE_TITLES.get(key, key)


def _shown(amounts: list[Amount]) -> str:
    named = [f"{a.row}{' ' if a.label == a.row else f'（{a.label}栏）'}{figure(a.value)}" for a in amounts[:3]]
    return "、".join(named) + ("等" if len(amounts) > 3 else "")


# --- the table of contents ---------------------------------------------------------------------------


@rule("COMP-001", "目录所列的表都已公开", requires=("contents",), en="Every table listed in the contents is published")
def announced_tables_are_printed(ctx: Context) -> Iterator[Finding]:
    """Every table or form the document's table of contents (目录) announces is printed in it. Only
    entries worded as the reader recognises titles are held to this: a table listed in other words
    may be printed under a title not recognised. Where the text says its tables are published in a
    file of their own (公开表附后) and prints none, READ-002 says so instead."""
    if ctx.doc.tables_elsewhere is not None and not ctx.doc.tables.present():
        return
    present = printed(ctx.doc)
    for announced in _announced(ctx):
        if announced.strict and announced.key not in present:
            yield ctx.finding(f"目录列有“{announced.entry}”，但文件中没有这张表", [Location(table=announced.key)])


@rule("COMP-002", "公开的表都列入目录", severity=Severity.WARNING, requires=("contents",),
      en="Every published table is listed in the contents")
def printed_tables_are_announced(ctx: Context) -> Iterator[Finding]:
    """Every standard table the document prints is announced in its table of contents, where the
    table of contents lists tables at all. (Performance-target forms are often appended after it.)"""
    listed = {a.key for a in _announced(ctx)}
    if not listed.intersection(TABLE_TITLES):
        return
    present = printed(ctx.doc)
    for key in TABLE_TITLES:
        if key in present and key not in listed:
            yield ctx.finding(f"文件公开了{ctx.table_name(key)}，但目录中没有列出", [Location(table=key)])


# --- the tables a disclosure must print ----------------------------------------------------------------


def _unlisted_missing(doc: BudgetDisclosure, keys: tuple[str, ...], announced: Sequence[Announcement]) -> list[str]:
    """The keys neither printed nor listed in the 目录 (a listed one is COMP-001's, or may be printed
    under a title the reader did not recognise), for a document found whole."""
    present = printed(doc)
    if len(present.intersection(CORE_TABLES)) < _WHOLE:
        return []
    listed = {a.key for a in announced}
    return [key for key in keys if key not in present and key not in listed]


def _unsure(doc: BudgetDisclosure) -> Severity | None:
    """A warning, not an error, where a table was found but not read: the text of a table whose title
    was not recognised is read as part of the table before it, so that table may be the one missing."""
    return Severity.WARNING if set(doc.incomplete) & set(TABLE_TITLES) else None


@rule("COMP-003", "公开了必须公开的八张表", en="The eight required tables are published")
def core_tables_are_printed(ctx: Context) -> Iterator[Finding]:
    """A disclosure prints the eight tables every template must (收支总表, 收入总表, 支出总表, 财政拨款
    收支总表, 一般公共预算支出表, 一般公共预算基本支出表, “三公”经费支出表, 政府性基金预算支出表),
    as an empty table with a statement where there is nothing to show. Judged only for a document of
    which at least five of them were found, so that a fragment is not judged as a whole; a warning
    only where some table could not be read (the missing one may be hidden in it)."""
    for key in _unlisted_missing(ctx.doc, CORE_TABLES, _announced(ctx)):
        yield ctx.finding(f"文件没有公开{_title(key)}（必须公开的表；没有数据时也应公开空表并加以说明）",
                          [Location(table=key)], severity=_unsure(ctx.doc))


# --- empty tables -------------------------------------------------------------------------------------


_ITSELF = re.compile(r"(?:此|本|该)表(?:为空表|无数据)")


def _table_budget(key: str, table: Table) -> str | None:
    """The one budget a table prints: by its kind, or as its title says (一般公共预算“三公”经费支出情况表)."""
    titled = named_budgets(table.title or "")
    return TABLE_BUDGET.get(key) or (next(iter(titled)) if len(titled) == 1 else None)


# The "三公" items a statement may say are empty on their own (“无因公出国（境）费支出预算”).
_THREE_PUBLIC_ITEMS = (("因公出国", "overseas_travel"), ("公务接待", "reception"), ("购置及运行", "vehicles"),
                       ("购置", "vehicle_purchase"), ("运行", "vehicle_operation"))


def _said_empty(key: str, table: Table, statement: str) -> list[Amount]:
    """The amounts an empty-table statement speaks of: the whole table, or where it names another
    budget than the table's, that budget's columns (none where the table does not print them apart);
    of the "三公" table, only the items it names where it does not speak of “三公” as a whole."""
    budgets = named_budgets(statement)
    if not budgets or _ITSELF.search(statement) or _table_budget(key, table) in budgets:
        amounts = list(printed_amounts(table))
    else:
        amounts = [a for budget in sorted(budgets) for a in budget_amounts(table, budget) or ()]
    if isinstance(table, ThreePublicTable) and "三公" not in statement and not _ITSELF.search(statement):
        fields = attrs.fields_dict(ThreePublicTable)
        items = {zh_label(fields[item]) for words, item in _THREE_PUBLIC_ITEMS if words in statement}
        amounts = [a for a in amounts if a.row in items] if items else amounts
    return amounts


@rule("COMP-004", "空表说明与表中数字一致", en="An empty-table statement agrees with the table's figures")
def empty_tables_are_empty(ctx: Context) -> Iterator[Finding]:
    """A table that carries a statement that it is empty (“……为空表”, “没有使用……安排的支出”) prints
    no amount other than zero; where the statement names a budget the table prints beside others
    (the "三公" table's 政府性基金 column), that budget's amounts are zero, and where it names "三公"
    items only (“无因公出国（境）费支出预算”), those items' amounts."""
    for key, table in ctx.doc.tables.present():
        if table.empty_statement is None:
            continue
        amounts = _said_empty(key, table, table.empty_statement)
        nonzero = [a for a in amounts if a.value]
        if nonzero:
            yield ctx.finding(f"{ctx.table_name(key)}说明“{table.empty_statement}”，但表中列有金额：{_shown(nonzero)}",
                              [Location(table=key, column=nonzero[0].column)], expected=Decimal(0),
                              actual=nonzero[0].value)


@rule("COMP-005", "无数据的表应说明为空表", severity=Severity.INFO, en="A table without figures says it is empty")
def zero_tables_say_so(ctx: Context) -> Iterator[Finding]:
    """A table printed with only zero or blank amounts says that it is empty (“……为空表”, with the
    reason). A convention only: worth knowing, not a mistake in the figures."""
    for key, table in ctx.doc.tables.present():
        if table.empty_statement is not None or key in ctx.doc.incomplete:
            continue
        if not any(a.value for a in printed_amounts(table)):
            yield ctx.finding(f"{ctx.table_name(key)}没有非零金额，但没有说明本表为空表及其原因", [Location(table=key)])


# --- the template's other tables and the numbers of the 目录 ---------------------------------------


@rule("COMP-006", "公开了所用模板的其他表", severity=Severity.WARNING, en="The template's other tables are published")
def template_tables_are_printed(ctx: Context) -> Iterator[Finding]:
    """A document of a known template family prints the tables that family has besides the core: the
    11-table template (marked by two of 一般公共预算项目支出情况表, 国有资本经营预算支出情况表, 上年结转
    结余情况明细表) prints 一般公共预算项目支出情况表 and 国有资本经营预算支出情况表; the Henan template
    (marked by two of 支出经济分类汇总表, 项目支出表, 项目支出 split into 其他运转类/特定目标类) prints
    支出经济分类汇总表 and 项目支出表."""
    template = template_of(ctx.doc, _announced(ctx))
    if template is None:
        return
    for key in _unlisted_missing(ctx.doc, template.extras, _announced(ctx)):
        yield ctx.finding(f"文件属{template.name}，但没有公开{_title(key)}", [Location(table=key)])


def _numbered(doc: BudgetDisclosure, announced: Sequence[Announcement]) -> list[tuple[Announcement, Table, int, int]]:
    """The announced tables printed with a number: (entry, table, number listed, number printed)."""
    found = []
    for entry in announced:
        table = getattr(doc.tables, entry.key, None)
        number = table_number(table.number) if isinstance(table, Table) else None
        if isinstance(table, Table) and entry.number is not None and number is not None:
            found.append((entry, table, entry.number, number))
    return found


@rule("COMP-007", "目录编号与表号一致", severity=Severity.WARNING, requires=("contents",),
      en="Contents numbering matches the table numbers")
def contents_numbers_match(ctx: Context) -> Iterator[Finding]:
    """A table printed with a number (表 N) has the number its entry in the table of contents gives it
    (N、…), where both are printed. A 目录 that numbers every table alike but differently (its
    entries counting on from the sections before them) is a way of numbering, not a mismatch."""
    numbered = _numbered(ctx.doc, _announced(ctx))
    offsets = Counter(number - listed for _, _, listed, number in numbered)
    usual = max(offsets, key=lambda offset: (offsets[offset], offset == 0), default=0)
    for announced, table, listed, number in numbered:
        if number - listed != usual:
            yield ctx.finding(f"目录中“{announced.entry}”编号为 {listed}，文件中这张表印为“{table.number}”",
                              [Location(table=announced.key)], expected=Decimal(listed + usual),
                              actual=Decimal(number))


# --- what the text says is not there ----------------------------------------------------------------


def _printed_nonzero(ctx: Context, key: str, table: Table) -> list[Amount]:
    """The nonzero :func:`printed_amounts` of a table, written out once per run: each claim looks at
    the same tables, and only what is not zero contradicts it."""
    return ctx.cache.get("nonzero printed amounts", lambda: list(printed_amounts(table, nonzero=True)), table=key)


def _budget_nonzero(ctx: Context, key: str, table: Table, budget: str) -> list[Amount]:
    """:func:`nonzero_budget_amounts` of a table, written out once per run."""
    return ctx.cache.get(("nonzero budget amounts", budget), lambda: nonzero_budget_amounts(table, budget),
                         table=key)


def _contradicting(ctx: Context, claim: NoneClaim) -> Iterator[tuple[str, list[Amount]]]:
    """``(table key, nonzero amounts)`` for each table that prints what the claim says is not there."""
    tables = ctx.doc.tables
    places: list[tuple[str, str | None]] = []  # (table key, side to look at; None: the whole table)
    if "revenue" in claim.sides:
        places += [("summary", "revenue"), ("fiscal_summary", "revenue"), ("revenue", "revenue")]
    if "expenditure" in claim.sides:
        places += [(claim.budget, None), ("fiscal_summary", "expenditure"), ("economic_summary", "expenditure"),
                   ("projects", "expenditure")]
    for key, side in places:
        table = getattr(tables, key)
        if table is None:
            continue
        nonzero = _printed_nonzero(ctx, key, table) if side is None else [
            a for a in _budget_nonzero(ctx, key, table, claim.budget) if a.side == side]
        if nonzero:
            yield key, nonzero


@rule("COMP-008", "说明中“没有”的预算在表中也没有", requires=("statements",),
      en="A budget the text says is absent is absent from the tables")
def absent_budgets_are_absent(ctx: Context) -> Iterator[Finding]:
    """Where the text says a budget has nothing (“政府性基金预算未安排”, “国有资本经营预算 0.00 万元”:
    this year's appropriation; “没有使用政府性基金预算拨款安排的支出”: its spending; “无政府性基金收支
    预算”: both), the tables print nothing for it: its lines and columns of 收支总体情况表, 财政拨款收支
    总体情况表 and 收入总体情况表 (appropriation), its own expenditure table and its columns of the
    财政拨款 and source-split expenditure tables (spending). Statements about a budget's transfer
    payments, "三公" spending or carried-over funds only are not claims about the whole budget."""
    for claim in none_claims(ctx.doc.statements):
        found = list(_contradicting(ctx, claim))
        if not found:
            continue
        section = f"“{claim.statement.section}”中" if claim.statement.section else ""
        shown = "；".join(f"{ctx.table_name(key)}列有{_shown(nonzero)}" for key, nonzero in found)
        places = [Location(table=key, column=nonzero[0].column) for key, nonzero in found]
        yield ctx.finding(f"说明{section}称“{claim.words}”，但{shown}", [*places, Location(table="statements")],
                          expected=Decimal(0), actual=found[0][1][0].value)


# --- lines left over from the template ---------------------------------------------------------------


def _function_lines(table: Table) -> list[SummaryLine | FiscalLine]:
    return [line for line in getattr(table, "expenditure", ()) if line.role is SummaryRole.FUNCTION]


def _line_amounts(line: Row) -> list[Decimal]:
    record = getattr(line, "amounts", None)
    values = [value for _, value in record.columns()] if record is not None else []
    return values or [getattr(line, "amount", Decimal(0))]


@rule("COMP-009", "收支总表只列有金额的类（模板残留）", severity=Severity.WARNING,
      en="The summary lists only categories with amounts (template leftovers)")
def no_leftover_lines(ctx: Context) -> Iterator[Finding]:
    """A two-sided summary table (收支总表, 财政拨款收支总表) that lists the function 类 of its own
    spending, not the template's whole list, prints no 类 line with nothing in it: such a line is a
    leftover of the template (一、一般公共服务支出 printed blank among three 类 with amounts). A table
    that lists every 类 with most of them blank (the Jiangsu 收支预算总表) is the template's list, not
    a leftover: judged only where the 类 with amounts outnumber the blank ones."""
    for key in ("summary", "fiscal_summary"):
        table = getattr(ctx.doc.tables, key)
        lines = _function_lines(table) if table is not None else []
        blank = [line for line in lines if not any(_line_amounts(line))]
        if blank and len(lines) - len(blank) > len(blank):
            names = "、".join("".join(line.name.split()) for line in blank)
            yield ctx.finding(f"{ctx.table_name(key)}列出的各类支出中，“{names}”没有任何金额，当为模板残留的行",
                              [Location(table=key, code=str(line.code) if line.code else None) for line in blank])
