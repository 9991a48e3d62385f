"""``validate``: run the rules over a disclosure and collect a report (检查).

>>> from cnbudget.model import BudgetDisclosure
>>> report = validate(BudgetDisclosure(department="示例部门", fiscal_year=2024))
>>> [(f.rule, f.severity.value) for f in report.findings]  # nothing was read, so nothing was checked
[('READ-004', 'error')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

from cnbudget.classification import COVERED_YEARS, Catalog
from cnbudget.classification import catalog as bundled_catalog
from cnbudget.decimals import in_own_context
from cnbudget.model import TABLE_TITLES, BudgetDisclosure, coverage
from cnbudget.model.units import in_document_unit
from cnbudget.money import counting_comparisons
from cnbudget.validation.context import Context
from cnbudget.validation.diagnoses import shifted_rows
from cnbudget.validation.findings import Finding
from cnbudget.validation.merging import one_per_problem
from cnbudget.validation.positions import Places, at_place
from cnbudget.validation.reads import TablesRead
from cnbudget.validation.registry import Rule, select_rules
from cnbudget.validation.report import Report
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.cross_table_views import failed_totals, view_unmoved
from cnbudget.validation.rules.hierarchy import checked_sums, failed_sums
from cnbudget.validation.run_cache import RunCache

_EVERY_TABLE = frozenset(TABLE_TITLES)

__all__ = ["validate"]


def _catalog_for(doc: BudgetDisclosure, given: Catalog | None) -> Catalog | None:
    if given is not None:
        return given
    return bundled_catalog(doc.fiscal_year) if doc.fiscal_year in COVERED_YEARS else None


def _runs(rule: Rule, doc: BudgetDisclosure, catalog: Catalog | None) -> bool:
    """Whether ``rule`` runs on ``doc``: it applies, has its catalogue and no part it needs is incomplete."""
    return (rule.applies_to(doc) and ("catalog" not in rule.requires or catalog is not None)
            and not set(doc.incomplete).intersection(rule.requires))


def _run(doc: BudgetDisclosure, catalog: Catalog | None, rules: Iterable[Rule],
         cache: RunCache) -> tuple[list[Finding], list[str], list[str]]:
    """The findings of ``rules`` on ``doc``, and the ids of the rules run and skipped; ``cache``
    holds what the rules derive from ``doc`` and ``catalog`` (:mod:`~cnbudget.validation.run_cache`)."""
    findings: list[Finding] = []
    run: list[str] = []
    skipped: list[str] = []
    for rule in rules:
        if not _runs(rule, doc, catalog):
            skipped.append(rule.id)
            continue
        run.append(rule.id)
        findings.extend(rule.check(Context(doc=doc, catalog=catalog, rule=rule, cache=cache)))
    return findings, run, skipped


def _findings(doc: BudgetDisclosure, catalog: Catalog | None, rules: Iterable[Rule],
              cache: RunCache) -> Iterator[Finding]:
    """The findings of ``rules`` on ``doc`` one rule at a time, as asked for (what :func:`_run` finds)."""
    for rule in rules:
        if _runs(rule, doc, catalog):
            yield from rule.check(Context(doc=doc, catalog=catalog, rule=rule, cache=cache))


@in_own_context
def validate(
    doc: BudgetDisclosure,
    *,
    catalog: Catalog | None = None,
    rules: Iterable[str | Rule] | None = None,
) -> Report:
    """Check ``doc`` against every rule (or the rules, families or ids given) and report.

    ``catalog`` defaults to the bundled catalogue of the document's year; catalogue rules do not run
    when there is none; rules that need a part the document records as read incompletely
    (``doc.incomplete``) do not run either. Checking never raises on bad content: everything wrong
    is a finding. The report carries the document's coverage (which tables were read) and how many
    comparisons the rules made.
    """
    doc = in_document_unit(doc)  # a table printed in another unit is compared in the document's
    used_catalog = _catalog_for(doc, catalog)
    cache = RunCache()
    with counting_comparisons() as made:
        findings, run, skipped = _run(doc, used_catalog, select_rules(rules, RULES), cache)
    if "READ-006" in run:  # the diagnosis of shifted rows, where it was asked for
        def recheck(moved: BudgetDisclosure, ids: Sequence[str], changed: str,
                    fields: frozenset[str]) -> Iterator[Finding]:
            # The changed table's views of columns whose figures did not move are kept.
            carried = cache.with_changed(changed, functools.partial(view_unmoved, moved=fields))
            return _findings(moved, used_catalog, select_rules(ids, RULES), carried)

        @functools.cache  # made for the first table diagnosed, if any: the rules' derived values shared
        def tables_read() -> TablesRead:
            return TablesRead(doc, used_catalog, cache)

        @functools.cache  # asked for each table diagnosed: found once per run
        def reads(rule_id: str) -> frozenset[str]:
            # A rule not asked for has no first findings to keep: it is checked on every moved
            # document, as if it read every table.
            return tables_read()(RULES[rule_id]) if rule_id in run else _EVERY_TABLE

        findings = shifted_rows(doc, findings, recheck,
                                table_name=lambda key: Context(doc=doc, catalog=used_catalog, rule=RULES["READ-006"])
                                .table_name(key), reads=reads,
                                sums_failed=lambda key: failed_sums(cache, key),
                                sums_checked=lambda key: checked_sums(cache, key, getattr(doc.tables, key)),
                                totals_failed=lambda key: failed_totals(cache, key))
    places = Places(doc)
    findings = one_per_problem(findings, places)
    findings.sort(key=lambda f: f.severity.rank)  # stable: document order within a severity
    return Report(findings=at_place(findings, places), rules_run=tuple(run), rules_skipped=tuple(skipped),
                  coverage=coverage(doc), comparisons=made[0])
