"""The front of a document: department, fiscal year, amount unit (部门、年度、金额单位).

This is the minimal part every reading needs before the tables; agencies, staffing and the table of
contents are read here too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from cnbudget.money import AmountUnit
from cnbudget.readers.result import Problem
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["FrontMatter", "read_front"]

# The name ends where the unit heading printed on the same line begins (…医疗保障局  单位：万元).
_DEPARTMENT = re.compile(
    r"^(?:编制部门|编制单位|部门名称|单位名称)\s*[:：]\s*(?P<name>(?:(?!(?:金额)?单位[:：])[^\s:：])+)"
)
_YEAR = re.compile(r"(20\d\d)\s*年度?\s*(?:部门|单位)?\s*(?:预算|决算)")
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|亿元)")


@attrs.frozen(kw_only=True)
class FrontMatter:
    """What the front of the document says."""

    department: str | None
    fiscal_year: int | None
    amount_unit: AmountUnit
    title: str | None = None


def read_front(lines: Sequence[SourceLine]) -> tuple[FrontMatter, list[Problem]]:
    """Department (the name most headings give), year (the most frequent budget year) and unit."""
    departments = Counter(
        clean_name(match.group("name")) for line in lines if (match := _DEPARTMENT.match(line.squeezed))
    )
    years = Counter(int(match.group(1)) for line in lines for match in _YEAR.finditer(line.text))
    units = Counter(match.group(1) for line in lines if (match := _UNIT.search(line.text)))
    problems = []
    department = departments.most_common(1)[0][0] if departments else None
    year = years.most_common(1)[0][0] if years else None
    if department is None:
        problems.append(Problem(line=None, text="", message="no 编制部门/部门名称 heading names the department"))
    if year is None:
        problems.append(Problem(line=None, text="", message="no budget year (如 2024 年部门预算) found"))
    unit = AmountUnit.parse(units.most_common(1)[0][0]) if units else AmountUnit.WAN_YUAN
    title = next((line.text for line in lines if line.text and _YEAR.search(line.text)), None)
    return FrontMatter(department=department, fiscal_year=year, amount_unit=unit, title=title), problems
