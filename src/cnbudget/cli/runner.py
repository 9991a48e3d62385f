"""Running one task per document on several processes, results in input order (并行处理).

:func:`in_order` hands the documents to worker processes and gives the results back in the order of
the documents, each as soon as it and every one before it are done, so that output can stream while
later documents are still being read. With one job, or one document, everything runs in this
process. Workers ignore Ctrl-C: the interrupt reaches this process alone, which stops the workers
and can still report what was done.

Each worker has a pipe of its own and one document at a time, so that this process always knows
which document a worker holds. Results done ahead of a slow document wait for it, a few dozen per
worker at most: no more are handed out until it is done, so memory stays bounded. A worker that
ends without giving its result back (killed for want of memory, a crash in compiled code; even
halfway through sending it) neither stops the run nor hangs it: its pipe reaches its end, a new
worker takes its place, and the document is tried once more; where its worker ends again, its
result is the one ``lost`` makes for it, and the run goes on. (``concurrent.futures``' pool, tried
first, hangs where a worker is killed while sending a large result, and its threads make every later
fork a risk; ``multiprocessing.Pool`` waits for ever for a dead worker's result.)

>>> with in_order(len, ["一二", "三"], jobs=1) as results:
...     list(results)
[2, 1]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

import attrs

from cnbudget.errors import CnbudgetError

__all__ = ["WORKER_ENDED", "available_cores", "in_order", "uninterrupted"]

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Why a document has no result where its worker ended without one, twice (what ``lost`` is given).
WORKER_ENDED = "the process reading it ended without a result, twice (进程意外终止: out of memory, or a crash)"

_POLL = 0.2  # seconds between looks at Ctrl-C while waiting for workers
# Results kept waiting behind a document not done yet, per worker, before no more are handed out: a
# slow document among a province's thousands must not make this process hold all the others.
_MOST_WAITING = 16


def available_cores() -> int:
    """How many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _in_this_process(task: Callable[[Item], Result], items: Sequence[Item],
                     done: Callable[[], None] | None) -> Iterator[Result]:
    for item in items:
        result = task(item)
        if done is not None:
            done()
        yield result


@attrs.frozen
class _Raised:
    """A task's exception, sent back in place of its result (raised here in the item's turn)."""

    error: BaseException


def _serve(task: Callable[[Any], Any], connection: Connection) -> None:
    """A worker: ``(index, item)`` in, ``(index, result)`` out, until ``None``, the pipe's end or the
    end of the process that started it (killed: nothing more will come)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held back since it was started (_started): now ignored
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parent = multiprocessing.parent_process()
    while True:
        if parent is not None and parent.sentinel in wait([connection, parent.sentinel]) and not connection.poll():
            return
        try:
            asked = connection.recv()
        except EOFError:
            return
        if asked is None:
            return
        index, item = asked
        try:
            answer: Any = task(item)
        except Exception as error:  # raised in this process in the item's turn
            answer = _Raised(_portable(error))
        try:
            connection.send((index, answer))
        except Exception as error:  # a result that does not pickle
            connection.send((index, _Raised(CnbudgetError(f"{type(error).__name__}: {error}"))))


def _portable(error: Exception) -> Exception:
    """``error``, or where it would not come back whole through a pipe, a CnbudgetError saying it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return CnbudgetError(f"{type(error).__name__}: {error}")
    return error


@attrs.define
class _Worker:
    process: BaseProcess
    connection: Connection
    holding: int | None = None  # the index of the item it was given, until its result comes back


def _started(task: Callable[[Any], Any]) -> _Worker:
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve, args=(task, theirs), daemon=True)
    # Ctrl-C is held back while the worker starts, so that it cannot stop it halfway (with a
    # traceback of its own) before it ignores it; the worker inherits the mask and lifts it.
    masked = hasattr(signal, "pthread_sigmask")
    if masked and multiprocessing.get_start_method() != "fork":
        # Started on first use, the resource tracker lifts a block of SIGINT itself: start it first.
        resource_tracker.ensure_running()
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        process.start()
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    theirs.close()  # only the worker holds its end: when it ends, our reads reach the pipe's end
    return _Worker(process, ours)


def _ended(worker: _Worker, *, now: bool) -> None:
    """Stop a worker: ``now`` whatever it is doing, else once it has read that there is no more."""
    with uninterrupted():
        if not now:
            with contextlib.suppress(OSError):  # it has gone already
                worker.connection.send(None)
            worker.process.join(timeout=10)
        if worker.process.is_alive():
            worker.process.terminate()
        worker.process.join()
        worker.connection.close()


class _Workers:
    """The workers of a run: replaced as they end, fewer where a new one cannot be started."""

    def __init__(self, task: Callable[[Any], Any], count: int) -> None:
        self.task = task
        self.running: list[_Worker] = []
        self.cannot_start: str | None = None  # why the last start failed, once one has
        for _ in range(count):
            self._start()

    def _start(self) -> None:
        try:
            self.running.append(_started(self.task))
        except OSError as error:  # no memory or no process left to fork: go on with fewer
            self.cannot_start = f"no worker process could be started ({error})"

    def replace(self, worker: _Worker) -> None:
        _ended(worker, now=True)
        self.running.remove(worker)
        self._start()

    def stop(self, *, now: bool) -> None:
        for worker in self.running:
            _ended(worker, now=now)


def _from_workers(task: Callable[[Item], Result], items: Sequence[Item], workers: int,
                  done: Callable[[], None] | None,
                  lost: Callable[[Item, str], Result] | None) -> Generator[Result, None, None]:
    finished: dict[int, Result | _Raised] = {}
    following = 0
    waiting = deque(range(len(items)))  # not handed to a worker yet
    tried_again: set[int] = set()  # items whose worker ended once already

    def given_up(index: int, why: str) -> None:
        finished[index] = lost(items[index], why) if lost is not None else _Raised(
            CnbudgetError(f"{items[index]!r}: {why}"))
        if done is not None:
            done()

    pool: _Workers | None = None
    clean = False
    try:
        with uninterrupted():
            pool = _Workers(task, workers)
        while following < len(items):
            if not pool.running:  # not one worker left to start: what is left cannot be done
                while waiting:
                    given_up(waiting.popleft(), pool.cannot_start or WORKER_ENDED)
            with uninterrupted():  # Ctrl-C between a send and noting who holds what would lose an item
                for worker in list(pool.running):
                    # Only documents near the first not yet given back are handed out: at most this
                    # many results wait for it. A document tried again is always near it (it was
                    # near when first handed out), so the first one itself is never held back.
                    if worker.holding is None and waiting and waiting[0] < following + _MOST_WAITING * workers:
                        index = waiting.popleft()
                        try:
                            worker.connection.send((index, items[index]))
                        except OSError:  # it ended while idle: a new one takes its place and the item
                            pool.replace(worker)
                            waiting.appendleft(index)
                            continue
                        worker.holding = index
            busy = [worker for worker in pool.running if worker.holding is not None]
            ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=_POLL))
            for worker in busy:
                if not (worker.connection in ready or worker.process.sentinel in ready):
                    continue
                held = worker.holding
                assert held is not None
                with uninterrupted():
                    try:
                        answered, result = worker.connection.recv()
                    except (EOFError, OSError):  # it ended without a result, perhaps halfway through it
                        pool.replace(worker)
                        if held in tried_again:
                            given_up(held, WORKER_ENDED)
                        else:
                            tried_again.add(held)
                            waiting.appendleft(held)
                        continue
                    except Exception as error:  # a result that cannot be taken back (no memory for it …)
                        pool.replace(worker)  # what is left of it in the pipe goes with the worker
                        given_up(held, f"its result could not be taken back ({type(error).__name__}: {error})")
                        continue
                    worker.holding = None
                    finished[answered] = result
                if done is not None:
                    done()
            while following in finished:
                result = finished.pop(following)
                following += 1
                if isinstance(result, _Raised):
                    raise result.error
                yield result
        clean = True
    finally:
        if pool is not None:
            pool.stop(now=not clean)


@contextmanager
def in_order(task: Callable[[Item], Result], items: Sequence[Item], *, jobs: int,
             done: Callable[[], None] | None = None,
             lost: Callable[[Item, str], Result] | None = None) -> Iterator[Iterator[Result]]:
    """The results of ``task`` on each item, in the order of ``items``, computed by ``jobs`` processes
    (``task`` must be a function of a module, so that workers can find it). ``done`` is called as each
    item is finished, in whatever order they finish (for progress). ``lost(item, why)`` is the result
    of an item whose worker ended without one twice, or whose result could not be taken back (see the
    module text); without it, such an item raises :class:`~cnbudget.errors.CnbudgetError` in its turn,
    as a task's exception is raised in its item's turn.
    Leaving the block early, by an exception or Ctrl-C, stops the workers."""
    workers = min(jobs, len(items))
    if workers <= 1:
        yield _in_this_process(task, items, done)
        return
    # Buffered output would be written again by each worker as it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    results = _from_workers(task, items, workers, done, lost)
    try:
        yield results
    finally:
        results.close()  # a run left early: the generator's own clean-up stops the workers


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done, then raise it: a document's result is recorded and
    written whole or not at all. Outside the main thread (where signals cannot be handled) the block
    simply runs. Inside another such block, a Ctrl-C held back is handed on to it, held back until
    the outer block is done too (as to any handler that was in place: Python's own raises
    KeyboardInterrupt)."""
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
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt
