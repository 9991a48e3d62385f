"""Reading and checking in several threads at once give what they give one at a time: what the
library keeps between calls (answers per catalogue, functions written per class, builders) is shared
safely, and what a run derives stays with its run."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from cnbudget import example, example_names, from_json, read_text, to_json, validate
from tests.seeds import seed_text

_SEEDS = ("001", "002", "003", "004")


@contextmanager
def _switching_often() -> Iterator[None]:
    """Threads switched far more often than the interpreter's default: interleavings show."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _alone_and_together(tasks: list[Callable[[], str]], threads: int = 4) -> tuple[list[str], list[str]]:
    alone = [task() for task in tasks]
    with _switching_often(), ThreadPoolExecutor(max_workers=threads) as pool:
        together = list(pool.map(lambda task: task(), tasks * threads))
    return alone * threads, together


def _checked_text(text: str) -> str:
    doc = read_text(text).disclosure
    return to_json(doc) + validate(doc).to_json()


def test_seeds_read_and_checked_in_threads_as_one_at_a_time() -> None:
    texts = [seed_text(name) for name in _SEEDS]
    alone, together = _alone_and_together([lambda t=text: _checked_text(t) for text in texts])  # type: ignore[misc]
    assert together == alone


def test_examples_written_read_and_checked_in_threads_as_one_at_a_time() -> None:
    def task(name: str) -> str:
        doc = from_json(to_json(example(name)))
        return to_json(doc, indent=None) + validate(doc).to_json()

    alone, together = _alone_and_together([lambda n=name: task(n) for name in example_names()])  # type: ignore[misc]
    assert together == alone
