"""An amount printed in the unit it is read into is taken as printed, without the conversion: what
it reads is what converting by no places gives, for every text (the same digits and exponent, or
the same refusal)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.money import AmountUnit, _bounded, convert, parse_amount, parse_amount_and_unit

_UNITS = st.sampled_from([None, *AmountUnit])
_PIECES = st.sampled_from(["0", "1", "9", "00", "123", ",", ".", "-", "—", "E+", "E-", "7", " ", "万元", "元", "亿元",
                           "０", "，", "．", "\u3000", "万"])
_TEXTS = st.one_of(
    st.lists(_PIECES, max_size=10).map("".join),
    st.tuples(st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(["", "元", "万元", "亿元"]))
    .map(lambda pair: f"{pair[0]}{pair[1]}"),
)


def _by_conversion(text: str, unit: AmountUnit | None) -> Decimal:
    """parse_amount with every suffixed amount converted, whatever its unit."""
    number, printed_unit = parse_amount_and_unit(text)
    if unit is None or printed_unit is None:
        return number
    return _bounded(convert(number, printed_unit, unit), where="")


def _outcome(read: Callable[[str, AmountUnit | None], Decimal], text: str, unit: AmountUnit | None,
             ) -> tuple[object, ...]:
    try:
        value = read(text, unit)
    except InvalidAmount as error:
        return ("refused", str(error))
    return ("read", type(value), value.as_tuple())


@settings(max_examples=3000)
@given(_TEXTS, _UNITS)
@example("0万元", AmountUnit.WAN_YUAN)  # an exact zero: Decimal(0)
@example("0E+3万元", AmountUnit.WAN_YUAN)  # an exact zero in the exponent form: Decimal(0), not 0E+3
@example("0.00万元", AmountUnit.WAN_YUAN)  # a zero with decimals keeps them
@example("-0.00元", AmountUnit.YUAN)
@example("1.2亿元", AmountUnit.WAN_YUAN)  # another unit: converted
@example("9" * 20 + ".5万元", AmountUnit.WAN_YUAN)
def test_an_amount_in_the_unit_asked_for_reads_as_converting_it_gives(text: str, unit: AmountUnit | None) -> None:
    assert _outcome(lambda t, u: parse_amount(t, unit=u), text, unit) == _outcome(_by_conversion, text, unit)
