"""Findings (检查发现): what a rule found, how serious it is, and where.

>>> f = Finding(rule="ROW-001", severity=Severity.ERROR, message="合计不等于基本支出与项目支出之和",
...             locations=(Location(table="general_budget", code="2101501", column="total"),),
...             expected="1089.27", actual="1089.28")
>>> f.severity.zh, f.locations[0].code, f.expected
('错误', '2101501', Decimal('1089.27'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.model.fields import (
    as_optional_figure,
    each,
    money,
    optional_text,
    source_line,
    source_page,
    text,
    to_tuple,
    typed,
    zh,
)

__all__ = ["Finding", "Location", "Severity", "checked_finding", "checked_location", "placed", "relocated"]


class Severity(LabelledEnum):
    """How serious a finding is (严重程度)."""

    ERROR = labelled("error", "错误")  # the document is wrong: an identity that must hold does not
    WARNING = labelled("warning", "警告")  # probably wrong: a convention is broken, or a figure is doubtful
    INFO = labelled("info", "提示")  # worth knowing: figures that agree only within rounding, names that differ

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info (sorting: most serious first)."""
        return ("error", "warning", "info").index(self.value)


@attrs.frozen(kw_only=True)
class Location:
    """A place in a disclosure (位置): table key, agency, code, project and column, each optional."""

    table: str | None = optional_text("表")
    agency: str | None = optional_text("预算单位")
    code: str | None = optional_text("科目编码")
    project: str | None = optional_text("项目")
    column: str | None = optional_text("栏目")
    line_number: int | None = source_line()  # where the place is printed, once known
    page: int | None = source_page()


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found (检查发现). ``related`` lists what the same problem also breaks or
    shows (other rules' findings it accounts for, each as ``RULE message``), reported with it rather
    than on their own."""

    rule: str = text("规则")
    severity: Severity = typed("严重程度", Severity)
    message: str = text("说明")
    locations: tuple[Location, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(Location),
                                                  metadata=zh("位置"))
    # Computed figures (a sum of parts, a difference), which may be longer than a printed amount.
    expected: Decimal | None = attrs.field(default=None, converter=as_optional_figure, metadata=money("应为"))
    actual: Decimal | None = attrs.field(default=None, converter=as_optional_figure, metadata=money("实为"))
    related: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                           metadata=zh("相关发现"))


# Findings are built by the thousand where a document's codes and names are its own (every one a
# finding of the catalogue rules), and locations for every figure a rule compares, most of which
# agree. The rules build them from values whose types they already hold (text, the model's line and
# page numbers, figures through the figure gate), so the functions below set the fields without
# running the validators again, through builders (cnbudget.builders: plain assignment, then the
# class itself); a property test holds them equal, field by field, to the validated construction.
_LocationBuilder = builder_of_model(Location)
_FindingBuilder = builder_of_model(Finding)
_new = object.__new__


def checked_location(table: str | None, agency: str | None = None, code: str | None = None,
                     project: str | None = None, column: str | None = None, line_number: int | None = None,
                     page: int | None = None) -> Location:
    """``Location(table=…, …)`` of values already checked: texts or ``None``, and a line and a page
    read from the model."""
    location = _new(_LocationBuilder)
    location.table = table
    location.agency = agency
    location.code = code
    location.project = project
    location.column = column
    location.line_number = line_number
    location.page = page
    location.__class__ = Location
    return cast(Location, location)


def placed(location: Location, line_number: int | None, page: int | None) -> Location:
    """``location`` printed at ``line_number`` and ``page`` (read from the model)."""
    return checked_location(location.table, location.agency, location.code, location.project,
                            location.column, line_number, page)


def checked_finding(rule: str, severity: Severity, message: str, locations: tuple[Location, ...],
                    expected: Decimal | None, actual: Decimal | None,
                    related: tuple[str, ...] = ()) -> Finding:
    """``Finding(rule=…, …)`` of values already checked: ``expected`` and ``actual`` through the
    figure gate (:func:`~cnbudget.model.fields.as_optional_figure`), ``locations`` a tuple of
    locations."""
    finding = _new(_FindingBuilder)
    finding.rule = rule
    finding.severity = severity
    finding.message = message
    finding.locations = locations
    finding.expected = expected
    finding.actual = actual
    finding.related = related
    finding.__class__ = Finding
    return cast(Finding, finding)


def relocated(finding: Finding, locations: tuple[Location, ...]) -> Finding:
    """``finding`` with its places replaced by ``locations``."""
    return checked_finding(finding.rule, finding.severity, finding.message, locations,
                           finding.expected, finding.actual, finding.related)
