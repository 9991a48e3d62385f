"""Table lines and indicators made by checked_builder (each field's validator replaced by the plain
test it stands for) are the objects the constructor makes from the same values: class, every field's
type and printed value, equality, hash, pickling; and whatever a test refuses, a field missing or one
the class lacks, goes through the constructor, whose error is the one raised."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.model import (
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    Indicator,
    SourceAmounts,
)
from cnbudget.model.lines import (
    CarryoverLine,
    EconomicLine,
    EconomicSummaryLine,
    FiscalLine,
    FunctionLine,
    ProcurementLine,
    ProjectExpenditureLine,
    ProjectLine,
    ProjectType,
    RevenueLine,
    SummaryLine,
    SummaryRole,
)
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.targets import parse_target
from cnbudget.vocab import FundingSource

_CLASSES = (CarryoverLine, EconomicLine, EconomicSummaryLine, FiscalLine, FunctionLine, ProcurementLine,
            ProjectExpenditureLine, ProjectLine, RevenueLine, SummaryLine, Indicator)

class _Text(str):
    """Text of a subclass of ``str`` (a field takes it; the shortcut leaves it to the constructor)."""


_SUBCLASSED_TEXTS = (_Text("合计"), _Text("x"))

# Values of every kind the fields hold, and of kinds they refuse: text (blank, spaced, a subclass of
# str), counts (bools, too many digits), amounts (signed zeros, printed figures, floats, NaN),
# codes of each family, enums, amount records, targets.
_values = st.one_of(
    st.none(),
    st.sampled_from(["", "合计", " 行政运行 ", "≥3个", "1,089.27", "abc", "-0.00"]),
    st.text(max_size=6),
    st.integers(0, 1).map(lambda index: _SUBCLASSED_TEXTS[index]),
    st.integers(-10**21, 10**21),
    st.sampled_from([0, 3, 10**20 - 1, 10**20, -(10**20)]),
    st.booleans(),
    st.sampled_from([Decimal("5.00"), Decimal("-0.00"), Decimal("0"), Decimal("NaN"), Decimal("1E+25"),
                     Decimal("-12.5"), 1.5]),
    st.sampled_from([FunctionCode.parse("2010101"), FunctionCode.parse("201"), EconomicCode.parse("30101"),
                     GovEconomicCode.parse("50101")]),
    st.sampled_from([*SummaryRole, *FundingSource, *ProjectType]),
    st.sampled_from([ExpenditureAmounts(total="5", basic="5"), SourceAmounts(total="3"), BasicAmounts(total="1"),
                     EconomicCategoryAmounts(total="2"), CarryoverAmounts(total="4"), FiscalAmounts(total="6")]),
    st.sampled_from([parse_target("≥3个"), parse_target("100%")]),
)


def _typical(cls: type) -> dict[str, Any]:
    """Values every field of ``cls`` takes, so that most draws build (the draw then changes some)."""
    chosen: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.default is not attrs.NOTHING:
            continue
        if field.name == "role":
            chosen[field.name] = SummaryRole.TOTAL
        elif field.name == "amounts":
            chosen[field.name] = next(value for value in (ExpenditureAmounts(total="5", basic="5"), SourceAmounts(
                total="3"), BasicAmounts(total="1"), EconomicCategoryAmounts(total="2"), CarryoverAmounts(
                total="4"), FiscalAmounts(total="6")) if field.validator is not None and _accepts(
                cls, field.name, value))
        elif field.name == "target":
            chosen[field.name] = parse_target("≥3个")
        else:
            chosen[field.name] = "合计"
    return chosen


def _accepts(cls: type, name: str, value: Any) -> bool:
    try:
        attrs.fields_dict(cls)[name].validator(None, attrs.fields_dict(cls)[name], value)  # type: ignore[misc]
    except TypeError:
        return False
    return True


def _outcome(make: Any, values: dict[str, Any]) -> tuple[str, Any]:
    try:
        made = make(**values)
    except Exception as error:  # the constructor's own errors, whatever their kind
        return "error", (type(error), str(error))
    return "made", made


def _printed(made: Any) -> list[tuple[str, str, str]]:
    return [(field.name, type(getattr(made, field.name)).__name__, repr(getattr(made, field.name)))
            for field in attrs.fields(type(made))]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_CLASSES), st.data())
def test_a_checked_build_is_the_constructors_object_or_error(cls: type, data: st.DataObject) -> None:
    values = _typical(cls)
    names = [field.name for field in attrs.fields(cls)]
    for name in data.draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
        values[name] = data.draw(_values)
    for name in data.draw(st.lists(st.sampled_from(names), max_size=1)):
        values.pop(name, None)  # a field missing
    if data.draw(st.integers(0, 3)) == 0:
        values["unknown"] = "x"  # a field the class lacks
    expected = _outcome(cls, values)
    got = _outcome(checked_builder(cls), values)
    if expected[0] == "error":
        assert got == expected
        return
    assert got[0] == "made"
    made = got[1]
    assert type(made) is cls
    assert _printed(made) == _printed(expected[1])
    assert made == expected[1] and hash(made) == hash(expected[1])
    assert pickle.loads(pickle.dumps(made)) == made


@pytest.mark.parametrize("cls", _CLASSES)
def test_each_class_read_has_a_builder_of_its_own(cls: type) -> None:
    # A class the builder cannot vouch for would be made by the constructor itself: not a shortcut.
    assert checked_builder(cls) is not cls


def test_a_refused_value_raises_the_constructors_error() -> None:
    with pytest.raises(TypeError, match="name"):
        checked_builder(FunctionLine)(name=3, amounts=ExpenditureAmounts(total="1"))
    with pytest.raises(TypeError, match="line_number"):
        checked_builder(SummaryLine)(role=SummaryRole.TOTAL, name="合计", line_number=True)
    with pytest.raises(TypeError, match="unexpected keyword argument 'unknown'"):
        checked_builder(EconomicLine)(name="合计", amounts=BasicAmounts(total="1"), unknown=1)
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'amounts'"):
        checked_builder(EconomicLine)(name="合计")


def test_an_amount_is_converted_as_the_constructor_converts_it() -> None:
    line = checked_builder(SummaryLine)(role=SummaryRole.TOTAL, name="合计", amount="1,089.27")
    assert line.amount == Decimal("1089.27")
    zero = checked_builder(ProcurementLine)(name="合计", amount=Decimal("-0.00"))
    assert str(zero.amount) == "0.00"
