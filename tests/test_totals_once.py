"""The budget's totals and the 一般公共预算 totals the tables print (:func:`budget_totals`,
:func:`general_totals`) are found once per run, for every statement that names them: what each asker
gets is what working them out again finds, for each set of roles asked, in any order, and an asker
that changes its list changes nobody else's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget import example, read_text
from cnbudget.classification import COVERED_YEARS, catalog
from cnbudget.examples import example_names
from cnbudget.model import BudgetDisclosure, SummaryRole
from cnbudget.validation.context import Context
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.narrative_tables import _budget_totals, _general_totals, budget_totals, general_totals
from cnbudget.validation.run_cache import RunCache
from tests.seeds import seed_text

_ROLES = st.sampled_from([(), (SummaryRole.CURRENT_YEAR,), (SummaryRole.CURRENT_YEAR, SummaryRole.YEAR_END_CARRYOVER)])


def _context(doc: BudgetDisclosure) -> Context:
    year = doc.fiscal_year if doc.fiscal_year in COVERED_YEARS else max(COVERED_YEARS)
    return Context(doc=doc, catalog=catalog(year), rule=RULES["NARR-003"], cache=RunCache())


def _asked_in_turn(doc: BudgetDisclosure, asks: list[tuple[SummaryRole, ...] | None]) -> None:
    ctx = _context(doc)  # one run: the answers kept between asks
    for roles in asks:
        found = general_totals(ctx) if roles is None else budget_totals(ctx, *roles)
        plain = _general_totals(_context(doc)) if roles is None else _budget_totals(_context(doc), roles)
        assert found == plain
        found.clear()  # the asker's own copy


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(example_names()), st.lists(st.one_of(st.none(), _ROLES), max_size=5))
def test_the_totals_kept_are_those_found_again(name: str, asks: list[tuple[SummaryRole, ...] | None]) -> None:
    _asked_in_turn(example(name), asks)


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_the_totals_kept_are_those_found_again_in_the_seeds(seed: str) -> None:
    doc = read_text(seed_text(seed)).disclosure
    _asked_in_turn(doc, [(SummaryRole.CURRENT_YEAR,), (), None, (SummaryRole.CURRENT_YEAR,), None, ()])
