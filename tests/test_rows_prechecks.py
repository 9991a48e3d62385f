"""Reading a row asks its lead cells for a figure only where one holds a point or a comma, asks
whether a row only continues the name above starting from the name's cell, and keeps the code its
cells make per cells: each answer is the one the plain way gives."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode
from cnbudget.errors import InvalidCode
from cnbudget.readers.tables import rows
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.rows import _continues, code_from_cells, fits_lead

_CELLS = st.one_of(
    st.sampled_from(["", " ", "201", "304", "合计", "其中", "基本工资", "1,089.27", "156,211,123", "5.00", "-5.00",
                     " 12.5 ", "12,5", "1.2.3", "行政运行（单位）", "其他医疗保障管理事务支", "出", "5.00\n"]),
    st.text(alphabet="0123456789,.- 出支", max_size=8),
)
_LAYOUT = Layout(name="demo", signature=(), lead=("code", "code", "code", "name"), amounts=("total",))


@settings(max_examples=1000)
@given(st.lists(_CELLS, min_size=4, max_size=4))
@example(["", "", "", "156,211,123"])
@example(["", "", " 5.00 ", "名称"])
def test_a_lead_fits_where_no_cell_is_a_figure(lead: list[str]) -> None:
    plain = all(rows._FIGURE.match(cell.strip()) is None for cell in lead)
    assert fits_lead(_LAYOUT, lead) is plain


@settings(max_examples=1000)
@given(st.lists(_CELLS, min_size=4, max_size=7), st.integers(0, 3))
@example(["", "", "", "出"], 3)
@example(["", "", "", "出", "5.00"], 3)
@example(["", "", "", "一个很长很长很长很长很长的名称"], 3)
def test_a_row_continues_the_name_above_where_only_its_short_name_is_filled(cells: list[str], name_index: int) -> None:
    lead = cells[:4]
    filled = [index for index, cell in enumerate(cells) if cell.strip()]
    plain = filled == [name_index] and len(lead[name_index]) <= 12
    assert _continues(lead, cells, name_index) is plain


_CODE_PARTS = st.lists(st.sampled_from(["", " ", "201", "2", "02", "15", "99", "2101599", "301", "合计", "7", "11",
                                        "2 01"]), min_size=1, max_size=3)


def _plain_code(parts: list[str], family: type[ClassificationCode]) -> ClassificationCode | None:
    filled = [p for p in parts if p.strip()]
    if not filled:
        return None
    if len(parts) == 1 or (len(filled) == 1 and len(filled[0].replace(" ", "")) > 3 and parts[0].strip()):
        return family(filled[0])
    padded = [parts[0], *(f"0{p.strip()}" if rows._lost_zero(p) else p for p in parts[1:])]
    return family.from_parts(*padded)


def _outcome(make: Callable[[], ClassificationCode | None]) -> tuple[str, str]:
    try:
        code = make()
    except InvalidCode as error:
        return "error", str(error)
    return type(code).__name__, repr(code)


@settings(max_examples=800)
@given(_CODE_PARTS, st.sampled_from([FunctionCode, EconomicCode]))
def test_a_code_kept_per_cells_is_the_code_the_cells_make(parts: list[str], family: type[ClassificationCode]) -> None:
    plain = _outcome(lambda: _plain_code(parts, family))
    assert _outcome(lambda: code_from_cells(parts, family)) == plain
    assert _outcome(lambda: code_from_cells(parts, family)) == plain  # asked again: the same, errors too
