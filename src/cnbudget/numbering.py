"""List and table numbering as documents print it (编号): one home for every numbering pattern.

Budget documents number their parts, sections, list items and tables in many styles: ``第二部分``,
``一、`` ``二．``, ``（一）`` ``(1)``, ``1.`` ``1、`` ``1．``, ``①``, and tables ``表1`` ``表一`` ``附表3``
``公开05表`` ``表 1``. Readers set the number apart from the text it numbers; completeness checks
compare a table's number with the contents. Both use this module.

>>> split_number("（五）一般公共预算支出情况表")
(5, '一般公共预算支出情况表')
>>> split_number("公开05表 财政拨款支出预算表")
(5, '财政拨款支出预算表')
>>> split_number("2.66%的增长")
(None, '2.66%的增长')
>>> numeral("十二"), table_number("附表三")
(12, 3)
"""

from __future__ import annotations

import functools
import re

import attrs

from cnbudget.text import normalize_width, squeeze_spaces

__all__ = [
    "CHAPTER_NUMBER",
    "CHINESE_NUMERALS",
    "COUNT",
    "ITEM_NUMBER",
    "LIST_MARK",
    "NUMERAL",
    "PART_END",
    "PART_HEADING",
    "TABLE_NUMBER",
    "ListNumber",
    "entry_number",
    "is_table_number",
    "list_number",
    "numeral",
    "split_number",
    "strip_number",
    "table_number",
]

#: Chinese numerals as they number lists (一 … 十, 二十, 一百 rarely).
CHINESE_NUMERALS = "零〇一二三四五六七八九十"
#: A number in Arabic or Chinese numerals, as a regular-expression fragment.
NUMERAL = rf"\d{{1,3}}|[{CHINESE_NUMERALS}]{{1,3}}"
#: A count printed in digits (人, 辆, 台, 个): at most nine of them, a longer run of digits is no count.
COUNT = r"(?<!\d)\d{1,9}(?!\d)"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_CHINESE = "一二三四五六七八九十"  # the numerals headings count with (no 零)

#: A part heading: 第一部分, 第二部分 …
PART_HEADING = re.compile(rf"^第[{CHINESE_NUMERALS}]+部分")
#: What ends a part of the document's body: the next part, 名词解释, 附件.
PART_END = re.compile(rf"^(?:第[{CHINESE_NUMERALS}]+部分|名词解释|附件)")
#: A chapter's number in Chinese numerals: 一、 二． （三） (a heading of the narrative).
CHAPTER_NUMBER = re.compile(rf"^(?:[{_CHINESE}]+[、.．]|[（(][{_CHINESE}]+[)）])")
#: An item's number in Arabic numerals: 1、 2. （3） — but not the 2 of 2.66 % or 1,089.27.
ITEM_NUMBER = re.compile(r"^(?:\d{1,2}\s*[、.．](?=\s*\d{4}\s*年|\s*[^\d\s])|[（(]\d{1,2}[)）])")
#: Any list number a statement may start with, and the space after it: 1、 （一） (1) 一、
LIST_MARK = re.compile(
    rf"^(?:\d{{1,2}}\s*[、.．](?=\s*\d{{4}}\s*年|\s*[^\d\s])|[（(][{_CHINESE}\d]{{1,3}}[)）]|[{_CHINESE}]+、)\s*")

# A table's sub-number (表1-1, 预算01-2表): tables of one number are parts of one statement, and are
# numbered by their main number here.
_SUB = r"(?:\s*[-－—]\s*\d{1,2})?"
#: A table's number printed on its own or before its title: 表1, 表 1, 表一, 表1-1, 附表3, 公开05表,
#: 公开 05 表, 预算01表, 附件1.
TABLE_NUMBER = re.compile(
    rf"^(?:附?表\s*(?P<a>{NUMERAL}){_SUB}|(?:公开|部门预算|预算)\s*(?P<b>\d{{1,3}}){_SUB}\s*表|附件\s*(?P<c>\d{{1,2}}))")

# A list number at the start of a text (after width folding): (一) (1) 一、 1. 1、 1: ① or a table number.
_LEADING = re.compile(
    rf"^[-*#\s]*(?:附?表\s*(?P<table>{NUMERAL})(?![\d{CHINESE_NUMERALS}]){_SUB}"
    rf"|(?:公开|部门预算|预算)\s*(?P<public>\d{{1,3}}){_SUB}\s*表|附件\s*(?P<annex>\d{{1,2}})(?!\d)"
    rf"|\(\s*(?P<bracket>{NUMERAL})\s*\)"
    # 1,089 and 2.66 are figures; 五、2019年 and 5.2019年 are numbers before a year.
    rf"|(?P<listed>{NUMERAL})(?:\s*[,.:](?!\d)|(?<=[{CHINESE_NUMERALS}])\s*[,.:]|\s*[,.:](?=\d{{4}}\s*年)))"
    r"\s*[,.:\-]?\s*"
)
_STYLES = ("table", "public", "annex", "bracket", "listed")  # the named groups of _LEADING
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def numeral(text: str) -> int | None:
    """The number written in Arabic or Chinese numerals (up to 999 / 九十九), else ``None``.

    >>> numeral("11"), numeral("十一"), numeral("二十"), numeral("十"), numeral("05"), numeral("表")
    (11, 11, 20, 10, 5, None)
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text) or text.count("十") > 1:
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


@attrs.frozen
class ListNumber:
    """The number at the start of a text: its value, its style and where the text after it begins.

    ``style`` is ``table`` (表1, 附表一), ``public`` (公开05表, 预算01表), ``annex`` (附件1), ``bracket``
    (（一）, (1)), ``listed`` (一、 1. 1、) or ``circled`` (①); ``chinese`` says whether it is written in
    Chinese numerals; ``end`` indexes the text as given (not width folded).

    >>> list_number("一、本年收入")
    ListNumber(value=1, style='listed', chinese=True, end=2)
    >>> list_number("（二）财政拨款结转").style, list_number("2024年") is None
    ('bracket', True)
    """

    value: int
    style: str
    chinese: bool
    end: int


def list_number(text: str) -> ListNumber | None:
    """The list or table number at the start of ``text``, if any (see :class:`ListNumber`)."""
    if text.lstrip()[:1] in _CIRCLED and text.lstrip():
        start = len(text) - len(text.lstrip())
        return ListNumber(value=_CIRCLED.index(text[start]) + 1, style="circled", chinese=False, end=start + 1)
    folded = normalize_width(text)
    found = _LEADING.match(folded)
    if found is None or len(folded) != len(text):  # width folding kept every character in place
        return None
    style = next(name for name in _STYLES if found.group(name))
    digits = found.group(style)
    value = numeral(digits)
    if value is None:
        return None
    return ListNumber(value=value, style=style, chinese=not digits.isdigit(), end=found.end())


def split_number(text: str) -> tuple[int | None, str]:
    """The list or table number at the start of ``text`` and the text after it (width folded, the
    ideographic comma read as a comma); ``(None, text)`` where it starts with none.

    A number followed by a digit (``2.66``, ``1,089``) is a figure, not a list number.

    >>> split_number("十一、一般公共预算“三公”经费支出预算表")
    (11, '一般公共预算"三公"经费支出预算表')
    >>> split_number("表 3 部门支出总体情况表"), split_number("③ 项目")
    ((3, '部门支出总体情况表'), (3, '项目'))
    """
    stripped = text.strip()
    if stripped[:1] and stripped[0] in _CIRCLED:  # ③ before width folding, which makes it a plain 3
        return _CIRCLED.index(stripped[0]) + 1, normalize_width(stripped[1:]).strip()
    folded = normalize_width(stripped)
    found = _LEADING.match(folded)
    if found is None:
        return None, folded
    kind = next(name for name in _STYLES if found.group(name))
    value = numeral(found.group(kind))
    if value is None:
        return None, folded
    return value, folded[found.end():]


_SPACED = re.compile(r"^[-*#\s]*(\d{1,3})\s+(?=\S)")


def entry_number(entry: str) -> tuple[int | None, str]:
    """The number of an entry of a table of contents and the entry's words: any list or table number,
    or a bare number followed by a space (``5 一般公共预算支出表``), as contents print them.

    >>> entry_number("5 一般公共预算支出表"), entry_number("表5 一般公共预算支出表")
    ((5, '一般公共预算支出表'), (5, '一般公共预算支出表'))
    """
    value, rest = split_number(entry)
    if value is not None:
        return value, rest
    found = _SPACED.match(rest)
    return (int(found.group(1)), rest[found.end():]) if found is not None else (None, rest)


def strip_number(text: str) -> str:
    """``text`` without its leading list or table number (width folded).

    >>> strip_number("1. 一般公共预算拨款"), strip_number("其中：财政拨款")
    ('一般公共预算拨款', '其中:财政拨款')
    """
    return split_number(text)[1]


def table_number(printed: str | None) -> int | None:
    """The number of a table as printed above or before it (``表 10``, ``附表一``, ``公开05表``).

    >>> table_number("表 10"), table_number("公开12表"), table_number(None)
    (10, 12, None)
    """
    found = TABLE_NUMBER.match(squeeze_spaces(normalize_width(printed or "")))
    if found is None:
        return None
    return numeral(found.group("a") or found.group("b") or found.group("c"))


def is_table_number(text: str) -> bool:
    """Whether a line holds a table number and nothing else (``表 1``, ``公开 05 表``).

    >>> is_table_number("公开 05 表"), is_table_number("表1 部门收支总表")
    (True, False)
    """
    # Told before the cache: most lines asked are new, and most lines hold neither.
    if "表" not in text and not ("附" in text and "件" in text):
        return False  # every table number has 表 or 附件, which no other character becomes when widths fold
    return _is_table_number(text)


@functools.lru_cache(maxsize=1 << 12)  # a pure function of the text: the lines near each title are asked again
def _is_table_number(text: str) -> bool:
    squeezed = squeeze_spaces(normalize_width(text))
    found = TABLE_NUMBER.match(squeezed)
    return found is not None and found.end() == len(squeezed)
