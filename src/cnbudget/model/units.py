"""One unit for a whole document (统一金额单位): tables printed in another unit, converted.

A document may mix units: the Shanghai template prints its tables in 元 and the “三公” table in 万元.
The model keeps every table as printed, with its own unit (:attr:`~cnbudget.model.Table.unit`);
comparing tables needs them in one unit. :func:`in_document_unit` converts every amount of such a
table exactly (:func:`cnbudget.money.convert` keeps the printed precision: 1.00 万元 is
``Decimal('1.00E+4')`` 元, known to the nearest 100 元).

>>> from decimal import Decimal
>>> from cnbudget.money import AmountUnit
>>> from cnbudget.model import BudgetDisclosure, SourceSplit, Tables, ThreePublicTable
>>> zero, one = SourceSplit(total="0"), SourceSplit(total="1.00")
>>> table = ThreePublicTable(unit=AmountUnit.WAN_YUAN, total=one, overseas_travel=zero, vehicles=zero,
...                          vehicle_purchase=zero, vehicle_operation=zero, reception=one)
>>> doc = BudgetDisclosure(department="示例", fiscal_year=2025, amount_unit=AmountUnit.YUAN,
...                        tables=Tables(three_public=table))
>>> converted = in_document_unit(doc).tables.three_public
>>> converted.unit is None, converted.total.total == 10000, converted.total.total
(True, True, Decimal('1.00E+4'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model.coverage import UnreadTable
from cnbudget.model.disclosure import BudgetDisclosure
from cnbudget.model.tables import Table
from cnbudget.money import AmountUnit, convert

__all__ = ["in_document_unit"]


def in_document_unit(doc: BudgetDisclosure) -> BudgetDisclosure:
    """``doc`` with every table in the document's unit (the same object where nothing differs). A
    table whose amounts would pass the bounds of a figure (:mod:`cnbudget.decimals`) in that unit
    cannot be compared: it is left out, recorded as a table not read, with the reason."""
    changed: dict[str, Any] = {}
    unread: list[UnreadTable] = []
    for key, table in doc.tables.present():
        if table.unit is None or table.unit is doc.amount_unit:
            continue
        try:
            changed[key] = _converted(table, table.unit, doc.amount_unit)
        except InvalidAmount as error:
            changed[key] = None
            unread.append(UnreadTable(key=key, title=None, line=table.line_number, reason=(
                f"its amounts in {table.unit.zh} cannot be compared in the document's {doc.amount_unit.zh}: {error}")))
    if not changed:
        return doc
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, **changed), unread=(*doc.unread, *unread))


def _converted(table: Table, from_unit: AmountUnit, to_unit: AmountUnit) -> Table:
    converted = _convert(table, from_unit, to_unit)
    assert isinstance(converted, Table)
    return attrs.evolve(converted, unit=None)


def _convert(value: Any, from_unit: AmountUnit, to_unit: AmountUnit) -> Any:
    """Every amount field inside ``value`` (an attrs object, a tuple of them) in ``to_unit``."""
    if isinstance(value, tuple):
        return tuple(_convert(item, from_unit, to_unit) for item in value)
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.metadata.get("amount") and isinstance(current, Decimal):
            changes[field.name] = convert(current, from_unit, to_unit)
        elif isinstance(current, tuple) or attrs.has(type(current)):
            changes[field.name] = _convert(current, from_unit, to_unit)
    return attrs.evolve(value, **changes) if changes else value
