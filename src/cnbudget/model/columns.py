"""What the column headings of each template say (栏目名称): header words → model fields.

A column is placed by its heading, never by its position alone. Every amount field carries its
Chinese label (``metadata["zh"]``); the words below are the other headings templates print for the
same column (regular expressions over the heading with spaces removed and widths folded). A heading
is read with the headings above it: ``小计`` under ``公务用车购置及运行费`` is that column's subtotal,
``合计`` under ``财政拨款`` is the fiscal total, and a ``合计`` with no heading above it that names a
column is the table's total (:data:`TABLE_TOTAL`), whichever column that is given the others
(:func:`table_total`).

>>> from cnbudget.model.amounts import ExpenditureAmounts
>>> field_of(ExpenditureAmounts, ("支出预算", "基本支出"))
'basic'
>>> field_of(ExpenditureAmounts, ("项目", "一般公共预算支出", "合计")) == TABLE_TOTAL
True
>>> table_total(ExpenditureAmounts, ["basic", "project"])
'total'
>>> from cnbudget.model.tables import THREE_PUBLIC_ITEMS, ThreePublicTable
>>> field_of(ThreePublicTable, ('"三公"经费', "公务用车购置及运行维护费", "小计"))
'vehicles'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from cnbudget.model.amounts import (
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    SourceAmounts,
    SourceSplit,
)
from cnbudget.model.fields import zh_label
from cnbudget.model.sums import SUMS
from cnbudget.model.tables import THREE_PUBLIC_ITEMS, ThreePublicTable
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["GENERIC_TOTALS", "HEADER_WORDS", "SUBTOTALS", "TABLE_TOTAL", "field_of", "heading", "table_total"]

#: What :func:`field_of` answers for a total heading that no heading above names: the table's total,
#: which column that is depends on the other columns (:func:`table_total`).
TABLE_TOTAL = "<table total>"

#: Headings that name the column of the heading above them (or, at the top, the table's total).
SUBTOTALS = r"小计|合计|合\s*计|总计|金额|预算数|本年预算数?|预算金额"
#: Headings of a table's total when no heading above them names a column.
GENERIC_TOTALS = rf"{SUBTOTALS}|.*合计|.*总计|.*预算数|金额\(万元\)|金额\(元\)|机关运行经费支出"

#: Headings besides the field's own Chinese label, by record and field.
HEADER_WORDS: Mapping[type, Mapping[str, str]] = {
    ExpenditureAmounts: {
        "basic": r"基本支出(?:预算)?",
        "personnel": r"人员经费|人员支出",
        "personnel_salaries": r"工资福利支出",
        "personnel_family": r"对个人和家庭(?:的)?补助(?:支出)?",
        "public": r"公用经费|公用支出",
        "public_goods_services": r"商品和服务支出",
        "public_capital": r"资本性支出",
        "project": r"项目支出(?:预算)?",
        "project_operating": r"其他运转类(?:项目)?",
        "project_specific": r"特定目标类(?:项目)?",
        "reserve": r"(?:单位)?预留机动经费",
        "next_year_carryover": r"结转下年(?:资金)?",
    },
    BasicAmounts: {"personnel": r"人员经费|人员支出", "public": r"公用经费|公用支出"},
    SourceAmounts: {
        "current_year": r"本年收入(?:合计|小计)?",
        "fiscal": r"财政拨款(?:收入)?(?:\(补助\))?(?:小计|合计)?|财政拨款\(补助\)资金",
        "general_budget": r"一般公共预算(?:资金|收入|拨款)?(?:小计)?",
        "general_appropriation": r"其中:?财政拨款",
        "general_transfer": r"上级一般公共预算安排的转移支付",
        "gov_fund": r"政府性基金(?:预算)?(?:收入|拨款)?",
        "gov_fund_transfer": r"上级政府性基金安排的转移支付",
        "soe_capital": r"国有资本经营预算(?:收入|拨款)?",
        "soe_capital_transfer": r"上级国有资本经营预算安排的转移支付",
        "special_account": r"财政专户管理资金(?:收入)?|财政专户\(教育收费\)|纳入财政专户管理的(?:非税)?收入",
        "agency_funds": r"单位资金",
        "business_income": r"事业收入",
        "operating_income": r"事业单位经营收入|经营收入",
        "superior_subsidy": r"上级补助收入",
        "affiliate_remittance": r"附属单位上缴收入",
        "other_income": r"其他收入",
        "carryover": r"上年结转(?:结余)?(?:资金)?",
        "fiscal_carryover": r"财政拨款结转(?:结余)?",
        "non_fiscal_carryover": r"非财政拨款结转结余",
    },
    FiscalAmounts: {
        "general_budget": r"一般公共预算(?:支出)?(?:小计)?",
        "general_appropriation": r"其中:?财政拨款",
        "gov_fund": r"政府性?基金(?:预算)?(?:支出)?",
        "soe_capital": r"国有资?本经?营预算(?:支出)?",
    },
    SourceSplit: {
        "general_budget": r"一般公共预算",
        "gov_fund": r"政府性基金(?:预算)?",
        "soe_capital": r"国有资本经营(?:预算)?",
    },
    EconomicCategoryAmounts: {
        "total": r"项目支出合计|合计",
        "goods_services": r"商品(?:和)?服务支出",
        "family_subsidies": r"对个人和家庭(?:的)?补助",
    },
    CarryoverAmounts: {"fiscal": r"财政拨款(?:合计)?", "non_fiscal": r"非财政拨款(?:合计)?"},
    ThreePublicTable: {
        "total": r'(?:"?三公"?经费)(?:预算数|合计|小计)?',
        "overseas_travel": r"因公出国\(境\)(?:费|经费)?",
        "vehicles": r"公务用车购置及运行(?:维护)?费",
        "vehicle_purchase": r"(?:公务用车)?购置费",
        "vehicle_operation": r"(?:公务用车)?运行(?:维护)?费",
        "reception": r"公务接待费",
        "meetings": r"会议费",
        "training": r"培训费",
        "operating_costs": r"(?:20\d\d年)?机关运行经费(?:预算数)?",
    },
}


@functools.lru_cache(maxsize=1 << 12)  # a pure function of the text: each header cell is matched by many columns
def heading(text: str) -> str:
    """A heading as the words are matched: spaces removed, widths folded, quotes straightened.

    >>> heading("因公出国（境） 费"), heading("“三公”经费")
    ('因公出国(境)费', '"三公"经费')
    """
    return squeeze_spaces(normalize_width(text)).replace("'", '"')


@attrs.frozen
class _Words:
    by_field: tuple[tuple[str, re.Pattern[str]], ...]


def _fields(record: type) -> Iterable[attrs.Attribute[object]]:
    if record is ThreePublicTable:
        by_name = attrs.fields_dict(ThreePublicTable)
        return [by_name[name] for name in THREE_PUBLIC_ITEMS]
    return list(attrs.fields(record))


def _words(record: type) -> _Words:
    own = HEADER_WORDS.get(record, {})
    pairs = []
    for field in _fields(record):
        label = re.escape(heading(zh_label(field)))
        extra = own.get(field.name)
        pairs.append((field.name, re.compile(label if extra is None else f"{label}|{extra}")))
    return _Words(by_field=tuple(pairs))


_CACHE: dict[type, _Words] = {}


@functools.lru_cache(maxsize=1 << 12)  # a pure function of the words: a heading is matched for each path it heads
def _matches(record: type, label: str) -> tuple[str, ...]:
    words = _CACHE.get(record)
    if words is None:
        words = _CACHE[record] = _words(record)
    return tuple([name for name, pattern in words.by_field if pattern.fullmatch(label)])


def field_of(record: type, path: Sequence[str]) -> str | None:
    """The field a column stands for, from its heading and the headings above it (top first), or
    ``None`` when the words name no column of ``record``.

    A subtotal word (小计, 合计, 金额) names the nearest heading above it that is a column; with none
    above, the table's total (:data:`TABLE_TOTAL`). A heading that names nothing alone is read with
    the headings above it (人员经费 under 财政拨款 / 基本支出 is 财政拨款基本支出人员经费).
    """
    labels = [heading(text) for text in path if heading(text)]
    if not labels:
        return None
    leaf = labels[-1]
    if re.fullmatch(SUBTOTALS, leaf):
        for above in reversed(labels[:-1]):
            named = _matches(record, above)
            if len(named) == 1:
                return named[0]
        return TABLE_TOTAL
    for start in range(len(labels) - 1, -1, -1):
        found = _matches(record, "".join(labels[start:]))
        if found:
            return found[0]
    return TABLE_TOTAL if re.fullmatch(GENERIC_TOTALS, leaf) else None


def _parents(record: type) -> dict[str, str]:
    return {part: node.total for node in SUMS.get(record, ()) for part in node.parts}


def _ancestry(column: str, parents: Mapping[str, str]) -> list[str]:
    chain = [column]
    while chain[-1] in parents:
        chain.append(parents[chain[-1]])
    return chain


def table_total(record: type, columns: Iterable[str]) -> str:
    """The column a table's total heading stands for, given the other columns the table prints: the
    nearest column above all of them (合计 over 基本支出 and 项目支出 is ``total``; 合计 over the "三公"
    total, 会议费 and 培训费 is their sum), never one below ``total``.

    >>> table_total(ThreePublicTable, ["total", "meetings", "training"])
    'total_with_meetings_training'
    >>> table_total(ThreePublicTable, ["overseas_travel", "vehicles", "reception"])
    'total'
    >>> table_total(SourceAmounts, ["fiscal", "business_income", "other_income"])
    'total'
    """
    parents = _parents(record)
    chains = [_ancestry(column, parents) for column in columns if column in parents or column == "total"]
    if not chains:
        return "total"
    common = [node for node in chains[0] if all(node in chain for chain in chains[1:])]
    if not common:
        return "total"
    nearest = common[0] if common[0] not in columns else (common[1] if len(common) > 1 else common[0])
    return nearest if "total" not in _ancestry(nearest, parents)[1:] else "total"
