"""The English title of each rule (规则的英文名称), for reports printed in English.

The Chinese title stays the rule's own (given where it is registered); this is its translation,
kept as data beside the registry. A rule without an English title is reported under its Chinese one.

>>> english_title("ROW-001")
'Expenditure total = basic + project'
>>> english_title("NO-SUCH-RULE") is None
True
"""

from __future__ import annotations

__all__ = ["RULE_TITLES_EN", "english_title"]

RULE_TITLES_EN: dict[str, str] = {
    "CAT-001": "Code exists in the year's classification catalogue",
    "CAT-002": "Subject name matches the official name",
    "CAT-003": "Subject name is a retired name",
    "CAT-004": "Departmental and government economic codes correspond",
    "CAT-005": "Every row of a coded table prints a valid code",
    "COMP-001": "Every table listed in the contents is published",
    "COMP-002": "Every published table is listed in the contents",
    "COMP-003": "The eight required tables are published",
    "COMP-004": "An empty-table statement agrees with the table's figures",
    "COMP-005": "A table without figures says it is empty",
    "COMP-006": "The template's other tables are published",
    "COMP-007": "Contents numbering matches the table numbers",
    "COMP-008": "A budget the text says is absent is absent from the tables",
    "COMP-009": "The summary lists only categories with amounts (template leftovers)",
    "XTAB-001": "Summary revenue = revenue table",
    "XTAB-002": "Summary expenditure = expenditure table",
    "XTAB-003": "Revenue table = expenditure table",
    "XTAB-004": "Summary fiscal appropriation = fiscal summary revenue",
    "XTAB-005": "Fiscal summary expenditure = each budget's expenditure table",
    "XTAB-006": "Revenue by budget = each budget's expenditure table",
    "XTAB-007": "General budget basic expenditure = basic expenditure table total",
    "XTAB-008": "General budget project expenditure = project expenditure table",
    "XTAB-009": "Summary: total revenue = total expenditure",
    "XTAB-010": "Fiscal summary: total revenue = total expenditure",
    "XTAB-011": "Three public expenses and the matching basic expenditure codes",
    "XTAB-012": "Three public expenses = matching codes of the economic summary",
    "XTAB-013": "Summary carryover = carryover table",
    "XTAB-014": "Economic summary = basic + project expenditure tables",
    "XTAB-015": "Project table = project expenditure of the expenditure table",
    "XTAB-016": "Fiscal expenditure table = sum of the budgets' expenditure tables",
    "XTAB-017": "Fiscal basic expenditure agrees with the general budget basic table and the fiscal summary",
    "XTAB-018": "Expenditure by use = expenditure table",
    "XTAB-019": "Operating costs table = operating costs in the three public expenses table",
    "HIER-001": "Function classification: category = sum of its sections",
    "HIER-002": "Function classification: section = sum of its items",
    "HIER-003": "Economic classification: category = sum of its sections",
    "HIER-004": "Subject amount = sum of its projects",
    "HIER-005": "Agency subtotal = sum of the agency's rows",
    "HIER-006": "Table total = sum of the categories (agencies)",
    "HIER-007": "Summary: expenditure total = sum of the categories",
    "HIER-008": "Three public expenses: total = sum of the items",
    "HIER-009": "Revenue table: total = sum of the source subtotals",
    "HIER-010": "Procurement: total = sum of the categories = …",
    "NARR-001": "Stated change agrees with the stated rate",
    "NARR-002": "Stated share agrees with the amounts",
    "NARR-003": "Stated amount agrees with the tables",
    "NARR-004": "Stated project count and amount agree with the performance targets",
    "NARR-005": "Stated project amount does not exceed project expenditure",
    "NARR-006": "Stated department-wide target funds agree with the budget",
    "NARR-007": "Stated total = sum of the stated items",
    "NARR-008": "Operating costs do not exceed public (operating) expenditure",
    "NARR-009": "Stated operating costs and procurement agree with the tables",
    "NARR-010": "The same amount has the same change everywhere",
    "NARR-011": "Stated reason fits the subject and direction of the change",
    "PERF-001": "Indicator levels depart from the national framework",
    "PERF-002": "Indicator weights do not add up",
    "PERF-003": "Rate indicator compares in the wrong direction",
    "PERF-004": "Rate indicator target out of range",
    "PERF-005": "Indicator target units disagree",
    "PERF-006": "Deadline outside the budget year",
    "PERF-007": "Repeated indicator or performance target",
    "PERF-008": "Scoring rule does not fit the target type",
    "PERF-009": "Performance target funds do not balance",
    "PERF-010": "Project target summary: subtotal = sum of its projects",
    "PERF-011": "Cost indicator disagrees with the project funds",
    "PERF-012": "Department-wide target funds disagree with the budget total",
    "PERF-013": "Project targets disagree with the general budget project table",
    "PERF-014": "Project targets disagree with the project table",
    "READ-001": "Table not read, not checked",
    "READ-002": "Tables published separately, not checked with this file",
    "READ-003": "Table partly not read; its checks not run",
    "READ-004": "No table read",
    "READ-005": "Table of a kind not modelled, not checked",
    "READ-006": "Rows shifted one column at a page break",
    "ROW-001": "Expenditure total = basic + project",
    "ROW-002": "Basic = personnel + public (operating)",
    "ROW-003": "Project = operating + specific-purpose",
    "ROW-004": "Revenue total = sum of the funding sources",
    "ROW-005": "Fiscal appropriation subtotal = sum of the budgets",
    "ROW-006": "Project total = sum of the economic categories",
    "ROW-007": "Carryover = fiscal + non-fiscal",
}


def english_title(rule_id: str) -> str | None:
    """The English title of the rule ``rule_id``, or ``None`` where it has none."""
    return RULE_TITLES_EN.get(rule_id)
