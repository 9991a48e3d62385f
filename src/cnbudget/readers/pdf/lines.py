"""Words in reading order (阅读顺序): grouped into the printed lines they stand on, top to bottom,
each left to right.

A word belongs to a line when its middle lies within the height the line's words cover, so that
figures set in a smaller font than the characters beside them stay on their line.

>>> from cnbudget.readers.pdf.geometry import Box, Word
>>> def word(text, x, top, height=10.0):
...     return Word(text=text, box=Box(x0=x, top=top, x1=x + 10 * len(text), bottom=top + height))
>>> words = [word("万元", 80, 101), word("收入", 10, 100), word("12.5", 50, 102, 8), word("合计", 10, 120)]
>>> [line_text(line) for line in printed_lines(words)]
['收入 12.5 万元', '合计']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cnbudget.errors import InvalidAmount
from cnbudget.money import parse_amount
from cnbudget.readers.pdf.geometry import Word

__all__ = ["cell_text", "line_text", "printed_lines"]


def printed_lines(words: Iterable[Word]) -> list[list[Word]]:
    """The words grouped into lines, top to bottom, each line's words left to right."""
    lines: list[list[Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w.centre[1], w.box.x0)):
        middle = word.centre[1]
        if lines and top <= middle < bottom:
            lines[-1].append(word)
            top, bottom = min(top, word.box.top), max(bottom, word.box.bottom)
        else:
            lines.append([word])
            top, bottom = word.box.top, max(word.box.bottom, word.box.top + 1e-6)
    return [sorted(line, key=lambda w: w.box.x0) for line in lines]


def line_text(line: Sequence[Word]) -> str:
    """The words of one line, a space between each two."""
    return " ".join(word.text for word in line)


def cell_text(words: Iterable[Word]) -> str:
    """The text of a table cell: its lines joined without a break, as a name wrapped inside a
    narrow cell is one name (``其他医疗保障管理事务`` / ``支出``) — except where every line is a figure
    of its own: rows the ruling lines did not separate, kept apart by a space so that they are
    never read as one figure (``100`` / ``200`` is not 100200; the reader reports the cell).

    >>> from cnbudget.readers.pdf.geometry import Box
    >>> def word(text, top):
    ...     return Word(text=text, box=Box(x0=0, top=top, x1=40, bottom=top + 10))
    >>> cell_text([word("支出", 12), word("其他医疗保障管理事务", 0)]), cell_text([word("100", 0), word("200", 12)])
    ('其他医疗保障管理事务支出', '100 200')
    """
    lines = [line_text(line) for line in printed_lines(words)]
    return (" " if len(lines) > 1 and all(_is_figure(line) for line in lines) else "").join(lines)


def _is_figure(text: str) -> bool:
    if not any(char.isdigit() for char in text):
        return False
    try:
        parse_amount(text)
    except InvalidAmount:
        return False
    return True
