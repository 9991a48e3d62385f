"""The national indicator framework (绩效指标体系) and how a printed 一级/二级 pair relates to it.

The framework for project targets (项目支出绩效目标):

* 产出指标: 数量指标, 质量指标, 时效指标 (and, in some editions, 成本指标);
* 成本指标: 经济成本指标, 社会成本指标, 生态环境成本指标;
* 效益指标: 经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标;
* 满意度指标: 服务对象满意度指标 (under 效益指标 in earlier editions).

Documents follow local schemes too (履职效能, 投入管理指标, 满意度 as a 二级指标); those are
deviations to report, not errors.

>>> pairing("产出指标", "数量 指标"), pairing("满意度指标", "满意度指标")
(<Pairing.STANDARD: 'standard'>, <Pairing.REPEATS_LEVEL1: 'repeats_level1'>)
>>> pairing("效益指标", "数量指标"), pairing("履职效能", "数量指标")
(<Pairing.OTHER_LEVEL1: 'other_level1'>, <Pairing.LOCAL_LEVEL1: 'local_level1'>)
"""

from __future__ import annotations

import enum

from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["EDITION_PAIRS", "FRAMEWORK", "REQUIRED_LEVEL1", "Pairing", "level1_of", "pairing", "standard_level1"]

#: 一级指标 → its 二级指标, as the national framework names them.
FRAMEWORK: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}

#: Pairs some editions of the framework use, accepted as they are: 成本指标 as a 二级指标 of
#: 产出指标 (listed above), and 服务对象满意度指标 under 效益指标 (editions before 满意度指标 was a
#: 一级指标 of its own).
EDITION_PAIRS: frozenset[tuple[str, str]] = frozenset({("效益指标", "服务对象满意度指标")})

#: The 一级指标 every project target has (满意度指标 only "in principle", so it is not required).
REQUIRED_LEVEL1: tuple[str, ...] = ("产出指标", "效益指标")

# Other spellings of framework names, without the trailing 指标.
_VARIANTS = {
    "生态环境效益": "生态效益",
    "可持续影响": "可持续影响",
    "可持续发展影响": "可持续影响",
    "社会公众或服务对象满意度": "服务对象满意度",
    "服务对象或社会公众满意度": "服务对象满意度",
    "社会公众满意度": "服务对象满意度",
}


def _stem(name: str) -> str:
    """The name without white space, width-folded, without a trailing 指标."""
    text = squeeze_spaces(normalize_width(name))
    stem = text.removesuffix("指标")
    return _VARIANTS.get(stem, stem)


_LEVEL1_BY_STEM = {_stem(level1): level1 for level1 in FRAMEWORK}
_LEVEL2_OWNERS: dict[str, tuple[str, ...]] = {}
_LEVEL2_SPELLINGS: dict[str, tuple[str, ...]] = {}  # each 二级 stem's framework spellings, in framework order
for _level1, _level2s in FRAMEWORK.items():
    for _level2 in _level2s:
        _LEVEL2_OWNERS[_stem(_level2)] = (*_LEVEL2_OWNERS.get(_stem(_level2), ()), _level1)
        _LEVEL2_SPELLINGS[_stem(_level2)] = (*_LEVEL2_SPELLINGS.get(_stem(_level2), ()), _level2)


class Pairing(enum.Enum):
    """How a printed 一级/二级 pair relates to the framework (指标层级对照)."""

    STANDARD = "standard"  # as the framework has it
    REPEATS_LEVEL1 = "repeats_level1"  # 二级 printed as the 一级 name (满意度指标/满意度指标)
    OTHER_LEVEL1 = "other_level1"  # a framework 二级 under the wrong 一级 (效益指标/数量指标)
    LOCAL_LEVEL2 = "local_level2"  # a framework 一级 with a 二级 of a local scheme
    LOCAL_LEVEL1 = "local_level1"  # a 一级 of a local scheme (履职效能, 投入管理指标)


def standard_level1(name: str) -> str | None:
    """The framework's 一级指标 a printed one stands for, or ``None`` for a local one.

    >>> standard_level1("满意度 指标"), standard_level1("产出"), standard_level1("履职效能")
    ('满意度指标', '产出指标', None)
    """
    return _LEVEL1_BY_STEM.get(_stem(name))


def level1_of(level2: str) -> tuple[str, ...]:
    """The framework 一级指标 a printed 二级指标 belongs to (none for a local one).

    >>> level1_of("社会效益指标"), level1_of("成本指标"), level1_of("履职目标实现")
    (('效益指标',), ('产出指标',), ())
    """
    return _LEVEL2_OWNERS.get(_stem(level2), ())


def _named(level2: str) -> tuple[str, ...]:
    """The framework's spelling of a printed 二级指标 (none for a local one)."""
    return _LEVEL2_SPELLINGS.get(_stem(level2), ())


def pairing(level1: str, level2: str) -> Pairing:
    """Judge a printed pair against the framework.

    >>> pairing("效益指标", "服务对象满意度指标"), pairing("效益指标", "履职效益")
    (<Pairing.STANDARD: 'standard'>, <Pairing.LOCAL_LEVEL2: 'local_level2'>)
    """
    standard = standard_level1(level1)
    if standard is None:
        return Pairing.LOCAL_LEVEL1
    if _stem(level2) == _stem(standard):
        return Pairing.REPEATS_LEVEL1
    owners = level1_of(level2)
    if standard in owners or any((standard, owner_level2) in EDITION_PAIRS for owner_level2 in _named(level2)):
        return Pairing.STANDARD
    if owners:
        return Pairing.OTHER_LEVEL1
    return Pairing.LOCAL_LEVEL2
