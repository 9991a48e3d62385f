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
:meth:`bytes.translate` of the projections' answers, rather than a lookup a way. A way is kept as
bytes too (a figure index a column), made by translations of the columns holding its figures, so a
shape is at most :data:`WIDEST_SHAPE` columns wide (a wider row is put back way by way).

>>> ways = holding_ways(3, 2, ((0, (1, 2)),), [500, 500, 0], [5, 5, 0])   # 5.00 5.00 under 合计 | 基本 | 项目
>>> [list(way) for way in ways], WIDEST_SHAPE
([[0, 2, 1], [0, 1, 2]], 128)
"""

from __future__ import annotations

import collections
import functools
import itertools
import operator
from collections.abc import Sequence

import attrs

__all__ = ["WIDEST_SHAPE", "RowIdentity", "holding_ways"]

#: An identity by column position: the total's column and its parts' columns.
RowIdentity = tuple[int, tuple[int, ...]]
#: A projection: the figure index an identity's total holds under a way (``figures`` for a blank),
#: and those its parts hold (blanks left out), in increasing order.
_Projection = tuple[int, tuple[int, ...]]

_SHAPES_KEPT = 256  # shapes are few: a layout's width and identities, by number of figures printed
_BYTE_VALUES = 256  # the projections whose indexes a byte holds, and the length of a translation table
# A shape's columns are numbered from _FIRST_COLUMN in its bytes, above every figure index (at most
# the width): a translation then tells a column not yet replaced by a figure from a figure.
_FIRST_COLUMN = 128
#: The widest row whose shape is made here (its columns numbered in one byte each).
WIDEST_SHAPE = _BYTE_VALUES - _FIRST_COLUMN


@attrs.frozen
class _Shape:
    """Every way of one shape and, per identity, its distinct projections and each way's among them."""

    ways: tuple[bytes, ...]  # per way, per column, the index of its figure (a byte each)
    projections: tuple[tuple[_Projection, ...], ...]  # per identity, its distinct projections
    # Per identity, per way, the index of its projection (bytes where every index fits in one).
    way_projections: tuple[bytes | tuple[int, ...], ...]


@functools.lru_cache(maxsize=_SHAPES_KEPT)
def _shape(width: int, figures: int, identities: tuple[RowIdentity, ...]) -> _Shape:
    # A pure function of its (immutable) arguments: kept for the process, it changes no result.
    if width > WIDEST_SHAPE:
        raise ValueError(f"a shape is at most {WIDEST_SHAPE} columns wide, not {width}")
    # Per way, the columns holding its figures (numbered from _FIRST_COLUMN), the figures in order.
    held = list(map(bytes, reversed(tuple(itertools.combinations(range(_FIRST_COLUMN, _FIRST_COLUMN + width),
                                                                    figures)))))
    projections: list[tuple[_Projection, ...]] = []
    way_projections: list[bytes | tuple[int, ...]] = []
    for total, parts in identities:
        index, of_ways = _projections(held, total, parts, figures)
        projections.append(index)
        way_projections.append(bytes(of_ways) if len(index) <= _BYTE_VALUES else tuple(of_ways))
    return _Shape(ways=_ways(held, width, figures), projections=tuple(projections),
                  way_projections=tuple(way_projections))


def _ways(held: Sequence[bytes], width: int, figures: int) -> tuple[bytes, ...]:
    """Every way, from the columns each holds its figures in: the columns holding figures, in the
    reverse order of their combinations, make the ways in the order of the combinations of blank
    columns. A way's columns become its figures' indexes where held, then every column left the blank."""
    columns = bytes(range(_FIRST_COLUMN, _FIRST_COLUMN + width))
    indexes = bytes(range(figures))
    left_blank = bytes(range(_FIRST_COLUMN)) + bytes([figures]) * (_BYTE_VALUES - _FIRST_COLUMN)
    maketrans = bytes.maketrans
    return tuple([columns.translate(maketrans(holding, indexes)).translate(left_blank) for holding in held])


def _projections(
    held: Sequence[bytes], total: int, parts: tuple[int, ...], blank: int,
) -> tuple[tuple[_Projection, ...], list[int]]:
    """One identity's distinct projections (in the order ways first show them) and each way's.

    A way's projection depends only on the role of the column each of its figures stands in (the
    total's or not, and how many times a part), figure by figure: the *roles* of a way, told by one
    translation of its held columns, and few (each distinct roles projected once). A role is
    numbered in a byte: there are at most as many as the columns, and one for a column of no role.
    Figures stand in the row in their order, so the parts' figures, taken in figure order, are
    already in increasing order."""
    times = collections.Counter(parts)
    number: dict[tuple[bool, int], int] = {(False, 0): 0}  # each role (the total's?, times a part): its number
    role_of = bytearray(_BYTE_VALUES)
    for column in {total, *parts}:
        role_of[_FIRST_COLUMN + column] = number.setdefault((column == total, times[column]), len(number))
    roles = list(number)  # each role by its number
    of_ways = [holding.translate(role_of) for holding in held]
    index: dict[_Projection, int] = {}
    of_roles = {}
    for figure_roles in dict.fromkeys(of_ways):  # each distinct roles, in the order ways first show them
        at_total = next((figure for figure, role in enumerate(figure_roles) if roles[role][0]), blank)
        added = tuple([figure for figure, role in enumerate(figure_roles) for _ in range(roles[role][1])])
        of_roles[figure_roles] = index.setdefault((at_total, added), len(index))
    return tuple(index), list(map(of_roles.__getitem__, of_ways))


def holding_ways(
    width: int, figures: int, identities: tuple[RowIdentity, ...], values: Sequence[int], allowances: Sequence[int],
) -> list[bytes]:
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
