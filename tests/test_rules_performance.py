"""Performance-target rules (PERF): for each rule a passing, a failing, a rounding (or note-level)
and an absent-input fixture, the kinds of inconsistency found in the seed documents, and the seeds."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnbudget.validation.rules.performance as perf
from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BudgetDisclosure,
    DepartmentFunds,
    DepartmentTarget,
    EconomicCategoryAmounts,
    FundsSubtotal,
    Indicator,
    PerformanceTargets,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    ProjectFunds,
    ProjectLine,
    ProjectTable,
    ProjectTarget,
    ProjectType,
    SourceAmounts,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
)
from cnbudget.money import AmountUnit
from cnbudget.readers.performance.read import read_performance
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, find_blocks
from cnbudget.readers.text.source import split_lines
from cnbudget.validation import Finding, Severity, validate
from cnbudget.validation.context import Context
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.performance_framework import Pairing, pairing, standard_level1
from cnbudget.validation.rules.performance_projects import loose_key, nearest
from cnbudget.validation.rules.performance_words import is_bounded_share, is_positive_rate, name_unit, normalized
from tests.seeds import seed_text

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _ind(name: str = "宣传次数", target: str = ">=3 次", *, level1: str = "产出指标", level2: str | None = "数量指标",
         weight: str | None = "10", **more: Any) -> Indicator:
    return Indicator(level1=level1, level2=level2, name=name, target=target, weight=weight, **more)


# A well-formed target: framework levels, weights totalling 90, a cost within the funds.
GOOD = (
    _ind("宣传次数", ">=3 次", weight="20"),
    _ind("覆盖率", "=100%", level2="质量指标", weight="20"),
    _ind("宣传经费", "<=10 万元", level1="成本指标", level2="经济成本指标", weight="10"),
    _ind("知晓率提升", "有效提升", level1="效益指标", level2="社会效益指标", weight="30",
         scoring_rule="按评判等级赋分"),
    _ind("群众满意度", ">=90%", level1="满意度指标", level2="服务对象满意度指标", weight="10"),
)


def _project(*indicators: Indicator, project: str = "宣传经费", agency: str | None = "某局", total: str = "10.00",
             fiscal: str | None = "10.00", other: str | None = "0.00", **more: Any) -> ProjectTarget:
    funds = ProjectFunds(total=total, fiscal=fiscal, other=other, **more.pop("funds", {}))
    return ProjectTarget(agency=agency, project=project, funds=funds, indicators=indicators or GOOD, **more)


def _doc(*projects: ProjectTarget, department: DepartmentTarget | None = None,
         subtotals: tuple[FundsSubtotal, ...] = (), tables: Tables | None = None, year: int = 2024,
         performance: bool = True) -> BudgetDisclosure:
    targets = PerformanceTargets(department=department, projects=projects, subtotals=subtotals)
    return BudgetDisclosure(department="某局", fiscal_year=year, performance=targets if performance else None,
                            tables=tables or Tables())


def _found(doc: BudgetDisclosure, rule: str) -> list[Finding]:
    report = validate(doc, rules=[rule])
    assert rule in report.rules_run
    return list(report.findings)


def _severities(doc: BudgetDisclosure, rule: str) -> list[Severity]:
    return [f.severity for f in _found(doc, rule)]


def _skipped(doc: BudgetDisclosure, rule: str) -> bool:
    return rule in validate(doc, rules=[rule]).rules_skipped


RULE_IDS = [f"PERF-{n:03d}" for n in range(1, 19)]


def test_every_rule_is_registered_with_a_docstring() -> None:
    report = validate(_doc(_project()), rules=["PERF"])
    assert sorted(report.rules_run + report.rules_skipped) == RULE_IDS


@pytest.mark.parametrize("rule", RULE_IDS)
def test_no_performance_targets_means_the_rule_does_not_run(rule: str) -> None:
    assert _skipped(_doc(performance=False), rule)


@pytest.mark.parametrize("rule", [r for r in RULE_IDS if r not in ("PERF-012", "PERF-013", "PERF-014")])
def test_a_well_formed_target_gives_nothing(rule: str) -> None:
    assert _found(_doc(_project()), rule) == []


# --- PERF-001 level pairing ---------------------------------------------------------------------------


def test_framework_pairing() -> None:
    assert pairing("产出指标", "时效指标") is Pairing.STANDARD
    assert pairing("产出指标", "成本指标") is Pairing.STANDARD  # some editions put 成本 under 产出
    assert pairing("成本 指标", "生态环境成本指标") is Pairing.STANDARD
    assert pairing("效益指标", "可持续影响指标") is Pairing.STANDARD
    assert pairing("满意度指标", "服务对象满意度指标") is Pairing.STANDARD
    assert pairing("效益指标", "服务对象满意度指标") is Pairing.STANDARD  # earlier editions
    assert pairing("效益指标", "数量指标") is Pairing.OTHER_LEVEL1
    assert pairing("效益指标", "满意度") is Pairing.LOCAL_LEVEL2
    assert pairing("满意度指标", "满意度指标") is Pairing.REPEATS_LEVEL1
    assert pairing("投入管理指标", "预算和财务管理") is Pairing.LOCAL_LEVEL1


def test_level2_under_the_wrong_level1_is_a_warning() -> None:
    wrong = _ind("宣传次数", ">=3 次", level1="效益指标", level2="数量指标", weight="20")
    found = _found(_doc(_project(wrong, *GOOD[1:])), "PERF-001")
    assert [f.severity for f in found] == [WARNING]
    assert "“数量指标”在国家指标体系中属于“产出指标”" in found[0].message
    assert found[0].locations[0].project == "宣传经费"


def test_local_schemes_are_notes_once_per_pair() -> None:
    # As in seeds 001/002/004: 满意度指标 repeated as 二级; seed 003: 投入管理指标 and 效益指标/满意度.
    repeated = [_ind(f"满意度{i}", ">=90%", level1="满意度指标", level2="满意度指标") for i in range(2)]
    local = [_ind(f"任务{i}", "科学", level1="投入管理指标", level2=f"管理{i}") for i in range(3)]
    department = DepartmentTarget(department="某局", indicators=[
        *local, _ind("社会效益", "明显", level1="效益指标", level2="履职效益")])
    doc = _doc(_project(*GOOD[:4], *repeated), department=department)
    found = _found(doc, "PERF-001")
    assert [f.severity for f in found] == [INFO, INFO, INFO]
    assert sum("投入管理指标" in f.message for f in found) == 1
    assert sum("与一级指标同名" in f.message for f in found) == 1
    assert "履职效益" in found[1].message


def test_missing_output_or_benefit_is_a_note_unless_the_scheme_is_local() -> None:
    only_output = _project(*GOOD[:2])
    found = _found(_doc(only_output), "PERF-001")
    assert [f.severity for f in found] == [INFO] and "没有效益指标" in found[0].message
    local = _project(_ind("推行保险", "=1 项", level1="履职效能", level2="数量指标"))
    assert ["履职效能" in f.message for f in _found(_doc(local), "PERF-001")] == [True]


_LEVELS = st.sampled_from([("产出指标", "数量指标"), ("产出指标", "社会效益指标"), ("效益指标", "数量指标"),
                           ("效益指标", None), ("履职效能", "数量指标"), ("履职效能", "管理"), ("产出指标", None),
                           ("满意度指标", "满意度指标"), ("满意度 指标", "满意度指标"), ("效益指标", "满意度")])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_LEVELS, min_size=1, max_size=6), min_size=1, max_size=3))
def test_pairs_judged_once_per_run_are_judged_as_each_indicator_alone(
        forms: list[list[tuple[str, str | None]]]) -> None:
    projects = [_project(*(_ind(f"指标{i}", level1=level1, level2=level2) for i, (level1, level2) in enumerate(form)),
                         project=f"项目{n}") for n, form in enumerate(forms)]
    expected: list[str] = []
    for target in projects:
        seen: set[tuple[str, str]] = set()
        for indicator in target.indicators:
            level1, level2 = indicator.level1, indicator.level2
            kind = (pairing(level1, level2) if level2 else
                    Pairing.LOCAL_LEVEL1 if standard_level1(level1) is None else None)
            if kind is None or kind is Pairing.STANDARD:
                continue
            pair = (normalized(level1), "" if kind is Pairing.LOCAL_LEVEL1 else normalized(level2 or ""))
            if pair not in seen:
                seen.add(pair)
                expected.append(perf._pairing_message(target, indicator, kind)[0])
    ctx = Context(doc=_doc(*projects), catalog=None, rule=RULES["PERF-001"])  # the rule's own findings, in order
    found = [f.message for f in perf.level_pairing(ctx) if "项目绩效目标应包含" not in f.message]
    assert found == expected


def test_henan_summary_without_level2_is_not_judged_on_level2() -> None:
    rows = [_ind("手续费", ">=200 笔", level2=None), _ind("提升效率", "明显", level1="效益指标", level2=None)]
    assert _found(_doc(_project(*rows)), "PERF-001") == []


# --- PERF-002 weights ---------------------------------------------------------------------------------


def _weighted(*weights: str | None, worded: str | None = None) -> ProjectTarget:
    return _project(*[_ind(f"指标{i}", ">=1 次", weight=w, weight_text=worded if w is None else None)
                      for i, w in enumerate(weights)])


@pytest.mark.parametrize("weights", [("50", "50"), ("45", "45"), ("60", "20", "10", "10")])
def test_weights_totalling_an_accepted_convention_pass(weights: tuple[str, ...]) -> None:
    assert _found(_doc(_weighted(*weights)), "PERF-002") == []


def test_weights_off_the_convention_are_an_error_with_the_nearest_total() -> None:
    found = _found(_doc(_weighted("50", "42")), "PERF-002")
    assert [f.severity for f in found] == [ERROR]
    assert (found[0].expected, found[0].actual) == (Decimal(90), Decimal(92))
    assert "分值权重合计 92" in found[0].message
    # Halfway between two conventions, the standard 100 is named.
    assert _found(_doc(_weighted("50", "45")), "PERF-002")[0].expected == Decimal(100)


def test_weights_with_decimals_are_rounding_within_their_printed_precision() -> None:
    # 33.33 × 3 = 99.99: each stands for [33.325, 33.335], so 100 is within reach.
    assert _severities(_doc(_weighted("33.33", "33.33", "33.33")), "PERF-002") == [INFO]
    # Whole-number weights are exact: 99 is not "rounding" of 100.
    assert _severities(_doc(_weighted("33", "33", "33")), "PERF-002") == [ERROR]
    # Two decimals each, three weights: at most 0.015 away.
    assert _severities(_doc(_weighted("33.30", "33.30", "33.30")), "PERF-002") == [ERROR]


def test_mixed_conventions_and_worded_or_missing_weights() -> None:
    doc = _doc(_weighted("50", "50"), _weighted("45", "45"))
    assert _severities(doc, "PERF-002") == [INFO]
    # Seed 001's department form prints 履职效能 in the weight column.
    worded = _found(_doc(_weighted(None, None, worded="履职效能")), "PERF-002")
    assert [f.severity for f in worded] == [INFO] and "履职效能" in worded[0].message
    assert _severities(_doc(_weighted("50", None, "40")), "PERF-002") == [WARNING]


def test_accepted_totals_are_a_module_constant_tools_can_change(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _doc(_weighted("45", "45"))
    monkeypatch.setattr(perf, "ACCEPTED_WEIGHT_TOTALS", (Decimal(100),))
    assert _severities(doc, "PERF-002") == [ERROR]
    monkeypatch.setattr(perf, "ACCEPTED_WEIGHT_TOTALS", (Decimal(80), Decimal(90)))
    assert _found(doc, "PERF-002") == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=8), st.integers(-3, 3))
def test_whole_number_weights_pass_exactly_when_they_total_an_accepted_value(parts: list[int], shift: int) -> None:
    weights = [*parts, 100 - sum(parts) + shift] if sum(parts) < 100 else parts
    found = _found(_doc(_weighted(*[str(w) for w in weights])), "PERF-002")
    assert (found == []) == (sum(weights) in (90, 100))


# --- PERF-003 comparator sense -------------------------------------------------------------------------


@pytest.mark.parametrize("name, target", [
    ("补助发放到位率(%)", "<=95%"), ("资金使用合格率(%)", "≤100%"), ("医保网络覆盖率(%)", "<=100%"),
    ("工作人员满意度(%)", "<=95%"), ("资金拨付及时率", "<90%"), ("政策知晓率(%)", "<=95%"),
])
def test_a_rate_that_should_be_high_targeted_with_a_ceiling_is_a_warning(name: str, target: str) -> None:
    found = _found(_doc(_project(_ind(name, target, level2="质量指标"))), "PERF-003")
    assert [f.severity for f in found] == [WARNING]
    assert name in found[0].message and "下限" in found[0].message


@pytest.mark.parametrize("name, target", [
    ("预算调整率", "≤10%"), ("结转结余率", "≤10%"), ("“三公经费”控制率", "≤100%"), ("检查人员被投诉次数", "<=1 次"),
    ("个人自付比例", "<=30%"), ("接种人次", "≤ 5 万人"), ("资金拨付及时率", ">=90%"), ("某某率", "<=5%"),
])
def test_ceilings_on_rates_that_should_be_low_or_unclear_are_left_alone(name: str, target: str) -> None:
    assert _found(_doc(_project(_ind(name, target))), "PERF-003") == []


def test_words_of_direction() -> None:
    assert is_positive_rate("设备到货验收合格率(%)") and not is_positive_rate("不合格率")
    assert is_bounded_share("结转结余率") and not is_bounded_share("医疗费用增长率")
    assert name_unit("保障城乡居民参加医疗保险数(人)") == "人"


# --- PERF-004 range ------------------------------------------------------------------------------------


def test_share_above_100_or_below_0_is_an_error() -> None:
    found = _found(_doc(_project(_ind("群众满意度", ">=105%"), _ind("覆盖率", "=-1%"))), "PERF-004")
    assert [f.severity for f in found] == [ERROR, ERROR]
    assert found[0].actual == Decimal(105)
    prior = _found(_doc(_project(_ind("资金拨付及时率", "=100%", prior_actual="120%"))), "PERF-004")
    assert [f.locations[0].column for f in prior] == ["prior_actual"]


def test_share_that_may_exceed_100_against_another_base_is_a_warning() -> None:
    # 参保率 against 常住人口 can exceed 100%; a coverage rate cannot.
    assert _severities(_doc(_project(_ind("以常住人口计算的参保率", ">=101%"))), "PERF-004") == [WARNING]
    assert _severities(_doc(_project(_ind("覆盖率", ">100%"))), "PERF-004") == [ERROR]
    assert _severities(_doc(_project(_ind("覆盖率", ">=100%"))), "PERF-004") == []
    assert _severities(_doc(_project(_ind("任务完成率", ">=110%"))), "PERF-004") == [WARNING]  # 超额完成


@pytest.mark.parametrize("name, target", [
    ("医疗费用增长率", ">=120%"), ("覆盖率", "<=120%"), ("宣传次数", ">=120 次"), ("某项目完成比", "=150%"),
])
def test_growth_rates_ceilings_and_counts_are_left_alone(name: str, target: str) -> None:
    assert _found(_doc(_project(_ind(name, target))), "PERF-004") == []


# --- PERF-005 units ------------------------------------------------------------------------------------


@pytest.mark.parametrize("target, prior", [("=1 人", "1 次"), ("=204000 人", "201605 个"),
                                           ("> =4500 0 人次", "=5.4 万人")])
def test_target_and_prior_actual_in_different_units_is_a_warning(target: str, prior: str) -> None:
    # All three are in the seeds (002, 002, 001).
    found = _found(_doc(_project(_ind("人数", target, prior_actual=prior))), "PERF-005")
    assert [f.severity for f in found] == [WARNING]
    assert "计量单位不同" in found[0].message


def test_units_differing_only_in_scale_or_missing_on_one_side_are_notes() -> None:
    found = _found(_doc(_project(_ind("参保人数", ">=100.47 万人", prior_actual="1009000 人"),
                                 _ind("覆盖率", ">=95%", prior_actual="95"))), "PERF-005")
    assert [f.severity for f in found] == [INFO, INFO]
    same = _project(_ind("参保人数", ">=100.47 万人", prior_actual="=100.9 万人"),
                    _ind("补助成本(万元)", "3万元", level1="成本指标", level2="经济成本指标", prior_actual="0"),
                    _ind("时效(月)", "=12 个月", prior_actual="12 个月"),
                    _ind("个人人均缴费标准(元)", ">=380 元/人", prior_actual="=380 元/人"))
    assert _found(_doc(same), "PERF-005") == []


def test_unit_in_the_name_against_the_target() -> None:
    found = _found(_doc(_project(_ind("志愿者人数(人)", "=1 个"), _ind("补助(社保股)", "=1 次"))), "PERF-005")
    assert [f.severity for f in found] == [WARNING]
    assert "“人”" in found[0].message


def test_a_count_that_is_not_a_whole_number_is_a_warning() -> None:
    # Seed 004: 城乡居民基本医疗保险参保人数 ≥9.54 人 (the goal says 9.54 万人).
    found = _found(_doc(_project(_ind("参保人数", "≥9.54 人"), _ind("参保人数2", "≥9.54 万人"))), "PERF-005")
    assert [f.severity for f in found] == [WARNING]
    assert found[0].actual == Decimal("9.54")
    average = _project(_ind("人均就诊次数", ">=1.5 次"), _ind("户均补助人数", "=2.5 人"))
    assert _found(_doc(average), "PERF-005") == []


# --- PERF-006 deadlines --------------------------------------------------------------------------------


def test_deadline_outside_the_budget_year_is_a_warning() -> None:
    # Seed 001, budget year 2024: 完成各类监督检查任务时间 2025 年 11 月 30 日前.
    found = _found(_doc(_project(_ind("完成时间", "2025 年 11 月 30 日前", level2="时效指标"))), "PERF-006")
    assert [f.severity for f in found] == [WARNING]
    assert "2024" in found[0].message
    assert _severities(_doc(_project(_ind("完成时间", "2023年12月31日前"))), "PERF-006") == [WARNING]


@pytest.mark.parametrize("target", ["2024年12月31日前", "2024年12月31日", "12月", "2025年1月1日前", "2025年1月前"])
def test_deadlines_within_the_year_pass(target: str) -> None:
    assert _found(_doc(_project(_ind("完成时间", target))), "PERF-006") == []


def test_first_day_of_the_next_year_only_as_a_limit() -> None:
    assert _severities(_doc(_project(_ind("完成时间", "2025年1月1日"))), "PERF-006") == [WARNING]


# --- PERF-007 duplicates -------------------------------------------------------------------------------


def test_an_indicator_name_twice_is_a_warning() -> None:
    # Seed 002: a cost indicator named after the benefit indicator, with (万元) added.
    cost = _ind("推进医疗事业可持续发展(万元)", "=0.9万元", level1="成本指标", level2="经济成本指标")
    benefit = _ind("推进医疗事业可持续发展", "提升", level1="效益指标", level2="生态效益指标")
    found = _found(_doc(_project(cost, benefit)), "PERF-007")
    assert [f.severity for f in found] == [WARNING] and "出现 2 次" in found[0].message
    exact = _found(_doc(_project(GOOD[0], GOOD[0])), "PERF-007")
    assert "重复列出" in exact[0].message


def test_a_project_form_twice_is_a_warning_but_one_name_in_two_agencies_is_not() -> None:
    assert _severities(_doc(_project(), _project()), "PERF-007") == [WARNING]
    assert _found(_doc(_project(agency="甲局"), _project(agency="乙中心")), "PERF-007") == []


# --- PERF-008 scoring rule ------------------------------------------------------------------------------


def test_proportional_scoring_of_wording_is_a_warning() -> None:
    # Seed 002: 公共服务水平提升情况 / 提升 / 按照正常比例赋分.
    words = _ind("公共服务水平提升情况", "提升", level1="效益指标", level2="社会效益指标",
                 scoring_rule="按照正常比例赋分")
    date = _ind("完成时间", "2024年5月前", scoring_rule="按照完成比例赋分")
    assert _severities(_doc(_project(words, date)), "PERF-008") == [WARNING, WARNING]
    fine = _ind("公共服务水平提升情况", "提升", scoring_rule="按评判等级赋分")
    assert _found(_doc(_project(fine, _ind(scoring_rule="按照正常比例赋分"))), "PERF-008") == []


# --- PERF-009 funds ------------------------------------------------------------------------------------


def test_project_funds_must_add_up() -> None:
    assert _severities(_doc(_project(total="10.00", fiscal="9.00", other="0.50")), "PERF-009") == [ERROR]
    found = _found(_doc(_project(total="10.0", fiscal="6.97", other="3.04")), "PERF-009")
    assert [f.severity for f in found] == [INFO]  # 10.01 is within 10.0's ±0.05
    assert _found(_doc(_project(total="10.00", fiscal="10.00", other=None)), "PERF-009") == []


def test_henan_and_department_funds_must_add_up() -> None:
    henan = _project(total="6.0", fiscal=None, other=None,
                     funds={"gov_budget": "5.0", "special_account": "0", "agency_funds": "0"})
    department = DepartmentTarget(department="某局", funds=DepartmentFunds(
        total="3166.28", superior="237.97", own="2022.69", other="905.62", basic="1804.60", project="1361.68"))
    subtotal = FundsSubtotal(agency_code="304", funds=ProjectFunds(total="6.0", gov_budget="6.0",
                                                                   special_account="0", agency_funds="0"))
    found = _found(_doc(henan, department=department, subtotals=(subtotal,)), "PERF-009")
    assert [(f.severity, f.locations[0].column) for f in found] == [(ERROR, "total")]
    broken = DepartmentTarget(funds=DepartmentFunds(total="3166.28", superior="237.97", own="2022.69", other="900"))
    assert _severities(_doc(department=broken), "PERF-009") == [ERROR]


def _shanghai(year: tuple[str, str, str, str], whole: tuple[str, str, str]) -> ProjectTarget:
    """A Shanghai form's funds: 年度资金申请总额, 当年财政拨款, 上年结转资金, 其他资金 | 项目资金总额,
    财政资金, 其他资金."""
    total, fiscal, carryover, other = year
    project_total, project_fiscal, project_other = whole
    return _project(total=total, fiscal=fiscal, other=other, funds={
        "carryover": carryover, "project_total": project_total, "project_fiscal": project_fiscal,
        "project_other": project_other})


def test_shanghai_funds_add_up_year_and_whole_life() -> None:
    # A project over several years: 100 of 300 this year, 20 of it carried over from last year.
    good = _shanghai(("100.00", "70.00", "20.00", "10.00"), ("300.00", "260.00", "40.00"))
    assert _found(_doc(good), "PERF-009") == []
    # 上年结转资金 is a part of the year's funds where printed: without it 100 ≠ 70 + 10.
    year = _found(_doc(_shanghai(("100.00", "70.00", "0.00", "10.00"), ("300.00", "260.00", "40.00"))), "PERF-009")
    assert [(f.severity, f.locations[0].column) for f in year] == [(ERROR, "total")]
    assert "年度预算总额 = 财政拨款 + 上年结转资金 + 其他资金不成立" in year[0].message
    whole = _found(_doc(_shanghai(("100.00", "70.00", "20.00", "10.00"), ("300.00", "250.00", "40.00"))), "PERF-009")
    assert [(f.severity, f.locations[0].column) for f in whole] == [(ERROR, "project_total")]
    assert "项目资金总额 = 项目资金总额：财政资金 + 项目资金总额：其他资金" in whole[0].message


def test_a_part_larger_than_its_whole_is_one_finding() -> None:
    # sh-putuo-wanli-2023: 当年财政拨款 11,419,043.00 where every whole is 10,903,043.00.
    target = _shanghai(("10903043.00", "11419043.00", "0.00", "0.00"), ("10903043.00", "10903043.00", "0.00"))
    found = _found(_doc(target), "PERF-009")
    assert [(f.severity, f.locations[0].column) for f in found] == [(ERROR, "fiscal")]
    assert (found[0].expected, found[0].actual) == (Decimal("10903043.00"), Decimal("11419043.00"))
    assert found[0].message == (
        "项目支出绩效目标表「宣传经费」（某局）：财政拨款 11,419,043.00 大于年度预算总额 10,903,043.00、"
        "项目资金总额：财政资金 10,903,043.00、项目资金总额 10,903,043.00，部分不能大于整体；"
        "年度预算总额 = 财政拨款 + 上年结转资金 + 其他资金也因此不成立（印为 10,903,043.00，应为 11,419,043.00）")
    # The year's funds larger than the whole life's, with every identity holding.
    longer = _found(_doc(_shanghai(("120.00", "100.00", "0.00", "20.00"), ("100.00", "80.00", "20.00"))),
                    "PERF-009")
    # 年度预算总额 20.00 over 项目资金总额 and 财政拨款 20.00 over its whole-life part: one problem, one finding.
    assert [([place.column for place in f.locations], f.actual) for f in longer] == [
        (["total", "fiscal"], Decimal("120.00"))]
    # Within rounding a part is not larger than its whole; a seed-style form has no whole-life funds.
    assert _found(_doc(_shanghai(("10.40", "10.40", "0.00", "0.00"), ("10", "10", "0"))), "PERF-009") == []
    assert [f.locations[0].column for f in _found(_doc(_project(total="10.00", fiscal="11.00", other="0.00")),
                                                  "PERF-009")] == ["fiscal"]


def test_a_negative_part_does_not_bound_the_others() -> None:
    # 其他资金 printed negative (a return of funds): 财政拨款 above the total is then arithmetic.
    found = _found(_doc(_project(total="10.00", fiscal="12.00", other="-2.00")), "PERF-009")
    assert found == []


# --- PERF-010 Henan subtotals --------------------------------------------------------------------------


def _henan(name: str, total: str, agency: str = "延津县医疗保障局") -> ProjectTarget:
    return _project(project=name, agency=agency, total=total, fiscal=None, other=None,
                    funds={"gov_budget": total, "special_account": "0", "agency_funds": "0"})


def _subtotal(total: str, agency: str | None, code: str) -> FundsSubtotal:
    return FundsSubtotal(agency_code=code, agency=agency,
                         funds=ProjectFunds(total=total, gov_budget=total, special_account="0", agency_funds="0"))


def test_subtotals_are_the_sums_of_their_projects() -> None:
    projects = (_henan("甲", "6.0"), _henan("乙", "12.0"), _henan("丙", "8.4"))
    good = (_subtotal("26.4", None, "304"), _subtotal("26.4", "延津县医疗保障局", "304001"))
    assert _found(_doc(*projects, subtotals=good), "PERF-010") == []
    bad = (_subtotal("27.4", None, "304"),)
    found = _found(_doc(*projects, subtotals=bad), "PERF-010")
    # 资金总额 and 政府预算资金 print the same 27.4: one problem, one finding naming both columns.
    assert [(f.severity, [loc.column for loc in f.locations]) for f in found] == [(ERROR, ["total", "gov_budget"])]
    assert found[0].expected == Decimal("26.4")


def test_subtotal_rounding_and_unit_without_projects() -> None:
    projects = (_henan("甲", "6.04"), _henan("乙", "12.04"))
    # 6.04 + 12.04 = 18.08, printed to one decimal as 18.1.
    assert _severities(_doc(*projects, subtotals=(_subtotal("18.1", None, "304"),)), "PERF-010") == [INFO]
    assert _severities(_doc(*projects, subtotals=(_subtotal("18.0", None, "304"),)), "PERF-010") == [ERROR]
    other_unit = (_subtotal("99.0", "另一单位", "304002"),)
    assert _found(_doc(*projects, subtotals=other_unit), "PERF-010") == []


# --- PERF-011 costs against funds ----------------------------------------------------------------------


def _cost(target: str, name: str = "项目成本") -> Indicator:
    return _ind(name, target, level1="成本指标", level2="经济成本指标")


def test_costs_beyond_the_funds_are_a_warning() -> None:
    found = _found(_doc(_project(_cost("=7.5 万元"), _cost("=3.5 万元", "差旅"), total="10.00")), "PERF-011")
    assert [f.severity for f in found] == [WARNING]
    assert (found[0].expected, found[0].actual) == (Decimal("11.0"), Decimal("10.00"))
    assert _severities(_doc(_project(_cost(">=20 万元"), total="15.0")), "PERF-011") == [WARNING]
    # 1.2 亿元 is 12,000 万元, the document's unit.
    assert _found(_doc(_project(_cost("=1.2 亿元"), total="12000.00")), "PERF-011") == []
    over = _found(_doc(_project(_cost("=1.2 亿元"), total="10000.00")), "PERF-011")
    assert [f.severity for f in over] == [WARNING] and "合计 12,000 万元" in over[0].message


def test_costs_within_or_equal_to_the_funds_pass() -> None:
    # Seed 001: 2500 + 554.91 = 3054.91 万元 exactly; seed 002: 7.5 + 1.7 + 1 = 10.2.
    ceilings = _project(_cost("< =2500 万元"), _cost("< =554.91 万元", "资助"), total="3054.91")
    parts = _project(_cost("=7.5 万元"), _cost("=1.7 万元", "差旅"), _cost("=1 万元", "报刊"), total="10.2")
    floors = _project(_cost("≥20 万 元"), _cost("≥15 万 元", "维护"), total="40.0")
    whole = _project(_cost("=10 万元", "项目总成本"), _cost("=6 万元", "其中：培训费"),
                     _cost("=4 万元", "其中：印刷费"), total="10.00", project="培训")
    assert _found(_doc(ceilings, parts, floors, whole), "PERF-011") == []


def test_costs_in_yuan_within_rounding_of_the_funds_are_a_note() -> None:
    # Seed 003: 83616.92 元 against 8.4 万元; 405.64 万元 against 405.6.
    found = _found(_doc(_project(_cost("83616.92元"), total="8.4"), _project(_cost("405.64万元"), total="405.6",
                                                                             project="救助")), "PERF-011")
    assert [f.severity for f in found] == [INFO, INFO]
    assert found[0].expected == Decimal("8.361692")


def test_per_capita_standard_times_people() -> None:
    people = _ind("保障参保人数(人)", "=204000人")
    standard = _cost("=30元/人/年", "县级补助标准(元/人/年)")
    assert _found(_doc(_project(people, standard, total="612")), "PERF-011") == []  # seed 002, exact
    found = _found(_doc(_project(people, standard, total="621")), "PERF-011")
    assert [f.severity for f in found] == [WARNING]
    assert found[0].expected == Decimal("612")
    # Seed 004: ≤180 元/人 × 9.54 万人 = 1717.2 万元 against 1710: a bound, so a note.
    bound = _project(_ind("参保人数", "≥9.54 万人"), _cost("≤180 元/人", "县级财政补助"), total="1710")
    assert _severities(_doc(bound), "PERF-011") == [INFO]
    # 100.47 万人 × 30 元 = 3014.1 万元; 3014.0 is within the rounding of 100.47.
    rounded = _project(_ind("参保人数", "=100.47 万人"), _cost("=30 元/人", "标准"), total="3014.0")
    assert _severities(_doc(rounded), "PERF-011") == [INFO]


def test_several_per_capita_standards_are_not_multiplied() -> None:
    # Seed 001: 个人缴费 380 元/人 and 财政补助 670 元/人 do not say which one the funds pay.
    target = _project(_ind("参保人数", ">=100.47 万人"), _cost(">=380 元/人", "个人缴费"),
                      _cost(">=670 元/人", "财政补助"), total="53301.00")
    assert _found(_doc(target), "PERF-011") == []


def test_costs_are_held_against_funds_in_the_forms_own_unit() -> None:
    # A form in 元 in a document in 万元: 80,000 元 of costs within 100,000.00 元 of funds.
    target = _project(_cost("=8 万元"), total="100000.00", fiscal="100000.00", unit=AmountUnit.YUAN)
    assert _found(_doc(target), "PERF-011") == []
    over = _project(_cost("=12 万元"), total="100000.00", fiscal="100000.00", unit=AmountUnit.YUAN)
    found = _found(_doc(over), "PERF-011")
    assert [f.severity for f in found] == [WARNING] and "元" in found[0].message


# --- PERF-012 department funds against the budget total ------------------------------------------------


def _summary(total: str, current: str | None = None) -> Tables:
    revenue = [SummaryLine(role=SummaryRole.TOTAL, name="收入总计", amount=total)]
    if current is not None:
        revenue.append(SummaryLine(role=SummaryRole.CURRENT_YEAR, name="本年收入合计", amount=current))
    return Tables(summary=SummaryTable(revenue=revenue))


def _department(**funds: str) -> DepartmentTarget:
    return DepartmentTarget(department="某局", funds=DepartmentFunds(**funds))


def test_department_funds_against_the_budget_total() -> None:
    seed_001 = _department(superior="237.97", own="2022.69", other="905.62")
    assert _found(_doc(department=seed_001, tables=_summary("3,166.28")), "PERF-012") == []
    # Either total is a convention a document may follow.
    assert _found(_doc(department=_department(total="3000.00"), tables=_summary("3166.28", "3000.00")),
                  "PERF-012") == []
    found = _found(_doc(department=_department(total="3000.00"), tables=_summary("3166.28")), "PERF-012")
    assert [f.severity for f in found] == [WARNING]
    assert (found[0].expected, found[0].actual) == (Decimal("3000.00"), Decimal("3166.28"))


def test_department_funds_rounding_and_absent_inputs() -> None:
    # Seed 003: 资金总额 9018.9 against 收入总计 9,018.93.
    found = _found(_doc(department=_department(total="9018.9"), tables=_summary("9018.93")), "PERF-012")
    assert [f.severity for f in found] == [INFO]
    assert _skipped(_doc(department=_department(total="1")), "PERF-012")  # no summary table
    assert _found(_doc(_project(), tables=_summary("1.00")), "PERF-012") == []  # no department target


# --- PERF-013, PERF-014 project tables -----------------------------------------------------------------

JU, ZX = "乌鲁木齐市医疗保障局", "乌鲁木齐市医疗保障事业发展中心"


def _gbp(*rows: tuple[str | None, str, str]) -> Tables:
    lines = [ProjectExpenditureLine(agency=agency, code=FunctionCode("2101506"), name="医疗保障经办事务",
                                    project=name, amounts=EconomicCategoryAmounts(total=amount, goods_services=amount))
             for agency, name, amount in rows]
    return Tables(general_budget_projects=ProjectExpenditureTable(lines=lines))


SEED_001_TABLE = _gbp((JU, "信息化运维项目", "17.03"), (JU, "2024 年综合业务费", "86.78"),
                      (JU, "2024 年中央财政医疗服务与保障 能力提升补助资金（第一批）", "165.00"),
                      (ZX, "2024 年中央财政医疗服务与保障 能力提升补助资金（第一批）", "7.00"),
                      (ZX, "2024 年综合业务费", "90.01"))


def _seed_project(name: str, agency: str, amount: str, other: str = "0.00") -> ProjectTarget:
    total = str(Decimal(amount) + Decimal(other))
    return _project(project=name, agency=agency, total=total, fiscal=amount, other=other)


def test_targets_found_in_the_project_table_pass() -> None:
    doc = _doc(_seed_project("2024年中央财政医疗服务与保障能力提升补助资金（第一批）", JU, "165.00"),
               _seed_project("2024年中央财政医疗服务与保障能力提升补助资金（第一批）", ZX, "7.00"),
               _seed_project("2024年综合业务费", ZX, "90.01"),
               _seed_project("2023年全民参保补助资金（上年结转资金）", ZX, "0.00", other="30.51"),
               tables=SEED_001_TABLE)
    assert _found(doc, "PERF-013") == []


def test_a_renamed_project_is_reported_with_the_tables_name() -> None:
    # Seed 001: the target says 2024年综合运行费, the table 2024 年综合业务费 (86.78 under the bureau).
    found = _found(_doc(_seed_project("2024年综合运行费", JU, "86.78"), tables=SEED_001_TABLE), "PERF-013")
    assert [f.severity for f in found] == [WARNING]
    assert "“2024 年综合业务费”" in found[0].message and "名称不一致" in found[0].message


def test_a_project_missing_from_the_table_is_reported_with_the_nearest_name() -> None:
    # Seed 001: 2024年稽核费 (24.27) is in no row of the table; a carried-over project is only a note.
    found = _found(_doc(_seed_project("2024年稽核费", ZX, "24.27"),
                        _seed_project("全民参保经费项目结转", ZX, "6.50"), tables=SEED_001_TABLE), "PERF-013")
    assert [f.severity for f in found] == [WARNING, INFO]
    assert "找不到" in found[0].message and "名称最接近的是" in found[0].message
    assert found[0].actual == Decimal("24.27")


def test_amounts_must_agree_and_names_may_differ_in_years() -> None:
    table = _gbp((None, "2023年志愿者生活补助", "1.20"), (None, "2023年城乡医保工作经费", "10.20"))
    doc = _doc(_seed_project("志愿者生活补助", "医疗保障局", "1.2"),
               _seed_project("城乡医保工作经费", "医疗保障局", "10.00"), tables=table)
    found = _found(doc, "PERF-013")
    assert [f.severity for f in found] == [WARNING, INFO, INFO]
    assert (found[0].expected, found[0].actual) == (Decimal("10.20"), Decimal("10.00"))


def test_a_project_over_several_function_codes_is_added_up() -> None:
    table = _gbp((JU, "综合业务费", "50.00"), (JU, "综合业务费", "36.78"))
    assert _found(_doc(_seed_project("综合业务费", JU, "86.78"), tables=table), "PERF-013") == []
    within = _found(_doc(_seed_project("综合业务费", JU, "86.8"), tables=table), "PERF-013")
    assert [f.severity for f in within] == [INFO]


def test_a_form_in_its_own_unit_is_compared_in_the_tables() -> None:
    # The form prints 元 (项目资金（元）), the document and its table 万元.
    target = _project(project="综合业务费", agency=JU, total="867800.00", fiscal="867800.00", unit=AmountUnit.YUAN)
    table = _gbp((JU, "综合业务费", "86.78"))
    assert _found(_doc(target, tables=table), "PERF-013") == []
    wrong = _project(project="综合业务费", agency=JU, total="868800.00", fiscal="868800.00", unit=AmountUnit.YUAN)
    assert _severities(_doc(wrong, tables=table), "PERF-013") == [WARNING]


def test_project_table_rules_need_their_tables() -> None:
    assert _skipped(_doc(_project()), "PERF-013")
    assert _skipped(_doc(_project()), "PERF-014")


def _projects_table(*rows: tuple[str, str]) -> Tables:
    return Tables(projects=ProjectTable(lines=[
        ProjectLine(agency="延津县医疗保障局", name=name, project_type=ProjectType.SPECIFIC,
                    amounts=SourceAmounts(total=amount)) for name, amount in rows]))


def test_henan_project_table() -> None:
    table = _projects_table(("城乡医疗救助", "405.64"), ("委托人寿保险公司代理城乡居民基本医疗业务费", "64.78"),
                            ("物业水电费用", "15.00"))
    doc = _doc(_henan("城乡医疗救助", "405.6"),
               _henan("委托中国人寿延津分公司代理城乡居民基本医疗保险窗口服务费", "64.8"),
               _henan("物业水电费用", "15.0"), tables=table)
    found = _found(doc, "PERF-014")
    # Seed 003: 405.6 against 405.64 is rounding; the window-service project is named differently.
    assert [f.severity for f in found] == [WARNING, INFO]
    assert "委托人寿保险公司代理城乡居民基本医疗业务费" in found[0].message
    wrong = _found(_doc(_henan("物业水电费用", "25.0"), tables=table), "PERF-014")
    assert [f.severity for f in wrong] == [WARNING]


def test_name_matching_helpers() -> None:
    assert loose_key("2023年度访惠聚工作队（第一书记）") == loose_key("访惠聚工作队第一书记")
    assert nearest("医保局接入电子内网费", ["2023年医保局接入电子政务内网费", "2023年城乡医保工作经费"]) == (
        "2023年医保局接入电子政务内网费")
    assert nearest("任何", []) is None


# --- the seeds -----------------------------------------------------------------------------------------

YEARS = {"001": 2024, "002": 2023, "003": 2024, "004": 2024}


def _seed_doc(prefix: str) -> BudgetDisclosure:
    text = seed_text(prefix)
    targets, _ = read_performance([b for b in find_blocks(split_lines(text)) if b.key in PERFORMANCE_KEYS])
    assert targets is not None
    return BudgetDisclosure(department="seed", fiscal_year=YEARS[prefix], performance=targets)


def _rules_of(doc: BudgetDisclosure, severity: Severity) -> list[str]:
    return [f.rule for f in validate(doc, rules=["PERF"]).findings if f.severity is severity]


def test_seed_001() -> None:
    doc = _seed_doc("001")
    assert _rules_of(doc, ERROR) == []  # every project's weights total 90
    warnings = [f for f in validate(doc, rules=["PERF"]).findings if f.severity is WARNING]
    assert [f.rule for f in warnings] == ["PERF-005", "PERF-006", "PERF-017"]
    assert "门诊救助人次" in warnings[0].message and "2025 年 11 月 30 日前" in warnings[1].message
    assert "虚报参保人数" in warnings[2].message  # a count of people targeted "=0%"


def test_seed_002() -> None:
    doc = _seed_doc("002")
    assert _rules_of(doc, ERROR) == []
    assert Counter(_rules_of(doc, WARNING)) == {"PERF-003": 13, "PERF-005": 2, "PERF-007": 1, "PERF-008": 2}


def test_seed_003() -> None:
    doc = _seed_doc("003")
    # 接种人次 (vaccinations) targeted "≤ 5 万人" (people): the unit is not the indicator's.
    assert _rules_of(doc, ERROR) == [] and _rules_of(doc, WARNING) == ["PERF-017"]
    notes = [f for f in validate(doc, rules=["PERF-011"]).findings]
    assert [f.locations[0].project for f in notes] == [
        "2023年结转医疗服务与保障能力提升上级补助资金", "城乡医疗救助",
        "委托中国人寿延津分公司代理城乡居民基本医疗保险窗口服务费"]

