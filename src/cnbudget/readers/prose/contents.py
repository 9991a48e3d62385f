"""The document's own table of contents (目录): its entries, as printed.

The 目录 starts at a line that reads 目录 (``目 录``, ``# 目 录``) and runs until the body begins: a
part heading (第一部分…) that the 目录 has already listed, a sentence, or a table row. Entries keep
their numbering (``一、部门收支总体情况表``); layout spaces, Markdown marks, dot leaders and page
numbers are removed.

>>> from cnbudget.readers.text.source import split_lines
>>> text = "目 录\\n第一部分 部门概况\\n- 一、 主要职能 ........ 3\\n第二部分 预算公开表\\n第一部分 部门概况\\n"
>>> found = find_contents(split_lines(text))
>>> found.entries
('第一部分部门概况', '一、主要职能', '第二部分预算公开表')
>>> found.lines
range(0, 4)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from cnbudget.model.kinds import title_key
from cnbudget.numbering import PART_HEADING, is_table_number
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["Contents", "every_contents", "find_contents"]

_PART = PART_HEADING
_LEADER = re.compile(r"(?:[.．…·]{2,}|\s{2,}|\t)\s*\d{1,3}\s*$")
_MAX_ENTRY = 60
_MAX_ENTRIES = 80
_MAX_BETWEEN = 1  # part headings flat text printed between the 目 and the 录 of the title


@attrs.frozen(kw_only=True)
class Contents:
    """The entries of the 目录 and the positions (indexes into the lines) it occupies.

    >>> Contents(entries=(), lines=range(0)).entries
    ()
    """

    entries: tuple[str, ...]
    lines: range


def _is_contents_title(line: SourceLine) -> bool:
    return line.squeezed in {"目录", "目錄"}


def _title_end(lines: Sequence[SourceLine], index: int) -> int | None:
    """Where a 目录 title starting at ``index`` ends: that line, or the line of 录 where flat text
    printed the two characters on lines of their own (``目`` / ``录``, a part heading of the 目录 at
    times between them); ``None`` where no 目录 starts there."""
    if _is_contents_title(lines[index]):
        return index
    if lines[index].squeezed != "目":
        return None
    between = 0
    for after in range(index + 1, len(lines)):
        line = lines[after]
        if line.is_blank:
            continue
        if line.squeezed in {"录", "錄"}:
            return after
        if between >= _MAX_BETWEEN or not _PART.match(line.squeezed):
            return None
        between += 1
    return None


_TITLE_START = "目"  # what every 目录 title starts with (目录, 目錄, and 目 over a line of 录)


def _title_ends(lines: Sequence[SourceLine]) -> Iterator[int]:
    """Where each 目录 title of ``lines`` ends (:func:`_title_end`), asked only of lines starting with 目."""
    for index, line in enumerate(lines):
        if line.squeezed.startswith(_TITLE_START):
            end = _title_end(lines, index)
            if end is not None:
                yield end


def _entry(line: SourceLine) -> str:
    return clean_name(_LEADER.sub("", line.text))


def find_contents(lines: Sequence[SourceLine]) -> Contents:
    """The 目录 of ``lines``: its entries in order, or no entries when the document has none."""
    start = next(_title_ends(lines), None)
    if start is None:
        return Contents(entries=(), lines=range(0))
    return _contents_at(lines, start)


def every_contents(lines: Sequence[SourceLine]) -> list[Contents]:
    """Every 目录 of ``lines``: a disclosure read from several files (the text, and its tables
    published apart) has one in each.

    >>> from cnbudget.readers.text.source import split_lines
    >>> lines = split_lines("目录\\n一、收支预算总表\\n目 录\\n一、收支预算总表\\n\\n收支预算总表\\n收入\\t金额")
    >>> [(c.entries, c.lines) for c in every_contents(lines)]
    [(('一、收支预算总表',), range(0, 2)), (('一、收支预算总表',), range(2, 4))]
    >>> [c.entries for c in every_contents(split_lines("目\\n\\n录\\n一、收支预算总表\\n收支预算总表"))]
    [('一、收支预算总表',)]
    """
    return [_contents_at(lines, end) for end in _title_ends(lines)]


def _contents_at(lines: Sequence[SourceLine], start: int) -> Contents:
    entries: list[str] = []
    parts_seen: set[str] = set()
    kinds_seen: set[str] = set()
    end = start + 1
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.is_blank:
            continue
        squeezed = line.squeezed
        part = _PART.match(squeezed)
        kind = title_key(line.text)
        body_begins = (
            line.is_tabular
            or "。" in squeezed[:-1]  # a sentence; an entry may end with a full stop (一、主要职能。)
            or len(squeezed) > _MAX_ENTRY
            or (part is not None and part.group(0) in parts_seen)
            or (kind is not None and kind in kinds_seen)  # the first table's title, listed above
            or is_table_number(squeezed)  # 公开01表 over the first table
            or _is_contents_title(line)  # the next file's own 目录
            or len(entries) >= _MAX_ENTRIES
        )
        if body_begins:
            break
        if part is not None:
            parts_seen.add(part.group(0))
        if kind is not None:
            kinds_seen.add(kind)
        entries.append(_entry(line))
        end = index + 1
    return Contents(entries=tuple(entries), lines=range(start, end))
