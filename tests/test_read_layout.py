"""Reading layout text (版面文本): table rows whose cells stand apart by runs of spaces.

Two kinds of layout text are read: ``pdftotext -layout`` (amounts right-aligned, a Chinese character
one position wide) and text padded to column widths as ``column -t`` or an editor prints it (every
cell left-aligned at its column's start, a Chinese character two columns wide or one). The second is
made here from TAB-separated text, so every document the reader reads as TSV must read the same.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers import read_text
from cnbudget.readers.read import ReadResult
from cnbudget.readers.text.forms import TextForm, detect_form, text_lines
from cnbudget.readers.text.layout import UNPLACED, layout_lines
from cnbudget.readers.text.layout_rows import WrappedRow, join_wrapped
from tests.seeds import corpus_names, corpus_path, seed_path


def column_t(text: str, *, wide: bool = True) -> str:
    """TAB-separated text padded to column widths, as ``column -t -s TAB`` prints it: every cell of
    the lines that hold cells padded with spaces to the widest cell of its column (over the whole
    text), two spaces between cells, trailing spaces cut; lines without cells as they are. Widths
    count a Chinese character as two columns where ``wide`` (as ``column`` does), else as one."""

    def width(cell: str) -> int:
        return sum(2 if wide and unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in cell)

    rows = [line.split("\t") for line in text.splitlines()]
    widths: dict[int, int] = {}
    for cells in rows:
        if len(cells) > 1:
            for index, cell in enumerate(cells):
                widths[index] = max(widths.get(index, 0), width(cell))
    padded = ["  ".join(cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(cells)).rstrip()
              if len(cells) > 1 else cells[0] for cells in rows]
    return "\n".join(padded) + "\n"


def _facts(result: ReadResult) -> Counter[tuple[object, ...]]:
    return Counter((f.table, f.agency, f.code, f.name, f.project, f.column, f.amount)
                   for f in result.disclosure.facts())


def _same_reading(tsv: str, layout: str) -> None:
    expected, found = read_text(tsv), read_text(layout)
    assert found.coverage.read == expected.coverage.read
    assert _facts(found) == _facts(expected)
    assert not [p for p in found.problems if p.message == UNPLACED]


def test_column_t_pads_every_cell_to_its_column() -> None:
    assert column_t("a\tbb\tc\nccc\td\te\n标题\n") == "a    bb  c\nccc  d   e\n标题\n"
    assert column_t("名\t1.00\nab\t2.00\n") == "名  1.00\nab  2.00\n"
    assert column_t("名\t1.00\nabc\t2.00\n", wide=False) == "名    1.00\nabc  2.00\n"


# --- small tables, by hand --------------------------------------------------------------------------

# As pdftotext prints it: a Chinese character one position wide, headings centred over their
# columns, amounts right-aligned (ending at positions 36, 56 and 76).
PDFTOTEXT = (
    "某局2024年部门预算\n编制部门：某局\n部门支出总体情况表\n单位：万元\n"
    "科目编码         科目名称               合计                基本支出                项目支出\n"
    "210          卫生健康支出             5.00                3.00                2.00\n"
    "  21015      医疗保障管理事务           5.00                3.00                2.00\n"
    "    2101501  行政运行               5.00                3.00                2.00\n"
    "             合计                 5.00                3.00                2.00\n"
)


def test_pdftotext_rows_have_their_cells_apart() -> None:
    lines = layout_lines(PDFTOTEXT)
    assert detect_form(PDFTOTEXT) is TextForm.LAYOUT
    assert [line.cells for line in lines[4:]] == [
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
        ("210", "卫生健康支出", "5.00", "3.00", "2.00"),
        ("21015", "医疗保障管理事务", "5.00", "3.00", "2.00"),
        ("2101501", "行政运行", "5.00", "3.00", "2.00"),
        ("", "合计", "5.00", "3.00", "2.00"),
    ]
    assert [line.number for line in lines] == list(range(1, 10))
    assert [line.raw for line in lines] == PDFTOTEXT.splitlines()


def test_pdftotext_table_read_with_its_figures() -> None:
    result = read_text(PDFTOTEXT)
    assert result.coverage.read == ("expenditure",)
    facts = {(f.code, f.column): f.amount for f in result.disclosure.facts()}
    assert facts[("2101501", "basic")] == Decimal("3.00")
    assert facts[(None, "project")] == Decimal("2.00")


def test_figure_over_two_columns_is_reported_not_placed() -> None:
    # 9.00 ends between the columns of 基本支出 and 项目支出, under no heading: which one it is
    # cannot be told.
    row = "    2101501  行政运行               5.00                3.00                2.00"
    stray = "    2101501  行政运行               5.00                        9.00"
    assert PDFTOTEXT.splitlines()[4][stray.index("9.00"):len(stray)].strip() == ""
    text = PDFTOTEXT.replace(row, stray)
    result = read_text(text)
    line = text_lines(text)[7]
    assert line.cells == ()
    assert any(p.line == 8 and p.message == UNPLACED for p in result.problems)
    assert "2101501" not in {f.code for f in result.disclosure.facts()}


def test_wrapped_name_joined_into_its_row() -> None:
    rows = [WrappedRow(1, ("", "四、文化旅游体育与传媒", ""), False), WrappedRow(2, ("", "", "200,000"), True),
            WrappedRow(3, ("", "支出", ""), False), WrappedRow(4, ("", "五、社会保障", "5,000"), True)]
    assert join_wrapped(rows) == {2: ("", "四、文化旅游体育与传媒支出", "200,000"), 1: (), 3: ()}


def test_piece_two_rows_can_take_is_left_unread() -> None:
    # 其他 stands one line below the first row and one above the second, as 设备 and 服务 answer it
    # on either side: whose piece it is cannot be told, so neither row is guessed.
    rows = [WrappedRow(1, ("设备", ""), False), WrappedRow(2, ("", "1.00"), True),
            WrappedRow(3, ("其他", ""), False), WrappedRow(4, ("", "2.00"), True),
            WrappedRow(5, ("服务", ""), False)]
    assert join_wrapped(rows) == {1: None, 2: None, 3: None, 4: None, 5: None}


def test_a_numbered_item_is_no_piece_below_a_row() -> None:
    rows = [WrappedRow(1, ("六、科学技术支出", ""), False), WrappedRow(2, ("", "1.00"), True),
            WrappedRow(3, ("七、文化旅游体育与传媒支出", ""), False)]
    assert join_wrapped(rows) == {}


# --- text padded to column widths reads like the TSV it was made from ---------------------------------


@pytest.mark.parametrize("wide", [True, False], ids=["wide", "narrow"])
@pytest.mark.parametrize("seed", ["001", "002", "003"])
def test_padded_seed_reads_like_its_tsv(seed: str, wide: bool) -> None:
    tsv = seed_path(seed).read_text(encoding="utf-8")
    _same_reading(tsv, column_t(tsv, wide=wide))


@pytest.mark.parametrize("name", corpus_names())
def test_padded_corpus_tsv_reads_like_it(name: str) -> None:
    tsv = corpus_path(name).read_text(encoding="utf-8")
    if "决算" in tsv[:2000] and "预算" not in tsv[:200]:
        pytest.skip("final accounts are refused in every form")
    try:
        expected = read_text(tsv)
    except Exception as error:  # refused documents are refused in every form
        with pytest.raises(type(error)):
            read_text(column_t(tsv))
        return
    padded = read_text(column_t(tsv))
    assert padded.coverage.read == expected.coverage.read
    assert _facts(padded) == _facts(expected)


# Real 类/款/项 paths of the 2024 catalogue, so that the generated rows read as the document's own.
_PATHS = [("210", "卫生健康支出"), ("21015", "医疗保障管理事务"), ("2101501", "行政运行"),
          ("2101502", "一般行政管理事务"), ("2101599", "其他医疗保障管理事务支出"), ("208", "社会保障和就业支出"),
          ("20805", "行政事业单位养老支出"), ("2080505", "机关事业单位基本养老保险缴费支出"),
          ("221", "住房保障支出"), ("22102", "住房改革支出"), ("2210201", "住房公积金")]
_amounts = st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2)


@st.composite
def _expenditure_tables(draw: st.DrawFn) -> str:
    """An expenditure table of two rows or more (a table of one row whose figures are all as wide
    shows neither how its figures nor how its code columns stand: it is left unread)."""
    codes = draw(st.lists(st.sampled_from(_PATHS), min_size=2, max_size=8, unique=True))
    thousands = draw(st.booleans())
    split_code = draw(st.booleans())
    lines = ["某局2024年部门预算", "编制部门：某局", "部门支出总体情况表", "单位：万元"]
    if split_code:
        lines += ["科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出", "类\t款\t项\t\t\t\t"]
    else:
        lines.append("科目编码\t科目名称\t合计\t基本支出\t项目支出")
    for code, name in codes:
        basic, project = draw(_amounts), draw(_amounts)
        figures = [f"{value:,.2f}" if thousands else f"{value:.2f}" for value in (basic + project, basic, project)]
        if draw(st.booleans()):
            figures[2] = ""  # a blank cell
        printed = [code[:3], code[3:5], code[5:7]] if split_code else [code]
        lines.append("\t".join([*printed, name, *figures]))
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(_expenditure_tables(), st.booleans())
def test_padded_table_reads_like_its_tsv(tsv: str, wide: bool) -> None:
    _same_reading(tsv, column_t(tsv, wide=wide))
