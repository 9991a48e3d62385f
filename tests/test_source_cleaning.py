"""Cleaning a cell or a name takes the short way only where the patterns would change nothing: the
result is always what the patterns alone give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.text.source import clean_cell, clean_name

_MARKUP = re.compile(r"</?(?:b|p|strong|br|span|i|u)\b[^>]*>|\*\*", re.IGNORECASE)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")

_PIECES = st.sampled_from([" ", "\t", "\u3000", "\xa0", "\n", "a", "B", "<", ">", "/", "*", "**", "<b>", "</b>",
                           "<br/>", "<span class=x>", "中", "文", "，", "（", "1", ".", "VLOG"])


def _by_patterns_cell(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def _by_patterns_name(text: str) -> str:
    return _SPACES.sub(" ", _SPACE_NEAR_CJK.sub("", _by_patterns_cell(text))).strip()


@settings(max_examples=1000)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_cleaning_is_what_the_patterns_give(text: str) -> None:
    assert clean_cell(text) == _by_patterns_cell(text)
    assert clean_name(text) == _by_patterns_name(text)


def test_markup_and_layout_spaces_go() -> None:
    assert clean_cell(" <b>合计</b> ") == "合计"
    assert clean_name("**一般 公共 服务**  支出") == "一般公共服务支出"
    assert clean_name(" VLOG  视频 ") == "VLOG视频"
    assert clean_name("BRT  line") == "BRT line"
