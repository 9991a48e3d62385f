"""Records of amounts: the columns of the standard tables (金额栏目).

Tables that print the same columns share a record type. A column only some templates print is an
optional field: ``None`` means the document does not have that column, ``Decimal(0)`` means the
cell is blank or zero. Field names follow the glossary in ``docs/index.md``; the Chinese column
heading is in each field's metadata.

>>> from decimal import Decimal
>>> row = ExpenditureAmounts(total="1,089.27", basic="1,089.27", project="0")
>>> row.total, row.personnel is None
(Decimal('1089.27'), True)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from cnbudget.model.fields import as_amount, as_optional_amount, money

__all__ = [
    "AmountRecord",
    "BasicAmounts",
    "CarryoverAmounts",
    "EconomicCategoryAmounts",
    "ExpenditureAmounts",
    "FiscalAmounts",
    "SourceAmounts",
    "SourceSplit",
]


class AmountRecord:
    """Behaviour shared by every amount record: iterate the columns the document prints."""

    __slots__ = ()

    def columns(self) -> Iterator[tuple[str, Decimal]]:
        """``(field name, amount)`` for every column present (absent columns are skipped).

        >>> list(BasicAmounts(total="5", personnel="5", public="0").columns())
        [('total', Decimal('5')), ('personnel', Decimal('5')), ('public', Decimal('0'))]
        """
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            value = getattr(self, field.name)
            if value is not None:
                yield field.name, value


@attrs.frozen(kw_only=True)
class ExpenditureAmounts(AmountRecord):
    """Expenditure columns (支出栏目) of 支出总体情况表, 一般公共预算支出情况表, 政府性基金预算支出情况表
    and 国有资本经营预算支出情况表.

    The 11-table template prints 合计/基本支出/项目支出 (and 人员经费/公用经费 in the fund tables);
    the Henan template also splits 人员经费 into 工资福利支出 and 对个人和家庭的补助, 公用经费 into
    商品和服务支出 and 资本性支出, and 项目支出 into 其他运转类 and 特定目标类. The Jiangsu template's
    支出预算总表 adds 单位预留机动经费 (a reserve not yet assigned to basic or project spending) and
    结转下年资金 (funds carried into the next year) beside 基本支出 and 项目支出.
    """

    total: Decimal = attrs.field(converter=as_amount, metadata=money("合计"))
    basic: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("基本支出"))
    personnel: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("人员经费"))
    personnel_salaries: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                     metadata=money("工资福利支出"))
    personnel_family: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("对个人和家庭的补助"))
    public: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("公用经费"))
    public_goods_services: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                        metadata=money("商品和服务支出"))
    public_capital: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("资本性支出"))
    project: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("项目支出"))
    project_operating: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                    metadata=money("其他运转类"))
    project_specific: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("特定目标类"))
    reserve: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                          metadata=money("单位预留机动经费"))
    next_year_carryover: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                      metadata=money("结转下年资金"))


@attrs.frozen(kw_only=True)
class BasicAmounts(AmountRecord):
    """Basic-expenditure columns (基本支出) of 一般公共预算基本支出情况表: 合计 = 人员经费 + 公用经费."""

    total: Decimal = attrs.field(converter=as_amount, metadata=money("合计"))
    personnel: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("人员经费"))
    public: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("公用经费"))


@attrs.frozen(kw_only=True)
class EconomicCategoryAmounts(AmountRecord):
    """Project expenditure by economic 类 (按经济分类) of 一般公共预算项目支出情况表.

    Each column is one 部门预算支出经济分类 类: 301 工资福利支出, 302 商品和服务支出, 303 对个人和家庭
    的补助, 307 债务利息及费用支出, 309 资本性支出（基本建设）, 310 资本性支出, 311 对企业补助（基本建设）,
    312 对企业补助, 313 对社会保障基金补助, 399 其他支出.
    """

    total: Decimal = attrs.field(converter=as_amount, metadata=money("项目支出合计"))
    salaries: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("工资福利支出"))
    goods_services: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("商品和服务支出"))
    family_subsidies: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("对个人和家庭的补助"))
    debt_interest: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                metadata=money("债务利息及费用支出"))
    capital_construction: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("资本性支出（基本建设）"))
    capital: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("资本性支出"))
    enterprise_construction: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                          metadata=money("对企业补助（基本建设）"))
    enterprise: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("对企业补助"))
    social_security_fund: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("对社会保障基金补助"))
    other: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("其他支出"))


# The economic 类 each EconomicCategoryAmounts column stands for.
ECONOMIC_CATEGORY_OF_COLUMN: dict[str, str] = {
    "salaries": "301",
    "goods_services": "302",
    "family_subsidies": "303",
    "debt_interest": "307",
    "capital_construction": "309",
    "capital": "310",
    "enterprise_construction": "311",
    "enterprise": "312",
    "social_security_fund": "313",
    "other": "399",
}


@attrs.frozen(kw_only=True)
class SourceAmounts(AmountRecord):
    """Amounts by funding source (资金来源栏目): 收入总体情况表, 支出经济分类汇总表, 项目支出表.

    Where a template prints a source together with its transfer-payment column, the source column
    is the own part (``general_own``: 一般公共预算 beside 上级一般公共预算安排的转移支付); where it
    prints the source alone it is the whole (``general_budget``: 一般公共预算小计).
    """

    total: Decimal = attrs.field(converter=as_amount, metadata=money("总计"))
    current_year: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                               metadata=money("本年收入合计"))
    fiscal: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                         metadata=money("财政拨款（补助）小计"))
    general_budget: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("一般公共预算"))
    general_appropriation: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                        metadata=money("其中：财政拨款"))
    general_own: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                              metadata=money("一般公共预算（本级）"))
    general_transfer: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("上级一般公共预算安排的转移支付"))
    gov_fund: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("政府性基金预算"))
    gov_fund_own: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                               metadata=money("政府性基金预算（本级）"))
    gov_fund_transfer: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                    metadata=money("上级政府性基金安排的转移支付"))
    soe_capital: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                              metadata=money("国有资本经营预算"))
    soe_capital_own: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                  metadata=money("国有资本经营预算（本级）"))
    soe_capital_transfer: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("上级国有资本经营预算安排的转移支付"))
    special_account: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                  metadata=money("财政专户管理资金"))
    agency_funds: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("单位资金"))
    business_income: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                  metadata=money("事业收入"))
    operating_income: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("事业单位经营收入"))
    superior_subsidy: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("上级补助收入"))
    affiliate_remittance: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("附属单位上缴收入"))
    other_income: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("其他收入"))
    carryover: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("上年结转结余"))
    fiscal_carryover: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("财政拨款结转"))
    non_fiscal_carryover: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("非财政拨款结转结余"))
    carryover_general: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                    metadata=money("上年结转结余：一般公共预算"))
    carryover_gov_fund: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                     metadata=money("上年结转结余：政府性基金"))
    carryover_soe_capital: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                        metadata=money("上年结转结余：国有资本经营预算"))
    carryover_special_account: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                            metadata=money("上年结转结余：财政专户管理资金"))
    carryover_agency_funds: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                         metadata=money("上年结转结余：单位资金"))


@attrs.frozen(kw_only=True)
class FiscalAmounts(AmountRecord):
    """Fiscal-appropriation expenditure columns of 财政拨款收支总体情况表 (财政拨款支出)."""

    total: Decimal = attrs.field(converter=as_amount, metadata=money("合计"))
    general_budget: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("一般公共预算"))
    general_appropriation: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                        metadata=money("其中：财政拨款"))
    gov_fund: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("政府性基金预算"))
    soe_capital: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                              metadata=money("国有资本经营预算"))


@attrs.frozen(kw_only=True)
class SourceSplit(AmountRecord):
    """One amount split by budget (按资金来源): the columns of the "三公" table."""

    total: Decimal = attrs.field(converter=as_amount, metadata=money("合计"))
    general_budget: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("一般公共预算"))
    gov_fund: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("政府性基金"))
    soe_capital: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                              metadata=money("国有资本经营预算"))


@attrs.frozen(kw_only=True)
class CarryoverAmounts(AmountRecord):
    """Columns of 上年结转结余情况明细表: fiscal (财政拨款) and non-fiscal (非财政拨款) carryover,
    each split into 基本支出 (人员经费, 公用经费) and 项目支出."""

    total: Decimal = attrs.field(converter=as_amount, metadata=money("总计"))
    fiscal: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("财政拨款合计"))
    fiscal_personnel: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                   metadata=money("财政拨款基本支出人员经费"))
    fiscal_public: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                metadata=money("财政拨款基本支出公用经费"))
    fiscal_project: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                 metadata=money("财政拨款项目支出"))
    non_fiscal: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                             metadata=money("非财政拨款合计"))
    non_fiscal_personnel: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("非财政拨款基本支出人员经费"))
    non_fiscal_public: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                    metadata=money("非财政拨款基本支出公用经费"))
    non_fiscal_project: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                     metadata=money("非财政拨款项目支出"))
