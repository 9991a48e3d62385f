"""The row identities held many rows at a time (ROW-001 to ROW-007, :mod:`cnbudget.validation.rules.rows`)
find what holding one row at a time finds: the same failures, in the same order, rule by rule."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings

from cnbudget.model import BudgetDisclosure
from cnbudget.model.sums import identities
from cnbudget.money import differs_from_sum
from cnbudget.validation.rules import rows
from cnbudget.validation.tables import rows_with_amounts
from tests.strategies import disclosures


def _one_row_at_a_time(doc: BudgetDisclosure) -> dict[str, list[tuple[int, str, tuple[str, ...], Any]]]:
    """Each rule's failures on the tables' rows, row by row and identity by identity."""
    found: dict[str, list[tuple[int, str, tuple[str, ...], Any]]] = {}
    for _, line, record in rows_with_amounts(doc):
        kind: Any = type(record)
        printed = [field.name for field in attrs.fields(kind) if getattr(record, field.name) is not None]
        for identity in identities(type(record), printed):
            result = differs_from_sum(getattr(record, identity.total), [getattr(record, p) for p in identity.parts])
            if result is not None:
                found.setdefault(identity.rule, []).append((id(line), identity.total, identity.parts, result))
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(disclosures())
def test_the_rows_held_at_once_fail_as_one_row_at_a_time(doc: BudgetDisclosure) -> None:
    table_rows = {id(line) for _, line, _ in rows_with_amounts(doc)}
    held = rows._row_identities(doc)
    found = {
        rule: [(id(entry[2]), entry[4].total, entry[4].parts, result) for entry, result in checked.failing
               if entry[3] is None and entry[5] is None and id(entry[2]) in table_rows]
        for rule, checked in held.items()
    }
    assert {rule: failing for rule, failing in found.items() if failing} == _one_row_at_a_time(doc)
