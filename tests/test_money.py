"""Amounts: parsing, the value gate, units, rounding, shares, change, rounding-aware checks.

Expected values are worked by hand (or with exact fractions in the test itself); figures marked
"seed" are printed in the real documents under ../shared/seeds.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.money import (
    AmountUnit,
    Change,
    Consistency,
    Interval,
    SumCheck,
    change,
    check_equal,
    check_rate,
    check_ratio,
    check_sum,
    convert,
    decimal_places,
    implied_rate,
    parse_amount,
    parse_amount_and_unit,
    prior_from_change,
    rate_interval,
    ratio_interval,
    round_half_up,
    share,
    to_amount,
)

D = Decimal
YUAN, WAN, YI = AmountUnit.YUAN, AmountUnit.WAN_YUAN, AmountUnit.YI_YUAN
EXACT, WITHIN, INCONSISTENT = (
    Consistency.EXACT,
    Consistency.WITHIN_ROUNDING,
    Consistency.INCONSISTENT,
)


def same(a: Decimal, b: Decimal) -> bool:
    """Equal value *and* equal printed form (sign, digits, exponent)."""
    return a.as_tuple() == b.as_tuple()


# --------------------------------------------------------------------------------------------
# Parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,089.27", "1089.27"),
        ("2260.66", "2260.66"),
        ("2,260.66", "2260.66"),  # seed 001
        ("8,542.6", "8542.6"),  # seed 003, one decimal kept
        ("612", "612"),
        ("5.60", "5.60"),  # the trailing zero is precision, not noise
        ("0.00", "0.00"),
        ("1,234,567.891", "1234567.891"),
        ("007", "7"),
        ("  1,089.27  ", "1089.27"),
        ("\u30001,089.27\t", "1089.27"),  # ideographic space
        ("１，０８９．２７", "1089.27"),  # full-width digits and separators
        ("２２６０．６６", "2260.66"),
        ("-5.00", "-5.00"),
        ("－5.00", "-5.00"),  # full-width minus
        ("－５．００", "-5.00"),
        ("−5.00", "-5.00"),  # U+2212 MINUS SIGN
        ("–5.00", "-5.00"),  # U+2013 EN DASH
        ("–", "0"),
        ("-1,089.27", "-1089.27"),
        ("-0.00", "0.00"),  # a printed zero has no sign
        ("", "0"),
        ("   ", "0"),
        ("-", "0"),
        ("—", "0"),
        ("－", "0"),
        ("--", "0"),
        ("——", "0"),
        ("83616.92元", "83616.92"),  # seed 003; suffix dropped without unit=
        ("6592.8万元", "6592.8"),  # seed 003
        ("6.50 万元", "6.50"),  # seed 004 prints a space before the unit
        ("1.2亿元", "1.2"),
    ],
)
def test_parse_amount_accepts_printed_forms(text: str, expected: str) -> None:
    assert same(parse_amount(text), D(expected))


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("83616.92元", "83616.92", YUAN),
        ("6592.8万元", "6592.8", WAN),
        ("1.2亿元", "1.2", YI),
        ("2.00万元 ", "2.00", WAN),
        ("１７．０３万元", "17.03", WAN),
        ("2,260.66", "2260.66", None),
        ("", "0", None),
        ("—", "0", None),
    ],
)
def test_parse_amount_and_unit(text: str, number: str, unit: AmountUnit | None) -> None:
    parsed, parsed_unit = parse_amount_and_unit(text)
    assert same(parsed, D(number))
    assert parsed_unit is unit


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("83616.92元", WAN, "8.361692"),  # 83,616.92 元 = 8.361692 万元, every digit kept
        ("6592.8万元", WAN, "6592.8"),
        ("6592.8万元", YUAN, "6.5928E+7"),  # 65,928,000 元, known to the nearest 1,000 元
        ("1.2亿元", WAN, "1.2E+4"),  # 12,000 万元
        ("2,022.69", WAN, "2022.69"),  # no suffix: already in the given unit
        ("0.5万元", YI, "0.00005"),
        ("-", WAN, "0"),
        ("", YUAN, "0"),
    ],
)
def test_parse_amount_converts_into_the_given_unit(
    text: str, unit: AmountUnit, expected: str
) -> None:
    assert same(parse_amount(text, unit=unit), D(expected))


@pytest.mark.parametrize(
    "text",
    [
        "12元3",
        "abc",
        "一百",
        "1,08,9",  # grouping must be in threes
        "1,0899",
        "1089,27",
        ",123",
        "1,089.27,",
        "1,089.2,7",
        "NaN",
        "nan",
        "inf",
        "Infinity",
        "-Infinity",
        "1e5",
        "1E5",
        "1.2.3",
        "1..2",
        ".5",
        "5.",
        "50%",
        "5万",
        "万元",
        "元",
        "千元",
        "5 千元",
        "+5",
        "- 5",
        "5-",
        "--5",
        "-万元",
        "1_000",
        "1 089.27",
        "0x10",
        "٣",  # an Arabic-Indic digit is a digit to Python, not to a budget
        "１２：３０",  # the full-width colon follows the full-width digits, but is none
        "12 元 3",
    ],
)
def test_parse_amount_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_amount(text)
    assert str(caught.value) == f"not an amount: {text!r} (不是金额)"


def test_invalid_amount_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount("abc")


def test_parse_amount_refuses_non_text() -> None:
    with pytest.raises(InvalidAmount, match=r"not an amount: 1\.5"):
        parse_amount(1.5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The gate for Python values


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1089.27"), "1089.27"),
        (D("5.60"), "5.60"),
        (D("-0.00"), "0.00"),
        (612, "612"),
        (0, "0"),
        (-3, "-3"),
        ("1,089.27", "1089.27"),
        ("—", "0"),
        ("１２．５０", "12.50"),
    ],
)
def test_to_amount_accepts_decimals_ints_and_text(value: object, expected: str) -> None:
    assert same(to_amount(value), D(expected))


def test_to_amount_returns_a_decimal_unchanged() -> None:
    value = D("2022.69")
    assert to_amount(value) is value


def test_to_amount_passes_the_unit_on_for_text() -> None:
    assert same(to_amount("83616.92元", unit=WAN), D("8.361692"))


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (0.1, "float is never an amount; pass a Decimal or a string such as '1089.27'"),
        (1089.27, "float is never an amount"),
        (float("nan"), "float is never an amount"),
        (float("inf"), "float is never an amount"),
        (True, "bool is never an amount"),
        (False, "bool is never an amount"),
        (D("NaN"), "NaN is never an amount"),
        (D("sNaN"), "sNaN is never an amount"),
        (D("Infinity"), "Infinity is never an amount"),
        (D("-Infinity"), "-Infinity is never an amount"),
        (None, "NoneType is not an amount"),
        ([D("1")], "list is not an amount"),
        (Fraction(1, 3), "Fraction is not an amount"),
        (b"12", "bytes is not an amount"),
        ("abc", "not an amount: 'abc' (不是金额)"),
    ],
)
def test_to_amount_refuses_everything_else(value: object, fragment: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        to_amount(value)
    assert fragment in str(caught.value)


@pytest.mark.parametrize("value", [1.5, True, None, D("NaN"), "abc"])
def test_to_amount_names_where(value: object) -> None:
    with pytest.raises(InvalidAmount) as caught:
        to_amount(value, where="tables.general_budget.lines[3].amounts.basic")
    assert str(caught.value).startswith("tables.general_budget.lines[3].amounts.basic: ")


@pytest.mark.parametrize(
    "call",
    [
        lambda: share(0.5, D("1")),  # type: ignore[arg-type]
        lambda: change(D("1"), 2.0),  # type: ignore[arg-type]
        lambda: round_half_up(2.675),  # type: ignore[arg-type]
        lambda: check_sum(D("1"), [D("0.5"), 0.5]),  # type: ignore[list-item]
        lambda: convert(1.0, YUAN, WAN),  # type: ignore[arg-type]
        lambda: Interval.of_printed(True),  # type: ignore[arg-type]
    ],
)
def test_arithmetic_refuses_floats_and_bools(call: object) -> None:
    assert callable(call)
    with pytest.raises(InvalidAmount, match="never an amount"):
        call()


# --------------------------------------------------------------------------------------------
# Units


def test_unit_factors_and_names() -> None:
    assert [(u.zh, u.factor) for u in AmountUnit] == [
        ("元", D(1)),
        ("万元", D(10_000)),
        ("亿元", D(100_000_000)),
    ]


@pytest.mark.parametrize(
    ("text", "unit"), [("元", YUAN), ("万元", WAN), (" 亿元 ", YI), ("\u3000万元", WAN)]
)
def test_unit_parse(text: str, unit: AmountUnit) -> None:
    assert AmountUnit.parse(text) is unit


@pytest.mark.parametrize("text", ["", "千元", "单位：万元", "万", "yuan", "万 元"])
def test_unit_parse_refuses_other_text(text: str) -> None:
    with pytest.raises(InvalidAmount, match="not an amount unit"):
        AmountUnit.parse(text)


@pytest.mark.parametrize(
    ("amount", "from_unit", "to_unit", "expected"),
    [
        ("83616.92", YUAN, WAN, "8.361692"),
        ("8.361692", WAN, YUAN, "83616.92"),
        ("1", YI, YUAN, "1E+8"),
        ("1", YI, WAN, "1E+4"),
        ("12345.6789", WAN, YI, "1.23456789"),
        ("0.01", YUAN, YI, "1E-10"),
        ("2022.69", WAN, WAN, "2022.69"),
        ("0", YUAN, WAN, "0"),  # an exact zero stays exact
        ("0.00", YUAN, WAN, "0.000000"),
    ],
)
def test_convert_is_exact(
    amount: str, from_unit: AmountUnit, to_unit: AmountUnit, expected: str
) -> None:
    assert same(convert(D(amount), from_unit, to_unit), D(expected))


def test_convert_upwards_equals_the_plain_number() -> None:
    assert convert(D("6592.8"), WAN, YUAN) == 65_928_000
    assert f"{convert(D('6592.8'), WAN, YUAN):f}" == "65928000"


# --------------------------------------------------------------------------------------------
# Rounding and printed precision


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.675", 2, "2.68"),  # the float 2.675 is 2.67499999…, so round(2.675, 2) == 2.67
        ("-2.675", 2, "-2.68"),  # half away from zero
        ("1.005", 2, "1.01"),
        ("0.125", 2, "0.13"),
        ("0.135", 2, "0.14"),  # half-even would give 0.14 too; 0.125 tells them apart
        ("0.124999", 2, "0.12"),
        ("11.495", 2, "11.50"),
        ("2.5", 0, "3"),
        ("3.5", 0, "4"),
        ("-0.5", 0, "-1"),
        ("-0.004", 2, "0.00"),  # no negative zero
        ("5", 2, "5.00"),
        ("8542.65", 1, "8542.7"),
        ("1234", -2, "1.2E+3"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    assert same(round_half_up(D(value), places), D(expected))


def test_float_rounding_is_the_trap_round_half_up_avoids() -> None:
    assert round(2.675, 2) == 2.67
    assert round_half_up(D("2.675")) == D("2.68")


@pytest.mark.parametrize(
    ("value", "places"),
    [("1089.27", 2), ("612", 0), ("5.60", 2), ("8542.6", 1), ("0.00", 2), ("1.2E+4", -3)],
)
def test_decimal_places(value: str, places: int) -> None:
    assert decimal_places(D(value)) == places


def _round_oracle(value: Fraction, places: int) -> Decimal:
    """Half-up rounding by integer arithmetic, written independently of the module."""
    scale = 10**places
    magnitude = abs(value) * scale
    units = magnitude.numerator * 2 + magnitude.denominator  # 2·(m + ½), over 2·denominator
    whole = units // (2 * magnitude.denominator)
    signed = -whole if value < 0 else whole
    return D(signed) / D(scale) if signed else D(0)


@given(st.integers(-(10**12), 10**12), st.integers(0, 6), st.integers(0, 4))
def test_round_half_up_matches_integer_arithmetic(units: int, exponent: int, places: int) -> None:
    value = D(units).scaleb(-exponent)
    rounded = round_half_up(value, places)
    assert rounded == _round_oracle(Fraction(value), places)
    assert decimal_places(rounded) == places


# --------------------------------------------------------------------------------------------
# Shares (占比)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        # seed 001: 收入预算 3,166.28 万元 and its parts, with the printed shares
        ("2022.69", "3166.28", "63.88"),
        ("237.97", "3166.28", "7.52"),
        ("905.62", "3166.28", "28.60"),
        ("1804.60", "3166.28", "56.99"),
        ("1361.68", "3166.28", "43.01"),
        ("0.00", "3166.28", "0.00"),
        ("1", "8", "12.50"),  # exactly 12.5
        ("1", "3", "33.33"),
        ("2", "3", "66.67"),
        ("-1", "8", "-12.50"),
        ("1", "-3", "-33.33"),
        ("3166.28", "3166.28", "100.00"),
    ],
)
def test_share(part: str, whole: str, expected: str) -> None:
    assert same(share(D(part), D(whole)), D(expected))


def test_share_places() -> None:
    assert same(share(D("1"), D("3"), places=4), D("33.3333"))
    assert same(share(D("1"), D("8"), places=0), D("13"))  # 12.5 rounds up


@pytest.mark.parametrize("whole", ["0", "0.00", "-0"])
def test_share_of_a_zero_whole_is_refused(whole: str) -> None:
    with pytest.raises(InvalidAmount, match="share of a zero whole is undefined"):
        share(D("5"), D(whole))


# --------------------------------------------------------------------------------------------
# Year-over-year change (比上年增减)

# (current, stated change, stated rate, prior worked by hand) from the seeds' narratives.
SEED_CHANGES = [
    ("2022.69", "208.54", "11.50", "1814.15"),  # 001 一般公共预算
    ("905.62", "651.34", "256.15", "254.28"),  # 001 财政拨款结转
    ("1804.60", "270.14", "17.60", "1534.46"),  # 001 基本支出
    ("1361.68", "122.00", "9.84", "1239.68"),  # 001 项目支出
    ("3.53", "2.11", "148.59", "1.42"),  # 001 退休（项）
    ("237.97", "-467.74", "-66.28", "705.71"),  # 001 上级转移支付, 减少/下降
    ("86.78", "-24.10", "-21.74", "110.88"),  # 002 一般行政管理事务
    ("114.28", "-3.53", "-3.00", "117.81"),  # 002 其他医疗保障管理事务支出
    ("0.00", "-51.00", "-100.00", "51.00"),  # 002 其他医疗救助支出
]


@pytest.mark.parametrize(("current", "amount", "rate", "prior"), SEED_CHANGES)
def test_seed_changes(current: str, amount: str, rate: str, prior: str) -> None:
    assert same(prior_from_change(D(current), D(amount)), D(prior))
    assert change(D(current), D(prior)) == Change(amount=D(amount), rate=D(rate))
    implied = implied_rate(D(current), D(amount))
    assert implied is not None and same(implied, D(rate))
    assert check_rate(D(rate), D(current), change_amount=D(amount)) is EXACT
    assert check_rate(D(rate), D(current), prior=D(prior)) is EXACT


def test_change_words() -> None:
    up = change(D("2022.69"), D("1814.15"))
    assert (up.amount_word, up.rate_word) == ("增加", "增长")
    down = change(D("237.97"), D("705.71"))
    assert (down.amount_word, down.rate_word) == ("减少", "下降")
    flat = change(D("5.00"), D("5.00"))
    assert same(flat.amount, D("0.00"))
    assert flat.rate is not None and same(flat.rate, D("0.00"))
    assert (flat.amount_word, flat.rate_word) == ("持平", "持平")


def test_change_from_a_zero_prior_has_no_rate() -> None:
    # seed 001 prints "比上年预算增加 17.03 万元，增长 100.00%" for a new item: a convention,
    # not arithmetic.
    new = change(D("17.03"), D("0"))
    assert new == Change(amount=D("17.03"), rate=None)
    assert implied_rate(D("17.03"), D("17.03")) is None
    with pytest.raises(InvalidAmount, match="zero prior year"):
        check_rate(D("100.00"), D("17.03"), change_amount=D("17.03"))
    with pytest.raises(InvalidAmount, match="zero prior year"):
        check_rate(D("100.00"), D("17.03"), prior=D("0.00"))


def test_change_places() -> None:
    assert change(D("2022.69"), D("1814.15"), places=1).rate == D("11.5")
    implied = implied_rate(D("2022.69"), D("208.54"), places=4)
    assert implied is not None and same(implied, D("11.4952"))  # 208.54/1814.15 = 0.11495190…


def test_change_describe() -> None:
    assert change(D("2022.69"), D("1814.15")).describe(WAN) == "比上年增加 208.54 万元，增长 11.50%"
    assert change(D("237.97"), D("705.71")).describe(WAN) == "比上年减少 467.74 万元，下降 66.28%"
    assert change(D("17.03"), D("0")).describe() == "比上年增加 17.03（上年为零，无增长率）"
    assert change(D("1.00"), D("1.00")).describe() == "与上年持平"


def test_change_fields_carry_chinese_labels() -> None:
    for cls in (Change, Interval, SumCheck):
        assert all("zh" in field.metadata for field in attrs.fields(cls))


def test_rate_needs_exactly_one_of_prior_and_change() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        check_rate(D("1"), D("1"))
    with pytest.raises(TypeError, match="exactly one"):
        rate_interval(D("1"), prior=D("1"), change_amount=D("0"))


# --------------------------------------------------------------------------------------------
# Intervals


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        ("1.00", "0.995", "1.005"),
        ("5.60", "5.595", "5.605"),
        ("8542.6", "8542.55", "8542.65"),
        ("612", "611.5", "612.5"),
        ("-0.33", "-0.335", "-0.325"),
        ("0.00", "-0.005", "0.005"),
        ("0", "0", "0"),  # a blank cell is an exact zero
        ("1.2E+4", "11500", "12500"),  # 1.2 亿元 in 万元: ±0.05 亿元 = ±500 万元
    ],
)
def test_interval_of_printed(value: str, low: str, high: str) -> None:
    assert Interval.of_printed(D(value)) == Interval(D(low), D(high))


def test_interval_operations() -> None:
    a = Interval(D("0.65"), D("0.67"))
    b = Interval(D("0.995"), D("1.005"))
    c = Interval(D("1.005"), D("1.015"))
    assert a + b == Interval(D("1.645"), D("1.675"))
    assert not a.overlaps(b) and not b.overlaps(a)
    assert b.overlaps(c) and c.overlaps(b)  # touching ends count
    assert a.distance(b) == b.distance(a) == D("0.325")
    assert b.distance(c) == 0
    assert b.contains(D("0.995")) and b.contains(D("1.005")) and not b.contains(D("1.0051"))
    assert str(a) == "[0.65, 0.67]"


def test_interval_refuses_reversed_ends() -> None:
    with pytest.raises(InvalidAmount, match="below its low"):
        Interval(D("2"), D("1"))


def test_interval_adds_only_intervals() -> None:
    with pytest.raises(TypeError):
        Interval(D("1"), D("2")) + D("1")  # type: ignore[operator]


# --------------------------------------------------------------------------------------------
# Sums


@pytest.mark.parametrize(
    ("total", "parts", "status", "difference", "excess"),
    [
        ("0.03", ["0.01", "0.01", "0.01"], EXACT, "0", "0"),
        # Σ 0.99, parts [0.975, 1.005], total [0.995, 1.005]: they meet
        ("1.00", ["0.33", "0.33", "0.33"], WITHIN, "0.01", "0"),
        # Σ 0.66, parts [0.65, 0.67], total [0.995, 1.005]: 0.325 apart
        ("1.00", ["0.33", "0.33"], INCONSISTENT, "0.34", "0.325"),
        ("1.00", ["1.01"], WITHIN, "-0.01", "0"),  # [0.995,1.005] touches [1.005,1.015]
        ("1.00", ["1.02"], INCONSISTENT, "-0.02", "0.010"),
        # Σ 0.05, parts [0.025, 0.075], total [-0.005, 0.005]
        ("0.00", ["0.01"] * 5, INCONSISTENT, "-0.05", "0.020"),
        # mixed precision (seed 003 prints one decimal): parts [8542.57, 8542.59]
        ("8542.6", ["6592.80", "1949.78"], WITHIN, "0.02", "0"),
        ("612", ["300.4", "311.2"], WITHIN, "0.4", "0"),  # total [611.5, 612.5]
        ("613", ["300.4", "311.2"], INCONSISTENT, "1.4", "0.8"),  # 612.5 - 611.7
        ("0", ["0.00", "0.00"], EXACT, "0", "0"),
        ("0", ["0.01"], INCONSISTENT, "-0.01", "0.005"),  # blank is exactly zero
        ("0.00", ["0.01"], WITHIN, "-0.01", "0"),
        ("-1.00", ["-0.33", "-0.33", "-0.33"], WITHIN, "-0.01", "0"),
        ("0", [], EXACT, "0", "0"),
        ("0.01", [], INCONSISTENT, "0.01", "0.005"),
        ("2260.66", ["2022.69", "237.97"], EXACT, "0.00", "0"),  # seed 001 收入 total
    ],
)
def test_check_sum(
    total: str, parts: list[str], status: Consistency, difference: str, excess: str
) -> None:
    result = check_sum(D(total), [D(p) for p in parts])
    assert result.status is status
    assert result.difference == D(difference)
    assert result.excess == D(excess)
    assert result.is_consistent is (status is not INCONSISTENT)


def test_check_sum_reports_its_figures() -> None:
    result = check_sum(D("1.00"), iter([D("0.33"), D("0.33")]))
    assert result == SumCheck(
        total=D("1.00"),
        parts_sum=D("0.66"),
        difference=D("0.34"),
        status=INCONSISTENT,
        excess=D("0.325"),
    )
    assert result.describe() == "合计 1.00 比分项之和 0.66 多 0.34，超出舍入误差 0.325（不一致）"


def test_check_sum_descriptions() -> None:
    assert (
        check_sum(D("2260.66"), [D("2022.69"), D("237.97")]).describe()
        == "合计 2,260.66 等于分项之和 2,260.66（一致）"
    )
    assert (
        check_sum(D("0.98"), [D("0.33")] * 3).describe()
        == "合计 0.98 比分项之和 0.99 少 0.01，可由四舍五入解释（舍入误差内）"
    )


def test_check_equal() -> None:
    assert check_equal(D("8542.6"), D("8542.60")).status is EXACT
    assert check_equal(D("2022.7"), D("2022.69")).status is WITHIN
    # [2022.685, 2022.695] touches [2022.695, 2022.705]: 2022.695 could be printed either way
    assert check_equal(D("2022.69"), D("2022.70")).status is WITHIN
    assert check_equal(D("2022.69"), D("2022.71")).status is INCONSISTENT
    assert check_equal(D("2022.69"), D("2022.71")).excess == D("0.01")


# --------------------------------------------------------------------------------------------
# Ratios and rates


def test_ratio_interval_by_hand() -> None:
    # 100·[0.995, 1.005] / [2.995, 3.005]: from 99.5/3.005 to 100.5/2.995
    r = ratio_interval(D("1.00"), D("3.00"))
    assert r is not None
    assert Fraction(r.low) <= Fraction(99500, 3005) < Fraction(r.low) + Fraction(1, 10**40)
    assert Fraction(r.high) >= Fraction(100500, 2995) > Fraction(r.high) - Fraction(1, 10**40)
    assert ratio_interval(D("1.00"), D("0")) is None
    assert ratio_interval(D("1.00"), D("0.00")) is None


@pytest.mark.parametrize(
    ("stated", "numerator", "denominator", "status"),
    [
        ("63.88", "2022.69", "3166.28", EXACT),  # seed 001
        ("63.9", "2022.69", "3166.28", EXACT),  # one decimal: 63.882… → 63.9
        ("64", "2022.69", "3166.28", EXACT),
        ("63.89", "2022.69", "3166.28", INCONSISTENT),  # range [63.8820, 63.8825]
        ("63.8", "2022.69", "3166.28", INCONSISTENT),
        ("7.52", "237.97", "3166.28", EXACT),
        ("33.33", "1.00", "3.00", EXACT),
        ("33.5", "1.00", "3.00", WITHIN),  # [33.45, 33.55] meets [33.111, 33.556]
        ("33.6", "1.00", "3.00", WITHIN),  # 33.55 ≤ 33.5559
        ("33.7", "1.00", "3.00", INCONSISTENT),
        ("0.00", "0.00", "3166.28", EXACT),
        ("0", "0.00", "3166.28", EXACT),
    ],
)
def test_check_ratio(stated: str, numerator: str, denominator: str, status: Consistency) -> None:
    assert check_ratio(D(stated), D(numerator), D(denominator)) is status


def test_check_ratio_refuses_a_zero_denominator() -> None:
    with pytest.raises(InvalidAmount, match="zero denominator"):
        check_ratio(D("0.00"), D("0.00"), D("0.00"))


def test_rate_interval_by_hand() -> None:
    # current [2022.685, 2022.695], change [208.535, 208.545], prior = current - change:
    # lowest 20853.5/1814.16, highest 20854.5/1814.14
    r = rate_interval(D("2022.69"), change_amount=D("208.54"))
    assert r is not None
    assert Fraction(r.low) <= Fraction(2085350, 181416) < Fraction(r.low) + Fraction(1, 10**40)
    assert Fraction(r.high) >= Fraction(2085450, 181414) > Fraction(r.high) - Fraction(1, 10**40)
    # from prior: 100·(current/prior - 1) over [2022.685, 2022.695] × [1814.145, 1814.155]
    p = rate_interval(D("2022.69"), prior=D("1814.15"))
    assert p is not None
    low, high = Fraction(202268500, 1814155) - 100, Fraction(202269500, 1814145) - 100
    assert Fraction(p.low) <= low < Fraction(p.low) + Fraction(1, 10**40)
    assert Fraction(p.high) >= high > Fraction(p.high) - Fraction(1, 10**40)


@pytest.mark.parametrize(
    ("stated", "current", "amount", "status"),
    [
        ("11.50", "2022.69", "208.54", EXACT),
        ("11.5", "2022.69", "208.54", EXACT),
        ("11.49", "2022.69", "208.54", WITHIN),  # [11.485, 11.495] meets [11.49485…, …]
        ("11.51", "2022.69", "208.54", INCONSISTENT),
        ("11.6", "2022.69", "208.54", INCONSISTENT),
        ("-11.50", "2022.69", "208.54", INCONSISTENT),  # wrong sign
        # prior = 0.05 - 0.04 may be as small as 0.00: the rate is unbounded
        ("300", "0.05", "0.04", WITHIN),
        ("400", "0.05", "0.04", EXACT),
    ],
)
def test_check_rate(stated: str, current: str, amount: str, status: Consistency) -> None:
    assert check_rate(D(stated), D(current), change_amount=D(amount)) is status


def test_rate_interval_is_unbounded_near_a_zero_prior() -> None:
    assert rate_interval(D("0.05"), change_amount=D("0.04")) is None
    assert rate_interval(D("0.05"), prior=D("0")) is None


# --------------------------------------------------------------------------------------------
# Properties

FULL_WIDTH = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")


@st.composite
def printed_amounts(draw: st.DrawFn, max_places: int = 4) -> Decimal:
    """Amounts as documents print them: up to a trillion, 0 to ``max_places`` decimals."""
    units = draw(st.integers(-(10**12), 10**12))
    places = draw(st.integers(0, max_places))
    return D(units).scaleb(-places)


@given(printed_amounts())
def test_parse_round_trips_thousands_separated_text(amount: Decimal) -> None:
    assert same(parse_amount(format(amount, ",")), amount)


@given(printed_amounts(), st.sampled_from(["", " ", "\u3000", "\t"]))
def test_parse_round_trips_full_width_text(amount: Decimal, space: str) -> None:
    text = space + format(amount, ",").translate(FULL_WIDTH) + space
    assert same(parse_amount(text), amount)


@given(printed_amounts(), st.sampled_from(list(AmountUnit)), st.sampled_from(["", " "]))
def test_parse_round_trips_unit_suffixes(amount: Decimal, unit: AmountUnit, space: str) -> None:
    parsed, parsed_unit = parse_amount_and_unit(f"{amount:,}{space}{unit.zh}")
    assert same(parsed, amount) and parsed_unit is unit


@given(printed_amounts(), st.sampled_from(list(AmountUnit)), st.sampled_from(list(AmountUnit)))
@example(D("0.0"), AmountUnit.WAN_YUAN, AmountUnit.YUAN)  # 0E+3 元 was taken for an exact zero on the way back
def test_convert_there_and_back_is_identity(amount: Decimal, a: AmountUnit, b: AmountUnit) -> None:
    there = convert(amount, a, b)
    assert Fraction(there) * Fraction(b.factor) == Fraction(amount) * Fraction(a.factor)
    assert same(convert(there, b, a), amount)


@given(st.lists(printed_amounts(), max_size=12))
def test_exact_parts_are_exact(parts: list[Decimal]) -> None:
    total = sum(parts, D(0))
    assert check_sum(total, parts).status is EXACT


def _true_values(max_size: int = 12) -> st.SearchStrategy[list[Decimal]]:
    # true amounts carry more digits than any document prints
    return st.lists(
        st.integers(-(10**10), 10**10).map(lambda n: D(n).scaleb(-6)),
        min_size=1,
        max_size=max_size,
    )


@given(_true_values())
def test_rounded_parts_and_total_are_never_inconsistent(true_parts: list[Decimal]) -> None:
    # The no-false-alarm property: every figure rounded honestly from the truth.
    printed_parts = [round_half_up(t, 2) for t in true_parts]
    printed_total = round_half_up(sum(true_parts, D(0)), 2)
    assert check_sum(printed_total, printed_parts).status is not INCONSISTENT


@given(_true_values(), st.data())
def test_mixed_precision_rounding_is_never_inconsistent(
    true_parts: list[Decimal], data: st.DataObject
) -> None:
    places = st.integers(1, 4)
    printed_parts = [round_half_up(t, data.draw(places)) for t in true_parts]
    printed_total = round_half_up(sum(true_parts, D(0)), data.draw(places))
    assert check_sum(printed_total, printed_parts).status is not INCONSISTENT


@given(
    st.lists(printed_amounts(max_places=0).map(lambda d: d.scaleb(-2)), min_size=1, max_size=12),
    st.integers(1, 1000),
    st.sampled_from([1, -1]),
)
def test_a_total_beyond_the_half_units_is_inconsistent(
    parts: list[Decimal], extra: int, sign: int
) -> None:
    # every figure has 2 decimals: the parts allow n·0.005, the total 0.005 more
    allowance = D("0.005") * (len(parts) + 1)
    shift = sign * (allowance + D(extra).scaleb(-3))
    total = round_half_up(sum(parts, D(0)) + shift, 2)
    assume(abs(total - sum(parts, D(0))) > allowance)
    result = check_sum(total, parts)
    assert result.status is INCONSISTENT
    assert result.excess == abs(result.difference) - allowance


@given(
    st.integers(-(10**10), 10**10),
    st.integers(1, 10**10),
    st.sampled_from([1, -1]),
)
def test_rounded_shares_are_never_inconsistent(part: int, whole: int, sign: int) -> None:
    true_part, true_whole = D(part).scaleb(-6), D(sign * whole).scaleb(-6)
    printed_whole = round_half_up(true_whole, 2)
    assume(printed_whole != 0)
    stated = _round_oracle(100 * Fraction(true_part) / Fraction(true_whole), 2)
    status = check_ratio(stated.quantize(D("0.01")), round_half_up(true_part, 2), printed_whole)
    assert status is not INCONSISTENT


@given(st.integers(-(10**10), 10**10), st.integers(20_000, 10**10), st.sampled_from([1, -1]))
def test_rounded_growth_rates_are_never_inconsistent(current: int, prior: int, sign: int) -> None:
    # |prior| ≥ 0.02, so the printed figures cannot make last year's amount exactly zero
    true_current, true_prior = D(current).scaleb(-6), D(sign * prior).scaleb(-6)
    stated = _round_oracle(
        100 * (Fraction(true_current) - Fraction(true_prior)) / Fraction(true_prior), 2
    ).quantize(D("0.01"))
    printed_current = round_half_up(true_current, 2)
    printed_change = round_half_up(true_current - true_prior, 2)
    printed_prior = round_half_up(true_prior, 2)
    assert check_rate(stated, printed_current, change_amount=printed_change) is not INCONSISTENT
    assert check_rate(stated, printed_current, prior=printed_prior) is not INCONSISTENT


@given(printed_amounts(max_places=2), printed_amounts(max_places=2))
def test_change_is_exact_and_its_rate_is_rounded_half_up(current: Decimal, prior: Decimal) -> None:
    result = change(current, prior)
    assert result.amount == current - prior
    assert prior_from_change(current, result.amount) == prior
    if prior == 0:
        assert result.rate is None
    else:
        expected = _round_oracle(100 * Fraction(current - prior) / Fraction(prior), 2)
        assert result.rate == expected
        assert result.rate is not None and decimal_places(result.rate) == 2


# --- slips of the pen: two digits swapped, a figure in the wrong unit ----------------------------------


@given(st.decimals(min_value=Decimal("10.00"), max_value=Decimal("99999999.99"), places=2), st.data())
def test_two_digits_swapped_are_found_and_nothing_else(value: Decimal, data: st.DataObject) -> None:
    from cnbudget.money import digits_swapped

    digits = list(f"{value:.2f}".replace(".", ""))
    first, second = data.draw(st.lists(st.integers(0, len(digits) - 1), min_size=2, max_size=2, unique=True))
    swapped = digits.copy()
    swapped[first], swapped[second] = swapped[second], swapped[first]
    assume(swapped[0] != "0" and digits[first] != digits[second])  # the same length, and a change
    other = Decimal("".join(swapped)).scaleb(-2)
    assert digits_swapped(other, value) and digits_swapped(value, other)
    assert not digits_swapped(value, value)
    one_digit_off = value - Decimal("0.01") if digits[-1] != "0" else value + Decimal("0.01")
    assert not digits_swapped(one_digit_off, value)


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2))
def test_a_figure_ten_thousand_times_over_is_in_the_wrong_unit(value: Decimal) -> None:
    from cnbudget.money import wrong_unit

    assert wrong_unit(value.scaleb(4), value) is AmountUnit.YUAN
    assert wrong_unit(value.scaleb(-4), value) is AmountUnit.WAN_YUAN
    assert wrong_unit(value, value) is None


def _rounds_from(value: Decimal) -> tuple[Fraction, Fraction]:
    """The values a printed figure stands for: itself ± half a unit of its last digit."""
    half = Fraction(1, 2) * Fraction(10) ** int(value.as_tuple().exponent)
    return Fraction(value) - half, Fraction(value) + half


_PRINTED = st.builds(lambda sign, coefficient, exponent: Decimal(sign * coefficient).scaleb(exponent),
                     st.sampled_from([1, -1]), st.integers(1, 10**7), st.integers(-6, 4))


@given(_PRINTED, st.one_of(_PRINTED, st.tuples(_PRINTED, st.sampled_from([-5, -4, -3, 3, 4, 5]),
                                              st.integers(-2, 2))))
@example(Decimal("9"), Decimal("0.001"))  # 0.0009 (from 0.00085–0.00095) against 0.0005–0.0015: three orders
@example(Decimal("1"), Decimal("0.00009"))  # 0.0001 (from 0.00005–0.00015) against 0.000085–0.000095: five
@example(Decimal("0.001"), Decimal("9"))
def test_the_wrong_unit_is_where_the_figures_round_from_values_ten_thousand_times_apart(
        stated: Decimal, other: Decimal | tuple[Decimal, int, int]) -> None:
    from cnbudget.money import wrong_unit

    # The expected figure: any printed figure, or the stated one some orders away, a little off.
    if isinstance(other, Decimal):
        expected = other
    else:
        _, orders, off = other
        shifted = stated.scaleb(orders)
        expected = shifted + Decimal(off).scaleb(int(shifted.as_tuple().exponent))
    assume(expected != 0)
    low, high = _rounds_from(expected)
    found = None
    for factor, unit in ((4, AmountUnit.YUAN), (-4, AmountUnit.WAN_YUAN)):
        shifted_low, shifted_high = _rounds_from(stated.scaleb(-factor))
        if shifted_low <= high and low <= shifted_high:
            found = unit
            break
    assert wrong_unit(stated, expected) is found
