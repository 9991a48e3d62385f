"""Shortcuts of the layout columns held to the plain way."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.readers.text.layout_columns import Column, _ordered
from cnbudget.readers.text.layout_words import Token, TokenKind

_POSITIONS = st.integers(min_value=0, max_value=60)


@st.composite
def _columns(draw: st.DrawFn) -> Column:
    anchor, start, end = draw(_POSITIONS), draw(_POSITIONS), draw(_POSITIONS)
    return Column(align=draw(st.sampled_from(["left", "right"])), anchor=anchor, start=start, end=end,
                  amounts=draw(st.booleans()), centre=draw(st.floats(min_value=0, max_value=60)),
                  printed=draw(st.booleans()), reach=draw(st.none() | _POSITIONS), mixed=draw(st.booleans()))


@st.composite
def _tokens(draw: st.DrawFn) -> Token:
    start = draw(_POSITIONS)
    return Token(start=start, end=start + draw(st.integers(min_value=1, max_value=12)), text="x",
                 kind=draw(st.sampled_from(TokenKind)))


@given(st.lists(_columns(), max_size=8), st.lists(_tokens(), max_size=8))
def test_the_columns_holding_a_token_are_those_whose_holds_says_so(columns: list[Column], tokens: list[Token]) -> None:
    found = _ordered(columns)
    for token in tokens:
        assert found.holding(token) == [i for i, column in enumerate(found.columns) if column.holds(token)]


@given(st.lists(_columns(), min_size=1, max_size=8), st.lists(_tokens(), max_size=8))
def test_a_tokens_column_kept_is_the_column_found_afresh(columns: list[Column], tokens: list[Token]) -> None:
    kept = _ordered(columns)
    for token in [*tokens, *tokens, *(attrs.evolve(token) for token in tokens)]:
        assert kept.column_of(token) == _ordered(columns).column_of(token)
