"""The rules, one module a family; importing this package registers them all."""

from cnbudget.validate.rules import (
    catalogue,
    completeness,
    cross_table,
    hierarchy,
    narrative,
    performance,
    reading,
    rows,
)

__all__ = ["catalogue", "completeness", "cross_table", "hierarchy", "narrative", "performance", "reading", "rows"]
