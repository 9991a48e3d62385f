"""``cnbudget check``: check disclosures and report what is wrong (检查).

Takes model JSON, published text (read first; what could not be read is listed on standard error)
or a bundled example. Exit status: 0 no error-level finding, 1 at least one, 2 an input could not
be read. ``--format json`` prints ``{"findings": [...]}`` for one input; for several, one such object
a line, each with its ``source``. ``--write-baseline FILE`` writes every finding of the run (of every
input, whatever ``--severity`` shows) as a baseline of accepted findings; ``--baseline FILE`` keeps the
findings it lists out of the report and out of the exit status, counting them as accepted
(:mod:`cnbudget.validate.baseline`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cnbudget.cli.inputs import add_input_arguments, load_all
from cnbudget.cli.output import write_text
from cnbudget.cli.problems import report_problems
from cnbudget.validate import FAMILIES, Finding, Severity, validate
from cnbudget.validate.baseline import Baseline


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check", help="check disclosures: sums, cross-table agreement, codes, narrative, targets",
        description="Check budget disclosures against every identity a correct one satisfies.",
    )
    add_input_arguments(parser, many=True)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--severity", choices=[s.value for s in Severity], action="append",
                        help="show only findings of this severity (repeatable)")
    parser.add_argument("--family", choices=list(FAMILIES), action="append",
                        help="run only the rules of this family (repeatable)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="leave out the findings this baseline of accepted findings lists")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write every finding of this run as a baseline of accepted findings")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check every input; the exit status says whether any has an error."""
    baseline = Baseline.load(args.baseline) if args.baseline else None
    loaded = load_all(args)
    any_error = False
    reported: list[Finding] = []
    for item in loaded:
        report_problems(item)
        report = validate(item.disclosure, rules=args.family)
        reported.extend(report.findings)
        if baseline is not None:
            report = baseline.apply(report)
        any_error = any_error or report.has_errors
        if args.severity:
            report = report.filter(severities=[Severity(s) for s in args.severity])
        if args.format == "json":
            data = report.to_dict()
            if len(loaded) > 1:
                data = {"source": item.source, **data}
            print(json.dumps(data, ensure_ascii=False, indent=None if len(loaded) > 1 else 2))
        else:
            doc = item.disclosure
            title = f"{item.source}  {doc.department} {doc.fiscal_year} 年部门预算"
            # Files read together are numbered as one text: their lines are not those of either file.
            together = " + " in item.source
            sys.stdout.write(report.to_text(title=title, source=item.source, positions=not together))
            if item.problems:
                print(f"（另有 {len(item.problems)} 处未能读取，见标准错误输出；这些部分未经检查）")
    if args.write_baseline:
        write_text(Baseline.of(reported).to_json(), args.write_baseline)
    return 1 if any_error else 0
