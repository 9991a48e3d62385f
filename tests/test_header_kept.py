"""A table's layout read from its header is kept by the header's cells (a template's header recurs
in every document of it): what is kept for a header is what reading it afresh gives, whatever lines
print the cells (their numbers, raw text and pages are not read), and a header read again is
answered with what it gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model.amounts import BasicAmounts, ExpenditureAmounts, SourceAmounts
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.header import (
    DerivedLayout,
    _from_rows,
    _from_words,
    derive_layout,
    header_amounts,
    header_columns,
    join_wrapped,
)
from cnbudget.readers.text.source import SourceLine

_CELLS = st.sampled_from(["", " ", "类", "款", "项", "科目编码", "功能分类科目名称", "科目名称", "单位代码",
                          "项目名称", "合计", "小计", "基本支出", "项目支出", "人员经费", "公用经费", "财政拨款",
                          "支出预算", "单位预留机动经", "费", "一般公共预算", "政府性基金", "其他收入", "上年结转",
                          "部门经济分类", "政府预算经济分类"])
_PRINTED: list[list[tuple[str, ...]]] = [  # headers as templates print them, which the cells above seldom make
    [("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"), ("类", "款", "项")],
    [("功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出")],
    [("项目", "", "", "", "支出预算"), ("功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"),
     ("类", "款", "项")],
    [("部门经济分类", "", "合计", "人员经费", "公用经费"), ("类", "款")],
    [("单位代码", "科目名称", "合计", "一般公共预算", "政府性基金", "其他收入", "上年结转")],
]


@st.composite
def _printed_rows(draw: st.DrawFn) -> list[tuple[str, ...]]:
    """A printed header with its columns' order shuffled and a cell or two replaced."""
    rows = [list(row) for row in draw(st.sampled_from(_PRINTED))]
    widest = max(rows, key=len)
    widest[2:] = draw(st.permutations(widest[2:]))
    for _ in range(draw(st.integers(0, 2))):
        row = draw(st.sampled_from(rows))
        row[draw(st.integers(0, len(row) - 1))] = draw(_CELLS)
    return [tuple(row) for row in rows]


_ROWS = st.one_of(st.lists(st.lists(_CELLS, min_size=1, max_size=8).map(tuple), min_size=1, max_size=4),
                  _printed_rows())
_RECORDS = st.sampled_from([ExpenditureAmounts, SourceAmounts, BasicAmounts])


def _afresh(header: list[SourceLine], record: type, economic: bool) -> DerivedLayout | str:
    """derive_layout's reading of the lines themselves, nothing kept (as it was first written)."""
    joined = join_wrapped(header, record)
    by_rows = _from_rows(header_columns(joined), record, economic)
    found = by_rows
    if isinstance(by_rows, str):
        by_words = _from_words([line.cells for line in joined], record, economic)
        found = by_words if not isinstance(by_words, str) else by_rows
    if isinstance(found, str):
        return found
    layout = Layout(name="from-header", signature=(), lead=found.lead, amounts=found.amounts, record=record)
    return DerivedLayout(layout=layout, indexes=found.indexes)


@settings(max_examples=400)
@given(_ROWS, _RECORDS, st.booleans(), st.integers(1, 900), st.sampled_from([None, 3]))
def test_a_header_reads_as_its_cells_read_afresh(
    rows: list[tuple[str, ...]], record: type, economic: bool, first: int, page: int | None,
) -> None:
    header = [SourceLine.of(first + offset, "x\ty", page=page).with_cells(cells)
              for offset, cells in enumerate(rows)]
    found = derive_layout(header, record, economic=economic)
    assert found == _afresh(header, record, economic)
    # Printed again on other lines (another table, another document): the same reading.
    elsewhere = [SourceLine.of(7, "\t".join(cells)).with_cells(cells) for cells in rows]
    assert derive_layout(elsewhere, record, economic=economic) == found


@settings(max_examples=400)
@given(_ROWS, _RECORDS, st.booleans())
def test_a_headers_amounts_are_those_of_its_layout(rows: list[tuple[str, ...]], record: type, economic: bool) -> None:
    # What a reader asks first (the amount columns, no layout made): the layout's, or the same reason.
    header = [SourceLine.of(number, "\t".join(cells)).with_cells(cells) for number, cells in enumerate(rows, start=1)]
    afresh = _afresh(header, record, economic)
    expected = afresh if isinstance(afresh, str) else afresh.layout.amounts
    assert header_amounts(header, record, economic=economic) == expected
    assert header_amounts(header, record, economic=economic) == expected  # answered again from what was kept


def test_a_kept_header_is_read_as_printed() -> None:
    rows = [("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"), ("类", "款", "项")]
    header = [SourceLine.of(number, "\t".join(cells)) for number, cells in enumerate(rows, start=1)]
    found = derive_layout(header, ExpenditureAmounts)
    assert isinstance(found, DerivedLayout)
    assert found.layout.lead == ("code", "code", "code", "name")
    assert found.layout.amounts == ("total", "basic", "project")
    assert found.indexes == (0, 1, 2, 3, 4, 5, 6)
    assert derive_layout(header, ExpenditureAmounts) is found  # kept


@settings(max_examples=300)
@given(st.lists(_CELLS, min_size=1, max_size=3).map("".join), _RECORDS)
def test_a_heading_kept_matches_the_columns_matching_it_afresh(label: str, record: type) -> None:
    # The columns whose words a heading fits, kept per heading: each of the record's patterns tried anew.
    from cnbudget.model import columns

    afresh = tuple(name for name, pattern in columns._words(record).by_field if pattern.fullmatch(label))
    assert columns._matches(record, label) == afresh
    assert columns._matches(record, label) == afresh  # answered again from what was kept
