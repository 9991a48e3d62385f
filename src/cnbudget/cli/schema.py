"""``cnbudget schema``: print the JSON Schema of the disclosure format (JSON 模式), or with ``--results``
that of the results ``cnbudget check --format json`` writes (a line of ``jsonl``: its ``$defs/document``)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cnbudget.cli.commands import COMMANDS
from cnbudget.cli.output import write_text
from cnbudget.cli.results_schema import results_schema
from cnbudget.serialize import json_schema


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema", help=COMMANDS["schema"].help,
        description="Print the JSON Schema (2020-12) of the JSON that cnbudget reads and writes.",
    )
    parser.add_argument("--results", action="store_true",
                        help="the schema of the results of cnbudget check --format json (jsonl: $defs/document)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the schema."""
    schema = results_schema() if args.results else json_schema()
    write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return 0
