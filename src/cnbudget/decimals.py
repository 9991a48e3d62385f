"""The decimal arithmetic of the library (十进制运算环境): a context of its own, and how large the
numbers it takes may be.

Python's decimal operators (``+``, ``-``, ``*``, ``/``, ``%``, ``abs``, formatting) round and trap
by the *caller's* context, a thread-local setting. A caller who set ``prec=3``, a trap or
``ROUND_DOWN`` would otherwise change the library's sums, make its checks raise, or print its
amounts differently. So every computation runs in a context of the library's own:
:func:`in_own_context` sets :data:`ARITHMETIC` for the duration of a public entry point
(reading, checking, scoring, serialising), and the arithmetic of :mod:`cnbudget.money` names its
context at each operation.

>>> import decimal
>>> from decimal import Decimal
>>> @in_own_context
... def total(*amounts: Decimal) -> Decimal:
...     return sum(amounts, Decimal(0))
>>> with decimal.localcontext(decimal.Context(prec=3)):
...     total(Decimal("1089.27"), Decimal("0.73"))
Decimal('1090.00')

Numbers are bounded where they enter (amounts, weights, target values: :func:`size_problem`): at
most :data:`MAX_WHOLE_DIGITS` digits before the decimal point and :data:`MAX_DECIMALS` after it.
The largest budget in yuan has 15 digits before the point and a figure converted from 元 to 亿元
has 10 after it, so nothing printed comes near; and sums and products of such numbers stay exact
in :data:`ARITHMETIC`, which keeps :data:`PRECISION` digits.

>>> size_problem(Decimal("1089.27")) is None
True
>>> size_problem(Decimal("1E+999999999"))
'1E+999999999 has 1000000000 digits before the decimal point; a number has at most 20 (位数过多)'
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import ParamSpec, TypeVar

__all__ = [
    "ARITHMETIC",
    "MAX_DECIMALS",
    "MAX_OPERAND_DIGITS",
    "MAX_WHOLE_DIGITS",
    "PRECISION",
    "WHOLE_LIMIT",
    "in_own_context",
    "make_context",
    "shown",
    "size_problem",
]

#: The most digits a number may have before its decimal point (整数位数上限).
MAX_WHOLE_DIGITS = 20
#: The least whole number with more digits than that: counts and amounts stay below it.
WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS
#: The most digits a number may have after its decimal point (小数位数上限).
MAX_DECIMALS = 20
#: The most digits before or after the point of a figure the arithmetic functions take: sums and
#: products of bounded numbers, which may be longer than the numbers themselves.
MAX_OPERAND_DIGITS = 60
#: The digits :data:`ARITHMETIC` keeps: a sum or product of operands is exact.
PRECISION = 200

_ORDINARY_TRAPS = (decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow)


def make_context(prec: int, rounding: str, traps: Iterable[type[decimal.DecimalException]] = _ORDINARY_TRAPS,
                 ) -> decimal.Context:
    """A context with every setting given, none copied from ``decimal.DefaultContext`` (which a
    caller may have changed before importing the library)."""
    return decimal.Context(prec=prec, rounding=rounding, Emin=-999_999, Emax=999_999, capitals=1, clamp=0,
                           flags=[], traps=list(traps))


#: The context the library computes in: exact for every sum of its numbers, halves rounded up
#: (四舍五入) where a result is rounded on purpose, an error rather than a silent NaN or infinity.
ARITHMETIC = make_context(PRECISION, decimal.ROUND_HALF_UP)

_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")


def in_own_context(function: Callable[_Params, _Result]) -> Callable[_Params, _Result]:
    """Run ``function`` in :data:`ARITHMETIC`, whatever context its caller set (the caller's is back
    afterwards). For functions that return their result: a generator would run later, outside."""

    @functools.wraps(function)
    def run(*args: _Params.args, **kwargs: _Params.kwargs) -> _Result:
        with decimal.localcontext(ARITHMETIC):
            return function(*args, **kwargs)

    return run


def _whole_digits(value: Decimal) -> int:
    return max(value.adjusted() + 1, 0) if not value.is_zero() else max(_exponent(value), 0)


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def size_problem(value: Decimal, *, limit: int = MAX_WHOLE_DIGITS, decimals: int = MAX_DECIMALS) -> str | None:
    """Why the finite ``value`` is too large or too finely divided to be a number of a document, or
    ``None`` when it is not: more than ``limit`` digits before the decimal point or ``decimals``
    after it (a zero too: ``0E+30`` and ``0E-30`` are no printed figures).

    >>> size_problem(Decimal("0.00000001")) is None, size_problem(Decimal("1E-21"))
    (True, '1E-21 has 21 digits after the decimal point; a number has at most 20 (小数位数过多)')
    """
    text = str(value)
    if len(text) <= min(limit, decimals) and "E" not in text and "e" not in text:
        return None  # the common case, without the slower as_tuple() below (hot in the checks)
    whole, after = _whole_digits(value), -_exponent(value)
    if whole > limit:
        return f"{shown(value)} has {whole} digits before the decimal point; a number has at most {limit} (位数过多)"
    if after > decimals:
        return (f"{shown(value)} has {after} digits after the decimal point; a number has at most {decimals} "
                "(小数位数过多)")
    return None


def shown(value: object, *, limit: int = 40) -> str:
    """``value`` for a message: text quoted, and cut short where it is long (a message must not
    repeat a megabyte of input).

    >>> shown("1,089.27"), shown("9" * 100)
    ("'1,089.27'", "'9999999999999999999999999999999999999999…' (100 characters)")
    """
    text = value if isinstance(value, str) else str(value)
    show = repr if isinstance(value, str) else str
    if len(text) <= limit:
        return show(text)
    return f"{show(text[:limit] + '…')} ({len(text)} characters)"
