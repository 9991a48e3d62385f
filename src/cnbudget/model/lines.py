"""Rows of the standard tables (表格行), kept flat and in document order.

A row has an optional agency (for tables that group rows by 预算单位), an optional classification
code of any level, a name, an optional project and a record of amounts. What a row *is* follows
from what it holds (:attr:`Line.kind`): a 类 subtotal is a row whose code has 3 digits, an agency
subtotal a row with an agency and nothing else, the grand total a row with none of them.

>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.model.amounts import ExpenditureAmounts
>>> row = FunctionLine(code=FunctionCode("21015"), name="医疗保障管理事务",
...                    amounts=ExpenditureAmounts(total="2901.13", basic="1612.08", project="1289.05"))
>>> row.kind
<RowKind.SECTION: 'section'>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol, TypeVar

import attrs

from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.model import fields
from cnbudget.model.amounts import (
    AmountRecord,
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    SourceAmounts,
)
from cnbudget.model.fields import code_or_none, optional_text, source_line, source_page, text, typed
from cnbudget.vocab import FundingSource

__all__ = [
    "PROCUREMENT_LEVELS",
    "CarryoverLine",
    "CodedRow",
    "EconomicCodedLine",
    "EconomicLine",
    "EconomicSummaryLine",
    "FiscalLine",
    "FunctionCodedLine",
    "FunctionLine",
    "Line",
    "ProcurementLine",
    "ProjectExpenditureLine",
    "ProjectLine",
    "ProjectType",
    "RevenueLine",
    "Row",
    "RowKind",
    "SummaryLine",
    "SummaryRole",
    "is_subtotal_label",
    "is_sum_label",
    "is_total_label",
]


class RowKind(enum.Enum):
    """What a row stands for (行类型), derived from its contents."""

    TOTAL = "total"  # 合计 / 总计
    AGENCY = "agency"  # 单位小计
    CATEGORY = "category"  # 类
    SECTION = "section"  # 款
    ITEM = "item"  # 项
    PROJECT = "project"  # 项目
    OTHER = "other"  # a named row with no code, agency or project


_LEVEL_KIND = {1: RowKind.CATEGORY, 2: RowKind.SECTION, 3: RowKind.ITEM}


class ProjectType(LabelledEnum):
    """Type of a project (项目类型) in the Henan template."""

    OPERATING = labelled("operating", "其他运转类")  # 其他运转类
    SPECIFIC = labelled("specific", "特定目标类")  # 特定目标类


def _in_key_order(*keys: str) -> Callable[[type, list[attrs.Attribute[Any]]], list[attrs.Attribute[Any]]]:
    """A field transformer putting a line class's fields in the order of its JSON keys.

    attrs puts inherited fields first; the keys of a line's JSON (and its repr, and the JSON Schema)
    stay in the order they have always had, which interleaves the shared fields with a class's own.
    A field the order does not name is an error when the class is made, not a key silently moved.
    """
    rank = {key: place for place, key in enumerate(keys)}

    def in_order(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
        unplaced = [field.name for field in fields if field.name not in rank]
        if unplaced:
            raise TypeError(f"{cls.__name__}: no place in the order of JSON keys for {unplaced}")
        return sorted(fields, key=lambda field: rank[field.name])

    return in_order


#: The order of the keys of a row of a table by code or by agency (FunctionLine … CarryoverLine).
_ROW_KEYS = _in_key_order("agency", "agency_code", "code", "name", "gov_code", "gov_name", "project", "project_type",
                          "amounts", "line_number", "page")


CodeT_co = TypeVar("CodeT_co", bound=ClassificationCode, covariant=True)
AmountsT_co = TypeVar("AmountsT_co", bound=AmountRecord | None, covariant=True)


class Row(Protocol):
    """The shape of a table row as the rules read it (行): what every :class:`Line` holds, and all a
    helper that only groups and names rows may ask of one (a row built in a test needs no more)."""

    @property
    def agency(self) -> str | None: ...  # 预算单位
    @property
    def agency_code(self) -> str | None: ...  # 单位代码
    @property
    def name(self) -> str: ...  # 名称
    @property
    def project(self) -> str | None: ...  # 项目名称


class CodedRow(Row, Protocol[CodeT_co, AmountsT_co]):
    """A row with a classification code (科目编码) of the family ``CodeT_co`` and a record of amounts
    (金额) ``AmountsT_co``, and what :class:`Line` derives from them: ``CodedRow[FunctionCode,
    ExpenditureAmounts]`` is a row of 支出总体情况表, ``CodedRow[ClassificationCode, AmountRecord]`` any
    coded row with its columns.

    >>> from cnbudget.codes import FunctionCode
    >>> from cnbudget.model.amounts import ExpenditureAmounts
    >>> def total(row: CodedRow[ClassificationCode, ExpenditureAmounts]) -> Decimal:
    ...     return row.amounts.total
    >>> total(FunctionLine(code=FunctionCode("210"), name="卫生健康支出", amounts=ExpenditureAmounts(total="3")))
    Decimal('3')
    """

    @property
    def code(self) -> CodeT_co | None: ...
    @property
    def amounts(self) -> AmountsT_co: ...
    @property
    def classification(self) -> ClassificationCode | None: ...  # as Line derives them
    @property
    def kind(self) -> RowKind: ...


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class Line:
    """What every table row holds and derives: the agency (预算单位) and its code (单位代码) for tables
    that group rows by agency, the printed name, the project, where the row is printed; the row kind
    and the coordinates used in facts. Each line class adds its code and its record of amounts, and
    may give ``name`` or ``project`` the label its table prints over them."""

    agency: str | None = optional_text("预算单位")
    agency_code: str | None = optional_text("单位代码")
    name: str = text("科目名称")
    project: str | None = optional_text("项目名称")
    line_number: int | None = source_line()
    page: int | None = source_page()

    @property
    def classification(self) -> ClassificationCode | None:
        """The row's main classification code, if any."""
        code = getattr(self, "code", None)
        return code if isinstance(code, ClassificationCode) else None

    @property
    def kind(self) -> RowKind:
        """Total, agency subtotal, 类/款/项, project or other — from what the row holds."""
        if self.project is not None:
            return RowKind.PROJECT
        code = self.classification
        if code is not None:
            return _LEVEL_KIND[code.level]
        if self.agency is not None or self.agency_code is not None:
            return RowKind.AGENCY
        return RowKind.TOTAL if is_sum_label(self.name) else RowKind.OTHER


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class FunctionCodedLine(Line):
    """A row coded by 支出功能分类 (of any level, or none: a total, an agency, a project)."""

    code: FunctionCode | None = code_or_none("功能分类科目编码", FunctionCode)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class EconomicCodedLine(Line):
    """A row coded by 部门预算支出经济分类, and in the Henan template by the corresponding
    政府预算支出经济分类 printed beside it."""

    code: EconomicCode | None = code_or_none("部门预算支出经济分类科目编码", EconomicCode)
    gov_code: GovEconomicCode | None = code_or_none("政府预算支出经济分类科目编码", GovEconomicCode)
    gov_name: str | None = optional_text("政府预算支出经济分类科目名称")


# What a total row is (合计行): one definition for the readers, the model and the rules.
_TOTAL_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:合计|总计)")


def is_total_label(text: str) -> bool:
    """Whether a row label names a table's total (合计, 总计, 合 计, 本年合计, 支出合计: a few words
    and 合计 or 总计); a 小计 is a subtotal whose scope the row does not say (:func:`is_subtotal_label`).

    >>> is_total_label("合 计"), is_total_label("本年合计"), is_total_label("卫生健康支出"), is_total_label("小计")
    (True, True, False, False)
    """
    return _TOTAL_LABEL.fullmatch(_squeezed(text)) is not None


def is_subtotal_label(text: str) -> bool:
    """Whether a row label is 小计 (a subtotal of the rows above or below, its scope unsaid).

    >>> is_subtotal_label("小 计"), is_subtotal_label("合计")
    (True, False)
    """
    return _squeezed(text) == "小计"


def is_sum_label(text: str) -> bool:
    """Whether a row label names a sum of the rows around it: a total or a 小计 (readers take either
    for a row that is no code, agency or project).

    >>> is_sum_label("小计"), is_sum_label("总 计"), is_sum_label("行政运行")
    (True, True, False)
    """
    return is_total_label(text) or is_subtotal_label(text)


def _squeezed(text: str) -> str:
    return "".join(text.split()).replace("**", "")


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class FunctionLine(FunctionCodedLine):
    """A row by 支出功能分类 with expenditure columns (支出总体情况表, 一般公共预算支出情况表, …)."""

    amounts: ExpenditureAmounts = typed("金额", ExpenditureAmounts)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class RevenueLine(FunctionCodedLine):
    """A row of 收入总体情况表: by 支出功能分类 (11-table template) or by agency (Henan)."""

    amounts: SourceAmounts = typed("金额", SourceAmounts)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class EconomicLine(EconomicCodedLine):
    """A row of 一般公共预算基本支出情况表 by 部门预算支出经济分类 (and, in the Henan template, the
    corresponding 政府预算支出经济分类 printed beside it)."""

    amounts: BasicAmounts = typed("金额", BasicAmounts)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class ProjectExpenditureLine(FunctionCodedLine):
    """A row of 一般公共预算项目支出情况表: function code, project and its economic 类 split."""

    amounts: EconomicCategoryAmounts = typed("金额", EconomicCategoryAmounts)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class EconomicSummaryLine(EconomicCodedLine):
    """A row of 支出经济分类汇总表 (Henan): 部门 and 政府 economic codes side by side, by source."""

    amounts: SourceAmounts = typed("金额", SourceAmounts)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class ProjectLine(Line):
    """A row of 项目支出表 (Henan): a project with its type and amounts by source."""

    name: str = text("名称")
    project_type: ProjectType | None = typed("项目类型", ProjectType, optional=True)
    amounts: SourceAmounts = typed("金额", SourceAmounts)


@attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
class CarryoverLine(Line):
    """A row of 上年结转结余情况明细表: the total, an agency subtotal or a project."""

    name: str = text("项目名称")
    amounts: CarryoverAmounts = typed("金额", CarryoverAmounts)


class SummaryRole(enum.Enum):
    """What a line of a two-sided summary table stands for (收支总表行的含义)."""

    SOURCE = "source"  # a funding-source line (收入项目)
    FUNCTION = "function"  # expenditure by function 类 (支出功能分类)
    USE = "use"  # expenditure by use (支出用途): 基本支出, 项目支出, 单位预留机动经费 (Jiangsu)
    CURRENT_YEAR = "current_year"  # 本年收入 / 本年收入合计 / 本年支出合计
    YEAR_END_CARRYOVER = "year_end_carryover"  # 年终结转结余
    TOTAL = "total"  # 收入总计 / 支出总计
    OTHER = "other"


#: The order of the keys of a line of a two-sided summary table (SummaryLine, FiscalLine).
_SUMMARY_KEYS = _in_key_order("role", "name", "code", "source", "amount", "amounts", "agency", "agency_code", "project",
                              "line_number", "page")


@attrs.frozen(kw_only=True, field_transformer=_SUMMARY_KEYS)
class SummaryLine(FunctionCodedLine):
    """One side's line of 收支总体情况表 or the revenue side of 财政拨款收支总体情况表.

    ``source`` names the funding source a revenue line reports, ``code`` the function 类 of an
    expenditure line; a blank amount is zero. Where the template splits the expenditure side into
    合计 | 基本支出 (人员经费 | 公用经费) | 项目支出 (Shanghai unit budgets), ``amounts`` holds the
    split and ``amount`` its 合计.
    """

    role: SummaryRole = typed("行含义", SummaryRole)
    name: str = text("项目")
    source: FundingSource | None = typed("资金来源", FundingSource, optional=True)
    amount: Decimal = attrs.field(default=Decimal(0), converter=fields.as_amount, metadata=fields.money("金额"))
    amounts: ExpenditureAmounts | None = typed("支出构成", ExpenditureAmounts, optional=True)


@attrs.frozen(kw_only=True, field_transformer=_SUMMARY_KEYS)
class FiscalLine(FunctionCodedLine):
    """An expenditure line of 财政拨款收支总体情况表: function 类 by budget."""

    role: SummaryRole = typed("行含义", SummaryRole)
    name: str = text("项目")
    amounts: FiscalAmounts = typed("金额", FiscalAmounts)


#: The order of the keys of a row of 政府采购支出预算表.
_PROCUREMENT_KEYS = _in_key_order("category", "project", "subject", "name", "item", "method", "amount", "agency",
                                  "agency_code", "line_number", "page")


#: The levels of 政府采购支出预算表's tree, from the top: 合计, 采购品目大类, a project's 经济科目,
#: an item bought (:attr:`ProcurementLine.level`).
PROCUREMENT_LEVELS = ("total", "category", "subject", "item")


@attrs.frozen(kw_only=True, field_transformer=_PROCUREMENT_KEYS)
class ProcurementLine(Line):
    """A row of 政府采购支出预算表 (Jiangsu template): the total, a 采购品目大类 (货物, 工程, 服务), a
    project's economic subject (专项名称 + 经济科目), or an item bought (采购物品名称 + 采购组织形式).

    Each row carries the category, project and subject of the rows above it, so that it can be read
    alone; ``name`` is the row's own printed label. Which row it is follows from what it holds
    (:attr:`level`).

    >>> ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置",
    ...                 name="台式计算机", item="台式计算机", method="政府集中采购", amount="9.00").level
    'item'
    """

    category: str | None = optional_text("采购品目大类")
    project: str | None = optional_text("专项名称")
    subject: str | None = optional_text("经济科目")
    name: str = text("名称")
    item: str | None = optional_text("采购物品名称")
    method: str | None = optional_text("采购组织形式")
    amount: Decimal = attrs.field(default=Decimal(0), converter=fields.as_amount, metadata=fields.money("金额"))

    @property
    def level(self) -> str:
        """``total``, ``category``, ``subject`` or ``item``: the row's place in the table's tree."""
        if self.item is not None:
            return "item"
        if self.subject is not None or self.project is not None:
            return "subject"
        return "category" if self.category is not None else "total"
