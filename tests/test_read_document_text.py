"""The document's own words kept for the text checks: its prose as passages and the places that print
the department's name (cover, table headings)."""

from __future__ import annotations

import pytest

from cnbudget.readers import read_file, read_text
from tests.seeds import corpus_path, seed_path


def test_the_prose_is_kept_as_passages_outside_the_tables() -> None:
    text = ("某县医疗保障局\n2024 年部门预算公开\n\n"
            "一、关于某县医疗保障局 2024 年收支预算情况的总体说明\n"
            "收支总预算 100.00 万元，\n比上年增加 XX 万元。\n\n"
            "部门收支总体情况表\n编制部门：某县医疗保障局\t单位：万元\n"
            "项目\t预算数\t项目\t预算数\n本年收入\t100.00\t卫生健康支出\t100.00\n收入总计\t100.00\t支出总计\t100.00\n")
    doc = read_text(text).disclosure
    texts = [(p.text, p.heading) for p in doc.prose]
    assert ("一、关于某县医疗保障局2024年收支预算情况的总体说明", True) in texts
    assert ("收支总预算100.00万元，比上年增加XX万元。", False) in texts  # one sentence over two lines
    assert not any("预算数" in p.text or "100.00\t" in p.text for p in doc.prose)  # not the table
    assert [(n.name, n.table) for n in doc.department_names] == [("某县医疗保障局", None),
                                                                ("某县医疗保障局", "summary")]


def test_seed_001_names_its_department_on_the_cover_and_over_every_table() -> None:
    doc = read_file(seed_path("001")).disclosure
    names = doc.department_names
    assert names[0].table is None and names[0].name == "乌鲁木齐市医疗保障局" and names[0].line_number == 3
    assert {n.name for n in names} == {"乌鲁木齐市医疗保障局"} and len(names) == 12  # the cover and 11 tables
    # "（按项目分别填报）" stands in the paragraph that opens the forms, and it is kept as printed.
    assert any("（按项目分别填报）" in p.text for p in doc.prose)


@pytest.mark.parametrize(("name", "cover", "headings"), [
    ("sh-putuo-welfarehome-2024-unit-budget", "上海市普陀区社会福利院", 9),
    ("js-party-office-2018-tables", "中共江苏省委办公厅", 12),
    ("js-procuratorate-2017", "江苏省人民检察院", 12),  # the cover prints the year after the name
])
def test_corpus_covers_and_headings(name: str, cover: str, headings: int) -> None:
    doc = read_file(corpus_path(name)).disclosure
    covers = [n for n in doc.department_names if n.table is None]
    assert [n.name for n in covers] == [cover]
    assert len([n for n in doc.department_names if n.table is not None]) == headings


def test_a_heading_of_the_welfare_home_keeps_the_templates_mark() -> None:
    doc = read_file(corpus_path("sh-putuo-welfarehome-2024-unit-budget")).disclosure
    (marked,) = [p for p in doc.prose if "（增加内容）" in p.text]
    assert marked.heading and marked.line_number == 226
