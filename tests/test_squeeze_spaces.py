"""Squeezing spaces out of a text (``cnbudget.text.squeeze_spaces``) removes exactly what the
pattern ``\\s`` matches: table numbers, headings and names are matched on squeezed text."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from cnbudget.numbering import is_table_number
from cnbudget.text import squeeze_spaces


def test_every_code_point_is_squeezed_out_exactly_where_the_pattern_calls_it_space() -> None:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        expected = "" if re.fullmatch(r"\s", character) else character
        assert squeeze_spaces(f"a{character}b") == f"a{expected}b", hex(code)


@given(st.text())
def test_squeezed_text_is_the_text_without_its_spaces(text: str) -> None:
    assert squeeze_spaces(text) == re.sub(r"\s+", "", text)


def test_a_table_number_printed_with_ideographic_and_layout_spaces_is_still_one() -> None:
    assert is_table_number("公开\u300005 表")
    assert not is_table_number("表 1\u3000部门收支总表")
