"""The ``cnbudget check`` and ``cnbudget rules`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnbudget.cli import main
from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
from cnbudget.serialize import to_json


def _write(tmp_path: Path, name: str, basic: str) -> Path:
    line = FunctionLine(code=FunctionCode("2101501"), name="行政运行",
                        amounts=ExpenditureAmounts(total="9.00", basic=basic, project="1.00"))
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024,
                           tables=Tables(general_budget=ExpenditureTable(lines=[line])))
    path = tmp_path / name
    path.write_text(to_json(doc), encoding="utf-8")
    return path


def test_clean_document_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, "ok.json", "8.00")), "--family", "ROW"]) == 0
    assert "错误 0 条" in capsys.readouterr().out


def test_error_exits_1_and_json_has_the_published_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.json", "1.00")
    assert main(["check", str(path), "--format", "json", "--family", "ROW"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["findings"][0]["rule"] == "ROW-001"
    assert data["findings"][0]["expected"] == "2.00"


def test_several_inputs_give_one_json_object_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = _write(tmp_path, "ok.json", "8.00"), _write(tmp_path, "bad.json", "1.00")
    assert main(["check", str(good), str(bad), "--format", "json", "--family", "ROW"]) == 1
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["source"] for o in objects] == [str(good), str(bad)]
    assert [len(o["findings"]) for o in objects] == [0, 1]


def test_severity_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, "bad.json", "1.00")), "--severity", "info", "--format", "json",
                 "--family", "ROW"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "ROW-001" in capsys.readouterr().out
