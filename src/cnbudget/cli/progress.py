"""Progress on standard error while a person watches (进度): documents done, the rate, time left.

Shown only when the stream is a terminal, on one line redrawn in place, at most a few times a second;
quiet in pipes, files and logs.

>>> import io
>>> progress = Progress(total=3, stream=io.StringIO(), clock=iter([0.0, 1.0, 2.0, 3.0]).__next__, shown=True)
>>> progress.done(); progress.done()
>>> progress.stream.getvalue().split("\\r")[-1]
'2/3 documents · 1.0/s · about 1 s left'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "duration"]

_REDRAW_SECONDS = 0.2


def duration(seconds: float) -> str:
    """A span of time as people say it: ``42 s``, ``3 min 05 s``, ``1 h 02 min``.

    >>> duration(42.4), duration(185), duration(3725)
    ('42 s', '3 min 05 s', '1 h 02 min')
    """
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


class Progress:
    """Counts documents done and redraws one line of progress on ``stream`` when it is a terminal."""

    def __init__(self, total: int, *, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic,
                 shown: bool | None = None) -> None:
        self.total = total
        self.count = 0
        self.stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._started = clock()
        self._drawn_at: float | None = None
        self._width = 0
        self.shown = self.stream.isatty() if shown is None else shown

    def done(self) -> None:
        """One more document is done."""
        self.count += 1
        if not self.shown:
            return
        now = self._clock()
        if self._drawn_at is not None and now - self._drawn_at < _REDRAW_SECONDS and self.count < self.total:
            return
        self._drawn_at = now
        elapsed = now - self._started
        line = f"{self.count}/{self.total} documents"
        if elapsed > 0:
            rate = self.count / elapsed
            line += f" · {rate:.1f}/s"
            if self.count < self.total:
                line += f" · about {duration((self.total - self.count) / rate)} left"
        self.stream.write("\r" + line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def clear(self) -> None:
        """Remove the progress line, so that what follows starts on a clean line."""
        if self.shown and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
