"""``cnbudget facts``: the tidy facts of disclosures (数据明细), one row per amount, stacked.

``cnbudget facts PATH… --csv`` writes ``source,department,fiscal_year,amount_unit,table,agency,code,name,
project,row,column,amount`` for every document given (files, folders, ``-``), one table whatever their
number (:data:`cnbudget.serialize.facts_csv.DOCUMENT_FACT_COLUMNS`); ``row`` numbers the rows of each
table, so that source, table, row and column name every amount once. ``--excel`` writes UTF-8 with a
byte-order mark, which Excel needs to show Chinese; ``--json`` writes the same records as one JSON
array. A document that cannot be read is named on standard error and left out; the others are
written, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from functools import partial
from typing import Any

import attrs

from cnbudget.cli.commands import COMMANDS
from cnbudget.cli.inputs import add_input_arguments, load_source, sources_of
from cnbudget.cli.progress import Progress
from cnbudget.cli.runner import available_cores, in_order
from cnbudget.cli.sources import Source
from cnbudget.cli.writers import open_output
from cnbudget.errors import CnbudgetError
from cnbudget.readers import Problem
from cnbudget.serialize.facts_csv import DOCUMENT_FACT_COLUMNS, document_fact_row, document_facts

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``facts`` subcommand."""
    parser = subparsers.add_parser(
        "facts", help=COMMANDS["facts"].help,
        description="Write every amount of the standard tables as one tidy record: " + ",".join(DOCUMENT_FACT_COLUMNS),
    )
    add_input_arguments(parser, many=True)
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--csv", dest="format", action="store_const", const="csv", help="CSV (the default)")
    form.add_argument("--json", dest="format", action="store_const", const="json", help="a JSON array")
    parser.set_defaults(format="csv")
    parser.add_argument("--excel", action="store_true",
                        help="CSV in UTF-8 with a byte-order mark, which Excel needs to show Chinese")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("-j", "--jobs", type=int, default=available_cores(), metavar="N",
                        help="read N documents at a time in separate processes (default: every core)")
    parser.set_defaults(handler=run)


@attrs.frozen(kw_only=True)
class DocumentFacts:
    """The facts of one document, or why it could not be read."""

    source: str
    records: tuple[dict[str, str | int | None], ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str | None = None


def facts_of(source: Source, *, encoding: str | None) -> DocumentFacts:
    """Read one document and list its facts (what each worker runs)."""
    try:
        loaded = load_source(source, encoding=encoding)
    except CnbudgetError as error:
        return DocumentFacts(source=source.name, error=str(error))
    return DocumentFacts(source=source.name, records=tuple(document_facts(loaded.disclosure, source.name)),
                         problems=loaded.problems)


def _lost(source: Source, why: str) -> DocumentFacts:
    """What a document whose worker process ended without a result gives: why, as an error."""
    return DocumentFacts(source=source.name, error=why)


def run(args: argparse.Namespace) -> int:
    """Write the facts of every document, in the order given."""
    if args.excel and args.format != "csv":
        raise CnbudgetError("--excel is for CSV")
    if args.jobs < 1:
        raise CnbudgetError(f"--jobs {args.jobs}: give 1 or more")
    sources = sources_of(args)
    progress = Progress(len(sources.documents))
    status = 0
    written = 0
    with open_output(args.output, bom=args.excel) as stream:
        if args.format == "csv":
            rows = csv.writer(stream, lineterminator="\n")
            rows.writerow(DOCUMENT_FACT_COLUMNS)
        else:
            stream.write("[")
        with in_order(partial(facts_of, encoding=args.encoding), sources.documents, jobs=args.jobs,
                      done=progress.done, lost=_lost) as results:
            for result in results:
                progress.clear()
                if result.error is not None:
                    print(f"cnbudget facts: {result.source}: {result.error}", file=sys.stderr)
                    status = 2
                for problem in result.problems:
                    print(f"{result.source}: {problem}", file=sys.stderr)
                if args.format == "csv":
                    rows.writerows(document_fact_row(record) for record in result.records)
                else:
                    for record in result.records:
                        stream.write(("," if written else "") + "\n  " + json.dumps(record, ensure_ascii=False))
                        written += 1
        if args.format == "json":
            stream.write("\n]\n" if written else "]\n")
    return status

