"""``cnbudget read``: published text or PDF → model JSON (读取公开文本), problems on standard error.

One document is written to standard output or to ``-o FILE``; several (files, folders, ``-``) to a
folder, ``-o DIR``, each as ``DIR/<its path below the folder the inputs share>.json``, the ending of
its own name kept where two inputs would otherwise take one name. Exit status: 0 when every document
was read (problems, if any, are listed on standard error), 2 when one could not be read at all (the
others are still written).
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from cnbudget.cli.commands import COMMANDS
from cnbudget.cli.inputs import load_source, sources_of
from cnbudget.cli.output import OutputError, write_text
from cnbudget.cli.progress import Progress
from cnbudget.cli.runner import available_cores, in_order
from cnbudget.cli.sources import EXAMPLE_PREFIX, STDIN, Source
from cnbudget.errors import CnbudgetError, ReadError
from cnbudget.readers import Problem
from cnbudget.serialize import to_json

__all__ = ["output_names", "register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``read`` subcommand."""
    parser = subparsers.add_parser(
        "read", help=COMMANDS["read"].help,
        description="Read published disclosures, their PDF or their text (see docs/reading.md), and write "
        "the model as JSON; whatever could not be read is listed on standard error.",
    )
    parser.add_argument("files", nargs="+", metavar="PATH",
                        help="the disclosure as text (.txt) or PDF (.pdf); several, folders (every such file "
                        "under them) or - for standard input with -o DIR; with --together, its text and its tables")
    parser.add_argument("--together", action="store_true",
                        help="read the files as one disclosure (the tables published as a file of their own)")
    parser.add_argument("--encoding", metavar="NAME",
                        help="the encoding of the text (utf-8, gb18030, utf-16 …); detected when not given")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write to OUT.json instead of standard output; a folder for several documents")
    parser.add_argument("-j", "--jobs", type=int, default=available_cores(), metavar="N",
                        help="read N documents at a time in separate processes (default: every core)")
    parser.set_defaults(handler=run, example=None)


@attrs.frozen(kw_only=True)
class ReadDocument:
    """One document's JSON, or why it could not be read."""

    source: str
    json: str | None = None
    problems: tuple[Problem, ...] = ()
    error: str | None = None


def read_one(source: Source, *, encoding: str | None) -> ReadDocument:
    """Read one document into JSON text (what each worker runs)."""
    try:
        loaded = load_source(source, encoding=encoding)
    except CnbudgetError as error:
        return ReadDocument(source=source.name, error=str(error))
    return ReadDocument(source=source.name, json=to_json(loaded.disclosure) + "\n", problems=loaded.problems)


def output_names(sources: list[str]) -> list[Path]:
    """Where each document's JSON goes below the output folder: its path below the folder the inputs
    share, ending in ``.json`` (``.txt.json`` … where two inputs would otherwise take one name).

    Standard input is written as ``stdin.json``, a bundled example under its name.

    >>> [str(p) for p in output_names(["c/a/tsv.txt", "c/b/tsv.txt", "c/b/tsv.pdf", "<stdin>", "example:luntai-2024"])]
    ['a/tsv.json', 'b/tsv.txt.json', 'b/tsv.pdf.json', 'stdin.json', 'luntai-2024.json']
    """
    def not_a_file(name: str) -> Path | None:
        if name == STDIN:
            return Path("stdin")
        return Path(name.removeprefix(EXAMPLE_PREFIX)) if name.startswith(EXAMPLE_PREFIX) else None

    files = [Path(os.path.abspath(name)) for name in sources if not_a_file(name) is None]
    base = Path(os.path.commonpath([str(path.parent) for path in files])) if files else Path()
    relative = [not_a_file(name) or Path(os.path.abspath(name)).relative_to(base) for name in sources]
    plain = [path.with_suffix(".json") for path in relative]
    taken = {name: plain.count(name) for name in plain}
    return [name if taken[name] == 1 else path.with_name(path.name + ".json")
            for name, path in zip(plain, relative, strict=True)]


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error


def _lost(source: Source, why: str) -> ReadDocument:
    """What a document whose worker process ended without a result gives: why, as an error."""
    return ReadDocument(source=source.name, error=why)


def run(args: argparse.Namespace) -> int:
    """Read each document (or the files together) and write its JSON."""
    if args.jobs < 1:
        raise CnbudgetError(f"--jobs {args.jobs}: give 1 or more")
    sources = sources_of(args)
    documents = list(sources.documents)
    one = len(documents) == 1 and not (args.output and Path(args.output).is_dir())
    if not one and not args.output:
        raise ReadError(f"{len(documents)} documents to read: give a folder to write them to with -o DIR")
    names = [Path(args.output) / name for name in output_names([d.name for d in documents])] if not one else []
    progress = Progress(len(documents))
    status = 0
    with in_order(partial(read_one, encoding=args.encoding), documents, jobs=args.jobs,
                  done=progress.done, lost=_lost) as results:
        for index, result in enumerate(results):
            progress.clear()
            if result.json is None:
                print(f"cnbudget read: {result.source}: {result.error}", file=sys.stderr)
                status = 2
                continue
            if one:
                write_text(result.json, args.output)
            else:
                _write(names[index], result.json)
            for problem in result.problems:
                print(f"{result.source}: {problem}", file=sys.stderr)
            if result.problems:
                print(f"{result.source}: {len(result.problems)} part(s) could not be read (未能读取的部分)",
                      file=sys.stderr)
    return status
