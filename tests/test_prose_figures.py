"""The figures of narrative clauses (readers/prose/figures.py), without the published documents:
thousands separators against clause commas, brackets, thresholds, shares, rates and changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.model.narrative import ChangeBasis
from cnbudget.readers.prose.figures import (
    change_of,
    count_of,
    find_amounts,
    is_flat,
    rate_of,
    share_of,
    split_clauses,
    split_sentences,
)

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


@pytest.mark.parametrize(("clause", "flat"), [
    ("与上年持平", True), ("比2022年预算执行数持平", True), ("本年数等于上年预算数", False), ("增加", False),
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
