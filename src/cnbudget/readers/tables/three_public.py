"""The "三公" table (财政拨款/一般公共预算“三公”经费支出情况表), key ``three_public``.

Two printed shapes, told apart by their column headings:

* items down, budgets across (11-table template): one row per item — 合计, 因公出国（境）费,
  公务接待费, 公务用车购置及运行费（小计）, 其中：公务用车购置费, 公务用车运行费 — with the columns
  合计 | 一般公共预算 | 政府性基金 | 国有资本经营预算 (under 资金来源 or 预算来源), or one 预算数 column;
* items across (Henan template): one row of amounts under “三公”经费合计 | 因公出国（境）费 |
  公务用车购置及运行费 (小计 | 公务用车购置费 | 公务用车运行费) | 公务接待费.

Rows are recognised by their label, not their position; a row whose amounts are all blank is
printed by some conversions as the label alone and is read as zeros. The scope (口径) is the budget
the title names (财政拨款 or 一般公共预算). A table without one of the six items cannot be held by
:class:`~cnbudget.model.ThreePublicTable` and is reported, never completed by arithmetic.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> rows = ["“三公”经费支出内容\\t合计\\t资金来源", "\\t\\t一般公共预算\\t政府性基金\\t国有资本经营预算",
...         "合计\\t0.50\\t0.50", "因公出国（境）费", "公务接待费\\t0.50\\t0.50", "公务用车购置及运行费（小计）",
...         "其中：公务用车购置费", "公务用车运行费"]
>>> table, problems = read_three_public_table(find_blocks(split_lines("财政拨款“三公”经费支出情况表\\n"
...                                                                 + "\\n".join(rows)))[0])
>>> table.scope, table.reception.general_budget, table.vehicles.total, problems
('财政拨款', Decimal('0.50'), Decimal('0'), [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from cnbudget.model import SourceSplit, ThreePublicTable, is_sum_label
from cnbudget.numbering import strip_number
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout, choose_layout, place_amounts
from cnbudget.readers.tables.header import DerivedLayout, derive_layout, project_cells
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.lost_columns import lost_columns
from cnbudget.readers.tables.tabling import TableReading, is_empty_statement, table_info
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import Grid, any_filled, make_grid
from cnbudget.readers.text.source import SourceLine
from cnbudget.text import normalize_width

__all__ = ["ITEMS_ACROSS_LAYOUTS", "ITEMS_DOWN_LAYOUTS", "item_of", "read_three_public_table"]

_ITEMS = ("total", "overseas_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")
_BUDGETS = ("general_budget", "gov_fund", "soe_capital")

#: Items down, budgets across: the amounts of one row form a :class:`SourceSplit`.
ITEMS_DOWN_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="by-budget",
        record=SourceSplit,
        signature=("合计", "一般公共预算", "政府性基金", "国有资本经营"),
        lead=("name",),
        amounts=("total", *_BUDGETS),
    ),
    OrderedLayout(
        name="total-only",
        record=SourceSplit,
        signature=("预算数",),
        absent=("一般公共预算", "政府性基金", "国有资本经营", "上年", "增减", "出国", "接待"),  # items across
        lead=("name",),
        amounts=("total",),
    ),
)

#: Items across: one row whose amounts are the items.
ITEMS_ACROSS_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="items-across",
        record=ThreePublicTable,
        signature=("合计", "出国", "购置及运行", "接待", "小计", "购置费", "运行费"),
        lead=(),
        amounts=("total", "overseas_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"),
    ),
)

_LEAD_IN = re.compile(r"^其中[:]?")
_GROUP_TOTAL = re.compile(r'^"?三公"?经费(?:支出)?(?:预算)?(?:合计|总计)?$')
_SCOPE = re.compile(r"(财政拨款|一般公共预算)\"?三公")
_NOTE = re.compile(r"^(?:注|备注|说明)[:：]")
_MAX_LABEL = 30


def item_of(label: str) -> str | None:
    """The item a row label names (a field of :class:`~cnbudget.model.ThreePublicTable`), or ``None``.

    >>> item_of("公务用车购置及运行费 （小计）"), item_of("其中：公务用车购置费"), item_of("合 计")
    ('vehicles', 'vehicle_purchase', 'total')
    >>> item_of("公务用车运行维护费"), item_of("培训费") is None
    ('vehicle_operation', True)
    """
    text = normalize_width("".join(label.split())).replace("**", "")
    text = _LEAD_IN.sub("", strip_number(text))
    if is_sum_label(text) or _GROUP_TOTAL.match(text):
        return "total"
    if "出国" in text:
        return "overseas_travel"
    if "接待" in text:
        return "reception"
    if "车" not in text:
        return None
    if re.search(r"购置(?:费)?(?:及|和|与|,)运行", text):
        return "vehicles"
    if "购置" in text:
        return "vehicle_purchase"
    if "运行" in text or "维护" in text:
        return "vehicle_operation"
    return None


def _scope(title: str) -> str | None:
    match = _SCOPE.search(normalize_width("".join(title.split())))
    return match.group(1) if match else None


def _numbering_problem(grid: Grid, layout: Layout, table: str) -> list[Problem]:
    width = len(layout.lead) + len(layout.amounts)
    if grid.numbering is None or grid.column_count == width:
        return []
    return [Problem(line=grid.numbering.number, text=grid.numbering.raw, table=table,
                    message=f"the column-number row announces {grid.column_count} columns; "
                            f"the recognised layout has {width}")]


class _Items:
    """The splits read so far, by item, and the problems met."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.splits: dict[str, SourceSplit] = {}
        self.problems: list[Problem] = []

    def report(self, line: SourceLine, message: str) -> None:
        self.problems.append(Problem(line=line.number, text=line.raw, message=message, table=self.table))

    def add(self, item: str, split: SourceSplit, line: SourceLine) -> None:
        if item in self.splits:
            self.report(line, f"row not read: a second row for the item {item}; the first is kept")
        else:
            self.splits[item] = split

    def place(self, line: SourceLine, layout: Layout, cells: Sequence[str]) -> dict[str, Decimal] | None:
        """The row's amounts by column; ``None`` (reported) when they cannot be placed with certainty."""
        placement = place_amounts(layout, cells)
        if placement.problem is not None:
            self.report(line, f"row not read: {placement.problem}")
            return None
        if placement.uncertain:
            self.report(line, "row not read: the text dropped an empty cell and more than one placement "
                              f"satisfies the row's identities ({', '.join(placement.uncertain)} uncertain)")
            return None
        if placement.repaired:
            self.report(line, "the text dropped an empty cell in this row; the amounts were placed where "
                              "the row's own identities (合计 = 各栏之和) hold")
        return placement.values

    def read_across(self, rows: Sequence[SourceLine], layout: Layout) -> None:
        for index, line in enumerate(rows):
            if index:
                self.report(line, "row not read: the table prints its items across one row; "
                                  "this further row has no place in the model")
                continue
            placement = self.place(line, layout, line.cells)
            if placement is None:
                continue
            for item, value in placement.items():
                self.add(item, SourceSplit(total=value), line)

    def read_down(self, lines: Sequence[SourceLine], layout: Layout) -> None:
        index = 0
        while index < len(lines):
            line = lines[index]
            label, cells = _label(line), list(line.cells[1:])
            following = lines[index + 1] if index + 1 < len(lines) else None
            index += 1
            if following is not None and _cut(label, _label(following)):
                # A label cut by a page break: one piece carries the amounts.
                index += 1
                tail = list(following.cells[1:])
                if any_filled(cells) and any_filled(tail):
                    self.report(following, "row not read: both pieces of a cut label carry amounts")
                    continue
                label, cells = label + _label(following), cells if any_filled(cells) else tail
            item = item_of(label)
            if item is None:
                self.report(line, f"row not read: {label!r} is no item of the 三公 table")
                continue
            placement = self.place(line, layout, cells)
            if placement is not None:
                self.add(item, SourceSplit(**placement), line)


def _label(line: SourceLine) -> str:
    return line.cells[0] if line.cells else ""


def _cut(head: str, tail: str) -> bool:
    """Whether two labels are the pieces of one cut by a page break: the tail names no item, the head
    stops inside a word (an item's label ends with 费 or 计), and together they name an item."""
    complete = normalize_width("".join(head.split())).endswith(("费", "计", "计)"))
    return (item_of(head) is None or not complete) and item_of(tail) is None and item_of(head + tail) is not None


def _item_lines(block: Block, grid: Grid) -> list[SourceLine]:
    """The lines below the header that may be items: data rows; short lines without cells (an item
    whose cells are all blank, printed as its label alone, or a piece of a label cut by a page
    break); and rows without amounts that the grid set aside as headers but that name an item."""
    last_header = max((line.number for line in grid.header), default=0)
    rows = set(grid.rows)
    notes = set(grid.notes)
    headers = {tuple("".join(cell.split()) for cell in line.cells) for line in grid.header}
    chosen = []
    for line in block.lines:
        if line.number <= last_header or line.is_blank:
            continue
        if line in rows:
            chosen.append(line)
        elif line in notes:
            text = line.text.rstrip()
            if len(text) <= _MAX_LABEL and not is_empty_statement(text) and not text.endswith(("。", ".")) \
                    and not _NOTE.match(line.squeezed):
                chosen.append(line)
        elif line.is_tabular and item_of(line.cells[0]) is not None \
                and tuple("".join(cell.split()) for cell in line.cells) not in headers:
            chosen.append(line)
    return chosen


def read_three_public_table(block: Block) -> tuple[ThreePublicTable | None, list[Problem]]:
    """Read the "三公" table (``three_public``); ``None`` with problems when it cannot be read whole."""
    grid = make_grid(block.lines)
    empty = next((note.text for note in grid.notes if is_empty_statement(note.text)), None)
    if empty is not None and not grid.rows and not any(item_of(note.text) for note in grid.notes):
        return None, [_problem(block, f"table not kept: it states that it is empty ({empty[:40]!r}) and prints no "
                                      "items; the 三公 table holds every item")]
    lost = lost_columns(block)
    if lost is not None:
        return None, [lost]
    across = choose_layout(grid.header_text, ITEMS_ACROSS_LAYOUTS)
    down = None if across is not None else choose_layout(grid.header_text, ITEMS_DOWN_LAYOUTS)
    derived = derive_layout(grid.header, ThreePublicTable) if across is None and down is None else None
    rows: Sequence[SourceLine] = grid.rows
    placed: list[Problem] = []
    if isinstance(derived, DerivedLayout) and not derived.layout.lead:
        # Items across under headings no declared layout has (会议费, 培训费, 机关运行经费 beside them).
        across = derived.layout
        rows = []
        for line in grid.rows:
            cells = project_cells(line, derived)
            if isinstance(cells, tuple):
                rows.append(line.with_cells(cells))
            else:
                placed.append(Problem(line=line.number, text=line.raw, table=block.key,
                                      message=f"row not read: {cells}; the items cannot be placed with certainty"))
    layout = across or down
    if layout is None:
        heading = grid.header_text[:80]
        why = f"; {derived}" if isinstance(derived, str) else ""
        return None, [_problem(block, f"table not read: its column headings match no known layout ({heading!r}"
                                      f"{why})")]
    items = _Items(block.key)
    items.problems.extend([*placed, *_numbering_problem(grid, layout, block.key)])
    if across is not None:
        items.read_across(rows, across)
    else:
        items.read_down(_item_lines(block, grid), layout)
    missing = [item for item in _ITEMS if item not in items.splits]
    if missing:
        why = "it prints no item rows" if not items.splits else f"these items are not printed: {', '.join(missing)}"
        return None, [*items.problems, _problem(block, f"table not read: {why}; the 三公 table holds every item")]
    info: dict[str, Any] = {**table_info(block, TableReading(grid=grid, layout=layout, rows=(), problems=[])),
                            **items.splits}
    return ThreePublicTable(scope=_scope(block.title.text), **info), items.problems


def _problem(block: Block, message: str) -> Problem:
    return Problem(line=block.title.number, text=block.title.text, table=block.key, message=message)
