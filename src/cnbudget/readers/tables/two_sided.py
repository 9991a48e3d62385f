"""Two-sided tables: revenue on the left, expenditure on the right of each printed line (收支对照表).

收支总体情况表 and 财政拨款收支总体情况表 print two lists side by side: funding sources with their
amount, and the function 类 with one or more amount columns. Each line is cut into its two sides by
the layout; each side becomes an entry of its own list. A side whose cells do not have the shape the
layout expects (an amount where a name belongs, a 类 code on the revenue side) is reported and the
line is not read. A name cut by a page break is joined to the line above only when the pieces
together make a name the side lists and the tail alone does not.

A name wrapped onto a line of its own in a line that prints no figure (``十七、国土海洋气象等支`` /
``出``) gives two pieces without a figure, one below the other on one side: they are one name only
where together they make a name the library knows, printed whole (:func:`is_known_name`), the second
alone does not, and the first alone does not either or starts a numbered item the second does not
continue (``2.政府性基金`` / ``预算``). Otherwise which they are cannot be told, and both are reported
and left unread; so is a piece without a figure whose name the library does not know on the last
line read when lines of the table below it were not read (the rest of its name may stand there).

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> side = Layout(name="side", signature=(), lead=("name",), amounts=("amount",))
>>> layout = TwoSidedLayout(name="demo", signature=("收入", "支出"), revenue=side, expenditure=side)
>>> text = ("收支总体情况表\\n收入\\t\\t支出\\n项目\\t预算数\\t项目\\t预算数\\n"
...         "一、本年收入\\t5.00\\t210 卫生健康支出\\t5.00")
>>> reading = read_two_sided(find_blocks(split_lines(text))[0], [layout])
>>> [(e.printed, e.values["amount"]) for e in reading.expenditure]
[('210卫生健康支出', Decimal('5.00'))]
"""

from __future__ import annotations

import operator
import re
from collections.abc import Collection, Hashable, Sequence
from decimal import Decimal

import attrs

from cnbudget.model import SummaryRole
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout, place_amounts
from cnbudget.readers.tables.header import header_columns
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.summary_names import expenditure_role, is_known_name, is_recognised, parse_printed
from cnbudget.readers.tables.tabling import is_empty_statement
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import Grid, any_filled, is_amount, make_grid
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["SharedLines", "SideEntry", "TwoSidedLayout", "TwoSidedReading", "is_two_sided_data", "read_two_sided",
           "refused"]

# Column headings of two-sided tables; a line made only of these (or blanks) is a header row.
_HEADING = re.compile(
    r"(?:本年|当年)?(?:财政拨款)?(?:收入|支出)(?:项目)?|项目(?:名称)?|(?:上年|本年)?度?(?:预算数|决算数|执行数|金额)|合计|小计"
    r"|总计|(?:支出)?功能分类(?:科目)?(?:编码|名称)?|功能科目(?:编码|名称)?|支出用途|科目(?:编码|名称)?|其中[:：]?财政拨款"
    r"|基本支出|项目支出|人员经费|公用经费"
    r"|[\u4e00-\u9fff]{0,8}(?:预算|基金)"
)
_PAGE_FURNITURE = re.compile(r"^[-—\s\d第页共/]*$|^续表")


def is_two_sided_data(line: SourceLine) -> bool:
    """A data row: an amount in it, or a cell that is not a column heading.

    >>> is_two_sided_data(SourceLine.of(1, "项 目\\t预算数\\t支出功能分类\\t预算数"))
    False
    >>> is_two_sided_data(SourceLine.of(2, "\\t\\t230 转移性支出"))
    True
    """
    # Asked of every line of the table: spaces taken out as \s would be, without a pattern per cell.
    return any(map(is_amount, line.cells)) or not all(
        _HEADING.fullmatch("".join(cell.split())) for cell in line.cells if cell.strip()
    )


@attrs.frozen(kw_only=True)
class TwoSidedLayout:
    """One printed variant of a two-sided table: header labels and the columns of each side."""

    name: str
    signature: tuple[str, ...]  # labels that must appear in the header text, in this order
    revenue: Layout  # the left side: its lead columns and amount columns
    expenditure: Layout  # the right side
    absent: tuple[str, ...] = ()  # labels whose presence rules this layout out
    # A second expenditure side printed to the right of the first: spending by use (支出用途) beside
    # spending by function (Jiangsu 收支预算总表); its lines join the expenditure side.
    uses: Layout | None = None

    def matches(self, header_text: str) -> bool:
        """Whether a header (spaces removed) is this layout's: its labels in order, none absent."""
        header = OrderedLayout(name=self.name, signature=self.signature, absent=self.absent, lead=(), amounts=())
        return header.matches(header_text)

    @property
    def width(self) -> int:
        """The number of columns of a full line."""
        sides = (self.revenue, self.expenditure, *((self.uses,) if self.uses is not None else ()))
        return sum(len(side.lead) + len(side.amounts) for side in sides)


@attrs.define(kw_only=True)
class SideEntry:
    """One side of one line while the table is being read (mutable until the table is built)."""

    line: SourceLine
    printed: str  # the name cell as printed (cleaned), with its numbering and any 类 code
    code: str | None = None  # a code printed in a column of its own
    values: dict[str, Decimal] = attrs.field(factory=dict)
    has_amounts: bool = False


@attrs.frozen(kw_only=True)
class TwoSidedReading:
    """What reading a two-sided table produced."""

    grid: Grid
    layout: TwoSidedLayout | None
    revenue: tuple[SideEntry, ...]
    expenditure: tuple[SideEntry, ...]
    problems: list[Problem]


def read_two_sided(block: Block, layouts: Sequence[TwoSidedLayout],
                   refused_on: Collection[int] = frozenset(), shared: SharedLines | None = None) -> TwoSidedReading:
    """Take ``block`` apart, recognise its layout and read both sides of every line; the reading
    stops at the first problem on a line numbered in ``refused_on`` (for a caller that refuses a
    reading with one: problems are only ever added, so the rest of the lines cannot undo it). A
    caller reading one table under several versions of its lines passes one ``shared`` to each
    reading: the lines they share above the first line of ``refused_on`` are then read once."""
    grid = make_grid(block.lines, is_two_sided_data)
    layout, why = _recognise(grid, layouts)
    if layout is None:
        empty = not grid.rows and any(is_empty_statement(note.text) for note in grid.notes)
        problems = [] if empty else [
            Problem(line=block.title.number, text=block.title.text, table=block.key, message=f"table not read: {why}")
        ]
        return TwoSidedReading(grid=grid, layout=None, revenue=(), expenditure=(), problems=problems)
    reader = _SideReader(layout=layout, table=block.key)
    if grid.column_count is not None and grid.column_count != layout.width and grid.numbering is not None:
        reader.report(grid.numbering, f"the column-number row announces {grid.column_count} columns; "
                      f"the recognised layout has {layout.width}")
    columns = _columns(grid, layout)
    inside = _lines_inside(grid, block.lines)
    before = len(reader.problems)
    start = 0
    if shared is not None and refused_on:
        start = next((i for i, line in enumerate(inside) if line.number in refused_on), len(inside))
        if not shared.resume(reader, (layout, columns), inside[:start]):
            if not all(_read_line(reader, line, columns, refused_on) for line in inside[:start]):
                return reader.reading(grid)
            shared.keep(reader, (layout, columns), inside[:start], reader.problems[before:])
    if not all(_read_line(reader, line, columns, refused_on) for line in inside[start:]):
        return reader.reading(grid)
    if inside:
        reader.close([line.number for line in block.lines if line.number > inside[-1].number
                      and not line.is_blank and not _PAGE_FURNITURE.match(line.text)])
    return reader.reading(grid)


def refused(problems: Sequence[Problem], refused_on: Collection[int]) -> bool:
    """Whether one of ``problems`` stands on a line numbered in ``refused_on`` (a reading its caller
    refuses: see :func:`read_two_sided`).

    >>> problem = Problem(line=12, text="合计", table="summary", message="line not read")
    >>> refused([problem], {12, 13}), refused([problem], {14}), refused([problem], ())
    (True, False, False)
    """
    return bool(refused_on) and any(problem.line in refused_on for problem in problems)


def _read_line(reader: _SideReader, line: SourceLine, columns: Sequence[int] | None,
               refused_on: Collection[int]) -> bool:
    """Read one line of the table; whether to go on (no problem on a line numbered in ``refused_on``)."""
    placed = line if columns is None else _placed(line, columns)
    reported = len(reader.problems)
    if placed is None:
        reader.report(line, "line not read: cells stand where the header has no column")
    else:
        reader.read(placed)
    return not refused(reader.problems[reported:], refused_on)


@attrs.define
class SharedLines:
    """The state of readings of one table after the lines they share (see :func:`read_two_sided`):
    kept after the first reading, copied into each later one whose lines above its first refused
    line are the very same (the same objects, under the same layout and columns)."""

    _kept: list[tuple[Hashable, Sequence[SourceLine], _SideReader, list[Problem]]] = attrs.field(factory=list)

    def keep(self, reader: _SideReader, how: Hashable, lines: Sequence[SourceLine], problems: list[Problem]) -> None:
        """Keep the state of ``reader`` after reading ``lines`` (the problems it reported on them)."""
        self._kept.append((how, lines, reader.copy(), list(problems)))

    def resume(self, reader: _SideReader, how: Hashable, lines: Sequence[SourceLine]) -> bool:
        """Put into ``reader`` (fresh) the state kept after reading ``lines`` as ``how``, if kept."""
        for kept_how, kept_lines, kept, problems in self._kept:
            if (len(kept_lines) == len(lines) and all(map(operator.is_, kept_lines, lines))
                    and kept_how == how):
                reader.sides = kept.copy().sides
                reader.problems.extend(problems)
                reader.position = kept.position
                return True
        return False


def _recognise(grid: Grid, layouts: Sequence[TwoSidedLayout]) -> tuple[TwoSidedLayout | None, str]:
    """The layout the header names, or why there is none."""
    if not grid.header and not grid.rows:
        return None, "no line below the title has cells (the text lost the table's columns)"
    layout = next((candidate for candidate in layouts if candidate.matches(grid.header_text)), None)
    if layout is None:
        return None, f"its column headings match no known layout of a two-sided table ({grid.header_text[:80]!r})"
    if "编码" in grid.header_text:  # the 类 code printed in a column of its own
        layout = attrs.evolve(layout, expenditure=attrs.evolve(layout.expenditure, lead=("code", "name")))
    header_width = max((len(line.cells) for line in grid.header), default=0)
    if header_width > layout.width and _columns(grid, layout) is None:
        return None, f"its header has {header_width} columns, more than the {layout.width} of the {layout.name} layout"
    return layout, ""


def _columns(grid: Grid, layout: TwoSidedLayout) -> tuple[int, ...] | None:
    """Where an extraction spread each column over several cells (a wide header), the cell index of
    each of the layout's columns, read from the header's headings; ``None`` where the cells are the
    columns already, or where the headings do not give as many columns as the layout has."""
    if max((len(line.cells) for line in grid.header), default=0) <= layout.width:
        return None
    indexes = tuple(column.index for column in header_columns(grid.header))
    return indexes if len(indexes) == layout.width else None


def _placed(line: SourceLine, columns: Sequence[int]) -> SourceLine | None:
    """The line with one cell per column; ``None`` where a filled cell stands under no column."""
    if any(cell.strip() and index not in columns for index, cell in enumerate(line.cells)):
        return None
    return line.with_cells(tuple(line.cells[i] if i < len(line.cells) else "" for i in columns))


def _lines_inside(grid: Grid, lines: Sequence[SourceLine]) -> list[SourceLine]:
    """The data rows and every other line between them that is neither page furniture nor a repeated
    header: a revenue name whose blank cells the text dropped, the tail of a name cut by a page
    break, or a line the grid took for a heading; each is read, or reported, never passed over."""
    if not grid.rows:
        return []
    first, last = grid.rows[0].number, grid.rows[-1].number
    set_apart = {line.number for line in (*grid.rows, *grid.meta)} | {
        grid.numbering.number if grid.numbering else 0}
    headings = {_squeezed(line) for line in grid.header}
    inside = [
        line for line in lines
        if first < line.number < last and line.number not in set_apart and not line.is_blank
        and _squeezed(line) not in headings and not _PAGE_FURNITURE.match(line.text)
        and not is_empty_statement(line.text)
    ]
    return sorted([*grid.rows, *inside], key=lambda line: line.number)


def _squeezed(line: SourceLine) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", cell) for cell in line.cells)


@attrs.define(kw_only=True)
class _Column:
    """One side of the table while it is read: its entries and the last line that printed on it."""

    revenue: bool
    entries: list[SideEntry] = attrs.field(factory=list)
    last: int = -10  # the position (among the lines read) of the last line with something on this side
    current: SideEntry | None = None  # the entry that something belonged to
    in_doubt: bool = False  # whether ``current`` is a piece left unread (see the module text)

    def recent(self, position: int) -> SideEntry | None:
        """The entry the side last printed, where it printed nothing on the lines read since (an entry
        whose cell an extraction wrapped over that many lines, or cut by a page break), else ``None``."""
        return self.current if position - self.last <= _WRAP else None

    def touch(self, position: int, entry: SideEntry, *, in_doubt: bool = False) -> None:
        """Record that the line at ``position`` printed part of ``entry`` on this side."""
        self.last, self.current, self.in_doubt = position, entry, in_doubt

    def drop(self, entry: SideEntry) -> None:
        """Take ``entry`` off the side's list, if it is on it."""
        self.entries[:] = [other for other in self.entries if other is not entry]


_WRAP = 2  # how many lines below its first piece an extraction may put the rest of a cell


@attrs.define(kw_only=True)
class _SideReader:
    layout: TwoSidedLayout
    table: str
    sides: dict[str, _Column] = attrs.field(factory=lambda: {
        "revenue": _Column(revenue=True), "expenditure": _Column(revenue=False), "uses": _Column(revenue=False)})
    problems: list[Problem] = attrs.field(factory=list)
    position: int = 0  # how many lines have been read

    @property
    def revenue(self) -> list[SideEntry]:
        return self.sides["revenue"].entries

    def reading(self, grid: Grid) -> TwoSidedReading:
        """What has been read so far, of the table whose grid is ``grid``."""
        return TwoSidedReading(grid=grid, layout=self.layout, revenue=tuple(self.revenue),
                               expenditure=tuple(self.expenditure), problems=self.problems)

    def copy(self) -> _SideReader:
        """A reader in the same state whose entries are copies (reading on changes entries read)."""
        copies: dict[int, SideEntry] = {}

        def copied(entry: SideEntry) -> SideEntry:
            if id(entry) not in copies:
                copies[id(entry)] = SideEntry(line=entry.line, printed=entry.printed, code=entry.code,
                                              values=dict(entry.values), has_amounts=entry.has_amounts)
            return copies[id(entry)]

        sides = {name: _Column(revenue=side.revenue, entries=[copied(entry) for entry in side.entries],
                               last=side.last, current=None if side.current is None else copied(side.current),
                               in_doubt=side.in_doubt)
                 for name, side in self.sides.items()}
        return _SideReader(layout=self.layout, table=self.table, sides=sides, problems=list(self.problems),
                           position=self.position)

    @property
    def expenditure(self) -> list[SideEntry]:
        """Spending by function and by use together, in the order printed (function first on a line)."""
        both = [*self.sides["expenditure"].entries, *self.sides["uses"].entries]
        return sorted(both, key=lambda entry: entry.line.number)

    def report(self, line: SourceLine, message: str) -> None:
        self.problems.append(Problem(line=line.number, text=line.raw, message=message, table=self.table))

    def read(self, line: SourceLine) -> None:
        self.position += 1
        left = len(self.layout.revenue.lead) + len(self.layout.revenue.amounts)
        cells = list(line.cells) + [""] * max(0, left - len(line.cells))
        revenue = self.sides["revenue"]
        before = len(revenue.entries)
        message = self._take(revenue, line, self.layout.revenue, cells[:left])
        if message is None and len(revenue.entries) > before and parse_printed(revenue.entries[-1].printed).code:
            revenue.entries.pop()
            message = "a 类 code stands where a revenue name belongs: the cells of this line are shifted"
        if message is not None:
            self.report(line, f"line not read: {message}")
            return
        self._read_expenditure(line, cells[left:])
        added = revenue.entries[before:]
        if not line.is_tabular and added and not is_recognised(parse_printed(added[0].printed), revenue=True):
            revenue.entries.pop()
            self.report(line, "line not read: text inside the table that is not a line of it")

    def _read_expenditure(self, line: SourceLine, cells: list[str]) -> None:
        """The expenditure side, and the side of uses to its right where the layout prints one."""
        uses = self.layout.uses
        middle = len(self.layout.expenditure.lead) + len(self.layout.expenditure.amounts)
        own, beside = (cells, []) if uses is None else (cells[:middle], cells[middle:])
        if uses is not None and _spans(own, beside, self.layout.expenditure, uses):
            # A total printed across both expenditure sides: its label on the left, its amount on the right.
            own = own[: len(self.layout.expenditure.lead)] + beside[len(uses.lead):]
            beside = []
        message = self._take(self.sides["expenditure"], line, self.layout.expenditure, own)
        if message is not None:
            self.report(line, f"expenditure side not read: {message}")
        if uses is not None and beside:
            message = self._take(self.sides["uses"], line, uses, beside)
            if message is not None:
                self.report(line, f"expenditure side (by use) not read: {message}")

    def _take(self, column: _Column, line: SourceLine, side: Layout, cells: list[str]) -> str | None:
        """Read one side of a line into its column; why it could not be read, or ``None``."""
        lead_width = len(side.lead)
        cells = cells + [""] * max(0, lead_width - len(cells))
        lead, amounts = cells[:lead_width], cells[lead_width:]
        name = lead[side.lead.index("name")]
        code = lead[side.lead.index("code")].strip() if "code" in side.lead else ""
        if not any_filled(cells):
            return None
        if is_amount(name):
            return f"an amount stands where a name belongs: {name!r}"
        placement = place_amounts(side, amounts)
        if placement.problem is not None:
            return placement.problem
        if placement.uncertain:
            return ("the text dropped an empty cell and the amounts fit more than one arrangement "
                    "(columns in doubt: " + ", ".join(placement.uncertain) + ")")
        has_amounts = any_filled(amounts)
        recent = column.recent(self.position)
        if not name.strip() and not code:
            if recent is not None and column.in_doubt:
                return f"amounts of a name left unread above (line {recent.line.number})"
            if recent is None or recent.has_amounts or is_recognised(parse_printed(recent.printed),
                                                                     revenue=column.revenue):
                return "amounts without a name"
            # The amounts of an entry whose name an extraction wrapped over several lines.
            recent.values, recent.has_amounts = placement.values, True
            column.touch(self.position, recent)
            return None
        if placement.repaired:
            self.report(line, "the text dropped an empty cell in this line; the amounts were placed where "
                        "合计 = 各栏之和 holds")
        entry = SideEntry(line=line, printed=clean_name(name), code=code or None, values=placement.values,
                          has_amounts=has_amounts)
        if recent is not None and not column.in_doubt and _is_tail(recent, entry, column.revenue):
            recent.printed += entry.printed
            column.touch(self.position, recent)
        elif recent is not None and _may_be_piece(recent, entry, column.revenue):
            self._leave_unread(column, recent, entry)
        else:
            column.entries.append(entry)
            column.touch(self.position, entry)
        return None


    def _leave_unread(self, column: _Column, head: SideEntry, piece: SideEntry) -> None:
        """Report two pieces without a figure that may be one name or two rows, and read neither."""
        side = "revenue" if column.revenue else "expenditure"
        message = (f"{side} side not read: {head.printed!r} (line {head.line.number}) and {piece.printed!r} "
                   f"(line {piece.line.number}) print no figure, one below the other: one name wrapped over "
                   "two lines or two rows, which cannot be told (together they make no name the library knows, "
                   "or the first alone is one as well)")
        if not column.in_doubt:
            column.drop(head)
            self.report(head.line, message)
        self.report(piece.line, message)
        column.touch(self.position, piece, in_doubt=True)

    def close(self, below: Sequence[int]) -> None:
        """After the last line read: a piece without a figure on it whose name the library does not
        know is left unread where lines of the table below it (``below``) were not read."""
        if not below:
            return
        for column in self.sides.values():
            entry = column.current
            if (entry is None or column.in_doubt or column.last != self.position or entry.has_amounts
                    or is_known_name(parse_printed(entry.printed), revenue=column.revenue)):
                continue
            column.drop(entry)
            listed = ", ".join(str(number) for number in below[:5]) + (", …" if len(below) > 5 else "")
            self.report(entry.line, f"{entry.printed!r} not read: it prints no figure, is no name the library "
                        f"knows, and lines of the table below it were not read (lines {listed}): the rest of "
                        "its name may stand there")


def _spans(own: Sequence[str], beside: Sequence[str], left: Layout, right: Layout) -> bool:
    """Whether a line prints one entry across two sides: a name with no amount on the left, an amount
    with no name on the right."""
    if not (any_filled(own[: len(left.lead)]) and not any_filled(own[len(left.lead):])
            and not any_filled(beside[: len(right.lead)]) and any_filled(beside[len(right.lead):])):
        return False
    name = own[left.lead.index("name")] if "name" in left.lead else ""
    return expenditure_role(parse_printed(clean_name(name))) in _SPANNING


# The lines printed across both expenditure sides: 当年支出小计, 结转下年资金, 支出合计.
_SPANNING = (SummaryRole.CURRENT_YEAR, SummaryRole.YEAR_END_CARRYOVER, SummaryRole.TOTAL)


def _is_tail(head: SideEntry, tail: SideEntry, revenue_side: bool) -> bool:
    """Whether ``tail`` is the rest of ``head``'s name, cut off by a page break."""
    if tail.has_amounts or tail.code:  # told before the name is taken apart (most entries print figures)
        return False
    piece = parse_printed(tail.printed)
    if piece.numbered or piece.code or piece.part_of:
        return False
    if is_recognised(piece, revenue=revenue_side):
        return False
    start = parse_printed(head.printed)
    joined = parse_printed(head.printed + tail.printed)
    if not head.has_amounts:  # two pieces without a figure: see the module text
        return is_known_name(joined, revenue=revenue_side) and (
            start.numbered or not is_known_name(start, revenue=revenue_side))
    if revenue_side:
        return not is_recognised(start, revenue=True) and is_recognised(joined, revenue=True)
    return is_recognised(joined, revenue=False)


def _may_be_piece(head: SideEntry, piece: SideEntry, revenue_side: bool) -> bool:
    """Whether ``piece``, printing no figure below ``head`` that prints none either, may be the rest
    of its name: it starts no numbered item, no 其中 line and no code, and is no name the side lists."""
    printed = parse_printed(piece.printed)
    return not (head.has_amounts or piece.has_amounts or piece.code or printed.numbered or printed.code
                or printed.part_of or is_known_name(printed, revenue=revenue_side))
