"""Readings of one two-sided table under several versions of its lines (the layout judge's placings
of a later page) read the lines they share above the first refused line once
(:class:`~cnbudget.readers.tables.two_sided.SharedLines`): each reading is what reading its lines
plainly gives, whatever the versions read before it (a later line that joins a name's tail to an
entry above, or gives it its figures, must not change the state kept for the next version), and
lines that merely look alike are read again."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.tables.summary_tables import SUMMARY_LAYOUTS
from cnbudget.readers.tables.two_sided import SharedLines, SideEntry, TwoSidedReading, read_two_sided
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import SourceLine, split_lines

_TITLE = "收支预算总表\n收入\t\t支出\t\n项目名称\t金额\t项目名称\t金额\n"
# Cells of one line: names, pieces of wrapped names (whose rest or figures a later line gives), figures.
_ROWS = st.sampled_from([
    "一、财政拨款\t10.00\t一、一般公共服务支出\t4.00",
    "二、事业收入\t2.00\t二、外交支出\t",
    "\t\t十七、国土海洋气象等支\t",
    "\t\t出\t3.00",
    "\t\t\t5.00",
    "\t\t三、国防支出\t3.00",
    "上级补助收\t\t\t",
    "入\t1.00\t\t",
    "\t\t某某事务支\t",
    "\t\t其中：人员经费\t2.00",
    "5.00\t\t四、公共安全支出\t1.00",
    "收入合计\t12.00\t支出合计\t12.00",
])


def _lines(rows: list[str], first: int) -> list[SourceLine]:
    """The rows as the lines of a table starting at line ``first``."""
    return [attrs.evolve(line, number=line.number + first - 1) for line in split_lines("\n".join(rows))]


def _as_read(reading: TwoSidedReading) -> object:
    def side(entries: tuple[SideEntry, ...]) -> list[object]:
        return [attrs.asdict(entry, recurse=False) for entry in entries]
    return reading.layout, side(reading.revenue), side(reading.expenditure), reading.problems


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROWS, min_size=1, max_size=6), st.lists(st.tuples(st.lists(_ROWS, min_size=1, max_size=4),
                                                                    st.none() | st.integers(0, 5), _ROWS),
                                                          min_size=1, max_size=5))
def test_each_version_reads_as_its_lines_read_plainly(shared_rows: list[str],
                                                      versions: list[tuple[list[str], int | None, str]]) -> None:
    block = find_blocks(split_lines(_TITLE + "\n".join(shared_rows)))[0]
    first_own = block.lines[-1].number + 1
    shared = SharedLines()
    for own_rows, changed, row in versions:
        lines = list(block.lines)
        if changed is not None:  # a shared line in another version: read again, not taken as the kept one
            index = len(lines) - 1 - changed % len(shared_rows)
            lines[index] = _lines([row], lines[index].number)[0]
        version = attrs.evolve(block, lines=(*lines, *_lines(own_rows, first_own)))
        refused_on = set(range(first_own, first_own + len(own_rows)))
        plain = read_two_sided(version, SUMMARY_LAYOUTS, refused_on)
        assert _as_read(read_two_sided(version, SUMMARY_LAYOUTS, refused_on, shared)) == _as_read(plain)


def _block(rows: str) -> Block:
    return find_blocks(split_lines(_TITLE + rows))[0]


def test_a_kept_state_is_not_changed_by_the_lines_that_complete_an_entry() -> None:
    # The name above the page prints no figure: one version's line gives it its figures, another's
    # the rest of its name; each later version must find it as printed above the page.
    block = _block("一、财政拨款\t3.00\t十七、国土海洋气象等支\t")
    own = block.lines[-1].number + 1
    shared = SharedLines()
    readings = []
    for rows in (["\t\t\t3.00"], ["\t\t出\t"], ["收入合计\t3.00\t支出合计\t3.00"], ["\t\t\t3.00"]):
        version = attrs.evolve(block, lines=(*block.lines, *_lines(rows, own)))
        reading = read_two_sided(version, SUMMARY_LAYOUTS, {own}, shared)
        assert _as_read(reading) == _as_read(read_two_sided(version, SUMMARY_LAYOUTS, {own}))
        readings.append(reading.expenditure[0])
    assert [(entry.printed, entry.has_amounts) for entry in readings] == [
        ("十七、国土海洋气象等支", True), ("十七、国土海洋气象等支出", False),
        ("十七、国土海洋气象等支", False), ("十七、国土海洋气象等支", True)]
