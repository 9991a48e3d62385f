"""A part of a document that cannot be read is reported, never raised (读取防护).

A reader of one table or one part of the text may meet a figure the model refuses (a number of 300
digits, a count past any bound): the library's own error, raised where the figure is built. Reading
the document goes on: :func:`guarded` turns the error into a :class:`~cnbudget.readers.result.Problem`
saying the part was not read, and the part is left out, as any other part that cannot be placed.

>>> from cnbudget.errors import InvalidAmount
>>> def broken() -> tuple[str, list[Problem]]:
...     raise InvalidAmount("9999… has 300 digits")
>>> problems: list[Problem] = []
>>> guarded(broken, "", problems, part="the narrative", line=12)
''
>>> print(problems[0])
line 12: the narrative not read: 9999… has 300 digits
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from cnbudget.errors import CnbudgetError
from cnbudget.readers.result import Problem

__all__ = ["guarded"]

_Value = TypeVar("_Value")


def guarded(
    read: Callable[[], tuple[_Value, list[Problem]]],
    empty: _Value,
    problems: list[Problem],
    *,
    part: str,
    line: int | None = None,
    text: str = "",
    table: str | None = None,
) -> _Value:
    """What ``read`` gives, its problems added to ``problems``; where it raises a library error, a
    problem saying that ``part`` was not read (which marks the part incomplete) and ``empty``."""
    try:
        value, found = read()
    except CnbudgetError as error:
        value, found = empty, [Problem(line=line, text=text, table=table, message=f"{part} not read: {error}")]
    problems.extend(found)
    return value
