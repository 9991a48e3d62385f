"""Lossless JSON (无损 JSON 序列化): model objects to JSON text and back.

>>> from cnbudget.model import BudgetDisclosure
>>> doc = BudgetDisclosure(department="示例部门", fiscal_year=2024)
>>> from_json(to_json(doc)) == doc
True
>>> from_json('{"format_version": "1", "department": "示例部门", "fiscal_year": 2024.0}')
Traceback (most recent call last):
...
cnbudget.errors.DataError: 1 problem in the data:
  fiscal_year: expected a whole number, not the number 2024.0
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar, overload

from cnbudget.decimals import in_own_context
from cnbudget.errors import DataError
from cnbudget.model import FORMAT_VERSION, BudgetDisclosure
from cnbudget.serialize.converter import JsonNumber, converter
from cnbudget.serialize.fast import indented_fast, parsed_fast
from cnbudget.serialize.problems import problems_of
from cnbudget.serialize.structuring import structure
from cnbudget.serialize.unstructuring import plain, written

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


@in_own_context
def to_dict(obj: Any) -> Any:
    """Plain data (dicts, lists, strings, numbers) for a model object."""
    try:
        return plain(obj)  # the functions generated for its class
    except Exception:  # an object they do not take: the converter's general way
        return converter.unstructure(obj)


@in_own_context
def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """JSON text for a model object; Chinese stays readable (not ``\\u`` escaped). With the ``fast``
    extra installed (orjson), the default layout is written by it, the same text faster."""
    if indent == 2:
        fast = indented_fast(obj)
        if fast is not None:
            return fast
    try:
        return written(obj, indent)  # straight from the objects, the same text
    except Exception:  # an object the generated functions do not take
        data = converter.unstructure(obj)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _check_version(data: object) -> None:
    if not isinstance(data, dict):
        raise DataError([("", f"a disclosure must be a JSON object, not {type(data).__name__}")])
    version = data.get("format_version")
    if version is None:
        raise DataError([("format_version", f'missing: a disclosure states its format version ("{FORMAT_VERSION}")')])
    if version != FORMAT_VERSION:
        raise DataError([("format_version", f"unknown format version {version!r}; this cnbudget reads "
                                            f"version {FORMAT_VERSION!r} (格式版本不受支持)")])


@overload
def from_dict(data: object) -> BudgetDisclosure: ...
@overload
def from_dict(data: object, cls: type[T]) -> T: ...
@in_own_context
def from_dict(data: object, cls: type[Any] = BudgetDisclosure) -> Any:
    """Build a model object from plain data, or raise :class:`DataError` listing every problem."""
    if cls is BudgetDisclosure:
        _check_version(data)
    try:
        return structure(data, cls, [])  # valid data, checked once (structuring.py)
    except Exception:  # read again below, where every problem gets its path
        pass
    try:
        return converter.structure(data, cls)
    except Exception as error:  # cattrs groups every failure; we report them all with their paths
        raise DataError(list(problems_of(error))) from None


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _loads(text: str | bytes) -> object:
    try:
        return json.loads(text, parse_float=JsonNumber, parse_constant=JsonNumber,
                          object_pairs_hook=_pairs_without_duplicates)
    except json.JSONDecodeError as error:
        raise DataError([(f"line {error.lineno} column {error.colno}", f"not valid JSON: {error.msg}")]) from None
    except ValueError as error:
        raise DataError([("", f"not valid JSON: {error}")]) from None
    except RecursionError:
        raise DataError([("", "not valid JSON: nested too deeply")]) from None


# Outside its strings, JSON text has a colon after each key and nowhere else. The structuring tallies
# the keys of every object read and the colons inside every text read; a key given twice leaves one
# entry, and so fewer keys and colons read than the text holds. A colon inside a string may also be
# written as an escape (\u003a), no colon of the text: each such escape is counted with the colons,
# so that the text never seems to hold fewer than were read.
_ESCAPED_COLON = re.compile(r"\\u003[aA]")
_ESCAPED_BYTES = re.compile(rb"\\u003[aA]")
_NOT_READ = object()


def _read_valid(text: str | bytes, cls: type[Any]) -> Any:
    """``text`` read as a ``cls`` by the functions generated for its class, or ``_NOT_READ`` for
    anything they do not take at once (invalid JSON, a bad value, a key twice in one object)."""
    try:
        if not isinstance(text, str):
            encoding = json.detect_encoding(text)
            if encoding != "utf-8":  # UTF-8 (most files) is parsed as it is: no str made and encoded again
                text = text.decode(encoding, "surrogatepass")  # as json.loads does
        data = parsed_fast(text)
        if cls is BudgetDisclosure:
            _check_version(data)  # its DataError is read again below, and said by from_dict
        tally: list[int] = []
        read = structure(data, cls, tally)
    except Exception:  # read again by from_dict, which says what is wrong
        return _NOT_READ
    if sum(tally) != _colons(text):  # a key given twice, or colons in strings the structuring does not see
        return _NOT_READ
    return read


def _colons(text: str | bytes) -> int:
    """The colons of ``text``, each escaped colon counted with them. UTF-8 bytes are counted as they
    are: there a byte below 0x80 is that ASCII character, never part of another."""
    if isinstance(text, str):
        return text.count(":") + (len(_ESCAPED_COLON.findall(text)) if "\\" in text else 0)
    return text.count(b":") + (len(_ESCAPED_BYTES.findall(text)) if b"\\" in text else 0)


@overload
def from_json(text: str | bytes) -> BudgetDisclosure: ...
@overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...
@in_own_context
def from_json(text: str | bytes, cls: type[Any] = BudgetDisclosure) -> Any:
    """Read JSON text written by :func:`to_json` (or by another tool following the schema)."""
    read = _read_valid(text, cls)
    if read is not _NOT_READ:
        return read
    return from_dict(_loads(text), cls)
