"""Tables by 支出经济分类 code: 一般公共预算基本支出情况表 and 支出经济分类汇总表.

The 11-table template prints the 部门预算支出经济分类 code in two columns (类 款) before the name,
with 合计/人员经费/公用经费. The Henan template prints the code whole (科目编码) with the
corresponding 政府预算支出经济分类 code and name beside it; its 支出经济分类汇总表 prints both codes in
类 款 columns with amounts by funding source. Either code may be printed whole or split; the header
tells which (类 and 款 sub-headings).

Rows without a code are the total (合计/总计) or an agency: the 11-table template names an agency in
the name column, the Henan template prints its 单位代码 in the 类 column (``304 延津县医疗保障局``).
A three-digit number there is an economic 类 only when the catalogue has that 类 under the printed
name; a number no catalogue year knows as a 类 is an agency code; a known 类 under another name
cannot be told apart and is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from cnbudget.classification import COVERED_YEARS, Catalog, Family, catalog
from cnbudget.codes import EconomicCode, GovEconomicCode
from cnbudget.errors import InvalidCode
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    EconomicLine,
    EconomicSummaryLine,
    EconomicSummaryTable,
    SourceAmounts,
    is_sum_label,
)
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.placed_records import placed_record
from cnbudget.readers.tables.rows import RowRecord, carry_agencies, code_from_cells
from cnbudget.readers.tables.tabling import TableReading, read_grid_rows, table_info
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import Grid, make_grid
from cnbudget.readers.text.source import printed_at
from cnbudget.text import normalize_width

__all__ = [
    "BASIC_LAYOUTS",
    "ECONOMIC_SUMMARY_LAYOUTS",
    "read_basic_expenditure_table",
    "read_economic_summary_table",
]

# Lead roles of a code printed in two columns (类, 款); printed whole, its column is "econ" / "gov".
_SPLIT = {"econ": ("econ_category", "econ_section"), "gov": ("gov_category", "gov_section")}
_ECON = _SPLIT["econ"]
_GOV = _SPLIT["gov"]
_WHOLE = {parts[0]: whole for whole, parts in _SPLIT.items()}
_SECTIONS = {parts[1] for parts in _SPLIT.values()}

#: The printed variants of 一般公共预算基本支出情况表, recognised by their headings in order.
BASIC_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="henan",
        record=BasicAmounts,
        signature=("部门预算", "政府预算", "合计", "人员经费", "公用经费"),
        lead=(*_ECON, "name", *_GOV, "gov_name"),
        amounts=("total", "personnel", "public"),
    ),
    OrderedLayout(
        name="standard",
        record=BasicAmounts,
        signature=("合计", "人员经费", "公用经费"),
        absent=("政府预算", "功能分类", "项目支出"),
        lead=(*_ECON, "name"),
        amounts=("total", "personnel", "public"),
    ),
)

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_ECONOMIC_LINE = checked_builder(EconomicLine)
_ECONOMIC_SUMMARY_LINE = checked_builder(EconomicSummaryLine)

#: The printed variants of 支出经济分类汇总表.
ECONOMIC_SUMMARY_LAYOUTS: tuple[Layout, ...] = (
    OrderedLayout(
        name="henan",
        record=SourceAmounts,
        # First header row, then the 小计 / 其中：财政拨款 split of 一般公共预算 in the second.
        signature=("部门预算", "政府预算", "总计", "一般公共预算", "政府性基金", "国有资本经营预算",
                   "上年结转结余", "财政专户", "事业收入", "上级补助收入", "附属单位上缴收入",
                   "事业单位经营收入", "其他收入", "小计", "财政拨款"),
        lead=(*_ECON, "name", *_GOV, "gov_name"),
        amounts=("total", "general_budget", "general_appropriation", "gov_fund", "soe_capital", "carryover",
                 "special_account", "business_income", "superior_subsidy", "affiliate_remittance",
                 "operating_income", "other_income"),
    ),
)


def read_basic_expenditure_table(block: Block) -> tuple[BasicExpenditureTable | None, list[Problem]]:
    """Read 一般公共预算基本支出情况表 (``general_budget_basic``) in either template; ``None`` with a
    problem when its headings match no known layout.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.text.source import split_lines
    >>> text = ("一般公共预算基本支出情况表\\n经济分类科目编码\\t\\t经济分类科目名称\\t合计\\t人员经费\\t公用经费\\n"
    ...         "类\\t款\\n301\\t\\t工资福利支出\\t5.00\\t5.00\\t\\n301\\t01\\t基本工资\\t5.00\\t5.00\\t")
    >>> table, problems = read_basic_expenditure_table(find_blocks(split_lines(text))[0])
    >>> [(str(line.code), line.amounts.personnel) for line in table.lines], problems
    ([('301', Decimal('5.00')), ('30101', Decimal('5.00'))], [])
    """
    reading, rows, problems = _read_economic_rows(block, BASIC_LAYOUTS, BasicAmounts)
    if reading.layout is None:
        return None, problems
    lines = tuple(_ECONOMIC_LINE(**row.coordinates(), amounts=placed_record(BasicAmounts, row.record.values))
                  for row in rows)
    return BasicExpenditureTable(lines=lines, **table_info(block, reading)), problems


def read_economic_summary_table(block: Block) -> tuple[EconomicSummaryTable | None, list[Problem]]:
    """Read 支出经济分类汇总表 (``economic_summary``, Henan template): 部门 and 政府 economic codes
    side by side, amounts by funding source.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.text.source import split_lines
    >>> sources = ["总计", "一般公共预算", "", "政府性基金", "国有资本经营预算", "上年结转结余", "财政专户管理资金收入",
    ...            "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"]
    >>> rows = [["部门预算经济分类", "", "", "政府预算经济分类", "", "", *sources],
    ...         ["类", "款", "科目名称", "类", "款", "科目名称", "", "小计", "其中：财政拨款"],
    ...         ["301", "01", "基本工资", "501", "01", "工资奖金津补贴", "9.00", "8.00", "8.00", "", "", "1.00"]]
    >>> text = "支出经济分类汇总表\\n" + "\\n".join("\\t".join(row) for row in rows)
    >>> table, problems = read_economic_summary_table(find_blocks(split_lines(text))[0])
    >>> line = table.lines[0]
    >>> str(line.code), str(line.gov_code), line.amounts.general_budget, line.amounts.carryover, problems
    ('30101', '50101', Decimal('8.00'), Decimal('1.00'), [])
    """
    reading, rows, problems = _read_economic_rows(block, ECONOMIC_SUMMARY_LAYOUTS, SourceAmounts)
    if reading.layout is None:
        return None, problems
    lines = tuple(_ECONOMIC_SUMMARY_LINE(**row.coordinates(), amounts=placed_record(SourceAmounts, row.record.values))
                  for row in rows)
    return EconomicSummaryTable(lines=lines, **table_info(block, reading)), problems


@attrs.frozen(kw_only=True)
class _EconomicRow:
    record: RowRecord
    code: EconomicCode | None
    gov_code: GovEconomicCode | None

    def coordinates(self) -> dict[str, Any]:
        """The fields every economic line has besides its amounts."""
        return {
            "agency": self.record.agency,
            "agency_code": self.record.agency_code,
            "code": self.code,
            "name": self.record.name,
            "gov_code": self.gov_code,
            "gov_name": self.record.extra.get("gov_name") or None,
            **printed_at(self.record.line),
        }


class _Unplaced(Exception):
    """A row whose codes cannot be placed with certainty."""


def _read_economic_rows(
    block: Block, layouts: Sequence[Layout], amounts: type
) -> tuple[TableReading, list[_EconomicRow], list[Problem]]:
    grid = make_grid(block.lines)
    reading = read_grid_rows(block, [_fit_code_columns(layout, grid) for layout in layouts], record=amounts,
                             economic=True, grid=grid)
    problems = list(reading.problems)
    rows: list[_EconomicRow] = []
    # Only the template that prints both classifications (Henan) puts agencies' codes in the 类 column.
    agency_codes = reading.layout is not None and any(role.startswith("gov") for role in reading.layout.lead)
    for record in reading.rows:
        try:
            rows.append(_place_codes(record, agency_codes=agency_codes))
        except (InvalidCode, _Unplaced) as error:
            problems.append(Problem(line=record.line.number, text=record.line.raw,
                                    message=f"row not read: {error}", table=block.key))
    carry_agencies([row.record for row in rows])
    return reading, rows, problems


def _fit_code_columns(layout: Layout, grid: Grid) -> Layout:
    """The layout with each code in one column (科目编码) unless the header has 类 and 款 sub-headings."""
    cells = {"".join(cell.split()) for line in grid.header for cell in line.cells}
    if {"类", "款"} <= cells:
        return layout
    lead = tuple(_WHOLE.get(role, role) for role in layout.lead if role not in _SECTIONS)
    return attrs.evolve(layout, lead=lead)


def _parts(record: RowRecord, family: str) -> list[str]:
    if family in record.extra:
        return [record.extra[family]]
    return [record.extra.get(role, "") for role in _SPLIT[family]]


def _digits(text: str) -> str:
    return "".join(normalize_width(text).split())


def _place_codes(record: RowRecord, *, agency_codes: bool) -> _EconomicRow:
    """Read the row's codes and tell a coded row from the total and from an agency row (printed with
    its 单位代码 in the 类 column where ``agency_codes``)."""
    econ = _parts(record, "econ")
    label = next((part for part in econ if part.strip() and not _digits(part).isdigit()), None)
    if label is not None:
        if not (is_sum_label(label) and not record.name):
            raise _Unplaced(f"the 部门预算支出经济分类 code column holds {label!r}")
        record.name, econ = "".join(label.split()), []  # the total's label printed in the code column
    gov = code_from_cells(_parts(record, "gov"), GovEconomicCode)
    gov_code = gov if isinstance(gov, GovEconomicCode) else None
    filled = [_digits(part) for part in econ if part.strip()]
    if not filled:
        if gov_code is None and record.name and not is_sum_label(record.name):
            record.agency = record.name  # an agency named without a code (11-table template)
        return _EconomicRow(record=record, code=None, gov_code=gov_code)
    in_category_column = len(filled) == 1 and bool(econ[0].strip())
    try:
        parsed = code_from_cells(econ, EconomicCode)
    except InvalidCode:
        if agency_codes and gov_code is None and in_category_column and record.name \
                and not _names_economic_subject(record.name):
            return _agency_row(record, filled[0])
        raise
    code = parsed if isinstance(parsed, EconomicCode) else None
    if agency_codes and code is not None and code.level == 1 and gov_code is None:
        reading = _category_or_agency(code, record.name)
        if reading == "agency":
            return _agency_row(record, filled[0])
        if reading is None:
            raise _Unplaced(
                f"{code} is a 部门预算支出经济分类 类 whose name is not {record.name!r}; the row may be that "
                "类 or an agency printed with its 单位代码"
            )
    record.code = code  # coded rows carry the agency above them
    return _EconomicRow(record=record, code=code, gov_code=gov_code)


def _agency_row(record: RowRecord, agency_code: str) -> _EconomicRow:
    """A row printing an agency's 单位代码 in the 类 column (Henan template)."""
    record.agency, record.agency_code = record.name, agency_code
    return _EconomicRow(record=record, code=None, gov_code=None)


def _category_or_agency(code: EconomicCode, name: str) -> str | None:
    """Whether a three-digit number in the 类 column is an economic 类 ("category") or an agency's
    单位代码 ("agency"); None when the catalogue has that 类 under another name.

    A number no catalogue year has as a 类 is an agency code, unless the row carries the name of an
    economic subject (a misprinted 类, kept as printed for validation to judge).
    """
    known = [found for found in _catalogues() if found.get(code) is not None]
    if known:
        return "category" if any(found.match_name(code, name).ok for found in known) else None
    return "category" if _names_economic_subject(name) else "agency"


def _names_economic_subject(name: str) -> bool:
    return any(found.find(name, family=Family.ECONOMIC) for found in _catalogues())


def _catalogues() -> list[Catalog]:
    """The catalogue of every year the bundled data covers (the reader does not know the budget year)."""
    return [catalog(year) for year in COVERED_YEARS]
