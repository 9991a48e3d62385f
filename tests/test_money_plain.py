"""The fast way of reading a plainly printed amount (money._plain_amount_and_unit) against the full
parser (money._parsed_amount_and_unit): every text either parser accepts or refuses, the other gives
the same value, exponent, unit and error."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.money import AmountUnit, _parsed_amount_and_unit, _plain_amount_and_unit, parse_amount_and_unit

# What printed amounts are made of, and what comes near them: every character either parser looks at.
AMOUNT_CHARACTERS = "0123456789,.-+E元万亿 \t\u3000０１，．－—²①٣、。e"


def outcome(read: object, text: str) -> tuple[str, object]:
    """A parser's result on ``text`` as ('value', (digits tuple, unit)) or ('error', message)."""
    try:
        number, unit = read(text)  # type: ignore[operator]
    except InvalidAmount as error:
        return "error", str(error)
    return "value", (number.as_tuple(), unit)


plain_texts = st.builds(
    lambda whole, decimals, commas, unit: (f"{whole:,}" if commas else str(whole)) + decimals + unit,
    st.integers(0, 10**25),
    st.one_of(st.just(""), st.from_regex(r"\.[0-9]{0,22}", fullmatch=True)),
    st.booleans(),
    st.sampled_from(["", "元", "万元", "亿元", "元元", " 万元"]),
)

# Digits in groups of any size joined by commas (thousands groups are three): "1,2345", "12,34,567".
grouped_texts = st.builds(
    lambda groups, decimals, unit: ",".join(groups) + decimals + unit,
    st.lists(st.from_regex(r"[0-9]{2,4}", fullmatch=True), min_size=1, max_size=4),
    st.sampled_from(["", ".5", ".", ".,5"]),
    st.sampled_from(["", "元", "万元"]),
)


@given(st.one_of(st.text(AMOUNT_CHARACTERS, max_size=30), plain_texts, grouped_texts, st.text(max_size=12)))
@example("0")
@example("1,234.50万元")
@example("12345678901234567890")  # 20 digits: the most the fast way reads
@example("123456789012345678901")  # 21: left to the full parser
@example("1,23")
@example("1,2345")
@example("1234,567")
@example(",123")
@example("万元")
@example("５.5")
def test_the_fast_way_reads_as_the_full_parser(text: str) -> None:
    full = outcome(_parsed_amount_and_unit, text)
    assert outcome(parse_amount_and_unit, text) == full
    plain = _plain_amount_and_unit(text)
    if plain is not None:  # what the fast way reads, the full parser reads alike
        assert full == ("value", (plain[0].as_tuple(), plain[1]))


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("2,260.66", "2260.66", None),  # seed 001: worked by hand
        ("6592.80万元", "6592.80", AmountUnit.WAN_YUAN),
        ("17元", "17", AmountUnit.YUAN),
        ("0.00", "0.00", None),
    ],
)
def test_the_fast_way_reads_plain_amounts(text: str, number: str, unit: AmountUnit | None) -> None:
    assert _plain_amount_and_unit(text) == (Decimal(number), unit)
    assert _plain_amount_and_unit(text)[0].as_tuple() == Decimal(number).as_tuple()  # type: ignore[index]


@pytest.mark.parametrize("text", ["-5", " 5", "5 万元", "1,23", ",123", "5.", ".5", "１", "1E-7", "", "-", 15])
def test_the_fast_way_leaves_other_texts_to_the_full_parser(text: object) -> None:
    assert _plain_amount_and_unit(text) is None
