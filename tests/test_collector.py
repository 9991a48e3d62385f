"""The collector paused while plain data is built (serialize/collector.py): it resumes once, when the
last pause ends, and only where it ran before; an error inside does not leave it paused; where other
threads run it is left alone."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from cnbudget.serialize.collector import collection_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_running_after() -> None:
    gc.enable()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_inside_another_does_not_resume_it_early() -> None:
    gc.enable()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_stopped_before_stays_stopped() -> None:
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_resumes_the_collector() -> None:
    gc.enable()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("inside")
    assert gc.isenabled()


def test_the_collector_is_left_alone_where_other_threads_run() -> None:
    # Overlapping writes on several threads could keep it paused for good, and another thread may be
    # turning it on or off itself.
    gc.enable()
    other_inside = threading.Event()
    other_may_end = threading.Event()

    def other() -> None:
        other_inside.set()
        other_may_end.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert other_inside.wait(10)
        with collection_paused():
            assert gc.isenabled()
    finally:
        other_may_end.set()
        thread.join(10)
    assert gc.isenabled()
    with collection_paused():  # alone again: paused
        assert not gc.isenabled()
