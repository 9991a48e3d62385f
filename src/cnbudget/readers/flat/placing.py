"""Putting a table's figures in their columns where the arithmetic leaves one way (唯一摆放).

Flat text keeps the figures of a row in printed order but loses its blank cells, so ``0.92 0.92``
under 合计 | 基本支出 | 项目支出 may be 合计 and 基本支出 or 合计 and 项目支出. Each row therefore has
*candidates*: the ways of putting its figures back, in order, that satisfy the row's own identities.
The table's identities across rows (a 类 is the sum of its 款, 合计 the sum of the 类, a side's total
the sum of its lines) then rule candidates out. A table is placed only when exactly one choice of a
candidate for every row satisfies every identity; otherwise :func:`place` says which rows and
columns stay in doubt, or which identity no choice satisfies. Nothing is chosen by preference.

>>> from decimal import Decimal as D
>>> both = [{"total": "0.92", "basic": "0.92", "project": ""}, {"total": "0.92", "basic": "", "project": "0.92"}]
>>> total = [{"total": "1.92", "basic": "1.92", "project": ""}]
>>> other = [{"total": "1.00", "basic": "1.00", "project": ""}, {"total": "1.00", "basic": "", "project": "1.00"}]
>>> rows = [total, both, other]
>>> columns = tuple((c, c) for c in ("total", "basic", "project"))
>>> placed = place(rows, [Identity(total=0, parts=(1, 2), columns=columns, what="合计 = 各类之和")])
>>> placed.rows[1]["basic"], placed.rows[2]["basic"], placed.problem
('0.92', '1.00', None)
>>> place([both], []).problem.doubtful
{0: ('basic', 'project')}
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Mapping, Sequence, ValuesView
from decimal import Decimal

import attrs

from cnbudget.readers.flat.column_bounds import within_bounds
from cnbudget.readers.flat.part_sums import (
    Meeting,
    Vector,
    add,
    completes,
    meeting_sums,
    meets,
    never_too_many,
)
from cnbudget.readers.flat.scaled import PrintedFigures, Scale

__all__ = ["Candidate", "Identity", "Placed", "Unplaced", "place"]

#: One way of putting a row's figures in its columns: the printed figure under each column ("" blank).
Candidate = Mapping[str, str]

_MAX_COMBINATIONS = 20_000  # ways of one identity's rows enumerated while ruling candidates out
_MAX_STEPS = 200_000  # choices tried while counting the tables that satisfy every identity


@attrs.frozen(kw_only=True)
class Identity:
    """``row total = Σ rows parts`` in each pair of columns (the total row's column, the parts' column)."""

    total: int
    parts: tuple[int, ...]
    columns: tuple[tuple[str, str], ...]
    what: str  # the identity in words, for a problem: "类 208 = 所属款之和"


@attrs.frozen(kw_only=True)
class Unplaced:
    """Why a table's figures could not be placed with certainty."""

    message: str
    doubtful: dict[int, tuple[str, ...]] = attrs.field(factory=dict)  # row → the columns in doubt
    broken: tuple[Identity, ...] = ()  # identities no choice of candidates satisfies


@attrs.frozen(kw_only=True)
class Placed:
    """The one placement of every row, or why there is none (``problem``)."""

    rows: tuple[Candidate, ...]
    problem: Unplaced | None = None


def _key(candidate: Candidate, figures: PrintedFigures) -> frozenset[tuple[str, Decimal]]:
    """The amount in each column (one column to a pair: equal keys are equal amounts column by column)."""
    return frozenset(zip(candidate.keys(), map(figures.value, candidate.values()), strict=True))


#: What a candidate prints, column by column.
_printed_cells: Callable[[Candidate], ValuesView[str]] = operator.methodcaller("values")


def distinct(candidates: Sequence[Candidate], figures: PrintedFigures) -> list[Candidate]:
    """The candidates that differ in some amount (a printed 0.00 and a blank are the same amount)."""
    if len(candidates) < 2:
        return list(candidates)
    columns = tuple(candidates[0])
    if any(tuple(candidate) != columns for candidate in candidates):
        keyed: Callable[[Candidate], object] = functools.partial(_key, figures=figures)
    else:  # the same columns in the same order (a row's candidates): the amounts in order say it
        # A row's candidates repeat its few printed cells: each cell's amount looked up once.
        value_of = {text: figures.value(text) for text in set().union(*map(_printed_cells, candidates))}
        if len(set(value_of.values())) == len(value_of) and len(
                set(map(tuple, map(_printed_cells, candidates)))) == len(candidates):
            # No two cells print one amount (a blank is the only 0), so candidates that differ in some
            # cell differ in some amount, and these all differ in some cell (ways apart, as a row's are).
            return list(candidates)

        def keyed(candidate: Candidate) -> object:
            return tuple(map(value_of.__getitem__, candidate.values()))
    seen: set[object] = set()
    kept = []
    for candidate in candidates:
        key = keyed(candidate)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _holds(identity: Identity, chosen: Mapping[int, Candidate], figures: PrintedFigures) -> bool:
    total = chosen[identity.total]
    for total_column, part_column in identity.columns:
        parts = [chosen[row].get(part_column, "") for row in identity.parts]
        if not figures.sum_holds(total.get(total_column, ""), parts):
            return False
    return True


def _rows_of(identity: Identity) -> tuple[int, ...]:
    return (identity.total, *identity.parts)


def _choice_holds(
    identity: Identity, domains: Sequence[Sequence[Candidate]], figures: PrintedFigures,
    rows_vectors: _Vectors | None = None,
) -> Callable[[tuple[int, ...]], bool]:
    """Whether ``identity`` holds for a choice of a candidate index per row of it (:func:`_rows_of`
    order): :func:`_holds`, with what each candidate prints in the identity's columns read once
    rather than for every choice it takes part in (``rows_vectors``: see :func:`_identity_vectors`)."""
    involved = _rows_of(identity)
    vectors = _identity_vectors(identity, domains, figures, rows_vectors)
    fixed, varying = _fixed_and_varying(vectors, 2 * len(identity.columns))
    totals = vectors[0]
    # A row twice: its later index is the one chosen, wherever the row stands.
    last = {row: place for place, row in enumerate(involved)}
    taken_from = [last[row] for row in involved]

    def holds(choice: tuple[int, ...]) -> bool:
        made = fixed
        for place in varying:
            made = add(made, vectors[place][choice[taken_from[place]]])
        return meets(totals[choice[taken_from[0]]], made)
    return holds


def _identity_vectors(
    identity: Identity, domains: Sequence[Sequence[Candidate]], figures: PrintedFigures,
    rows_vectors: _Vectors | None = None,
) -> list[list[Vector]]:
    """Per row of ``identity`` (:func:`_rows_of` order), what each of its candidates prints in the
    identity's columns, as whole numbers of one scale (a finer unit than a sum's own compares alike;
    ``rows_vectors``: a row's vectors in some columns, in one scale for the whole table, where made)."""
    if rows_vectors is not None:
        total_columns = tuple(total for total, _ in identity.columns)
        part_columns = tuple(part for _, part in identity.columns)
        return [rows_vectors(identity.total, total_columns), *(rows_vectors(part, part_columns)
                                                                for part in identity.parts)]
    columns_of = [[total for total, _ in identity.columns]] + [[part for _, part in identity.columns]] * len(
        identity.parts)
    printed = [[tuple([candidate.get(column, "") for column in columns]) for candidate in domains[row]]
               for row, columns in zip(_rows_of(identity), columns_of, strict=True)]
    scale = Scale.of(figures, {cell for cells_of in printed for cells in cells_of for cell in cells})
    figure_of = {cell: scale.figure(cell) for cells_of in printed for cells in cells_of for cell in cells}
    return [[tuple(itertools.chain.from_iterable(map(figure_of.__getitem__, cells))) for cells in cells_of]
            for cells_of in printed]


def _fixed_and_varying(vectors: Sequence[Sequence[Vector]], width: int) -> tuple[Vector, list[int]]:
    """The sum of the parts with one candidate (the same in every choice, added up once), and the
    places of the others (``width``: the length of a vector)."""
    fixed: Vector = (0,) * width
    varying = []
    for place in range(1, len(vectors)):
        if len(vectors[place]) == 1:
            fixed = add(fixed, vectors[place][0])
        else:
            varying.append(place)
    return fixed, varying


def _supported(
    identity: Identity, domains: Sequence[Sequence[Candidate]], figures: PrintedFigures,
    rows_vectors: _Vectors | None = None,
) -> dict[int, set[int]]:
    """Per row of ``identity``, the indexes of its candidates that take part in some choice (one
    candidate a row, :func:`itertools.product` of every row's) under which the identity holds
    (``rows_vectors``: see :func:`_identity_vectors`)."""
    involved = _rows_of(identity)
    supported: dict[int, set[int]] = {row: set() for row in involved}
    if len(set(involved)) < len(involved):  # a row twice: every choice held as it is
        holds = _choice_holds(identity, domains, figures, rows_vectors)
        for choice in itertools.product(*(range(len(domains[row])) for row in involved)):
            if holds(choice):
                for row, index in zip(involved, choice, strict=True):
                    supported[row].add(index)
        return supported
    # Rows apart: the parts' choices walked with their running sums, each completed sum held against
    # every candidate of the total (the same comparisons as every choice's, without making each sum).
    vectors = _identity_vectors(identity, domains, figures, rows_vectors)
    fixed, varying = _fixed_and_varying(vectors, 2 * len(identity.columns))
    totals = vectors[0]
    holding: list[tuple[int, tuple[int, ...]]] = []  # (total's candidate, the varying parts' candidates)
    if not varying:
        holding.extend((index, ()) for index, total in enumerate(totals) if meets(total, fixed))
    else:
        last = vectors[varying[-1]]
        outer = [range(len(vectors[place])) for place in varying[:-1]]
        for chosen in itertools.product(*outer):
            made = fixed
            for place, index in zip(varying, chosen, strict=False):
                made = add(made, vectors[place][index])
            for final, vector in enumerate(last):
                for index, total in enumerate(totals):
                    if completes(total, made, vector):
                        holding.append((index, (*chosen, final)))
    if holding:
        for place in range(1, len(involved)):
            if place not in varying:
                supported[involved[place]].add(0)
    for index, chosen in holding:
        supported[identity.total].add(index)
        for place, part_index in zip(varying, chosen, strict=True):
            supported[involved[place]].add(part_index)
    return supported


def place(
    rows: Sequence[Sequence[Candidate]], identities: Sequence[Identity], *, figures: PrintedFigures | None = None
) -> Placed:
    """The one choice of a candidate per row under which every identity holds, or why there is none
    (``figures``: the table's printed figures as read so far)."""
    if figures is None:
        figures = PrintedFigures()  # each printed figure read once for the whole search
    # Rows that print the same figures share one list of candidates (a parent with one child): its
    # distinct candidates made once, and the one list shared again (see _place_tree's vectors).
    shared: dict[int, list[Candidate]] = {}
    domains = [shared[id(candidates)] if id(candidates) in shared
               else shared.setdefault(id(candidates), distinct(candidates, figures)) for candidates in rows]
    empty = [index for index, domain in enumerate(domains) if not domain]
    if empty:
        return Placed(rows=(), problem=Unplaced(message="no way of putting back the blank cells satisfies the "
                                                "row's own identities", doubtful={i: () for i in empty}))
    if _is_forest(len(domains), identities):
        return _place_tree(domains, identities, figures)
    broken = _prune(domains, identities, figures)
    if broken:
        return _broken(broken)
    if all(len(domain) == 1 for domain in domains):
        # One choice left, and _prune judged every identity on it (one choice is never too many to
        # enumerate) and found it holds: the searches below would only find it again, three times.
        return Placed(rows=tuple(domain[0] for domain in domains))
    first, complete = _search(domains, identities, figures, limit=1)
    if not first:
        return Placed(rows=(), problem=Unplaced(
            message="no placement of the figures satisfies every identity of the table" if complete
            else "too many placements of the figures to check"))
    # A second placement, when there is one, is often found first from the other end of each row's
    # candidates (the columns of a placement moved the other way).
    last, _ = _search([list(reversed(domain)) for domain in domains], identities, figures, limit=1)
    if last and last[0] != first[0]:
        return _ambiguous(domains, [first[0], last[0]], figures)
    found, complete = _search(domains, identities, figures, limit=2)
    if len(found) >= 2:
        return _ambiguous(domains, found, figures)
    if not complete:
        return Placed(rows=(), problem=Unplaced(message="too many placements of the figures to check",
                                                doubtful=_doubtful(domains, found, figures)))
    return Placed(rows=tuple(found[0][index] for index in range(len(domains))))


def _broken(identities: tuple[Identity, ...]) -> Placed:
    return Placed(rows=(), problem=Unplaced(
        message="no placement of the figures satisfies " + "; ".join(i.what for i in identities), broken=identities))


def _ambiguous(
    domains: Sequence[Sequence[Candidate]], found: Sequence[Mapping[int, Candidate]], figures: PrintedFigures
) -> Placed:
    return Placed(rows=(), problem=Unplaced(
        message="more than one placement of the figures satisfies every identity (the text lost the blank cells)",
        doubtful=_doubtful(domains, found, figures)))


def _is_forest(count: int, identities: Sequence[Identity]) -> bool:
    """Whether every row is a part of at most one identity and no row adds up to itself."""
    part_of: dict[int, int] = {}
    for index, identity in enumerate(identities):
        for part in identity.parts:
            if part in part_of or part == identity.total:
                return False
            part_of[part] = index
    for identity in identities:
        row, steps = identity.total, 0
        while row in part_of:
            row, steps = identities[part_of[row]].total, steps + 1
            if steps > count:
                return False
    return len({identity.total for identity in identities}) == len(identities)


def _figures_of(domains: Sequence[Sequence[Candidate]], figures: PrintedFigures) -> dict[str, tuple[int, int]]:
    """Each cell the candidates print (and the blank) as a figure of one scale for the table, made
    once: a row's candidates repeat its few printed cells (a finer unit than a sum's own compares alike)."""
    printed = {""}.union(*(candidate.values() for domain in domains for candidate in domain))
    scale = Scale.of(figures, printed)
    return {text: scale.figure(text) for text in printed}


def _vector(candidate: Candidate, columns: Sequence[str], figure_of: Mapping[str, tuple[int, int]]) -> Vector:
    """The candidate's figures in ``columns`` (a missing one blank), each looked up in ``figure_of``."""
    printed = map(candidate.get, columns, itertools.repeat(""))
    return tuple(itertools.chain.from_iterable(map(figure_of.__getitem__, printed)))


def _place_tree(
    domains: Sequence[Sequence[Candidate]], identities: Sequence[Identity], figures: PrintedFigures
) -> Placed:
    """Place rows whose identities form trees (a parent row = Σ its child rows), counting the ways
    of every subtree from the leaves up."""
    figure_of = _figures_of(domains, figures)
    by_total = {identity.total: identity for identity in identities}
    # A row is the total of one identity and a part of another, most often in the same columns
    # (one-sided tables), and rows printing the same figures share one list of candidates: the
    # vectors of a list made once for every row and identity that asks (the lists outlive the search).
    made: dict[tuple[int, tuple[str, ...]], list[Vector]] = {}

    def vectors(row: int, columns: tuple[str, ...]) -> list[Vector]:
        key = (id(domains[row]), columns)
        found = made.get(key)
        if found is None:
            found = made[key] = [_vector(candidate, columns, figure_of) for candidate in domains[row]]
        return found

    roots = [row for row in range(len(domains)) if not any(row in i.parts for i in identities)]
    order = _post_order(len(domains), identities)
    counted: _Counted | Placed | None = None
    asked = _asked(roots[0], order, domains, by_total, vectors) if len(roots) == 1 else None
    if asked is not None:
        counted = _count_ways(order, domains, by_total, vectors, asked)
        if isinstance(counted, tuple) and not all(counted[0][roots[0]][:2]):
            counted = None
    if counted is None:  # some way fails one of the root's first two candidates: every candidate asked
        counted = _count_ways(order, domains, by_total, vectors, None)
    assert counted is not None  # every candidate asked: a count, or why there is none
    if isinstance(counted, Placed):
        return counted
    ways, matched = counted
    total_ways = 1
    for row in roots:
        total_ways = min(2, total_ways * sum(ways[row]))
    first = _extract(roots, domains, by_total, ways, matched, alternative=False)
    if total_ways == 1:
        return Placed(rows=tuple(first[index] for index in range(len(domains))))
    second = _extract(roots, domains, by_total, ways, matched, alternative=True)
    return _ambiguous(domains, [first, second], figures)


#: What every row's candidates make of its parts: per row the ways of its subtree per candidate (0, 1
#: or 2: "two or more"), and per row and candidate the sums of its parts that meet it.
_Counted = tuple[dict[int, list[int]], dict[int, list[Meeting]]]
_Vectors = Callable[[int, tuple[str, ...]], list[Vector]]


def _count_ways(
    order: Sequence[int], domains: Sequence[Sequence[Candidate]], by_total: Mapping[int, Identity],
    vectors: _Vectors, asked: Mapping[int, Sequence[int]] | None,
) -> _Counted | Placed | None:
    """The ways of every row's candidates, parts first (``order``), or why there are none; with
    ``asked``, only for the candidates asked of each row (the others count none), and ``None``
    where some row has no way among them."""
    ways: dict[int, list[int]] = {}
    matched: dict[int, list[Meeting]] = {}
    for row in order:
        identity = by_total.get(row)
        count = len(domains[row])
        of_row = asked.get(row) if asked is not None else None
        if identity is None:
            ways[row] = [1] * count if of_row is None else [int(index in of_row) for index in range(count)]
            continue
        part_columns = tuple(part for _, part in identity.columns)
        parts = [[(index, vector, part_ways)
                  for index, (vector, part_ways) in enumerate(zip(vectors(part, part_columns), ways[part], strict=True))
                  if part_ways] for part in identity.parts]
        totals = vectors(row, tuple(total for total, _ in identity.columns))
        meeting = meeting_sums(parts, totals if of_row is None else [totals[index] for index in of_row])
        if meeting is not None and of_row is not None:
            # What meeting_sums gives a total does not depend on the others asked with it.
            every: list[tuple[int, Meeting]] = [(0, [])] * count
            for index, met in zip(of_row, meeting, strict=True):
                every[index] = met
            meeting = every
        if meeting is None:
            return None if asked is not None else Placed(
                rows=(), problem=Unplaced(message="too many placements of the figures to check"))
        ways[row] = [ways_of for ways_of, _ in meeting]
        matched[row] = [sums for _, sums in meeting]
        if not any(ways[row]):
            return None if asked is not None else _broken((identity,))
    return ways, matched


def _asked(
    root: int, order: Sequence[int], domains: Sequence[Sequence[Candidate]], by_total: Mapping[int, Identity],
    vectors: _Vectors,
) -> dict[int, list[int]] | None:
    """Per row, the candidates that can be in a way of the lone root's first two candidates, or
    ``None`` where asking for them alone would not pay or could change what is found.

    Two of the root's candidates met are two placements (the table is ambiguous), and the two that
    :func:`_extract` takes; a candidate out of the column bounds of every candidate asked of its
    parent (:func:`~cnbudget.readers.flat.column_bounds.within_bounds`) is in none of their sums,
    so leaving it out changes no sum, way nor witness of those asked. Not where some identity's
    parts could make too many sums to follow (fewer candidates must not let a count through that
    every candidate would give up on)."""
    if root not in by_total or len(domains[root]) <= 2:
        return None
    if not all(never_too_many([len(domains[part]) for part in identity.parts]) for identity in by_total.values()):
        return None
    asked: dict[int, list[int]] = {root: [0, 1]}
    for row in reversed(order):  # each total before its parts
        identity = by_total.get(row)
        if identity is None or row not in asked:
            continue
        if not asked[row]:  # a part in no way of the root's first two: they are not both met
            return None
        if not identity.columns:  # no column to bound a part by: every candidate
            asked.update((part, list(range(len(domains[part])))) for part in identity.parts)
            continue
        part_columns = tuple(part for _, part in identity.columns)
        totals = vectors(row, tuple(total for total, _ in identity.columns))
        asked_totals = [totals[index] for index in asked[row]]
        if len(identity.parts) == 1:  # (a parent with one child, most often)
            asked[identity.parts[0]] = _meeting_one(vectors(identity.parts[0], part_columns), asked_totals)
            continue
        options = [list(zip(itertools.count(), vectors(part, part_columns), itertools.repeat(1)))
                   for part in identity.parts]
        within = within_bounds(options, asked_totals)
        for place, part in enumerate(identity.parts):
            asked[part] = sorted(set().union(*(per_total[place] for per_total in within)))
    return asked


def _meeting_one(part: Sequence[Vector], totals: Sequence[Vector]) -> list[int]:
    """:func:`~cnbudget.readers.flat.column_bounds.within_bounds` of a lone part, for all ``totals``
    at once: with no other part to add, a candidate's span is its own range, within bounds of a
    total exactly where it meets it."""
    return [index for index, vector in enumerate(part) if any(meets(total, vector) for total in totals)]


def _extract(
    roots: Sequence[int], domains: Sequence[Sequence[Candidate]], by_total: Mapping[int, Identity],
    ways: Mapping[int, list[int]], matched: Mapping[int, list[Meeting]],
    *, alternative: bool,
) -> dict[int, Candidate]:
    """One placement of every row; with ``alternative``, one that differs from the first found at the
    first place (from the roots down) where another way exists."""
    chosen: dict[int, Candidate] = {}
    wanted = [alternative]  # still to take the other way somewhere

    def take(row: int, index: int) -> None:
        chosen[row] = domains[row][index]
        if row not in by_total:
            return
        options = matched[row][index]
        pick = 0
        if wanted[0] and len(options) > 1:
            pick, wanted[0] = 1, False
        witness = options[pick][1]
        for part, part_index in zip(by_total[row].parts, witness, strict=True):
            take(part, part_index)

    for row in roots:
        feasible = [index for index, count in enumerate(ways[row]) if count]
        index = feasible[0]
        if wanted[0] and len(feasible) > 1:
            index, wanted[0] = feasible[1], False
        take(row, index)
    return chosen


def _prune(
    domains: list[list[Candidate]], identities: Sequence[Identity], figures: PrintedFigures
) -> tuple[Identity, ...]:
    """Rule out every candidate that takes part in no way of satisfying some identity; the
    identities that no way satisfies."""
    # An identity whose rows kept every candidate since it was last judged would rule out nothing
    # again (and was not broken then): it is passed over.
    changes = [0] * len(domains)  # per row, how many times its candidates were ruled out
    judged: dict[int, list[int]] = {}  # per identity, its rows' changes when last judged
    # A row's candidates, in the columns an identity asks, made vectors once until they change.
    figure_of = _figures_of(domains, figures)
    made: dict[tuple[int, int, tuple[str, ...]], list[Vector]] = {}

    def vectors(row: int, columns: tuple[str, ...]) -> list[Vector]:
        key = (row, changes[row], columns)
        found = made.get(key)
        if found is None:
            found = made[key] = [_vector(candidate, columns, figure_of) for candidate in domains[row]]
        return found

    changed = True
    while changed:
        changed = False
        for number, identity in enumerate(identities):
            involved = _rows_of(identity)
            seen = [changes[row] for row in involved]
            if judged.get(number) == seen:
                continue
            judged[number] = seen
            sizes = [len(domains[row]) for row in involved]
            combinations = 1
            for size in sizes:
                combinations *= size
            if combinations > _MAX_COMBINATIONS:
                continue
            supported = _supported(identity, domains, figures, vectors)
            if not supported[identity.total]:
                return (identity,)
            for row in involved:
                if len(supported[row]) < len(domains[row]):
                    domains[row] = [c for index, c in enumerate(domains[row]) if index in supported[row]]
                    changes[row] += 1
                    changed = True
    return ()


def _search(
    domains: Sequence[Sequence[Candidate]], identities: Sequence[Identity], figures: PrintedFigures, *, limit: int
) -> tuple[list[dict[int, Candidate]], bool]:
    """Up to ``limit`` complete choices under which every identity holds, and whether the search
    went through every choice (it stops at ``limit`` or after too many steps)."""
    open_rows = [row for row in _post_order(len(domains), identities) if len(domains[row]) > 1]
    chosen: dict[int, Candidate] = {row: domains[row][0] for row in range(len(domains)) if len(domains[row]) == 1}
    # An identity is checked once the last of its rows is chosen.
    position = {row: index for index, row in enumerate(open_rows)}
    closing: dict[int, list[Identity]] = {}
    for identity in identities:
        last = max((position[row] for row in _rows_of(identity) if row in position), default=-1)
        if last < 0:
            if not _holds(identity, chosen, figures):
                return [], True
            continue
        closing.setdefault(last, []).append(identity)
    found: list[dict[int, Candidate]] = []
    steps = 0

    def visit(depth: int) -> bool:
        nonlocal steps
        if depth == len(open_rows):
            found.append(dict(chosen))
            return len(found) < limit
        row = open_rows[depth]
        for candidate in domains[row]:
            steps += 1
            if steps > _MAX_STEPS:
                return False
            chosen[row] = candidate
            if all(_holds(identity, chosen, figures) for identity in closing.get(depth, ())) and not visit(depth + 1):
                return False
        del chosen[row]
        return True

    return found, visit(0)


def _post_order(count: int, identities: Sequence[Identity]) -> list[int]:
    """The rows with every part before the total it adds up to, so that each identity is checked as
    soon as its rows are chosen (the rows of a tree of sums, parts first; any others after)."""
    parts_of: dict[int, list[int]] = {}
    is_part: set[int] = set()
    for identity in identities:
        parts_of.setdefault(identity.total, []).extend(identity.parts)
        is_part.update(identity.parts)
    order: list[int] = []
    seen: set[int] = set()

    def visit(row: int) -> None:
        if row in seen:
            return
        seen.add(row)
        for part in parts_of.get(row, ()):
            visit(part)
        order.append(row)

    for row in range(count):
        if row not in is_part:
            visit(row)
    for row in range(count):
        visit(row)
    return order


def _doubtful(
    domains: Sequence[Sequence[Candidate]], found: Sequence[Mapping[int, Candidate]], figures: PrintedFigures
) -> dict[int, tuple[str, ...]]:
    """The rows whose figures could stand in more than one place, and the columns in doubt."""
    doubtful: dict[int, tuple[str, ...]] = {}
    for row, domain in enumerate(domains):
        if len(domain) < 2:
            continue
        options = list(domain) if len(found) < 2 else [solution[row] for solution in found]
        if len({_key(option, figures) for option in options}) < 2:
            continue
        columns = [column for column in options[0]
                   if len({figures.value(option.get(column, "")) for option in options}) > 1]
        doubtful[row] = tuple(columns)
    return doubtful
