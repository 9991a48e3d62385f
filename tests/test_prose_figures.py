"""The figures of narrative clauses (readers/prose/figures.py), without the published documents:
thousands separators against clause commas, brackets, thresholds, shares, rates and changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model.narrative import ChangeBasis
from cnbudget.readers.prose import figures
from cnbudget.readers.prose.figures import (
    AmountMatch,
    ChangeMatch,
    absent_of,
    basis_of,
    change_of,
    count_of,
    find_amounts,
    is_amount_phrase,
    is_flat,
    not_arranged,
    prior_of,
    rate_of,
    reason_of,
    restates,
    share_of,
    split_clauses,
    split_sentences,
)

BUDGET, EXECUTION, FINAL = ChangeBasis.BUDGET, ChangeBasis.EXECUTION, ChangeBasis.FINAL_ACCOUNTS

# --- amounts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("clause", "amounts"), [
    ("一般公共预算 2,022.69 万元", ["2,022.69万元"]),
    ("收入预算 12,345,678.90 元", ["12,345,678.90元"]),
    ("合计 3.5 亿元", ["3.5亿元"]),
    ("项目总预算1720.00万，其中服务", ["1720.00万元"]),  # 万 alone before a comma is 万元
    ("项目总预算1720.00万", ["1720.00万元"]),  # … and at the end of the text
    ("服务 5 万人次", []),  # 万人次 is a count
    ("50 万元以上的项目", []),  # a threshold
    ("补助标准 30 元/人/年", []),  # a rate
    ("单价≤180 元", []),
    ("库克色格孜村项目（库克色格孜村5万元）10 万元", ["10万元"]),  # inside brackets: part of a name
    ("甲（乙（丙 1 万元）丁）2 万元", ["2万元"]),  # nested brackets
    ("甲（乙）3 万元、丁 4 万元", ["3万元", "4万元"]),  # a closed bracket no longer counts
    ("甲）5 万元", ["5万元"]),  # a closing bracket never opened does not put what follows inside
    ("《甲 1 万元》（乙 2 万元）“丙 3 万元”〈丁 4 万元〉 5 万元", ["5万元"]),  # every kind of bracket
])
def test_amounts_of_a_clause(clause: str, amounts: list[str]) -> None:
    assert [a.text for a in find_amounts(clause)] == amounts


def test_an_amount_keeps_its_place_in_the_clause() -> None:
    [found] = find_amounts("支出 1,089.27 万元。")
    assert (found.number, found.unit, found.start, found.end) == ("1,089.27", "万元", 3, 14)


def test_digits_run_on_from_a_number_are_not_a_second_amount() -> None:
    # "2,022.69" must not also yield "022.69": the match may not start inside a number
    assert [a.number for a in find_amounts("共 2,022.69 万元")] == ["2,022.69"]


# --- sentences and clauses ---------------------------------------------------------------------------


def test_a_comma_between_digits_separates_thousands_not_clauses() -> None:
    assert split_clauses("收入 1,234.56 万元,比上年增加 7,890 万元") == ["收入 1,234.56 万元", "比上年增加 7,890 万元"]


def test_a_comma_after_a_digit_before_a_word_ends_a_clause() -> None:
    assert split_clauses("收入 12,增加 3") == ["收入 12", "增加 3"]


@pytest.mark.parametrize(("sentence", "clauses"), [
    ("1,234 万元", ["1,234 万元"]),  # a separator right after the first digit
    ("项目 3,5", ["项目 3,5"]),  # … and right before the last
    ("收入 2,345 万元，增加 1 万元", ["收入 2,345 万元", "增加 1 万元"]),
    ("收入 12,", ["收入 12"]),  # a comma at the end cuts nothing off
    ("支出合计,2,345 万元", ["支出合计", "2,345 万元"]),  # a word before the comma: a clause break
    ("收入 12,增3", ["收入 12", "增3"]),  # a word after it: a clause break
    ("甲 1，2 乙", ["甲 1", "2 乙"]),  # the full-width comma is never a thousands separator
])
def test_only_an_ascii_comma_between_two_digits_separates_thousands(sentence: str, clauses: list[str]) -> None:
    assert split_clauses(sentence) == clauses
    # … and so where a bracket stands before it (the sentence is then read bracket by bracket)
    assert split_clauses(f"（甲）{sentence}") == [f"（甲）{clauses[0]}", *clauses[1:]]


def test_commas_inside_brackets_do_not_cut() -> None:
    assert split_clauses("支出 1 万元（含甲，乙），占 5%") == ["支出 1 万元（含甲，乙）", "占 5%"]


def test_sentences_end_outside_brackets_only() -> None:
    assert split_sentences("甲 1 万元；乙（丙。丁）2 万元。") == ["甲 1 万元；", "乙（丙。丁）2 万元。"]


def test_an_unbalanced_closing_bracket_does_not_hide_the_rest() -> None:
    assert split_sentences("甲）1 万元。乙 2 万元。") == ["甲）1 万元。", "乙 2 万元。"]


@given(st.lists(st.integers(min_value=1000, max_value=10**12), min_size=1, max_size=5))
def test_numbers_with_thousands_separators_stay_whole(values: list[int]) -> None:
    clauses = [f"第{i}项 {value:,}.00 万元" for i, value in enumerate(values)]
    assert split_clauses("，".join(clauses)) == clauses
    found = [a.number for clause in clauses for a in find_amounts(clause)]
    assert found == [f"{value:,}.00" for value in values]


# --- shares, rates, changes, counts --------------------------------------------------------------------


@pytest.mark.parametrize(("clause", "share"), [
    ("占 63.88%", Decimal("63.88")),
    ("占比 0.16%", Decimal("0.16")),
    ("占本年支出合计的 99.4%", Decimal("99.4")),
    ("占 1,000%", Decimal("1000")),
    ("比上年增长 5%", None),
    ("占 63.88", None),
])
def test_shares(clause: str, share: Decimal | None) -> None:
    assert share_of(clause) == share


@pytest.mark.parametrize(("clause", "rate"), [
    ("增长 11.50%", Decimal("11.50")),
    ("下降 66.28%", Decimal("-66.28")),
    ("比上年预算减少了 3%", Decimal("-3")),
    ("同比增幅 2.5%", Decimal("2.5")),
    ("降幅为 4%", Decimal("-4")),
    ("降低 2%", Decimal("-2")),
    ("减幅 3.5%", Decimal("-3.5")),
    ("上升 4%", Decimal("4")),
    ("增长 1,200.50%", Decimal("1200.50")),
    ("比2022年预算执行数增加77.70 %", Decimal("77.70")),
    ("增加 4 万元", None),
])
def test_rates_carry_the_sign_of_their_word(clause: str, rate: Decimal | None) -> None:
    assert rate_of(clause) == rate


def test_a_change_says_its_sign_and_basis() -> None:
    change = change_of("比上年预算减少")
    assert change is not None and (change.sign, change.basis) == (-1, ChangeBasis.BUDGET)
    change = change_of("较2023年决算数增加")
    assert change is not None and (change.sign, change.basis) == (1, ChangeBasis.FINAL_ACCOUNTS)
    change = change_of("本年数小于上年预算数")
    assert change is not None and change.sign == -1


@pytest.mark.parametrize(("before", "change"), [
    ("本年数少于上年预算数", ChangeMatch(subject="", sign=-1, basis=BUDGET)),
    ("本年数低于上年预算", ChangeMatch(subject="", sign=-1, basis=BUDGET)),
    ("本年数大于上年决算数", ChangeMatch(subject="", sign=1, basis=FINAL)),
    ("本年多于上年", ChangeMatch(subject="", sign=1, basis=None)),
    # The comparison before the subject names the basis; the subject is what follows it.
    ("与上年预算相比，公务接待费减少", ChangeMatch(subject="公务接待费", sign=-1, basis=BUDGET)),
    ("与上年相比收、支预算总计各增加", ChangeMatch(subject="收、支预算总计", sign=1, basis=None)),
    ("公务接待费", None),
])
def test_the_text_before_an_amount_states_a_change(before: str, change: ChangeMatch | None) -> None:
    assert change_of(before) == change


@pytest.mark.parametrize(("text", "basis"), [
    ("比2022年（上一年度，下同）预算增加 5 万元", BUDGET),  # an aside between the year and the basis
    ("比上年当年预算执行数增加 1 万元", EXECUTION),
    ("较上年决算数减少", FINAL),
    ("本年数小于上年预算数 29.65 万元", BUDGET),
    ("本年数等于上年预算数", BUDGET),
    ("本年数多于2022年决算数", FINAL),
    ("与上年相比增加 1 万元", None),
    ("增加 1 万元", None),
])
def test_the_basis_of_a_comparison(text: str, basis: ChangeBasis | None) -> None:
    assert basis_of(text) == basis


@pytest.mark.parametrize(("before", "year", "basis"), [
    ("上年预算数为", 2023, BUDGET),
    ("上年决算数为 ", 2023, FINAL),  # the space before the amount
    ("2022年当年预算执行数为", 2023, EXECUTION),
    ("2022年当年预算执行数为", None, EXECUTION),  # the budget year unknown: any year is taken as last year's
    ("2023年预算数为", 2023, None),  # this year's figure
    ("2024年预算数为", 2023, None),
    ("培训费", 2023, None),
])
def test_last_years_figure_and_what_of_last_year_it_is(before: str, year: int | None,
                                                       basis: ChangeBasis | None) -> None:
    assert prior_of(before, year) == basis


@pytest.mark.parametrize(("before", "year", "restated"), [
    ("2023年预算安排", 2023, True),
    ("2023年预算安排 ", 2023, True),  # the space before the amount
    ("本年预算数为", 2023, True),
    ("2022年预算安排", None, True),  # the budget year unknown
    ("2022年预算安排", 2023, False),
    ("培训费", 2023, False),
])
def test_this_years_figure_said_again(before: str, year: int | None, restated: bool) -> None:
    assert restates(before, year) is restated


@pytest.mark.parametrize(("clause", "reason"), [
    ("主要原因是会议减少", "会议减少"),
    ("主要原因：医疗保障工作职能不断增加", "医疗保障工作职能不断增加"),
    ("主要是因为人员增加", "人员增加"),
    ("原因是调整", "调整"),
    ("会议减少", None),
])
def test_reasons(clause: str, reason: str | None) -> None:
    assert reason_of(clause) == reason


@pytest.mark.parametrize(("clause", "subject"), [
    ("政府性基金预算未安排", "政府性基金预算"),
    ("政府性基金和国有资本经营预算均未安排", "政府性基金和国有资本经营预算"),
    ("培训费 5 万元", None),
])
def test_nothing_arranged(clause: str, subject: str | None) -> None:
    assert not_arranged(clause) == subject


@pytest.mark.parametrize(("clause", "absent"), [
    ("本单位无机关运行经费", ("本单位", "机关运行经费")),
    ("无公务用车购置预算安排", ("", "公务用车购置")),
    ("培训费无变化", None),
])
def test_nothing_budgeted(clause: str, absent: tuple[str, str] | None) -> None:
    assert absent_of(clause) == absent


@pytest.mark.parametrize(("text", "phrase"), [
    ("涉及预算金额", True), ("资金", True), ("项目资金共计", True), ("政府采购预算", False),
])
def test_amount_phrases(text: str, phrase: bool) -> None:
    assert is_amount_phrase(text) is phrase


def test_matches_are_built_by_keyword() -> None:
    with pytest.raises(TypeError):
        AmountMatch("2,022.69", "万元", 6, 16)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ChangeMatch("公务接待费", -1, None)  # type: ignore[call-arg]


def test_every_public_name_resolves() -> None:
    assert figures.__all__ and all(hasattr(figures, name) for name in figures.__all__)


@pytest.mark.parametrize(("clause", "flat"), [
    ("与上年持平", True), ("比2022年预算执行数持平", True), ("与上年预算数相等", True), ("与上年基本持平", True),
    # js-procuratorate-2017: "会议费预算支出 168 万元，本年数等于上年预算数。" says no change by itself
    ("本年数等于上年预算数", True), ("本年等于上年预算", True),
    ("本年数等于上年预算数 5 万元", False), ("持平", False), ("增加", False),
])
def test_flat_changes(clause: str, flat: bool) -> None:
    assert is_flat(clause) is flat


@pytest.mark.parametrize(("clause", "count"), [
    ("当年财政拨款项目 8 个", ("当年财政拨款项目", 8)),
    ("共 5 个项目实行绩效目标管理", ("项目实行绩效目标管理", 5)),
    ("项目 12 项", ("项目", 12)),
    ("项目若干", None),
])
def test_counts(clause: str, count: tuple[str, int] | None) -> None:
    assert count_of(clause) == count



_CLAUSE_PIECES = st.sampled_from(["1", "2,022.69", "１", " ", "亿", "%", "，", "以上", "占", "支出", "）", "其中",
                                  "合计"])


@settings(max_examples=500)
@given(st.lists(_CLAUSE_PIECES, max_size=8).map("".join))
def test_a_clause_without_yuan_or_wan_has_no_amount_for_the_pattern_either(clause: str) -> None:
    # find_amounts answers such a clause at once: no unit of an amount can stand in it.
    assert figures._AMOUNT.search(clause) is None
    assert find_amounts(clause) == []
