"""Encodings and forms of published text: UTF-8 (with or without BOM), GB18030/GBK and UTF-16 read
alike; Markdown pipe tables read like TAB-separated ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cnbudget.errors import ReadError
from cnbudget.readers import read_file, read_text
from cnbudget.readers.text.decoding import decode
from cnbudget.readers.text.forms import TextForm, detect_form, text_lines

DOCUMENT = ("某局2024年部门预算\n编制部门：某局 单位：万元\n部门收支总体情况表\n收入\t\t支出\t\n"
            "项目\t预算数\t支出功能分类\t预算数\n一、本年收入\t5.00\t210 卫生健康支出\t5.00\n"
            "收入总计\t5.00\t支出总计\t5.00\n")

ENCODED = [
    ("utf-8", DOCUMENT.encode()),
    ("utf-8 with BOM", DOCUMENT.encode("utf-8-sig")),
    ("gb18030", DOCUMENT.encode("gb18030")),
    ("gbk", DOCUMENT.encode("gbk")),
    ("utf-16 with BOM", DOCUMENT.encode("utf-16")),
    ("utf-16-le without BOM", DOCUMENT.encode("utf-16-le")),
    ("utf-16-be without BOM", DOCUMENT.encode("utf-16-be")),
]


@pytest.mark.parametrize(("name", "data"), ENCODED, ids=[name for name, _ in ENCODED])
def test_every_encoding_gives_the_same_disclosure(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert read_file(path).disclosure == read_text(DOCUMENT).disclosure
    assert read_text(DOCUMENT).disclosure.tables.summary is not None


_CHINESE_TEXT = st.text(st.characters(codec="gb18030", exclude_categories=("Cc", "Cs")), min_size=1, max_size=60)


@given(_CHINESE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_text_in_any_supported_encoding_decodes_to_itself(text: str, encoding: str) -> None:
    assume(encoding != "gb18030" or _not_utf8(text))  # bytes valid in both are UTF-8 first
    assert decode(text.encode(encoding)) == text


def _not_utf8(text: str) -> bool:
    """Whether the GB18030 bytes of ``text`` are not also valid UTF-8 (ASCII is both)."""
    try:
        text.encode("gb18030").decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_a_named_encoding_overrides_detection() -> None:
    data = "部門預算".encode("big5")
    assert decode(data, encoding="big5") == "部門預算"
    with pytest.raises(ReadError, match="not utf-8 text: byte 0x"):
        decode("部门预算".encode("gb18030"), encoding="utf-8", name="a.txt")
    with pytest.raises(ReadError, match="unknown encoding"):
        decode(b"abc", encoding="no-such-codec")


def test_binary_data_is_refused_as_binary() -> None:
    with pytest.raises(ReadError, match="binary"):
        decode(b"%PDF-1.7\n\x00\x01\x02\x03" * 8, name="a.pdf")


def test_the_command_reads_a_gbk_file_and_takes_an_encoding(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(DOCUMENT.encode("gbk"))
    run = [sys.executable, "-m", "cnbudget", "read", str(path)]
    assert subprocess.run(run, capture_output=True, text=True, check=False).returncode == 0
    wrong = subprocess.run([*run, "--encoding", "utf-8"], capture_output=True, text=True, check=False)
    assert wrong.returncode == 2 and "not utf-8 text" in wrong.stderr


MARKDOWN = "\n".join([
    "某局2024年部门预算", "编制部门：某局 单位：万元", "部门收支总体情况表", "",
    "| 收入 | | 支出 | |", "|---|---|---|---|", "| 项目 | 预算数 | 支出功能分类 | 预算数 |",
    "| 一、本年收入 | 5.00 | 210 卫生健康支出 | 5.00 |", "| 收入总计 | 5.00 | 支出总计 | 5.00 |", ""])


def test_markdown_pipe_tables_read_like_tab_separated_ones() -> None:
    assert detect_form(MARKDOWN) is TextForm.MARKDOWN
    assert read_text(MARKDOWN).disclosure.tables == read_text(DOCUMENT).disclosure.tables


def test_markdown_rows_keep_their_line_numbers_and_escaped_pipes() -> None:
    lines = text_lines("甲\n| a \\| b | 1.00 |\n|:--|--:|\n| c | 2.00 |\n", TextForm.MARKDOWN)
    assert [(line.number, line.cells) for line in lines] == [
        (1, ("甲",)), (2, ("a | b", "1.00")), (3, ()), (4, ("c", "2.00"))]


@pytest.mark.parametrize(("text", "form"), [
    (DOCUMENT, TextForm.TSV),
    (MARKDOWN, TextForm.MARKDOWN),
    ("部门收支总体情况表\n一、本年收入     5.00     210 卫生健康支出     5.00\n" * 3, TextForm.LAYOUT),
    ("部门收支总体情况表\n一、本年收入\n5.00\n210\n卫生健康支出\n5.00\n", TextForm.FLAT),
])
def test_the_form_of_a_text_is_told_by_its_rows(text: str, form: TextForm) -> None:
    assert detect_form(text) is form
