"""Running one task per document on several processes, results in input order (并行处理).

:func:`in_order` hands the documents to a pool of worker processes and gives the results back in the
order of the documents, each as soon as it and every one before it are done, so that output can
stream while later documents are still being read. With one job, or one document, everything runs in
this process. Workers ignore Ctrl-C: the interrupt reaches this process alone, which stops the pool
(:class:`Pool` as a context manager terminates it on any exception) and can still report what was
done.

>>> with in_order(len, ["一二", "三"], jobs=1) as results:
...     list(results)
[2, 1]
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

__all__ = ["available_cores", "in_order", "uninterrupted"]

Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores() -> int:
    """How many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _numbered(task: Callable[[Item], Result], numbered: tuple[int, Item]) -> tuple[int, Result]:
    index, item = numbered
    return index, task(item)


def _in_this_process(task: Callable[[Item], Result], items: Sequence[Item],
                     done: Callable[[], None] | None) -> Iterator[Result]:
    for item in items:
        result = task(item)
        if done is not None:
            done()
        yield result


def _from_pool(pool: multiprocessing.pool.Pool, task: Callable[[Item], Result], items: Sequence[Item],
               done: Callable[[], None] | None) -> Iterator[Result]:
    waiting: dict[int, Result] = {}
    following = 0
    for index, result in pool.imap_unordered(partial(_numbered, task), enumerate(items)):
        if done is not None:
            done()
        waiting[index] = result
        while following in waiting:
            yield waiting.pop(following)
            following += 1


@contextmanager
def in_order(task: Callable[[Item], Result], items: Sequence[Item], *, jobs: int,
             done: Callable[[], None] | None = None) -> Iterator[Iterator[Result]]:
    """The results of ``task`` on each item, in the order of ``items``, computed by ``jobs`` processes
    (``task`` must be a function of a module, so that workers can find it). ``done`` is called as each
    item is finished, in whatever order they finish (for progress). Leaving the block early, by an
    exception or Ctrl-C, stops the workers."""
    workers = min(jobs, len(items))
    if workers <= 1:
        yield _in_this_process(task, items, done)
        return
    # Buffered output would be written again by each worker as it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    with multiprocessing.Pool(workers, initializer=_ignore_interrupts) as pool:
        yield _from_pool(pool, task, items, done)
        pool.close()
        pool.join()


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done, then raise it: a document's result is recorded and
    written whole or not at all. Outside the main thread (where signals cannot be handled) the block
    simply runs."""
    received: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt
