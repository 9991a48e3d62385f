"""The statements with the trailing zeros their text dropped put back (:func:`as_printed`): a run of
statements whose figures all print the finest precision is passed on as it is, which must be what
filling every statement of the run gives."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import BudgetDisclosure, Statement
from cnbudget.validation.rules.narrative_statements import (
    _FIGURES,
    Placed,
    _exponent,
    _refilled,
    as_printed,
    placed,
    runs,
)


def _plain_as_printed(items: list[Placed]) -> list[Placed]:
    """Every statement of every run filled to the run's finest figure, one by one."""
    result: list[Placed] = []
    for run in runs(items):
        figures = [value for item in run for name in _FIGURES
                   if (value := getattr(item.statement, name)) is not None and not value.is_zero()]
        if not figures:
            result.extend(run)
            continue
        finest = min(_exponent(value) for value in figures)
        for item in run:
            statement = _refilled(item.statement, finest)
            result.append(item if statement is item.statement else attrs.evolve(item, statement=statement))
    return result


_FIGURE = st.one_of(st.none(), st.sampled_from(["0", "0.00", "5533", "140.2", "12323.48", "3.5", "20", "-20",
                                               "1E+2", "7.000"]).map(Decimal))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(["一、收入", "二、支出", "三、三公"]), _FIGURE, _FIGURE, _FIGURE),
                max_size=8))
def test_statements_as_printed_are_every_statement_filled(
        rows: list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]) -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section=section, subject="支出", amount=amount, change_amount=change, stated_prior=prior)
        for section, amount, change, prior in rows])
    items = placed(doc)
    found, expected = as_printed(items), _plain_as_printed(items)
    assert found == expected
    # The same objects where nothing was filled: a statement is rebuilt only where a figure changes.
    assert [a is b for a, b in zip(found, items, strict=True)] == [a is b for a, b in zip(expected, items, strict=True)]
