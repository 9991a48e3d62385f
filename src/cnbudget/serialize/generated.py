"""Functions written once per class and kept (按类生成并缓存的函数): what the generated reading
(:mod:`~cnbudget.serialize.structuring`) and writing (:mod:`~cnbudget.serialize.unstructuring`)
share — the cache of functions by key, safe between threads, and the way out to the converter.

A generated function meets data or objects it does not take as they are by raising :class:`NotFast`;
the public functions of :mod:`cnbudget.serialize` then go through the converter, which gives the same
result, or says what is wrong and where.
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["FunctionCache", "Namespace", "NotFast", "Unsupported", "not_fast", "optional_of"]

Function = TypeVar("Function", bound=Callable[..., Any])


class NotFast(Exception):
    """Data or an object the generated functions do not take as it is; the converter takes it."""


class Unsupported(Exception):
    """A field whose type or form the generated code does not handle: its class is left to the
    converter."""


def not_fast(*_args: Any) -> typing.NoReturn:
    """The function of a class left to the converter (and the ``raise_`` of generated code)."""
    raise NotFast


def optional_of(hint: Any) -> Any:
    """``X`` for ``X | None``, else ``None``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


class Namespace:
    """The names generated code may use: those it is given, and the values named as it is written."""

    def __init__(self, names: Mapping[str, Any]) -> None:
        self.names: dict[str, Any] = dict(names)

    def name(self, value: Any, prefix: str) -> str:
        """A new name for ``value`` in the code being written."""
        key = f"{prefix}{len(self.names)}"
        self.names[key] = value
        return key

    def compiled(self, functions: Mapping[str, list[str]], parameters: str, label: str) -> dict[str, Any]:
        """The functions (each a name and the lines of its body, taking ``parameters``) compiled
        over these names; ``label`` names the code in tracebacks."""
        source = "".join(f"def {name}({parameters}):\n" + "".join(f"    {line}\n" for line in lines)
                         for name, lines in functions.items())
        namespace = dict(self.names)
        exec(compile(source, f"<cnbudget {label}>", "exec"), namespace)
        return namespace


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
