"""The rules, one module a family; importing this package registers them all."""

from cnbudget.validate.rules import performance, rows

__all__ = ["performance", "rows"]
