"""``cnbudget facts``: the tidy facts of a disclosure (数据明细), one row per amount.

``cnbudget facts doc.json --csv`` writes ``table,agency,code,name,project,column,amount``;
``--json`` writes the same records as a JSON array. Published text is read first.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cnbudget.cli.inputs import add_input_arguments, load_all
from cnbudget.cli.output import write_text
from cnbudget.cli.problems import report_problems
from cnbudget.errors import ReadError
from cnbudget.serialize import facts_csv, to_dict


def register(subparsers: Any) -> None:
    """Add the ``facts`` subcommand."""
    parser = subparsers.add_parser(
        "facts", help="write every amount as tidy CSV (table,agency,code,name,project,column,amount)",
        description="Write every amount of the standard tables as one tidy record.",
    )
    add_input_arguments(parser, many=False)
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--csv", dest="format", action="store_const", const="csv", help="CSV (the default)")
    form.add_argument("--json", dest="format", action="store_const", const="json", help="a JSON array")
    parser.set_defaults(format="csv")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the facts of the one input."""
    inputs = load_all(args)
    if len(inputs) != 1:
        raise ReadError("facts writes one disclosure: give one FILE or --example NAME (or --together)")
    (loaded,) = inputs
    report_problems(loaded)
    if args.format == "csv":
        write_text(facts_csv(loaded.disclosure), args.output)
    else:
        records = [to_dict(fact) for fact in loaded.disclosure.facts()]
        write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", args.output)
    return 0
