"""The configured cattrs converter (数据转换器) that turns model objects into plain data and back.

Other tools use it directly to structure and unstructure our types::

    from cnbudget.serialize import converter
    data = converter.unstructure(doc)
    doc = converter.structure(data, BudgetDisclosure)

Amounts are strings with their exponent intact, codes are strings, enums are their values. Going
back, nothing is coerced: a number where text belongs, text where a number belongs, a float or
``NaN`` as an amount, an unknown key or an impossible code are errors (cattrs collects them all;
:func:`cnbudget.serialize.from_dict` turns them into one :class:`~cnbudget.errors.DataError`).

>>> from decimal import Decimal
>>> converter.unstructure(Decimal("12.50")), converter.structure("12.50", Decimal)
('12.50', Decimal('12.50'))
>>> converter.structure(12.5, Decimal)
Traceback (most recent call last):
...
cnbudget.errors.InvalidAmount: an amount must be a string such as "12.50", not the number 12.5 (金额须写成字符串)
"""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs

from cnbudget.codes import ClassificationCode
from cnbudget.decimals import shown, size_problem
from cnbudget.errors import InvalidAmount
from cnbudget.serialize.formats import AMOUNT

__all__ = ["JsonNumber", "converter", "make_converter", "structure_amount"]

# Longer than any amount within the bounds of cnbudget.decimals, written out in full.
_MAX_AMOUNT_TEXT = 100


class JsonNumber(str):
    """A JSON number that is not a whole number (``1.5``, ``NaN``), kept as its text.

    JSON decoding turns such numbers into this marker instead of a float, so that the error can
    quote the number exactly as written and no float ever reaches the model.
    """

    __slots__ = ()


def _describe(value: object) -> str:
    if isinstance(value, JsonNumber):
        return f"the number {value}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"a {type(value).__name__}"


def structure_amount(value: object, _type: type[Any]) -> Decimal:
    """An amount from its JSON text (a string of digits, exponent kept), within the bounds of
    :mod:`cnbudget.decimals`; anything else is an :class:`~cnbudget.errors.InvalidAmount`."""
    if not isinstance(value, str) or isinstance(value, JsonNumber):
        raise InvalidAmount(
            f'an amount must be a string such as "12.50", not {_describe(value)} (金额须写成字符串)'
        )
    if len(value) > _MAX_AMOUNT_TEXT or not AMOUNT.fullmatch(value):
        raise InvalidAmount(f"not an amount: {shown(value)} (不是金额; write digits such as \"1089.27\")")
    try:
        number = Decimal(value)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only valid decimals
        raise InvalidAmount(f"not an amount: {shown(value)}") from error
    problem = size_problem(number)
    if problem is not None:
        raise InvalidAmount(problem)
    return number


def _structure_text(value: object, _type: type[Any]) -> str:
    if not isinstance(value, str) or isinstance(value, JsonNumber):
        raise TypeError(f"expected text, not {_describe(value)}")
    return value


def _structure_int(value: object, _type: type[Any]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, not {_describe(value)}")
    return value


def _structure_bool(value: object, _type: type[Any]) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, not {_describe(value)}")
    return value


def _structure_code(value: object, kind: type[ClassificationCode]) -> ClassificationCode:
    if not isinstance(value, str) or isinstance(value, JsonNumber):
        raise TypeError(f"a code must be a string of digits such as \"2101501\", not {_describe(value)}")
    return kind(value)


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    for member in kind:
        if member.value == value and type(member.value) is type(value):
            return member
    allowed = ", ".join(repr(member.value) for member in kind)
    raise ValueError(f"{_describe(value)} is not a valid {kind.__name__}; expected one of {allowed}")


def _is_code(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, ClassificationCode)


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def make_converter() -> cattrs.Converter:
    """A new converter configured for cnbudget's types (for tools that want to add hooks)."""
    made = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    made.register_unstructure_hook(Decimal, str)
    made.register_structure_hook(Decimal, structure_amount)
    made.register_structure_hook(str, _structure_text)
    made.register_structure_hook(int, _structure_int)
    made.register_structure_hook(bool, _structure_bool)
    made.register_unstructure_hook_func(_is_code, str)
    made.register_structure_hook_func(_is_code, _structure_code)
    made.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    made.register_structure_hook_func(_is_enum, _structure_enum)
    return made


#: The converter every cnbudget serializer uses.
converter: cattrs.Converter = make_converter()
