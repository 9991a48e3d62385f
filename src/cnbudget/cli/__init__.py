"""The ``cnbudget`` command (命令行工具).

Each subcommand lives in a module of its own that exposes ``register(subparsers)``; ``main``
builds the parser from them and maps library errors to exit codes:
0 success, 1 the answer is "not found" or "errors found", 2 the input could not be used.
A reader that stops reading (``cnbudget check … | head``) ends the command quietly, and Ctrl-C ends it
without a traceback (130).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cnbudget import __version__
from cnbudget.cli import check, code, facts, read, rules, schema, score
from cnbudget.decimals import in_own_context
from cnbudget.errors import CnbudgetError

__all__ = ["main"]

_SUBCOMMANDS = (check, read, facts, schema, score, code, rules)
_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a command ended by a closed pipe
_INTERRUPTED = 130  # 128 + SIGINT


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="cnbudget",
        description="部门预算公开 (Chinese budget disclosures): classification look-up, "
        "reading, checking and conversion.",
    )
    parser.add_argument("--version", action="version", version=f"cnbudget {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _SUBCOMMANDS:
        module.register(subparsers)
    return parser


@in_own_context
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used by the console script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = args.handler
    try:
        status: int = handler(args)
        sys.stdout.flush()
    except CnbudgetError as error:
        # Input that cannot be used: say what and where, no traceback.
        print(f"cnbudget {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return _BROKEN_PIPE
    except KeyboardInterrupt:
        print(f"cnbudget {args.command}: interrupted", file=sys.stderr)
        return _INTERRUPTED
    return status


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that the interpreter's last flush at exit does not fail
    again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # standard output replaced by an object without a descriptor
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
