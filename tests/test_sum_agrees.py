"""Whether figures agree, asked alone (money.sum_agrees), is what check_sum finds (not INCONSISTENT),
counted as one comparison, with the same refusal of what is no figure; the callers that want only that
answer ask it so."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.errors import CnbudgetError
from cnbudget.money import Consistency, check_sum, counting_comparisons, sum_agrees

# Figures of every shape the arithmetic meets: printed to various places (exponents from -4 to +3),
# signed zeros, whole numbers without decimals, long figures; strings of figures and what is none.
_FIGURES = st.one_of(
    st.builds(lambda sign, digits, exponent: Decimal((sign, tuple(int(d) for d in str(digits)), exponent)),
              st.integers(0, 1), st.integers(0, 10**7), st.integers(-4, 3)),
    st.sampled_from([Decimal("0"), Decimal("-0.00"), Decimal("0E+2"), Decimal("1E+3"), Decimal("0.005"),
                     Decimal("12345678901234567890.12"), Decimal("1E+40")]),
)
_ODD: st.SearchStrategy[Any] = st.sampled_from(["1.00", "-2.5", "1,089.27", "abc", 1.5, None, Decimal("NaN"),
                                               Decimal("Infinity")])


def _outcome(call: Any) -> tuple[str, object]:
    with counting_comparisons() as made:
        try:
            answer: object = call()
        except CnbudgetError as error:  # refused: the same error, the same words
            answer = (type(error).__name__, str(error))
    return repr(answer), made[0]


@given(st.one_of(_FIGURES, _ODD), st.lists(st.one_of(_FIGURES, _FIGURES, _ODD), max_size=4))
@example(Decimal("1.00"), [Decimal("0.33")] * 3)  # within rounding
@example(Decimal("1.00"), [Decimal("0.33")] * 2)  # beyond it
@example(Decimal("1.00"), [Decimal("1.01")])  # the intervals touch at 1.005: the ends count
@example(Decimal("0"), [Decimal("0.004")])  # a zero without decimals is exact
@example(Decimal("-0.00"), [])
def test_agreeing_is_what_check_sum_finds(total: Any, parts: list[Any]) -> None:
    def plain() -> bool:
        return check_sum(total, parts).status is not Consistency.INCONSISTENT

    assert _outcome(lambda: sum_agrees(total, parts)) == _outcome(plain)
