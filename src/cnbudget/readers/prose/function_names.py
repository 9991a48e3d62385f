"""Classification names written out in the narrative (类款项名称) and the code they name.

The narrative names a 支出功能分类 subject by its names with their levels:
``卫生健康支出（类）医疗保障管理事务（款）行政运行（项）``, or only the 类 (``科学技术支出（类）``,
``社会保障和就业（类）支出``). Documents quote the names (``“一般公共服务支出（类）商贸事务（款）
行政运行（项）”``), mix full- and half-width brackets (``（款)``), add a verb after the last level
(``行政运行（项）支出``, ``住房公积金(项):支出``) or join the names with dashes (``“一般公共服务支出-
政府办公厅（室）及相关机构事务-行政运行”科目``). A code is given only when every name matches
exactly one subject of its level below the one before, in the catalogue of the budget year.

>>> level_names("卫生健康支出（类）医疗保障管理事务（款）行政运行（项）")
(('类', '卫生健康支出'), ('款', '医疗保障管理事务'), ('项', '行政运行'))
>>> level_names("社会保障和就业（类）支出")
(('类', '社会保障和就业支出'),)
>>> level_names("“一般公共服务支出-商贸事务-行政运行”科目")
(('类', '一般公共服务支出'), ('款', '商贸事务'), ('项', '行政运行'))
>>> function_code_of("卫生健康支出(类)医疗保障管理事务(款)事业单位运行(项)", 2024)
FunctionCode('2101550')

A section headed by a 类 (``（一）公共安全（类）``) lists its 款 and 项 without it; the names are
completed from the heading (:func:`completed`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cnbudget.catalog import catalog
from cnbudget.catalog.names import MatchKind
from cnbudget.catalog.subject import Subject
from cnbudget.codes import FunctionCode

__all__ = ["Levels", "completed", "function_code_of", "level_names", "levels_text"]

#: (level, name) pairs, from the highest level named: ``(("款", "检察"), ("项", "行政运行"))``.
Levels = tuple[tuple[str, str], ...]

_LEVEL = re.compile(r"[（(]\s*(类|款|项)\s*[)）]")
_ORDER = ("类", "款", "项")
_QUOTES = "“”\"'‘’"
# Said after the last level: "（项）支出", "(项):支出", "（类）支出" (支出 belongs to a 类's name).
_VERB_TAIL = re.compile(r"^[:：\s]*(?:支出)?\s*$")
_DASHED = re.compile(rf"^[{_QUOTES}]?(?P<names>[^{_QUOTES}]+?-[^{_QUOTES}]+?)[{_QUOTES}](?:科目)?$")
# An exact or official-but-normalised match beats a variant, a former name or a name cut short.
_BEST = (MatchKind.EXACT, MatchKind.NORMALISED)


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


def function_code_of(text: str | Levels, year: int | None) -> FunctionCode | None:
    """The code named by ``text`` (see :func:`level_names`) or by the names given, in the
    catalogue of ``year``, or ``None`` when a name matches no subject or more than one, the names
    do not start at 类, or there is no catalogue for the year.

    >>> function_code_of("其他支出（类）其他支出（款）其他支出（项）", 2024)
    FunctionCode('2299999')
    >>> function_code_of("卫生健康（类）", 2024)     # 21001 卫生健康管理事务 is a 款, not a 类
    FunctionCode('210')
    """
    names = level_names(text) if isinstance(text, str) else text
    if not names or names[0][0] != "类" or year is None:
        return None
    try:
        found = catalog(year)
    except (TypeError, ValueError):
        return None
    parent: Subject | None = None
    for depth, (_, name) in enumerate(names, start=1):
        under = parent.code if parent is not None else None
        candidates = [s for s in found.find(name, under=under) if s.code.level == depth]
        if len(candidates) > 1:
            # The official name beats a variant, a former name or another name cut short.
            candidates = [s for s in candidates if found.match_name(s.code, name).kind in _BEST] or candidates
        parent = candidates[0] if len(candidates) == 1 else None
        if parent is None:
            return None
    code = parent.code if parent is not None else None
    return code if isinstance(code, FunctionCode) else None
