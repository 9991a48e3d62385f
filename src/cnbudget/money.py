"""Amounts of money (金额): parsing, units, rounding, shares, change and rounding-aware checks.

Amounts are :class:`decimal.Decimal`, never ``float``. A Decimal keeps the exponent it was
written with, so ``Decimal("5.60")`` remembers that the document printed two decimals; the
rounding-aware checks below read the printed precision from that exponent.

Parsing accepts what documents print (thousands separators, full-width digits, dash
placeholders, a unit suffix):

>>> parse_amount("１，０８９．２７")
Decimal('1089.27')
>>> parse_amount("83616.92元", unit=AmountUnit.WAN_YUAN)
Decimal('8.361692')

Shares and year-over-year change, rounded half up (四舍五入) as Chinese public finance does:

>>> share(Decimal("2022.69"), Decimal("3166.28"))
Decimal('63.88')
>>> change(Decimal("2022.69"), Decimal("1814.15"))
Change(amount=Decimal('208.54'), rate=Decimal('11.50'))

**Rounding-aware comparison** (the idea of XBRL Calculations 1.1). A figure printed with *d*
decimals stands for every true value that rounds to it, the closed interval
``[v - ½·10⁻ᵈ, v + ½·10⁻ᵈ]``. The intervals of printed parts add up (low ends add, high ends
add), and a printed total is consistent with its parts when its interval meets the interval of
their sum. Nothing else is tolerated: there is no fixed tolerance anywhere, so a difference is
accepted exactly when rounding can explain it, and the larger the number of parts, the larger the
difference rounding can explain.

>>> check_sum(Decimal("1.00"), [Decimal("0.33"), Decimal("0.33"), Decimal("0.33")]).status
<Consistency.WITHIN_ROUNDING: 'within_rounding'>
>>> check_sum(Decimal("1.00"), [Decimal("0.33"), Decimal("0.33")]).status
<Consistency.INCONSISTENT: 'inconsistent'>

One exception to "the exponent is the precision": a zero written without decimals — what a blank
cell, a dash placeholder or the integer ``0`` gives — is an exact zero, because a blank cell
means nothing was budgeted, not "something below 0.5".

For a ratio (a share ``100·n/d`` or a growth rate) the true value lies between the smallest and
the largest ratio the printed intervals allow. The ratio is monotone in each input while the
others stay fixed (the denominator's interval must not contain zero), so the extremes are found
at the corners of the intervals; they are computed exactly with fractions and rounded outwards.
A stated percentage is consistent when its own interval meets that range.
"""

from __future__ import annotations

import contextlib
import contextvars
import decimal
import enum
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, cast

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.decimals import (
    MAX_OPERAND_DIGITS,
    MAX_WHOLE_DIGITS,
    PRECISION,
    WHOLE_LIMIT,
    make_context,
    shown,
    size_problem,
)
from cnbudget.errors import InvalidAmount
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.text import normalize_width

__all__ = [
    "AmountUnit",
    "Change",
    "Consistency",
    "Interval",
    "SumCheck",
    "SummedParts",
    "amounts_differ_from_sum",
    "change",
    "check_equal",
    "check_rate",
    "check_ratio",
    "check_sum",
    "check_summed",
    "checked_sum_check",
    "convert",
    "count_comparisons",
    "counting_comparisons",
    "decimal_places",
    "differs_from_sum",
    "digits_swapped",
    "exact_sums",
    "exact_total",
    "implied_rate",
    "is_rounding_of",
    "ordinary_operand",
    "parse_amount",
    "parse_amount_and_unit",
    "prior_from_change",
    "rate_interval",
    "ratio_interval",
    "round_half_up",
    "share",
    "sum_agrees",
    "sum_differs",
    "sum_parts",
    "to_amount",
    "to_figure",
    "units_off",
    "wrong_unit",
]

# Every operation below names its context, so that the caller's never applies (cnbudget.decimals).
# Sums, differences and unit shifts must be exact: far more digits than any operand has, and a
# trap so that running out of digits is an error rather than a silent rounding.
_EXACT = make_context(
    PRECISION, decimal.ROUND_HALF_EVEN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)
_HALF_UP = make_context(PRECISION, decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation, decimal.Overflow])
# Ratio bounds are rounded outwards, so a range is never narrower than the truth.
_FLOOR = make_context(50, decimal.ROUND_FLOOR)
_CEILING = make_context(50, decimal.ROUND_CEILING)

_ZERO = Decimal(0)
_HUNDRED = Fraction(100)


# ---------------------------------------------------------------------------------------------
# Units


class AmountUnit(enum.Enum):
    """The unit amounts are printed in (金额单位): 元, 万元 or 亿元.

    >>> AmountUnit.WAN_YUAN.factor
    Decimal('10000')
    >>> AmountUnit.parse(" 万元 ")
    <AmountUnit.WAN_YUAN: '万元'>
    """

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def zh(self) -> str:
        """The Chinese name of the unit.

        >>> AmountUnit.YI_YUAN.zh
        '亿元'
        """
        return self.value

    @property
    def factor(self) -> Decimal:
        """How many 元 one of this unit is.

        >>> AmountUnit.YI_YUAN.factor
        Decimal('100000000')
        """
        return Decimal(10 ** _POWER_OF_TEN[self])

    @classmethod
    def parse(cls, text: str) -> AmountUnit:
        """The unit named by ``text`` (元, 万元 or 亿元, surrounding spaces allowed).

        >>> AmountUnit.parse("元")
        <AmountUnit.YUAN: '元'>
        >>> AmountUnit.parse("千元")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        cnbudget.errors.InvalidAmount: not an amount unit: '千元' (不是金额单位); expected ...
        """
        name = normalize_width(text).strip() if isinstance(text, str) else None
        for unit in cls:
            if unit.value == name:
                return unit
        raise InvalidAmount(
            f"not an amount unit: {text!r} (不是金额单位); expected 元, 万元 or 亿元"
        )


_POWER_OF_TEN = {AmountUnit.YUAN: 0, AmountUnit.WAN_YUAN: 4, AmountUnit.YI_YUAN: 8}


def convert(amount: Decimal, from_unit: AmountUnit, to_unit: AmountUnit) -> Decimal:
    """Express ``amount`` in another unit, exactly (单位换算, no rounding).

    Units differ by powers of ten, so conversion shifts the decimal point and keeps the printed
    precision: 6592.8 万元 is known to the nearest 1,000 元, and in 元 it reads ``6.5928E+7``
    (equal to 65928000; print it with ``f"{x:f}"``). An exact zero stays ``Decimal('0')``.

    >>> convert(Decimal("83616.92"), AmountUnit.YUAN, AmountUnit.WAN_YUAN)
    Decimal('8.361692')
    >>> convert(Decimal("6592.8"), AmountUnit.WAN_YUAN, AmountUnit.YUAN) == 65928000
    True
    >>> convert(convert(Decimal("0.0"), AmountUnit.WAN_YUAN, AmountUnit.YUAN), AmountUnit.YUAN, AmountUnit.WAN_YUAN)
    Decimal('0.0')
    """
    amount = _operand(amount, where="amount to convert")
    # An exact zero stays one; into another unit, only a zero printed whole (exponent 0) is exact:
    # a zero converted before (0.0 万元 is 0E+3 元, known to the nearest thousand) keeps its
    # precision, so converting it back gives 0.0 again.
    if _is_exact_zero(amount) and (from_unit is to_unit or _exponent(amount) == 0):
        return _ZERO
    return amount.scaleb(_POWER_OF_TEN[from_unit] - _POWER_OF_TEN[to_unit], context=_EXACT)


# ---------------------------------------------------------------------------------------------
# Parsing and the gate for Python values

# What documents print in an amount, folded to ASCII: full-width digits, the full-width comma and
# point, minus signs and dashes, the ideographic and no-break spaces. Nothing else is folded, so
# superscripts (²³), circled digits (①), other scripts' digits (٣٤) and look-alike punctuation
# (、 。) are not amounts.
_AMOUNT_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "，": ",",
        "．": ".",
        "－": "-",
        "—": "-",
        "–": "-",
        "−": "-",
        "\u3000": " ",
        "\xa0": " ",
    }
)
_NUMBER = re.compile(
    r"(?P<number>-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
    # The exponent form str(Decimal) writes (1E-7, 6.5928E+7), so that every amount reads back.
    r"|-?[0-9](?:\.[0-9]+)?E[+-][0-9]{1,6})"
    r"\s*(?P<unit>亿元|万元|元)?"
)
_PLACEHOLDER = re.compile(r"-*")  # blank, "-", "--", "—", "——": nothing budgeted
# Far longer than any printed amount with its spaces; longer text is refused before it is read.
_MAX_AMOUNT_TEXT = 200


def parse_amount_and_unit(text: str) -> tuple[Decimal, AmountUnit | None]:
    """Read a printed amount and its unit suffix, if any (解析金额及单位).

    >>> parse_amount_and_unit("6592.8万元")
    (Decimal('6592.8'), <AmountUnit.WAN_YUAN: '万元'>)
    >>> parse_amount_and_unit("2,260.66")
    (Decimal('2260.66'), None)
    """
    plain = _plain_amount_and_unit(text)
    if plain is not None:
        return plain
    return _parsed_amount_and_unit(text)


# A unit of two characters, as it ends an amount (元 alone ends it in one).
_TWO_CHARACTER_UNITS = {unit.value: unit for unit in AmountUnit if len(unit.value) == 2}
# Most digits a plain amount has for the fast way; it then needs no size check (none has more than 20).
_MAX_PLAIN_DIGITS = 20


def _plain_amount_and_unit(text: object) -> tuple[Decimal, AmountUnit | None] | None:
    """What :func:`_parsed_amount_and_unit` gives an amount printed plainly, as nearly every one is
    (ASCII digits, a point, thousands commas in groups of three, a unit right after, at most 20
    digits), found without folding, stripping and patterns; ``None`` for any other text, which the
    full parser then reads or refuses."""
    if type(text) is not str:
        return None
    unit: AmountUnit | None = None
    number = text
    if text.endswith("元"):
        unit = _TWO_CHARACTER_UNITS.get(text[-2:])
        if unit is None:
            unit, number = AmountUnit.YUAN, text[:-1]
        else:
            number = text[:-2]
    if not number.isascii():  # ASCII only: str.isdigit below then accepts 0-9 alone
        return None
    whole, point, decimals = number.partition(".")
    if "," in whole:
        groups = whole.split(",")
        if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return None
        whole = "".join(groups)
    if not whole.isdigit() or (point and not decimals.isdigit()) or len(whole) + len(decimals) > _MAX_PLAIN_DIGITS:
        return None
    return Decimal(whole + point + decimals), unit  # unsigned: never a negative zero


def _parsed_amount_and_unit(text: object) -> tuple[Decimal, AmountUnit | None]:
    """:func:`parse_amount_and_unit` the full way: text folded, stripped and matched."""
    if not isinstance(text, str):
        raise InvalidAmount(f"not an amount: {shown(text)} (不是金额)")
    if len(text) > _MAX_AMOUNT_TEXT:
        raise InvalidAmount(f"not an amount: {shown(text)} is too long to be one (不是金额)")
    compact = text.translate(_AMOUNT_FOLD).strip()
    if _PLACEHOLDER.fullmatch(compact):
        return _ZERO, None
    match = _NUMBER.fullmatch(compact)
    if match is None:
        raise InvalidAmount(f"not an amount: {shown(text)} (不是金额)")
    number = _bounded(_unsigned_zero(Decimal(match["number"].replace(",", ""))), where="")
    unit = _UNIT_NAMED[match["unit"]] if match["unit"] else None
    return number, unit


_UNIT_NAMED = {unit.value: unit for unit in AmountUnit}  # AmountUnit(name) without the Enum call


def parse_amount(text: str, *, unit: AmountUnit | None = None) -> Decimal:
    """Read an amount as documents print it (解析金额).

    Accepts ASCII and full-width digits, thousands separators in groups of three, the full-width
    comma and point, spaces around, a leading minus, a unit suffix (元/万元/亿元), and blank or
    dash placeholders (``""``, ``"-"``, ``"—"``, ``"－"``, ``"--"``), which mean zero. Other
    characters are refused, digits of other kinds (``²``, ``①``, ``٣``) and look-alike
    punctuation (``、``, ``。``) included. The result keeps the printed exponent: ``"5.60"`` gives
    ``Decimal('5.60')``. What ``str()`` writes of an amount reads back as the same amount, the
    exponent form included (``"1E-7"``); other exponent forms are no amounts.

    At most 20 digits before the decimal point and 20 after (:mod:`cnbudget.decimals`), also after a
    conversion.

    Without ``unit`` the number is returned as printed and a suffix is dropped. With ``unit``, a
    suffixed amount is converted into ``unit`` and an unsuffixed one is taken to be in ``unit``.

    >>> parse_amount("1,089.27"), parse_amount("5.60"), parse_amount("—")
    (Decimal('1089.27'), Decimal('5.60'), Decimal('0'))
    >>> parse_amount("1.2亿元", unit=AmountUnit.WAN_YUAN) == 12000
    True
    >>> parse_amount(str(Decimal("1E-7")))
    Decimal('1E-7')
    >>> parse_amount("1e5")
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidAmount: not an amount: '1e5' (不是金额)
    """
    number, printed_unit = parse_amount_and_unit(text)
    if unit is None or printed_unit is None:
        return number
    if printed_unit is unit:  # printed in the unit asked for (most amounts): convert shifts by nothing
        return _ZERO if _is_exact_zero(number) else number
    return _bounded(convert(number, printed_unit, unit), where="")


def to_amount(value: object, *, where: str = "", unit: AmountUnit | None = None) -> Decimal:
    """The one gate for amounts given as Python values (金额校验).

    Accepts a finite ``Decimal`` (returned as is), an ``int`` and a ``str`` (read with
    :func:`parse_amount`, passing ``unit`` on), each of at most 20 digits before the decimal point
    and 20 after it. Everything else is refused with :class:`~cnbudget.errors.InvalidAmount` (a
    ``ValueError``), wrong types included, so one ``except`` clause catches every bad amount.
    ``where`` names the place in the message.

    >>> to_amount(612), to_amount("1,089.27")
    (Decimal('612'), Decimal('1089.27'))
    >>> to_amount(0.1, where="lines[3].basic")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidAmount: lines[3].basic: float is never an amount; pass a Decimal or ...
    """
    if isinstance(value, Decimal):
        return _bounded(_finite(value, where), where)
    if isinstance(value, bool):  # before int: bool is a subclass of int
        raise InvalidAmount(_at(where, f"bool is never an amount (got {value!r})"))
    if isinstance(value, int):
        if abs(value) >= WHOLE_LIMIT:
            raise InvalidAmount(_at(where, f"{shown(value)} has more than {MAX_WHOLE_DIGITS} digits (位数过多)"))
        return Decimal(int(value))
    if isinstance(value, str):
        try:
            return parse_amount(value, unit=unit)
        except InvalidAmount as error:
            if not where:
                raise
            raise InvalidAmount(_at(where, str(error))) from None
    if isinstance(value, float):
        raise InvalidAmount(
            _at(
                where,
                "float is never an amount; pass a Decimal or a string such as '1089.27'"
                f" (got {value!r})",
            )
        )
    raise InvalidAmount(
        _at(
            where,
            f"{type(value).__name__} is not an amount; pass a Decimal or a string such as"
            f" '1089.27' (got {shown(value)})",
        )
    )


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def _finite(value: Decimal, where: str) -> Decimal:
    if not value.is_finite():
        raise InvalidAmount(_at(where, f"{value} is never an amount; amounts are finite"))
    return _unsigned_zero(value)


def _bounded(value: Decimal, where: str) -> Decimal:
    problem = size_problem(value)
    if problem is not None:
        raise InvalidAmount(_at(where, problem))
    return value


def ordinary_operand(value: object, limit: int = MAX_OPERAND_DIGITS) -> Decimal | None:
    """``value`` as the arithmetic functions take it where it is an ordinary figure (a finite Decimal
    written in at most ``limit`` characters without an exponent, a zero unsigned): what
    :func:`_operand` gives, found without its slower checks; ``None`` for anything else, which
    :func:`_operand` then looks at (the checks run for every figure). With a lower ``limit``, the same
    quick look serves a stricter gate (an amount's: a figure that short is within its bounds).

    >>> ordinary_operand(Decimal("-0.00")), ordinary_operand(Decimal("1E+3")), ordinary_operand(None)
    (Decimal('0.00'), None, None)
    >>> ordinary_operand(Decimal("12345.67"), limit=5)
    """
    if type(value) is Decimal and value.is_finite():
        if value.is_zero():
            value = value.copy_abs()
        text = str(value)
        if len(text) <= limit and "E" not in text and "e" not in text:  # capitals=0 prints "e"
            return value
    return None


def _operand(value: object, *, where: str) -> Decimal:
    """An input of the arithmetic functions: an amount (see :func:`to_amount`) or a Decimal made of
    amounts (a sum, a product), which may be longer, up to the digits the exact context holds."""
    plain = ordinary_operand(value)
    if plain is not None:
        return plain
    if not isinstance(value, Decimal):
        return to_amount(value, where=where)
    value = _finite(value, where)
    problem = size_problem(value, limit=MAX_OPERAND_DIGITS, decimals=MAX_OPERAND_DIGITS)
    if problem is not None:
        raise InvalidAmount(_at(where, problem))
    return value


def to_figure(value: object, *, where: str = "") -> Decimal:
    """The gate for figures computed from amounts (计算所得数): a sum, a difference, an amount in
    another unit. Such a figure may be longer than an amount, up to 60 digits before or after the
    decimal point; anything else is refused with :class:`~cnbudget.errors.InvalidAmount`.

    >>> to_figure(Decimal("123456789012345678901234567890.5"))
    Decimal('123456789012345678901234567890.5')
    """
    return _operand(value, where=where)


def _figure(_instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    """The validator of the figures of this module's results (a range's ends, a change)."""
    _operand(value, where=attribute.name)


def _unsigned_zero(value: Decimal) -> Decimal:
    # "-0.00" is printed zero; a signed zero would leak into output as "-0.00".
    return value.copy_abs() if value.is_zero() else value


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # only NaN and Infinity have a letter here
        raise InvalidAmount(f"{value} is never an amount; amounts are finite")
    return exponent


def _is_exact_zero(value: Decimal) -> bool:
    return value.is_zero() and _exponent(value) >= 0


# ---------------------------------------------------------------------------------------------
# Rounding, shares, change


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, halves away from zero (四舍五入).

    >>> round_half_up(Decimal("2.675")), round_half_up(Decimal("-2.675"))
    (Decimal('2.68'), Decimal('-2.68'))
    >>> round_half_up(Decimal("2.5"), 0)
    Decimal('3')
    """
    value = _operand(value, where="value to round")
    return _unsigned_zero(value.quantize(Decimal((0, (1,), -_places(places))), context=_HALF_UP))


def is_rounding_of(printed: Decimal, precise: Decimal) -> bool:
    """Whether ``printed`` is ``precise`` rounded half up to the places ``printed`` shows (and shows
    fewer places): the text's 37,151.47 万元 for the table's 371,514,655.00 元 is that figure, rounded.

    >>> is_rounding_of(Decimal("3.715147E+8"), Decimal("371514655.00"))
    True
    >>> is_rounding_of(Decimal("2022.7"), Decimal("2022.69"))
    True
    >>> is_rounding_of(Decimal("2022.6"), Decimal("2022.69")), is_rounding_of(Decimal("2022.69"), Decimal("2022.69"))
    (False, False)
    """
    places = decimal_places(printed)
    return places < decimal_places(precise) and round_half_up(precise, places) == printed


def decimal_places(value: Decimal) -> int:
    """The number of decimals an amount was printed with (小数位数), read from its exponent.

    Integers give 0; a figure known only to tens or thousands (after :func:`convert` to a smaller
    unit) gives a negative number.

    >>> decimal_places(Decimal("5.60")), decimal_places(Decimal("612"))
    (2, 0)
    >>> decimal_places(Decimal("1.2E+4"))
    -3
    """
    return -_exponent(_operand(value, where="value"))


def units_off(stated: Decimal, exact: Fraction | Decimal) -> Fraction:
    """How far a stated figure is from the exact value, in units of its own last printed digit
    (相差几个末位单位): under 1 is rounding (or truncation), 1 to 2 a slip of the last digit.

    >>> round(float(units_off(Decimal("10.15"), Fraction(222878, 2194096) * 100)), 2)
    0.81
    >>> round(float(units_off(Decimal("10.06"), Fraction(221439, 2195535) * 100)), 2)
    2.59
    """
    stated = _operand(stated, where="stated figure")
    unit = Fraction(1, 10 ** decimal_places(stated)) if decimal_places(stated) >= 0 else \
        Fraction(10 ** -decimal_places(stated))
    return abs(Fraction(stated) - Fraction(exact)) / unit


def digits_swapped(printed: Decimal, expected: Decimal) -> bool:
    """Whether ``printed`` is ``expected`` with two of its digits swapped (数字颠倒), the slip of a
    figure copied by hand: 2,018.55 for 2,081.55. Both are read to the finer of their precisions;
    figures of different length or sign, or that differ in other digits too, are not.

    >>> digits_swapped(Decimal("2018.55"), Decimal("2081.55")), digits_swapped(Decimal("2081.55"), Decimal("2081.55"))
    (True, False)
    >>> digits_swapped(Decimal("2018.56"), Decimal("2081.55")), digits_swapped(Decimal("208.15"), Decimal("2081.5"))
    (False, False)
    """
    printed = _operand(printed, where="printed figure")
    expected = _operand(expected, where="expected figure")
    if (printed < 0) != (expected < 0):
        return False
    places = max(decimal_places(printed), decimal_places(expected), 0)
    # Widening to more places never rounds, so no context applies.
    first, second = (f"{value.copy_abs():.{places}f}".replace(".", "") for value in (printed, expected))
    if len(first) != len(second):
        return False
    differ = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    return len(differ) == 2 and first[differ[0]] == second[differ[1]] and first[differ[1]] == second[differ[0]]


def wrong_unit(stated: Decimal, expected: Decimal) -> AmountUnit | None:
    """The unit a stated amount was really printed in, where it is ``expected`` written in the wrong
    unit: 10,000 times it (an amount in 元 written as 万元) or a 10,000th of it (万元 written as 元).
    Each figure stands for the interval it rounds; ``None`` where the figures are not so related.

    >>> wrong_unit(Decimal("6964796"), Decimal("696.48")), wrong_unit(Decimal("0.069648"), Decimal("696.48"))
    (<AmountUnit.YUAN: '元'>, <AmountUnit.WAN_YUAN: '万元'>)
    >>> wrong_unit(Decimal("696.48"), Decimal("696.48")) is None, wrong_unit(Decimal("0"), Decimal("0")) is None
    (True, True)
    """
    stated = _operand(stated, where="stated figure")
    expected = _operand(expected, where="expected figure")
    if stated.is_zero() or expected.is_zero():
        return None
    # A printed figure stands for values within half and one and a half times it, so figures 10,000
    # times apart (either way) are three to five orders apart: most pairs are told by their orders.
    if abs(stated.adjusted() - expected.adjusted()) not in (3, 4, 5):
        return None
    for factor, unit in ((4, AmountUnit.YUAN), (-4, AmountUnit.WAN_YUAN)):
        shifted = Interval.of_printed(stated.scaleb(-factor, context=_EXACT))
        if shifted.overlaps(Interval.of_printed(expected)):
            return unit
    return None


def _places(places: object) -> int:
    # A number of decimals to round to: within what an operand can have, so that the result fits.
    if isinstance(places, bool) or not isinstance(places, int):
        raise TypeError(f"places must be an int, not {type(places).__name__}")
    if abs(places) > MAX_OPERAND_DIGITS:
        raise InvalidAmount(f"cannot round to {places} decimal places (at most {MAX_OPERAND_DIGITS} either way)")
    return places


def _round_fraction(value: Fraction, places: int) -> Decimal:
    # Exact half-up rounding of a rational number: no intermediate decimal can go astray.
    places = _places(places)
    scaled = abs(value) * Fraction(10) ** places
    units = int(scaled + Fraction(1, 2))  # floor, since the value is non-negative
    sign = 1 if value < 0 and units else 0
    return Decimal((sign, tuple(int(d) for d in str(units)), -places))


def _round_quotient(numerator: int, denominator: int, places: int) -> Decimal:
    """:func:`_round_fraction` of ``numerator / denominator`` (a non-zero denominator), in whole
    numbers: the rates and shares the checks hold are worked out without a Fraction for each step."""
    places = _places(places)
    if places < 0:
        return _round_fraction(Fraction(numerator, denominator), places)
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    units = (2 * abs(numerator) * 10**places + denominator) // (2 * denominator)  # floor(|q|·10^places + ½)
    sign = 1 if numerator < 0 and units else 0
    return Decimal((sign, tuple(int(d) for d in str(units)), -places))


def share(part: Decimal, whole: Decimal, *, places: int = 2) -> Decimal:
    """The percentage ``part`` is of ``whole`` (占比), rounded half up to ``places``.

    >>> share(Decimal("237.97"), Decimal("3166.28"))
    Decimal('7.52')
    >>> share(Decimal("5"), Decimal("0"))
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidAmount: share of a zero whole is undefined: 5 of 0 (总数为零，占比无意义)
    """
    part = _operand(part, where="share part")
    whole = _operand(whole, where="share whole")
    if whole.is_zero():
        raise InvalidAmount(
            f"share of a zero whole is undefined: {part} of {whole} (总数为零，占比无意义)"
        )
    return _round_fraction(_HUNDRED * Fraction(part) / Fraction(whole), places)


def _sign_word(value: Decimal, up: str, down: str) -> str:
    if value > 0:
        return up
    if value < 0:
        return down
    return "持平"


@attrs.frozen(kw_only=True)
class Change:
    """A year-over-year change (比上年增减): the amount and the growth rate in percent.

    ``amount`` is current − prior, exact; ``rate`` is ``100 · amount / prior`` rounded half up,
    or ``None`` when the prior year was zero (a rate from nothing is undefined, although
    documents often print 100.00% then).

    >>> c = change(Decimal("237.97"), Decimal("705.71"))
    >>> c.amount, c.rate, c.amount_word, c.rate_word
    (Decimal('-467.74'), Decimal('-66.28'), '减少', '下降')
    """

    amount: Decimal = attrs.field(
        validator=[attrs.validators.instance_of(Decimal), _figure], metadata={"zh": "增减额"}
    )
    rate: Decimal | None = attrs.field(
        validator=attrs.validators.optional([attrs.validators.instance_of(Decimal), _figure]),
        metadata={"zh": "增减率(%)"},
    )

    @property
    def amount_word(self) -> str:
        """增加, 减少 or 持平, by the sign of the amount.

        >>> Change(amount=Decimal("208.54"), rate=Decimal("11.50")).amount_word
        '增加'
        """
        return _sign_word(self.amount, "增加", "减少")

    @property
    def rate_word(self) -> str:
        """增长, 下降 or 持平, by the sign of the amount (so the two words always agree).

        >>> Change(amount=Decimal("-0.50"), rate=Decimal("-50.00")).rate_word
        '下降'
        """
        return _sign_word(self.amount, "增长", "下降")

    def describe(self, unit: AmountUnit | None = None) -> str:
        """The change as a budget narrative words it, magnitudes without sign.

        >>> change(Decimal("2022.69"), Decimal("1814.15")).describe(AmountUnit.WAN_YUAN)
        '比上年增加 208.54 万元，增长 11.50%'
        >>> change(Decimal("17.03"), Decimal("0")).describe()
        '比上年增加 17.03（上年为零，无增长率）'
        >>> change(Decimal("5.00"), Decimal("5.00")).describe()
        '与上年持平'
        """
        if self.amount.is_zero():
            return "与上年持平"
        suffix = f" {unit.zh}" if unit is not None else ""
        text = f"比上年{self.amount_word} {self.amount.copy_abs():,f}{suffix}"
        if self.rate is None:
            return f"{text}（上年为零，无增长率）"
        return f"{text}，{self.rate_word} {self.rate.copy_abs():,f}%"


def change(current: Decimal, prior: Decimal, *, places: int = 2) -> Change:
    """The change from ``prior`` to ``current`` (比上年增减): exact amount, rate rounded half up.

    >>> change(Decimal("905.62"), Decimal("254.28"))
    Change(amount=Decimal('651.34'), rate=Decimal('256.15'))
    >>> change(Decimal("17.03"), Decimal("0")).rate is None
    True
    """
    current = _operand(current, where="current amount")
    prior = _operand(prior, where="prior amount")
    amount = _unsigned_zero(_EXACT.subtract(current, prior))
    if prior.is_zero():
        return Change(amount=amount, rate=None)
    return Change(
        amount=amount, rate=_round_fraction(_HUNDRED * Fraction(amount) / Fraction(prior), places)
    )


def prior_from_change(current: Decimal, change_amount: Decimal) -> Decimal:
    """Last year's amount recovered from this year's and the stated change (上年数).

    >>> prior_from_change(Decimal("2022.69"), Decimal("208.54"))
    Decimal('1814.15')
    """
    current = _operand(current, where="current amount")
    change_amount = _operand(change_amount, where="change amount")
    return _unsigned_zero(_EXACT.subtract(current, change_amount))


def implied_rate(current: Decimal, change_amount: Decimal, *, places: int = 2) -> Decimal | None:
    """The growth rate implied by this year's amount and the stated change (隐含增长率).

    ``None`` when the implied prior year is zero.

    >>> implied_rate(Decimal("2022.69"), Decimal("208.54"))
    Decimal('11.50')
    """
    prior = prior_from_change(current, change_amount)
    return change(current, prior, places=places).rate


# ---------------------------------------------------------------------------------------------
# Rounding-aware comparison


def _printed_ends(value: Decimal) -> tuple[Decimal, Decimal]:
    """The ends of the values a printed figure stands for (see :meth:`Interval.of_printed`)."""
    return _operand_ends(_operand(value, where="printed value"))


# Half a unit of the last digit of the figures printed with 12 decimals to 12 zeros (the others made
# as they come): the same Decimal every time, made once.
_HALVES = {exponent: Decimal((0, (5,), exponent - 1)) for exponent in range(-12, 13)}


def _operand_ends(value: Decimal) -> tuple[Decimal, Decimal]:
    """:func:`_printed_ends` of an operand already checked (:func:`_operand`: a finite Decimal)."""
    exponent = _exponent(value)
    if exponent >= 0 and value.is_zero():  # a zero without decimals (a blank cell) is exact
        return _ZERO, _ZERO
    half = _HALVES.get(exponent) or Decimal((0, (5,), exponent - 1))
    return _EXACT.subtract(value, half), _EXACT.add(value, half)


def _operands_range(values: Iterable[Decimal]) -> Interval:
    """:meth:`Interval.of_printed_sum` of operands already checked."""
    low = high = _ZERO
    for value in values:
        low_end, high_end = _operand_ends(value)
        low, high = _EXACT.add(low, low_end), _EXACT.add(high, high_end)
    return _interval(low, high)


def _ordered(instance: Interval, attribute: attrs.Attribute[Decimal], high: Decimal) -> None:
    if high < instance.low:
        raise InvalidAmount(f"interval high {high} is below its low {instance.low}")


@attrs.frozen
class Interval:
    """A closed range of true values (取值区间), such as the values a printed figure may stand for.

    >>> Interval.of_printed(Decimal("1.00"))
    Interval(low=Decimal('0.995'), high=Decimal('1.005'))
    >>> Interval.of_printed(Decimal("0.33")) + Interval.of_printed(Decimal("0.33"))
    Interval(low=Decimal('0.650'), high=Decimal('0.670'))
    """

    low: Decimal = attrs.field(
        validator=attrs.validators.instance_of(Decimal), metadata={"zh": "下限"}
    )
    high: Decimal = attrs.field(
        validator=[attrs.validators.instance_of(Decimal), _ordered], metadata={"zh": "上限"}
    )

    @classmethod
    def of_printed(cls, value: Decimal) -> Interval:
        """The values a printed figure stands for: ``value ± ½·10^exponent``.

        A zero without decimals (a blank cell) is exact.

        >>> Interval.of_printed(Decimal("8542.6"))
        Interval(low=Decimal('8542.55'), high=Decimal('8542.65'))
        >>> Interval.of_printed(Decimal("0"))
        Interval(low=Decimal('0'), high=Decimal('0'))
        """
        low, high = _printed_ends(value)
        return _interval(low, high) if cls is Interval else cls(low, high)

    @classmethod
    def of_printed_sum(cls, values: Iterable[Decimal]) -> Interval:
        """The range of a sum of printed figures: each figure's :meth:`of_printed` added, from
        ``Interval(0, 0)`` on, the same ends in the same steps, without an interval for each figure.

        >>> Interval.of_printed_sum([Decimal("0.33"), Decimal("0.33"), Decimal("0")])
        Interval(low=Decimal('0.650'), high=Decimal('0.670'))
        """
        interval = _operands_range(_operand(value, where="printed value") for value in values)
        return interval if cls is Interval else cls(interval.low, interval.high)

    def __add__(self, other: Interval) -> Interval:
        """The range of a sum: low ends add, high ends add.

        >>> Interval(Decimal("1"), Decimal("2")) + Interval(Decimal("10"), Decimal("20"))
        Interval(low=Decimal('11'), high=Decimal('22'))
        """
        if not isinstance(other, Interval):
            return NotImplemented
        return _interval(_EXACT.add(self.low, other.low), _EXACT.add(self.high, other.high))  # ordered ends add

    def overlaps(self, other: Interval) -> bool:
        """Whether the two ranges share a value (the ends count).

        >>> Interval(Decimal("0.975"), Decimal("1.005")).overlaps(
        ...     Interval(Decimal("1.005"), Decimal("1.015")))
        True
        """
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies in the range (the ends count).

        >>> Interval.of_printed(Decimal("11.50")).contains(Decimal("11.495"))
        True
        """
        return self.low <= value <= self.high

    def distance(self, other: Interval) -> Decimal:
        """The gap between the two ranges; zero when they overlap.

        >>> Interval(Decimal("0.65"), Decimal("0.67")).distance(
        ...     Interval(Decimal("0.995"), Decimal("1.005")))
        Decimal('0.325')
        """
        if self.overlaps(other):
            return _ZERO
        return max(_EXACT.subtract(other.low, self.high), _EXACT.subtract(self.low, other.high))

    def __str__(self) -> str:
        return f"[{self.low:f}, {self.high:f}]"


# Intervals and comparison results are made by the hundred a validation from ends and figures worked
# out here: Decimals, the low end at most the high one by construction (a printed value less and plus
# half its last digit; ordered ends added). They are made through builders (cnbudget.builders),
# without the validators; tests/test_money_built.py holds them to the constructor.
_IntervalBuilder = builder_of_model(Interval)
_new = object.__new__


def _interval(low: Decimal, high: Decimal) -> Interval:
    """``Interval(low, high)`` of Decimal ends known to be in order."""
    interval = _new(_IntervalBuilder)
    interval.low = low
    interval.high = high
    interval.__class__ = Interval
    return cast(Interval, interval)


class Consistency(LabelledEnum):
    """How a printed figure agrees with what arithmetic says it should be (一致性).

    >>> Consistency.WITHIN_ROUNDING.zh
    '舍入误差内'
    """

    EXACT = labelled("exact", "一致")
    WITHIN_ROUNDING = labelled("within_rounding", "舍入误差内")
    INCONSISTENT = labelled("inconsistent", "不一致")


@attrs.frozen(kw_only=True)
class SumCheck:
    """The result of holding a printed total against its printed parts (合计校验).

    ``difference`` is total − Σparts, exact; ``excess`` is how far apart the rounding intervals
    are, zero unless the figures are inconsistent.

    >>> result = check_sum(Decimal("1.00"), [Decimal("0.33"), Decimal("0.33")])
    >>> result.difference, result.excess
    (Decimal('0.34'), Decimal('0.325'))
    >>> print(result.describe())
    合计 1.00 比分项之和 0.66 多 0.34，超出舍入误差 0.325（不一致）
    """

    total: Decimal = attrs.field(metadata={"zh": "合计"})
    parts_sum: Decimal = attrs.field(metadata={"zh": "分项之和"})
    difference: Decimal = attrs.field(metadata={"zh": "差额"})
    status: Consistency = attrs.field(metadata={"zh": "一致性"})
    excess: Decimal = attrs.field(metadata={"zh": "超出舍入误差"})

    @property
    def is_consistent(self) -> bool:
        """True unless the status is INCONSISTENT.

        >>> check_equal(Decimal("1.00"), Decimal("1.02")).is_consistent
        False
        """
        return self.status is not Consistency.INCONSISTENT

    def describe(self) -> str:
        """One sentence for people, in Chinese.

        >>> print(check_sum(Decimal("0.03"), [Decimal("0.01")] * 3).describe())
        合计 0.03 等于分项之和 0.03（一致）
        >>> print(check_sum(Decimal("1.00"), [Decimal("0.33")] * 3).describe())
        合计 1.00 比分项之和 0.99 多 0.01，可由四舍五入解释（舍入误差内）
        """
        head = f"合计 {self.total:,f}"
        if self.status is Consistency.EXACT:
            return f"{head} 等于分项之和 {self.parts_sum:,f}（{self.status.zh}）"
        more_or_less = "多" if self.difference > 0 else "少"
        text = f"{head} 比分项之和 {self.parts_sum:,f} {more_or_less} {self.difference.copy_abs():,f}"
        if self.status is Consistency.WITHIN_ROUNDING:
            return f"{text}，可由四舍五入解释（{self.status.zh}）"
        return f"{text}，超出舍入误差 {self.excess:,f}（{self.status.zh}）"


_SumCheckBuilder = builder_of_model(SumCheck)


def checked_sum_check(total: Decimal, parts_sum: Decimal, difference: Decimal, status: Consistency,
                      excess: Decimal) -> SumCheck:
    """``SumCheck(total=…, …)`` of figures already worked out (a comparison's own result)."""
    result = _new(_SumCheckBuilder)
    result.total = total
    result.parts_sum = parts_sum
    result.difference = difference
    result.status = status
    result.excess = excess
    result.__class__ = SumCheck
    return cast(SumCheck, result)


_COMPARISONS: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("cnbudget_comparisons",
                                                                             default=None)


@contextlib.contextmanager
def counting_comparisons() -> Iterator[list[int]]:
    """Count the comparisons (:func:`check_sum`, :func:`check_equal`, :func:`check_ratio`,
    :func:`check_rate`) made inside the ``with`` block, in this thread or task only (核对次数).

    >>> with counting_comparisons() as made:
    ...     _ = check_sum(Decimal("3"), [Decimal("1"), Decimal("2")])
    >>> made[0]
    1
    """
    tally = [0]
    token = _COMPARISONS.set(tally)
    try:
        yield tally
    finally:
        _COMPARISONS.reset(token)


def count_comparisons(made: int) -> None:
    """Count ``made`` comparisons in the count of :func:`counting_comparisons`, if any: comparisons
    made once for several checks, outside the count, and counted by each check that reports them.

    >>> with counting_comparisons() as made:
    ...     count_comparisons(2)
    >>> made[0]
    2
    """
    tally = _COMPARISONS.get()
    if tally is not None:
        tally[0] += made


def _counted() -> None:
    tally = _COMPARISONS.get()
    if tally is not None:
        tally[0] += 1


def check_sum(total: Decimal, parts: Iterable[Decimal]) -> SumCheck:
    """Hold a printed total against its printed parts (合计 = Σ分项), rounding-aware.

    EXACT when the total equals the sum; WITHIN_ROUNDING when the total's interval meets the
    interval of the sum of the parts' intervals; INCONSISTENT otherwise.

    >>> check_sum(Decimal("0.03"), [Decimal("0.01")] * 3).status
    <Consistency.EXACT: 'exact'>
    """
    _counted()
    total = _operand(total, where="total")
    return _held_against(total, sum_parts(parts))


class SummedParts:
    """Printed parts checked and added once (分项之和), to hold one or more totals against
    (:func:`check_summed`): rows that several subtotals claim are added up once.

    >>> parts = sum_parts([Decimal("0.33")] * 3)
    >>> parts.total, check_summed(Decimal("1.00"), parts).status
    (Decimal('0.99'), <Consistency.WITHIN_ROUNDING: 'within_rounding'>)
    """

    __slots__ = ("_range", "amounts", "total")

    def __init__(self, amounts: tuple[Decimal, ...]) -> None:
        self.amounts = amounts
        self.total: Decimal = functools.reduce(_EXACT.add, amounts, _ZERO)
        self._range: Interval | None = None

    def range(self) -> Interval:
        """The values the parts' sum may stand for: the sum of each part's interval (computed
        only when a total differs from the sum)."""
        if self._range is None:  # the amounts are operands already (sum_parts)
            self._range = _operands_range(self.amounts)
        return self._range


def sum_parts(parts: Iterable[Decimal]) -> SummedParts:
    """The printed ``parts``, each checked as :func:`check_sum` checks them, and their sum."""
    amounts = []
    for i, part in enumerate(parts):
        plain = ordinary_operand(part)  # the place is written only for a part that is refused
        amounts.append(plain if plain is not None else _operand(part, where=f"parts[{i}]"))
    return SummedParts(tuple(amounts))


def sum_differs(total: Decimal, parts: SummedParts) -> SumCheck | None:
    """:func:`check_summed`'s result where ``total`` is not exactly the parts' sum, ``None`` where
    it is (the common case, answered without writing out a result); counted as one comparison.

    >>> sum_differs(Decimal("0.03"), sum_parts([Decimal("0.01")] * 3)) is None
    True
    >>> sum_differs(Decimal("1.00"), sum_parts([Decimal("0.33")] * 3)).status
    <Consistency.WITHIN_ROUNDING: 'within_rounding'>
    """
    _counted()
    total = _operand(total, where="total")  # a plain amount answered first, as in every operand
    if total == parts.total:
        return None
    return _held_against(total, parts)


def exact_total(operands: Iterable[Decimal]) -> Decimal:
    """The exact sum of ordinary operands (:func:`ordinary_operand`), as :func:`sum_parts` adds them:
    ``sum_differs(total, sum_parts(parts))`` is ``None`` exactly where the total's operand equals the
    parts' ``exact_total``."""
    return functools.reduce(_EXACT.add, operands, _ZERO)


def exact_sums(columns: Sequence[Iterable[Decimal]]) -> list[Decimal]:
    """The exact sums of rows of figures given column by column (the i-th sum adds the i-th figure
    of every column), equal to :func:`exact_total` of each row: for amounts through the amount gate
    (:func:`to_amount`), whose sums are exact, added many rows at a time.

    >>> exact_sums([[Decimal("1.10"), Decimal("2")], [Decimal("0.90"), Decimal("1E+1")]])
    [Decimal('2.00'), Decimal('12')]
    """
    add = _EXACT.add
    sums = list(columns[0])
    for column in columns[1:]:
        sums = list(map(add, sums, column))
    return sums


def differs_from_sum(total: Decimal, parts: Sequence[Decimal]) -> SumCheck | None:
    """``sum_differs(total, sum_parts(parts))`` in one step, one comparison: ordinary figures that
    add up exactly (the common case) are answered without keeping their sum.

    >>> differs_from_sum(Decimal("0.03"), [Decimal("0.01")] * 3) is None
    True
    >>> differs_from_sum(Decimal("1.00"), [Decimal("0.33")] * 3).status
    <Consistency.WITHIN_ROUNDING: 'within_rounding'>
    """
    plain_total = ordinary_operand(total)
    if plain_total is not None:
        summed = _ZERO
        for part in parts:
            plain = ordinary_operand(part)
            if plain is None:
                break  # checked, and refused where it must be, in the order sum_parts checks
            summed = _EXACT.add(summed, plain)
        else:
            if plain_total == summed:
                _counted()
                return None
    return sum_differs(total, sum_parts(parts))


def amounts_differ_from_sum(total: Decimal, parts: Sequence[Decimal]) -> SumCheck | None:
    """:func:`differs_from_sum` of amounts already through the amount gate (:func:`to_amount`: the
    figures of a model's amount records). Such amounts are finite and at most 20 digits either side
    of the point, so their sum is exact and is compared without checking each figure again; where
    it differs, the full check gives the result.

    >>> amounts_differ_from_sum(Decimal("0.03"), [Decimal("0.01")] * 3) is None
    True
    >>> amounts_differ_from_sum(Decimal("1.00"), [Decimal("0.33")] * 3).status
    <Consistency.WITHIN_ROUNDING: 'within_rounding'>
    """
    summed = _ZERO
    add = _EXACT.add
    for part in parts:
        summed = add(summed, part)
    if summed == total:
        _counted()
        return None
    return sum_differs(total, sum_parts(parts))


def check_summed(total: Decimal, parts: SummedParts) -> SumCheck:
    """:func:`check_sum` against parts already added (:func:`sum_parts`): the same result, counted
    as one comparison.

    >>> check_summed(Decimal("0.03"), sum_parts([Decimal("0.01")] * 3)).status
    <Consistency.EXACT: 'exact'>
    """
    _counted()
    return _held_against(_operand(total, where="total"), parts)


def _held_against(total: Decimal, parts: SummedParts) -> SumCheck:
    parts_sum = parts.total
    difference = _unsigned_zero(_EXACT.subtract(total, parts_sum))
    if difference.is_zero():
        status, excess = Consistency.EXACT, _ZERO
    else:
        excess = _interval(*_operand_ends(total)).distance(parts.range())  # total: an operand already
        status = Consistency.INCONSISTENT if excess > 0 else Consistency.WITHIN_ROUNDING
    return checked_sum_check(total, parts_sum, difference, status, excess)


def sum_agrees(total: Decimal, parts: Iterable[Decimal]) -> bool:
    """``check_sum(total, parts).is_consistent``, counted as one comparison: for a caller that asks
    only whether the figures agree (exactly or within rounding), answered without writing out the
    result (its difference, excess and intervals).

    >>> sum_agrees(Decimal("1.00"), [Decimal("0.33")] * 3), sum_agrees(Decimal("1.00"), [Decimal("0.33")] * 2)
    (True, False)
    """
    _counted()
    total = _operand(total, where="total")  # the operands checked as check_sum checks them, in order
    summed = sum_parts(parts)
    if total == summed.total:  # an exact difference of zero: EXACT
        return True
    # Not INCONSISTENT where the total's interval and the parts' meet (Interval.distance is zero).
    low, high = _operand_ends(total)
    within = summed.range()
    return low <= within.high and within.low <= high


def check_equal(a: Decimal, b: Decimal) -> SumCheck:
    """Hold two printings of the same quantity against each other (``check_sum(a, [b])``).

    >>> check_equal(Decimal("8542.6"), Decimal("8542.60")).status
    <Consistency.EXACT: 'exact'>
    >>> check_equal(Decimal("2022.7"), Decimal("2022.69")).status
    <Consistency.WITHIN_ROUNDING: 'within_rounding'>
    """
    return check_sum(a, [b])  # counted there: one comparison


def _corner_range(function: Callable[..., Fraction], intervals: tuple[Interval, ...]) -> Interval:
    # Valid for functions monotone in each argument while the others stay fixed: the extremes
    # are then at the corners. Exact fractions, rounded outwards to decimals.
    values = [
        function(*corner)
        for corner in itertools.product(*[(Fraction(i.low), Fraction(i.high)) for i in intervals])
    ]
    low, high = min(values), max(values)
    return Interval(_fraction_to_decimal(low, _FLOOR), _fraction_to_decimal(high, _CEILING))


def _fraction_to_decimal(value: Fraction, context: decimal.Context) -> Decimal:
    return context.divide(Decimal(value.numerator), Decimal(value.denominator))


def _straddles_zero(interval: Interval) -> bool:
    return interval.low <= 0 <= interval.high


def ratio_interval(numerator: Decimal, denominator: Decimal) -> Interval | None:
    """The range of ``100 · n / d`` over the printed intervals of both (比率区间).

    ``None`` when the denominator's interval contains zero.

    >>> r = ratio_interval(Decimal("1.00"), Decimal("3.00"))   # 0.995/3.005 … 1.005/2.995
    >>> round_half_up(r.low, 4), round_half_up(r.high, 4)
    (Decimal('33.1115'), Decimal('33.5559'))
    >>> ratio_interval(Decimal("1.00"), Decimal("0")) is None
    True
    """
    numerator = _operand(numerator, where="numerator")
    denominator = _operand(denominator, where="denominator")
    n_range, d_range = Interval.of_printed(numerator), Interval.of_printed(denominator)
    if _straddles_zero(d_range):
        return None
    return _corner_range(lambda n, d: _HUNDRED * n / d, (n_range, d_range))


def _judge(stated: Decimal, exact: tuple[int, int], possible_range: Callable[[], Interval | None]) -> Consistency:
    # ``exact``: the exact figure as a numerator and a non-zero denominator. The range the printed
    # figures allow, worked out only for a stated figure that is not the exact one rounded (most
    # are); None when the range is unbounded: any value is allowed.
    if _round_quotient(*exact, decimal_places(stated)) == stated:
        return Consistency.EXACT
    possible = possible_range()
    if possible is None or Interval.of_printed(stated).overlaps(possible):
        return Consistency.WITHIN_ROUNDING
    return Consistency.INCONSISTENT


def check_ratio(stated_percent: Decimal, numerator: Decimal, denominator: Decimal) -> Consistency:
    """Hold a stated percentage (a share, 占比) against the printed figures it was computed from.

    EXACT when ``100·n/d`` rounded half up to the stated precision is the stated figure;
    WITHIN_ROUNDING when the stated figure's interval meets :func:`ratio_interval`; otherwise
    INCONSISTENT. A zero denominator makes the ratio undefined: InvalidAmount.

    >>> check_ratio(Decimal("63.88"), Decimal("2022.69"), Decimal("3166.28")).name
    'EXACT'
    >>> check_ratio(Decimal("33.5"), Decimal("1.00"), Decimal("3.00")).name
    'WITHIN_ROUNDING'
    >>> check_ratio(Decimal("33.7"), Decimal("1.00"), Decimal("3.00")).name
    'INCONSISTENT'
    """
    _counted()
    stated_percent = _operand(stated_percent, where="stated percent")
    numerator = _operand(numerator, where="numerator")
    denominator = _operand(denominator, where="denominator")
    if denominator.is_zero():
        raise InvalidAmount(
            f"a ratio with a zero denominator is undefined: {numerator} / {denominator}"
            " (分母为零，比率无意义)"
        )
    (top, below), (over, under) = numerator.as_integer_ratio(), denominator.as_integer_ratio()
    exact = (100 * top * under, below * over)  # 100 · n / d
    return _judge(stated_percent, exact, functools.partial(ratio_interval, numerator, denominator))


class _Growth(NamedTuple):
    # A growth rate's printed inputs: this year's amount and either last year's or the change.
    rate: Callable[[Fraction, Fraction], Fraction]
    current: Decimal
    other: Decimal


def _rate_from_prior(current: Fraction, prior: Fraction) -> Fraction:
    return _HUNDRED * (current - prior) / prior


def _rate_from_change(current: Fraction, change_amount: Fraction) -> Fraction:
    return _HUNDRED * change_amount / (current - change_amount)


def _growth(current: Decimal, prior: Decimal | None, change_amount: Decimal | None) -> _Growth:
    if (prior is None) == (change_amount is None):
        raise TypeError("give exactly one of prior= and change_amount=")
    current = _operand(current, where="current amount")
    if prior is not None:
        return _Growth(_rate_from_prior, current, _operand(prior, where="prior amount"))
    return _Growth(_rate_from_change, current, _operand(change_amount, where="change amount"))


def _prior_range(growth: _Growth) -> Interval:
    """The values last year's amount can take (asked only where a rate's range is: most rates are
    the figures' exactly, and checking one needs no range)."""
    if growth.rate is _rate_from_prior:
        return Interval.of_printed(growth.other)
    # The prior is derived, so it carries the rounding of both printed figures.
    c_range, a_range = Interval.of_printed(growth.current), Interval.of_printed(growth.other)
    return Interval(_EXACT.subtract(c_range.low, a_range.high), _EXACT.subtract(c_range.high, a_range.low))


def rate_interval(
    current: Decimal, *, prior: Decimal | None = None, change_amount: Decimal | None = None
) -> Interval | None:
    """The range of the growth rate in percent over the printed intervals (增长率区间).

    Give this year's amount and either last year's (``prior=``) or the stated change
    (``change_amount=``). Only printed figures are uncertain, so a derived figure (the change, or
    last year's amount) carries the rounding of both. ``None`` when last year's amount can be zero:
    the rate is then unbounded.

    >>> r = rate_interval(Decimal("2022.69"), change_amount=Decimal("208.54"))
    >>> round_half_up(r.low, 4), round_half_up(r.high, 4)
    (Decimal('11.4949'), Decimal('11.4955'))
    """
    growth = _growth(current, prior, change_amount)
    if _straddles_zero(_prior_range(growth)):
        return None
    ranges = (Interval.of_printed(growth.current), Interval.of_printed(growth.other))
    return _corner_range(growth.rate, ranges)


def check_rate(
    stated_rate: Decimal,
    current: Decimal,
    *,
    prior: Decimal | None = None,
    change_amount: Decimal | None = None,
) -> Consistency:
    """Hold a stated growth rate (增长率, signed percent) against the printed amounts.

    Like :func:`check_ratio`, with the rate's range from :func:`rate_interval`; when that range is
    unbounded (last year's amount is so small that it may be zero) any stated rate is within
    rounding. A printed zero prior year makes the rate undefined: InvalidAmount.

    >>> check_rate(Decimal("11.50"), Decimal("2022.69"), change_amount=Decimal("208.54")).name
    'EXACT'
    >>> check_rate(Decimal("-66.28"), Decimal("237.97"), prior=Decimal("705.71")).name
    'EXACT'
    >>> check_rate(Decimal("11.6"), Decimal("2022.69"), change_amount=Decimal("208.54")).name
    'INCONSISTENT'
    """
    _counted()
    stated_rate = _operand(stated_rate, where="stated rate")
    growth = _growth(current, prior, change_amount)
    # In whole numbers: this year c = n1/d1 and the other figure o = n2/d2 (the change, or last year).
    (n1, d1), (n2, d2) = growth.current.as_integer_ratio(), growth.other.as_integer_ratio()
    if growth.rate is _rate_from_change:  # 100·o / (c − o), last year c − o = (n1·d2 − n2·d1) / (d1·d2)
        prior_numerator = n1 * d2 - n2 * d1
        exact = (100 * n2 * d1, prior_numerator)
    else:  # 100·(c − o) / o
        prior_numerator = n2
        exact = (100 * (n1 * d2 - n2 * d1), d1 * n2)
    if prior_numerator == 0:
        raise InvalidAmount(
            f"a growth rate from a zero prior year is undefined: current {growth.current},"
            f" prior {Fraction(0)} (上年为零，增长率无意义)"
        )
    return _judge(stated_rate, exact,
                  functools.partial(rate_interval, growth.current, prior=prior, change_amount=change_amount))
