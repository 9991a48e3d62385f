"""What the arithmetic of cnbudget.money says when it refuses an input: the argument it names, what
is wrong, in the words a user reads (messages worked out by hand, not copied from a run)."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from cnbudget import money
from cnbudget.errors import InvalidAmount
from cnbudget.money import (
    AmountUnit,
    Change,
    Consistency,
    Interval,
    SumCheck,
    change,
    check_rate,
    check_ratio,
    check_sum,
    check_summed,
    convert,
    decimal_places,
    digits_swapped,
    parse_amount,
    prior_from_change,
    rate_interval,
    ratio_interval,
    round_half_up,
    share,
    sum_differs,
    sum_parts,
    to_amount,
    to_figure,
    units_off,
    wrong_unit,
)

D = Decimal
FLOAT = 0.1  # never an amount: each call below passes it in one place
_FLOAT_SAYS = "float is never an amount; pass a Decimal or a string such as '1089.27' (got 0.1)"

_CALLS: list[tuple[str, Callable[[], object]]] = [
    ("amount to convert", lambda: convert(FLOAT, AmountUnit.YUAN, AmountUnit.WAN_YUAN)),  # type: ignore[arg-type]
    ("value to round", lambda: round_half_up(FLOAT)),  # type: ignore[arg-type]
    ("value", lambda: decimal_places(FLOAT)),  # type: ignore[arg-type]
    ("stated figure", lambda: units_off(FLOAT, Fraction(1))),  # type: ignore[arg-type]
    ("printed figure", lambda: digits_swapped(FLOAT, D(1))),  # type: ignore[arg-type]
    ("expected figure", lambda: digits_swapped(D(1), FLOAT)),  # type: ignore[arg-type]
    ("stated figure", lambda: wrong_unit(FLOAT, D(1))),  # type: ignore[arg-type]
    ("expected figure", lambda: wrong_unit(D(1), FLOAT)),  # type: ignore[arg-type]
    ("share part", lambda: share(FLOAT, D(1))),  # type: ignore[arg-type]
    ("share whole", lambda: share(D(1), FLOAT)),  # type: ignore[arg-type]
    ("current amount", lambda: change(FLOAT, D(1))),  # type: ignore[arg-type]
    ("prior amount", lambda: change(D(1), FLOAT)),  # type: ignore[arg-type]
    ("current amount", lambda: prior_from_change(FLOAT, D(1))),  # type: ignore[arg-type]
    ("change amount", lambda: prior_from_change(D(1), FLOAT)),  # type: ignore[arg-type]
    ("printed value", lambda: Interval.of_printed(FLOAT)),  # type: ignore[arg-type]
    ("total", lambda: check_sum(FLOAT, [])),  # type: ignore[arg-type]
    ("parts[1]", lambda: check_sum(D(1), [D(1), FLOAT])),  # type: ignore[list-item]
    ("numerator", lambda: ratio_interval(FLOAT, D(1))),  # type: ignore[arg-type]
    ("denominator", lambda: ratio_interval(D(1), FLOAT)),  # type: ignore[arg-type]
    ("stated percent", lambda: check_ratio(FLOAT, D(1), D(1))),  # type: ignore[arg-type]
    ("numerator", lambda: check_ratio(D(1), FLOAT, D(1))),  # type: ignore[arg-type]
    ("denominator", lambda: check_ratio(D(1), D(1), FLOAT)),  # type: ignore[arg-type]
    ("current amount", lambda: rate_interval(FLOAT, prior=D(1))),  # type: ignore[arg-type]
    ("prior amount", lambda: rate_interval(D(1), prior=FLOAT)),  # type: ignore[arg-type]
    ("change amount", lambda: rate_interval(D(1), change_amount=FLOAT)),  # type: ignore[arg-type]
    ("stated rate", lambda: check_rate(FLOAT, D(1), prior=D(1))),  # type: ignore[arg-type]
    ("amount", lambda: to_figure(FLOAT, where="amount")),
    ("parts[1]", lambda: sum_parts([D(1), FLOAT])),  # type: ignore[list-item]
    ("total", lambda: sum_differs(FLOAT, sum_parts([]))),  # type: ignore[arg-type]
    ("total", lambda: check_summed(FLOAT, sum_parts([]))),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("argument", "call"), _CALLS, ids=[f"{i}-{a}" for i, (a, _) in enumerate(_CALLS)])
def test_a_refused_input_is_named_by_its_argument(argument: str, call: Callable[[], object]) -> None:
    with pytest.raises(InvalidAmount) as caught:
        call()
    assert str(caught.value) == f"{argument}: {_FLOAT_SAYS}"


@pytest.mark.parametrize(("call", "message"), [
    (lambda: to_amount(True), "bool is never an amount (got True)"),
    (lambda: to_amount(10**20), "100000000000000000000 has more than 20 digits (位数过多)"),
    (lambda: to_amount(-(10**20)), "-100000000000000000000 has more than 20 digits (位数过多)"),
    (lambda: to_amount(None), "NoneType is not an amount; pass a Decimal or a string such as '1089.27' (got None)"),
    (lambda: to_amount(D("NaN"), where="lines[2].basic"), "lines[2].basic: NaN is never an amount; amounts are finite"),
    (lambda: to_amount("abc", where="lines[2].basic"), "lines[2].basic: not an amount: 'abc' (不是金额)"),
    (lambda: parse_amount(15), "not an amount: 15 (不是金额)"),  # type: ignore[arg-type]
    (lambda: parse_amount("1" + " " * 200),
     "not an amount: '1" + " " * 39 + "…' (201 characters) is too long to be one (不是金额)"),
    (lambda: AmountUnit.parse("千元"), "not an amount unit: '千元' (不是金额单位); expected 元, 万元 or 亿元"),
    (lambda: Interval(D(2), D(1)), "interval high 1 is below its low 2"),
    (lambda: share(D(5), D("0.00")), "share of a zero whole is undefined: 5 of 0.00 (总数为零，占比无意义)"),
    (lambda: check_ratio(D(5), D(1), D(0)),
     "a ratio with a zero denominator is undefined: 1 / 0 (分母为零，比率无意义)"),
    (lambda: check_rate(D(5), D(3), prior=D(0)),
     "a growth rate from a zero prior year is undefined: current 3, prior 0 (上年为零，增长率无意义)"),
    (lambda: check_rate(D(5), D(3), change_amount=D(3)),
     "a growth rate from a zero prior year is undefined: current 3, prior 0 (上年为零，增长率无意义)"),
    (lambda: round_half_up(D(1), 61), "cannot round to 61 decimal places (at most 60 either way)"),
    (lambda: round_half_up(D(1), -61), "cannot round to -61 decimal places (at most 60 either way)"),
])
def test_what_is_wrong_is_said(call: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        call()
    assert str(caught.value) == message


@pytest.mark.parametrize(("call", "message"), [
    (lambda: round_half_up(D(1), 2.0), "places must be an int, not float"),  # type: ignore[arg-type]
    (lambda: round_half_up(D(1), True), "places must be an int, not bool"),
    (lambda: check_rate(D(5), D(3)), "give exactly one of prior= and change_amount="),
    (lambda: check_rate(D(5), D(3), prior=D(1), change_amount=D(2)), "give exactly one of prior= and change_amount="),
])
def test_a_call_made_wrongly_is_a_type_error(call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError) as caught:
        call()
    assert str(caught.value) == message


def test_the_limits_themselves_are_accepted() -> None:
    assert to_amount(10**20 - 1) == D("99999999999999999999")
    assert parse_amount("1" + " " * 199) == D(1)  # 200 characters, spaces included
    assert decimal_places(round_half_up(D(1), 60)) == 60
    assert decimal_places(round_half_up(D(123), -60)) == -60


def test_ranges_and_their_ends_read_as_people_write_them() -> None:
    assert str(Interval.of_printed(D("1.00"))) == "[0.995, 1.005]"
    assert str(Interval(D("-1E+2"), D("3"))) == "[-100, 3]"


def test_fields_carry_chinese_labels() -> None:
    assert {f.name: f.metadata["zh"] for f in attrs.fields(Interval)} == {"low": "下限", "high": "上限"}
    assert {f.name: f.metadata["zh"] for f in attrs.fields(Change)} == {"amount": "增减额", "rate": "增减率(%)"}
    assert {f.name: f.metadata["zh"] for f in attrs.fields(SumCheck)} == {
        "total": "合计", "parts_sum": "分项之和", "difference": "差额", "status": "一致性", "excess": "超出舍入误差",
    }
    assert [(c.value, c.zh) for c in Consistency] == [
        ("exact", "一致"), ("within_rounding", "舍入误差内"), ("inconsistent", "不一致"),
    ]
    assert [(u.value, u.zh) for u in AmountUnit] == [("元", "元"), ("万元", "万元"), ("亿元", "亿元")]


def test_every_public_name_resolves() -> None:
    assert money.__all__ and all(hasattr(money, name) for name in money.__all__)


@pytest.mark.parametrize(("figure", "digits"), [(D("1" * 61), 61), (D("1E+61"), 62)])
def test_a_figure_too_long_is_refused_however_it_is_written(figure: Decimal, digits: int) -> None:
    with pytest.raises(InvalidAmount, match=f"has {digits} digits before the decimal point; a number has at most 60"):
        to_figure(figure)
    with decimal.localcontext() as context:
        context.capitals = 0  # str() then writes 1e+61
        with pytest.raises(InvalidAmount, match=f"has {digits} digits before the decimal point"):
            to_figure(figure)
