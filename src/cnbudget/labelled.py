"""Enums whose members carry a Chinese label (带中文名称的枚举).

Each member is declared with its stable English value (used in JSON, CSV and on the command line)
and, beside it, the Chinese term documents print:

>>> class Basis(LabelledEnum):
...     BUDGET = labelled("budget", "上年预算")
...     FINAL_ACCOUNTS = labelled("final_accounts", "上年决算")
>>> Basis("budget"), Basis.BUDGET.value, Basis.FINAL_ACCOUNTS.zh
(<Basis.BUDGET: 'budget'>, 'budget', '上年决算')

The value stays a plain ``str``, so lookups by value (``Basis("budget")``) and serialisation are those
of any enum, and mypy types both: the label travels to the member in a ``str`` subclass that
:class:`LabelledEnum`'s one-argument ``__new__`` unpacks (a ``(value, label)`` tuple would make
mypy check ``Basis("budget")`` against a two-argument constructor). A member declared without a
label is refused when its class is made:

>>> class Unlabelled(LabelledEnum):
...     PLAIN = "plain"
Traceback (most recent call last):
...
TypeError: Unlabelled member 'plain' has no Chinese label: declare it as labelled('plain', '…')
"""

from __future__ import annotations

import enum
from typing import Self

__all__ = ["LabelledEnum", "labelled"]


class _Labelled(str):
    """A member's value with its Chinese label, on its way into :class:`LabelledEnum`."""

    __slots__ = ("zh",)
    zh: str


def labelled(value: str, zh: str) -> str:
    """A member's value ``value`` with its Chinese label ``zh`` (only inside a :class:`LabelledEnum`)."""
    marked = _Labelled(value)
    marked.zh = zh
    return marked


class LabelledEnum(enum.Enum):
    """An enum of English values, each member with its Chinese label ``zh``."""

    # The value is the English key; declared so that mypy types ``.value`` as ``str``.
    _value_: str
    value: str
    zh: str

    def __new__(cls, value: str) -> Self:
        if not isinstance(value, _Labelled):
            raise TypeError(f"{cls.__name__} member {value!r} has no Chinese label: declare it as "
                            f"labelled({value!r}, '…')")
        member = object.__new__(cls)
        member._value_ = str(value)
        member.zh = value.zh
        return member
