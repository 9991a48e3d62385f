"""A page as the lines it prints, in reading order (页面→行): its tables' rows with their cells
apart, and the text around them line by line, ordered by where each stands on the page.

>>> from cnbudget.readers.pdf.geometry import Box, PdfPage, Word
>>> def word(text, x, top):
...     return Word(text=text, box=Box(x0=x, top=top, x1=x + 12 * len(text), bottom=top + 10))
>>> table = (Box(x0=0, top=40, x1=60, bottom=60), Box(x0=60, top=40, x1=120, bottom=60))
>>> page = PdfPage(number=3, words=(word("注：单位万元", 0, 70), word("合计", 5, 45), word("5.00", 65, 45),
...                                  word("一般公共预算支出表", 0, 20)), tables=(table,))
>>> [row.cells for row in page_rows(page)]
[('一般公共预算支出表',), ('合计', '5.00'), ('注：单位万元',)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cnbudget.readers.pdf.cells import PrintedRow, table_rows
from cnbudget.readers.pdf.geometry import Box, PdfPage
from cnbudget.readers.pdf.lines import line_text, printed_lines
from cnbudget.readers.text.source import SourceLine

__all__ = ["document_lines", "page_rows"]


def page_rows(page: PdfPage) -> list[PrintedRow]:
    """The rows of the page's tables and its lines of text, top to bottom.

    Ruling lines that draw a single column (a frame around the page or around a paragraph, a boxed
    list) make no table: what they hold is read as text, line by line. Smaller tables take their
    words first, so that a table drawn inside a larger frame keeps its own."""
    rows: list[PrintedRow] = []
    words = list(page.words)
    tables = sorted((cells for cells in page.tables if len({cell.x0 for cell in cells}) > 1), key=_area)
    for cells in tables:
        table, words = table_rows(cells, words)
        rows.extend(table)
    rows.extend(PrintedRow(top=min(word.box.top for word in line), cells=(line_text(line),))
                for line in printed_lines(words))
    return sorted(rows, key=lambda row: row.top)


def _area(cells: Sequence[Box]) -> float:
    return sum((cell.x1 - cell.x0) * (cell.bottom - cell.top) for cell in cells)


def document_lines(pages: Iterable[PdfPage]) -> list[SourceLine]:
    """Every page's lines, numbered from 1 through the document, each carrying its page; a blank
    line ends each page (as the TAB-separated form ends its pages)."""
    lines: list[SourceLine] = []
    for page in pages:
        for row in page_rows(page):
            lines.append(SourceLine.of(len(lines) + 1, "\t".join(row.cells), page=page.number))
        lines.append(SourceLine.of(len(lines) + 1, "", page=page.number))
    return lines
