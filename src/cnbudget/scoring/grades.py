"""Grades (评判等级): how much of an indicator's weight a judged result earns.

The national guidance (财预〔2020〕10号) scores a qualitative indicator in three bands: 达成预期
(100%–80%), 部分达成预期 (80%–60%), 未达成预期 (60%–0%); many documents print four grades
(优 良 中 差). One fraction stands for each grade, so that a score can be computed and checked:

========================================  ========
result (实际完成情况)                        share
========================================  ========
equal to the target text, 完全达到预期, 达成, 优    100%
基本达到预期, 基本达成, 良, 较好                    80%
部分达到预期, 部分达成, 中, 一般                    60%
未达到预期, 未达成, 未完成, 差                        0%
========================================  ========

A quantity scored by grade earns the grade of its completion ratio: 100% when met, 80% from a
ratio of 0.8, 60% from 0.6, nothing below.

>>> grade_of("基本达到预期", "有效提升")
Decimal('0.8')
>>> grade_of("有效 提升", "有效提升"), grade_of("大幅提升", "有效提升")
(Decimal('1'), None)
>>> grade_for_ratio(Decimal("0.85"))
Decimal('0.8')
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["GRADES", "grade_for_ratio", "grade_of"]

#: Each grade's share of the weight, with the words that name it, lowest grade first (so that
#: 未达到预期 is read before 达到预期, which it contains). One-character words must match whole.
GRADES: tuple[tuple[Decimal, tuple[str, ...]], ...] = (
    (Decimal("0"), ("未达到预期", "未达成预期", "未达成", "未达到", "未完成", "没有完成", "未实现", "未达标",
                    "不达标", "差", "否", "无效")),
    (Decimal("0.6"), ("部分达到预期", "部分达成预期", "部分达成", "部分完成", "部分实现", "中", "一般")),
    (Decimal("0.8"), ("基本达到预期", "基本达成预期", "基本达成", "基本完成", "基本实现", "良", "良好", "较好")),
    (Decimal("1"), ("完全达到预期", "达到预期", "达成预期", "完全达成", "达成", "已完成", "完成", "按时完成",
                    "按期完成", "如期完成", "全部完成", "实现", "优", "优秀", "好", "是", "达标")),
)

# Completion ratio → grade, for quantities scored by grade.
_RATIO_GRADES = ((Decimal("1"), Decimal("1")), (Decimal("0.8"), Decimal("0.8")), (Decimal("0.6"), Decimal("0.6")))


def _compact(text: str) -> str:
    return squeeze_spaces(normalize_width(text)).rstrip("。.")


def grade_of(actual: str, target: str | None = None) -> Decimal | None:
    """The share of the weight a judged result earns; ``None`` when the words name no grade.

    A result that repeats the target's wording (``有效提升`` for ``有效提升``) is the top grade.
    """
    text = _compact(actual)
    if not text:
        return None
    if target is not None and text == _compact(target):
        return Decimal(1)
    for share, words in GRADES:
        for word in words:
            if text == word or (len(word) > 1 and word in text):
                return share
    return None


def grade_for_ratio(ratio: Decimal) -> Decimal:
    """The grade of a completion ratio (实际值 ÷ 指标值, or the reverse for a ceiling)."""
    for floor, share in _RATIO_GRADES:
        if ratio >= floor:
            return share
    return Decimal(0)
