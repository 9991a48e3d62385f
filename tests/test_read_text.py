"""read_text and read_file on whole inputs: files, text, and input that is not a disclosure."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cnbudget.errors import ReadError
from cnbudget.readers import read_file, read_text


def test_a_file_and_its_text_read_alike(tmp_path: Path) -> None:
    text = "编制部门：示例局\n2024 年部门预算公开\n"
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    from_text = read_text(text).disclosure
    from_path = read_file(path).disclosure
    assert from_text == from_path
    assert (from_text.department, from_text.fiscal_year) == ("示例局", 2024)


@pytest.mark.parametrize("text", ["", "\n\n", "hello world\nthis is not a budget\n", "一段没有数字的中文。"])
def test_not_a_disclosure_is_a_clear_error(text: str) -> None:
    with pytest.raises(ReadError, match="not a budget disclosure"):
        read_text(text)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(ReadError, match="binary"):
        read_file(path)


def test_a_file_in_no_chinese_encoding_is_refused_naming_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes("编制部门：示例局".encode() + b"\xff\xfe\xff")
    with pytest.raises(ReadError, match=r"byte 0xff at offset 24"):
        read_file(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        read_file(tmp_path / "missing.txt")


def test_enormous_line_is_read_without_trouble() -> None:
    text = "编制部门：示例局\n2024 年部门预算公开\n" + "数" * 2_000_000 + "\n"
    result = read_text(text)
    assert result.disclosure.fiscal_year == 2024


def test_a_table_without_a_year_is_an_error() -> None:
    with pytest.raises(ReadError, match="budget year"):
        read_text("部门支出总体情况表\n编制部门：示例局\n")


def test_department_stops_where_the_unit_heading_on_the_same_line_begins() -> None:
    # Squeezing the layout spaces must not glue the unit heading onto the name.
    text = "编制部门：示例县医疗保障局  单位：万元\n示例县 2024 年部门预算\n"
    assert read_text(text).disclosure.department == "示例县医疗保障局"


_IN_YUAN = """示例县卫生健康委员会 2024 年部门预算公开
部门支出总体情况表
编制部门：示例县卫生健康委员会\t单位：元
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项
210\t\t\t卫生健康支出\t１２３，４５６．７８\t83,616.92\t39,839.86
210\t01\t\t卫生健康管理事务\t123,456.78\t83,616.92\t39,839.86
210\t01\t01\t行政运行\t123,456.78\t83,616.92\t39,839.86
\t\t\t合计\t123,456.78\t83,616.92\t39,839.86
"""


def test_a_document_in_yuan_keeps_its_unit_and_printed_figures() -> None:
    result = read_text(_IN_YUAN)
    doc = result.disclosure
    assert doc.amount_unit.value == "元"
    assert doc.tables.expenditure is not None
    first = doc.tables.expenditure.lines[0]
    assert (str(first.code), first.amounts.total, first.amounts.basic, first.amounts.project) == (
        "210", Decimal("123456.78"), Decimal("83616.92"), Decimal("39839.86"))


def test_a_problem_names_the_page_of_its_line_where_the_source_has_pages() -> None:
    from cnbudget.readers import read_lines
    from cnbudget.readers.text.source import SourceLine

    raws = ["某局2024年部门预算", "编制部门：某局 单位：万元", "部门支出总体情况表", "单位：万元", "合计\t5.00"]
    lines = [SourceLine.of(number, raw, page=1 if number < 3 else 2) for number, raw in enumerate(raws, start=1)]
    (problem,) = [p for p in read_lines(lines).problems if p.table == "expenditure"]
    assert problem.page == 2
    assert str(problem).startswith("page 2, line ")
