"""Functions written once per class and kept (按类生成并缓存的函数): what the generated reading
(:mod:`~cnbudget.serialize.structuring`) and writing (:mod:`~cnbudget.serialize.unstructuring`)
share — the cache of functions by key, safe between threads, and the way out to the converter.

A generated function meets data or objects it does not take as they are by raising :class:`NotFast`;
the public functions of :mod:`cnbudget.serialize` then go through the converter, which gives the same
result, or says what is wrong and where.
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["FunctionCache", "NotFast", "Unsupported", "not_fast"]

Function = TypeVar("Function", bound=Callable[..., Any])


class NotFast(Exception):
    """Data or an object the generated functions do not take as it is; the converter takes it."""


class Unsupported(Exception):
    """A field whose type or form the generated code does not handle: its class is left to the
    converter."""


def not_fast(*_args: Any) -> typing.NoReturn:
    """The function of a class left to the converter (and the ``raise_`` of generated code)."""
    raise NotFast


class FunctionCache(Generic[Function]):
    """The function of each key (a class, a kind of tuple), written by :meth:`write` on first use.

    A class may hold itself through the classes of its fields: while its function is written, a
    stand-in calls the finished one. Other threads wait for the lock and see only finished functions.
    """

    def __init__(self) -> None:
        self.functions: dict[Any, Function] = {}
        self.pending: dict[Any, Function] = {}
        self.lock = threading.RLock()

    def function(self, key: Any) -> Function:
        found = self.functions.get(key)
        if found is None:
            with self.lock:
                found = self.functions.get(key) or self.pending.get(key) or self._written(key)
        return found

    def write(self, key: Any) -> Function:
        """The function of ``key``; raises :class:`Unsupported` where the converter must do it."""
        raise NotImplementedError

    def _written(self, key: Any) -> Function:
        self.pending[key] = typing.cast(Function, lambda *args: self.functions[key](*args))
        try:
            made = self.write(key)
        except Unsupported:
            made = typing.cast(Function, not_fast)
        finally:
            del self.pending[key]
        self.functions[key] = made
        return made
