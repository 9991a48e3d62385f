"""Layout text (``pdftotext -layout``) read as lines whose table rows have their cells apart (版面文本).

``pdftotext -layout`` keeps a table's columns as runs of spaces. Within each table (a block from
its title, :func:`~cnbudget.readers.text.blocks.find_blocks`) and each page of it, the columns are
found where the rows' cells stand (:mod:`~cnbudget.readers.text.layout_columns`), the header words
are put into the columns they stand over, and every row becomes a line whose cells are apart, as
in TAB-separated text, one line for one. What cannot be placed with certainty (a token over two
columns, two figures in one column, a page whose columns cannot be matched with the first page's
and whose table's totals leave no one reading, :mod:`~cnbudget.readers.text.layout_judge`) stays a
line without cells and is reported when its table is read (:func:`unplaced_rows`).

>>> text = ("某局2024年部门预算\\n部门支出总体情况表\\n单位：万元\\n"
...         "科目编码    科目名称        合计    基本支出    项目支出\\n"
...         "210         卫生健康支出    5.00        3.00        2.00\\n"
...         "21011       医疗            5.00        3.00        2.00\\n")
>>> for line in layout_lines(text)[3:]:
...     print(line.cells)
('科目编码', '科目名称', '合计', '基本支出', '项目支出')
('210', '卫生健康支出', '5.00', '3.00', '2.00')
('21011', '医疗', '5.00', '3.00', '2.00')
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Hashable, Sequence

import attrs

from cnbudget.model.tables import ThreePublicTable
from cnbudget.readers.result import Problem
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, Block, find_blocks
from cnbudget.readers.text.grid import is_heading_line
from cnbudget.readers.text.layout_columns import DRIFT, Column, Columns, amounts_alignment, find_columns
from cnbudget.readers.text.layout_header import rebuild_header
from cnbudget.readers.text.layout_judge import JUDGED, SharedLines, reading_of
from cnbudget.readers.text.layout_rows import WrappedRow, share_wrapped
from cnbudget.readers.text.layout_tree import read_tree
from cnbudget.readers.text.layout_words import Span, Token, TokenKind, is_figure, line_tokens, widened, widened_spans
from cnbudget.readers.text.source import SourceLine, clean_cell, numbered_lines

__all__ = ["UNPLACED", "layout_lines", "unplaced_rows"]

#: What a problem says of a row whose cells could not be placed in the table's columns.
UNPLACED = "row not read: its cells cannot be placed in the table's columns with certainty"

#: The tables printed as one row of figures under a tree of headings, by key, with the record whose
#: columns the headings name: their figures are placed by the header's geometry
#: (:mod:`~cnbudget.readers.text.layout_tree`).
_TREE_RECORDS: dict[str, type] = {"three_public": ThreePublicTable}
#: The tables every row of which prints a figure: a line of words alone is a piece of a wrapped cell.
_FIGURES_ON_EVERY_ROW = frozenset({"procurement"})

_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*\d*\s*[:：.．、]|为空表|。\s*$")
_PAGE_NUMBER = re.compile(r"^\s*[-—]?\s*\d{1,3}\s*[-—]?\s*$")


def layout_lines(text: str) -> list[SourceLine]:
    """Every line of layout text as a :class:`SourceLine`, numbered from 1 as ``str.splitlines``
    counts them, the rows of its tables with their cells apart (see the module text)."""
    raws, page_starts = _raw_lines(text)
    plain = numbered_lines(raws)
    blocks = find_blocks(plain)
    tables = [_Table.of(block, raws, page_starts) for block in blocks if block.key not in PERFORMANCE_KEYS]
    padding = [_padding(table.pages(table.widened)) for table in tables]
    placed: dict[int, tuple[str, ...] | None] = {}
    if True in padding:
        # The text is padded to column widths (pdftotext never prints a table so): so is a table whose
        # figures cannot show how they are aligned, and all are measured alike; a column blank in one
        # table is still one, its cells starting where the columns of the whole text start.
        padded = [table for table, found in zip(tables, padding, strict=True) if found is not False]
        wide = sum(table.widened for table in padded) * 2 > len(padded)
        inside = [row.tokens for table in tables for page in table.pages(wide) for row in page]
        seen = Counter(start for tokens in inside if len(tokens) > 1 for start in {t.start for t in tokens})
        shared = {0, *(start for start, lines in seen.items() if lines > 1)}
        for table in padded:
            pages = table.pages(wide)
            own = {t.start for page in pages for row in page for t in row.tokens}
            placed.update(_padded_cells(pages, sorted(shared | own)))
    for table, found in zip(tables, padding, strict=True):
        if found is False or True not in padding:
            tree = _place_tree(table.pages(table.widened), _TREE_RECORDS.get(table.key))
            if tree is not None:
                placed.update(tree)
                continue
            cells, open_pages = _place_table(table.pages(table.widened),
                                             figures_on_every_row=table.key in _FIGURES_ON_EVERY_ROW,
                                             judged=table.key in JUDGED)
            placed.update(cells)
            placed.update(_judged(table.block, placed, open_pages))
    return [_line(line, placed[line.number]) if line.number in placed else line for line in plain]


def unplaced_rows(block: Block) -> list[Problem]:
    """A problem for every line of ``block`` left without cells because its cells could not be
    placed with certainty (layout text only: other text has cells or is not a row)."""
    return [Problem(line=line.number, text=line.raw, message=UNPLACED, table=block.key)
            for line in block.lines if line.text and not line.cells]


def _raw_lines(text: str) -> tuple[list[str], set[int]]:
    """The lines as ``str.splitlines`` gives them, and the numbers of the lines that begin a page
    (after a form feed)."""
    raws: list[str] = []
    starts: set[int] = set()
    for number, piece in enumerate(text.splitlines(keepends=True), start=1):
        body = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        raws.append(body)
        if piece.endswith("\x0c"):
            starts.add(number + 1)
    return raws, starts


def _line(line: SourceLine, cells: tuple[str, ...] | None) -> SourceLine:
    """The line with its cells placed; without cells when they could not be placed (``None``), or
    blank when its words were joined into the row they wrap in (``()``)."""
    if cells is None:
        return line.with_cells(())
    if not cells:
        return line.blanked()
    placed = SourceLine.of(line.number, "\t".join(cells), page=line.page)
    return placed.with_raw(line.raw)


@attrs.frozen
class _Row:
    """A line of a table with its tokens."""

    line: SourceLine
    tokens: tuple[Token, ...]
    data: bool  # whether it is a data row (_is_data: asked of every row by every measure of the page)


@attrs.frozen
class _Table:
    """A block's lines with their tokens, page by page, positions counted in characters (as
    pdftotext places them) and in display columns (as text aligned for the eye is)."""

    block: Block
    narrow: list[list[_Row]]
    raws: Sequence[str]
    #: Whether display columns align the table's cells better than characters (found once: each
    #: measure scatters every token of the table).
    widened: bool

    @classmethod
    def of(cls, block: Block, raws: Sequence[str], page_starts: set[int]) -> _Table:
        narrow = _pages(block, raws, page_starts)
        # The pages are cut alike by either measure (by the lines' words, not their positions); the
        # tokens in display columns are made only where a table is read so (rarely: text padded for
        # the eye), their positions alone measured here.
        wide = [[(row.data, widened_spans(row.tokens, _page_line(raws, row.line))) for row in rows] for rows in narrow]
        measured = [[(row.data, row.tokens) for row in rows] for rows in narrow]
        return cls(block=block, narrow=narrow, raws=raws, widened=_misalignment(wide) < _misalignment(measured))

    @property
    def key(self) -> str:
        return self.block.key

    @functools.cached_property
    def wide(self) -> list[list[_Row]]:
        return [[_Row(line=row.line, tokens=tuple(widened(list(row.tokens), _page_line(self.raws, row.line))),
                      data=row.data) for row in rows] for rows in self.narrow]

    def pages(self, wide: bool) -> list[list[_Row]]:
        return self.wide if wide else self.narrow


def _place_tree(pages: Sequence[Sequence[_Row]], record: type | None) -> dict[int, tuple[str, ...] | None] | None:
    """The cells of a table printed as one row of figures under a tree of headings of ``record``'s
    columns, its header's lines included; every line without cells (``None``) where the figures can
    be placed in more than one way; ``None`` where the table is not read so (several rows or pages,
    headings that make no tree of the record's columns, figures that do not add up under them)."""
    printed = [rows for rows in pages if rows]
    if record is None or len(printed) != 1:
        return None
    rows = printed[0]
    data = [index for index, row in enumerate(rows) if row.data]
    if len(data) != 1 or data[0] != len(rows) - 1 or not data[0]:
        return None
    header, row = rows[:-1], rows[-1]
    reading = read_tree([(line.line.number, line.tokens) for line in header], row.tokens, record)
    if reading is None:
        return None
    if isinstance(reading, str):
        return {line.line.number: None for line in rows}
    placed: dict[int, tuple[str, ...] | None] = {
        line.line.number: cells for line, cells in zip(header, reading.header, strict=True)}
    placed[row.line.number] = reading.row
    return placed


@attrs.frozen
class _OpenPage:
    """A page whose rows are read only where the table's totals hold: a later page that can be placed
    in the first page's columns in more than one way, or a page whose wrapped pieces were shared out
    cell by cell; each way's cells of its lines (``()`` for a piece joined into its row)."""

    placings: list[dict[int, tuple[str, ...]]]


def _place_table(pages: Sequence[Sequence[_Row]], *, figures_on_every_row: bool = False,
                 judged: bool = False) -> tuple[dict[int, tuple[str, ...] | None], list[_OpenPage]]:
    """The cells of a table's header and rows, by line number (``None``: could not be placed), and,
    where ``judged``, the later pages left unplaced that can be matched with the first page's
    columns in more than one way (for :func:`_judged`)."""
    placed: dict[int, tuple[str, ...] | None] = {}
    open_pages: list[_OpenPage] = []
    first: Columns | None = None
    first_header: list[tuple[str, ...]] = []
    certain = True
    for rows in pages:
        start = next((i for i, row in enumerate(rows) if row.data), None)
        if start is None:
            if first is None:  # a table that prints no figure (此表为空): its lines under its headings
                placed.update(_under_headings(rows))
            continue
        header, body = rows[:start], rows[start:]
        ways: list[list[int]] = []
        if figures_on_every_row and first is not None and [_words(row) for row in header] != first_header:
            # A later page that repeats no header: its lines above its first row are pieces of that row.
            header, body = [], list(rows)
        by_number = {row.line.number: row for row in body}
        columns = find_columns([row.tokens for row in body if not _is_numbering(row.tokens)],
                               first.amounts_align if first is not None else None,
                               [t for row in header for t in row.tokens], first=first is None)
        # The lines above a later page's first row that repeat no header: pieces or rows of the table.
        unrepeated = [] if [_words(row) for row in header] == first_header else list(header)
        if not columns.columns:
            if first is not None and judged and certain and (placings := _row_placings([*unrepeated, *body], first)):
                open_pages.append(_OpenPage(placings))
            continue
        if first is None:
            columns = columns.merged_unheaded([row.tokens for row in header], [row.tokens for row in body])
            rebuilt = rebuild_header([(row.line.number, row.tokens) for row in header], columns)
            first = columns = rebuilt.columns
            certain = rebuilt.certain
            mapping: list[int] | None = list(range(len(columns.columns)))
            for position, row in enumerate(header):
                placed[row.line.number] = (rebuilt.rows[position] if rebuilt.rows is not None
                                           else _header_cells(row.tokens, columns))
            first_header = [_words(row) for row in header]
            first_cells = [placed[row.line.number] for row in header]
        else:
            mapping = _match(columns.columns, first.columns)
            if mapping is None:
                columns = _with_leftmost([row.tokens for row in body], columns)
                mapping = _match(columns.columns, first.columns)
            if mapping is None and judged and certain:
                ways = _ways(columns.columns, first.columns)
            if figures_on_every_row and not _all_held([row.tokens for row in body if row.data], columns):
                mapping, ways = None, []  # words at no column's position: the page's columns are not all known
            if [_words(row) for row in header] == first_header:  # the header repeated on a new page
                placed.update((row.line.number, cells) for row, cells in zip(header, first_cells, strict=True))
        printed: dict[int, set[str]] = {}
        for row in body:
            for token in row.tokens:
                if (index := columns.column_of(token)) is not None:
                    printed.setdefault(index, set()).add("".join(token.text.split()))
        cells = {row.line.number: None if (mapping is None and not ways) or not certain else
                 columns.place([piece for token in row.tokens for piece in columns.parted(token, printed)])
                 for row in body}
        # A column-number row that fits no column is left as printed: it is no row of the table.
        cells = {number: found for number, found in cells.items()
                 if found is not None or not _is_numbering(by_number[number].tokens)}
        wrapped = [WrappedRow(row.line.number, tuple(found), row.data)
                   for row in body if (found := cells.get(row.line.number)) is not None]
        shared, by_cell = share_wrapped(wrapped, figures_on_every_row=figures_on_every_row)
        # Pieces shared out cell by cell (a cell merged over two rows) are read only where the table
        # adds up with them: the page is judged with them, else read with the pieces shared as before.
        judged_cells = None if by_cell is None or not judged else {
            **cells, **{number: None if joined is None else list(joined) for number, joined in by_cell.items()}}
        cells.update((number, None if joined is None else list(joined)) for number, joined in shared.items())
        for number, found in cells.items():
            placed[number] = None if found is None or mapping is None else (
                _remap(found, mapping, first) if found else ())
        if (judged_cells is not None and mapping is not None and certain
                and all(found is not None for found in judged_cells.values())):
            open_pages.append(_OpenPage([{number: _remap(found, mapping, first) if found else ()
                                          for number, found in judged_cells.items() if found is not None}]))
        if judged_cells is not None:
            cells = judged_cells
        if mapping is None and judged and certain and first is not None:
            if ways and all(found is not None for found in cells.values()):
                open_pages.append(_OpenPage([{number: _remap(found, way, first) if found else ()
                                              for number, found in cells.items() if found is not None}
                                             for way in ways]))
            elif not figures_on_every_row and (placings := _row_placings([*unrepeated, *body], first)):
                open_pages.append(_OpenPage(placings))
    return placed, open_pages


_MAX_WAYS = 64  # more ways to place a table's open pages than this: they stay unplaced


def _judged(block: Block, placed: dict[int, tuple[str, ...] | None],
            open_pages: Sequence[_OpenPage]) -> dict[int, tuple[str, ...] | None]:
    """The cells of the open pages of a table under the one reading its identities leave (see
    :mod:`~cnbudget.readers.text.layout_judge`): every way of placing each page in the first page's
    columns is read, and the ways whose table reads every row of those pages and adds up are kept;
    where they all read alike, the cells of one of them (they differ only where the reading does
    not: which blank column is which), else nothing."""
    combinations = 1
    for page in open_pages:
        combinations *= len(page.placings)
    if not open_pages or combinations > _MAX_WAYS:
        return {}
    numbers = {number for page in open_pages for number in page.placings[0]}
    # The lines no placing moves are made once; each placing makes only its own.
    fixed = [_line(line, placed[line.number]) if line.number in placed else line for line in block.lines]
    readings: dict[Hashable, dict[int, tuple[str, ...] | None]] = {}
    shared = SharedLines()  # the lines above the open pages, alike in every placing: read once
    for ways in itertools.product(*(page.placings for page in open_pages)):
        cells: dict[int, tuple[str, ...] | None] = {}
        for way in ways:
            cells.update(way)
        lines = [_line(line, cells[line.number]) if line.number in cells else made
                 for line, made in zip(block.lines, fixed, strict=True)]
        reading = reading_of(block, lines, numbers, shared)
        if reading is not None:
            readings.setdefault(reading, cells)
    return next(iter(readings.values())) if len(readings) == 1 else {}


_MAX_SEARCH = 10_000  # more partial placings of a page's rows to try than this: the page stays unplaced


def _row_placings(body: Sequence[_Row], first: Columns) -> list[dict[int, tuple[str, ...]]]:
    """Every way of putting the tokens of a later page whose columns match none of the first page's
    into the first page's columns: each row's tokens, left to right, into columns of their kind
    (amounts, words) in order, and tokens of different rows that start (words) or end (amounts)
    together, give or take the drift, into one column; none where there are more than
    :data:`_MAX_WAYS` ways (or too many to try)."""
    kinds = [column.amounts for column in first.columns]
    rows = [row for row in body if row.tokens]
    options = [[chosen for chosen in itertools.combinations(range(len(kinds)), len(row.tokens))
                if all(kinds[c] == (t.kind is TokenKind.AMOUNT) for c, t in zip(chosen, row.tokens, strict=True))]
               for row in rows]
    found: list[list[tuple[int, ...]]] = []
    tried = 0

    def together(a: Token, b: Token) -> bool:
        if (a.kind is TokenKind.AMOUNT) != (b.kind is TokenKind.AMOUNT):
            return False
        return abs(a.end - b.end if a.kind is TokenKind.AMOUNT else a.start - b.start) <= DRIFT

    def search(chosen: list[tuple[int, ...]]) -> None:
        nonlocal tried
        tried += 1
        if len(found) > _MAX_WAYS or tried > _MAX_SEARCH:
            return
        index = len(chosen)
        if index == len(rows):
            found.append(list(chosen))
            return
        for option in options[index]:
            if all(column == other for earlier, placed in zip(rows, chosen, strict=False)
                   for token, column in zip(rows[index].tokens, option, strict=True)
                   for before, other in zip(earlier.tokens, placed, strict=True) if together(token, before)):
                search([*chosen, option])

    search([])
    if not found or len(found) > _MAX_WAYS or tried > _MAX_SEARCH:
        return []
    placings = []
    for way in found:
        placing: dict[int, tuple[str, ...]] = {}
        for row, option in zip(rows, way, strict=True):
            cells = [""] * len(kinds)
            for token, column in zip(row.tokens, option, strict=True):
                cells[column] = token.text
            placing[row.line.number] = tuple(cells)
        placings.append(placing)
    return placings


def _ways(page: Sequence[Column], first: Sequence[Column]) -> list[list[int]]:
    """Every way of matching a later page's columns with the first page's where the page prints
    fewer columns of words: its columns of words in order onto any of the first page's, its columns
    of amounts as :func:`_match` matches them; none where its amounts cannot be matched so."""
    printed = [i for i, column in enumerate(first) if column.printed]
    words = [i for i, column in enumerate(page) if not column.amounts]
    theirs = [i for i in printed if not first[i].amounts]
    amounts = _match([page[i] for i in range(len(page)) if page[i].amounts], first)
    if amounts is None or len(words) >= len(theirs):
        return []
    figures = [i for i, column in enumerate(page) if column.amounts]
    ways = []
    for chosen in itertools.combinations(theirs, len(words)):
        mapping = dict(zip(words, chosen, strict=True)) | dict(zip(figures, amounts, strict=True))
        ordered = [mapping[i] for i in range(len(page))]
        if ordered == sorted(set(ordered)):
            ways.append(ordered)
    return ways


def _all_held(rows: Sequence[Sequence[Token]], columns: Columns) -> bool:
    """Whether every word of the rows stands at a column's position, or left of all columns (where
    each cell starts at its column's, as in a table every row of which prints a figure, a word
    elsewhere is in a column the page does not show)."""
    leftmost = min((column.start for column in columns.columns), default=0)
    return all(any(column.holds(token) for column in columns.columns)
               for tokens in rows for token in tokens if token.kind is TokenKind.TEXT and token.end > leftmost)


def _with_leftmost(rows: Sequence[Sequence[Token]], columns: Columns) -> Columns:
    """A later page's columns with one for the words that stand left of all of them, where they
    start together (give or take the drift): a row that only they print (三、服务 C, a category on
    a page of items) is in a column of its own, not in the first column's."""
    words = [t for tokens in rows for t in tokens if t.kind is TokenKind.TEXT]
    leftmost = min((c.start for c in columns.columns if not c.amounts), default=None)
    outside = [t for t in words if leftmost is not None and t.end <= leftmost]
    if not outside or max(t.start for t in outside) - min(t.start for t in outside) > DRIFT:
        return columns
    return columns.with_columns([Column(align="left", anchor=min(t.start for t in outside),
                                        start=min(t.start for t in outside), end=max(t.end for t in outside),
                                        amounts=False, centre=min(t.centre for t in outside))])


_PADDED_HEADINGS = 0.8  # the share of a padded table's headings that start where a cell of another line starts


def _padding(pages: Sequence[Sequence[_Row]]) -> bool | None:
    """Whether a table is padded to column widths (``column -t``), not laid out by ``pdftotext``:
    its figures of different widths start together (left-aligned, where pdftotext ends them
    together) and its headings start where cells of other lines start (where pdftotext centres
    them); ``None`` where the figures show neither (a row or two that start and end alike)."""
    aligned: set[str | None] = set()
    for page in pages:  # a page aligned right answers: the later ones need not be measured
        aligned.add(alignment := amounts_alignment([row.tokens for row in page if row.data]))
        if alignment == "right":
            return False
    if "left" not in aligned:
        return None
    rows = [row for page in pages for row in page]
    lines_at: dict[int, set[int]] = {}
    for row in rows:
        for token in row.tokens:
            lines_at.setdefault(token.start, set()).add(row.line.number)
    # A heading over no cell of the rows (a column left blank on every row) shows neither way.
    data = [t for row in rows if row.data for t in row.tokens]
    headings = [t for row in rows if not row.data for t in row.tokens
                if any(t.start < cell.end and cell.start < t.end for cell in data)]
    shared = sum(1 for t in headings if len(lines_at[t.start]) > 1)
    return bool(headings) and shared >= _PADDED_HEADINGS * len(headings)


def _padded_cells(pages: Sequence[Sequence[_Row]], starts: Sequence[int]) -> dict[int, tuple[str, ...] | None]:
    """The cells of a table padded to column widths: every cell starts at its column's start, so
    each of the ``starts`` where cells start is a column."""
    rows = [row for page in pages for row in page]
    placed: dict[int, tuple[str, ...] | None] = {}
    for row in rows:
        cells: list[str] = []
        for token in row.tokens:
            if token.start in starts:
                cells.extend([""] * (starts.index(token.start) + 1 - len(cells)))
                cells[-1] = token.text
            elif cells:  # a cell with spaces inside: a column starts at no other line's word here
                cells[-1] = f"{cells[-1]}  {token.text}"
            else:
                cells.append(token.text)
        placed[row.line.number] = tuple(cells)
    return placed


def _words(row: _Row) -> tuple[str, ...]:
    return tuple(clean_cell(token.text) for token in row.tokens)


def _pages(block: Block, raws: Sequence[str], page_starts: set[int]) -> list[list[_Row]]:
    """The block's lines that may be header or rows, with their tokens (positions in characters), page
    by page: a form feed begins a page, and so does a heading line (编制部门, 单位) or the first header
    line repeated below rows."""
    pages: list[list[_Row]] = [[]]
    top: tuple[str, ...] | None = None  # the words of the table's first header line
    below_rows = False  # whether the last page holds a data row
    for line in block.lines:
        if line.is_blank or _NOTE.search(line.text):
            continue
        tokens = tuple(line_tokens(_page_line(raws, line)))
        data = _is_data(tokens)
        row = _Row(line=line, tokens=tokens, data=data)
        heading = is_heading_line(line)
        repeated = below_rows and (heading or _words(row) == top)
        if (line.number in page_starts or repeated) and pages[-1]:
            pages.append([])
            below_rows = False
        if heading or (len(tokens) == 1 and _PAGE_NUMBER.match(line.text)):
            continue
        if top is None and not data:
            top = _words(row)
        pages[-1].append(row)
        below_rows = below_rows or data
    return pages


def _page_line(raws: Sequence[str], line: SourceLine) -> str:
    """The printed text of a line, a form feed in it read as a space."""
    return raws[line.number - 1].replace("\x0c", " ")


#: A row as its alignment is measured: whether it is a data row, and where its tokens stand.
_Measured = tuple[bool, Sequence[Token | Span]]


def _misalignment(pages: Sequence[Sequence[_Measured]]) -> tuple[int, int, bool]:
    """How badly the lines of a block align as measured (less is better): the scatter of the data
    rows' cells, then of all lines', then whether a figure of the rows starts where no heading
    starts (text padded to column widths starts both at the column's start)."""
    headings = {t.start for rows in pages for data, tokens in rows if not data for t in tokens}
    figures = [t for rows in pages for data, tokens in rows if data for t in tokens
               if t.kind is TokenKind.AMOUNT]
    return _scatter(pages), _scatter(pages, headings=True), not all(t.start in headings for t in figures)


def _scatter(pages: Sequence[Sequence[_Measured]], *, headings: bool = False) -> int:
    """How scattered the data rows' cells stand (with the headings' too where ``headings``): the
    number of distinct places where their figures begin or end (whichever they share more) and their
    words begin after the first (text aligned by another measure than its own scatters them by the
    Chinese characters before them)."""
    tokens = [t for rows in pages for data, row in rows if headings or data for t in row[1:]]
    figures = [t for t in tokens if t.kind is TokenKind.AMOUNT]
    words = {t.start for t in tokens if t.kind is not TokenKind.AMOUNT}
    return len(words) + min(len({t.start for t in figures}), len({t.end for t in figures}))


def _under_headings(rows: Sequence[_Row]) -> dict[int, tuple[str, ...]]:
    """The cells of a table that prints no figure: each word under the heading of the widest line
    whose middle is nearest its own."""
    widest = max(rows, key=lambda row: len(row.tokens), default=None)
    if widest is None or len(widest.tokens) < 2:
        return {}
    centres = [t.centre for t in widest.tokens]
    placed = {}
    for row in rows:
        cells = [""] * len(centres)
        for token in row.tokens:
            index = min(range(len(centres)), key=lambda i: abs(centres[i] - token.centre))
            cells[index] = f"{cells[index]} {token.text}".strip()
        placed[row.line.number] = tuple(cells)
    return placed


def _is_numbering(tokens: Sequence[Token]) -> bool:
    """Whether a line is the column-number row (※ ※ 1 2 3) some templates print under the header."""
    texts = [clean_cell(t.text) for t in tokens]
    return "※" in texts and all(text == "※" or text.isdigit() for text in texts)


def _is_data(tokens: Sequence[Token]) -> bool:
    """Whether a line is a data row: it prints a code at its start, or a figure."""
    return any(t.kind is TokenKind.CODE or (t.kind is TokenKind.AMOUNT and (is_figure(t.text) or len(tokens) > 1))
               for t in tokens)


def _header_cells(tokens: Sequence[Token], columns: Columns) -> tuple[str, ...]:
    """A header line's words in the columns they stand over (a word over several columns in the
    first of them)."""
    cells = [""] * len(columns.columns)
    for token in tokens:
        index = columns.regions_of(token.start, token.end)[0]
        cells[index] = f"{cells[index]} {token.text}".strip()
    return tuple(cells)


def _match(page: Sequence[Column], first: Sequence[Column]) -> list[int] | None:
    """For every column of a later page, the column of the first page it is, or ``None`` when that
    cannot be told. Columns of words and columns of amounts are matched apart: in order where the
    page prints as many of them as the first page (their positions may all have moved with the
    page), else each where one of the first page's stands, give or take the drift."""
    printed = [i for i, column in enumerate(first) if column.printed]
    mapping: dict[int, int] = {}
    for amounts in (False, True):
        mine = [i for i, column in enumerate(page) if column.amounts == amounts]
        theirs = [i for i in printed if first[i].amounts == amounts]
        if len(mine) == len(theirs):
            mapping.update(zip(mine, theirs, strict=True))
            continue
        for index in mine:
            near = [i for i in theirs if abs(first[i].anchor - page[index].anchor) <= 2]
            if len(near) != 1:
                return None
            mapping[index] = near[0]
    ordered = [mapping[i] for i in range(len(page))]
    return ordered if ordered == sorted(set(ordered)) else None


def _remap(cells: Sequence[str], mapping: Sequence[int], first: Columns) -> tuple[str, ...]:
    return _remap_to(cells, mapping, len(first.columns))


def _remap_to(cells: Sequence[str], mapping: Sequence[int], width: int) -> tuple[str, ...]:
    placed = [""] * width
    for cell, index in zip(cells, mapping, strict=True):
        placed[index] = cell
    return tuple(placed)
