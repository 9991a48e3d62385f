"""The pattern of an amount in a clause starts with its first digit (so that re looks for a digit
before trying the rest): it finds what the plain pattern, a number not preceded by a digit, point
or comma, finds — the same spans, numbers and units, in every text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.readers.prose import figures

_PLAIN = re.compile(rf"(?<![\d.,])(?P<number>{figures.NUMBER}){figures._AMOUNT_UNIT}")

_PIECES = st.sampled_from([
    "0", "1", "2", "5", "9", "12", "123", "1234", ",", ".", "，", " ", "\n", "万", "元", "万元", "亿元", "其中",
    "合计", "、", "）", "。", "/", "以上", "人", "预算", "１", "٣", "%", "-", "a",
])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str, str]]:
    return [(match.span(), match["number"], match["unit"]) for match in pattern.finditer(text)]


@given(_TEXTS)
@example("1,234.5万元，2,34万元，.5万元，,12元，1.2.3元")
@example("5万，6万其中7万人８万元٣元")
def test_the_amount_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    assert _found(figures._AMOUNT, text) == _found(_PLAIN, text)


@given(st.text(max_size=20))
def test_in_any_text(text: str) -> None:
    assert _found(figures._AMOUNT, text) == _found(_PLAIN, text)
