"""Subjects written with their levels (类款项名称), as texts name them:
``卫生健康支出（类）医疗保障管理事务（款）行政运行（项）``, or only the 类 (``科学技术支出（类）``,
``社会保障和就业（类）支出``). Documents quote the names (``“一般公共服务支出（类）商贸事务（款）
行政运行（项）”``), mix full- and half-width brackets (``（款)``), add a verb after the last level
(``行政运行（项）支出``, ``住房公积金(项):支出``) or join the names with dashes (``“一般公共服务支出-
政府办公厅（室）及相关机构事务-行政运行”科目``). The reader places such names in the catalogue and the
catalogue rules judge them, so how they are written has one home here.

>>> level_names("卫生健康支出（类）医疗保障管理事务（款）行政运行（项）")
(('类', '卫生健康支出'), ('款', '医疗保障管理事务'), ('项', '行政运行'))
>>> level_names("社会保障和就业（类）支出")
(('类', '社会保障和就业支出'),)
>>> level_names("“一般公共服务支出-商贸事务-行政运行”科目")
(('类', '一般公共服务支出'), ('款', '商贸事务'), ('项', '行政运行'))
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["Levels", "completed", "level_names", "levels_text"]

#: (level, name) pairs, from the highest level named: ``(("款", "检察"), ("项", "行政运行"))``.
Levels = tuple[tuple[str, str], ...]

_LEVEL = re.compile(r"[（(]\s*(类|款|项)\s*[)）]")
_ORDER = ("类", "款", "项")
_QUOTES = "“”\"'‘’"
# Said after the last level: "（项）支出", "(项):支出", "（类）支出" (支出 belongs to a 类's name).
_VERB_TAIL = re.compile(r"^[:：\s]*(?:支出)?\s*$")
_DASHED = re.compile(rf"^[{_QUOTES}]?(?P<names>[^{_QUOTES}]+?-[^{_QUOTES}]+?)[{_QUOTES}](?:科目)?$")


def _marked(text: str) -> Levels:
    parts = _LEVEL.split(text.strip(_QUOTES + " "))
    if len(parts) < 3:
        return ()
    names, levels = parts[0:-1:2], parts[1::2]
    if tuple(levels) != _ORDER[_ORDER.index(levels[0]) : _ORDER.index(levels[0]) + len(levels)]:
        return ()
    tail = parts[-1].strip(_QUOTES + " ")
    if levels[-1] == "类" or not _VERB_TAIL.match(tail):
        names[-1] += tail.lstrip(":：")
    cleaned = tuple((level, name.strip(_QUOTES + " ")) for level, name in zip(levels, names, strict=True))
    return cleaned if all(name for _, name in cleaned) else ()


def level_names(text: str) -> Levels:
    """The (level, name) pairs of a subject written with its levels; empty when it is not one.

    Levels may start below 类 (``检察（款）行政运行（项）支出``); text after the last level mark
    belongs to a 类's name (``社会保障和就业（类）支出``) and is a verb after a 款 or 项.

    >>> level_names("检察（款）行政运行(项)支出")
    (('款', '检察'), ('项', '行政运行'))
    """
    if "(" not in text and "（" not in text and "-" not in text:  # neither a level's mark nor dashes
        return ()
    dashed = _DASHED.match(text.strip())
    if dashed is not None and not _LEVEL.search(text):
        names = [name.strip() for name in dashed["names"].split("-")]
        if 2 <= len(names) <= 3 and all(names):
            return tuple(zip(_ORDER, names, strict=False))
        return ()
    return _marked(text)


def completed(names: Levels, context: Levels) -> Levels:
    """``names`` with the higher levels they leave out taken from ``context`` (the 类 of the
    heading, the 款 stated before); unchanged when they start at 类 or the context lacks a level.

    >>> completed((("项", "行政运行"),), (("类", "公共安全"), ("款", "检察")))
    (('类', '公共安全'), ('款', '检察'), ('项', '行政运行'))
    """
    if not names or names[0][0] == "类":
        return names
    wanted = _ORDER[: _ORDER.index(names[0][0])]
    higher = tuple(pair for pair in context if pair[0] in wanted)
    return (*higher, *names) if tuple(level for level, _ in higher) == wanted else names


def levels_text(names: Sequence[tuple[str, str]]) -> str:
    """The names written with their levels, as documents print them.

    >>> levels_text((("类", "公共安全"), ("款", "检察")))
    '公共安全（类）检察（款）'
    """
    return "".join(f"{name}（{level}）" for level, name in names)
