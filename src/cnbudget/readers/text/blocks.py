"""Cut a document into blocks: one per table, each starting at its title (表格定位).

A title is a short line that, once the table number (表1), the year (2024年) and the 部门/单位
prefix are set aside, is exactly one of the standard table titles. A table of contents entry
(``一、部门收支总体情况表``) and a sentence that mentions a table (``…支出情况表为空表。``) are not
titles. A block runs to the next title or to the next part heading (第三部分, 名词解释…).

>>> title_key("表 1 部门收支总体情况表")
'summary'
>>> title_key("2024 年一般公共预算“三公”经费支出情况表")
'three_public'
>>> title_key("- 五、 一般公共预算支出情况表") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from cnbudget.readers.text.source import SourceLine
from cnbudget.text import normalize_width

__all__ = ["PERFORMANCE_KEYS", "Block", "contents_key", "find_blocks", "title_key"]

#: Keys of the performance-target forms, beside the stable table keys.
PERFORMANCE_KEYS = ("department_target", "project_target", "project_targets_summary")

# Order matters: the first pattern that matches the whole normalised title wins.
_TITLES: tuple[tuple[str, str], ...] = (
    ("fiscal_summary", r"财政拨款收支(?:预算)?总体情况表"),
    ("general_budget_basic", r"一般公共预算基本支出(?:预算)?情况表"),
    ("general_budget_projects", r"一般公共预算项目支出(?:预算)?情况表"),
    ("general_budget", r"一般公共预算(?:财政拨款)?支出(?:预算)?情况表"),
    ("gov_fund", r"政府性基金预算支出(?:预算)?情况表"),
    ("soe_capital", r"国有资本经营预算支出(?:预算)?情况表"),
    ("three_public", r"(?:财政拨款|一般公共预算)?\"?三公\"?经费支出(?:预算)?情况表"),
    ("carryover", r"上年结转结余(?:情况)?明细表|上年结转结余情况表"),
    ("economic_summary", r"支出经济分类汇总表"),
    ("summary", r"收支(?:预算)?总体情况表|收支总表"),
    ("revenue", r"收入(?:预算)?总体情况表|收入总表"),
    ("expenditure", r"支出(?:预算)?总体情况表|支出总表"),
    ("department_target", r"(?:部门\(单位\)|部门|单位)?整体(?:支出)?绩效目标(?:申报)?表"),
    ("project_targets_summary", r"(?:部门)?(?:预算)?项目绩效目标汇总表"),
    ("project_target", r"(?:\S*?)项目支出绩效目标(?:申报)?表"),
    ("projects", r"项目支出(?:预算)?表"),
)
_PREFIX = re.compile(
    r"^(?:表\d+)?(?:20\d\d年度?)?(?:[^\s\"]{0,30}?(?:局|委|院|办|厅|中心|部|会|馆|所|站|队)(?=\d{4}年|部门|单位))?"
    r"(?:20\d\d年度?)?(?:部门\(单位\)|部门|单位)?"
)
_SUFFIX = re.compile(r"(?:\(20\d\d年度?\))?(?:表\d+)?$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分|^名词解释|^附件")
_MAX_TITLE_LENGTH = 60


def _normalise(text: str) -> str:
    squeezed = re.sub(r"\s+", "", normalize_width(text))
    return squeezed.replace("“", '"').replace("”", '"').replace("'", '"')


def title_key(text: str) -> str | None:
    """The table key a title line names, or ``None`` when the line is not a table title."""
    squeezed = _normalise(text)
    if not squeezed or len(squeezed) > _MAX_TITLE_LENGTH or squeezed.endswith(("。", ".", "；")):
        return None
    if re.match(r"^(?:[一二三四五六七八九十]+[、.]|\(\S{1,3}\)|\d+[、.])", squeezed):
        return None  # an entry of the table of contents or of a list
    core = _SUFFIX.sub("", _PREFIX.sub("", squeezed, count=1), count=1)
    for key, pattern in _TITLES:
        if re.fullmatch(pattern, core):
            return key
    return None


_LIST_NUMBER = re.compile(r"^[-*\s]*(?:[一二三四五六七八九十]+[、.．]|[（(][^)）]{1,3}[)）]|\d+[、.．])\s*")


def contents_key(entry: str) -> str | None:
    """The table key an entry of the table of contents (目录) announces, or ``None``.

    >>> contents_key("十、财政拨款“三公”经费支出情况表"), contents_key("二、机构设置及人员情况")
    ('three_public', None)
    """
    return title_key(_LIST_NUMBER.sub("", entry, count=1))


@attrs.frozen(kw_only=True)
class Block:
    """The lines of one table or form, from its title to the next title or part heading."""

    key: str
    title: SourceLine
    lines: tuple[SourceLine, ...]
    number: str | None = None  # 表号 as printed just before the title, e.g. "表 1"


_TABLE_NUMBER = re.compile(r"^表\s*\d+$")


def find_blocks(lines: Sequence[SourceLine]) -> list[Block]:
    """Every titled block of ``lines``, in document order."""
    starts = [(i, key) for i, line in enumerate(lines) if (key := title_key(line.text)) is not None]
    blocks = []
    for position, (start, key) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        for stop in range(start + 1, end):
            if _PART.match(lines[stop].squeezed):
                end = stop
                break
        number = _number_before(lines, start)
        blocks.append(Block(key=key, title=lines[start], lines=tuple(lines[start + 1 : end]), number=number))
    return blocks


def _number_before(lines: Sequence[SourceLine], start: int) -> str | None:
    for back in range(start - 1, max(start - 4, -1), -1):
        text = lines[back].text
        if not text:
            continue
        return text if _TABLE_NUMBER.match(normalize_width(text).strip()) else None
    return None
