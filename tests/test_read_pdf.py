"""Reading the published PDF (读取 PDF): small PDFs written in the test (tests/pdf_maker.py) — tables
from ruling lines with merged cells and a page break, words placed by their middle, text around
the tables in reading order, pages on lines and problems; scans, passwords, broken files and a
missing ``pdf`` extra refused with a ReadError that says what to do."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnbudget
from cnbudget.cli import main
from cnbudget.errors import ReadError
from cnbudget.readers import read_files
from cnbudget.readers.pdf import pdf_lines
from cnbudget.readers.pdf.cells import cut_at_edges, place_words, table_rows
from cnbudget.readers.pdf.geometry import Box, Letter, Word
from cnbudget.readers.pdf.lines import printed_lines
from cnbudget.readers.text.blocks import find_blocks
from cnbudget.readers.text.source import split_lines
from tests.pdf_maker import Page, Rule, Text, grid, make_pdf, row_texts

needs_pdfplumber = pytest.mark.skipif(importlib.util.find_spec("pdfplumber") is None,
                                      reason="the pdf extra (pdfplumber) is not installed")

NEEDS_EXTRA = "reading a PDF needs the pdf extra: pip install 'cnbudget[pdf]'"

# The 部门支出总体情况表 of a small budget, over two pages. Columns: 类 款 项, name, 合计, 基本支出, 项目支出.
XS = [40, 70, 100, 130, 290, 380, 470, 560]
ROW = 20


def _header(top: float) -> tuple[list[Rule], list[Text]]:
    """The two header rows at ``top``: 功能分类科目编码 merged over the three code columns, the
    name and the amounts each merged over both rows."""
    bottom = top + 2 * ROW
    rules = [Rule(XS[0], top, XS[-1], top), Rule(XS[0], top + ROW, XS[3], top + ROW)]
    rules += [Rule(x, top, x, bottom) for x in (XS[0], *XS[3:])]
    rules += [Rule(x, top + ROW, x, bottom) for x in XS[1:3]]
    names = ["功能分类科目名称", "合计", "基本支出", "项目支出"]  # set across the line between the two rows
    texts = [Text(XS[0] + 3, top + 5, "功能分类科目编码", 9),
             *row_texts(XS[:3], top + ROW + 5, ["类", "款", "项"]),
             *[Text(x + 3, top + 15, name) for x, name in zip(XS[3:], names, strict=False)]]
    return rules, texts


def _body(top: float, rows: list[list[str]]) -> tuple[list[Rule], list[Text]]:
    """Data rows under a header: a full grid, amounts set towards the right of their cells."""
    ys = [top + ROW * i for i in range(len(rows) + 1)]
    texts = []
    for y, row in zip(ys, rows, strict=False):
        texts += row_texts(XS[:4], y + 5, row[:4])
        texts += [Text(x1 - 4 - 5 * len(amount), y + 5, amount) for x1, amount in zip(XS[5:], row[4:], strict=False)
                  if amount]
    return grid(XS, ys), texts


def _budget_pdf(*, straddle: bool = False, frame: bool = False) -> bytes:
    header_rules, header_texts = _header(200)
    body_rules, body_texts = _body(240, [
        ["", "", "", "总计", "1,100.00", "1,000.00", "100.00"],
        ["210", "", "", "卫生健康支出", "1,100.00", "1,000.00", "100.00"],
        ["210", "15", "", "医疗保障管理事务", "1,100.00", "1,000.00", "100.00"],
        ["210", "15", "01", "行政运行", "" if straddle else "1,000.00", "" if straddle else "1,000.00", ""],
    ])
    if straddle:  # 基本支出's 1,000.00 set over the ruling line on its left ("1," left of it), its middle right of it
        body_texts += [Text(XS[4] + 3, 240 + 3 * ROW + 5, "1,000.00"), Text(XS[5] - 8, 240 + 3 * ROW + 5, "1,000.00")]
    first = Page(
        texts=[Text(40, 60, "某局2024年部门预算", 14), Text(40, 130, "表 3"), Text(40, 150, "部门支出总体情况表", 12),
               Text(40, 175, "编制部门：某局"), Text(480, 175, "单位：万元"), *header_texts, *body_texts,
               Text(40, 360, "注：本表金额单位为万元。"), Text(290, 800, "5")],
        rules=header_rules + body_rules,
    )
    header_rules, header_texts = _header(60)
    body_rules, body_texts = _body(100, [["210", "15", "2", "一般行政管理事务", "100.00", "", "100.00"]])
    second = Page(texts=[*header_texts, *body_texts, Text(40, 200, "二、部门预算情况说明"), Text(290, 800, "6")],
                  rules=header_rules + body_rules)
    if frame:  # a frame around each page's content with a band at its head, as some producers draw
        for page in (first, second):
            page.rules += grid([20, 575], [20, 50, 822])
    return make_pdf([first, second])


@pytest.fixture
def budget_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "部门预算.pdf"
    path.write_bytes(_budget_pdf())
    return path


@needs_pdfplumber
def test_the_pdf_becomes_lines_with_table_rows_apart_merged_cells_as_tsv_prints_them(budget_pdf: Path) -> None:
    lines, problems = pdf_lines(budget_pdf)
    assert problems == []
    first_page = [line.raw for line in lines if line.page == 1]
    assert first_page == [
        "某局2024年部门预算", "表 3", "部门支出总体情况表", "编制部门：某局 单位：万元",
        "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",  # merged over columns, and over rows
        "类\t款\t项\t\t\t\t",
        "\t\t\t总计\t1,100.00\t1,000.00\t100.00",
        "210\t\t\t卫生健康支出\t1,100.00\t1,000.00\t100.00",
        "210\t15\t\t医疗保障管理事务\t1,100.00\t1,000.00\t100.00",
        "210\t15\t01\t行政运行\t1,000.00\t1,000.00\t",
        "注：本表金额单位为万元。", "5", "",  # a blank line ends the page
    ]
    assert [line.raw for line in lines if line.page == 2][2:] == [
        "210\t15\t2\t一般行政管理事务\t100.00\t\t100.00", "二、部门预算情况说明", "6", ""]
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))


@needs_pdfplumber
def test_a_table_continued_over_pages_is_read_whole_and_problems_name_their_page(budget_pdf: Path) -> None:
    result = cnbudget.read_pdf(budget_pdf)
    disclosure = result.disclosure
    assert (disclosure.department, disclosure.fiscal_year) == ("某局", 2024)
    table = disclosure.tables.expenditure
    assert table is not None
    read = [(str(line.code) if line.code else None, line.name, line.amounts.total, line.amounts.basic,
             line.amounts.project) for line in table.lines]
    assert read == [
        (None, "总计", Decimal("1100.00"), Decimal("1000.00"), Decimal("100.00")),
        ("210", "卫生健康支出", Decimal("1100.00"), Decimal("1000.00"), Decimal("100.00")),
        ("21015", "医疗保障管理事务", Decimal("1100.00"), Decimal("1000.00"), Decimal("100.00")),
        ("2101501", "行政运行", Decimal("1000.00"), Decimal("1000.00"), Decimal("0")),
        ("2101502", "一般行政管理事务", Decimal("100.00"), Decimal("0"), Decimal("100.00")),
    ]
    (zero,) = [problem for problem in result.problems if "leading zero" in problem.message]
    assert zero.page == 2 and str(zero).startswith("page 2, line ")


@needs_pdfplumber
def test_a_figure_set_over_a_ruling_line_stays_whole_in_the_cell_that_holds_its_middle(tmp_path: Path) -> None:
    path = tmp_path / "straddle.pdf"
    path.write_bytes(_budget_pdf(straddle=True))
    lines, _ = pdf_lines(path)
    assert "210\t15\t01\t行政运行\t1,000.00\t1,000.00\t" in [line.raw for line in lines]


@needs_pdfplumber
def test_a_frame_around_the_page_is_no_table(budget_pdf: Path, tmp_path: Path) -> None:
    framed = tmp_path / "framed.pdf"
    framed.write_bytes(_budget_pdf(frame=True))
    assert [line.raw for line in pdf_lines(framed)[0]] == [line.raw for line in pdf_lines(budget_pdf)[0]]


@needs_pdfplumber
def test_a_word_running_into_the_next_cell_is_cut_at_the_cell_edge(tmp_path: Path) -> None:
    # 0.00 ends 1 point before the ruling line and 其他资金 starts 1 point after it: close enough for
    # the extraction to take them for one word.
    xs, ys = [40, 120, 220], [100, 120]
    page = Page(texts=[Text(40, 60, "某局2024年部门预算"), Text(99, 105, "0.00"), Text(121, 105, "其他资金")],
                rules=grid(xs, ys))
    path = tmp_path / "cut.pdf"
    path.write_bytes(make_pdf([page]))
    lines, _ = pdf_lines(path)
    assert [line.cells for line in lines] == [("某局2024年部门预算",), ("0.00", "其他资金"), ()]


@needs_pdfplumber
def test_figures_of_rows_no_ruling_line_separates_are_never_run_together(tmp_path: Path) -> None:
    xs, ys = [40, 160, 260], [100, 130]
    page = Page(texts=[Text(40, 60, "某局2024年部门预算"), Text(43, 103, "甲"), Text(43, 116, "乙"),
                       Text(200, 103, "100"), Text(200, 116, "200")], rules=grid(xs, ys))
    path = tmp_path / "rows.pdf"
    path.write_bytes(make_pdf([page]))
    lines, _ = pdf_lines(path)
    assert lines[1].cells == ("甲乙", "100 200")  # not 100200: the reader reports such a cell


@needs_pdfplumber
def test_text_read_in_reading_order_whatever_the_drawing_order(tmp_path: Path) -> None:
    page = Page(texts=[Text(40, 300, "第三行"), Text(40, 100, "第一行"), Text(120, 200, "右边"), Text(40, 200, "左边")])
    path = tmp_path / "order.pdf"
    path.write_bytes(make_pdf([page]))
    lines, _ = pdf_lines(path)
    assert [line.raw for line in lines] == ["第一行", "左边 右边", "第三行", ""]
    assert {line.page for line in lines} == {1}


@needs_pdfplumber
def test_a_scan_is_refused_naming_ocr(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(make_pdf([Page(image=True), Page(image=True)]))
    with pytest.raises(ReadError, match=r"no text layer .*ocrmypdf"):
        cnbudget.read_pdf(path)


@needs_pdfplumber
def test_a_scanned_page_inside_a_pdf_with_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "部分扫描.pdf"
    path.write_bytes(make_pdf([Page(texts=[Text(40, 60, "某局2024年部门预算")]), Page(image=True), Page()]))
    result = cnbudget.read_pdf(path)
    (scanned,) = [problem for problem in result.problems if "no text layer" in problem.message]
    assert scanned.page == 2 and "ocrmypdf" in scanned.message  # the blank page 3 is no problem
    assert str(scanned).startswith("page 2: this page has no text layer")


@needs_pdfplumber
def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "加密.pdf"
    path.write_bytes(make_pdf([Page(texts=[Text(40, 60, "某局2024年部门预算")])], password=True))
    with pytest.raises(ReadError, match="encrypted with a password"):
        cnbudget.read_pdf(path)


@needs_pdfplumber
@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b"\x00\x01 not a pdf", b""],
                         ids=["truncated", "binary", "empty"])
def test_a_broken_pdf_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "坏文件.pdf"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="not a readable PDF"):
        cnbudget.read_pdf(path)


@needs_pdfplumber
def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        cnbudget.read_pdf(tmp_path / "没有.pdf")


def test_without_the_pdf_extra_reading_a_pdf_says_how_to_install_it(
        budget_pdf: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if not installed: importing it fails
    with pytest.raises(ReadError) as raised:
        cnbudget.read_pdf(budget_pdf)
    assert str(raised.value) == NEEDS_EXTRA
    assert main(["check", str(budget_pdf)]) == 2
    assert capsys.readouterr().err == f"cnbudget check: {budget_pdf}: {NEEDS_EXTRA}\n"


@needs_pdfplumber
def test_read_file_given_a_pdf_reads_the_pdf(budget_pdf: Path) -> None:
    for source in (budget_pdf, str(budget_pdf)):
        assert cnbudget.read_file(source).disclosure.tables.expenditure is not None


@needs_pdfplumber
def test_the_cli_checks_and_reads_a_pdf(budget_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(budget_pdf)]) == 0
    captured = capsys.readouterr()
    assert '"department": "某局"' in captured.out and "page 2, line" in captured.err
    assert main(["facts", str(budget_pdf), "--csv"]) == 0
    # 2101502 is the table's fifth row (总计, 210, 21015, 2101501 on the first page)
    assert "expenditure,,2101502,一般行政管理事务,,5,total,100.00" in capsys.readouterr().out


@needs_pdfplumber
def test_a_pdf_is_told_by_its_first_bytes_whatever_its_name(budget_pdf: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    renamed = tmp_path / "download.bin"
    renamed.write_bytes(budget_pdf.read_bytes())
    assert main(["read", str(renamed)]) == 0
    assert '"department": "某局"' in capsys.readouterr().out


@needs_pdfplumber
def test_text_and_pdf_read_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "说明.txt"
    text.write_text("某局2024年部门预算\n编制部门：某局\n公开表附后\n", encoding="utf-8")
    tables = tmp_path / "公开表.pdf"
    tables.write_bytes(_budget_pdf())
    result = read_files([text, tables])
    assert result.disclosure.tables.expenditure is not None
    (zero,) = [problem for problem in result.problems if "leading zero" in problem.message]
    assert zero.source == str(tables) and zero.page == 2
    assert main(["check", str(text), str(tables), "--together"]) in (0, 1)
    assert "表格 已读取 1 / 印出 1" in capsys.readouterr().out


def test_a_table_number_above_the_next_title_belongs_to_the_next_table() -> None:
    lines = split_lines("收入预算总表\n项目\t金额\n收入总计\t5.00\n\n公开03表\n支出预算总表\n合计\t基本支出\n")
    revenue, expenditure = find_blocks(lines)
    assert [line.text for line in revenue.lines] == ["项目 金额", "收入总计 5.00", ""]
    assert expenditure.number == "公开03表"


# Properties of placing words in cells: nothing is lost, nothing is placed twice, each word is
# in the cell that holds its middle; a word is cut only where a cell's edge runs between letters.

_EDGES = st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=6, unique=True).map(sorted)


@st.composite
def _words(draw: st.DrawFn, count: int) -> list[Word]:
    words = []
    for index in range(count):
        x, top = draw(st.floats(0, 400)), draw(st.floats(0, 400))
        letters = []
        for position in range(draw(st.integers(1, 6))):
            width = draw(st.floats(2, 10))
            letters.append(Letter(text=chr(0x4E00 + index * 8 + position), box=Box(x0=x, top=top, x1=x + width,
                                                                                    bottom=top + 8)))
            x += width + draw(st.sampled_from([0.0, 0.5, 2.0, 5.0]))
        words.append(Word(text="".join(letter.text for letter in letters),
                          box=Box(x0=letters[0].box.x0, top=top, x1=letters[-1].box.x1, bottom=top + 8),
                          letters=tuple(letters)))
    return words


@st.composite
def _tables_and_words(draw: st.DrawFn) -> tuple[list[Box], list[Word]]:
    xs, ys = draw(_EDGES), draw(_EDGES)
    cells = [Box(x0=x0 * 10, top=y0 * 10, x1=x1 * 10, bottom=y1 * 10)
             for x0, x1 in itertools.pairwise(xs) for y0, y1 in itertools.pairwise(ys)]
    return cells, draw(_words(draw(st.integers(0, 12))))


@given(_tables_and_words())
def test_every_word_lands_once_in_the_cell_holding_its_middle_or_outside(table: tuple[list[Box], list[Word]]) -> None:
    cells, words = table
    placed, outside = place_words(cells, words)
    for index, held in placed.items():
        assert all(cells[index].holds(*word.centre) for word in held)
    assert not any(cell.holds(*word.centre) for word in outside for cell in cells)
    letters = sorted(letter.text for word in [*outside, *(w for held in placed.values() for w in held)]
                     for letter in word.letters)
    assert letters == sorted(letter.text for word in words for letter in word.letters)


@given(_tables_and_words())
def test_table_rows_print_every_letter_once_and_a_cell_for_every_column(table: tuple[list[Box], list[Word]]) -> None:
    cells, words = table
    rows, outside = table_rows(cells, words)
    printed = "".join(cell for row in rows for cell in row.cells) + "".join(word.text for word in outside)
    assert sorted(printed.replace(" ", "")) == sorted("".join(word.text for word in words))
    columns = {cell.x0 for cell in cells}
    assert all(len(row.cells) == len(columns) and any(row.cells) for row in rows)
    assert [row.top for row in rows] == sorted({row.top for row in rows})


@given(_words(1), st.data())
def test_a_word_is_cut_exactly_where_an_edge_runs_through_a_gap(words: list[Word], data: st.DataObject) -> None:
    (word,) = words
    # Edges anywhere, and edges through the gaps and touching points between letters.
    between = [(left.box.x1 + right.box.x0) / 2 for left, right in itertools.pairwise(word.letters)]
    edges = data.draw(st.lists(st.floats(0, 460) | st.sampled_from(between) if between else st.floats(0, 460),
                               max_size=5))
    pieces = cut_at_edges(word, edges)
    assert [letter for piece in pieces for letter in piece.letters] == list(word.letters)

    def edge_between(left: Letter, right: Letter) -> bool:
        return left.box.x1 < right.box.x0 and any(left.box.x1 <= edge <= right.box.x0 for edge in edges)

    for piece in pieces:
        assert not any(edge_between(a, b) for a, b in zip(piece.letters, piece.letters[1:], strict=False))
    for before, after in itertools.pairwise(pieces):
        assert edge_between(before.letters[-1], after.letters[0])


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 60)), max_size=15))
def test_lines_keep_every_word_and_go_down_the_page(places: list[tuple[int, int]]) -> None:
    words = [Word(text=f"w{i}", box=Box(x0=x, top=row * 14, x1=x + 9, bottom=row * 14 + 10))
             for i, (x, row) in enumerate(places)]
    lines = printed_lines(words)
    assert sorted(word.text for line in lines for word in line) == sorted(word.text for word in words)
    tops = [line[0].box.top for line in lines]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # rows 14 points apart never share a line
    assert all([word.box.x0 for word in line] == sorted(word.box.x0 for word in line) for line in lines)
