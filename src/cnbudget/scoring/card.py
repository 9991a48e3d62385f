"""Score cards (评分表): each indicator's score with the reason, and the total.

>>> from decimal import Decimal
>>> step = ScoreStep(indicator="覆盖率", level1="产出指标", weight="10", method=ScoringMethod.DIRECT,
...                  target="=100%", actual="100%", share="1", score="10", explanation="达到指标值，得满分")
>>> card = ScoreCard(steps=[step], total="10", weight_total="10")
>>> card.complete, card.total
(True, Decimal('10'))
>>> print(card.to_text())
覆盖率  指标值 =100%  实际 100%  直接赋分  10 × 100% = 10  达到指标值，得满分
得分合计 10 / 分值合计 10
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from cnbudget.decimals import in_own_context
from cnbudget.model.fields import as_amount, as_optional_amount, each, optional_text, text, to_tuple, typed, zh
from cnbudget.target_scoring import ScoringMethod

__all__ = ["ScoreCard", "ScoreStep"]


@attrs.frozen(kw_only=True)
class ScoreStep:
    """How one indicator was scored (单项评分): the figures used and the reason, in Chinese.

    ``share`` is the part of the weight earned (0 to 1); ``score`` is ``weight × share`` rounded
    half up to two decimals. Both are ``None`` where the indicator could not be scored, and
    ``explanation`` says why.
    """

    indicator: str = text("三级指标")
    level1: str = text("一级指标")
    level2: str | None = optional_text("二级指标")
    weight: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=zh("分值权重"))
    method: ScoringMethod = typed("赋分方法", ScoringMethod)
    target: str = text("指标值")
    actual: str | None = optional_text("实际完成值")
    share: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=zh("得分比例"))
    score: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=zh("得分"))
    explanation: str = text("计算说明")

    @in_own_context
    def describe(self) -> str:
        """One line: indicator, target, result, method, arithmetic and reason."""
        actual = "（无）" if self.actual is None else self.actual
        head = f"{self.indicator}  指标值 {self.target}  实际 {actual}  {self.method.zh}"
        if self.score is not None and self.share is not None and self.weight is not None:
            return f"{head}  {self.weight} × {_percent(self.share)} = {self.score}  {self.explanation}"
        return f"{head}  未评分  {self.explanation}"


def _percent(share: Decimal) -> str:
    value = (share * 100).normalize()
    return f"{value:f}%"


@attrs.frozen(kw_only=True)
class ScoreCard:
    """The scores of one performance target (绩效评分表).

    ``total`` is the sum of the scores shown (得分合计); ``weight_total`` the sum of the weights of
    every indicator (分值合计). ``unmatched`` lists actuals whose name is no indicator's.
    """

    steps: tuple[ScoreStep, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(ScoreStep),
                                               metadata=zh("各指标得分"))
    total: Decimal = attrs.field(default=Decimal(0), converter=as_amount, metadata=zh("得分合计"))
    weight_total: Decimal = attrs.field(default=Decimal(0), converter=as_amount, metadata=zh("分值合计"))
    unmatched: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                             metadata=zh("未对应的实际完成值"))

    @property
    def complete(self) -> bool:
        """Whether every indicator has a score."""
        return all(step.score is not None for step in self.steps)

    @in_own_context
    def to_text(self) -> str:
        """The card for people: a line per indicator, then the total."""
        lines = [step.describe() for step in self.steps]
        lines.append(f"得分合计 {self.total} / 分值合计 {self.weight_total}")
        missing = sum(step.score is None for step in self.steps)
        if missing:
            lines.append(f"（{missing} 项未评分，未计入合计）")
        if self.unmatched:
            lines.append("（以下实际完成值没有对应的指标：" + "、".join(self.unmatched) + "）")
        return "\n".join(lines)
