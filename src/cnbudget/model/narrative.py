"""Narrative statements (情况说明): the figures the text asserts about the tables.

"一般公共预算 2,022.69 万元，占 63.88%，比上年预算增加 208.54 万元，增长 11.50%，主要原因是……"
becomes one :class:`Statement`. Changes are signed: 减少/下降 are negative. Validation holds each
statement against the tables and against arithmetic.

>>> s = Statement(subject="一般公共预算", amount="2022.69", share="63.88",
...               change_amount="208.54", change_rate="11.50")
>>> s.prior_amount
Decimal('1814.15')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from cnbudget.codes import FunctionCode
from cnbudget.model.fields import (
    code_or_none,
    optional_amount,
    optional_int,
    optional_number,
    optional_text,
    text,
)

__all__ = ["Statement"]


@attrs.frozen(kw_only=True)
class Statement:
    """One stated figure with its share, change, rate and reason (说明中的数字)."""

    section: str | None = optional_text("所在章节")
    subject: str = text("说明对象")
    code: FunctionCode | None = code_or_none("功能分类科目编码", FunctionCode)
    amount: Decimal | None = optional_amount("金额")
    share: Decimal | None = optional_number("占比（%）")
    change_amount: Decimal | None = optional_amount("比上年增减额")
    change_rate: Decimal | None = optional_number("比上年增减率（%）")
    count: int | None = optional_int("个数")
    reason: str | None = optional_text("主要原因")
    text: str | None = optional_text("原文")

    @property
    def prior_amount(self) -> Decimal | None:
        """Last year's figure implied by the amount and the stated change (上年数)."""
        if self.amount is None or self.change_amount is None:
            return None
        return self.amount - self.change_amount
