"""Running one task per document on several processes, results in input order (并行处理).

:func:`in_order` hands the documents to a pool of worker processes and gives the results back in the
order of the documents, each as soon as it and every one before it are done, so that output can
stream while later documents are still being read. With one job, or one document, everything runs in
this process. Workers ignore Ctrl-C: the interrupt reaches this process alone, which stops the
workers and can still report what was done.

A worker that ends without giving its result back (killed for want of memory, a crash in compiled
code) neither stops the run nor hangs it: the documents that the workers had in hand are done again
one at a time, each in a worker of its own, so that the one whose worker ends again is known and
given the result ``lost`` makes for it (the others get their own); the rest go on in a new pool.

>>> with in_order(len, ["一二", "三"], jobs=1) as results:
...     list(results)
[2, 1]
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import NoReturn, TypeVar

from cnbudget.errors import CnbudgetError

__all__ = ["WORKER_ENDED", "available_cores", "in_order", "uninterrupted"]

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Why a document has no result where its worker ended without one (what ``lost`` is given).
WORKER_ENDED = "the process reading it ended without a result (进程意外终止: out of memory, or a crash)"


def available_cores() -> int:
    """How many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_this_process(task: Callable[[Item], Result], items: Sequence[Item],
                     done: Callable[[], None] | None) -> Iterator[Result]:
    for item in items:
        result = task(item)
        if done is not None:
            done()
        yield result


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, initializer=_ignore_interrupts)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now, whatever they are doing (the run was left early, or a worker
    ended: the others would finish documents no one waits for)."""
    with uninterrupted():
        terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
        if terminate is not None:
            terminate()
            return
        workers = list((getattr(pool, "_processes", None) or {}).values())  # before 3.14: the executor's own
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            if worker.is_alive():
                worker.terminate()


# Ctrl-C raises KeyboardInterrupt wherever the main thread is; inside the executor's calls it can
# land between a lock taken and the block that releases it, and the executor's own thread then
# waits for that lock for ever (the interpreter's exit with it). So the executor is only ever called
# with Ctrl-C held back (uninterrupted), and waited on a fraction of a second at a time, so that Ctrl-C
# still stops the run at once.
_POLL = 0.2  # seconds


def _collected(running: dict[Future[Result], int]) -> tuple[list[tuple[int, Result]], list[int]]:
    """The results of the tasks of ``running`` finished within :data:`_POLL` (taken out of it), and,
    where a worker ended without a result, every item the workers had in hand then."""
    results: list[tuple[int, Result]] = []
    with uninterrupted():
        ready, _ = wait(running, timeout=_POLL, return_when=FIRST_COMPLETED)
        for future in sorted(ready, key=running.__getitem__):
            try:
                results.append((running[future], future.result()))
            except BrokenProcessPool:
                return results, sorted(running.values())
            del running[future]
    return results, []


def _alone(task: Callable[[Item], Result], item: Item, lost: Callable[[Item, str], Result]) -> Result:
    """``task(item)`` in a worker of its own; where that worker ends without a result, ``lost``'s."""
    pool = _pool(1)
    try:
        with uninterrupted():
            running = {pool.submit(task, item): 0}
        while True:
            results, in_hand = _collected(running)
            if in_hand:
                return lost(item, WORKER_ENDED)
            if results:
                return results[0][1]
    finally:
        _stop(pool)


def _from_pool(task: Callable[[Item], Result], items: Sequence[Item], workers: int,
               done: Callable[[], None] | None,
               lost: Callable[[Item, str], Result]) -> Generator[Result, None, None]:
    finished: dict[int, Result] = {}
    following = 0
    waiting = deque(range(len(items)))  # not handed to a worker yet
    while waiting:
        pool = _pool(workers)
        running: dict[Future[Result], int] = {}
        in_hand: list[int] = []  # what the workers had when one ended without a result
        ended = False
        try:
            while (waiting or running) and not in_hand:
                with uninterrupted():
                    while waiting and len(running) < 2 * workers:  # a few ahead, so that no worker waits
                        index = waiting.popleft()
                        running[pool.submit(task, items[index])] = index
                results, in_hand = _collected(running)
                for index, result in results:
                    finished[index] = result
                    if done is not None:
                        done()
                while following in finished:
                    yield finished.pop(following)
                    following += 1
            ended = not in_hand
        finally:
            if ended:
                with uninterrupted():
                    pool.shutdown(wait=True)  # every worker idle: they leave as asked
            else:
                _stop(pool)
        for index in in_hand:
            finished[index] = _alone(task, items[index], lost)
            if done is not None:
                done()
        while following in finished:
            yield finished.pop(following)
            following += 1


def _no_result(item: object, why: str) -> NoReturn:
    raise CnbudgetError(f"{item!r}: {why}")


@contextmanager
def in_order(task: Callable[[Item], Result], items: Sequence[Item], *, jobs: int,
             done: Callable[[], None] | None = None,
             lost: Callable[[Item, str], Result] | None = None) -> Iterator[Iterator[Result]]:
    """The results of ``task`` on each item, in the order of ``items``, computed by ``jobs`` processes
    (``task`` must be a function of a module, so that workers can find it). ``done`` is called as each
    item is finished, in whatever order they finish (for progress). ``lost(item, why)`` is the result
    of an item whose worker ended without one (see the module text); without it, such an item raises
    :class:`~cnbudget.errors.CnbudgetError`. Leaving the block early, by an exception or Ctrl-C, stops
    the workers."""
    workers = min(jobs, len(items))
    if workers <= 1:
        yield _in_this_process(task, items, done)
        return
    # Buffered output would be written again by each worker as it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    results = _from_pool(task, items, workers, done, lost or _no_result)
    try:
        yield results
    finally:
        results.close()  # a run left early: the generator's own clean-up stops the workers


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
