"""Units of target values (指标值计量单位): which units measure the same thing, and by what factor.

A target value keeps its unit as printed (``万人``, ``元/人/年``, ``%``). To compare a target with
last year's actual, with an indicator's name or with a project's funds, units are read as a
:class:`Measure`: a scale factor and a base unit. ``万人`` is 10 000 × ``人``; ``万元/人`` is
10 000 × ``元/人``; ``‰`` is 0.1 × ``%``; ``个月`` and ``月`` are the same base.

>>> measure_of("万人")
Measure(factor=Decimal('10000'), base='人')
>>> measure_of("元/人/年").base, measure_of("万元").factor
('元/人/年', Decimal('10000'))
>>> measure_of("万人").comparable(measure_of("人")), measure_of("人").comparable(measure_of("次"))
(True, False)
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from cnbudget.decimals import ARITHMETIC
from cnbudget.errors import InvalidValue
from cnbudget.money import AmountUnit
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["COUNT_BASES", "KNOWN_BASES", "Measure", "measure_of"]

# Scale words in front of a unit. 千 and 百万 only scale money: 千克 and 千米 are units of their own.
_SCALES = (("亿", Decimal(10**8)), ("万", Decimal(10**4)))
_MONEY_SCALES = (("百万", Decimal(10**6)), ("千", Decimal(10**3)))

# Spellings of one base unit.
_SYNONYMS = {"个月": "月", "日": "天", "周": "星期", "个工作日": "工作日", "名": "人", "位": "人"}

#: Base units that count whole things: a number of them is a whole number (9.54 人 is not).
COUNT_BASES = frozenset((
    "人", "人次", "户", "个", "次", "项", "场", "场次", "班次", "套", "张", "笔", "本", "批", "支", "部", "种",
    "辆", "台", "家", "篇", "期", "所", "座", "处", "间", "份", "件", "册", "轮", "组", "条", "块", "棵", "株",
    "头", "只", "床", "村", "镇", "乡", "校", "班",
))

#: Base units a bracket after an indicator's name may name (参保人数(人), 补助标准(元/人/年)).
KNOWN_BASES = COUNT_BASES | frozenset((
    "%", "元", "月", "天", "日", "年", "小时", "分钟", "工作日", "星期", "平方米", "米", "公里", "千米", "吨",
    "千克", "公斤", "克", "亩", "公顷", "立方米", "分", "岁", "床位",
))


@attrs.frozen
class Measure:
    """A unit read as ``factor × base`` (计量): ``万人`` is ``Measure(10000, "人")``."""

    factor: Decimal
    base: str

    @property
    def is_money(self) -> bool:
        """Whether this is an amount of money (元, 万元, 亿元).

        >>> measure_of("万元").is_money, measure_of("元/人").is_money
        (True, False)
        """
        return self.base == "元"

    @property
    def is_money_per_person(self) -> bool:
        """Whether this is money per person (人均): 元/人, 元/人/年, 万元/人.

        >>> measure_of("元/人/年").is_money_per_person, measure_of("元/次").is_money_per_person
        (True, False)
        """
        return self.base == "元/人" or self.base.startswith("元/人/")

    @property
    def is_count(self) -> bool:
        """Whether this counts whole things (人, 次, 个, 万人, …).

        >>> measure_of("万人次").is_count, measure_of("%").is_count
        (True, False)
        """
        return self.base in COUNT_BASES

    @property
    def head(self) -> str:
        """The first part of the base unit: ``元`` for ``元/人/年``."""
        return self.base.partition("/")[0]

    @property
    def is_known(self) -> bool:
        """Whether the base starts with a unit of measure rather than any bracketed word.

        >>> measure_of("元/人/年").is_known, measure_of("社保股").is_known
        (True, False)
        """
        return self.head in KNOWN_BASES

    def comparable(self, other: Measure) -> bool:
        """Whether the two measure the same kind of thing (same base unit)."""
        return self.base == other.base

    def in_amount_unit(self, number: Decimal, unit: AmountUnit) -> Decimal:
        """A money figure in this unit, expressed in a document's amount unit (exactly).

        >>> measure_of("元").in_amount_unit(Decimal("83616.92"), AmountUnit.WAN_YUAN)
        Decimal('8.361692')
        """
        if not self.is_money:
            raise InvalidValue(f"{self.base} is not a unit of money")
        # Factors are powers of ten: shifting the point keeps the printed precision.
        return number.scaleb(self.factor.adjusted() - unit.factor.adjusted(), context=ARITHMETIC)


def _scaled(head: str) -> tuple[Decimal, str]:
    for word, factor in _SCALES:
        if head.startswith(word) and len(head) > len(word):
            return factor, head[len(word):]
    for word, factor in _MONEY_SCALES:
        if head == word + "元":
            return factor, "元"
    return Decimal(1), head


def measure_of(unit: str | None) -> Measure | None:
    """Read a printed unit as a :class:`Measure`; ``None`` when there is no unit.

    Only the first part of a compound unit is scaled (``万元/人`` is 10 000 × ``元/人``).

    >>> measure_of("‰"), measure_of(None)
    (Measure(factor=Decimal('0.1'), base='%'), None)
    >>> measure_of("个 月") == measure_of("月")
    True
    """
    if unit is None:
        return None
    text = squeeze_spaces(normalize_width(unit))
    if not text:
        return None
    if text == "‰":
        return Measure(Decimal("0.1"), "%")
    head, slash, rest = text.partition("/")
    factor, base = _scaled(head)
    base = _SYNONYMS.get(base, base)
    return Measure(factor, base + slash + rest)
