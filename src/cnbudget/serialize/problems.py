"""Every problem of a failed structuring, with its JSON path (数据问题及其路径).

cattrs reports failures as nested exception groups whose notes name the attribute or index;
this module flattens them into ``(path, message)`` pairs such as
``("tables.general_budget.lines[3].amounts.basic", "not an amount: '1.5x'")``.
"""

from __future__ import annotations

from collections.abc import Iterator

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

__all__ = ["problems_of"]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def problems_of(error: BaseException, path: str = "") -> Iterator[tuple[str, str]]:
    """``(path, message)`` for every failure inside ``error``, in the order of the data."""
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield _join(path, key), f"unknown key {key!r} (未知字段)"
    elif isinstance(error, ClassValidationError):
        with_attribute, others = error.group_exceptions()
        for inner, attribute in with_attribute:
            yield from problems_of(inner, _join(path, attribute.name))
        for inner in others:
            yield from problems_of(inner, path)
    elif isinstance(error, IterableValidationError):
        with_index, others = error.group_exceptions()
        for inner, position in with_index:
            yield from problems_of(inner, f"{path}[{position.index}]")
        for inner in others:
            yield from problems_of(inner, path)
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from problems_of(member, path)
    elif isinstance(error, KeyError) and type(error) is KeyError:
        yield path, "a required key is missing (缺少必填字段)"
    else:
        yield path, str(error) or type(error).__name__

