"""Row identities (行内关系): the columns of one row add up.

Each identity holds only where the row prints the total and every part; a column the template does
not print is absent and the identity does not apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from cnbudget.model import (
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    SourceAmounts,
    SourceSplit,
)
from cnbudget.model.fields import zh_label
from cnbudget.validate.context import Context
from cnbudget.validate.findings import Finding
from cnbudget.validate.registry import rule
from cnbudget.validate.tables import describe, location, rows_with_amounts

__all__ = ["IDENTITIES", "Identity"]


@attrs.frozen
class Identity:
    """``total = Σ parts`` for one kind of amount record, checked by the rule ``rule_id``."""

    rule_id: str
    record: type[Any]
    total: str
    parts: tuple[str, ...]

    def label(self) -> str:
        """The identity in Chinese column names (合计 = 基本支出 + 项目支出)."""
        fields = attrs.fields_dict(self.record)
        return f"{zh_label(fields[self.total])} = " + " + ".join(zh_label(fields[p]) for p in self.parts)


_GENERAL_PARTS = ("general_own", "general_transfer", "gov_fund_own", "gov_fund_transfer", "soe_capital_own",
                  "soe_capital_transfer")
_CURRENT_SOURCES = ("general_budget", "gov_fund", "soe_capital", "special_account", "business_income",
                    "operating_income", "superior_subsidy", "affiliate_remittance", "other_income")
_CARRYOVER_SOURCES = ("carryover_general", "carryover_gov_fund", "carryover_soe_capital",
                      "carryover_special_account", "carryover_agency_funds")

IDENTITIES: tuple[Identity, ...] = (
    Identity("ROW-001", ExpenditureAmounts, "total", ("basic", "project")),
    Identity("ROW-001", ExpenditureAmounts, "total", ("personnel", "public", "project")),
    Identity("ROW-002", ExpenditureAmounts, "basic", ("personnel", "public")),
    Identity("ROW-002", ExpenditureAmounts, "basic", ("personnel_salaries", "personnel_family",
                                                      "public_goods_services", "public_capital")),
    Identity("ROW-002", ExpenditureAmounts, "personnel", ("personnel_salaries", "personnel_family")),
    Identity("ROW-002", ExpenditureAmounts, "public", ("public_goods_services", "public_capital")),
    Identity("ROW-002", BasicAmounts, "total", ("personnel", "public")),
    Identity("ROW-003", ExpenditureAmounts, "project", ("project_operating", "project_specific")),
    Identity("ROW-004", SourceAmounts, "total", ("fiscal", "special_account", "agency_funds",
                                                 "fiscal_carryover", "non_fiscal_carryover")),
    Identity("ROW-004", SourceAmounts, "total", ("current_year", "carryover")),
    Identity("ROW-004", SourceAmounts, "current_year", _CURRENT_SOURCES),
    Identity("ROW-004", SourceAmounts, "carryover", _CARRYOVER_SOURCES),
    Identity("ROW-005", SourceAmounts, "fiscal", _GENERAL_PARTS),
    Identity("ROW-005", FiscalAmounts, "total", ("general_budget", "gov_fund", "soe_capital")),
    Identity("ROW-005", SourceSplit, "total", ("general_budget", "gov_fund", "soe_capital")),
    Identity("ROW-006", EconomicCategoryAmounts, "total", tuple(
        f.name for f in attrs.fields(EconomicCategoryAmounts) if f.name != "total")),
    Identity("ROW-007", CarryoverAmounts, "total", ("fiscal", "non_fiscal")),
    Identity("ROW-007", CarryoverAmounts, "fiscal", ("fiscal_personnel", "fiscal_public", "fiscal_project")),
    Identity("ROW-007", CarryoverAmounts, "non_fiscal", ("non_fiscal_personnel", "non_fiscal_public",
                                                         "non_fiscal_project")),
)


def _check_identities(ctx: Context) -> Iterator[Finding]:
    identities = [i for i in IDENTITIES if i.rule_id == ctx.rule.id]
    for placed in rows_with_amounts(ctx.doc):
        yield from _check_record(ctx, identities, placed.amounts, placed.table, placed.line)
    if ctx.doc.tables.three_public is not None:
        for name, split in ctx.doc.tables.three_public.items():
            label = zh_label(attrs.fields_dict(type(ctx.doc.tables.three_public))[name])
            yield from _check_record(ctx, identities, split, "three_public", None, row_name=label)


def _check_record(ctx: Context, identities: list[Identity], record: Any, table: str, line: Any,
                  row_name: str | None = None) -> Iterator[Finding]:
    for identity in identities:
        if not isinstance(record, identity.record):
            continue
        total = getattr(record, identity.total)
        parts = [getattr(record, p) for p in identity.parts]
        if total is None or any(p is None for p in parts):
            continue
        where = f"{ctx.table_name(table)} {row_name or describe(line)}"
        place = location(table, line, identity.total) if line is not None else location(table, None, identity.total)
        found = ctx.check_sum(total, parts, where=where, what=identity.label(), locations=[place])
        if found is not None:
            yield found


@rule("ROW-001", "支出合计 = 基本支出 + 项目支出")
def total_is_basic_plus_project(ctx: Context) -> Iterator[Finding]:
    """In every expenditure row, 合计 = 基本支出 + 项目支出 (or, where 基本支出 is printed as its
    parts, 合计 = 人员经费 + 公用经费 + 项目支出)."""
    return _check_identities(ctx)


@rule("ROW-002", "基本支出 = 人员经费 + 公用经费")
def basic_is_personnel_plus_public(ctx: Context) -> Iterator[Finding]:
    """基本支出 = 人员经费 + 公用经费; 人员经费 = 工资福利支出 + 对个人和家庭的补助; 公用经费 =
    商品和服务支出 + 资本性支出; in the 基本支出 table, 合计 = 人员经费 + 公用经费."""
    return _check_identities(ctx)


@rule("ROW-003", "项目支出 = 其他运转类 + 特定目标类")
def project_is_operating_plus_specific(ctx: Context) -> Iterator[Finding]:
    """项目支出 = 其他运转类 + 特定目标类 where both kinds of project are printed."""
    return _check_identities(ctx)


@rule("ROW-004", "收入合计 = 各资金来源之和")
def revenue_total_is_sources(ctx: Context) -> Iterator[Finding]:
    """A revenue row's 合计 is the sum of its sources: 财政拨款 + 财政专户管理资金 + 单位资金 + 结转
    (11-table template), or 本年收入 + 上年结转结余 with each of them the sum of its sources (Henan)."""
    return _check_identities(ctx)


@rule("ROW-005", "财政拨款小计 = 各预算之和")
def fiscal_is_its_budgets(ctx: Context) -> Iterator[Finding]:
    """财政拨款（补助）小计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 (each with its
    transfer payments); the same for the 财政拨款支出 columns and for each "三公" item."""
    return _check_identities(ctx)


@rule("ROW-006", "项目支出合计 = 各经济分类之和")
def project_total_is_economic_categories(ctx: Context) -> Iterator[Finding]:
    """In 一般公共预算项目支出情况表, a row's 项目支出合计 is the sum of its economic-category columns."""
    return _check_identities(ctx)


@rule("ROW-007", "上年结转结余 = 财政拨款 + 非财政拨款")
def carryover_total_is_its_parts(ctx: Context) -> Iterator[Finding]:
    """上年结转结余: 总计 = 财政拨款合计 + 非财政拨款合计, and each of them = 人员经费 + 公用经费 +
    项目支出."""
    return _check_identities(ctx)
