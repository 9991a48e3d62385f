"""The paragraphs of a part of a document (its 情况说明) are taken from the paragraphs of the whole
where the part's page numbers, restored figures and paragraph ends are the whole's: what they give
is what reading the part on its own gives."""

from __future__ import annotations

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose.paragraphs import (
    _page_numbers,
    _pages_of_part,
    _restored_alike,
    _start_within,
    paragraph_run,
    paragraphs,
    paragraphs_within,
    restored_figures,
)
from cnbudget.readers.text.source import split_lines

# Lines whose reading depends on their neighbours: headings cut short, sentences over lines, figures
# on a line of their own (restored into the line above), page numbers (a page's last line), table rows.
_LINES = st.sampled_from([
    "一、收入预算情况", "（一）基本支出", "第二部分", "预算情况说明", "2025年部门预算编制说明", "本部门收入",
    "100万元。", "支出预算 万元。与上年相比减少", "5533 20", "万元，减少 0.36 %。", "17996.68", "- 12 -",
    "26", "", "项目\t预算数", "其中：", "主要用于保障运行", "# 标题", "- 项目", "预算安排规模：", "支出 1，",
    "234 万元", "情况说明",
])


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, int, int, frozenset[int]]:
    texts = draw(st.lists(_LINES, min_size=1, max_size=14))
    start = draw(st.integers(0, len(texts)))
    end = draw(st.integers(start, len(texts)))
    skip = draw(st.frozensets(st.integers(1, len(texts)), max_size=3))
    return "\n".join(texts), start, end, skip


@settings(max_examples=600, deadline=None)
@given(_documents())
@example(("本部门收入\n100万元。\n主要用于保障运行", 1, 3, frozenset()))  # a paragraph across the start
@example(("本部门收入\n100万元。\n26\n\n主要用于保障运行。", 0, 3, frozenset()))  # a page's last line only in the part
@example(("支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。", 1, 3, frozenset()))  # figures moved across
def test_a_parts_paragraphs_are_those_it_gives_read_on_its_own(document: tuple[str, int, int, frozenset[int]]) -> None:
    text, start, end, skip = document
    lines = split_lines(text)
    part = lines[start:end]
    assert paragraphs_within(paragraph_run(lines, skip), part, skip) == paragraphs(part, skip)


def test_a_part_whose_paragraphs_end_at_its_ends_takes_the_wholes() -> None:
    lines = split_lines("第一部分\n部门职责。\n第二部分\n预算情况说明\n本部门收入100万元，\n支出100万元。\n"
                        "第三部分\n名词解释")
    whole = paragraph_run(lines)
    taken = paragraphs_within(whole, lines[2:6])
    assert [paragraph.text for paragraph in taken] == ["第二部分预算情况说明", "本部门收入100万元，支出100万元。"]
    assert all(any(paragraph is kept for kept in whole.paragraphs) for paragraph in taken)


def test_a_part_cutting_a_paragraph_is_read_on_its_own() -> None:
    lines = split_lines("本部门收入\n100万元，\n支出100万元。")
    taken = paragraphs_within(paragraph_run(lines), lines[1:])
    assert [paragraph.text for paragraph in taken] == ["100万元，支出100万元。"]


@settings(max_examples=300, deadline=None)
@given(_documents(), st.data())
def test_lines_that_share_a_number_are_read_as_the_part_alone_reads_them(
        document: tuple[str, int, int, frozenset[int]], data: st.DataObject) -> None:
    # A part is told from the rest by its lines' numbers: where two lines share one, it is read alone.
    text, start, end, skip = document
    lines = split_lines(text)
    numbers = data.draw(st.lists(st.integers(1, 4), min_size=len(lines), max_size=len(lines)))
    lines = [attrs.evolve(line, number=number) for line, number in zip(lines, numbers, strict=True)]
    part = lines[start:end]
    assert paragraphs_within(paragraph_run(lines, skip), part, skip) == paragraphs(part, skip)


@settings(max_examples=300, deadline=None)
@given(_documents(), st.data())
def test_a_part_of_lines_picked_here_and_there_is_read_as_it_reads_alone(
        document: tuple[str, int, int, frozenset[int]], data: st.DataObject) -> None:
    # The whole's paragraphs serve only a run of its lines; lines picked out of order are read alone.
    text, _, _, skip = document
    lines = split_lines(text)
    picked = data.draw(st.lists(st.integers(0, max(len(lines) - 1, 0)), max_size=len(lines), unique=True))
    part = [lines[index] for index in picked]
    assert paragraphs_within(paragraph_run(lines, skip), part, skip) == paragraphs(part, skip)


@settings(max_examples=300, deadline=None)
@given(_documents())
@example(("本部门收入\n26\n主要用于保障运行。", 0, 2, frozenset()))  # a page number that ends only the part
def test_a_runs_page_numbers_are_those_it_finds_read_alone(document: tuple[str, int, int, frozenset[int]]) -> None:
    text, start, end, skip = document
    lines = split_lines(text)
    part = lines[start:end]
    numbers = {line.number for line in part}
    assert _pages_of_part(paragraph_run(lines, skip), part, numbers) == _page_numbers(part)


@settings(max_examples=600, deadline=None)
@given(_documents())
@example(("支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。", 0, 1, frozenset()))  # figures below the end
@example(("支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。", 1, 3, frozenset()))  # figures first
@example(("本部门收入\n支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。", 1, 4, frozenset()))  # second
@example(("本部门收入\n支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。", 0, 3, frozenset()))  # last
@example(("本部门收入\n支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。\n本部门收入", 0, 5, frozenset()))
@example(("本部门支出预算\n万元。与上年相比减少 万元。\n5533 20\n主要用于保障运行。", 1, 4, frozenset()))  # gap before
def test_a_parts_restored_figures_taken_from_the_whole_are_those_it_finds_alone(
        document: tuple[str, int, int, frozenset[int]]) -> None:
    # Where the part's ends and the whole's next prose line hold no figures to place, the whole's
    # restored texts of the part's lines are what the part alone restores.
    text, start, end, skip = document
    lines = split_lines(text)
    part = lines[start:end]
    whole = paragraph_run(lines, skip)
    assert _start_within(lines, part) == (start if part else 0)
    read = [line for line in part if line.number not in whole.pages]
    if _pages_of_part(whole, part, {line.number for line in part}) == whole.pages & {line.number for line in part} \
            and _restored_alike(whole, part, start, read, skip):
        numbers = {line.number for line in part}
        assert {number: text for number, text in whole.restored.items() if number in numbers} \
            == restored_figures(read, skip)


def test_a_part_ending_above_a_figure_line_is_not_given_the_wholes_restored_text() -> None:
    lines = split_lines("本部门收入\n支出预算 万元。与上年相比减少\n5533 20\n万元，减少 0.36 %。")
    whole = paragraph_run(lines)
    assert whole.restored[2] == "支出预算 5533 万元。与上年相比减少 20"  # placed by the line below the part
    assert not _restored_alike(whole, lines[:2], 0, lines[:2], ())
    taken = paragraphs_within(whole, lines[:2])
    assert [paragraph.text for paragraph in taken] == ["本部门收入支出预算万元。与上年相比减少"]
