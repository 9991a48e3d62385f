"""Whether a flat text prints each table's body before its title (:mod:`cnbudget.readers.flat.rebuild`)
is told by how many parts of the text fit their titles either way: the parts above the titles are
read only up to the first that names another table, and the parts below only when none does. Held
to the plain rule (every part read both ways, then counted)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.flat.rebuild import _reads_backward

_FITS = st.lists(st.sampled_from([True, False, None]), max_size=12)


def _plain(before: Sequence[bool | None], after: Sequence[bool | None]) -> bool:
    return before.count(True) > after.count(True) and False not in before


@settings(max_examples=500, deadline=None)
@given(_FITS, _FITS)
def test_the_reading_order_is_that_of_every_part_read_both_ways(
        before: list[bool | None], after: list[bool | None]) -> None:
    assert _reads_backward(iter(before), iter(after)) == _plain(before, after)


def _never_read() -> Iterator[bool | None]:
    raise AssertionError("the parts below the titles were read")
    yield None  # a generator, read only if asked


def test_a_part_above_a_title_naming_another_table_settles_it_without_reading_further() -> None:
    # Title first, as most documents print: the text above the second title is the first table's.
    asked: list[int] = []

    def above() -> Iterator[bool | None]:
        for index, fits in enumerate([None, False, True, True]):
            asked.append(index)
            yield fits
    assert _reads_backward(above(), _never_read()) is False
    assert asked == [0, 1]
