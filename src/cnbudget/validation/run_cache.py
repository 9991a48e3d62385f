"""What several rules of one validation run derive from the same document, derived once (每次检查的缓存).

A cache lives as long as one run of the rules over one document: every rule of the run sees the
same one, and a new run of another document starts empty. What is kept is a pure function of the
document and the catalogue of the run, so keeping it changes no result. A value derived from one
table alone is kept under that table's key: a run over the same document with only that table
changed (the diagnosis of shifted rows moves one table's figures) starts with what the other
tables gave (:meth:`RunCache.with_changed`), and with what holds for any document
(:meth:`RunCache.shared`).

>>> cache = RunCache()
>>> calls = []
>>> cache.get("answer", lambda: calls.append(1) or 42), cache.get("answer", lambda: calls.append(1) or 0)
(42, 42)
>>> len(calls)
1
>>> cache.get("view", lambda: "of revenue", table="revenue"), cache.get("view", lambda: "x", table="projects")
('of revenue', 'x')
>>> moved = cache.with_changed("projects")
>>> moved.get("view", lambda: "new", table="revenue"), moved.get("view", lambda: "new", table="projects")
('of revenue', 'new')
>>> moved.get("answer", lambda: 0), cache.get("view", lambda: "y", table="projects")
(0, 'x')
>>> moved.as_checked("view", table="projects"), cache.as_checked("view", table="projects")
('x', None)
>>> cache.with_changed("projects", lambda key: key == "view").get("view", lambda: "new", table="projects")
'x'
>>> cache.shared("shapes", dict)["rows"] = "outline"
>>> moved.shared("shapes", dict), cache.with_changed("revenue").shared("shapes", dict)
({'rows': 'outline'}, {'rows': 'outline'})
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

__all__ = ["RunCache"]

_Value = TypeVar("_Value")

_MISSING = object()  # no value kept under a key (None may be one)


class RunCache:
    """Values derived from one run's document, by key, each computed on first use."""

    __slots__ = ("_by_table", "_checked", "_shared", "_values", "changed", "notes_failures")

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._by_table: dict[str, dict[Hashable, Any]] = {}  # values derived from one table alone
        self._shared: dict[Hashable, Any] = {}  # values derived from nothing of the document
        #: In a run over a document that differs from the one checked in one table only (the
        #: diagnosis of shifted rows), that table: the findings of the other tables alone are the
        #: first run's, so a rule may leave them out (:meth:`with_changed`).
        self.changed: str | None = None
        #: Whether the rules note here what failed and what they checked, for the diagnosis of shifted
        #: rows: only in the run over the document as checked (not a rerun over a moved document,
        #: nor a run that finds which tables a rule reads, which share this run's values).
        self.notes_failures = True
        self._checked: RunCache | None = None  # in a run over a changed document, the first run's cache

    def get(self, key: Hashable, compute: Callable[[], _Value], *, table: str | None = None) -> _Value:
        """The value kept under ``key``, computed by ``compute`` the first time it is asked for;
        ``table`` names the one table (and the run's catalogue) the value is derived from, if so."""
        values = self._values if table is None else self._by_table.get(table)  # no {} made for every look-up
        if values is None:
            values = self._by_table[cast(str, table)] = {}
        # One look-up, not ``in`` then ``[]``: a key hashes its parts (a view's column) each time.
        found = values.get(key, _MISSING)
        if found is _MISSING:
            found = values[key] = compute()
        return cast(_Value, found)

    def shared(self, key: Hashable, compute: Callable[[], _Value]) -> _Value:
        """The value kept under ``key`` for this run and every run over a changed document made from
        it (:meth:`with_changed`): for what holds whatever the document (answers that are a pure
        function of the question, such as the outlines of rows of one shape)."""
        values = self._shared
        if key in values:
            value: _Value = values[key]
            return value
        value = values[key] = compute()
        return value

    def as_checked(self, key: Hashable, *, table: str) -> Any:
        """In a run over a changed document (:meth:`with_changed`), the value the run over the document
        as checked keeps under ``key`` for ``table``; ``None`` where it keeps none, or in that run itself.
        What a value of the changed table was on the first document, for a rule that can tell which of
        its parts the change leaves as they were."""
        if self._checked is None:
            return None
        return self._checked._by_table.get(table, {}).get(key)

    def with_changed(self, table: str, unchanged: Callable[[Hashable], bool] | None = None) -> RunCache:
        """A cache for a run over the same document and catalogue with only ``table`` changed: it
        starts with the values derived from each other table alone, and of ``table``'s own values
        those whose key ``unchanged`` says the change leaves as they were, and nothing else. Its run is
        asked only for what involves ``table``: a rule may skip what looks at other tables alone."""
        carried = RunCache()
        carried._by_table = {key: dict(values) for key, values in self._by_table.items() if key != table}
        if unchanged is not None and table in self._by_table:
            carried._by_table[table] = {key: value for key, value in self._by_table[table].items() if unchanged(key)}
        carried._shared = self._shared  # the same answers for any document
        carried._checked = self if self._checked is None else self._checked
        carried.changed = table
        carried.notes_failures = False
        return carried
