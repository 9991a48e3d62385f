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

import enum

from cnbudget.errors import InvalidValue

__all__ = ["AgencyKind", "FundingSource"]


class AgencyKind(enum.Enum):
    """The kind of a budget agency (单位性质).

    >>> AgencyKind.from_zh("参照公务员法管理事业单位")
    <AgencyKind.CIVIL_SERVICE_MANAGED: 'civil_service_managed'>
    """

    ADMINISTRATIVE = "administrative"
    INSTITUTION = "institution"
    CIVIL_SERVICE_MANAGED = "civil_service_managed"

    @property
    def zh(self) -> str:
        """The Chinese term: 行政, 事业 or 参公."""
        return _AGENCY_ZH[self]

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


_AGENCY_ZH = {
    AgencyKind.ADMINISTRATIVE: "行政",
    AgencyKind.INSTITUTION: "事业",
    AgencyKind.CIVIL_SERVICE_MANAGED: "参公",
}


class FundingSource(enum.Enum):
    """Where money comes from (资金来源), as a two- or three-level tree.

    ``FISCAL`` (财政拨款) groups the three budgets; ``AGENCY_FUNDS`` (单位资金) groups the
    agency's own income; ``CARRYOVER`` (上年结转结余) splits into fiscal and non-fiscal carryover.
    """

    FISCAL = "fiscal"
    GENERAL_BUDGET = "general_budget"
    GENERAL_OWN = "general_own"
    GENERAL_TRANSFER = "general_transfer"
    GOV_FUND = "gov_fund"
    GOV_FUND_OWN = "gov_fund_own"
    GOV_FUND_TRANSFER = "gov_fund_transfer"
    SOE_CAPITAL = "soe_capital"
    SOE_CAPITAL_OWN = "soe_capital_own"
    SOE_CAPITAL_TRANSFER = "soe_capital_transfer"
    SPECIAL_ACCOUNT = "special_account"
    AGENCY_FUNDS = "agency_funds"
    BUSINESS_INCOME = "business_income"
    SUPERIOR_SUBSIDY = "superior_subsidy"
    AFFILIATE_REMITTANCE = "affiliate_remittance"
    OPERATING_INCOME = "operating_income"
    OTHER_INCOME = "other_income"
    CARRYOVER = "carryover"
    FISCAL_CARRYOVER = "fiscal_carryover"
    NON_FISCAL_CARRYOVER = "non_fiscal_carryover"

    @property
    def zh(self) -> str:
        """The Chinese term as the standard tables print it."""
        return _FUNDING[self][0]

    @property
    def parent(self) -> FundingSource | None:
        """The source this one is part of, or ``None`` at the top."""
        return _FUNDING[self][1]

    @property
    def children(self) -> tuple[FundingSource, ...]:
        """The sources directly below this one, in document order."""
        return tuple(s for s in FundingSource if s.parent is self)


_FUNDING: dict[FundingSource, tuple[str, FundingSource | None]] = {
    FundingSource.FISCAL: ("财政拨款", None),
    FundingSource.GENERAL_BUDGET: ("一般公共预算", FundingSource.FISCAL),
    FundingSource.GENERAL_OWN: ("一般财力", FundingSource.GENERAL_BUDGET),
    FundingSource.GENERAL_TRANSFER: ("上级一般公共预算安排转移支付", FundingSource.GENERAL_BUDGET),
    FundingSource.GOV_FUND: ("政府性基金预算", FundingSource.FISCAL),
    FundingSource.GOV_FUND_OWN: ("政府性基金收入", FundingSource.GOV_FUND),
    FundingSource.GOV_FUND_TRANSFER: ("上级政府性基金安排转移支付", FundingSource.GOV_FUND),
    FundingSource.SOE_CAPITAL: ("国有资本经营预算", FundingSource.FISCAL),
    FundingSource.SOE_CAPITAL_OWN: ("国有资本经营收入", FundingSource.SOE_CAPITAL),
    FundingSource.SOE_CAPITAL_TRANSFER: (
        "上级国有资本经营预算安排转移支付",
        FundingSource.SOE_CAPITAL,
    ),
    FundingSource.SPECIAL_ACCOUNT: ("财政专户管理资金", None),
    FundingSource.AGENCY_FUNDS: ("单位资金", None),
    FundingSource.BUSINESS_INCOME: ("事业收入", FundingSource.AGENCY_FUNDS),
    FundingSource.SUPERIOR_SUBSIDY: ("上级补助收入", FundingSource.AGENCY_FUNDS),
    FundingSource.AFFILIATE_REMITTANCE: ("附属单位上缴收入", FundingSource.AGENCY_FUNDS),
    FundingSource.OPERATING_INCOME: ("事业单位经营收入", FundingSource.AGENCY_FUNDS),
    FundingSource.OTHER_INCOME: ("其他收入", FundingSource.AGENCY_FUNDS),
    FundingSource.CARRYOVER: ("上年结转结余", None),
    FundingSource.FISCAL_CARRYOVER: ("财政拨款结转", FundingSource.CARRYOVER),
    FundingSource.NON_FISCAL_CARRYOVER: ("非财政拨款结转结余", FundingSource.CARRYOVER),
}
