"""What a rule sees (检查上下文): the document, the catalogue, and rounding-aware comparisons that
turn into findings.

Comparisons follow the rounding rule of :mod:`cnbudget.money`: figures that agree exactly give no
finding; figures that agree only once each printed figure is read as the interval it rounds (±½ of
its last digit) give an ``info`` finding; anything further apart gives a finding of the rule's
severity. There is no fixed tolerance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from cnbudget.classification import Catalog
from cnbudget.model import TABLE_TITLES, BudgetDisclosure
from cnbudget.model.fields import as_optional_figure
from cnbudget.money import Consistency, SumCheck, check_equal, check_sum
from cnbudget.validation.findings import Finding, Location, Severity, checked_finding
from cnbudget.validation.registry import Rule
from cnbudget.validation.run_cache import RunCache

__all__ = ["Context", "figure"]


def figure(value: Decimal) -> str:
    """An amount as documents print it: thousands separators, its own decimals (``1,089.27``); an
    amount converted from a larger unit is printed whole (``1.00E+4`` 元 as ``10,000``).

    >>> figure(Decimal("1089.27")), figure(Decimal("1.00E+4"))
    ('1,089.27', '10,000')
    """
    exponent = value.as_tuple().exponent
    return f"{value:,f}" if isinstance(exponent, int) and exponent > 0 else f"{value:,}"


@attrs.frozen(kw_only=True)
class Context:
    """The document under check, the catalogue of its year (if any), and the running rule."""

    doc: BudgetDisclosure
    catalog: Catalog | None
    rule: Rule
    # Shared by every rule of one run: what several rules derive from the document, derived once.
    cache: RunCache = attrs.field(factory=RunCache, eq=False, repr=False)

    def table_name(self, key: str) -> str:
        """The table's title as printed, else its standard title (表名)."""
        table = getattr(self.doc.tables, key, None)
        title = getattr(table, "title", None)
        return title or TABLE_TITLES.get(key, key)

    def finding(
        self,
        message: str,
        locations: Iterable[Location] = (),
        *,
        expected: Decimal | None = None,
        actual: Decimal | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of the running rule (its default severity unless another is given)."""
        # The rule's id and severity are checked where the rule is registered (validation.registry),
        # the rest by type: the findings are built without the validators running again.
        return checked_finding(
            self.rule.id, severity or self.rule.severity, message, tuple(locations),
            None if expected is None else as_optional_figure(expected),
            None if actual is None else as_optional_figure(actual),
        )

    def judge(self, result: SumCheck, *, where: str, what: str, locations: Sequence[Location]) -> Finding | None:
        """A finding for a comparison's result: none when exact, ``info`` within rounding."""
        if result.status is Consistency.EXACT:
            return None
        gap = figure(abs(result.difference))
        if result.status is Consistency.WITHIN_ROUNDING:
            message = (f"{where}：{what}，{figure(result.total)} 与 {figure(result.parts_sum)} 相差 {gap}，"
                       f"在印刷数字的四舍五入误差之内")
            severity: Severity | None = Severity.INFO
        else:
            message = (f"{where}：{what}不成立，印为 {figure(result.total)}，"
                       f"应为 {figure(result.parts_sum)}（相差 {gap}）")
            severity = None
        return self.finding(message, locations, expected=result.parts_sum, actual=result.total, severity=severity)

    def check_sum(
        self, total: Decimal, parts: Iterable[Decimal], *, where: str, what: str, locations: Sequence[Location]
    ) -> Finding | None:
        """Hold a printed total against its printed parts; ``what`` states the identity (合计 = …)."""
        return self.judge(check_sum(total, parts), where=where, what=what, locations=locations)

    def check_equal(
        self, printed: Decimal, expected: Decimal, *, where: str, what: str, locations: Sequence[Location]
    ) -> Finding | None:
        """Hold a printed figure against the figure another place prints for the same quantity."""
        return self.judge(check_equal(printed, expected), where=where, what=what, locations=locations)
