"""The rules the library runs, one module a family (or a part of one), listed explicitly.

``ALL_RULES`` is the order rules run in and findings of one severity are reported in; ``RULES`` the
same rules by id. A rule defined elsewhere is not among them unless listed here; to run rules of
your own, pass them: ``validate(doc, rules=[*ALL_RULES, my_rule])``.
"""

from __future__ import annotations

from collections.abc import Mapping

from cnbudget.validation.registry import Rule, by_id, rules_in
from cnbudget.validation.rules import (
    catalogue,
    catalogue_basic,
    catalogue_narrative,
    completeness,
    cross_table,
    cross_table_details,
    cross_table_fiscal,
    hierarchy,
    narrative,
    narrative_matters,
    narrative_totals,
    narrative_vehicles,
    performance,
    performance_coverage,
    performance_funds,
    performance_quantities,
    reading,
    rows,
    text_quality,
)

__all__ = ["ALL_RULES", "RULES"]

#: Every rule the library runs, in the order it runs them.
ALL_RULES: tuple[Rule, ...] = rules_in(
    catalogue,
    catalogue_basic,
    catalogue_narrative,
    completeness,
    cross_table,
    cross_table_details,
    cross_table_fiscal,
    hierarchy,
    narrative,
    narrative_totals,
    narrative_matters,
    narrative_vehicles,
    performance,
    performance_funds,
    performance_coverage,
    performance_quantities,
    reading,
    rows,
    text_quality,
)

#: The same rules by id (read-only).
RULES: Mapping[str, Rule] = by_id(ALL_RULES)
