"""Where a finding's places are printed (发现的位置): the line and page of each place.

Rules name a place by its meaning — a table, an agency, a code, a project, a column — and need not
know where the document prints it. The reader keeps each table's, row's, statement's and target's
line (and page, for a PDF) in the model; :func:`locator` looks a place up there after the rules have
run, so that every finding can be reported the way linters do (``部门预算.txt:57:``). A place the
model does not print (a document built in code, model JSON without positions) keeps no position.

>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
>>> row = FunctionLine(code=FunctionCode("2101501"), name="行政运行", line_number=57,
...                    amounts=ExpenditureAmounts(total="1.00", basic="1.00"))
>>> doc = BudgetDisclosure(department="某局", fiscal_year=2024, tables=Tables(
...     general_budget=ExpenditureTable(lines=(row,), line_number=50)))
>>> locate = locator(doc)
>>> locate(Location(table="general_budget", code="2101501", column="total")).line_number
57
>>> locate(Location(table="general_budget")).line_number  # the table as a whole: its title
50
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from cnbudget.model import BudgetDisclosure
from cnbudget.validate.findings import Finding, Location

__all__ = ["at_place", "locator"]

_Key = tuple[str | None, str | None, str | None, str | None]  # table, agency, code, project
_Position = tuple[int | None, int | None]  # line, page


def _position(item: Any) -> _Position | None:
    line, page = getattr(item, "line_number", None), getattr(item, "page", None)
    return (line, page) if line is not None or page is not None else None


def _row_keys(table: str, row: Any) -> Iterable[_Key]:
    """The keys a row answers to: with and without its agency, so that a rule naming only a code
    finds the row."""
    code = getattr(row, "code", None)
    code_text = str(code) if code is not None else None
    agency, project = getattr(row, "agency", None), getattr(row, "project", None)
    yield table, agency, code_text, project
    yield table, None, code_text, project
    if project is None and code_text is None:
        yield table, agency, None, None


def _index(doc: BudgetDisclosure) -> dict[_Key, _Position]:
    """Every printed place of ``doc`` by its key; the first row wins where rows share a key."""
    index: dict[_Key, _Position] = {}

    def add(key: _Key, item: Any) -> None:
        position = _position(item)
        if position is not None:
            index.setdefault(key, position)

    for key, table in doc.tables.present():
        add((key, None, None, None), table)
        for row in table.rows():
            for row_key in _row_keys(key, row):
                add(row_key, row)
    performance = doc.performance
    if performance is not None:
        if performance.department is not None:
            add(("department_target", None, None, None), performance.department)
        for target in performance.projects:
            add(("project_target", target.agency, None, target.project), target)
            add(("project_target", None, None, target.project), target)
    return index


def locator(doc: BudgetDisclosure) -> Callable[[Location], Location]:
    """A function that gives a place the line and page ``doc`` prints it at (the place unchanged
    where it already has them or where ``doc`` does not print it)."""
    index = _index(doc)

    def locate(location: Location) -> Location:
        if location.line_number is not None or location.table is None:
            return location
        keys = [(location.table, location.agency, location.code, location.project),
                (location.table, None, location.code, location.project),
                (location.table, None, None, location.project),
                (location.table, None, None, None)]
        found = next((index[key] for key in keys if key in index), None)
        if found is None:
            return location
        return attrs.evolve(location, line_number=found[0], page=found[1])

    return locate


def at_place(findings: Iterable[Finding], doc: BudgetDisclosure) -> tuple[Finding, ...]:
    """The findings with every place given its line and page in ``doc``."""
    locate = locator(doc)
    return tuple(
        attrs.evolve(finding, locations=tuple(locate(location) for location in finding.locations))
        for finding in findings
    )
