"""Hypothesis strategies that generate any model object, up to whole disclosures.

The strategy of an attrs class is derived from its fields' types, so a field added to the model is
generated without touching this file; only values with rules of their own (years, target values,
codes) have explicit strategies here.
"""

from __future__ import annotations

import decimal
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.decimals import MAX_DECIMALS, MAX_WHOLE_DIGITS
from cnbudget.model import FORMAT_VERSION, BudgetDisclosure
from cnbudget.targets import parse_target

__all__ = ["amounts", "disclosures", "function_codes", "values_of"]

#: Target texts of the forms documents print, so that every kind of target value is generated often.
TARGET_FORMS = ("≥95%", ">=3个", "=1人", "≤30元/人/年", "有效提升", "2024年12月31日前", "12月", "100%", "")

#: Every amount the model takes: at most 20 digits before the decimal point and 20 after it
#: (cnbudget.decimals), printed exponents (1E+3, 1.20E+2) included.
amounts = st.one_of(
    st.integers(0, MAX_DECIMALS).flatmap(
        lambda places: st.decimals(min_value=-(10**MAX_WHOLE_DIGITS - 1), max_value=10**MAX_WHOLE_DIGITS - 1,
                                   places=places)),
    st.tuples(st.integers(-(10**6), 10**6), st.integers(1, MAX_WHOLE_DIGITS - 7)).map(
        lambda pair: Decimal(pair[0]).scaleb(pair[1], decimal.Context(prec=50))),
)


def _code(kind: type[Any], first: str, lengths: tuple[int, ...]) -> st.SearchStrategy[Any]:
    def digits(size: int) -> st.SearchStrategy[str]:
        return st.integers(1, 10**size - 1).map(lambda n: str(n).zfill(size))

    head = st.integers(0, 99).map(lambda n: first + str(n).zfill(2))
    parts = st.tuples(head, *(digits(n) for n in lengths)).map("".join)
    return st.one_of(head, parts).map(kind)


function_codes = st.one_of(
    _code(FunctionCode, "2", ()), _code(FunctionCode, "2", (2,)), _code(FunctionCode, "2", (2, 2))
)
_OVERRIDES: dict[Any, st.SearchStrategy[Any]] = {
    str: st.text(max_size=12),
    int: st.integers(-10**6, 10**6),
    bool: st.booleans(),
    Decimal: amounts,
    FunctionCode: function_codes,
    EconomicCode: st.one_of(_code(EconomicCode, "3", ()), _code(EconomicCode, "3", (2,))),
    GovEconomicCode: st.one_of(_code(GovEconomicCode, "5", ()), _code(GovEconomicCode, "5", (2,))),
}
_FIELD_OVERRIDES: dict[tuple[type[Any], str], st.SearchStrategy[Any]] = {
    (BudgetDisclosure, "fiscal_year"): st.integers(2000, 2100),
    (BudgetDisclosure, "format_version"): st.just(FORMAT_VERSION),
}


def _target_values() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(TARGET_FORMS), st.text(max_size=10)).map(parse_target)


def values_of(kind: Any) -> st.SearchStrategy[Any]:
    """A strategy for any value of the type ``kind`` as the model annotates it."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(st.none() if arg is type(None) else values_of(arg) for arg in typing.get_args(kind)))
    if origin is tuple:
        return st.lists(values_of(typing.get_args(kind)[0]), max_size=2).map(tuple)
    if kind in _OVERRIDES:
        return _OVERRIDES[kind]
    if getattr(kind, "__name__", "") == "TargetValue":
        return _target_values()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(list(kind))
    if attrs.has(kind):
        return st.deferred(lambda: _instances(kind))
    raise TypeError(f"no strategy for {kind!r}")


def _instances(cls: type[Any]) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {
        field.name: _FIELD_OVERRIDES[(cls, field.name)] if (cls, field.name) in _FIELD_OVERRIDES
        else values_of(hints[field.name])
        for field in attrs.fields(cls)
    }
    return st.fixed_dictionaries(fields).map(lambda kwargs: cls(**kwargs))


def disclosures() -> st.SearchStrategy[BudgetDisclosure]:
    """Whole disclosures: every table, target and statement the model can hold, with random content."""
    return values_of(BudgetDisclosure)
