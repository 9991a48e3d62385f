"""``cnbudget read``: published text or PDF → model JSON (读取公开文本), problems on standard error.

Exit status: 0 when the text was read (problems, if any, are listed on standard error), 2 when it
could not be read at all.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cnbudget.cli.inputs import load, load_together
from cnbudget.cli.output import write_text
from cnbudget.cli.problems import report_problems
from cnbudget.errors import ReadError
from cnbudget.serialize import to_json


def register(subparsers: Any) -> None:
    """Add the ``read`` subcommand."""
    parser = subparsers.add_parser(
        "read", help="read a published disclosure (text or PDF) into model JSON",
        description="Read a published disclosure, its PDF or its text (see docs/reading.md), and write "
        "the model as JSON; whatever could not be read is listed on standard error.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="the disclosure as text (.txt) or PDF (.pdf); with --together, its text and its tables")
    parser.add_argument("--together", action="store_true",
                        help="read the files as one disclosure (the tables published as a file of their own)")
    parser.add_argument("--encoding", metavar="NAME",
                        help="the encoding of the text (utf-8, gb18030, utf-16 …); detected when not given")
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write to OUT.json instead of standard output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Read the file (or the files together) and write its JSON."""
    if len(args.files) > 1 and not args.together:
        raise ReadError("read takes one disclosure: give one FILE, or --together for its text and tables")
    loaded = (load_together(args.files, encoding=args.encoding) if args.together
              else load(args.files[0], encoding=args.encoding))
    write_text(to_json(loaded.disclosure) + "\n", args.output)
    report_problems(loaded)
    if loaded.problems:
        print(f"{loaded.source}: {len(loaded.problems)} part(s) could not be read (未能读取的部分)", file=sys.stderr)
    return 0
