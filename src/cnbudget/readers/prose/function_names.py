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
completed from the heading (:func:`completed`). How names are written with their levels is the
catalogue's (:mod:`cnbudget.classification.level_names`); this module places them.
"""

from __future__ import annotations

import functools

from cnbudget.classification import Catalog, catalog
from cnbudget.classification.catalog import per_catalogue
from cnbudget.classification.level_names import Levels, completed, level_names, levels_text
from cnbudget.classification.names import MatchKind, normalise_name
from cnbudget.classification.subject import AnyCode, Subject
from cnbudget.codes import FunctionCode

__all__ = ["Levels", "completed", "function_code_of", "level_names", "levels_text"]

# An exact or official-but-normalised match beats a variant, a former name or a name cut short.
_BEST = (MatchKind.EXACT, MatchKind.NORMALISED)


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
        catalog(year)
    except (TypeError, ValueError):
        return None
    return _code_of(year, names)


# The code of the same names in the same year's catalogue is the same, and the narratives of a year
# name the same subjects again and again: kept, up to a bound (a corpus brings ever new spellings).
@functools.lru_cache(maxsize=4096)
def _code_of(year: int, names: Levels) -> FunctionCode | None:
    return _code_in(catalog(year), names)


def _code_in(found: Catalog, names: Levels) -> FunctionCode | None:
    parent: Subject | None = None
    for depth, (_, name) in enumerate(names, start=1):
        under = parent.code if parent is not None else None
        # A name that is the official name of exactly one subject below the one before (as nearly
        # every printed name is) is the answer of the search below: that subject is among its
        # candidates, and the only one whose match is exact or normalised.
        officials = _by_official_name(found, under).get(normalise_name(name), ())
        if len(officials) == 1:
            parent = officials[0]
            continue
        candidates = [s for s in found.find(name, under=under) if s.code.level == depth]
        if len(candidates) > 1:
            # The official name beats a variant, a former name or another name cut short.
            candidates = [s for s in candidates if found.match_name(s.code, name).kind in _BEST] or candidates
        parent = candidates[0] if len(candidates) == 1 else None
        if parent is None:
            return None
    code = parent.code if parent is not None else None
    return code if isinstance(code, FunctionCode) else None


@per_catalogue
def _by_official_name(found: Catalog, under: AnyCode | None) -> dict[str, tuple[Subject, ...]]:
    """The 支出功能分类 subjects one level below ``under`` (the 类 when ``None``) by their official
    names, normalised; made once per catalogue and parent."""
    grouped: dict[str, list[Subject]] = {}
    for child in found.children(under):
        grouped.setdefault(normalise_name(child.name), []).append(child)
    return {name: tuple(same) for name, same in grouped.items()}
