"""Amount records made from placed amounts without their converters (placed_record) are the records
the constructor makes from the same amounts, field by field and value by value; whatever the
shortcut cannot vouch for goes through the constructor, its errors included."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.model import (
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    SourceAmounts,
)
from cnbudget.readers.tables.carryover import CARRYOVER_LAYOUTS
from cnbudget.readers.tables.columns import Layout, place_amounts
from cnbudget.readers.tables.economic_tables import BASIC_LAYOUTS, ECONOMIC_SUMMARY_LAYOUTS
from cnbudget.readers.tables.function_tables import EXPENDITURE_LAYOUTS, REVENUE_LAYOUTS
from cnbudget.readers.tables.placed_records import placed_record
from cnbudget.readers.tables.project_tables import PROJECT_EXPENDITURE_LAYOUTS

_LAYOUTS: list[Layout] = [
    layout
    for layouts in (EXPENDITURE_LAYOUTS, REVENUE_LAYOUTS, BASIC_LAYOUTS, ECONOMIC_SUMMARY_LAYOUTS,
                    PROJECT_EXPENDITURE_LAYOUTS, CARRYOVER_LAYOUTS)
    for layout in layouts
    if layout.record is not None
]
_RECORDS = (BasicAmounts, CarryoverAmounts, EconomicCategoryAmounts, ExpenditureAmounts, FiscalAmounts,
            SourceAmounts)

# Cells as tables print them: blanks and dashes, signed zeros, separators, full-width digits, units,
# long decimals, and text that is no amount.
_cells = st.one_of(
    st.sampled_from(["", "-", "—", "--", "0", "-0", "-0.00", "0.00", "1,089.27", "１２３.４", "5.60万元", "1E-7",
                     "abc", "12,34"]),
    st.builds(lambda n, places: f"{Decimal(n).scaleb(-places):f}", st.integers(-10**12, 10**12),
              st.integers(0, 6)),
)


def _fields(record: Any) -> list[tuple[str, str, str]]:
    """Every field's name, value type and printed value (repr keeps the exponent and the sign)."""
    return [(f.name, type(getattr(record, f.name)).__name__, repr(getattr(record, f.name)))
            for f in attrs.fields(type(record))]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_LAYOUTS), st.lists(_cells, max_size=16))
def test_a_record_of_placed_amounts_is_the_record_the_constructor_makes(layout: Layout, cells: list[str]) -> None:
    placement = place_amounts(layout, cells)
    if placement.problem is not None:
        return
    assert layout.record is not None
    made: object = placed_record(layout.record, placement.values)
    validated = layout.record(**placement.values)
    assert type(made) is type(validated)
    assert made == validated
    assert _fields(made) == _fields(validated)
    assert hash(made) == hash(validated)
    # Made on its builder, the record is frozen and pickled as the constructor's is.
    assert pickle.loads(pickle.dumps(made)) == validated
    first = attrs.fields(layout.record)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(made, first, None)


@pytest.mark.parametrize("record", _RECORDS)
def test_every_amount_record_of_the_readers_takes_the_shortcut(record: type) -> None:
    from cnbudget.readers.tables.placed_records import _written

    assert _written(record) is not None


def test_text_and_whole_numbers_go_through_the_converters() -> None:
    made = placed_record(ExpenditureAmounts, {"total": "1,089.27", "basic": 5})  # type: ignore[dict-item]
    assert made.total == Decimal("1089.27") and type(made.total) is Decimal
    assert made.basic == Decimal(5) and type(made.basic) is Decimal


def test_what_the_constructor_refuses_is_refused() -> None:
    with pytest.raises(InvalidAmount):
        placed_record(ExpenditureAmounts, {"total": 0.5})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        placed_record(ExpenditureAmounts, {"total": Decimal(1), "no_such_column": Decimal(1)})
    with pytest.raises(TypeError):
        placed_record(ExpenditureAmounts, {"basic": Decimal(1)})  # 合计 is required


def test_a_record_with_checks_of_its_own_goes_through_its_constructor() -> None:
    @attrs.frozen(kw_only=True)
    class Checked:
        total: Decimal = attrs.field(validator=attrs.validators.gt(Decimal(0)))

    assert placed_record(Checked, {"total": Decimal(1)}) == Checked(total=Decimal(1))
    with pytest.raises(ValueError):
        placed_record(Checked, {"total": Decimal(0)})


def test_a_record_without_slots_goes_through_its_constructor() -> None:
    from cnbudget.model.fields import as_amount
    from cnbudget.readers.tables.placed_records import _written

    @attrs.frozen(kw_only=True, slots=False)
    class Unslotted:
        total: Decimal = attrs.field(converter=as_amount)

    assert _written(Unslotted) is None
    assert placed_record(Unslotted, {"total": Decimal("-0.00")}).total.is_signed() is False


def _outcome(make: Any, values: dict[str, Any]) -> tuple[str, Any]:
    try:
        made = make(values)
    except Exception as error:  # the constructor's own errors, whatever their kind
        return "error", (type(error), str(error))
    return "made", _fields(made)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_RECORDS), st.data())
def test_any_values_give_what_the_constructor_gives(record: type, data: st.DataObject) -> None:
    # Any names, with values of other kinds among the Decimals place_amounts gives (finite, bounded,
    # zeros unsigned: what the shortcut may take as they are): None, text, numbers.
    names = [*(field.name for field in attrs.fields(record)), "no_such_column"]
    values = data.draw(st.dictionaries(st.sampled_from(names), st.one_of(
        st.none(), st.sampled_from([Decimal("5.00"), Decimal("0.00"), Decimal("-12.5"), "1,089.27", "-0.00", 3, 0.5,
                                    True])), max_size=5))
    if data.draw(st.booleans()):
        values.setdefault("total", Decimal("1.00"))
    expected = _outcome(lambda given: record(**given), values)
    assert _outcome(lambda given: placed_record(record, given), values) == expected
