"""Which candidates of a parent row's parts can be in a sum that meets a given parent candidate,
judged column by column from bounds alone (逐栏界限), before any sum is made.

In every column a sum of the parts meets a parent candidate only where the two ranges meet (value
± allowance, :func:`~cnbudget.readers.flat.part_sums.meets`). One part's candidate, with whatever
the other parts add, spans at most its own range plus the other parts' widest: from the sum of
their least ``value - allowance`` to the sum of their most ``value + allowance``. A candidate whose
span misses the parent's range in some column is in no sum that meets that parent candidate. It is
a necessary condition only; the sums are still made and held against the parent for the rest.

Typical of flat text: a row's figures may stand in any of several sub-columns (its candidates
differ only in where the blanks are); a parent candidate with a blank where the part's candidate
has a figure rules it out, so most parent candidates leave one candidate per part.

>>> parent = [(10, 0, 0, 0), (0, 0, 10, 0)]          # 0.10 under the first column, or the second
>>> part = [(0, (10, 0, 0, 0), 1), (1, (0, 0, 10, 0), 1)]
>>> within_bounds([part], parent)
[[[0]], [[1]]]
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # part_sums asks this module first, before it makes any sum
    from cnbudget.readers.flat.part_sums import Option, Vector

__all__ = ["within_bounds"]


def within_bounds(parts: Sequence[Sequence[Option]], totals: Sequence[Vector]) -> list[list[list[int]]]:
    """Per total, per part, the places among the part's options (in order) of those whose span meets
    the total's range in every column (see the module text); every part must offer an option, and
    every vector (the totals' and the options') is as wide as the others: one table's columns, a
    value and an allowance each."""
    width = len(totals[0])
    # Per part and column: every option's cell (value, allowance), the distinct cells among them
    # (options differ mostly in where their blanks stand: a column holds few distinct cells, each
    # judged once), and the least and the most the part can add there (value ∓ allowance).
    cells: list[list[tuple[tuple[int, int], ...]]] = []
    distinct: list[list[list[tuple[int, int]]]] = []
    lows: list[list[int]] = []
    highs: list[list[int]] = []
    for options in parts:
        part_cells = list(zip(*[tuple(zip(vector[0::2], vector[1::2], strict=True)) for _, vector, _ in options],
                              strict=True))
        part_distinct: list[list[tuple[int, int]]] = []
        part_lows: list[int] = []
        part_highs: list[int] = []
        for printed in part_cells:  # per column, every option's cell
            first = printed[0]
            if printed.count(first) == len(printed):  # the one cell every option prints (most columns)
                part_distinct.append([first])
                part_lows.append(first[0] - first[1])
                part_highs.append(first[0] + first[1])
                continue
            column_cells = list(dict.fromkeys(printed))
            part_distinct.append(column_cells)
            part_lows.append(min([value - allowance for value, allowance in column_cells]))
            part_highs.append(max([value + allowance for value, allowance in column_cells]))
        cells.append(part_cells)
        distinct.append(part_distinct)
        lows.append(part_lows)
        highs.append(part_highs)
    all_low = [sum(column) for column in zip(*lows, strict=True)]
    all_high = [sum(column) for column in zip(*highs, strict=True)]
    # Per column, the range of each distinct (value, allowance) the totals print there, and the
    # totals that print it: one bit a total (a total prints one cell a column: the bits are apart).
    total_places = list(zip(*totals, strict=True))
    total_ranges: list[list[tuple[int, int, int]]] = []
    for i in range(0, width, 2):
        bits_of: dict[tuple[int, int], int] = {}
        bit = 1
        for cell in zip(total_places[i], total_places[i + 1], strict=True):
            bits_of[cell] = bits_of.get(cell, 0) | bit
            bit <<= 1
        total_ranges.append([(total - spread, total + spread, bits) for (total, spread), bits in bits_of.items()])
    found: list[list[list[int]]] = [[[] for _ in parts] for _ in totals]
    for part, options in enumerate(parts):
        shared = (1 << len(totals)) - 1  # the totals every option may be in a sum for, by the columns alike
        kept: list[int] | None = None  # per option, by the columns whose cells differ (None: no such column)
        for column, ranges in enumerate(total_ranges):
            others_low = all_low[column] - lows[part][column]
            others_high = all_high[column] - highs[part][column]
            met: dict[tuple[int, int], int] = {}
            for cell in distinct[part][column]:
                value, allowance = cell
                least, most = value - allowance + others_low, value + allowance + others_high
                bits = 0
                for low, high, total_bits in ranges:
                    if high >= least and low <= most:
                        bits |= total_bits
                met[cell] = bits
            if len(met) == 1:  # every option prints the same cell: one answer for all of them
                shared &= bits
                continue
            answers = map(met.__getitem__, cells[part][column])
            kept = list(answers) if kept is None else list(map(operator.and_, kept, answers))
        for place in range(len(options)):
            bits = shared if kept is None else shared & kept[place]
            while bits:  # each total the option may be in a sum for, lowest first
                lowest = bits & -bits
                found[lowest.bit_length() - 1][part].append(place)
                bits ^= lowest
    return found
