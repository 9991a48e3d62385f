"""A row's cells are told filled by one function (any_filled, map over str.strip): what asking each
cell's .strip() in a generator found, for every white space str.strip takes out."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.readers.text.grid import any_filled

# White space of every kind str.strip removes (the ideographic space, no-break space, the separators
# below \x20), a character that looks blank and is not (zero-width space), and printed text.
_CELLS = st.lists(st.text(st.sampled_from([" ", "\t", "\u3000", "\xa0", "\x1c", "\x85", "\u2028", "\u200b",
                                           "5", "合", "."]), max_size=4), max_size=6)


def _filled_plainly(cells: list[str]) -> bool:
    return any(cell.strip() for cell in cells)


@given(_CELLS)
@example([])
@example(["", " ", "\u3000"])
@example(["\xa0\x1c"])
@example(["", "\u200b"])
def test_cells_are_filled_where_a_stripped_cell_is_not_empty(cells: list[str]) -> None:
    assert any_filled(cells) is _filled_plainly(cells)
    assert any_filled(iter(cells)) is _filled_plainly(cells)
