"""The output formats of ``cnbudget check``: text as linters print it, JSON and JSON Lines valid
against their published schema, CSV a finding a row (for Excel too), and English on request."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from cnbudget.cli import main
from cnbudget.cli.results import CSV_COLUMNS
from cnbudget.cli.results_schema import results_schema
from tests.seeds import corpus_path

# Published text: row 2101501 (line 9) prints 合计 12.50 over 基本支出 12.00 and no 项目支出, so
# that 21015 (line 8) is 0.50 over its 项 in 基本支出 as well.
TEXT = ("示例局 2024 年部门预算公开\n编制部门：示例局\n一般公共预算支出情况表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t12.50\t12.50\t\n210\t卫生健康支出\t12.50\t12.50\t\n"
        "21015\t医疗保障管理事务\t12.50\t12.50\t\n2101501\t行政运行\t12.50\t12.00\t\n")


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "部门预算.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_is_a_heading_then_one_line_a_finding(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(text_file)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"==> {text_file} <==  示例局 2024 年部门预算：错误 2 条，警告 0 条，提示 0 条；"
                        "表格 已读取 1 / 印出 1")
    assert lines[1].startswith(f"{text_file}:8: HIER-002 error [功能分类：款 = 所属项之和] "
                               "一般公共预算支出情况表 21015")
    assert lines[2].startswith(f"{text_file}:9: ROW-001 error [支出合计 = 基本支出 + 项目支出] 一般公共预算支出情况表 "
                               "2101501 行政运行：合计 = 基本支出 + 项目支出不成立，印为 12.50，应为 12.00")
    assert len(lines) == 3  # one document: no summary


def test_english_prints_titles_and_fixed_words_in_english(text_file: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(text_file), "--lang", "en"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"==> {text_file} <==  示例局 2024 budget: 2 errors, 0 warnings, 0 info; "
                        "tables read 1 / printed 1")
    assert f"{text_file}:9: ROW-001 error [Expenditure total = basic + project] 一般公共预算支出情况表" in lines[2]


def test_the_json_carries_both_titles_and_the_places(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(text_file), "--format", "json"])
    finding = json.loads(capsys.readouterr().out)["documents"][0]["findings"][1]
    assert finding["title"] == "支出合计 = 基本支出 + 项目支出"
    assert finding["title_en"] == "Expenditure total = basic + project"
    assert finding["locations"] == [{"table": "general_budget", "agency": None, "code": "2101501", "project": None,
                                     "column": "total", "line_number": 9, "page": None}]
    assert (finding["expected"], finding["actual"]) == ("12.00", "12.50")


def test_json_and_jsonl_are_valid_against_the_published_schema(text_file: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    inputs = [str(text_file), str(tmp_path / "bad.txt"), "--example", "aketao-2023"]
    assert main(["schema", "--results"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == results_schema()
    main(["check", *inputs, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [d["outcome"] for d in data["documents"]] == ["checked", "checked", "not_read"]  # examples first
    main(["check", *inputs, "--format", "jsonl"])
    lines = capsys.readouterr().out.splitlines()
    line_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/document"}
    for line, document in zip(lines, data["documents"], strict=True):
        jsonschema.Draft202012Validator(line_schema).validate(json.loads(line))
        assert json.loads(line) == document


def test_the_schema_refuses_what_the_format_does_not_write() -> None:
    validator = jsonschema.Draft202012Validator(results_schema())
    assert not validator.is_valid({"documents": [], "totals": {}, "extra": 1})
    assert not validator.is_valid({"findings": []})


def test_csv_is_one_finding_a_row_and_excel_gets_a_byte_order_mark(text_file: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    out = tmp_path / "findings.csv"
    assert main(["check", str(text_file), str(tmp_path / "bad.txt"), "--format", "csv", "--excel", "-o",
                 str(out), "-q"]) == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["rule"], r["line"], r["code"], r["column"]) for r in rows[:2]] == [
        ("HIER-002", "8", "21015", "basic"), ("ROW-001", "9", "2101501", "total")]
    assert rows[1]["expected"] == "12.00" and rows[1]["title_en"] == "Expenditure total = basic + project"
    assert rows[2]["source"] == str(tmp_path / "bad.txt") and rows[2]["rule"] == "" and "binary" in rows[2]["error"]
    assert len(rows) == 3


def test_a_pdf_finding_is_placed_by_its_page() -> None:
    from cnbudget.cli.checking import CheckedDocument
    from cnbudget.cli.results import where
    from cnbudget.validation import Finding, Location, Severity

    found = Finding(rule="ROW-001", severity=Severity.ERROR, message="…",
                    locations=(Location(table="general_budget", line_number=3, page=12),))
    assert where(CheckedDocument(source="部门预算.pdf"), found) == "部门预算.pdf:p.12"
    assert where(CheckedDocument(source="说明.txt + 表.txt"), found) == "说明.txt + 表.txt"


def test_a_real_document_reads_the_same_in_every_format() -> None:
    path = str(corpus_path("sh-putuo-wanli-2023-dept-budget"))
    results = {}
    for form in ("json", "csv"):
        buffer = io.StringIO()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stdout", buffer)
            main(["check", path, "--format", form])
        results[form] = buffer.getvalue()
    findings = json.loads(results["json"])["documents"][0]["findings"]
    rows = list(csv.DictReader(io.StringIO(results["csv"])))
    assert [(f["rule"], f["message"]) for f in findings] == [(r["rule"], r["message"]) for r in rows]
    # The document's 2080506 机关事业单位职业年金缴费支出 prints 2,206,272 in 部门支出预算总表 and
    # 4,412,500 in the text: the finding names that row and column.
    narr = next(f for f in findings if f["rule"] == "NARR-003")
    assert {"table": "expenditure", "code": "2080506", "column": "total"}.items() <= narr["locations"][1].items()
    assert (narr["expected"], narr["actual"]) == ("2206272", "4412500")
