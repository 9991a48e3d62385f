"""Which tables a rule reads (规则读取的表), found by running it once over a document that notes them.

The diagnosis of shifted rows (:mod:`~cnbudget.validation.diagnoses`) checks a document again with
one table's figures moved. A rule that never reads that table finds, on the moved document, exactly
what it found on the first: it runs through the same steps over the same figures. Knowing which
tables each rule reads, the diagnosis takes such a rule's first findings instead of running it again.

The tables are noted as the rule asks for them (``doc.tables.revenue``, ``getattr(doc.tables, key)``,
``doc.tables.present()``, which asks for every table), on a run of its own with a cache of its own,
so that a value another rule derived first is not taken from a cache unseen. A rule reads the same
tables on any document that differs from this one only in a table it does not read.
"""

from __future__ import annotations

import attrs

from cnbudget.classification import Catalog
from cnbudget.model import TABLE_TITLES, BudgetDisclosure, Tables
from cnbudget.validation.context import Context
from cnbudget.validation.registry import Rule
from cnbudget.validation.run_cache import RunCache

__all__ = ["tables_read"]

_KEYS = frozenset(TABLE_TITLES)


class _NotingTables(Tables):
    """The tables of a document, noting each table key asked for."""

    __slots__ = ("_noted",)

    def __getattribute__(self, name: str) -> object:
        if name in _KEYS:
            object.__getattribute__(self, "_noted").add(name)
        return object.__getattribute__(self, name)


def _noting(tables: Tables, noted: set[str]) -> Tables:
    """``tables``, the same tables, noting in ``noted`` the keys asked for."""
    copy = object.__new__(_NotingTables)
    for field in attrs.fields(Tables):
        object.__setattr__(copy, field.name, getattr(tables, field.name))
    object.__setattr__(copy, "_noted", noted)
    return copy


def tables_read(doc: BudgetDisclosure, catalog: Catalog | None, rule: Rule) -> frozenset[str]:
    """The keys of the tables ``rule`` asks for when it checks ``doc`` with ``catalog``.

    >>> from cnbudget import example
    >>> from cnbudget.classification import catalog
    >>> from cnbudget.validation.rules import RULES
    >>> sorted(tables_read(example("aketao-2023"), catalog(2023), RULES["XTAB-008"]))
    ['general_budget', 'general_budget_projects']
    """
    noted: set[str] = set()
    watched = attrs.evolve(doc, tables=_noting(doc.tables, noted))
    for _ in rule.check(Context(doc=watched, catalog=catalog, rule=rule, cache=RunCache())):
        pass
    return frozenset(noted)
