"""The columns of one page of a layout table, found from where its rows' cells stand (版面栏目).

Within one page, ``pdftotext -layout`` prints every cell of a column at one place: names and codes
start at one position (left-aligned), amounts end at one position (right-aligned), give or take a
character where a wide figure or a long name pushed them. So the columns of a page are the
positions where the tokens of its data rows start (words) or end (amounts), each shared by rows
of the page; a text whose amounts are left-aligned (a table padded to column widths, as
``column -t`` prints it) has them start at one position instead, and the page's amounts are read
that way when that explains them with fewer columns.

Every column also has a region, the positions between it and its neighbours, for a token that
stands at no column's position (a total's label centred across the code columns, a heading): the
token belongs to the column whose region holds all of it, and to no column when it straddles two.

>>> from cnbudget.readers.text.layout_words import line_tokens
>>> rows = [line_tokens(text) for text in ("201        一般公共服务支出     2,932,700   2,932,700",
...                                        "201   05   统计信息事务         257,700     257,700")]
>>> columns = find_columns(rows)
>>> [(c.align, c.anchor) for c in columns.columns]
[('left', 0), ('left', 6), ('left', 11), ('right', 33), ('right', 45)]
>>> columns.place(rows[1])
['201', '05', '统计信息事务', '257,700', '257,700']
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from cnbudget.model import is_sum_label
from cnbudget.readers.text.layout_words import Token, TokenKind

__all__ = ["DRIFT", "Align", "Column", "Columns", "amounts_alignment", "find_columns"]

Align = Literal["left", "right"]

_INDENT = 4  # how far right of its column an indented cell may start
DRIFT = 2  # how far a figure or a name may stand from its column's position, in characters


@attrs.frozen(kw_only=True)
class Column:
    """One column of a page: how its cells are aligned, the position they share, and the positions
    its tokens cover."""

    align: Align
    anchor: int  # the shared start (left) or end (right)
    start: int  # the leftmost position of its tokens
    end: int  # the rightmost end of its tokens
    amounts: bool  # whether its cells are amounts
    centre: float  # the middle of its tokens, for ordering
    printed: bool = True  # whether rows print in it (a column only the header names has no rows' cells)
    reach: int | None = None  # for words: the furthest start of an indented cell (1.一般公共预算 under 一、财政拨款)
    mixed: bool = False  # whether words and amounts both start at its position (text padded to column widths)

    def holds(self, token: Token) -> bool:
        """Whether the token stands at this column's position."""
        position = token.start if self.align == "left" else token.end
        furthest = self.anchor if self.reach is None else self.reach
        return (self.anchor - DRIFT <= position <= furthest + DRIFT
                and (self.mixed or (token.kind is TokenKind.AMOUNT) == self.amounts))


@attrs.frozen(kw_only=True)
class Columns:
    """The columns of a page, left to right, and the bounds between their regions."""

    columns: tuple[Column, ...]
    bounds: tuple[int, ...]  # bounds[i]: the first position of column i + 1's region
    # Each token's column, once found: a page's tokens are asked for again (their columns' texts,
    # their cells, the columns each row uses), and the answer is a fact of these columns.
    # Kept by the token's identity, the token held with its answer (its identity not reused meanwhile).
    _found: dict[int, tuple[Token, int | None]] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    # What Column.holds asks of each column, laid out once: every token of the page is held to all.
    _places: tuple[tuple[int, bool, int, int, bool, bool], ...] = attrs.field(
        default=attrs.Factory(lambda self: _places(self.columns), takes_self=True), init=False, eq=False, repr=False)

    @property
    def amounts_align(self) -> Align | None:
        """How the printed amounts of the page are aligned, where it prints any."""
        return next((column.align for column in self.columns if column.amounts and column.printed), None)

    def with_columns(self, extra: Sequence[Column]) -> Columns:
        """These columns and ``extra`` ones, in order, with the bounds between them again."""
        return _ordered([*self.columns, *extra])

    def merged_unheaded(self, header: Sequence[Sequence[Token]], rows: Sequence[Sequence[Token]]) -> Columns:
        """These columns with a column of words that no heading stands over, and that never shares
        a row with the column of words left of it, taken into that column: labels centred over a
        merged cell (当年支出小计 under 功能科目名称, 金额 and 项目名称) start where no column does."""
        headed = {c for tokens in header for t in tokens for c in self.regions_of(t.start, t.end)}
        if not headed or not any(_may_merge(right, left, index, headed) for index, (left, right)
                                 in enumerate(itertools.pairwise(self.columns), start=1)):
            return self  # no column may be merged: the rows need not be read
        held = [{self.column_of(t) for t in tokens} for tokens in rows]  # each row's columns, found once
        used = [{row for row, columns in enumerate(held) if i in columns} for i in range(len(self.columns))]
        found = list(self.columns)
        for index in range(len(found) - 1, 0, -1):
            column, left = found[index], found[index - 1]
            if not _may_merge(column, left, index, headed) or used[index] & used[index - 1]:
                continue
            found[index - 1] = attrs.evolve(left, reach=max(left.reach or left.anchor, column.reach or column.anchor),
                                            end=max(left.end, column.end))
            used[index - 1] |= used[index]
            del found[index]
        return _ordered(found) if len(found) < len(self.columns) else self

    def column_of(self, token: Token) -> int | None:
        """The column a token belongs to: the one at whose position it stands, else the one whose
        region holds all of it; ``None`` when it straddles two regions."""
        kept = self._found.get(id(token))
        if kept is not None:
            return kept[1]
        found = self._column_of(token)
        self._found[id(token)] = (token, found)
        return found

    def holding(self, token: Token) -> list[int]:
        """The columns at whose position the token stands (:meth:`Column.holds`), in order."""
        start, end, amount = token.start, token.end, token.kind is TokenKind.AMOUNT
        return [index for index, by_start, first, last, mixed, amounts in self._places
                if first <= (start if by_start else end) <= last and (mixed or amount == amounts)]

    def _column_of(self, token: Token) -> int | None:
        held = self.holding(token)
        if len(held) == 1:
            # Words one space apart, the later starting where a later column's words start, may be
            # two cells (``打印设备（20万以上） 政府集中采购``): whose words are whose cannot be told.
            return None if self._runs_over(token, held[0]) else held[0]
        within = self.region_of(token.start, token.end)
        if within is not None:
            column = self.columns[within]
            # A figure overlaps its column's figures; one that overlaps none stands between columns.
            stray = token.kind is TokenKind.AMOUNT and column.amounts and not (
                token.start < column.end and column.start < token.end)
            return None if stray else within
        # Over the bound between a column of words and one of amounts: words belong to the one, figures to the other.
        kind = [i for i in self.regions_of(token.start, token.end)
                if self.columns[i].amounts == (token.kind is TokenKind.AMOUNT)]
        if len(kind) == 1:
            return kind[0]
        # A total's label centred over the leading columns (合 计 under 科目编码 and 科目名称) is read by its
        # words wherever it stands: the first of them.
        return kind[0] if kind and token.kind is TokenKind.TEXT and is_sum_label(token.text) else None

    def parted(self, token: Token, printed: Mapping[int, set[str]]) -> list[Token]:
        """A token of words one space apart whose later words start where a later column of words
        starts, as two tokens, where those later words are printed whole as a cell of that column on
        another row (``打印设备（20万以上） 政府集中采购`` beside ``政府集中采购`` alone); else the token.
        ``printed``: the texts (without spaces) of the tokens each column holds."""
        words = token.text.split(" ")
        if token.kind is not TokenKind.TEXT or len(words) != len(token.inner) + 1:
            return [token]
        for cut, start in enumerate(token.inner, start=1):
            head = Token(start=token.start, end=start - 1, text=" ".join(words[:cut]), kind=TokenKind.TEXT,
                         inner=token.inner[:cut - 1])
            tail = Token(start=start, end=token.end, text=" ".join(words[cut:]), kind=TokenKind.TEXT,
                         inner=token.inner[cut:])
            index = self.column_of(tail)
            if (index is not None and not self.columns[index].amounts and self.columns[index].align == "left"
                    and abs(start - self.columns[index].anchor) <= DRIFT
                    and "".join(tail.text.split()) in printed.get(index, set())
                    and (before := self.column_of(head)) is not None and before < index):
                return [head, tail]
        return [token]

    def _runs_over(self, token: Token, index: int) -> bool:
        """Whether words held by column ``index`` have one, a space after another, that starts where
        a later column of words starts."""
        return token.kind is TokenKind.TEXT and any(
            column.align == "left" and not column.amounts and abs(start - column.anchor) <= DRIFT
            for column in self.columns[index + 1:] for start in token.inner)

    def region_of(self, start: int, end: int) -> int | None:
        """The column whose region holds the positions ``start`` to ``end`` (exclusive), or ``None``."""
        first = self.region_at(start)
        last = self.region_at(end - 1)
        return first if first == last else None

    def region_at(self, position: int) -> int:
        """The column whose region holds one position."""
        return sum(1 for bound in self.bounds if position >= bound)

    def regions_of(self, start: int, end: int) -> range:
        """The columns whose regions the positions ``start`` to ``end`` (exclusive) touch."""
        return range(self.region_at(start), self.region_at(end - 1) + 1)

    def place(self, tokens: Sequence[Token]) -> list[str] | None:
        """The row's cells, one per column (blank where it prints nothing), or ``None`` when a token
        belongs to no column, two amounts fall into one column, or the tokens stand in another order
        than their columns."""
        cells: list[list[str]] = [[] for _ in self.columns]
        kinds: list[list[TokenKind]] = [[] for _ in self.columns]
        previous = -1
        for token in tokens:
            index = self.column_of(token)
            if index is None or index < previous:
                return None
            previous = index
            cells[index].append(token.text)
            kinds[index].append(token.kind)
        for found in kinds:
            if len(found) > 1 and TokenKind.AMOUNT in found:
                return None  # a figure cut in two, or two figures where one column stands
        return [" ".join(texts) for texts in cells]


def _places(columns: Sequence[Column]) -> tuple[tuple[int, bool, int, int, bool, bool], ...]:
    """For each column, as :meth:`Column.holds` reads it: its index, whether tokens stand at it by
    their start, the first and last position they may stand at, whether it is mixed, and whether
    it holds amounts."""
    return tuple((index, column.align == "left", column.anchor - DRIFT,
                  (column.anchor if column.reach is None else column.reach) + DRIFT, column.mixed, column.amounts)
                 for index, column in enumerate(columns))


def _may_merge(column: Column, left: Column, index: int, headed: set[int]) -> bool:
    """Whether a column of words (at ``index``) may be taken into the column of words left of it
    where their rows show it (:meth:`Columns.merged_unheaded`): printed and under no heading."""
    return not (column.amounts or left.amounts or not column.printed or index in headed)


def _clusters(positions: Iterable[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """(position, row) pairs grouped where positions lie within the drift of each other."""
    ordered = sorted(positions)
    groups: list[list[tuple[int, int]]] = []
    for position, row in ordered:
        if groups and position - groups[-1][-1][0] <= DRIFT:
            groups[-1].append((position, row))
        else:
            groups.append([(position, row)])
    return groups


def _aligned(tokens: Sequence[tuple[int, Token]], align: Align, amounts: bool, support: int) -> list[Column]:
    """The columns where tokens (with their row) share a start (left) or an end (right)."""
    columns = []
    by_position = {(t.start if align == "left" else t.end, row): t for row, t in tokens}
    for group in _clusters(by_position):
        rows = {row for _, row in group}
        if len(rows) < support:
            continue
        members = [by_position[key] for key in group]
        columns.append(Column(
            align=align,
            anchor=min(p for p, _ in group) if align == "left" else max(p for p, _ in group),
            start=min(t.start for t in members),
            end=max(t.end for t in members),
            amounts=amounts,
            centre=statistics.median(t.centre for t in members),
        ))
    return columns


def find_columns(rows: Sequence[Sequence[Token]], amounts_align: Align | None = None,
                 headings: Sequence[Token] = (), *, first: bool = True) -> Columns:
    """The columns of a page from the tokens of its data rows (see the module text); the amounts
    aligned as ``amounts_align`` says where it is known (from the table's first page), else as the
    rows show, else (a row or two of figures that start and end alike) left where they start where
    the ``headings`` start (text padded to column widths, headings and all). A column of amounts
    that a single row prints is one only under a heading on the table's ``first`` page (a later
    page's columns must match the first page's, or its rows are not placed)."""
    support = 2 if len(rows) >= 3 else 1
    words = [(row, t) for row, tokens in enumerate(rows) for t in tokens if t.kind is not TokenKind.AMOUNT]
    figures = [(row, t) for row, tokens in enumerate(rows) for t in tokens if t.kind is TokenKind.AMOUNT]
    # Amounts stand right-aligned (pdftotext) or left-aligned (text padded to column widths): the
    # alignment that puts them in fewer columns, and where both do, the one they keep more exactly.
    # Where the table's first page has told it, the figures are aligned only that way.
    ways: tuple[Align, ...] = ("right", "left") if amounts_align is None else (amounts_align,)
    aligned = {align: _aligned(figures, align, True, 1) for align in ways}
    if amounts_align is None:
        amounts_align = _alignment(aligned["right"], aligned["left"], figures)
    if amounts_align is None:  # a row or two whose figures start and end alike
        starts = {t.start for t in headings}
        amounts_align = "left" if figures and all(t.start in starts for _, t in figures) else "right"
    amounts = [column for column in aligned[amounts_align]
               if not first or _supported(column, figures, support, headings)]
    return _ordered(_shared(_indented(_aligned(words, "left", False, support), words), amounts, [*words, *figures]))


def _supported(column: Column, figures: Sequence[tuple[int, Token]], support: int, headings: Sequence[Token]) -> bool:
    """Whether a column of amounts is one: figures of enough rows stand in it, or a heading stands
    over it (a column a single row prints); a figure alone under no heading stands between columns."""
    rows = {row for row, token in figures if column.holds(token)}
    return len(rows) >= support or any(t.start < column.end and column.start < t.end for t in headings)


def amounts_alignment(rows: Sequence[Sequence[Token]]) -> Align | None:
    """How the figures of the rows are aligned, as they show it: ``None`` where they stand in as many
    columns, as exactly, whether read by their starts or by their ends."""
    figures = [(row, t) for row, tokens in enumerate(rows) for t in tokens if t.kind is TokenKind.AMOUNT]
    return _alignment(_aligned(figures, "right", True, 1), _aligned(figures, "left", True, 1), figures)


def _alignment(by_end: Sequence[Column], by_start: Sequence[Column],
               figures: Sequence[tuple[int, Token]]) -> Align | None:
    right = (len(by_end), _spread(by_end, figures))
    left = (len(by_start), _spread(by_start, figures))
    return None if right == left else "right" if right < left else "left"


def _shared(words: Sequence[Column], amounts: Sequence[Column], tokens: Sequence[tuple[int, Token]]) -> list[Column]:
    """The columns, with a column of words and a column of amounts that start at one position made
    one: in text padded to column widths a row may print an amount where the other rows print words
    (a total's figures under the code columns), and the position is the column whatever it holds."""
    found = list(words)
    for column in amounts:
        same = next((i for i, other in enumerate(found) if column.align == "left" and other.reach is None
                     and abs(other.anchor - column.anchor) <= DRIFT), None)
        if same is None:
            found.append(column)
            continue
        other = found[same]
        held = [t for _, t in tokens if other.holds(t) or column.holds(t)]
        figures = sum(1 for t in held if t.kind is TokenKind.AMOUNT)
        found[same] = attrs.evolve(
            other, anchor=min(other.anchor, column.anchor), start=min(other.start, column.start),
            end=max(other.end, column.end), amounts=figures > len(held) - figures, mixed=True,
            centre=statistics.median(t.centre for t in held))
    return found


def _indented(columns: list[Column], words: Sequence[tuple[int, Token]]) -> list[Column]:
    """The columns of words with a column that starts a few positions right of another, and never on
    a row of its own, taken for that column's indented cells (a list's sub-items)."""
    merged: list[Column] = []
    for column in sorted(columns, key=lambda c: c.anchor):
        last = merged[-1] if merged else None
        if last is not None and column.anchor - (last.reach or last.anchor) <= _INDENT and not _share_rows(
                last, column, words):
            merged[-1] = attrs.evolve(last, reach=column.anchor, end=max(last.end, column.end))
        else:
            merged.append(column)
    return merged


def _share_rows(left: Column, right: Column, words: Sequence[tuple[int, Token]]) -> bool:
    rows_left = {row for row, t in words if left.holds(t)}
    return any(right.holds(t) for row, t in words if row in rows_left)


def _spread(columns: Sequence[Column], tokens: Sequence[tuple[int, Token]]) -> int:
    """How far the tokens stand from the position of the column that holds them, in all."""
    spread = 0
    for _, token in tokens:
        for column in columns:
            if column.holds(token):
                spread += abs((token.start if column.align == "left" else token.end) - column.anchor)
                break
    return spread


def _ordered(columns: Sequence[Column]) -> Columns:
    found = sorted(columns, key=lambda c: c.centre)
    bounds = tuple(_bound(left, right) for left, right in itertools.pairwise(found))
    return Columns(columns=tuple(found), bounds=bounds)


def _bound(left: Column, right: Column) -> int:
    """The first position of ``right``'s region: a left-aligned column's cells begin at its position,
    a right-aligned one's region reaches back to where the column before it ends."""
    if right.align == "left":
        return right.anchor - 1 if left.align == "left" else (left.end + right.anchor + 1) // 2
    if left.align == "right":
        return left.end + 1
    return (left.end + right.start + 1) // 2 if left.end < right.start else right.start
