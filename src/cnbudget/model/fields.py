"""Field makers shared by every model class (字段定义).

Every public field carries its Chinese label in ``metadata["zh"]``; renderers, CSV headers, JSON
Schema titles and messages read it from there, so names have one source of truth. Amounts pass
through :func:`cnbudget.money.to_amount`, which refuses floats, NaN, Infinity and bools.

>>> import attrs
>>> @attrs.frozen(kw_only=True)
... class Example:
...     total: Decimal = amount("合计")
>>> Example(total="1,089.27").total
Decimal('1089.27')
>>> zh_label(attrs.fields(Example).total)
'合计'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.money import to_amount

__all__ = [
    "amount",
    "code_or_none",
    "items",
    "optional_amount",
    "optional_int",
    "optional_number",
    "optional_text",
    "source_line",
    "source_page",
    "text",
    "to_tuple",
    "typed",
    "zh_label",
]



def zh_label(field: attrs.Attribute[Any]) -> str:
    """The Chinese label of a model field (its ``metadata["zh"]``), or its name when it has none."""
    label = field.metadata.get("zh")
    return label if isinstance(label, str) else field.name


def _to_optional_amount(value: object) -> Decimal | None:
    return None if value is None else to_amount(value)


def _to_amount(value: object) -> Decimal:
    return to_amount(value)


def amount(zh: str, *, default: Decimal | None = None) -> Any:
    """A required amount (金额); blank cells are zero, so give ``Decimal(0)`` rather than None."""
    if default is None:
        return attrs.field(converter=_to_amount, metadata={"zh": zh, "amount": True})
    return attrs.field(converter=_to_amount, default=default, metadata={"zh": zh, "amount": True})


def optional_amount(zh: str) -> Any:
    """An amount in a column some templates do not print: ``None`` means absent, not zero."""
    return attrs.field(
        converter=_to_optional_amount, default=None, metadata={"zh": zh, "amount": True}
    )


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


def text(zh: str, *, default: str | None = None) -> Any:
    """A required piece of text."""
    if default is None:
        return attrs.field(validator=_text_validator(False), metadata={"zh": zh})
    return attrs.field(validator=_text_validator(False), default=default, metadata={"zh": zh})


def optional_text(zh: str) -> Any:
    """Text that may be absent (``None``)."""
    return attrs.field(validator=_text_validator(True), default=None, metadata={"zh": zh})


def _int_validator(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(
            f"{attribute.name} ({zh_label(attribute)}) must be a whole number, "
            f"not {type(value).__name__}: {value!r}"
        )


def optional_int(zh: str) -> Any:
    """A count (人数, 辆, 台, 个) that may be absent."""
    return attrs.field(validator=_int_validator, default=None, metadata={"zh": zh})


def source_line() -> Any:
    """Where a table, row or statement stands in the published text: its line (行号). Provenance,
    not content: two readings of one document in different forms are equal whatever their lines."""
    return attrs.field(validator=_int_validator, default=None, eq=False, metadata={"zh": "行号"})


def source_page() -> Any:
    """The page (页码) a table, row or statement stands on, where the source has pages (a PDF)."""
    return attrs.field(validator=_int_validator, default=None, eq=False, metadata={"zh": "页码"})


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


def items(zh: str, kind: type[Any] | tuple[type[Any], ...]) -> Any:
    """A tuple of ``kind`` values (lists are accepted and turned into tuples)."""
    return attrs.field(
        converter=to_tuple,
        factory=tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(kind)),
        metadata={"zh": zh},
    )


def optional_number(zh: str) -> Any:
    """A decimal number that is not money (a weight, an area, a percentage); ``None`` if absent."""
    return attrs.field(converter=_to_optional_amount, default=None, metadata={"zh": zh})
