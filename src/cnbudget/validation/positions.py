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
from itertools import chain, repeat
from operator import is_, is_not
from typing import Any

import attrs

from cnbudget.codes import ClassificationCode
from cnbudget.model import BudgetDisclosure, Table
from cnbudget.model.fields import zh_label
from cnbudget.validation.findings import Finding, Location, placed, relocated

__all__ = ["Places", "at_place", "locator"]

_Key = tuple[str | None, str | None, str | None, str | None]  # table, agency, code, project
_Position = tuple[int | None, int | None]  # line, page


def _position(item: object) -> _Position | None:
    line, page = getattr(item, "line_number", None), getattr(item, "page", None)
    return (line, page) if line is not None or page is not None else None


_TARGETS = ("department_target", "project_target")  # the places of the performance targets


def _table_index(key: str, table: Table) -> dict[_Key, object]:
    """Every printed place of one table (the table, its rows) by its key; the first row wins where
    rows share a key."""
    index: dict[_Key, object] = {(key, None, None, None): table}
    add = index.setdefault
    for row in table.rows():
        # The keys a row answers to: with and without its agency, so that a rule naming only a code
        # finds the row.
        code = getattr(row, "code", None)
        # A code's text is its digits (str(code)), read off the slot without a call per row.
        code_text = code.digits if isinstance(code, ClassificationCode) else None if code is None else str(code)
        agency, project = getattr(row, "agency", None), getattr(row, "project", None)
        add((key, agency, code_text, project), row)
        add((key, None, code_text, project), row)
        if project is None and code_text is None:
            add((key, agency, None, None), row)
    return index


def _targets_index(doc: BudgetDisclosure) -> dict[_Key, object]:
    """The performance targets of ``doc`` by their keys; the first target wins where targets share one."""
    index: dict[_Key, object] = {}
    performance = doc.performance
    if performance is not None:
        if performance.department is not None:
            index.setdefault(("department_target", None, None, None), performance.department)
        for target in performance.projects:
            index.setdefault(("project_target", target.agency, None, target.project), target)
            index.setdefault(("project_target", None, None, target.project), target)
    return index


class Places:
    """The places of one document: what a :class:`Location` names, and where it is printed."""

    def __init__(self, doc: BudgetDisclosure) -> None:
        self._doc = doc
        self._tables = dict(doc.tables.present())
        # Each table's places are indexed when a finding first names the table: most findings name
        # a few tables of a long document.
        self._indexes: dict[str, dict[_Key, object]] = {}
        # Whether a table prints a position at all (its title or any row): a document built in code
        # prints none, and its places need no index to stay as they are.
        self._positioned: dict[str, bool] = {}

    def _index(self, table: str) -> dict[_Key, object]:
        index = self._indexes.get(table)
        if index is None:
            if table in self._tables:
                index = _table_index(table, self._tables[table])
            elif table in _TARGETS:
                index = _targets_index(self._doc)
            else:
                index = {}
            self._indexes[table] = index
        return index

    def _prints_positions(self, table: str | None) -> bool:
        if table is None or table not in self._tables:
            return True  # no table (nothing found) or the performance targets: looked up as they are
        found = self._positioned.get(table)
        if found is None:
            item = self._tables[table]
            rows = list(item.rows())
            # Read in C calls: a table built in code prints no position, and every row is looked at.
            found = self._positioned[table] = _position(item) is not None or any(
                map(is_not, chain(map(getattr, rows, repeat("line_number"), repeat(None)),
                                  map(getattr, rows, repeat("page"), repeat(None))), repeat(None)))
        return found

    def item(self, location: Location) -> object:
        """The row, table or target ``location`` names (the nearest that is printed), or ``None``."""
        if location.table is None:
            return None
        keys = [(location.table, location.agency, location.code, location.project),
                (location.table, None, location.code, location.project),
                (location.table, None, None, location.project),
                (location.table, None, None, None)]
        index = self._index(location.table)
        return next((index[key] for key in keys if key in index), None)

    def locate(self, location: Location) -> Location:
        """``location`` with the line and page its place is printed at (unchanged where it has them
        already or where the document does not print it)."""
        if location.line_number is not None or not self._prints_positions(location.table):
            return location
        found = _position(self.item(location))
        if found is None:
            return location
        return placed(location, found[0], found[1])

    def column_label(self, location: Location) -> str | None:
        """The Chinese label of the column ``location`` names (合计, 人员经费 …), where it is known; a
        place inside an item (the "三公" table's ``total.general_budget``) as 合计（一般公共预算）."""
        item, column = self.item(location), location.column
        if item is None or column is None:
            return None
        record = getattr(item, "amounts", None)
        owner: Any = record if record is not None and attrs.has(type(record)) else item
        labels: list[str] = []
        for name in column.split("."):
            field = attrs.fields_dict(type(owner)).get(name) if attrs.has(type(owner)) else None
            if field is None:
                return None
            labels.append(zh_label(field))
            owner = getattr(owner, name)
        return labels[0] + "".join(f"（{label}）" for label in labels[1:])


def locator(doc: BudgetDisclosure) -> Callable[[Location], Location]:
    """A function that gives a place the line and page ``doc`` prints it at (see :class:`Places`)."""
    return Places(doc).locate


def at_place(findings: Iterable[Finding], places: Places) -> tuple[Finding, ...]:
    """The findings with every place given its line and page in the document of ``places``."""
    locate = places.locate
    placed: list[Finding] = []
    for finding in findings:
        locations = tuple([locate(location) for location in finding.locations])
        # A finding none of whose places gained a position (a document built in code) is kept as it is.
        unchanged = all(map(is_, locations, finding.locations))
        placed.append(finding if unchanged else relocated(finding, locations))
    return tuple(placed)
