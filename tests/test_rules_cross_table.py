"""Cross-table identities (XTAB): for each rule a document where it holds, one where a figure is
off, one where it is off by a cent (rounding: info) and one without an input table (rule skipped);
then the template differences that must not raise alarms, and the kinds of disagreement met in
real documents.

Two consistent documents are built by hand: one in the 11-table template (revenue by function code,
一般公共预算 as 本级 + 上级转移支付, 项目支出情况表 by economic 类, 上年结转结余情况明细表) and one in
the Henan template (revenue by agency, only 项 rows, 财政拨款收支总体情况表 counting 上年结转 while
一般公共预算支出情况表 counts this year's appropriation only, 支出经济分类汇总表, 项目支出表).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.model import (
    BasicAmounts,
    BasicExpenditureTable,
    BudgetDisclosure,
    CarryoverAmounts,
    CarryoverLine,
    CarryoverTable,
    EconomicCategoryAmounts,
    EconomicLine,
    EconomicSummaryLine,
    EconomicSummaryTable,
    ExpenditureAmounts,
    ExpenditureTable,
    FiscalAmounts,
    FiscalLine,
    FiscalSummaryTable,
    FunctionLine,
    OtherMatters,
    Procurement,
    ProcurementLine,
    ProcurementTable,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    ProjectLine,
    ProjectTable,
    ProjectType,
    RevenueLine,
    RevenueTable,
    SourceAmounts,
    SourceSplit,
    Statement,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.money import AmountUnit, check_sum
from cnbudget.validation import Severity, validate
from cnbudget.validation.findings import Location
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.cross_table_figures import Figure, compare
from cnbudget.validation.rules.cross_table_views import Column
from cnbudget.vocab import FundingSource
from tests.present import present
from tests.seeds import seed_path

S, F, T, C, Y = (SummaryRole.SOURCE, SummaryRole.FUNCTION, SummaryRole.TOTAL, SummaryRole.CURRENT_YEAR,
                 SummaryRole.YEAR_END_CARRYOVER)


# --- building documents -------------------------------------------------------------------------


def _code(code: str | None) -> FunctionCode | None:
    return FunctionCode(code) if code else None


def _rev(role: SummaryRole, name: str, amount: str, source: FundingSource | None = None) -> SummaryLine:
    return SummaryLine(role=role, name=name, source=source, amount=amount)


def _exp(role: SummaryRole, name: str, amount: str, code: str | None = None) -> SummaryLine:
    return SummaryLine(role=role, name=name, code=_code(code), amount=amount)


def _fn(code: str | None, name: str, **amounts: str) -> FunctionLine:
    return FunctionLine(code=_code(code), name=name, amounts=ExpenditureAmounts(**amounts))


def _fiscal(role: SummaryRole, name: str, total: str, code: str | None = None, **budgets: str) -> FiscalLine:
    return FiscalLine(role=role, name=name, code=_code(code), amounts=FiscalAmounts(total=total, **budgets))


def _econ(code: str | None, name: str, total: str, personnel: str = "0", public: str = "0") -> EconomicLine:
    return EconomicLine(code=EconomicCode(code) if code else None, name=name,
                        amounts=BasicAmounts(total=total, personnel=personnel, public=public))


def _split(total: str = "0", general: str | None = "0") -> SourceSplit:
    return SourceSplit(total=total, general_budget=general, gov_fund=None if general is None else "0",
                       soe_capital=None if general is None else "0")


def _revenue_row(code: str | None, name: str, total: str, own: str = "0", transfer: str = "0", agency: str = "0",
                 carryover: str = "0") -> RevenueLine:
    fiscal = str(Decimal(own) + Decimal(transfer))
    return RevenueLine(code=_code(code), name=name, amounts=SourceAmounts(
        total=total, fiscal=fiscal, general_own=own, general_transfer=transfer, gov_fund_own="0",
        gov_fund_transfer="0", soe_capital_own="0", soe_capital_transfer="0", special_account="0",
        agency_funds=agency, fiscal_carryover=carryover, non_fiscal_carryover="0"))


def eleven() -> BudgetDisclosure:
    """A consistent document in the 11-table template."""
    summary = SummaryTable(
        revenue=[
            _rev(C, "本年收入", "100.00"),
            _rev(S, "一般公共预算拨款", "95.00", FundingSource.GENERAL_BUDGET),
            _rev(S, "其中：一般财力", "90.00", FundingSource.GENERAL_OWN),
            _rev(S, "上级一般公共预算安排转移支付", "5.00", FundingSource.GENERAL_TRANSFER),
            _rev(S, "基金预算拨款", "0", FundingSource.GOV_FUND),
            _rev(S, "国有资本经营预算拨款", "0", FundingSource.SOE_CAPITAL),
            _rev(S, "财政专户核拨", "0", FundingSource.SPECIAL_ACCOUNT),
            _rev(S, "单位资金", "5.00", FundingSource.AGENCY_FUNDS),
            _rev(S, "上年结转结余", "10.00", FundingSource.CARRYOVER),
            _rev(S, "财政拨款结转", "10.00", FundingSource.FISCAL_CARRYOVER),
            _rev(S, "其中：一般公共预算拨款", "10.00"),
            _rev(S, "非财政拨款结转结余", "0", FundingSource.NON_FISCAL_CARRYOVER),
            _rev(T, "收入总计", "110.00"),
        ],
        expenditure=[
            _exp(F, "一般公共服务支出", "0", "201"),
            _exp(F, "社会保障和就业支出", "20.00", "208"),
            _exp(F, "卫生健康支出", "90.00", "210"),
            _exp(T, "支出总计", "110.00"),
        ],
    )
    revenue = RevenueTable(lines=[
        _revenue_row(None, "总计", "110.00", own="90.00", transfer="5.00", agency="5.00", carryover="10.00"),
        _revenue_row("208", "社会保障和就业支出", "20.00", own="20.00"),
        _revenue_row("2080505", "机关事业单位基本养老保险缴费支出", "20.00", own="20.00"),
        _revenue_row("210", "卫生健康支出", "90.00", own="70.00", transfer="5.00", agency="5.00", carryover="10.00"),
        _revenue_row("2101501", "行政运行", "60.00", own="60.00"),
        _revenue_row("2101502", "一般行政管理事务", "30.00", own="10.00", transfer="5.00", agency="5.00",
                     carryover="10.00"),
    ])
    expenditure = ExpenditureTable(lines=[
        _fn(None, "总计", total="110.00", basic="80.00", project="30.00"),
        _fn("208", "社会保障和就业支出", total="20.00", basic="20.00", project="0"),
        _fn("2080505", "机关事业单位基本养老保险缴费支出", total="20.00", basic="20.00", project="0"),
        _fn("210", "卫生健康支出", total="90.00", basic="60.00", project="30.00"),
        _fn("2101501", "行政运行", total="60.00", basic="60.00", project="0"),
        _fn("2101502", "一般行政管理事务", total="30.00", basic="0", project="30.00"),
    ])
    fiscal_summary = FiscalSummaryTable(
        revenue=[
            _rev(S, "财政拨款（补助）", "95.00", FundingSource.FISCAL),
            _rev(S, "一般公共预算", "95.00", FundingSource.GENERAL_BUDGET),
            _rev(S, "政府性基金预算", "0", FundingSource.GOV_FUND),
            _rev(S, "国有资本经营预算", "0", FundingSource.SOE_CAPITAL),
            _rev(T, "收入总计", "95.00"),
        ],
        expenditure=[
            _fiscal(F, "一般公共服务支出", "0", "201", general_budget="0", gov_fund="0", soe_capital="0"),
            _fiscal(F, "社会保障和就业支出", "20.00", "208", general_budget="20.00", gov_fund="0", soe_capital="0"),
            _fiscal(F, "卫生健康支出", "75.00", "210", general_budget="75.00", gov_fund="0", soe_capital="0"),
            _fiscal(T, "支出总计", "95.00", general_budget="95.00", gov_fund="0", soe_capital="0"),
        ],
    )
    general = ExpenditureTable(lines=[
        _fn(None, "合计", total="95.00", basic="80.00", project="15.00"),
        _fn("208", "社会保障和就业支出", total="20.00", basic="20.00", project="0"),
        _fn("2080505", "机关事业单位基本养老保险缴费支出", total="20.00", basic="20.00", project="0"),
        _fn("210", "卫生健康支出", total="75.00", basic="60.00", project="15.00"),
        _fn("2101501", "行政运行", total="60.00", basic="60.00", project="0"),
        _fn("2101502", "一般行政管理事务", total="15.00", basic="0", project="15.00"),
    ])
    basic = BasicExpenditureTable(lines=[
        _econ(None, "合计", "80.00", "70.00", "10.00"),
        _econ("301", "工资福利支出", "70.00", "70.00"),
        _econ("30101", "基本工资", "70.00", "70.00"),
        _econ("302", "商品和服务支出", "10.00", public="10.00"),
        _econ("30201", "办公费", "9.50", public="9.50"),
        _econ("30217", "公务接待费", "0.50", public="0.50"),
    ])
    projects = ProjectExpenditureTable(lines=[
        ProjectExpenditureLine(name="合计", amounts=EconomicCategoryAmounts(total="15.00", goods_services="15.00",
                                                                           capital="0")),
        ProjectExpenditureLine(agency="示例局", name="示例局", amounts=EconomicCategoryAmounts(
            total="15.00", goods_services="15.00", capital="0")),
        ProjectExpenditureLine(agency="示例局", code=FunctionCode("2101502"), name="一般行政管理事务",
                               project="综合业务费", amounts=EconomicCategoryAmounts(
                                   total="15.00", goods_services="15.00", capital="0")),
    ])
    three_public = ThreePublicTable(
        title="财政拨款“三公”经费支出情况表", total=_split("0.50", "0.50"), overseas_travel=_split(),
        vehicles=_split(), vehicle_purchase=_split(), vehicle_operation=_split(), reception=_split("0.50", "0.50"))
    carryover = CarryoverTable(lines=[
        CarryoverLine(name="总计", amounts=CarryoverAmounts(total="10.00", fiscal="10.00", fiscal_project="10.00",
                                                           non_fiscal="0")),
        CarryoverLine(name="2023年结转项目", project="2023年结转项目", amounts=CarryoverAmounts(
            total="10.00", fiscal="10.00", fiscal_project="10.00", non_fiscal="0")),
    ])
    gov_fund = ExpenditureTable(lines=[_fn(None, "合计", total="0", basic="0", project="0")])
    return BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(
        summary=summary, revenue=revenue, expenditure=expenditure, fiscal_summary=fiscal_summary,
        general_budget=general, general_budget_basic=basic, general_budget_projects=projects, gov_fund=gov_fund,
        three_public=three_public, carryover=carryover))


def _henan_fn(code: str | None, name: str, total: str, *, salaries: str = "0", family: str = "0",
              goods: str = "0", operating: str = "0", specific: str = "0", agency: str | None = None) -> FunctionLine:
    basic = Decimal(salaries) + Decimal(family) + Decimal(goods)
    project = Decimal(operating) + Decimal(specific)
    return FunctionLine(agency=agency, agency_code="304" if agency else None, code=_code(code), name=name,
                        amounts=ExpenditureAmounts(
                            total=total, basic=str(basic), personnel_salaries=salaries, personnel_family=family,
                            public_goods_services=goods, public_capital="0", project=str(project),
                            project_operating=operating, project_specific=specific))


def _henan_revenue(name: str, agency: str | None) -> RevenueLine:
    return RevenueLine(agency=agency, agency_code="304" if agency else None, name=name, amounts=SourceAmounts(
        total="108.00", current_year="100.00", general_budget="100.00", general_appropriation="100.00", gov_fund="0",
        soe_capital="0", special_account="0", business_income="0", operating_income="0", superior_subsidy="0",
        affiliate_remittance="0", other_income="0", carryover="8.00", carryover_general="8.00",
        carryover_gov_fund="0", carryover_soe_capital="0", carryover_special_account="0", carryover_agency_funds="0"))


def _summary_line(code: str | None, name: str, total: str, general: str, carryover: str = "0") -> EconomicSummaryLine:
    return EconomicSummaryLine(code=EconomicCode(code) if code else None, name=name, amounts=SourceAmounts(
        total=total, general_budget=general, general_appropriation=general, gov_fund="0", soe_capital="0",
        carryover=carryover))


def _project(name: str, kind: ProjectType | None, total: str, general: str = "0", carried: str = "0") -> ProjectLine:
    return ProjectLine(agency="示例局", name=name, project=name, project_type=kind, amounts=SourceAmounts(
        total=total, general_budget=general, gov_fund="0", soe_capital="0", carryover_general=carried,
        carryover_gov_fund="0", carryover_soe_capital="0", special_account="0", agency_funds="0"))


def _all_projects() -> SourceAmounts:
    return SourceAmounts(total="48.00", general_budget="40.00", carryover_general="8.00")


def henan() -> BudgetDisclosure:
    """A consistent document in the Henan template, with 8.00 of fiscal carryover."""
    summary = SummaryTable(
        revenue=[
            _rev(S, "一般公共预算", "100.00", FundingSource.GENERAL_BUDGET),
            _rev(S, "其中：财政拨款", "100.00"),
            _rev(S, "政府性基金预算拨款收入", "0", FundingSource.GOV_FUND),
            _rev(C, "本年收入合计", "100.00"),
            _rev(S, "上年结转结余", "8.00", FundingSource.CARRYOVER),
            _rev(T, "收入总计", "108.00"),
        ],
        expenditure=[
            _exp(F, "社会保障和就业", "20.00"),
            _exp(F, "卫生健康", "88.00"),
            _exp(C, "本年支出合计", "108.00"),
            _exp(Y, "年终结转结余", "0"),
            _exp(T, "支出总计", "108.00"),
        ],
    )
    revenue = RevenueTable(lines=[_henan_revenue("合计", None), _henan_revenue("示例局", "示例局")])
    expenditure = ExpenditureTable(lines=[
        _henan_fn(None, "合计", "108.00", salaries="45.00", family="5.00", goods="10.00", operating="18.00",
                  specific="30.00"),
        _henan_fn(None, "示例局", "108.00", salaries="45.00", family="5.00", goods="10.00", operating="18.00",
                  specific="30.00", agency="示例局"),
        _henan_fn("2080505", "机关事业单位基本养老保险缴费支出", "20.00", salaries="20.00", agency="示例局"),
        _henan_fn("2101501", "行政运行", "40.00", salaries="25.00", family="5.00", goods="10.00", agency="示例局"),
        _henan_fn("2101502", "一般行政管理事务", "18.00", operating="18.00", agency="示例局"),
        _henan_fn("2101301", "城乡医疗救助", "30.00", specific="30.00", agency="示例局"),
    ])
    fiscal_summary = FiscalSummaryTable(
        revenue=[
            _rev(C, "本年收入", "100.00"),
            _rev(S, "一般公共预算拨款", "100.00", FundingSource.GENERAL_BUDGET),
            _rev(S, "政府性基金预算拨款", "0", FundingSource.GOV_FUND),
            _rev(S, "上年结转", "8.00", FundingSource.CARRYOVER),
            _rev(S, "一般公共预算拨款", "8.00"),
            _rev(S, "政府性基金预算拨款", "0"),
            _rev(T, "收入合计", "108.00"),
        ],
        expenditure=[
            _fiscal(C, "本年支出", "108.00", general_budget="108.00", general_appropriation="108.00", gov_fund="0",
                    soe_capital="0"),
            _fiscal(F, "社会保障和就业支出", "20.00", general_budget="20.00", general_appropriation="20.00",
                    gov_fund="0", soe_capital="0"),
            _fiscal(F, "医疗卫生与计划生育支出", "0", general_budget="0", general_appropriation="0", gov_fund="0",
                    soe_capital="0"),
            _fiscal(F, "卫生健康支出", "88.00", general_budget="88.00", general_appropriation="88.00", gov_fund="0",
                    soe_capital="0"),
            _fiscal(Y, "年终结转结余", "0", general_budget="0", general_appropriation="0", gov_fund="0",
                    soe_capital="0"),
            _fiscal(T, "支出合计", "108.00", general_budget="108.00", general_appropriation="108.00", gov_fund="0",
                    soe_capital="0"),
        ],
    )
    general = ExpenditureTable(title="一般公共预算支出情况表", notes=("注：本表仅含当年财政拨款安排的支出。",), lines=[
        _henan_fn(None, "合计", "100.00", salaries="45.00", family="5.00", goods="10.00", operating="10.00",
                  specific="30.00"),
        _henan_fn("2080505", "机关事业单位基本养老保险缴费支出", "20.00", salaries="20.00"),
        _henan_fn("2101501", "行政运行", "40.00", salaries="25.00", family="5.00", goods="10.00"),
        _henan_fn("2101502", "一般行政管理事务", "10.00", operating="10.00"),
        _henan_fn("2101301", "城乡医疗救助", "30.00", specific="30.00"),
    ])
    basic = BasicExpenditureTable(lines=[
        _econ(None, "合计", "60.00", "50.00", "10.00"),
        _econ("30101", "基本工资", "45.00", "45.00"),
        _econ("30302", "退休费", "5.00", "5.00"),
        _econ("30201", "办公费", "9.50", public="9.50"),
        _econ("30217", "公务接待费", "0.50", public="0.50"),
    ])
    economic_summary = EconomicSummaryTable(lines=[
        _summary_line(None, "合计", "108.00", "100.00", "8.00"),
        _summary_line("30101", "基本工资", "45.00", "45.00"),
        _summary_line("30302", "退休费", "5.00", "5.00"),
        _summary_line("30201", "办公费", "17.50", "9.50", "8.00"),
        _summary_line("30217", "公务接待费", "0.50", "0.50"),
        _summary_line("30227", "委托业务费", "10.00", "10.00"),
        _summary_line("30307", "医疗费补助", "30.00", "30.00"),
    ])
    projects = ProjectTable(lines=[
        ProjectLine(name="合计", amounts=_all_projects()),
        ProjectLine(agency="示例局", agency_code="304", name="示例局", amounts=_all_projects()),
        _project("委托业务", ProjectType.OPERATING, "10.00", general="10.00"),
        _project("上年结转项目", ProjectType.OPERATING, "8.00", carried="8.00"),
        _project("城乡医疗救助", ProjectType.SPECIFIC, "30.00", general="30.00"),
    ])
    three_public = ThreePublicTable(
        title="一般公共预算“三公”经费支出情况表", total=_split("0.50", None), overseas_travel=_split("0", None),
        vehicles=_split("0", None), vehicle_purchase=_split("0", None), vehicle_operation=_split("0", None),
        reception=_split("0.50", None))
    return BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(
        summary=summary, revenue=revenue, expenditure=expenditure, fiscal_summary=fiscal_summary,
        general_budget=general, general_budget_basic=basic, economic_summary=economic_summary, projects=projects,
        three_public=three_public))


U = SummaryRole.USE


def _src(name: str, amount: str, source: FundingSource | None = None) -> SummaryLine:
    return SummaryLine(role=S if source else SummaryRole.OTHER, name=name, source=source, amount=amount)


def _jiangsu_function(total: str) -> ExpenditureTable:
    return ExpenditureTable(lines=[
        _fn(None, "合计", total=total),
        _fn("204", "公共安全支出", total="80.00"),
        _fn("20404", "检察", total="80.00"),
        _fn("2040401", "行政运行", total="60.00"),
        _fn("2040402", "一般行政管理事务", total="20.00"),
        _fn("208", "社会保障和就业支出", total="20.00"),
        _fn("20805", "行政事业单位离退休", total="20.00"),
        _fn("2080505", "机关事业单位基本养老保险缴费支出", total="20.00"),
    ])


def _jiangsu_economic(*, operating: bool = False) -> BasicExpenditureTable:
    def line(code: str | None, name: str, total: str) -> EconomicLine:
        return EconomicLine(code=EconomicCode(code) if code else None, name=name, amounts=BasicAmounts(total=total))

    goods = [line("302", "商品和服务支出", "20.00"), line("30201", "办公费", "5.00"), line("30215", "会议费", "3.00"),
             line("30216", "培训费", "2.00"), line("30217", "公务接待费", "1.00"),
             line("30231", "公务用车运行维护费", "9.00")]
    if operating:
        return BasicExpenditureTable(lines=[line(None, "合计", "20.00"), *goods])
    return BasicExpenditureTable(lines=[line(None, "合计", "60.00"), line("301", "工资福利支出", "40.00"),
                                        line("30101", "基本工资", "40.00"), *goods])


def jiangsu() -> BudgetDisclosure:
    """A consistent document in the Jiangsu 12-table template (2019): revenue listed by source, the
    summaries by function 类 (printed by name) and by use, 5.00 of 其他资金 spent as basic spending
    in 类 204, 财政拨款 = 一般公共预算."""
    summary = SummaryTable(
        revenue=[
            _rev(S, "财政拨款", "100.00", FundingSource.FISCAL),
            _rev(S, "一般公共预算", "100.00", FundingSource.GENERAL_BUDGET),
            _rev(S, "政府性基金预算", "0", FundingSource.GOV_FUND),
            _rev(S, "财政专户管理资金", "0", FundingSource.SPECIAL_ACCOUNT),
            _rev(S, "其他资金", "5.00", FundingSource.AGENCY_FUNDS),
            _rev(C, "当年收入小计", "105.00"),
            _rev(S, "上年结转资金", "0", FundingSource.CARRYOVER),
            _rev(T, "收入合计", "105.00"),
        ],
        expenditure=[
            _exp(F, "一般公共服务支出", "0"),
            _exp(U, "基本支出", "65.00"),
            _exp(U, "项目支出", "30.00"),
            _exp(U, "单位预留机动经费", "10.00"),
            _exp(F, "外交支出", "0"),
            _exp(F, "国防支出", "0"),
            _exp(F, "公共安全支出", "85.00"),
            _exp(F, "社会保障和就业支出", "20.00"),
            _exp(C, "当年支出小计", "105.00"),
            _exp(Y, "结转下年资金", "0"),
            _exp(T, "支出合计", "105.00"),
        ],
    )
    revenue = RevenueTable(sources=[
        _rev(T, "收入总计", "105.00"),
        _src("一般公共预算资金", "100.00", FundingSource.GENERAL_BUDGET),
        _src("公共财政拨款(补助)资金", "100.00"),
        _src("专项收入", "0"),
        _src("政府性基金", "0", FundingSource.GOV_FUND),
        _src("财政专户管理资金", "0", FundingSource.SPECIAL_ACCOUNT),
        _src("专户管理教育收费", "0"),
        _src("其他资金", "5.00", FundingSource.AGENCY_FUNDS),
        _src("事业收入", "0", FundingSource.BUSINESS_INCOME),
        _src("其他收入", "5.00", FundingSource.OTHER_INCOME),
        _src("上年结转和结余资金", "0", FundingSource.CARRYOVER),
        _src("其中：动用上年结转和结余资金", "0"),
    ])
    expenditure = ExpenditureTable(lines=[FunctionLine(name="", amounts=ExpenditureAmounts(
        total="105.00", basic="65.00", project="30.00", reserve="10.00", next_year_carryover="0"))])
    fiscal_summary = FiscalSummaryTable(
        revenue=[
            _rev(S, "一般公共预算", "100.00", FundingSource.GENERAL_BUDGET),
            _rev(S, "政府性基金预算", "0", FundingSource.GOV_FUND),
            _rev(T, "收入合计", "100.00"),
        ],
        expenditure=[
            _fiscal(U, "基本支出", "60.00"),
            _fiscal(U, "项目支出", "30.00"),
            _fiscal(U, "单位预留机动经费", "10.00"),
            _fiscal(T, "支出合计", "100.00"),
        ],
    )
    three_public = ThreePublicTable(
        title="一般公共预算“三公”经费、会议费、培训费支出预算表", total=_split("10.00", None),
        overseas_travel=_split("0", None), vehicles=_split("9.00", None), vehicle_purchase=_split("0", None),
        vehicle_operation=_split("9.00", None), reception=_split("1.00", None), meetings=_split("3.00", None),
        training=_split("2.00", None), total_with_meetings_training=_split("15.00", None))
    procurement = ProcurementTable(lines=[
        ProcurementLine(name="合计", amount="12.00"),
        ProcurementLine(category="货物", name="一、货物A", amount="7.00"),
        ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置", name="办公设备购置",
                        amount="7.00"),
        ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置", name="台式计算机",
                        item="台式计算机", method="政府集中采购", amount="4.00"),
        ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置", name="打印设备",
                        item="打印设备", method="分散自行组织", amount="3.00"),
        ProcurementLine(category="服务", name="三、服务C", amount="5.00"),
        ProcurementLine(category="服务", project="商品和服务支出", subject="会议费", name="会议费", amount="5.00"),
        ProcurementLine(category="服务", project="商品和服务支出", subject="会议费", name="会议服务", item="会议服务",
                        method="分散自行组织", amount="5.00"),
    ])
    matters = OtherMatters(operating_costs=Statement(section="机关运行经费", subject="机关运行经费", amount="20.00"),
                           procurement=Procurement(total="12.00", goods="7.00", works="0", services="5.00"))
    return BudgetDisclosure(department="示例厅", fiscal_year=2019, other_matters=matters, tables=Tables(
        summary=summary, revenue=revenue, expenditure=expenditure, fiscal_summary=fiscal_summary,
        fiscal_expenditure=_jiangsu_function("100.00"), fiscal_basic=_jiangsu_economic(),
        general_budget=_jiangsu_function("100.00"), general_budget_basic=_jiangsu_economic(),
        gov_fund=ExpenditureTable(empty_statement="本部门无政府性基金收支，此表为空"), three_public=three_public,
        operating_costs=_jiangsu_economic(operating=True), procurement=procurement))


def _unit(role: SummaryRole, name: str, total: str, personnel: str, public: str, project: str,
          code: str | None = None) -> SummaryLine:
    return SummaryLine(role=role, name=name, code=_code(code), amount=total, amounts=ExpenditureAmounts(
        total=total, personnel=personnel, public=public, project=project))


def shanghai_unit() -> BudgetDisclosure:
    """A consistent Shanghai unit budget (元): the summary's spending side split into 人员经费, 公用经费
    and 项目支出; 30.00 of 事业收入 spent on a project; the "三公" table in 万元 with 机关运行经费."""
    summary = SummaryTable(
        revenue=[
            _rev(S, "财政拨款收入", "100", FundingSource.FISCAL),
            _rev(S, "一般公共预算资金", "100", FundingSource.GENERAL_BUDGET),
            _rev(S, "事业收入", "30", FundingSource.BUSINESS_INCOME),
            _rev(T, "收入总计", "130"),
        ],
        expenditure=[
            _unit(F, "社会保障和就业支出", "110", "60", "20", "30"),
            _unit(F, "卫生健康支出", "20", "20", "0", "0"),
            _unit(T, "支出总计", "130", "80", "20", "30"),
        ],
    )
    expenditure = ExpenditureTable(lines=[
        _fn("208", "社会保障和就业支出", total="110", basic="80", project="30"),
        _fn("20810", "社会福利", total="110", basic="80", project="30"),
        _fn("2081005", "社会福利事业单位", total="110", basic="80", project="30"),
        _fn("210", "卫生健康支出", total="20", basic="20", project="0"),
        _fn("21011", "行政事业单位医疗", total="20", basic="20", project="0"),
        _fn("2101102", "事业单位医疗", total="20", basic="20", project="0"),
        _fn(None, "合计", total="130", basic="100", project="30"),
    ])
    three_public = ThreePublicTable(
        title="单位“三公”经费和机关运行经费预算表", unit=AmountUnit.WAN_YUAN, total=_split("0.50", None),
        overseas_travel=_split("0", None), vehicles=_split("0", None), vehicle_purchase=_split("0", None),
        vehicle_operation=_split("0", None), reception=_split("0.50", None), operating_costs=_split("2.00", None))
    return BudgetDisclosure(department="示例院", fiscal_year=2024, amount_unit=AmountUnit.YUAN, tables=Tables(
        summary=summary, expenditure=expenditure, three_public=three_public))


def _with_operating_costs(doc: BudgetDisclosure) -> BudgetDisclosure:
    """The Jiangsu document with the "三公" table printing 机关运行经费 beside its items (Shanghai does)."""
    three = attrs.evolve(present(doc.tables.three_public), operating_costs=_split("20.00", None))
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, three_public=three))

# --- changing one figure ------------------------------------------------------------------------


def _matches(line: Any, where: str) -> bool:
    code = getattr(line, "code", None)
    return where in (line.name, str(code) if code is not None else None, getattr(line, "project", None))


def bump(doc: BudgetDisclosure, key: str, where: str, column: str, delta: str) -> BudgetDisclosure:
    """Add ``delta`` to ``column`` of the rows of table ``key`` named (or coded) ``where``."""
    table = getattr(doc.tables, key)

    def change(line: Any) -> Any:
        if not _matches(line, where):
            return line
        if isinstance(line, SummaryLine):
            return attrs.evolve(line, amount=line.amount + Decimal(delta))
        value = getattr(line.amounts, column)
        return attrs.evolve(line, amounts=attrs.evolve(line.amounts, **{column: value + Decimal(delta)}))

    rows = {f.name: [change(line) for line in getattr(table, f.name)]
            for f in attrs.fields(type(table)) if f.metadata.get("rows")}
    if not rows:  # the "三公" table: items rather than rows
        split = getattr(table, where)
        rows = {where: attrs.evolve(split, **{column: getattr(split, column) + Decimal(delta)})}
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, **{key: attrs.evolve(table, **rows)}))


def without(doc: BudgetDisclosure, key: str) -> BudgetDisclosure:
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, **{key: None}))


def run(doc: BudgetDisclosure, rule_id: str) -> list[Any]:
    report = validate(doc, rules=[rule_id])
    assert rule_id in report.rules_run
    return list(report.findings)


Perturb = Callable[[BudgetDisclosure, str], BudgetDisclosure]

#: Each rule: a consistent document, one figure it compares (changed by delta), a table it needs.
CASES: list[tuple[str, Callable[[], BudgetDisclosure], Perturb, str]] = [
    ("XTAB-001", eleven, lambda d, x: bump(d, "summary", "一般公共预算拨款", "amount", x), "revenue"),
    ("XTAB-002", eleven, lambda d, x: bump(d, "summary", "卫生健康支出", "amount", x), "expenditure"),
    ("XTAB-003", eleven, lambda d, x: bump(d, "expenditure", "2101501", "total", x), "revenue"),
    ("XTAB-004", eleven, lambda d, x: bump(d, "fiscal_summary", "一般公共预算", "amount", x), "summary"),
    ("XTAB-005", eleven, lambda d, x: bump(d, "general_budget", "208", "total", x), "fiscal_summary"),
    ("XTAB-006", eleven, lambda d, x: bump(d, "revenue", "2101502", "general_transfer", x), "revenue"),
    ("XTAB-007", eleven, lambda d, x: bump(d, "general_budget_basic", "合计", "total", x), "general_budget"),
    ("XTAB-008", eleven, lambda d, x: bump(d, "general_budget_projects", "综合业务费", "total", x),
     "general_budget_projects"),
    ("XTAB-009", eleven, lambda d, x: bump(d, "summary", "支出总计", "amount", x), "summary"),
    ("XTAB-010", henan, lambda d, x: bump(d, "fiscal_summary", "收入合计", "amount", x), "fiscal_summary"),
    ("XTAB-011", eleven, lambda d, x: bump(d, "general_budget_basic", "30217", "total", x), "three_public"),
    ("XTAB-012", henan, lambda d, x: bump(d, "three_public", "reception", "total", x), "economic_summary"),
    ("XTAB-013", eleven, lambda d, x: bump(d, "carryover", "总计", "total", x), "carryover"),
    ("XTAB-014", henan, lambda d, x: bump(d, "economic_summary", "合计", "general_budget", x), "general_budget_basic"),
    ("XTAB-015", henan, lambda d, x: bump(d, "projects", "城乡医疗救助", "general_budget", x), "projects"),
    ("XTAB-016", jiangsu, lambda d, x: bump(d, "fiscal_expenditure", "2040402", "total", x), "fiscal_expenditure"),
    ("XTAB-017", jiangsu, lambda d, x: bump(d, "general_budget_basic", "30201", "total", x), "fiscal_basic"),
    ("XTAB-018", jiangsu, lambda d, x: bump(d, "summary", "项目支出", "amount", x), "expenditure"),
    ("XTAB-019", jiangsu, lambda d, x: bump(_with_operating_costs(d), "three_public", "operating_costs", "total", x),
     "operating_costs"),
]
IDS = [case[0] for case in CASES]


def test_every_cross_table_rule_has_a_case() -> None:
    assert sorted(IDS) == sorted(r for r in RULES if r.startswith("XTAB-"))


@pytest.mark.parametrize("make", [eleven, henan, jiangsu, shanghai_unit])
def test_consistent_documents_give_no_finding(make: Callable[[], BudgetDisclosure]) -> None:
    report = validate(make(), rules=["XTAB"])
    assert report.findings == ()


@pytest.mark.parametrize(("rule_id", "make", "perturb", "needed"), CASES, ids=IDS)
def test_a_figure_off_is_reported_with_both_figures(rule_id: str, make: Any, perturb: Perturb, needed: str) -> None:
    found = run(perturb(make(), "1.00"), rule_id)
    assert [f.severity for f in found] == [RULES[rule_id].severity]
    assert found[0].rule == rule_id
    assert abs(found[0].actual - found[0].expected) == Decimal("1.00")
    assert len(found[0].locations) == 2 and all(loc.table for loc in found[0].locations)


@pytest.mark.parametrize(("rule_id", "make", "perturb", "needed"), CASES, ids=IDS)
def test_a_cent_off_is_rounding(rule_id: str, make: Any, perturb: Perturb, needed: str) -> None:
    found = run(perturb(make(), "0.01"), rule_id)
    assert [f.severity for f in found] == [Severity.INFO]
    assert "四舍五入" in found[0].message


@pytest.mark.parametrize(("rule_id", "make", "perturb", "needed"), CASES, ids=IDS)
def test_without_its_input_table_the_rule_does_not_run(rule_id: str, make: Any, perturb: Perturb,
                                                       needed: str) -> None:
    report = validate(without(perturb(make(), "1.00"), needed), rules=[rule_id])
    assert rule_id in report.rules_skipped and report.findings == ()


# --- what each rule says, and where ---------------------------------------------------------------


def test_message_names_both_tables_rows_and_figures() -> None:
    (found,) = run(bump(eleven(), "summary", "一般公共预算拨款", "amount", "1.00"), "XTAB-001")
    assert "收支总体情况表“一般公共预算拨款”为 96.00" in found.message
    assert "收入总体情况表合计“一般公共预算”为 95.00" in found.message
    assert (found.actual, found.expected) == (Decimal("96.00"), Decimal("95.00"))
    assert {loc.table for loc in found.locations} == {"summary", "revenue"}


def test_a_wrong_item_is_reported_once_not_again_at_its_section_category_and_total() -> None:
    doc = eleven()
    for code in ("2101501", "210", "总计"):
        for column in ("total", "basic"):
            doc = bump(doc, "expenditure", code, column, "1.00")
    found = run(doc, "XTAB-003")
    assert [(f.severity, f.locations[0].code) for f in found] == [(Severity.ERROR, "2101501")]


def test_a_category_one_table_does_not_list_is_zero_there() -> None:
    doc = eleven()
    extra = _fn("229", "其他支出", total="0", basic="0", project="0")
    summary = present(doc.tables.summary)
    summary = attrs.evolve(summary, expenditure=[*summary.expenditure[:-1]])
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, summary=summary))  # 支出总计 gone: 类 only
    table = present(doc.tables.expenditure)
    expenditure = attrs.evolve(table, lines=[*table.lines, attrs.evolve(extra, amounts=ExpenditureAmounts(
        total="2.00", basic="0", project="2.00"))])
    found = run(attrs.evolve(doc, tables=attrs.evolve(doc.tables, expenditure=expenditure)), "XTAB-002")
    assert [(f.locations[0].code, f.actual, f.expected) for f in found] == [("229", Decimal("0"), Decimal("2.00"))]
    assert "未列 229" in found[0].message


def _summary_lines(doc: BudgetDisclosure, side: Literal["revenue", "expenditure"],
                   lines: list[SummaryLine]) -> BudgetDisclosure:
    old = present(doc.tables.summary)
    summary = attrs.evolve(old, revenue=lines) if side == "revenue" else attrs.evolve(old, expenditure=lines)
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, summary=summary))


def test_section_lines_beside_their_category_are_not_counted_twice() -> None:
    doc = eleven()
    lines = [*present(doc.tables.summary).expenditure]
    lines.insert(3, _exp(F, "医疗保障管理事务", "90.00", "21015"))
    assert run(_summary_lines(doc, "expenditure", lines), "XTAB-002") == []


def test_only_the_last_revenue_total_is_the_grand_total() -> None:
    doc = eleven()
    lines = [*present(doc.tables.summary).revenue]
    lines.insert(8, _rev(T, "收入合计", "100.00"))  # this year's revenue, printed above 上年结转结余
    assert run(_summary_lines(doc, "revenue", lines), "XTAB-001") == []
    (found,) = run(bump(_summary_lines(doc, "revenue", lines), "summary", "收入总计", "amount", "1.00"), "XTAB-001")
    assert found.actual == Decimal("111.00")


def test_function_categories_printed_by_name_only_are_placed_by_the_catalogue() -> None:
    doc = bump(henan(), "summary", "卫生健康", "amount", "1.00")
    (found,) = [f for f in run(doc, "XTAB-002") if f.severity is Severity.ERROR and f.locations[0].code]
    assert found.locations[0].code == "210"


def test_an_empty_budget_table_stands_for_zero() -> None:
    doc = eleven()
    fiscal = present(doc.tables.fiscal_summary)
    doc = attrs.evolve(doc, tables=attrs.evolve(
        doc.tables, gov_fund=ExpenditureTable(empty_statement="为空表"),
        fiscal_summary=attrs.evolve(fiscal, expenditure=[
            attrs.evolve(line, amounts=attrs.evolve(line.amounts, gov_fund=Decimal("3.00")))
            if line.role is T else line for line in fiscal.expenditure])))
    found = run(doc, "XTAB-005")
    assert [(f.severity, f.actual, f.expected) for f in found] == [(Severity.ERROR, Decimal("3.00"), Decimal("0"))]


# --- the two templates' scopes: no false alarms ------------------------------------------------------


def test_fiscal_summary_counting_carryover_is_not_an_error() -> None:
    # 财政拨款收支总体情况表 counts the 8.00 of 上年结转; 一般公共预算支出情况表 counts this year only.
    assert run(henan(), "XTAB-005") == []


def test_with_carryover_the_budget_table_cannot_exceed_the_fiscal_summary_in_a_category() -> None:
    doc = bump(bump(henan(), "general_budget", "2080505", "total", "5.00"), "general_budget", "2101501", "total",
               "-5.00")
    found = run(doc, "XTAB-005")
    assert [(f.severity, f.locations[0].code, f.actual, f.expected) for f in found] == [
        (Severity.ERROR, "208", Decimal("25.00"), Decimal("20.00"))]
    assert "大于" in found[0].message


def test_with_carryover_a_total_carryover_does_not_explain_is_an_error() -> None:
    doc = bump(bump(henan(), "general_budget", "合计", "total", "3.00"), "general_budget", "2101301", "total", "3.00")
    (found,) = run(doc, "XTAB-005")
    assert found.severity is Severity.ERROR and "上年结转" in found.message
    assert (found.actual, found.expected) == (Decimal("108.00"), Decimal("111.00"))


def test_fiscal_carryover_is_found_in_the_revenue_table_when_the_summary_has_no_split() -> None:
    doc = bump(henan(), "fiscal_summary", "上年结转", "amount", "1.00")
    found = run(doc, "XTAB-004")
    assert [f.severity for f in found] == [Severity.ERROR]
    assert found[0].locations[1].table == "revenue"


def test_fiscal_carryover_without_any_split_is_only_bounded_by_all_carryover() -> None:
    doc = without(henan(), "revenue")
    assert run(bump(doc, "fiscal_summary", "上年结转", "amount", "-1.00"), "XTAB-004") == []
    (found,) = run(bump(doc, "fiscal_summary", "上年结转", "amount", "1.00"), "XTAB-004")
    assert found.severity is Severity.ERROR and "大于" in found.message


# --- "三公" ------------------------------------------------------------------------------------------


def _reception(doc: BudgetDisclosure, delta: str) -> BudgetDisclosure:
    """公务接待费 of the general budget changed by ``delta`` (合计 and 一般公共预算 alike)."""
    return bump(bump(doc, "three_public", "reception", "general_budget", delta), "three_public", "reception", "total",
                delta)


def test_three_public_may_exceed_the_basic_line_when_projects_buy_goods_and_services() -> None:
    assert run(_reception(eleven(), "2.00"), "XTAB-011") == []


def test_three_public_below_the_basic_line_is_a_warning() -> None:
    (found,) = run(_reception(eleven(), "-0.30"), "XTAB-011")
    assert found.severity is Severity.WARNING and found.expected == Decimal("0.20")
    assert found.locations[0].code == "30217" and found.locations[1].column == "reception"


def _projects_without_goods(doc: BudgetDisclosure) -> BudgetDisclosure:
    table = present(doc.tables.general_budget_projects)
    lines = [attrs.evolve(line, amounts=attrs.evolve(line.amounts, goods_services=Decimal(0),
                                                    capital=line.amounts.total)) for line in table.lines]
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, general_budget_projects=attrs.evolve(table, lines=lines)))


def test_three_public_must_equal_the_basic_line_when_projects_cannot_hold_it() -> None:
    doc = _projects_without_goods(eleven())
    assert run(doc, "XTAB-011") == []
    (found,) = run(_reception(doc, "2.00"), "XTAB-011")
    assert found.severity is Severity.WARNING and "应等于" in found.message


def test_three_public_of_unknown_scope_without_a_general_column_is_not_compared() -> None:
    doc = henan()
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, three_public=attrs.evolve(
        present(doc.tables.three_public), title="“三公”经费支出情况表")))
    doc = bump(doc, "three_public", "reception", "total", "5.00")
    assert run(doc, "XTAB-012") == []
    assert run(doc, "XTAB-011") == []


def test_three_public_of_all_fiscal_money_is_compared_with_all_budgets_of_the_summary() -> None:
    doc = henan()
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, three_public=attrs.evolve(
        present(doc.tables.three_public), title="财政拨款“三公”经费支出情况表")))
    assert run(doc, "XTAB-012") == []
    (found,) = run(bump(doc, "economic_summary", "30217", "gov_fund", "1.00"), "XTAB-012")
    assert found.expected == Decimal("1.50")


def test_a_basic_table_by_category_only_cannot_say_what_three_public_is() -> None:
    doc = eleven()
    basic = present(doc.tables.general_budget_basic)
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, general_budget_basic=attrs.evolve(
        basic, lines=[line for line in basic.lines if line.code is None or line.code.level == 1])))
    assert run(_reception(doc, "-0.50"), "XTAB-011") == []


# --- the Henan detail tables ---------------------------------------------------------------------------


def test_economic_summary_below_a_basic_line_is_an_error() -> None:
    (found,) = run(bump(henan(), "economic_summary", "30201", "general_budget", "-1.00"), "XTAB-014")
    assert found.severity is Severity.ERROR and found.locations[0].code == "30201"


def test_economic_summary_equals_basic_where_projects_have_no_general_money() -> None:
    doc = henan()
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, projects=ProjectTable(lines=[
        ProjectLine(name="合计", amounts=SourceAmounts(total="0", general_budget="0"))])))
    found = run(doc, "XTAB-014")
    assert {f.locations[1].code for f in found if f.locations[1].code} == {"30227", "30307"}


def test_projects_of_a_type_must_add_up_to_that_column() -> None:
    doc = henan()
    projects = present(doc.tables.projects)
    lines = [attrs.evolve(line, project_type=ProjectType.SPECIFIC) if line.project == "委托业务" else line
             for line in projects.lines]
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, projects=attrs.evolve(projects, lines=lines)))
    found = run(doc, "XTAB-015")
    assert len(found) == 4 and all(f.severity is Severity.ERROR for f in found)


def test_projects_without_types_are_not_compared_by_type() -> None:
    doc = henan()
    projects = present(doc.tables.projects)
    lines = [attrs.evolve(line, project_type=None) for line in projects.lines]
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, projects=attrs.evolve(projects, lines=lines)))
    assert run(doc, "XTAB-015") == []


# --- real documents ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["001", "003", "004"])
def test_seed_documents_raise_no_cross_table_error(name: str) -> None:
    from cnbudget.readers import read_file

    report = validate(read_file(seed_path(name)).disclosure, rules=["XTAB"])
    assert report.errors == ()


def test_seed_002_revenue_total_places_8_95_and_6_50_otherwise_than_the_summary() -> None:
    from cnbudget.readers import read_file

    report = validate(read_file(seed_path("002")).disclosure, rules=["XTAB"])
    # By hand: 表1 prints 单位资金 8.95 and 上年结转结余 = 财政拨款结转 6.50 (本年收入 1,212.38);
    # 表2's 合计 (11 columns) prints 8.95 under 财政拨款结转 and 6.50 under 非财政拨款结转结余. The 8.95 of
    # 单位资金 missing from 表2 is also missing from its 本年收入: one problem, one finding for both.
    assert {(f.rule, tuple(place.column for place in f.locations[1::2]), f.actual, f.expected)
            for f in report.errors} == {
        ("XTAB-001", ("agency_funds", "current_year"), Decimal("8.95"), Decimal("0")),
        ("XTAB-001", ("fiscal_carryover",), Decimal("6.50"), Decimal("8.95")),
        ("XTAB-001", ("non_fiscal_carryover",), Decimal("0"), Decimal("6.50")),
        ("XTAB-001", ("carryover",), Decimal("6.50"), Decimal("15.45")),
    }


# --- more places the rules look --------------------------------------------------------------------------


def test_agencies_printed_in_both_tables_must_agree() -> None:
    (found,) = run(bump(henan(), "expenditure", "示例局", "total", "1.00"), "XTAB-003")
    assert found.severity is Severity.ERROR
    assert [loc.agency for loc in found.locations] == ["示例局", "示例局"]


def test_a_budget_table_counting_carryover_bounds_the_revenue_column_code_by_code() -> None:
    # Should 一般公共预算支出情况表 also count the 10.00 carried over into 2101502, the revenue column
    # (this year only) cannot exceed it anywhere; it is not an error that the two differ.
    doc = eleven()
    for code in ("合计", "210", "2101502"):
        for column in ("total", "project"):
            doc = bump(doc, "general_budget", code, column, "10.00")
    assert run(doc, "XTAB-006") == []
    (found,) = run(bump(doc, "revenue", "2080505", "general_own", "1.00"), "XTAB-006")
    assert found.locations[0].code == "2080505" and "大于" in found.message


def test_three_public_item_whose_own_columns_disagree_is_left_to_the_row_rule() -> None:
    doc = bump(eleven(), "three_public", "reception", "total", "5.00")  # 合计 5.50 but 一般公共预算 0.50
    assert run(bump(doc, "three_public", "reception", "general_budget", "-0.50"), "XTAB-011") == []


# --- properties ---------------------------------------------------------------------------------------------

_cents = st.integers(min_value=0, max_value=10**7).map(lambda n: Decimal(n).scaleb(-2))


@settings(max_examples=60, deadline=None)
@given(total=_cents, parts=st.lists(_cents, min_size=1, max_size=6))
def test_comparing_a_figure_with_printed_parts_is_the_sum_check(total: Decimal, parts: list[Decimal]) -> None:
    here = Location(table="a")
    result = compare(Figure(label="甲", parts=(total,), location=here),
                     Figure(label="乙", parts=tuple(parts), location=here))
    expected = check_sum(total, parts)
    assert (result.status, result.difference, result.excess) == (expected.status, expected.difference,
                                                                  expected.excess)


_items = st.dictionaries(st.sampled_from(["2080505", "2101501", "2101502", "2101301", "2210201"]), _cents,
                         min_size=1)


def _coded_table(items: dict[str, Decimal]) -> ExpenditureTable:
    """Items with their 款, 类 and total rows, all adding up."""
    levels: dict[str, Decimal] = {}
    for code, value in items.items():
        for prefix in (code[:3], code[:5], code):
            levels[prefix] = levels.get(prefix, Decimal(0)) + value
    rows = [_fn(code, "科目", total=str(value), basic=str(value), project="0")
            for code, value in sorted(levels.items())]
    total = sum(items.values(), Decimal(0))
    return ExpenditureTable(lines=[_fn(None, "合计", total=str(total), basic=str(total), project="0"), *rows])


def _revenue_of(items: dict[str, Decimal]) -> RevenueTable:
    table = _coded_table(items)
    return RevenueTable(lines=[RevenueLine(code=line.code, name=line.name,
                                           amounts=SourceAmounts(total=line.amounts.total))
                               for line in table.lines])


@settings(max_examples=40, deadline=None)
@given(items=_items, data=st.data())
def test_one_wrong_item_is_reported_once_at_that_item(items: dict[str, Decimal], data: st.DataObject) -> None:
    wrong = data.draw(st.sampled_from(sorted(items)))
    delta = data.draw(st.integers(min_value=2, max_value=10**5).map(lambda n: Decimal(n).scaleb(-2)))
    changed = {**items, wrong: items[wrong] + delta}  # the table stays consistent within itself
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(
        revenue=_revenue_of(items), expenditure=_coded_table(changed)))
    found = validate(doc, rules=["XTAB-003"]).findings
    assert [(f.severity, f.locations[0].code, present(f.actual) - present(f.expected)) for f in found] == [
        (Severity.ERROR, wrong, -delta)]


@settings(max_examples=40, deadline=None)
@given(items=_items)
def test_tables_printing_the_same_items_agree(items: dict[str, Decimal]) -> None:
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024, tables=Tables(
        revenue=_revenue_of(items), expenditure=_coded_table(items)))
    assert validate(doc, rules=["XTAB-003"]).findings == ()


# --- the Jiangsu and Shanghai templates ---------------------------------------------------------------


def test_revenue_listed_by_source_is_compared_source_by_source() -> None:
    # 收入预算总表 lists 其他资金 小计 5.00 under 收入总计; the summary prints 三、其他资金 5.00.
    assert run(jiangsu(), "XTAB-001") == []
    (found,) = run(bump(jiangsu(), "revenue", "其他资金", "amount", "1.00"), "XTAB-001")
    assert (found.actual, found.expected) == (Decimal("5.00"), Decimal("6.00"))
    assert "收入总体情况表“其他资金”为 6.00" in found.message


def test_revenue_listed_by_source_counts_the_budgets_of_the_fiscal_money() -> None:
    # 财政拨款 of the summary = 一般公共预算资金 + 政府性基金 of the list (国有资本经营 not listed: nothing).
    doc = bump(jiangsu(), "revenue", "政府性基金", "amount", "2.00")
    found = run(doc, "XTAB-001")
    # 财政拨款 2.00 short because 政府性基金 is: one problem, one finding naming both.
    assert [(f.actual, f.expected) for f in found] == [(Decimal("100.00"), Decimal("102.00"))]
    assert {"fiscal", "gov_fund"} <= {place.column for place in found[0].locations}


def test_revenue_listed_by_source_totals_the_expenditure_table_and_the_budget_tables() -> None:
    assert run(jiangsu(), "XTAB-003") == [] and run(jiangsu(), "XTAB-006") == []
    (found,) = run(bump(jiangsu(), "expenditure", "", "total", "1.00"), "XTAB-003")
    assert (found.actual, found.expected) == (Decimal("105.00"), Decimal("106.00"))
    (found,) = run(bump(jiangsu(), "revenue", "一般公共预算资金", "amount", "-1.00"), "XTAB-006")
    assert (found.actual, found.expected) == (Decimal("99.00"), Decimal("100.00"))


def _gov_fund_money(doc: BudgetDisclosure) -> BudgetDisclosure:
    """The Jiangsu document with 3.00 of 政府性基金 spent in 2040402 (basic spending)."""
    fund = ExpenditureTable(lines=[_fn(None, "合计", total="3.00"), _fn("2040402", "一般行政管理事务", total="3.00")])
    doc = bump(doc, "fiscal_expenditure", "2040402", "total", "3.00")
    for code in ("合计", "204", "20404"):
        doc = bump(doc, "fiscal_expenditure", code, "total", "3.00")
    doc = bump(bump(doc, "fiscal_summary", "政府性基金预算", "amount", "3.00"), "fiscal_summary", "收入合计",
               "amount", "3.00")
    return attrs.evolve(doc, tables=attrs.evolve(doc.tables, gov_fund=fund))


def test_fiscal_expenditure_is_the_budgets_together() -> None:
    doc = _gov_fund_money(jiangsu())
    found = run(doc, "XTAB-016")  # its total 103.00 against 财政拨款收支总表 支出合计 100.00
    assert [(f.locations[0].code, f.actual, f.expected) for f in found] == [
        (None, Decimal("103.00"), Decimal("100.00"))]
    doc = bump(bump(doc, "fiscal_summary", "基本支出", "total", "3.00"), "fiscal_summary", "支出合计", "total",
               "3.00")
    assert run(doc, "XTAB-016") == []
    (found,) = run(bump(doc, "gov_fund", "2040402", "total", "1.00"), "XTAB-016")
    assert found.locations[0].code == "2040402" and found.severity is Severity.ERROR


def test_without_a_budget_table_its_money_only_bounds_the_fiscal_table() -> None:
    doc = without(_gov_fund_money(jiangsu()), "gov_fund")
    doc = bump(bump(doc, "fiscal_summary", "基本支出", "total", "3.00"), "fiscal_summary", "支出合计", "total",
               "3.00")
    assert run(doc, "XTAB-016") == []  # 一般公共预算 alone is at most the 财政拨款
    (found,) = run(bump(doc, "general_budget", "2080505", "total", "1.00"), "XTAB-016")
    assert "部分不能大于整体" in found.message


def test_general_basic_is_part_of_fiscal_basic_where_other_budgets_have_money() -> None:
    doc = bump(jiangsu(), "fiscal_summary", "政府性基金预算", "amount", "3.00")
    doc = bump(bump(doc, "fiscal_basic", "30201", "total", "3.00"), "fiscal_basic", "302", "total", "3.00")
    doc = bump(bump(doc, "fiscal_basic", "合计", "total", "3.00"), "fiscal_summary", "基本支出", "total", "3.00")
    assert run(doc, "XTAB-017") == []
    (found,) = run(bump(doc, "general_budget_basic", "30101", "total", "1.00"), "XTAB-017")
    assert found.locations[0].code == "30101" and "部分不能大于整体" in found.message


def test_fiscal_basic_total_is_the_fiscal_summary_basic_line() -> None:
    (found,) = run(bump(jiangsu(), "fiscal_summary", "基本支出", "total", "1.00"), "XTAB-017")
    assert (found.locations[1].table, found.expected) == ("fiscal_summary", Decimal("61.00"))


def test_fiscal_uses_are_at_most_all_money_where_there_is_money_besides() -> None:
    # 财政拨款 基本支出 60.00 beside 65.00 of all money (5.00 其他资金): no finding; 66.00 is too much.
    found = run(bump(jiangsu(), "fiscal_summary", "基本支出", "total", "6.00"), "XTAB-018")
    assert [(f.severity, f.actual) for f in found] == [(Severity.ERROR, Decimal("66.00"))]
    assert "部分不能大于整体" in found[0].message


def test_summary_split_into_personnel_public_and_projects_is_the_expenditure_table() -> None:
    doc = shanghai_unit()
    lines = [attrs.evolve(line, amounts=attrs.evolve(present(line.amounts), personnel=Decimal(25)))
             if line.name == "卫生健康支出" else line for line in present(doc.tables.summary).expenditure]
    doc = _summary_lines(doc, "expenditure", lines)
    found = run(doc, "XTAB-018")
    assert [(f.locations[0].code, f.actual, f.expected) for f in found] == [("210", Decimal("25"), Decimal("20"))]


def test_meetings_and_training_are_at_least_their_basic_lines() -> None:
    assert run(jiangsu(), "XTAB-011") == []
    (found,) = run(bump(jiangsu(), "general_budget_basic", "30215", "total", "1.00"), "XTAB-011")
    assert found.severity is Severity.WARNING and found.locations[1].column == "meetings"
    (found,) = run(bump(jiangsu(), "three_public", "training", "total", "-0.50"), "XTAB-011")
    assert found.locations[0].code == "30216"


def test_three_public_of_unknown_scope_is_still_at_least_the_basic_line() -> None:
    doc = jiangsu()
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, three_public=attrs.evolve(
        present(doc.tables.three_public), title="“三公”经费、会议费、培训费支出预算表")))
    assert run(doc, "XTAB-011") == []
    (found,) = run(bump(doc, "three_public", "reception", "total", "-0.50"), "XTAB-011")
    assert found.severity is Severity.WARNING and found.locations[0].code == "30217"


def test_a_lone_uncoded_row_is_its_tables_total() -> None:
    # 支出预算总表 prints one row without a name: it is the total other tables are held against.
    view = table_view_of(jiangsu(), "expenditure", "basic")
    assert view is not None and view.value == Decimal("65.00")


def table_view_of(doc: BudgetDisclosure, key: str, column: str) -> Figure | None:
    from cnbudget.validation.context import Context
    from cnbudget.validation.rules.cross_table_views import Column, table_view

    ctx = Context(doc=doc, catalog=None, rule=RULES["XTAB-003"])
    return table_view(ctx, key, Column.of(column, column)).total()


def test_without_a_basic_line_in_the_fiscal_summary_fiscal_basic_is_part_of_all_basic_spending() -> None:
    doc = jiangsu()
    fiscal = present(doc.tables.fiscal_summary)
    lines = [line for line in fiscal.expenditure if line.name != "基本支出"]
    doc = attrs.evolve(doc, tables=attrs.evolve(doc.tables, fiscal_summary=attrs.evolve(fiscal, expenditure=lines)))
    assert run(doc, "XTAB-017") == []  # 60.00 of 65.00 (5.00 of 其他资金)
    doc = bump(bump(bump(doc, "fiscal_basic", "合计", "total", "6.00"), "fiscal_basic", "301", "total", "6.00"),
               "fiscal_basic", "30101", "total", "6.00")
    found = run(doc, "XTAB-017")
    assert [(f.actual, f.expected) for f in found if f.locations[1].table == "expenditure"] == [
        (Decimal("66.00"), Decimal("65.00"))]


_BASIC_PARTS = ("basic", "personnel", "public", "personnel_salaries", "personnel_family", "public_goods_services",
                "public_capital")


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.one_of(st.none(), st.fixed_dictionaries(
    {}, optional={field: _cents for field in _BASIC_PARTS})), max_size=8))
def test_a_column_read_off_many_records_at_once_is_read_as_record_by_record(
        rows: list[dict[str, Decimal] | None]) -> None:
    # The column of XTAB-007: 基本支出, else 人员经费 + 公用经费, else their four parts.
    column = Column.of("basic", "基本支出", ("personnel", "public"),
                       ("personnel_salaries", "personnel_family", "public_goods_services", "public_capital"))
    records = [None if row is None else ExpenditureAmounts(total="1", **{k: str(v) for k, v in row.items()})
               for row in rows]
    assert column.get_all(records) == [column.get(record) for record in records]
