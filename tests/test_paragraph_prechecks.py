"""A line is asked whether it is a markdown heading or a list item (``- ``) only where it holds ``#``
or ``- ``, and whether it starts with a label (``预算安排规模：``) only where a colon stands after its
second to tenth character; a paragraph is made through its builder; a line without white space or
markup characters is only folded, not cleaned: what each gives is what the plain way gives."""

from __future__ import annotations

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.readers.prose import paragraphs
from cnbudget.readers.prose.paragraphs import (
    _BARE_PAGE_NUMBER,
    _PAGE_NUMBER,
    Paragraph,
    _is_markdown_heading,
    _page_numbers,
    _paragraph,
    _starts_item,
)
from cnbudget.readers.text.source import SourceLine, clean_name, numbered_lines

_PIECES = st.sampled_from([
    "#", "##", " ", "\t", "- ", "-", "预算安排规模", "其中", "主要原因", "用于", "：", ":", "一、", "（一）", "1、",
    "2.66%", "第二部分", "情况说明", "支出", "a", "万元", "。", "编制说明", "主要职能", "机构设置", "名词解释",
    "2025年",
])
_TEXTS = st.lists(_PIECES, max_size=8).map("".join)


def _plain_markdown(line: SourceLine) -> bool:
    return line.raw.lstrip().startswith("#")


def _plain_starts_item(line: SourceLine, text: str) -> bool:
    stripped = line.raw.lstrip()
    if stripped.startswith(("#", "- ")) or paragraphs._HEADING_MARK.match(text) or paragraphs._NUMBERED.match(text) \
            or paragraphs.is_unnumbered_title(text):
        return True
    label = paragraphs._LABEL.match(text)
    return label is not None and not label.group(1).endswith(paragraphs._NOT_A_LABEL_END)


@given(_TEXTS, _TEXTS)
@example(" # 标题", "标题")
@example("  - 项目", "项目")
@example("预算安排规模：17万元", "预算安排规模：17万元")
@example("一二三四五六七八九十：", "一二三四五六七八九十：")
@example("一二三四五六七八九十一：", "一二三四五六七八九十一：")
def test_the_prechecks_answer_as_the_patterns(raw: str, text: str) -> None:
    line = SourceLine.of(1, raw)
    assert _is_markdown_heading(line) == _plain_markdown(line)
    assert _starts_item(line, text) == _plain_starts_item(line, text)


@given(st.text(max_size=10), st.lists(st.integers(1, 10**6), min_size=1, max_size=4).map(tuple), st.booleans(),
       st.lists(st.integers(1, 10**6), max_size=2).map(tuple))
def test_a_paragraph_built_is_the_constructed_one(text: str, numbers: tuple[int, ...], heading: bool,
                                                  restored: tuple[int, ...]) -> None:
    built = _paragraph(text, numbers, heading, restored)
    made = Paragraph(text=text, numbers=numbers, heading=heading, restored=restored)
    assert type(built) is Paragraph and built == made and hash(built) == hash(made) and repr(built) == repr(made)
    assert attrs.astuple(built) == attrs.astuple(made)


def _plain_page_numbers(lines: list[SourceLine]) -> set[int]:
    return {line.number for index, line in enumerate(lines)
            if not line.is_tabular and _PAGE_NUMBER.match(line.raw)
            and (index + 1 == len(lines) or lines[index + 1].is_blank or _BARE_PAGE_NUMBER.match(line.raw))}


# Page numbers and what resembles them: digits of every kind (٣ and ３ are \\d), dashes, white space of
# every kind, text after or before them.
_PAGE_PIECES = st.sampled_from(["-", "—", "1", "12", "٣", "３", " ", "\t", "\u3000", "\xa0", "\x1c", "\n",
                                "\r", "页", "。", "a", "1234", "- 12 -", "\t5"])


@given(st.lists(st.lists(_PAGE_PIECES, max_size=5).map("".join), max_size=8))
@example(["- 3 -", "正文", "12", ""])
@example(["３\u3000", ""])
def test_page_numbers_are_those_the_patterns_find(raws: list[str]) -> None:
    lines = numbered_lines(raws)
    assert _page_numbers(lines) == _plain_page_numbers(lines)


_CLEANING_PIECES = st.sampled_from([
    " ", "\t", "\u3000", "\x1c", "\x00", "\u200b", "\xa0", "<b>", "</b>", "<", "b>", "*", "**", "#", "- ",
    "预算", "A", "B", "１，０８９．２７", "1，089", "６３．８８％", "，", "万元", "2024 年",
])


@given(st.lists(_CLEANING_PIECES, max_size=8).map("".join))
@example("１，０８９．２７万元")
@example("预算\u200b支出")
@example("预算\u3000支出")
@example("<b>预算</b>")
@example("a<b")
@example("<<b>b>")  # markup left once the line's markup is taken out: cleaning takes it out again
@example("*<b>*")
def test_a_line_without_white_space_is_cleaned_as_every_text(raw: str) -> None:
    """_line_cleaned passes over clean_name where the text has no white space and no markup character."""
    for line in (*numbered_lines((raw,)), SourceLine.of(1, raw).with_cells(("甲", "乙"))):
        assert paragraphs._line_cleaned(line) == paragraphs.fold_numbers(clean_name(line.text))
