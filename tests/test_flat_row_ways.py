"""A flat row's ways of putting back its blanks (:func:`cnbudget.readers.flat.one_sided.row_candidates`),
found by holding each identity once per projection (the total's figure and the set of figures its
parts hold, :mod:`cnbudget.readers.flat.row_ways`), are those the plain enumeration finds: every
combination of blank columns in order, each way's identities checked by
:meth:`~cnbudget.readers.flat.scaled.PrintedFigures.sum_holds`, at most 5,001 ways tried."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.flat.one_sided import RowCandidates, row_candidates
from cnbudget.readers.flat.placing import Candidate
from cnbudget.readers.flat.row_ways import _shape
from cnbudget.readers.flat.scaled import PrintedFigures
from cnbudget.readers.tables.columns import Layout

_TRIED = 5_001  # the plain enumeration's limit: the first 5,001 ways

# Few distinct figures, so that sums often meet (1 + 2 = 3, 1.5 + 1.5 = 3.0) and often do not.
_FIGURES = st.sampled_from(["", "-", "0", "0.00", "1", "2", "3", "1.5", "3.0", "6", "0.5", "2.00", "1,000"])


def _every_way(layout: Layout, figures: Sequence[str]) -> list[Candidate]:
    width = len(layout.amounts)
    if len(figures) == width:
        return [dict(zip(layout.amounts, figures, strict=True))]
    read = PrintedFigures()
    ways: list[Candidate] = []
    for gaps in itertools.islice(itertools.combinations(range(width), width - len(figures)), _TRIED):
        cells = list(figures)
        for gap in gaps:
            cells.insert(gap, "")
        row = dict(zip(layout.amounts, cells, strict=True))
        if all(read.sum_holds(row[total], [row[part] for part in parts]) for total, parts in layout.identities):
            ways.append(row)
    return ways


@st.composite
def _rows(draw: st.DrawFn, widest: int = 8) -> tuple[Layout, list[str]]:
    width = draw(st.integers(1, widest))
    amounts = tuple(f"c{index}" for index in range(width))
    identities = []
    for _ in range(draw(st.integers(0, 3))):
        total = draw(st.integers(0, width - 1))
        others = [index for index in range(width) if index != total]
        parts = draw(st.lists(st.sampled_from(others), unique=True, max_size=len(others))) if others else []
        identities.append((amounts[total], tuple(amounts[part] for part in parts)))
    layout = Layout(name="demo", signature=(), lead=("name",), amounts=amounts, identities=tuple(identities))
    return layout, draw(st.lists(_FIGURES, max_size=width))


@settings(max_examples=500, deadline=None)
@given(_rows())
def test_the_ways_found_by_projection_are_those_of_the_plain_enumeration(row: tuple[Layout, list[str]]) -> None:
    layout, figures = row
    assert [dict(way) for way in row_candidates(layout, figures)] == _every_way(layout, figures)


@settings(max_examples=100, deadline=None)
@given(_rows(widest=12))
def test_the_ways_of_wide_rows_are_those_of_the_plain_enumeration(row: tuple[Layout, list[str]]) -> None:
    # As wide as the 12 columns of a revenue table (收入总表), where identities span many columns.
    layout, figures = row
    assert [dict(way) for way in row_candidates(layout, figures)] == _every_way(layout, figures)


@settings(max_examples=200, deadline=None)
@given(st.lists(_rows(widest=5), min_size=1, max_size=6), st.data())
def test_a_reads_candidates_made_once_are_those_of_each_layout_and_figures(
    rows: list[tuple[Layout, list[str]]], data: st.DataObject
) -> None:
    # One read's candidates serve every table: asked again (for one layout's figures or another's),
    # in any order, each is the plain enumeration's for its own layout and figures.
    made = RowCandidates()
    asked = rows + data.draw(st.lists(st.sampled_from(rows), max_size=8))
    for layout, figures in asked:
        assert [dict(way) for way in made.of(layout, tuple(figures))] == _every_way(layout, figures)
    for layout, figures in asked:  # the same layout and figures: the same list, made once
        assert made.of(layout, tuple(figures)) is made.of(layout, tuple(figures))


def test_a_row_with_more_ways_than_are_tried_keeps_the_first_that_hold() -> None:
    # 16 columns, 8 figures: 12,870 ways, of which the plain enumeration tried the first 5,001.
    amounts = tuple(f"c{index}" for index in range(16))
    layout = Layout(name="wide", signature=(), lead=("name",), amounts=amounts,
                    identities=(("c0", ("c1", "c2")), ("c3", ("c4", "c5", "c6"))))
    figures = ["3", "1", "2", "3", "1", "2", "1", "1"]
    found = [dict(way) for way in row_candidates(layout, figures)]
    assert found == _every_way(layout, figures)
    # The first way tried, by hand: c0..c7 blank (0 = 0 + 0 twice), the figures in c8..c15; it holds.
    assert found[0] == dict(zip(amounts, [""] * 8 + figures, strict=True))
    # The first with c0 printed: 3 = 1 + 2 in c0..c2, c3..c6 blank, c7..c11 the rest; it is not tried.
    assert dict(zip(amounts, figures[:3] + [""] * 4 + figures[3:] + [""] * 4, strict=True)) not in found


def test_a_row_printing_every_column_is_as_printed_and_one_printing_more_has_no_way() -> None:
    layout = Layout(name="demo", signature=(), lead=("name",), amounts=("total", "basic", "project"),
                    identities=(("total", ("basic", "project")),))
    assert row_candidates(layout, ["5.00", "1.00", "1.00"]) == [{"total": "5.00", "basic": "1.00", "project": "1.00"}]
    assert row_candidates(layout, ["1", "1", "1", "1"]) == []


def _plain_places(layout: Layout) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The identities by place, as each row made them before the layout kept them."""
    position = {field: index for index, field in enumerate(layout.amounts)}
    return tuple((position[total], tuple(position[part] for part in parts)) for total, parts in layout.identities)


_COLUMNS = st.sampled_from(["c0", "c1", "c2", "c3", "c4"])  # c3 and c4 may be left unprinted


@given(st.integers(1, 5), st.lists(st.tuples(_COLUMNS, st.lists(_COLUMNS, max_size=4).map(tuple)), max_size=3),
       st.lists(_FIGURES, max_size=4))
@example(3, [("c0", ("c1", "c2"))], ["1", "1"])  # every column printed
@example(2, [("c0", ("c1", "c3"))], ["1"])  # a part not printed
@example(2, [("c4", ("c1", "c3"))], ["1"])  # neither the total nor a part: the total is named first
@example(2, [("c0", ("c3",))], ["1", "2"])  # a row printing every column looks at no identity
def test_a_layouts_identities_by_place_are_those_each_row_made(
        width: int, identities: list[tuple[str, tuple[str, ...]]], figures: list[str]) -> None:
    layout = Layout(name="demo", signature=(), lead=("name",), amounts=tuple(f"c{index}" for index in range(width)),
                    identities=tuple(identities))
    try:
        plain: tuple[tuple[int, tuple[int, ...]], ...] | KeyError = _plain_places(layout)
    except KeyError as missing:
        plain = missing
    if isinstance(plain, KeyError):
        assert layout.identity_places is None
        if len(figures) < width:  # a row with blanks asks for its identities: the same column is missing
            with pytest.raises(KeyError) as raised:
                row_candidates(layout, figures)
            assert raised.value.args == plain.args
    else:
        assert layout.identity_places == plain
    if len(figures) > width:
        assert row_candidates(layout, figures) == []
    elif len(figures) == width or not isinstance(plain, KeyError):
        assert row_candidates(layout, figures) == _every_way(layout, figures)


def _plain_shape(width: int, figures: int, identities: tuple[tuple[int, tuple[int, ...]], ...]) -> tuple[
        list[tuple[int, ...]], list[list[tuple[int, ...]]], list[list[int]]]:
    """Every way by inserting blanks at each combination of gap columns, and per identity each way's
    projection (total's figure, then the parts' figures sorted, blanks out), numbered as first seen."""
    ways = []
    for gaps in itertools.combinations(range(width), width - figures):
        placed = list(range(figures))
        for gap in gaps:
            placed.insert(gap, figures)
        ways.append(tuple(placed))
    projections, of_ways = [], []
    for total, parts in identities:
        seen: dict[tuple[int, ...], int] = {}
        of_ways.append([seen.setdefault((way[total], *sorted(way[p] for p in parts if way[p] != figures)), len(seen))
                        for way in ways])
        projections.append(list(seen))
    return ways, projections, of_ways


@st.composite
def _shapes(draw: st.DrawFn) -> tuple[int, int, tuple[tuple[int, tuple[int, ...]], ...]]:
    width = draw(st.integers(1, 10))
    identities = []
    for _ in range(draw(st.integers(0, 3))):
        total = draw(st.integers(0, width - 1))
        others = [index for index in range(width) if index != total]
        parts = draw(st.lists(st.sampled_from(others), unique=True, max_size=len(others))) if others else []
        # Odd identities too: a part twice, the total among its parts (added as often as named).
        parts += draw(st.lists(st.sampled_from([total, *parts]), max_size=2))
        identities.append((total, tuple(parts)))  # parts in any order, as a layout may declare them
    return width, draw(st.integers(0, width)), tuple(identities)


@settings(max_examples=300, deadline=None)
@given(_shapes())
@example((3, 1, ((0, (1, 0)),)))  # the total among its parts: its figure is added to them
@example((4, 2, ((1, (2, 2, 3)),)))  # a part twice: its figure is added twice
@example((5, 0, ((0, (1, 2)),)))  # no figure: one way, every column blank
@example((5, 5, ((0, (1, 2, 3, 4)),)))  # every column printed: one way, no blank
def test_a_shapes_ways_and_projections_are_those_built_the_plain_way(
        shape: tuple[int, int, tuple[tuple[int, tuple[int, ...]], ...]]) -> None:
    width, figures, identities = shape
    built = _shape.__wrapped__(width, figures, identities)
    ways, projections, of_ways = _plain_shape(width, figures, identities)
    assert [tuple(way) for way in built.ways] == ways
    assert [[(total, *parts) for total, parts in p] for p in built.projections] == projections
    assert [list(w) for w in built.way_projections] == of_ways
    # Kept as bytes where every index fits in one, as a tuple where not.
    assert [isinstance(w, bytes) for w in built.way_projections] == [len(p) <= 256 for p in projections]


@pytest.mark.parametrize(("shape", "projections"), [
    ((14, 9, ((13, (2, 4, 5, 8, 9, 12)),)), 256),  # as many projections as a byte numbers: bytes
    ((13, 7, ((2, (0, 3, 5, 7, 9, 11)),)), 257),  # one more: a tuple
    ((3, 2, ((0, (1,) * 130),)), 3),  # a part named more often than a byte counts
])
def test_a_shape_at_the_bounds_of_a_byte_is_built_the_plain_way(
        shape: tuple[int, int, tuple[tuple[int, tuple[int, ...]], ...]], projections: int) -> None:
    width, figures, identities = shape
    built = _shape.__wrapped__(width, figures, identities)
    ways, plain_projections, of_ways = _plain_shape(width, figures, identities)
    assert len(plain_projections[0]) == projections
    assert [tuple(way) for way in built.ways] == ways
    assert [[(total, *parts) for total, parts in p] for p in built.projections] == plain_projections
    assert [list(w) for w in built.way_projections] == of_ways
    assert isinstance(built.way_projections[0], bytes) is (projections <= 256)


def test_a_shape_with_more_projections_than_a_byte_holds_finds_the_ways_of_the_plain_enumeration() -> None:
    # 16 columns, 11 figures (4,368 ways, all tried): c0 = the odd columns has 1,200 projections,
    # more than a byte numbers, so its ways' projections are kept as a tuple and looked up a way.
    amounts = tuple(f"c{index}" for index in range(16))
    odd = tuple(amounts[1::2])
    layout = Layout(name="wide", signature=(), lead=("name",), amounts=amounts,
                    identities=(("c0", odd), ("c2", ("c4", "c6"))))
    assert isinstance(_shape(16, 11, ((0, tuple(range(1, 16, 2))),)).way_projections[0], tuple)
    for figures in (["9", "1", "2", "3", "3", "1", "2", "0", "1", "2", "3"],
                    ["6", "1", "1", "1", "1", "1", "1", "2", "1", "1", "0.5"]):
        found = [dict(way) for way in row_candidates(layout, figures)]
        assert found == _every_way(layout, figures)
        assert found  # some way holds, and some does not: the test holds both answers
        assert len(found) < 4_368


def test_a_row_wider_than_a_shape_is_put_back_way_by_way() -> None:
    # 130 columns (wider than a shape's bytes number), 129 figures: 130 ways, each tried in order.
    amounts = tuple(f"c{index}" for index in range(130))
    layout = Layout(name="wide", signature=(), lead=("name",), amounts=amounts,
                    identities=(("c0", ("c1", "c2")), ("c128", ("c129",))))
    figures = ["3", "1", "2", *(["1"] * 126)]
    found = [dict(way) for way in row_candidates(layout, figures)]
    assert found == _every_way(layout, figures)
    assert 0 < len(found) < 130
    with pytest.raises(ValueError, match="at most 128 columns"):
        _shape(130, 129, ())
