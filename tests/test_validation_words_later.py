"""Rules that write their words only once something is wrong, and read each printed line once, find
what the plain way finds: the units of an indicator's values (PERF-005) judged before the message is
written or the name is read for an average; the 目录's entries read once for joining wrapped titles
and for the tables they announce."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import (
    BudgetDisclosure,
    Indicator,
    PerformanceTargets,
    ProjectFunds,
    ProjectTarget,
    Statement,
)
from cnbudget.model.kinds import loose_key, title_key
from cnbudget.money import Interval
from cnbudget.numbering import entry_number
from cnbudget.targets import TargetKind
from cnbudget.validation import validate
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Location, Severity
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.completeness_contents import _PART, _WRAPPED, Announcement, announcements
from cnbudget.validation.rules.narrative import _impossible
from cnbudget.validation.rules.narrative_statements import is_past, placed
from cnbudget.validation.rules.performance_common import describe_indicator, unit_measures, where
from cnbudget.validation.rules.performance_composition import FUNDS_IDENTITIES, composition_findings, exceeded
from cnbudget.validation.rules.performance_words import NamesRead
from cnbudget.validation.run_cache import RunCache

# --- PERF-005: the plain way, every message written and every name read first ----------------------


def _plain_findings(doc: BudgetDisclosure) -> list[tuple[str, Severity, str]]:
    read_unit = unit_measures(Context(doc=doc, catalog=None, rule=RULES["PERF-005"], cache=RunCache()))
    names = NamesRead()
    found: list[tuple[str, Severity, str]] = []
    assert doc.performance is not None
    for target in doc.performance.projects:
        for indicator in target.indicators:
            value, prior = indicator.target, indicator.prior_actual
            if prior is not None and value.kind is TargetKind.QUANTITATIVE and prior.kind is TargetKind.QUANTITATIVE:
                wanted, given_unit = read_unit(value.unit), read_unit(prior.unit)
                head = (f"{where(target)}：指标“{describe_indicator(indicator)}”的指标值“{value.raw.strip()}”"
                        f"与上年完成值“{prior.raw.strip()}”")
                if wanted is not None and given_unit is not None:
                    if not wanted.comparable(given_unit):
                        found.append((f"{head}计量单位不同（{value.unit} 与 {prior.unit}），无法比较",
                                      Severity.WARNING, "target"))
                    elif wanted.factor != given_unit.factor:
                        found.append((f"{head}计量单位的数量级不同（{value.unit} 与 {prior.unit}）", Severity.INFO,
                                      "target"))
                elif (wanted is None) != (given_unit is None) and prior.number != 0 and value.number != 0:
                    found.append((f"{head}一个写了计量单位、一个没有", Severity.INFO, "target"))
            printed = names.unit(indicator.name)
            named, wanted = read_unit(printed), read_unit(value.unit)
            if not (named is None or wanted is None or not named.is_known or value.kind is not TargetKind.QUANTITATIVE):
                same_kind = named.comparable(wanted) or ("/" not in named.base and named.head == wanted.head)
                head = f"{where(target)}：指标“{indicator.name}”名称中标明单位“{printed}”，指标值“{value.raw.strip()}”"
                if not same_kind:
                    found.append((f"{head}却以“{value.unit}”计", Severity.WARNING, "target"))
                elif named.factor != wanted.factor:
                    found.append((f"{head}以“{value.unit}”计，数量级不同", Severity.INFO, "target"))
            if names.is_average(indicator.name):
                continue
            values = [("target", "指标值", value)] + ([("prior_actual", "上年完成值", prior)] if prior else [])
            for column, label, printed_value in values:
                measure = read_unit(printed_value.unit)
                if printed_value.kind is not TargetKind.QUANTITATIVE or measure is None or not measure.is_count:
                    continue
                assert printed_value.number is not None
                if (printed_value.number * measure.factor) % 1:
                    found.append((f"{where(target)}：指标“{describe_indicator(indicator)}”的{label}"
                                  f"“{printed_value.raw.strip()}”以“{printed_value.unit}”计却不是整数，单位可能有误",
                                  Severity.WARNING, column))
    return found


_INDICATOR_NAMES = st.sampled_from(["参保人数", "参保人数(人)", "人均就诊次数", "志愿者人数(人)", "户均补助人数",
                                    "补助成本(万元)", "时效(月)", "覆盖率", "宣传次数", "个人人均缴费标准(元)",
                                    "培训人次(万人)", "完成率"])
_VALUES = st.sampled_from(["=1 人", "≥9.54 人", "≥9.54 万人", ">=1.5 次", "=2.5 人", "=204000 人", "201605 个",
                           ">=100.47 万人", "1009000 人", ">=95%", "95", "3万元", "0", "=12 个月", "12 个月",
                           ">=380 元/人", "有效提升", "=0.5 个", "2.5"])


@settings(max_examples=300, deadline=None)
# One indicator of each name and value: the report merges findings with the same words into one.
@given(st.lists(st.tuples(_INDICATOR_NAMES, _VALUES, st.none() | _VALUES), min_size=1, max_size=6,
                unique_by=lambda printed: printed[:2]))
def test_units_find_what_writing_every_message_first_finds(printed: list[tuple[str, str, str | None]]) -> None:
    indicators = tuple(Indicator(level1="产出指标", level2="数量指标", name=name, target=target, weight="10",
                                 prior_actual=prior) for name, target, prior in printed)
    project = ProjectTarget(agency="某局", project="宣传经费", funds=ProjectFunds(total="10.00"), indicators=indicators)
    doc = BudgetDisclosure(department="某局", fiscal_year=2024,
                           performance=PerformanceTargets(projects=(project,)))
    found = validate(doc, rules=["PERF-005"]).findings
    plain = sorted(_plain_findings(doc), key=lambda f: f[1].rank)  # a report lists the gravest first
    assert [(f.message, f.severity, f.locations[0].column) for f in found] == plain


# --- 目录: the plain way, each entry read again for each question ------------------------------------


def _plain_joined(entries: Iterable[str]) -> Iterator[tuple[str, bool]]:
    pending: str | None = None
    for entry in entries:
        if pending is not None:
            joined = pending + entry.strip()
            if (len(entry.strip()) <= _WRAPPED and entry_number(entry)[0] is None and not _PART.match(entry)
                    and loose_key(entry_number(joined)[1]) is not None):
                yield joined, True
                pending = None
                continue
            yield pending, False
        pending = entry if loose_key(entry_number(entry)[1]) is None else None
        if pending is None:
            yield entry, False
    if pending is not None:
        yield pending, False


def _plain_announcements(entries: Iterable[str]) -> list[Announcement]:
    found: dict[str, Announcement] = {}
    for entry, wrapped in _plain_joined(entries):
        number, rest = entry_number(entry)
        strict = None if wrapped else title_key(entry)
        key = strict or loose_key(rest)
        if key is not None and key not in found:
            found[key] = Announcement(key=key, entry=entry, number=number, strict=strict is not None)
    return list(found.values())


_ENTRY_PIECES = st.sampled_from([
    "一、部门收支总体情况表", "七、一般公共预算项目支出情况", "表", "情况表", "八、政府性基金预算支出情况表",
    "第二部分 部门预算公开表", "第一部分", "5 一般公共预算支出表", "表5 一般公共预算支出表",
    "（八）一般公共预算“三公”经费支出",
    "预算表", "部门预算编制说明", "三、", "财政拨款收支总表", "一般公共预算基本支出", " 表 ", "12", "目录", "",
    "九、国有资本经营预算支出情况表(空表)", "十、部门预算项目绩效目标表", "支出表(功能科目)",
    "一般公共预算项目支出情况表", "政府性基金预算支出表", "6 三公经费表",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ENTRY_PIECES, max_size=10))
def test_announcements_read_each_entry_once_and_find_what_reading_it_again_finds(entries: list[str]) -> None:
    assert announcements(entries) == _plain_announcements(entries)


def test_a_wrapped_title_is_joined_and_a_numbered_line_is_not() -> None:
    # "表" has no number and is short, so it completes the entry before it; "5 …" has a number of its own.
    joined = announcements(["七、一般公共预算项目支出情况", "表"])
    assert [(a.key, a.entry, a.number, a.strict) for a in joined] == [
        ("general_budget_projects", "七、一般公共预算项目支出情况表", 7, False)]
    apart = announcements(["七、一般公共预算项目支出情况", "5 一般公共预算支出表"])
    assert [(a.key, a.entry, a.number) for a in apart] == [("general_budget", "5 一般公共预算支出表", 5)]


# --- PERF-009: a funds record's identities, each message written only for one that does not hold ----


_FUNDS = st.sampled_from([None, "0", "0.00", "1.00", "2.00", "3.00", "3.01", "5.00", "10.00", "-1.00"])


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({name: _FUNDS for name in (
    "total", "fiscal", "other", "carryover", "project_total", "project_fiscal", "project_other", "gov_budget",
    "special_account", "agency_funds")}))
def test_funds_identities_find_what_checking_each_with_its_words_finds(figures: dict[str, str | None]) -> None:
    record = ProjectFunds(**figures)
    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["PERF-009"])
    place = Location(table="project_target", project="宣传经费")
    found = list(composition_findings(ctx, record, "某项目", place))
    # The plain way: every identity the record prints, not explained by a part above its whole, checked
    # with its words and place written first.
    explained_findings = len(list(exceeded(record)))
    plain = [ctx.check_sum(*printed, where="某项目", what=identity.describe(record),
                           locations=[attrs.evolve(place, column=identity.total)])
             for identity in FUNDS_IDENTITIES if (printed := identity.check(record)) is not None]
    if explained_findings == 0:
        assert found == [f for f in plain if f is not None]
    else:  # the identities a part above its whole breaks are named in its finding instead
        assert set(found[explained_findings:]) <= {f for f in plain if f is not None}


# --- NARR-001: an increase larger than the amount, told first by comparing the figures --------------

_PRINTED = st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False, allow_infinity=False, places=2).flatmap(
    lambda value: st.sampled_from([value, value.quantize(Decimal(1)), value.quantize(Decimal("0.1")),
                                   value.quantize(Decimal("0.001"))]))


@settings(max_examples=500, deadline=None)
@given(_PRINTED, _PRINTED)
def test_an_impossible_increase_is_what_the_printed_ranges_say(amount: Decimal, change: Decimal) -> None:
    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["NARR-001"])
    statement = Statement(subject="基本支出", amount=amount, change_amount=change)
    plainly_possible = Interval.of_printed(amount).high - Interval.of_printed(change).low >= 0
    assert (_impossible(ctx, statement, amount, change) is None) == plainly_possible


def test_an_increase_above_the_amount_beyond_rounding_is_impossible() -> None:
    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["NARR-001"])
    statement = Statement(subject="政府性基金拨款支出预算", amount=Decimal("0"), change_amount=Decimal("1421.25"))
    assert _impossible(ctx, statement, Decimal("0"), Decimal("1421.25")) is not None
    # 1.0 stands for 0.95…1.05 and 1.04 for 1.035…1.045: last year may have been 0.
    assert _impossible(ctx, statement, Decimal("1.0"), Decimal("1.04")) is None


# --- statements placed: another year's figure told from the subject as compared ---------------------

_SUBJECTS = st.sampled_from(["基本支出", "2023年“三公”经费决算", "上年结转结余", "上年预算执行数", "2024年收入预算",
                             "2025 年支出预算", "去年", "实际支出", "上一年度", "一般公共预算", "２０２３年决算",
                             "２０２３年支出", "上 年预算"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["一、收入预算", "二、支出预算"]), _SUBJECTS), max_size=8))
def test_statements_placed_as_past_are_those_naming_another_year(printed: list[tuple[str, str]]) -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024,
                           statements=[Statement(section=section, subject=subject) for section, subject in printed])
    assert [item.past for item in placed(doc)] == [is_past(statement, 2024) for statement in doc.statements]
