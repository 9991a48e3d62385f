"""Row identities (行内关系): the columns of one row add up.

Which identities a row must satisfy follows from the columns it prints (one home for them:
:mod:`cnbudget.model.sums`): a printed column is the sum of its nearest printed parts, so a
template that prints other columns needs no identities written for it.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from itertools import compress, repeat
from operator import is_not
from typing import Any, NamedTuple, cast

import attrs

from cnbudget.model import AmountRecord, BudgetDisclosure, Row
from cnbudget.model.fields import zh_label
from cnbudget.model.sums import Identity, identities
from cnbudget.money import SumCheck, amounts_differ_from_sum, count_comparisons, counting_comparisons, exact_sums
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding
from cnbudget.validation.registry import rule
from cnbudget.validation.run_cache import RunCache
from cnbudget.validation.tables import (
    PlacedRow,
    describe,
    item_column,
    location,
    record_fields,
    record_values,
    rows_with_amounts,
)

__all__: list[str] = []


def _label(record: type, total: str, parts: tuple[str, ...]) -> str:
    """The identity in Chinese column names (合计 = 基本支出 + 项目支出)."""
    fields = attrs.fields_dict(record)
    return f"{zh_label(fields[total])} = " + " + ".join(zh_label(fields[p]) for p in parts)


class _RowIdentity(NamedTuple):
    """One identity one row must satisfy, with where to report it."""

    record: AmountRecord
    table: str
    line: Row | None  # None for an item of the "三公" table
    row_name: str | None
    identity: Identity
    item: str | None = None  # the "三公" item the record splits, where it is one

    @property
    def column(self) -> str:
        """The place of the identity's total: its column, or within a "三公" item the item itself
        (its 合计) or ``item.column`` — as HIER-008 places them."""
        total = self.identity.total
        if self.item is None:
            return total
        return item_column(self.item, total)


# One identity one row must satisfy: the fields of a :class:`_RowIdentity`, made one only for an
# identity that does not hold (a document has one for every row and column tree node).
_Entry = tuple[AmountRecord, str, "Row | None", "str | None", Identity, "str | None"]


class _Checked:
    """The identities of one rule held against the rows: those that do not hold, with their results,
    in row order, and how many comparisons were made."""

    __slots__ = ("comparisons", "failing")

    def __init__(self) -> None:
        self.failing: list[tuple[_Entry, SumCheck]] = []
        self.comparisons = 0


# The identities of a record type printing some columns, each with its rule's tally and its columns'
# places among the record's fields.
_Held = list[tuple[_Checked, Identity, int, tuple[int, ...]]]


def _row_identities(doc: BudgetDisclosure, cache: RunCache | None = None) -> dict[str, _Checked]:
    """Every identity every row of ``doc`` must satisfy, held against its figures in one pass over
    the rows, by the rule that checks it. The comparisons are counted by each rule as it reports
    (:func:`_check_identities`): a rule that does not run makes none."""
    by_rule: dict[str, _Checked] = defaultdict(_Checked)
    # Rows of a table print the same columns: the identities of each record type and columns
    # printed are looked up once, with where their figures are among the record's columns.
    found: dict[tuple[type, tuple[str, ...]], _Held] = {}

    def held(kind: type, printed: tuple[str, ...]) -> _Held:
        kept = found.get((kind, printed))
        if kept is None:
            position = {name: at for at, name in enumerate(record_fields(kind))}
            kept = found[(kind, printed)] = [
                (by_rule[identity.rule], identity, position[identity.total],
                 tuple(position[part] for part in identity.parts)) for identity in identities(kind, printed)]
        return kept

    def add(record: AmountRecord, table: str, line: Row | None, row_name: str | None = None,
            item: str | None = None) -> None:
        kind: Any = type(record)  # a class is hashable, whatever its instances' __hash__ says to mypy
        values = record_values(kind)(record)
        for checked, identity, total, parts in held(kind, tuple(compress(record_fields(kind),
                                                                        map(is_not, values, repeat(None))))):
            checked.comparisons += 1
            # The identity's columns are printed: none of its figures is None; all are the record's
            # amounts, through the amount gate.
            result = amounts_differ_from_sum(cast(Decimal, values[total]),
                                             cast(list[Decimal], [values[at] for at in parts]))
            if result is not None:
                checked.failing.append(((record, table, line, row_name, identity, item), result))

    with counting_comparisons():  # counted by the rules as they report
        _hold_table_rows(list(rows_with_amounts(doc, cache)), held)
        summary = doc.tables.summary
        for line in summary.expenditure if summary is not None else ():
            if line.amounts is not None:  # the expenditure side split into 基本支出 and 项目支出
                add(line.amounts, "summary", line)
        three_public = doc.tables.three_public
        if three_public is not None:  # each item split by budget (一般公共预算 | 政府性基金 | 国有资本经营预算)
            labels = attrs.fields_dict(type(three_public))
            for name, split in three_public.items():
                add(split, "three_public", None, row_name=zh_label(labels[name]), item=name)
    return by_rule


def _hold_table_rows(rows: list[PlacedRow], held: Callable[[type, tuple[str, ...]], _Held]) -> None:
    """Hold the rows of the tables against their identities many rows at a time: the rows of one record
    type printing the same columns are added column by column (:func:`money.exact_sums`), and only
    the identities that do not hold are checked one by one. Each rule's failures are kept in row
    order, and in a row in the order of its identities, as one row at a time gives them."""
    records: list[AmountRecord] = list(map(operator.itemgetter(2), rows))
    kinds: list[Any] = list(map(type, records))
    one_kind = kinds.count(kinds[0]) == len(kinds) if kinds else True
    failing: list[tuple[int, int, _Checked, _Entry, SumCheck]] = []
    for kind in dict.fromkeys(kinds):
        positions = range(len(rows)) if one_kind else [at for at, other in enumerate(kinds) if other is kind]
        names = record_fields(kind)
        # The records' figures column by column, and which rows print each column: read in C calls.
        values = list(map(record_values(kind), map(records.__getitem__, positions)))
        columns = list(zip(*values, strict=True))
        shapes = list(zip(*[tuple(map(is_not, column, repeat(None))) for column in columns], strict=True))
        # Rows printing the same columns share their identities: grouped by what each row prints
        # (most tables print the same columns in every row).
        alike: dict[tuple[bool, ...], list[int] | None]
        if shapes.count(shapes[0]) == len(shapes):
            alike = {shapes[0]: None}
        else:
            alike = defaultdict(list)
            for member, shape in enumerate(shapes):
                cast(list[int], alike[shape]).append(member)
        for printed, members in alike.items():
            kept = held(kind, tuple(compress(names, printed)))
            if not kept:
                continue
            if members is None:
                figures: Sequence[Sequence[Decimal | None]] = columns
                count = len(positions)
            else:
                figures = [list(map(column.__getitem__, members)) for column in columns]
                count = len(members)
            for order, (checked, identity, total, parts) in enumerate(kept):
                checked.comparisons += count
                # The identity's columns are printed: none of its figures is None; all are the
                # records' amounts, through the amount gate, whose sums are exact.
                summed = exact_sums(cast(list[list[Decimal]], [figures[at] for at in parts]))
                for index in [i for i, equal in enumerate(map(operator.eq, figures[total], summed)) if not equal]:
                    row_values = values[index if members is None else members[index]]
                    result = amounts_differ_from_sum(cast(Decimal, row_values[total]),
                                                     cast(list[Decimal], [row_values[at] for at in parts]))
                    if result is not None:
                        position = positions[index if members is None else members[index]]
                        table, line, record = rows[position]
                        failing.append((position, order, checked, (record, table, line, None, identity, None), result))
    failing.sort(key=operator.itemgetter(0, 1))
    for _, _, checked, entry, result in failing:
        checked.failing.append((entry, result))


def _check_identities(ctx: Context) -> Iterator[Finding]:
    """Every identity the columns of each row print must satisfy (:func:`cnbudget.model.sums.identities`)
    that the running rule checks; the message is written only for an identity that does not hold."""
    checked = ctx.cache.get("row identities", lambda: _row_identities(ctx.doc, ctx.cache)).get(ctx.rule.id)
    if checked is None:
        return
    count_comparisons(checked.comparisons)
    for entry, result in checked.failing:
        row = _RowIdentity(*entry)
        record, identity = row.record, row.identity
        found = ctx.judge(result, where=f"{ctx.table_name(row.table)} {row.row_name or describe(row.line)}",
                          what=_label(type(record), identity.total, identity.parts),
                          locations=[location(row.table, row.line, row.column)])
        if found is not None:
            yield found


@rule("ROW-001", "支出合计 = 基本支出 + 项目支出", en="Expenditure total = basic + project")
def total_is_basic_plus_project(ctx: Context) -> Iterator[Finding]:
    """In every expenditure row, 合计 = 基本支出 + 项目支出 (or, where 基本支出 is printed as its
    parts, 合计 = 人员经费 + 公用经费 + 项目支出; with 单位预留机动经费 and 结转下年资金 where the
    template prints them). The identities follow from the columns printed: see
    :mod:`cnbudget.model.sums`."""
    return _check_identities(ctx)


@rule("ROW-002", "基本支出 = 人员经费 + 公用经费", en="Basic = personnel + public (operating)")
def basic_is_personnel_plus_public(ctx: Context) -> Iterator[Finding]:
    """基本支出 = 人员经费 + 公用经费; 人员经费 = 工资福利支出 + 对个人和家庭的补助; 公用经费 =
    商品和服务支出 + 资本性支出; in the 基本支出 table, 合计 = 人员经费 + 公用经费."""
    return _check_identities(ctx)


@rule("ROW-003", "项目支出 = 其他运转类 + 特定目标类", en="Project = operating + specific-purpose")
def project_is_operating_plus_specific(ctx: Context) -> Iterator[Finding]:
    """项目支出 = 其他运转类 + 特定目标类 where both kinds of project are printed."""
    return _check_identities(ctx)


@rule("ROW-004", "收入合计 = 各资金来源之和", en="Revenue total = sum of the funding sources")
def revenue_total_is_sources(ctx: Context) -> Iterator[Finding]:
    """A revenue row's 合计 is the sum of its sources: 财政拨款 + 财政专户管理资金 + 单位资金 + 结转
    (11-table template), or 本年收入 + 上年结转结余 with each of them the sum of its sources (Henan)."""
    return _check_identities(ctx)


@rule("ROW-005", "财政拨款小计 = 各预算之和", en="Fiscal appropriation subtotal = sum of the budgets")
def fiscal_is_its_budgets(ctx: Context) -> Iterator[Finding]:
    """财政拨款（补助）小计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 (each with its
    transfer payments); the same for the 财政拨款支出 columns and for each "三公" item."""
    return _check_identities(ctx)


@rule("ROW-006", "项目支出合计 = 各经济分类之和", en="Project total = sum of the economic categories")
def project_total_is_economic_categories(ctx: Context) -> Iterator[Finding]:
    """In 一般公共预算项目支出情况表, a row's 项目支出合计 is the sum of its economic-category columns."""
    return _check_identities(ctx)


@rule("ROW-007", "上年结转结余 = 财政拨款 + 非财政拨款", en="Carryover = fiscal + non-fiscal")
def carryover_total_is_its_parts(ctx: Context) -> Iterator[Finding]:
    """上年结转结余: 总计 = 财政拨款合计 + 非财政拨款合计, and each of them = 人员经费 + 公用经费 +
    项目支出."""
    return _check_identities(ctx)
