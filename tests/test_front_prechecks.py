"""The front matter's line searches skip a line without the words their patterns need (附后 or 附件
for a statement that the tables are elsewhere, a colon after a label naming the department and 部门
or 单位, which every label says, 元 for an amount in a title-like line, 决算 or 预算 for a title of
either kind), and the title's year is found by a pattern starting with its digits: what they find is
what the patterns find on every line."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.money import AmountUnit
from cnbudget.readers.prose import front
from cnbudget.readers.prose.front import (
    _BUDGET,
    _FINAL,
    DocumentKind,
    cover_lines,
    document_kind,
    is_title_like,
    labelled_name,
    tables_elsewhere,
)
from cnbudget.readers.text.agency_names import is_agency_name
from cnbudget.readers.text.source import SourceLine, clean_name, split_lines

_TABLES_ELSEWHERE = re.compile(r"[^。；\n]{0,30}(?:公开表|预算表|表样|报表)[^。；\n]{0,4}附后[^。；\n]{0,10}"
                               r"|附件\s*[:：][^。；\n]{0,40}(?:公开表|预算表)")
_LABELS = ("编制部门", "编制单位", "部门名称", "单位名称", "预算主管部门", "主管部门", "预算单位", "部门")
_DEPARTMENT = re.compile(
    rf"^(?:\S{{0,40}}?表)?(?:{'|'.join(_LABELS)})[:：](?P<name>(?:(?!(?:金额)?单位[:：])[^\s:：，。；,;])+)"
)

_SENTENCE = re.compile(r"[，。；！？,;!?]")
_AMOUNT = re.compile(r"\d\s*(?:亿元|万元|元)")

_PIECES = st.sampled_from(["2019年度", "部门预算", "公开表", "预算表", "表样", "附后", "附件", "：", ":", " ", "。",
                           "编制部门", "部门", "单位", "某某局", "收支预算总表", "金额单位", "万元", "附", "后"])
_LINES = st.lists(st.lists(_PIECES, max_size=7).map("".join), max_size=6)


@settings(max_examples=800)
@given(_LINES)
@example(["第二部分 部门预算表", "2019 年度部门预算公开表附后。"])
@example(["附件：某某局2024年部门预算公开表"])
def test_the_tables_elsewhere_are_found_as_the_pattern_finds_them_on_every_line(texts: list[str]) -> None:
    lines = split_lines("\n".join(texts))
    found = next((match.group(0) for line in lines if (match := _TABLES_ELSEWHERE.search(line.squeezed))), None)
    assert tables_elsewhere(lines) == found


@settings(max_examples=800)
@given(st.lists(_PIECES, max_size=8).map("".join))
@example("编制部门：某某局 单位：万元")
@example("收支预算总表部门：某某局")
def test_a_labelled_department_is_what_the_pattern_finds(text: str) -> None:
    line = SourceLine.of(1, text)
    match = _DEPARTMENT.match(line.squeezed)
    assert labelled_name(line) == (clean_name(match["name"]) if match else None)


@settings(max_examples=800)
@given(st.lists(st.one_of(_PIECES, st.sampled_from(["5", "1,089.27", "元", "亿元", "5 元", "\t", "，"])), max_size=8)
       .map("".join))
@example("比2024年预算增加24,491.71万元")
@example("2025年部门财务收支预算总表")
def test_a_title_like_line_is_what_the_patterns_find(text: str) -> None:
    line = SourceLine.of(1, text)
    squeezed = line.squeezed
    plain = bool(squeezed) and not line.is_tabular and len(squeezed) <= 60 \
        and not _SENTENCE.search(squeezed) and not _AMOUNT.search(squeezed)
    assert is_title_like(line) is plain


_KIND_PIECES = st.sampled_from(["部门决算", "单位预算", "决算公开", "预算总表", "决算表", "预算编制说明",
                                "决算情况说明", "目录", "2024", "年度", "某某局", "\t", "。", "1.00万元", " ", "\n"])


def _kind_by_every_title(lines: list[SourceLine]) -> DocumentKind:
    """What the cover says, else what most of the titles say, every title counted both ways."""
    cover = "".join(line.squeezed for line in cover_lines(lines))
    if _FINAL.search(cover) and not _BUDGET.search(cover):
        return DocumentKind.FINAL_ACCOUNTS
    if _BUDGET.search(cover):
        return DocumentKind.BUDGET
    titles = [line.squeezed for line in lines if is_title_like(line)]
    final = sum(1 for title in titles if _FINAL.search(title))
    budget = sum(1 for title in titles if _BUDGET.search(title))
    return DocumentKind.FINAL_ACCOUNTS if final > budget else DocumentKind.BUDGET


@settings(max_examples=800)
@given(st.lists(st.lists(_KIND_PIECES, max_size=6).map("".join), max_size=30))
@example(["目录", "一、部门决算总表", "二、决算情况说明", "三、部门预算总表"])
@example(["某某局", "", "", "", "", "", "", "", "", "", "", "", "一、部门决算总表", "二、决算表"])
def test_the_document_kind_is_what_counting_every_title_gives(texts: list[str]) -> None:
    lines = split_lines("\n".join(texts))
    assert document_kind(lines) == _kind_by_every_title(lines)


_PLAIN_TITLE_YEAR = re.compile(front._TITLE_YEAR.pattern.replace(
    "(?P<year>20(?<![比较与于至上从]20)\\d\\d)", "(?<![比较与于至上从])(?P<year>20\\d\\d)"))
_YEAR_PIECES = st.sampled_from([
    "2024", "2023", "20", "24", "2", "0", "年", "年度", "比", "较", "上", "从", "区级", "部门", "单位", "预算", "决算",
    "公开", "总表", "表", "情况", "说明", "编制", "财务收支", " ", "执行数",
])


def test_the_plain_title_year_pattern_is_the_one_replaced() -> None:
    assert _PLAIN_TITLE_YEAR.pattern != front._TITLE_YEAR.pattern


@settings(max_examples=800)
@given(st.lists(_YEAR_PIECES, max_size=10).map("".join))
@example("比2024年部门预算")
@example("2024年部门预算公开")
@example("上2024年部门预算")
def test_the_title_year_is_found_as_by_the_plain_pattern(text: str) -> None:
    fast, plain = front._TITLE_YEAR.search(text), _PLAIN_TITLE_YEAR.search(text)
    assert (fast and (fast.span(), fast["year"])) == (plain and (plain.span(), plain["year"]))


def _front_the_plain_way(lines: list[SourceLine]) -> tuple[front.FrontMatter, list[str]]:
    """read_front with every title-like line asked for a year and a name, each by its pattern."""
    def named_before_year(text: str) -> str | None:
        match = front._NAME_BEFORE_YEAR.match(text)
        return match["name"] if match and is_agency_name(match["name"]) else None

    cover = cover_lines(lines)
    titles = [line for line in lines if is_title_like(line)]
    labelled = [name for line in cover if (name := labelled_name(line))]
    department = labelled[0] if labelled else front._most_common(
        name for line in lines if (name := labelled_name(line)))
    if department is None:
        department = named_before_year("".join(line.squeezed for line in cover))
    if department is None:
        department = front._most_common(name for line in titles if (name := named_before_year(line.squeezed)))
    year, problems = front._year(cover, titles)
    units = Counter(match.group(1) for line in lines if (match := front._UNIT.search(line.text)))
    unit = AmountUnit.parse(units.most_common(1)[0][0]) if units else AmountUnit.WAN_YUAN
    plain = front.FrontMatter(department=department, fiscal_year=year, amount_unit=unit,
                              title=front._title(cover, titles))
    return plain, [problem.message for problem in problems]


_FRONT_PIECES = st.sampled_from([
    "江苏省政协办公厅", "某某局", "2019", "2018", "年", "年度", "部门", "单位", "预算", "决算", "公开", "表", "省级",
    "第一部分", "附件：", "：", " ", "。", "说明", "预", "算", "收支", "情况", "比", "目录", "- 3 -", "\t5",
    "单位：元", "金额单位: 万元", "单位 ：亿元", "元",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.lists(_FRONT_PIECES, max_size=7).map("".join), max_size=12))
@example(["江苏省政协办公厅", "2019年部门预算", "", "目录", "一、江苏省政协办公厅2019年部门预算公开表"])
@example(["", "一、江苏省政协办公厅2019年部门预算说明", "二、某某局2018年度部门预算公开", "某某局2018年度部门决算"])
@example(["目录", "一、某某局2019年度部门决算说明"])  # a year given by a title saying 决算 only
@example(["目录", "某某局2019年单位预算说明"])  # a name before the year of a 单位预算
@example(["目录", "单位名称：某某局", "某某局2019年部门预算"])  # a label saying 单位, off the cover
@example(["目录", "金额单位：元", "某某局2019年部门预算"])  # the unit of the tables
def test_the_front_read_from_the_lines_saying_yusuan_or_juesuan_is_the_front_read_from_every_title(
    texts: list[str]
) -> None:
    lines = split_lines("\n".join(texts))
    found, problems = front.read_front(lines)
    plain, plain_problems = _front_the_plain_way(lines)
    assert found == plain
    assert [problem.message for problem in problems][: len(plain_problems)] == plain_problems
