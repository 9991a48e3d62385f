"""Taking the department's name and the budget year off the start of a subject finds what the plain
way finds: every length of the text's start tried, longest first, for a short form of the name, and
the year's pattern matched before it is removed."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose.figures import _department_prefix, _strip_prefixes, keeps_order

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
                           "年度", "，", "本部门", "本年", "的", "其中：", "财政拨款安排的", "支出", "收入预算"])


@settings(max_examples=1500)
@given(st.lists(_PIECES, max_size=8).map("".join), st.sampled_from([None, "江苏省人民检察院"]),
       st.sampled_from([None, 2024]))
def test_the_prefixes_go_as_the_plain_patterns_take_them(text: str, department: str | None, year: int | None) -> None:
    assert _strip_prefixes(text, department, year) == _stripped_the_plain_way(text, department, year)
