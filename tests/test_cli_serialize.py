"""The ``cnbudget read``, ``facts`` and ``schema`` commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cnbudget.cli import main
from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
from cnbudget.serialize import from_json, to_json
from tests.seeds import corpus_names, corpus_path

DOC = BudgetDisclosure(
    department="示例部门", fiscal_year=2024,
    tables=Tables(general_budget=ExpenditureTable(lines=[
        FunctionLine(code=FunctionCode("210"), name="卫生健康支出", amounts=ExpenditureAmounts(total="12.50")),
        FunctionLine(agency="示例单位", code=FunctionCode("2101501"), name="行政运行",
                     amounts=ExpenditureAmounts(total="12.50", basic="12.50", project="0")),
    ])),
)

TEXT = """编制部门：示例局
示例局 2024 年部门预算公开
一般公共预算支出情况表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t12.50\t12.50\t
210\t卫生健康支出\t12.50\t12.50\t
21015\t医疗保障管理事务\t12.50\t12.50\t
2101501\t行政运行\t12.50\t12.50\t
"""


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "doc.json"
    path.write_text(to_json(DOC), encoding="utf-8")
    return path


def test_facts_csv_has_the_stacked_columns(doc_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(doc_file), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["source", "department", "fiscal_year", "amount_unit", "table", "agency", "code", "name",
                       "project", "row", "column", "amount"]
    head = [str(doc_file), "示例部门", "2024", "万元", "general_budget"]
    assert [*head, "", "210", "卫生健康支出", "", "1", "total", "12.50"] in rows
    assert [*head, "示例单位", "2101501", "行政运行", "", "2", "project", "0"] in rows
    assert len(rows) == 1 + 1 + 3


def test_facts_json_and_output_file(doc_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    assert main(["facts", str(doc_file), "--json", "-o", str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records[0] == {"source": str(doc_file), "department": "示例部门", "fiscal_year": 2024,
                          "amount_unit": "万元", "table": "general_budget", "agency": None, "code": "210",
                          "name": "卫生健康支出", "project": None, "row": 1, "column": "total", "amount": "12.50"}
    assert len(records) == 4


def test_facts_of_many_documents_stack_and_excel_reads_them(doc_file: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "texts" / "doc.txt"
    text.parent.mkdir()
    text.write_text(TEXT, encoding="utf-8")
    (tmp_path / "texts" / "broken.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "facts.csv"
    assert main(["facts", str(doc_file), str(text.parent), "--excel", "-o", str(out), "--jobs", "2"]) == 2
    assert "broken.txt" in capsys.readouterr().err  # named, and the others are written
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["source"] for r in rows] == [str(doc_file)] * 4 + [str(text)] * 12
    assert {r["department"] for r in rows[4:]} == {"示例局"}
    assert [(r["code"], r["row"], r["column"]) for r in rows[4:7]] == [("", "1", "total"), ("", "1", "basic"),
                                                                       ("", "1", "project")]


def test_excel_to_standard_output_starts_with_the_mark(doc_file: Path,
                                                       capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["facts", str(doc_file), "--excel"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbfsource,department,")


@pytest.mark.parametrize("name", corpus_names())
def test_source_table_row_and_column_name_every_amount_once(name: str) -> None:
    from cnbudget.errors import FinalAccountsNotRead
    from cnbudget.readers import read_file
    from cnbudget.serialize.facts_csv import document_facts

    try:
        doc = read_file(corpus_path(name)).disclosure
    except FinalAccountsNotRead:
        pytest.skip("final accounts are not read")
    keys = [(r["table"], r["row"], r["column"]) for r in document_facts(doc, name)]
    assert len(keys) == len(set(keys)) == len(doc.facts())
    assert bool(keys) == bool(doc.tables.present())  # a text whose tables are published apart has none


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")


def test_read_writes_json_that_loads(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "doc.json"
    assert main(["read", str(source), "-o", str(out)]) == 0
    doc = from_json(out.read_text(encoding="utf-8"))
    assert doc.department == "示例局" and doc.fiscal_year == 2024
    table = doc.tables.general_budget
    assert table is not None
    assert [str(line.amounts.total) for line in table.lines] == ["12.50"] * 4


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\x01binary", "binary"),
        (b"", "not a budget disclosure"),
        (b'{"format_version": "1", "department": 3}', "department"),
    ],
)
def test_unusable_input_exits_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: bytes, words: str) -> None:
    path = tmp_path / ("in.json" if content.startswith(b"{") else "in.txt")
    path.write_bytes(content)
    assert main(["facts", str(path)]) == 2
    assert words in capsys.readouterr().err


def test_missing_file_and_missing_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["facts", str(tmp_path / "absent.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["facts"]) == 2
    assert "no input" in capsys.readouterr().err
    assert main(["facts", "--example", "no-such-example"]) == 2
    assert "no bundled example" in capsys.readouterr().err


def test_facts_round_trip_through_json(doc_file: Path) -> None:
    assert from_json(doc_file.read_text(encoding="utf-8")) == DOC


def test_read_several_documents_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("甲", "乙"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "乙" / "broken.txt").write_bytes(b"\x00\x01")
    assert main(["read", str(tmp_path / "in"), "--jobs", "2"]) == 2
    assert "-o DIR" in capsys.readouterr().err
    assert main(["read", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "2"]) == 2
    assert "broken.txt" in capsys.readouterr().err
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert written == ["乙/doc.json", "甲/doc.json"]
    assert from_json((tmp_path / "out" / "甲" / "doc.json").read_text(encoding="utf-8")).department == "示例局"
