"""The two plain entry points: ``read_text(text)`` reads the text it is given and never opens a file;
``read_file(path)`` reads a file of any kind the reader reads, told by its bytes (text in any encoding
and form, the PDF) — and the command line reads through it, standard input included."""

from __future__ import annotations

import builtins
import importlib.util
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnbudget
from cnbudget.cli import main
from cnbudget.errors import CnbudgetError, FinalAccountsNotRead, NotADisclosure, ReadError, WrongArgumentType
from cnbudget.readers import FileKind, kind_of, read_file, read_files, read_text
from tests.pdf_maker import Page, Text, make_pdf

# Two tables' worth of a disclosure: the 部门收支总体情况表 (5.00 in, 5.00 out) of 某局 for 2024.
DOCUMENT = ("某局2024年部门预算\n编制部门：某局 单位：万元\n部门收支总体情况表\n收入\t\t支出\t\n"
            "项目\t预算数\t支出功能分类\t预算数\n一、本年收入\t5.00\t210 卫生健康支出\t5.00\n"
            "收入总计\t5.00\t支出总计\t5.00\n")

MARKDOWN = "\n".join([
    "某局2024年部门预算", "编制部门：某局 单位：万元", "部门收支总体情况表", "",
    "| 收入 | | 支出 | |", "|---|---|---|---|", "| 项目 | 预算数 | 支出功能分类 | 预算数 |",
    "| 一、本年收入 | 5.00 | 210 卫生健康支出 | 5.00 |", "| 收入总计 | 5.00 | 支出总计 | 5.00 |", ""])

NEEDS_EXTRA = "reading a PDF needs the pdf extra: pip install 'cnbudget[pdf]'"


def _summary_figures(result: cnbudget.ReadResult) -> list[tuple[str, str, str]]:
    """The 部门收支总体情况表 as (side, name, amount), the form in which two readings are compared."""
    summary = result.disclosure.tables.summary
    assert summary is not None
    return [(side, line.name, str(line.amount))
            for side, lines in (("revenue", summary.revenue), ("expenditure", summary.expenditure))
            for line in lines]


# --- read_text: the text itself, never a file ------------------------------------------------------


@pytest.fixture
def no_file_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening any file from here on fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a file was opened: {args[0]!r}")
    for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(module, name, refuse)


@pytest.fixture
def document_file(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_bytes(DOCUMENT.encode())
    return path


def test_read_text_never_opens_the_file_its_text_names(document_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                       no_file_opens: None) -> None:
    monkeypatch.chdir(document_file.parent)
    with pytest.raises(NotADisclosure) as raised:
        read_text("doc.txt")
    assert "not a budget disclosure" in str(raised.value)
    assert "'doc.txt'" in str(raised.value) and "read_file(path) reads a file" in str(raised.value)


def test_read_text_of_a_path_names_read_file(document_file: Path) -> None:
    # A one-line text naming an existing file says so, whichever error its reading ends in.
    with pytest.raises(NotADisclosure, match=r"read_file\(path\) reads a file"):
        read_text(str(document_file))
    with pytest.raises(NotADisclosure, match=r"read_file\(path\) reads a file"):
        read_text(f"  {document_file}\n")


def test_the_hint_comes_whichever_error_the_line_reads_as(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "某局2023年部门决算.txt"  # read as text, a title of final accounts
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    with pytest.raises(FinalAccountsNotRead) as raised:
        read_text(name)
    assert str(raised.value).endswith(f"the text is one line naming the file {name!r}: read_text reads the text "
                                      "it is given, read_file(path) reads a file")


def test_a_path_that_names_no_file_gets_no_hint(tmp_path: Path) -> None:
    with pytest.raises(NotADisclosure) as raised:
        read_text(str(tmp_path / "missing.txt"))
    assert "read_file" not in str(raised.value)


def test_a_one_line_text_naming_a_file_that_reads_as_a_document_carries_a_problem(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "编制部门：示例局 2024 年部门预算公开"  # a department and a year: a document of no table
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    result = read_text(name)
    assert result.disclosure.tables.summary is None  # the file's table was not read: the text was
    (problem,) = result.problems
    assert (problem.line, problem.text) == (1, name)
    assert "read_file(path) reads a file" in problem.message


@pytest.mark.parametrize("wrong", [Path("doc.txt"), DOCUMENT.encode(), bytearray(b"abc"), 2024, None])
def test_read_text_refuses_what_is_not_text_naming_read_file(wrong: object) -> None:
    with pytest.raises(WrongArgumentType) as raised:
        read_text(wrong)  # type: ignore[arg-type]
    assert isinstance(raised.value, TypeError) and isinstance(raised.value, CnbudgetError)
    assert "read_file(path) reads a file" in str(raised.value)
    assert type(wrong).__name__ in str(raised.value)


def test_read_text_reads_the_text_itself() -> None:
    # Names as the model keeps them: without their list number (一、) or code (210).
    assert _summary_figures(read_text(DOCUMENT)) == [
        ("revenue", "本年收入", "5.00"), ("revenue", "收入总计", "5.00"),
        ("expenditure", "卫生健康支出", "5.00"), ("expenditure", "支出总计", "5.00")]


# --- read_file: every kind of file ----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_read_file_reads_text_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "部门预算.txt"
    path.write_bytes(DOCUMENT.encode(encoding))
    assert _summary_figures(read_file(path)) == _summary_figures(read_text(DOCUMENT))
    assert read_file(str(path)).disclosure.department == "某局"


def test_read_file_takes_a_named_encoding(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(DOCUMENT.encode("gb18030"))
    with pytest.raises(ReadError, match="is not utf-8 text: byte 0x"):
        read_file(path, encoding="utf-8")
    assert read_file(path, encoding="gb18030").disclosure.department == "某局"


def test_read_file_reads_markdown_whatever_its_name(tmp_path: Path) -> None:
    for name in ("doc.md", "doc"):
        path = tmp_path / name
        path.write_text(MARKDOWN, encoding="utf-8")
        assert _summary_figures(read_file(path)) == _summary_figures(read_text(DOCUMENT))


def _small_pdf() -> bytes:
    """A one-page PDF of the front matter only: 某局's 2024 budget."""
    return make_pdf([Page(texts=[Text(40, 60, "某局2024年部门预算"), Text(40, 90, "编制部门：某局")], rules=[])])


needs_pdfplumber = pytest.mark.skipif(importlib.util.find_spec("pdfplumber") is None,
                                      reason="the pdf extra (pdfplumber) is not installed")


@needs_pdfplumber
@pytest.mark.parametrize("name", ["部门预算.pdf", "download", "部门预算.txt"])
def test_read_file_tells_a_pdf_by_its_bytes_whatever_its_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_small_pdf())
    result = read_file(path)
    assert (result.disclosure.department, result.disclosure.fiscal_year) == ("某局", 2024)


def test_read_file_of_a_pdf_without_the_extra_is_one_line_naming_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if not installed: importing it fails
    path = tmp_path / "download"  # no suffix: told by its bytes
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(ReadError) as raised:
        read_file(path)
    assert str(raised.value) == NEEDS_EXTRA


def test_a_missing_file_is_a_read_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "没有.txt"
    with pytest.raises(ReadError) as raised:
        read_file(path)
    assert str(raised.value) == f"cannot read {path}: No such file or directory"


def test_a_folder_is_a_read_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as raised:
        read_file(tmp_path)
    assert str(raised.value) == f"cannot read {tmp_path}: it is a folder, not a file"


def test_model_json_is_refused_naming_from_json(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(cnbudget.to_json(cnbudget.example("urumqi-2024")), encoding="utf-8")
    with pytest.raises(ReadError) as raised:
        read_file(path)
    assert str(raised.value) == f"{path} is model JSON, a disclosure already read: load it with cnbudget.from_json"
    with pytest.raises(ReadError, match="from_json"):
        read_files([path])


def test_text_given_to_read_file_says_read_text_reads_it() -> None:
    with pytest.raises(ReadError, match="read_text reads the text itself"):
        read_file(DOCUMENT)
    with pytest.raises(WrongArgumentType, match="read_text reads text"):
        read_file(DOCUMENT.encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["a\x00.txt", "\ud800.txt"])
def test_a_name_no_file_can_have_is_a_read_error(name: str) -> None:
    with pytest.raises(ReadError, match="not a possible file name"):
        read_file(name)


def test_read_files_wants_a_list(document_file: Path) -> None:
    with pytest.raises(WrongArgumentType, match="read_file reads one"):
        read_files(document_file)  # type: ignore[arg-type]


# --- what a file is -------------------------------------------------------------------------------


@given(st.binary(max_size=64), st.sampled_from(["", "a.txt", "a.json", "a.md", "download"]))
def test_the_pdf_magic_decides_whatever_follows_and_whatever_the_name(rest: bytes, name: str) -> None:
    assert kind_of(b"%PDF-" + rest, name) is FileKind.PDF


@given(st.text(st.characters(codec="utf-8"), max_size=40)
       .filter(lambda text: not text.lstrip().startswith(("{", "%PDF-"))),
       st.sampled_from(["", "a.txt", "a.md", "a.text", "download"]),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_text_is_text_unless_its_name_says_otherwise(text: str, name: str, encoding: str) -> None:
    assert kind_of(text.encode(encoding), name) is FileKind.TEXT


def test_the_name_decides_only_where_the_bytes_do_not() -> None:
    assert kind_of(b"", "a.PDF") is FileKind.PDF
    assert kind_of(b"[]", "a.json") is FileKind.MODEL_JSON
    assert kind_of(b"\xef\xbb\xbf\n  {", "a.txt") is FileKind.MODEL_JSON
    assert kind_of(b"%PDF-1.4", "a.json") is FileKind.PDF
    assert kind_of("  部门预算".encode(), "") is FileKind.TEXT


# --- the command line reads through the same place ------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_the_command_reads_text_from_standard_input(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, DOCUMENT.encode("utf-16"))
    assert main(["read", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["department"] == "某局"


def test_the_command_reads_model_json_from_standard_input_and_from_a_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = cnbudget.to_json(cnbudget.example("urumqi-2024"))
    _stdin(monkeypatch, text.encode())
    assert main(["read", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["department"] == "乌鲁木齐市医疗保障局"
    path = tmp_path / "saved"  # no suffix: told by its first byte
    path.write_text(text, encoding="utf-8")
    assert main(["read", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["department"] == "乌鲁木齐市医疗保障局"


@needs_pdfplumber
def test_the_command_reads_a_pdf_from_standard_input(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, _small_pdf())
    assert main(["read", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["department"], document["fiscal_year"]) == ("某局", 2024)


def test_the_command_names_a_file_it_cannot_read(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "没有.pdf"
    assert main(["read", str(missing)]) == 2
    assert f"cannot read {missing}: No such file or directory" in capsys.readouterr().err


def test_together_refuses_model_json_told_by_its_bytes(tmp_path: Path, document_file: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved"  # no suffix
    saved.write_text(cnbudget.to_json(cnbudget.example("urumqi-2024")), encoding="utf-8")
    assert main(["read", str(document_file), str(saved), "--together"]) == 2
    assert "--together reads published text; model JSON is one document already" in capsys.readouterr().err


@pytest.mark.parametrize("value", [b"%PDF-1.4", 7, None])
def test_read_pdf_takes_a_path_only(value: object) -> None:
    with pytest.raises(WrongArgumentType, match="read_pdf takes the path of a PDF file, not "):
        cnbudget.read_pdf(value)  # type: ignore[arg-type]
