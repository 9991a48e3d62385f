"""Cells wrapped over lines, put back together (版面折行单元格).

A cell whose text wraps inside its row (``四、文化旅游体育与传媒`` / ``支出``) is printed by
``pdftotext -layout`` on lines of its own, and the row's other cells, centred vertically, on a line
between: the pieces stand above and below the row's line at mirrored distances. A line holding only
words (no figure, no code) is such a piece of the row above or below it when, in each column it
prints, a piece of the same column stands as far on the other side of that row (give or take a
line), the row's cell there being blank, no piece but the top one starting a
numbered item (``七、`` starts a row of its own), and that piece is taken by the same row: the pieces of one
cell are joined into the row's cell, top to bottom, and their lines are left blank. Where both rows
could take a piece, the one it mirrors more exactly does; where they do so as well, or the pieces
that would answer it go to another row, nothing tells which row it belongs to: the piece is
uncertain (``None``), and so are the rows it may belong to. A line no row could take stays as it is:
a row of words (``六、科学技术支出``, a row that prints no figure).

A cell wrapped over three lines (or five) has its middle piece on the row's own line, between pieces
of the same column above and below (``网络、电子检务、实验`` / ``室、机要通道、档案数  60.00`` /
``字化系统运行维护费``); by position alone that is also three rows, the middle one printing figures,
and a blank line between them tells nothing (pdftotext prints some inside a wrapped cell). Where a
row's cell has a piece of its column as far above as another below (give or take a line), what
tells it apart is only this: a later piece starts no numbered item, no piece is a total's label
(``小计``, printed whole), and the lines above and below hold nothing but pieces answered on the other
side of the row (a line with a cell nothing answers, 其他资金 beside 经营收入, is a row of its own).
Where all that holds, which reading is right cannot be told: the row, those pieces and any row that
would take one of them are uncertain (``None``), never read as the middle piece alone.

In a table every row of which prints a figure (政府采购: a category, a subject and an item each print
their amount), no line of words is a row: every one is a piece, and the question is only which row
it belongs to. The pieces between two rows go, the top ones to the upper row and the rest to the
lower (a row's cells never stand among another's), and each row takes, in every column, as many
pieces above its line as below, mirrored (a cell is centred on its row's line, where the figures
stand). Where exactly one way of sharing the page's pieces out so exists, it is read, a middle piece
with the pieces around it (``网络、电子检务、实验`` / ``室、机要通道、档案数  60.00`` / ``字化系统运行维护费``),
stacked rows whose item and method wrap over different numbers of lines too. Where no such way
exists (a line holding pieces of two rows: a cell merged over two rows beside the wrapped methods
of each), each column's pieces are shared out on their own, the same way, and the pieces of a
column standing between two rows that print nothing there, on lines one after another centred
exactly midway between them, may also be one cell merged over both rows, given to the upper (as
pdfplumber prints a merged cell; the table's reader carries an item down to a row printing only a
method). Where every column has exactly one way, the page is read so; where a whole-line sharing
has more than one way, or a column has none or more than one, the reading above is used.

>>> rows = [WrappedRow(1, ("", "四、文化旅游体育与传媒", ""), False), WrappedRow(2, ("", "", "200,000"), True),
...         WrappedRow(3, ("", "支出", ""), False), WrappedRow(4, ("", "五、社会保障", "5,000"), True)]
>>> joined = join_wrapped(rows)
>>> joined[2], joined[1], joined[3]
(('', '四、文化旅游体育与传媒支出', '200,000'), (), ())
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from cnbudget.model import is_sum_label
from cnbudget.numbering import list_number

__all__ = ["WrappedRow", "join_wrapped", "share_wrapped"]

_REACH = 6  # how many lines from its row the farthest piece of a wrapped cell may stand


@attrs.frozen
class WrappedRow:
    """One line of a page's rows: its number, its cells, and whether it prints a figure or a code
    (a row for certain, never a piece)."""

    number: int
    cells: tuple[str, ...]
    anchored: bool


def join_wrapped(rows: Sequence[WrappedRow], *,
                 figures_on_every_row: bool = False) -> dict[int, tuple[str, ...] | None]:
    """The new cells of the rows that took wrapped pieces, ``()`` for the lines of the pieces, and
    ``None`` for the pieces and rows that cannot be told apart with certainty (see the module text);
    rows that change nothing are left out. Where ``figures_on_every_row`` (a table none of whose rows
    prints words alone: every line of words is a piece), the pieces are first shared out among the
    rows as a whole (:func:`_shared_out`), which is kept where it is the only way, else cell by
    cell."""
    joined, by_cell = share_wrapped(rows, figures_on_every_row=figures_on_every_row)
    return joined if by_cell is None else by_cell


def share_wrapped(rows: Sequence[WrappedRow], *, figures_on_every_row: bool = False
                  ) -> tuple[dict[int, tuple[str, ...] | None], dict[int, tuple[str, ...] | None] | None]:
    """:func:`join_wrapped`'s cells shared out by whole lines or piece by piece, and apart from them
    the cells shared out cell by cell where that is the one way (a line holding pieces of two rows;
    a cell merged over two rows), which the caller reads only where the table's totals hold with
    them, else ``None``."""
    if figures_on_every_row:
        count, shared = _shared_out(rows)
        if count == 1:
            return _joined(rows, {piece: anchor for (piece, _), anchor in shared.items()}), None
        if count == 0 and (by_cell := _shared_by_cell(rows)) is not None:
            return _joined_piece_by_piece(rows), _joined_by_cell(rows, by_cell)
    return _joined_piece_by_piece(rows), None


def _joined_piece_by_piece(rows: Sequence[WrappedRow]) -> dict[int, tuple[str, ...] | None]:
    """Each piece given to the row it mirrors around, where only one row can take it."""
    fits: dict[int, dict[int, int]] = {}  # piece -> {anchor: misfit}
    for position, row in enumerate(rows):
        if row.anchored or not any(row.cells):
            continue
        fits[position] = {anchor: misfit for anchor in (_anchor(rows, position, -1), _anchor(rows, position, 1))
                          if anchor is not None and (misfit := _misfit(rows, position, anchor)) is not None}
    # A row can take a piece only where pieces that it can take too answer it, column by column; a
    # piece two rows can take goes to the one it mirrors more exactly.
    settled = False
    while not settled:
        settled = True
        for piece, found in fits.items():
            for anchor in [a for a in found if not _answered(rows, piece, a, fits)]:
                del found[anchor]
                settled = False
            if len(found) == 2 and sorted(found.values())[0] < sorted(found.values())[1]:
                best = min(found, key=found.__getitem__)
                fits[piece] = {best: found[best]}
                settled = False
    chosen = {piece: next(iter(found)) for piece, found in fits.items() if len(found) == 1}
    changed: dict[int, tuple[str, ...] | None] = {}
    # A cell that may be wrapped over three lines around its row: the row, its pieces and any row
    # that would take one of them are left unread.
    doubtful = {position for anchor in range(len(rows)) for position in _middle_of_wrap(rows, anchor)}
    doubtful |= {anchor for piece, anchor in chosen.items() if piece in doubtful}
    changed.update((rows[position].number, None) for position in doubtful)
    for piece, found in fits.items():
        if len(found) > 1:  # a piece of one row or of the other: which cannot be told
            changed[rows[piece].number] = None
            changed.update((rows[anchor].number, None) for anchor in found)
    for anchor in set(chosen.values()):
        if rows[anchor].number in changed:
            continue
        ordered = sorted([anchor, *(piece for piece, a in chosen.items() if a == anchor)])
        width = max(len(rows[i].cells) for i in ordered)
        changed[rows[anchor].number] = tuple(
            "".join(rows[i].cells[c] for i in ordered if c < len(rows[i].cells)) for c in range(width))
        changed.update((rows[piece].number, ()) for piece, a in chosen.items() if a == anchor)
    for piece, anchor in chosen.items():
        if changed.get(rows[anchor].number) is None:
            changed[rows[piece].number] = None
    return changed


def _anchor(rows: Sequence[WrappedRow], position: int, step: int) -> int | None:
    """The nearest row with a figure or code above (``step`` -1) or below (1), within reach."""
    index = position + step
    while 0 <= index < len(rows) and abs(rows[index].number - rows[position].number) <= _REACH:
        if rows[index].anchored:
            return index
        index += step
    return None


def _mirrors(rows: Sequence[WrappedRow], piece: int, anchor: int, column: int) -> list[tuple[int, int]]:
    """The pieces (position, lines off the mirror) printing in ``column`` on the other side of
    ``anchor`` from ``piece``, as far from it give or take a line, with no row between."""
    mirror_line = 2 * rows[anchor].number - rows[piece].number
    return [(i, abs(r.number - mirror_line)) for i, r in enumerate(rows)
            if i != piece and not r.anchored and (i - anchor) * (piece - anchor) < 0
            and abs(r.number - mirror_line) <= 1 and column < len(r.cells) and r.cells[column]
            and not any(rows[j].anchored for j in range(min(i, anchor) + 1, max(i, anchor)))]


def _misfit(rows: Sequence[WrappedRow], piece: int, anchor: int) -> int | None:
    """How far from mirrored the pieces of ``piece``'s cells on the other side of ``anchor`` stand
    (0: exactly, 1: a line off), or ``None`` where a cell has no such piece or a piece below the top
    one starts a numbered item."""
    misfit = 0
    below = piece > anchor
    for column, text in enumerate(rows[piece].cells):
        if not text:
            continue
        if column < len(rows[anchor].cells) and rows[anchor].cells[column]:
            return None
        # Only the top piece of a cell may start a numbered item (七、 starts a row of its own): a
        # line below the row that starts one (a line off the mirror) answers no piece above it.
        mirrors = [(i, off) for i, off in _mirrors(rows, piece, anchor, column)
                   if below or list_number(rows[i].cells[column]) is None]
        if not mirrors or (below and list_number(text) is not None):
            return None
        misfit = max(misfit, min(off for _, off in mirrors))
    return misfit


def _answered(rows: Sequence[WrappedRow], piece: int, anchor: int, fits: dict[int, dict[int, int]]) -> bool:
    """Whether every cell of the piece has a piece answering it that the same row can take."""
    return all(any(anchor in fits.get(other, {}) for other, _ in _mirrors(rows, piece, anchor, column))
               for column, text in enumerate(rows[piece].cells) if text)


def _middle_of_wrap(rows: Sequence[WrappedRow], anchor: int) -> set[int]:
    """The positions of ``anchor`` and of the pieces around it where one of its cells may be the
    middle piece of a cell wrapped over three lines (see the module text); empty where none may."""
    row = rows[anchor]
    if not row.anchored or not (_piece_beside(rows, anchor, -1) and _piece_beside(rows, anchor, 1)):
        return set()
    found: set[int] = set()
    for column, text in enumerate(row.cells):
        if not text:
            continue
        # The pieces around are looked for before the words are read: most rows have none.
        above, below = _nearest_piece(rows, anchor, column, -1), _nearest_piece(rows, anchor, column, 1)
        if above is None or below is None or not _may_continue(text) or not _may_continue(rows[below].cells[column]):
            continue
        if is_sum_label(rows[above].cells[column]):
            continue
        if not all(_only_pieces(rows, piece, anchor) for piece in (above, below)):
            continue
        if abs((row.number - rows[above].number) - (rows[below].number - row.number)) <= 1:
            found |= {anchor, above, below}
    return found


def _may_continue(text: str) -> bool:
    """Whether a cell may be a later piece of a wrapped cell: it starts no numbered item and is no
    total's label (``小计``, ``合计``: a label printed whole)."""
    return list_number(text) is None and not is_sum_label(text)


def _only_pieces(rows: Sequence[WrappedRow], piece: int, anchor: int) -> bool:
    """Whether every cell of the line at ``piece`` has a piece of its column on the other side of
    ``anchor``: a line holding a cell that nothing answers is a row of its own (其他资金, a group's
    name centred by its rows, beside 经营收入), not pieces of another row."""
    return all(_mirrors(rows, piece, anchor, column) for column, text in enumerate(rows[piece].cells) if text)


def _piece_beside(rows: Sequence[WrappedRow], anchor: int, step: int) -> bool:
    """Whether the line next to ``anchor`` above (``step`` -1) or below (1) is a piece within reach:
    where it is not, :func:`_nearest_piece` finds none in any column."""
    index = anchor + step
    return (0 <= index < len(rows) and abs(rows[index].number - rows[anchor].number) <= _REACH
            and not rows[index].anchored)


def _nearest_piece(rows: Sequence[WrappedRow], anchor: int, column: int, step: int) -> int | None:
    """The nearest line above (``step`` -1) or below (1) ``anchor`` printing in ``column``, if it is a
    piece (no figure, no code) within reach with no row between."""
    index = anchor + step
    while 0 <= index < len(rows) and abs(rows[index].number - rows[anchor].number) <= _REACH:
        if rows[index].anchored:
            return None
        if column < len(rows[index].cells) and rows[index].cells[column]:
            return index
        index += step
    return None


def _joined(rows: Sequence[WrappedRow], chosen: dict[int, int]) -> dict[int, tuple[str, ...] | None]:
    """Each row's cells with its pieces' joined in, top to bottom; the pieces' lines blank."""
    changed: dict[int, tuple[str, ...] | None] = {}
    for anchor in set(chosen.values()):
        ordered = sorted([anchor, *(piece for piece, a in chosen.items() if a == anchor)])
        width = max(len(rows[i].cells) for i in ordered)
        changed[rows[anchor].number] = tuple(
            "".join(rows[i].cells[c] for i in ordered if c < len(rows[i].cells)) for c in range(width))
        changed.update((rows[piece].number, ()) for piece, a in chosen.items() if a == anchor)
    return changed


_MERGED = -1  # a gap's pieces in a column that are one cell merged over the rows on either side


def _shared_out(rows: Sequence[WrappedRow], column: int | None = None) -> tuple[int, dict[tuple[int, int], int]]:
    """How many ways (counted up to 2) there are to give every line of words (a piece) to a row, and
    the one where there is one: ``{(piece, column): row}``, the column ``-1`` for a whole line. The
    pieces between two rows go, top ones to the upper row and the rest to the lower (cells of one
    row never stand among another's), within reach; and a row takes, in each column, as many pieces
    above its line as below it, each as far as the one it mirrors (give or take a line), no piece but
    the top one of a column starting a numbered item or being a total's label (a cell is centred on
    its row's line, the figures on that line). Where ``column`` is given only the cells of that
    column are shared out, and the pieces of a gap may also be one cell merged over the rows on
    either side (:func:`_merged_between`), given to the upper row."""
    anchors = [i for i, row in enumerate(rows) if row.anchored]
    if not anchors:
        return 0, {}
    pieces = [i for i, row in enumerate(rows) if not row.anchored and
              (any(row.cells) if column is None else _cell(row, column))]
    # The pieces in each gap: before the first row, between rows, after the last.
    bounds = [-1, *anchors, len(rows)]
    gaps = [[i for i in pieces if low < i < high] for low, high in itertools.pairwise(bounds)]
    # ways[k][cut]: how many ways (counted up to 2) share out the gaps up to k with gap k cut at
    # ``cut`` (its first ``cut`` pieces to the row above it, the rest to the row below; _MERGED: all
    # of them one merged cell), and the cuts of one of them; the pieces before the first row all go
    # to it.
    ways: list[dict[int, tuple[int, list[int]]]] = [{0: (1, [0])}]
    for k, anchor in enumerate(anchors):
        above_gap, below_gap = gaps[k], gaps[k + 1]
        last = k + 1 == len(anchors)
        cuts = [len(below_gap)] if last else list(range(len(below_gap) + 1))
        if column is not None and not last and _merged_between(rows, anchor, anchors[k + 1], below_gap, column):
            cuts.append(_MERGED)
        step: dict[int, tuple[int, list[int]]] = {}
        for cut_above, (count, path) in ways[-1].items():
            above = [] if cut_above == _MERGED else above_gap[cut_above:]
            for cut in cuts:
                below = [] if cut == _MERGED else below_gap[:cut]
                if not _takes(rows, anchor, above, below, column):
                    continue
                found = step.get(cut)
                step[cut] = (min(2, count + (found[0] if found else 0)), [*path, cut])
        if not step:
            return 0, {}
        ways.append(step)
    total = min(2, sum(count for count, _ in ways[-1].values()))
    if total != 1:
        return total, {}
    (_, cuts_taken), = ways[-1].values()
    key = -1 if column is None else column
    chosen: dict[tuple[int, int], int] = {}
    for k, anchor in enumerate(anchors):
        if cuts_taken[k] != _MERGED:
            chosen.update(((piece, key), anchor) for piece in gaps[k][cuts_taken[k]:])
        if cuts_taken[k + 1] == _MERGED:
            chosen.update(((piece, key), anchor) for piece in gaps[k + 1])
        else:
            chosen.update(((piece, key), anchor) for piece in gaps[k + 1][:cuts_taken[k + 1]])
    return 1, chosen


def _merged_between(rows: Sequence[WrappedRow], upper: int, lower: int, gap: Sequence[int], column: int) -> bool:
    """Whether the pieces ``gap`` of ``column`` between two rows may be one cell merged over both: the
    two rows print nothing in that column, the pieces stand on lines one after another, centred
    exactly midway between the two rows' lines (a wrapped cell of either stands nearer it), and no
    piece but the top one starts a numbered item or is a total's label."""
    if not gap or _cell(rows[upper], column) or _cell(rows[lower], column):
        return False
    lines = [rows[i].number for i in gap]
    if any(b - a != 1 for a, b in itertools.pairwise(lines)):
        return False
    if lines[0] + lines[-1] != rows[upper].number + rows[lower].number:
        return False
    return all(_may_continue(_cell(rows[i], column)) for i in gap[1:])


def _cell(row: WrappedRow, column: int) -> str:
    return row.cells[column] if column < len(row.cells) else ""


def _shared_by_cell(rows: Sequence[WrappedRow]) -> dict[tuple[int, int], int] | None:
    """Each piece's cells given to rows column by column (a line may hold pieces of two rows: a cell
    merged over two rows beside the wrapped cells of each), ``{(piece, column): row}``; ``None``
    where some column's cells cannot be shared out in exactly one way."""
    width = max((len(row.cells) for row in rows), default=0)
    chosen: dict[tuple[int, int], int] = {}
    for column in range(width):
        count, found = _shared_out(rows, column)
        if count != 1:
            return None
        chosen.update(found)
    return chosen


def _joined_by_cell(rows: Sequence[WrappedRow],
                    chosen: dict[tuple[int, int], int]) -> dict[int, tuple[str, ...] | None]:
    """Each row's cells with the pieces given to it joined in, column by column, top to bottom; the
    pieces' lines blank."""
    width = max((len(row.cells) for row in rows), default=0)
    changed: dict[int, tuple[str, ...] | None] = {}
    for anchor in set(chosen.values()):
        changed[rows[anchor].number] = tuple(
            "".join(_cell(rows[i], column) for i in sorted(
                [anchor, *(piece for (piece, c), a in chosen.items() if a == anchor and c == column)]))
            for column in range(width))
    changed.update((rows[piece].number, ()) for piece, _ in chosen)
    return changed


def _takes(rows: Sequence[WrappedRow], anchor: int, above: Sequence[int], below: Sequence[int],
           only: int | None = None) -> bool:
    """Whether a row may take the pieces ``above`` and ``below`` its line (see :func:`_shared_out`), in
    every column or ``only`` in one."""
    line = rows[anchor].number
    if any(abs(rows[i].number - line) > _REACH for i in (*above, *below)):
        return False
    width = max((len(rows[i].cells) for i in (anchor, *above, *below)), default=0)
    for column in (range(width) if only is None else [only]):
        def printing(group: Sequence[int], col: int = column) -> list[int]:
            return [i for i in group if col < len(rows[i].cells) and rows[i].cells[col]]

        up, down = printing(above), printing(below)
        if len(up) != len(down):
            return False
        ups = sorted(line - rows[i].number for i in up)
        downs = sorted(rows[i].number - line for i in down)
        if any(abs(a - b) > 1 for a, b in zip(ups, downs, strict=True)):
            return False
        later = [rows[i].cells[column] for i in [*up[1:], *down]]
        if up and (rows[anchor].cells[column] if column < len(rows[anchor].cells) else ""):
            later.append(rows[anchor].cells[column])
        if any(not _may_continue(text) for text in later):
            return False
    return True
