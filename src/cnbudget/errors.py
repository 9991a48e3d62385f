"""The exceptions cnbudget raises (异常类型).

Every exception the library raises on purpose derives from :class:`CnbudgetError`, so a caller
can catch them all in one place, and also from the built-in type a Python user expects
(``ValueError`` for bad values, ``KeyError`` for failed look-ups). Bad data never raises anything
else; an argument of the wrong type is a ``TypeError`` (text where a number belongs, a number where a
path belongs), as Python's own functions do — a :class:`WrongArgumentType`, also a ``CnbudgetError``,
where the library names the function that takes such an argument.

>>> from cnbudget.errors import InvalidAmount, CnbudgetError
>>> issubclass(InvalidAmount, ValueError) and issubclass(InvalidAmount, CnbudgetError)
True
"""

from __future__ import annotations

__all__ = [
    "CnbudgetError",
    "DataError",
    "FinalAccountsNotRead",
    "InvalidAmount",
    "InvalidCode",
    "InvalidValue",
    "NotADisclosure",
    "ReadError",
    "UnknownCode",
    "UnknownName",
    "WrongArgumentType",
]


class CnbudgetError(Exception):
    """Base class of every error cnbudget raises on purpose (cnbudget 异常基类)."""


class InvalidAmount(CnbudgetError, ValueError):
    """Text or a value that is not an amount of money (金额无效).

    >>> from cnbudget import parse_amount
    >>> parse_amount("12元3")
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidAmount: not an amount: '12元3' (不是金额)
    """


class InvalidCode(CnbudgetError, ValueError):
    """A classification code that cannot exist (科目编码无效); the message says why.

    >>> from cnbudget import FunctionCode
    >>> FunctionCode("2101")
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidCode: 支出功能分类 code '2101' has 4 digits; a 类/款/项 code has 3, 5 or 7
    """


class WrongArgumentType(CnbudgetError, TypeError):
    """An argument of a type the function does not take, where another function takes it (参数类型
    不符): a path or bytes given to ``read_text``, which reads text; the message names the function.

    >>> from cnbudget import read_text
    >>> read_text(b"2024")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cnbudget.errors.WrongArgumentType: read_text reads the text itself (a str), not bytes: ...
    """


class InvalidValue(CnbudgetError, ValueError):
    """A value of the right type outside what it may be (取值无效): a year with no catalogue, the
    13th month, a target value whose parts do not go together.

    >>> from cnbudget import catalog
    >>> catalog(1999)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidValue: no 政府收支分类 catalogue for 1999: ...
    """


class _NotHeld(CnbudgetError, KeyError):
    """A key looked up and not held, its message read as a sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        # KeyError would quote the message; a person should read it as a sentence.
        return self.message


class UnknownName(_NotHeld):
    """A name the library holds nothing under (名称未知): a bundled example, a rule or a family of
    rules. The message lists the names there are.

    >>> from cnbudget import example
    >>> example("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cnbudget.errors.UnknownName: no bundled example 'nope'; available: aketao-2023, ...
    """


class UnknownCode(_NotHeld):
    """A well-formed code that a catalogue does not hold (科目不在目录中).

    The message says whether the catalogue's list is complete at that place, so that "this code
    does not exist" can be told apart from "this code is not in our data".
    """


class DataError(CnbudgetError, ValueError):
    """Malformed input data (数据格式错误): every problem with the path where it was found.

    ``problems`` holds ``(path, message)`` pairs; ``str()`` lists them one a line.

    >>> err = DataError([("tables.general_budget.lines[3].amounts.basic", "not an amount: 1.5")])
    >>> print(err)
    1 problem in the data:
      tables.general_budget.lines[3].amounts.basic: not an amount: 1.5
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        super().__init__(self._describe())

    def _describe(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        lines = [f"  {path or '<root>'}: {message}" for path, message in self.problems]
        return "\n".join([head, *lines])


class ReadError(CnbudgetError, ValueError):
    """Input that cannot be read as a published disclosure at all (无法读取): not text, not a
    disclosure, unreadable file. Problems inside a readable document are reported, not raised."""


class NotADisclosure(ReadError):
    """Readable text that holds no budget disclosure (不是预算公开文件): no standard table, no
    department and no budget year — a note, a README, another kind of document.

    >>> issubclass(NotADisclosure, ReadError)
    True
    """


class FinalAccountsNotRead(ReadError):
    """The document is final accounts (部门决算), which are not read yet — not a budget disclosure
    that failed to read.

    >>> issubclass(FinalAccountsNotRead, ReadError)
    True
    """
