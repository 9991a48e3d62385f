"""``cnbudget check``: check disclosures and report what is wrong (检查).

Takes files (model JSON, published text, the published PDF), folders (every such file under them),
``-`` for standard input, or bundled examples. Each document gets its result, or its own error naming
the file, and the run goes on; documents are checked in parallel (``--jobs``) and reported in the
order given. Formats: ``text``, ``json``, ``jsonl``, ``csv``, ``html`` (:mod:`cnbudget.cli.writers`).
Exit status, the worst of the run: 0 nothing shown at or above ``--fail-on``, 1 a finding shown at or
above it (0 with ``--exit-zero``), 2 an input that could not be read; 130 when interrupted.

``--write-baseline FILE`` writes every finding of the run (of every document, whatever ``--severity``,
``--baseline`` and the exit options leave shown) as a baseline of accepted findings; ``--baseline FILE``
keeps the findings it lists out of the output and the exit status, counting them as accepted
(:mod:`cnbudget.validation.baseline`). The two may be given together, to renew a baseline.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from functools import partial
from typing import Any

import attrs

from cnbudget.cli.checking import (
    CheckedDocument,
    CheckOptions,
    UsageError,
    check_source,
    chosen_rules,
    lost_document,
)
from cnbudget.cli.commands import COMMANDS
from cnbudget.cli.inputs import add_input_arguments, sources_of
from cnbudget.cli.output import write_text
from cnbudget.cli.progress import Progress
from cnbudget.cli.results import Totals
from cnbudget.cli.runner import available_cores, in_order, uninterrupted
from cnbudget.cli.summary import summary_table
from cnbudget.cli.writers import (
    FORMATS,
    CsvWriter,
    HtmlWriter,
    JsonLinesWriter,
    JsonWriter,
    TextWriter,
    Writer,
    open_output,
)
from cnbudget.render.words import LANGUAGES, Words
from cnbudget.validation import FAMILIES, Severity
from cnbudget.validation.baseline import Baseline

#: Exit status of a run stopped with Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED = 130


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check", help=COMMANDS["check"].help,
        description="Check budget disclosures against every identity a correct one satisfies.",
    )
    add_input_arguments(parser, many=True)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (one line a finding), json, jsonl (a document a line), csv, html (with -o DIR)")
    parser.add_argument("--severity", choices=[s.value for s in Severity], action="append",
                        help="show only findings of this severity (repeatable)")
    parser.add_argument("--family", choices=list(FAMILIES), action="append",
                        help="run only the rules of this family (repeatable; the same as --select FAMILY)")
    _add_run_options(parser)
    _add_baseline_options(parser)
    parser.set_defaults(handler=run)


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """Choosing rules, failing, output, languages and processes."""
    group = parser.add_argument_group("rules, exit status and output")
    group.add_argument("--select", metavar="RULES", type=_names, action="extend", default=[],
                       help="run only these rules or families (HIER,ROW-001; repeatable)")
    group.add_argument("--ignore", metavar="RULES", type=_names, action="extend", default=[],
                       help="do not run these rules or families (repeatable)")
    group.add_argument("--fail-on", choices=[s.value for s in Severity], default="error",
                       help="exit 1 when a finding shown is of this severity or worse (default: error)")
    group.add_argument("--exit-zero", action="store_true",
                       help="exit 0 whatever the findings (2 still says an input could not be read)")
    group.add_argument("-o", "--output", metavar="PATH",
                       help="write to this file (a folder for --format html) instead of standard output")
    group.add_argument("--excel", action="store_true",
                       help="with --format csv: UTF-8 with a byte-order mark, which Excel needs to show Chinese")
    group.add_argument("--lang", choices=LANGUAGES, default="zh",
                       help="the language of rule titles and the report's words (messages stay Chinese)")
    group.add_argument("-j", "--jobs", type=int, default=available_cores(), metavar="N",
                       help="check N documents at a time in separate processes (default: every core)")
    group.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")


def _add_baseline_options(parser: argparse.ArgumentParser) -> None:
    """Findings a person has accepted (:mod:`cnbudget.validation.baseline`)."""
    group = parser.add_argument_group("accepted findings")
    group.add_argument("--baseline", metavar="FILE",
                       help="leave out the findings this baseline of accepted findings lists")
    group.add_argument("--write-baseline", metavar="FILE",
                       help="write every finding of this run as a baseline of accepted findings")


def _options(args: argparse.Namespace) -> CheckOptions:
    if args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give 1 or more")
    if args.format == "html" and not args.output:
        raise UsageError("--format html writes a folder of pages: give it with -o DIR")
    if args.excel and args.format != "csv":
        raise UsageError("--excel is for --format csv")
    select = [*args.select, *(args.family or [])]
    return CheckOptions(
        encoding=args.encoding, rules=chosen_rules(select, args.ignore),
        severities=tuple(Severity(s) for s in args.severity) if args.severity else None,
        keep_disclosure=args.format == "html",
        baseline=Baseline.load(args.baseline) if args.baseline else None,
        keep_all_findings=bool(args.write_baseline),
    )


def _writer(args: argparse.Namespace, stack: ExitStack, skipped: tuple[str, ...]) -> Writer:
    if args.format == "html":
        return HtmlWriter(args.output, args.lang, skipped)
    stream = stack.enter_context(open_output(args.output, bom=args.excel))
    if args.format == "json":
        return JsonWriter(stream)
    if args.format == "jsonl":
        return JsonLinesWriter(stream)
    if args.format == "csv":
        return CsvWriter(stream)
    return TextWriter(stream, Words(args.lang))


def exit_status(documents: list[CheckedDocument], *, fail_on: Severity, exit_zero: bool = False) -> int:
    """The worst outcome: 2 a document not checked, 1 a finding shown at or above ``fail_on``, else 0.
    A file a folder search found that holds no disclosure (``passed_over``) counts for nothing."""
    if any(doc.outcome not in ("checked", "passed_over") for doc in documents):
        return 2
    failing = any(finding.severity.rank <= fail_on.rank for doc in documents for finding in doc.findings)
    return 1 if failing and not exit_zero else 0


def _tell(doc: CheckedDocument, args: argparse.Namespace) -> None:
    """On standard error: why a document was not checked (whatever the output says of it), and (where
    the output does not carry them) what could not be read in it."""
    if doc.error is not None:
        print(f"cnbudget check: {doc.source}: {doc.error}", file=sys.stderr)
    if args.format in ("text", "csv"):
        for problem in doc.problems:
            print(f"{doc.source}: {problem}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Check every document; the exit status is the worst outcome (see the module)."""
    options = _options(args)
    sources = sources_of(args)
    words = Words(args.lang)
    totals = Totals()
    documents: list[CheckedDocument] = []
    progress = Progress(len(sources.documents), shown=False if args.quiet else None)
    interrupted = False
    with ExitStack() as stack:
        writer = _writer(args, stack, sources.skipped)
        try:
            with in_order(partial(check_source, options=options), sources.documents, jobs=args.jobs,
                          done=progress.done, lost=lost_document) as results:
                for doc in results:
                    with uninterrupted():
                        progress.clear()
                        _tell(doc, args)
                        writer.document(doc)
                        totals.add(doc)
                        documents.append(attrs.evolve(doc, disclosure=None))  # only the pages needed the model
        except KeyboardInterrupt:
            interrupted = True
        finally:
            progress.clear()
        summary = None
        if not args.quiet and (len(sources.documents) > 1 or sources.skipped):
            summary = summary_table(documents, totals, words, sources.skipped)
        if summary is not None and isinstance(writer, TextWriter):
            writer.stream.write("\n" + summary)  # the summary ends the text report
            summary = None
        writer.finish(totals)
    if isinstance(writer, HtmlWriter):
        print(writer.index)
    if summary is not None:
        sys.stderr.write(summary)
    if args.write_baseline and not interrupted:  # a baseline of part of a run would accept too little
        write_text(Baseline.of(f for doc in documents for f in doc.all_findings).to_json(), args.write_baseline)
    if interrupted:
        print(f"cnbudget check: {words['interrupted']}{words.colon}{words['done_of']} {len(documents)} / "
              f"{len(sources.documents)}", file=sys.stderr)
        if args.write_baseline:
            print(f"cnbudget check: {args.write_baseline} not written (the run was not finished)", file=sys.stderr)
        return INTERRUPTED
    return exit_status(documents, fail_on=Severity(args.fail_on), exit_zero=args.exit_zero)
