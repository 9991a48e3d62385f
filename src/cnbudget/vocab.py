"""Controlled vocabularies of budget documents (词汇表): kinds of agency and funding sources.

Each member's value is a stable English key used in JSON and CSV; ``zh`` is the Chinese term
printed in documents.

>>> AgencyKind.INSTITUTION.zh
'事业'
>>> FundingSource.GENERAL_TRANSFER.parent is FundingSource.GENERAL_BUDGET
True
>>> [s.zh for s in FundingSource.FISCAL.children]
['一般公共预算', '政府性基金预算', '国有资本经营预算']
"""

from __future__ import annotations

from cnbudget.errors import InvalidValue
from cnbudget.labelled import LabelledEnum, labelled

__all__ = ["AgencyKind", "FundingSource"]


class AgencyKind(LabelledEnum):
    """The kind of a budget agency (单位性质).

    >>> AgencyKind.from_zh("参照公务员法管理事业单位")
    <AgencyKind.CIVIL_SERVICE_MANAGED: 'civil_service_managed'>
    """

    ADMINISTRATIVE = labelled("administrative", "行政")
    INSTITUTION = labelled("institution", "事业")
    CIVIL_SERVICE_MANAGED = labelled("civil_service_managed", "参公")

    @classmethod
    def from_zh(cls, text: str) -> AgencyKind:
        """The kind named by Chinese text such as 行政单位, 事业单位, 参公, 参照公务员法管理.

        Raises :class:`~cnbudget.errors.InvalidValue` (a ``ValueError``) naming the text when it names no
        kind.
        """
        cleaned = "".join(text.split())
        if "参公" in cleaned or "参照公务员" in cleaned:
            return cls.CIVIL_SERVICE_MANAGED
        if cleaned.startswith("行政"):
            return cls.ADMINISTRATIVE
        if cleaned.startswith("事业"):
            return cls.INSTITUTION
        raise InvalidValue(f"not a kind of agency: {text!r} (expected 行政, 事业 or 参公)")


class FundingSource(LabelledEnum):
    """Where money comes from (资金来源), as a two- or three-level tree.

    ``FISCAL`` (财政拨款) groups the three budgets; ``AGENCY_FUNDS`` (单位资金) groups the
    agency's own income; ``CARRYOVER`` (上年结转结余) splits into fiscal and non-fiscal carryover.
    """

    FISCAL = labelled("fiscal", "财政拨款")
    GENERAL_BUDGET = labelled("general_budget", "一般公共预算")
    GENERAL_OWN = labelled("general_own", "一般财力")
    GENERAL_TRANSFER = labelled("general_transfer", "上级一般公共预算安排转移支付")
    GOV_FUND = labelled("gov_fund", "政府性基金预算")
    GOV_FUND_OWN = labelled("gov_fund_own", "政府性基金收入")
    GOV_FUND_TRANSFER = labelled("gov_fund_transfer", "上级政府性基金安排转移支付")
    SOE_CAPITAL = labelled("soe_capital", "国有资本经营预算")
    SOE_CAPITAL_OWN = labelled("soe_capital_own", "国有资本经营收入")
    SOE_CAPITAL_TRANSFER = labelled("soe_capital_transfer", "上级国有资本经营预算安排转移支付")
    SPECIAL_ACCOUNT = labelled("special_account", "财政专户管理资金")
    AGENCY_FUNDS = labelled("agency_funds", "单位资金")
    BUSINESS_INCOME = labelled("business_income", "事业收入")
    SUPERIOR_SUBSIDY = labelled("superior_subsidy", "上级补助收入")
    AFFILIATE_REMITTANCE = labelled("affiliate_remittance", "附属单位上缴收入")
    OPERATING_INCOME = labelled("operating_income", "事业单位经营收入")
    OTHER_INCOME = labelled("other_income", "其他收入")
    CARRYOVER = labelled("carryover", "上年结转结余")
    FISCAL_CARRYOVER = labelled("fiscal_carryover", "财政拨款结转")
    NON_FISCAL_CARRYOVER = labelled("non_fiscal_carryover", "非财政拨款结转结余")

    @property
    def parent(self) -> FundingSource | None:
        """The source this one is part of, or ``None`` at the top."""
        return _PARENT.get(self)

    @property
    def children(self) -> tuple[FundingSource, ...]:
        """The sources directly below this one, in document order."""
        return tuple(s for s in FundingSource if s.parent is self)


# Which source each one is part of (the sources at the top have none).
_PARENT: dict[FundingSource, FundingSource] = {
    FundingSource.GENERAL_BUDGET: FundingSource.FISCAL,
    FundingSource.GENERAL_OWN: FundingSource.GENERAL_BUDGET,
    FundingSource.GENERAL_TRANSFER: FundingSource.GENERAL_BUDGET,
    FundingSource.GOV_FUND: FundingSource.FISCAL,
    FundingSource.GOV_FUND_OWN: FundingSource.GOV_FUND,
    FundingSource.GOV_FUND_TRANSFER: FundingSource.GOV_FUND,
    FundingSource.SOE_CAPITAL: FundingSource.FISCAL,
    FundingSource.SOE_CAPITAL_OWN: FundingSource.SOE_CAPITAL,
    FundingSource.SOE_CAPITAL_TRANSFER: FundingSource.SOE_CAPITAL,
    FundingSource.BUSINESS_INCOME: FundingSource.AGENCY_FUNDS,
    FundingSource.SUPERIOR_SUBSIDY: FundingSource.AGENCY_FUNDS,
    FundingSource.AFFILIATE_REMITTANCE: FundingSource.AGENCY_FUNDS,
    FundingSource.OPERATING_INCOME: FundingSource.AGENCY_FUNDS,
    FundingSource.OTHER_INCOME: FundingSource.AGENCY_FUNDS,
    FundingSource.FISCAL_CARRYOVER: FundingSource.CARRYOVER,
    FundingSource.NON_FISCAL_CARRYOVER: FundingSource.CARRYOVER,
}
