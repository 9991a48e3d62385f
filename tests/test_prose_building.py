"""The statements and passages the prose reader builds without the constructor's checks
(:mod:`cnbudget.readers.prose.building`) are the constructor's: class, equality, hash, repr and
every field (line and page too, which equality leaves out); an amount the constructor refuses is
refused alike, with the same message."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.errors import InvalidAmount
from cnbudget.model import Passage, Statement
from cnbudget.model.narrative import ChangeBasis
from cnbudget.readers.prose.building import passage, statement

_TEXTS = st.text(max_size=12)
_OPTIONAL_TEXTS = st.none() | _TEXTS
_NUMBERS = st.none() | st.integers(min_value=0, max_value=10**6)
# Amounts as the reader makes them (printed figures, signed changes, a negative zero among them) and
# ones the constructor refuses (too many digits, too finely divided, not finite).
_AMOUNTS = st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=2,
                                   min_value=Decimal("-1e12"), max_value=Decimal("1e12")) \
    | st.sampled_from([Decimal("-0"), Decimal("-0.00"), Decimal("0E+3"), Decimal("1E+25"), Decimal("1E-21"),
                       Decimal("9" * 21), Decimal("NaN"), Decimal("Infinity"),
                       # about the length up to which a figure is taken without counting its digits
                       Decimal("9" * 20), Decimal("-" + "9" * 19), Decimal("-" + "9" * 20),
                       Decimal("0." + "0" * 19 + "1"), Decimal("1E-20"), Decimal("-0E-5"), Decimal("1e+3")])
_CODES = st.none() | st.sampled_from(["201", "20101", "2010101", "208"]).map(FunctionCode)
_BASES = st.none() | st.sampled_from(ChangeBasis)


def _fields(instance: Any) -> list[tuple[str, type[Any], Any]]:
    return [(field.name, type(getattr(instance, field.name)), getattr(instance, field.name))
            for field in attrs.fields(type(instance))]


def _assert_built_alike(fast: Any, slow: Any) -> None:
    assert type(fast) is type(slow)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert _fields(fast) == _fields(slow)


@given(st.fixed_dictionaries({
    "section": _OPTIONAL_TEXTS, "subject": _TEXTS, "code": _CODES, "amount": _AMOUNTS, "share": _AMOUNTS,
    "change_amount": _AMOUNTS, "change_rate": _AMOUNTS, "count": st.none() | st.integers(0, 999_999_999),
    "reason": _OPTIONAL_TEXTS, "text": _TEXTS, "compared_with": _BASES, "stated_prior": _AMOUNTS,
    "line_number": _NUMBERS, "page": _NUMBERS,
}))
def test_statement_is_the_constructed_one(fields: dict[str, Any]) -> None:
    try:
        slow = Statement(**fields)
    except InvalidAmount as error:
        with pytest.raises(InvalidAmount) as refused:
            statement(**fields)
        assert str(refused.value) == str(error)
        return
    _assert_built_alike(statement(**fields), slow)


@given(_TEXTS, st.booleans(), st.integers(min_value=1, max_value=10**6), _NUMBERS)
def test_passage_is_the_constructed_one(text: str, heading: bool, line: int, page: int | None) -> None:
    _assert_built_alike(passage(text, heading, line, page),
                        Passage(text=text, heading=heading, line_number=line, page=page))


def test_a_negative_zero_is_made_unsigned() -> None:
    built = statement(section=None, subject="公务接待费", code=None, amount=None, share=None,
                      change_amount=Decimal("-0.00"), change_rate=None, count=None, reason=None, text="",
                      compared_with=None, stated_prior=None, line_number=None, page=None)
    assert str(built.change_amount) == "0.00"
