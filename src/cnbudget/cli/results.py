"""The results of a run as data (检查结果): one object per document, the totals, a CSV row per finding.

These are the shapes of ``cnbudget check --format json|jsonl|csv``, one schema each whatever the number
of documents (see ``docs/corpus.md`` and :func:`cnbudget.cli.results_schema.results_schema`):

* a document: ``{source, outcome, error, department, fiscal_year, amount_unit, coverage, comparisons,
  counts, accepted, findings, problems}``; ``outcome`` is ``checked``, ``not_read``, ``final_accounts``,
  ``failed`` or ``passed_over`` (a file a folder search found that holds no disclosure)
  (:data:`~cnbudget.cli.checking.OUTCOMES`), ``error`` says why a document was not checked, and
  ``accepted`` how many findings a baseline kept out (``null`` without ``--baseline``);
* the totals: ``{documents, outcomes, tables, counts, accepted, rules}``, ``rules`` the shown findings
  per rule, most frequent first;
* a CSV row: the document, the finding, and its first place (:data:`CSV_COLUMNS`); further places in
  ``other_places``; a document that was not checked is one row with its ``error``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from cnbudget.cli.checking import OUTCOMES, CheckedDocument
from cnbudget.readers import Problem
from cnbudget.render.words import Words
from cnbudget.validation import Finding, Location, Severity
from cnbudget.validation.report import finding_data, printed_where

__all__ = ["CSV_COLUMNS", "Totals", "csv_rows", "document_dict", "finding_dict"]

_ZH, _EN = Words("zh"), Words("en")

#: The columns of ``--format csv``: one finding a row.
CSV_COLUMNS = ("source", "department", "fiscal_year", "rule", "severity", "title", "title_en", "message",
               "table", "agency", "code", "project", "column", "line", "page", "expected", "actual",
               "other_places", "related", "error")


def cell_text(value: object) -> str:
    """A value as the text of a table cell (CSV, the summary table): its text, or an empty cell for None
    (a zero stays ``0``).

    >>> cell_text(None), cell_text(2024), cell_text(0)
    ('', '2024', '0')
    """
    return "" if value is None else str(value)


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as JSON data (:func:`~cnbudget.validation.report.finding_data`), its rule's title in
    Chinese and in English after the rule."""
    return {"rule": finding.rule, "title": _ZH.title(finding.rule), "title_en": _EN.title(finding.rule),
            **finding_data(finding)}  # the rule stays first: a key given again keeps its place


def _problem_dict(problem: Problem) -> dict[str, Any]:
    return {"line": problem.line, "page": problem.page, "table": problem.table, "source": problem.source,
            "message": problem.message, "text": problem.text}


def document_dict(doc: CheckedDocument) -> dict[str, Any]:
    """One document's result as JSON data (an element of ``documents``, a line of ``jsonl``)."""
    report = doc.report
    coverage = report.coverage if report is not None else None
    return {
        "source": doc.source,
        "outcome": doc.outcome,
        "error": doc.error,
        "department": doc.department,
        "fiscal_year": doc.fiscal_year,
        "amount_unit": doc.amount_unit,
        "coverage": attrs.asdict(coverage) if coverage is not None else None,
        "comparisons": report.comparisons if report is not None else 0,
        "counts": doc.counts(),
        "accepted": doc.accepted,
        "findings": [finding_dict(finding) for finding in doc.findings],
        "problems": [_problem_dict(problem) for problem in doc.problems],
    }


@attrs.define
class Totals:
    """What a run found over all its documents."""

    documents: int = 0
    outcomes: Counter[str] = attrs.field(factory=Counter)
    tables_read: int = 0
    tables_printed: int = 0
    counts: Counter[str] = attrs.field(factory=Counter)
    rules: Counter[str] = attrs.field(factory=Counter)
    accepted: int | None = None  # findings a baseline kept out, where one was applied

    def add(self, doc: CheckedDocument) -> None:
        """Count one more document."""
        self.documents += 1
        self.outcomes[doc.outcome] += 1
        coverage = doc.report.coverage if doc.report is not None else None
        if coverage is not None:
            self.tables_read += len(coverage.read)
            self.tables_printed += len(coverage.printed)
        if doc.accepted is not None:
            self.accepted = (self.accepted or 0) + doc.accepted
        for finding in doc.findings:
            self.counts[finding.severity.value] += 1
            self.rules[finding.rule] += 1

    def frequent_rules(self) -> list[tuple[str, int]]:
        """``(rule, findings)`` most frequent first, then by rule id."""
        return sorted(self.rules.items(), key=lambda pair: (-pair[1], pair[0]))

    def to_dict(self) -> dict[str, Any]:
        """The totals as JSON data."""
        return {
            "documents": self.documents,
            "outcomes": {outcome: self.outcomes[outcome] for outcome in OUTCOMES},
            "tables": {"read": self.tables_read, "printed": self.tables_printed},
            "counts": {severity.value: self.counts[severity.value] for severity in Severity},
            "accepted": self.accepted,
            "rules": dict(self.frequent_rules()),
        }


def _place(location: Location) -> str:
    return "/".join(part or "" for part in (location.table, location.agency, location.code, location.project,
                                            location.column))


def csv_rows(doc: CheckedDocument) -> Iterator[list[str]]:
    """The CSV rows of one document (:data:`CSV_COLUMNS`): a row per finding shown, or one row with
    the error of a document that was not checked."""
    head = [doc.source, doc.department or "", cell_text(doc.fiscal_year)]
    if doc.report is None:
        yield [*head, *[""] * (len(CSV_COLUMNS) - len(head) - 1), doc.error or ""]
        return
    for finding in doc.findings:
        first = finding.locations[0] if finding.locations else Location()
        yield [
            *head, finding.rule, finding.severity.value, _ZH.title(finding.rule), _EN.title(finding.rule),
            finding.message, first.table or "", first.agency or "", first.code or "", first.project or "",
            first.column or "", cell_text(first.line_number), cell_text(first.page),
            cell_text(finding.expected), cell_text(finding.actual),
            "; ".join(_place(location) for location in finding.locations[1:]),
            " | ".join(finding.related), "",
        ]


def where(doc: CheckedDocument, finding: Finding) -> str:
    """How a line of text output names the finding's place: ``file:57``, ``file:p.12``, or the file."""
    together = " + " in doc.source  # files read together are numbered as one text, not as either file
    found = None if together else printed_where(finding, doc.source)
    return found or doc.source
