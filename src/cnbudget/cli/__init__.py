"""The ``cnbudget`` command (命令行工具).

Each subcommand lives in a module of its own that exposes ``register(subparsers)``; ``main``
builds the parser from them and maps library errors to exit codes:
0 success, 1 the answer is "not found" or "errors found", 2 the input could not be used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cnbudget import __version__
from cnbudget.cli import check, code, facts, read, rules, schema, score
from cnbudget.decimals import in_own_context
from cnbudget.errors import CnbudgetError

__all__ = ["main"]

_SUBCOMMANDS = (check, read, facts, schema, score, code, rules)


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
    except CnbudgetError as error:
        # Input that cannot be used: say what and where, no traceback.
        print(f"cnbudget {args.command}: {error}", file=sys.stderr)
        return 2
    sys.stdout.flush()
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
