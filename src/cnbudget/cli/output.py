"""Where command output goes: standard output, or a file named with ``-o``."""

from __future__ import annotations

import sys
from pathlib import Path

from cnbudget.errors import CnbudgetError

__all__ = ["OutputError", "write_text"]


class OutputError(CnbudgetError, OSError):
    """The output file cannot be written."""


def write_text(text: str, path: str | None) -> None:
    """Write ``text`` to ``path``, or to standard output when ``path`` is None or ``-``."""
    if path is None or path == "-":
        sys.stdout.write(text)
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
