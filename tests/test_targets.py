"""Performance-target values: every form printed in the seed documents, other forms, properties."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Required, TypedDict

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.errors import InvalidValue
from cnbudget.targets import (
    Comparator,
    Deadline,
    DeadlineBound,
    TargetKind,
    TargetValue,
    parse_target,
    reads_no_figure,
)
from cnbudget.text import normalize_width, squeeze_spaces

GE, GT, EQ, LT, LE = Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LT, Comparator.LE
BEFORE, ON = DeadlineBound.BEFORE, DeadlineBound.ON

class Expected(TypedDict, total=False):
    """An expected reading, written by hand. The raw text is filled in by the test."""

    kind: Required[TargetKind]
    comparator: Comparator | None
    number: Decimal
    unit: str | None
    text: str
    deadline: Deadline


def q(comparator: Comparator | None, number: str, unit: str | None = None) -> Expected:
    return {
        "kind": TargetKind.QUANTITATIVE,
        "comparator": comparator,
        "number": Decimal(number),
        "unit": unit,
    }


def w(text: str) -> Expected:
    return {"kind": TargetKind.QUALITATIVE, "text": text}


def d(year: int | None, month: int, day: int | None, bound: DeadlineBound) -> Expected:
    deadline = Deadline(year=year, month=month, day=day, bound=bound)
    return {"kind": TargetKind.DEADLINE, "deadline": deadline}


U: Expected = {"kind": TargetKind.UNPARSED}

# Every distinct 指标值 and 上年完成值 cell of the four seed documents, as extracted.
SEED_FORMS: list[tuple[str, Expected]] = [
    # 001 乌鲁木齐: targets
    ("=1 项", q(EQ, "1", "项")),
    (">=100 个", q(GE, "100", "个")),
    (">=3个", q(GE, "3", "个")),
    (">=5种", q(GE, "5", "种")),
    ("=100%", q(EQ, "100", "%")),
    (">=90%", q(GE, "90", "%")),
    ("有所提升", w("有所提升")),
    (">=85%", q(GE, "85", "%")),
    ("=1 个", q(EQ, "1", "个")),
    ("=5 个", q(EQ, "5", "个")),
    (">=1 次", q(GE, "1", "次")),
    (">=95%", q(GE, "95", "%")),
    ("有效探索", w("有效探索")),
    (">=7 次", q(GE, "7", "次")),
    (">=14 人次", q(GE, "14", "人次")),
    ("> =95%", q(GE, "95", "%")),
    ("有效保障", w("有效保障")),
    ("<=1 次", q(LE, "1", "次")),
    ("=2 人", q(EQ, "2", "人")),
    ("=10 次", q(EQ, "10", "次")),
    ("2025 年 11 月 30 日前", d(2025, 11, 30, BEFORE)),
    ("有效提升", w("有效提升")),
    (">=8 支", q(GE, "8", "支")),
    (">=1 个", q(GE, "1", "个")),
    (">=8 部", q(GE, "8", "部")),
    (">=1 部", q(GE, "1", "部")),
    ("2024 年 5 月前", d(2024, 5, None, BEFORE)),
    (">=2 种", q(GE, "2", "种")),
    ("=8 个", q(EQ, "8", "个")),
    (">=80%", q(GE, "80", "%")),
    ("=4 人", q(EQ, "4", "人")),
    ("=3 辆", q(EQ, "3", "辆")),
    (">=8 人", q(GE, "8", "人")),
    (">=10 班次", q(GE, "10", "班次")),
    (">=5 场", q(GE, "5", "场")),
    ("=4 个", q(EQ, "4", "个")),
    ("> =90%", q(GE, "90", "%")),
    ("有效 保证", w("有效保证")),
    ("基本保证", w("基本保证")),
    (">=100.47 万人", q(GE, "100.47", "万人")),
    ("=0 人", q(EQ, "0", "人")),
    ("=0%", q(EQ, "0", "%")),
    (">=68%", q(GE, "68", "%")),
    ("普遍开展", w("普遍开展")),
    (">=6 个月", q(GE, "6", "个月")),
    ("逐步推广", w("逐步推广")),
    (">=380 元/人", q(GE, "380", "元/人")),
    (">=670 元/人", q(GE, "670", "元/人")),
    ("成效 明显", w("成效明显")),  # split over a page break: 成效 | 明显
    ("> =1.20 万人", q(GE, "1.20", "万人")),
    ("> =8000 人次", q(GE, "8000", "人次")),
    ("> =4500 0 人次", q(GE, "45000", "人次")),  # one wrap space inside the digits
    ("> =70%", q(GE, "70", "%")),
    ("> =50%", q(GE, "50", "%")),
    ("< =2500 万元", q(LE, "2500", "万元")),
    ("< =554.91 万元", q(LE, "554.91", "万元")),
    ("有效缓解", w("有效缓解")),
    ("> =80%", q(GE, "80", "%")),
    # 001: prior-year actuals
    ("", U),
    ("4 次", q(None, "4", "次")),
    ("8 人次", q(None, "8", "人次")),
    ("95%", q(None, "95", "%")),
    ("0 次", q(None, "0", "次")),
    ("4 人", q(None, "4", "人")),
    ("当年指标, 无上年完成值", U),
    ("8 人", q(None, "8", "人")),
    ("10 班次", q(None, "10", "班次")),
    ("100%", q(None, "100", "%")),
    ("90%", q(None, "90", "%")),
    ("=100.9 万人", q(EQ, "100.9", "万人")),
    ("=95.4 %", q(EQ, "95.4", "%")),
    ("=68.36 %", q(EQ, "68.36", "%")),
    ("=97%", q(EQ, "97", "%")),
    ("=60%", q(EQ, "60", "%")),
    ("完全达到预期", w("完全达到预期")),
    ("7 个月", q(None, "7", "个月")),
    ("=380 元/人", q(EQ, "380", "元/人")),
    ("=670 元/人", q(EQ, "670", "元/人")),
    ("完全 达到 预期", w("完全达到预期")),
    ("=95%", q(EQ, "95", "%")),
    ("=1.39 万人", q(EQ, "1.39", "万人")),
    ("=9678 人次", q(EQ, "9678", "人次")),
    ("=5.4 万人", q(EQ, "5.4", "万人")),
    ("=74%", q(EQ, "74", "%")),
    ("=88%", q(EQ, "88", "%")),
    ("=3250 万元", q(EQ, "3250", "万元")),
    ("=1099 万元", q(EQ, "1099", "万元")),
    ("=99%", q(EQ, "99", "%")),
    # 002 阿克陶: targets
    ("≥13500人", q(GE, "13500", "人")),
    ("≤6.5万元", q(LE, "6.5", "万元")),
    ("提升", w("提升")),
    ("≥95%", q(GE, "95", "%")),
    ("=8.95 万元", q(EQ, "8.95", "万元")),
    ("保障", w("保障")),
    ("=1 人", q(EQ, "1", "人")),
    ("<=95%", q(LE, "95", "%")),
    ("<=100%", q(LE, "100", "%")),
    ("=12 个月", q(EQ, "12", "个月")),
    ("=1.2 万元", q(EQ, "1.2", "万元")),
    ("推进", w("推进")),
    ("5 次", q(None, "5", "次")),
    ("≤100%", q(LE, "100", "%")),
    ("≤95%", q(LE, "95", "%")),
    ("=2 万元", q(EQ, "2", "万元")),
    ("=13 个", q(EQ, "13", "个")),
    ("=204000 人", q(EQ, "204000", "人")),
    ("=13 万元", q(EQ, "13", "万元")),
    ("=6 次", q(EQ, "6", "次")),
    ("=7.5 万元", q(EQ, "7.5", "万元")),
    ("=1.7 万元", q(EQ, "1.7", "万元")),
    ("=1 万元", q(EQ, "1", "万元")),
    ("=1个", q(EQ, "1", "个")),
    ("=12个月", q(EQ, "12", "个月")),
    ("=0.9万元", q(EQ, "0.9", "万元")),
    ("=204000人", q(EQ, "204000", "人")),
    ("=30元/人/年", q(EQ, "30", "元/人/年")),
    ("3万元", q(None, "3", "万元")),
    ("<=6 次", q(LE, "6", "次")),
    ("<= 100%", q(LE, "100", "%")),
    ("=12 个 月", q(EQ, "12", "个月")),
    ("=15 万 元", q(EQ, "15", "万元")),
    # 002: prior-year actuals
    ("13500人", q(None, "13500", "人")),
    ("6.5万元", q(None, "6.5", "万元")),
    ("1 个", q(None, "1", "个")),
    ("8.95 万元", q(None, "8.95", "万元")),
    ("1 次", q(None, "1", "次")),
    ("12 个月", q(None, "12", "个月")),
    ("1.2 万元", q(None, "1.2", "万元")),
    ("2 万元", q(None, "2", "万元")),
    ("13 个", q(None, "13", "个")),
    ("201605 个", q(None, "201605", "个")),
    ("0 万元", q(None, "0", "万元")),
    ("3 次", q(None, "3", "次")),
    ("9 次", q(None, "9", "次")),
    ("6.2 万元", q(None, "6.2", "万元")),
    ("2.59 万元", q(None, "2.59", "万元")),
    ("1 万元", q(None, "1", "万元")),
    ("1个", q(None, "1", "个")),
    ("12个月", q(None, "12", "个月")),
    ("0.9万元", q(None, "0.9", "万元")),
    ("201605人", q(None, "201605", "人")),
    ("30元/人/年", q(None, "30", "元/人/年")),
    ("0", q(None, "0")),
    ("15 万元", q(None, "15", "万元")),
    # 003 延津: 整体绩效目标表 and 项目绩效目标汇总表
    ("科学", w("科学")),
    ("合理", w("合理")),
    ("完整", w("完整")),
    ("≤10%", q(LE, "10", "%")),
    ("真实", w("真实")),
    ("合规", w("合规")),
    ("健全", w("健全")),
    ("公开", w("公开")),
    ("规范", w("规范")),
    ("完成良好", w("完成良好")),
    ("基本实现", w("基本实现")),
    ("明显", w("明显")),
    ("6 万元", q(None, "6", "万元")),
    ("≥200 笔", q(GE, "200", "笔")),
    ("≥200 本", q(GE, "200", "本")),
    ("≥99%", q(GE, "99", "%")),
    ("≥98%", q(GE, "98", "%")),
    ("12 万元", q(None, "12", "万元")),
    ("≥15 套", q(GE, "15", "套")),
    ("≥30000 张", q(GE, "30000", "张")),
    ("有效提高", w("有效提高")),
    ("≥20 万 元", q(GE, "20", "万元")),
    ("≥20 套", q(GE, "20", "套")),
    ("≥15 万 元", q(GE, "15", "万元")),
    ("≥3 套", q(GE, "3", "套")),
    ("2024年12月31日", d(2024, 12, 31, ON)),
    ("15万元", q(None, "15", "万元")),
    ("53人", q(None, "53", "人")),
    ("1200平方米", q(None, "1200", "平方米")),
    ("满足", w("满足")),
    ("8万元", q(None, "8", "万元")),
    ("≥90%", q(GE, "90", "%")),
    ("83616.92元", q(None, "83616.92", "元")),
    ("≥1次", q(GE, "1", "次")),
    ("≥2次", q(GE, "2", "次")),
    ("12月", d(None, 12, None, ON)),
    ("2024年12月31日前", d(2024, 12, 31, BEFORE)),
    ("845万元", q(None, "845", "万元")),
    ("18565人", q(None, "18565", "人")),
    ("明显减轻", w("明显减轻")),
    ("16万元", q(None, "16", "万元")),
    ("明显提升", w("明显提升")),
    ("≥1批", q(GE, "1", "批")),
    ("6592.8万元", q(None, "6592.8", "万元")),
    ("≥38万人", q(GE, "38", "万人")),
    ("405.64万元", q(None, "405.64", "万元")),
    (">38万人", q(GT, "38", "万人")),
    ("减轻", w("减轻")),
    ("64.78万元", q(None, "64.78", "万元")),
    ("429 万元", q(None, "429", "万元")),
    ("≥ 200 人", q(GE, "200", "人")),
    ("明显减 轻", w("明显减轻")),
    ("$\\geq 98\\%$", q(GE, "98", "%")),
    ("$\\geq 95\\%$", q(GE, "95", "%")),
    ("100 万元", q(None, "100", "万元")),
    ("≤ 5 万人", q(LE, "5", "万人")),
    ("有效控 制", w("有效控制")),
    ("$\\geq 99\\%$", q(GE, "99", "%")),
    ("提高", w("提高")),
    # 004 轮台: cells broken over lines by the extraction
    ("≥9.54\n\n万人", q(GE, "9.54", "万人")),
    ("≥10 场\n\n次", q(GE, "10", "场次")),
    ("≥100 种", q(GE, "100", "种")),
    ("≥88%", q(GE, "88", "%")),
    ("=100%", q(EQ, "100", "%")),
    ("≥9.54\n\n人", q(GE, "9.54", "人")),  # printed so (should be 万人): read as printed
    ("≤180\n\n元/人", q(LE, "180", "元/人")),
    ("显著提\n\n高", w("显著提高")),
    ("有效减\n\n轻", w("有效减轻")),
    ("无", U),
    # 004: project descriptions (补贴人数, 补贴标准) and the narrative
    ("≥11.8  万人", q(GE, "11.8", "万人")),
    ("≥11.8  万人/10  元", U),
    ("14  万人", q(None, "14", "万人")),
    ("14  万人/5  万元", U),
    ("2024  年  4  月  30  日前", d(2024, 4, 30, BEFORE)),
]

OTHER_FORMS: list[tuple[str, Expected]] = [
    # comparator words before the number
    ("不低于95%", q(GE, "95", "%")),
    ("不少于100种", q(GE, "100", "种")),
    ("大于等于1.2万人", q(GE, "1.2", "万人")),
    ("大于或等于3个", q(GE, "3", "个")),
    ("至少3次", q(GE, "3", "次")),
    ("不高于10%", q(LE, "10", "%")),
    ("不超过5万元", q(LE, "5", "万元")),
    ("不多于2次", q(LE, "2", "次")),
    ("小于等于3天", q(LE, "3", "天")),
    ("大于0", q(GT, "0")),
    ("高于90%", q(GT, "90", "%")),
    ("超过100人", q(GT, "100", "人")),
    ("小于5%", q(LT, "5", "%")),
    ("低于3%", q(LT, "3", "%")),
    ("等于1项", q(EQ, "1", "项")),
    ("不 低于 90 %", q(GE, "90", "%")),
    # words after the number
    ("90%以上", q(GE, "90", "%")),
    ("1.2万人以上", q(GE, "1.2", "万人")),
    ("100人及以上", q(GE, "100", "人")),
    ("5万元以内", q(LE, "5", "万元")),
    ("10%以下", q(LE, "10", "%")),
    ("30天内", q(LE, "30", "天")),
    ("≥95%以上", q(GE, "95", "%")),  # says the same thing twice
    # symbols: full-width, variants, LaTeX
    ("＞＝９５％", q(GE, "95", "%")),
    ("≧95%", q(GE, "95", "%")),
    ("≦5%", q(LE, "5", "%")),
    ("＝１００％", q(EQ, "100", "%")),
    ("＜＝10%", q(LE, "10", "%")),
    ("< =5%", q(LE, "5", "%")),
    (">5次", q(GT, "5", "次")),
    ("<2次", q(LT, "2", "次")),
    ("$\\leq$ 10%", q(LE, "10", "%")),
    ("$\\leq 5$ 万元", q(LE, "5", "万元")),
    # numbers
    ("≥1,200人", q(GE, "1200", "人")),
    ("=1,234,567.89元", q(EQ, "1234567.89", "元")),
    ("45 000人次", q(None, "45000", "人次")),
    ("≤-3%", q(LE, "-3", "%")),
    ("=0.5 元/人/年", q(EQ, "0.5", "元/人/年")),
    ("≥2个百分点", q(GE, "2", "个百分点")),
    ("=6 月", q(EQ, "6", "月")),  # with a comparator: six months, not June
    ("3年", q(None, "3", "年")),
    # deadlines
    ("2024年4月30日之前", d(2024, 4, 30, BEFORE)),
    ("2024年4月30日以前", d(2024, 4, 30, BEFORE)),
    ("6月前", d(None, 6, None, BEFORE)),
    ("２０２４年１２月３１日前", d(2024, 12, 31, BEFORE)),
    ("2024年2月29日", d(2024, 2, 29, ON)),
    ("2月29日", d(None, 2, 29, ON)),
    # wording
    ("有效 提升", w("有效提升")),
    ("不低于上年", w("不低于上年")),
    ("A级", w("A级")),
    # not read
    ("4500  0 人次", U),  # two spaces inside digits: not joined
    ("1,2005人", U),
    ("1, 200人", U),
    ("约95%", U),
    ("95%左右", U),
    ("100多人", U),
    ("10余次", U),
    ("大于90%以上", U),  # contradicts itself
    ("≥", U),
    ("-", U),
    ("/", U),
    ("——", U),
    ("暂无", U),
    ("不适用", U),
    ("无上年完成值", U),
    ("   ", U),
    ("2024年", U),
    ("2024年底前", U),
    ("12月底前", U),
    ("12月内", U),  # within 12 months, or within December?
    ("2024年以前", U),
    ("2024年2月30日", U),
    ("2023年2月29日", U),
    ("13月", U),
    ("2024年1月-2024年12月", U),
    ("≥95%(含)", U),
    ("达到95%", U),
    ("N/A", U),
    ("good", U),
    ("$\\frac{1}{2}$", U),
    ("≥上年", U),
]


def _expected(raw: str, fields: Expected) -> TargetValue:
    return TargetValue(raw=raw, **fields)


@pytest.mark.parametrize(("raw", "fields"), SEED_FORMS)
def test_seed_forms(raw: str, fields: Expected) -> None:
    assert parse_target(raw) == _expected(raw, fields)


@pytest.mark.parametrize(("raw", "fields"), OTHER_FORMS)
def test_other_forms(raw: str, fields: Expected) -> None:
    assert parse_target(raw) == _expected(raw, fields)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("> =95%", "≥95%"),
        ("< =554.91 万元", "≤554.91万元"),
        ("=12 个 月", "=12个月"),
        ("> =1.20 万人", "≥1.20万人"),
        ("53人", "53人"),
        ("1.2万人以上", "≥1.2万人"),
        ("$\\geq 98\\%$", "≥98%"),
        ("2025 年 11 月 30 日前", "2025年11月30日前"),
        ("2024年12月31日", "2024年12月31日"),
        ("12月", "12月"),
        ("有效 保证", "有效保证"),
        ("≥11.8  万人/10  元", "≥11.8  万人/10  元"),
    ],
)
def test_str_gives_the_normalised_form(raw: str, normalised: str) -> None:
    assert str(parse_target(raw)) == normalised


def test_is_rate() -> None:
    assert parse_target("=95.4 %").is_rate
    assert not parse_target("=95 人").is_rate
    assert not parse_target("有效提升").is_rate


@pytest.mark.parametrize("value", [None, 95, Decimal("95"), b">=95%", ["≥95%"]])
def test_non_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="must be read from str"):
        parse_target(value)  # type: ignore[arg-type]


# --- comparators -----------------------------------------------------------------------------


def test_comparator_chinese_terms() -> None:
    assert {c.value: c.zh for c in Comparator} == {
        "≥": "不低于",
        ">": "大于",
        "=": "等于",
        "<": "小于",
        "≤": "不高于",
    }


@pytest.mark.parametrize(
    ("comparator", "actual", "target", "holds"),
    [
        (GE, "95", "95", True),
        (GE, "94.99", "95", False),
        (GT, "95", "95", False),
        (GT, "95.01", "95", True),
        (EQ, "1.0", "1", True),
        (EQ, "2", "1", False),
        (LT, "0", "1", True),
        (LT, "1", "1", False),
        (LE, "1", "1", True),
        (LE, "1.5", "1", False),
    ],
)
def test_comparator_holds(comparator: Comparator, actual: str, target: str, holds: bool) -> None:
    assert comparator.holds(Decimal(actual), Decimal(target)) is holds


_DECIMALS = st.decimals(min_value=-(10**18), max_value=10**18, places=2)  # a target value has at most 20 digits


@settings(max_examples=60)
@given(_DECIMALS, _DECIMALS)
def test_comparators_partition_the_order(a: Decimal, b: Decimal) -> None:
    strict = [c for c in (LT, EQ, GT) if c.holds(a, b)]
    assert len(strict) == 1
    assert GE.holds(a, b) == (GT.holds(a, b) or EQ.holds(a, b))
    assert LE.holds(a, b) == (LT.holds(a, b) or EQ.holds(a, b))
    assert GE.holds(a, b) == LE.holds(b, a)


@pytest.mark.parametrize(
    ("actual", "target", "error", "message"),
    [
        (0.5, Decimal("1"), TypeError, "actual must be a decimal.Decimal, not float 0.5"),
        (Decimal("1"), True, TypeError, "target must be a decimal.Decimal, not bool"),
        (Decimal("1"), 1, TypeError, "not int"),
        (Decimal("NaN"), Decimal("1"), ValueError, "finite"),
        (Decimal("1"), Decimal("-Infinity"), ValueError, "finite"),
    ],
)
def test_comparator_refuses_non_decimals(
    actual: object, target: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        GE.holds(actual, target)  # type: ignore[arg-type]


# --- construction ----------------------------------------------------------------------------


def test_every_field_has_a_chinese_label() -> None:
    for cls in (TargetValue, Deadline):
        for field in attrs.fields(cls):
            assert field.metadata["zh"], f"{cls.__name__}.{field.name}"


def test_kind_chinese_terms() -> None:
    assert [k.zh for k in TargetKind] == ["定量", "定性", "时限", "无法识别"]


_JUNE = Deadline(month=6)


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"kind": TargetKind.QUANTITATIVE}, ValueError, "quantitative .* needs a number"),
        ({"kind": TargetKind.QUANTITATIVE, "number": 0.5}, TypeError, "not float 0.5"),
        ({"kind": TargetKind.QUANTITATIVE, "number": 5}, TypeError, "not int 5"),
        ({"kind": TargetKind.QUANTITATIVE, "number": True}, TypeError, "not bool"),
        ({"kind": TargetKind.QUANTITATIVE, "number": Decimal("NaN")}, ValueError, "finite"),
        ({"kind": TargetKind.QUANTITATIVE, "number": Decimal("Infinity")}, ValueError, "finite"),
        (
            {"kind": TargetKind.QUANTITATIVE, "number": Decimal(1), "text": "有效"},
            ValueError,
            "quantitative .* cannot have a text",
        ),
        (
            {"kind": TargetKind.QUANTITATIVE, "number": Decimal(1), "deadline": _JUNE},
            ValueError,
            "cannot have a deadline",
        ),
        ({"kind": TargetKind.QUALITATIVE}, ValueError, "qualitative .* needs a text"),
        (
            {"kind": TargetKind.QUALITATIVE, "text": "提升", "comparator": GE},
            ValueError,
            "qualitative .* cannot have a comparator",
        ),
        (
            {"kind": TargetKind.QUALITATIVE, "text": "提升", "number": Decimal(1)},
            ValueError,
            "cannot have a number",
        ),
        ({"kind": TargetKind.QUALITATIVE, "text": ""}, ValueError, "non-empty"),
        ({"kind": TargetKind.QUALITATIVE, "text": "有效 提升"}, ValueError, "white space"),
        ({"kind": TargetKind.DEADLINE}, ValueError, "deadline .* needs a deadline"),
        (
            {"kind": TargetKind.DEADLINE, "deadline": _JUNE, "unit": "月"},
            ValueError,
            "cannot have a unit",
        ),
        ({"kind": TargetKind.UNPARSED, "text": "无"}, ValueError, "unparsed .* cannot have a text"),
        (
            {"kind": TargetKind.UNPARSED, "number": Decimal(1)},
            ValueError,
            "an unparsed .* cannot have a number",
        ),
        ({"kind": "quantitative", "number": Decimal(1)}, TypeError, "kind"),
        (
            {"kind": TargetKind.QUANTITATIVE, "number": Decimal(1), "comparator": "≥"},
            TypeError,
            "comparator",
        ),
        ({"kind": TargetKind.QUANTITATIVE, "number": Decimal(1), "unit": 5}, TypeError, "unit"),
    ],
)
def test_wrong_combinations_are_refused(
    fields: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        TargetValue(raw="x", **fields)  # type: ignore[arg-type]


def test_raw_must_be_text() -> None:
    with pytest.raises(TypeError):
        TargetValue(raw=None, kind=TargetKind.UNPARSED)  # type: ignore[arg-type]


def test_valid_constructions() -> None:
    bare = TargetValue(raw="53人", kind=TargetKind.QUANTITATIVE, number=Decimal(53), unit="人")
    assert (bare.comparator, str(bare)) == (None, "53人")
    assert str(TargetValue(raw="", kind=TargetKind.UNPARSED)) == ""
    big = TargetValue(raw="", kind=TargetKind.QUANTITATIVE, number=Decimal("1E+3"))
    assert str(big) == "1000"


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"month": 13}, ValueError, "month 13 is out of range"),
        ({"month": 0}, ValueError, "month 0"),
        ({"year": 2023, "month": 2, "day": 29}, ValueError, r"day 29 does not exist in 2023年2月"),
        ({"month": 4, "day": 31}, ValueError, r"day 31 does not exist in 4月 \(1..30\)"),
        ({"month": 4, "day": 0}, ValueError, "day 0"),
        ({"year": 0, "month": 4}, ValueError, "year 0 is out of range"),
        ({"month": "12"}, TypeError, "month must be an int, not str"),
        ({"month": True}, TypeError, "month must be an int, not bool"),
        ({"month": 12, "day": 1.0}, TypeError, "day must be an int, not float"),
        ({"month": 12, "bound": "before"}, TypeError, "bound"),
    ],
)
def test_impossible_deadlines_are_refused(
    fields: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Deadline(**fields)  # type: ignore[arg-type]


def test_possible_deadlines() -> None:
    assert str(Deadline(month=2, day=29)) == "2月29日"
    assert str(Deadline(year=2024, month=2, day=29, bound=BEFORE)) == "2024年2月29日前"
    assert Deadline(month=5).bound is ON


# --- properties ------------------------------------------------------------------------------

# (text before the number, text after the unit, comparator it means)
SPELLINGS: list[tuple[str, str, Comparator | None]] = [
    ("", "", None),
    ("≥", "", GE),
    (">=", "", GE),
    ("> =", "", GE),
    ("＞＝", "", GE),
    ("≧", "", GE),
    ("$\\geq$", "", GE),
    ("不低于", "", GE),
    ("不少于", "", GE),
    ("大于等于", "", GE),
    ("至少", "", GE),
    ("", "以上", GE),
    ("", "及以上", GE),
    (">", "", GT),
    ("＞", "", GT),
    ("大于", "", GT),
    ("高于", "", GT),
    ("超过", "", GT),
    ("=", "", EQ),
    ("＝", "", EQ),
    ("等于", "", EQ),
    ("<", "", LT),
    ("小于", "", LT),
    ("低于", "", LT),
    ("≤", "", LE),
    ("<=", "", LE),
    ("< =", "", LE),
    ("≦", "", LE),
    ("$\\leq$", "", LE),
    ("不高于", "", LE),
    ("不超过", "", LE),
    ("不多于", "", LE),
    ("小于等于", "", LE),
    ("", "以内", LE),
    ("", "以下", LE),
]
UNITS = [
    None, "%", "人", "万人", "人次", "次", "个", "项", "万元", "元", "元/人", "元/人/年",
    "个月", "天", "场", "套", "张", "班次", "平方米", "户", "篇", "期",
]  # fmt: skip

_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def printed_quantities(draw: st.DrawFn) -> tuple[str, Comparator | None, Decimal, str | None]:
    before, after, comparator = draw(st.sampled_from(SPELLINGS))
    places = draw(st.integers(0, 2))
    number = Decimal(draw(st.integers(0, 10**9))).scaleb(-places)
    digits = format(number, ",f" if draw(st.booleans()) else "f")
    if draw(st.booleans()):
        digits = digits.translate(_FULL_WIDTH_DIGITS)
    unit = draw(st.sampled_from(UNITS))
    gap1, gap2 = draw(st.sampled_from(["", " "])), draw(st.sampled_from(["", " ", "\n\n"]))
    return f"{before}{gap1}{digits}{gap2}{unit or ''}{after}", comparator, number, unit


@settings(max_examples=150)
@given(printed_quantities())
def test_printed_quantities_are_recovered(
    case: tuple[str, Comparator | None, Decimal, str | None],
) -> None:
    text, comparator, number, unit = case
    value = parse_target(text)
    assert value.kind is TargetKind.QUANTITATIVE, text
    assert (value.comparator, value.number, value.unit) == (comparator, number, unit)
    assert value.raw == text


def _assert_round_trip(text: str) -> None:
    value = parse_target(text)
    again = parse_target(str(value))
    assert attrs.evolve(again, raw=value.raw) == value
    assert str(again) == str(value)


@settings(max_examples=100)
@given(printed_quantities())
def test_normalised_quantities_read_back(
    case: tuple[str, Comparator | None, Decimal, str | None],
) -> None:
    _assert_round_trip(case[0])


@pytest.mark.parametrize(
    "text",
    [
        "有效ᄀ ᅡ",  # conjoining jamo: joined by removing the space, then composed by NFKC
        "≥5ᄀ ᅡ",
        "提升 \u0301",  # a combining mark left alone by the removed space
        "有效\u00a8",  # NFKC turns ¨ into a space and a combining mark
        "$\\geq$ 5 $人$",
        "不 低 于 上 年",
        "-5 %以上",
    ],
)
def test_normalised_form_of_awkward_text_reads_back(text: str) -> None:
    _assert_round_trip(text)


# Characters the parser treats specially, so random text reaches every branch.
_TRICKY = st.lists(
    st.sampled_from(
        [
            *"0123456789 ,.-%≥≤<>=＝＞年月日前之以上下内万人次元/个有效提升无多左右$\\\n",
            "\\geq",
            "\\leq",
            "不低于",
            "不超过",
            "当年指标, 无上年完成值",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300)
@given(st.one_of(st.text(), _TRICKY))
def test_any_text_is_read_without_raising(text: str) -> None:
    value = parse_target(text)
    assert value.raw == text
    assert isinstance(value.kind, TargetKind)


@settings(max_examples=300)
@given(st.one_of(st.text(), _TRICKY))
def test_normalised_form_of_any_text_reads_back(text: str) -> None:
    _assert_round_trip(text)


# What each kind of target value may carry besides its raw text and kind, and what it must carry,
# as the model's documentation states it (指标值类型).
_MAY_CARRY = {
    TargetKind.QUANTITATIVE: {"comparator", "number", "unit"},
    TargetKind.QUALITATIVE: {"text"},
    TargetKind.DEADLINE: {"deadline"},
    TargetKind.UNPARSED: set(),
}
_MUST_CARRY = {TargetKind.QUANTITATIVE: "number", TargetKind.QUALITATIVE: "text", TargetKind.DEADLINE: "deadline"}
_IN_ORDER = ["comparator", "number", "unit", "text", "deadline"]


@given(kind=st.sampled_from(list(TargetKind)), present=st.sets(st.sampled_from(_IN_ORDER)))
def test_a_target_value_carries_the_fields_of_its_kind_and_names_the_first_one_out_of_place(
        kind: TargetKind, present: set[str]) -> None:
    values = {"comparator": Comparator.EQ, "number": Decimal("1"), "unit": "项", "text": "提升",
              "deadline": Deadline(month=12)}
    given_fields = {name: values[name] for name in present}
    out_of_place = [name for name in _IN_ORDER if name in present and name not in _MAY_CARRY[kind]]
    needed = _MUST_CARRY.get(kind)
    if out_of_place:
        with pytest.raises(InvalidValue, match=f"^an? {kind.value} .* cannot have a {out_of_place[0]} "):
            TargetValue(raw="x", kind=kind, **given_fields)  # type: ignore[arg-type]
    elif needed is not None and needed not in present:
        with pytest.raises(InvalidValue, match=f"^a {kind.value} .* needs a {needed}$"):
            TargetValue(raw="x", kind=kind, **given_fields)  # type: ignore[arg-type]
    else:
        assert TargetValue(raw="x", kind=kind, **given_fields).kind is kind  # type: ignore[arg-type]


def test_every_common_ideograph_is_a_stable_letter() -> None:
    # What lets wording of U+4E00..U+9FFF alone skip the test of each character by name and category.
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        assert "CJK UNIFIED IDEOGRAPH" in unicodedata.name(ch, ""), hex(code)
        assert unicodedata.category(ch) == "Lo", hex(code)
        assert normalize_width(ch) == ch, hex(code)


def _is_wording_the_plain_way(text: str) -> bool:
    # The rule for 定性 text, one character at a time, as documented in parse_target.
    words = squeeze_spaces(normalize_width(text).strip())
    return (
        bool(words)
        and words not in {"无", "暂无", "空", "不适用", "无数据"}
        and "无上年" not in words
        and "上年无" not in words
        and any("CJK UNIFIED IDEOGRAPH" in unicodedata.name(ch, "") for ch in words)
        and all(unicodedata.category(ch)[0] in "LPS" for ch in words)
        and not any(ch in "≥≤<>=≧≦⩾⩽" for ch in words)
        and squeeze_spaces(normalize_width(words)) == words
    )


# Ideographs in and beside the common block, compatibility ideographs, wrap spaces, punctuation,
# letters and marks: no digit, so that only wording can be read.
_DIGITLESS = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x4DF0, max_codepoint=0x4E10),
        st.characters(min_codepoint=0x9FF0, max_codepoint=0xA010),
        st.characters(min_codepoint=0xF900, max_codepoint=0xF910),
        st.characters(min_codepoint=0x3400, max_codepoint=0x3410),
        st.sampled_from([*"有效提升无上年暂空 \u3000（）、，。：:ＡaÉ\u0301≥＝", "不适用", "无数据"]),
        st.characters(blacklist_categories=("Nd", "Cs")).filter(lambda ch: ch not in "$\\"),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400)
@given(_DIGITLESS)
def test_wording_is_read_as_the_plain_rule_says(text: str) -> None:
    value = parse_target(text)
    if any(ch.isdigit() for ch in normalize_width(text)):
        return  # folding made a digit (a circled or full-width one): not wording's to decide
    assert (value.kind is TargetKind.QUALITATIVE) == _is_wording_the_plain_way(text)


@settings(max_examples=300)
@given(st.one_of(st.text(), _TRICKY, _DIGITLESS))
def test_a_value_read_is_the_one_its_constructor_makes(text: str) -> None:
    # Values are built without the validators' second look: the constructor must accept the same
    # fields and make an equal value of the same class.
    value = parse_target(text)
    remade = TargetValue(**{field.name: getattr(value, field.name) for field in attrs.fields(TargetValue)})
    assert type(value) is TargetValue
    assert remade == value
    assert hash(remade) == hash(value)


def test_no_character_reads_no_figure_yet_folds_to_a_digit() -> None:
    # Every code point, one at a time: what width folding makes of a text holds a digit only where one
    # of its characters folds to one (NFKC folds character by character as far as digits go).
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if reads_no_figure(ch):
            assert not any("0" <= c <= "9" for c in unicodedata.normalize("NFKC", ch)), hex(code)


def test_reads_no_figure_by_hand() -> None:
    assert reads_no_figure("培训覆盖率（%）") and reads_no_figure("群众满意度") and reads_no_figure("")
    # Digits of every width, and characters folding to digits (①, ㎡ holds a 2), are figures.
    for text in ("≥95%", "≥９５%", "12月底前", "①宣传", "面积㎡", "2024年", "百分之100"):
        assert not reads_no_figure(text), text


_WORDING_OR_FIGURES = st.text(
    alphabet=st.one_of(st.sampled_from("0123456789０１２３①㎡%≥<>=年月日前.,，（）() 　—"),
                       st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
                       st.characters(min_codepoint=0x2000, max_codepoint=0x2100)),
    max_size=12)


@settings(max_examples=500)
@given(_WORDING_OR_FIGURES)
def test_text_reading_no_figure_is_no_quantity_and_no_deadline(text: str) -> None:
    if reads_no_figure(text):
        assert parse_target(text).kind not in (TargetKind.QUANTITATIVE, TargetKind.DEADLINE)
