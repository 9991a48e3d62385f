"""The front matter's shortcuts: the title's year is found by a pattern starting with its digits; a
line is matched for a labelled department only where it says 部门 or 单位 (every label does); a
line is searched for 决算 (预算) titles only where it holds the word. What each gives is what the
plain way gives."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.readers.prose import front
from cnbudget.readers.prose.front import DocumentKind, document_kind, is_title_like, labelled_name
from cnbudget.readers.text.source import SourceLine, clean_name, split_lines

_PLAIN_TITLE_YEAR = re.compile(front._TITLE_YEAR.pattern.replace(
    "(?P<year>20(?<![比较与于至上从]20)\\d\\d)", "(?<![比较与于至上从])(?P<year>20\\d\\d)"))

_PIECES = st.sampled_from([
    "2024", "2023", "20", "24", "2", "0", "年", "年度", "比", "较", "上", "从", "区级", "部门", "单位", "预算", "决算",
    "公开", "总表", "表", "情况", "说明", "编制", "财务收支", " ", "：", ":", "编制部门", "部门名称", "预算单位",
    "主管部门", "某局", "单位：万元", "目录", "，", "。", "\t", "执行数",
])
_TEXTS = st.lists(_PIECES, max_size=10).map("".join)


def test_the_plain_pattern_is_the_one_replaced() -> None:
    assert _PLAIN_TITLE_YEAR.pattern != front._TITLE_YEAR.pattern


@given(_TEXTS)
@example("比2024年部门预算")
@example("2024年部门预算公开")
@example("上2024年部门预算")
def test_the_title_year_is_found_as_by_the_plain_pattern(text: str) -> None:
    fast, plain = front._TITLE_YEAR.search(text), _PLAIN_TITLE_YEAR.search(text)
    assert (fast and (fast.span(), fast["year"])) == (plain and (plain.span(), plain["year"]))


def _plain_labelled_name(line: SourceLine) -> str | None:
    squeezed = line.squeezed
    if ":" not in squeezed and "：" not in squeezed:
        return None
    match = front._DEPARTMENT.match(squeezed)
    return clean_name(match["name"]) if match else None


@given(_TEXTS)
@example("编制部门：某局 单位：万元")
@example("收支预算总表部门：某局")
def test_a_labelled_name_is_read_as_by_the_pattern(text: str) -> None:
    line = SourceLine.of(1, text)
    assert labelled_name(line) == _plain_labelled_name(line)


def _plain_document_kind(text: str) -> DocumentKind:
    lines = split_lines(text)
    cover = "".join(line.squeezed for line in front.cover_lines(lines))
    if front._FINAL.search(cover) and not front._BUDGET.search(cover):
        return DocumentKind.FINAL_ACCOUNTS
    if front._BUDGET.search(cover):
        return DocumentKind.BUDGET
    final = sum(1 for line in lines if front._FINAL.search(line.squeezed) and is_title_like(line))
    budget = sum(1 for line in lines if front._BUDGET.search(line.squeezed) and is_title_like(line))
    return DocumentKind.FINAL_ACCOUNTS if final > budget else DocumentKind.BUDGET


@given(st.lists(_TEXTS, max_size=6).map("\n".join))
@example("目录\n部门决算总表\n决算情况说明\n部门预算表")
def test_the_document_kind_is_told_as_by_the_patterns(text: str) -> None:
    assert document_kind(split_lines(text)) == _plain_document_kind(text)
