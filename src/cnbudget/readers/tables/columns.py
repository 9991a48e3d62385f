"""Column layouts recognised by header text, and placing a row's cells into columns (栏目识别).

A :class:`Layout` says which leading columns a table variant prints (codes, agency code, name,
project…), which amount columns follow in order, and which header labels identify it. The layout is
chosen by the header text, never by position alone.

Text converted from PDF sometimes drops an empty cell inside a row, which would shift every later
amount one column to the left. When the printed positions break the row's own identities
(合计 = 基本支出 + 项目支出 …) and the row holds fewer amount cells than the layout has columns, the
reader tries every way of putting the missing blanks back and keeps the arrangements under which
the identities hold. One such arrangement is taken as certain. When several hold, the one that moves
the printed cells least (blanks as far right as possible) is taken, and the columns on which the
arrangements disagree are named, so that the reader can report them. When none holds, the row is
kept as printed and validation judges its figures.

>>> from cnbudget.model import ExpenditureAmounts
>>> layout = Layout(name="demo", signature=("合计", "基本支出", "项目支出"), lead=("name",),
...                 amounts=("total", "basic", "project"), record=ExpenditureAmounts)
>>> layout.identities
(('total', ('basic', 'project')),)
>>> place_amounts(layout, ["5.00", "", "5.00"]).values
{'total': Decimal('5.00'), 'basic': Decimal('0'), 'project': Decimal('5.00')}
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.decimals import ARITHMETIC
from cnbudget.model.sums import identities
from cnbudget.money import Consistency, check_sum
from cnbudget.readers.text.grid import cell_amount

__all__ = ["Layout", "Placement", "choose_layout", "fitting_placements", "place_amounts"]

_BLANK = Decimal(0)
_MAX_MISSING = 3  # more dropped cells than this is not a row we can repair


@attrs.frozen(kw_only=True)
class Layout:
    """One printed variant of a table. The identities its rows satisfy follow from its ``record``'s
    column tree (:func:`cnbudget.model.sums.identities`), never written beside it.

    >>> Layout(name="demo", signature=(), lead=("name",), amounts=("total", "basic", "project"),
    ...        identities=(("total", ("basic", "project")),)).identity_places
    ((0, (1, 2)),)
    """

    name: str
    signature: tuple[str, ...]  # labels that must all appear in the header text
    lead: tuple[str, ...]  # leading columns: "code" (one per code part), "agency_code", "name", …
    amounts: tuple[str, ...]  # amount fields, in printed order
    record: type | None = None  # the amount record the fields belong to
    absent: tuple[str, ...] = ()  # labels whose presence rules this layout out
    identities: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(
        default=attrs.Factory(lambda self: _identities(self.record, self.amounts), takes_self=True))
    #: The identities whose columns are all among the amounts, those a row can be held to (kept:
    #: every row of the table is).
    row_identities: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(init=False, eq=False, repr=False)

    @row_identities.default
    def _row_identities(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        printed = set(self.amounts)
        return tuple((total, parts) for total, parts in self.identities
                     if total in printed and all(part in printed for part in parts))

    #: The identities by place among the amounts (the total's, its parts'), as the flat readers
    #: place a row's figures; None where one names a column the layout does not print.
    identity_places: tuple[tuple[int, tuple[int, ...]], ...] | None = attrs.field(init=False, eq=False, repr=False)

    @identity_places.default
    def _identity_places(self) -> tuple[tuple[int, tuple[int, ...]], ...] | None:
        place = {field: index for index, field in enumerate(self.amounts)}
        try:
            return tuple((place[total], tuple(place[part] for part in parts)) for total, parts in self.identities)
        except KeyError:
            return None

    def matches(self, header_text: str) -> bool:
        """Whether a header (spaces removed) is this layout's."""
        return all(label in header_text for label in self.signature) and not any(
            label in header_text for label in self.absent
        )


def _identities(record: type | None, amounts: Sequence[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(total, parts) for every identity a row printing ``amounts`` of ``record`` satisfies."""
    return () if record is None else tuple((i.total, i.parts) for i in identities(record, amounts))


def choose_layout(header_text: str, layouts: Sequence[Layout]) -> Layout | None:
    """The first layout whose signature the header carries."""
    return next((layout for layout in layouts if layout.matches(header_text)), None)


@attrs.frozen(kw_only=True)
class Placement:
    """The amounts of one row by field, and how they were placed."""

    values: dict[str, Decimal]
    repaired: bool = False  # blanks were put back where the text had dropped them
    uncertain: tuple[str, ...] = ()  # columns on which equally valid arrangements disagree
    problem: str | None = None  # why the row could not be placed, when it could not


def _parse(cells: Sequence[str]) -> list[Decimal] | str:
    parsed = []
    for cell in cells:
        value = cell_amount(cell)
        if value is None:
            return f"not an amount: {cell!r}"
        parsed.append(value)
    return parsed


def _holds(layout: Layout, values: dict[str, Decimal]) -> bool:
    """Whether the row's ``values`` (one for each of the layout's amounts) satisfy its identities."""
    for total, parts in layout.row_identities:
        added = _BLANK
        for part in parts:  # in order, as functools.reduce(ARITHMETIC.add) adds them, without a list made first
            added = _add(added, values[part])
        if _subtract(values[total], added).is_zero():
            continue  # adds up exactly (most rows; sums of amounts are exact at this precision): as check_sum finds
        if check_sum(values[total], [values[p] for p in parts]).status is Consistency.INCONSISTENT:
            return False
    return True


_add, _subtract = ARITHMETIC.add, ARITHMETIC.subtract


def place_amounts(layout: Layout, cells: Sequence[str]) -> Placement:
    """Place a row's amount cells (everything after the lead columns) into the layout's fields."""
    parsed = _parse(cells)
    if isinstance(parsed, str):
        return Placement(values={}, problem=parsed)
    width = len(layout.amounts)
    if len(parsed) > width:
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            return Placement(values={}, problem=f"{len(parsed)} amount cells for {width} columns")
        parsed = parsed[:width]
    straight = dict(zip(layout.amounts, parsed + [_BLANK] * (width - len(parsed)), strict=True))
    if _holds(layout, straight) or not layout.identities:
        return _as_printed(straight)
    missing = width - len(parsed)
    if missing == 0 or missing > _MAX_MISSING:
        return Placement(values=straight)  # as printed; validation will judge the figures
    fits = fitting_placements(layout, parsed)
    if not fits:
        return Placement(values=straight)
    chosen = fits[-1]  # combinations come in order, so the last puts the blanks furthest right
    uncertain = tuple(field for field in layout.amounts if len({fit[field] for fit in fits}) > 1)
    return Placement(values=chosen, repaired=True, uncertain=uncertain)


# A Placement in the making (cnbudget.builders): its fields set by plain assignment.
_PlacementBuilder = builder_of_model(Placement)
_new = object.__new__


def _as_printed(values: dict[str, Decimal]) -> Placement:
    """``Placement(values=values)``, made on its builder: every row placed as printed (most rows) is one."""
    placement: Any = _new(_PlacementBuilder)
    placement.values = values
    placement.repaired = False
    placement.uncertain = ()
    placement.problem = None
    placement.__class__ = Placement
    return cast(Placement, placement)


def fitting_placements(layout: Layout, figures: Sequence[Decimal]) -> list[dict[str, Decimal]]:
    """Every way to put ``figures``, in printed order, into the layout's amount columns with blanks
    in the others, under which the row's identities hold (blanks leftmost first).

    >>> from cnbudget.model import ExpenditureAmounts
    >>> layout = Layout(name="demo", signature=(), lead=("name",), amounts=("total", "basic", "project"),
    ...                 record=ExpenditureAmounts)
    >>> [sorted(k for k, v in fit.items() if v) for fit in fitting_placements(layout, [Decimal("5"), Decimal("5")])]
    [['project', 'total'], ['basic', 'total']]
    """
    width = len(layout.amounts)
    fits = []
    for gaps in itertools.combinations(range(width), width - len(figures)):
        remaining = iter(figures)
        values = {
            field: (_BLANK if index in gaps else next(remaining))
            for index, field in enumerate(layout.amounts)
        }
        if _holds(layout, values):
            fits.append(values)
    return fits
