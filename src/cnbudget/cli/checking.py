"""Checking one document of a run (检查一份文件): read it, run the rules, keep what is shown.

:func:`check_source` is what each worker process runs; its result, :class:`CheckedDocument`, holds
everything the outputs need and pickles, so that documents can be checked anywhere (several
processes, Dask, Spark) and reported in one place. A document that cannot be read is a result too:
its error names the file, and the run goes on.

>>> from cnbudget.cli.sources import Source
>>> checked = check_source(Source(name="example:urumqi-2024", example="urumqi-2024"), CheckOptions())
>>> checked.outcome, checked.department, checked.counts()["error"]
('checked', '乌鲁木齐市医疗保障局', 0)
>>> check_source(Source(name="没有这个文件.txt"), CheckOptions()).error
'cannot read 没有这个文件.txt: No such file or directory'
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence

import attrs

from cnbudget.cli.inputs import load_source
from cnbudget.cli.sources import Source
from cnbudget.errors import CnbudgetError, FinalAccountsNotRead, NotADisclosure
from cnbudget.model import BudgetDisclosure
from cnbudget.readers import Problem
from cnbudget.validation import RULES, Finding, Report, Severity, validate
from cnbudget.validation.baseline import Baseline
from cnbudget.validation.registry import select_rules

__all__ = ["OUTCOMES", "CheckOptions", "CheckedDocument", "UsageError", "check_source", "chosen_rules", "lost_document"]

#: What became of a document: checked; not read (an error names why); final accounts (部门决算),
#: which are refused by design; failed (the library met a fault of its own, please report it; or the
#: process checking it ended without a result: the error says which).
OUTCOMES = ("checked", "not_read", "final_accounts", "failed", "passed_over")


class UsageError(CnbudgetError, ValueError):
    """Options that cannot be followed (an unknown rule, a format without its output …)."""


@attrs.frozen(kw_only=True)
class CheckOptions:
    """How to read and check each document, and which findings to keep."""

    encoding: str | None = None
    rules: tuple[str, ...] | None = None  # the ids of the rules to run; None: every rule
    severities: tuple[Severity, ...] | None = None  # the severities shown; None: all
    keep_disclosure: bool = False  # the HTML report lays the tables out
    baseline: Baseline | None = None  # findings accepted: left out, and counted
    keep_all_findings: bool = False  # every finding, before the baseline and the filters (to write a baseline)


@attrs.frozen(kw_only=True)
class CheckedDocument:
    """The result of checking one document: its report and reading problems, or why it was not read."""

    source: str
    outcome: str = "checked"
    department: str | None = None
    fiscal_year: int | None = None
    amount_unit: str | None = None
    report: Report | None = None
    problems: tuple[Problem, ...] = ()
    error: str | None = None
    disclosure: BudgetDisclosure | None = attrs.field(default=None, eq=False, repr=False)
    all_findings: tuple[Finding, ...] = attrs.field(default=(), repr=False)  # with keep_all_findings

    @property
    def accepted(self) -> int | None:
        """How many findings a baseline kept out (``None`` where no baseline was applied)."""
        return self.report.accepted if self.report is not None else None

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings shown (none for a document that was not read)."""
        return self.report.findings if self.report is not None else ()

    def counts(self) -> dict[str, int]:
        """How many findings of each severity are shown, by severity value."""
        return {severity.value: sum(1 for f in self.findings if f.severity is severity) for severity in Severity}


def chosen_rules(select: Sequence[str], ignore: Sequence[str]) -> tuple[str, ...] | None:
    """The ids of the rules to run: those ``select`` names (ids or families; every rule when empty)
    but those ``ignore`` names; ``None`` for every rule. An unknown name is a :class:`UsageError`.

    >>> chosen_rules(["ROW"], ["ROW-001"])[:2]
    ('ROW-002', 'ROW-003')
    >>> chosen_rules([], []) is None
    True
    """
    if not select and not ignore:
        return None
    try:
        chosen = [rule.id for rule in select_rules(list(select) or None, RULES)]
        dropped = {rule.id for rule in select_rules(list(ignore), RULES)} if ignore else set()
    except KeyError as error:
        raise UsageError(str(error.args[0])) from None
    return tuple(rule_id for rule_id in dict.fromkeys(chosen) if rule_id not in dropped)


def lost_document(source: Source, why: str) -> CheckedDocument:
    """The result of a document whose worker process ended without one (``cli.runner.in_order``'s
    ``lost``): failed, saying why, as a fault of the library is.

    >>> lost_document(Source(name="大.pdf"), "the process reading it ended").outcome
    'failed'
    """
    return CheckedDocument(source=source.name, outcome="failed", error=why)


def _fault(error: Exception) -> str:
    """A fault of the library's own, said in one line with where it happened (to be reported)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
    return f"internal error ({type(error).__name__}: {error}{where}); please report it"


def check_source(source: Source, options: CheckOptions) -> CheckedDocument:
    """Read and check one document; never raises for a document that cannot be read or checked."""
    try:
        loaded = load_source(source, encoding=options.encoding)
    except FinalAccountsNotRead as error:
        return CheckedDocument(source=source.name, outcome="final_accounts", error=str(error))
    except NotADisclosure as error:  # in a folder, a file of another kind; named, it is an error
        return CheckedDocument(source=source.name, outcome="passed_over" if source.in_folder else "not_read",
                               error=str(error))
    except CnbudgetError as error:
        return CheckedDocument(source=source.name, outcome="not_read", error=str(error))
    except Exception as error:  # a fault of the library must not stop the run: it is reported
        return CheckedDocument(source=source.name, outcome="failed", error=_fault(error))
    doc = loaded.disclosure
    try:
        report = validate(doc, rules=options.rules)
    except Exception as error:  # checking never raises on content; a fault is reported, not fatal
        return CheckedDocument(source=source.name, outcome="failed", department=doc.department,
                               fiscal_year=doc.fiscal_year, problems=loaded.problems, error=_fault(error))
    every_finding = report.findings if options.keep_all_findings else ()
    if options.baseline is not None:
        report = options.baseline.apply(report)
    if options.severities is not None:
        report = report.filter(severities=options.severities)
    return CheckedDocument(
        source=source.name, department=doc.department, fiscal_year=doc.fiscal_year,
        amount_unit=doc.amount_unit.value, report=report, problems=loaded.problems,
        disclosure=doc if options.keep_disclosure else None, all_findings=every_finding,
    )
