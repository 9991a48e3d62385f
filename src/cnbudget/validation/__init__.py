"""Validation (检查): every identity a correct disclosure satisfies, rounding-aware.

``validate(doc)`` runs the library's rules (``ALL_RULES``) and returns a :class:`Report` of :class:`Finding`
objects. See ``docs/validation.md`` and the generated ``docs/rules.md``.
"""

from cnbudget.validation.engine import validate
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import FAMILIES, Rule, rule
from cnbudget.validation.report import Report
from cnbudget.validation.rules import ALL_RULES, RULES

__all__ = ["ALL_RULES", "FAMILIES", "RULES", "Finding", "Location", "Report", "Rule", "Severity", "rule", "validate"]
