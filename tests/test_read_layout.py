"""Reading layout text (版面文本): table rows whose cells stand apart by runs of spaces.

Two kinds of layout text are read: ``pdftotext -layout`` (amounts right-aligned, a Chinese character
one position wide) and text padded to column widths as ``column -t`` or an editor prints it (every
cell left-aligned at its column's start, a Chinese character two columns wide or one). The second is
made here from TAB-separated text, so every document the reader reads as TSV must read the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers import read_text
from cnbudget.readers.result import ReadResult
from cnbudget.readers.tables.summary_tables import read_summary_table
from cnbudget.readers.text.blocks import find_blocks
from cnbudget.readers.text.forms import TextForm, detect_form, text_lines
from cnbudget.readers.text.layout import UNPLACED, layout_lines
from cnbudget.readers.text.layout_rows import WrappedRow, join_wrapped
from cnbudget.readers.text.source import split_lines
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


def test_a_numbered_item_a_line_off_the_mirror_does_not_stop_a_piece_above() -> None:
    # 收支预算总表 (江苏省人民检察院 2017): 1.一般公共预 / (17,981.68) / 算, and 2.政府性基金 starts the
    # next funding source one line below 算. It is no later piece of the name above the row (a
    # numbered item starts a row of its own), so 算 alone answers 1.一般公共预.
    rows = [WrappedRow(237, ("1.一般公共预", "", ""), False), WrappedRow(238, ("", "17,981.68", "二、外交支出"), True),
            WrappedRow(239, ("算", "", ""), False), WrappedRow(240, ("2.政府性基金", "", ""), False),
            WrappedRow(241, ("", "", "三、国防支出"), True), WrappedRow(242, ("预算", "", ""), False)]
    assert join_wrapped(rows) == {238: ("1.一般公共预算", "17,981.68", "二、外交支出"), 237: (), 239: (),
                                  241: ("2.政府性基金预算", "", "三、国防支出"), 240: (), 242: ()}


def _stacked_items() -> list[WrappedRow]:
    """政府采购支出预算表 (江苏省人民检察院 2018, lines 802-823): items wrapped over three lines and their
    purchase methods over two, one under another with no blank line between them, each row's figure
    on the middle line of its cells (columns: item, method, amount)."""
    printed = [(802, ("台式计算机", "", "")), (803, ("", "部门集中采", "")), (804, ("（20万以", "", "27.00")),
               (805, ("", "购", "")), (806, ("上）", "", "")), (807, ("便携式计算", "", "")),
               (808, ("", "分散自行组", "")), (809, ("机（20万以", "", "16.00")), (810, ("", "织", "")),
               (811, ("下）", "", "")), (812, ("打印设备（20", "分散自行组", "")), (813, ("", "", "15.00")),
               (814, ("万以下）", "织", "")), (815, ("", "分散自行组", "")), (816, ("复印机", "", "8.00")),
               (817, ("", "织", ""))]
    return [WrappedRow(number, cells, bool(cells[2])) for number, cells in printed]


def test_stacked_wrapped_cells_shared_out_where_every_row_prints_a_figure() -> None:
    """Where every row prints a figure, every line of words is a piece, and there is one way to give
    each to a row with its cells centred on the row's line: so the rows are read whole."""
    joined = join_wrapped(_stacked_items(), figures_on_every_row=True)
    assert joined[804] == ("台式计算机（20万以上）", "部门集中采购", "27.00")
    assert joined[809] == ("便携式计算机（20万以下）", "分散自行组织", "16.00")
    assert joined[813] == ("打印设备（20万以下）", "分散自行组织", "15.00")
    assert joined[816] == ("复印机", "分散自行组织", "8.00")
    assert all(joined[number] == () for number in (802, 803, 805, 806, 807, 808, 810, 811, 812, 814, 815, 817))


def test_stacked_wrapped_cells_left_unread_where_a_row_may_print_words_alone() -> None:
    """Without that, 台式计算机 / 上） around （20万以 may be three rows: those are not read."""
    joined = join_wrapped(_stacked_items())
    assert joined[804] is None and joined[802] is None and joined[806] is None


def test_pieces_shared_out_in_two_ways_are_left_to_the_piece_by_piece_reading() -> None:
    """其他 one line below one row and one above the next, 设备 and 服务 answering it on either side:
    two ways to share the pieces out, so none is taken (and the rows are not read)."""
    rows = [WrappedRow(1, ("设备", ""), False), WrappedRow(2, ("", "1.00"), True),
            WrappedRow(3, ("其他", ""), False), WrappedRow(4, ("", "2.00"), True),
            WrappedRow(5, ("服务", ""), False)]
    assert join_wrapped(rows, figures_on_every_row=True) == {1: None, 2: None, 3: None, 4: None, 5: None}


def _procurement(method: str) -> str:
    """A 政府采购 table in layout text whose last item and its method are printed one space apart, the
    other items' methods being ``method``."""
    def row(category: str, project: str, subject: str, item: str, how: str, amount: str) -> str:
        return f"{category:<16}{project:<16}{subject:<16}{item:<12}{how:<14}{amount:>8}".rstrip()

    lines = [row("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"),
             row("合计", "", "", "", "", "40.00"), row("一、货物A", "", "", "", "", "40.00"),
             row("", "办公设备费", "办公设备购置", "", "", "40.00"),
             row("", "", "", "台式计算机", method, "20.00"), row("", "", "", "复印机", method, "10.00"),
             " " * 48 + "打印设备（20万以上） 政府集中采购" + " " * 4 + "10.00"]
    return "\n".join(["某局2024年部门预算", "政府采购支出预算表", "单位：万元", *lines]) + "\n"


def _two_pages(category_on_second: bool, goods: str = "50.00") -> str:
    """A 政府采购 table whose second page repeats no header and prints its columns narrower, an item's
    name wrapped around its row's line at the top of the page, and (where ``category_on_second``) a
    category left of all its columns; ``goods``: the figure of 一、货物A (50.00 adds up with the
    category on the second page, 80.00 without it)."""
    def row(widths: tuple[int, ...], end: int, cells: tuple[str, ...], amount: str = "") -> str:
        words = "".join(f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=False)).rstrip()
        return f"{words:<{end - len(amount)}}{amount}".rstrip() if amount else words

    wide, narrow = (16, 16, 16, 14, 14), (10, 12, 12, 10, 10)
    first = [row(wide, 86, ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式"), "总计"),
             row(wide, 86, ("合计",), "80.00"), row(wide, 86, ("一、货物A",), goods),
             row(wide, 86, ("", "办公设备费", "办公设备购置"), "30.00"),
             row(wide, 86, ("", "", "", "台式计算机", "政府集中采购"), "20.00"),
             row(wide, 86, ("", "", "", "复印机", "分散自行组织"), "10.00"),
             row(wide, 86, ("", "专用设备费", "专用设备购置"), "20.00"),
             row(wide, 86, ("", "", "", "其他专用设备", "分散自行组织"), "10.00")]
    second = [row(narrow, 66, ("", "", "", "其他办公消")), row(narrow, 66, ("", "", "", "", "分散自行组织"), "10.00"),
              row(narrow, 66, ("", "", "", "耗用品"))]
    second += [row(narrow, 66, ("", "会议费", "会议费"), "20.00"),
               row(narrow, 66, ("", "", "", "会议服务", "分散自行组织"), "20.00"),
               row(narrow, 66, ("", "培训费", "培训费"), "10.00"),
               row(narrow, 66, ("", "", "", "培训服务", "分散自行组织"), "10.00")]
    if category_on_second:
        second.insert(3, row(narrow, 66, ("二、服务B",), "30.00"))
    lines = ["某局2024年部门预算", "政府采购支出预算表", "单位：万元", *first]
    return "\n".join(lines) + "\n\x0c" + "\n".join(second) + "\n"


def test_a_later_page_without_header_takes_its_top_lines_as_pieces_and_a_category_as_a_column() -> None:
    """The second page's columns are narrower: they are matched with the first page's in order once
    the category left of them has a column, and the piece above its first row joins that row."""
    lines = layout_lines(_two_pages(category_on_second=True))
    cells = {line.number: line.cells for line in lines}
    assert cells[14] == ("", "", "", "其他办公消耗用品", "分散自行组织", "10.00")
    assert cells[13] == () and cells[15] == () and lines[12].text == lines[14].text == ""
    assert cells[16] == ("二、服务B", "", "", "", "", "30.00")
    assert cells[17] == ("", "会议费", "会议费", "", "", "20.00")
    assert cells[18] == ("", "", "", "会议服务", "分散自行组织", "20.00")


def test_a_later_page_without_header_a_column_short_is_not_placed_where_the_table_does_not_add_up() -> None:
    """Without the category, the page prints four columns of words where the first prints five, and
    which one it leaves out cannot be told; under every way of matching them 一、货物A (50.00) is not
    the sum of its subjects (30.00 + 20.00 + 20.00 + 10.00): its rows are left unplaced, not read."""
    lines = layout_lines(_two_pages(category_on_second=False))
    assert lines[10].cells == ("", "", "", "其他专用设备", "分散自行组织", "10.00")
    assert all(line.cells == () for line in lines[11:])
    result = read_text(_two_pages(category_on_second=False))
    assert result.disclosure.tables.procurement is not None
    assert {problem.line for problem in result.problems if problem.table == "procurement"} >= {14, 16, 17, 18, 19}


def test_a_later_page_a_column_short_read_where_the_table_adds_up_one_way() -> None:
    """The same page where 一、货物A is 80.00: every way of matching the page's four columns of words
    with the first page's five reads the table alike and it adds up (合计 80.00 = 货物A; 货物A = 30.00 +
    20.00 + 20.00 + 10.00; each subject the sum of its items), so its rows are read, the item wrapped
    around its row's line whole."""
    result = read_text(_two_pages(category_on_second=False, goods="80.00"))
    table = result.disclosure.tables.procurement
    assert table is not None
    assert not [problem for problem in result.problems if problem.table == "procurement"]
    items = {(line.item, line.project, line.subject, line.method, str(line.amount))
             for line in table.lines if line.level == "item"}
    assert items == {("台式计算机", "办公设备费", "办公设备购置", "政府集中采购", "20.00"),
                     ("复印机", "办公设备费", "办公设备购置", "分散自行组织", "10.00"),
                     ("其他专用设备", "专用设备费", "专用设备购置", "分散自行组织", "10.00"),
                     ("其他办公消耗用品", "专用设备费", "专用设备购置", "分散自行组织", "10.00"),
                     ("会议服务", "会议费", "会议费", "分散自行组织", "20.00"),
                     ("培训服务", "培训费", "培训费", "分散自行组织", "10.00")}


def test_a_later_page_a_column_short_not_read_where_a_figure_breaks_the_totals() -> None:
    """One figure of the page that does not add up (培训服务 9.00 under 培训费 10.00) leaves no way
    that holds: the page's rows stay unplaced, reported, never read."""
    head, last = _two_pages(category_on_second=False, goods="80.00").rstrip("\n").rsplit("\n", 1)
    assert last.endswith("培训服务      分散自行组织           10.00")
    text = f"{head}\n{last[:-5]} 9.00\n"
    result = read_text(text)
    table = result.disclosure.tables.procurement
    assert table is not None
    assert "培训服务" not in {line.item for line in table.lines}
    assert {problem.line for problem in result.problems if problem.table == "procurement"} >= {14, 16, 17, 18, 19}


def test_two_cells_one_space_apart_parted_where_the_later_is_printed_whole_in_its_column() -> None:
    """打印设备（20万以上） 政府集中采购: the second words start where the method column starts and are
    printed alone in that column on another row, so they are the method, the first the item."""
    lines = layout_lines(_procurement("政府集中采购"))
    assert lines[9].cells == ("", "打印设备（20万以上）", "政府集中采购", "10.00")


def test_two_cells_one_space_apart_left_unplaced_where_nothing_shows_the_later_is_a_cell() -> None:
    lines = layout_lines(_procurement("分散自行组织"))
    assert lines[8].cells == ("", "复印机", "分散自行组织", "10.00")
    assert lines[9].cells == ()


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
    """An expenditure table of three rows or more (a table of one row whose figures are all as wide
    shows neither how its figures nor how its code columns stand: it is left unread; and text is
    taken for layout text where three lines or more hold a run of three spaces, which two rows
    padded two spaces apart, as ``column -t`` sets the widest cells, may not)."""
    codes = draw(st.lists(st.sampled_from(_PATHS), min_size=3, max_size=8, unique=True))
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


def _column_shows_alignment(tsv: str) -> bool:
    """Whether figures of different widths stand in one column (else no column shows whether the
    figures are aligned left, as padding does, or right, as pdftotext does)."""
    widths: dict[int, set[int]] = {}
    for line in tsv.splitlines()[4:]:
        for index, cell in enumerate(line.split("\t")):
            if _FIGURE.fullmatch(cell):
                widths.setdefault(index, set()).add(len(cell))
    return any(len(found) > 1 for found in widths.values())


_FIGURE = re.compile(r"[\d,]+\.\d\d")


@settings(max_examples=60, deadline=None)
@given(_expenditure_tables(), st.booleans())
def test_padded_table_reads_like_its_tsv(tsv: str, wide: bool) -> None:
    layout = column_t(tsv, wide=wide)
    expected, found = read_text(tsv), read_text(layout)
    # Never a value the TSV does not give; a row left out is a reported row.
    assert not _facts(found) - _facts(expected)
    missing_rows = {(fact[2], fact[3]) for fact in _facts(expected) - _facts(found)}  # (code, name)
    assert len(missing_rows) <= sum(1 for p in found.problems if "row not read" in p.message)
    # Figures of one width in every column (all 0.00; 10.00 | 0.00 | 10.00 on every row) do not show
    # how they are aligned, so the text may be read as pdftotext's, a code printed by one row only
    # (项 01) then in no column of its own.
    if _column_shows_alignment(tsv):
        _same_reading(tsv, layout)


@pytest.mark.parametrize("wide", [True, False])
def test_a_padded_table_with_a_column_blank_on_every_row_reads_like_its_tsv(wide: bool) -> None:
    # Found by the property above: the headings over no cell (项目支出, 项) showed neither padding nor
    # pdftotext's layout, and their count made the table look laid out by pdftotext.
    tsv = ("某局2024年部门预算\n编制部门：某局\n部门支出总体情况表\n单位：万元\n"
           "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n"
           "210\t\t\t卫生健康支出\t0.00\t0.00\t\n210\t15\t\t医疗保障管理事务\t0.00\t0.00\t\n"
           "208\t\t\t社会保障和就业支出\t0.00\t0.00\t\n208\t05\t\t行政事业单位养老支出\t10.00\t0.00\t\n")
    assert len(_facts(read_text(tsv))) == 12  # four rows, three columns (项目支出 blank: 0)
    _same_reading(tsv, column_t(tsv, wide=wide))


# --- a name wrapped over three lines: its middle piece stands on the row's own line ------------------


def _line(cells: dict[int, str], amount: str = "") -> str:
    """A line as pdftotext prints one: words starting at their columns, the amount ending at 84."""
    text = ""
    for start, word in sorted(cells.items()):
        text = text.ljust(start) + word
    return (text.ljust(84 - len(amount)) + amount).rstrip() if amount else text


PROCUREMENT_HEAD = [
    "某院2018年部门预算", "政府采购支出预算表", "单位：万元",
    _line({0: "采购品目大类", 16: "专项名称", 36: "经济科目", 52: "采购物品名称", 66: "采购组织形式"}, "总计"),
    _line({0: "合计"}, "160.00"), "", _line({0: "一、货物A"}, "160.00"), ""]
PROCUREMENT_ITEMS = [
    _line({52: "PC服务器", 66: "部门集中采购"}, "40.00"), "",
    _line({52: "交换设备", 66: "分散自行组织"}, "20.00"), "",
    _line({16: "办公设备购置", 36: "办公设备购置"}, "100.00"), "",
    _line({52: "复印机", 66: "分散自行组织"}, "100.00"), ""]
# 专项名称 wrapped over three lines, 经济科目 over two, the figure centred between (as the
# Jiangsu 2018 table prints 网络、电子检务、实验室、机要通道、档案数字化系统运行维护费).
THREE_LINES = [_line({16: "网络、电子检务、实验"}), _line({36: "信息网络及软件购"}),
               _line({16: "室、机要通道、档案数"}, "60.00"), _line({36: "置更新"}),
               _line({16: "字化系统运行维护费"}), ""]
TWO_LINES = [_line({16: "网络、电子检务、实验", 36: "信息网络及软件购"}), _line({}, "60.00"),
             _line({16: "室、机要通道", 36: "置更新"}), ""]


def test_a_name_wrapped_over_two_lines_is_joined_and_carried_down() -> None:
    result = read_text("\n".join([*PROCUREMENT_HEAD, *TWO_LINES, *PROCUREMENT_ITEMS]) + "\n")
    facts = {(f.name, f.project, f.amount) for f in result.disclosure.facts() if f.table == "procurement"}
    assert ("信息网络及软件购置更新", "网络、电子检务、实验室、机要通道", Decimal("60.00")) in facts
    assert ("PC服务器", "网络、电子检务、实验室、机要通道", Decimal("40.00")) in facts
    assert ("复印机", "办公设备购置", Decimal("100.00")) in facts
    assert not result.problems


def test_a_name_wrapped_over_three_lines_is_joined_where_every_row_prints_a_figure() -> None:
    """The 政府采购 table prints a figure on every row, so 网络、电子检务、实验 and 字化系统运行维护费 are
    no rows of words but the pieces around the row's middle piece: the name is read whole, never as
    its middle piece, and carried down to the items below it."""
    text = "\n".join([*PROCUREMENT_HEAD, *THREE_LINES, *PROCUREMENT_ITEMS]) + "\n"
    result = read_text(text)
    facts = {(f.name, f.project, f.amount) for f in result.disclosure.facts() if f.table == "procurement"}
    whole = "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费"
    assert facts == {("合计", None, Decimal("160.00")), ("一、货物A", None, Decimal("160.00")),
                     ("信息网络及软件购置更新", whole, Decimal("60.00")), ("PC服务器", whole, Decimal("40.00")),
                     ("交换设备", whole, Decimal("20.00")), ("办公设备购置", "办公设备购置", Decimal("100.00")),
                     ("复印机", "办公设备购置", Decimal("100.00"))}
    assert not [p for p in result.problems if p.table == "procurement"]
    assert all(line.cells == () for number, line in enumerate(text_lines(text)[8:13], start=9) if number != 11)


def test_three_rows_with_words_stay_three_rows() -> None:
    # A revenue table: 其他非税收入 / 小计 14.39 / 事业收入 (a total's label is printed whole), and
    # 其他资金 (a group's name) beside 经营收入 / 其他收入 14.39 / 债务资金: the line holds a cell that
    # nothing below answers, so it is a row of its own.
    rows = [WrappedRow(1, ("", "其他非税收入", ""), False), WrappedRow(2, ("", "小计", "14.39"), True),
            WrappedRow(3, ("", "事业收入", ""), False), WrappedRow(4, ("其他资金", "经营收入", ""), False),
            WrappedRow(5, ("", "其他收入", "14.39"), True), WrappedRow(6, ("", "债务资金(银行贷款)", ""), False)]
    assert join_wrapped(rows) == {}


def test_a_middle_piece_and_its_neighbours_are_left_unread() -> None:
    rows = [WrappedRow(1, ("网络、电子检务、实验", ""), False), WrappedRow(2, ("", "信息网络及软件购"), False),
            WrappedRow(3, ("室、机要通道、档案数", "", "60.00"), True), WrappedRow(4, ("", "置更新"), False),
            WrappedRow(5, ("字化系统运行维护费", ""), False), WrappedRow(6, ("", "PC服务器", "40.00"), True)]
    assert join_wrapped(rows) == {1: None, 2: None, 3: None, 4: None, 5: None}


def test_two_cells_one_space_apart_are_not_read_as_one() -> None:
    # pdftotext sets 打印设备（20万以上） and 政府集中采购 one space apart: the method starts where the
    # column's methods start, so the words may be two cells (never one item named with its method).
    merged = _line({52: "打印设备（20万以上）", 64: "政府集中采购"}, "30.00")
    assert merged[52:].startswith("打印设备（20万以上） 政府集中采购")
    text = "\n".join([*PROCUREMENT_HEAD, *TWO_LINES, *PROCUREMENT_ITEMS[:4], merged, ""]) + "\n"
    result = read_text(text)
    assert text_lines(text)[14].cells == ("", "", "", "交换设备", "分散自行组织", "20.00")
    assert any(p.line == 17 and p.message == UNPLACED for p in result.problems)
    assert Decimal("30.00") not in {f.amount for f in result.disclosure.facts() if f.table == "procurement"}


# --- a two-sided table: a row that prints no figure, its name wrapped onto a line of its own -----------


def _placed(*words: tuple[int, str], amounts: tuple[tuple[int, str], ...] = ()) -> str:
    """A line as pdftotext prints one: words starting at their positions, amounts ending at theirs."""
    text = ""
    for start, word in sorted([*words, *((end - len(amount), amount) for end, amount in amounts)]):
        text = text.ljust(start) + word
    return text


def _summary(revenue: tuple[str, str], expenditure: tuple[str, str]) -> str:
    """收支预算总表 as pdftotext prints it (revenue amounts ending at 30, expenditure ones at 74), a
    row printing no figure whose name wraps: ``revenue`` and ``expenditure`` are its two pieces on
    each side (lines 11 and 12)."""
    return "\n".join([
        "某院2024年部门预算", "收支预算总表", "单位：万元",
        _placed((8, "收入"), (44, "支出")),
        _placed((0, "项目名称"), (40, "项目名称"), amounts=((30, "金额"), (74, "金额"))), "",
        _placed((0, "一、财政拨款"), (40, "一、一般公共服务支出"), amounts=((30, "20.00"), (74, "10.00"))), "",
        _placed((4, "1.一般公共预算"), (40, "二、外交支出"), amounts=((30, "20.00"),)), "",
        _placed((4, revenue[0]), (40, expenditure[0])),
        _placed((0, revenue[1]), (40, expenditure[1])), "",
        _placed((40, "十八、住房保障支出"), amounts=((74, "10.00"),)), "",
        _placed((0, "收入合计"), (40, "支出合计"), amounts=((30, "20.00"), (74, "20.00"))),
    ]) + "\n"


def _summary_names(result: ReadResult) -> Counter[tuple[str | None, str, Decimal]]:
    return Counter((f.name, f.column, f.amount) for f in result.disclosure.facts() if f.table == "summary")


def test_a_wrapped_name_without_a_figure_is_joined_where_the_joined_name_is_known() -> None:
    # 国土海洋气象等支出 is a 类 (220, 2017 to 2018) and 国土海洋气象等支 none (a piece cut short);
    # 政府性基金 is a funding source alone, but 2. starts an item that 预算 does not continue, and
    # 政府性基金预算 is one.
    text = _summary(("2.政府性基金", "预算"), ("十七、国土海洋气象等支", "出"))
    assert text_lines(text)[10].cells == ("2.政府性基金", "", "十七、国土海洋气象等支")
    result = read_text(text)
    assert _summary_names(result) == Counter({
        ("财政拨款", "revenue", Decimal("20.00")): 1, ("一般公共预算", "revenue", Decimal("20.00")): 1,
        ("政府性基金预算", "revenue", Decimal("0")): 1, ("收入合计", "revenue", Decimal("20.00")): 1,
        ("一般公共服务支出", "expenditure", Decimal("10.00")): 1, ("外交支出", "expenditure", Decimal("0")): 1,
        ("国土海洋气象等支出", "expenditure", Decimal("0")): 1, ("住房保障支出", "expenditure", Decimal("10.00")): 1,
        ("支出合计", "expenditure", Decimal("20.00")): 1})
    assert not [p for p in result.problems if p.table == "summary"]


@pytest.mark.parametrize(("revenue", "expenditure"), [
    # 某某事务支出 is no 类 name: one name or two rows cannot be told.
    (("2.政府性基金", "预算"), ("十七、某某事务支", "出")),
    # 政府性基金 and 政府性基金预算 are both sources, and no numbering ties the pieces together.
    (("政府性基金", "预算"), ("十七、国土海洋气象等支", "出")),
], ids=["unknown-class", "unnumbered-known-head"])
def test_wrapped_pieces_without_a_figure_are_reported_where_the_joined_name_is_not_certain(
        revenue: tuple[str, str], expenditure: tuple[str, str]) -> None:
    result = read_text(_summary(revenue, expenditure))
    names = {name for name, _, _ in _summary_names(result)}
    doubtful = {"某某事务支", "出", "某某事务支出"} if expenditure[0].endswith("某某事务支") else {
        "政府性基金", "预算", "政府性基金预算"}
    assert not names & doubtful
    assert {"财政拨款", "一般公共预算", "收入合计", "外交支出", "住房保障支出", "支出合计"} <= names
    reported = [p for p in result.problems if p.table == "summary"]
    assert {p.line for p in reported} == {11, 12}
    assert all("line 11" in p.message and "line 12" in p.message for p in reported)


def test_a_piece_without_a_figure_above_lines_not_read_is_reported() -> None:
    # The name's rest went to the next page, whose columns could not be placed (its lines keep no
    # cells, as the layout reader leaves them): 国土海洋气象等支 alone is no name, so it is not read.
    tsv = ("收支预算总表\n收入\t\t支出\t\n项目名称\t金额\t项目名称\t金额\n"
           "一、财政拨款\t10.00\t一、一般公共服务支出\t10.00\n\t\t十七、国土海洋气象等支\t\n"
           "出\n收入合计\t10.00\t支出合计\t10.00\n")
    lines = [attrs.evolve(line, cells=()) if line.number > 5 else line for line in split_lines(tsv)]
    table, problems = read_summary_table(find_blocks(lines)[0])
    assert table is not None
    assert [line.name for line in table.expenditure] == ["一般公共服务支出"]
    assert [(p.line, "lines 6, 7" in p.message) for p in problems] == [(5, True)]
    # A name the library knows is read, lines not read below it or not.
    known = [attrs.evolve(line, raw=line.raw.replace("等支", "等支出"), text=line.text.replace("等支", "等支出"),
                          cells=tuple(cell.replace("等支", "等支出") for cell in line.cells)) for line in lines]
    table, problems = read_summary_table(find_blocks(known)[0])
    assert table is not None and not problems
    assert [line.name for line in table.expenditure] == ["一般公共服务支出", "国土海洋气象等支出"]


def _summary_short_last_page(housing: str) -> str:
    """收支预算总表 over two pages, the second printing one row (十八、住房保障支出 ``housing``) and the
    totals, its columns elsewhere than the first page's and its totals' labels centred between
    columns: no column of it matches one of the first page's."""
    first = _summary(("2.政府性基金预算", ""), ("三、国防支出", "")).split("\n")[:10]
    last = [_placed((26, "十八、住房保障支出"), amounts=((50, housing),)), "",
            _placed((2, "收入合计"), (46, "支出合计"), amounts=((24, "20.00"), (70, "20.00")))]
    return "\n".join(first) + "\n\x0c" + "\n".join(last) + "\n"


def test_a_short_last_page_matching_no_columns_placed_by_the_summary_totals() -> None:
    """Row by row, 十八、住房保障支出 10.00 could stand on either side; only under 支出 does the table add
    up (支出合计 20.00 = 10.00 + 0 + 10.00; 收入合计 = 支出合计), so the page is read so."""
    text = _summary_short_last_page("10.00")
    result = read_text(text)
    assert not [p for p in result.problems if p.table == "summary"]
    assert _summary_names(result) == Counter({
        ("财政拨款", "revenue", Decimal("20.00")): 1, ("一般公共预算", "revenue", Decimal("20.00")): 1,
        ("收入合计", "revenue", Decimal("20.00")): 1, ("一般公共服务支出", "expenditure", Decimal("10.00")): 1,
        ("外交支出", "expenditure", Decimal("0")): 1, ("住房保障支出", "expenditure", Decimal("10.00")): 1,
        ("支出合计", "expenditure", Decimal("20.00")): 1})


def test_a_short_last_page_matching_no_columns_is_reported_where_no_placing_adds_up() -> None:
    """With 9.00 the expenditure side adds up under no placing: the page's rows stay unplaced, reported."""
    result = read_text(_summary_short_last_page("9.00"))
    names = {name for name, _, _ in _summary_names(result)}
    assert not names & {"住房保障支出", "收入合计", "支出合计"}
    assert {p.line for p in result.problems if p.table == "summary"} >= {12, 14}


def _merged_item(item_lines: tuple[int, ...], subject: str = "90.00") -> str:
    """A 政府采购 table whose two last items share one item cell (物业管理服 / 务 merged over both rows),
    each row's method wrapped around its figure, the item's pieces on the lines ``item_lines`` of the
    six below the last subject (the rows' figures on the second and fifth): a line holds the item's piece
    beside a method's piece of either row. ``subject``: the figure of 物业管理费 (90.00 adds up)."""
    total = f"{Decimal(subject) + 10:.2f}"
    head = [*PROCUREMENT_HEAD[:4], _line({0: "合计"}, total), "", _line({0: "二、服务C"}, total), "",
            _line({16: "会议费", 36: "会议费"}, "10.00"), "", _line({52: "会议服务", 66: "分散自行组织"}, "10.00"), "",
            _line({16: "物业管理费", 36: "物业管理费"}, subject), ""]
    methods = {0: "部门集中采", 2: "购", 3: "分散自行组", 5: "织"}
    amounts = {1: "60.00", 4: "30.00"}
    items = dict(zip(item_lines, ("物业管理服", "务") if len(item_lines) == 2 else ("物业管理服务",), strict=True))
    body = []
    for offset in range(6):
        cells = {52: items[offset]} if offset in items else {}
        if offset in methods:
            cells[66] = methods[offset]
        body.append(_line(cells, amounts.get(offset, "")))
    return "\n".join([*head, *body]) + "\n"


def test_an_item_merged_over_two_rows_is_read_as_the_upper_rows_and_carried_down() -> None:
    """物业管理服 / 务 stands exactly midway between the rows 60.00 and 30.00, on lines that also hold
    the methods' pieces of either row (购 of the upper, 分散自行组 of the lower): no whole line is one
    row's, so each column is shared out on its own; the item is a cell merged over both rows, given
    to the upper and carried down to the lower as a merged cell is."""
    result = read_text(_merged_item((2, 3)))
    facts = {(f.name, f.project, f.amount) for f in result.disclosure.facts() if f.table == "procurement"}
    assert ("物业管理服务", "物业管理费", Decimal("60.00")) in facts
    assert ("物业管理服务", "物业管理费", Decimal("30.00")) in facts
    table = result.disclosure.tables.procurement
    assert table is not None
    assert {(line.item, line.method, str(line.amount)) for line in table.lines if line.level == "item"} == {
        ("会议服务", "分散自行组织", "10.00"), ("物业管理服务", "部门集中采购", "60.00"),
        ("物业管理服务", "分散自行组织", "30.00")}
    assert not [p for p in result.problems if p.table == "procurement"]


@pytest.mark.parametrize("item_lines", [(3,), (3, 4)])
def test_an_item_nearer_one_row_than_the_other_is_reported(item_lines: tuple[int, ...]) -> None:
    """The same item a line lower (物业管理服务 whole on the line between the lower row's method pieces, or
    务 on the lower row's line): it is no longer centred between the two rows nor mirrored around
    either, so whose it is cannot be told; both rows stay unread, reported, and the upper row's
    method (部门集中采购, printed alone) is never read as a subject."""
    result = read_text(_merged_item(item_lines))
    table = result.disclosure.tables.procurement
    assert table is not None
    assert [line.name for line in table.lines] == ["合计", "二、服务C", "会议费", "会议服务", "物业管理费"]
    assert {p.line for p in result.problems if p.table == "procurement"} >= {16, 19}


def test_an_item_merged_over_two_rows_is_reported_where_the_table_does_not_add_up() -> None:
    """The same page with 物业管理费 printed 95.00 (not 60.00 + 30.00): pieces shared out cell by cell
    are read only where the table adds up with them, so the page's rows stay unread, reported."""
    result = read_text(_merged_item((2, 3), subject="95.00"))
    table = result.disclosure.tables.procurement
    assert table is not None
    assert "物业管理服务" not in {line.item for line in table.lines}
    assert {p.line for p in result.problems if p.table == "procurement"} >= {16, 19}


@st.composite
def _stacked_procurement_rows(draw: st.DrawFn) -> tuple[list[WrappedRow], dict[int, tuple[str, str]]]:
    """Item rows three lines apart as pdftotext prints a 政府采购 page (columns: item, method, amount):
    each item and method printed whole on its row's line or wrapped over two lines around it, and
    some pairs of rows sharing one item merged over both (two pieces exactly midway between their
    lines, each row's method wrapped around its own line); with each row's line, the item and method
    it prints (the lower row of a merged item: none, carried down by the reader)."""
    count = draw(st.integers(min_value=1, max_value=6))
    merged_above = [False, *(draw(st.booleans()) for _ in range(count - 1))]
    for k in range(1, count):
        if merged_above[k - 1]:
            merged_above[k] = False  # an item merged over two rows only
    lines: dict[int, list[str]] = {}
    expected: dict[int, tuple[str, str]] = {}

    def put(line: int, column: int, text: str) -> None:
        lines.setdefault(line, ["", "", ""])[column] = text

    for k in range(count):
        line = 3 * k + 1
        put(line, 2, f"{k + 1}.00")
        method = draw(st.sampled_from(["分散自行组织", "部门集中采购"]))
        merged = k + 1 < count and merged_above[k + 1]
        if merged or merged_above[k] or draw(st.booleans()):
            put(line - 1, 1, method[:5])
            put(line + 1, 1, method[5:])
        else:
            put(line, 1, method)
        item = f"物品{chr(0x4E00 + k)}{'服务' * draw(st.integers(min_value=0, max_value=2))}"
        if merged:
            put(line + 1, 0, item[:3])
            put(line + 2, 0, item[3:] or "务")
            item = item if item[3:] else item + "务"
        elif merged_above[k]:
            item = ""
        elif draw(st.booleans()) and len(item) > 3:
            put(line - 1, 0, item[:3])
            put(line + 1, 0, item[3:])
        else:
            put(line, 0, item)
        expected[line] = (item, method)
    rows = [WrappedRow(number, tuple(cells), bool(cells[2])) for number, cells in sorted(lines.items())]
    return rows, expected


@settings(deadline=None, max_examples=150)
@given(_stacked_procurement_rows())
def test_stacked_procurement_rows_are_joined_whole_or_left_unread(
        generated: tuple[list[WrappedRow], dict[int, tuple[str, str]]]) -> None:
    """Rows whose items and methods wrap around their lines, and items merged over two rows, are read
    with each row's whole item and method, or left unread (``None``): never with another row's piece."""
    rows, expected = generated
    joined = join_wrapped(rows, figures_on_every_row=True)
    printed = {row.number: row.cells for row in rows}
    for line, (item, method) in expected.items():
        cells = joined.get(line, printed[line])
        assert cells is None or cells[:2] == (item, method)
    assert all(joined.get(row.number, row.cells) in ((), None) for row in rows if not row.anchored)
