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


def test_facts_csv_has_the_tidy_columns(doc_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(doc_file), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["table", "agency", "code", "name", "project", "column", "amount"]
    assert ["general_budget", "", "210", "卫生健康支出", "", "total", "12.50"] in rows
    assert ["general_budget", "示例单位", "2101501", "行政运行", "", "project", "0"] in rows
    assert len(rows) == 1 + 1 + 3


def test_facts_json_and_output_file(doc_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    assert main(["facts", str(doc_file), "--json", "-o", str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records[0] == {"table": "general_budget", "agency": None, "code": "210", "name": "卫生健康支出",
                          "project": None, "column": "total", "amount": "12.50"}


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
