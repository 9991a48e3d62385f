"""Tables seen by classification code (按科目读表): the amount of any 类, 款 or 项 in one column.

A :class:`CodeView` reads one column of a coded table. The amount of a code is the row printed for
it; where the table prints no such row (the Henan template prints only 项 rows; 一般公共预算项目支出
情况表 prints projects), it is the sum of the rows below it that have nothing below them. Tables
that group rows by agency (预算单位) repeat codes under each agency; the agencies' amounts are added.
A :class:`FixedView` holds figures already known by 类 (the two-sided summary tables).

:func:`compare_views` holds two views against each other code by code, at every level both print
and always by 类, and their totals.

>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.model import ExpenditureAmounts, FunctionLine
>>> lines = [FunctionLine(code=FunctionCode(c), name=n, amounts=ExpenditureAmounts(total=t, project=t))
...          for c, n, t in [("2101501", "行政运行", "1.00"), ("2101502", "一般行政管理事务", "2.00")]]
>>> view = CodeView("一般公共预算支出情况表", "general_budget", lines, Column.of("project", "项目支出"))
>>> view.amount(FunctionCode("210")).value, sorted(view.levels())
(Decimal('3.00'), [3])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import repeat
from typing import Any, cast

import attrs

from cnbudget.codes import ClassificationCode
from cnbudget.model import AmountRecord, CodedRow, RowKind
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, checked_location
from cnbudget.validation.rules.cross_table_figures import Figure, Relation, at_most, checked_figure, equal, keep_finest
from cnbudget.validation.rules.placement import placed_rows
from cnbudget.validation.run_cache import RunCache

__all__ = ["CodeView", "Column", "FailedTotal", "FixedView", "SumView", "View", "compare_views", "failed_totals",
           "note_failed_total", "table_view", "view_unmoved"]

_ZERO = Decimal(0)
_MISSING = object()  # nothing kept for a code yet (None is an answer)


@attrs.frozen
class Column:
    """A column of an amount record, or the columns it is printed as: the first alternative whose
    fields are all printed gives the amount (一般公共预算, else 本级 + 上级转移支付).

    >>> from cnbudget.model import ExpenditureAmounts
    >>> basic = Column.of("basic", "基本支出", ("personnel", "public"))
    >>> basic.get(ExpenditureAmounts(total="5", personnel="3", public="2")), basic.get(ExpenditureAmounts(total="5"))
    ((Decimal('3'), Decimal('2')), None)
    """

    name: str  # the field name findings point at
    zh: str
    alternatives: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, name: str, zh: str, *alternatives: tuple[str, ...]) -> Column:
        """The column ``name``, else the sum of the fields of the first printed alternative."""
        return cls(name, zh, ((name,), *alternatives))

    def get(self, record: object) -> tuple[Decimal, ...] | None:
        """The printed cells that make the column in ``record``; ``None`` if it is not printed."""
        for fields in self.alternatives:
            if len(fields) == 1:  # the column itself, read for every row of a table
                value = getattr(record, fields[0], None)
                if isinstance(value, Decimal):
                    return (value,)
                continue
            values = tuple(getattr(record, field, None) for field in fields)
            printed = tuple(value for value in values if isinstance(value, Decimal))
            if len(printed) == len(values):
                return printed
        return None

    def get_all(self, records: Sequence[object]) -> list[tuple[Decimal, ...] | None]:
        """:meth:`get` of each record: the column itself read off every record at once, the other
        alternatives asked only of the records that do not print it (a table's rows mostly do)."""
        field = self.alternatives[0][0]
        found: list[tuple[Decimal, ...] | None] = []
        for record, value in zip(records, map(getattr, records, repeat(field), repeat(None)), strict=True):
            found.append((value,) if isinstance(value, Decimal) else self.get(record))
        return found


_Group = tuple[str | None, str | None]  # a row's agency and agency code
_Row = CodedRow[ClassificationCode, AmountRecord]
_Key = tuple[_Group, type, str]  # a group, and a code by its class and digits


class _CodeIndex:
    """Which rows of a table stand for which code in each agency's group, among the rows that print a
    column: the same for every column those rows print, so built once and shared by their views."""

    def __init__(self, lines: Sequence[_Row], printing: Sequence[int]) -> None:
        # ``printing``: the positions of the rows that print the column.
        self._lines, self._printing = lines, printing
        rows = [lines[i] for i in printing]
        # ``classification`` read as the field behind it, without a property call per row
        codes = [code if isinstance(code := getattr(row, "code", None), ClassificationCode) else None
                 for row in rows]
        groups = [(row.agency, row.agency_code) for row in rows]
        coded = [n for n, code in enumerate(codes) if code is not None]
        self._codes, self._groups, self._coded = codes, groups, coded
        self.rows = [printing[n] for n in coded]  # the coded rows, by position in the table
        total = next((i for i, code in zip(printing, codes, strict=True)
                      if code is None and lines[i].kind is RowKind.TOTAL), None)
        if total is None and not coded and len(printing) == 1 and lines[printing[0]].project is None:
            total = printing[0]  # a table of one uncoded row (the Jiangsu 支出预算总表) is its own total
        self.total = total
        self.groups = list(dict.fromkeys(groups[n] for n in coded))
        # Indexed once: tables of large departments run to thousands of rows. A code is keyed by its
        # class and digits (what makes two codes equal), which hash without building a key each time.
        self.printed: dict[_Key, list[int]] = defaultdict(list)
        for n in coded:
            code = codes[n]
            assert code is not None
            if lines[printing[n]].project is None:
                self.printed[(groups[n], type(code), code.digits)].append(printing[n])
        self.codes = {printing[n]: code for n in coded if (code := codes[n]) is not None}
        self._leaves: dict[_Key, list[int]] | None = None
        self._levels: frozenset[int] | None = None
        self._of_level: dict[int, frozenset[ClassificationCode]] = {}

    @property
    def leaves(self) -> dict[_Key, list[int]]:
        """The rows with nothing below them (or projects) under each code and its ancestors, by group:
        what stands for a code the group prints no row for. Built when first asked for: where every
        code asked for has its row, no view needs it."""
        if self._leaves is None:
            codes, groups, lines, printing = self._codes, self._groups, self._lines, self._printing
            above: set[_Key] = set()  # codes with rows (or projects) below them
            for n in self._coded:
                code, group, project = codes[n], groups[n], lines[printing[n]].project
                assert code is not None
                family = type(code)
                above.update((group, family, ancestor.digits) for ancestor in code.ancestors)
                if project is not None:
                    above.add((group, family, code.digits))
            leaves: dict[_Key, list[int]] = defaultdict(list)
            for n in self._coded:
                code, group = codes[n], groups[n]
                assert code is not None
                family = type(code)
                if lines[printing[n]].project is not None or (group, family, code.digits) not in above:
                    for level in code.path:
                        leaves[(group, family, level.digits)].append(printing[n])
            self._leaves = leaves
        return self._leaves

    def levels(self) -> frozenset[int]:
        """The code levels of the rows."""
        if self._levels is None:
            self._levels = frozenset(code.level for code in self._distinct())
        return self._levels

    def _distinct(self) -> frozenset[ClassificationCode]:
        """The codes of the rows, each once (agencies repeat the same codes)."""
        return self.of_level(0)

    def of_level(self, level: int) -> frozenset[ClassificationCode]:
        """Every code of ``level`` printed, or above a printed code (0: the printed codes)."""
        found = self._of_level.get(level)
        if found is None:
            if level == 0:  # the codes themselves
                found = frozenset(self.codes.values())
            else:
                found = frozenset({code.path[level - 1] for code in self._distinct() if code.level >= level})
            self._of_level[level] = found
        return found


class _PrintedFields:
    """Whether any of a table's rows prints a figure in a field of its amounts, found once per field
    and run for the views of every column: a column whose every way of printing it needs a field no
    row prints is not looked for row by row."""

    def __init__(self, lines: Sequence[_Row]) -> None:
        self._lines = lines
        self._records: list[AmountRecord] | None = None  # read when first asked
        self._known: dict[str, bool] = {}

    def __call__(self, field: str) -> bool:
        found = self._known.get(field)
        if found is None:  # a field that is printed is found at its first row
            if self._records is None:
                self._records = [line.amounts for line in self._lines]
            values = map(getattr, self._records, repeat(field), repeat(None))
            found = self._known[field] = any(map(isinstance, values, repeat(Decimal)))
        return found


def total_rows_of(lines: Sequence[_Row]) -> tuple[int, ...]:
    """The positions of the uncoded total rows among ``lines``: the same for every column's view of a
    table, so found once per table and run (where a table prints its 合计 last, every view would
    read every row to find it)."""
    return tuple(n for n, line in enumerate(lines)
                 if not isinstance(getattr(line, "code", None), ClassificationCode) and line.kind is RowKind.TOTAL)


class View:
    """What :func:`compare_views` asks of a table: amounts by code and a total."""

    table: str  # the table's key
    title: str  # the table's printed title
    column: Column
    complete: bool  # whether a code it does not list stands for zero

    def levels(self) -> set[int]:
        """The code levels the table prints (1 类, 2 款, 3 项)."""
        raise NotImplementedError

    def codes(self, level: int) -> set[ClassificationCode]:
        """Every code of ``level`` the table has an amount for."""
        raise NotImplementedError

    def amount(self, code: ClassificationCode) -> Figure | None:
        """The amount of ``code``, ``None`` where the table has nothing under it."""
        raise NotImplementedError

    def value(self, code: ClassificationCode) -> Decimal | None:
        """The value of :meth:`amount` (``None`` where there is none): what a comparison of figures
        that agree needs, without the figure's words and place."""
        found = self.amount(code)
        return None if found is None else found.value

    def total(self) -> Figure | None:
        """The table's total in this column."""
        raise NotImplementedError

    def absent(self, code: ClassificationCode) -> Figure:
        """Zero for a code the table does not list."""
        return checked_figure(f"{self.title}（未列 {code}）“{self.column.zh}”", (Decimal(0),),
                              checked_location(self.table, code=str(code), column=self.column.name))


class CodeView(View):
    """One column of a table whose rows carry classification codes."""

    def __init__(self, title: str, table: str, lines: Iterable[_Row], column: Column,
                 indexes: dict[tuple[int, ...], _CodeIndex] | None = None,
                 printed: _PrintedFields | None = None, total_rows: Sequence[int] | None = None) -> None:
        """``indexes``: the code indexes of the table's rows by the rows that print a column, where
        views of the table's other columns are built from the same lines (:func:`table_view`);
        ``printed``: the fields those lines print; ``total_rows``: the positions of their uncoded
        total rows (:func:`total_rows`)."""
        self.title, self.table, self.column, self.complete = title, table, column, True
        self._lines = list(lines)
        self._total_rows = total_rows if total_rows is not None else total_rows_of(self._lines)
        self._empty = not self._lines  # a table printed without a single row (为空表) says "nothing"
        self._indexes, self._printed = indexes, printed
        # Read when first needed: a rule that asks only for the total (its printed row) reads one row.
        self._found_parts: list[tuple[Decimal, ...] | None] | None = None
        self._found_index: _CodeIndex | None = None
        # A view serves every rule of a run, and several ask for the same codes and the total.
        self._amounts: dict[ClassificationCode, Figure | None] = {}
        self._values: dict[ClassificationCode, Decimal | None] = {}
        self._found_total: tuple[Figure | None] | None = None

    def _printed_anywhere(self) -> bool:
        """Whether some row may print the column (``False``: every way of printing it needs a field
        no row prints)."""
        printed = self._printed
        return printed is None or any(all(map(printed, fields)) for fields in self.column.alternatives)

    @property
    def _parts(self) -> list[tuple[Decimal, ...] | None]:
        """The cells of the column in each row, ``None`` where the row does not print it."""
        if self._found_parts is None:
            if not self._printed_anywhere():
                self._found_parts = [None] * len(self._lines)  # no row prints it
            else:
                self._found_parts = self.column.get_all([line.amounts for line in self._lines])
        return self._found_parts

    @property
    def _index(self) -> _CodeIndex:
        if self._found_index is None:
            printing = tuple(i for i, parts in enumerate(self._parts) if parts is not None)
            indexes = self._indexes
            index = indexes.get(printing) if indexes is not None else None
            if index is None:
                index = _CodeIndex(self._lines, printing)
                if indexes is not None:
                    indexes[printing] = index
            self._found_index = index
        return self._found_index

    def _total_row(self) -> tuple[Decimal, ...] | None:
        """The cells of the first uncoded total row that prints the column (what the index takes as
        the total), found without reading the other rows where there is one; ``None`` where nothing is."""
        if self._found_index is None:  # a row that prints the column means some row prints its fields
            for position in self._total_rows:
                parts = self.column.get_all([self._lines[position].amounts])[0]
                if parts is not None:
                    return parts
        total = self._index.total  # none printed: the index knows what else stands for the total
        return None if total is None else self._row_parts(total)

    def total_read_from(self) -> tuple[int, ...]:
        """The positions of the rows :meth:`total` is read from where it is a printed total row: the
        uncoded total rows up to the first that prints the column (those above it are passed over
        because they do not). Those rows, with their codes, kinds and cells in the column, fix the
        total; empty where the total is not read from a printed row (an empty table, the sum of 类)."""
        if self._empty:
            return ()
        printing = [position for position in self._total_rows
                    if self.column.get_all([self._lines[position].amounts])[0] is not None]
        return tuple(position for position in self._total_rows if position <= printing[0]) if printing else ()

    def _row_parts(self, position: int) -> tuple[Decimal, ...]:
        parts = self._parts[position]
        assert parts is not None
        return parts

    def levels(self) -> set[int]:
        """The code levels the table prints."""
        return set(self._index.levels())

    def codes(self, level: int) -> set[ClassificationCode]:
        """Every code of ``level`` printed, or above a printed code."""
        return set(self._index.of_level(level))

    def amount(self, code: ClassificationCode) -> Figure | None:
        """The printed row of ``code`` in each agency, else the rows below it with nothing below them."""
        found = self._amounts.get(code, _MISSING)
        if found is _MISSING:
            found = self._amounts[code] = self._amount(code)
        return cast("Figure | None", found)

    def value(self, code: ClassificationCode) -> Decimal | None:
        """The value of :meth:`amount`, added up from the same cells without writing out the figure."""
        # Each asked with one look-up (None is an answer): views are asked again and again by code.
        written = self._amounts.get(code, _MISSING)  # a Figure, None, or nothing kept
        if written is not _MISSING:  # a figure written out already: its value
            return None if written is None else cast(Figure, written).value
        value = self._values.get(code, _MISSING)
        if value is _MISSING:
            parts, _ = self._cells(code, names=False)
            value = self._values[code] = sum(parts, _ZERO) if parts else None
        return cast("Decimal | None", value)

    def _cells(self, code: ClassificationCode, *, names: bool = True) -> tuple[list[Decimal], list[str]]:
        """The cells that make the amount of ``code`` (each group's printed row, else the rows with
        nothing below it), and the names of the printed rows (where ``names``)."""
        parts: list[Decimal] = []
        printed_names: list[str] = []
        index = self._index
        family, digits = type(code), code.digits
        for group in index.groups:
            printed = index.printed.get((group, family, digits), [])
            chosen = printed or index.leaves.get((group, family, digits), [])
            parts.extend(p for row in chosen for p in self._row_parts(row))
            if names:
                printed_names.extend(self._lines[row].name for row in printed)
        return parts, printed_names

    def _amount(self, code: ClassificationCode) -> Figure | None:
        parts, names = self._cells(code)
        if not parts:
            return None
        index = self._index
        agencies = {group[0] for group in index.groups}
        name = f" {names[0]}" if names and names[0] else ""
        return checked_figure(f"{self.title} {code}{name}“{self.column.zh}”", tuple(parts),
                              checked_location(self.table, code=str(code), column=self.column.name,
                                               agency=agencies.pop() if len(agencies) == 1 else None))

    def total(self) -> Figure | None:
        """The printed total row, else the sum of the 类; zero for a table without rows."""
        if self._found_total is None:
            self._found_total = (self._total(),)
        return self._found_total[0]

    def _total(self) -> Figure | None:
        if self._empty:
            return checked_figure(f"{self.title}（空表）“{self.column.zh}”", (Decimal(0),),
                                  checked_location(self.table, column=self.column.name))
        total = self._total_row()
        if total is not None:
            return checked_figure(f"{self.title}合计“{self.column.zh}”", total,
                                  checked_location(self.table, column=self.column.name))
        categories = [self.amount(code) for code in sorted(self.codes(1), key=str)]
        found = [figure for figure in categories if figure is not None]
        if not found:
            return None
        return found[0].plus(*found[1:], label=f"{self.title}各类之和“{self.column.zh}”")


class FixedView(View):
    """Figures known by 类, as a two-sided summary table prints them: each 类's printed cells and the
    name of its first line, written out as a figure only when asked for (most are compared by value
    and agree)."""

    def __init__(self, title: str, table: str, column: Column,
                 by_category: dict[ClassificationCode, tuple[str, tuple[Decimal, ...]]],
                 *, complete: bool, total: Figure | None = None) -> None:
        """``by_category``: each 类's first line's name and the cells that make its figure."""
        self.title, self.table, self.column, self.complete = title, table, column, complete
        self._cells, self._total = by_category, total
        self._figures: dict[ClassificationCode, Figure] = {}

    def levels(self) -> set[int]:
        """By 类 only."""
        return {1}

    def codes(self, level: int) -> set[ClassificationCode]:
        """The 类 the table lists."""
        return set(self._cells) if level == 1 else set()

    def amount(self, code: ClassificationCode) -> Figure | None:
        """The figure of a 类."""
        found = self._figures.get(code)
        if found is None:
            cells = self._cells.get(code)
            if cells is None:
                return None
            name, parts = cells
            found = self._figures[code] = checked_figure(
                f"{self.title} {code} “{name}”", parts,
                checked_location(self.table, code=str(code), column=self.column.name))
        return found

    def value(self, code: ClassificationCode) -> Decimal | None:
        """The value of :meth:`amount`, without writing out the figure."""
        cells = self._cells.get(code)
        return None if cells is None else sum(cells[1], _ZERO)

    def total(self) -> Figure | None:
        """The total, when the caller knows it."""
        return self._total


class SumView(View):
    """Several views of the same column added code by code: 一般公共预算 + 政府性基金 + 国有资本经营预算
    as one view, to hold against the table that prints them together (财政拨款支出预算表).

    >>> from cnbudget.codes import FunctionCode
    >>> from cnbudget.model import ExpenditureAmounts, FunctionLine
    >>> def view(key, total):
    ...     line = FunctionLine(code=FunctionCode("2040401"), name="行政运行", amounts=ExpenditureAmounts(total=total))
    ...     return CodeView(key, key, [line], Column.of("total", "合计"))
    >>> both = SumView("各预算支出表", "general_budget", [view("general_budget", "1.00"), view("gov_fund", "2.00")])
    >>> both.amount(FunctionCode("204")).value, both.total().value
    (Decimal('3.00'), Decimal('3.00'))
    """

    def __init__(self, title: str, table: str, views: Iterable[View]) -> None:
        self._views = list(views)
        self.title, self.table = title, table
        self.column = self._views[0].column
        self.complete = all(view.complete for view in self._views)

    def levels(self) -> set[int]:
        """The levels any of the views prints."""
        return set().union(*(view.levels() for view in self._views))

    def codes(self, level: int) -> set[ClassificationCode]:
        """The codes any of the views has."""
        return set().union(*(view.codes(level) for view in self._views))

    def amount(self, code: ClassificationCode) -> Figure | None:
        """The views' amounts of ``code`` added (a view without it adds nothing)."""
        found = [figure for view in self._views if (figure := view.amount(code)) is not None]
        return found[0].plus(*found[1:], label=f"{self.title} {code}“{self.column.zh}”") if found else None

    def value(self, code: ClassificationCode) -> Decimal | None:
        """The views' values of ``code`` added (the value of :meth:`amount`)."""
        found = [value for view in self._views if (value := view.value(code)) is not None]
        return sum(found, _ZERO) if found else None

    def total(self) -> Figure | None:
        """The views' totals added; ``None`` unless every view has one."""
        totals = [view.total() for view in self._views]
        found = [figure for figure in totals if figure is not None]
        if len(found) != len(totals):
            return None
        return found[0].plus(*found[1:], label=f"{self.title}合计“{self.column.zh}”")


#: The relations whose figures cannot disagree when their values hold so: checked on the values
#: first, the figures (their words and places) written out only for values that do not.
_HOLDS: dict[Relation, Callable[[Decimal, Decimal], bool]] = {
    equal: lambda first, second: first - second == 0,  # exact: equal finds nothing
    at_most: lambda part, whole: part <= whole,  # at_most finds nothing
}


def _pairs(a: View, b: View, holds: Callable[[Decimal, Decimal], bool] | None = None
           ) -> Iterator[tuple[ClassificationCode, Figure, Figure]]:
    """The figures of each code of either view, at every level both print and by 类, where both have
    one (a complete view's absent code is zero); with ``holds``, only those whose values do not hold."""
    if not a.codes(1) or not b.codes(1):
        return  # one of the tables is not by code at all
    for level in sorted({1} | (a.levels() & b.levels()), reverse=True):
        for code in sorted(a.codes(level) | b.codes(level), key=str):
            if holds is not None:
                first_value, second_value = a.value(code), b.value(code)
                if first_value is None and a.complete:
                    first_value = _ZERO
                if second_value is None and b.complete:
                    second_value = _ZERO
                if first_value is None or second_value is None or holds(first_value, second_value):
                    continue  # nothing to compare, or nothing to find
            first = a.amount(code) or (a.absent(code) if a.complete else None)
            second = b.amount(code) or (b.absent(code) if b.complete else None)
            if first is not None and second is not None:
                yield code, first, second


def compare_views(ctx: Context, a: View, b: View, *, what: str, relation: Relation = equal,
                  totals: tuple[Figure | None, Figure | None] | None = None) -> list[Finding]:
    """Hold ``a`` against ``b`` code by code and in total (``relation(a, b)``), keeping only the
    finest finding of each disagreement. ``totals`` replaces the views' own totals."""
    found: list[tuple[str | None, Finding]] = []
    for code, first, second in _pairs(a, b, _HOLDS.get(relation)):
        finding = relation(ctx, first, second, what)
        if finding is not None:
            found.append((str(code), finding))
    first_total, second_total = totals if totals is not None else (a.total(), b.total())
    if first_total is not None and second_total is not None:
        finding = relation(ctx, first_total, second_total, what)
        if finding is not None:
            found.append((None, finding))
    return keep_finest(found)


def table_view(ctx: Context, key: str, column: Column) -> CodeView:
    """One column of the document's table ``key``, by code (the table must be present); a row printed
    without a valid code is read under the code the catalogue places it at (see
    :mod:`~cnbudget.validation.rules.placement`). Built once per run: views are never changed once built,
    and several rules look at the same columns."""
    def view() -> CodeView:
        table = getattr(ctx.doc.tables, key)
        lines = placed_rows(ctx.cache, ctx.catalog, key, table)[:len(table.lines)]  # its rows by code
        indexes: dict[tuple[int, ...], _CodeIndex] = ctx.cache.get("code indexes", dict, table=key)
        printed = ctx.cache.get("printed fields", lambda: _PrintedFields(lines), table=key)
        totals = ctx.cache.get("total rows", lambda: total_rows_of(lines), table=key)
        return CodeView(ctx.table_name(key), key, lines, column, indexes, printed, totals)

    return ctx.cache.get(("table view", column), view, table=key)


#: A comparison with a table's printed total that failed on the document checked: the rule's id, its
#: finding, the table's own rows the total rests on (:meth:`CodeView.total_read_from`) and the table
#: of the figure compared with it.
FailedTotal = tuple[str, Finding, tuple[Any, ...], str]
_FAILED_TOTALS = ("failed comparisons with the total",)


def note_failed_total(ctx: Context, view: View, finding: Finding | None, compared_with: str) -> None:
    """Note ``finding`` of a comparison of a figure of the table ``compared_with`` (read from that
    table alone) with ``view``'s total (a table's ``lines``), for the diagnosis of shifted rows: a rule
    that compares the same figure with the same total again makes it again. Noted on the document
    checked alone, where the total is a printed row."""
    if finding is None or not ctx.cache.notes_failures or not isinstance(view, CodeView):
        return
    positions = view.total_read_from()
    if positions:
        lines = getattr(ctx.doc.tables, view.table).lines  # the view's lines, one for one
        failed_totals(ctx.cache, view.table).append(
            (ctx.rule.id, finding, tuple(lines[position] for position in positions), compared_with))


def failed_totals(cache: RunCache, key: str) -> list[FailedTotal]:
    """The comparisons with the total of the table ``key`` that failed on the run's document."""
    return cache.get(_FAILED_TOTALS, list, table=key)


def view_unmoved(cache_key: object, moved: frozenset[str]) -> bool:
    """Whether ``cache_key`` (a table's value in the run cache) is a view (:func:`table_view`) that
    reads none of the fields ``moved``: a view reads its rows' codes, names and kinds and its own
    column's fields alone, so it is the same on a document with only other fields of the table's
    rows changed (the diagnosis of shifted rows moves some columns' figures)."""
    if not (isinstance(cache_key, tuple) and len(cache_key) == 2 and cache_key[0] == "table view"):
        return False
    column = cache_key[1]
    return isinstance(column, Column) and moved.isdisjoint(
        field for fields in column.alternatives for field in fields)
