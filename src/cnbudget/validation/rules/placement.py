"""Codes a table prints that do not say what the row is (编码印错或自行编号): rows printed without a
valid code, placed by the catalogue where that is certain, and 款 numbered in print order.

A coded table sometimes prints a row whose code is misprinted (``7 | 11 | 02 事业单位医疗`` for
``210 11 02``) or missing; the reader keeps the row without a code. Such a row is placed only where
its printed name is, exactly, the official name of one subject one level below the coded row printed
last above it (事业单位医疗 under 21011 行政事业单位医疗 is 2101102) in the catalogue of the
document's year. CAT-005 reports the row; the hierarchy and cross-table rules read it under the code
so placed, so that one misprinted code is one finding, not a broken sum in every table that prints it.

A table may also number the 款 of an economic 类 01, 02, 03 … in the order it prints them rather
than by their national codes (30202 咨询费, 30203 水费 …, :func:`renumbered`): the names are right and
the codes local. CAT-002 reports it once for the 类; rules that look an item up by its code (the
"三公" lines 30217, 30231 …) do not look in such a 类.

>>> from cnbudget.classification import catalog
>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.model import ExpenditureAmounts, FunctionLine
>>> rows = [FunctionLine(code=FunctionCode("21011"), name="行政事业单位医疗", amounts=ExpenditureAmounts(total="5")),
...         FunctionLine(name="事业单位医疗", amounts=ExpenditureAmounts(total="5"))]
>>> {i: str(code) for i, (code, _) in misplaced(catalog(2024), rows).items()}
{1: '2101102'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs

from cnbudget.classification import Catalog, Family
from cnbudget.classification.names import normalise_name
from cnbudget.codes import ClassificationCode, EconomicCode
from cnbudget.model import BudgetDisclosure, Row, is_subtotal_label, is_total_label
from cnbudget.validation.rules.name_matches import name_match
from cnbudget.validation.run_cache import RunCache
from cnbudget.validation.tables import table_rows

__all__ = ["Renumbered", "misplaced", "placed_rows", "renumbered", "renumbered_in_run", "renumbered_in_table",
           "with_codes"]

_MAX_LEVEL = 3


def _candidate(line: Row) -> bool:
    """A row that should carry a code: it has a name, no code, no agency or project, and is no total."""
    if not hasattr(line, "code") or getattr(line, "code", None) is not None:
        return False
    if getattr(line, "gov_code", None) is not None or line.project is not None:
        return False
    if line.agency is not None or line.agency_code is not None:
        return False
    name = "".join(line.name.split())
    return bool(name) and not is_total_label(name) and not is_subtotal_label(name)


def misplaced(catalog: Catalog, lines: Sequence[Row]) -> dict[int, tuple[ClassificationCode, Any]]:
    """Rows (by index) printed without a code that the catalogue places, with the code and the coded
    row above them that places them."""
    found: dict[int, tuple[ClassificationCode, Any]] = {}
    above: Any = None
    for index, line in enumerate(lines):
        code = getattr(line, "code", None)
        if isinstance(code, ClassificationCode):
            above = line
            continue
        if above is None or not _candidate(line) or above.code.level >= _MAX_LEVEL:
            continue
        code_type = type(above.code)
        family = Family.of_type(code_type)
        if catalog.get(above.code, family) is None:
            continue
        name = normalise_name(line.name)
        named = [s for s in catalog.children(above.code, family=family) if normalise_name(s.name) == name]
        if len(named) == 1 and isinstance(named[0].code, code_type):
            found[index] = (named[0].code, above)
    return found


def with_codes(catalog: Catalog | None, lines: Sequence[Any]) -> list[Any]:
    """The rows, with the code put back on each row :func:`misplaced` places."""
    if catalog is None:
        return list(lines)
    placed = misplaced(catalog, lines)
    return [attrs.evolve(line, code=placed[i][0]) if i in placed else line for i, line in enumerate(lines)]


def placed_rows(cache: RunCache, catalog: Catalog | None, key: str, table: Any) -> list[Any]:
    """:func:`with_codes` of every row of the table ``key`` (:meth:`~cnbudget.model.Table.rows`), once
    per run for the hierarchy and cross-table rules. A row is placed by the rows above it alone, so
    the rows of the table's first rows field are the first of these."""
    return cache.get("placed rows", lambda: with_codes(catalog, table_rows(cache, key, table)), table=key)


@attrs.frozen
class Renumbered:
    """The 款 of one economic 类 in one table, numbered in the order printed (01, 02, 03 …) instead
    of by their national codes: the table, the 类 row, and each 款 row whose name is not its code's."""

    table: str
    category: Any  # the 类 row, or the first 款 row where no 类 row is printed
    rows: tuple[tuple[Any, ClassificationCode | None], ...]  # (row, the code its name has, if any)


def renumbered(doc: BudgetDisclosure, catalog: Catalog, cache: RunCache | None = None) -> list[Renumbered]:
    """Each economic 类 whose printed 款 run 01 … n in a table while some of them print the name of
    another 款 of that 类 (30202 咨询费, 30203 水费 …): a local numbering, one finding for all of them
    (the rows listed once per run where ``cache`` is given)."""
    return [run for key, table in doc.tables.present() for run in _renumbered_in(key, table, catalog, cache)]


def _renumbered_in(key: str, table: Any, catalog: Catalog, cache: RunCache | None) -> list[Renumbered]:
    """:func:`renumbered` in the table ``key`` alone."""
    found: list[Renumbered] = []
    groups: dict[ClassificationCode, list[Any]] = defaultdict(list)
    heads: dict[ClassificationCode, Any] = {}
    for line in table.rows() if cache is None else table_rows(cache, key, table):
        code = getattr(line, "code", None)
        if isinstance(code, EconomicCode) and code.level == 1:
            heads.setdefault(code, line)
        elif isinstance(code, EconomicCode) and code.level == 2:
            groups[code.ancestors[0]].append(line)
    for category, rows in groups.items():
        numbers = sorted(int(str(row.code)[-2:]) for row in rows)
        if numbers != list(range(1, len(rows) + 1)):
            continue
        wrong = [(row, _named_code(catalog, category, row)) for row in rows if not _name_fits(catalog, row)]
        if any(named is not None and named != row.code for row, named in wrong):
            found.append(Renumbered(table=key, category=heads.get(category, rows[0]), rows=tuple(wrong)))
    return found


def _name_fits(catalog: Catalog, line: Any) -> bool:
    name = "".join(line.name.split())
    return not name or (catalog.get(line.code, "economic") is not None and name_match(catalog, line.code, name).ok)


def _named_code(catalog: Catalog, category: ClassificationCode, line: Row) -> ClassificationCode | None:
    """The 款 of ``category`` the row's name is the name of, if exactly one."""
    if catalog.get(category, "economic") is None:
        return None
    codes = {s.code for s in catalog.find("".join(line.name.split()), under=category, family="economic")
             if s.code.level == 2}
    return codes.pop() if len(codes) == 1 else None


def renumbered_in_run(cache: RunCache, doc: BudgetDisclosure, catalog: Catalog) -> list[Renumbered]:
    """:func:`renumbered`, found once per validation run for the rules that ask (each table's once
    per run: :func:`renumbered_in_table`)."""
    return cache.get("renumbered", lambda: [run for key, table in doc.tables.present()
                                            for run in renumbered_in_table(cache, key, table, catalog)])


def renumbered_in_table(cache: RunCache, key: str, table: Any, catalog: Catalog) -> list[Renumbered]:
    """:func:`renumbered` in the table ``key`` alone, found once per run: a rule that looks at one
    table's numbering reads that table alone, and a run over the document with another table's
    figures moved keeps it (:meth:`RunCache.with_changed`)."""
    return cache.get("renumbered", lambda: _renumbered_in(key, table, catalog, cache), table=key)
