"""Cleaning a cell or a name takes the short way only where the patterns would change nothing: the
result is always what the patterns alone give."""

from __future__ import annotations

import pickle
import re
import sys
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.money import parse_amount
from cnbudget.numbering import is_table_number
from cnbudget.readers.text.grid import _META, _YEAR_LINE, _signature, cell_amount, is_amount, is_heading_line
from cnbudget.readers.text.source import (
    SourceLine,
    clean_cell,
    clean_name,
    joining_space,
    line_of_cells,
    numbered_lines,
)
from cnbudget.text import normalize_width

_MARKUP = re.compile(r"</?(?:b|p|strong|br|span|i|u)\b[^>]*>|\*\*", re.IGNORECASE)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")

_PIECES = st.sampled_from([" ", "\t", "\u3000", "\xa0", "\n", "a", "B", "<", ">", "/", "*", "**", "<b>", "</b>",
                           "<br/>", "<span class=x>", "中", "文", "，", "（", "1", ".", "VLOG", "  ", "“", "’",
                           "\uff08", "\u4dbf", "\u3400", "\u2003"])


def _by_patterns_cell(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def _by_patterns_name(text: str) -> str:
    return _SPACES.sub(" ", _SPACE_NEAR_CJK.sub("", _by_patterns_cell(text))).strip()


@settings(max_examples=1000)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_cleaning_is_what_the_patterns_give(text: str) -> None:
    assert clean_cell(text) == _by_patterns_cell(text)
    assert clean_name(text) == _by_patterns_name(text)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["中", "年", "“", "）", "a", "1", "-", ".", " ", "  ", "   "]), max_size=14)
       .map("".join))
def test_a_text_spaced_by_spaces_alone_is_cleaned_as_the_patterns_clean_it(text: str) -> None:
    assert clean_name(text) == _by_patterns_name(text)


def test_markup_and_layout_spaces_go() -> None:
    assert clean_cell(" <b>合计</b> ") == "合计"
    assert clean_name("**一般 公共 服务**  支出") == "一般公共服务支出"
    assert clean_name(" VLOG  视频 ") == "VLOG视频"
    assert clean_name("BRT  line") == "BRT line"
    assert clean_name("研究室和 10 个 A  B 委员会") == "研究室和10个A B委员会"
    assert clean_name("2019 年 - 2 -") == "2019年- 2 -"


_LINE_PIECES = st.sampled_from([" ", "\t", "\u3000", "\xa0", "\x1c", "\u2003", "#", "##", "- ", "-", "**", "<b>",
                                "<B>", "</b>", "*", "<", "中", "文", "1", ".", ",", "合计",
                                "<span", "<b", ">", "</", "b>"])  # a tag cut by a TAB (<span\tclass=x>) too


@settings(max_examples=1000)
@given(st.lists(_LINE_PIECES, max_size=14).map("".join))
def test_a_line_is_cut_and_squeezed_as_the_patterns_cut_it(raw: str) -> None:
    line = SourceLine.of(1, raw)
    without_heading = re.sub(r"^\s*(?:#{1,6}\s*|-\s+(?=\S))", "", raw)
    assert line.text == clean_cell(without_heading.replace("\t", " "))
    assert line.squeezed == _SPACES.sub("", line.text)
    cells = [clean_cell(cell) for cell in without_heading.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    assert line.cells == tuple(cells)
    assert line.bold is ("<b>" in raw.lower() or "**" in raw)
    # Made field by field, the line is the one the constructor makes of the same fields.
    for page in (None, 3):
        made = SourceLine.of(7, raw, page=page)
        built = SourceLine(number=7, raw=raw, text=line.text, cells=line.cells, bold=line.bold, page=page)
        assert made == built
        _is_a_finished_line(made, built)
        assert (made.squeezed, made.is_blank, made.is_tabular) == (built.squeezed, built.is_blank, built.is_tabular)
        assert made.is_blank is (line.text == "") and made.is_tabular is (len(line.cells) > 1)


def _is_a_finished_line(made: SourceLine, built: SourceLine) -> None:
    """A line made field by field is a SourceLine as the constructor's is: of its class, frozen,
    hashed and pickled alike."""
    assert type(made) is SourceLine
    assert hash(made) == hash(built)
    assert pickle.loads(pickle.dumps(made)) == built
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "x"  # type: ignore[misc]


@settings(max_examples=500)
@given(st.lists(_LINE_PIECES, max_size=10).map("".join),
       st.lists(st.sampled_from(["", "合计", "1.00", "中 文", "<b>x</b>"]), max_size=4).map(tuple))
def test_a_line_with_its_cells_placed_otherwise_is_the_line_evolved(raw: str, cells: tuple[str, ...]) -> None:
    for page in (None, 2):
        line = SourceLine.of(5, raw, page=page)
        placed, evolved = line.with_cells(cells), attrs.evolve(line, cells=cells)
        assert placed == evolved
        _is_a_finished_line(placed, evolved)
        assert (placed.squeezed, placed.is_blank, placed.is_tabular) == \
            (evolved.squeezed, evolved.is_blank, evolved.is_tabular)


@settings(max_examples=300)
@given(st.lists(_LINE_PIECES, max_size=10).map("".join), st.lists(_LINE_PIECES, max_size=10).map("".join))
def test_a_line_with_another_raw_text_or_blanked_is_the_line_evolved(raw: str, other: str) -> None:
    for page in (None, 4):
        line = SourceLine.of(6, raw, page=page)
        for made, evolved in ((line.with_raw(other), attrs.evolve(line, raw=other)),
                              (line.blanked(), attrs.evolve(line, text="", cells=()))):
            assert made == evolved
            _is_a_finished_line(made, evolved)
            assert (made.squeezed, made.is_blank, made.is_tabular) == \
                (evolved.squeezed, evolved.is_blank, evolved.is_tabular)


def _is_amount_by_parsing(cell: str) -> bool:
    if not cell.strip() or cell.strip() in {"-", "—", "－", "--"}:
        return False
    try:
        parse_amount(cell)
    except InvalidAmount:
        return False
    return True


_CELL_PIECES = st.sampled_from(["1", "0", "9", "１", "，", ",", ".", "．", "-", "—", "－", "–", "−", "E", "E+", "e",
                                "+", " ", "\u3000", "\xa0", "万元", "元", "亿", "万", "中", "%", "²", "①", "x", "、",
                                "1E+7", "6.5928E+7", "1E-7", "2,081.55", "１２３．４５", "－5.00"])


@settings(max_examples=2000)
@given(st.lists(_CELL_PIECES, max_size=8).map("".join))
def test_a_cell_is_an_amount_exactly_where_it_parses_as_one(cell: str) -> None:
    assert is_amount(cell) is _is_amount_by_parsing(cell)
    # The amount kept for the cell is the one parsing it gives (readers take it where is_amount holds).
    try:
        parsed: Decimal | None = parse_amount(cell)
    except InvalidAmount:
        parsed = None
    assert cell_amount(cell) == parsed
    assert parsed is None or str(cell_amount(cell)) == str(parsed)
    line = SourceLine.of(1, f"{cell}\t{cell} 中 文")
    assert _signature(line) == tuple(_SPACES.sub("", c) for c in line.cells)


def test_no_character_but_their_own_folds_into_the_words_of_a_table_number() -> None:
    words = "表附件"
    folded_into = [hex(code) for code in range(sys.maxunicode + 1)
                   if chr(code) not in words and any(word in normalize_width(chr(code)) for word in words)]
    assert folded_into == []


_NUMBER_PIECES = st.sampled_from(["表", "附", "件", "附件", "公开", "预算", "部门预算", " ", "\u3000", "1", "０５", "-",
                                  "（", "）", "之", "一", "收支总", "单位", "：", "万元", "编制部门", "部门", "名称",
                                  "金额", ":", "(", ")", "2024", "年度", "x"])


@settings(max_examples=1500)
@given(st.lists(_NUMBER_PIECES, max_size=8).map("".join))
@example("附件 1")
@example("附件１")
@example("公开 05 表")
@example("表1")
@example("单位：万元")
@example("（2024年度）")
@example("(2024 年)")
@example("编制部门：某局")
@example("金额单位：万元")
def test_a_heading_line_is_what_the_patterns_alone_find(text: str) -> None:
    line = SourceLine.of(1, text)
    squeezed = line.squeezed
    by_patterns = bool(_META.match(squeezed) or _YEAR_LINE.match(squeezed) or is_table_number(squeezed))
    assert is_heading_line(line) is by_patterns


_JOINED = st.one_of(st.characters(), st.sampled_from([" ", "\t", "\u3000", "\xa0", "<", ">", "*", "/", "b", "中", "，",
                                                       "“", "’", "\u3400", "\u4dbf", "\uf900", "\uffef", "1"]))


@settings(max_examples=2000)
@given(_JOINED, _JOINED)
@example("*", "*")  # markup made by the join
@example("中", "1")
@example("A", "B")
def test_the_space_kept_between_two_characters_is_what_the_patterns_give(left: str, right: str) -> None:
    assert joining_space(left, right) == _by_patterns_name(f"{left} {right}")[1:-1]


@attrs.frozen(kw_only=True)
class _MarkedLine(SourceLine):
    mark: str = "x"


@settings(max_examples=300)
@given(st.lists(st.lists(_LINE_PIECES, max_size=8).map("".join), max_size=6), st.integers(1, 50),
       st.one_of(st.none(), st.integers(1, 9)))
def test_lines_made_in_one_loop_are_the_lines_made_one_by_one(raws: list[str], first: int, page: int | None) -> None:
    made = numbered_lines(raws, first=first, page=page)
    assert made == [SourceLine.of(first + i, raw, page=page) for i, raw in enumerate(raws)]
    assert [line.number for line in made] == list(range(first, first + len(raws)))
    # A subclass's lines are cleaned alike and made by its own constructor.
    for raw, line in zip(raws, made, strict=True):
        marked = _MarkedLine.of(line.number, raw, page=page)
        assert type(marked) is _MarkedLine
        assert (marked.text, marked.cells, marked.bold, marked.squeezed) == (line.text, line.cells, line.bold,
                                                                             line.squeezed)


@settings(max_examples=300)
@given(st.lists(st.lists(_LINE_PIECES, max_size=4).map("".join), max_size=5), st.lists(_LINE_PIECES, max_size=6).map(
    "".join), st.integers(1, 50), st.one_of(st.none(), st.integers(1, 9)))
def test_a_line_made_of_given_cells_is_the_line_the_constructor_makes(
    cells: list[str], raw: str, number: int, page: int | None
) -> None:
    made = line_of_cells(number, raw, tuple(cells), page=page)
    expected = SourceLine(number=number, raw=raw, text=" ".join(cell for cell in cells if cell), cells=tuple(cells),
                          bold=False, page=page)
    assert type(made) is SourceLine
    assert made == expected
    # The fields left out of equality, derived alike.
    assert (made.squeezed, made.is_blank, made.is_tabular) == (expected.squeezed, expected.is_blank,
                                                               expected.is_tabular)
