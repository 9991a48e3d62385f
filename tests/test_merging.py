"""One finding per problem (validation/merging.py): the same difference in several columns of a row."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import BudgetDisclosure
from cnbudget.validation import Finding, Location, Severity
from cnbudget.validation.merging import one_per_problem
from cnbudget.validation.positions import Places


def _finding(column: str | None, message: str, *, difference: bool = True) -> Finding:
    return Finding(rule="HIER-002", severity=Severity.ERROR, message=message,
                   locations=(Location(table="basic", agency="某某局", code="2010101", column=column),),
                   expected=Decimal("10.00") if difference else None, actual=Decimal("12.00") if difference else None)


def _merged(findings: list[Finding]) -> list[Finding]:
    return one_per_problem(findings, Places(BudgetDisclosure(department="某某局", fiscal_year=2024)))


def test_one_difference_in_two_columns_is_one_finding_naming_both() -> None:
    first, second = _finding("total", "合计不符"), _finding("personnel", "人员经费不符")
    (merged,) = _merged([first, second])
    assert merged.message.startswith("合计不符（") and "同样相差 2.00，是同一个问题" in merged.message
    assert [location.column for location in merged.locations] == ["total", "personnel"]


def test_a_finding_without_a_column_is_kept_beside_a_merged_one() -> None:
    # The same rule, place and difference, but no column: not one of the row's columns, so it is
    # neither merged nor lost.
    row_wide = _finding(None, "整行不符")
    findings = [_finding("total", "合计不符"), _finding("personnel", "人员经费不符"), row_wide]
    merged = _merged(findings)
    assert len(merged) == 2
    assert merged[1] is row_wide


def test_a_finding_without_a_difference_stays_as_it_is() -> None:
    plain = _finding("total", "缺少数字", difference=False)
    assert _merged([plain, _finding("personnel", "人员经费不符")]) == [plain, _finding("personnel", "人员经费不符")]
