"""The corpus in flat text (plain pdftotext, ``flat.txt``) against the same documents read from their
table-aware extraction (``tsv.txt``): every table the flat text places gives the same figures, and
every other table it prints is reported unread.

Most tables of the corpus come out of pdftotext with their cells out of order (a page's codes, then
its names, then its figures; the two halves of a 收支总表 in separate runs), which no reading can
undo with certainty; what is read is the tables printed one cell per line in order (Jiangsu, one
amount column) and the tables stated empty. The tables read are pinned per document so that a
change in either direction is seen.

Figures are compared as printed: a blank cell is nothing in flat text, so facts of a blank cell
(an amount 0 without decimals) are left out of the comparison on both sides.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

import cnbudget
from cnbudget.errors import FinalAccountsNotRead
from cnbudget.model import BudgetDisclosure
from tests.seeds import corpus_names, corpus_path, missing

# The tables flat text gives with certainty, per document (all others are reported unread).
READ_FROM_FLAT: dict[str, set[str]] = {
    "js-cppcc-2019": set(),  # the text alone: its tables are published apart (公开表附后)
    "js-cppcc-2019-tables": {"fiscal_expenditure", "general_budget", "operating_costs"},
    "js-party-office-2018": set(),
    "js-party-office-2018-tables": {"fiscal_expenditure", "general_budget", "operating_costs"},
    "js-procuratorate-2017": {"fiscal_expenditure", "general_budget"},
    "js-procuratorate-2018": {"gov_fund", "operating_costs"},
    "js-procuratorate-2019": {"fiscal_basic", "fiscal_expenditure", "general_budget", "gov_fund",
                              "operating_costs"},
    "sh-putuo-commerce-2025-dept-budget": {"gov_fund", "soe_capital"},
    "sh-putuo-govoffice-2025-unit-budget": {"gov_fund", "soe_capital"},
    "sh-putuo-wanli-2023-dept-budget": {"gov_fund", "soe_capital"},
    "sh-putuo-wanli-2024-dept-budget": {"gov_fund", "soe_capital"},
    "sh-putuo-welfarehome-2024-unit-budget": {"gov_fund", "soe_capital"},
}
FINAL_ACCOUNTS = {"final-sh-putuo-finance-2024", "final-sh-putuo-planning-2024"}

Printed = tuple[str | None, str | None, str, str | None, str, Decimal]


def _printed_facts(doc: BudgetDisclosure) -> dict[str, list[Printed]]:
    """The figures of each table as printed (blank cells left out), with their coordinates."""
    found: dict[str, list[Printed]] = defaultdict(list)
    for fact in doc.facts():
        blank = fact.amount == 0 and fact.amount.as_tuple().exponent == 0
        if not blank:
            found[fact.table].append((fact.agency, fact.code, fact.name, fact.project, fact.column, fact.amount))
    return found


def test_every_corpus_document_is_pinned() -> None:
    names = set(corpus_names())
    if not names:
        missing("the corpus (../shared/corpus) is not available here")
    assert names == set(READ_FROM_FLAT) | FINAL_ACCOUNTS


@pytest.mark.parametrize("name", sorted(READ_FROM_FLAT))
def test_flat_text_gives_the_figures_of_the_tsv_for_every_table_it_reads(name: str) -> None:
    flat = cnbudget.read_file(corpus_path(name, "flat.txt"))
    tsv = cnbudget.read_file(corpus_path(name, "tsv.txt"))
    assert set(flat.coverage.read) == READ_FROM_FLAT[name]
    flat_facts, tsv_facts = _printed_facts(flat.disclosure), _printed_facts(tsv.disclosure)
    for key in flat.coverage.read:
        assert sorted(flat_facts[key], key=repr) == sorted(tsv_facts[key], key=repr), key
        assert flat_facts[key] or key in ("gov_fund", "soe_capital"), key  # only the empty tables print nothing


@pytest.mark.parametrize("name", sorted(READ_FROM_FLAT))
def test_flat_text_reports_every_other_table_it_prints(name: str) -> None:
    flat = cnbudget.read_file(corpus_path(name, "flat.txt"))
    tsv = cnbudget.read_file(corpus_path(name, "tsv.txt"))
    assert set(flat.coverage.printed) == set(tsv.coverage.printed)
    unread = {table.key: table.reason for table in flat.disclosure.unread}
    assert set(unread) == set(flat.coverage.printed) - READ_FROM_FLAT[name]
    for key, reason in unread.items():
        assert reason.startswith("table not read: the text lost the table's columns"), (key, reason)
    assert (flat.disclosure.tables_elsewhere is None) == (tsv.disclosure.tables_elsewhere is None)


@pytest.mark.parametrize("name", sorted(FINAL_ACCOUNTS))
def test_final_accounts_are_refused_in_flat_text_too(name: str) -> None:
    with pytest.raises(FinalAccountsNotRead):
        cnbudget.read_file(corpus_path(name, "flat.txt"))
