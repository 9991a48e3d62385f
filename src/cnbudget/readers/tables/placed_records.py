"""Amount records (金额记录) made from a row's placed amounts, without running their converters again.

:func:`~cnbudget.readers.tables.columns.place_amounts` reads every amount cell with
:func:`~cnbudget.money.parse_amount` (finite, a zero without its sign, within the digits a number
may have) or puts the blank zero in its place: what the record's converter (``as_amount``,
``as_optional_amount``: :func:`~cnbudget.money.to_amount`) returns for such a value is the value
itself. A record whose fields only convert amounts and check nothing else is therefore made with
its fields set by plain assignment on its builder (:mod:`cnbudget.builders`), by a function written
once per record class that takes the amounts by keyword; anything else (another
record, a value that is not a ``Decimal``, a field the record lacks or a required one missing) goes
through the constructor, its errors included.

>>> from decimal import Decimal
>>> from cnbudget.model import ExpenditureAmounts
>>> row = placed_record(ExpenditureAmounts, {"total": Decimal("5.00"), "basic": Decimal("5.00")})
>>> row == ExpenditureAmounts(total="5.00", basic="5.00"), row.project is None
(True, True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MemberDescriptorType
from typing import Any, TypeVar

import attrs

from cnbudget.builders import builder_of, written_builder
from cnbudget.model.fields import as_amount, as_optional_amount

__all__ = ["placed_record"]

_Record = TypeVar("_Record")

_REQUIRED = object()  # a field the values must give


@functools.cache  # a fact of the class, the same for every read
def _written(record: type) -> Callable[..., Any] | None:
    """A function taking the amounts by keyword and giving the record made on its builder, written
    once per record class whose fields only convert amounts (``None`` for any other class)."""
    if not attrs.has(record) or getattr(record, "__attrs_post_init__", None) is not None:
        return None
    builder = builder_of(record)
    if builder is None:
        return None
    parameters = []
    tests = []
    for field in attrs.fields(record):
        slot = getattr(record, field.name, None)
        if (field.validator is not None or not field.init or field.alias != field.name
                or not isinstance(slot, MemberDescriptorType)):
            return None
        name = field.name
        if field.converter is as_amount and field.default is attrs.NOTHING:
            parameters.append(f"{name}=_REQUIRED")
            tests.append(f"type({name}) is _Decimal")  # a required field missing: not a Decimal
        elif field.converter is as_optional_amount and field.default is None:
            parameters.append(f"{name}=None")
            tests.append(f"({name} is None or type({name}) is _Decimal)")
        else:
            return None
    names = [field.name for field in attrs.fields(record)]
    # Anything but Decimals of the record's fields (a field missing, one the record lacks, another
    # value): None for the caller to make it through the constructor.
    return written_builder(record, builder, f"*, {', '.join(parameters)}, **_extra",
                           [f"if _extra or not ({' and '.join(tests)}):", "    return None"],
                           {name: name for name in names}, {"_REQUIRED": _REQUIRED, "_Decimal": Decimal})


def placed_record(record: type[_Record], values: Mapping[str, Decimal]) -> _Record:
    """``record(**values)`` for amounts placed by :func:`~cnbudget.readers.tables.columns.place_amounts`,
    made without the converters where the record's fields only convert amounts."""
    kind: type = record  # the class itself is the key of the cache
    build = _written(kind)
    made = None if build is None else build(**values)
    # A None given for an optional field is what the constructor makes of it, a None any other way
    # is refused by it, in its own words.
    if made is None:
        return record(**values)
    result: _Record = made
    return result
