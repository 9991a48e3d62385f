"""Diagnoses that explain several findings at once (诊断): rows whose figures sit one column off.

A table continued over pages can come out of a PDF with the rows of one page one column to the left
or right of the rest: the extraction lost (or added) an empty column at the page break. Read as it
stands, such a table breaks many identities at once — its 类 against its 款, its 合计 against its
类, its totals against the other tables — and each rule reports its own. They are one problem.

:func:`shifted_rows` tests that explanation instead of guessing it: for a table with broken sums,
it moves the figures of one run of rows (the rows between two breaks in the printed lines, such as
a page break) one column left or right, from one column on, and checks the document again with the
rules that failed and the cross-table rules. Only where every failure of the table goes away and no
new one appears is the explanation accepted: one reading warning (READ-006) then names the rows and
the columns, and lists the findings it accounts for as ``related``; those findings are not reported
on their own. The
figures are never changed in the model: the reader must look at the published document.
"""

from __future__ import annotations

import functools
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.model import AmountRecord, BudgetDisclosure, Line
from cnbudget.model.fields import as_optional_amount, zh_label
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.hierarchy import row_figure, sum_fails
from cnbudget.validation.tables import location

__all__ = ["Shift", "shifted_rows"]

#: Runs a set of rules, in the order given, over a document that differs from the one checked in the
#: one table named, and there in the figures of the fields named alone, and gives their findings as
#: it goes (the engine, without diagnoses).
Checker = Callable[[BudgetDisclosure, Sequence[str], str, frozenset[str]], Iterable[Finding]]
#: The keys of the tables a rule (by id) reads on the document checked; none for a rule that did not
#: run on it (:func:`cnbudget.validation.reads.tables_read`).
Reads = Callable[[str], frozenset[str]]
#: The sums of a table (by key) found not to add up on the document checked, each as its rows (the
#: table's own, parent first) and the column (:func:`cnbudget.validation.rules.hierarchy.failed_sums`).
FailedSums = Callable[[str], Sequence[tuple[tuple[Any, ...], str]]]
#: The sums of coded rows of a table (by key) that each hierarchy rule (by id) checks on the document
#: checked, by their rows (:func:`cnbudget.validation.rules.hierarchy.checked_sums`).
CheckedSums = Callable[[str], Sequence[tuple[str, tuple[Any, ...]]]]
#: The comparisons with the printed total of a table (by key) that failed on the document checked, each
#: as the rule's id, its finding, the table's rows the total rests on and the table of the figure
#: compared with it (:func:`cnbudget.validation.rules.cross_table_views.failed_totals`).
FailedTotals = Callable[[str], Sequence[tuple[str, Finding, tuple[Any, ...], str]]]

_MAX_TRIES = 200  # hypotheses per table: a bound on the time a badly broken table may take
# Each hypothesis checks the whole document again, so a long document gets fewer: the rows checked
# over all hypotheses stay within a few checks of a long document (100 hypotheses of 200 rows each).
_MAX_ROWS_CHECKED = 20_000


@attrs.frozen(kw_only=True)
class Shift:
    """Rows ``first``…``last`` (by position in the table) whose figures from ``column`` on sit
    ``by`` columns off (+1: to the right of where the other rows print them)."""

    table: str
    first: int
    last: int
    columns: tuple[str, ...]  # the columns moved, in printed order
    by: int


def _records(table: Any) -> list[tuple[Line, AmountRecord]]:
    """The rows with a record of amounts; none for a table whose sides hold records of two kinds
    (a two-sided summary), whose columns do not line up from one side to the other."""
    rows = [(row, row.amounts) for row in table.rows() if isinstance(getattr(row, "amounts", None), AmountRecord)]
    return rows if len({type(record) for _, record in rows}) == 1 else []


def _printed_columns(rows: Sequence[tuple[Line, AmountRecord]]) -> list[str]:
    """The amount columns the table prints (any row holds a figure there), in the record's order."""
    record_type: Any = type(rows[0][1])
    return [field.name for field in attrs.fields(record_type)
            if field.metadata.get("amount") and any(getattr(record, field.name) is not None for _, record in rows)]


def _runs(rows: Sequence[tuple[Line, AmountRecord]]) -> list[tuple[int, int]]:
    """The runs of rows printed on consecutive lines (a gap — a page break, a repeated heading —
    ends a run), as (first, last) positions; none where the rows carry no line numbers."""
    lines = [getattr(row, "line_number", None) for row, _ in rows]
    if any(line is None for line in lines):
        return []
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(lines) + 1):
        if index == len(lines) or lines[index] != lines[index - 1] + 1:  # type: ignore[operator]
            runs.append((start, index - 1))
            start = index
    return runs if len(runs) > 1 else []


def _undone_from(columns: Sequence[str], column: str, by: int) -> str | None:
    """The column whose figure belongs in ``column`` once a shift of ``by`` places is undone (the
    figures move ``by`` places back); ``None`` where none does. The one home of that arithmetic."""
    source = columns.index(column) + by
    return columns[source] if 0 <= source < len(columns) else None


def _moved(record: AmountRecord, columns: Sequence[str], by: int) -> AmountRecord | None:
    """``record`` with the figures of ``columns`` moved ``by`` places back (undoing a shift of
    ``by``); ``None`` where a figure would leave the columns."""
    sources, untaken = _sources(tuple(columns), by)
    if any(getattr(record, column) for column in untaken):
        return None  # a figure no column takes
    return _record_with(record, {column: None if source is None else getattr(record, source)
                                 for column, source in sources})


@functools.lru_cache(maxsize=256)  # the same for every sum a shift moves; a pure function of its arguments
def _undone_columns(columns: tuple[str, ...], by: int) -> Mapping[str, str | None]:
    """Each of ``columns`` with the column whose figure it takes once a shift of ``by`` is undone."""
    return {column: _undone_from(columns, column, by) for column in columns}


@functools.lru_cache(maxsize=256)  # the same for every row a shift moves; a pure function of its arguments
def _sources(columns: tuple[str, ...], by: int) -> tuple[tuple[tuple[str, str | None], ...], tuple[str, ...]]:
    """Each column with the column whose figure it takes once a shift of ``by`` is undone, and the
    columns whose figures no column takes (in the order given)."""
    sources = tuple((column, _undone_from(columns, column, by)) for column in columns)
    taken = {source for _, source in sources}
    return sources, tuple(column for column in columns if column not in taken)


# A shift tried rebuilds every row of its run; the figures it moves are the record's own, already
# through the amount gate, so the moved record and its row are built without running converters and
# validators that would leave every value as it is (a property test holds them equal to evolve's).
_new, _set = object.__new__, object.__setattr__


@functools.cache
def _fields(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(kind))  # the same for every run


@functools.cache
def _optional_amounts(kind: type) -> frozenset[str]:
    """The fields of a record that take an optional amount and nothing else (no validator)."""
    return frozenset(field.name for field in attrs.fields(kind)
                     if field.converter is as_optional_amount and field.validator is None)


def _copy(instance: Any, changes: Mapping[str, Any]) -> Any:
    """``instance`` with ``changes``, its fields set as they are (no converter, no validator): for
    values the checks would pass unchanged, which the callers below make sure of."""
    kind: Any = type(instance)  # a class is hashable, whatever its instances' __hash__ says to mypy
    copy = _new(kind)
    for name in _fields(kind):
        _set(copy, name, changes[name] if name in changes else getattr(instance, name))
    return copy


def _record_with(record: AmountRecord, figures: dict[str, Decimal | None]) -> AmountRecord:
    """``attrs.evolve(record, **figures)`` for figures taken from ``record`` itself (or ``None``)."""
    kind: Any = type(record)  # a class is hashable, whatever its instances' __hash__ says to mypy
    if not _optional_amounts(kind).issuperset(figures):
        return attrs.evolve(record, **figures)  # type: ignore[misc]
    moved: AmountRecord = _copy(record, figures)
    return moved


def _row_with(row: Any, record: AmountRecord) -> Any:
    """``attrs.evolve(row, amounts=record)`` for a record of the type of the row's own."""
    kind: Any = type(row)
    if type(record) is not type(row.amounts) or attrs.fields_dict(kind)["amounts"].converter is not None:
        return attrs.evolve(row, amounts=record)
    return _copy(row, {"amounts": record})


def _evolved(instance: Any, **changes: Any) -> Any:
    """``attrs.evolve(instance, **changes)`` for changes that are the instance's own kind of value,
    which its validators would pass as they are: the tables and the document get their moved table
    without the checks; a table's rows (every row field converts to a tuple) go through attrs."""
    kind: Any = type(instance)
    fields = attrs.fields_dict(kind)
    if any(fields[name].converter is not None for name in changes):
        return attrs.evolve(instance, **changes)
    return _copy(instance, changes)


def _with_rows_moved(doc: BudgetDisclosure, key: str, shift: Shift,
                     positions: Mapping[int, int] | None = None) -> BudgetDisclosure | None:
    """``doc`` with the figures of ``shift`` moved back; ``positions``: each row with a record (by
    ``id``) with its place among them (:func:`_records`), the same for every shift of the table."""
    table = getattr(doc.tables, key)
    if positions is None:
        positions = _positions(_records(table))
    changes: dict[str, tuple[Any, ...]] = {}
    for field in attrs.fields(type(table)):
        if not field.metadata.get("rows"):
            continue
        new_rows = []
        for row in getattr(table, field.name):
            index = positions.get(id(row))
            if index is not None and shift.first <= index <= shift.last:
                record = _moved(row.amounts, shift.columns, shift.by)
                if record is None:
                    return None
                row = _row_with(row, record)
            new_rows.append(row)
        changes[field.name] = tuple(new_rows)
    moved: BudgetDisclosure = _evolved(doc, tables=_evolved(doc.tables, **{key: _evolved(table, **changes)}))
    return moved


def _positions(rows: Sequence[tuple[Line, AmountRecord]]) -> dict[int, int]:
    return {id(row): index for index, (row, _) in enumerate(rows)}


def _touches(finding: Finding, key: str) -> bool:
    return finding.severity is Severity.ERROR and any(location.table == key for location in finding.locations)


def _hypotheses(rows: Sequence[tuple[Line, AmountRecord]], key: str) -> Iterator[Shift]:
    columns = _printed_columns(rows)
    for first, last in _runs(rows):
        for start in range(1, len(columns) - 1):  # the first column (合计) never moves alone
            for by in (1, -1):
                yield Shift(table=key, first=first, last=last, columns=tuple(columns[start:]), by=by)


def _still_failing(rows: Sequence[tuple[Line, AmountRecord]], failed: Iterable[tuple[tuple[Any, ...], str]],
                   checked: Iterable[tuple[Any, ...]]) -> Callable[[Shift], bool]:
    """Whether a shift leaves a sum of coded rows failing that a rule run again checks: ``failed``,
    the sums that failed (rows and column), and ``checked``, every sum the failed hierarchy rules
    check. The rows of such a sum are read from their codes alone, so on the moved document the same
    rows add up again, with the figures the shift gives them; where they differ by more than
    rounding in some column, the rule reports the table again, and the shift is settled without
    checking the document again."""
    positions = _positions(rows)

    def placed(sum_rows: tuple[Any, ...]) -> list[tuple[Any, int | None]]:
        # Each row with its place among the rows with records (None: a row that never moves).
        return [(row, positions.get(id(row))) for row in sum_rows]

    # Each sum by its number: the failed ones first, then those checked. A sum's figures on a moved
    # document are fixed by where each row's figure comes from (its own in the column, or the column
    # a shift moves it from): many shifts give a sum the same figures, judged once for all of them.
    failed = list(failed)
    sums = [placed(sum_rows) for sum_rows, _ in failed] + [placed(sum_rows) for sum_rows in checked]
    # The places of each sum's rows that a shift can move, in order: the rows of a run among them are
    # one slice, found by bisection and named by its first and last place as well as by its rows.
    moving = [sorted(at for _, at in sum_rows if at is not None) for sum_rows in sums]
    failing = [(number, column) for number, (_, column) in enumerate(failed)]
    held = range(len(failing), len(sums))
    verdicts: dict[tuple[Any, ...], bool] = {}

    def fails(number: int, column: str, shift: Shift, undone: Mapping[str, str | None]) -> bool:
        places = moving[number]
        low, high = bisect_left(places, shift.first), bisect_right(places, shift.last)
        if column not in undone or low == high:
            key: tuple[Any, ...] = (number, column)  # no figure of the sum moves: its own verdict
        else:
            key = (number, column, undone[column], places[low], places[high - 1])
        if key not in verdicts:
            figures = [row_figure(row, column) if at is None or not shift.first <= at <= shift.last
                       or column not in undone else
                       None if (source := undone[column]) is None else getattr(row.amounts, source)
                       for row, at in sums[number]]
            verdicts[key] = sum_fails(figures[0], figures[1:])
        return verdicts[key]

    @functools.cache  # the same for every shift of one run
    def held_in(first: int, last: int) -> list[int]:
        """The sums checked with a row in the run ``first``…``last``: a shift of it changes their
        figures in the columns it moves."""
        return [number for number in held
                if bisect_left(moving[number], first) < bisect_right(moving[number], last)]

    def still_failing(shift: Shift) -> bool:
        undone = _undone_columns(shift.columns, shift.by)
        if any(fails(number, column, shift, undone) for number, column in failing):
            return True
        return any(fails(number, column, shift, undone) for number in held_in(shift.first, shift.last)
                   for column in shift.columns)

    return still_failing


def _fails_on_a_total(positions: Mapping[int, int], key: str, failing: Sequence[Finding],
                      totals: Iterable[tuple[str, Finding, tuple[Any, ...], str]]
                      ) -> Callable[[Shift, Sequence[str]], bool]:
    """Whether a shift fails on a comparison with the table's printed total that failed (``totals``,
    :data:`FailedTotals`), given the rules run again: a rule run again reads the same figure of the
    other table and, where the shift moves none of the rows the total rests on, the same total, and
    makes the same finding again; among ``failing`` (it touches the table), it is not explained."""
    among_failing = set(failing)  # a list looked through for each total: quadratic in a table's failures
    resting = [(rule, [positions.get(id(row)) for row in rows])
               for rule, finding, rows, other in totals if other != key and finding in among_failing]

    def fails(shift: Shift, checked: Sequence[str]) -> bool:
        return any(rule in checked and not any(at is not None and shift.first <= at <= shift.last for at in places)
                   for rule, places in resting)

    return fails


def _explain(doc: BudgetDisclosure, key: str, findings: list[Finding], check: Checker, tries: int,
             reads: Reads, sums_failed: FailedSums, sums_checked: CheckedSums,
             totals_failed: FailedTotals = lambda key: ()) -> list[Shift]:
    """The shifts that, undone, make every failure of the table go away and add none: the fewest
    columns each (starting at the column a moved figure belongs in)."""
    failing = [f for f in findings if _touches(f, key)]
    # The rules that failed, and every cross-table rule: the other tables are what tells a shifted
    # run of rows from a run printed right.
    # The order decides only how soon a shift that does not explain is settled, not whether it
    # explains. A shift is rerun once it has got past the sums of coded rows the failed hierarchy
    # rules check (_still_failing): what settles most shifts left is the other failed rules (a
    # failed comparison with another table), then the other tables, then those hierarchy rules.
    failed = sorted({finding.rule for finding in failing})
    cross = sorted({r.id for r in RULES.values() if r.family == "XTAB"} - set(failed))
    summed = [rule for rule in failed if rule.startswith("HIER")]
    rules = [rule for rule in failed if rule not in summed] + cross + summed
    # The same rules' errors elsewhere stay as they are; they must not be what the shift removes.
    # (Not ``f not in failing``: a finding is among them exactly where it touches the table, as every
    # finding equal to it does; looking through the list for each finding was quadratic.)
    elsewhere = {f.message for f in findings
                 if f.rule in rules and f.severity is Severity.ERROR and not _touches(f, key)}

    def stays(errors: Iterable[Finding]) -> bool:  # stops at the first error that stays
        return all(f.message in elsewhere and not _touches(f, key) for f in errors)

    rows = _records(getattr(doc.tables, key))
    if not rows:
        return []

    @functools.cache  # asked when a shift first gets past the sums (most shifts of most tables never do)
    def rerun() -> list[str] | None:
        """The rules to run on each moved document; ``None`` where no shift can explain the table."""
        # A cross-table rule that does not read the table finds on every moved document what it found
        # first: its first findings are judged once, and it is not run again.
        unread = {rule for rule in cross if key not in reads(rule)}
        if not stays(f for f in findings if f.rule in unread and f.severity is Severity.ERROR):
            return None
        return [rule for rule in rules if rule not in unread]

    still_failing = _still_failing(rows, sums_failed(key),
                                   [sum_rows for rule, sum_rows in sums_checked(key) if rule in failed])
    tried = list(itertools.islice(_hypotheses(rows, key), tries))
    positions = _positions(rows)
    fails_on_a_total = _fails_on_a_total(positions, key, failing, totals_failed(key))

    @functools.cache  # a hypothesis (by its place among those tried) is checked once at most
    def explains(index: int) -> bool:
        shift = tried[index]
        if still_failing(shift):
            return False
        checked = rerun()
        if checked is None or fails_on_a_total(shift, checked):
            return False
        moved = _with_rows_moved(doc, key, shift, positions)
        if moved is None:
            return False
        return stays(f for f in check(moved, checked, key, frozenset(shift.columns)) if f.severity is Severity.ERROR)

    return _kept(tried, explains)


def _kept(tried: Sequence[Shift], explains: Callable[[int], bool]) -> list[Shift]:
    """Of each run and direction, the shift among ``tried`` that explains (``explains``, by place in
    ``tried``; it may be asked twice about a shift, and keeps its answers) with the fewest columns, in
    the order the first shift of each that explains comes in ``tried``: what trying every shift in
    order keeps, with fewer shifts checked."""
    by_run: dict[tuple[int, int, int], list[int]] = {}  # the hypotheses of each run and direction
    for index, shift in enumerate(tried):
        by_run.setdefault((shift.first, shift.last, shift.by), []).append(index)
    # Tried fewest columns first, the first that explains settles the others without checking them.
    found: dict[tuple[int, int, int], Shift] = {}
    for run, indexes in by_run.items():
        for index in sorted(indexes, key=lambda i: len(tried[i].columns)):
            if explains(index):
                found[run] = tried[index]
                break
    # The runs come one after the other as tried, but both directions of one run may explain: then
    # the first that explains, as tried, comes first.
    runs = [(first, last) for first, last, _ in found]

    def first_explaining(run: tuple[int, int, int]) -> int:
        if runs.count(run[:2]) == 1:
            return by_run[run][0]
        return next(i for i in by_run[run] if explains(i))

    return [found[run] for run in sorted(found, key=first_explaining)]


def _first_label(doc: BudgetDisclosure, shift: Shift) -> str:
    record: Any = type(_records(getattr(doc.tables, shift.table))[0][1])
    return zh_label(attrs.fields_dict(record)[shift.columns[0]])


def _lines(doc: BudgetDisclosure, shift: Shift) -> str:
    rows = _records(getattr(doc.tables, shift.table))
    return f"第 {rows[shift.first][0].line_number}–{rows[shift.last][0].line_number} 行"


_CAUSE = "多半是文本提取在分页处丢失或多出了一个空栏，请对照原件"


def _describe(doc: BudgetDisclosure, shifts: list[Shift], table_name: str) -> str | None:
    """The diagnosis in words: one run of rows off the others, or two runs off each other where
    moving either makes the sums hold; ``None`` for anything less clear."""
    if len(shifts) == 1:
        shift = shifts[0]
        side = "右" if shift.by > 0 else "左"
        return (f"{table_name}{_lines(doc, shift)}自“{_first_label(doc, shift)}”栏起的数字比其余各行偏{side}了 "
                f"{abs(shift.by)} 栏；移回后，本表的加总和与其他表的核对全部成立。{_CAUSE}")
    if len(shifts) == 2 and shifts[0].by == -shifts[1].by:
        first, second = sorted(shifts, key=lambda s: s.first)
        label = _first_label(doc, min(shifts, key=lambda s: len(s.columns)))
        return (f"{table_name}{_lines(doc, first)}与{_lines(doc, second)}自“{label}”栏起的数字错开了 "
                f"{abs(first.by)} 栏：移动其中任一段，本表的加总都成立，其他表不能判定是哪一段错位。{_CAUSE}")
    return None


def shifted_rows(doc: BudgetDisclosure, findings: list[Finding], check: Checker,
                 table_name: Callable[[str], str], reads: Reads, sums_failed: FailedSums = lambda key: (),
                 sums_checked: CheckedSums = lambda key: (), totals_failed: FailedTotals = lambda key: ()
                 ) -> list[Finding]:
    """``findings`` with every run of shifted rows that explains a table's failures reported once
    (READ-006, with the failures as ``related``) instead of its failures; ``sums_failed`` and
    ``sums_checked`` give the sums of coded rows found not to add up and all those the hierarchy rules
    check, and ``totals_failed`` the failed comparisons with a table's printed total, which settle many
    shifts before the rules are run again."""
    keys = sorted({location.table for f in findings if f.rule.startswith("HIER") and f.severity is Severity.ERROR
                   for location in f.locations[:1] if location.table})
    if not keys:  # no table fails to add up: nothing to explain (and no rows to count)
        return findings
    original = list(findings)  # each table is judged against what the rules found, not what is left
    size = sum(1 for _, table in doc.tables.present() for _ in table.rows())
    tries = min(_MAX_TRIES, _MAX_ROWS_CHECKED // max(size * len(keys), 1))
    for key in keys:
        if getattr(doc.tables, key, None) is None:
            continue
        shifts = _explain(doc, key, original, check, tries, reads, sums_failed, sums_checked, totals_failed)
        message = _describe(doc, shifts, table_name(key)) if shifts else None
        if message is None:
            continue
        failing = [f for f in findings if _touches(f, key)]
        rule = RULES["READ-006"]
        first_row = _records(getattr(doc.tables, key))[min(s.first for s in shifts)][0]
        diagnosis = Finding(rule=rule.id, severity=rule.severity, message=message,
                            locations=(location(key, first_row),),
                            related=tuple(f"{f.rule} {f.message}" for f in failing))
        index = findings.index(failing[0])
        findings = [f for f in findings if not _touches(f, key)]  # those not in failing (see _explain)
        findings.insert(min(index, len(findings)), diagnosis)
    return findings
