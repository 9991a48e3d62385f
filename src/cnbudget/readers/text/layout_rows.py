"""Cells wrapped over lines, put back together (版面折行单元格).

A cell whose text wraps inside its row (``四、文化旅游体育与传媒`` / ``支出``) is printed by
``pdftotext -layout`` on lines of its own, and the row's other cells, centred vertically, on a line
between: the pieces stand above and below the row's line at mirrored distances. A line holding only
words (no figure, no code) is such a piece when, in each column it prints, a piece of the same
column stands as far on the other side of a row whose cell there is blank; the pieces are then
joined into that row's cell, top to bottom, and their lines are left blank. A row's own cell may be
the middle piece of a cell wrapped over three lines or more, spaced by other columns' pieces, when no
piece starts a numbered item (``七、``, which is a row of its own). A line that fits no row, or two,
stays as it is: a row of words.

>>> rows = [WrappedRow(1, ("", "四、文化旅游体育与传媒", ""), False), WrappedRow(2, ("", "", "200,000"), True),
...         WrappedRow(3, ("", "支出", ""), False), WrappedRow(4, ("", "五、社会保障", "5,000"), True)]
>>> joined = join_wrapped(rows)
>>> joined[2], joined[1], joined[3]
(('', '四、文化旅游体育与传媒支出', '200,000'), (), ())
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from cnbudget.numbering import list_number

__all__ = ["WrappedRow", "join_wrapped"]

_REACH = 6  # how many lines from its row the farthest piece of a wrapped cell may stand


@attrs.frozen
class WrappedRow:
    """One line of a page's rows: its number, its cells, and whether it prints a figure or a code
    (a row for certain, never a piece)."""

    number: int
    cells: tuple[str, ...]
    anchored: bool


def join_wrapped(rows: Sequence[WrappedRow]) -> dict[int, tuple[str, ...]]:
    """The new cells of the rows that took wrapped pieces, and ``()`` for the lines of the pieces
    (see the module text); rows that change nothing are left out."""
    attached: dict[int, list[WrappedRow]] = {}
    for position, row in enumerate(rows):
        if row.anchored or not any(row.cells):
            continue
        fits = [(misfit, anchor) for anchor in (_anchor(rows, position, -1), _anchor(rows, position, 1))
                if anchor is not None and (misfit := _misfit(rows, row, anchor)) is not None]
        best = [anchor for misfit, anchor in fits if misfit == min(m for m, _ in fits)]
        if len(best) == 1:
            attached.setdefault(best[0].number, []).append(row)
    changed: dict[int, tuple[str, ...]] = {}
    by_number = {row.number: row for row in rows}
    for number, pieces in attached.items():
        anchor = by_number[number]
        ordered = sorted([*pieces, anchor], key=lambda r: r.number)
        width = max(len(r.cells) for r in ordered)
        changed[number] = tuple("".join(r.cells[c] for r in ordered if c < len(r.cells)) for c in range(width))
        changed.update((piece.number, ()) for piece in pieces)
    return changed


def _anchor(rows: Sequence[WrappedRow], position: int, step: int) -> WrappedRow | None:
    """The nearest row with a figure or code above (``step`` -1) or below (1), within reach."""
    index = position + step
    while 0 <= index < len(rows) and abs(rows[index].number - rows[position].number) <= _REACH:
        if rows[index].anchored:
            return rows[index]
        index += step
    return None


def _misfit(rows: Sequence[WrappedRow], piece: WrappedRow, anchor: WrappedRow) -> int | None:
    """How far from mirrored the pieces of ``piece``'s cells on the other side of ``anchor`` stand
    (0: exactly, 1: a line off), or ``None`` where a cell has no such piece."""
    mirror_line = 2 * anchor.number - piece.number
    other_side = [r for r in rows if not r.anchored and r is not piece
                  and (r.number - anchor.number) * (piece.number - anchor.number) < 0
                  and abs(r.number - mirror_line) <= 1 and not _anchor_between(rows, anchor, r)]
    misfit = 0
    for column, text in enumerate(piece.cells):
        if not text:
            continue
        offs = [abs(r.number - mirror_line) for r in other_side if column < len(r.cells) and r.cells[column]]
        if not offs:
            return None
        if column < len(anchor.cells) and anchor.cells[column]:
            return None
        misfit = max(misfit, min(offs))
    return misfit


def _anchor_between(rows: Sequence[WrappedRow], anchor: WrappedRow, row: WrappedRow) -> bool:
    low, high = sorted((anchor.number, row.number))
    return any(r.anchored and low < r.number < high for r in rows)


def _numbered(text: str) -> bool:
    return list_number(text.strip()) is not None
