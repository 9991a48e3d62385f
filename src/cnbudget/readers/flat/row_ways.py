"""The ways of putting back a flat row's blank cells that satisfy its identities (空格还原的摆法).

A row prints ``figures`` of its ``width`` columns in order; a *way* lists, per column, the index of
the figure it holds (``figures`` itself for a blank). Every way, in the order of
:func:`itertools.combinations` of the blank columns, depends only on the row's shape (width, number
of figures, identities), and an identity's answer only on the figures the way puts in the
identity's own columns, and of those only on the total's figure and the set of figures its parts
hold: its *projection*. Rows of one shape share few projections per identity (three figures in
twelve columns make 220 ways but at most 32 projections), so each projection is held once per row
and each way kept when every identity's projection holds. Where an identity has at most 256
projections, its ways' projections are kept as bytes: the answer of every way is then one
:meth:`bytes.translate` of the projections' answers, rather than a lookup a way.

>>> ways = holding_ways(3, 2, ((0, (1, 2)),), [500, 500, 0], [5, 5, 0])   # 5.00 5.00 under 合计 | 基本 | 项目
>>> [list(way) for way in ways]
[[0, 2, 1], [0, 1, 2]]
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Sequence

import attrs

__all__ = ["RowIdentity", "holding_ways"]

#: An identity by column position: the total's column and its parts' columns.
RowIdentity = tuple[int, tuple[int, ...]]
#: The figure index an identity's total holds under a way, then those its parts hold (blanks left out).
_Projection = tuple[int, ...]
#: A projection as held: the total's figure index, and its parts'.
_Held = tuple[int, tuple[int, ...]]

_SHAPES_KEPT = 256  # shapes are few: a layout's width and identities, by number of figures printed
_BYTE_VALUES = 256  # the projections whose indexes a byte holds, and the length of a translation table


@attrs.frozen
class _Shape:
    """Every way of one shape and, per identity, its distinct projections and each way's among them."""

    ways: tuple[tuple[int, ...], ...]
    projections: tuple[tuple[_Held, ...], ...]  # per identity, its distinct projections
    # Per identity, per way, the index of its projection (bytes where every index fits in one).
    way_projections: tuple[bytes | tuple[int, ...], ...]


@functools.lru_cache(maxsize=_SHAPES_KEPT)
def _shape(width: int, figures: int, identities: tuple[RowIdentity, ...]) -> _Shape:
    # A pure function of its (immutable) arguments: kept for the process, it changes no result.
    ways = _ways(width, figures)
    projections: list[tuple[_Held, ...]] = []
    way_projections: list[bytes | tuple[int, ...]] = []
    for total, parts in identities:
        index, of_ways = _projections(ways, total, parts, figures)
        projections.append(tuple([(projection[0], projection[1:]) for projection in index]))
        way_projections.append(bytes(of_ways) if len(index) <= _BYTE_VALUES else of_ways)
    return _Shape(ways=ways, projections=tuple(projections), way_projections=tuple(way_projections))


def _ways(width: int, figures: int) -> tuple[tuple[int, ...], ...]:
    """Every way, in the order of the combinations of blank columns: the columns holding figures,
    their complements, come in the reverse order of their own combinations."""
    blank_row = [figures] * width
    ways = []
    for held in reversed(tuple(itertools.combinations(range(width), figures))):
        way = blank_row.copy()
        for figure, column in enumerate(held):
            way[column] = figure
        ways.append(tuple(way))
    return tuple(ways)


def _projections(
    ways: Sequence[tuple[int, ...]], total: int, parts: tuple[int, ...], blank: int,
) -> tuple[tuple[_Projection, ...], tuple[int, ...]]:
    """One identity's distinct projections (in the order ways first show them) and each way's.

    Many ways print the same figures in the identity's own columns: each such cut of a way is
    projected once. Figures stand in the row in their order, so the parts' figures, taken in column
    order with the blanks left out, are already in increasing order, as a projection lists them."""
    own_columns = operator.itemgetter(total, *sorted(parts), total)  # total twice: always a tuple
    # Each way's cut hashed once: a cut is known by the number of the way it was first seen in.
    first_seen: dict[tuple[int, ...], int] = {}
    firsts = list(map(first_seen.setdefault, map(own_columns, ways), itertools.count()))
    index: dict[_Projection, int] = {}
    not_blank = blank.__ne__
    of_first = {
        first: index.setdefault((cut[0], *filter(not_blank, cut[1:-1])), len(index))
        for cut, first in first_seen.items()
    }
    return tuple(index), tuple(map(of_first.__getitem__, firsts))


def holding_ways(
    width: int, figures: int, identities: tuple[RowIdentity, ...], values: Sequence[int], allowances: Sequence[int],
) -> list[tuple[int, ...]]:
    """Every way under which each identity's total is the sum of its parts, rounding aside (the
    figures as whole numbers with their allowances, the blank last, an exact 0), in the order of the
    combinations of blank columns."""
    shape = _shape(width, figures, identities)
    holding: bytes | None = None  # per way 1 where it holds so far (None: every way does)
    value_of, allowance_of = values.__getitem__, allowances.__getitem__
    for projections, of_ways in zip(shape.projections, shape.way_projections, strict=True):
        # Per projection, whether the total's figure is the parts' sum, rounding aside (as
        # PrintedFigures.sum_holds has it): written out, as a call each would cost more.
        answers = bytes([abs(values[total] - sum(map(value_of, parts)))
                         <= allowances[total] + sum(map(allowance_of, parts)) for total, parts in projections])
        if all(answers):
            continue  # every way holds this identity: nothing ruled out
        answered = (of_ways.translate(answers.ljust(_BYTE_VALUES, b"\0")) if isinstance(of_ways, bytes)
                    else bytes(map(answers.__getitem__, of_ways)))
        holding = answered if holding is None else bytes(map(operator.and_, holding, answered))
    return list(shape.ways) if holding is None else list(itertools.compress(shape.ways, holding))
