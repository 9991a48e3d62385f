"""The document's own words for the checks of the text (正文与部门名称): its prose as
:class:`~cnbudget.model.Passage` and every place that prints the department's name as
:class:`~cnbudget.model.PrintedName`.

>>> from cnbudget.readers.text.source import split_lines
>>> from cnbudget.readers.text.blocks import find_blocks
>>> lines = split_lines("某某局\\n2024年部门预算\\n\\n一、收支总体情况\\n"
...                     "本部门收入预算100.00万元，\\n比上年增加1.00万元。\\n"
...                     "部门收支总体情况表\\n编制部门：某某县某某局\\t单位：万元\\n项目\\t预算数\\n合计\\t100.00")
>>> [(p.text, p.line_number) for p in passages(lines)][-1]
('本部门收入预算100.00万元，比上年增加1.00万元。', 5)
>>> [(n.name, n.table, n.line_number) for n in department_names(lines, find_blocks(lines))]
[('某某局', None, 1), ('某某县某某局', 'summary', 8)]
"""

from __future__ import annotations

from collections.abc import Sequence

from cnbudget.model import TABLE_TITLES, Passage, PrintedName
from cnbudget.readers.prose.building import passage
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.front import cover_lines, cover_name, labelled_name
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.source import SourceLine

__all__ = ["department_names", "passages"]

_HEADING_LINES = 4  # a table's 编制部门 heading stands on its title's line or just below it


def passages(lines: Sequence[SourceLine], cuts: DocumentCuts | None = None) -> tuple[Passage, ...]:
    """Every paragraph outside the tables and the 目录, with its first line and page (from ``cuts``,
    the document's shared cuts, when given)."""
    cuts = cuts or DocumentCuts(lines)
    pages = cuts.pages
    return tuple(passage(paragraph.text, paragraph.heading, paragraph.line, pages.get(paragraph.line))
                 for paragraph in cuts.prose if paragraph.text)


def department_names(lines: Sequence[SourceLine], blocks: Sequence[Block]) -> tuple[PrintedName, ...]:
    """The department's name as the cover prints it and as each standard table's heading prints it
    (the first labelled name on the title's line or the few lines below it)."""
    found: list[PrintedName] = []
    cover = cover_name(cover_lines(lines))
    if cover is not None:
        cover_text, cover_line = cover
        found.append(PrintedName(name=cover_text, line_number=cover_line.number, page=cover_line.page))
    for block in blocks:
        if block.key not in TABLE_TITLES:
            continue  # performance forms name the unit of each project; other kinds are not read
        for line in (block.title, *block.lines[:_HEADING_LINES]):
            name = labelled_name(line)
            if name is not None:
                found.append(PrintedName(name=name, table=block.key, line_number=line.number, page=line.page))
                break
    return tuple(found)
