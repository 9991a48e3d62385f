"""The ``cnbudget`` command (命令行工具).

Each subcommand lives in a module of its own that exposes ``register(subparsers)`` (listed in
``commands.py``); ``main`` loads the one being run, builds the parser and maps library errors to exit codes:
0 success, 1 the answer is "not found" or "errors found", 2 the input could not be used.
A reader that stops reading (``cnbudget check … | head``) ends the command quietly, and Ctrl-C ends it
without a traceback (130).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Collection, Sequence

from cnbudget import __version__
from cnbudget.cli.commands import COMMANDS
from cnbudget.decimals import in_own_context
from cnbudget.errors import CnbudgetError

__all__ = ["main"]

_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a command ended by a closed pipe
_INTERRUPTED = 130  # 128 + SIGINT


def build_parser(loaded: Collection[str] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser with every subcommand; those not in ``loaded`` only by name and help line,
    their modules not loaded (they cannot be run from this parser)."""
    parser = argparse.ArgumentParser(
        prog="cnbudget",
        description="部门预算公开 (Chinese budget disclosures): classification look-up, "
        "reading, checking and conversion.",
    )
    parser.add_argument("--version", action="version", version=f"cnbudget {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        if name in loaded:
            importlib.import_module(command.module).register(subparsers)
        else:
            subparsers.add_parser(name, help=command.help)
    return parser


def _command_given(argv: Sequence[str]) -> list[str]:
    """The subcommand named on the command line, if any: the first word that is not an option (the
    top-level options, --help and --version, take no value)."""
    words = [word for word in argv if not word.startswith("-")][:1]
    return [word for word in words if word in COMMANDS]


@in_own_context
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used by the console script)."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(loaded=_command_given(argv))
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
