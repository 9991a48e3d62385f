"""A table block whose text lost its columns (表格失去栏目).

Some PDF conversions print a table as loose words and numbers run together (``4.884.884.88``),
without a single tab-separated line. Nothing in such a block can be placed in a column with
certainty, so the table is reported, never read.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> block = find_blocks(split_lines("上年结转结余情况明细表\\n总计项目\\n4.884.884.88"))[0]
>>> lost_columns(block).message
"table not read: no line below the title has cells (the text lost the table's columns)"
"""

from __future__ import annotations

from cnbudget.readers.result import Problem
from cnbudget.readers.text.blocks import Block

__all__ = ["lost_columns"]


def lost_columns(block: Block) -> Problem | None:
    """The problem of a block without any tab-separated line, or ``None`` when it has one."""
    if any(line.is_tabular for line in block.lines):
        return None
    return Problem(
        line=block.title.number,
        text=block.title.text,
        message="table not read: no line below the title has cells (the text lost the table's columns)",
        table=block.key,
    )
