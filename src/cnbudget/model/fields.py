"""Field makers shared by every model class (字段定义).

Every public field carries its Chinese label in ``metadata["zh"]``; renderers, CSV headers, JSON
Schema titles and messages read it from there, so names have one source of truth. Amounts pass
through :func:`cnbudget.money.to_amount`, which refuses floats, NaN, Infinity, bools and numbers
too long to be printed figures; counts likewise have at most 20 digits (:mod:`cnbudget.decimals`).

A field with a converter is written ``attrs.field(converter=…)`` in the class body, not made by a
helper: only there does mypy's attrs plugin see the converter, and so what the constructor accepts
— an amount as :data:`AmountInput` (a ``Decimal``, an ``int`` or a figure as printed, never a
float), a collection as any iterable. The helpers give the converters, validators and metadata;
fields without a converter (text, counts, typed values) are made by the helpers whole.

>>> import attrs
>>> @attrs.frozen(kw_only=True)
... class Example:
...     total: Decimal = attrs.field(converter=as_amount, metadata=money("合计"))
...     parts: tuple[Decimal, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Decimal),
...                                              metadata=zh("各项"))
>>> Example(total="1,089.27", parts=[Decimal(1)])
Example(total=Decimal('1089.27'), parts=(Decimal('1'),))
>>> zh_label(attrs.fields(Example).total)
'合计'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.decimals import MAX_WHOLE_DIGITS, WHOLE_LIMIT, shown
from cnbudget.errors import InvalidValue
from cnbudget.money import to_amount, to_figure

__all__ = [
    "OPTIONAL_TEXT_VALIDATOR",
    "TEXT_VALIDATOR",
    "AmountInput",
    "as_amount",
    "as_optional_amount",
    "as_optional_figure",
    "code_or_none",
    "count_validator",
    "each",
    "money",
    "optional_int",
    "optional_text",
    "rows",
    "source_line",
    "source_page",
    "text",
    "to_tuple",
    "typed",
    "zh",
    "zh_label",
]



def zh_label(field: attrs.Attribute[Any]) -> str:
    """The Chinese label of a model field (its ``metadata["zh"]``), or its name when it has none."""
    label = field.metadata.get("zh")
    return label if isinstance(label, str) else field.name


#: What an amount field accepts: a Decimal, a whole number or a figure as printed ("1,089.27").
AmountInput = Decimal | int | str


def zh(label: str) -> dict[str, Any]:
    """A field's metadata: its Chinese label."""
    return {"zh": label}


def money(label: str) -> dict[str, Any]:
    """The metadata of a field that holds money (converted with the document's unit)."""
    return {"zh": label, "amount": True}


def rows(label: str) -> dict[str, Any]:
    """The metadata of the field of a table that holds its rows (:meth:`Table.rows` finds it)."""
    return {"zh": label, "rows": True}


def as_amount(value: AmountInput) -> Decimal:
    """The converter of an amount (金额); blank cells are zero, so give ``0`` rather than None."""
    return to_amount(value)


def as_optional_amount(value: AmountInput | None) -> Decimal | None:
    """The converter of an amount in a column some templates do not print (``None``: absent, not
    zero), and of a number that is not money (a weight, an area, a percentage)."""
    return None if value is None else to_amount(value)


def as_optional_figure(value: AmountInput | None) -> Decimal | None:
    """The converter of a figure computed from amounts (a sum, a difference;
    :func:`cnbudget.money.to_figure`), which may be longer than any printed amount."""
    return None if value is None else to_figure(value)


def each(kind: type[Any] | tuple[type[Any], ...]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """The validator of a collection: every item is a ``kind``."""
    return attrs.validators.deep_iterable(attrs.validators.instance_of(kind))


def _text_validator(optional: bool) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise TypeError(
                f"{attribute.name} ({zh_label(attribute)}) must be text, "
                f"not {type(value).__name__}: {value!r}"
            )

    return check


#: The validators of text fields, one object each, so that the serializer knows a field it has
#: already checked as text (:mod:`cnbudget.serialize.structuring`).
TEXT_VALIDATOR = _text_validator(False)
OPTIONAL_TEXT_VALIDATOR = _text_validator(True)


def text(zh: str, *, default: str | None = None) -> Any:
    """A required piece of text."""
    if default is None:
        return attrs.field(validator=TEXT_VALIDATOR, metadata={"zh": zh})
    return attrs.field(validator=TEXT_VALIDATOR, default=default, metadata={"zh": zh})


def optional_text(zh: str) -> Any:
    """Text that may be absent (``None``)."""
    return attrs.field(validator=OPTIONAL_TEXT_VALIDATOR, default=None, metadata={"zh": zh})


def count_validator(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """The validator of a count or a line or page number: a whole number of at most 20 digits, or ``None``."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(
            f"{attribute.name} ({zh_label(attribute)}) must be a whole number, "
            f"not {type(value).__name__}: {shown(value)}"
        )
    if abs(value) >= WHOLE_LIMIT:
        raise InvalidValue(
            f"{attribute.name} ({zh_label(attribute)}) {shown(value)} has more than {MAX_WHOLE_DIGITS} digits"
            " (位数过多)"
        )


def optional_int(zh: str) -> Any:
    """A count (人数, 辆, 台, 个) that may be absent."""
    return attrs.field(validator=count_validator, default=None, metadata={"zh": zh})


def source_line() -> Any:
    """Where a table, row or statement stands in the published text: its line (行号). Provenance,
    not content: two readings of one document in different forms are equal whatever their lines."""
    return attrs.field(validator=count_validator, default=None, eq=False, metadata={"zh": "行号"})


def source_page() -> Any:
    """The page (页码) a table, row or statement stands on, where the source has pages (a PDF)."""
    return attrs.field(validator=count_validator, default=None, eq=False, metadata={"zh": "页码"})


def typed(zh: str, kind: type[Any] | tuple[type[Any], ...], *, optional: bool = False,
          default: Any = attrs.NOTHING) -> Any:
    """A field holding one value of ``kind`` (or ``None`` when ``optional``)."""
    check = attrs.validators.instance_of(kind)
    validator = attrs.validators.optional(check) if optional else check
    if default is attrs.NOTHING and optional:
        default = None
    return attrs.field(validator=validator, default=default, metadata={"zh": zh})


def code_or_none(zh: str, kind: type[Any]) -> Any:
    """An optional classification code of the given family."""
    return typed(zh, kind, optional=True)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Any iterable but text as a tuple (the converter of every collection field)."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a sequence of items, not text: {value!r}")
    return tuple(value)
