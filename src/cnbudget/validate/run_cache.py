"""What several rules of one validation run derive from the same document, derived once (每次检查的缓存).

A cache lives as long as one run of the rules over one document: every rule of the run sees the
same one, and a new run (another document, or the same one moved by a diagnosis) starts empty. What
is kept is a pure function of the document and the catalogue of the run, so keeping it changes no
result.

>>> cache = RunCache()
>>> calls = []
>>> cache.get("answer", lambda: calls.append(1) or 42), cache.get("answer", lambda: calls.append(1) or 0)
(42, 42)
>>> len(calls)
1
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["RunCache"]

_Value = TypeVar("_Value")


class RunCache:
    """Values derived from one run's document, by key, each computed on first use."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}

    def get(self, key: Hashable, compute: Callable[[], _Value]) -> _Value:
        """The value kept under ``key``, computed by ``compute`` the first time it is asked for."""
        if key in self._values:
            value: _Value = self._values[key]
            return value
        value = self._values[key] = compute()
        return value
