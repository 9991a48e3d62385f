"""Validation (检查): every identity a correct disclosure satisfies, rounding-aware.

``validate(doc)`` runs the library's rules (``ALL_RULES``) and returns a :class:`Report` of :class:`Finding`
objects. See ``docs/validation.md`` and the generated ``docs/rules.md``.
"""

from cnbudget._callable import make_callable
from cnbudget.validate.engine import validate
from cnbudget.validate.findings import Finding, Location, Severity
from cnbudget.validate.registry import FAMILIES, Rule, rule
from cnbudget.validate.report import Report
from cnbudget.validate.rules import ALL_RULES, RULES

__all__ = ["ALL_RULES", "FAMILIES", "RULES", "Finding", "Location", "Report", "Rule", "Severity", "rule", "validate"]

make_callable(__name__, validate)
