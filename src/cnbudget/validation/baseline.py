"""A baseline of accepted findings (已接受的检查发现): what a person has reviewed and accepted is kept
out of later checks of the same document.

Each finding is known by a **fingerprint** that survives re-reading the document: its rule, the
places it names (table, agency, code, project, column — not the line or page, which move when a
document is extracted again), the figures its message states and the words it quotes (“…”). A
finding whose figures change is a new finding and is reported again; one that only moved is still
accepted. A baseline is a JSON file that lists the fingerprints with the rule and message each
stood for, so that a person can read what was accepted::

    {"format": "cnbudget-baseline", "version": 1,
     "accepted": [{"fingerprint": "3f2a…", "rule": "NARR-006", "message": "…"}]}

A fingerprint listed once accepts one finding: two findings alike in every respect need it twice.

>>> from cnbudget.validation.findings import Finding, Location, Severity
>>> from cnbudget.validation.report import Report
>>> found = Finding(rule="NARR-006", severity=Severity.ERROR, message="说明金额为 2,018.55，应为 2,081.55",
...                 locations=(Location(table="statements", line_number=1297),))
>>> moved = Finding(rule="NARR-006", severity=Severity.ERROR, message="说明金额为 2,018.55，应为 2,081.55",
...                 locations=(Location(table="statements", line_number=1301),))
>>> fingerprint(found) == fingerprint(moved)
True
>>> baseline = Baseline.of([found])
>>> report = baseline.apply(Report(findings=(moved,)))
>>> report.findings, report.accepted
((), 1)
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from cnbudget.errors import DataError, ReadError
from cnbudget.validation.findings import Finding
from cnbudget.validation.report import Report

__all__ = ["FORMAT", "Baseline", "fingerprint"]

#: The ``format`` a baseline file declares.
FORMAT = "cnbudget-baseline"
_VERSION = 1

# Where a message names a line (第 110 行, line 110), the number is a position, not a figure.
_LINE_REFERENCE = re.compile(r"第\s*\d+\s*行|\bline\s+\d+")
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?")
_QUOTED = re.compile(r"“([^“”]*)”")


def _figures(message: str) -> list[str]:
    text = _LINE_REFERENCE.sub("", message)
    return [found.replace(",", "") for found in _FIGURE.findall(_QUOTED.sub("", text))]


def fingerprint(finding: Finding) -> str:
    """The finding's stable identity: rule, places (without line and page), the figures of its
    message and the words it quotes, hashed to 16 hexadecimal digits.

    >>> from cnbudget.validation.findings import Finding, Location, Severity
    >>> a = Finding(rule="ROW-001", severity=Severity.ERROR, message="第 57 行：印为 1,089.27，应为 1,080.27",
    ...             locations=(Location(table="general_budget", code="2101501", column="total", line_number=57),))
    >>> fingerprint(a) == fingerprint(attrs.evolve(a, message="第 60 行：印为 1,089.27，应为 1,080.27"))
    True
    >>> fingerprint(a) == fingerprint(attrs.evolve(a, message="第 57 行：印为 1,089.28，应为 1,080.27"))
    False
    """
    places = [[location.table, location.agency, location.code, location.project, location.column]
              for location in finding.locations]
    quoted = _QUOTED.findall(_LINE_REFERENCE.sub("", finding.message))
    identity = [finding.rule, places, _figures(finding.message), quoted]
    text = json.dumps(identity, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@attrs.frozen
class _Entry:
    fingerprint: str
    rule: str
    message: str


@attrs.frozen
class Baseline:
    """The findings a person accepted (已接受的检查发现), by fingerprint."""

    entries: tuple[_Entry, ...] = ()

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Baseline:
        """A baseline accepting these findings."""
        return cls(tuple(_Entry(fingerprint(f), f.rule, f.message) for f in findings))

    def __len__(self) -> int:
        return len(self.entries)

    def apply(self, report: Report) -> Report:
        """The report without the findings this baseline accepts; ``accepted`` counts them."""
        left = Counter(entry.fingerprint for entry in self.entries)
        kept: list[Finding] = []
        for finding in report.findings:
            key = fingerprint(finding)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(finding)
        return attrs.evolve(report, findings=tuple(kept),
                            accepted=(report.accepted or 0) + len(report.findings) - len(kept))

    def to_json(self) -> str:
        """The baseline file's text."""
        data = {"format": FORMAT, "version": _VERSION,
                "accepted": [attrs.asdict(entry) for entry in self.entries]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Baseline:
        """Read a baseline file's text; :class:`~cnbudget.errors.DataError` names what is wrong."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise DataError([("", f"not JSON: {error}")]) from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise DataError([("format", f"not a baseline of accepted findings (format must be {FORMAT!r})")])
        accepted = data.get("accepted")
        if not isinstance(accepted, list):
            raise DataError([("accepted", "must be a list of accepted findings")])
        problems: list[tuple[str, str]] = []
        entries: list[_Entry] = []
        for index, item in enumerate(accepted):
            entry = _entry(item)
            if entry is None:
                problems.append((f"accepted[{index}]", "needs the text fields fingerprint, rule and message"))
            else:
                entries.append(entry)
        if problems:
            raise DataError(problems)
        return cls(tuple(entries))

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file; :class:`~cnbudget.errors.ReadError` where it cannot be read."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ReadError(f"cannot read the baseline {path}: {getattr(error, 'strerror', None) or error}") from error
        try:
            return cls.from_json(text)
        except DataError as error:
            raise DataError([(f"{path}: {where}", message) for where, message in error.problems]) from error


def _entry(item: Any) -> _Entry | None:
    if not isinstance(item, dict):
        return None
    key, rule, message = (item.get(name) for name in ("fingerprint", "rule", "message"))
    if not (isinstance(key, str) and isinstance(rule, str) and isinstance(message, str)):
        return None
    return _Entry(key, rule, message)
