"""A two-sided table's lines are told apart without a pattern per cell where one is not needed: a
line is data where the plain way (each cell's spaces taken out by \\s) finds it is, and an entry
with figures or a code of its own is no tail of the one above, told before its name is taken apart:
what taking the name apart first finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.tables import two_sided
from cnbudget.readers.tables.summary_names import is_known_name, is_recognised, parse_printed
from cnbudget.readers.tables.two_sided import SideEntry, _is_tail, is_two_sided_data
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine

_CELLS = st.sampled_from(["", " ", "项 目", "预算数", "支出功能分类", "本年收入", "合\u3000计", "5.00", "1,000.00",
                          "230 转移性支出", "一般公共预算", "其中：财政拨款", "x", "\u00a0"])


def _is_two_sided_data_plainly(line: SourceLine) -> bool:
    return any(is_amount(cell) for cell in line.cells) or not all(
        two_sided._HEADING.fullmatch(re.sub(r"\s+", "", cell)) for cell in line.cells if cell.strip())


@settings(max_examples=800)
@given(st.lists(_CELLS, min_size=1, max_size=6))
def test_a_line_is_data_where_the_plain_way_finds_it_is(cells: list[str]) -> None:
    line = SourceLine.of(1, "x\ty").with_cells(tuple(cells))
    assert is_two_sided_data(line) is _is_two_sided_data_plainly(line)


def _is_tail_plainly(head: SideEntry, tail: SideEntry, revenue_side: bool) -> bool:
    piece = parse_printed(tail.printed)
    if tail.has_amounts or tail.code or piece.numbered or piece.code or piece.part_of:
        return False
    if is_recognised(piece, revenue=revenue_side):
        return False
    start = parse_printed(head.printed)
    joined = parse_printed(head.printed + tail.printed)
    if not head.has_amounts:
        return is_known_name(joined, revenue=revenue_side) and (
            start.numbered or not is_known_name(start, revenue=revenue_side))
    if revenue_side:
        return not is_recognised(start, revenue=True) and is_recognised(joined, revenue=True)
    return is_recognised(joined, revenue=False)


_NAMES = st.sampled_from(["一般公共服务支", "出", "一、一般公共服务支出", "上级国有资本经营预算安排转移支", "付",
                          "其中：", "本年收入", "201 一般公共服务支出", "总计", "国土海洋气象等支",
                          "十七、国土海洋气象等支"])


@settings(max_examples=800)
@given(_NAMES, _NAMES, st.booleans(), st.booleans(), st.sampled_from([None, "201"]), st.booleans())
def test_a_tail_is_told_as_taking_its_name_apart_first_tells(
    head: str, tail: str, head_figures: bool, tail_figures: bool, code: str | None, revenue: bool,
) -> None:
    line = SourceLine.of(1, "x")
    above = SideEntry(line=line, printed=head, has_amounts=head_figures)
    below = SideEntry(line=line, printed=tail, code=code, has_amounts=tail_figures)
    assert _is_tail(above, below, revenue) is _is_tail_plainly(above, below, revenue)


def test_the_plain_ways_tell_a_tail_and_a_heading() -> None:
    line = SourceLine.of(1, "x")
    assert _is_tail_plainly(SideEntry(line=line, printed="一、一般公共服务支", has_amounts=True),
                            SideEntry(line=line, printed="出"), False)
    assert not _is_two_sided_data_plainly(SourceLine.of(1, "项 目\t预算数\t支出功能分类\t预算数"))
