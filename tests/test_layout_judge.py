"""What a placing of a layout table's open pages reads as (readers/text/layout_judge.py): the judge
keeps a page's cells only where every placing that adds up reads alike, so a reading must hold every
row of the table, both sides of a two-sided one, and a placing must not add up by leaving a row out."""

from __future__ import annotations

import attrs

from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.layout_judge import reading_of
from cnbudget.readers.text.source import split_lines


def _summary(revenue: str, expenditure: str, rows_between: str = "") -> Block:
    """收支预算总表 in the TSV form: 财政拨款 ``revenue`` beside 一般公共服务支出 ``expenditure``, the
    rows ``rows_between``, then the totals."""
    text = ("收支预算总表\n收入\t\t支出\t\n项目名称\t金额\t项目名称\t金额\n"
            f"一、财政拨款\t{revenue}\t一、一般公共服务支出\t{expenditure}\n{rows_between}"
            f"收入合计\t{revenue}\t支出合计\t{expenditure}\n")
    return find_blocks(split_lines(text))[0]


def _reading(block: Block) -> object:
    return reading_of(block, block.lines, {line.number for line in block.lines})


def test_two_summaries_that_add_up_with_other_figures_read_differently() -> None:
    # Both add up; a reading that left out the two sides (each table reading alike) would let the
    # judge take either placing of a page without a word.
    ten, twenty = _reading(_summary("10.00", "10.00")), _reading(_summary("20.00", "20.00"))
    assert ten is not None and twenty is not None
    assert ten != twenty
    assert ten == _reading(_summary("10.00", "10.00"))


def test_a_summary_with_an_expenditure_row_no_identity_places_does_not_add_up() -> None:
    # 某某事务支 (a wrapped name's piece, no 类) printing no figure is read as a row of no role: the
    # totals cannot tell it from the reading that joins it to its other piece.
    assert _reading(_summary("10.00", "10.00", "\t\t某某事务支\t\n")) is None
    assert _reading(_summary("10.00", "10.00", "\t\t二、外交支出\t\n")) is not None


def test_a_summary_with_a_row_of_no_role_printing_a_figure_still_adds_up() -> None:
    # Rows real templates print under the function 类 (an economic 类, a 其中 line) have no role in
    # the summary's sums; with a figure they are no piece of a wrapped name, and they stay readable.
    for row in ("\t\t其中：人员经费\t4.00\n", "\t\t工资福利支出\t4.00\n"):
        assert _reading(_summary("10.00", "10.00", row)) is not None


def test_a_summary_that_does_not_add_up_has_no_reading() -> None:
    assert _reading(_summary("10.00", "20.00")) is None


def test_a_reading_is_the_same_wherever_its_rows_are_printed() -> None:
    # Placings are told apart by their readings (dict keys): rows printed on other lines or pages
    # must read alike, or one reading would count as two and the page stay unplaced.
    block = _summary("10.00", "10.00")
    lower = find_blocks(split_lines("\n\n" + "\n".join(line.raw for line in (block.title, *block.lines))))[0]
    assert [line.number for line in lower.lines] != [line.number for line in block.lines]
    here, there = _reading(block), _reading(lower)
    assert here is not None and here == there and hash(here) == hash(there)
    paged = reading_of(block, [attrs.evolve(line, page=2) for line in block.lines],
                       {line.number for line in block.lines})
    assert paged == here and hash(paged) == hash(here)
