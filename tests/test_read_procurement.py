"""政府采购支出预算表: rows read by what they hold, whatever column an extraction put them in."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import ProcurementLine, ProcurementTable
from cnbudget.model.lines import PROCUREMENT_LEVELS
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.procurement import read_procurement_table
from cnbudget.readers.text.blocks import find_blocks
from cnbudget.readers.text.source import split_lines

HEAD = "政府采购支出预算表\n采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n"


def _read(*rows: str) -> tuple[ProcurementTable | None, list[Problem]]:
    (block,) = find_blocks(split_lines(HEAD + "\n".join(rows)))
    return read_procurement_table(block)


def test_the_tree_of_a_procurement_table() -> None:
    table, problems = _read("合计\t\t\t\t\t370.00", "三、服务 C\t\t\t\t\t370.00",
                            "\t物业管理费\t物业管理费\t\t\t370.00",
                            "\t\t\t物业管理服务\t部门集中采购\t330.00",
                            "\t\t\t\t分散自行组织\t20.00",  # the same item bought a second way
                            "\t\t\t其他服务\t分散自行组织\t20.00")
    assert problems == [] and table is not None
    assert [(line.level, line.item, line.method, line.amount) for line in table.lines] == [
        ("total", None, None, Decimal("370.00")), ("category", None, None, Decimal("370.00")),
        ("subject", None, None, Decimal("370.00")),
        ("item", "物业管理服务", "部门集中采购", Decimal("330.00")),
        ("item", "物业管理服务", "分散自行组织", Decimal("20.00")),
        ("item", "其他服务", "分散自行组织", Decimal("20.00"))]
    assert {line.category for line in table.lines[1:]} == {"服务"}


def test_rows_that_say_no_level_are_reported() -> None:
    _, problems = _read("合计\t\t\t\t\t9.00", "\t办公设备购置\t办公设备购置\t\t\t9.00")
    assert [p.message for p in problems] == [
        "row not read: a row before any 采购品目大类 (办公设备购置 | 办公设备购置)"]
    _, problems = _read("合计\t\t\t\t\t9.00", "一、货物 A\t\t\t\t\t9.00", "\t\t\t台式计算机\t政府集中采购\t9.00")
    assert "no economic subject" in problems[0].message


def test_a_row_with_two_amounts_is_not_read() -> None:
    _, problems = _read("合计\t\t\t\t\t9.00\t1.00")
    assert problems and "2 amounts" in problems[0].message


def test_rows_below_a_row_not_read_stand_under_nothing_carried_over_it() -> None:
    # The second subject row prints two amounts (not read): it may have begun another project or
    # subject, so the item below it is reported, never put under 办公设备购置 above.
    table, problems = _read("合计\t\t\t\t\t12.00", "一、货物 A\t\t\t\t\t12.00",
                            "\t办公设备购置\t办公设备购置\t\t\t9.00",
                            "\t专用设备购置\t专用设备购置\t\t\t3.00\t3.00",
                            "\t\t\t其他专用设备\t分散自行组织\t3.00",
                            "二、服务 C\t\t\t\t\t0.00")
    assert table is not None
    assert [(line.level, line.name) for line in table.lines] == [
        ("total", "合计"), ("category", "一、货物A"), ("subject", "办公设备购置"), ("category", "二、服务C")]
    assert [(p.line, p.message) for p in problems][1] == (
        7, "row not read: a row below a row not read (line 6) that may have begun what it stands under")


def test_a_method_printed_with_no_item_above_it_is_no_subject() -> None:
    """A row printing only a purchase method right under a subject (its item, merged over it and the
    row below, not read) is reported, never read as a subject named 部门集中采购."""
    table, problems = _read("合计\t\t\t\t\t90.00", "三、服务 C\t\t\t\t\t90.00",
                            "\t物业管理费\t物业管理费\t\t\t90.00", "\t\t\t\t部门集中采购\t60.00")
    assert table is not None
    assert "部门集中采购" not in {line.name for line in table.lines}
    assert [p.message for p in problems] == [
        "row not read: a row whose cells (部门集中采购) say neither a subject nor an item"]


def test_the_tree_of_a_procurement_table_by_levels_as_printed() -> None:
    office, fee = "办公设备购置", "物业管理费"
    rows = [
        ProcurementLine(name="合计", amount="30.00"),
        ProcurementLine(category="货物", name="货物", amount="20.00"),
        ProcurementLine(category="货物", project=office, subject=office, name=office, amount="20.00"),
        ProcurementLine(category="货物", project=office, subject=office, name="台式计算机", item="台式计算机",
                        amount="20.00"),
        ProcurementLine(project=fee, subject=fee, name=fee, amount="10.00"),  # no category of its own
        ProcurementLine(project=fee, subject=fee, name="物业管理服务", item="物业管理服务", amount="10.00"),
    ]
    below, tops = ProcurementTable(lines=rows).tree()
    # Row 4 (a subject) stands under the category 货物 printed above it, the nearest row above of a
    # higher level, though it names no category; each item under its subject.
    assert below == {1: [2, 4], 2: [3], 4: [5]}
    assert tops == [1]


def _tree_looking_back(levels: list[str]) -> tuple[dict[int, list[int]], list[int]]:
    """ProcurementTable.tree as it was written first: each row looks back, row by row, for its parent."""
    ranks = [PROCUREMENT_LEVELS.index(level) for level in levels]
    below: dict[int, list[int]] = {}
    tops: list[int] = []
    for index, rank in enumerate(ranks):
        if rank == 0:
            continue
        parent = next((i for i in range(index - 1, -1, -1) if 0 < ranks[i] < rank), None)
        (tops if parent is None else below.setdefault(parent, [])).append(index)
    return below, tops


_LINE = {"total": ProcurementLine(name="合计", amount="1.00"),
         "category": ProcurementLine(category="货物", name="货物", amount="1.00"),
         "subject": ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置",
                                    name="办公设备购置", amount="1.00"),
         "item": ProcurementLine(category="货物", project="办公设备购置", subject="办公设备购置",
                                 name="台式计算机", item="台式计算机", amount="1.00")}


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PROCUREMENT_LEVELS), max_size=14))
def test_the_tree_is_each_rows_nearest_row_above_of_a_higher_level(levels: list[str]) -> None:
    # Levels in any order, some left out, totals anywhere: the parents are those looking back finds.
    assert [_LINE[level].level for level in levels] == levels
    assert ProcurementTable(lines=[_LINE[level] for level in levels]).tree() == _tree_looking_back(levels)
