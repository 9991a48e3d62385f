"""The cyclic garbage collector paused while plain data is built (建纯数据时暂停循环垃圾回收).

Writing JSON through the fast encoder first builds the document's plain data: a dict for every
object, hundreds of thousands for a large document, none of them in a reference cycle and all freed
as soon as the text is written. Each one counts towards the collector's next run, and in a process
holding a large model that run is a full collection visiting every live object: one such run took
63 ms of the 225 ms that building the plain data of a 100,000-line document took (measured with
``gc.callbacks``). No object built there can be freed by a collection, so the collector waits until
the text is written, then runs as before. Cycles made elsewhere meanwhile, by another thread, are
freed at its next run, not lost.

The collector is process-wide, so it is paused only where this is the process's one thread: with
other threads, overlapping writes could keep it paused for good, and another thread may be turning it
on or off for reasons of its own; there the writing runs as it would without the pause. A pause
inside another (or a thread started meanwhile that writes too) is counted, so that the collector
resumes once, when the last ends, and only where it was running when the first began.

>>> import gc
>>> with collection_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]

_lock = threading.Lock()
_pauses = 0  # calls inside collection_paused now, on every thread
_resume = False  # whether the collector ran when the first of them began


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run the body with the cyclic collector paused (``gc.disable``), then resume it if it ran; where
    other threads run, leave the collector alone."""
    global _pauses, _resume
    if threading.active_count() > 1 and _pauses == 0:
        yield
        return
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
