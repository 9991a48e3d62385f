"""The subject of a narrative amount from the text before it (readers/prose/figures.clean_subject),
without the published documents: the department's name and its short forms, the budget year,
lead-ins before a colon, fillers, list numbers; and the key subjects are compared by."""

from __future__ import annotations

import pytest

from cnbudget.readers.prose.figures import clean_subject, subject_key

JS = "江苏省人民检察院"


@pytest.mark.parametrize(("text", "department", "subject"), [
    ("江苏省人民检察院（部门）2024年收入预算", JS, "收入预算"),  # the name, 部门 and the year
    ("检察院支出预算", JS, "支出预算"),  # a short form of three characters
    ("北京人民检察院培训费", "北京市人民检察院", "培训费"),  # one character shorter than the name
    ("普陀区法院培训费", "上海市普陀区人民法院", "培训费"),  # ending with the name's last two only
    ("省检察院", JS, "省检察院"),  # the short form is the whole text: nothing would be left
    ("察院培训费", JS, "察院培训费"),  # two characters are no short form
    ("省检察院：培训费", JS, "省检察院：培训费"),  # a name before a colon labels what follows
    ("省检察院:培训费", JS, "省检察院:培训费"),  # … the ASCII colon too
])
def test_the_department_and_its_short_forms_are_removed(text: str, department: str, subject: str) -> None:
    assert clean_subject(text, department=department, year=2024) == subject


@pytest.mark.parametrize(("text", "year", "subject"), [
    ("2023年，培训费", None, "培训费"),  # a year and a comma lead in, whatever the year
    ("2024 年度培训费", 2024, "培训费"),
    ("None年培训费", None, "None年培训费"),  # no year given: nothing is taken for one
    ("本部门的培训费", None, "培训费"),
    ("财政拨款安排的培训费", None, "培训费"),
    (" （一）培训费", None, "培训费"),  # a list number after a space
    ("培训费 预算数为", None, "培训费"),  # the filler and the space before it
])
def test_years_own_words_and_fillers_are_removed(text: str, year: int | None, subject: str) -> None:
    assert clean_subject(text, department=None, year=year) == subject


@pytest.mark.parametrize("lead_in", [
    "其中", "包括", "包含", "如下", "以下方面", "主要是", "分别是", "分别为", "情况", "规模", "依据", "标准", "方式",
    "人数", "范围",
])
def test_after_a_lead_in_the_subject_follows_the_colon(lead_in: str) -> None:
    assert clean_subject(f"项目{lead_in}：培训费", department=None, year=None) == "培训费"


@pytest.mark.parametrize(("text", "subject"), [
    ("科学技术支出（类）：2024 年预算数为", "科学技术支出（类）"),  # only a year and a filler after it
    ("住房公积金(项):支出", "住房公积金(项)"),  # the ASCII colon, a total's words after it
    ("：培训费", "培训费"),  # nothing before the colon
])
def test_the_side_of_the_colon_that_names_the_subject(text: str, subject: str) -> None:
    assert clean_subject(text, department=None, year=None) == subject


@pytest.mark.parametrize(("subject", "key"), [
    ("收入总计", "收入"),
    ("“三公”经费预算", "“三公”经费"),
    ("公务 接待费", "公务接待费"),  # spaces do not count
    ("预算数", "预算数"),  # nothing but the tail: the subject stays whole
])
def test_subject_keys(subject: str, key: str) -> None:
    assert subject_key(subject) == key
