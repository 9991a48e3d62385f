"""Reading rules (READ): what the reader could not read is not checked, and the report says so.

A check speaks only for what was read. Each table the document prints but the reader could not
read, each table read only in part, and tables published in a file of their own are findings, so
that no report ends in "no findings" for a document it did not check.
"""

from __future__ import annotations

from collections.abc import Iterator

from cnbudget.model import TABLE_TITLES
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule

__all__: list[str] = []


@rule("READ-001", "表格未能读取，未作检查", en="Table not read, not checked")
def unread_tables(ctx: Context) -> Iterator[Finding]:
    """Every table the document prints was read. A table found but not read (its columns not
    understood, its text garbled) is an error of its own: none of its identities was checked."""
    for table in ctx.doc.unread:
        where = f"第 {table.line} 行" if table.line is not None else "文件中"
        yield ctx.finding(f"{where}的表“{table.title or TABLE_TITLES.get(table.key, table.key)}”未能读取，"
                          f"未作检查（{table.reason}）", [Location(table=table.key)])


@rule("READ-002", "表格另行公开，未随本文件检查", severity=Severity.WARNING,
      en="Tables published separately, not checked with this file")
def tables_published_elsewhere(ctx: Context) -> Iterator[Finding]:
    """A text that says its tables are published in a file of their own (公开表附后) and prints none
    was checked without its tables; check the text and the tables together (``cnbudget check TEXT
    TABLES --together``)."""
    if ctx.doc.tables_elsewhere is not None and not ctx.doc.tables.present():
        yield ctx.finding(f"文件说明“{ctx.doc.tables_elsewhere}”，本文件不含表格，表格未作检查；"
                          "请将说明与公开表一同检查（cnbudget check 文本 公开表 --together）")


@rule("READ-003", "表格部分未能读取，相关检查未运行", severity=Severity.WARNING,
      en="Table partly not read; its checks not run")
def tables_read_in_part(ctx: Context) -> Iterator[Finding]:
    """A table read with rows left out cannot be summed: the rules that add up its rows do not run
    on it, and this finding says so."""
    unread = {table.key for table in ctx.doc.unread}  # not read at all: READ-001 says so
    for key in ctx.doc.incomplete:
        if key in TABLE_TITLES and key not in unread:
            yield ctx.finding(f"{ctx.table_name(key)}有行未能读取，对该表的加总与核对未运行", [Location(table=key)])


@rule("READ-005", "未收录种类的表，未作检查", severity=Severity.WARNING, en="Table of a kind not modelled, not checked")
def tables_of_other_kinds(ctx: Context) -> Iterator[Finding]:
    """A table of a kind the library does not hold (政府购买服务预算表, 财政专户管理资金支出表 …), or
    whose title it does not recognise, is printed but not checked: a warning names it, so that the
    report does not pass it over in silence."""
    for table in ctx.doc.other_tables:
        where = f"第 {table.line} 行" if table.line is not None else "文件中"
        yield ctx.finding(f"{where}的表“{table.title}”不属于本库收录的表格种类（或其标题未能识别），未作检查")


@rule("READ-006", "分页处一段行的数字错栏", severity=Severity.WARNING, en="Rows shifted one column at a page break")
def rows_shifted_at_a_break(ctx: Context) -> Iterator[Finding]:
    """A run of rows of one table (the rows between two breaks in the printed lines, such as a page
    break) prints its figures, from one column on, one column off the other rows, and moving them
    back makes every broken sum of the table, and its agreement with the other tables, hold: one
    warning names the rows and columns and lists the findings it accounts for, which are not
    reported on their own. Most often the text extraction lost or added an empty column at the page
    break; the published document settles it. Reported by the engine after the other rules have run
    (:mod:`cnbudget.validation.diagnoses`), since it needs their findings: this function itself finds
    nothing."""
    return iter(())


@rule("READ-004", "未读到任何表格", en="No table read")
def nothing_read(ctx: Context) -> Iterator[Finding]:
    """A budget disclosure prints its standard tables. A document of which no table was read, none
    was found unreadable and none is said to be published elsewhere, was not checked at all."""
    doc = ctx.doc
    if not doc.tables.present() and not doc.unread and doc.tables_elsewhere is None:
        yield ctx.finding("文件中没有读到任何标准表格，未作表格检查（文本可能不是部门预算公开文件，或其表格未能识别）")
