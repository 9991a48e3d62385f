"""A clause is tried by a pattern only where it holds the words the pattern needs (a rate ends with
%, a change with its word or names 本年, a count says 共 … 项目 or ends with 个 or 项, nothing arranged
ends with 未安排, nothing budgeted says 无), and an amount is asked whether it stands inside brackets
only in a clause with a bracket: what each reader gives is what its patterns alone give."""

from __future__ import annotations

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
    not_arranged,
    rate_of,
)

_PIECES = st.sampled_from([
    "比上年", "较2023年", "与上年相比", "同比", "预算", "执行数", "增加", "减少", "增长", "下降", "了", "幅度", "为",
    "降幅", "5", "1,089.27", "11.50", "%", " ", "\n", "本年数", "小于", "等于", "上年预算数", "共", "共有", "项目",
    "个", "项", "2", "当年财政拨款", "未安排", "均", "无", "公务用车购置", "预算安排", "经费", "政府性基金预算",
    "2018 年", "（1）", "各",
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
def test_each_clause_reader_gives_what_its_patterns_alone_give(clause: str) -> None:
    assert rate_of(clause) == _plain_rate(clause)
    assert change_of(clause) == _plain_change(clause)
    assert count_of(clause) == _plain_count(clause)
    match = figures._NOT_ARRANGED.match(clause)
    assert not_arranged(clause) == (match["subject"] if match else None)
    absent = figures._ABSENT.match(clause)
    assert absent_of(clause) == ((absent["lead"], absent["subject"]) if absent else None)


def _plain_amounts(clause: str) -> list[AmountMatch]:
    if "元" not in clause and "万" not in clause:
        return []
    found = []
    for match in figures._AMOUNT.finditer(clause):
        before, after = clause[: match.start()], clause[match.end() :]
        if figures._THRESHOLD_AFTER.match(after) or figures._THRESHOLD_BEFORE.search(before) \
                or figures._depth(before):
            continue
        unit = "万元" if match["unit"] == "万" else match["unit"]
        found.append(AmountMatch(number=match["number"], unit=unit, start=match.start(), end=match.end()))
    return found


_AMOUNT_PIECES = st.sampled_from(["（", "）", "(", ")", "《", "》", "“", "”", "库克色格孜村", "5万元", "1,008 万元",
                                  "16万", "，", "以上", "/人", "≥", "项目", "元", "其中"])


@settings(max_examples=1500)
@given(st.lists(_AMOUNT_PIECES, max_size=10).map("".join))
@example("提前下达资金项目（库克色格孜村5万元）1008 万元")
@example("）5万元（6万元")
def test_the_amounts_of_a_clause_are_those_the_bracket_walk_finds(clause: str) -> None:
    assert find_amounts(clause) == _plain_amounts(clause)
