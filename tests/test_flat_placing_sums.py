"""Placing flat figures in whole numbers: the sums and checks of :mod:`cnbudget.readers.flat.scaled`
and :mod:`cnbudget.readers.flat.part_sums` are those of the printed decimals.

The properties hold the fast forms against the plain ones they replace: a printed sum checked in
whole numbers against :func:`cnbudget.money.check_sum`, and the sums that meet a parent, looked
up by fingerprint, against every sum of the parts made one by one."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.money import Consistency, check_sum
from cnbudget.readers.flat.column_bounds import within_bounds
from cnbudget.readers.flat.part_sums import (
    Meeting,
    Option,
    Vector,
    _allowance_print,
    _fingerprint,
    add,
    completes,
    meeting_sums,
    meets,
)
from cnbudget.readers.flat.placing import Identity, _choice_holds, _holds, _meeting_one, _supported, distinct
from cnbudget.readers.flat.scaled import PrintedFigures, Scale

# Printed figures as tables print them: blanks, dashes, zeros with and without decimals, whole
# numbers, one to three decimals, negatives.
printed_figures = st.one_of(
    st.sampled_from(["", "-", "—", "0", "0.00", "0.0", "2,081.55", "1,000"]),
    st.builds(lambda n, places: f"{Decimal(n).scaleb(-places):f}", st.integers(-5_000, 500_000),
              st.integers(0, 3)),
)


def _checked(total: str, parts: Sequence[str]) -> bool:
    value = PrintedFigures().value
    return check_sum(value(total), [value(part) for part in parts]).status is not Consistency.INCONSISTENT


@settings(max_examples=400, deadline=None)
@given(printed_figures, st.lists(printed_figures, max_size=5))
def test_a_sum_holds_in_whole_numbers_exactly_where_check_sum_finds_it_consistent(
    total: str, parts: list[str]
) -> None:
    assert PrintedFigures().sum_holds(total, parts) is _checked(total, parts)


@settings(max_examples=200, deadline=None)
@given(st.lists(printed_figures, min_size=2, max_size=4))
def test_a_sum_that_adds_up_within_rounding_holds(parts: list[str]) -> None:
    figures = PrintedFigures()
    total = sum((figures.value(part) for part in parts), Decimal(0))
    assert figures.sum_holds(f"{total:f}", parts)


def test_figures_are_counted_one_place_below_the_finest_printed() -> None:
    scale = Scale.of(PrintedFigures(), ["2,081.55", "5.8", "12", "0", "-"])
    # Hundredths are the finest printed, so the unit is a thousandth: 0.005 of allowance is 5.
    assert scale.figure("2,081.55") == (2_081_550, 5)
    assert scale.figure("5.8") == (5_800, 50)
    assert scale.figure("12") == (12_000, 500)
    assert scale.figure("0") == (0, 0) and scale.figure("-") == (0, 0) and scale.figure("") == (0, 0)


def test_rounded_figures_meet_their_printed_total() -> None:
    scale = Scale.of(PrintedFigures(), ["1.00", "0.33"])
    third = scale.figure("0.33")
    assert meets(scale.figure("1.00"), add(add(third, third), third))  # 0.99 ± 0.015 meets 1.00 ± 0.005
    assert not meets(scale.figure("1.00"), add(third, third))


def _plain(parts: Sequence[Sequence[Option]], totals: Sequence[Vector]) -> list[tuple[int, Meeting]]:
    """Every sum of the parts made one by one, then held against each total (the enumeration
    :func:`meeting_sums` must agree with)."""
    width = len(totals[0])
    ways: dict[Vector, int] = {(0,) * width: 1}
    witnesses: dict[Vector, list[tuple[int, ...]]] = {(0,) * width: [()]}
    for options in parts:
        next_ways: dict[Vector, int] = {}
        next_witnesses: dict[Vector, list[tuple[int, ...]]] = {}
        for key, count in ways.items():
            for index, vector, part_ways in options:
                new = tuple(a + b for a, b in zip(key, vector, strict=True))
                next_ways[new] = min(2, next_ways.get(new, 0) + count * part_ways)
                kept = next_witnesses.setdefault(new, [])
                for witness in witnesses[key]:
                    if len(kept) < 2:
                        kept.append((*witness, index))
        ways, witnesses = next_ways, next_witnesses
    found = []
    for total in totals:
        keys = [key for key in ways if meets(total, key)]
        found.append((min(2, sum(ways[key] for key in keys)), [(key, w) for key in keys for w in witnesses[key]]))
    return found


# A vector of two columns: small values so that sums often meet; allowances as printed figures have.
vectors = st.tuples(st.integers(0, 6).map(lambda v: v * 10), st.sampled_from([0, 5]),
                    st.integers(0, 6).map(lambda v: v * 10), st.sampled_from([0, 5]))
part_options = st.lists(st.tuples(vectors, st.integers(1, 2)), min_size=1, max_size=4).map(
    lambda options: [(index, vector, ways) for index, (vector, ways) in enumerate(options)])


_SIGNED = st.tuples(st.integers(-60, 60), st.integers(0, 10), st.integers(-60, 60), st.integers(0, 10))


@settings(max_examples=500, deadline=None)
@given(_SIGNED, _SIGNED, _SIGNED)
def test_a_total_is_completed_by_two_parts_exactly_where_it_meets_their_sum(
    total: Vector, others: Vector, part: Vector
) -> None:
    assert completes(total, others, part) == meets(total, add(others, part))


@settings(max_examples=300, deadline=None)
@given(st.lists(part_options, min_size=1, max_size=4), st.lists(vectors, min_size=1, max_size=4))
def test_sums_looked_up_by_fingerprint_are_those_of_every_sum_made(
    parts: list[list[Option]], totals: list[Vector]
) -> None:
    assert meeting_sums(parts, totals) == _plain(parts, totals)


@settings(max_examples=200, deadline=None)
@given(st.lists(part_options, min_size=3, max_size=6), st.lists(vectors, min_size=1, max_size=2))
def test_sums_left_out_before_the_last_part_by_fingerprint_change_nothing(
    parts: list[list[Option]], totals: list[Vector]
) -> None:
    # More sums before the last part than totals and last candidates: the part before the last
    # makes only the sums whose fingerprint can still meet a total (as a wide table's 类 of many 款).
    assert meeting_sums(parts, totals) == _plain(parts, totals)


# One part (a 款 of one 项): its options are the sums. Few distinct vectors among many options, so
# that one vector often stands for three or more options (ways add up, two witnesses are kept).
_FEW_VECTORS = st.tuples(st.sampled_from([0, 10]), st.sampled_from([0, 5]), st.sampled_from([0, 10]), st.just(5))
_MANY_OPTIONS = st.lists(st.tuples(_FEW_VECTORS, st.integers(1, 2)), min_size=1, max_size=8).map(
    lambda options: [(index, vector, ways) for index, (vector, ways) in enumerate(options)])


@settings(max_examples=300, deadline=None)
@given(_MANY_OPTIONS, st.lists(_FEW_VECTORS, min_size=1, max_size=4))
def test_the_sums_of_one_part_are_those_of_every_sum_made(options: list[Option], totals: list[Vector]) -> None:
    assert meeting_sums([options], totals) == _plain([options], totals)


def test_one_part_whose_options_repeat_a_vector_keeps_two_witnesses() -> None:
    same = (100, 5)
    found = meeting_sums([[(0, same, 1), (1, same, 1), (2, same, 1), (3, (200, 5), 1)]], [(100, 5), (300, 5)])
    assert found == [(2, [(same, (0,)), (same, (1,))]), (0, [])]


# Three columns, allowances that differ between columns and candidates (a figure printed to the
# yuan beside one printed to the cent): the window each sum is looked for in is the widest weighted
# allowance of a candidate, not of a column.
_UNEVEN = st.tuples(*(item for _ in range(3) for item in (st.integers(0, 4).map(lambda v: v * 10),
                                                          st.sampled_from([0, 1, 5, 10]))))
_UNEVEN_OPTIONS = st.lists(st.tuples(_UNEVEN, st.integers(1, 2)), min_size=1, max_size=4).map(
    lambda options: [(index, vector, ways) for index, (vector, ways) in enumerate(options)])


@settings(max_examples=300, deadline=None)
@given(_UNEVEN, _UNEVEN)
def test_vectors_that_meet_have_fingerprints_within_their_weighted_allowances(left: Vector, right: Vector) -> None:
    if meets(left, right):
        assert abs(_fingerprint(left) - _fingerprint(right)) <= _allowance_print(left) + _allowance_print(right)


@settings(max_examples=300, deadline=None)
@given(st.lists(_UNEVEN_OPTIONS, min_size=1, max_size=5), st.lists(_UNEVEN, min_size=1, max_size=3))
def test_sums_with_uneven_allowances_are_those_of_every_sum_made(
    parts: list[list[Option]], totals: list[Vector]
) -> None:
    assert meeting_sums(parts, totals) == _plain(parts, totals)


_COLUMNS = ("total", "basic", "project")
_CANDIDATES = st.lists(st.dictionaries(st.sampled_from(_COLUMNS), printed_figures, max_size=3), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_CANDIDATES, min_size=2, max_size=4),
    st.lists(st.integers(0, 3), min_size=1, max_size=3),
    st.lists(st.tuples(st.sampled_from(_COLUMNS), st.sampled_from(_COLUMNS)), min_size=1, max_size=3),
)
def test_an_identity_holds_for_a_choice_of_candidates_as_for_the_candidates_chosen(
    domains: list[list[dict[str, str]]], parts: list[int], columns: list[tuple[str, str]]
) -> None:
    # Rows may repeat among the parts and the total may be a part: then a row's later index is chosen.
    identity = Identity(total=0, parts=tuple(part % len(domains) for part in parts), columns=tuple(columns), what="")
    involved = (identity.total, *identity.parts)
    figures = PrintedFigures()
    holds = _choice_holds(identity, domains, figures)
    for choice in itertools.product(*(range(len(domains[row])) for row in involved)):
        chosen = {row: domains[row][index] for row, index in zip(involved, choice, strict=True)}
        assert holds(choice) == _holds(identity, chosen, figures)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_CANDIDATES, min_size=2, max_size=7),
    st.lists(st.tuples(st.sampled_from(_COLUMNS), st.sampled_from(_COLUMNS)), min_size=1, max_size=3),
)
def test_an_identity_of_distinct_rows_holds_for_a_choice_as_for_the_candidates_chosen(
    domains: list[list[dict[str, str]]], columns: list[tuple[str, str]]
) -> None:
    # Every other row a part of the first: the parts with one candidate are added up once, the
    # others for each choice, in whole numbers of the scale of every cell concerned.
    identity = Identity(total=0, parts=tuple(range(1, len(domains))), columns=tuple(columns), what="")
    figures = PrintedFigures()
    holds = _choice_holds(identity, domains, figures)
    for choice in itertools.product(*(range(len(domain)) for domain in domains)):
        chosen = dict(enumerate(domain[index] for domain, index in zip(domains, choice, strict=True)))
        assert holds(choice) == _holds(identity, chosen, figures)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_CANDIDATES, min_size=2, max_size=6),
    st.lists(st.integers(0, 5), min_size=0, max_size=5),
    st.lists(st.tuples(st.sampled_from(_COLUMNS), st.sampled_from(_COLUMNS)), min_size=1, max_size=3),
)
def test_the_candidates_an_identity_supports_are_those_of_every_choice_that_holds(
    domains: list[list[dict[str, str]]], parts: list[int], columns: list[tuple[str, str]]
) -> None:
    # The parts' choices walked with running sums (rows apart), or every choice (a row twice), against
    # every choice of the plain enumeration held by the printed figures.
    identity = Identity(total=0, parts=tuple(part % len(domains) for part in parts), columns=tuple(columns), what="")
    involved = (identity.total, *identity.parts)
    figures = PrintedFigures()
    expected: dict[int, set[int]] = {row: set() for row in involved}
    for choice in itertools.product(*(range(len(domains[row])) for row in involved)):
        chosen = {row: domains[row][index] for row, index in zip(involved, choice, strict=True)}
        if _holds(identity, chosen, figures):
            for row, index in zip(involved, choice, strict=True):
                expected[row].add(index)
    assert _supported(identity, domains, figures) == expected
    # The rows' vectors made in one scale for the whole table (finer than the identity's own).
    scale = Scale.of(figures, {""}.union(*(candidate.values() for domain in domains for candidate in domain)))

    def rows_vectors(row: int, columns: tuple[str, ...]) -> list[Vector]:
        return [tuple(item for column in columns for item in scale.figure(candidate.get(column, "")))
                for candidate in domains[row]]
    assert _supported(identity, domains, figures, rows_vectors) == expected


_ROW_CANDIDATES = st.lists(st.lists(printed_figures, min_size=3, max_size=3), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_ROW_CANDIDATES, st.booleans())
def test_distinct_candidates_are_those_that_differ_in_some_amount(rows: list[list[str]], shuffled: bool) -> None:
    # A row's candidates (the same columns in the same order), or candidates whose columns stand in
    # another order (then the amounts are compared column by column as a set).
    candidates = [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
    if shuffled and candidates:
        candidates[-1] = dict(reversed(candidates[-1].items()))
    figures = PrintedFigures()
    seen: set[frozenset[tuple[str, Decimal]]] = set()
    expected = []
    for candidate in candidates:
        key = frozenset((column, figures.value(text)) for column, text in candidate.items())
        if key not in seen:
            seen.add(key)
            expected.append(candidate)
    assert distinct(candidates, figures) == expected


# A row's candidates put a few printed cells in its columns: cells that print one amount in two ways
# (5.0 and 5.00, a blank and 0.00) are what set candidates that differ in some cell alike.
_FEW_CELLS = st.lists(st.lists(st.sampled_from(["", "5.0", "5.00", "0.00", "1.25", "-2.50", "7"]),
                               min_size=3, max_size=3), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_FEW_CELLS)
def test_candidates_of_few_cells_are_told_apart_as_the_plain_way_tells_them(rows: list[list[str]]) -> None:
    candidates = [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
    figures = PrintedFigures()
    seen: set[tuple[Decimal, ...]] = set()
    expected = []
    for candidate in candidates:
        key = tuple(figures.value(text) for text in candidate.values())
        if key not in seen:
            seen.add(key)
            expected.append(candidate)
    assert distinct(candidates, figures) == expected


def test_candidates_that_differ_only_where_one_prints_a_zero_are_one() -> None:
    # 0.00 under 基本支出 or nothing there: the same amounts, though the cells differ.
    both = [{"total": "1.25", "basic": "0.00", "project": "1.25"}, {"total": "1.25", "basic": "", "project": "1.25"}]
    assert distinct(both, PrintedFigures()) == both[:1]
    apart = [{"total": "1.25", "basic": "1.25", "project": ""}, {"total": "1.25", "basic": "", "project": "1.25"}]
    assert distinct(apart, PrintedFigures()) == apart


def test_a_part_with_no_candidate_leaves_no_sum_whichever_part_it_is() -> None:
    # A row none of whose candidates is left (an empty domain) is turned away before the placing,
    # but meeting_sums is asked directly too: no sum can be made, and it says so.
    candidate = [(0, (100, 5), 1)]
    assert meeting_sums([[], candidate], [(100, 5)]) == [(0, [])]
    assert meeting_sums([candidate, []], [(100, 5)]) == [(0, [])]
    assert meeting_sums([candidate, [], []], [(100, 5), (0, 0)]) == [(0, []), (0, [])]


def _placed(figures: Sequence[tuple[int, int]], columns: int) -> list[Vector]:
    """Every way of putting a row's figures (value, allowance), in printed order, in ``columns``
    columns with blanks in the others, as flat text leaves a row's candidates."""
    ways = []
    for places in itertools.combinations(range(columns), len(figures)):
        cells = [(0, 0)] * columns
        for place, figure in zip(places, figures, strict=True):
            cells[place] = figure
        ways.append(tuple(item for cell in cells for item in cell))
    return ways


_FIGURE = st.tuples(st.integers(-2, 8).map(lambda v: v * 10), st.sampled_from([0, 5]))
_ROW = st.lists(_FIGURE, min_size=1, max_size=3)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=4), st.lists(_ROW, min_size=1, max_size=2), st.integers(3, 4))
def test_options_out_of_bounds_are_in_no_sum_that_meets_the_total(
    rows: list[list[tuple[int, int]]], total_rows: list[list[tuple[int, int]]], columns: int
) -> None:
    parts = [[(index, vector, 1) for index, vector in enumerate(_placed(row, columns))] for row in rows]
    totals = [vector for row in total_rows for vector in _placed(row, columns)]
    if not all(parts) or not totals:
        return
    within = within_bounds(parts, totals)
    for total, per_part in zip(totals, within, strict=True):
        for choice in itertools.product(*(range(len(options)) for options in parts)):
            made = (0,) * len(total)
            for options, place in zip(parts, choice, strict=True):
                made = add(made, options[place][1])
            if meets(total, made):
                assert all(place in kept for place, kept in zip(choice, per_part, strict=True))


def _plain_bounds(parts: Sequence[Sequence[Option]], totals: Sequence[Vector]) -> list[list[list[int]]]:
    """Per total, per part, the options whose span (its own range plus the widest the other parts
    can add) meets the total's range in every column, asked of every option, total and column."""
    width = len(totals[0])
    lows = [[min(vector[i] - vector[i + 1] for _, vector, _ in options) for i in range(0, width, 2)]
            for options in parts]
    highs = [[max(vector[i] + vector[i + 1] for _, vector, _ in options) for i in range(0, width, 2)]
             for options in parts]
    found: list[list[list[int]]] = []
    for total in totals:
        per_part = []
        for part, options in enumerate(parts):
            kept = []
            for place, (_, vector, _) in enumerate(options):
                if all(total[i] + total[i + 1] >= vector[i] - vector[i + 1] + sum(low[i // 2] for low in lows)
                       - lows[part][i // 2]
                       and total[i] - total[i + 1] <= vector[i] + vector[i + 1] + sum(high[i // 2] for high in highs)
                       - highs[part][i // 2] for i in range(0, width, 2)):
                    kept.append(place)
            per_part.append(kept)
        found.append(per_part)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=4), st.lists(_ROW, min_size=1, max_size=3), st.integers(3, 5))
# A part printing every column: one cell a column, whose allowance widens what the other parts' options meet.
@example([[(10, 5), (10, 5), (10, 5)], [(20, 0)]], [[(20, 5), (20, 5), (20, 5)]], 3)
def test_options_within_bounds_are_those_asked_one_by_one(
    rows: list[list[tuple[int, int]]], total_rows: list[list[tuple[int, int]]], columns: int
) -> None:
    # Columns every option of a part prints alike are asked once for all of them.
    parts = [[(index, vector, 1) for index, vector in enumerate(_placed(row, columns))] for row in rows]
    totals = [vector for row in total_rows for vector in _placed(row, columns)]
    if not all(parts) or not totals:
        return
    assert within_bounds(parts, totals) == _plain_bounds(parts, totals)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ROW, min_size=4, max_size=4), st.lists(_ROW, min_size=1, max_size=3),
       st.integers(4, 5), st.lists(st.integers(1, 2), min_size=4, max_size=4))
def test_sums_of_options_bounded_per_total_are_those_of_every_sum_made(
    rows: list[list[tuple[int, int]]], total_rows: list[list[tuple[int, int]]], columns: int, part_ways: list[int]
) -> None:
    # Rows of a wide table whose figures could stand in several columns, as many candidates as the
    # parent has: enough sums and lookups that the options are bounded per total first (and where
    # the bounds leave one option a part, the one sum is made for that total alone).
    parts = [[(index, vector, ways) for index, vector in enumerate(_placed(row, columns))]
             for row, ways in zip(rows, part_ways, strict=False)]
    totals = [vector for row in total_rows for vector in _placed(row, columns)]
    if not all(parts) or not totals:
        return
    assert meeting_sums(parts, totals) == _plain(parts, totals)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ROW, min_size=2, max_size=4), st.lists(_ROW, min_size=1, max_size=3),
       st.integers(3, 5), st.integers(0, 12))
def test_what_a_total_meets_does_not_depend_on_the_totals_asked_with_it(
    rows: list[list[tuple[int, int]]], total_rows: list[list[tuple[int, int]]], columns: int, cut: int
) -> None:
    # A lone root's candidates are asked for a few first, the rest after (placing._root_meetings):
    # the parts' sums bounded per total, or not, as many totals make it pay.
    parts = [[(index, vector, 1) for index, vector in enumerate(_placed(row, columns))] for row in rows]
    totals = [vector for row in total_rows for vector in _placed(row, columns)]
    whole = meeting_sums(parts, totals)
    head, rest = meeting_sums(parts, totals[:cut]), meeting_sums(parts, totals[cut:])
    assert whole is not None and head is not None and rest is not None
    assert [*head, *rest] == whole


@settings(max_examples=300, deadline=None)
@given(_ROW, st.lists(_ROW, min_size=1, max_size=3), st.integers(3, 5))
def test_the_candidates_of_a_lone_part_within_bounds_are_those_that_meet_a_total(
    row: list[tuple[int, int]], total_rows: list[list[tuple[int, int]]], columns: int
) -> None:
    part = _placed(row, columns)
    totals = [vector for total_row in total_rows for vector in _placed(total_row, columns)]
    if not part or not totals:
        return
    within = within_bounds([[(index, vector, 1) for index, vector in enumerate(part)]], totals)
    assert _meeting_one(part, totals) == sorted(set().union(*(per_total[0] for per_total in within)))


def test_a_total_met_by_one_way_of_many_is_found_with_its_witness() -> None:
    # Five rows of one figure each, under any of five columns; the parent prints 1.00 … 5.00, one
    # per column: only the way putting each row under its own column meets it.
    rows = [[(value, 5)] for value in (1000, 2000, 3000, 4000, 5000)]
    parts = [[(index, vector, 1) for index, vector in enumerate(_placed(row, 5))] for row in rows]
    parent = (1000, 5, 2000, 5, 3000, 5, 4000, 5, 5000, 5)
    others = _placed([(16000, 5)], 5)  # more than the whole under any one column: no way meets it
    found = meeting_sums(parts, [parent, *others])
    assert found == [(1, [(parent, (0, 1, 2, 3, 4))])] + [(0, [])] * 5
    assert found == _plain(parts, [parent, *others])
