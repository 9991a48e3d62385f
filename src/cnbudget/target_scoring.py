"""Scoring methods (赋分方法): what a 指标赋分规则 cell asks for, and the default when it is blank.

Vocabulary of the performance-target forms, below both the year-end scoring (:mod:`cnbudget.scoring`)
and the checks of the targets (PERF rules), so that neither imports the other.

>>> read_method("按照正常比例赋分"), read_method("按评判 等级赋分")
(<ScoringMethod.PROPORTIONAL: 'proportional'>, <ScoringMethod.GRADE: 'grade'>)
>>> read_method("满意度赋分").zh, read_method("自定义")
('满意度赋分', None)
"""

from __future__ import annotations

from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.targets import TargetKind, TargetValue
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["ScoringMethod", "default_method", "read_method"]


class ScoringMethod(LabelledEnum):
    """How an indicator is scored (赋分方法).

    >>> [m.zh for m in ScoringMethod]
    ['按比例赋分', '按评判等级赋分', '直接赋分', '满意度赋分']
    """

    PROPORTIONAL = labelled("proportional", "按比例赋分")  # printed 按照正常比例赋分 / 按照完成比例赋分
    GRADE = labelled("grade", "按评判等级赋分")
    DIRECT = labelled("direct", "直接赋分")  # all or nothing
    SATISFACTION = labelled("satisfaction", "满意度赋分")


# Tried in this order: 满意度赋分 before anything, since a 满意度 rule may mention 比例.
_WORDS = (
    ("满意", ScoringMethod.SATISFACTION),
    ("等级", ScoringMethod.GRADE),
    ("评判", ScoringMethod.GRADE),
    ("比例", ScoringMethod.PROPORTIONAL),
    ("比率", ScoringMethod.PROPORTIONAL),
    ("直接", ScoringMethod.DIRECT),
)


def read_method(text: str | None) -> ScoringMethod | None:
    """The method a printed 指标赋分规则 names; ``None`` when it names none."""
    if text is None:
        return None
    compact = squeeze_spaces(normalize_width(text))
    for word, method in _WORDS:
        if word in compact:
            return method
    return None


def default_method(target: TargetValue) -> ScoringMethod:
    """The method used when the rule is blank or unreadable: a quantity is scored in proportion,
    wording by grade, a deadline directly.

    >>> from cnbudget.targets import parse_target
    >>> default_method(parse_target("≥95%")).zh, default_method(parse_target("有效提升")).zh
    ('按比例赋分', '按评判等级赋分')
    """
    if target.kind is TargetKind.QUANTITATIVE:
        return ScoringMethod.PROPORTIONAL
    if target.kind is TargetKind.DEADLINE:
        return ScoringMethod.DIRECT
    return ScoringMethod.GRADE
