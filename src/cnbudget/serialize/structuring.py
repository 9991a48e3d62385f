"""Structuring generated once per class (按类生成的结构化函数): plain data to model objects, fast.

The converter (:mod:`cnbudget.serialize.converter`) reports every problem with its path, but it
builds each object through cattrs' general code and then the attrs constructor, which converts and
validates again every value the structuring has just checked. For each model class this module
writes one function that makes the same checks once, in a straight line, and sets the fields
directly. What it cannot accept with certainty — a wrong type, a missing required or an unknown key,
a value out of bounds, a text subclass, a type it does not know — it does not try to explain: it
raises :class:`NotFast`, and :func:`cnbudget.serialize.from_dict` reads the data again with the
converter, which says what is wrong and where, exactly as before.

A field's converter and validator still run where the structuring does not already do their work:
a validator that checks more than the type (a year's range, a target value's combination of
fields) runs on the built object, as the attrs constructor would run it.

>>> from cnbudget.model import Agency
>>> structure({"name": "某某局", "code": None, "kind": "administrative", "is_department_level": True}, Agency, [])
Agency(name='某某局', code=None, kind=<AgencyKind.ADMINISTRATIVE: 'administrative'>, is_department_level=True)
>>> structure({"name": 7}, Agency, [])
Traceback (most recent call last):
...
cnbudget.serialize.generated.NotFast
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.builders import builder_of
from cnbudget.codes import ClassificationCode
from cnbudget.decimals import WHOLE_LIMIT
from cnbudget.model.fields import (
    OPTIONAL_TEXT_VALIDATOR,
    TEXT_VALIDATOR,
    as_amount,
    as_optional_amount,
    as_optional_figure,
    count_validator,
    to_tuple,
)
from cnbudget.serialize.converter import structure_amount
from cnbudget.serialize.generated import FunctionCache, Namespace, NotFast, Unsupported, not_fast, optional_of
from cnbudget.targets import check_number

__all__ = ["NotFast", "structure"]


#: A generated function: the data, the keys of each object read (tally) and the amounts and codes
#: read so far in this call (known: amounts under their text, codes under their class and text).
_Structure = Callable[[Any, list[int], dict[Any, Any]], Any]


# An amount as documents print it, which the converter's hook reads into a Decimal of the same
# digits: at most 20 characters and no exponent, so within the bounds of cnbudget.decimals.
_PLAIN_AMOUNT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_PLAIN_AMOUNT_LENGTH = 20
# The converters of amount fields, which keep a Decimal as it is unless it is a zero with a sign.
_AMOUNT_CONVERTERS = (as_amount, as_optional_amount, as_optional_figure)


def _amount(value: object, convert: Callable[[Any], Any]) -> Any:
    """An amount that is not plain: the converter's hook, then the field's converter."""
    if value.__class__ is not str:
        raise NotFast
    return convert(structure_amount(value, Decimal))


def _identity(value: Any) -> Any:
    return value


def _enum_table(kind: type[enum.Enum]) -> dict[tuple[type[Any], Any], enum.Enum]:
    """Each member under (type of its value, value): the converter takes a member only for a value of
    the same type (1 is no member whose value is True); the first member of a value wins."""
    table: dict[tuple[type[Any], Any], enum.Enum] = {}
    for member in kind:
        table.setdefault((type(member.value), member.value), member)
    return table


# The kinds of attrs validators whose checks the structuring can make (typed loosely: attrs
# declares them as plain callables).
_AND: Any = type(attrs.validators.and_())
_OPTIONAL: Any = type(attrs.validators.optional(attrs.validators.instance_of(str)))
_INSTANCE_OF: Any = type(attrs.validators.instance_of(str))
_DEEP_ITERABLE: Any = type(attrs.validators.deep_iterable(attrs.validators.instance_of(str)))


def _uncovered(validator: Any, hint: Any) -> list[Any]:
    """The parts of ``validator`` (of a field of type ``hint``) that structuring a value does not
    already check, in the order attrs runs them."""
    if validator is None:
        return []
    if isinstance(validator, _AND):
        return [part for each in validator._validators for part in _uncovered(each, hint)]
    inner = optional_of(hint)
    covered = (
        (validator is OPTIONAL_TEXT_VALIDATOR and str in (hint, inner))
        or (validator is TEXT_VALIDATOR and hint is str)
        or (validator is count_validator and int in (hint, inner))  # the structuring bounds counts too
        or (validator is check_number and Decimal in (hint, inner))  # and reads finite amounts in bounds
        or (isinstance(validator, _OPTIONAL) and inner is not None and not _uncovered(validator.validator, inner))
        or (isinstance(validator, _INSTANCE_OF) and isinstance(hint, type) and issubclass(hint, validator.type))
        or (isinstance(validator, _DEEP_ITERABLE) and validator.iterable_validator is None
            and typing.get_origin(hint) is tuple
            and not _uncovered(validator.member_validator, typing.get_args(hint)[0]))
    )
    return [] if covered else [validator]


def _converter_done(field: attrs.Attribute[Any], hint: Any) -> bool:
    """Whether the structured value is already what the field's converter would make of it."""
    converter: Any = field.converter
    if converter is None or converter in _AMOUNT_CONVERTERS:
        return True  # an amount's converter runs in the structuring, where it changes anything
    return converter is to_tuple and typing.get_origin(hint) is tuple


def _builder(cls: type[Any]) -> type[Any]:
    """The builder of ``cls`` (:mod:`cnbudget.builders`): a new object is made one, given its fields,
    and made a ``cls``; a class without one is left to the converter."""
    builder = builder_of(cls)
    if builder is None:
        raise Unsupported
    return builder


class _Source(Namespace):
    """The source of one generated function and the names it uses."""

    def __init__(self, generator: _Generator) -> None:
        super().__init__({"NotFast": NotFast, "MISSING": attrs.NOTHING, "amount": _amount,
                          "plain_amount": _PLAIN_AMOUNT.fullmatch, "Decimal": Decimal,
                          "COUNT_LIMIT": WHOLE_LIMIT, "raise_": not_fast, "new": object.__new__})
        self.generator = generator

    def compile(self, functions: dict[str, list[str]], label: str) -> dict[str, Any]:
        return self.compiled(functions, "data, tally, known", f"structuring {label}")

    def checks(self, hint: Any, var: str, field: attrs.Attribute[Any] | None) -> list[str]:
        """Statements that check ``var`` as ``hint`` and leave the structured value in it."""
        inner = optional_of(hint)
        if inner is not None:
            lines = self.checks(inner, var, field)
            return [f"if {var} is not None:", *(f"    {line}" for line in lines)] if lines else []
        if hint is str:
            # Its colons go to the tally too (see :func:`structure`).
            return [f"if {var}.__class__ is not str: raise NotFast",
                    f"if ':' in {var}: tally.append({var}.count(':'))"]
        if hint is bool:
            return [f"if {var} is not True and {var} is not False: raise NotFast"]
        if hint is int:
            bounded = field is not None and field.validator is count_validator
            bound = f" or not -COUNT_LIMIT < {var} < COUNT_LIMIT" if bounded else ""
            return [f"if {var}.__class__ is not int{bound}: raise NotFast"]
        if hint is Decimal:
            # The field's converter changes only a zero with a sign; a tuple's items have none. A plain
            # amount without a sign is read once per call (``known``): most figures recur.
            converter: Any = None if field is None else field.converter
            own = converter if converter in _AMOUNT_CONVERTERS else _identity
            convert = self.name(own, "convert")
            return [f"if {var}.__class__ is not str: raise NotFast",
                    f"a = known.get({var})",
                    "if a is not None:",
                    f"    {var} = a",
                    f"elif len({var}) <= {_PLAIN_AMOUNT_LENGTH} and plain_amount({var}):",
                    # (keyed by the text: ``known[v] = v = ...`` sets the key before ``v`` changes)
                    f"    if {var}[0] != '-': known[{var}] = {var} = Decimal({var})",
                    f"    else: {var} = {convert}(Decimal({var}))",
                    "else:",
                    f"    {var} = amount({var}, {convert})"]
        if isinstance(hint, type) and issubclass(hint, ClassificationCode):
            # A code is read once per call too (codes are immutable): the tables repeat them.
            kind = self.name(hint, "code")
            return [f"if {var}.__class__ is not str: raise NotFast",
                    f"a = known.get(({kind}, {var}))",
                    f"{var} = a if a is not None else known.setdefault(({kind}, {var}), {kind}({var}))"]
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return [f"{var} = {self.name(_enum_table(hint), 'members')}.get(({var}.__class__, {var})) or raise_()"]
        if typing.get_origin(hint) is tuple:
            args = typing.get_args(hint)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise Unsupported
            item = self.name(self.generator.item_function(args[0]), "item")
            return [f"if {var}.__class__ is not list: raise NotFast",
                    f"{var} = tuple([{item}(x, tally, known) for x in {var}])"]
        if isinstance(hint, type) and attrs.has(hint):
            return [f"{var} = {self.name(self.generator.function(hint), 'structure')}({var}, tally, known)"]
        raise Unsupported


class _Generator(FunctionCache[_Structure]):
    """Writes the structuring function of each class, and of each kind of tuple item, once."""

    def item_function(self, hint: Any) -> _Structure:
        if isinstance(hint, type) and attrs.has(hint):
            return self.function(hint)
        source = _Source(self)
        made: _Structure = source.compile(
            {"item": [*source.checks(hint, "data", None), "return data"]}, f"item {hint!r}")["item"]
        return made

    def write(self, key: Any) -> _Structure:
        return self._class_function(key)

    def _class_function(self, cls: type[Any]) -> _Structure:
        """Two functions: one for an object that gives every key (what to_json writes), one that
        also takes an object leaving keys out (their defaults are the constructor's)."""
        if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
            raise Unsupported
        fields = attrs.fields(cls)
        if any(not field.init or field.alias != field.name for field in fields):
            raise Unsupported
        # A slot that is no field (a cached hash) is set by the constructor alone.
        slots = {slot for klass in cls.__mro__ for slot in klass.__dict__.get("__slots__", ())}
        if slots - {field.name for field in fields} - {"__weakref__", "__dict__"}:
            raise Unsupported
        hints = typing.get_type_hints(cls)
        source = _Source(self)
        source.names["cls"] = cls
        values = [f"v{index}" for index in range(len(fields))]
        checks = [source.checks(hints[field.name], var, field) for var, field in zip(values, fields, strict=True)]
        converting: list[str] = []  # the converters and validators the structuring leaves to do
        validating: list[str] = []
        for var, field in zip(values, fields, strict=True):
            hint = hints[field.name]
            if not _converter_done(field, hint):
                converting.append(f"{var} = {source.name(field.converter, 'convert')}({var})")
            attribute = source.name(field, "attribute")
            validating.extend(f"{source.name(part, 'validator')}(obj, {attribute}, {var})"
                              for part in _uncovered(field.validator, hint))
        building = [f"obj = new({source.name(_builder(cls), 'builder')})"]
        building.extend(f"obj.{field.name} = {var}" for var, field in zip(values, fields, strict=True))
        building.append("obj.__class__ = cls")
        # (Where validators are switched off, one that fails sends the data to the converter, which
        # builds the object without them.)
        building += [*validating, "return obj"]

        every_key = ["if data.__class__ is not dict: raise NotFast", "try:"]
        every_key.extend(f"    {var} = data[{field.name!r}]" for var, field in zip(values, fields, strict=True))
        every_key += ["except KeyError:", "    return some_keys(data, tally, known)",
                      f"if len(data) != {len(fields)}: raise NotFast", f"tally.append({len(fields)})",
                      *(line for lines in checks for line in lines), *converting, *building]

        some_keys = ["if data.__class__ is not dict: raise NotFast", "size = len(data)", "tally.append(size)",
                     "missing = 0"]
        for var, field in zip(values, fields, strict=True):
            absent = "missing += 1" if field.default is not attrs.NOTHING else "raise NotFast"
            some_keys += [f"{var} = data.get({field.name!r}, MISSING)", f"if {var} is MISSING: {absent}"]
        some_keys.append(f"if size != {len(fields)} - missing: raise NotFast")
        for var, lines in zip(values, checks, strict=True):
            if lines:
                some_keys += [f"if {var} is not MISSING:", *(f"    {line}" for line in lines)]
        given = ", ".join(f"({field.name!r}, {var})" for var, field in zip(values, fields, strict=True))
        # A key left out: the constructor converts, fills in the default and validates, as it does for
        # the converter.
        some_keys.append(f"return cls(**{{k: v for k, v in ({given},) if v is not MISSING}})")
        made: _Structure = source.compile(
            {"some_keys": some_keys, "every_key": every_key}, cls.__qualname__)["every_key"]
        return made


_GENERATOR = _Generator()


def structure(data: Any, cls: type[Any], tally: list[int]) -> Any:
    """``data`` as a ``cls``, or :class:`NotFast`; ``tally`` receives the number of keys of every
    object read and of colons in every text read (their sum, against the colons of the JSON text,
    reveals a key given twice: see :mod:`cnbudget.serialize.jsontext`)."""
    return _GENERATOR.function(cls)(data, tally, {})
