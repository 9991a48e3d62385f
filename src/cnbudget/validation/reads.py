"""Which tables a rule reads (规则读取的表), found by running it once over a document that notes them.

The diagnosis of shifted rows (:mod:`~cnbudget.validation.diagnoses`) checks a document again with
one table's figures moved. A rule that never reads that table finds, on the moved document, exactly
what it found on the first: it runs through the same steps over the same figures. Knowing which
tables each rule reads, the diagnosis takes such a rule's first findings instead of running it again.

The tables are noted as the rule asks for them (``doc.tables.revenue``, ``getattr(doc.tables, key)``,
``doc.tables.present()``, which asks for every table), on a run of its own. The rules so run share
one cache of the run's derived values (:mod:`~cnbudget.validation.run_cache`), which keeps with each
value the tables read to derive it: a rule given a value another rule derived first is noted as
reading those tables too, as if it had derived the value itself. It starts with the values the
checking run derived from one table alone, each noted as reading its table (a rule that reads one
table more than it does is only checked again where it need not be). A rule reads the same tables
on any document that differs from this one only in a table it does not read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import attrs

from cnbudget.classification import Catalog
from cnbudget.model import TABLE_TITLES, BudgetDisclosure, Tables
from cnbudget.validation.context import Context
from cnbudget.validation.registry import Rule
from cnbudget.validation.run_cache import RunCache

__all__ = ["TablesRead", "tables_read"]

_KEYS = frozenset(TABLE_TITLES)

_Value = TypeVar("_Value")


class _NotingTables(Tables):
    """The tables of a document, noting each table key asked for in the innermost set of ``_noted``:
    the rule being run at the bottom, each value being derived for it above."""

    __slots__ = ("_noted",)

    def __getattribute__(self, name: str) -> object:
        if name in _KEYS:
            object.__getattribute__(self, "_noted")[-1].add(name)
        return object.__getattribute__(self, name)


def _noting(tables: Tables, noted: list[set[str]]) -> Tables:
    """``tables``, the same tables, noting in ``noted[-1]`` the keys asked for."""
    copy = object.__new__(_NotingTables)
    for field in attrs.fields(Tables):
        object.__setattr__(copy, field.name, getattr(tables, field.name))
    object.__setattr__(copy, "_noted", noted)
    return copy


class _NotingCache(RunCache):
    """A run cache that keeps with each value the tables read to derive it, and notes them for
    whoever asks for the value, derived or kept."""

    __slots__ = ("_noted", "_read_for")

    def __init__(self, noted: list[set[str]], derived: RunCache | None) -> None:
        super().__init__()
        self.notes_failures = False  # its per-table values are the checking run's own lists
        self._noted = noted
        self._read_for: dict[tuple[str | None, Hashable], set[str]] = {}
        if derived is not None:  # each value derived from one table alone reads that table
            self._by_table = {key: dict(values) for key, values in derived._by_table.items()}

    def get(self, key: Hashable, compute: Callable[[], _Value], *, table: str | None = None) -> _Value:
        def derive() -> _Value:
            self._noted.append(set())
            try:
                return compute()
            finally:
                self._read_for[(table, key)] = self._noted.pop()

        value = super().get(key, derive, table=table)
        self._noted[-1].update(self._read_for.get((table, key), ()) if table is None
                               else self._read_for.get((table, key), {table}))
        return value


class TablesRead:
    """The keys of the tables each rule asks for when it checks ``doc`` with ``catalog``, found rule
    by rule as asked (the values the rules derive shared between them, see the module text);
    ``derived`` is the cache of a run of the rules over ``doc`` with ``catalog``.

    >>> from cnbudget import example
    >>> from cnbudget.classification import catalog
    >>> from cnbudget.validation.rules import RULES
    >>> tables_read = TablesRead(example("aketao-2023"), catalog(2023))
    >>> sorted(tables_read(RULES["XTAB-008"]))
    ['general_budget', 'general_budget_projects']
    """

    def __init__(self, doc: BudgetDisclosure, catalog: Catalog | None, derived: RunCache | None = None) -> None:
        self._catalog = catalog
        self._noted: list[set[str]] = []
        self._watched = attrs.evolve(doc, tables=_noting(doc.tables, self._noted))
        self._cache = _NotingCache(self._noted, derived)

    def __call__(self, rule: Rule) -> frozenset[str]:
        noted: set[str] = set()
        self._noted.append(noted)
        try:
            for _ in rule.check(Context(doc=self._watched, catalog=self._catalog, rule=rule, cache=self._cache)):
                pass
        finally:
            self._noted.pop()
        return frozenset(noted)


def tables_read(doc: BudgetDisclosure, catalog: Catalog | None, rule: Rule) -> frozenset[str]:
    """The keys of the tables ``rule`` asks for when it checks ``doc`` with ``catalog`` (one rule
    alone: :class:`TablesRead` asks for many on one document).

    >>> from cnbudget import example
    >>> from cnbudget.classification import catalog
    >>> from cnbudget.validation.rules import RULES
    >>> sorted(tables_read(example("aketao-2023"), catalog(2023), RULES["XTAB-008"]))
    ['general_budget', 'general_budget_projects']
    """
    return TablesRead(doc, catalog)(rule)
