"""A layout table's header rebuilt as rows of cells, as TAB-separated text prints it (版面表头).

``pdftotext -layout`` prints a header cell's words centred in the cell, vertically too: a heading
over several columns (收入预算) stands in the middle of them, a heading over two header rows
(合计 beside 基本支出 / 人员经费) on a line between the rows, and a heading wrapped inside its cell
(事业单位 / 经营收入) on two lines with its neighbours' words between. The lines mix the levels of
the header, so the header is rebuilt, row by row from the top, each heading in the first column it
covers, in the row of its depth (how many headings stand above it):

* wrapped pieces are joined where the words of the model know the whole and not the first piece
  (:func:`~cnbudget.model.columns.field_of`), as are the letters of a spaced heading (``合   计``);
* a heading with no heading below it (a leaf) covers the column it stands over; two leaves over one
  column of amounts mean a column whose cells are all blank on the page, so only its heading shows
  it: it becomes a column of its own (the leaf nearest the printed figures keeps theirs);
* a leaf standing in the middle of the header, from top to bottom, spans every header row (合计
  beside “三公”经费 and its parts): no heading stands over it;
* a heading with headings below it covers, over the leading columns (codes, names), all of them
  it can reach, and over amounts the columns whose first heading below it is no higher than its own
  children (a heading between them is its sibling over two rows); never a column a heading of its
  line or above claims. Two headings of one line that reach the same columns are parted where the
  leading columns end and the amounts begin, or not at all (the header is then not rebuilt).

>>> from cnbudget.readers.text.layout_columns import find_columns
>>> from cnbudget.readers.text.layout_words import line_tokens
>>> body = [line_tokens(t) for t in ("201    卫生健康支出     5.00    3.00    2.00",
...                                  "21011  医疗         5.00    3.00    2.00")]
>>> header = [(1, line_tokens("     项目                   支出预算")),
...           (2, line_tokens("编码      名称         合计     基本支出    项目支出"))]
>>> rebuild_header(header, find_columns(body)).rows
[('项目', '', '支出预算', '', ''), ('编码', '名称', '合计', '基本支出', '项目支出')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

import attrs

from cnbudget.model.columns import GENERIC_TOTALS, HEADER_WORDS, TABLE_TOTAL, field_of, heading
from cnbudget.readers.text.layout_columns import Column, Columns
from cnbudget.readers.text.layout_words import Token

__all__ = ["RebuiltHeader", "known_heading", "rebuild_header"]

_WRAP_LINES = 2  # how many lines below its first piece the rest of a wrapped heading may stand
_SPACED = 5  # the widest gap between the letters of a letter-spaced heading


@attrs.frozen(kw_only=True)
class RebuiltHeader:
    """The columns of the page (with those only the header shows) and the header's rows of cells,
    one per header line (``None`` where the headings make no tree of columns); ``certain`` is false
    where a column only the header shows cannot be told from the printed one beside it."""

    columns: Columns
    rows: list[tuple[str, ...]] | None
    certain: bool = True


@attrs.define
class _Word:
    """A heading while the header is rebuilt."""

    line: float  # its line (the middle of a wrapped heading's lines)
    start: int
    end: int
    text: str
    first: int = 0  # the first column whose region it touches
    last: int = 0  # the last one
    span: tuple[int, int] | None = None  # the columns it covers, once known
    parent: _Word | None = None

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2

    def touches(self, column: int) -> bool:
        return self.first <= column <= self.last

    def over(self, other: _Word) -> bool:
        """Whether the two stand over each other (their positions overlap)."""
        return self.start < other.end and other.start < self.end


@functools.lru_cache(maxsize=1 << 12)  # a pure function of the text: the header's pieces are joined and asked again
def known_heading(text: str) -> bool:
    """Whether the words of the model name a column of amounts by this heading."""
    label = heading(text)
    if re.fullmatch(GENERIC_TOTALS, label):
        return True
    return any(field_of(record, (label,)) not in (None, TABLE_TOTAL) for record in HEADER_WORDS)


def rebuild_header(rows: Sequence[tuple[int, Sequence[Token]]], columns: Columns) -> RebuiltHeader:
    """The header lines (line number, tokens) rebuilt over the page's columns (see the module text)."""
    words = _joined([word for line, tokens in rows for t in tokens for word in _split(line, t)])
    widened = _with_heading_columns(words, columns)
    if widened is None:
        return RebuiltHeader(columns=columns, rows=None, certain=False)
    columns = widened
    for word in words:
        word.first, word.last = columns.region_at(word.start), columns.region_at(word.end - 1)
    if not words or not _spans(words, columns):
        return RebuiltHeader(columns=columns, rows=None)
    depths = [len(_ancestors(word)) for word in words]
    if max(depths) >= len(rows):
        return RebuiltHeader(columns=columns, rows=None)
    cells = [[""] * len(columns.columns) for _ in rows]
    for word, depth in zip(words, depths, strict=True):
        assert word.span is not None
        if cells[depth][word.span[0]]:
            return RebuiltHeader(columns=columns, rows=None)  # two headings at one place
        cells[depth][word.span[0]] = word.text
    return RebuiltHeader(columns=columns, rows=[tuple(row) for row in cells])


def _split(line: int, token: Token) -> list[_Word]:
    """A header token as its headings: words one space apart are two headings where one of them is a
    heading the model knows and the whole is not (``政府性基金预算 国有资本经营预算``, ``公务接待 会议费``:
    columns printed close; but ``项目支出 合计`` is one), nor letters spaced out (``合 计``)."""
    pieces = token.text.split(" ")
    if (len(pieces) > 1 and all(len(piece) > 1 for piece in pieces) and any(known_heading(piece) for piece in pieces)
            and not known_heading(token.text)):
        words, start = [], token.start
        for piece in pieces:
            words.append(_Word(line=line, start=start, end=start + len(piece), text=piece))
            start += len(piece) + 1
        return words
    return [_Word(line=line, start=token.start, end=token.end, text=token.text)]


def _joined(words: list[_Word]) -> list[_Word]:
    """The words with letter-spaced headings and headings wrapped over lines joined (a wrapped one
    at the middle of its lines)."""
    words = sorted(words, key=lambda w: (w.line, w.start))
    spaced: list[_Word] = []
    for word in words:
        last = spaced[-1] if spaced else None
        if (last is not None and last.line == word.line and word.start - last.end <= _SPACED
                and not known_heading(last.text) and known_heading(last.text + word.text)
                and len(heading(word.text)) == 1):
            spaced[-1] = attrs.evolve(last, end=word.end, text=last.text + word.text)
        else:
            spaced.append(word)
    words = spaced
    while True:
        merged = next((m for word in words if (m := _wrapped(words, word)) is not None), None)
        if merged is None:
            return sorted(words, key=lambda w: (w.line, w.start))
        pieces, whole = merged
        words = [w for w in words if all(w is not p for p in pieces)] + [whole]


def _wrapped(words: Sequence[_Word], word: _Word) -> tuple[list[_Word], _Word] | None:
    """The pieces of the heading wrapped from ``word`` down, and the whole, or ``None``."""
    if known_heading(word.text):
        return None
    pieces = [word]
    for _ in range(2):
        following = _next_piece(words, pieces[-1])
        if following is None:
            return None
        pieces.append(following)
        text = "".join(piece.text for piece in pieces)
        if known_heading(text):
            return pieces, _Word(line=sum(p.line for p in pieces) / len(pieces), start=min(p.start for p in pieces),
                                 end=max(p.end for p in pieces), text=text)
    return None


def _next_piece(words: Sequence[_Word], piece: _Word) -> _Word | None:
    """The word right below ``piece``, over it, within a wrapped heading's reach."""
    below = [w for w in words if piece.line < w.line <= piece.line + _WRAP_LINES and w.over(piece)]
    if not below:
        return None
    nearest = min(below, key=lambda w: w.line)
    return nearest if sum(1 for w in below if w.line == nearest.line) == 1 else None


def _spanning(words: Sequence[_Word]) -> list[_Word]:
    """The headings that stand in the middle of the header from top to bottom: each spans every
    header row (合计 beside “三公”经费 and its parts), so it is a leaf under no heading."""
    top, bottom = min(w.line for w in words), max(w.line for w in words)
    return [w for w in words if top < w.line < bottom and abs(w.line - (top + bottom) / 2) <= 0.5]


def _with_heading_columns(words: Sequence[_Word], columns: Columns) -> Columns | None:
    """The columns with one for every leaf over amounts that shares a column's region with another
    leaf; ``None`` where the printed figures stand as near one leaf as another."""
    spanning = _spanning(words) if words else []
    by_column: dict[int, list[_Word]] = {}
    for word in words:
        index = columns.region_of(word.start, word.end)
        if index is not None and columns.columns[index].amounts and _leaf(word, words, columns, index, spanning):
            by_column.setdefault(index, []).append(word)
    extra: list[Column] = []
    for index, found in by_column.items():
        if len(found) < 2:
            continue
        printed = columns.columns[index]
        ranked = sorted(found, key=lambda w: abs(w.centre - printed.centre))
        if abs(ranked[1].centre - printed.centre) - abs(ranked[0].centre - printed.centre) < 2:
            return None
        extra.extend(Column(align=printed.align, anchor=w.start if printed.align == "left" else w.end, start=w.start,
                            end=w.end, amounts=True, centre=w.centre, printed=False) for w in ranked[1:])
    return columns.with_columns(extra) if extra else columns


def _leaf(word: _Word, words: Sequence[_Word], columns: Columns, index: int, spanning: Sequence[_Word]) -> bool:
    """Whether a heading over amounts heads a column of its own, before the columns are all known:
    no heading below stands over it; and a heading the model knows is not centred over headings
    below it in its column's region (基本支出 over 人员经费 and 公用经费), while one it does not know has
    none below it there (本年支出 over 合计 …), unless it spans the header from top to bottom."""
    below = [w for w in words if w.line > word.line]
    if any(w.over(word) for w in below):
        return False
    beneath = [w for w in below if columns.region_of(w.start, w.end) == index]
    if not beneath or any(word is w for w in spanning):
        return True
    return known_heading(word.text) and not _centred(word, below)


def _centred(word: _Word, below: Sequence[_Word]) -> bool:
    """Whether a heading stands centred between two headings of a line below it (基本支出 over 人员经费
    and 公用经费: it heads them both)."""
    for line in sorted({w.line for w in below})[:_WRAP_LINES + 1]:
        row = [w for w in below if w.line == line]
        left = max((w for w in row if w.end <= word.centre), key=lambda w: w.end, default=None)
        right = min((w for w in row if w.start >= word.centre), key=lambda w: w.start, default=None)
        if left is not None and right is not None and abs((left.start + right.end) / 2 - word.centre) <= 2:
            return True
    return False


def _spans(words: Sequence[_Word], columns: Columns) -> bool:
    """Give every word the columns it covers and its parent, bottom up; ``False`` where the words
    make no tree of columns."""
    groups = [w for w in words if _is_group(w, words)]  # the words' columns are set: fixed from here
    for word in words:
        if all(word is not g for g in groups):
            column = _leaf_column(word, columns)
            word.span = (column, column)
    lines = sorted({g.line for g in groups}, reverse=True)
    for line in lines:
        level = sorted((g for g in groups if g.line == line), key=lambda g: g.start)
        for group in level:
            span = _span(words, group, level, columns, groups)
            if span is None:
                return False
            group.span = span
        if not _parted(level, columns):
            return False
        for group in level:
            assert group.span is not None
            for unit in _units(words, group):
                if group.span[0] <= unit.span[0] and unit.span[1] <= group.span[1]:  # type: ignore[index]
                    unit.parent = group
    covered = [0] * len(columns.columns)
    for word in words:
        if word.parent is None and word.span is not None:
            for column in range(word.span[0], word.span[1] + 1):
                covered[column] += 1
    return all(count <= 1 for count in covered)


def _units(words: Sequence[_Word], group: _Word) -> list[_Word]:
    """The headings below ``group`` that no heading has taken yet, each with its columns."""
    return [w for w in words if w.line > group.line and w.parent is None and w.span is not None]


def _span(words: Sequence[_Word], group: _Word, level: Sequence[_Word], columns: Columns,
          groups: Sequence[_Word]) -> tuple[int, int] | None:
    """The columns a heading covers: whole headings below it, from the one under its middle and
    those beside it on that one's line (its children), over no column a heading of its own line
    stands over; widened over headings beside them where that centres it better (over the leading
    columns, as far as they go), never over a leaf that stands between it and its children (a
    heading of its own level over two header rows)."""
    units = _units(words, group)
    rivals = {c for other in level if other is not group for c in range(other.first, other.last + 1)}
    by_column: dict[int, _Word] = {}
    for unit in units:
        assert unit.span is not None
        for column in range(unit.span[0], unit.span[1] + 1):
            by_column[column] = unit
    middle = columns.region_at(int(group.centre))
    centre = by_column.get(middle) or next((by_column[c] for c in range(group.first, group.last + 1)
                                            if c in by_column), None)
    if centre is None or centre.span is None:
        return None
    child_line = centre.line

    def allowed(unit: _Word) -> bool:
        assert unit.span is not None
        inside = range(unit.span[0], unit.span[1] + 1)
        between = group.line < unit.line < child_line and all(unit is not g for g in groups)
        return not any(c in rivals for c in inside) and not between

    chain = _chain(by_column, centre, lambda u: abs(u.line - child_line) < 1 and allowed(u))
    reach = _chain(by_column, centre, allowed)
    first, last = chain[0].span[0], chain[-1].span[1]  # type: ignore[index]
    if not columns.columns[first].amounts:  # over the leading columns: all of them it can reach
        for unit in reversed(reach[:reach.index(chain[0])]):
            assert unit.span is not None
            if columns.columns[unit.span[1]].amounts:
                break
            first = unit.span[0]
        return first, last
    starts = [u.span[0] for u in reach[:reach.index(chain[0]) + 1]]  # type: ignore[index]
    ends = [u.span[1] for u in reach[reach.index(chain[-1]):]]  # type: ignore[index]
    best = min(((a, b) for a in starts for b in ends),
               key=lambda ab: (_off_centre(columns, group, ab[0], ab[1]), -(ab[1] - ab[0])))
    return best


def _is_group(word: _Word, words: Sequence[_Word]) -> bool:
    """Whether a heading has a heading below it over one of its columns (it groups them)."""
    return any(other.line > word.line and other.touches(c) for other in words for c in range(word.first, word.last + 1))


def _chain(by_column: dict[int, _Word], centre: _Word, keep: Callable[[_Word], bool]) -> list[_Word]:
    """The units side by side around ``centre`` (left to right) that ``keep`` keeps, up to the first
    it does not."""
    assert centre.span is not None
    found = [centre]
    column = centre.span[0] - 1
    while column in by_column and keep(by_column[column]):
        unit = by_column[column]
        found.insert(0, unit)
        column = unit.span[0] - 1  # type: ignore[index]
    column = centre.span[1] + 1
    while column in by_column and keep(by_column[column]):
        unit = by_column[column]
        found.append(unit)
        column = unit.span[1] + 1  # type: ignore[index]
    return found


def _leaf_column(word: _Word, columns: Columns) -> int:
    """The column a leaf heads: the one its middle stands over, or, for the heading of amounts the
    model knows standing over the words beside them (金额 centred left of right-aligned figures), the
    column of amounts next to it."""
    column = columns.region_at(int(word.centre))
    if columns.columns[column].amounts or not known_heading(word.text):
        return column
    beside = [c for c in (column - 1, column + 1) if 0 <= c < len(columns.columns) and columns.columns[c].amounts]
    return beside[0] if len(beside) == 1 else column


def _ancestors(word: _Word) -> list[_Word]:
    found = []
    above = word.parent
    while above is not None:
        found.append(above)
        above = above.parent
    return found


def _parted(groups: Sequence[_Word], columns: Columns) -> bool:
    """Part the columns two headings of one line both reach: where the leading columns end and the
    amounts begin, at the place that centres both headings best over their columns; ``False`` where
    they reach each other's own columns."""
    amounts = [column.amounts for column in columns.columns]
    for word, other in itertools.pairwise(groups):
        assert word.span is not None and other.span is not None
        (first, last), (other_first, other_last) = word.span, other.span
        if last < other_first:
            continue
        cuts = list(range(max(other_first, first + 1), min(last, other_last) + 1))
        divides = [c for c in cuts if amounts[c] != amounts[c - 1]]
        if not cuts:
            return False
        cut = min(divides or cuts, key=lambda c: _off_centre(columns, word, first, c - 1)
                  + _off_centre(columns, other, c, other_last))
        word.span, other.span = (first, cut - 1), (cut, other_last)
    return True


def _off_centre(columns: Columns, word: _Word, first: int, last: int) -> float:
    """How far a heading stands from the middle of the columns ``first`` to ``last``."""
    left = columns.bounds[first - 1] if first > 0 else min(columns.columns[0].start, word.start)
    right = columns.bounds[last] if last < len(columns.bounds) else max(columns.columns[-1].end, word.end)
    return abs((left + right) / 2 - word.centre)
