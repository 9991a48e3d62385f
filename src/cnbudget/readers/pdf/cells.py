"""Table rows from the PDF's own geometry (表格行): the cells the ruling lines draw, and each word
placed in the cell that holds its middle.

Cells are arranged as pdfplumber arranges them: a row for every distinct top edge, a column for
every distinct left edge. A cell merged over several rows or columns stands in the row and column
of its top-left corner, and the places it covers are empty cells, which is how the TAB-separated
form prints merged cells. Placing whole words rather than single characters keeps a figure whole
where it runs over a cell's edge: ``267.80`` printed across a ruling line stays ``267.80`` in the
cell that holds its middle, never ``267.8`` and ``0`` in two cells. Where a cell's edge runs
through the gap between two letters of what the extraction took for one word (``0.00`` in one cell,
``其他资金`` close beside it in the next), the word is cut there first.

>>> from cnbudget.readers.pdf.geometry import Box, Word
>>> cells = [Box(x0=0, top=0, x1=100, bottom=20),      # merged over the two columns below
...          Box(x0=0, top=20, x1=50, bottom=40), Box(x0=50, top=20, x1=100, bottom=40)]
>>> words = [Word(text="合计", box=Box(x0=40, top=5, x1=60, bottom=15)),
...          Word(text="267.80", box=Box(x0=10, top=25, x1=52, bottom=35)),
...          Word(text="注", box=Box(x0=0, top=45, x1=10, bottom=55))]
>>> rows, outside = table_rows(cells, words)
>>> [row.cells for row in rows], [word.text for word in outside]
([('合计', ''), ('267.80', '')], ['注'])
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from cnbudget.readers.pdf.geometry import Box, Letter, Word
from cnbudget.readers.pdf.lines import cell_text

__all__ = ["PrintedRow", "cut_at_edges", "place_words", "table_rows"]


@attrs.frozen(kw_only=True)
class PrintedRow:
    """A line of a page as printed: a table row with its cells apart, or a line of text (one
    cell), and the top edge that puts it in order on the page."""

    top: float
    cells: tuple[str, ...]


class _CellFinder:
    """Which cell holds a point: the cells crossing each horizontal band between two consecutive
    cell edges, so that a point is looked up among one band's cells only."""

    def __init__(self, cells: Sequence[Box]) -> None:
        self._edges = sorted({y for cell in cells for y in (cell.top, cell.bottom)})
        self._bands: list[list[int]] = [[] for _ in self._edges]
        for index, cell in enumerate(cells):
            first = bisect.bisect_left(self._edges, cell.top)
            last = bisect.bisect_left(self._edges, cell.bottom)
            for band in range(first, last):
                self._bands[band].append(index)
        self._cells = cells

    def _crossing(self, y: float) -> list[int]:
        """The cells whose height holds ``y``, and perhaps a few that end at it."""
        band = bisect.bisect_right(self._edges, y) - 1
        return self._bands[band] if band >= 0 else []

    def edges_at(self, y: float) -> list[float]:
        """The left and right edges of the cells that cross the height ``y``."""
        return sorted({x for i in self._crossing(y) for x in (self._cells[i].x0, self._cells[i].x1)})

    def find(self, x: float, y: float) -> int | None:
        """The index of the cell holding (x, y), or None."""
        return next((i for i in self._crossing(y) if self._cells[i].holds(x, y)), None)


def cut_at_edges(word: Word, edges: Sequence[float]) -> list[Word]:
    """The word cut wherever one of the ``edges`` (x positions) runs through a gap between two of
    its letters; a word without letters, or with no edge in a gap, is kept whole.

    >>> from cnbudget.readers.pdf.geometry import Letter
    >>> letters = tuple(Letter(text=t, box=Box(x0=x, top=0, x1=x + 4, bottom=8))
    ...                 for t, x in [("0", 0), (".", 4), ("0", 8), ("其", 14), ("他", 22)])
    >>> word = Word(text="0.0其他", box=Box(x0=0, top=0, x1=26, bottom=8), letters=letters)
    >>> [piece.text for piece in cut_at_edges(word, [13.0])], [piece.text for piece in cut_at_edges(word, [6.0])]
    (['0.0', '其他'], ['0.0其他'])
    """
    pieces: list[list[Letter]] = []
    for letter in word.letters:
        if pieces and not _edge_between(pieces[-1][-1], letter, edges):
            pieces[-1].append(letter)
        else:
            pieces.append([letter])
    if len(pieces) < 2:
        return [word]
    return [Word(text="".join(letter.text for letter in piece),
                 box=Box(x0=min(letter.box.x0 for letter in piece), top=min(letter.box.top for letter in piece),
                         x1=max(letter.box.x1 for letter in piece),
                         bottom=max(letter.box.bottom for letter in piece)),
                 letters=tuple(piece))
            for piece in pieces]


def _edge_between(left: Letter, right: Letter, edges: Sequence[float]) -> bool:
    """Whether an edge runs through the gap between two letters (letters that touch have none)."""
    return left.box.x1 < right.box.x0 and any(left.box.x1 <= edge <= right.box.x0 for edge in edges)


def place_words(cells: Sequence[Box], words: Iterable[Word]) -> tuple[dict[int, list[Word]], list[Word]]:
    """The words each cell holds (by the cell's index), each word — cut first where a cell's edge
    runs between its letters — in the cell that holds its middle; and the words no cell holds."""
    finder = _CellFinder(cells)
    placed: dict[int, list[Word]] = defaultdict(list)
    outside: list[Word] = []
    for whole in words:
        for word in cut_at_edges(whole, finder.edges_at(whole.centre[1])):
            index = finder.find(*word.centre)
            if index is None:
                outside.append(word)
            else:
                placed[index].append(word)
    return placed, outside


def table_rows(cells: Sequence[Box], words: Iterable[Word]) -> tuple[list[PrintedRow], list[Word]]:
    """The rows of the table the ``cells`` draw, each word in the cell that holds its middle, and
    the words no cell holds (left for the text around the table). A row no word stands in is left
    out: it prints nothing."""
    placed, outside = place_words(cells, words)
    columns = sorted({cell.x0 for cell in cells})
    by_row: dict[float, dict[float, str]] = defaultdict(dict)
    for index, cell in enumerate(cells):
        row = by_row[cell.top]
        row[cell.x0] = row.get(cell.x0, "") + cell_text(placed.get(index, ()))
    rows = [
        PrintedRow(top=top, cells=tuple(by_row[top].get(x, "") for x in columns))
        for top in sorted(by_row)
        if any(by_row[top].values())
    ]
    return rows, outside
