"""Cut a document into blocks: one per table, each starting at its title (表格定位).

A title is a short line whose core (:func:`~cnbudget.model.kinds.title_core`: the line without its
table number, year, department and 部门/单位 prefix) is one of the titles of a table kind
(:data:`~cnbudget.model.kinds.TABLE_KINDS`). Some extractions break a long title over two or three
lines (``…培训费支出预`` / ``“ ”`` / ``算表``) or print the table's heading on the title's line
(``收支预算总表部门：中共江苏省委办公厅 单位：万元``); both are recognised. Entries of the table of
contents (目录) are not titles, nor is a sentence that mentions a table (``…支出情况表为空表。``). A
block runs to the next title or to the next part heading (第三部分, 名词解释…).

A table of a kind the model does not hold (政府购买服务预算表, 财政专户管理资金支出表 …) has a block of
its own, of kind :data:`OTHER_KIND`, so that its rows are never taken for the table above and the
reader can say it was not checked. Its title is a short line ending in 表, in words of a budget, that
the 目录 lists or that a table's headings follow (单位：万元, a row of column headings).

>>> title_key("表 1 部门收支总体情况表")
'summary'
>>> from cnbudget.readers.text.source import split_lines
>>> lines = split_lines("目录\\n一、收支预算总表\\n二、收入预算总表\\n\\n公开01表\\n收支预算总表\\n收入\\t金额")
>>> [(b.key, b.title.number, b.number) for b in find_blocks(lines)]
[('summary', 6, '公开01表')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from cnbudget.model.kinds import FORM_KEYS, TITLE_WORD, title_core, title_key
from cnbudget.numbering import PART_END, is_table_number, list_number
from cnbudget.readers.prose.contents import every_contents
from cnbudget.readers.text.grid import is_heading_line
from cnbudget.readers.text.source import SourceLine
from cnbudget.text import normalize_width

__all__ = ["OTHER_KIND", "PERFORMANCE_KEYS", "Block", "contents_key", "find_blocks", "title_key"]

#: The kind of a block titled by a table the model does not hold.
OTHER_KIND = "other"

#: Keys of the performance-target forms, beside the stable table keys.
PERFORMANCE_KEYS = FORM_KEYS

_END_OF_PART = PART_END
# The heading of an explanation printed after the tables (其他相关情况说明, 一、收支预算总体情况说明,
# 科技创新专项经费情况说明), on a line of its own: the table above has ended.
_EXPLANATION = re.compile(r"^(?!注|备注|说明)[^:：。，,]{2,40}说明$")


# The title of a table of another kind: its core is a short run of words ending in 表, in a budget's words.
_OTHER_CORE = re.compile(r"^[\u4e00-\u9fff\"“”()、]{3,40}表$")
_BUDGET_WORDS = re.compile(r"预算|支出|收入|经费|资金|采购|绩效|收支|拨款")
# The name of a whole set of tables (部门预算公开表, 省级部门预算公开报表), not of one table.
_SET_OF_TABLES = re.compile(r"公开(?:报)?表$|^(?:预算|决算)?(?:报)?表$")
_HEADINGS_BELOW = 3  # how many lines below its title a table's headings begin


_PART_END_STARTS = "第名附"  # the first characters _END_OF_PART takes: another first character ends no part
_EXPLANATION_END = "说明"  # what every _EXPLANATION match ends with


def _ends_block(line: SourceLine) -> bool:
    # Asked of every line of every block: the patterns run only where the line starts or ends as they need.
    squeezed = line.squeezed
    return (squeezed[:1] in _PART_END_STARTS and _END_OF_PART.match(squeezed) is not None) or (
        not line.is_tabular and squeezed.endswith(_EXPLANATION_END) and _EXPLANATION.match(squeezed) is not None)


_WRAPPED_TAIL = 8  # the longest piece of a title an extraction moves onto the next line
_WRAPPED_LINES = 2  # how many lines below a title's first piece the rest of it may stand
_NUMBER_ABOVE = 3  # how many lines above a title its table number may stand


def contents_key(entry: str) -> str | None:
    """The table key an entry of the table of contents (目录) announces, or ``None``.

    >>> contents_key("十、财政拨款“三公”经费支出情况表"), contents_key("二、机构设置及人员情况")
    ('three_public', None)
    """
    return title_key(entry)


@attrs.frozen(kw_only=True)
class Block:
    """The lines of one table or form, from its title to the next title or part heading."""

    key: str
    title: SourceLine
    lines: tuple[SourceLine, ...]
    number: str | None = None  # 表号 as printed just before the title, e.g. "表 1", "公开05表"


def _title_at(lines: Sequence[SourceLine], index: int) -> tuple[str, int] | None:
    """The kind titled at ``lines[index]`` (a line neither blank nor a table row) and how many lines
    the title takes (a title wrapped onto one or two short lines below is joined again), or ``None``."""
    line = lines[index]
    if (key := title_key(line.text)) is not None:
        return key, 1
    pieces = [line.squeezed]  # the title so far, as printed
    for extra in range(1, _WRAPPED_LINES + 1):
        if index + extra >= len(lines):
            break
        tail = lines[index + extra]
        if tail.is_blank or tail.is_tabular or len(tail.squeezed) > _WRAPPED_TAIL:
            break
        pieces.append(tail.squeezed)
        # Without 表 the pieces title nothing, folded or not (folding makes 表 of no other character):
        # most lines with a short line below are told so, unfolded and without asking for a number.
        if not any(TITLE_WORD in piece for piece in pieces):
            continue
        if is_table_number(line.text):
            return None  # 公开01表 over the title, not a part of it
        joined = "".join([normalize_width(piece) for piece in pieces])
        if (key := title_key(joined.replace('""', ""))) is not None:  # quotes left on a line of their own
            return key, extra + 1
    return None


def _several_filled(line: SourceLine) -> bool:
    """Whether more than one of the line's cells is filled (a table row); a line of one cell (most
    lines of prose) is told without counting."""
    cells = line.cells
    return line.is_tabular and len(cells) - cells.count("") > 1


def _other_core(text: str) -> str | None:
    """The core of a title of a table of another kind, or ``None`` where ``text`` is no such title."""
    if TITLE_WORD not in text:  # no core of it can end in 表 (most lines; _OTHER_CORE ends so): no core to make
        return None
    core = title_core(text)
    if (not _OTHER_CORE.match(core) or not _BUDGET_WORDS.search(core) or _SET_OF_TABLES.search(core)
            or title_key(text) is not None):
        return None
    return core


def _other_title_at(lines: Sequence[SourceLine], index: int, announced: set[str]) -> bool:
    """Whether ``lines[index]`` titles a table of a kind the model does not hold: a short title the
    目录 lists, or one a table's headings follow (``lines[index]`` is neither blank nor a table row)."""
    line = lines[index]
    core = _other_core(line.text)
    if core is None:
        return False
    if core in announced:
        return True
    below = [lower for lower in lines[index + 1: index + 1 + _HEADINGS_BELOW] if not lower.is_blank]
    return bool(below) and (is_heading_line(below[0]) or len([c for c in below[0].cells if c]) > 2)


def _announced_others(lines: Sequence[SourceLine], skip: Sequence[int]) -> set[str]:
    """The cores of the 目录 entries that name a table of another kind."""
    entries = [lines[index].text for index in skip]
    cores = (_other_core(entry) for entry in entries)
    return {core for core in cores if core is not None}


def find_blocks(lines: Sequence[SourceLine], skip: Sequence[int] | None = None) -> list[Block]:
    """Every titled block of ``lines``, in document order; the line indexes in ``skip`` (the 目录)
    are never titles. When ``skip`` is not given every 目录 of the document is found and skipped.
    A table of a kind the model does not hold is a block of kind :data:`OTHER_KIND`."""
    if skip is None:
        skip = [index for contents in every_contents(lines) for index in contents.lines]
    skipped = set(skip)
    announced = _announced_others(lines, skip)
    starts: list[tuple[int, int, str]] = []
    after_title = 0  # the first line below the last title found (the lines a title takes title nothing)
    for index in _may_title(lines):
        line = lines[index]
        if index < after_title or index in skipped or line.is_blank or _several_filled(line):  # a row is no title
            continue
        found = _title_at(lines, index)
        if found is None and _other_title_at(lines, index, announced):
            found = OTHER_KIND, 1
        if found is not None:
            key, length = found
            starts.append((index, length, key))
            after_title = index + length
    blocks = []
    for position, (start, length, key) in enumerate(starts):
        end = _number_line(lines, starts[position + 1][0]) if position + 1 < len(starts) else len(lines)
        end = next((stop for stop in range(start + length, end) if _ends_block(lines[stop])), end)
        blocks.append(Block(key=key, title=lines[start], lines=tuple(lines[start + length: end]),
                            number=_number_before(lines, start)))
    return blocks


def _may_title(lines: Sequence[SourceLine]) -> list[int]:
    """The indexes of the lines that may start a title, in order: a title holds 表 (folding makes it of
    no other character) on its own line or on a line of the pieces wrapped below it, so a line with
    none on it or on the lines its pieces may take titles nothing (most lines of a document)."""
    holding = [index for index, line in enumerate(lines) if TITLE_WORD in line.text]
    return sorted({start for index in holding for start in range(max(index - _WRAPPED_LINES, 0), index + 1)})


def _number_line(lines: Sequence[SourceLine], start: int) -> int:
    """Where the table titled at ``start`` begins: at its number where that stands on a line of
    its own above the title (公开03表), which belongs to it and not to the table before."""
    for back in range(start - 1, max(start - 1 - _NUMBER_ABOVE, -1), -1):
        text = lines[back].text.strip()
        if not text or text.isdigit():
            continue
        return back if is_table_number(text) else start
    return start


def _number_before(lines: Sequence[SourceLine], start: int) -> str | None:
    """The table number printed on its own line just above the title (a page number may stand
    between), or at the head of the title's own line."""
    own = list_number(lines[start].text)
    if own is not None and own.style in ("table", "public", "annex"):
        return lines[start].text[: own.end].strip().rstrip(":：").strip()
    for back in range(start - 1, max(start - 1 - _NUMBER_ABOVE, -1), -1):
        text = lines[back].text.strip()
        if not text or text.isdigit():
            continue
        return text if is_table_number(text) else None
    return None
