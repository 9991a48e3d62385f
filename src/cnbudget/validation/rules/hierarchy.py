"""Hierarchy (层级汇总): every printed subtotal is the sum of the printed rows below it.

In every table coded by 支出功能分类 a 类 is the sum of its 款 and a 款 the sum of its 项; an economic
类 (301) is the sum of its 款 (30101 …), in the 部门 and in the 政府 code set; a code row that lists
projects is the sum of those projects; an agency row (单位小计) is the sum of that agency's rows; the
table's 合计 is the sum of its 类 (or of its agencies); the expenditure side of the two-sided summary
tables adds up to its 本年支出合计; the "三公" items add up to their 合计. Each identity is checked in
every column the rows print, rounding-aware (see :mod:`cnbudget.money`); which rows add up to which
is read from the table as printed (:mod:`cnbudget.validation.rules.hierarchy_outline`), so a 款 printed
without its 项, or a table of 类 rows only, is not an error.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain, compress, repeat
from typing import Any, cast

import attrs

from cnbudget.model import (
    AmountRecord,
    FiscalLine,
    FiscalSummaryTable,
    ProcurementLine,
    Row,
    SummaryLine,
    SummaryRole,
    SummaryTable,
)
from cnbudget.model.fields import zh_label
from cnbudget.model.sums import identities
from cnbudget.money import (
    Consistency,
    SummedParts,
    count_comparisons,
    exact_sums,
    exact_total,
    ordinary_operand,
    sum_differs,
    sum_parts,
)
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_sources import source_groups
from cnbudget.validation.rules.hierarchy_outline import CodeOf, Part, Sum, gov_code, main_code, outline
from cnbudget.validation.rules.placement import placed_rows
from cnbudget.validation.run_cache import RunCache
from cnbudget.validation.tables import describe, item_column, location, record_fields, record_values, table_rows

__all__ = ["ECONOMIC_TABLES", "FUNCTION_TABLES", "GROUPED_TABLES", "TWO_SIDED_TABLES", "FailedSum", "checked_sums",
           "failed_sums", "row_figure", "sum_fails"]

#: Tables whose rows carry 支出功能分类 codes.
FUNCTION_TABLES = ("revenue", "expenditure", "general_budget", "general_budget_projects", "gov_fund", "soe_capital",
                   "fiscal_expenditure")
#: Tables whose rows carry 支出经济分类 codes (部门, and 政府 beside it in the Henan template).
ECONOMIC_TABLES = ("general_budget_basic", "economic_summary", "fiscal_basic", "operating_costs")
#: Tables of agencies and projects without codes.
GROUPED_TABLES = ("carryover", "projects")
#: Two-sided tables: their expenditure side lists function 类 (and sometimes 款) lines.
TWO_SIDED_TABLES = ("summary", "fiscal_summary")

_MAX_NAMED = 8  # children a message lists before "等 N 行"

# A row that prints one amount (``amount``): a source of the Jiangsu 收入预算总表, a 政府采购 row.
OneAmountLine = SummaryLine | ProcurementLine


# --- reading rows ---------------------------------------------------------------------------------


def _values(line: Any) -> dict[str, Decimal | None]:
    """Every column of the row by field name; ``None`` where the template does not print it."""
    record = getattr(line, "amounts", None)
    if isinstance(record, AmountRecord):
        return {name: getattr(record, name) for name in _columns(record)}
    return {"amount": line.amount}


def _pairs(line: Any) -> Iterable[tuple[str, Decimal | None]]:
    """``_values(line).items()``, the record's columns read at once, without making a dict."""
    record = getattr(line, "amounts", None)
    if isinstance(record, AmountRecord):
        kind: Any = type(record)
        return zip(record_fields(kind), record_values(kind)(record), strict=True)
    return (("amount", line.amount),)


def _value(line: Any, column: str) -> Decimal | None:
    """``_values(line).get(column)``, without reading the row's other columns."""
    record = getattr(line, "amounts", None)
    if isinstance(record, AmountRecord):
        return getattr(record, column) if column in _columns(record) else None
    return line.amount if column == "amount" else None


def _columns(record: AmountRecord) -> tuple[str, ...]:
    """The field names of an amount record, in order."""
    kind: Any = type(record)  # a class is hashable, whatever its instances' __hash__ says to mypy
    return record_fields(kind)


def _column_zh(line: Row, column: str) -> str:
    record = getattr(line, "amounts", None)
    owner: Any = type(record) if isinstance(record, AmountRecord) else type(line)
    return zh_label(attrs.fields_dict(owner)[column])


def _row_name(line: Row) -> str:
    if getattr(line, "code", None) is None and getattr(line, "gov_code", None) is None and not (
            line.agency or line.agency_code or line.project):
        return "".join(line.name.split()) or "合计行"
    return describe(line)


def _child_name(line: Row, code_of: CodeOf) -> str:
    if line.project is not None:
        return str(line.project)
    code = code_of(line)
    if code is not None:
        return str(code)
    return str(line.agency or line.agency_code or line.name)


def _listing(names: Sequence[str]) -> str:
    shown = "、".join(names[:_MAX_NAMED])
    return shown if len(names) <= _MAX_NAMED else f"{shown}等 {len(names)} 行"


def _child_kind(line: Row, code_of: CodeOf) -> str:
    if line.project is not None:
        return "项目"
    code = code_of(line)
    if code is not None:
        return code.level_zh
    return "单位"


class _Operands:
    """Each row's figure in a column of one table as an operand of an exact sum (a record's amount, or
    else an ordinary operand: :func:`money.ordinary_operand`), ``None`` where the row does not print
    the column or prints a figure the full check must look at:
    read once per column for every sum of the table (a row is a part of one sum and the total of
    another), so that a sum of ordinary figures that holds is answered by adding them alone."""

    def __init__(self, lines: Sequence[Row]) -> None:
        self._lines = lines
        self._by_column: dict[str, list[Decimal | None]] = {}
        records: list[Any] = [getattr(line, "amounts", None) for line in lines]
        kinds = {type(record) for record in records}
        # Where every row holds a record of one kind (the common case), a column is read off the records.
        self._records = records if len(kinds) == 1 and issubclass(kinds.pop(), AmountRecord) else None

    def _read(self, column: str) -> list[Decimal | None]:
        """Each row's figure in ``column`` as an operand (what ``_value`` gives, made an operand)."""
        records = self._records
        if records and column in _columns(records[0]):
            # A record's figures are amounts through the amount gate (finite, at most 20 digits
            # either side of the point): added as they are, they add exactly, as sum_parts adds them.
            return list(map(operator.attrgetter(column), records))
        return [ordinary_operand(_value(line, column)) for line in self._lines]

    def held_columns(self, sums: Sequence[Sum], known: tuple[_Operands, list[int | None]] | None = None
                     ) -> list[int | None]:
        """For each sum, the number of columns its parent prints where, all its rows printing them
        too, it adds up exactly (the comparisons :func:`money.sum_differs` would make and find
        nothing), or ``None`` where some column does not (or the rows are not records of one kind):
        every sum of the table at once, column by column, so that only those ``None`` are checked
        one by one. ``known``: the operands of the same table's rows on another document and these
        sums' answers there; a sum whose rows all hold the same records as there has the same answer."""
        records = self._records
        if not records:
            return [None] * len(sums)
        before = known[0]._records if known is not None else None
        if before is not None and len(before) != len(records):
            before = None
        kind: Any = type(records[0])  # a class is hashable, whatever its instances' __hash__ says to mypy
        names, values_of = record_fields(kind), record_values(kind)
        printed_of: dict[tuple[bool, ...], Callable[[AmountRecord], tuple[Decimal | None, ...]]] = {}
        held: list[int | None] = []
        for number, s in enumerate(sums):
            if before is not None and known is not None and records[s.parent] is before[s.parent] and all(
                    records[i] is before[i] for i in s.children):
                held.append(known[1][number])  # the same records: the same figures, the same answer
                continue
            parent, children = records[s.parent], [records[i] for i in s.children]
            shape = tuple(map(operator.is_not, values_of(parent), repeat(None)))
            printed = printed_of.get(shape)
            if printed is None:
                printed = printed_of[shape] = _figures_in(tuple(compress(names, shape)))
            # The columns the parent prints, all at once, row by row.
            total = printed(parent)
            parts = list(map(printed, children))
            if not total:
                held.append(0)
            elif any(map(operator.is_, chain.from_iterable(parts), repeat(None))):
                held.append(None)  # a row of the sum leaves a column its parent prints blank
            elif (exact_sums(cast(list[tuple[Decimal, ...]], parts)) if parts else [exact_total(())] * len(total)
                  ) == list(total):
                held.append(len(total))
            else:
                held.append(None)
        return held

    def holds(self, column: str, parent: int, children: Sequence[int]) -> bool:
        """Whether the rows ``children`` add up exactly to the row ``parent`` in ``column``, all of
        them operands of an exact sum: where so, :func:`money.sum_differs` would find nothing."""
        operands = self._by_column.get(column)
        if operands is None:
            operands = self._by_column[column] = self._read(column)
        total = operands[parent]
        if total is None:
            return False
        parts = [operands[i] for i in children]
        # Asked by identity: ``None in parts`` would hold each Decimal against None, a slow comparison.
        return not any(map(operator.is_, parts, repeat(None))) and exact_total(cast(list[Decimal], parts)) == total


def _figures_in(columns: tuple[str, ...]) -> Callable[[AmountRecord], tuple[Decimal | None, ...]]:
    """The figures of a record in ``columns``, always as a tuple (one C call per record)."""
    if len(columns) == 1:  # attrgetter of one name gives the value, not a tuple
        return lambda record: (getattr(record, columns[0]),)
    return cast(Callable[[AmountRecord], tuple[Decimal | None, ...]], operator.attrgetter(*columns))


class _Rows:
    """Rows that add up to a parent row, read once for every parent held against them (a table
    may print its 合计 more than once): each column's figures added, and the rows' places."""

    def __init__(self, table: str, lines: Sequence[Row]) -> None:
        self.table, self.lines = table, lines
        self._summed: dict[str, SummedParts | None] = {}
        self._places: dict[str, tuple[Location, ...]] = {}
        self._words: dict[CodeOf, tuple[str, str]] = {}

    def summed(self, column: str) -> SummedParts | None:
        """The rows' figures in ``column`` added; ``None`` where a row does not print the column."""
        if column not in self._summed:
            parts = [_value(line, column) for line in self.lines]
            self._summed[column] = None if any(p is None for p in parts) else sum_parts(
                [p for p in parts if p is not None])
        return self._summed[column]

    def places(self, column: str) -> tuple[Location, ...]:
        """Where the rows print ``column`` (written only for a sum that does not hold)."""
        if column not in self._places:
            self._places[column] = tuple(location(self.table, line, column) for line in self.lines)
        return self._places[column]

    def words(self, code_of: CodeOf) -> tuple[str, str]:
        """The rows named (21011、21015) and their kinds (款、项), as messages list them."""
        if code_of not in self._words:
            self._words[code_of] = (_listing([_child_name(k, code_of) for k in self.lines]),
                                    "、".join(dict.fromkeys(_child_kind(k, code_of) for k in self.lines)))
        return self._words[code_of]


def _identity(s: Sum, lines: Sequence[Row], kids: _Rows, code_of: CodeOf) -> str:
    """The identity in words, naming the rows that should add up (类 = 所属款之和（21011、21015）)."""
    names, kinds = kids.words(code_of)
    if s.part is Part.AGENCY:
        return f"单位小计 = 该单位各行之和（{names}）"
    if s.part is Part.TOTAL:
        return f"合计 = 各{kinds}之和（{names}）"
    if s.part is Part.PROJECTS:
        return f"科目金额 = 所列项目之和（{names}）"
    code = code_of(lines[s.parent])
    assert code is not None
    return f"{code.level_zh} = 所属{kinds}之和（{names}）"


# --- sums that failed, for the diagnosis of shifted rows -------------------------------------------

#: A sum of coded rows that does not hold, with an error, in one column of a table: the table's rows
#: (its own row objects, the parent first) and the column.
FailedSum = tuple[tuple[Row, ...], str]

# Only the sums of coded rows (类, 款, a code over its projects) are noted: which rows they add is
# read from the rows' codes alone (:func:`hierarchy_outline.outline`), never from their figures, so
# the same rows with the same figures in that column fail again on any document that differs in
# other figures only. An agency's or the table's sum may depend on figures (a department row).
_CODED_PARTS = frozenset({Part.CATEGORY, Part.SECTION, Part.PROJECTS})
_FAILED = ("failed coded sums",)
_CHECKED = ("checked coded sums",)
#: A hierarchy rule's check of one table's sums: the rule's id, the table's sums, the parts it checks.
_Checked = tuple[str, Sequence[Sum], frozenset[Part]]


def failed_sums(cache: RunCache, key: str) -> list[FailedSum]:
    """The sums of coded rows of the table ``key`` that the hierarchy rules of the run found not to
    hold (with an error), each in one column; noted on the document checked, not on a rerun with a
    table changed (:meth:`RunCache.with_changed`)."""
    return cache.get(_FAILED, list, table=key)


def checked_sums(cache: RunCache, key: str, table: Any) -> list[tuple[str, tuple[Row, ...]]]:
    """The sums of coded rows of the table ``key`` that each hierarchy rule (by id) checked on the
    run's document, held or not, by their rows (the table's own, the parent first)."""
    rows = table_rows(cache, key, table)
    checked: list[_Checked] = cache.get(_CHECKED, list, table=key)
    return [(rule_id, tuple(rows[i] for i in (s.parent, *s.children)))
            for rule_id, sums, parts in checked for s in sums if s.part in parts]


def row_figure(line: Row, column: str) -> Decimal | None:
    """The figure a row prints in ``column``, as the hierarchy rules read it; ``None`` where it prints none."""
    return _value(line, column)


def sum_fails(total: Decimal | None, parts: Sequence[Decimal | None]) -> bool:
    """Whether a sum of coded rows with these figures in one column is an error, as :func:`_check`
    judges it: the parent and all its rows print the column, and they differ by more than rounding."""
    if total is None or any(part is None for part in parts):
        return False
    result = sum_differs(total, sum_parts(cast(list[Decimal], parts)))
    return result is not None and result.status is Consistency.INCONSISTENT


# --- checking sums ---------------------------------------------------------------------------------


def _check(ctx: Context, table: str, lines: Sequence[Row], s: Sum, kids: _Rows,
           code_of: CodeOf, operands: _Operands, failed: list[FailedSum] | None = None) -> Iterator[Finding]:
    """Hold the parent row of ``s`` against its children (``kids``) in every column all of them print;
    each column that fails with an error is noted in ``failed``, if given."""
    parent = lines[s.parent]
    what = ""  # the identity in words, written once a sum does not hold
    found: list[tuple[str, Finding]] = []
    held = 0  # the comparisons sum_differs would make for the sums that hold, answered without it
    for column, total in _pairs(parent):
        if total is not None and operands.holds(column, s.parent, s.children):
            held += 1
            continue
        parts = kids.summed(column) if total is not None else None
        if total is None or parts is None:
            continue
        result = sum_differs(total, parts)
        if result is None:
            continue  # the message and places are written only for a sum that does not hold
        what = what or _identity(s, lines, kids, code_of)
        where = f"{ctx.table_name(table)} {_row_name(parent)}“{_column_zh(parent, column)}”"
        places = [location(table, parent, column), *kids.places(column)]
        finding = ctx.judge(result, where=where, what=what, locations=places)
        if finding is not None:
            found.append((column, finding))
    count_comparisons(held)
    if failed is not None and found:
        rows = table_rows(ctx.cache, table, getattr(ctx.doc.tables, table))  # the placed rows' originals
        failed.extend((tuple(rows[i] for i in (s.parent, *s.children)), column)
                      for column, finding in found if finding.severity is Severity.ERROR)
    misplaced = _misplaced(ctx, table, parent, what, found)
    if misplaced is None:
        yield from (finding for _, finding in found)
        return
    yield misplaced
    yield from (finding for _, finding in found if finding.severity is not ctx.rule.severity)


def _misplaced(ctx: Context, table: str, parent: Row, what: str,
               found: Sequence[tuple[str, Finding]]) -> Finding | None:
    """One finding for a row whose figures are all there but under other columns (错栏): the columns
    that fail hold, between them, exactly the figures the rows below put in them."""
    errors = [(column, f) for column, f in found if f.severity is ctx.rule.severity]
    if len(errors) < 2:
        return None
    printed = sorted(f.actual for _, f in errors if f.actual)
    expected = sorted(f.expected for _, f in errors if f.expected)
    if not printed or printed != expected:
        return None
    cells = "；".join(f"“{_column_zh(parent, column)}”印为 {figure(f.actual or Decimal(0))}，应为 "
                     f"{figure(f.expected or Decimal(0))}" for column, f in errors)
    message = (f"{ctx.table_name(table)} {_row_name(parent)}：{what}不成立，数字印错了栏目：{cells}"
               f"（同样的数字，所在栏目与下级各行不同）")
    places = [place for _, f in errors for place in f.locations[:1]]
    return ctx.finding(message, places)


def _sums(ctx: Context, tables: Iterable[str], parts: Iterable[Part], code_of: CodeOf = main_code,
          lines_of: str = "lines") -> Iterator[Finding]:
    wanted = set(parts)
    for key in tables:
        table = getattr(ctx.doc.tables, key)
        if table is None or ctx.cache.changed not in (None, key):
            continue  # a rerun with one table changed: another table's sums are as first found
        lines, sums = ctx.cache.get(("outline", code_of, lines_of),
                                    functools.partial(_outlined, ctx, key, table, code_of, lines_of), table=key)
        operands = ctx.cache.get(("operands", lines_of), functools.partial(_Operands, lines), table=key)
        held = ctx.cache.get(("held columns", code_of, lines_of),
                             functools.partial(_held_columns, ctx.cache, key, code_of, lines_of, operands, sums),
                             table=key)
        kids: dict[tuple[int, ...], _Rows] = {}  # parents of the same rows share their reading
        # The placed rows are the table's rows, one for one: a failed sum is noted by its rows.
        failed = None
        if lines_of == "lines" and ctx.cache.notes_failures:
            failed = failed_sums(ctx.cache, key)
            checked: list[_Checked] = ctx.cache.get(_CHECKED, list, table=key)
            checked.append((ctx.rule.id, sums, _CODED_PARTS.intersection(wanted)))
        plan = ctx.cache.get(("sums by part", code_of, lines_of), functools.partial(_by_part, sums, held), table=key)
        comparisons = 0  # those of the sums that hold, made once for every rule
        unheld: list[int] = []
        for part in wanted.intersection(plan):
            comparisons += plan[part][0]
            unheld += plan[part][1]
        for index in sorted(unheld):  # in the table's order, as the sums come
            s = sums[index]
            if s.children not in kids:
                kids[s.children] = _Rows(key, [lines[i] for i in s.children])
            yield from _check(ctx, key, lines, s, kids[s.children], code_of, operands,
                              failed if s.part in _CODED_PARTS else None)
        count_comparisons(comparisons)


def _held_columns(cache: RunCache, key: str, code_of: CodeOf, lines_of: str, operands: _Operands,
                  sums: list[Sum]) -> list[int | None]:
    """:meth:`_Operands.held_columns` of a table's sums. In a run over the document with this table's
    figures moved (the diagnosis of shifted rows), a sum of the same rows whose records did not move
    (the same objects) has the answer the first run found: only the sums with a moved row are added
    up again."""
    first_outline = cache.as_checked(("outline", code_of, lines_of), table=key)
    first_operands = cache.as_checked(("operands", lines_of), table=key)
    first_held = cache.as_checked(("held columns", code_of, lines_of), table=key)
    if first_outline is None or first_operands is None or first_held is None or first_outline[1] != sums:
        return operands.held_columns(sums)
    return operands.held_columns(sums, (first_operands, first_held))


def _by_part(sums: Sequence[Sum], held: Sequence[int | None]) -> dict[Part, tuple[int, list[int]]]:
    """For each part, the comparisons of its sums that hold (:meth:`_Operands.held_columns`) and the
    places of those that do not, to be checked one by one: each rule asks for its parts' sums, and
    most sums hold, so the rules go through the few that may fail alone (found once per table)."""
    plan: dict[Part, tuple[int, list[int]]] = {}
    for index, (s, columns) in enumerate(zip(sums, held, strict=True)):
        comparisons, unheld = plan.get(s.part, (0, []))
        if columns is None:
            unheld.append(index)
        plan[s.part] = (comparisons + (columns or 0), unheld)
    return plan


def _outlined(ctx: Context, key: str, table: Any, code_of: CodeOf, lines_of: str) -> tuple[Sequence[Row], list[Sum]]:
    """A table's rows and the sums among them: derived once per run, for every rule that checks them."""
    lines = (_function_lines(table) if lines_of == "expenditure"
             else placed_rows(ctx.cache, ctx.catalog, key, table))
    # Tables of rows of the same shape share one outline's derivation (for all tables of the run and
    # of the runs over its document with a table's figures moved: a shape is the rows' codes and roles).
    return lines, outline(lines, code_of, ctx.cache.shared(("outline shapes",), dict))


def _function_lines(table: SummaryTable | FiscalSummaryTable) -> list[SummaryLine | FiscalLine]:
    """The function 类/款 lines of a two-sided table's expenditure side."""
    return [line for line in table.expenditure if line.role is SummaryRole.FUNCTION]


# --- the rules -------------------------------------------------------------------------------------


@rule("HIER-001", "功能分类：类 = 所属款之和", en="Function classification: category = sum of its sections")
def category_is_its_sections(ctx: Context) -> Iterator[Finding]:
    """In every table coded by 支出功能分类 (收入总体情况表, 支出总体情况表, 一般公共预算支出情况表,
    一般公共预算项目支出情况表, 政府性基金预算支出情况表, 国有资本经营预算支出情况表, 财政拨款支出预算表
    （功能科目）, and the expenditure side of 收支总体情况表 and 财政拨款收支总体情况表 where it prints 款
    lines), each column of a 类 row is the sum of the 款 rows printed below it (of its 项 rows where
    its 款 are not printed), within each agency's group where rows are grouped by agency. A 类 printed
    without rows below is not checked; a row whose code is misprinted is read under the code its name
    has (CAT-005)."""
    yield from _sums(ctx, FUNCTION_TABLES, [Part.CATEGORY])
    yield from _sums(ctx, TWO_SIDED_TABLES, [Part.CATEGORY], lines_of="expenditure")


@rule("HIER-002", "功能分类：款 = 所属项之和", en="Function classification: section = sum of its items")
def section_is_its_items(ctx: Context) -> Iterator[Finding]:
    """In every table coded by 支出功能分类, each column of a 款 row is the sum of the 项 rows printed
    below it (in 一般公共预算项目支出情况表 the 项 may be printed as project rows carrying the 项 code),
    within each agency's group. A 款 printed without 项 rows is not checked."""
    yield from _sums(ctx, FUNCTION_TABLES, [Part.SECTION])
    yield from _sums(ctx, TWO_SIDED_TABLES, [Part.SECTION], lines_of="expenditure")


@rule("HIER-003", "经济分类：类 = 所属款之和", en="Economic classification: category = sum of its sections")
def economic_category_is_its_sections(ctx: Context) -> Iterator[Finding]:
    """In 一般公共预算基本支出情况表, 支出经济分类汇总表, 财政拨款基本支出预算表（经济科目） and 一般公共预算
    机关运行经费支出预算表, each column of an economic 类 row (301 工资福利支出) is the sum of its 款
    rows (30101 基本工资 …), wherever they are printed in its group; the same for a 政府预算支出经济分类
    类 row (501) printed without a 部门 code and the rows carrying its 政府 款 codes (50101 …)."""
    yield from _sums(ctx, ECONOMIC_TABLES, [Part.CATEGORY])
    yield from _sums(ctx, ECONOMIC_TABLES, [Part.CATEGORY], code_of=gov_code)


@rule("HIER-004", "科目金额 = 所列项目之和", en="Subject amount = sum of its projects")
def code_is_its_projects(ctx: Context) -> Iterator[Finding]:
    """Where a table lists projects under a classification code (一般公共预算项目支出情况表: a 项 row
    followed by its projects, or projects printed without a code under the row above them), each
    column of the code row is the sum of its projects."""
    yield from _sums(ctx, (*FUNCTION_TABLES, *ECONOMIC_TABLES), [Part.PROJECTS])


@rule("HIER-005", "单位小计 = 该单位各行之和", en="Agency subtotal = sum of the agency's rows")
def agency_is_its_rows(ctx: Context) -> Iterator[Finding]:
    """Where a table groups its rows by agency (预算单位, 单位代码), each column of an agency row is the
    sum of that agency's top rows (its 类 rows, or its 项 rows where only 项 are printed, or its
    projects); an agency row holding other agencies (a department over its units: 单位代码 304 over
    304001, or an agency row followed at once by agency rows) is the sum of those agencies."""
    yield from _sums(ctx, (*FUNCTION_TABLES, *ECONOMIC_TABLES, *GROUPED_TABLES), [Part.AGENCY])


@rule("HIER-006", "表合计 = 各类（各单位）之和", en="Table total = sum of the categories (agencies)")
def total_is_its_top_rows(ctx: Context) -> Iterator[Finding]:
    """Each column of a table's total row (合计/总计, printed at the top or at the bottom) is the sum of
    the table's top rows: its 类 rows (its 款 or 项 rows where no 类 is printed), or its agency rows
    where the table is grouped by agency, or its projects."""
    yield from _sums(ctx, (*FUNCTION_TABLES, *ECONOMIC_TABLES, *GROUPED_TABLES), [Part.TOTAL])


def _summary_side(ctx: Context, key: str) -> Iterator[Finding]:
    table = getattr(ctx.doc.tables, key)
    if table is None:
        return
    lines = list(table.expenditure)
    functions = [line for line in lines if line.role is SummaryRole.FUNCTION]
    printed = {line.code for line in functions if line.code is not None}
    tops = [line for line in functions if line.code is None or not any(a in printed for a in line.code.ancestors)]
    uses = [line for line in lines if line.role is SummaryRole.USE]
    current = [line for line in lines if line.role is SummaryRole.CURRENT_YEAR]
    carried = [line for line in lines if line.role is SummaryRole.YEAR_END_CARRYOVER]
    totals = [line for line in lines if line.role is SummaryRole.TOTAL][-1:]
    # By function 类 and, where the template prints it beside them (Jiangsu), by use: two ways of
    # dividing the same spending, each adding up on its own.
    ways = [(parts, f"各{kind}之和（{_listing([str(p.code or ''.join(p.name.split())) for p in parts])}）")
            for parts, kind in ((tops, "类支出"), (uses, "用途支出")) if parts]
    for parts, words in ways:
        rows = _Rows(key, parts)  # read once for every 本年支出合计 line held against them
        for line in current:
            yield from _side_sum(ctx, key, line, rows, f"本年支出合计 = {words}")
        if current:
            continue
        what = f"支出总计 = {words}" + "".join(f" + {''.join(c.name.split())}" for c in carried)
        for line in totals:
            yield from _side_sum(ctx, key, line, _Rows(key, [*parts, *carried]), what)
    if current:
        what = "支出总计 = 本年支出合计" + "".join(f" + {''.join(c.name.split())}" for c in carried)
        for line in totals:
            yield from _side_sum(ctx, key, line, _Rows(key, [*current[:1], *carried]), what)


def _side_sum(ctx: Context, key: str, parent: Row, parts: _Rows, what: str) -> Iterator[Finding]:
    for column, total in _values(parent).items():
        summed = parts.summed(column) if total is not None else None
        if total is None or summed is None:
            continue
        result = sum_differs(total, summed)
        if result is None:
            continue  # the message and places are written only for a sum that does not hold
        where = f"{ctx.table_name(key)}“{''.join(parent.name.split())}”"
        if column != "amount":
            where += f"“{_column_zh(parent, column)}”"
        places = [Location(table=key, column=column), *parts.places(column)]
        found = ctx.judge(result, where=where, what=what, locations=places)
        if found is not None:
            yield found


@rule("HIER-007", "收支总表：支出合计 = 各类支出之和", en="Summary: expenditure total = sum of the categories")
def summary_expenditure_adds_up(ctx: Context) -> Iterator[Finding]:
    """On the expenditure side of 收支总体情况表 and of 财政拨款收支总体情况表 (each budget column, each
    column of a side split into 基本支出 and 项目支出), 本年支出合计 is the sum of the function 类 lines,
    and 支出总计 is 本年支出合计 (or, where it is not printed, the sum of the 类 lines) plus 年终结转结余
    (结转下年资金). Where the template divides the spending by use as well (Jiangsu: 基本支出, 项目支出,
    单位预留机动经费, beside or instead of the 类), the use lines add up to the same totals on their own:
    a 类 line and a use line are never added together."""
    for key in TWO_SIDED_TABLES:
        yield from _summary_side(ctx, key)


@rule("HIER-008", "“三公”经费合计 = 各项之和", requires=("three_public",),
      en="Three public expenses: total = sum of the items")
def three_public_adds_up(ctx: Context) -> Iterator[Finding]:
    """In the "三公" table, 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and 公务用车购置
    及运行费 = 公务用车购置费 + 公务用车运行费; where 会议费 and 培训费 are printed beside them, their
    合计 = “三公”经费 + 会议费 + 培训费 — in each budget column the table prints (the item tree is
    :data:`cnbudget.model.sums.SUMS`)."""
    table = ctx.doc.tables.three_public
    assert table is not None
    items = attrs.fields_dict(type(table))
    for identity in identities(type(table), [name for name, _ in table.items()]):
        whole = getattr(table, identity.total)
        parts = [getattr(table, name) for name in identity.parts]
        what = f"{zh_label(items[identity.total])} = " + " + ".join(zh_label(items[name]) for name in identity.parts)
        for column, total in whole.columns():
            values = [getattr(part, column) for part in parts]
            if any(v is None for v in values):
                continue
            place = item_column(identity.total, column)
            where = f"{ctx.table_name('three_public')}“{zh_label(items[identity.total])}”“{_column_zh(whole, column)}”"
            found = ctx.check_sum(total, [v for v in values if v is not None], where=where, what=what,
                                  locations=[Location(table="three_public", column=place)])
            if found is not None:
                yield found


def _lines_sum(ctx: Context, key: str, parent: OneAmountLine, parts: Sequence[OneAmountLine], what: str
               ) -> Finding | None:
    """Hold a one-amount row (``amount``) against rows below it."""
    where = f"{ctx.table_name(key)}“{_row_name(parent)}”"
    places = [location(key, parent, "amount"), *(location(key, p, "amount") for p in parts)]
    return ctx.check_sum(parent.amount, [p.amount for p in parts], where=where, what=what, locations=places)


@rule("HIER-009", "收入预算总表：收入总计 = 各来源小计之和", requires=("revenue",),
      en="Revenue table: total = sum of the source subtotals")
def listed_sources_add_up(ctx: Context) -> Iterator[Finding]:
    """Where 收入总体情况表 lists revenue by funding source down the page (the Jiangsu 收入预算总表:
    收入总计, then each source's 小计 followed by its items), 收入总计 is the sum of the sources' 小计,
    and each 小计 is the sum of the items printed under it (一般公共预算资金 = 公共财政拨款（补助）资金 +
    专项收入; 其他资金 = 事业收入 + 经营收入 + 其他收入 + 债务资金 …). A "其中" line is part of its
    小计, not an item that adds up; a source printed without items is not checked."""
    table = ctx.doc.tables.revenue
    assert table is not None
    groups = source_groups(table.sources)
    for head, items in groups:
        if items:
            names = _listing(["".join(item.name.split()) for item in items])
            found = _lines_sum(ctx, "revenue", head, items, f"小计 = 所列各项之和（{names}）")
            if found is not None:
                yield found
    heads = [head for head, _ in groups]
    names = _listing(["".join(head.name.split()) for head in heads])
    for total in (line for line in table.sources if line.role is SummaryRole.TOTAL):
        if heads:
            found = _lines_sum(ctx, "revenue", total, heads, f"收入总计 = 各来源小计之和（{names}）")
            if found is not None:
                yield found


_PROCUREMENT_WORDS = {"category": "采购品目大类", "subject": "专项经济科目", "item": "采购物品"}


@rule("HIER-010", "政府采购：合计 = 各品目大类之和 = …", requires=("procurement",),
      en="Procurement: total = sum of the categories = …")
def procurement_adds_up(ctx: Context) -> Iterator[Finding]:
    """In 政府采购支出预算表, the 合计 is the sum of the 采购品目大类 (货物, 工程, 服务), each 大类 the
    sum of the project subjects (专项名称 + 经济科目) printed under it, and each subject the sum of the
    items bought under it (采购物品名称 + 采购组织形式). A row belongs to the nearest row above it of a
    higher level; where a level is not printed, the rows of the next level add up instead."""
    table = ctx.doc.tables.procurement
    assert table is not None
    lines = list(table.lines)
    children, tops = table.tree()
    for parent, kids in children.items():
        kind = _PROCUREMENT_WORDS[lines[kids[0]].level]
        names = _listing([lines[k].name for k in kids])
        what = f"{_PROCUREMENT_WORDS[lines[parent].level]}金额 = 所列各{kind}之和（{names}）"
        found = _lines_sum(ctx, "procurement", lines[parent], [lines[k] for k in kids], what)
        if found is not None:
            yield found
    if not tops:
        return
    names = _listing([lines[k].name for k in tops])
    kind = _PROCUREMENT_WORDS[lines[tops[0]].level]
    for total in (line for line in lines if line.level == "total"):
        found = _lines_sum(ctx, "procurement", total, [lines[k] for k in tops], f"合计 = 各{kind}之和（{names}）")
        if found is not None:
            yield found
