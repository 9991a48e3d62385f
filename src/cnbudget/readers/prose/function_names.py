"""Classification names written out in the narrative (类款项名称) and the code they name.

The narrative names a 支出功能分类 subject by its names with their levels:
``卫生健康支出（类）医疗保障管理事务（款）行政运行（项）``, or only the 类 (``科学技术支出（类）``,
``社会保障和就业（类）支出``). A code is given only when every name matches exactly one subject of its
level below the one before, in the catalogue of the budget year.

>>> level_names("卫生健康支出（类）医疗保障管理事务（款）行政运行（项）")
(('类', '卫生健康支出'), ('款', '医疗保障管理事务'), ('项', '行政运行'))
>>> level_names("社会保障和就业（类）支出")
(('类', '社会保障和就业支出'),)
>>> function_code_of("卫生健康支出(类)医疗保障管理事务(款)事业单位运行(项)", 2024)
FunctionCode('2101550')
"""

from __future__ import annotations

import re

from cnbudget.catalog import catalog
from cnbudget.catalog.subject import Subject
from cnbudget.codes import FunctionCode

__all__ = ["function_code_of", "level_names"]

_LEVEL = re.compile(r"[（(]\s*(类|款|项)\s*[)）]")
_ORDER = ("类", "款", "项")


def level_names(text: str) -> tuple[tuple[str, str], ...]:
    """The (level, name) pairs of a subject written with its levels; empty when it is not one.

    Text after the last level mark belongs to the last name (``社会保障和就业（类）支出``).
    """
    parts = _LEVEL.split(text)
    if len(parts) < 3:
        return ()
    names, levels = parts[0:-1:2], parts[1::2]
    if tuple(levels) != _ORDER[: len(levels)]:
        return ()
    names[-1] += parts[-1]
    cleaned = tuple((level, name.strip()) for level, name in zip(levels, names, strict=True))
    return cleaned if all(name for _, name in cleaned) else ()


def _one(subjects: list[Subject], level: int) -> Subject | None:
    at_level = [s for s in subjects if s.code.level == level]
    return at_level[0] if len(at_level) == 1 else None


def function_code_of(text: str, year: int | None) -> FunctionCode | None:
    """The code named by ``text`` (see :func:`level_names`) in the catalogue of ``year``, or
    ``None`` when a name matches no subject or more than one, or there is no catalogue for the year.

    >>> function_code_of("其他支出（类）其他支出（款）其他支出（项）", 2024)
    FunctionCode('2299999')
    >>> function_code_of("卫生健康（类）", 2024)     # 21001 卫生健康管理事务 is a 款, not a 类
    FunctionCode('210')
    """
    names = level_names(text)
    if not names or year is None:
        return None
    try:
        found = catalog(year)
    except (TypeError, ValueError):
        return None
    parent: Subject | None = None
    for depth, (_, name) in enumerate(names, start=1):
        under = parent.code if parent is not None else None
        parent = _one(found.find(name, under=under), depth)
        if parent is None:
            return None
    code = parent.code if parent is not None else None
    return code if isinstance(code, FunctionCode) else None
