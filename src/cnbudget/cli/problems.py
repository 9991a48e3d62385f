"""Reporting what the reader could not do, on standard error (读取问题)."""

from __future__ import annotations

import sys

from cnbudget.cli.inputs import Loaded

__all__ = ["report_problems"]


def report_problems(loaded: Loaded) -> None:
    """Print each reading problem of ``loaded`` to standard error, with its source."""
    for problem in loaded.problems:
        print(f"{loaded.source}: {problem}", file=sys.stderr)
