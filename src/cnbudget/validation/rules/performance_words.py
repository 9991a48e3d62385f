"""What an indicator's name says about its target (指标名称的含义): the direction a rate should go,
whether a percentage is bounded by 100, the unit printed in brackets after the name.

Names are judged by words, so the lists are conservative: a name that does not clearly say what
it measures is left alone.

>>> is_positive_rate("补助发放到位率(%)"), is_positive_rate("预算调整率")
(True, False)
>>> is_bounded_share("参保率"), is_bounded_share("医疗费用增长率")
(True, False)
>>> name_unit("资金拨付及时率（%）"), base_name("参保人员满意度(%)")
('%', '参保人员满意度')
"""

from __future__ import annotations

import re

from cnbudget.text import normalize_width, squeeze_spaces

__all__ = [
    "NamesRead",
    "base_name",
    "is_average",
    "is_bounded_share",
    "is_cost",
    "is_positive_rate",
    "is_satisfaction",
    "is_strictly_bounded",
    "name_unit",
    "normalized",
]

# Rates that should be high: a target for them is a floor (≥), never a ceiling.
_POSITIVE = (
    "满意", "覆盖", "及时", "合格", "合规", "达标", "知晓", "准确", "到位", "达成", "办结", "上岗", "完好",
    "好评", "正确", "成功", "完成率", "完成度", "参保率", "执行率", "验收率", "落实率", "兑现率", "发放率",
    "结算率", "响应率", "受理率", "通过率", "出勤率", "规范率", "使用率", "利用率", "审核率", "补偿率",
    "细化率", "公开率", "应用率", "激活率", "接种率", "普及率", "联网率", "在线率", "整改率", "处理率",
    "登记率", "录入率", "上传率", "覆盖面", "入网率", "回访率", "解决率", "报销比例", "救助比例",
)
# Words that turn a rate round (投诉率, 不合格率) or make it one that should be low (调整率, 结余率).
_NEGATIVE = (
    "投诉", "差错", "错误", "失误", "事故", "违规", "违法", "违纪", "不合格", "不合规", "不满意", "不及时",
    "未", "超", "逾期", "延误", "退回", "拒", "漏", "损失", "调整", "结余", "结转", "闲置", "流失",
    "发生", "复发", "死亡", "重复", "虚报", "自付", "控制", "下降", "降低", "减少", "缺陷", "故障", "返工",
    "负担", "差异", "偏差", "误差", "欺诈",
)
# Words of change: a growth rate may exceed 100% or fall below 0.
_GROWTH = ("增长", "增幅", "增速", "涨幅", "提高", "提升", "同比", "环比", "比上年", "倍", "变化", "变动")
# Shares that cannot exceed 100% whatever the population: what is counted is part of what it is
# counted against. (参保率 can: 常住人口 is not everyone insured.)
# (完成率 can: 超额完成.)
_STRICT = ("满意", "覆盖", "合格", "合规", "及时", "准确", "知晓", "达标", "到位", "执行率")
_SHARE_ENDINGS = ("率", "比例", "占比", "比重", "度")

_TRAILING_BRACKET = re.compile(r"\(([^()]{1,8})\)$")


def normalized(name: str) -> str:
    """The name width-folded and without white space (how names are compared).

    >>> normalized("参保人员 满意度（%）")
    '参保人员满意度(%)'
    """
    return squeeze_spaces(normalize_width(name))


def name_unit(name: str) -> str | None:
    """The unit printed in brackets after an indicator's name, if any: ``参保人数(人)`` → ``人``.

    >>> name_unit("补助标准(元/人/年)"), name_unit("城乡医疗救助补助(第一批)"), name_unit("满意度")
    ('元/人/年', None, None)
    """
    return _unit_in(normalized(name))


def _unit_in(text: str) -> str | None:
    """:func:`name_unit` of a name already normalised (normalising is not idempotent: a space taken
    out can bring a letter beside a combining mark, which a second pass joins to it)."""
    match = _TRAILING_BRACKET.search(text)
    if match is None:
        return None
    inner = match.group(1)
    # A unit is short and has no digits; 第一批, 含税, 试行 are not units.
    if any(ch.isdigit() for ch in inner) or inner.startswith(("第", "含", "试", "不", "其")):
        return None
    return inner


def base_name(name: str) -> str:
    """The normalised name without a trailing bracketed unit (how duplicates are found).

    >>> base_name("推进医疗事业 可持续发展(万元)")
    '推进医疗事业可持续发展'
    """
    text = normalized(name)
    unit = _unit_in(text)
    return text[: -len(unit) - 2] if unit is not None else text


def _has(name: str, words: tuple[str, ...]) -> bool:
    return any(word in name for word in words)


def is_satisfaction(name: str) -> bool:
    """Whether the indicator measures satisfaction (满意度/满意率), not dissatisfaction.

    >>> is_satisfaction("受益群众满意度(%)"), is_satisfaction("不满意率")
    (True, False)
    """
    text = base_name(name)
    return "满意" in text and "不满意" not in text


def is_positive_rate(name: str) -> bool:
    """Whether the indicator is a rate, coverage, satisfaction or timeliness that should be high."""
    text = base_name(name)
    return _has(text, _POSITIVE) and not _has(text, _NEGATIVE)


def is_bounded_share(name: str) -> bool:
    """Whether a percentage target for this indicator is a share of a whole (at most 100%)."""
    text = base_name(name)
    if _has(text, _GROWTH):
        return False
    return is_positive_rate(text) or text.endswith(_SHARE_ENDINGS)


def is_strictly_bounded(name: str) -> bool:
    """Whether the share cannot exceed 100% in any reading (满意度, 覆盖率, 合格率, 及时率, …).

    >>> is_strictly_bounded("医保网络覆盖率"), is_strictly_bounded("参保率")
    (True, False)
    """
    text = base_name(name)
    return _has(text, _STRICT) and not _has(text, _NEGATIVE) and not _has(text, _GROWTH)


def is_average(name: str) -> bool:
    """Whether the indicator is an average or a ratio (人均就诊次数, 每户补助): not a whole count.

    >>> is_average("人均就诊次数"), is_average("参保人数")
    (True, False)
    """
    return _has(base_name(name), _AVERAGE)


_AVERAGE = ("均", "每", "率", "比")  # words of an average or a ratio


def is_cost(level1: str, level2: str | None) -> bool:
    """Whether an indicator is a cost indicator (成本指标, at either level).

    >>> is_cost("产出指标", "成本指标"), is_cost("产出指标", "数量指标")
    (True, False)
    """
    return "成本" in normalized(level1) or (level2 is not None and "成本" in normalized(level2))


class NamesRead:
    """The base name (:func:`base_name`) and printed unit (:func:`name_unit`) of each indicator name,
    worked out once for every rule that asks (kept per run: a form's names are read by several
    rules, each name several times)."""

    __slots__ = ("_bases", "_units")

    def __init__(self) -> None:
        self._bases: dict[str, str] = {}
        self._units: dict[str, str | None] = {}

    def base(self, name: str) -> str:
        """:func:`base_name` of ``name``."""
        found = self._bases.get(name)
        if found is None:
            found = self._bases[name] = base_name(name)
        return found

    def unit(self, name: str) -> str | None:
        """:func:`name_unit` of ``name``."""
        if name not in self._units:
            self._units[name] = name_unit(name)
        return self._units[name]

    def is_average(self, name: str) -> bool:
        """:func:`is_average` of ``name``."""
        return _has(self.base(name), _AVERAGE)
