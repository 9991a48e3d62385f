"""The findings the rules build without running the validators again (检查发现的快速构造) are the
findings the validated construction builds: field by field, type by type, whatever the values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.model import BudgetDisclosure
from cnbudget.validation.context import Context
from cnbudget.validation.findings import (
    Finding,
    Location,
    Severity,
    checked_finding,
    checked_location,
    placed,
    relocated,
)
from cnbudget.validation.registry import Rule

texts = st.none() | st.text(max_size=12)
numbers = st.none() | st.integers(min_value=1, max_value=10**6)
figures = st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=2,
                                  min_value=Decimal("-1e12"), max_value=Decimal("1e12"))
locations = st.builds(checked_location, texts, texts, texts, texts, texts, numbers, numbers)


def _fields(instance: Any) -> list[tuple[str, type[Any], Any]]:
    """Every field's name, the type of its value and the value: line and page too, which equality
    leaves out."""
    return [(field.name, type(getattr(instance, field.name)), getattr(instance, field.name))
            for field in attrs.fields(type(instance))]


def _assert_built_alike(fast: Any, slow: Any) -> None:
    """The quickly built object is the validated one: its class, equality, hash, repr, every field."""
    assert type(fast) is type(slow)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert _fields(fast) == _fields(slow)


@given(texts, texts, texts, texts, texts, numbers, numbers)
def test_checked_location_is_the_validated_one(table: str | None, agency: str | None, code: str | None,
                                               project: str | None, column: str | None, line: int | None,
                                               page: int | None) -> None:
    fast = checked_location(table, agency, code, project, column, line, page)
    slow = Location(table=table, agency=agency, code=code, project=project, column=column,
                    line_number=line, page=page)
    _assert_built_alike(fast, slow)


@given(locations, numbers, numbers)
def test_placed_is_evolve(location: Location, line: int | None, page: int | None) -> None:
    assert _fields(placed(location, line, page)) == _fields(attrs.evolve(location, line_number=line, page=page))


@given(st.text(min_size=1, max_size=8), st.sampled_from(Severity), st.text(max_size=20),
       st.lists(locations, max_size=3).map(tuple), figures, figures,
       st.lists(st.text(max_size=8), max_size=2).map(tuple))
def test_checked_finding_is_the_validated_one(rule: str, severity: Severity, message: str,
                                              places: tuple[Location, ...], expected: Decimal | None,
                                              actual: Decimal | None, related: tuple[str, ...]) -> None:
    fast = checked_finding(rule, severity, message, places, expected, actual, related)
    slow = Finding(rule=rule, severity=severity, message=message, locations=places, expected=expected,
                   actual=actual, related=related)
    _assert_built_alike(fast, slow)
    moved = tuple(placed(location, 7, None) for location in places)
    assert _fields(relocated(fast, moved)) == _fields(attrs.evolve(slow, locations=moved))


@given(st.sampled_from(Severity), st.none() | st.sampled_from(Severity), st.text(max_size=20),
       st.lists(locations, max_size=3), figures, figures)
def test_context_finding_is_the_validated_one(default: Severity, given_severity: Severity | None, message: str,
                                              places: list[Location], expected: Decimal | None,
                                              actual: Decimal | None) -> None:
    rule = Rule(id="ROW-001", title="示例", family="ROW", severity=default, check=lambda ctx: ())
    ctx = Context(doc=BudgetDisclosure(department="示例", fiscal_year=2024), catalog=None, rule=rule)
    fast = ctx.finding(message, iter(places), expected=expected, actual=actual, severity=given_severity)
    slow = Finding(rule="ROW-001", severity=given_severity or default, message=message, locations=places,
                   expected=expected, actual=actual)
    assert _fields(fast) == _fields(slow)


def test_a_rule_of_the_wrong_kinds_is_refused_where_it_is_registered() -> None:
    with pytest.raises(TypeError):
        Rule(id=1, title="示例", family="ROW", severity=Severity.ERROR, check=lambda ctx: ())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Rule(id="ROW-001", title="示例", family="ROW", severity="error", check=lambda ctx: ())  # type: ignore[arg-type]


def test_a_figure_too_long_is_still_refused() -> None:
    rule = Rule(id="ROW-001", title="示例", family="ROW", severity=Severity.ERROR, check=lambda ctx: ())
    ctx = Context(doc=BudgetDisclosure(department="示例", fiscal_year=2024), catalog=None, rule=rule)
    with pytest.raises(InvalidAmount):
        ctx.finding("x", (), expected=Decimal("1e80"))
