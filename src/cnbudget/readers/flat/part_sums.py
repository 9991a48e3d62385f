"""The sums a parent row's parts can make that meet the parent (分项之和与合计的对照), for placing
a tree of sums (:func:`~cnbudget.readers.flat.placing.place`).

Each part (a child row) offers its candidates, each a *vector*: per column its figure and rounding
allowance, whole numbers of the table's :class:`~cnbudget.readers.flat.scaled.Scale`, interleaved
(value, allowance, value, allowance …). The parts' sums are folded in part by part: each distinct
sum keeps how many ways make it (1, or 2 for "two or more") and up to two *witnesses* (the
candidate each part took), in the order a plain enumeration meets them.

Only the sums that meet some candidate of the parent matter. The last part is therefore not added
to every sum of the others: for each candidate of the parent and each candidate of the last part,
the sums of the others that can complete it are looked up by their figure in one column (within
the rounding allowance), and only those are added. The sums kept, their ways and witnesses are
exactly those of the plain enumeration restricted to the sums that meet a parent candidate. For
the same reason each part before the last makes only the sums that, by their fingerprint, can still
meet a parent candidate with the parts still to come (where the sums made without leaving any out
stay within the limit).

Where many parent candidates each ask for much (a row whose figures could stand in any of several
sub-columns, under a parent that could too), each part's candidates are first bounded per parent
candidate, column by column (:mod:`~cnbudget.readers.flat.column_bounds`): where that leaves one
candidate a part, the one sum is made for that parent candidate alone; otherwise only the last
part's candidates within bounds are looked up. Where every part has one candidate, its one sum is
all there is; where there is one part, its candidates are the sums.

>>> one, two = (100, 5), (200, 5)          # 0.10 and 0.20 in a table printed to the cent
>>> parts = [[(0, one, 1)], [(0, one, 1), (1, two, 1)]]
>>> [(count, [key for key, _ in meeting]) for count, meeting in meeting_sums(parts, [(200, 5), (300, 5)])]
[(1, [(200, 10)]), (1, [(300, 10)])]
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence

import attrs

from cnbudget.readers.flat.column_bounds import within_bounds

__all__ = ["Meeting", "Option", "Vector", "add", "completes", "meeting_sums", "meets", "never_too_many"]

#: Per column the value and its rounding allowance, interleaved, in the table's scale.
Vector = tuple[int, ...]
#: One candidate of a part: its index among the part's candidates, its vector, and the ways its own
#: parts allow it (1 or 2).
Option = tuple[int, Vector, int]
#: The sums of the parts that meet one parent candidate, each with a witness: per part the index of
#: the candidate it took.
Meeting = list[tuple[Vector, tuple[int, ...]]]

_MAX_SUMS = 50_000  # distinct sums of one identity's parts followed
# Bounding costs about the same for each total: it pays where the sums made and looked up come to
# some dozens a total, or more.
_BOUNDING_PAYS = 32
_FEWEST_TOTALS = 6

#: What a sum's fingerprint must reach to be kept: some of the (sorted) fingerprints needed lies
#: from the sum's plus the first offset to the sum's plus the second.
_Reach = tuple[Sequence[int], int, int]


def add(left: Vector, right: Vector) -> Vector:
    """The sum of two vectors: values add, allowances add."""
    return tuple(map(operator.add, left, right))


def meets(total: Vector, parts: Vector) -> bool:
    """Whether a printed total can be the sum of printed parts, rounding aside (as
    :func:`~cnbudget.money.check_sum`: the ranges of the two meet in every column)."""
    # A plain loop: the search asks this thousands of times a table, where a generator's frame costs
    # more than the comparisons.
    for i in range(0, len(total), 2):  # noqa: SIM110  (all() of a generator is slower here)
        if abs(total[i] - parts[i]) > total[i + 1] + parts[i + 1]:
            return False
    return True


def completes(total: Vector, others: Vector, part: Vector) -> bool:
    """``meets(total, add(others, part))``, without making the sum: the same comparisons of the same
    whole numbers, column by column."""
    for i in range(0, len(total), 2):
        if abs(total[i] - others[i] - part[i]) > total[i + 1] + others[i + 1] + part[i + 1]:
            return False
    return True


@attrs.define
class _Fold:
    """Per distinct sum, in the order first met: the ways that make it (at most 2), up to two
    witnesses, and its fingerprint (carried along as the sums are made: the fingerprint of a sum is
    the sum of its parts')."""

    ways: dict[Vector, int]
    witnesses: dict[Vector, list[tuple[int, ...]]]
    prints: dict[Vector, int]

    def take(self, key: Vector, key_print: int, count: int, witnesses: Sequence[tuple[int, ...]], index: int,
             part_ways: int) -> None:
        """Record the sum ``key`` (of fingerprint ``key_print``) made by the ``count`` ways behind
        ``witnesses`` and the part's candidate ``index`` (which its own parts allow ``part_ways``
        ways)."""
        self.ways[key] = min(2, self.ways.get(key, 0) + count * part_ways)
        self.prints[key] = key_print
        kept = self.witnesses.setdefault(key, [])
        for witness in witnesses:
            if len(kept) < 2:
                kept.append((*witness, index))

    def added(self, options: Sequence[Option], option_prints: Sequence[int], *, keep: _Reach | None = None) -> _Fold:
        """The fold with one more part added to every sum (``option_prints``: its options'
        fingerprints): :meth:`take` of every sum and option in turn, written out; with ``keep``, only
        the sums whose fingerprint it reaches (it asks of the fingerprint alone, so every way of
        making a sum is kept, or left out, with the sum)."""
        ways: dict[Vector, int] = {}
        witnesses: dict[Vector, list[tuple[int, ...]]] = {}
        prints: dict[Vector, int] = {}
        plus = operator.add
        needed, below, above = keep if keep is not None else ((), 0, 0)
        reachable = len(needed)
        for key, count in self.ways.items():
            key_witnesses = self.witnesses[key]
            key_print = self.prints[key]
            for choice, (index, vector, part_ways) in enumerate(options):
                made_print = key_print + option_prints[choice]
                if keep is not None:  # asked of every sum and option: bisection written out
                    nearest = bisect.bisect_left(needed, made_print + below)
                    if nearest == reachable or needed[nearest] > made_print + above:
                        continue
                made = tuple(map(plus, key, vector))
                before = ways.get(made)
                if before is None:
                    ways[made] = min(2, count * part_ways)
                    witnesses[made] = [(*witness, index) for witness in key_witnesses[:2]]
                    prints[made] = made_print
                    continue
                ways[made] = min(2, before + count * part_ways)
                kept = witnesses[made]
                for witness in key_witnesses:
                    if len(kept) < 2:
                        kept.append((*witness, index))
        return _Fold(ways=ways, witnesses=witnesses, prints=prints)


def meeting_sums(parts: Sequence[Sequence[Option]], totals: Sequence[Vector]) -> list[tuple[int, Meeting]] | None:
    """For each parent candidate (``totals``), the ways (0, 1 or 2: "two or more") the parts' sums
    meet it and those sums with their witnesses, in the order a plain enumeration makes them
    (``None``: too many sums to follow)."""
    width = len(totals[0]) if totals else 0
    looked_up = parts[-1:] if width else ()  # with no column to look sums up by, every sum is made
    folded = parts[:len(parts) - len(looked_up)]
    if not all(parts) and _sums_before_none(parts) <= _MAX_SUMS:  # no sum can be made, nor too many
        return [(0, [])] * len(totals)
    if parts and all(len(options) == 1 for options in parts):  # one sum (as a row of single figures)
        return [_one_sum(total, parts, [[0]] * len(parts)) for total in totals]
    if len(parts) == 1:  # the sums are the part's own candidates: each held against each total
        return _one_part(parts[0], totals)
    within: list[list[list[int]]] | None = None  # per total, per part: its options within bounds
    if looked_up and _worth_bounding(folded, looked_up[0], totals):
        within = within_bounds(parts, totals)
        if all(len(options) <= 1 for per_part in within for options in per_part):
            return [_one_sum(total, parts, chosen) for total, chosen in zip(totals, within, strict=True)]
    fold = _Fold(ways={(0,) * width: 1}, witnesses={(0,) * width: [()]}, prints={(0,) * width: 0})
    last_within = [per_part[-1] for per_part in within] if within is not None else None
    prints = _Prints.of(parts, totals)
    keeps = _reaching(folded, looked_up[0], prints, last_within) if looked_up else None
    for stage, options in enumerate(folded):
        fold = fold.added(options, prints.parts[stage], keep=keeps[stage] if keeps else None)
        if len(fold.ways) > _MAX_SUMS:
            return None
    if looked_up:
        fold, meeting_keys = _last_part(fold, looked_up[0], totals, prints, last_within)
    else:
        meeting_keys = [[key for key in fold.ways if meets(total, key)] for total in totals]
    return [(min(2, sum(fold.ways[key] for key in keys)),
             [(key, witness) for key in keys for witness in fold.witnesses[key]]) for keys in meeting_keys]


def never_too_many(sizes: Sequence[int]) -> bool:
    """Whether parts offering at most ``sizes`` options each make few enough sums that
    :func:`meeting_sums` never gives up on them (never ``None``), whichever of their options are offered."""
    most = 1
    for size in sizes:
        most *= size
    return most <= _MAX_SUMS


def _one_part(options: Sequence[Option], totals: Sequence[Vector]) -> list[tuple[int, Meeting]]:
    """The plain enumeration where there is one part: its options are the sums, in order (equal
    vectors one sum of their ways together)."""
    ways: dict[Vector, int] = {}
    witnesses: dict[Vector, list[tuple[int, ...]]] = {}
    for index, vector, part_ways in options:
        ways[vector] = min(2, ways.get(vector, 0) + part_ways)
        kept = witnesses.setdefault(vector, [])
        if len(kept) < 2:
            kept.append((index,))
    found: list[tuple[int, Meeting]] = []
    for total in totals:
        keys = [key for key in ways if meets(total, key)]
        found.append((min(2, sum(ways[key] for key in keys)),
                      [(key, witness) for key in keys for witness in witnesses[key]]))
    return found


def _sums_before_none(parts: Sequence[Sequence[Option]]) -> int:
    """At most how many sums the parts before the first with no option make (the plain enumeration
    makes none after it)."""
    most = 1
    for options in itertools.takewhile(bool, parts):
        most *= len(options)
    return most


def _worth_bounding(folded: Sequence[Sequence[Option]], last: Sequence[Option], totals: Sequence[Vector]) -> bool:
    """Whether to bound the options per total first (:mod:`~cnbudget.readers.flat.column_bounds`):
    where the sums and lookups it can spare outweigh its own cost, and never where the sums made
    without bounds could pass the limit (bounds must not let a table be placed that the plain
    enumeration gives up on)."""
    most, made = 1, 0
    for options in folded:
        most *= len(options)
        made += most
    work = made + len(totals) * len(last)
    return most <= _MAX_SUMS and work >= _BOUNDING_PAYS * max(len(totals), _FEWEST_TOTALS)


def _one_sum(total: Vector, parts: Sequence[Sequence[Option]], chosen: Sequence[Sequence[int]]) -> tuple[int, Meeting]:
    """What the parts make of a total where each part has one option (``chosen``: the option's place
    per part), or none: the one sum, if it meets the total."""
    if not all(chosen):
        return 0, []
    picked = [options[places[0]] for options, places in zip(parts, chosen, strict=True)]
    made = tuple(map(sum, zip(*(vector for _, vector, _ in picked), strict=True)))
    if not meets(total, made):
        return 0, []
    ways = 1
    for _, _, part_ways in picked:
        ways = min(2, ways * part_ways)
    return ways, [(made, tuple(index for index, _, _ in picked))]


def _reaching(
    folded: Sequence[Sequence[Option]], last: Sequence[Option], made: _Prints,
    last_within: Sequence[Sequence[int]] | None = None,
) -> list[_Reach] | None:
    """Per part before the last, whether a sum made there, by its fingerprint, can still meet some
    total with some candidates of the parts after it: within the widest weighted allowance of the
    totals and of each part, its fingerprint plus what the parts still to come can add (from the least to
    the most of their candidates' fingerprints) reaches a total's less a last candidate's. A sum that
    meets a total meets this at every part, and so does every sum it is made from: leaving out the
    others changes no way nor witness of a sum kept. ``None`` where it would not pay, or where the
    sums made without leaving any out could pass the limit (leaving some out must not let a table
    be placed that the plain enumeration gives up on)."""
    most, at_most = 1, 0
    for options in folded:
        most *= len(options)
        at_most += most
    if last_within is None:
        last_within = [range(len(last))] * len(made.totals)
    if most > _MAX_SUMS or sum(map(len, last_within)) >= at_most:
        return None
    prints = made.parts[:len(folded)]
    allowance = made.totals_widest + sum(made.widest)  # the last part's and those folded
    last_prints = made.parts[len(folded)]
    needed = sorted(total_print - last_prints[choice]
                    for total_print, choices in zip(made.totals, last_within, strict=True) for choice in choices)
    keeps: list[_Reach] = []
    least = greatest = 0  # what the parts after a stage can add to a fingerprint
    for stage in reversed(range(len(folded))):
        keeps.append((needed, least - allowance, greatest + allowance))
        least, greatest = least + min(prints[stage]), greatest + max(prints[stage])
    keeps.reverse()
    return keeps


def _last_part(
    fold: _Fold, options: Sequence[Option], totals: Sequence[Vector], made_prints: _Prints,
    within: Sequence[Sequence[int]] | None = None,
) -> tuple[_Fold, list[list[Vector]]]:
    """The fold with the last part added, kept to the sums that meet some total, and for each total
    the sums that meet it in the order the fold first made them (``made_prints``: the fingerprints
    and widest allowances of the parts and totals; ``within``: per total, the places of the options
    that can complete it, where known)."""
    keys = list(fold.ways)
    vectors = [vector for _, vector, _ in options]
    # Within the allowance of each other in every column, two vectors have fingerprints within the
    # weighted allowances of each other: a sum that completes a total is among the sums of the
    # others whose fingerprint lies within that of the one it needs (found by bisection of the
    # fingerprints in order; the order the pairs are met in changes nothing kept, see below).
    # The totals', every sum's in the fold (at most the folded parts' added up) and the last part's.
    allowance = made_prints.totals_widest + sum(made_prints.widest)
    key_prints = [fold.prints[key] for key in keys]
    by_print = sorted(range(len(keys)), key=key_prints.__getitem__)
    prints_in_order = [key_prints[position] for position in by_print]
    count = len(prints_in_order)
    vector_prints = made_prints.parts[-1]
    made: dict[tuple[int, int], Vector] = {}  # (sum of the others, option) → the whole sum
    meeting_pairs: list[list[tuple[int, int]]] = []
    if within is None:
        within = [range(len(vectors))] * len(totals)
    for total, total_print, choices in zip(totals, made_prints.totals, within, strict=True):
        pairs = []
        for choice in choices:
            vector = vectors[choice]
            needed = total_print - vector_prints[choice]
            start = bisect.bisect_left(prints_in_order, needed - allowance)
            if start == count or prints_in_order[start] > needed + allowance:
                continue  # no sum of the others near enough (most pairs): no second bisection
            end = bisect.bisect_right(prints_in_order, needed + allowance, start)
            for position in by_print[start:end]:
                key = keys[position]
                if completes(total, key, vector):  # the whole sum made only where it meets the total
                    if (position, choice) not in made:
                        made[(position, choice)] = add(key, vector)
                    pairs.append((position, choice))
        meeting_pairs.append(pairs)
    # Every pair that makes a kept sum meets some total: replayed in the plain enumeration's order,
    # they give the kept sums the same ways and witnesses.
    kept = {pair for pairs in meeting_pairs for pair in pairs}
    last = _Fold(ways={}, witnesses={}, prints={})
    for position, choice in sorted(kept):
        key = keys[position]
        index, _, part_ways = options[choice]
        last.take(made[(position, choice)], key_prints[position] + vector_prints[choice], fold.ways[key],
                  fold.witnesses[key], index, part_ways)
    order = {key: rank for rank, key in enumerate(last.ways)}
    meeting_keys = [sorted({made[pair] for pair in pairs}, key=order.__getitem__) for pairs in meeting_pairs]
    return last, meeting_keys


@attrs.frozen
class _Prints:
    """The fingerprints of every part's options and of the totals, and the widest weighted allowance
    of each part and of the totals, made once for the whole search (each vector's once)."""

    parts: list[list[int]]
    widest: list[int]
    totals: list[int]
    totals_widest: int

    @classmethod
    def of(cls, parts: Sequence[Sequence[Option]], totals: Sequence[Vector]) -> _Prints:
        vectors = [[vector for _, vector, _ in options] for options in parts]
        return cls(parts=[list(map(_fingerprint, of_part)) for of_part in vectors],
                   widest=[_widest_allowance(of_part) for of_part in vectors],
                   totals=list(map(_fingerprint, totals)), totals_widest=_widest_allowance(totals))


def _widest_allowance(vectors: Sequence[Vector]) -> int:
    """The largest weighted allowance among ``vectors``: per column, the values of two vectors within
    their allowances of each other have fingerprints within the weighted sum of those allowances."""
    return max(map(_allowance_print, vectors), default=0)


def _allowance_print(vector: Vector) -> int:
    """The weighted sum of a vector's allowances, weighted as :func:`_fingerprint` weighs its values."""
    return sum(map(operator.mul, vector[1::2], itertools.count(_weight(0))))


def _weight(column: int) -> int:
    """The weight of the value at ``column`` in a fingerprint: 1, 2, 3 … from the first column, so
    that figures moved between columns change it."""
    return column // 2 + 1


def _fingerprint(vector: Vector) -> int:
    """The weighted sum of a vector's values: the fingerprint of a sum is the sum of its parts'."""
    # The values stand at the even places; weights 1, 2, 3 … as _weight gives them.
    return sum(map(operator.mul, vector[::2], itertools.count(_weight(0))))

