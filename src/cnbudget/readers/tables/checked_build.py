"""Model objects made with their checks done in place (校验后快速构建): table lines and indicators.

A reader makes a line (:mod:`cnbudget.model.lines`) per table row and an
:class:`~cnbudget.model.Indicator` per indicator row. The attrs constructor checks each field through
its validator, one call of a validator object per field, and sets each slot through a frozen class's
descriptor. :func:`built` makes the same object through the class's builder
(:mod:`cnbudget.builders`): each field's converter still runs, in the constructor's order, and each
validator is replaced by the plain test it stands for (text: a ``str``; optional text: ``None`` or
a ``str``; a count: ``None`` or a whole number within the digits a count may have; an
``instance_of`` check, optional or not: ``isinstance``). A value that fails its test, a field
missing or not the class's, or a class whose fields have any other validator, a factory, a
post-init hook or a converter that takes the instance, goes through the constructor, so its error is
the constructor's own.

>>> from decimal import Decimal
>>> from cnbudget.model.lines import SummaryLine, SummaryRole
>>> line = built(SummaryLine, role=SummaryRole.TOTAL, name="合计", amount=Decimal("5.00"), line_number=3)
>>> line == SummaryLine(role=SummaryRole.TOTAL, name="合计", amount="5.00"), type(line) is SummaryLine
(True, True)
>>> built(SummaryLine, role="total", name="合计")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
TypeError: ("'role' must be <enum 'SummaryRole'> ...
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from cnbudget.builders import builder_of, written_builder
from cnbudget.decimals import WHOLE_LIMIT
from cnbudget.model.fields import OPTIONAL_TEXT_VALIDATOR, TEXT_VALIDATOR, count_validator

__all__ = ["built", "checked_builder"]

_Made = TypeVar("_Made")

_FACTORY: type = type(attrs.Factory(list))
_REQUIRED = object()  # a field the caller must give


def _is_text(value: object) -> bool:
    return type(value) is str


def _is_optional_text(value: object) -> bool:
    return value is None or type(value) is str


def _is_count(value: object) -> bool:
    return value is None or (type(value) is int and -WHOLE_LIMIT < value < WHOLE_LIMIT)


_INSTANCE_OF = type(attrs.validators.instance_of(int))
_OPTIONAL = type(attrs.validators.optional(attrs.validators.instance_of(int)))


@attrs.frozen
class _InstanceTest:
    """What an ``instance_of`` validator (or its ``optional``) tests: a value of ``kind``."""

    kind: type | tuple[type, ...]
    optional: bool

    def __call__(self, value: object) -> bool:
        return (self.optional and value is None) or isinstance(value, self.kind)


def _instance_test(validator: object) -> _InstanceTest | None:
    """The test an ``instance_of`` validator (or its ``optional``) stands for, if it is one."""
    optional = isinstance(validator, _OPTIONAL)
    inner = getattr(validator, "validator", None) if optional else validator
    kind = getattr(inner, "type", None) if isinstance(inner, _INSTANCE_OF) else None
    if not isinstance(kind, (type, tuple)):
        return None
    return _InstanceTest(kind=kind, optional=optional)


#: One field: its name, its converter (or None), the test of its value (or None) and its default
#: (converted), or _REQUIRED.
_Field = tuple[str, Callable[[Any], Any] | None, Callable[[object], bool], object]


def _always(_value: object) -> bool:
    return True


def _test_of(validator: object) -> Callable[[object], bool] | None:
    """The plain test of a validator (:func:`_always` for none), ``None`` for one not known here."""
    if validator is None:
        return _always
    if validator is TEXT_VALIDATOR:
        return _is_text
    if validator is OPTIONAL_TEXT_VALIDATOR:
        return _is_optional_text
    if validator is count_validator:
        return _is_count
    return _instance_test(validator)


def checked_builder(cls: type[_Made]) -> Callable[..., _Made]:
    """A function taking ``cls``'s fields by keyword and giving ``cls(**values)`` (see the module
    text): written once per class, with each field's test in place of its validator."""
    kind: type = cls  # the class itself is the key of the cache
    function: Callable[..., _Made] = _written(kind)
    return function


@functools.cache  # a fact of the class, the same for every read
def _written(cls: type) -> Callable[..., Any]:
    kind: type = cls
    fields = _fields(kind)
    builder = None if fields is None else builder_of(kind)  # one builder class, made once
    if fields is None or builder is None:
        return cls
    names = [name for name, _, _, _ in fields]
    scope: dict[str, Any] = {"_REQUIRED": _REQUIRED}
    given = ", ".join(f"{name}={name}" for name in names)
    parameters = []
    for index, (name, _, _, default) in enumerate(fields):
        if default is _REQUIRED:
            parameters.append(f"{name}=_REQUIRED")
        else:
            scope[f"_default_{index}"] = default
            parameters.append(f"{name}=_default_{index}")
    required = [f"{name} is _REQUIRED" for name, _, _, default in fields if default is _REQUIRED]
    # A field missing or one the class lacks: the constructor, with what was given, says so.
    checks = [f"if {' or '.join(['_extra', *required])}:",
              f"    return _cls(**{{key: value for key, value in dict({given}).items() if value is not _REQUIRED}},"
              " **_extra)"]
    held = list(names)  # the value each field is given: converted, where it has a converter
    for index, (name, converter, _, default) in enumerate(fields):
        if converter is not None:  # in the constructor's order; a default is converted already
            scope[f"_convert_{index}"] = converter
            held[index] = f"_value_{index}"
            if default is _REQUIRED:
                checks.append(f"_value_{index} = _convert_{index}({name})")
            else:
                checks.append(f"_value_{index} = {name} if {name} is _default_{index} else _convert_{index}({name})")
    tests = [_inline_test(value, test, index, scope)
             for index, (value, (_, _, test, _)) in enumerate(zip(held, fields, strict=True)) if test is not _always]
    if tests:  # a value refused: the constructor, given what the caller gave, says so
        checks.append(f"if not ({' and '.join(tests)}):")
        checks.append(f"    return _cls({given})")
    return written_builder(kind, builder, f"*, {', '.join(parameters)}, **_extra", checks,
                           dict(zip(names, held, strict=True)), scope)


def _inline_test(name: str, test: Callable[[object], bool], index: int, scope: dict[str, Any]) -> str:
    """The test of a field written out where it is a known one, a call of it otherwise."""
    if test is _is_text:
        return f"type({name}) is str"
    if test is _is_optional_text:
        return f"({name} is None or type({name}) is str)"
    if test is _is_count:
        scope["_LIMIT"] = WHOLE_LIMIT
        return f"({name} is None or (type({name}) is int and -_LIMIT < {name} < _LIMIT))"
    assert isinstance(test, _InstanceTest), test  # the only other test _test_of gives
    scope[f"_kind_{index}"] = test.kind
    if test.optional:
        return f"({name} is None or isinstance({name}, _kind_{index}))"
    return f"isinstance({name}, _kind_{index})"


def _fields(cls: type) -> tuple[_Field, ...] | None:
    if (not attrs.has(cls) or getattr(cls, "__attrs_post_init__", None) is not None
            or getattr(cls, "__attrs_pre_init__", None) is not None):
        return None
    fields: list[_Field] = []
    for field in attrs.fields(cls):
        converter = field.converter
        test = _test_of(field.validator)
        if (not field.init or field.alias != field.name or not field.kw_only or test is None
                or isinstance(field.default, _FACTORY)
                or (converter is not None and (isinstance(converter, attrs.Converter) or not callable(converter)))):
            return None
        default: object = _REQUIRED
        if field.default is not attrs.NOTHING:
            default = field.default if converter is None else converter(field.default)
            if not test(default):
                return None
        fields.append((field.name, converter, test, default))
    return tuple(fields)


def built(cls: type[_Made], /, **values: Any) -> _Made:
    """``cls(**values)``, made by the class's :func:`checked_builder`."""
    return checked_builder(cls)(**values)
