"""A clause is tried by a pattern only where it holds the words the pattern needs (a rate ends with
%, a change with its word or names 本年, a count says 共 … 项目 or ends with 个 or 项, nothing arranged
ends with 未安排, nothing budgeted says 无; a share starts with 占, a reason with 主要 or 原因, no change
with a comparison or 本年, last year's figure with a year or 上, this year's said again with a year, 本,
今, 预 or 安), a threshold before an amount is told by the last character before it, and an amount
is asked whether it stands inside brackets only in a clause with a bracket: what each reader gives
is what its patterns alone give."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose import figures
from cnbudget.readers.prose.figures import (
    AmountMatch,
    ChangeMatch,
    absent_of,
    change_of,
    count_of,
    find_amounts,
    is_flat,
    not_arranged,
    prior_of,
    rate_of,
    reason_of,
    restates,
    share_of,
)

_PIECES = st.sampled_from([
    "比上年", "较2023年", "与上年相比", "同比", "预算", "执行数", "增加", "减少", "增长", "下降", "了", "幅度", "为",
    "降幅", "5", "1,089.27", "11.50", "%", " ", "\n", "本年数", "小于", "等于", "上年预算数", "共", "共有", "项目",
    "个", "项", "2", "当年财政拨款", "未安排", "均", "无", "公务用车购置", "预算安排", "经费", "政府性基金预算",
    "2018 年", "（1）", "各", "占", "63.88", "主要原因是", "原因是", "持平", "本年", "上年度", "今年", "预算数为",
    "2024年", "2023 年度", "决算数", "安排", "，", "。",
])
_CLAUSES = st.lists(_PIECES, max_size=9).map("".join)


def _plain_rate(clause: str) -> Decimal | None:
    match = figures._RATE.match(clause)
    return figures._signed(match["number"], match["word"]) if match else None


def _plain_change(before: str) -> ChangeMatch | None:
    text = before.rstrip()
    match = figures._CHANGE_TAIL.search(text) or figures._COMPARATIVE_TAIL.search(text)
    if match is None:
        return None
    subject = text[: match.start()]
    lead = figures._LEADING_COMPARISON.match(subject)
    basis = figures.basis_of(match.group(0)) or (figures.basis_of(lead.group(0)) if lead else None)
    if lead is not None:
        subject = subject[lead.end() :]
    subject = figures._SPREAD.sub("", subject.strip())
    return ChangeMatch(subject=subject, sign=-1 if match["word"] in figures._DOWN else 1, basis=basis)


def _plain_count(clause: str) -> tuple[str, int] | None:
    first = figures._COUNT_FIRST.match(clause)
    if first is not None:
        return first["lead"] + first["subject"].strip(), int(first["count"])
    match = figures._COUNT.match(clause)
    return (match["subject"].strip(), int(match["count"])) if match else None


@settings(max_examples=1500)
@given(_CLAUSES)
@example("比2022年预算执行数增加77.70 %")
@example("增长 5%\n")
@example("本年数小于上年预算数")
@example("与上年相比收、支预算总计各增加了")
@example("2018 年本部门共 5 个项目实行绩效目标管理")
@example("当年财政拨款项目 8 个\n")
@example("政府性基金预算均未安排\n")
@example("（1）2018 年无公务用车购置预算安排")
@example("本年数等于上年预算数")
@example("与上年相比持平")
@example("占63.88%")
@example("2022年当年预算执行数为")
def test_each_clause_reader_gives_what_its_patterns_alone_give(clause: str) -> None:
    assert rate_of(clause) == _plain_rate(clause)
    assert change_of(clause) == _plain_change(clause)
    assert count_of(clause) == _plain_count(clause)
    match = figures._NOT_ARRANGED.match(clause)
    assert not_arranged(clause) == (match["subject"] if match else None)
    absent = figures._ABSENT.match(clause)
    assert absent_of(clause) == ((absent["lead"], absent["subject"]) if absent else None)
    share = figures._SHARE.match(clause)
    assert share_of(clause) == (Decimal(share["number"].replace(",", "")) if share else None)
    assert is_flat(clause) == (figures._FLAT.match(clause) is not None)
    reason = figures._REASON.match(clause)
    assert reason_of(clause) == (clause[reason.end() :].strip() if reason else None)
    for year in (2019, 2024, None):
        stripped = clause.strip(" ，,、。")
        prior = figures._PRIOR.match(stripped)
        if prior is not None and prior["year"] is not None and year is not None and int(prior["year"]) >= year:
            prior = None
        assert (prior_of(clause, year) is None) == (prior is None)
        restated = figures._RESTATED.match(stripped)
        assert restates(clause, year) == (restated is not None and (
            restated["year"] is None or year is None or int(restated["year"]) == year))


_THRESHOLD_AFTER = re.compile(r"^\s*(?:以上|以下|以内|/|每)")
_THRESHOLD_BEFORE = re.compile(r"[/≥≤<>＞＜=]\s*$")


def _plain_amounts(clause: str) -> list[AmountMatch]:
    if "元" not in clause and "万" not in clause:
        return []
    found = []
    for match in figures._AMOUNT.finditer(clause):
        before, after = clause[: match.start()], clause[match.end() :]
        if _THRESHOLD_AFTER.match(after) or _THRESHOLD_BEFORE.search(before) or figures._depth(before):
            continue
        unit = "万元" if match["unit"] == "万" else match["unit"]
        found.append(AmountMatch(number=match["number"], unit=unit, start=match.start(), end=match.end()))
    return found


_AMOUNT_PIECES = st.sampled_from(["（", "）", "(", ")", "《", "》", "“", "”", "库克色格孜村", "5万元", "1,008 万元",
                                  "16万", "，", "以上", "/人", "≥", "项目", "元", "其中", " ", "\n", "=", "以下", "每"])


@settings(max_examples=1500)
@given(st.lists(_AMOUNT_PIECES, max_size=10).map("".join))
@example("提前下达资金项目（库克色格孜村5万元）1008 万元")
@example("）5万元（6万元")
@example("≤ \n180 元")
@example("5万元")
@example("5万元 \n以上")  # a threshold after spaces
@example("5万元以")  # 以 alone is none
@example("≥\u30005万元")  # a mark before spaces of other kinds
def test_the_amounts_of_a_clause_are_those_the_bracket_walk_finds(clause: str) -> None:
    assert find_amounts(clause) == _plain_amounts(clause)


@settings(max_examples=1500)
@given(_CLAUSES)
@example("2022年当年预算执行数为")
@example("，上年预算数为")
@example("本年预算数为")
@example("\u3000预算安排")  # a space the strip leaves
@example("٢٠٢٣年预算安排")  # digits of another script are digits to the patterns too
def test_a_text_not_starting_as_a_year_word_names_no_year(before: str) -> None:
    # The reader asks prior_of and restates only where may_name_a_year says yes.
    if not figures.may_name_a_year(before):
        for year in (2019, 2023, 2024, None):
            assert prior_of(before, year) is None
            assert not restates(before, year)


@settings(max_examples=1500)
@given(_CLAUSES)
@example("占63.88%")
@example("增长 5%\n")
def test_a_clause_not_ending_with_its_percent_sign_states_no_share_or_rate(clause: str) -> None:
    # The reader asks share_of and rate_of only of a clause ending with PERCENT_ENDS.
    if not clause.endswith(figures.PERCENT_ENDS):
        assert share_of(clause) is None
        assert rate_of(clause) is None
