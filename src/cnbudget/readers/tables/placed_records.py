"""Amount records (金额记录) made from a row's placed amounts, without running their converters again.

:func:`~cnbudget.readers.tables.columns.place_amounts` reads every amount cell with
:func:`~cnbudget.money.parse_amount` (finite, a zero without its sign, within the digits a number
may have) or puts the blank zero in its place: what the record's converter (``as_amount``,
``as_optional_amount``: :func:`~cnbudget.money.to_amount`) returns for such a value is the value
itself. A record whose fields only convert amounts and check nothing else is therefore made with
its fields set by plain assignment on its builder (:mod:`cnbudget.builders`); anything else (another
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
from collections.abc import Mapping
from decimal import Decimal
from types import MemberDescriptorType
from typing import Any, TypeVar

import attrs

from cnbudget.builders import builder_of
from cnbudget.model.fields import as_amount, as_optional_amount

__all__ = ["placed_record"]

_Record = TypeVar("_Record")

_new = object.__new__


@attrs.frozen
class _Plain:
    """The fields of a record whose fields only convert amounts: each with its default (``None``
    for a column some templates lack), the names of those that must be given, and the record's
    builder (:func:`cnbudget.builders.builder_of`), whose fields are set by plain assignment."""

    fields: tuple[tuple[str, Decimal | None], ...]
    names: frozenset[str]
    required: frozenset[str]
    builder: type


@functools.cache  # a fact of the class, the same for every read
def _plain(record: type) -> _Plain | None:
    if not attrs.has(record) or getattr(record, "__attrs_post_init__", None) is not None:
        return None
    builder = builder_of(record)
    if builder is None:
        return None
    fields: list[tuple[str, Decimal | None]] = []
    required = []
    for field in attrs.fields(record):
        slot = getattr(record, field.name, None)
        if field.validator is not None or not field.init or not isinstance(slot, MemberDescriptorType):
            return None
        if field.converter is as_amount and field.default is attrs.NOTHING:
            required.append(field.name)
        elif field.converter is not as_optional_amount or field.default is not None:
            return None
        fields.append((field.name, None))
    return _Plain(fields=tuple(fields), names=frozenset(field[0] for field in fields),
                  required=frozenset(required), builder=builder)


def placed_record(record: type[_Record], values: Mapping[str, Decimal]) -> _Record:
    """``record(**values)`` for amounts placed by :func:`~cnbudget.readers.tables.columns.place_amounts`,
    made without the converters where the record's fields only convert amounts."""
    kind: type = record  # the class itself is the key of the cache
    plain = _plain(kind)
    if plain is None or not plain.required <= values.keys() or not plain.names >= values.keys():
        return record(**values)
    for value in values.values():
        if type(value) is not Decimal:
            return record(**values)
    made: Any = _new(plain.builder)  # made a builder, given its fields, then made the record
    get = values.get
    for name, default in plain.fields:
        setattr(made, name, get(name, default))
    made.__class__ = record
    result: _Record = made
    return result
