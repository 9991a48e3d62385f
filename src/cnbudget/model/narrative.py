"""Narrative statements (情况说明): the figures the text asserts about the tables.

"一般公共预算 2,022.69 万元，占 63.88%，比上年预算增加 208.54 万元，增长 11.50%，主要原因是……"
becomes one :class:`Statement`. Changes are signed: 减少/下降 are negative. Validation holds each
statement against the tables and against arithmetic.

>>> s = Statement(subject="一般公共预算", amount="2022.69", share="63.88",
...               change_amount="208.54", change_rate="11.50")
>>> s.prior_amount
Decimal('1814.15')

A change may be measured against last year's budget execution (上年预算执行数) or final accounts
(上年决算) rather than last year's budget, and the text may state last year's figure itself
instead of the change ("2022年当年预算执行数为14.00万元，2023年预算安排21.50万元，比2022年预算执行数
增加53.57%"):

>>> s = Statement(subject="社会组织管理", amount="21.50", change_rate="53.57",
...               compared_with=ChangeBasis.EXECUTION, stated_prior="14.00")
>>> s.prior_amount, s.compared_with.zh
(Decimal('14.00'), '上年预算执行数')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from cnbudget.codes import FunctionCode
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.model.fields import (
    as_optional_amount,
    code_or_none,
    money,
    optional_int,
    optional_text,
    source_line,
    source_page,
    text,
    typed,
    zh,
)
from cnbudget.money import prior_from_change

__all__ = ["ChangeBasis", "Statement"]


class ChangeBasis(LabelledEnum):
    """What a stated change is measured against (比较基准).

    >>> ChangeBasis.FINAL_ACCOUNTS.zh
    '上年决算'
    """

    BUDGET = labelled("budget", "上年预算")
    EXECUTION = labelled("execution", "上年预算执行数")
    FINAL_ACCOUNTS = labelled("final_accounts", "上年决算")


@attrs.frozen(kw_only=True)
class Statement:
    """One stated figure with its share, change, rate and reason (说明中的数字).

    ``compared_with`` is ``None`` where the change is against last year's budget (上年预算, the
    convention) or the text does not say; ``stated_prior`` is last year's figure where the text
    prints it (上年数), ``None`` otherwise.
    """

    section: str | None = optional_text("所在章节")
    subject: str = text("说明对象")
    code: FunctionCode | None = code_or_none("功能分类科目编码", FunctionCode)
    amount: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("金额"))
    share: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=zh("占比（%）"))
    change_amount: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                metadata=money("比上年增减额"))
    change_rate: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                              metadata=zh("比上年增减率（%）"))
    count: int | None = optional_int("个数")
    reason: str | None = optional_text("主要原因")
    text: str | None = optional_text("原文")
    compared_with: ChangeBasis | None = typed("比较基准", ChangeBasis, optional=True)
    stated_prior: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                               metadata=money("说明所列上年数"))
    line_number: int | None = source_line()  # of the paragraph the statement stands in
    page: int | None = source_page()

    @property
    def prior_amount(self) -> Decimal | None:
        """Last year's figure (上年数): as the text states it, else implied by the amount and the
        stated change."""
        if self.stated_prior is not None:
            return self.stated_prior
        if self.amount is None or self.change_amount is None:
            return None
        return prior_from_change(self.amount, self.change_amount)
