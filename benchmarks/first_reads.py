"""First reads (初次读取): a document timed as a run meets it, not read again.

The library keeps what it works out from printed texts (a line's title, a cell's amount, a paragraph
cleaned, a header's layout) in caches of the process, because a run over many documents meets the
same names, headings and sentences again and again. Reading one document over and over, as a
best-of-N timing does, finds every one of its own texts kept from the last repeat: it times a read
that a run never makes (seed 001: ~14 ms again, ~24 ms first). A first read is timed here: every
cache the library keeps is emptied, the other documents are read (the run before it, which keeps what
documents share), and only then the document, once.
"""

from __future__ import annotations

import gc
import inspect
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["first_time", "forget_readings", "library_caches"]


def _cached_in(namespace: dict[str, Any], module: str) -> Iterator[Any]:
    for value in list(namespace.values()):
        if isinstance(value, staticmethod | classmethod):
            value = value.__func__
        if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__module__", None) == module:
            yield value
        elif inspect.isclass(value) and value.__module__ == module:
            yield from _cached_in(dict(vars(value)), module)


def library_caches() -> list[Any]:
    """Every function of the library's loaded modules (and their classes) that keeps its answers
    (``functools.cache``, ``lru_cache``)."""
    found: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if name == "cnbudget" or name.startswith("cnbudget."):
            for function in _cached_in(dict(vars(module)), name):
                found[id(function)] = function
    return list(found.values())


def forget_readings() -> None:
    """Empty every cache the library keeps (the catalogues too: answers kept with them go with them)."""
    for function in library_caches():
        function.cache_clear()


def first_time(call: Callable[[], object], before: Iterable[Callable[[], object]], repeat: int) -> float:
    """The best of ``repeat`` CPU times of ``call`` made once after the caches were emptied and each of
    ``before`` was made (what a run does before it)."""
    times = []
    for _ in range(repeat):
        forget_readings()
        for earlier in before:
            earlier()
        gc.collect()  # the garbage of the run before is not this call's
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return min(times)
