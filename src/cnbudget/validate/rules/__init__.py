"""The rules, one module a family (or a part of one); importing this package registers them all."""

from cnbudget.validate.rules import (
    catalogue,
    catalogue_basic,
    catalogue_narrative,
    completeness,
    cross_table,
    hierarchy,
    narrative,
    narrative_vehicles,
    performance,
    performance_coverage,
    performance_quantities,
    reading,
    rows,
    text_quality,
)

__all__ = [
    "catalogue",
    "catalogue_basic",
    "catalogue_narrative",
    "completeness",
    "cross_table",
    "hierarchy",
    "narrative",
    "narrative_vehicles",
    "performance",
    "performance_coverage",
    "performance_quantities",
    "reading",
    "rows",
    "text_quality",
]
