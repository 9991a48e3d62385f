"""The report of a check (检查报告): findings, filters, and text and JSON renderings.

JSON form (stable; other tools read it)::

    {"findings": [{"rule", "severity", "message",
                   "locations": [{"table", "agency", "code", "project", "column", "line_number", "page"}],
                   "expected", "actual", "related"}],
     "coverage": {"announced": [key…], "printed": [key…], "read": [key…],
                  "unread": [{"key", "title", "line", "reason"}], "tables_elsewhere"},
     "comparisons": n}

Amounts are strings, absent parts ``null``. ``coverage`` says which tables the check could speak
for (:func:`cnbudget.model.coverage`); ``comparisons`` how many figures were held against others.
Where a baseline of accepted findings was applied (:mod:`cnbudget.validation.baseline`), ``accepted``
counts the findings it kept out.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable
from typing import Any

import attrs

from cnbudget.decimals import in_own_context
from cnbudget.model import Coverage
from cnbudget.model.fields import each, to_tuple, typed, zh
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.rules import RULES

__all__ = ["Report", "finding_data", "printed_where"]


@attrs.frozen(kw_only=True)
class Report:
    """Every finding of a check, most serious first, and which rules ran (检查报告)."""

    findings: tuple[Finding, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Finding),
                                                metadata=zh("检查发现"))
    rules_run: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                             metadata=zh("已运行的规则"))
    rules_skipped: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                                 metadata=zh("缺少输入而未运行的规则"))
    coverage: Coverage | None = typed("读取覆盖范围", Coverage, optional=True)
    comparisons: int = attrs.field(default=0, metadata={"zh": "核对次数"})
    accepted: int | None = attrs.field(default=None, metadata={"zh": "已接受而未列出的发现"})  # with a baseline

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings (错误)."""
        return self.of(Severity.ERROR)

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return bool(self.errors)

    def of(self, *severities: Severity) -> tuple[Finding, ...]:
        """The findings of the given severities."""
        return tuple(f for f in self.findings if f.severity in severities)

    def filter(self, *, severities: Iterable[Severity] | None = None,
               families: Iterable[str] | None = None, rules: Iterable[str] | None = None) -> Report:
        """A report with only the findings of these severities, rule families and rule ids."""
        wanted_severities = set(severities) if severities is not None else None
        wanted_families = set(families) if families is not None else None
        wanted_rules = set(rules) if rules is not None else None
        kept = tuple(
            f for f in self.findings
            if (wanted_severities is None or f.severity in wanted_severities)
            and (wanted_families is None or f.rule.split("-", 1)[0] in wanted_families)
            and (wanted_rules is None or f.rule in wanted_rules)
        )
        return attrs.evolve(self, findings=kept)

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity."""
        return {s: sum(1 for f in self.findings if f.severity is s) for s in Severity}

    @in_own_context
    def to_dict(self) -> dict[str, Any]:
        """The JSON form as plain data."""
        data: dict[str, Any] = {"findings": [finding_data(f) for f in self.findings]}
        if self.coverage is not None:
            data["coverage"] = attrs.asdict(self.coverage)
        data["comparisons"] = self.comparisons
        if self.accepted is not None:
            data["accepted"] = self.accepted
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON form as text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @in_own_context
    def to_text(self, *, title: str | None = None, source: str | None = None, positions: bool = True) -> str:
        """A readable report: a summary line, then one block per finding, each headed by where the
        document prints it the way linters do (``source:57:`` for a line of text, ``source:p.12:``
        for a page of a PDF) where the reader kept it and ``positions`` is true."""
        counts = self.counts()
        summary = "，".join(f"{s.zh} {counts[s]} 条" for s in Severity)
        if self.accepted is not None:
            summary += f"；已接受 accepted {self.accepted} 条（不再列出）"
        lines = [f"{title}：{summary}" if title else summary]
        if self.coverage is not None:
            lines.append(f"  {self.coverage.summary()}；核对 comparisons {self.comparisons} 处")
        if not self.findings:
            lines.append("未发现问题 (no findings)。")
        for finding in self.findings:
            rule = RULES.get(finding.rule)
            heading = f"[{finding.severity.zh} {finding.severity.value}] {finding.rule}"
            if rule is not None:
                heading += f" {rule.title}"
            where = printed_where(finding, source) if positions else None
            if where is not None:
                heading = f"{where}: {heading}"
            lines.append(heading)
            lines.append(f"  {finding.message}")
            lines.extend(f"  相关 related: {related}" for related in finding.related)
        return "\n".join(lines) + "\n"


def printed_where(finding: Finding, source: str | None = None) -> str | None:
    """Where a finding's first printed place stands: ``source:57`` (a line of text) or ``source:p.12``
    (a page of a PDF), or ``None`` where no place was kept.

    >>> from cnbudget.validation.findings import Location
    >>> found = Finding(rule="ROW-001", severity=Severity.ERROR, message="…",
    ...                 locations=(Location(table="summary"), Location(table="summary", line_number=57)))
    >>> printed_where(found, "部门预算.txt"), printed_where(found)
    ('部门预算.txt:57', '57')
    """
    for location in finding.locations:
        if location.page is not None:
            place = f"p.{location.page}"
        elif location.line_number is not None:
            place = str(location.line_number)
        else:
            continue
        return f"{source}:{place}" if source else place
    return None


# A place's fields in their order, read at once (what attrs.asdict gives a Location: its fields are
# text, whole numbers and None).
_LOCATION_FIELDS = tuple(field.name for field in attrs.fields(Location))
_location_values = operator.attrgetter(*_LOCATION_FIELDS)


def finding_data(finding: Finding) -> dict[str, Any]:
    """A finding as JSON data, as the report's ``findings`` hold it (the command line's results add the
    rule's titles: :func:`cnbudget.cli.results.finding_dict`).

    >>> from cnbudget.validation import Finding, Location, Severity
    >>> data = finding_data(Finding(rule="ROW-001", severity=Severity.ERROR, message="合计不等于各项之和",
    ...                             locations=[Location(table="summary", line_number=12)]))
    >>> list(data), data["locations"][0]["line_number"], data["expected"]
    (['rule', 'severity', 'message', 'locations', 'expected', 'actual', 'related'], 12, None)
    """
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "locations": [dict(zip(_LOCATION_FIELDS, _location_values(location), strict=True))
                      for location in finding.locations],
        "expected": None if finding.expected is None else str(finding.expected),
        "actual": None if finding.actual is None else str(finding.actual),
        "related": list(finding.related),
    }
