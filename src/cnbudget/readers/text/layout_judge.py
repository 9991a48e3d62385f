"""Which placings of a layout table's pages its own totals leave (版面表格的总数核对).

A later page of a table may print fewer columns than the first page and nothing to show which one
it leaves out (政府采购: the 采购品目大类 column, blank on that page, printed no more, the others
closer together). Each way of matching its columns to the first page's is then a placing of the
page; the table is read under each, and a placing is kept only where its reader reads every row of
the page and the table's identities hold for the whole table. Where the placings kept give one
reading (the same rows, names and figures), it is read; otherwise the page is reported, nothing
guessed. A short later page whose columns match none of the first page's (a row or two, totals'
labels centred between columns) is placed row by row: each row's words and figures, left to right,
into the first page's columns of their kind, words (figures) that start (end) together on different
rows in one column, each such way judged alike. Only the tables whose identities are written here
are judged so (:data:`JUDGED`).

The identities of 政府采购支出预算表 (as HIER-010 checks them): every row with rows below it
(:meth:`~cnbudget.model.ProcurementTable.tree`) is their sum, 合计 the sum of the top ones,
rounding-aware (:func:`~cnbudget.money.check_sum`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from decimal import Decimal

import attrs

from cnbudget.model import (
    FiscalLine,
    FiscalSummaryTable,
    ProcurementLine,
    ProcurementTable,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Table,
)
from cnbudget.model.amounts import SourceAmounts
from cnbudget.model.sums import identities
from cnbudget.money import Consistency, check_sum
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.procurement import read_procurement_table
from cnbudget.readers.tables.summary_tables import read_fiscal_summary_table, read_summary_table
from cnbudget.readers.tables.two_sided import SharedLines, refused
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.source import SourceLine

__all__ = ["JUDGED", "SharedLines", "reading_of"]

def _procurement_holds(table: Table) -> bool:
    """Whether every row of the 政府采购 table with rows below it is their sum (see the module text)."""
    if not isinstance(table, ProcurementTable):
        return False
    lines: Sequence[ProcurementLine] = table.lines
    below, tops = table.tree()
    totals = [line for line in lines if line.level == "total"]
    sums = [(lines[parent].amount, [lines[i].amount for i in parts]) for parent, parts in below.items()]
    sums += [(total.amount, [lines[i].amount for i in tops]) for total in totals]
    return bool(totals) and all(check_sum(total, parts).status is not Consistency.INCONSISTENT
                                for total, parts in sums)


def _amount(line: SummaryLine | FiscalLine) -> Decimal:
    return line.amount if isinstance(line, SummaryLine) else line.amounts.total


def _two_sided_holds(table: Table) -> bool:
    """Whether a two-sided summary (收支总表) adds up: 收入合计 = 支出合计; the revenue lines as the
    funding sources add up (:data:`~cnbudget.model.sums.SUMS`: 收入合计 = 当年收入 + 上年结转, 当年收入 =
    财政拨款 + 财政专户 + 单位资金, 财政拨款 = 各预算之和); and each breakdown of the expenditure (by
    function, by use) is the year's expenditure (当年支出小计, else 支出合计 less 结转下年). A revenue
    line that no identity places (a name read as no source or total) leaves its figure unchecked, so
    the table is not taken to add up; nor is it where an expenditure line of no role (no 类, use or
    total) prints no figure: a wrapped name's piece read as a row of its own (``国土海洋气象等支`` /
    ``出``), which the totals cannot tell from its other reading. An expenditure line of no role with
    a figure (其中：人员经费 120.00, an economic 类) stays outside the sums, as it always was."""
    if not isinstance(table, SummaryTable | FiscalSummaryTable):
        return False
    revenue, expenditure = table.revenue, table.expenditure
    totals = [_amount(line) for line in revenue if line.role is SummaryRole.TOTAL]
    spent_totals = [_amount(line) for line in expenditure if line.role is SummaryRole.TOTAL]
    if len(totals) != 1 or len(spent_totals) != 1:
        return False
    sums: list[tuple[Decimal, list[Decimal]]] = [(totals[0], [spent_totals[0]])]
    printed: dict[str, Decimal] = {"total": totals[0]}
    for line in revenue:
        if line.role is SummaryRole.TOTAL:
            continue
        column = ("current_year" if line.role is SummaryRole.CURRENT_YEAR
                  else line.source.value if line.role is SummaryRole.SOURCE and line.source is not None else None)
        if column is None or column in printed:
            return False  # a line no identity places, or a source printed twice
        printed[column] = line.amount
    if any(line.role is SummaryRole.OTHER and not _amount(line) for line in expenditure):
        return False
    sums += [(printed[identity.total], [printed[part] for part in identity.parts])
             for identity in identities(SourceAmounts, printed)]
    current = [_amount(line) for line in expenditure if line.role is SummaryRole.CURRENT_YEAR]
    carried = [_amount(line) for line in expenditure if line.role is SummaryRole.YEAR_END_CARRYOVER]
    for role in (SummaryRole.FUNCTION, SummaryRole.USE):
        parts = [_amount(line) for line in expenditure if line.role is role]
        if parts:
            sums.append((current[0], parts) if len(current) == 1 else (spent_totals[0], [*parts, *carried]))
    return all(check_sum(total, parts).status is not Consistency.INCONSISTENT for total, parts in sums)


#: A table's reader given the lines on which a problem refuses the reading (it may stop there) and
#: what the readings of one table share (the lines above those, read once where the reader can).
TableReader = Callable[[Block, Collection[int], SharedLines], tuple[Table | None, list[Problem]]]

#: The tables whose later pages may be placed by their identities: each one's reader and the test
#: that its identities hold for the whole table.
JUDGED: Mapping[str, tuple[TableReader, Callable[[Table], bool]]] = {
    "procurement": (lambda block, _refused_on, _shared: read_procurement_table(block), _procurement_holds),
    "summary": (read_summary_table, _two_sided_holds),
    "fiscal_summary": (read_fiscal_summary_table, _two_sided_holds),
}


def reading_of(block: Block, lines: Sequence[SourceLine], page_lines: set[int],
               shared: SharedLines | None = None) -> Hashable | None:
    """What the table of ``block`` reads as with its lines placed as ``lines``, where its reader reads
    every row of the lines numbered ``page_lines`` and its identities hold (rows, names and figures,
    without their positions); ``None`` where they do not, or the table is not judged. The readings
    of one table's placings pass one ``shared``: its lines above ``page_lines`` are then read once
    (each placing gives the lines no placing moves as the same objects)."""
    judged = JUDGED.get(block.key)
    if judged is None:
        return None
    reader, holds = judged
    table, problems = reader(attrs.evolve(block, lines=tuple(lines)), page_lines,
                             SharedLines() if shared is None else shared)
    if table is None or refused(problems, page_lines) or not holds(table):
        return None
    # Both sides of a two-sided table: a reading of its rows alone would be empty for every placing.
    # A row is its own reading: where it is printed (its line and page) is outside its equality.
    return tuple(table.sides())
