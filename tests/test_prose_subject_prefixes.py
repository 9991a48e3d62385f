"""Taking the department's name and the budget year off the start of a subject finds what the plain
way finds: every length of the text's start tried, longest first, for a short form of the name, and
the year's pattern matched before it is removed."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose.figures import _department_prefix, _strip_prefixes, keeps_order, without_filler_tail

_MIN_SHORT_FORM = 3


def _prefix_by_every_length(text: str, department: str) -> int:
    if text.startswith(department):
        return len(department)
    for size in range(min(len(text), len(department)) - 1, _MIN_SHORT_FORM - 1, -1):
        short = text[:size]
        labels = text[size:].startswith(("：", ":"))
        if short.endswith(department[-2:]) and keeps_order(short, department) and not labels:
            return size
    return 0


_CHARACTERS = st.sampled_from(list("江苏省人民检察院院察：:本部门单位的其中2024年度，"))
_DEPARTMENTS = st.sampled_from(["江苏省人民检察院", "检察院", "院", "院院", "省检察院院", "省检察院察院", "某局"])


@settings(max_examples=1500)
@given(st.lists(_CHARACTERS, max_size=14).map("".join), _DEPARTMENTS)
@example("省检察院2024年", "江苏省人民检察院")
@example("省检察院的", "江苏省人民检察院")  # the longest length tried: one short of the text
@example("省院院院：", "省检察院院")  # the name's last two overlap themselves: 3, not 4 (labels) nor 0
def test_the_name_at_the_start_is_found_as_by_trying_every_length(text: str, department: str) -> None:
    assert _department_prefix(text, department) == _prefix_by_every_length(text, department)


def _stripped_the_plain_way(text: str, department: str | None, year: int | None) -> str:
    while True:
        text = text.strip()
        before = text
        if department and (size := _prefix_by_every_length(text, department)):
            text = re.sub(r"^(?:[（(]部门[)）])?(?:部门|单位)?", "", text[size:])
        if year is not None and re.match(rf"^{year}\s*年度?", text):
            text = re.sub(rf"^{year}\s*年度?[，,]?", "", text)
        text = re.sub(r"^\d{4}\s*年度?[，,]", "", text)
        text = re.sub(r"^(?:本部门|本单位|我部门|我单位|本年度|本年)", "", text)
        text = re.sub(r"^(?:的|其中[：:]?)", "", text)
        text = re.sub(r"^(?:一般公共预算|财政)?拨款安排的", "", text)
        if text == before:
            return text


_PIECES = st.sampled_from(["江苏省人民检察院", "省检察院", "部门", "单位", "（部门）", "2024", "2023", " ", "年",
                           "年度", "，", "本部门", "本年", "的", "其中：", "财政拨款安排的", "支出", "收入预算",
                           # each start of a prefix, alone and in full: a text starting otherwise is left as it is
                           "本", "我单位", "我", "其", "一般公共预算拨款安排的", "一", "拨款安排的", "拨", "财",
                           "２０２４", "-", "-1", "检", "院"])


@settings(max_examples=1500)
@given(st.lists(_PIECES, max_size=8).map("".join), st.sampled_from([None, "", "江苏省人民检察院"]),
       st.sampled_from([None, 2024, -1]))
@example("2024年支出", None, 2024)  # each kind of start a prefix may have: a year's digits,
@example("-1年支出", None, -1)
@example("２０２３年，支出", None, None)  # any decimal digit (\d),
@example("省检察院支出", "江苏省人民检察院", None)  # the department's name or a short form of it,
@example("我单位支出", None, None)  # and the words
@example("一般公共预算拨款安排的支出", None, None)
def test_the_prefixes_go_as_the_plain_patterns_take_them(text: str, department: str | None, year: int | None) -> None:
    assert _strip_prefixes(text, department, year) == _stripped_the_plain_way(text, department, year)


_TAIL_PIECES = st.sampled_from(["机关运行经费", "的", "年初", "预算", "数", "为", "是", "共计", "共", "计", "算",
                                "\n", " ", "2024年"])


@settings(max_examples=1500)
@given(st.lists(_TAIL_PIECES, max_size=8).map("".join))
@example("经费预算数为")  # each last character a filler may have
@example("年初预算")
@example("经费共计")
@example("经费是")
@example("经费年初预算数")
@example("经费预算数为\n")  # $ matches before a final line break too
def test_a_filler_at_the_end_goes_as_the_plain_pattern_takes_it(text: str) -> None:
    plain = re.sub(r"(?:的)?(?:年初预算数?|(?:年初)?(?:预算)?数?(?:为|是)|共计)$", "", text)
    assert without_filler_tail(text) == plain
